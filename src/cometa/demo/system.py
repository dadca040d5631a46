"""Who the demo's writes are done by when no person of its story does them (organisations,
accounts, good-practice marks). The services take ``actor=None`` for the system today; when
an explicit system actor replaces it, this is the one place to change."""

from __future__ import annotations

from cometa.accounts.models import Person

SYSTEM: Person | None = None

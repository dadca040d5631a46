"""Organisations, people, memberships and roles, who may see what (``access``), the
tamper-evident audit trail, sign-in with a second factor, API tokens, and their pages and
API. Every domain module stands on it.

Imports ``core`` and the shared floors only; never a domain module, ``links`` or ``demo``.
"""

"""Where evidence files live in the file storage: named here, for the evidence services that
write and read them and for the purge of removed items that deletes them."""

from __future__ import annotations


def storage_name(stored_name: str) -> str:
    """The name of an evidence file in the file storage."""
    return f"evidence/{stored_name}"

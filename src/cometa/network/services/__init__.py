"""Business operations of the network module, one function each, called alike by pages,
the API, imports and commands: check permission, validate, write in one transaction with
the audit entry. ``acting.SYSTEM`` is the platform itself (demo data, generator)."""

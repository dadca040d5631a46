"""The floor every other package stands on: settings readers, errors, the database URL,
security headers, progress, backups, serving, the module registry (``registry``), the web
shell (``web``: base templates, navigation, landing page, search, error pages, page helpers)
and the API plumbing (``api``: one error format, pagination, the schema).

Owns no business. Must not import any other package of Cometa: modules plug into the
shell through ``core.registry`` (checked by import-linter, see pyproject.toml).
"""

"""What every API endpoint shares: one error format, pagination and the schema route.
Modules mount their own routes through ``core.registry``. Imports only ``core``."""

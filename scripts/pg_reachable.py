"""Exit 0 and print the server version if the PostgreSQL URL answers, else exit 1 and why."""

import sys

import psycopg

try:
    with psycopg.connect(sys.argv[1], connect_timeout=3) as connection:
        version = connection.execute("SHOW server_version").fetchone()
except Exception as error:  # any failure means: skip, and say why
    print(f"{sys.argv[1]} is not reachable: {str(error).strip().splitlines()[0]}")
    sys.exit(1)
print(f"PostgreSQL {version[0] if version else '?'}")

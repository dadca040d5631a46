"""A scratch PostgreSQL database for a benchmark: made on the server of ``--postgres URL``,
dropped at the end (also after an error or Ctrl-C). The database named in the URL is only
used to connect; nothing in it is read or written.
"""

from __future__ import annotations

import secrets
import urllib.parse
from collections.abc import Callable, Iterator
from contextlib import contextmanager

PREFIX = "cometa_bench_"


def scratch_url(url: str, name: str) -> str:
    """``url`` with its database replaced by ``name`` (user, host, port and options kept)."""
    return urllib.parse.urlsplit(url)._replace(path=f"/{name}").geturl()


@contextmanager
def scratch_database(url: str, log: Callable[[str], None]) -> Iterator[str]:
    """Yields the URL of a new database ``cometa_bench_<random>``, dropped at the end."""
    import psycopg
    from psycopg import sql

    name = f"{PREFIX}{secrets.token_hex(4)}"
    identifier = sql.Identifier(name)
    with psycopg.connect(url, autocommit=True, connect_timeout=5) as connection:
        connection.execute(sql.SQL("CREATE DATABASE {}").format(identifier))
    log(f"   scratch database {name} created")
    try:
        yield scratch_url(url, name)
    finally:
        with psycopg.connect(url, autocommit=True, connect_timeout=5) as connection:
            connection.execute(
                sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(identifier)
            )
        log(f"   scratch database {name} dropped")

"""`python -m benchmarks.postgres_database URL`: exit 0 when PostgreSQL answers, after making
the benchmark database named by URL afresh (so every run starts empty, as on SQLite); exit 1
when PostgreSQL is not there."""

import sys
from urllib.parse import urlsplit, urlunsplit


def ensure(url: str) -> bool:
    import psycopg
    from psycopg import sql

    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    if not name.endswith("_bench"):  # it is dropped: never a database that holds anything
        raise SystemExit(f"refusing {name!r}: the benchmark database's name ends in _bench")
    server = urlunsplit(parts._replace(path="/postgres"))
    try:
        connection = psycopg.connect(server, connect_timeout=3, autocommit=True)
    except psycopg.OperationalError:
        return False
    with connection:
        connection.execute(sql.SQL("DROP DATABASE IF EXISTS {}").format(sql.Identifier(name)))
        connection.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    return True


if __name__ == "__main__":
    sys.exit(0 if ensure(sys.argv[1]) else 1)

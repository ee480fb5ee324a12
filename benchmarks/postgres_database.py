"""`python -m benchmarks.postgres_database URL`: exit 0 when PostgreSQL answers, after making
the benchmark database named by URL afresh (so every run starts empty, as on SQLite); exit 1
when PostgreSQL is not there."""

import sys


def ensure(url: str) -> bool:
    import psycopg
    from psycopg import sql

    server, name = url.rsplit("/", 1)
    try:
        connection = psycopg.connect(f"{server}/postgres", connect_timeout=3, autocommit=True)
    except psycopg.OperationalError:
        return False
    with connection:
        connection.execute(sql.SQL("DROP DATABASE IF EXISTS {}").format(sql.Identifier(name)))
        connection.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    return True


if __name__ == "__main__":
    sys.exit(0 if ensure(sys.argv[1]) else 1)

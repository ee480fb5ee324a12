"""`python -m benchmarks.postgres_database URL`: exit 0 when PostgreSQL answers, after creating
the benchmark database named by URL if it is missing; exit 1 when PostgreSQL is not there."""

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
        exists = connection.execute("SELECT 1 FROM pg_database WHERE datname = %s",
                                    [name]).fetchone()
        if not exists:
            connection.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    return True


if __name__ == "__main__":
    sys.exit(0 if ensure(sys.argv[1]) else 1)

"""The checks' counting pass over a CSV file as it stands, run beside the pass that reads
the file (hash, blank lines, transcoding): DuckDB's threads and Python's then share the
machine's cores instead of taking turns.

On a clean file (the pass finds nothing) its groups are the import's. Should it find
anything, or the file turn out other than its first megabyte said, the import checks the
file's text as before, and numbers the lines to say where.
"""

import threading

import duckdb

from styringshjul.ledger import ledger_checks
from styringshjul.ledger.ledger_files import LedgerFile
from styringshjul.ledger.ledger_sql import has_padded_codes, stage_sql


class EarlyPass:
    def __init__(self, db: duckdb.DuckDBPyConnection, head: LedgerFile,
                 mapping: dict[str, str], municipality, year: int) -> None:
        self.head = head
        # the code lists come from the database: here, not on the pass's thread
        checks = ledger_checks.prepare(db, municipality, year, mapping)
        # a Windows-1252 file is read as UTF-8 only where it is plain ASCII (`stage_sql`)
        ascii_only = head.encoding == "cp1252"
        if ascii_only:
            checks.append(ledger_checks.non_ascii_check())
        lines = f"({stage_sql(head, mapping, year, head.csv_path.parent, ascii_only=ascii_only)})"
        self._cursor = db.cursor()
        self._counts: list[int] | None = None
        self._thread = threading.Thread(target=self._count, args=(lines, checks), daemon=True)
        self._thread.start()

    def _count(self, lines: str, checks: list[ledger_checks.Check]) -> None:
        try:
            self._counts = ledger_checks.count(self._cursor, lines, checks)
        except duckdb.Error:  # not the file it seemed, or stopped: the import checks the text
            self._counts = None

    def found_nothing_in(self, ledger_file: LedgerFile) -> bool:
        """Whether the pass is done, read the file as `read_ledger_file` did, and found no
        issue nor totals line, nor a code with blanks around it. Its groups are then in
        `ledger_checks.GROUPS`."""
        self._thread.join()
        head, read = self.head, ledger_file
        return ((head.header, head.first_line, head.delimiter, head.encoding) ==
                (read.header, read.first_line, read.delimiter, read.encoding)
                and self._counts is not None and not any(self._counts)
                and not has_padded_codes(self._cursor, ledger_checks.GROUPS))

    def stop(self) -> None:
        self._cursor.interrupt()
        self._thread.join()
        self._cursor.close()

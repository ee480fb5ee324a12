"""The normalised lines of one ledger file, during its import.

The checks and the sums need only one parallel pass over the file's text (`lines`; on a
clean file, `early_pass` has made it already). Numbering the
lines means writing them in file order, which costs more than that pass; it happens only
when something must say where a line is (`numbered`): an issue to report, or a workbook's
rows to keep. A clean CSV file keeps its text instead, and `raw_lines.index_raw_lines`
writes the numbered lines after the import has committed.
"""

from dataclasses import dataclass
from pathlib import Path

import duckdb

from styringshjul.ledger.ledger_files import LedgerFile
from styringshjul.ledger.ledger_sql import literal, numbered, stage_sql, write_stage


@dataclass
class Stage:
    db: duckdb.DuckDBPyConnection
    ledger_file: LedgerFile
    mapping: dict[str, str]
    year: int
    path: Path  # where the numbered lines go, once written
    strip_codes: bool = False
    written: bool = False

    @property
    def lines(self) -> str:
        """The lines as a table expression: the written file, else parsed from the source."""
        if self.written:
            return self.numbered()
        self.ledger_file.as_utf8(self.path.parent)
        sql = stage_sql(self.ledger_file, self.mapping, self.year, self.path.parent,
                        strip_codes=self.strip_codes)
        return f"({sql})"

    def numbered(self) -> str:
        """The lines with their `line` numbers and KOSTRA arts (written on first use)."""
        if not self.written:
            self.ledger_file.as_utf8(self.path.parent)
            write_stage(self.db, self.ledger_file, self.mapping, self.year, self.path,
                        strip_codes=self.strip_codes)
            self.written = True
        return numbered(literal(str(self.path)))

    def trim_codes(self) -> None:
        """From now on, codes without the blanks around them (the lines written so far, if
        any, are dropped)."""
        self.strip_codes, self.written = True, False
        self.path.unlink(missing_ok=True)

    def discard(self) -> None:
        self.path.unlink(missing_ok=True)

    def reading(self) -> dict:
        """How to read the source text again as these lines (`raw_lines.text_lines`)."""
        return {"header": self.ledger_file.header, "first_line": self.ledger_file.first_line,
                "delimiter": self.ledger_file.delimiter,
                "encoding": self.ledger_file.csv_encoding, "mapping": self.mapping,
                "year": self.year, "strip_codes": self.strip_codes}

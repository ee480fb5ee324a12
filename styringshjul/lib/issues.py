"""Problems found in input, as data: where (row, column, value), what (code) and why (message).

An import returns a list of these; it never prints them. Messages are already translated by
the caller, so this module stays free of any framework.
"""

import csv
import io
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True)
class Issue:
    code: str
    message: str
    row: int | None = None
    column: str = ""
    value: str = ""
    severity: Severity = Severity.ERROR

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR


def errors(issues: Iterable[Issue]) -> list[Issue]:
    return [issue for issue in issues if issue.is_error]


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(text: str) -> str:
    """A cell a spreadsheet shows as text, never runs as a formula (CSV injection)."""
    return f"'{text}" if text.startswith(FORMULA_STARTS) else text


def issues_csv(
    issues: Iterable[Issue], header: Sequence[str], severity_labels: Mapping[Severity, str]
) -> str:
    """Severity, row, column, value and message as `;`-separated text with a BOM, as Excel
    in Norway and Denmark opens it; `header` names those five columns in the user's language.
    """
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(header)
    for issue in issues:
        writer.writerow([
            severity_labels[issue.severity],
            "" if issue.row is None else issue.row,
            spreadsheet_safe(issue.column),
            spreadsheet_safe(issue.value),
            spreadsheet_safe(issue.message),
        ])
    return "\ufeff" + out.getvalue()

"""Problems found in input, as data: where (row, column, value), what (code) and why (message).

An import returns a list of these; it never prints them. Messages are already translated by
the caller, so this module stays free of any framework.
"""

from collections.abc import Iterable
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

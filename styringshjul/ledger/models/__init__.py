from styringshjul.ledger.models.actuals import (
    AccountClass,
    AccountString,
    Actual,
    ColumnProfile,
    LedgerImport,
)
from styringshjul.ledger.models.codes import (
    KostraArt,
    KostraCode,
    KostraFunction,
    NameConfidence,
    Rule,
)

__all__ = [
    "AccountClass", "AccountString", "Actual", "ColumnProfile", "KostraArt", "KostraCode",
    "KostraFunction", "LedgerImport", "NameConfidence", "Rule",
]

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
from styringshjul.ledger.models.rollups import ActualRollup, Dimension

__all__ = [
    "AccountClass", "AccountString", "Actual", "ActualRollup", "ColumnProfile", "Dimension",
    "KostraArt", "KostraCode", "KostraFunction", "LedgerImport", "NameConfidence", "Rule",
]

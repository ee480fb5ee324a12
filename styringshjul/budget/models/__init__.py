"""The economic plan and its budget versions.

A plan spans four years (the first is the annual budget). The budget process runs through
versions — baseline, proposal, recommendation, adopted, party alternatives, revised — each
holding its own lines, so any two can be compared. A version's lines are its whole budget:
lines without a measure are the base; a measure included in a version writes its own lines
(marked with the measure), so sums, schedules and follow-up need no special case.
"""

from styringshjul.budget.models.lines import (
    ACCOUNT_STRING_FIELDS,
    BudgetLine,
    ChangeSource,
    LineChange,
)
from styringshjul.budget.models.measures import (
    InvestmentProject,
    InvestmentYear,
    LoanKind,
    Measure,
    MeasureKind,
    MeasureStatus,
    MeasureYear,
    VersionMeasure,
)
from styringshjul.budget.models.process import (
    AdjustmentKind,
    BaselineAdjustment,
    BudgetRevision,
    DecidingBody,
    Frame,
    RevisionLine,
)
from styringshjul.budget.models.profiles import PeriodProfile
from styringshjul.budget.models.versions import (
    FROZEN_STATES,
    BudgetVersion,
    DemographicDriver,
    EconomicPlan,
    PartyGroup,
    PlanYear,
    VersionState,
)

__all__ = [
    "ACCOUNT_STRING_FIELDS", "FROZEN_STATES", "AdjustmentKind", "BaselineAdjustment",
    "BudgetLine", "BudgetRevision", "BudgetVersion", "ChangeSource", "DecidingBody",
    "DemographicDriver", "EconomicPlan", "Frame", "InvestmentProject", "InvestmentYear",
    "LineChange", "LoanKind", "Measure", "MeasureKind", "MeasureStatus", "MeasureYear",
    "PartyGroup", "PeriodProfile", "PlanYear", "RevisionLine", "VersionMeasure", "VersionState",
]

"""A standard cycle following the law's deadlines (see legal_rules.py for the sources)."""

from styringshjul.cycle.templates_data import CycleTemplate, Row

ROWS = (
    Row("13.02.2025", "Rapportering til KOSTRA (SSB)", suggested="okonomi",
        phase="evaluation", kind="report", key="kostra_reporting"),
    Row("21.02.2025", "Årsregnskapet avlegges", suggested="radmannen", phase="evaluation",
        key="accounts_delivered", ref="accounts"),
    Row("31.03.2025", "Årsberetningen avgis", suggested="radmannen", phase="evaluation",
        kind="report", key="annual_report", ref="annual_report"),
    Row("15.04.2025", "Revisjonsberetningen avgis", suggested="revisor", phase="evaluation",
        kind="report", key="audit_statement", ref="audit", depends_on=("accounts",)),
    Row("07.05.2025", "Kontrollutvalget uttaler seg om årsregnskapet og årsberetningen",
        suggested="kontrollutvalget", phase="evaluation", kind="political_meeting",
        key="control_committee_accounts", at_meeting=True, ref="control",
        depends_on=("audit", "annual_report")),
    Row("22.05.2025", "Formannskapet innstiller på årsregnskap og årsberetning",
        suggested="formannskapet", phase="evaluation", kind="political_meeting",
        at_meeting=True, ref="fsk_accounts", depends_on=("control",)),
    Row("17.06.2025", "Kommunestyret vedtar årsregnskap og årsberetning",
        suggested="kommunestyret", phase="evaluation", kind="political_meeting",
        key="accounts_adopted", at_meeting=True, depends_on=("fsk_accounts",)),
    Row("17.06.2025", "Kommunestyret behandler rapport om budsjettutviklingen per 30. april",
        suggested="kommunestyret", phase="evaluation", kind="political_meeting",
        key="budget_report", at_meeting=True),
    Row("21.10.2025", "Kommunestyret behandler rapport om budsjettutviklingen per 31. august",
        suggested="kommunestyret", phase="evaluation", kind="political_meeting",
        key="budget_report", at_meeting=True),
    Row("27.11.2025", "Formannskapet innstiller på økonomiplan og årsbudsjett",
        description="Innstillingen legges ut til alminnelig ettersyn i minst 14 dager.",
        suggested="formannskapet", phase="budget", kind="political_meeting",
        key="recommendation_public", at_meeting=True, ref="recommendation"),
    Row("16.12.2025", "Kommunestyret vedtar økonomiplan og årsbudsjett",
        suggested="kommunestyret", phase="budget", kind="political_meeting",
        key="budget_adopted", at_meeting=True, depends_on=("recommendation",)),
)

TEMPLATE = CycleTemplate(
    slug="standard",
    name="Standard: lovens frister",
    year=2025,
    source="Kommuneloven og budsjett- og regnskapsforskriften",
    rows=ROWS,
)

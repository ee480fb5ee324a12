"""Gausdal kommune's styringshjul (seed 003, KS-samling 23 April 2009).

The seed gives phases around the months and what happens in each tertial, not dates:
the days below are ours, placed in the months the wheel shows. Phases: evaluation in
the first tertial (user and work-environment surveys, accounts, annual report),
dialogue in the second (user councils, dialogue meetings per unit in April/May, the
dialogue seminar in June), action programme and budget in the third, and strategy and
governance (scorecards) around the turn of the year. The legally required accounts and
reporting steps are added so the wheel passes the checks.
"""

from styringshjul.cycle.templates_data import CycleTemplate, Row

ROWS = (
    Row("12.01.2009", "Brukerundersøkelser", end="27.02.2009",
        description="Resultater fra brukerundersøkelsene er objektive data for vurdering av "
                    "måloppnåelsen foregående år.",
        suggested="tjenesteledere", phase="evaluation", kind="survey"),
    Row("12.01.2009", "Arbeidsmiljøundersøkelser", end="27.02.2009",
        suggested="radmannen", phase="evaluation", kind="survey"),
    Row("13.02.2009", "Rapportering til KOSTRA", suggested="okonomi", phase="evaluation",
        kind="report", key="kostra_reporting"),
    Row("20.02.2009", "Økonomisk resultat: årsregnskapet avlegges", suggested="okonomi",
        phase="evaluation", key="accounts_delivered", ref="accounts"),
    Row("03.03.2009", "Brukerråd gjennomgår enhetenes resultater", end="27.03.2009",
        description="Innspill til enhetsleders styringskort.",
        suggested="tjenesteledere", phase="dialogue", kind="dialogue"),
    Row("31.03.2009", "Årsmelding", suggested="radmannen", phase="evaluation",
        kind="report", key="annual_report", ref="annual_report"),
    Row("14.04.2009", "Revisjonsberetning", suggested="revisor", phase="evaluation",
        kind="report", key="audit_statement", ref="audit", depends_on=("accounts",)),
    Row("20.04.2009", "Dialogmøter på hver enhet", end="29.05.2009",
        description="Brukerrådet, leder, tillitsvalgte for enheten og tre folkevalgte.",
        suggested="tjenesteledere", phase="dialogue", kind="dialogue"),
    Row("06.05.2009", "Kontrollutvalget behandler årsregnskap og årsmelding",
        suggested="kontrollutvalget", phase="evaluation", kind="political_meeting",
        key="control_committee_accounts", at_meeting=True, ref="control",
        depends_on=("audit", "annual_report")),
    Row("02.06.2009", "Utfordringsnotat til dialogseminaret",
        description="Referatene fra dialogmøtene sammenfattes.", suggested="radmannen",
        phase="dialogue", kind="report", ref="challenge_note"),
    Row("09.06.2009", "Kommunestyret vedtar årsregnskap og årsmelding",
        suggested="kommunestyret", phase="evaluation", kind="political_meeting",
        key="accounts_adopted", at_meeting=True, depends_on=("control",)),
    Row("16.06.2009", "Dialogseminar",
        description="Kommunestyret, rådmann og kommunalsjefer, enhetsledere, HTV, eldrerådet, "
                    "råd for funksjonshemmede og ungdomsrådet. Prioriteringer for neste år og "
                    "de kommende fire år.",
        suggested="kommunestyret", phase="dialogue", kind="dialogue",
        depends_on=("challenge_note",)),
    Row("16.06.2009", "Kommunestyret behandler 1. tertialrapport", suggested="kommunestyret",
        phase="evaluation", kind="political_meeting", key="budget_report", at_meeting=True),
    Row("17.08.2009", "Rådmannen omsetter dialogseminarets vedtak til handlingsprogram og "
        "budsjett", end="30.10.2009", suggested="radmannen", phase="budget"),
    Row("20.10.2009", "Kommunestyret behandler 2. tertialrapport", suggested="kommunestyret",
        phase="evaluation", kind="political_meeting", key="budget_report", at_meeting=True),
    Row("19.11.2009", "Formannskapets innstilling til handlingsprogram og budsjett",
        suggested="formannskapet", phase="budget", kind="political_meeting",
        key="recommendation_public", at_meeting=True, ref="recommendation"),
    Row("15.12.2009", "Kommunestyret vedtar handlingsprogram, budsjett, mål og rammer",
        description="Overordna styringskort og styringskort på planområdene.",
        suggested="kommunestyret", phase="budget", kind="political_meeting",
        key="budget_adopted", at_meeting=True, depends_on=("recommendation",)),
    Row("01.12.2009", "Enhetene utarbeider styringskort for neste år", end="31.12.2009",
        description="Drøftes med rådmann/kommunalsjef.", suggested="tjenesteledere",
        phase="strategy"),
)

TEMPLATE = CycleTemplate(
    slug="gausdal",
    name="Gausdal: styringshjulet",
    year=2009,
    source="Gausdal kommune, BMS på gausdøl (seed 003)",
    rows=ROWS,
)

"""Ringebu kommune's draft "budsjettprosess med rapportering" for 2013 (seed 001).

Every dated row of the four tables (accounts and annual report, tertial reports,
economic plan 2014–2017, budget 2014) with its text as written; a "?" after a date in
the source is `uncertain=True`. The source's responsible column is `responsible` (BDO,
the auditor, is the body `revisor`); where the cell is empty, `suggested` is our reading.
In the flattened source the column "Ansvarlig" of the three training/leader-forum rows of
5.4–30.4 holds one "Rådmannen"; it is given to the leader forum row.
"""

from styringshjul.cycle.templates_data import CycleTemplate, Row

ROWS = (
    # Årsavslutning, årsberetning, revisjon og KOSTRA
    Row("10.02.2013", "Mal for årsberetning/tjenesterapportering ferdig",
        suggested="okonomi", phase="evaluation"),
    Row("15.02.2013", "Frist årsavslutning regnskap 2012.", responsible="mgrs",
        phase="evaluation", key="accounts_delivered", ref="accounts"),
    Row("15.02.2013", "Frist KOSTRA rapportering til SSB", suggested="mgrs",
        phase="evaluation", kind="report", key="kostra_reporting"),
    Row("08.03.2013", "Frist for tjenestelederne årsberetning 2012", suggested="tjenesteledere",
        phase="evaluation", kind="report"),
    Row("15.03.2013", "Administrasjonens samlede årsberetning ferdigstilles",
        suggested="radmannen", phase="evaluation", kind="report", key="annual_report",
        ref="annual_report"),
    Row("15.03.2013", "Foreløpige KOSTRA data publiseres", suggested="ssb",
        phase="evaluation"),
    Row("15.04.2013", "KOSTRA korreksjoner, tjenesterapportering", suggested="okonomi",
        phase="evaluation", kind="report"),
    Row("15.04.2013", "Revisors frist for å avlegge revisjonsberetning", responsible="revisor",
        phase="evaluation", kind="report", key="audit_statement", uncertain=True,
        ref="audit", depends_on=("accounts",)),
    Row("08.05.2013", "Kontrollutvalget behandler regnskap, årsberetning og revisjonsberetning",
        responsible="kontrollutvalget", phase="evaluation", kind="political_meeting",
        key="control_committee_accounts", uncertain=True, at_meeting=True, ref="control",
        depends_on=("audit", "annual_report")),
    Row("16.05.2013",
        "Formannskapet behandler/innstiller på regnskap, årsberetning og revisjonsberetning",
        responsible="formannskapet", phase="evaluation", kind="political_meeting",
        uncertain=True, at_meeting=True, ref="fsk_accounts", depends_on=("control",)),
    Row("28.05.2013", "Kommunestyret vedtar regnskap", responsible="kommunestyret",
        phase="evaluation", kind="political_meeting", key="accounts_adopted", at_meeting=True,
        depends_on=("fsk_accounts",)),
    Row("17.06.2013", "Reviderte KOSTRA data publiseres av SSB", suggested="ssb",
        phase="evaluation"),
    # Tertialrapportering 2013
    Row("03.05.2013", "Periode 4 stenges", responsible="mgrs", phase="evaluation"),
    Row("06.05.2013", "Tjenestelederne utarbeider sine tertialrapporter", end="15.05.2013",
        suggested="tjenesteledere", phase="evaluation", kind="report"),
    Row("16.05.2013", "Samlet tertialrapport ferdigstilles", end="24.05.2013",
        suggested="okonomi", phase="evaluation", kind="report"),
    Row("06.06.2013", "Formannskapet behandler/innstiller på tertialrapport",
        responsible="formannskapet", phase="evaluation", kind="political_meeting",
        at_meeting=True),
    Row("18.06.2013", "Kommunestyret behandler tertialrapport", responsible="kommunestyret",
        phase="evaluation", kind="political_meeting", key="budget_report", at_meeting=True),
    Row("04.09.2013", "Periode 8 stenges", responsible="mgrs", phase="evaluation"),
    Row("05.09.2013", "Tjenestelederne utarbeider sine tertialrapporter", end="13.09.2013",
        suggested="tjenesteledere", phase="evaluation", kind="report"),
    Row("16.09.2013", "Samlet tertialrapport ferdigstilles", end="20.09.2013",
        suggested="okonomi", phase="evaluation", kind="report"),
    Row("09.10.2013", "Formannskapet behandler/innstiller på tertialrapport",
        responsible="formannskapet", phase="evaluation", kind="political_meeting",
        at_meeting=True),
    Row("05.11.2013", "Kommunestyret behandler tertialrapport", responsible="kommunestyret",
        phase="evaluation", kind="political_meeting", key="budget_report", at_meeting=True),
    # Økonomiplan 2014–2017
    Row("05.04.2013", "Opplæring Windows budsjettmodul",
        description="Superbrukere og tjenesteledere som har videredelegert budsjettarbeid til "
                    "andre. Opplæring sammen med Sør-Fron kommune.",
        suggested="okonomi", phase="budget", kind="training"),
    Row("23.04.2013", "Lederforum diskuterer arbeidsmåte og prinsipper for prioriteringer ved "
        "tildeling av rammer i det kommende budsjettarbeidet", responsible="radmannen",
        phase="strategy", kind="dialogue"),
    Row("30.04.2013", "Opplæring Web basert budsjettmodul",
        description="Tjenesteledere og andre som har fått delegert budsjettarbeid. Opplæring "
                    "sammen med Sør-Fron kommune.",
        suggested="okonomi", phase="budget", kind="training"),
    Row("02.05.2013", "Administrativ innspillsfase økonomiplan 2014–2017 (inkl. investeringer)",
        end="24.05.2013",
        description="Innretning av den samlede økonomiplan, med bakgrunn i kommuneplanens "
                    "samfunnsdel m.m.",
        suggested="radmannen", phase="budget"),
    Row("16.05.2013", "Formannskapet inviteres til å komme med sine overordnede "
        "føringer/prioriteringer for økonomiplan og budsjettarbeidet",
        description="Behandling av planprosess.", responsible="formannskapet",
        phase="strategy", kind="political_meeting", uncertain=True, at_meeting=True),
    Row("20.05.2013", "Kommuneproposisjonen legges fram", suggested="staten",
        phase="strategy", uncertain=True),
    Row("31.05.2013", "Administrative rammer for økonomiplanarbeidet fastsettes",
        responsible="radmannen", phase="budget"),
    Row("01.06.2013", "Dialogkonferanse for formannskap/kommunestyre, rådmannens ledergruppe "
        "og tjenesteledere", end="10.06.2013",
        description="Tema: Kommuneplanens samfunnsdel, handlingsdel, økonomiplan.",
        suggested="radmannen", phase="dialogue", kind="dialogue", uncertain=True),
    Row("01.06.2013", "Tjenestelederne utarbeider sine forslag til økonomiplan 2014–2017 "
        "innenfor tildelte rammer", end="15.08.2013", responsible="radmannen",
        phase="budget"),
    Row("01.09.2013", "Administrativt utkast til økonomiplan 2014–2017 ferdigstilles",
        suggested="radmannen", phase="budget"),
    Row("12.09.2013", "Formannskapet behandler og kommer med innspill til saldering av "
        "økonomiplan 2014–2017", responsible="formannskapet", phase="budget",
        kind="political_meeting", at_meeting=True),
    Row("19.09.2013", "Formannskapet behandler/innstiller på økonomiplan 2014–2017",
        description="OBS! 14 dagers offentlig ettersyn må ha plass før kommunestyret.",
        responsible="formannskapet", phase="budget", kind="political_meeting",
        key="economic_plan_recommendation", at_meeting=True, ref="plan_recommendation"),
    Row("08.10.2013", "Kommunestyret vedtar økonomiplan 2014–2017",
        responsible="kommunestyret", phase="budget", kind="political_meeting",
        key="economic_plan_adopted", at_meeting=True, depends_on=("plan_recommendation",)),
    # Budsjett 2014
    Row("20.09.2013", "Rammer for budsjett 2014 fastsettes med bakgrunn i formannskapets "
        "innstilling til økonomiplan", responsible="radmannen", phase="budget"),
    Row("20.09.2013", "Tjenestelederne utarbeider sine forslag til budsjett 2014 innenfor "
        "tildelte rammer i økonomiplanen", end="15.10.2013",
        description="Med de endringer som måtte komme i kommunestyret 08.10.2013.",
        suggested="tjenesteledere", phase="budget"),
    Row("15.10.2013", "Statsbudsjettet legges fram", suggested="staten", phase="budget",
        uncertain=True),
    Row("01.11.2013", "Administrativt utkast til budsjett 2014", suggested="radmannen",
        phase="budget", ref="budget_draft"),
    Row("07.11.2013", "Formannskapet behandler/innstiller på budsjett 2014",
        description="OBS! 14 dagers offentlig ettersyn må ha plass før kommunestyret.",
        responsible="formannskapet", phase="budget", kind="political_meeting",
        key="recommendation_public", uncertain=True, at_meeting=True,
        ref="budget_recommendation", depends_on=("budget_draft",)),
    Row("26.11.2013", "Kommunestyret vedtar budsjett 2014", responsible="kommunestyret",
        phase="budget", kind="political_meeting", key="budget_adopted", at_meeting=True,
        depends_on=("budget_recommendation",)),
)

TEMPLATE = CycleTemplate(
    slug="ringebu-2013",
    name="Ringebu 2013: budsjettprosess med rapportering",
    year=2013,
    source="Ringebu kommune, plan- og styringssystem (seed 001)",
    rows=ROWS,
)

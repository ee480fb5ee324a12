"""The demo's measures for Ringebu's economic plan 2026–2029: what a chief executive's
proposal in a municipality of 4 400 people typically weighs — savings and efficiency in
the big services, a few new initiatives, structural changes with effect from the second
year, short-term crisis measures, and investments that "frame operations" with their
capital costs. Invented figures in a plausible proportion. Framework-free.

Amounts are the effect on operations per year in kroner, KOSTRA sign: a saving negative,
a cost positive.
"""

from decimal import Decimal
from typing import NamedTuple


class DemoMeasure(NamedTuple):
    title: str
    kind: str
    unit: str
    responsibility: str
    function: str
    art: str
    amounts: tuple[int, int, int, int]
    one_off: bool = False
    description: str = ""
    users: str = ""
    staff: str = ""

    def yearly(self) -> list[Decimal]:
        return [Decimal(amount) for amount in self.amounts]


M = DemoMeasure

MEASURES = (
    M("Redusert bemanning i administrasjonen", "saving", "Rådmannens stab", "1000", "120",
      "010", (-450_000, -900_000, -900_000, -900_000),
      description="Ett årsverk i staben holdes vakant fra 1. juli 2026.",
      staff="Ett årsverk mindre; oppgaver fordeles i staben."),
    M("Digital postgang og arkiv", "efficiency", "Fellestjenesten", "1100", "120", "120",
      (-120_000, -250_000, -250_000, -250_000),
      description="Papirpost erstattes av digital post; porto og trykk faller bort."),
    M("Ny lisensavtale for fagsystemer", "efficiency", "Fellestjenesten", "1110", "120",
      "200", (-180_000, -180_000, -180_000, -180_000)),
    M("Færre møter i utvalgene", "saving", "Rådmannens stab", "1010", "100", "080",
      (-80_000, -80_000, -80_000, -80_000),
      description="Hovedutvalgene går fra ti til åtte møter i året."),
    M("Sammenslåing av SFO-avdelinger om sommeren", "efficiency", "Ringebu skole", "2110",
      "215", "010", (-150_000, -150_000, -150_000, -150_000),
      users="SFO i juli gis på Ringebu skole for hele kommunen.",
      staff="Sommerturnus felles for begge SFO-ene."),
    M("Økt lærertetthet 1.–4. trinn", "new_initiative", "Fåvang skule", "2200", "202", "010",
      (350_000, 700_000, 700_000, 700_000),
      description="Ett ekstra lærerårsverk fra skolestart 2026.",
      users="Mindre grupper i lesing og regning på småtrinnet."),
    M("Skolestruktur: Fåvang og Ringebu mellomtrinn samlokaliseres", "structural",
      "Ringebu skole", "2100", "202", "010", (0, -1_200_000, -2_400_000, -2_400_000),
      description="Utredes i 2026; 5.–7. trinn samles på Ringebu skole fra høsten 2027.",
      users="Lengre skolevei for elever i Fåvang på mellomtrinnet.",
      staff="Om lag fire årsverk færre over tid, tatt ved naturlig avgang."),
    M("Digitale læremidler – felles innkjøp", "efficiency", "Ringebu ungdomsskole", "2300",
      "202", "105", (-90_000, -90_000, -90_000, -90_000)),
    M("Barnehageplasser etter behov i Venabygd", "structural", "Venabygd barnehage", "2420",
      "201", "010", (-300_000, -600_000, -600_000, -600_000),
      description="Én avdeling stenges når barnetallet er under ti.",
      users="Foreldre i Venabygd kan få plass i Ringebu barnehage."),
    M("Språkløft i barnehagene", "new_initiative", "Ringebu barnehage", "2400", "201", "150",
      (150_000, 150_000, 0, 0), one_off=False,
      description="Kompetanseheving for alle ansatte over to år."),
    M("PP-tjenesten: interkommunalt samarbeid", "structural", "PP-tjenesten", "2600", "202",
      "350", (0, -250_000, -250_000, -250_000)),
    M("Voksenopplæring: færre deltakere", "saving", "Voksenopplæringen", "2500", "213",
      "010", (-200_000, -400_000, -400_000, -400_000)),
    M("Velferdsteknologi i hjemmetjenesten", "efficiency", "Hjemmetjenesten", "3200", "258",
      "010", (-250_000, -800_000, -1_100_000, -1_100_000),
      description="Digitalt tilsyn og medisindispensere erstatter en del besøk.",
      users="Færre fysiske besøk; trygghet med digitalt tilsyn.",
      staff="Frigjort tid brukes til oppfølging av de sykeste."),
    M("Omgjøring av korttidsplasser til omsorgsboliger", "structural", "Ringebu sjukeheim",
      "3100", "253", "010", (0, -1_500_000, -3_000_000, -3_000_000),
      description="Fire sjukeheimsplasser blir heldøgns omsorgsboliger fra 2027.",
      users="Flere bor hjemme lenger; færre institusjonsplasser.",
      staff="Turnusen i sjukeheimen endres; ingen oppsigelser."),
    M("Nattevakt i bofellesskapet", "new_initiative", "Bo- og aktivitetstjenester", "3400",
      "257", "010", (600_000, 600_000, 600_000, 600_000),
      description="Våken nattevakt etter krav fra Statsforvalteren."),
    M("Redusert vikarbruk i sjukeheimen", "efficiency", "Ringebu sjukeheim", "3100", "253",
      "020", (-400_000, -600_000, -600_000, -600_000),
      staff="Større stillinger og egen vikarpool."),
    M("Kjøkken: felles produksjon for sjukeheim og hjemmeboende", "efficiency", "Ringebu sjukeheim",
      "3110", "253", "115", (-100_000, -200_000, -200_000, -200_000)),
    M("Frisklivssentral", "new_initiative", "Helse og familie", "3300", "233", "010",
      (300_000, 300_000, 300_000, 300_000),
      users="Tilbud om fysisk aktivitet, kosthold og røykeslutt."),
    M("Legevakt: ny avtale med vertskommunen", "saving", "Helse og familie", "3310", "241",
      "350", (-150_000, -150_000, -150_000, -150_000)),
    M("Barnevern: forebyggende team", "new_initiative", "Barneverntjenesten", "3600", "251",
      "010", (450_000, 450_000, 450_000, 450_000),
      description="Tidlig innsats for å unngå kostbare plasseringer."),
    M("Barnevern: færre kjøpte plasser", "saving", "Barneverntjenesten", "3600", "252",
      "370", (-300_000, -900_000, -1_200_000, -1_200_000)),
    M("Sosialhjelp: aktivitetsplikt", "efficiency", "NAV sosiale tjenester", "3500", "281",
      "470", (-200_000, -300_000, -300_000, -300_000)),
    M("Energiøkonomisering i kommunale bygg", "efficiency", "Eiendom", "4200", "222", "185",
      (-250_000, -500_000, -500_000, -500_000),
      description="Styring av varme og lys; gevinst etter investering i SD-anlegg."),
    M("Renhold: ny frekvens i administrasjonsbygg", "saving", "Eiendom", "4210", "121", "075",
      (-150_000, -150_000, -150_000, -150_000)),
    M("Vintervedlikehold: færre brøyteroder", "saving", "Teknisk drift", "4100", "332", "271",
      (-200_000, -200_000, -200_000, -200_000),
      users="Lavere brøytestandard på enkelte kommunale veger."),
    M("Økt gebyr for byggesak (selvkost)", "saving", "Plan, næring og miljø", "4300", "301",
      "620", (-150_000, -150_000, -150_000, -150_000)),
    M("Næringsfond: ekstra tilskudd etter brannen i sentrum", "crisis", "Plan, næring og miljø",
      "4320", "325", "470", (500_000, 0, 0, 0), one_off=True,
      description="Engangsstøtte til bedrifter rammet av brannen; vurderes ikke videre.",
      users="Støtte til gjenoppbygging for berørte bedrifter."),
    M("Midlertidig stans i innkjøp av inventar", "crisis", "Fellestjenesten", "1100", "120",
      "200", (-250_000, 0, 0, 0), one_off=True,
      description="Kortsiktig tiltak for å dekke økte energikostnader i 2026."),
    M("Bibliotek: meråpent bibliotek", "efficiency", "Kultur og fritid", "4410", "370", "010",
      (-80_000, -160_000, -160_000, -160_000),
      users="Lengre åpningstid med selvbetjening."),
    M("Kulturskolen: søskenmoderasjon fjernes", "saving", "Kulturskolen", "4500", "383",
      "600", (-60_000, -60_000, -60_000, -60_000),
      users="Høyere pris for familier med flere barn i kulturskolen."),
)


class DemoProject(NamedTuple):
    code: str
    name: str
    responsibility: str
    function: str
    amounts: tuple[int, int, int, int]
    loan_share: Decimal
    vat_share: Decimal


PROJECTS = (
    DemoProject("P2601", "Ny avdeling Ringebu sjukeheim", "3100", "261",
                (4_000_000, 18_000_000, 12_000_000, 0), Decimal("0.8"), Decimal("0.2")),
    DemoProject("P2602", "Rehabilitering Fåvang skule", "2200", "222",
                (2_500_000, 6_000_000, 0, 0), Decimal("0.8"), Decimal("0.2")),
    DemoProject("P2603", "Vannledning Fåvang–Ringebu", "4110", "345",
                (3_000_000, 5_000_000, 5_000_000, 0), Decimal("1"), Decimal("0")),
)

ALTERNATIVES = {
    # Party group → measures it takes out of the proposal (by title) and extra frame text.
    "Senterpartiet": ("Skolestruktur: Fåvang og Ringebu mellomtrinn samlokaliseres",
                      "Barnehageplasser etter behov i Venabygd"),
    "Høyre": ("Frisklivssentral", "Økt lærertetthet 1.–4. trinn"),
}

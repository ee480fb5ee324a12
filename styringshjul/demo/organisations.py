"""Two municipalities a finance officer would recognise: Ringebu with 22 units in four
service areas and Gausdal with 11 in three, each unit with 4-digit ansvar codes.

Names of places are real; leaders are invented.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class DemoUnit:
    name: str
    leader: str
    responsibilities: tuple[tuple[str, str], ...]
    description: str = ""


@dataclass(frozen=True)
class DemoArea:
    name: str
    leader: str
    units: tuple[DemoUnit, ...]


@dataclass(frozen=True)
class DemoMunicipality:
    number: str
    name: str
    county: str
    population: int
    areas: tuple[DemoArea, ...]


U = DemoUnit

# Population 1 January 2025, from ../shared/data/kostra/kommuner_2026.csv.
RINGEBU = DemoMunicipality("3439", "Ringebu", "Innlandet", 4413, (
    DemoArea("Stab og støtte", "Marit Sletten", (
        U("Rådmannens stab", "Marit Sletten",
          (("1000", "Rådmann"), ("1010", "Politiske organer"), ("1020", "Kontrollutvalg"))),
        U("Fellestjenesten", "Jon Bratlien", (("1100", "Fellestjenesten"), ("1110", "IKT"))),
        U("Økonomi og personal", "Kari Nordhagen",
          (("1200", "Økonomi"), ("1210", "Lønn og personal"), ("1290", "Felles finans"))),
    )),
    DemoArea("Oppvekst", "Eirik Tande", (
        U("Ringebu skole", "Anne Storrusten", (("2100", "Ringebu skole"), ("2110", "SFO Ringebu")),
          "Barneskole 1.–7. trinn med skolefritidsordning."),
        U("Fåvang skule", "Ola Haugen", (("2200", "Fåvang skule"), ("2210", "SFO Fåvang")),
          "Barneskule 1.–7. trinn med skulefritidsordning."),
        U("Ringebu ungdomsskole", "Siri Kvarven", (("2300", "Ringebu ungdomsskole"),)),
        U("Ringebu barnehage", "Tone Myhre", (("2400", "Ringebu barnehage"),)),
        U("Fåvang barnehage", "Heidi Brenden", (("2410", "Fåvang barnehage"),)),
        U("Venabygd barnehage", "Liv Solbakken", (("2420", "Venabygd barnehage"),)),
        U("Voksenopplæringen", "Arne Lunde", (("2500", "Voksenopplæring"),)),
        U("PP-tjenesten", "Berit Hov", (("2600", "PP-tjenesten"),)),
    )),
    DemoArea("Helse og omsorg", "Guri Sve", (
        U("Ringebu sjukeheim", "Nils Ulberg",
          (("3100", "Sjukeheim, pleie"), ("3110", "Kjøkken"), ("3120", "Vaskeri"))),
        U("Hjemmetjenesten", "Randi Kvisberg",
          (("3200", "Hjemmesykepleie"), ("3210", "Praktisk bistand"))),
        U("Helse og familie", "Ingrid Hole",
          (("3300", "Helsestasjon"), ("3310", "Legetjeneste"), ("3320", "Fysioterapi"))),
        U("Bo- og aktivitetstjenester", "Terje Nordli",
          (("3400", "Bofellesskap"), ("3410", "Dagsenter"))),
        U("NAV sosiale tjenester", "Hanne Steig", (("3500", "Sosialhjelp"),)),
        U("Barneverntjenesten", "Lene Moen", (("3600", "Barnevern"),)),
    )),
    DemoArea("Samfunnsutvikling", "Knut Fossum", (
        U("Teknisk drift", "Geir Lillehaug",
          (("4100", "Kommunale veger"), ("4110", "Vannforsyning"), ("4120", "Avløp"))),
        U("Eiendom", "Svein Rudi", (("4200", "Eiendomsforvaltning"), ("4210", "Renhold"))),
        U("Plan, næring og miljø", "Astrid Nyhus",
          (("4300", "Plan og byggesak"), ("4310", "Landbruk og miljø"), ("4320", "Næring"))),
        U("Kultur og fritid", "Mona Teigen", (("4400", "Kultur"), ("4410", "Bibliotek"))),
        U("Kulturskolen", "Pål Dalseg", (("4500", "Kulturskole"),)),
    )),
))

GAUSDAL = DemoMunicipality("3441", "Gausdal", "Innlandet", 6177, (
    DemoArea("Stab og støtte", "Ragnhild Sandvik", (
        U("Kommunedirektørens stab", "Ragnhild Sandvik",
          (("1000", "Kommunedirektør"), ("1010", "Politisk styring"))),
        U("Økonomi og organisasjon", "Sofie Lien", (("1200", "Økonomi"), ("1290", "Finans"))),
    )),
    DemoArea("Oppvekst", "Torbjørn Moe", (
        U("Follebu skule", "Kristin Aaslund", (("2100", "Follebu skule"),)),
        U("Forset skule", "Gunnar Bø", (("2200", "Forset skule"),)),
        U("Gausdal ungdomsskule", "Elin Rustad", (("2300", "Gausdal ungdomsskule"),)),
        U("Gausdal barnehagar", "Mari Kleiven",
          (("2400", "Follebu barnehage"), ("2410", "Forset barnehage"))),
    )),
    DemoArea("Helse, omsorg og teknisk", "Jørn Ødegård", (
        U("Gausdal sjukeheim", "Oddny Hagen", (("3100", "Sjukeheim"),)),
        U("Heimetenester", "Bente Lia", (("3200", "Heimesjukepleie"),)),
        U("Helse og velferd", "Jorunn Vik", (("3300", "Helsestasjon"), ("3500", "Sosialhjelp"))),
        U("Teknisk drift og eigedom", "Roar Gjestvang",
          (("4100", "Vegar"), ("4110", "Vatn og avløp"), ("4200", "Eigedom"))),
        U("Kultur", "Siv Grøtting", (("4400", "Kultur"),)),
    )),
))

MUNICIPALITIES = (RINGEBU, GAUSDAL)

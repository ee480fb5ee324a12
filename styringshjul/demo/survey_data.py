"""The demo's survey results as files in the shape the sources deliver them, the same bytes
every time: bedrekommune.no's user survey of Ringebu's three kindergartens (long layout,
`;`, Windows-1252, decimal comma, the national mean beside each result) and KS' 10-FAKTOR
employee survey of every unit with a «Totalt» row for the municipality, for 2024 and 2025.

Venabygd barnehage has 4 answering parents (below the user survey's threshold of 5) and
PP-tjenesten 2 employees (below 10-FAKTOR's 3): their results are in the files, as in real
exports, and the app must keep them hidden. The numbers are invented but plausible: users
4.6–5.6 on 1–6, employees 3.8–4.6 on 1–5, a little better in 2025 in most places.
"""

import hashlib
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

from styringshjul.demo.organisations import RINGEBU

YEARS = (2024, 2025)
TENTH = Decimal("0.1")

USER_SURVEY = "Brukerundersøkelse barnehage"
USER_SERVICE = "barnehage"
USER_DESCRIPTION = ("Foreldreundersøkelsen i barnehagene fra bedrekommune.no, skala 1–6. "
                    "Eksportert som semikolonseparert fil.")
# Bedrekommune's dimensions for kindergartens with the national mean (as in Hemne 2017).
USER_DIMENSIONS = (("Resultat for brukerne", "5.2"), ("Trivsel", "5.3"),
                   ("Brukermedvirkning", "4.9"), ("Respektfull behandling", "5.4"),
                   ("Tilgjengelighet", "5.5"), ("Informasjon", "4.8"),
                   ("Fysisk miljø", "4.8"))
# Answering parents per kindergarten; Venabygd is small enough to be hidden.
KINDERGARTENS = (("Ringebu barnehage", 41), ("Fåvang barnehage", 28),
                 ("Venabygd barnehage", 4))

EMPLOYEE_SURVEY = "Medarbeiderundersøkelsen 10-FAKTOR"
EMPLOYEE_DESCRIPTION = ("KS' medarbeiderundersøkelse 10-FAKTOR, skala 1–5. Resultater "
                        "vises ikke for grupper med færre enn 3 svar.")
TOTAL = "Totalt"
# The ten factors (KS), with a national mean.
FACTORS = (("Oppgavemotivasjon (indre motivasjon)", "4.5"), ("Mestringstro", "4.3"),
           ("Opplevd selvstendighet (autonomi)", "4.3"),
           ("Bruk av kompetanse (kompetansemobilisering)", "4.2"),
           ("Mestringsorientert ledelse", "4.0"), ("Rolleklarhet", "4.2"),
           ("Relevant kompetanseutvikling", "3.8"), ("Fleksibilitetsvilje", "4.4"),
           ("Mestringsklima", "4.1"), ("Nyttemotivasjon (prososial motivasjon)", "4.6"))
# Employees who answered, per unit; PP-tjenesten is small enough to be hidden.
EMPLOYEES = {
    "Rådmannens stab": 8, "Fellestjenesten": 9, "Økonomi og personal": 7,
    "Ringebu skole": 31, "Fåvang skule": 23, "Ringebu ungdomsskole": 26,
    "Ringebu barnehage": 17, "Fåvang barnehage": 13, "Venabygd barnehage": 5,
    "Voksenopplæringen": 6, "PP-tjenesten": 2, "Ringebu sjukeheim": 47,
    "Hjemmetjenesten": 34, "Helse og familie": 15, "Bo- og aktivitetstjenester": 22,
    "NAV sosiale tjenester": 4, "Barneverntjenesten": 6, "Teknisk drift": 14,
    "Eiendom": 16, "Plan, næring og miljø": 9, "Kultur og fritid": 7, "Kulturskolen": 5,
}


@dataclass(frozen=True)
class SurveyFile:
    """A written file and how the demo imports it (`import_survey` options)."""

    survey: str
    kind: str
    year: int
    path: Path


@dataclass(frozen=True)
class Row:
    place: str
    dimension: str
    mean: Decimal
    respondents: int
    national: Decimal


def _wobble(*parts: object) -> int:
    """A stable whole number from -2 to 2 for the parts (hashlib: the same on every
    machine and every run, unlike `hash`)."""
    digest = hashlib.sha256("|".join(map(str, parts)).encode()).digest()
    return digest[0] % 5 - 2


def _clamp(value: Decimal, low: str, high: str) -> Decimal:
    return min(max(value, Decimal(low)), Decimal(high))


def _mean(national: str, low: str, high: str, year: int, *parts: object) -> Decimal:
    """Near the national mean, a place's own level, and in 2025 a step up for most."""
    level = Decimal(national) + TENTH * _wobble("level", *parts)
    if year > YEARS[0]:
        level += TENTH * max(_wobble("trend", *parts), -1)
    return _clamp(level, low, high)


def user_rows(year: int) -> list[Row]:
    return [Row(place, dimension, _mean(national, "4.6", "5.6", year, place, dimension),
                respondents, Decimal(national))
            for place, respondents in KINDERGARTENS
            for dimension, national in USER_DIMENSIONS]


def employee_rows(year: int) -> list[Row]:
    """Every unit of Ringebu in the organisation's order, then «Totalt» per factor: the
    respondent-weighted mean of all units (hidden ones too, as KS computes it)."""
    units = [unit.name for area in RINGEBU.areas for unit in area.units]
    rows = [Row(unit, factor, _mean(national, "3.8", "4.6", year, unit, factor),
                EMPLOYEES[unit], Decimal(national))
            for unit in units for factor, national in FACTORS]
    for factor, national in FACTORS:
        parts = [row for row in rows if row.dimension == factor]
        answered = sum(row.respondents for row in parts)
        weighted = sum(row.mean * row.respondents for row in parts) / answered
        rows.append(Row(TOTAL, factor, weighted.quantize(TENTH, ROUND_HALF_UP), answered,
                        Decimal(national)))
    return rows


def _comma(value: Decimal) -> str:
    return f"{value:.1f}".replace(".", ",")


def user_file(year: int) -> bytes:
    """bedrekommune.no's export: `år;enhet;dimensjon;snitt;antall svar;snitt Norge`."""
    lines = ["år;enhet;dimensjon;snitt;antall svar;snitt Norge"]
    lines += [f"{year};{r.place};{r.dimension};{_comma(r.mean)};{r.respondents};"
              f"{_comma(r.national)}" for r in user_rows(year)]
    return ("\r\n".join(lines) + "\r\n").encode("cp1252")


def employee_file(year: int) -> bytes:
    """10-FAKTOR's export of factor means per unit, UTF-8 with byte order mark (Excel)."""
    lines = ["År;Enhet;Faktor;Snitt;Antall svar;Snitt Norge"]
    lines += [f"{year};{r.place};{r.dimension};{_comma(r.mean)};{r.respondents};"
              f"{_comma(r.national)}" for r in employee_rows(year)]
    return ("\r\n".join(lines) + "\r\n").encode("utf-8-sig")


def write_files(folder: Path) -> list[SurveyFile]:
    """The four files (two surveys, two years) in `folder`, oldest year first."""
    written = []
    for year in YEARS:
        user = folder / f"bedrekommune_barnehage_ringebu_{year}.csv"
        user.write_bytes(user_file(year))
        written.append(SurveyFile(USER_SURVEY, "user", year, user))
        employee = folder / f"10-faktor_ringebu_{year}.csv"
        employee.write_bytes(employee_file(year))
        written.append(SurveyFile(EMPLOYEE_SURVEY, "employee", year, employee))
    return written

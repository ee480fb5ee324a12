"""Ringebu's economy as the demo books it: what each ansvar spends, on which KOSTRA funksjon
and with which mix of arter, and what it earns. Amounts are the adopted budget of 2025 in
kroner; later years grow by GROWTH, and the ledger is the budget moved by DEVIATIONS (how
each unit really fared: the nursing home over, a school under).

Proportions follow KOSTRA for a municipality of 4 400 inhabitants: of about 500 MNOK gross
operating expenses, pleie og omsorg takes a third, grunnskole 19 %, barnehage 11 %,
administration 10 %; wages with pension and employer's tax about 60 %. The budget's net
result is 1.5 % of revenue. Framework-free: benchmarks use it without Django.
"""

from collections import defaultdict
from dataclasses import dataclass

PENSION = 0.16  # of salaries (KLP premium)
EMPLOYERS_TAX = 0.106  # of salaries and pension
SICK_PAY_REFUND = 0.028  # of salaries, refunded by NAV (art 710)
VAT_COMPENSATION = 0.15  # of purchases on arter 1xx–2xx (art 429 paid, 729 refunded)
EXTRAS = (("030", 0.04), ("040", 0.03), ("050", 0.05))  # ekstrahjelp, overtid, annen lønn
CONSULTANTS, SERVICES = "271", "272"  # the 2026 split of art 270
VAT_FREE_FUNCTIONS = ("340", "345", "350", "353")  # water and sewage deduct VAT instead

PATTERNS = {
    "even": (1,) * 12,
    "wages": (1, 1, 1, 1, 1, 1.45, .8, 1, 1.01, 1.01, 1.01, 1.02),  # holiday pay in June
    "temps": (1, 1, 1, 1, 1, 1.3, 1.9, 1.1, 1, 1, 1, 1.1),  # summer substitutes
    "heating": (1.6, 1.5, 1.3, 1, .7, .5, .4, .4, .6, .9, 1.2, 1.5),
    "winter": (2.2, 2, 1.4, .6, .5, .4, .3, .4, .5, .7, 1.3, 1.9),  # snow clearing
    "school_year": (1.1, 1, 1, 1, .9, .8, .3, 1.3, 1.1, 1, 1, .9),
    "tax": (.145, .022) * 6,  # tax comes in with the bi-monthly withholding payments
    "quarterly": (0, 0, 1) * 4,
    "half_yearly": (0, 0, 0, 0, 0, 1) * 2,
    "terms": (0, 1, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0),
    "june": (0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0),
}
PURCHASE_PATTERNS = {"180": "heating", "1801": "heating", SERVICES: "winter",
                     "105": "school_year", "500": "quarterly", "510": "half_yearly"}


@dataclass(frozen=True)
class Planned:
    """One account string's amount for the year: kroner, expenses positive, income
    negative, spread over the periods by `pattern`."""

    responsibility: str
    function: str
    art: str
    project: str
    amount: float
    pattern: str


@dataclass(frozen=True)
class Mix:
    """How gross spending divides: wage cost (salaries, pension, employer's tax) and
    purchases by art with relative weights."""

    wages: float
    purchases: tuple[tuple[str, float], ...] = ()
    salary_art: str = "010"
    temps: float = 0.08  # share of salaries paid to substitutes (art 020)
    extras: bool = True


@dataclass(frozen=True)
class Spend:
    responsibility: str
    function: str
    amount: int
    mix: Mix
    project: str = ""


@dataclass(frozen=True)
class Earn:
    responsibility: str
    function: str
    art: str
    amount: int
    pattern: str = "even"
    project: str = ""


OFFICE = (("100", 2), ("130", 2), ("150", 2), ("160", 1), ("195", 2), ("200", 1), ("140", .5))
ADMIN = Mix(0.82, OFFICE)
SCHOOL = Mix(0.80, (("105", 4), ("100", 1), ("115", .5), ("120", 1.5), ("130", 1), ("150", 1),
                    ("160", .5), ("195", 1), ("200", 1.5), ("370", .5)), salary_art="0101")
AFTER_SCHOOL = Mix(0.85, (("115", 3), ("120", 2), ("105", 1)), salary_art="0103")
KINDERGARTEN = Mix(0.84, (("115", 3), ("105", 1), ("120", 2), ("130", .5), ("150", .5),
                          ("200", 1)), salary_art="0103")
CARE = Mix(0.88, (("110", 3), ("114", 1), ("120", 2), ("130", .5), ("150", .5), ("170", 1),
                  ("200", 1)), salary_art="0102", temps=0.14)
HOME_CARE = Mix(0.85, (("110", 2), ("170", 4), ("120", 1), ("130", 1), ("150", .5),
                       ("200", .5)), salary_art="0102", temps=0.12)
KITCHEN = Mix(0.45, (("1151", 8), ("120", 1), ("200", .5)))
LAUNDRY = Mix(0.65, (("120", 2), ("260", 2), ("200", 1), ("230", .5)))
HEALTH = Mix(0.75, (("110", 2), ("120", 1), ("130", 1), ("150", 1), ("195", 1), ("200", 1)))
DOCTORS = Mix(0.55, (("350", 5), ("110", 2), ("114", .5), ("120", 1), ("195", 1), ("200", .5)))
POLITICS = Mix(0.60, (("140", 1), ("115", 1), ("160", 1), ("195", 1)), salary_art="080",
               temps=0, extras=False)
IT = Mix(0.35, (("195", 4), ("200", 3), ("130", 2), (CONSULTANTS, 1)))
ROADS = Mix(0.30, (("230", 3), ("250", 1), (SERVICES, 4), ("170", 1), ("180", .5)))
WATER = Mix(0.35, (("180", 2), ("120", 2), ("230", 3), ("250", 1), (CONSULTANTS, .5),
                   ("170", .5)))
BUILDINGS = Mix(0.15, (("1801", 4), ("185", 1.5), ("230", 4), ("250", 1), ("260", .5),
                       ("195", .5)))
CLEANING = Mix(0.90, (("120", 3), ("200", 1)), salary_art="075", temps=0.10)
CULTURE = Mix(0.35, (("470", 4), ("120", 1), ("140", 1), ("190", 1)))
LIBRARY = Mix(0.70, (("120", 3), ("195", 1), ("200", 1)))
BOUGHT_FROM_MUNICIPALITIES = Mix(0, (("350", 1),))
BOUGHT_FROM_OTHERS = Mix(0, (("370", 1),))
SCHOOL_TRANSPORT = Mix(0, (("330", 1),))
BENEFITS = Mix(0, (("470", 1),))
NAV = Mix(0.85, OFFICE)
CHILD_WELFARE_MEASURES = Mix(0.1, (("370", 3), ("470", 2), ("300", 2)))
BUSINESS = Mix(0.40, (("470", 3), ("140", .5), ("160", .5), (CONSULTANTS, 1)))
DEBT_INTEREST = Mix(0, (("500", 1),))
DEBT_REPAYMENT = Mix(0, (("510", 1),))
PROJECT = Mix(0.30, (("200", 3), (CONSULTANTS, 2), ("150", 1)))

S = Spend
SPENDING = (
    S("1000", "120", 6_500_000, ADMIN), S("1010", "100", 4_200_000, POLITICS),
    S("1020", "110", 1_600_000, BOUGHT_FROM_OTHERS), S("1100", "120", 7_000_000, ADMIN),
    S("1110", "120", 8_000_000, IT), S("1200", "120", 5_500_000, ADMIN),
    S("1210", "120", 4_500_000, ADMIN), S("1210", "180", 1_500_000, Mix(0, (("185", 2),
                                                                          ("150", 1)))),
    S("1290", "870", 14_000_000, DEBT_INTEREST), S("1290", "870", 18_000_000, DEBT_REPAYMENT),
    S("2100", "202", 24_000_000, SCHOOL), S("2100", "223", 1_400_000, SCHOOL_TRANSPORT),
    S("2100", "202", 600_000, PROJECT, "2001"), S("2110", "215", 3_200_000, AFTER_SCHOOL),
    S("2200", "202", 19_000_000, SCHOOL), S("2200", "223", 1_000_000, SCHOOL_TRANSPORT),
    S("2210", "215", 2_300_000, AFTER_SCHOOL), S("2300", "202", 22_500_000, SCHOOL),
    S("2300", "223", 1_800_000, SCHOOL_TRANSPORT),
    S("2400", "201", 19_500_000, KINDERGARTEN), S("2400", "211", 1_800_000, KINDERGARTEN),
    S("2410", "201", 14_000_000, KINDERGARTEN), S("2410", "211", 900_000, KINDERGARTEN),
    S("2420", "201", 7_500_000, KINDERGARTEN), S("2500", "213", 5_000_000, SCHOOL),
    S("2600", "202", 3_000_000, ADMIN), S("2600", "211", 1_200_000, ADMIN),
    S("3100", "253", 72_000_000, CARE), S("3100", "253", 800_000, PROJECT, "3101"),
    S("3110", "253", 7_000_000, KITCHEN), S("3120", "253", 3_000_000, LAUNDRY),
    S("3200", "258", 30_000_000, HOME_CARE), S("3210", "258", 7_000_000, HOME_CARE),
    S("3210", "234", 1_500_000, CARE), S("3300", "232", 5_000_000, HEALTH),
    S("3300", "233", 900_000, HEALTH), S("3310", "241", 11_000_000, DOCTORS),
    S("3310", "256", 1_200_000, BOUGHT_FROM_MUNICIPALITIES), S("3320", "241", 4_000_000, HEALTH),
    S("3400", "257", 20_000_000, CARE), S("3410", "234", 4_000_000, CARE),
    S("3500", "242", 3_000_000, NAV), S("3500", "281", 6_000_000, BENEFITS),
    S("3500", "276", 1_000_000, BENEFITS), S("3500", "283", 800_000, BENEFITS),
    S("3600", "244", 6_000_000, NAV), S("3600", "251", 3_000_000, CHILD_WELFARE_MEASURES),
    S("3600", "252", 8_000_000, CHILD_WELFARE_MEASURES),
    S("4100", "332", 12_000_000, ROADS), S("4100", "338", 1_200_000, BOUGHT_FROM_MUNICIPALITIES),
    S("4100", "339", 5_000_000, BOUGHT_FROM_MUNICIPALITIES),
    S("4110", "340", 4_500_000, WATER), S("4110", "345", 5_000_000, WATER),
    S("4110", "345", 500_000, PROJECT, "4101"), S("4120", "350", 6_000_000, WATER),
    S("4120", "353", 4_500_000, WATER), S("4200", "121", 2_500_000, ADMIN),
    S("4200", "130", 3_000_000, BUILDINGS), S("4200", "221", 3_500_000, BUILDINGS),
    S("4200", "222", 8_000_000, BUILDINGS), S("4200", "261", 5_000_000, BUILDINGS),
    S("4200", "265", 3_000_000, BUILDINGS), S("4200", "381", 2_000_000, BUILDINGS),
    S("4200", "386", 1_000_000, BUILDINGS), S("4210", "222", 5_000_000, CLEANING),
    S("4210", "130", 1_200_000, CLEANING), S("4210", "261", 1_500_000, CLEANING),
    S("4210", "221", 1_000_000, CLEANING), S("4300", "301", 2_000_000, ADMIN),
    S("4300", "302", 2_500_000, ADMIN), S("4300", "303", 1_300_000, ADMIN),
    S("4310", "329", 2_200_000, ADMIN), S("4310", "360", 800_000, ADMIN),
    S("4320", "325", 2_000_000, BUSINESS), S("4400", "385", 2_000_000, CULTURE),
    S("4400", "231", 1_500_000, CULTURE), S("4400", "377", 400_000, CULTURE),
    S("4400", "375", 600_000, CULTURE), S("4400", "380", 500_000, CULTURE),
    S("4410", "370", 2_500_000, LIBRARY), S("4500", "383", 3_200_000, SCHOOL),
)

E = Earn
EARNINGS = (
    E("1290", "800", "870", 190_000_000, "tax"), E("1290", "840", "800", 224_000_000),
    E("1290", "850", "810", 6_500_000, "quarterly"), E("1290", "870", "900", 3_000_000,
                                                        "quarterly"),
    E("1290", "870", "905", 4_500_000, "june"), E("2100", "202", "810", 600_000, "june", "2001"),
    E("2110", "215", "6001", 1_300_000), E("2210", "215", "6001", 900_000),
    E("2400", "201", "6001", 2_300_000), E("2410", "201", "6001", 1_700_000),
    E("2420", "201", "6001", 800_000), E("2500", "213", "810", 1_500_000, "quarterly"),
    E("2600", "202", "750", 900_000, "half_yearly"), E("3100", "253", "600", 9_000_000),
    E("3110", "253", "620", 1_000_000), E("3210", "258", "600", 1_600_000),
    E("3300", "232", "810", 1_100_000, "june"), E("3310", "241", "700", 4_000_000),
    E("3310", "241", "600", 700_000), E("3320", "241", "700", 900_000),
    E("3400", "257", "810", 7_000_000, "june"), E("3410", "234", "600", 300_000),
    E("4110", "345", "650", 10_500_000, "quarterly"),
    E("4120", "353", "650", 11_000_000, "quarterly"), E("4200", "265", "630", 4_000_000),
    E("4200", "381", "630", 300_000), E("4300", "302", "620", 2_000_000),
    E("4300", "303", "620", 600_000), E("4500", "383", "600", 600_000, "terms"),
)

# How the year really went, as a factor on the budget: by ansvar, or "ansvar/art".
DEVIATIONS = {
    2025: {"3100": 1.04, "3110": 1.02, "3200": 1.03, "3600": 1.09, "3500": 1.06,
           "2100": 0.98, "2200": 1.01, "2300": 0.99, "2400": 1.02, "2420": 0.97,
           "4100": 1.07, "4200": 1.03, "1110": 1.05, "1000": 0.97, "4400": 0.95,
           "1290/870": 1.018, "1290/800": 1.004, "1290/900": 1.3, "1290/500": 0.95,
           "3400/810": 1.08, "3100/600": 0.97},
    2026: {"3100": 1.03, "3200": 1.05, "3600": 1.04, "2100": 0.99, "2300": 0.98,
           "2410": 1.03, "4100": 0.96, "4110": 1.02, "1110": 1.02, "3310": 1.04,
           "1290/870": 0.99, "1290/900": 1.1, "1290/500": 1.02, "4120/650": 1.02},
}
GROWTH = {2025: 1.0, 2026: 1.045}


def booked_art(art: str, year: int) -> str:
    """Art 270 is split into 271 (consultants) and 272 (other services) from 2026."""
    return "270" if year <= 2025 and art in (CONSULTANTS, SERVICES) else art


def deviation(year: int, responsibility: str, art: str) -> float:
    factors = DEVIATIONS.get(year, {})
    return factors.get(f"{responsibility}/{art}", factors.get(responsibility, 1.0))


def plan(year: int) -> list[Planned]:
    """The year's budget by account string, before rounding: every spending line expanded
    into its arter, with pension, employer's tax, sick-pay refunds and VAT compensation."""
    amounts: dict[tuple[str, str, str, str], float] = defaultdict(float)
    patterns: dict[tuple[str, str, str, str], str] = {}
    growth = GROWTH[year]
    for spend in SPENDING:
        for art, amount, pattern in _expand(spend.mix, spend.amount * growth, spend.function):
            key = (spend.responsibility, spend.function, booked_art(art, year), spend.project)
            amounts[key] += amount
            patterns[key] = pattern
    for earn in EARNINGS:
        key = (earn.responsibility, earn.function, earn.art, earn.project)
        amounts[key] -= earn.amount * growth
        patterns[key] = earn.pattern
    return [Planned(*key, amount, patterns[key]) for key, amount in amounts.items()]


def _expand(mix: Mix, gross: float, function: str) -> list[tuple[str, float, str]]:
    salaries = gross * mix.wages / ((1 + PENSION) * (1 + EMPLOYERS_TAX))
    lines = _wages(mix, salaries) if salaries else []
    purchases = gross * (1 - mix.wages)
    weights = sum(weight for _art, weight in mix.purchases)
    vat_base = 0.0
    for art, weight in mix.purchases:
        amount = purchases * weight / weights
        lines.append((art, amount, PURCHASE_PATTERNS.get(art, "even")))
        vat_base += amount if art[0] in "12" else 0
    if vat_base and function not in VAT_FREE_FUNCTIONS:
        vat = vat_base * VAT_COMPENSATION
        lines += [("429", vat, "even"), ("729", -vat, "even")]
    return lines


def _wages(mix: Mix, salaries: float) -> list[tuple[str, float, str]]:
    extras = EXTRAS if mix.extras else ()
    fixed = 1 - mix.temps - sum(share for _art, share in extras)
    lines = [(mix.salary_art, salaries * fixed, "wages")]
    if mix.temps:
        lines.append(("020", salaries * mix.temps, "temps"))
    lines += [(art, salaries * share, "wages") for art, share in extras]
    lines += [("090", salaries * PENSION, "wages"),
              ("099", salaries * (1 + PENSION) * EMPLOYERS_TAX, "wages")]
    if mix.extras:
        lines.append(("710", -salaries * SICK_PAY_REFUND, "even"))
    return lines

"""The voucher texts of the demo ledger, as a Norwegian accounting system shows them: the
payroll by month, and invoices and payments named by what was bought and from whom.

These are data in Norwegian (what the accounting system holds), not interface strings.
Suppliers are real Norwegian firms of the kind a municipality buys from; the amounts are
synthetic.
"""

MONTHS = ("januar", "februar", "mars", "april", "mai", "juni", "juli", "august",
          "september", "oktober", "november", "desember")

# Texts that name the month: "{month}" is filled in.
MONTHLY = {
    "090": "Pensjon KLP {month}", "099": "Arbeidsgiveravgift {month}",
    "710": "Sykepengerefusjon NAV {month}", "429": "Mva-kompensasjon {month}",
    "729": "Mva-kompensasjon {month}", "800": "Rammetilskudd {month}",
    "870": "Skatteinngang {month}",
}
PAYROLL = frozenset({"010", "020", "030", "040", "050", "075", "080"})

BY_FUNCTION_AND_ART = {
    ("110", "370"): ("Revisjon Innlandet IKS", "Sekretariat kontrollutvalg"),
    ("202", "370"): ("Leirskole", "Skoletur buss"),
    ("251", "370"): ("Tiltak familieveiledning", "Besøkshjem", "Støttekontakt"),
    ("252", "370"): ("Institusjonsplass", "Forsterket fosterhjem"),
    ("251", "470"): ("Tilskudd til tiltak i familien",),
    ("252", "470"): ("Fosterhjemsgodtgjøring", "Utgiftsdekning fosterhjem"),
    ("281", "470"): ("Økonomisk sosialhjelp", "Nødhjelp", "Sosialhjelp husleie"),
    ("276", "470"): ("Kvalifiseringsstønad",),
    ("283", "470"): ("Startlån depositum", "Bostøtte tilskudd"),
    ("325", "470"): ("Tilskudd næringsfond", "Tilskudd Ringebu Næringsforening"),
    ("385", "470"): ("Tilskudd lag og foreninger", "Kulturmidler", "Tilskudd Ringebu Kunstlag"),
    ("231", "470"): ("Tilskudd ungdomsklubb", "Tilskudd 4H Ringebu"),
    ("377", "470"): ("Tilskudd kunstformidling",),
    ("375", "470"): ("Tilskudd Gudbrandsdalsmusea", "Tilskudd Ringebu stavkyrkje"),
    ("380", "470"): ("Tilskudd Ringebu IL", "Tilskudd Fåvang IL", "Lysløype Venabygd"),
    ("332", "270"): ("Brøyting Ringebu Maskin", "Strøing og brøyting Fåvang Transport"),
    ("241", "350"): ("Legevakt Lillehammer kommune",),
    ("256", "350"): ("KAD-senger Lillehammer kommune",),
    ("338", "350"): ("Feiing Midt-Gudbrandsdal brann",),
    ("339", "350"): ("Brann og redning Nord-Fron kommune",),
    ("201", "600"): ("Foreldrebetaling barnehage",),
    ("215", "600"): ("Foreldrebetaling SFO",),
    ("253", "600"): ("Vederlag langtidsopphold", "Vederlag korttidsopphold"),
    ("258", "600"): ("Egenbetaling praktisk bistand", "Trygghetsalarm"),
    ("241", "600"): ("Egenandeler legekontor",),
    ("234", "600"): ("Egenbetaling dagsenter",),
    ("383", "600"): ("Elevkontingent kulturskole",),
    ("253", "620"): ("Salg av middag hjemmeboende", "Kantinesalg"),
    ("302", "620"): ("Byggesaksgebyr",), ("303", "620"): ("Oppmålingsgebyr",),
    ("265", "630"): ("Husleie kommunale boliger",), ("381", "630"): ("Leie idrettshall",),
    ("345", "650"): ("Vanngebyr termin",), ("353", "650"): ("Avløpsgebyr termin",),
    ("241", "700"): ("Refusjon HELFO", "Basistilskudd HELFO"),
    ("202", "750"): ("Refusjon PPT Sør-Fron kommune",),
    ("202", "810"): ("Tilskudd Udir inkluderende skolemiljø",),
    ("213", "810"): ("Tilskudd opplæring i norsk IMDi",),
    ("232", "810"): ("Tilskudd skolehelsetjeneste Helsedirektoratet",),
    ("257", "810"): ("Tilskudd ressurskrevende tjenester",),
    ("850", "810"): ("Integreringstilskudd IMDi",),
}
BY_ART = {
    "100": ("Kontormateriell Lyreco", "Kontorrekvisita Staples", "Papir og toner Lyreco"),
    "105": ("Læremidler Gyldendal", "Læremidler Cappelen Damm", "Undervisningsmateriell "
            "Aschehoug", "Formingsmateriell Panduro"),
    "110": ("Medisinsk forbruksmateriell Mediq", "Sårstell OneMed", "Inkontinensutstyr Abena"),
    "114": ("Legemidler Apotek 1 Ringebu", "Multidose Apotek 1"),
    "115": ("Matvarer Tine", "Matvarer ASKO Øst", "Matvarer Coop Ringebu", "Brød Fåvang Bakeri",
            "Frukt og grønt Bama"),
    "120": ("Forbruksmateriell Norengros", "Rekvisita Biltema", "Diverse Coop Ringebu",
            "Arbeidsklær Tess", "Renholdsartikler Norengros"),
    "130": ("Telefoni Telenor", "Bredbånd Telia", "Porto Posten", "Mobilabonnement Telenor"),
    "140": ("Annonse Gudbrandsdølen Dagningen", "Kunngjøring Dølen", "Stillingsannonse Finn"),
    "150": ("Kursavgift KS Agenda", "Fagdag Statsforvalteren", "Kurs og konferanse"),
    "160": ("Reiseregning", "Kjøregodtgjørelse", "Diett og reise"),
    "170": ("Drivstoff Circle K", "Drivstoff Uno-X", "Service bil Ringebu Auto", "Bomavgift"),
    "180": ("Faktura Eidsiva Energi", "Nettleie Elvia", "Fjernvarme Ringebu Energi"),
    "185": ("Forsikring KLP Skadeforsikring", "Vakthold Securitas", "Alarm Sector"),
    "190": ("Husleie lokaler", "Leie Ringebu prestegard"),
    "195": ("Lisens Visma", "Lisenser Microsoft", "Gebyr Kartverket", "Lisens Kommuneforlaget"),
    "200": ("Inventar og utstyr Atea", "Møbler Kinnarps", "Utstyr Jula", "PC-er Atea"),
    "230": ("Vedlikehold Ringebu Elektro", "Rørlegger Fåvang Rør", "Byggtjenester "
            "Gudbrandsdal Bygg", "Heisservice Schindler", "Asfaltering Veidekke"),
    "250": ("Byggevarer Maxbo Ringebu", "Materialer Byggmakker"),
    "260": ("Tøyvask Elis", "Matteleie Elis"),
    "270": ("Konsulent Norconsult", "Rådgivning Asplan Viak"),
    "271": ("Konsulent Norconsult", "Rådgivning Asplan Viak"),
    "272": ("Brøyting Ringebu Maskin", "Strøing og brøyting Fåvang Transport"),
    "300": ("Egenandel Bufetat",),
    "330": ("Skoleskyss Innlandstrafikk",),
    "350": ("Interkommunalt samarbeid",),
    "370": ("Kjøp av tjenester",),
    "470": ("Tilskudd",),
    "500": ("Renter Kommunalbanken", "Renter KLP Kommunekreditt"),
    "510": ("Avdrag Kommunalbanken", "Avdrag KLP Kommunekreditt"),
    "600": ("Brukerbetaling",), "620": ("Gebyr",), "630": ("Husleie",),
    "700": ("Refusjon fra staten",), "750": ("Refusjon fra kommuner",),
    "810": ("Statstilskudd",), "900": ("Renteinntekter DNB",),
    "905": ("Utbytte Eidsiva Energi",),
}


def texts_for(function: str, art: str) -> tuple[str, ...]:
    """The texts an invoice or payment on this funksjon and art may carry. Payroll and
    monthly postings use `monthly_text` instead."""
    kostra_art = art[:3]
    return BY_FUNCTION_AND_ART.get((function, kostra_art)) or BY_ART.get(kostra_art, ("Faktura",))


def monthly_text(art: str, period: int, year: int) -> str:
    month = MONTHS[period - 1]
    if art[:3] in PAYROLL:
        return f"Lønn {month}"
    return MONTHLY[art[:3]].format(month=month)


def holiday_pay_text(year: int) -> str:
    return f"Feriepenger opptjent {year - 1}"


def is_monthly(art: str) -> bool:
    return art[:3] in PAYROLL or art[:3] in MONTHLY

"""The demo's scorecards as data: Ringebu's community plan, the shared success factors of
seed 001, each kind of unit's own factors and the results and inquiries of two tertials.
styringshjul.demo.scorecards builds them."""

from dataclasses import dataclass

from styringshjul.scorecards.models import Direction, Period

T1, T2 = Period.FIRST_TERTIAL, Period.SECOND_TERTIAL
HIGHER, LOWER = Direction.HIGHER, Direction.LOWER
SAMFUNN, BRUKERE, MEDARBEIDERE, OKONOMI = "Samfunn", "Brukere", "Medarbeidere", "Økonomi"
IMPORTED_NOTE = "Importert fra lønnssystemet"

# The community plan ---------------------------------------------------------------------------

PLAN_NAME = "Kommuneplanens samfunnsdel 2020–2032"
VISION = "Ringebu – kommunen der det er lov å lykkes"
FOCUS_AREAS = (
    ("Levende lokalsamfunn", (
        ("bolyst", "Ringebu skal ha befolkningsvekst og attraktive bo- og oppvekstmiljø i "
                   "hele kommunen."),
        ("moteplasser", "Innbyggerne skal ha gode møteplasser og et rikt kultur- og "
                        "fritidstilbud, i samspill med frivilligheten."),
        ("service", "Kommunen skal være åpen og tilgjengelig og gi innbyggerne god "
                    "service."),
    )),
    ("Oppvekst og læring", (
        ("oppvekst", "Barn og unge skal ha et trygt og inkluderende oppvekstmiljø der alle "
                     "får brukt evnene sine."),
        ("laering", "Elevene skal ha læringsresultater minst på nivå med landssnittet."),
    )),
    ("Helse og livskvalitet", (
        ("hjemme", "Innbyggerne skal kunne bo trygt i eget hjem så lenge som mulig."),
        ("folkehelse", "Folkehelse og mestring skal ligge til grunn for alt kommunen gjør."),
    )),
    ("Næring og bærekraft", (
        ("arbeid", "Ringebu skal ha flere arbeidsplasser, med reiseliv, landbruk og handel "
                   "som grunnpilarer."),
        ("klima", "Kommunen skal redusere klimagassutslipp og energibruk og ta vare på natur "
                  "og kulturlandskap."),
    )),
)


# The scorecards as data -----------------------------------------------------------------------

@dataclass(frozen=True)
class DemoResult:
    period: str
    value: str
    comment: str = ""
    follow_up: str = ""


@dataclass(frozen=True)
class DemoIndicator:
    name: str
    unit: str
    direction: str
    target: str
    red_limit: str
    target_text: str
    results: tuple[DemoResult, ...] = ()
    source: str = "manual"
    source_options: dict | None = None
    definition: str = ""


@dataclass(frozen=True)
class DemoFactor:
    perspective: str
    name: str
    indicators: tuple[DemoIndicator, ...]
    goal: str = ""


@dataclass(frozen=True)
class DemoProfile:
    purpose: str
    main_goal: str
    factors: tuple[DemoFactor, ...]


def tertials(first: str, second: str, comment: str = "", follow_up: str = "") -> tuple:
    """Results for 1st and 2nd tertial; the comment and plan go with the latest."""
    return (DemoResult(T1, first), DemoResult(T2, second, comment, follow_up))


def factor(perspective: str, name: str, goal: str, *indicators: DemoIndicator) -> DemoFactor:
    return DemoFactor(perspective, name, indicators, goal)


M = DemoIndicator

BUDGET_CONTROL = "Samsvar mellom budsjett og regnskap"
REPORTS = "Levere rapporter med oppfølgingsplan innen frist"
SKILLED = "Andel ansatte med fagbrev"
SURVEY = "Medarbeiderundersøkelsen"
SICK_LEAVE = "Sykefravær"

SHARED = (
    factor(OKONOMI, "God budsjettkontroll innen tildelte rammer", "", M(
        BUDGET_CONTROL, "%", LOWER, "2", "5", "0–2 %", source="ledger_deviation",
        source_options={"absolute": True},
        definition="Avvik mellom regnskap og periodisert budsjett hittil i år, drift, i "
                   "prosent av budsjettet, uansett retning.")),
    factor(OKONOMI, "Gode økonomirutiner", "", M(
        REPORTS, "%", HIGHER, "100", "75", "100 %",
        definition="Andel av tertial- og månedsrapportene som er levert innen fristen, med "
                   "oppfølgingsplan for avvik.")),
    factor(MEDARBEIDERE, "Dyktige og kompetente medarbeidere", "", M(
        SKILLED, "%", HIGHER, "80", "70", "Minimum 80 %",
        definition="Ansatte i stillinger med krav om fag- eller svennebrev som har det.")),
    factor(MEDARBEIDERE, "Godt arbeidsmiljø", "", M(
        SURVEY, "poeng", HIGHER, "4", "3.5", "4 av 6 poeng",
        definition="Snitt i 10-faktor medarbeiderundersøkelse, skala 1–6."), M(
        SICK_LEAVE, "%", LOWER, "7", "9", "Under 7 %", source="imported",
        definition="Legemeldt og egenmeldt fravær i prosent av avtalte dagsverk.")),
)

TOP_PURPOSE = ("Ringebu kommune skal gi innbyggerne gode og likeverdige tjenester, være en "
               "pådriver for samfunnsutviklingen og forvalte fellesskapets ressurser godt "
               "(kommuneloven § 1-1).")
TOP_MAIN_GOAL = ("Ringebu – kommunen der det er lov å lykkes: flere innbyggere, gode "
                 "tjenester og økonomisk handlefrihet.")
TOP_OWN = (
    factor(SAMFUNN, "Flere innbyggere", "bolyst", M(
        "Innbyggere i Ringebu", "", HIGHER, "4450", "4380", "4 450 innen 2027",
        tertials("4413", "4421", "Netto innflytting på 14 personer hittil i år.",
                 "Boligtomter på Fåvang lagt ut for salg i høst."))),
    factor(BRUKERE, "Rettssikre tjenester", "service", M(
        "Klager som får medhold hos Statsforvalteren", "%", LOWER, "5", "10", "Under 5 %",
        tertials("4.1", "6.3", "To omgjorte vedtak om praktisk bistand.",
                 "Gjennomgang av vedtaksmalene i helse og omsorg innen 1. desember."))),
)

AREA_GOALS = {
    "Stab og støtte": ("Gi politikere, enheter og innbyggere god støtte, styring og service.",
                       "Enhetene får rett støtte til rett tid."),
    "Oppvekst": ("Gi barn og unge et godt barnehage- og skoletilbud etter barnehageloven og "
                 "opplæringslova.", "Alle barn og unge opplever trygghet og mestring."),
    "Helse og omsorg": ("Gi forsvarlige og verdige helse- og omsorgstjenester etter helse- og "
                        "omsorgstjenesteloven.", "Innbyggerne mestrer eget liv lengst mulig."),
    "Samfunnsutvikling": ("Forvalte infrastruktur, areal og kultur for et levende "
                          "lokalsamfunn (plan- og bygningsloven).",
                          "Ringebu er et godt sted å bo, drive næring og besøke."),
}


def _profile(purpose: str, main_goal: str, *factors: DemoFactor) -> DemoProfile:
    return DemoProfile(purpose, main_goal, factors)


P = _profile
PROFILES = {
    "staff": P(
        "Sørge for god styring, service og støtte til politikere, enheter og innbyggere.",
        "Enhetene og politikerne får rett informasjon og rett støtte til rett tid.",
        factor(BRUKERE, "God service til enhetene og innbyggerne", "service", M(
            "Henvendelser besvart innen tre virkedager", "%", HIGHER, "95", "85", "Minst 95 %",
            tertials("93", "96", "Bedre etter at felles postmottak kom i drift."))),
        factor(SAMFUNN, "Åpen og tilgjengelig kommune", "service", M(
            "Saksdokumenter publisert minst en uke før møtet", "%", HIGHER, "100", "90",
            "100 %", tertials("100", "97", "Ett sakskart til formannskapet kom sent i juni.",
                              "Fristen for saksframlegg flyttes én dag fram.")))),
    "school": P(
        "Gi elevene opplæring etter opplæringslova og læreplanverket, i et trygt og godt "
        "skolemiljø.",
        "Alle elever trives, opplever mestring og får et godt grunnlag for videre læring.",
        factor(BRUKERE, "Elever som trives og lærer", "laering", M(
            "Elever på 7. trinn som svarer at de trives", "%", HIGHER, "90", "80", "Minst 90 %",
            tertials("88", "91", "Trivselsleder-ordningen er tatt i bruk i alle friminutt."))),
        factor(SAMFUNN, "Skolen som ressurs i lokalsamfunnet", "oppvekst", M(
            "Møter med FAU og samarbeidsutvalget", "møter", HIGHER, "2", "1", "2 per tertial",
            tertials("2", "1", "Ett møte ble utsatt til september.",
                     "Møteplanen for høsten vedtas på første FAU-møte.")))),
    "lower_secondary": P(
        "Gi elevene opplæring etter opplæringslova og læreplanverket, og forberede dem på "
        "videregående opplæring.",
        "Alle elever fullfører grunnskolen med et godt grunnlag for videre utdanning.",
        factor(BRUKERE, "Godt læringsutbytte", "laering", M(
            "Elever med bestått vurdering i alle fag", "%", HIGHER, "95", "85", "Minst 95 %",
            tertials("93", "96", "Flere elever fikk tett oppfølging før vurderingen."))),
        factor(SAMFUNN, "Unge som kjenner næringslivet i bygda", "arbeid", M(
            "Elever i utplassering i lokale bedrifter", "%", HIGHER, "60", "40", "Minst 60 %",
            tertials("45", "62", "Avtaler med reiselivsbedriftene i Kvitfjell.")))),
    "kindergarten": P(
        "Gi barna et godt pedagogisk tilbud i samarbeid med hjemmet, etter barnehageloven og "
        "rammeplanen.",
        "Barna er trygge og glade, og har lek og læring hver dag.",
        factor(BRUKERE, "Trygge og glade barn", "oppvekst", M(
            "Foreldre som er fornøyd med tilbudet", "%", HIGHER, "90", "80", "Minst 90 %",
            tertials("92", "89", "Lavere etter bytte av pedagogisk leder i en avdeling.",
                     "Foreldremøte om overgangen i oktober."))),
        factor(SAMFUNN, "Barnehageplass til alle som søker", "bolyst", M(
            "Søkere med plass fra ønsket dato", "%", HIGHER, "100", "90", "100 %",
            tertials("100", "95", "To søkere fikk plass en måned senere enn ønsket.",
                     "Supplerende opptak i januar.")))),
    "adult_education": P(
        "Gi voksne og nyankomne opplæring i norsk og samfunnskunnskap etter "
        "integreringsloven.",
        "Deltakerne kommer raskt i arbeid eller utdanning.",
        factor(BRUKERE, "Deltakere som når målene sine", "folkehelse", M(
            "Deltakere som består norskprøven på A2 eller høyere", "%", HIGHER, "80", "65",
            "Minst 80 %", tertials("76", "82"))),
        factor(SAMFUNN, "Inkludering i arbeidslivet", "arbeid", M(
            "Deltakere i arbeid eller utdanning etter ett år", "%", HIGHER, "70", "50",
            "Minst 70 %", tertials("64", "71", "Språkpraksis i seks lokale bedrifter.")))),
    "pedagogical_psychological": P(
        "Gi sakkyndige vurderinger og hjelp til barnehager og skoler etter opplæringslova og "
        "barnehageloven.",
        "Barn og unge får riktig hjelp tidlig.",
        factor(BRUKERE, "Sakkyndig vurdering til rett tid", "oppvekst", M(
            "Tilrådinger levert innen tre måneder", "%", HIGHER, "100", "85", "100 %",
            tertials("86", "94", "Ventetiden gikk ned etter at stillingen ble besatt."))),
        factor(SAMFUNN, "Forebyggende arbeid", "oppvekst", M(
            "Timer med systemrettet arbeid i barnehager og skoler", "timer", HIGHER, "60",
            "40", "60 timer per tertial", tertials("48", "62")))),
    "nursing_home": P(
        "Gi forsvarlige helse- og omsorgstjenester etter helse- og omsorgstjenesteloven og "
        "verdighetsgarantien.",
        "Beboerne opplever trygghet, respekt og en meningsfull hverdag.",
        factor(BRUKERE, "Verdig omsorg", "hjemme", M(
            "Beboere med oppdatert tiltaksplan", "%", HIGHER, "100", "85", "100 %",
            tertials("88", "94", "Primærkontaktene har fått avsatt tid til planene.",
                     "Ukentlig gjennomgang i avdelingsmøtet."))),
        factor(SAMFUNN, "Helsefagarbeidere til bygda", "arbeid", M(
            "Lærlinger i helsearbeiderfaget", "lærlinger", HIGHER, "4", "2", "4",
            tertials("3", "4", "Ny lærling fra august.")))),
    "home_care": P(
        "Gi helsehjelp og praktisk bistand i hjemmet etter helse- og omsorgstjenesteloven.",
        "Innbyggerne bor trygt hjemme så lenge de ønsker.",
        factor(BRUKERE, "Trygghet i eget hjem", "hjemme", M(
            "Brukere med fast primærkontakt", "%", HIGHER, "95", "85", "Minst 95 %",
            tertials("96", "87", "Sommerturnusen ga mange ulike ansatte hos hver bruker.",
                     "Faste ruter og primærkontakt i sommerturnusen 2027."))),
        factor(SAMFUNN, "Bo hjemme lengst mulig", "hjemme", M(
            "Innbyggere over 80 år som bor hjemme", "%", HIGHER, "88", "84", "Minst 88 %",
            tertials("87", "88")))),
    "health": P(
        "Fremme helse og forebygge sykdom etter folkehelseloven og helse- og "
        "omsorgstjenesteloven.",
        "Familiene i Ringebu får god oppfølging fra før fødsel til voksen alder.",
        factor(BRUKERE, "Helsestasjon for alle familier", "oppvekst", M(
            "Hjemmebesøk til nyfødte innen to uker", "%", HIGHER, "100", "90", "100 %",
            tertials("100", "92", "Ett besøk ble forsinket i fellesferien."))),
        factor(SAMFUNN, "God folkehelse", "folkehelse", M(
            "Deltakere på frisklivskurs", "deltakere", HIGHER, "25", "15", "25 per tertial",
            tertials("21", "27")))),
    "disability": P(
        "Gi tjenester til personer med utviklingshemming og funksjonsnedsettelser etter "
        "helse- og omsorgstjenesteloven.",
        "Brukerne lever selvstendige og meningsfulle liv.",
        factor(BRUKERE, "Selvstendige liv", "folkehelse", M(
            "Brukere med aktivitet på dagtid", "%", HIGHER, "90", "75", "Minst 90 %",
            tertials("84", "91", "Dagsenteret har utvidet åpningstiden."))),
        factor(SAMFUNN, "Meningsfullt arbeid", "arbeid", M(
            "Brukere med arbeid i lokalt næringsliv", "brukere", HIGHER, "6", "3", "6",
            tertials("4", "5", "", "Samarbeid med Ringebu Næringsforum om to nye plasser.")))),
    "nav": P(
        "Gi sosiale tjenester etter sosialtjenesteloven, i partnerskap med NAV.",
        "Flere kommer i arbeid og blir økonomisk selvhjulpne.",
        factor(BRUKERE, "Rask avklaring", "service", M(
            "Søknader om sosialhjelp avgjort innen 14 dager", "%", HIGHER, "95", "85",
            "Minst 95 %", tertials("97", "93"))),
        factor(SAMFUNN, "Flere unge i arbeid", "arbeid", M(
            "Unge under 30 år som mottar sosialhjelp", "personer", LOWER, "10", "15",
            "Under 10", tertials("12", "9", "Aktivitetsplikten følges tett opp.")))),
    "child_welfare": P(
        "Sikre at barn og unge som lever under forhold som kan skade helse og utvikling, får "
        "nødvendig hjelp til rett tid (barnevernsloven).",
        "Barn i Ringebu får hjelp tidlig og vokser opp i trygge hjem.",
        factor(BRUKERE, "Barn får hjelp i tide", "oppvekst", M(
            "Undersøkelser avsluttet innen lovens frist", "%", HIGHER, "100", "90", "100 %",
            tertials("92", "100", "Alle undersøkelser avsluttet innen fristen i 2. tertial."))),
        factor(SAMFUNN, "Tidlig innsats", "oppvekst", M(
            "Tverrfaglige møter med barnehager og skoler", "møter", HIGHER, "6", "3",
            "6 per tertial", tertials("5", "7")))),
    "technical": P(
        "Sikre trygt drikkevann, forsvarlig avløp og framkommelige kommunale veger.",
        "Innbyggerne har stabile tekniske tjenester til riktig gebyr.",
        factor(BRUKERE, "Trygg og stabil vannforsyning", "bolyst", M(
            "Timer med ikke-planlagt avbrudd i vannforsyningen", "timer", LOWER, "2", "6",
            "Under 2 timer per tertial", tertials("1.5", "7.0",
                                                  "Ledningsbrudd på Fåvang i juli.",
                                                  "Utskifting av ledningen i Tromsvegen "
                                                  "fremmes i økonomiplanen."))),
        factor(SAMFUNN, "Trygge kommunale veger", "bolyst", M(
            "Meldte veiskader utbedret innen fire uker", "%", HIGHER, "90", "75", "Minst 90 %",
            tertials("82", "91", "Telehiv etter vinteren tok tid å utbedre.")))),
    "property": P(
        "Forvalte, drifte og vedlikeholde kommunens bygg slik at de er trygge og "
        "energieffektive.",
        "Kommunens bygg er trygge, gode å være i og bruker mindre energi.",
        factor(BRUKERE, "Gode og trygge bygg", "service", M(
            "Avvik fra brannsyn lukket innen frist", "%", HIGHER, "100", "80", "100 %",
            tertials("75", "90", "To avvik på sjukeheimen venter på ny brannalarm.",
                     "Brannalarmen skiftes i oktober."))),
        factor(SAMFUNN, "Lavere energibruk", "klima", M(
            "Endring i energibruk i kommunale bygg fra 2025", "%", LOWER, "-3", "0",
            "3 % lavere", tertials("-1.8", "-3.4", "Nye varmepumper i Fåvang skule.")))),
    "planning": P(
        "Forvalte arealer, byggesaker, landbruk og miljø etter plan- og bygningsloven, og "
        "legge til rette for næringsutvikling.",
        "Ringebu har forutsigbar saksbehandling og vekst i næringslivet.",
        factor(BRUKERE, "Rask og forutsigbar saksbehandling", "service", M(
            "Byggesaker behandlet innen lovens frist", "%", HIGHER, "100", "90", "100 %",
            tertials("96", "88", "Mange saker i Kvitfjell-området før sommeren.",
                     "Innleid saksbehandler ut året."))),
        factor(SAMFUNN, "Flere arbeidsplasser", "arbeid", M(
            "Nye foretak registrert i kommunen", "foretak", HIGHER, "8", "4", "8 per tertial",
            tertials("9", "6")))),
    "culture": P(
        "Gi et bredt kultur- og bibliotektilbud og støtte frivilligheten (kulturloven, "
        "folkebibliotekloven).",
        "Innbyggerne har gode møteplasser og et rikt kulturliv.",
        factor(BRUKERE, "Et levende bibliotek", "moteplasser", M(
            "Besøk på biblioteket", "besøk", HIGHER, "9000", "7000", "9 000 per tertial",
            tertials("9400", "7800", "Redusert åpningstid i sommer."))),
        factor(SAMFUNN, "Gode møteplasser", "moteplasser", M(
            "Arrangementer i samarbeid med frivillige lag", "arrangementer", HIGHER, "12", "6",
            "12 per tertial", tertials("14", "11")))),
    "culture_school": P(
        "Gi barn og unge opplæring i kunstfag etter opplæringslova § 26-1.",
        "Alle barn som ønsker det, får plass i kulturskolen.",
        factor(BRUKERE, "Kulturskole for alle som ønsker", "moteplasser", M(
            "Barn på venteliste", "barn", LOWER, "5", "15", "Under 5",
            tertials("11", "6", "Ny gitarlærer fra august."))),
        factor(SAMFUNN, "Kultur i hele kommunen", "moteplasser", M(
            "Konserter og forestillinger i grendene", "arrangementer", HIGHER, "4", "2",
            "4 per tertial", tertials("5", "3")))),
}

# unit: (profile, reports T1, T2, skilled workers, survey, sick leave T1, T2)
UNITS = {
    "Rådmannens stab": ("staff", "100", "100", "85", "4.6", "3.9", "4.2"),
    "Fellestjenesten": ("staff", "100", "100", "78", "4.2", "5.1", "4.8"),
    "Økonomi og personal": ("staff", "100", "100", "90", "4.4", "4.0", "3.6"),
    "Ringebu skole": ("school", "100", "100", "92", "4.3", "6.8", "6.1"),
    "Fåvang skule": ("school", "100", "50", "95", "3.8", "9.4", "8.1"),
    "Ringebu ungdomsskole": ("lower_secondary", "100", "100", "96", "4.1", "7.2", "6.6"),
    "Ringebu barnehage": ("kindergarten", "100", "100", "74", "4.0", "10.3", "9.1"),
    "Fåvang barnehage": ("kindergarten", "50", "100", "81", "4.5", "8.2", "7.4"),
    "Venabygd barnehage": ("kindergarten", "100", "100", "83", "4.7", "5.6", "4.9"),
    "Voksenopplæringen": ("adult_education", "100", "100", "88", "4.2", "4.4", "5.0"),
    "PP-tjenesten": ("pedagogical_psychological", "100", "100", "100", "4.6", "3.1", "2.8"),
    "Ringebu sjukeheim": ("nursing_home", "100", "50", "71", "3.6", "11.8", "10.2"),
    "Hjemmetjenesten": ("home_care", "100", "100", "77", "3.9", "9.6", "8.7"),
    "Helse og familie": ("health", "100", "100", "94", "4.4", "5.2", "5.9"),
    "Bo- og aktivitetstjenester": ("disability", "50", "100", "68", "3.7", "10.9", "9.8"),
    "NAV sosiale tjenester": ("nav", "100", "100", "90", "4.1", "6.3", "7.5"),
    "Barneverntjenesten": ("child_welfare", "100", "100", "100", "3.9", "8.8", "6.9"),
    "Teknisk drift": ("technical", "100", "100", "82", "4.3", "6.0", "5.4"),
    "Eiendom": ("property", "100", "50", "63", "3.8", "8.9", "9.3"),
    "Plan, næring og miljø": ("planning", "100", "100", "91", "4.2", "4.1", "3.7"),
    "Kultur og fritid": ("culture", "100", "100", "79", "4.5", "4.6", "5.1"),
    "Kulturskolen": ("culture_school", "100", "100", "86", "4.8", "2.9", "3.3"),
}
TOP_FIGURES = ("staff", "91", "86", "82", "4.2", "7.6", "7.0")
LATE_REPORT = ("Tertialrapporten kom etter fristen.",
               "Fristen legges inn i enhetens årshjul, og en stedfortreder er utpekt.")
LOW_SKILLED = ("Flere ufaglærte vikarer i faste vakter.",
               "Tilbud om fagbrev på jobb; to ansatte starter høsten 2026.")
LOW_SURVEY = ("Lavest skår på faktoren «mestringsorientert ledelse».",
              "Oppfølgingsmøter med verneombud og tillitsvalgte; tiltak i handlingsplanen.")
HIGH_SICK_LEAVE = ("Mest langtidsfravær, i liten grad arbeidsrelatert.",
                   "Tett oppfølging med bedriftshelsetjenesten og NAV arbeidslivssenter.")

INQUIRIES = (
    ("Fåvang skule", SICK_LEAVE, T1,
     "Sykefraværet på Fåvang skule var 9,4 % i 1. tertial, godt over målet på 7 %. Hva ser "
     "du som årsaken, og hva gjør dere med det?",
     "Det meste er langtidsfravær hos to ansatte, og det er ikke arbeidsrelatert. Vi følger "
     "dem tett opp med bedriftshelsetjenesten, og korttidsfraværet er lavere enn i fjor. Vi "
     "venter at fraværet går ned i 2. tertial."),
    ("Fåvang skule", REPORTS, T2,
     "Rapporten for 2. tertial kom etter fristen. Hva skjedde, og hvordan sikrer dere "
     "fristen neste gang?",
     "Tallene for skoleskyssen kom sent fra fylket. Fristen ligger nå i skolens årshjul, og "
     "inspektøren er stedfortreder når jeg er borte."),
    ("Ringebu sjukeheim", BUDGET_CONTROL, T2,
     "Sjukeheimen ligger an til et merforbruk. Hvor mye skyldes innleie av vikarer, og "
     "hvilke tiltak har dere satt inn?", ""),
    ("Hjemmetjenesten", "Brukere med fast primærkontakt", T2,
     "Andelen brukere med fast primærkontakt falt i 2. tertial. Henger det sammen med "
     "sommerturnusen, og hva gjør dere før jul?", ""),
)

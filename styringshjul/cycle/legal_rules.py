"""The checks on a cycle as data: one rule, one code, one severity, one legal basis.

`verified` is True only where a stored source gave the paragraph's wording; `quote` is
that wording and `source` its address. Where the law text could not be read, `verified`
is False, the basis says "ikke verifisert" and `searched` says where we looked (last
searched 06.12.2026: Lovdata's texts of the act and the regulations are not among the
stored sources). KL = kommuneloven (LOV-2018-06-22-83); the regulation = forskrift om
økonomiplan, årsbudsjett, årsregnskap og årsberetning (FOR-2019-06-07-714).
"""

from dataclasses import dataclass

ERROR = "ERROR"
WARNING = "WARNING"

LOVDATA_SEARCHED = ("Lovdata-teksten til KL (LOV-2018-06-22-83) og forskriftene "
                    "(FOR-2019-06-07-714, FOR-2019-06-17-904, FOR-2019-10-18-1412) "
                    "finnes ikke blant de lagrede kildene")


@dataclass(frozen=True)
class Rule:
    code: str
    severity: str
    legal_basis: str
    verified: bool
    source: str = ""
    quote: str = ""
    searched: str = ""


RULES: dict[str, Rule] = {rule.code: rule for rule in (
    Rule("recommendation_public", ERROR,
         "Kommuneloven § 14-3 (slik Giske kommune gjengir §§ 14-3 og 14-4; ikke lest i "
         "lovteksten): formannskapets innstilling til økonomiplan og årsbudsjett "
         "legges ut til alminnelig ettersyn minst 14 dager før kommunestyret behandler den.",
         True, "https://okonomiplan.giske.kommune.no/2024/administrasjon (gjengir KL §§ 14-3 "
         "og 14-4); samme krav i tidligere KL § 44 nr. 7",
         quote="Formannskapet si tilråding til økonomiplanen skal ligge ute til allment "
               "ettersyn i minst 14 dagar før han blir behandla i kommunestyret"),
    Rule("budget_by_year_end", ERROR,
         "Økonomiplanen og årsbudsjettet vedtas før årsskiftet. Kommuneloven kapittel 14; "
         "paragraf ikke verifisert (antakelig § 14-3).",
         False, "https://okonomiplan.giske.kommune.no/2024/administrasjon",
         searched=LOVDATA_SEARCHED + "; ordlyden «vedtas før årsskiftet» og «vedtas innen "
                  "årsskiftet» ble ikke funnet. Giske gjengir uten paragraf: «Kommunestyret "
                  "skal innan utgangen av året vedta budsjettet for det komande året»."),
    Rule("budget_reports", ERROR,
         "Kommunedirektøren skal minst to ganger i året rapportere til kommunestyret om "
         "utviklingen i inntekter og utgifter sammenholdt med årsbudsjettet. Paragraf ikke "
         "verifisert (ikke budsjett- og regnskapsforskriften § 5-9, som gjelder oversikten "
         "over samlet budsjettavvik).",
         False, "https://testweb.nes.kommune.no/aktuelt/rapport-for-andre-tertial-2022/",
         searched=LOVDATA_SEARCHED + "; ordlyden «minst to ganger i året rapportere» ble "
                  "ikke funnet. Nes kommune viser til «kommunelovens § 14-15», Kvinesdal til "
                  "§ 14-13 (finansrapporten); framsikt.no og sandnes.kommune.no oppgir "
                  "forskriften § 5-9 som «Oversikt over samlet budsjettavvik og "
                  "årsavslutningsdisposisjoner»."),
    Rule("accounts_deadline", ERROR,
         "Kommuneloven § 14-6: årsregnskapet avlegges innen 22. februar.",
         True, "https://irev.no/kommuner",
         quote="Fristen for kommunedirektørens/fylkeskommunedirektørens avleggelse av "
               "årsregnskapet er 22. februar jf. kommuneloven § 14-6"),
    Rule("annual_report_deadline", ERROR,
         "Kommuneloven § 14-7: årsberetningen avgis innen 31. mars.",
         True, "https://irev.no/kommuner",
         quote="Årsberetningen skal utarbeides av kommunedirektøren/fylkeskommunedirektøren "
               "og avgis innen 31. mars jf. kommuneloven § 14-7"),
    Rule("audit_statement_deadline", ERROR,
         "Revisjonsberetningen avgis innen 15. april. Fristen står i kommuneloven; "
         "paragraf ikke verifisert.", False,
         "https://www.revisorforeningen.no/fag/nyheter/ingen-utvidet-frist-for-"
         "revisjonsberetning-til-kommuner/",
         searched=LOVDATA_SEARCHED + "; ordlyden «Revisjonsberetningen skal avgis» og "
                  "«innen 15. april» ble ikke funnet for kommuner. Revisorforeningen: "
                  "departementet kan ikke utsette fristen 15. april uten å endre kommuneloven."),
    Rule("control_committee_order", ERROR,
         "Kontrollutvalget uttaler seg om årsregnskapet og årsberetningen etter "
         "revisjonsberetningen og før kommunestyret vedtar dem. Hjemmel ikke verifisert.",
         False, "Ringebu, seed 001",
         searched=LOVDATA_SEARCHED + "; fkt.no sier bare at kontrollutvalget skal avgi "
                  "uttalelse til kommunestyret om årsregnskapet og årsberetningen, uten "
                  "paragraf og uten rekkefølge."),
    Rule("accounts_adopted_deadline", ERROR,
         "Årsregnskapet og årsberetningen vedtas av kommunestyret senest seks måneder etter "
         "regnskapsårets slutt (30. juni). Paragraf ikke verifisert (antakelig KL § 14-3).",
         False, "",
         searched=LOVDATA_SEARCHED + "; ordlyden «årsregnskapene og årsberetningene» og "
                  "«seks måneder etter regnskapsårets slutt» ble bare funnet for "
                  "regnskapsloven og aksjeloven. Revisorforeningen oppgir 15. juni som "
                  "fristen for regnskapet 2019 (etter de tidligere reglene)."),
    Rule("kostra_deadline", ERROR,
         "KOSTRA-rapportering til SSB innen 15. februar (tjenestedata; regnskapsfiler hadde "
         "frist 22. februar i 2024). Fristen settes av SSB etter KOSTRA-forskriften "
         "(FOR-2019-10-18-1412); paragraf ikke verifisert.", False,
         "https://www.ssb.no/innrapportering/kostra-innrapportering",
         searched=LOVDATA_SEARCHED + "; SSB oppgir «15.02.2024 Frist for innsending av "
                  "andre tjenesteskjema» og «22.02.2024 Frist for innsending av "
                  "regnskapsfiler»; nkrf.no oppgir forskriften som 18. oktober 2019 nr. 1412."),
    Rule("required_activity_missing", WARNING,
         "En aktivitet som loven krever, mangler i årshjulet.", True, ""),
    Rule("dependency_order", ERROR, "Logisk kontroll.", True, ""),
    Rule("meeting_missing", WARNING, "Logisk kontroll.", True, ""),
    Rule("responsible_missing", WARNING, "Logisk kontroll.", True, ""),
    Rule("public_holiday", WARNING, "Logisk kontroll: offentlig høytidsdag.", True, ""),
)}

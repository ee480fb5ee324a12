"""The checks on a cycle as data: one rule, one code, one severity, one legal basis.

Sources were looked up on 23.11.2026; `verified` is False where the paragraph could not be
confirmed from a source we could read, and the basis then says so instead of guessing.
KL = kommuneloven (LOV-2018-06-22-83); the regulation = forskrift om økonomiplan,
årsbudsjett, årsregnskap og årsberetning (FOR-2019-06-07-714).
"""

from dataclasses import dataclass

ERROR = "ERROR"
WARNING = "WARNING"


@dataclass(frozen=True)
class Rule:
    code: str
    severity: str
    legal_basis: str
    verified: bool
    source: str = ""


RULES: dict[str, Rule] = {rule.code: rule for rule in (
    Rule("recommendation_public", ERROR,
         "Kommuneloven § 14-3 (slik Giske kommune gjengir §§ 14-3 og 14-4; ikke lest i "
         "lovteksten): formannskapets innstilling til økonomiplan og årsbudsjett "
         "legges ut til alminnelig ettersyn minst 14 dager før kommunestyret behandler den.",
         True, "https://okonomiplan.giske.kommune.no/2024/administrasjon (gjengir KL §§ 14-3 "
         "og 14-4); samme krav i tidligere KL § 44 nr. 7"),
    Rule("budget_by_year_end", ERROR,
         "Økonomiplanen og årsbudsjettet vedtas før årsskiftet. Kommuneloven kapittel 14; "
         "paragraf ikke verifisert (antakelig § 14-3).",
         False, "https://okonomiplan.giske.kommune.no/2024/administrasjon"),
    Rule("budget_reports", ERROR,
         "Kommunedirektøren skal minst to ganger i året rapportere til kommunestyret om "
         "utviklingen i inntekter og utgifter sammenholdt med årsbudsjettet. Paragraf ikke "
         "verifisert (antakelig budsjett- og regnskapsforskriften § 5-9).",
         False, "https://testweb.nes.kommune.no/aktuelt/rapport-for-andre-tertial-2022/"),
    Rule("accounts_deadline", ERROR,
         "Kommuneloven § 14-6: årsregnskapet avlegges innen 22. februar.",
         True, "https://irev.no/kommuner"),
    Rule("annual_report_deadline", ERROR,
         "Kommuneloven § 14-7: årsberetningen avgis innen 31. mars.",
         True, "https://irev.no/kommuner"),
    Rule("audit_statement_deadline", ERROR,
         "Revisjonsberetningen avgis innen 15. april. Hjemmel ikke verifisert "
         "(forskrift om kontrollutvalg og revisjon).", False, "Ringebu, seed 001"),
    Rule("control_committee_order", ERROR,
         "Kontrollutvalget uttaler seg om årsregnskapet og årsberetningen etter "
         "revisjonsberetningen og før kommunestyret vedtar dem. Hjemmel ikke verifisert.",
         False, "Ringebu, seed 001"),
    Rule("accounts_adopted_deadline", ERROR,
         "Årsregnskapet og årsberetningen vedtas av kommunestyret senest seks måneder etter "
         "regnskapsårets slutt (30. juni). Paragraf ikke verifisert (antakelig KL § 14-3).",
         False, ""),
    Rule("kostra_deadline", ERROR,
         "KOSTRA-rapportering til SSB innen 15. februar (tjenestedata; regnskapsdata hadde "
         "frist 22. februar i 2024). Fristen settes i SSBs brev etter KOSTRA-forskriften; "
         "paragraf ikke verifisert.", False,
         "https://www.statsforvalteren.no/nn/More-og-Romsdal/Kommunal-styring/Kommuneokonomi/"
         "kostra-rapportering-for-2023/"),
    Rule("required_activity_missing", WARNING,
         "En aktivitet som loven krever, mangler i årshjulet.", True, ""),
    Rule("dependency_order", ERROR, "Logisk kontroll.", True, ""),
    Rule("meeting_missing", WARNING, "Logisk kontroll.", True, ""),
    Rule("responsible_missing", WARNING, "Logisk kontroll.", True, ""),
    Rule("public_holiday", WARNING, "Logisk kontroll: offentlig høytidsdag.", True, ""),
)}

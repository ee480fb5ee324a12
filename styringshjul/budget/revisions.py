"""Budget revisions (budsjettreguleringer): a decision that changes lines of an adopted
(or already revised) budget. The decided version stays as it was; the revision makes a new
version of state «revised», a copy with the changes applied to its base lines, each change
recorded with who made it. All rows are checked first: one bad row rejects the revision
and nothing is changed.
"""

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path

from django.db import transaction
from django.db.models import Sum
from django.utils.translation import gettext as _

from styringshjul.budget.lines import LineDraft, set_base_amount
from styringshjul.budget.models import (
    BudgetLine,
    BudgetRevision,
    BudgetVersion,
    ChangeSource,
    DecidingBody,
    LineChange,
    RevisionLine,
    VersionState,
)
from styringshjul.budget.versions import derive_version
from styringshjul.ledger.models import AccountClass
from styringshjul.ledger.queries import arts_valid_in, functions_valid_in
from styringshjul.lib.issues import Issue
from styringshjul.lib.money import parse_kroner
from styringshjul.lib.tabular import TableError, read_table
from styringshjul.org.queries import responsibility_codes

REVISABLE_STATES = (VersionState.ADOPTED, VersionState.REVISED)
COLUMNS = {"responsibility": "ansvar", "function": "funksjon", "art": "art",
           "project": "prosjekt", "year": "år", "change": "endring",
           "account_class": "kontoklasse"}
"""The column each field has in a revision file (and is named by in issues)."""
ART_PATTERN = re.compile(r"^\d{3,4}$")
NAME_LENGTH = 150


@dataclass(frozen=True)
class RevisionChange:
    """One changed line: the change in kroner (KOSTRA sign) of one account string and year.
    `row` is where it was given (file row or form row), for issues."""

    year: int
    responsibility: str
    function: str
    art: str
    change: Decimal
    project: str = ""
    account_class: str = AccountClass.OPERATING
    one_off: bool = False
    text: str = ""
    row: int | None = None

    def key(self) -> tuple:
        return (self.year, self.account_class, self.responsibility, self.function, self.art,
                self.project)


class RevisionRejected(Exception):
    """The revision was not recorded; `issues` say why, row by row."""

    def __init__(self, issues: list[Issue]):
        super().__init__("; ".join(issue.message for issue in issues))
        self.issues = issues


def version_issues(version: BudgetVersion) -> list[Issue]:
    if version.state not in REVISABLE_STATES:
        return [Issue("budget.revision_not_decided", _(
            "Only an adopted or revised budget is revised; «%(version)s» is %(state)s.")
            % {"version": version, "state": version.get_state_display()})]
    if version.revisions.exists():
        return [Issue("budget.revision_not_newest", _(
            "«%(version)s» has been revised already; revise the newest revised version.")
            % {"version": version})]
    return []


def header_issues(case_number: str, justification: str, decided_by: str) -> list[Issue]:
    issues = []
    if not case_number.strip():
        issues.append(Issue("budget.revision_no_case_number",
                            _("Give the case number of the decision."), column="saksnr"))
    if not justification.strip():
        issues.append(Issue("budget.revision_no_justification",
                            _("Give the justification of the revision."), column="begrunnelse"))
    if decided_by not in DecidingBody.values:
        issues.append(Issue("budget.revision_unknown_body",
                            _("Not a deciding body."), column="vedtatt_av", value=decided_by))
    return issues


class _RowChecker:
    """Checks change rows against the municipality's ansvar codes and the KOSTRA codes
    valid in each year, loading each year's code lists once."""

    def __init__(self, version: BudgetVersion):
        self.version = version
        self.responsibilities = responsibility_codes(version.municipality)
        self.codes: dict[int, tuple[dict, dict]] = {}

    def check(self, change: RevisionChange) -> list[Issue]:
        if change.year not in self.version.year_range:
            return [self._issue(change, "year", "budget.revision_year_outside", _(
                "Not a year of the version (%(first)s–%(last)s).") % {
                "first": self.version.first_year, "last": self.version.year_range[-1]},
                change.year)]
        functions, arts = self._codes(change.year)
        issues = []
        if change.account_class not in AccountClass.values:
            issues.append(self._issue(change, "account_class", "budget.revision_account_class",
                                      _("Neither operating nor capital."),
                                      change.account_class))
        if change.responsibility not in self.responsibilities:
            issues.append(self._issue(change, "responsibility", "budget.revision_unknown_ansvar",
                                      _("Not one of the municipality's responsibility codes."),
                                      change.responsibility))
        function = functions.get(change.function)
        if function is None:
            issues.append(self._issue(change, "function", "budget.revision_unknown_function",
                                      _("Not a KOSTRA function valid in %(year)s.")
                                      % {"year": change.year}, change.function))
        elif not _allowed(function, change.account_class):
            issues.append(self._not_allowed(change, "function", change.function))
        art = arts.get(change.art[:3]) if ART_PATTERN.match(change.art) else None
        if art is None:
            issues.append(self._issue(change, "art", "budget.revision_unknown_art", _(
                "Not a KOSTRA art valid in %(year)s (three digits, or four with a local last "
                "digit).") % {"year": change.year}, change.art))
        elif not _allowed(art, change.account_class):
            issues.append(self._not_allowed(change, "art", change.art))
        if not change.change:
            issues.append(self._issue(change, "change", "budget.revision_zero_change",
                                      _("A change of zero changes nothing."), change.change))
        return issues

    def _codes(self, year: int) -> tuple[dict, dict]:
        if year not in self.codes:
            self.codes[year] = (functions_valid_in(year), arts_valid_in(year))
        return self.codes[year]

    def _not_allowed(self, change: RevisionChange, field: str, value: str) -> Issue:
        return self._issue(change, field, f"budget.revision_{field}_not_allowed", _(
            "Not allowed in the operating or capital accounts this line belongs to."), value)

    @staticmethod
    def _issue(change: RevisionChange, field: str, code: str, message: str, value) -> Issue:
        return Issue(code, message, change.row, COLUMNS[field], str(value))


def _allowed(code, account_class: str) -> bool:
    rule = code.capital_rule if account_class == AccountClass.CAPITAL else code.operating_rule
    return rule != "not_allowed"


def check_revision(version: BudgetVersion, changes: Sequence[RevisionChange], *,
                   case_number: str, justification: str, decided_by: str) -> list[Issue]:
    """Every reason the revision cannot be recorded (none: it can)."""
    issues = version_issues(version) + header_issues(case_number, justification, decided_by)
    if not changes:
        issues.append(Issue("budget.revision_no_changes", _("Give at least one changed line.")))
    checker = _RowChecker(version)
    for change in changes:
        issues.extend(checker.check(change))
    return issues


def revision_name(version: BudgetVersion, case_number: str) -> str:
    """«<adopted budget> – revision <case>», named after the adopted budget at the root."""
    root = version
    while root.state == VersionState.REVISED and hasattr(root, "revision"):
        root = root.revision.based_on
    name = _("%(version)s – revision %(case)s") % {"version": root.name, "case": case_number}
    return name[:NAME_LENGTH]


def record_revision(version: BudgetVersion, *, case_number: str, decided_on: date,
                    decided_by: str, justification: str, changes: Sequence[RevisionChange],
                    user) -> BudgetRevision:
    """Record the decision and make the revised version; raises RevisionRejected (and
    changes nothing) when any row or the header is wrong."""
    issues = check_revision(version, changes, case_number=case_number,
                            justification=justification, decided_by=decided_by)
    if issues:
        raise RevisionRejected(issues)
    with transaction.atomic():
        # Two revisions of the same version at once would make two branches.
        BudgetVersion.objects.select_for_update().filter(pk=version.pk).first()
        issues = version_issues(version)
        if issues:
            raise RevisionRejected(issues)
        result = derive_version(version, VersionState.REVISED, user=user,
                                name=revision_name(version, case_number.strip()))
        revision = BudgetRevision.objects.create(
            municipality=version.municipality, based_on=version, result=result,
            case_number=case_number.strip(), decided_on=decided_on, decided_by=decided_by,
            justification=justification.strip(), created_by=user)
        RevisionLine.objects.bulk_create(_revision_line(revision, c) for c in changes)
        _apply(result, changes, user)
    return revision


def _revision_line(revision: BudgetRevision, change: RevisionChange) -> RevisionLine:
    return RevisionLine(
        revision=revision, year=change.year, account_class=change.account_class,
        responsibility=change.responsibility, function=change.function, art=change.art,
        kostra_art=change.art[:3], project=change.project, change=change.change,
        one_off=change.one_off, text=change.text[:300])


def _apply(version: BudgetVersion, changes: Iterable[RevisionChange], user) -> None:
    totals: dict[tuple, Decimal] = {}
    for change in changes:
        totals[change.key()] = totals.get(change.key(), Decimal(0)) + change.change
    for (year, account_class, responsibility, function, art, project), total in totals.items():
        line = version.lines.filter(
            measure=None, year=year, account_class=account_class,
            responsibility=responsibility, function=function, art=art, project=project).first()
        current = line.amount if line else Decimal(0)
        set_base_amount(version, LineDraft(
            year=year, responsibility=responsibility, function=function, art=art,
            amount=current + total, project=project, account_class=account_class),
            user=user, source=ChangeSource.REVISION)


FILE_COLUMNS: dict[str, set[str]] = {
    "responsibility": {"ansvar", "ansvarskode"},
    "function": {"funksjon"},
    "art": {"art", "konto"},
    "project": {"prosjekt", "objekt"},
    "year": {"år", "aar", "year"},
    "change": {"endring", "beløp", "belop", "change"},
    "account_class": {"kontoklasse", "drift/investering"},
    "one_off": {"engangs", "engangsbeløp", "one-off"},
    "text": {"tekst", "text"},
}
REQUIRED_COLUMNS = ("responsibility", "function", "art", "year", "change")
CLASS_NAMES = {"": AccountClass.OPERATING, "d": AccountClass.OPERATING,
               "drift": AccountClass.OPERATING, "1": AccountClass.OPERATING,
               "operating": AccountClass.OPERATING, "i": AccountClass.CAPITAL,
               "investering": AccountClass.CAPITAL, "0": AccountClass.CAPITAL,
               "capital": AccountClass.CAPITAL}
TRUE_WORDS = {"x", "ja", "j", "yes", "1", "true", "sann"}


def read_changes(path: Path, *, filename: str | None = None
                 ) -> tuple[list[RevisionChange], list[Issue]]:
    """The changed lines of a revision file (CSV or XLSX: ansvar;funksjon;art;prosjekt;år;
    endring, optionally kontoklasse, engangs, tekst), and what is wrong with its rows."""
    try:
        table = read_table(path, FILE_COLUMNS, filename=filename)
    except TableError as error:
        return [], [Issue(f"budget.revision_file_{error.code}", _(
            "The file cannot be read as a table with the columns ansvar, funksjon, art, "
            "prosjekt, år and endring."), value=error.detail)]
    missing = [COLUMNS[name] for name in REQUIRED_COLUMNS if name not in table.columns]
    if missing:
        return [], [Issue("budget.revision_file_missing_column",
                          _("The file has no such column."), column=name) for name in missing]
    changes, issues = [], []
    for number, record in table.rows:
        change, problems = _change_from(number, record)
        issues.extend(problems)
        if change is not None:
            changes.append(change)
    return changes, issues


def _change_from(number: int, record: dict[str, str]
                 ) -> tuple[RevisionChange | None, list[Issue]]:
    issues = []
    year_text, amount_text = record["year"].strip(), record["change"]
    account_class = CLASS_NAMES.get(record.get("account_class", "").strip().lower())
    amount = parse_kroner(amount_text)
    if not (year_text.isdigit() and len(year_text) == 4):
        issues.append(Issue("budget.revision_not_a_year", _("Not a year."), number,
                            COLUMNS["year"], year_text))
    if amount is None:
        issues.append(Issue("budget.revision_not_an_amount", _("Not an amount."), number,
                            COLUMNS["change"], amount_text))
    if account_class is None:
        issues.append(Issue("budget.revision_account_class", _("Neither operating nor capital."),
                            number, COLUMNS["account_class"], record["account_class"]))
    if issues:
        return None, issues
    return RevisionChange(
        year=int(year_text), responsibility=record["responsibility"].strip(),
        function=record["function"].strip(), art=record["art"].strip(), change=amount,
        project=record.get("project", "").strip(), account_class=account_class,
        one_off=record.get("one_off", "").strip().lower() in TRUE_WORDS,
        text=record.get("text", "").strip(), row=number), []


HISTORY_PARAMS = {"responsibility": "ansvar", "function": "funksjon", "art": "art",
                  "project": "prosjekt", "account_class": "kontoklasse"}


def line_history(user, municipality, params) -> dict:
    """The amount of one account string and year in every version the user may see, and
    every change of it (edits, uploads, revisions) with who and when, oldest first."""
    key = {field: params.get(name, "").strip() for field, name in HISTORY_PARAMS.items()}
    key["account_class"] = key["account_class"] or AccountClass.OPERATING
    year_text = params.get("year", "").strip()
    query = {**{name: key[field] for field, name in HISTORY_PARAMS.items()}, "year": year_text}
    if not (year_text.isdigit() and key["responsibility"] and key["function"] and key["art"]):
        return {"query": query, "ready": False}
    year = int(year_text)
    versions = [v for v in BudgetVersion.objects.for_municipality(municipality)
                .select_related("party").order_by("created_at", "pk")
                if v.first_year <= year < v.first_year + v.years
                and user.has_perm("budget.view_version", v)]
    amounts = dict(BudgetLine.objects.filter(version__in=versions, year=year, **key)
                   .values_list("version").annotate(total=Sum("amount")).order_by())
    return {"query": query, "ready": True, "year": year,
            "versions": [(v, amounts.get(v.pk, Decimal(0))) for v in versions],
            "events": _events(versions, year, key)}


def _events(versions: list[BudgetVersion], year: int, key: dict) -> list[dict]:
    events = [
        {"when": change.changed_at, "who": change.changed_by, "version": change.version,
         "source": change.get_source_display(), "before": change.old_amount,
         "after": change.new_amount, "change": change.new_amount - change.old_amount}
        for change in LineChange.objects.filter(version__in=versions, year=year, **key)
        .select_related("version", "changed_by")
    ]
    events += [
        {"when": line.revision.created_at, "who": line.revision.created_by,
         "version": line.revision.result, "revision": line.revision, "change": line.change,
         "one_off": line.one_off, "text": line.text}
        for line in RevisionLine.objects.filter(revision__result__in=versions, year=year, **key)
        .select_related("revision", "revision__result", "revision__created_by")
    ]
    return sorted(events, key=lambda event: (event["when"], "revision" not in event))

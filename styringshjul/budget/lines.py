"""Writing a version's lines: copying a whole version, writing the lines a measure
produces, and changing one amount with a record of who changed it.

Amounts are `Decimal` kroner in the KOSTRA sign: expenses positive, income negative.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from django.db import connection, transaction

from styringshjul.budget.models import (
    ACCOUNT_STRING_FIELDS,
    BudgetLine,
    BudgetVersion,
    LineChange,
    Measure,
)
from styringshjul.ledger.models import AccountClass

COPIED_COLUMNS = ("year", "account_class", "responsibility", "function", "art", "kostra_art",
                  "project", "amount", "measure_id")


@dataclass(frozen=True)
class LineDraft:
    """A line to write: one account string's amount in one year."""

    year: int
    responsibility: str
    function: str
    art: str
    amount: Decimal
    project: str = ""
    account_class: str = AccountClass.OPERATING

    @property
    def kostra_art(self) -> str:
        return self.art[:3]

    def key(self) -> tuple:
        return (self.year, self.account_class, self.responsibility, self.function, self.art,
                self.project)


def copy_lines(source: BudgetVersion, target: BudgetVersion) -> None:
    """Copy every line of `source` into `target` in one statement."""
    _insert_select(target, source, COPIED_COLUMNS, COPIED_COLUMNS, "", [])


def copy_year(source: BudgetVersion, source_year: int, target: BudgetVersion, target_year: int,
              *, base_only: bool = True) -> None:
    """Copy the lines of one year of `source` into `target` as `target_year` (by default
    only the base lines, not those measures wrote), in one statement."""
    selected = ("%s", *COPIED_COLUMNS[1:-1], "NULL" if base_only else "measure_id")
    condition = " AND year = %s" + (" AND measure_id IS NULL" if base_only else "")
    _insert_select(target, source, COPIED_COLUMNS, selected, condition,
                   [target_year], [source_year])


def _insert_select(target, source, columns, selected, condition, select_params,
                   where_params=()) -> None:
    table = connection.ops.quote_name(BudgetLine._meta.db_table)
    sql = (f"INSERT INTO {table} (version_id, lock_version, {', '.join(columns)}) "
           f"SELECT %s, 0, {', '.join(selected)} FROM {table} "
           f"WHERE version_id = %s{condition}")
    with connection.cursor() as cursor:
        cursor.execute(sql, [target.pk, *select_params, source.pk, *where_params])


def summed(drafts: Iterable[LineDraft]) -> list[LineDraft]:
    """Drafts on the same account string and year added together (zero sums dropped)."""
    totals: dict[tuple, Decimal] = {}
    for draft in drafts:
        totals[draft.key()] = totals.get(draft.key(), Decimal(0)) + draft.amount
    return [
        LineDraft(year=year, account_class=account_class, responsibility=responsibility,
                  function=function, art=art, project=project, amount=amount)
        for (year, account_class, responsibility, function, art, project), amount
        in totals.items() if amount
    ]


def replace_measure_lines(version: BudgetVersion, measure: Measure,
                          drafts: Iterable[LineDraft]) -> int:
    """Make `drafts` the lines `measure` writes in `version` (none: the measure is out)."""
    rows = summed(drafts)
    with transaction.atomic():
        version.lines.filter(measure=measure).delete()
        BudgetLine.objects.bulk_create(
            BudgetLine(version=version, measure=measure, year=draft.year,
                       account_class=draft.account_class, responsibility=draft.responsibility,
                       function=draft.function, art=draft.art, kostra_art=draft.kostra_art,
                       project=draft.project, amount=draft.amount)
            for draft in rows
        )
    return len(rows)


def set_base_amount(version: BudgetVersion, draft: LineDraft, *, user, source: str,
                    ) -> LineChange | None:
    """Set the base amount (not a measure's) of one account string in one year, and
    record the change. Returns None when the amount was already that."""
    key = dict(zip(ACCOUNT_STRING_FIELDS, (draft.account_class, draft.responsibility,
                                           draft.function, draft.art, draft.project),
                   strict=True))
    with transaction.atomic():
        line = version.lines.filter(measure=None, year=draft.year, **key).first()
        old = line.amount if line else Decimal(0)
        if old == draft.amount:
            return None
        if line is None:
            BudgetLine.objects.create(version=version, year=draft.year,
                                      kostra_art=draft.kostra_art, amount=draft.amount, **key)
        elif draft.amount:
            line.amount = draft.amount
            line.lock_version += 1
            line.save(update_fields=["amount", "lock_version"])
        else:
            line.delete()
        return LineChange.objects.create(
            version=version, year=draft.year, kostra_art=draft.kostra_art, old_amount=old,
            new_amount=draft.amount, source=source, changed_by=user, **key)

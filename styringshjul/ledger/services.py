"""Write operations on the KOSTRA code lists."""

import re
from dataclasses import dataclass

from django.db import transaction

from styringshjul.ledger.importers import KlassCode
from styringshjul.ledger.models import KostraArt, KostraCode, KostraFunction, NameConfidence

FUNCTIONS_CLASSIFICATION = 277
ARTS_CLASSIFICATION = 259
CLASSIFICATIONS: dict[int, type[KostraCode]] = {
    FUNCTIONS_CLASSIFICATION: KostraFunction,
    ARTS_CLASSIFICATION: KostraArt,
}


@dataclass(frozen=True)
class ImportSummary:
    classification: int
    updated: int
    added: int
    unchanged: int
    skipped: int

    @property
    def changed(self) -> bool:
        return bool(self.updated or self.added)


def detect_classification(codes: list[KlassCode]) -> int | None:
    """277 or 259 when the codes can only belong to one of them, else None. Aggregates
    (AG…, AGD…) exist only among the arter; other codes tell only if we know them in
    one list and not in the other."""
    numbers = {code.code for code in codes if _is_kostra_code(code.code)}
    functions = set(KostraFunction.objects.values_list("code", flat=True))
    arts = set(KostraArt.objects.values_list("code", flat=True))
    looks_like_arts = any(code.code.startswith("AG") for code in codes) or bool(
        numbers & (arts - functions)
    )
    looks_like_functions = bool(numbers & (functions - arts))
    if looks_like_arts == looks_like_functions:
        return None
    return ARTS_CLASSIFICATION if looks_like_arts else FUNCTIONS_CLASSIFICATION


@transaction.atomic
def import_classification(
    codes: list[KlassCode], classification: int, dry_run: bool = False
) -> ImportSummary:
    """Fills in Statistics Norway's official names and validity dates and adds the codes
    we lack; never deletes, and never touches the control rules we hold."""
    model = CLASSIFICATIONS[classification]
    source = f"SSB Klass {classification}"
    existing = {code.code: code for code in model.objects.all()}
    counts = {"updated": 0, "added": 0, "unchanged": 0, "skipped": 0}
    for entry in codes:
        if not _is_kostra_code(entry.code):
            counts["skipped"] += 1
            continue
        code = existing.get(entry.code)
        if code is None:
            code = model(code=entry.code, list_source=source)
            counts["added"] += 1
        elif _is_up_to_date(code, entry, source):
            counts["unchanged"] += 1
            continue
        else:
            counts["updated"] += 1
        _apply(code, entry, source)
        code._change_reason = source
        code.save()
    if dry_run:
        transaction.set_rollback(True)
    return ImportSummary(classification, **counts)


def _is_kostra_code(code: str) -> bool:
    return re.fullmatch(r"[0-9]{3}", code) is not None


def _official(entry: KlassCode, source: str, current: KostraCode) -> dict:
    return {
        "name": entry.name,
        "name_confidence": NameConfidence.OFFICIAL,
        "name_source": source,
        "name_note": "",
        "valid_from": entry.valid_from or current.valid_from,
        "valid_to": entry.valid_to,
    }


def _is_up_to_date(code: KostraCode, entry: KlassCode, source: str) -> bool:
    return all(
        getattr(code, field) == value for field, value in _official(entry, source, code).items()
    )


def _apply(code: KostraCode, entry: KlassCode, source: str) -> None:
    for field, value in _official(entry, source, code).items():
        setattr(code, field, value)

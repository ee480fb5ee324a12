"""Key figures: the synthetic national dataset of the demo (357 municipalities and the
aggregates × 10 years × the catalogue's ~40 figures, ~160 k values) imported through
`styringshjul import_keyfigures` (target < 5 s), then the ranking of all municipalities
(target < 100 ms) and the scatter of two figures across all of them (target < 200 ms, p95)."""

import io
import time
from collections.abc import Callable
from pathlib import Path

YEAR = 2025
RANKED = "KOSkorrbrdrgsperelev0000"  # cost per pupil
AGAINST = "KOSgrunnskolepoeng0000"


def _percentiles(label: str, action: Callable[[], object], repeat: int = 30) -> None:
    durations = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        durations.append((time.perf_counter() - start) * 1000)
    durations.sort()
    p95 = durations[min(repeat - 1, round(0.95 * repeat) - 1)]
    print(f"{label:<58} p50 {durations[repeat // 2]:8.1f} ms   p95 {p95:8.1f} ms   (n={repeat})")


def _import(paths: list[Path]) -> float:
    from django.core.management import call_command

    start = time.perf_counter()
    for path in paths:
        call_command("import_keyfigures", str(path), stdout=io.StringIO(),
                     stderr=io.StringIO())
    return time.perf_counter() - start


def _figure(code: str, fallback: int):
    from styringshjul.keyfigures.models import KeyFigure

    return (KeyFigure.objects.filter(content_code=code).first()
            or KeyFigure.objects.order_by("table_id", "content_code")[fallback])


def run(timed: Callable, workdir: Path) -> None:
    from django.db import connection

    from styringshjul.demo import keyfigure_data
    from styringshjul.demo.keyfigures import record_groups
    from styringshjul.keyfigures import queries
    from styringshjul.keyfigures.catalogue import catalogue_rows, load_catalogue
    from styringshjul.keyfigures.models import KeyFigureValue
    from styringshjul.keyfigures.regions import load_regions

    load_regions()
    load_catalogue()
    figures = catalogue_rows()
    start = time.perf_counter()
    paths = keyfigure_data.write_national_dataset(workdir / "keyfigures", figures)
    written = time.perf_counter() - start
    size = sum(path.stat().st_size for path in paths) / 1e6
    before = KeyFigureValue.objects.count()
    seconds = _import(paths)
    values = KeyFigureValue.objects.count() - before
    print(f"keyfigures: {len(figures)} figures in {len(paths)} JSON-stat2 files ({size:.1f} MB) "
          f"written in {written:.1f} s; {values:,} values imported ({connection.vendor}) "
          f"in {seconds:.2f} s (target < 5 s)")
    print(f"keyfigures: the same files again (recognised as imported) in {_import(paths):.2f} s")
    record_groups(keyfigure_data.YEARS)
    ranked, against = _figure(RANKED, 0), _figure(AGAINST, 1)
    region = "3439"
    assert len(queries.ranking(ranked, YEAR)) > 300
    _percentiles("ranking of 357 municipalities (target < 100 ms)",
                 lambda: queries.ranking(ranked, YEAR))
    _percentiles("rank of Ringebu among all municipalities",
                 lambda: queries.rank_of(ranked, YEAR, region))
    _percentiles("scatter of two figures, 357 municipalities (< 200 ms)",
                 lambda: queries.scatter(ranked, against, YEAR))

"""The general-ledger import against a reference pipeline, on a realistic export.

Writes a Windows-1252, `;`-separated, decimal-comma Visma-shaped export (1 M and 10 M
lines, or the sizes in BENCH_LEDGER_LINES, comma-separated) with Ringebu's ansvar codes and
valid KOSTRA codes, then times in child processes (to measure each one's peak memory):
- the reference: transcode to UTF-8 (Python's codec, chunk by chunk), DuckDB reads, groups
  and writes Parquet;
- ours, end to end: read, validate every line, aggregate, store actuals and keep the raw
  lines (a clean file keeps its own bytes); then, timed apart, what follows the import:
  its raw lines written as numbered Parquet for quick drill-down (`index_raw_lines`).
"""

import json
import os
import random
import resource
import subprocess
import sys
import time
from pathlib import Path

import polars as pl

SIZES = [int(size) for size in
         os.environ.get("BENCH_LEDGER_LINES", "1000000,10000000").split(",")]
YEAR = 2025
HEADER = "Bilagsnr;Bilagsdato;Periode;Art;Ansvar;Funksjon;Prosjekt;Beløp;Tekst"
TEXTS = ["Lønn", "Kjøp av tjenester", "Inventar og utstyr", "Husleie", "Strøm",
         "Refusjon sykepenger", "Matvarer kjøkken", "Reise – kurs", "Vedlikehold bygg",
         "Lisenser IKT", "Brukerbetaling", "Tilskudd «Frivillighet»"]


def account_strings(codes: list[str], functions: list[str], arts: list[str],
                    rng: random.Random) -> list[tuple[str, str, str]]:
    """Each ansvar books on a few funksjoner and many arter, as a real ledger does."""
    strings = []
    for code in codes:
        for function in rng.sample(functions, 3):
            for art in rng.sample(arts, 40):
                strings.append((code, function, art + str(rng.randint(0, 9))))
    return strings


def write_export(path: Path, lines: int, strings: list[tuple[str, str, str]]) -> None:
    rng = random.Random(2025)
    chosen = rng.choices(range(len(strings)), k=lines)
    periods = [rng.randint(1, 12) for _ in range(lines)]
    frame = pl.DataFrame({
        "voucher": pl.int_range(100000, 100000 + lines, eager=True),
        "period": periods,
        "day": [rng.randint(1, 28) for _ in range(lines)],
        "string": chosen,
        "cents": [int(rng.lognormvariate(9, 2)) * (1 if rng.random() < .85 else -1)
                  for _ in range(lines)],
        "text": rng.choices(TEXTS, k=lines),
    })
    table = pl.DataFrame({"ansvar": [s[0] for s in strings], "funksjon": [s[1] for s in strings],
                          "art": [s[2] for s in strings],
                          # one account string in twenty is booked on a project
                          "project": [str(41000 + i % 400) if i % 20 == 0 else ""
                                      for i in range(len(strings))]}).with_row_index("string")
    cents = pl.col("cents")
    export = frame.join(table.with_columns(pl.col("string").cast(pl.Int64)), on="string",
                        how="left").sort("voucher").select(
        pl.col("voucher").cast(pl.String),
        pl.format("{}.{}.{}", pl.col("day").cast(pl.String).str.zfill(2),
                  pl.col("period").cast(pl.String).str.zfill(2), pl.lit(str(YEAR))),
        pl.col("period").cast(pl.String), "art", "ansvar", "funksjon", "project",
        pl.format("{}{},{}", pl.when(cents < 0).then(pl.lit("-")).otherwise(pl.lit("")),
                  (cents.abs() // 100).cast(pl.String),
                  (cents.abs() % 100).cast(pl.String).str.zfill(2)),
        "text")
    utf8 = path.with_suffix(".utf8")
    export.write_csv(utf8, separator=";", include_header=False, quote_style="never",
                     line_terminator="\r\n")
    with utf8.open("rb") as source, path.open("wb") as out:
        out.write((HEADER + "\r\n").encode("cp1252"))
        while chunk := source.read(16 * 1024 * 1024):
            out.write(chunk.decode("utf-8").encode("cp1252"))
    utf8.unlink()


def reference(path: Path, workdir: Path) -> None:
    import duckdb

    utf8 = workdir / "reference.csv"
    with path.open("rb") as source, utf8.open("wb") as out:  # DuckDB reads only UTF-8
        while chunk := source.read(16 * 1024 * 1024):
            out.write(chunk.decode("cp1252").encode("utf-8"))
    try:
        duckdb.execute(f"""
            COPY (SELECT Periode, Ansvar, Funksjon, Art, Prosjekt,
                         sum(CAST(replace("Beløp", ',', '.') AS DECIMAL(18, 2))) AS amount
                  FROM read_csv('{utf8}', delim=';', header=true, all_varchar=true)
                  GROUP BY ALL)
            TO '{workdir / "reference.parquet"}' (FORMAT parquet)""")
    finally:
        utf8.unlink()


def ours(path: Path) -> tuple[float, float]:
    """Seconds to import (sums stored, raw lines kept), then to index the raw lines."""
    from styringshjul.ledger.ledger_import import import_ledger
    from styringshjul.ledger.models import Actual, ActualRollup, LedgerImport
    from styringshjul.ledger.raw_lines import index_raw_lines
    from styringshjul.org.models import Municipality

    ringebu = Municipality.objects.get(number="3439")
    Actual.objects.filter(municipality=ringebu, year=YEAR).delete()
    ActualRollup.objects.filter(municipality=ringebu, year=YEAR).delete()
    LedgerImport.objects.filter(municipality=ringebu, year=YEAR).delete()
    start = time.perf_counter()
    result = import_ledger(ringebu, YEAR, path)
    elapsed = time.perf_counter() - start
    if not result.accepted:
        raise SystemExit(f"rejected: {result.issues[:5]}")
    start = time.perf_counter()
    if not index_raw_lines(result.ledger_import):
        raise SystemExit("the raw lines were not indexed")
    return elapsed, time.perf_counter() - start


def child(kind: str, path: Path, workdir: Path) -> None:
    """Runs in a child process; prints its time and peak memory as JSON."""
    import django

    django.setup()
    start, indexed = time.perf_counter(), 0.0
    if kind == "ours":
        elapsed, indexed = ours(path)
    else:
        reference(path, workdir)
        elapsed = time.perf_counter() - start
    usage = resource.getrusage(resource.RUSAGE_SELF)
    print(json.dumps({"seconds": elapsed, "indexed": indexed, "peak_mb": peak_mb(usage),
                      "cpu": usage.ru_utime + usage.ru_stime}))


def peak_mb(usage) -> float:
    """This process' own peak: Linux keeps ru_maxrss across exec, so it would report the
    parent's peak (the one that wrote the export) whenever that was higher."""
    status = Path("/proc/self/status")
    if status.exists():
        for line in status.read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return usage.ru_maxrss / 1024


def run_child(kind: str, path: Path, workdir: Path) -> dict:
    env = {**os.environ, "STYRINGSHJUL_VAR_DIR": str(workdir / "var")}
    done = subprocess.run([sys.executable, "-m", "benchmarks.ledger_import", kind, str(path),
                           str(workdir)], env=env, capture_output=True, text=True)
    if done.returncode:
        raise SystemExit(f"ledger benchmark ({kind}) failed:\n{done.stderr}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def run(timed, workdir: Path) -> None:
    from styringshjul.demo.services import build_demo
    from styringshjul.ledger.queries import arts_valid_in, functions_valid_in
    from styringshjul.org.models import Municipality
    from styringshjul.org.queries import responsibility_codes

    build_demo()
    ringebu = Municipality.objects.get(number="3439")
    functions = [c for c, f in functions_valid_in(YEAR).items()
                 if f.operating_rule == "allowed" and f.kind == "service"] or \
        [c for c, f in functions_valid_in(YEAR).items() if f.operating_rule == "allowed"]
    arts = [c for c, a in arts_valid_in(YEAR).items() if a.operating_rule == "allowed"]
    strings = account_strings(sorted(responsibility_codes(ringebu)), functions, arts,
                              random.Random(3439))
    for lines in SIZES:
        compare(lines, strings, workdir)


def compare(lines: int, strings: list[tuple[str, str, str]], workdir: Path) -> None:
    path = workdir / "hovedbok.csv"
    start = time.perf_counter()
    write_export(path, lines, strings)
    size = path.stat().st_size / 1e6
    count = f"{lines:,}".replace(",", " ")
    print(f"ledger: wrote {count} lines ({size:.0f} MB, Windows-1252, ;) in "
          f"{time.perf_counter() - start:.1f} s")
    reference_run = run_child("reference", path, workdir)
    ours_run = run_child("ours", path, workdir)
    ratio = ours_run["seconds"] / reference_run["seconds"]
    # CPU seconds (the whole child process, Django start included) show the work done when
    # the machine is shared and wall-clock times wander
    print(f"{'ledger: reference (transcode + DuckDB group + Parquet)':<58} "
          f"{reference_run['seconds']:8.2f} s   peak {reference_run['peak_mb']:6.0f} MB"
          f"   cpu {reference_run['cpu']:6.1f} s")
    print(f"{'ledger: import end to end (validate, actuals, raw lines)':<58} "
          f"{ours_run['seconds']:8.2f} s   peak {ours_run['peak_mb']:6.0f} MB"
          f"   cpu {ours_run['cpu']:6.1f} s (with the index)")
    print(f"{'ledger: ratio (target ≤ 1.5 at 10 M lines; memory < 2 GB)':<58} "
          f"{ratio:8.2f}")
    # after the import has committed, its kept text is written as numbered Parquet lines
    print(f"{'ledger: raw lines indexed for drill-down, after the import':<58} "
          f"{ours_run['indexed']:8.2f} s   (import + index: ratio "
          f"{(ours_run['seconds'] + ours_run['indexed']) / reference_run['seconds']:.2f})")
    path.unlink()


if __name__ == "__main__":  # the timed child process; alone: python -m benchmarks ledger_import
    child(sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3]))

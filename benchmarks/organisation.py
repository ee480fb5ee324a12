"""The organisation: building the demo, rendering the tree, importing a large tree."""

import csv
from collections.abc import Callable
from pathlib import Path

from django.contrib.auth import get_user_model
from django.test import Client
from django.test.utils import override_settings

UNITS = 400
CODES_PER_UNIT = 5


def write_large_tree(path: Path) -> int:
    """A Windows-1252 `;` file with 400 units and 2 000 ansvar codes in 8 service areas."""
    with path.open("w", encoding="cp1252", newline="") as handle:
        writer = csv.writer(handle, delimiter=";")
        writer.writerow(["Tjenesteområde", "Enhet", "Ansvar", "Ansvarsnavn", "Leder"])
        for unit in range(UNITS):
            for code in range(CODES_PER_UNIT):
                writer.writerow([f"Område {unit % 8 + 1}", f"Enhet {unit:03d} – Bjørkås",
                                 f"{10000 + unit * 10 + code}", f"Ansvar {code}", "Åse Ødegård"])
    return UNITS * CODES_PER_UNIT


def run(timed: Callable, workdir: Path) -> None:
    from styringshjul.demo.services import build_demo
    from styringshjul.org.models import Municipality
    from styringshjul.org.services import import_organisation

    timed("demo: build or refresh both municipalities (idempotent)", build_demo)
    ringebu = Municipality.objects.get(number="3439")
    with override_settings(ALLOWED_HOSTS=["testserver"]):
        client = Client()
        client.force_login(get_user_model().objects.get(username="kari"))
        timed("page: organisation tree of Ringebu (22 units)",
              lambda: client.get(f"/{ringebu.number}/organisasjon/"), repeat=20)

    path = workdir / "organisasjon.csv"
    rows = write_large_tree(path)
    big, _ = Municipality.objects.get_or_create(number="9998", defaults={"name": "Storby"})
    timed(f"import: {rows} ansvar rows into an empty municipality",
          lambda: import_organisation(big, path), repeat=1)
    timed(f"import: the same {rows} rows again (nothing changes)",
          lambda: import_organisation(big, path), repeat=3)
    client.force_login(get_user_model().objects.get(username="admin"))
    with override_settings(ALLOWED_HOSTS=["testserver"]):
        timed(f"page: organisation tree with {UNITS} units",
              lambda: client.get(f"/{big.number}/organisasjon/"), repeat=5)

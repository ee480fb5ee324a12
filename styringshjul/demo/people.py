"""The demo users. Names are invented; roles are those the product is built for."""

from dataclasses import dataclass

DEMO_PASSWORD = "demo"


@dataclass(frozen=True)
class DemoPerson:
    username: str
    first_name: str
    last_name: str
    municipality: str
    role: str
    title: str
    units: tuple[str, ...] = ()


PEOPLE = [
    DemoPerson("kari", "Kari", "Nordhagen", "3439", "finance", "Økonomisjef"),
    DemoPerson("ola", "Ola", "Haugen", "3439", "unit_leader", "Rektor", ("Fåvang skule",)),
    DemoPerson("guro", "Guro", "Kvarberg", "3439", "leadership", "Kommunedirektør"),
    DemoPerson("per", "Per", "Bakken", "3439", "politician", "Kommunestyremedlem (Sp)"),
    DemoPerson("lars", "Lars", "Brenden", "3439", "politician", "Gruppeleder (H)"),
    DemoPerson("sofie", "Sofie", "Lien", "3441", "finance", "Økonomirådgjevar"),
]
SUPERUSER = DemoPerson("admin", "Admin", "", "", "", "Systemadministrator")

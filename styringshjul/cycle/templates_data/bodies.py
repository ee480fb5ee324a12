"""The bodies and roles a Norwegian municipality's cycle names as responsible."""

POLITICAL = "political"
ADMINISTRATIVE = "administrative"
EXTERNAL = "external"

# key, name (as the municipality writes it), kind
BODIES: tuple[tuple[str, str, str], ...] = (
    ("kommunestyret", "Kommunestyret", POLITICAL),
    ("formannskapet", "Formannskapet", POLITICAL),
    ("kontrollutvalget", "Kontrollutvalget", POLITICAL),
    ("radmannen", "Rådmannen / kommunedirektøren", ADMINISTRATIVE),
    ("lederforum", "Lederforum", ADMINISTRATIVE),
    ("tjenesteledere", "Tjenesteledere", ADMINISTRATIVE),
    ("okonomi", "Økonomi", ADMINISTRATIVE),
    ("mgrs", "MGRS (regnskapskontoret)", ADMINISTRATIVE),
    ("revisor", "Revisor", EXTERNAL),
    ("ssb", "Statistisk sentralbyrå (SSB)", EXTERNAL),
    ("staten", "Regjeringen / Stortinget", EXTERNAL),
)

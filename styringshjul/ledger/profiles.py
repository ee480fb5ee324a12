"""Column profiles: which column of an export holds which field of a ledger line.

Built-in profiles are code: the generic one accepts the Norwegian names and variants seen
in exports; Visma Enterprise and Unit4 (Agresso) have the fixed names their standard
ledger exports use. A municipality's own profiles are `ColumnProfile` rows, saved from the
mapping page.
"""

from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

from styringshjul.ledger.models import ColumnProfile
from styringshjul.lib.tabular import normalise_name

FIELDS = {
    "voucher": _("voucher"),
    "date": _("date"),
    "period": _("period"),
    "responsibility": _("responsibility code"),
    "function": _("function"),
    "art": _("art"),
    "project": _("project"),
    "amount": _("amount"),
    "debit": _("debit"),
    "credit": _("credit"),
    "text": _("text"),
    "account_class": _("operating or capital"),
}
LEDGER_REQUIRED = ("responsibility", "function", "art")
DEBIT_CREDIT = ("debit", "credit")
BUDGET_FIELDS = ("responsibility", "function", "art", "project", "amount", "account_class")

GENERIC_NAMES = {
    "voucher": {"bilag", "bilagsnr", "bilagsnr.", "bilagsnummer", "bilag nr", "voucher",
                "voucher no"},
    "date": {"dato", "bilagsdato", "regnskapsdato", "posteringsdato", "bokføringsdato", "date"},
    "period": {"periode", "per", "per.", "regnskapsperiode", "period"},
    "responsibility": {"ansvar", "ansvarsnr", "ansvarsnummer", "ansvarssted", "ansvarskode",
                       "responsibility"},
    "function": {"funksjon", "funksjonsnr", "tjeneste", "function"},
    "art": {"art", "artskonto", "konto", "kontonr", "kontonummer", "art/konto", "account"},
    "project": {"objekt", "prosjekt", "prosjektnr", "project"},
    "amount": {"beløp", "belop", "beløp nok", "beløp (nok)", "netto beløp", "nettobeløp",
               "amount", "budsjett", "årsbudsjett", "vedtatt budsjett", "budsjettbeløp"},
    "debit": {"debet", "debit", "beløp debet", "belop debet", "debetbeløp", "debet beløp",
              "debet (nok)", "debit amount"},
    "credit": {"kredit", "kreditt", "credit", "beløp kredit", "belop kredit", "kreditbeløp",
               "kredit beløp", "kredit (nok)", "credit amount"},
    "text": {"tekst", "bilagstekst", "beskrivelse", "posteringstekst", "text", "description"},
    "account_class": {"kontoklasse", "drift/investering", "account class"},
}


@dataclass(frozen=True)
class Profile:
    name: str
    columns: dict[str, str] = field(default_factory=dict)

    def mapping(self, header: list[str]) -> dict[str, str] | None:
        """Field → header text, if every column the profile names is in the header."""
        by_name = {normalise_name(text): text for text in header}
        found = {f: by_name.get(normalise_name(c)) for f, c in self.columns.items()}
        return None if None in found.values() else found  # type: ignore[return-value]


GENERIC = "generisk"
BUILT_IN = (
    Profile("visma-enterprise", {
        "voucher": "Bilagsnr", "date": "Bilagsdato", "period": "Periode", "art": "Art",
        "responsibility": "Ansvar", "function": "Funksjon", "project": "Prosjekt",
        "amount": "Beløp", "text": "Tekst",
    }),
    Profile("unit4-agresso", {
        "art": "Konto", "responsibility": "Ansvar", "function": "Tjeneste",
        "project": "Prosjekt", "period": "Periode", "amount": "Beløp", "voucher": "Bilagsnr",
        "text": "Tekst",
    }),
)
BUILT_IN_NAMES = (GENERIC, *(profile.name for profile in BUILT_IN))


def generic_mapping(header: list[str], fields=tuple(FIELDS)) -> dict[str, str]:
    mapping: dict[str, str] = {}
    for text in header:
        for name in fields:
            if name not in mapping and normalise_name(text) in GENERIC_NAMES[name]:
                mapping[name] = text
    return mapping


def is_complete(mapping: dict[str, str] | None, *, budget: bool = False) -> bool:
    if not mapping or not all(mapping.get(name) for name in LEDGER_REQUIRED):
        return False
    if not (mapping.get("amount") or (not budget and has_debit_credit(mapping))):
        return False
    return budget or bool(mapping.get("period") or mapping.get("date"))


def has_debit_credit(mapping: dict[str, str]) -> bool:
    """Whether the amount is debit − credit from two columns (an amount column wins)."""
    return not mapping.get("amount") and all(mapping.get(name) for name in DEBIT_CREDIT)


def own_profiles(municipality) -> list[Profile]:
    return [Profile(p.name, {f: c for f, c in p.columns.items() if c})
            for p in ColumnProfile.objects.for_municipality(municipality)]


def named_profile(name: str, municipality) -> Profile | None:
    """The municipality's own profile of that name first, then a built-in one."""
    for profile in (*own_profiles(municipality), *BUILT_IN):
        if profile.name.lower() == name.lower():
            return profile
    return Profile(GENERIC) if name.lower() == GENERIC else None


def candidates(municipality, profile: Profile | None = None) -> list[Profile]:
    """The profiles to try, in order: the chosen one, else the municipality's own, the
    built-in fixed ones, and the generic one."""
    if profile:
        return [profile]
    return [*own_profiles(municipality), *BUILT_IN, Profile(GENERIC)]


def match(header: list[str], tried: list[Profile], *, budget: bool = False
          ) -> tuple[str, dict[str, str]] | None:
    """The first profile that fits the header and its field → column mapping, or None."""
    fields = BUDGET_FIELDS if budget else tuple(FIELDS)
    for candidate in tried:
        if candidate.name == GENERIC:
            mapping = generic_mapping(header, fields)
        else:
            mapping = candidate.mapping(header)
        if mapping is not None:
            mapping = _with_generic_extras(mapping, header, fields)
        if is_complete(mapping, budget=budget):
            return candidate.name, mapping
    return None


def _with_generic_extras(mapping: dict[str, str], header: list[str], fields
                         ) -> dict[str, str]:
    """The profile's fields, plus the fields it does not name found by their usual names
    (an export with an added «Kontoklasse» column still fits its profile)."""
    used = set(mapping.values())
    extras = {f: c for f, c in generic_mapping(header, fields).items()
              if f not in mapping and c not in used}
    if all(mapping.get(f) for f in DEBIT_CREDIT):  # the profile chose debit and credit
        extras.pop("amount", None)
    found = {f: c for f, c in {**mapping, **extras}.items() if f in fields}
    if found.get("amount"):  # one signed amount: debit and credit columns beside it are not read
        found = {f: c for f, c in found.items() if f not in DEBIT_CREDIT}
    return found


def save_profile(municipality, name: str, mapping: dict[str, str]) -> ColumnProfile:
    profile, _created = ColumnProfile.objects.update_or_create(
        municipality=municipality, name=name, defaults={"columns": mapping})
    return profile

from django.core.management.base import CommandError, CommandParser
from django.utils.translation import gettext as _

from styringshjul.org.models import Municipality


def add_municipality_and_year(parser: CommandParser) -> None:
    parser.add_argument("--municipality", required=True, metavar="NUMBER",
                        help="the municipality's four-digit number, e.g. 3439")
    parser.add_argument("--year", required=True, type=int, help="the cycle's year")


def municipality_named(number: str) -> Municipality:
    tenant = Municipality.objects.filter(number=number).first()
    if tenant is None:
        raise CommandError(_("No municipality has the number %(number)s.")
                           % {"number": number}, returncode=2)
    return tenant

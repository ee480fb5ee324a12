"""The one path to a municipality's data: resolve the tenant from the URL, check access,
and query through `for_municipality`.
"""

from collections.abc import Callable
from functools import wraps

from django.core.exceptions import PermissionDenied
from django.db import models
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404


class TenantQuerySet(models.QuerySet):
    def for_municipality(self, municipality) -> "TenantQuerySet":
        return self.filter(municipality=municipality)


class MunicipalityNumberConverter:
    """A kommunenummer in a URL: four digits."""

    regex = r"\d{4}"

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value


LAST_MUNICIPALITY = "styringshjul_municipality"

View = Callable[..., HttpResponse]


def municipality_view(permission: str = "org.view_municipality") -> Callable[[View], View]:
    """Load the municipality named by the URL's `number` and require `permission` on it.

    The view receives the municipality as its second argument; `request.municipality` is
    set for templates. Anonymous users are sent to log in; members of other
    municipalities get 404, so a number never reveals whether anything is there.
    """

    def decorator(view: View) -> View:
        @wraps(view)
        def wrapper(request: HttpRequest, number: str, *args, **kwargs) -> HttpResponse:
            from django.contrib.auth.views import redirect_to_login

            from styringshjul.org.models import Municipality

            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            municipality = get_object_or_404(Municipality, number=number)
            if not request.user.has_perm("org.view_municipality", municipality):
                raise Http404
            if not request.user.has_perm(permission, municipality):
                raise PermissionDenied
            request.municipality = municipality
            request.session[LAST_MUNICIPALITY] = municipality.number
            return view(request, municipality, *args, **kwargs)

        return wrapper

    return decorator

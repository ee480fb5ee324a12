"""Public pages of the KOSTRA code lists: official facts that anyone may read."""

from collections.abc import Callable
from dataclasses import dataclass

from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.cache import patch_vary_headers
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from styringshjul.ledger import queries
from styringshjul.ledger.forms import CodeSearchForm
from styringshjul.ledger.models import KostraCode


@dataclass(frozen=True)
class CodeList:
    url_name: str
    detail_url_name: str
    title: Promise
    tab: Promise
    intro: Promise
    search: Callable[..., QuerySet]
    find: Callable[[str], KostraCode | None]


FUNCTIONS = CodeList(
    "kostra_functions", "kostra_function", _("KOSTRA functions"), _("Functions"),
    _("A function says what service the money is for. The lists are those valid in 2025 "
      "and 2026."),
    queries.search_functions, queries.function,
)
ARTS = CodeList(
    "kostra_arts", "kostra_art", _("KOSTRA arts"), _("Arts"),
    _("An art says what kind of expense or income it is. A municipality's four-digit art "
      "adds a local digit: 2701 is KOSTRA art 270."),
    queries.search_arts, queries.art,
)


def functions(request: HttpRequest) -> HttpResponse:
    return _code_list(request, FUNCTIONS)


def arts(request: HttpRequest) -> HttpResponse:
    return _code_list(request, ARTS)


def function_detail(request: HttpRequest, code: str) -> HttpResponse:
    return _code_detail(request, FUNCTIONS, code, "ledger/function_detail.html")


def art_detail(request: HttpRequest, code: str) -> HttpResponse:
    return _code_detail(request, ARTS, code, "ledger/art_detail.html")


def _code_list(request: HttpRequest, code_list: CodeList) -> HttpResponse:
    form = CodeSearchForm(request.GET)
    context = {
        "form": form,
        "codes": code_list.search(**form.search()),
        "code_list": code_list,
        "code_lists": [FUNCTIONS, ARTS],
    }
    # A history restore asks for the whole page, though it comes from htmx.
    partial = "HX-Request" in request.headers and (
        "HX-History-Restore-Request" not in request.headers
    )
    template = "ledger/_code_results.html" if partial else "ledger/code_list.html"
    response = render(request, template, context)
    patch_vary_headers(response, ["HX-Request"])
    return response


def _code_detail(
    request: HttpRequest, code_list: CodeList, code: str, template: str
) -> HttpResponse:
    found = code_list.find(code)
    if found is None:
        raise Http404
    return render(request, template, {
        "code": found,
        "name": queries.display_name(found),
        "code_list": code_list,
        "breadcrumbs": [{"label": code_list.title, "url": reverse(code_list.url_name)}],
    })

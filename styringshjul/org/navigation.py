"""The main menu. Each app lists its own entries as `menu` on its AppConfig, so the menu
shows only what is built and the org app needs to know nothing of the apps above it.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.apps import apps
from django.http import HttpRequest
from django.urls import reverse


@dataclass(frozen=True)
class MenuItem:
    label: str
    url_name: str
    per_municipality: bool = True
    permission: str = "org.view_municipality"
    order: int = 100


def main_menu(request: HttpRequest, municipality) -> list[dict]:
    items = sorted(
        (item for config in apps.get_app_configs() for item in getattr(config, "menu", ())),
        key=lambda item: item.order,
    )
    entries = []
    for item in items:
        if item.per_municipality:
            if municipality is None or not request.user.has_perm(item.permission, municipality):
                continue
            url = reverse(item.url_name, args=[municipality.number])
        else:
            url = reverse(item.url_name)
        entries.append(
            {"label": item.label, "url": url, "current": _is_current(request.path, url)}
        )
    return entries


def _is_current(path: str, url: str) -> bool:
    return path == url or (path.startswith(url) and url.count("/") > 2)


@dataclass(frozen=True)
class FrontPageSection:
    """A block an app adds to the municipality's front page. `context` returns what the
    template reads as `section.<name>`, or None when the app has nothing to say."""

    template: str
    context: Callable[[HttpRequest, object], dict | None]
    order: int = 100


def front_page_sections(request: HttpRequest, municipality) -> list[dict]:
    sections = sorted(
        (section for config in apps.get_app_configs()
         for section in getattr(config, "front_page", ())),
        key=lambda section: section.order,
    )
    rendered = []
    for section in sections:
        context = section.context(request, municipality)
        if context is not None:
            rendered.append({"template": section.template, **context})
    return rendered

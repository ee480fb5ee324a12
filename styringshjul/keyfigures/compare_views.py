"""Comparing the municipality's key figures: the overview of the catalogue, one figure over
the years against its comparisons with its rank and the distribution, the scatter of two
figures across all municipalities, and the Hole model per service area.

Key figures are public; the municipality's notes ("hvorfor ser det slik ut") are its own,
kept with history and written by finance and leadership.
"""

from dataclasses import dataclass, field
from decimal import Decimal

from django import forms
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from styringshjul.keyfigures import charts, queries
from styringshjul.keyfigures.models import FigureNote, IndicatorKind, KeyFigure, Region
from styringshjul.org.breadcrumbs import crumbs
from styringshjul.org.models import Municipality
from styringshjul.org.tenancy import municipality_view
from styringshjul.surveys import queries as survey_queries

KIND_ORDER = [IndicatorKind.PRIORITISATION, IndicatorKind.COVERAGE,
              IndicatorKind.PRODUCTIVITY, IndicatorKind.QUALITY, IndicatorKind.FINANCE,
              IndicatorKind.OTHER]


def can_edit_notes(user, municipality: Municipality) -> bool:
    """Finance and leadership (the rule `keyfigures.change_note`)."""
    return user.has_perm("keyfigures.change_note", municipality)


def keyfigures_crumb(municipality: Municipality) -> tuple[str, str]:
    return _("Key figures"), reverse("keyfigures", args=[municipality.number])


def direction_text(figure: KeyFigure) -> str:
    return _("higher is better") if figure.higher_is_better else _("lower is better")


def rank_text(rank: int | None, count: int) -> str:
    if rank is None:
        return ""
    return _("no. %(rank)s of %(count)s") % {"rank": rank, "count": count}


def our_region(municipality: Municipality) -> Region | None:
    return Region.objects.filter(code=municipality.number).first()


@dataclass
class OverviewRow:
    figure: KeyFigure
    year: int | None = None
    standing: queries.Standing | None = None
    rank: str = ""
    url: str = ""
    kind: str = ""
    direction: str = ""


@dataclass
class ServiceGroup:
    name: str
    slug: str
    rows: list[OverviewRow] = field(default_factory=list)


@municipality_view()
def overview(request: HttpRequest, municipality: Municipality) -> HttpResponse:
    figures = list(KeyFigure.objects.all())
    region = our_region(municipality)
    latest = queries.latest_years(region) if region else {}
    standings = (queries.ranks_for(region, [(pk, year) for pk, year in latest.items()])
                 if region else {})
    groups: dict[str, ServiceGroup] = {}
    kinds = {key: str(label) for key, label in IndicatorKind.choices}
    directions = {True: _("higher is better"), False: _("lower is better")}
    link = reverse("keyfigure", args=[municipality.number, 0]).removesuffix("0/")
    for figure in figures:
        name = figure.service or _("Other")
        group = groups.setdefault(name, ServiceGroup(name, slugify(figure.service)))
        year = latest.get(figure.pk)
        standing = standings.get((figure.pk, year))
        group.rows.append(OverviewRow(
            figure, year, standing,
            rank_text(standing.rank, standing.count) if standing else "",
            f"{link}{figure.pk}/", kinds.get(figure.indicator_kind, ""),
            directions[figure.higher_is_better]))
    return render(request, "keyfigures/overview.html", {
        "groups": list(groups.values()), "region": region,
        "breadcrumbs": crumbs(municipality),
        "title": _("Key figures for %(municipality)s") % {"municipality": municipality},
    })


class NoteForm(forms.Form):
    text = forms.CharField(label=gettext_lazy("Why does it look like this?"),
                           widget=forms.Textarea(attrs={"rows": 5, "class": "ds-input"}),
                           required=False)
    seen = forms.CharField(widget=forms.HiddenInput, required=False)


def _stamp(note: FigureNote | None) -> str:
    return note.updated_at.isoformat() if note else ""


def save_note(request: HttpRequest, municipality: Municipality, figure: KeyFigure,
              note: FigureNote | None) -> NoteForm | None:
    """Store the posted note; the form back (with its error) when it cannot be saved."""
    form = NoteForm(request.POST)
    if not form.is_valid():
        return form
    if form.cleaned_data["seen"] != _stamp(note):
        form.add_error(None, _("Someone else changed the note while you were writing. "
                               "Your text is kept below; compare and save again."))
        form.data = form.data.copy()
        form.data["seen"] = _stamp(note)
        return form
    text = form.cleaned_data["text"].strip()
    if note is None:
        note = FigureNote(municipality=municipality, figure=figure)
    note.text = text
    note.updated_by = request.user
    note.save()
    return None


def comparison_series(figure: KeyFigure, municipality: Municipality, region: Region
                      ) -> tuple[list[tuple[str, dict]], list[int]]:
    """[(label, {year: value})] of the municipality, its KOSTRA group, county, the country
    (with and without Oslo) and the members of its comparison groups, and the years."""
    years = list(queries.series(figure, [region])[region.code])
    found = queries.comparisons(municipality, max(years) if years else None)
    regions: list[tuple[str, Region]] = [(region.name, region)]
    for other in found.standard():
        regions.append((f"{other.name} ({other.code})", other))
    seen = {r.code for _, r in regions}
    for group in found.groups:
        for member in group.members.all():
            if member.code not in seen:
                seen.add(member.code)
                regions.append((f"{member.name} ({group.name})", member))
    values = queries.series(figure, [r for _, r in regions], years or None)
    return [(label, values[r.code]) for label, r in regions], sorted(years)


@municipality_view()
def figure_page(request: HttpRequest, municipality: Municipality, pk: int) -> HttpResponse:
    figure = get_object_or_404(KeyFigure, pk=pk)
    region = our_region(municipality)
    if region is None:
        raise Http404
    note = FigureNote.objects.for_municipality(municipality).filter(figure=figure).first()
    editable = can_edit_notes(request.user, municipality)
    form = None
    if request.method == "POST":
        if not editable:
            raise PermissionDenied
        form = save_note(request, municipality, figure, note)
        if form is None:
            return redirect(request.path)
    series, years = comparison_series(figure, municipality, region)
    year = _chosen_year(request, years)
    ranked = queries.ranking(figure, year) if year else []
    ours = next((row for row in ranked if row.region_code == region.code), None)
    if editable and form is None:
        form = NoteForm(initial={"text": note.text if note else "", "seen": _stamp(note)})
    title = figure.name
    return render(request, "keyfigures/figure.html", {
        "figure": figure, "region": region, "years": years, "year": year,
        "table": [(label, [values.get(y) for y in years]) for label, values in series],
        "chart": charts.line_chart(series, _("%(figure)s over the years, %(municipality)s "
                                             "and its comparisons") % {
            "figure": figure.name, "municipality": region.name}, figure.unit),
        "ours": ours, "count": len(ranked),
        "rank": rank_text(ours.rank if ours else None, len(ranked)),
        "distribution": charts.distribution_chart(
            [row.value for row in ranked], ours.value if ours else None, region.name,
            _("All municipalities' values in %(year)s, %(municipality)s marked")
            % {"year": year, "municipality": region.name}, figure.unit),
        "quartiles": _quartiles([row.value for row in ranked]),
        "direction": direction_text(figure), "note": note, "form": form,
        "editable": editable, "note_author": _author(note),
        "history": note.history.all()[:10] if note else [],
        "breadcrumbs": crumbs(municipality, keyfigures_crumb(municipality)),
        "title": title,
    })


def _author(note: FigureNote | None) -> str:
    user = note.updated_by if note else None
    return (user.get_full_name() or user.get_username()) if user else ""


def _chosen_year(request: HttpRequest, years: list[int]) -> int | None:
    asked = request.GET.get("year", "")
    if asked.isdigit() and int(asked) in years:
        return int(asked)
    return years[-1] if years else None


def _quartiles(values: list[Decimal]) -> dict:
    """Best, median and worst of values sorted best first."""
    if not values:
        return {}
    return {"best": values[0], "median": values[len(values) // 2], "worst": values[-1]}


def _figure_param(request: HttpRequest, name: str, fallback: KeyFigure | None
                  ) -> KeyFigure | None:
    asked = request.GET.get(name, "")
    if asked.isdigit():
        return get_object_or_404(KeyFigure, pk=int(asked))
    return fallback


@municipality_view()
def scatter_page(request: HttpRequest, municipality: Municipality) -> HttpResponse:
    figures = list(KeyFigure.objects.all())
    figure_x = _figure_param(request, "x", figures[0] if figures else None)
    figure_y = _figure_param(request, "y", figures[1] if len(figures) > 1 else figure_x)
    region = our_region(municipality)
    context = {"figures": figures, "figure_x": figure_x, "figure_y": figure_y,
               "region": region, "breadcrumbs": crumbs(municipality,
                                                       keyfigures_crumb(municipality)),
               "title": _("Connections between key figures")}
    if figure_x is None or figure_y is None or region is None:
        return render(request, "keyfigures/scatter.html", context)
    years = sorted(set(queries.years_with_values(figure_x))
                   & set(queries.years_with_values(figure_y)))
    year = _chosen_year(request, years)
    context.update(years=years, year=year)
    if year is None:
        return render(request, "keyfigures/scatter.html", context)
    found = queries.scatter(figure_x, figure_y, year)
    group = queries.kostra_group_of(region, year)
    members = set(group.memberships.filter(year=_membership_year(group, year))
                  .values_list("member__code", flat=True)) if group else set()
    labels = [_("Other municipalities"),
              _("KOSTRA group %(group)s") % {"group": group.code} if group else "",
              region.name]
    points, table = [], []
    for point in found.points:
        layer = 2 if point.region_code == region.code else 1 if point.region_code in members \
            else 0
        points.append({"x": point.x, "y": point.y, "name": point.region_name,
                       "category": labels[layer], "layer": layer})
        if layer:
            table.append((point, layer == 2))
    table.sort(key=lambda item: (not item[1], item[0].region_name))
    categories = [labels[0], labels[2]] if not group else labels
    context.update(
        scatter=found, table=table, group=group, count=len(found.points),
        chart=charts.scatter_chart(points, categories, _(
            "%(y)s against %(x)s for all municipalities in %(year)s, %(municipality)s and "
            "its KOSTRA group marked") % {"x": figure_x.name, "y": figure_y.name,
                                          "year": year, "municipality": region.name},
            figure_x.name, figure_y.name))
    return render(request, "keyfigures/scatter.html", context)


def _membership_year(group: Region, year: int) -> int:
    years = group.memberships.filter(year__lte=year).order_by("-year") \
        .values_list("year", flat=True)
    return years.first() or year


@dataclass
class ServiceRow:
    figure: KeyFigure
    year: int | None
    ours: Decimal | None
    others: list[Decimal | None]
    rank: str
    note: FigureNote | None
    url: str = ""
    direction: str = ""


@municipality_view()
def service_page(request: HttpRequest, municipality: Municipality, service: str
                 ) -> HttpResponse:
    figures = [figure for figure in KeyFigure.objects.all() if slugify(figure.service) == service]
    if not figures:
        raise Http404
    region = our_region(municipality)
    latest = queries.latest_years(region, figures) if region else {}
    year = max(latest.values(), default=None)
    found = queries.comparisons(municipality, year) if region else None
    columns = found.standard() if found else []
    standings = queries.ranks_for(region, [(pk, y) for pk, y in latest.items()]) \
        if region else {}
    notes = {note.figure_id: note for note in FigureNote.objects.for_municipality(
        municipality).filter(figure__in=figures)}
    table = queries.values_of(figures, columns, latest.values())
    link = reverse("keyfigure", args=[municipality.number, 0]).removesuffix("0/")
    satisfaction = satisfaction_rows(municipality, figures[0].service)
    kinds = []
    for kind in KIND_ORDER:
        rows = [_service_row(figure, latest.get(figure.pk), columns, table, standings,
                             notes) for figure in figures if figure.indicator_kind == kind]
        for row in rows:
            row.url, row.direction = f"{link}{row.figure.pk}/", direction_text(row.figure)
        if rows:
            kinds.append((IndicatorKind(kind).label, rows))
    return render(request, "keyfigures/service.html", {
        "service": figures[0].service, "kinds": kinds, "columns": columns,
        "region": region, "year": year,
        "satisfaction": satisfaction,
        "satisfaction_hidden": any(row.found.hidden for row in satisfaction),
        "breadcrumbs": crumbs(municipality, keyfigures_crumb(municipality)),
        "title": _("%(service)s: the Hole model") % {"service": figures[0].service.capitalize()},
    })


def _service_row(figure: KeyFigure, year: int | None, columns: list[Region], table: dict,
                 standings: dict, notes: dict) -> ServiceRow:
    standing = standings.get((figure.pk, year))
    return ServiceRow(figure, year, standing.value if standing else None,
                      [table.get((figure.pk, c.code, year)) for c in columns],
                      rank_text(standing.rank, standing.count) if standing else "",
                      notes.get(figure.pk))


@dataclass
class SatisfactionRow:
    """One user survey of the service in its latest year; `found.mean` is None when hidden."""

    found: survey_queries.Satisfaction
    url: str


def satisfaction_rows(municipality: Municipality, service: str) -> list[SatisfactionRow]:
    """What the users say (the Hole model's last step), read through the surveys' queries so
    that a result hidden for anonymity stays hidden here too."""
    return [SatisfactionRow(found, reverse("survey", args=[municipality.number,
                                                          found.survey.pk]))
            for found in survey_queries.satisfaction(municipality, service)]

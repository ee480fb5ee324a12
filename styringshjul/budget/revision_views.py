"""Budget revisions: the list, recording one, and the history of one budget line."""

import tempfile
from pathlib import Path

from django.contrib import messages
from django.db.models import Prefetch, Sum
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from styringshjul.budget.models import BudgetRevision, BudgetVersion, RevisionLine
from styringshjul.budget.revision_forms import (
    ChangeFormSet,
    RevisionForm,
    attach,
    changes_of,
    typed_rows,
)
from styringshjul.budget.revisions import (
    RevisionRejected,
    line_history,
    read_changes,
    record_revision,
    version_issues,
)
from styringshjul.budget.version_views import budget_crumb, version_crumb, visible_version
from styringshjul.org.breadcrumbs import crumbs
from styringshjul.org.models import Municipality
from styringshjul.org.tenancy import municipality_view

ADD_ROWS = "add_rows"


def revisions_crumb(municipality: Municipality) -> tuple[str, str]:
    return _("Budget revisions"), reverse("budget_revisions", args=[municipality.number])


@municipality_view()
def revisions(request: HttpRequest, municipality: Municipality) -> HttpResponse:
    rows = (BudgetRevision.objects.for_municipality(municipality)
            .select_related("based_on", "result", "created_by")
            .prefetch_related(Prefetch("changes", queryset=RevisionLine.objects.order_by("pk")))
            .annotate(total=Sum("changes__change")).order_by("-decided_on", "-pk"))
    return render(request, "budget/revision_list.html", {
        "revisions": rows,
        "can_record": request.user.has_perm("budget.record_revision", municipality),
        "breadcrumbs": crumbs(municipality, budget_crumb(municipality)),
    })


@municipality_view("budget.record_revision")
def revision_create(request: HttpRequest, municipality: Municipality, pk: int) -> HttpResponse:
    version = visible_version(request, municipality, pk)
    blocked = version_issues(version)
    form = RevisionForm(request.POST or None, request.FILES or None)
    formset = ChangeFormSet(request.POST or None, prefix="rows")
    issues = []
    if request.method == "POST" and ADD_ROWS in request.POST:
        form = RevisionForm(initial=request.POST.dict())
        formset = ChangeFormSet(initial=typed_rows(formset), prefix="rows")
    elif request.method == "POST" and not blocked and form.is_valid() and formset.is_valid():
        revision, issues = _record(request, version, form, formset)
        if revision is not None:
            messages.success(request, _("The revision %(case)s is recorded in «%(version)s».")
                             % {"case": revision.case_number, "version": revision.result})
            return redirect("budget_version", municipality.number, revision.result.pk)
    return render(request, "budget/revision_form.html", {
        "version": version, "form": form, "formset": formset, "issues": issues,
        "blocked": blocked, "add_rows": ADD_ROWS,
        "title": _("Budget revision of %(version)s") % {"version": version},
        "cancel_url": reverse("budget_version", args=[municipality.number, version.pk]),
        "breadcrumbs": crumbs(municipality, budget_crumb(municipality),
                              version_crumb(version)),
    }, status=422 if issues else 200)


def _record(request: HttpRequest, version: BudgetVersion, form: RevisionForm, formset):
    upload = form.cleaned_data.get("file")
    if upload:
        changes, issues = _read_upload(upload)
    else:
        changes, issues = changes_of(formset), []
    if not issues:
        try:
            revision = record_revision(
                version, case_number=form.cleaned_data["case_number"],
                decided_on=form.cleaned_data["decided_on"],
                decided_by=form.cleaned_data["decided_by"],
                justification=form.cleaned_data["justification"], changes=changes,
                user=request.user)
            return revision, []
        except RevisionRejected as rejected:
            issues = rejected.issues
    if not upload:
        attach(issues, form, formset)
    return None, issues


def _read_upload(upload):
    suffix = Path(upload.name).suffix.lower()
    with tempfile.NamedTemporaryFile(suffix=suffix) as handle:
        for chunk in upload.chunks():
            handle.write(chunk)
        handle.flush()
        return read_changes(Path(handle.name), filename=upload.name)


@municipality_view()
def line_history_view(request: HttpRequest, municipality: Municipality) -> HttpResponse:
    history = line_history(request.user, municipality, request.GET)
    return render(request, "budget/line_history.html", {
        "history": history,
        "breadcrumbs": crumbs(municipality, budget_crumb(municipality),
                              revisions_crumb(municipality)),
    })

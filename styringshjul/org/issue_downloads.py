"""An import's issues as a CSV download, the same in every app: columns Type, Row, Column,
Value, Reason in the user's language. Imports that keep no state between requests carry
their issues in the result page, signed per municipality so nobody can forge or move them.
"""

from django.core import signing
from django.http import HttpResponse, HttpResponseBadRequest
from django.utils.translation import gettext as _

from styringshjul.lib.issues import Issue, Severity, issues_csv


def issues_response(issues: list[Issue], filename: str) -> HttpResponse:
    text = issues_csv(
        issues, header=[_("Type"), _("Row"), _("Column"), _("Value"), _("Reason")],
        severity_labels={Severity.ERROR: _("Error"), Severity.WARNING: _("Warning")})
    response = HttpResponse(text, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def sign_issues(issues: list[Issue], salt: str, municipality) -> str:
    rows = [[i.code, i.message, i.row, i.column, i.value, i.severity.value] for i in issues]
    return signing.dumps(rows, salt=f"{salt}.{municipality.number}", compress=True)


def signed_issues_response(signed: str, salt: str, municipality, filename: str
                           ) -> HttpResponse:
    """The download of issues signed by `sign_issues` for this municipality; 400 for
    anything else."""
    try:
        rows = signing.loads(signed, salt=f"{salt}.{municipality.number}")
    except signing.BadSignature:
        return HttpResponseBadRequest()
    issues = [Issue(code, message, row, column, value, Severity(severity))
              for code, message, row, column, value, severity in rows]
    return issues_response(issues, filename)

"""The outcome of a ledger or budget import in words, shared by the commands and pages."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from styringshjul.lib.money import format_kroner

STAGES = {"read": gettext_lazy("reading the file"), "check": gettext_lazy("checking every line"),
          "store": gettext_lazy("storing"), "done": gettext_lazy("done")}


def encoding_label(encoding: str) -> str:
    return {"utf-8": "UTF-8", "utf-8-sig": _("UTF-8 with BOM"), "cp1252": "Windows-1252",
            "": _("Excel workbook")}.get(encoding, encoding)


def periods_text(periods: list[int]) -> str:
    return ", ".join(str(period) for period in periods)


def ledger_summary(result) -> list[str]:
    """Sentences for a person, in the order they matter."""
    findings = result.findings
    if result.unchanged:
        return [_("This file is already imported for periods %(periods)s; nothing changed.")
                % {"periods": periods_text(result.periods)}]
    if not result.accepted:
        errors = findings.error_count + len([i for i in result.file_issues if i.is_error])
        return [rejected(errors, findings.warning_count), *_capped(result)]
    facts = {"lines": result.line_count, "encoding": encoding_label(result.encoding),
             "profile": result.profile, "periods": periods_text(result.periods),
             "total": format_kroner(result.total)}
    lines = [_("Read as %(encoding)s with the column profile «%(profile)s».") % facts]
    if result.dry_run:
        lines.append(_("Checked %(lines)s lines for periods %(periods)s, sum %(total)s kr. "
                       "Nothing was saved (dry run).") % facts)
    else:
        lines.append(_("Imported %(lines)s lines for periods %(periods)s, sum %(total)s kr.")
                     % facts)
    if result.replaced_periods:
        lines.append(_("Replaced the actuals of periods %(periods)s.")
                     % {"periods": periods_text(result.replaced_periods)})
    if findings.skipped_totals:
        lines.append(ngettext("Skipped %(count)s totals line.", "Skipped %(count)s totals lines.",
                              findings.skipped_totals) % {"count": findings.skipped_totals})
    if findings.warning_count:
        lines.append(ngettext("%(count)s warning.", "%(count)s warnings.",
                              findings.warning_count) % {"count": findings.warning_count})
    return lines + _capped(result)


def _capped(result) -> list[str]:
    total = sum(result.findings.counts.values())
    shown = len(result.findings.issues)
    if total <= shown:
        return []
    return [_("Only the first %(shown)s of %(total)s issues are listed.")
            % {"shown": shown, "total": total}]


def rejected(error_count: int, warning_count: int) -> str:
    return _("Rejected: %(errors)s errors and %(warnings)s warnings. Nothing was changed.") % {
        "errors": error_count, "warnings": warning_count}


def year_outside_version(year: int, first: int, last: int) -> str:
    return _("The budget version covers %(first)s–%(last)s, not %(year)s.") % {
        "year": year, "first": first, "last": last}


def budget_summary(result, name: str, year: int) -> list[str]:
    if result.unchanged:
        return [_("The budget version «%(name)s» already has this file's lines for %(year)s; "
                  "nothing changed.") % {"name": name, "year": year}]
    if not result.accepted:
        errors = result.findings.error_count + len([i for i in result.file_issues
                                                    if i.is_error])
        return [rejected(errors, result.findings.warning_count), *_capped(result)]
    facts = {"name": name, "year": year, "count": result.account_strings,
             "lines": result.line_count, "total": format_kroner(result.total),
             "encoding": encoding_label(result.encoding), "profile": result.profile,
             "state": result.version.get_state_display()}
    lines = [_("Read as %(encoding)s with the column profile «%(profile)s».") % facts]
    if result.created:
        lines.append(_("Created the budget version «%(name)s» (%(state)s).") % facts)
    lines.append(_("%(count)s account strings from %(lines)s lines for %(year)s, sum "
                   "%(total)s kr.") % facts)
    return lines + _capped(result)

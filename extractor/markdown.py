"""A structured report rendered as markdown for a person to read."""

from __future__ import annotations

from models.report import Report

__all__ = ["report_to_markdown", "escape_cell"]


def escape_cell(text: str | None) -> str:
    """Text safe inside a markdown table cell: pipes escaped, line breaks as <br>."""
    if not text:
        return ""
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\r", "").replace("\n", "<br>")


def report_to_markdown(report: Report) -> str:
    """Header fields, headline, bullets, ratings table, summaries and figures as markdown."""
    authority = report.authority.name if report.authority else "Unknown authority"
    period = report.period.label if report.period else "unknown period"
    lines = [f"# {authority}: {period}", ""]
    lines += [
        f"- **Adviser:** {report.adviser or '—'}",
        f"- **DfE case lead:** {report.case_lead or '—'}",
        f"- **Next update:** {report.next_update.label if report.next_update else '—'}",
    ]
    if report.source:
        pages = f", {report.source.pages} pages" if report.source.pages else ""
        lines.append(f"- **Source:** `{report.source.path}` ({report.source.format}{pages})")
    lines.append("")
    if report.headline:
        lines += ["## Headline", "", report.headline, ""]
    for title, items in (("Going well", [i.text for i in report.going_well]),
                         ("Risks and concerns", [i.text for i in report.risks])):
        lines += _bullets(title, items)
    if report.assessments:
        lines += ["## Ratings", "", "| area | rating | as written |", "|---|---|---|"]
        for a in report.assessments:
            rating = a.rating.value if a.rating else "—"
            lines.append(f"| {escape_cell(a.title)} | {rating} | {escape_cell(a.rating_text)} |")
        lines.append("")
        for a in report.assessments:
            lines += [f"### {a.title}", ""]
            lines += [f"- {item}" for item in a.plan_items]
            lines += ["", a.summary, ""] if a.summary else [""]
    if report.indicators:
        lines += ["## Figures", "",
                  "| area | measure | value | month | target | comparator | previous | page |",
                  "|---|---|---|---|---|---|---|---|"]
        for f in report.indicators:
            previous = (f"{_number(f.previous.value)} ({f.previous.month or '?'})"
                        if f.previous else "")
            lines.append(
                f"| {f.area or ''} | {escape_cell(f.label)} | {_number(f.value)} {f.unit} "
                f"| {f.month or ''} | {_number(f.target)} | {_number(f.comparator)} | {previous} "
                f"| {f.span.page if f.span and f.span.page else ''} |"
            )
        lines.append("")
    lines += _bullets("Coming up", report.coming_up)
    lines += _bullets("Additional information", report.additional_info)
    if report.warnings:
        lines += _bullets("Warnings", report.warnings)
    return "\n".join(lines).rstrip() + "\n"


def _bullets(title: str, items: list[str]) -> list[str]:
    if not items:
        return []
    return [f"## {title}", "", *[f"- {item}" for item in items], ""]


def _number(value: float | None) -> str:
    if value is None:
        return ""
    return f"{value:g}"

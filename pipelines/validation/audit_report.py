"""One document's findings as a report for the person who reviews it: ``fiscal audit FILE.pdf``.

Grouped by severity (errors first), and inside each by page; every finding
with its page, the part of the document it is about, its rule, and its
message in English and in Chinese. Markdown for the terminal, or a
self-contained HTML page.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from html import escape

from pipelines.extraction.model import DocumentExtraction

from .catalogue import RULE_BY_ID
from .findings import Finding, ValidationReport

SEVERITIES = (
    ("error", "Errors 错误"),
    ("warning", "Warnings 警告"),
    ("info", "Rounding and notes 尾数误差及说明"),
)
PARTS = {
    "table": "tables 表内",
    "cross_table": "across tables 表间",
    "narrative": "explanations 情况说明",
    "structure": "structure 结构",
    "metadata": "titles and metadata 标题与要素",
    "schema": "tables 表内",
    "reading": "reading 读取",
}
_PAGE = re.compile(r"p\.?\s*(\d+)")


def finding_page(finding: Finding, extraction: DocumentExtraction) -> int | None:
    """The page a finding is about: named in its location, else its table's first page."""
    match = _PAGE.search(finding.location)
    if match:
        return int(match.group(1))
    table = extraction.tables.get(finding.table_code or "")
    return table.pages[0] if table is not None and table.pages else None


def _part(finding: Finding) -> str:
    rule = RULE_BY_ID.get(finding.rule_id)
    return PARTS.get(rule.scope if rule else "", "other 其他")


def _ordered(
    findings: Iterable[Finding], extraction: DocumentExtraction, severity: str
) -> list[tuple[int | None, Finding]]:
    chosen = [(finding_page(f, extraction), f) for f in findings if f.severity == severity]
    return sorted(chosen, key=lambda pair: (pair[0] is None, pair[0] or 0, pair[1].rule_id))


def _title(extraction: DocumentExtraction) -> str:
    kind = {"final_account": "部门决算", "budget": "部门预算"}.get(
        extraction.document_kind or "", ""
    )
    what = " ".join(str(x) for x in (extraction.department_name, extraction.fiscal_year, kind) if x)
    return f"{extraction.source_file}" + (f" — {what}" if what else "")


def _counts(report: ValidationReport) -> str:
    return ", ".join(
        f"{sum(f.severity == severity for f in report.findings)} {severity}"
        for severity, _ in SEVERITIES
    )


def audit_markdown(extraction: DocumentExtraction, report: ValidationReport) -> str:
    lines = [
        f"# Audit: {_title(extraction)}",
        "",
        f"Status {report.status.value}; {report.rules_checked} checks; {_counts(report)}.",
    ]
    for severity, heading in SEVERITIES:
        ordered = _ordered(report.findings, extraction, severity)
        if not ordered:
            continue
        lines += ["", f"## {heading} ({len(ordered)})", ""]
        for page, finding in ordered:
            where = f"p.{page}" if page is not None else "-"
            lines.append(
                f"- **{where}** · {_part(finding)} · `{finding.rule_id}` · {finding.location}"
            )
            lines.append(f"  - {finding.message}")
            if finding.message_zh:
                lines.append(f"  - {finding.message_zh}")
    if not report.findings:
        lines += ["", "No findings: the document agrees with itself. 未发现问题。"]
    return "\n".join(lines) + "\n"


def audit_html(extraction: DocumentExtraction, report: ValidationReport) -> str:
    title = escape(_title(extraction))
    parts = [
        "<!DOCTYPE html>",
        '<html lang="zh"><head><meta charset="utf-8">',
        f"<title>Audit: {title}</title>",
        "<style>body{font-family:sans-serif;max-width:70em;margin:2em auto}"
        "td,th{border-bottom:1px solid #ddd;padding:.3em;vertical-align:top;text-align:left}"
        "table{border-collapse:collapse;width:100%}.error{color:#a00}.warning{color:#a60}"
        "</style></head><body>",
        f"<h1>Audit: {title}</h1>",
        f"<p>Status {escape(report.status.value)}; {report.rules_checked} checks; "
        f"{escape(_counts(report))}.</p>",
    ]
    for severity, heading in SEVERITIES:
        ordered = _ordered(report.findings, extraction, severity)
        if not ordered:
            continue
        parts.append(f'<h2 class="{severity}">{escape(heading)} ({len(ordered)})</h2>')
        parts.append(
            "<table><tr><th>page</th><th>part</th><th>rule</th><th>location</th>"
            "<th>message</th><th>说明</th></tr>"
        )
        for page, finding in ordered:
            parts.append(
                f"<tr><td>{'' if page is None else page}</td><td>{escape(_part(finding))}</td>"
                f"<td>{escape(finding.rule_id)}</td><td>{escape(finding.location)}</td>"
                f"<td>{escape(finding.message)}</td><td>{escape(finding.message_zh)}</td></tr>"
            )
        parts.append("</table>")
    if not report.findings:
        parts.append("<p>No findings: the document agrees with itself. 未发现问题。</p>")
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"

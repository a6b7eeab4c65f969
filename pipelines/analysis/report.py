"""``fiscal report``: a static site to read, an index and one page per department.

Plain HTML files with inline CSS and inline SVG charts: no script, no web
font, nothing fetched, so the site opens from a folder, a USB stick or any web
server. Every figure is a link to the PDF page it is printed on
(``file.pdf#page=N``: browsers' PDF viewers open that page). Amounts are
shown in 万元, as the documents print them.
"""

from __future__ import annotations

import os
from collections import defaultdict
from decimal import Decimal
from html import escape
from pathlib import Path
from urllib.parse import quote

import duckdb

from pipelines.analysis.charts import BUDGET_COLOUR, FINAL_COLOUR, Bar, BarGroup, grouped_bars
from pipelines.analysis.departments import all_departments
from pipelines.analysis.profile import Profile, department_profile
from pipelines.analysis.show import FINDING_KINDS, KIND_NAMES
from pipelines.analysis.text import percent, printed_change, wan
from pipelines.analysis.warehouse import records

#: fonts that hold Chinese on Linux, macOS and Windows, before the generic family
CJK_FONTS = (
    '"Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "WenQuanYi Zen Hei", '
    '"PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", sans-serif'
)

STYLE = f"""
body {{ font-family: {CJK_FONTS}; margin: 2em auto; max-width: 1100px; color: #1a1a1a;
  line-height: 1.45; padding: 0 1em; }}
h1 {{ font-size: 1.6em; margin-bottom: 0.2em; }}
h2 {{ font-size: 1.25em; margin-top: 2em; border-bottom: 1px solid #ccc; }}
h3 {{ font-size: 1.05em; }}
table {{ border-collapse: collapse; margin: 0.5em 0 1em; }}
th, td {{ padding: 0.25em 0.7em; border-bottom: 1px solid #e4e4e4; text-align: left; }}
td.amount, th.amount {{ text-align: right; font-variant-numeric: tabular-nums; }}
a {{ color: #1f5f99; }}
.note {{ color: #555; font-size: 0.92em; }}
.finding {{ margin: 0.4em 0; }}
.chart text {{ fill: #1a1a1a; font-family: {CJK_FONTS}; }}
"""


class SourceLinks:
    """Where a page links a document's PDF: beside the raw folder, or under a base URL."""

    def __init__(self, raw_dir: Path, page_dir: Path, base_url: str | None = None) -> None:
        self.raw_dir = raw_dir.resolve()
        self.page_dir = page_dir.resolve()
        self.base_url = base_url.rstrip("/") + "/" if base_url else None

    def href(self, source_file: str | None, page: int | None = None) -> str | None:
        if not source_file:
            return None
        if self.base_url:
            target = self.base_url + quote(source_file)
        else:
            relative = os.path.relpath(self.raw_dir / source_file, self.page_dir)
            target = quote(Path(relative).as_posix())
        return f"{target}#page={page}" if page else target


def _page(title: str, body: str) -> str:
    return (
        '<!DOCTYPE html>\n<html lang="zh-CN"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{escape(title)}</title><style>{STYLE}</style></head>"
        f"<body>{body}</body></html>\n"
    )


def _amount(
    yuan: Decimal | None,
    links: SourceLinks,
    source_file: str | None,
    page: int | None,
    css: str = "",
) -> str:
    """A table cell with an amount in 万元, linked to the page it is printed on."""
    shown = escape(wan(yuan))
    data = f' data-yuan="{yuan}"' if yuan is not None else ""
    href = links.href(source_file, page) if yuan is not None else None
    title = f' title="{escape(source_file or "")} p.{page}"' if href and page else ""
    inner = f'<a href="{escape(href)}"{title}>{shown}</a>' if href else shown
    return f'<td class="amount {css}"{data}>{inner}</td>'


def _file_of(profile: Profile, document_id: str | None) -> str | None:
    document = profile.document(document_id)
    return document["source_file"] if document else None


def department_page(profile: Profile, links: SourceLinks) -> str:
    """One department's page: totals, function classes, 三公, largest items, findings."""
    department = profile.department
    region = f"（{escape(department.region)}）" if department.region else ""
    parts = [
        '<p><a href="../index.html">← all departments</a></p>',
        f"<h1>{escape(department.department_name)}{region}</h1>",
        f'<p class="note">{escape(department.department_id)} · amounts in 万元 (10,000 yuan), '
        "as the documents print them · every figure links to the PDF page it is printed on</p>",
        "<h2>Documents</h2><table><tr><th>year</th><th>kind</th><th>file</th>"
        '<th class="amount">pages</th><th>status</th></tr>',
    ]
    for d in profile.documents:
        href = links.href(d["source_file"])
        parts.append(
            f"<tr><td>{d['fiscal_year']}</td><td>{escape(KIND_NAMES.get(d['document_kind'], ''))}</td>"
            f'<td><a href="{escape(href or "")}">{escape(d["source_file"])}</a></td>'
            f'<td class="amount">{d["page_count"]}</td><td>{escape(d["status"])}</td></tr>'
        )
    parts.append("</table>")

    parts.append(
        "<h2>Total expenditure</h2>"
        '<p class="note">All funds (支出合计, table 03) and, a part of it, the general public '
        "budget appropriations (一般公共预算财政拨款, table 05).</p>"
        "<table id='totals'><tr><th>year</th><th class='amount'>budget 预算</th>"
        "<th class='amount'>final 决算</th><th class='amount'>final − budget</th>"
        "<th class='amount'>execution</th><th class='amount'>general budget: budget</th>"
        "<th class='amount'>general budget: final</th></tr>"
    )
    for t in profile.totals:
        parts.append(
            f"<tr><td>{t['fiscal_year']}</td>"
            + _amount(
                t["budget_total_yuan"],
                links,
                _file_of(profile, t["budget_document_id"]),
                t["budget_source_page"],
                "budget",
            )
            + _amount(
                t["final_total_yuan"],
                links,
                _file_of(profile, t["final_document_id"]),
                t["final_source_page"],
                "final",
            )
            + f'<td class="amount">{escape(wan(t["difference_yuan"]))}</td>'
            f'<td class="amount">{escape(percent(t["execution_rate"]))}</td>'
            + _amount(
                t["budget_general_budget_total_yuan"],
                links,
                _file_of(profile, t["budget_general_budget_document_id"]),
                t["budget_general_budget_source_page"],
            )
            + _amount(
                t["final_general_budget_total_yuan"],
                links,
                _file_of(profile, t["final_general_budget_document_id"]),
                t["final_general_budget_source_page"],
            )
            + "</tr>"
        )
    parts.append("</table>")

    parts.append(
        "<h2>Budget against final by function class (类)</h2>"
        '<p class="note">All funds; a class is the sum of its leaf rows as printed.</p>'
    )
    by_year: dict[int, list[dict]] = defaultdict(list)
    for row in profile.classes:
        by_year[row["fiscal_year"]].append(row)
    for year in sorted(by_year, reverse=True):
        rows = by_year[year]
        groups = []
        for c in rows:
            budget_file = _file_of(profile, c["budget_document_id"])
            final_file = _file_of(profile, c["final_document_id"])
            groups.append(
                BarGroup(
                    f"{c['class_code']} {c['class_name'] or ''}",
                    (
                        Bar(
                            c["budget_yuan"],
                            wan(c["budget_yuan"]),
                            links.href(budget_file, c["budget_source_page"]),
                            f"({budget_file} p.{c['budget_source_page']})",
                        ),
                        Bar(
                            c["final_yuan"],
                            wan(c["final_yuan"]),
                            links.href(final_file, c["final_source_page"]),
                            f"({final_file} p.{c['final_source_page']})",
                        ),
                    ),
                )
            )
        parts.append(f"<h3>{year}</h3>")
        parts.append(
            grouped_bars(
                groups,
                [("budget 预算", BUDGET_COLOUR), ("final 决算", FINAL_COLOUR)],
                f"{department.department_name} {year}: budget against final by function class",
            )
        )
        parts.append(
            f"<table class='classes' data-year='{year}'><tr><th>class</th><th>name</th>"
            "<th>English</th><th class='amount'>budget</th><th class='amount'>final</th></tr>"
        )
        for c in rows:
            parts.append(
                f"<tr><td>{escape(c['class_code'])}</td><td>{escape(c['class_name'] or '')}</td>"
                f"<td>{escape(c['class_name_en'] or '')}</td>"
                + _amount(
                    c["budget_yuan"],
                    links,
                    _file_of(profile, c["budget_document_id"]),
                    c["budget_source_page"],
                )
                + _amount(
                    c["final_yuan"],
                    links,
                    _file_of(profile, c["final_document_id"]),
                    c["final_source_page"],
                )
                + "</tr>"
            )
        parts.append("</table>")

    parts.append(
        '<h2>"三公" costs over the years</h2>'
        '<p class="note">Overseas travel, official vehicles and official reception '
        "(因公出国（境）费, 公务用车购置及运行维护费, 公务接待费): the budget's 预算数 against "
        "the final account's 决算数.</p>"
    )
    if profile.three_public:
        groups = []
        for t in sorted(profile.three_public, key=lambda r: r["fiscal_year"]):
            groups.append(
                BarGroup(
                    str(t["fiscal_year"]),
                    (
                        Bar(
                            t["budget_total_yuan"],
                            wan(t["budget_total_yuan"]),
                            links.href(t["budget_source_file"], t["budget_source_page"]),
                        ),
                        Bar(
                            t["actual_total_yuan"],
                            wan(t["actual_total_yuan"]),
                            links.href(t["final_source_file"], t["final_source_page"]),
                        ),
                    ),
                )
            )
        parts.append(
            grouped_bars(
                groups,
                [("budget 预算", BUDGET_COLOUR), ("spent 决算", FINAL_COLOUR)],
                f'{department.department_name}: "三公" costs over the years',
                label_width=80,
            )
        )
        parts.append(
            "<table id='three-public'><tr><th>year</th><th class='amount'>budget</th>"
            "<th class='amount'>spent</th><th class='amount'>execution</th>"
            "<th class='amount'>overseas travel</th><th class='amount'>vehicles</th>"
            "<th class='amount'>reception</th></tr>"
        )
        for t in profile.three_public:
            final = (t["final_source_file"], t["final_source_page"])
            parts.append(
                f"<tr><td>{t['fiscal_year']}</td>"
                + _amount(
                    t["budget_total_yuan"], links, t["budget_source_file"], t["budget_source_page"]
                )
                + _amount(t["actual_total_yuan"], links, *final)
                + f'<td class="amount">{escape(percent(t["execution_rate"]))}</td>'
                + _amount(t["actual_overseas_travel_yuan"], links, *final)
                + _amount(t["actual_vehicles_yuan"], links, *final)
                + _amount(t["actual_official_reception_yuan"], links, *final)
                + "</tr>"
            )
        parts.append("</table>")
    else:
        parts.append('<p class="note">No "三公" table in these documents.</p>')

    parts.extend(_running_costs(profile, links))

    parts.append(
        "<h2>The largest items</h2>"
        '<p class="note">The final account\'s largest leaf rows (功能分类 项), all funds.</p>'
    )
    items_by_year: dict[int, list[dict]] = defaultdict(list)
    for row in profile.largest_items:
        items_by_year[row["fiscal_year"]].append(row)
    for year in sorted(items_by_year, reverse=True):
        parts.append(
            f"<h3>{year}</h3><table class='items' data-year='{year}'><tr><th>code</th>"
            "<th>name</th><th>class</th><th class='amount'>final</th></tr>"
        )
        for item in items_by_year[year]:
            parts.append(
                f"<tr><td>{escape(item['function_code'])}</td>"
                f"<td>{escape(item['function_name'] or '')}</td>"
                f"<td>{escape(item['class_name'] or '')}</td>"
                + _amount(
                    item["total_yuan"],
                    links,
                    _file_of(profile, item["document_id"]),
                    item["source_page"],
                )
                + "</tr>"
            )
        parts.append("</table>")

    parts.append(f"<h2>Findings ({len(profile.findings)})</h2>")
    if not profile.findings:
        parts.append('<p class="note">None: every sum these documents promise holds.</p>')
    for f in profile.findings:
        href = links.href(f["source_file"], f["source_page"])
        where = escape(f["source_file"]) + (f" p.{f['source_page']}" if f["source_page"] else "")
        kind = FINDING_KINDS.get(f["finding_kind"], f["finding_kind"] or "")
        parts.append(
            f'<p class="finding"><a href="{escape(href or "")}">{where}</a> '
            f"<strong>{escape(kind)}</strong> ({escape(f['rule_id'])}): {escape(f['message'])}</p>"
        )
    return _page(f"{department.department_name} — fiscal warehouse", "".join(parts))


def index_page(connection: duckdb.DuckDBPyConnection) -> str:
    """The index: every department by region, year by year, with its two totals."""
    rows = records(
        connection,
        "SELECT totals.region, totals.fiscal_year, totals.department_id, totals.department_name, "
        "totals.budget_total_yuan, totals.final_total_yuan, totals.execution_rate, "
        "(SELECT count(*) FROM analytics.findings AS f WHERE f.department_id = totals.department_id "
        " AND f.fiscal_year = totals.fiscal_year AND f.severity <> 'info') AS findings "
        "FROM analytics.department_year_totals AS totals "
        "ORDER BY totals.region NULLS LAST, totals.fiscal_year DESC, totals.department_name",
    )
    by_region: dict[str, list[dict]] = defaultdict(list)
    for row in rows:
        by_region[row["region"] or "region not printed"].append(row)
    parts = [
        "<h1>Department budgets and final accounts</h1>",
        '<p class="note">部门预算 and 部门决算 read from the PDFs: amounts in 万元, as printed. '
        "Each department's page links every figure to the page it is printed on.</p>",
    ]
    for region, region_rows in by_region.items():
        parts.append(
            f"<h2>{escape(region)}</h2><table><tr><th>year</th><th>department</th>"
            "<th class='amount'>budget 预算</th><th class='amount'>final 决算</th>"
            "<th class='amount'>execution</th><th class='amount'>findings</th></tr>"
        )
        for row in region_rows:
            page = f"departments/{row['department_id']}.html"
            parts.append(
                f"<tr><td>{row['fiscal_year']}</td>"
                f'<td><a href="{page}">{escape(row["department_name"] or "")}</a></td>'
                f'<td class="amount">{escape(wan(row["budget_total_yuan"]))}</td>'
                f'<td class="amount">{escape(wan(row["final_total_yuan"]))}</td>'
                f'<td class="amount">{escape(percent(row["execution_rate"]))}</td>'
                f'<td class="amount">{row["findings"]}</td></tr>'
            )
        parts.append("</table>")
    return _page("Department budgets and final accounts — fiscal warehouse", "".join(parts))


def write_report(
    connection: duckdb.DuckDBPyConnection,
    out_dir: Path,
    raw_dir: Path,
    pdf_base_url: str | None = None,
) -> list[Path]:
    """Write ``index.html`` and ``departments/<id>.html`` under ``out_dir``; the pages written."""
    pages_dir = out_dir / "departments"
    pages_dir.mkdir(parents=True, exist_ok=True)
    links = SourceLinks(raw_dir, pages_dir, pdf_base_url)
    written = []
    for department, _names in all_departments(connection):
        page = pages_dir / f"{department.department_id}.html"
        profile = department_profile(connection, department)
        page.write_text(department_page(profile, links), encoding="utf-8")
        written.append(page)
    index = out_dir / "index.html"
    index.write_text(index_page(connection), encoding="utf-8")
    return [index, *written]


def _running_costs(profile: Profile, links: SourceLinks) -> list[str]:
    """机关运行经费 over the years, budget against spent, beside the 三公 total."""
    parts = [
        "<h2>Running costs (机关运行经费)</h2>"
        "<p class=\"note\">The organ's running costs as Part 3 states them: the budget's "
        "figure against the final account's, with the change the final account prints. "
        'They overlap "三公" (vehicle running costs are in both): never add the two.</p>'
    ]
    if not profile.running_costs:
        parts.append('<p class="note">No running-cost statement in these documents.</p>')
        return parts
    parts.append(
        "<table id='running-costs'><tr><th>year</th><th class='amount'>budget</th>"
        "<th class='amount'>spent</th><th class='amount'>change printed</th>"
        "<th class='amount'>\"三公\" spent</th></tr>"
    )
    for r in profile.running_costs:
        parts.append(
            f"<tr><td>{r['fiscal_year']}</td>"
            + _amount(
                r["budget_operating_cost_yuan"],
                links,
                _file_of(profile, r["operating_budget_document_id"]),
                r["operating_budget_source_page"],
            )
            + _amount(
                r["actual_operating_cost_yuan"],
                links,
                _file_of(profile, r["operating_final_document_id"]),
                r["operating_final_source_page"],
            )
            + f'<td class="amount">{escape(printed_change(r))}</td>'
            + _amount(
                r["actual_three_public_yuan"],
                links,
                _file_of(profile, r["three_public_final_document_id"]),
                None,
            )
            + "</tr>"
        )
    parts.append("</table>")
    return parts

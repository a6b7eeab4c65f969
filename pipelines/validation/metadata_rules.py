"""The document's own metadata, consistent throughout (``M_…``): years, names, units.

- ``M_YEAR``: every table title and every heading of the prose that names the
  document ("2024年度部门决算") prints the document's fiscal year;
- ``M_DEPARTMENT_PLACEHOLDER``: no template placeholder ("XX局", "××部门")
  left in the titles, the department name or the prose;
- ``M_UNIT``: a total restated by another table exactly 10^4 apart: one of the
  two unit lines (元 / 万元) is wrong.
"""

from __future__ import annotations

import re
from decimal import Decimal

from pipelines.extraction.model import DocumentExtraction, ExtractedTable, TableRow

from .evaluation import Checker
from .statement_sides import statement_side
from .table_cells import cell_amount, is_usable

TITLE_YEAR = re.compile(r"(20\d{2})\s*年")
HEADING = re.compile(r"(20\d{2})年度?[^。,;]{0,24}?(?:部门|单位)(?:预算|决算)")
HEADING_MAX_LENGTH = 48  # a heading is a short line, not a sentence citing last year's accounts
PLACEHOLDER = re.compile(
    r"(?:XX|xx|××|XXX|某某)(?:省|市|区|县)?[\u4e00-\u9fff]{0,8}?(?:局|部门|单位|委员会|办公室|厅|中心)"
)
UNIT_FACTOR = Decimal(10000)
UNIT_SLIP_TOLERANCE = Decimal("0.001")


def check_metadata(checker: Checker, extraction: DocumentExtraction) -> None:
    _check_years(checker, extraction)
    _check_placeholders(checker, extraction)
    _check_units(checker, extraction)


def _check_years(checker: Checker, extraction: DocumentExtraction) -> None:
    year = extraction.fiscal_year
    if year is None:
        return
    printed: list[tuple[str, str, int | None, str]] = []  # (where, code, page, text)
    for code, table in sorted(extraction.tables.items()):
        printed.append(
            (f"table {code} title", code, table.pages[0] if table.pages else None, table.title)
        )
    for prose_page in extraction.prose:
        for line in prose_page.text.splitlines():
            compact = line.replace(" ", "")
            if len(compact) <= HEADING_MAX_LENGTH and HEADING.search(compact):
                printed.append((f"heading p.{prose_page.page}", "", prose_page.page, compact))
    for where, code, page, text in printed:
        pattern = TITLE_YEAR if where.startswith("table") else HEADING
        years = {int(y) for y in pattern.findall(text.replace(" ", ""))}
        if not years or year in years:
            checker.evaluated("M_YEAR", code, where, "ok")
            continue
        other = min(years)
        location = f"{where} {other}" + (f" p.{page}" if where.startswith("table") and page else "")
        checker.evaluated("M_YEAR", code, location, "broken")
        checker.note(
            "M_YEAR",
            location,
            code or None,
            f"The {where} '{text[:60]}' prints {other}, the document is of {year}.",
            f"{'表' + code + '标题' if code else f'第{page}页标题'}“{text[:60]}”为{other}年，"
            f"而文件年度为{year}年。",
        )


def _check_placeholders(checker: Checker, extraction: DocumentExtraction) -> None:
    texts: list[tuple[int | None, str]] = [
        (t.pages[0] if t.pages else None, t.title) for t in extraction.tables.values()
    ]
    texts.append((None, extraction.department_name or ""))
    texts += [(page.page, page.text.replace(" ", "")) for page in extraction.prose]
    seen: set[str] = set()
    for page, text in texts:
        for match in PLACEHOLDER.finditer(text):
            placeholder = match.group(0)
            if placeholder in seen:
                continue
            seen.add(placeholder)
            location = f"p.{page} {placeholder}" if page else placeholder
            checker.evaluated("M_DEPARTMENT_PLACEHOLDER", "", location, "broken")
            checker.note(
                "M_DEPARTMENT_PLACEHOLDER",
                location,
                None,
                f"'{placeholder}'"
                + (f" on p.{page}" if page else "")
                + " is a template placeholder left in place of the department's name.",
                f"“{placeholder}”"
                + (f"（第{page}页）" if page else "")
                + "为模板占位符，未填写部门名称。",
            )


def _statement_total(table: ExtractedTable | None, side: str, kind: str | None) -> TableRow | None:
    if table is None or not is_usable(table):
        return None
    return statement_side(table, side, kind).year_total


def _check_units(checker: Checker, extraction: DocumentExtraction) -> None:
    """The totals two tables share, read in their units: exactly 10^4 apart means a wrong unit line."""
    tables, kind = extraction.tables, extraction.document_kind
    pairs: list[tuple[str, Decimal | None, str, Decimal | None]] = []
    for statement, side, detail in (("01", "income", "02"), ("01", "expenditure", "03")):
        row = _statement_total(tables.get(statement), side, kind)
        other = tables.get(detail)
        if row is None or other is None or not is_usable(other) or other.row("total") is None:
            continue
        pairs.append(
            (
                statement,
                cell_amount(row, row_column(row)),
                detail,
                cell_amount(other.row("total"), "total"),
            )
        )
    for first, a, second, b in pairs:
        if not a or not b:
            continue
        ratio = a / b
        for factor in (UNIT_FACTOR, 1 / UNIT_FACTOR):
            if abs(ratio / factor - 1) > UNIT_SLIP_TOLERANCE:
                continue
            location = f"{first},{second} unit"
            units = f"{tables[first].unit} / {tables[second].unit}"
            checker.evaluated("M_UNIT", first, location, "broken")
            checker.note(
                "M_UNIT",
                location,
                first,
                f"Tables {first} and {second} (unit lines {units}) print the same total "
                f"exactly 10^4 apart ({a:,.2f} and {b:,.2f} yuan as read): one unit line is wrong.",
                f"表{first}与表{second}（单位分别为{units}）的同一合计数恰差一万倍"
                f"（折合 {a:,.2f} 元与 {b:,.2f} 元），其中一张表的单位有误。",
                amounts=(b, a),
            )


def row_column(row: TableRow) -> str:
    """A statement line's amount column: 'amount' where printed, else its first."""
    return "amount" if "amount" in row.values else next(iter(row.values), "amount")

"""One PDF in, one ``DocumentExtraction`` out."""

from __future__ import annotations

import hashlib
import re
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from pipelines.extraction.catalogue import BUDGET_TABLES, FINAL_ACCOUNT_TABLES, TableSpec
from pipelines.extraction.economic import parse_economic_table
from pipelines.extraction.errors import DocumentRejected
from pipelines.extraction.function_table import parse_function_table
from pipelines.extraction.furniture import strip_page_furniture
from pipelines.extraction.locate import (
    LocatedTable,
    declared_empty,
    empty_declaration,
    locate_tables,
    page_lines,
    prints_nonzero_amounts,
)
from pipelines.extraction.metadata import read_metadata
from pipelines.extraction.model import DocumentExtraction, ExtractedTable, ProsePage
from pipelines.extraction.narrative import (
    PageText,
    join_pages,
    read_budget_execution,
    read_figures,
)
from pipelines.extraction.pages import PageLayout, read_pages
from pipelines.extraction.performance_forms import read_performance_forms
from pipelines.extraction.performance_narrative import (
    merge_performance,
    read_performance_narrative,
)
from pipelines.extraction.problems import Problem, ProblemKind, table_problem
from pipelines.extraction.sections import read_operating_cost, read_procurement, read_state_assets
from pipelines.extraction.statement import parse_statement
from pipelines.extraction.text import compact
from pipelines.extraction.three_public import parse_three_public

Parser = Callable[[LocatedTable, str, list[Problem]], ExtractedTable]
PARSERS: dict[str, Parser] = {
    "statement": parse_statement,
    "function": parse_function_table,
    "economic": parse_economic_table,
    "three_public": parse_three_public,
}


FINAL_TITLES_DECIDE = 2  # tables titled …决算… that make a document a final account


def document_id_for(sha256: str) -> str:
    """Stable id of a document: the same bytes under any name are one document."""
    return "doc_" + sha256[:16]


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def extract_document(path: Path, source_file: str | None = None) -> DocumentExtraction:
    """Read one disclosure PDF: metadata, standard tables, narrative numbers.

    Raises ``DocumentRejected`` when the file cannot be read as a disclosure
    document at all (not a PDF, encrypted, corrupt, no text layer, no tables).
    Problems short of that (a table not found, an unreadable cell) are listed
    in ``problems`` for validation to weigh.
    """
    started = time.perf_counter()
    path = Path(path)
    name = source_file or path.name
    if path.stat().st_size == 0:
        raise DocumentRejected(f"{name}: zero bytes; not a PDF")
    sha256 = file_sha256(path)
    pages = read_pages(path)
    _require_text(pages, name)
    strip_page_furniture(pages)
    extraction = _extract(pages, name)
    extraction.sha256 = sha256
    extraction.document_id = document_id_for(sha256)
    extraction.seconds = round(time.perf_counter() - started, 3)
    return extraction


def _require_text(pages: list[PageLayout], name: str) -> None:
    if not any(p.words for p in pages):
        if any(p.has_images for p in pages):
            raise DocumentRejected(f"{name}: no text layer; OCR needed (scanned pages)")
        raise DocumentRejected(f"{name}: no text on any page")


def _choose_table_set(
    pages: list[PageLayout], kind: str | None
) -> tuple[tuple[TableSpec, ...], list[LocatedTable], str | None]:
    """The final-account or the budget table set, whichever the document holds.

    The table titles decide first: a final account's tables say 决算
    (收入支出决算总表 …), a budget's never do, whatever the cover or the
    opening pages say. Without such titles the kind printed on the cover
    decides, and a document without one (a tables-only budget file) is judged
    by which set's titles it prints more of.
    """
    finals = locate_tables(pages, FINAL_ACCOUNT_TABLES)
    if sum("决算" in table.title for table in finals) >= FINAL_TITLES_DECIDE:
        return FINAL_ACCOUNT_TABLES, finals, "final_account"
    if kind == "final_account" and finals:
        return FINAL_ACCOUNT_TABLES, finals, kind
    budgets = locate_tables(pages, BUDGET_TABLES)
    if kind == "budget" and budgets:
        return BUDGET_TABLES, budgets, kind
    if len(budgets) > len(finals):
        return BUDGET_TABLES, budgets, "budget"
    return FINAL_ACCOUNT_TABLES, finals, "final_account" if finals else kind


def _extract(pages: list[PageLayout], name: str) -> DocumentExtraction:
    problems: list[Problem] = []
    blank = [p.number for p in pages if not p.words and p.has_images]
    if blank:
        problems.append(
            Problem(
                ProblemKind.SCANNED_PAGES,
                f"pages {blank} have no text layer (scanned); OCR needed",
            )
        )
    opening = [[line.text for line in page_lines(p)] for p in pages[:3]]
    printed_kind = read_metadata(opening, []).document_kind
    specs, located, kind = _choose_table_set(pages, printed_kind)
    if not located:
        if printed_kind is None:
            raise DocumentRejected(
                f"{name}: no disclosure tables found (not a budget or final account)"
            )
        # The prose part of a document set whose tables come in another file.
        problems.append(
            Problem(ProblemKind.PROSE_ONLY, "no standard tables: the prose part of a document set")
        )
    units = Counter(t.unit for t in located if t.unit)
    document_unit = units.most_common(1)[0][0] if units else "万元"
    tables: dict[str, ExtractedTable] = {}
    for table in located:
        unit = table.unit or document_unit
        if _is_empty(table):
            tables[table.spec.table_code] = ExtractedTable(
                table.spec.table_code,
                table.title,
                table.printed_number,
                unit,
                table.pages,
                [],
                [],
                is_empty=True,
                note=table.note,
                empty_declaration=empty_declaration(table),
                declared_empty_with_amounts=bool(empty_declaration(table))
                and _parses_amounts(table, unit),
            )
            continue
        extracted = PARSERS[table.spec.shape](table, unit, problems)
        extracted.note = table.note
        if table.spec.shape == "function" and not extracted.rows:
            # e.g. a budget's income table listed by source, not by function code
            problems.append(
                table_problem(
                    ProblemKind.TABLE_NOT_FUNCTION_CODED,
                    table.spec.table_code,
                    table.pages[0] if table.pages else None,
                    f"({table.title}) has no function-coded rows",
                )
            )
            continue
        tables[table.spec.table_code] = extracted
    for spec in specs:
        if spec.table_code not in tables and not any(
            p.table_code == spec.table_code and p.kind == ProblemKind.TABLE_NOT_FUNCTION_CODED
            for p in problems
        ):
            problems.append(
                Problem(
                    ProblemKind.TABLE_NOT_FOUND,
                    f"table {spec.table_code} not found",
                    spec.table_code,
                )
            )
    metadata = read_metadata(opening, [t.department for t in located if t.department])
    if metadata.fiscal_year is None:
        metadata.fiscal_year = _year_printed(located, pages)
    table_pages = {n for t in located for n in t.pages}
    prose_lines = {
        p.number: [line.text for line in page_lines(p)]
        for p in pages
        if p.number not in table_pages
    }
    text, marks = join_pages(PageText(n, "".join(lines)) for n, lines in prose_lines.items())
    # the sections' sentences wrap anywhere, spaces included
    prose, prose_marks = join_pages(
        PageText(n, compact("".join(lines))) for n, lines in prose_lines.items()
    )
    budget = kind == "budget"
    return DocumentExtraction(
        source_file=name,
        sha256="",
        document_id="",
        page_count=len(pages),
        department_name=metadata.department_name,
        region=metadata.region,
        fiscal_year=metadata.fiscal_year,
        document_kind=kind or metadata.document_kind,
        reporting_scope=metadata.reporting_scope,
        source_unit=document_unit,
        tables=tables,
        budget_execution=read_budget_execution(text, marks, tables),
        narrative_figures=read_figures(text, marks, tables, budget=budget),
        problems=problems,
        prose=[ProsePage(n, "\n".join(lines)) for n, lines in prose_lines.items()],
        operating_cost=read_operating_cost(prose, prose_marks),
        procurement=read_procurement(prose, prose_marks),
        state_assets=read_state_assets(prose, prose_marks, budget=budget),
        performance=merge_performance(
            read_performance_forms(pages, metadata.department_name),
            read_performance_narrative(prose, prose_marks, metadata.department_name),
        ),
    )


def _parses_amounts(table: LocatedTable, unit: str) -> bool:
    """Whether a table declared empty reads as rows with non-zero amounts all the same.

    Only the rows a parser reads count: a unit or department code on the page
    ("341-湖州市财政局") is not an amount.
    """
    if not prints_nonzero_amounts(table):
        return False
    try:
        parsed = PARSERS[table.spec.shape](table, unit, [])
    except Exception:  # noqa: BLE001 - an empty table need not parse; it then prints no rows
        return False
    return any(value for row in parsed.rows for value in row.values.values())


def _is_empty(table: LocatedTable) -> bool:
    """Declared empty (07/08), or printed with no amount but zeros (本表本年无发生额).

    A 三公 table's items are fixed: printed blank or zero, each item is zero, not
    absent.
    """
    if table.spec.may_be_empty:
        return declared_empty(table)
    return table.spec.shape != "three_public" and not prints_nonzero_amounts(table)


def _year_printed(located: list[LocatedTable], pages: list[PageLayout]) -> int | None:
    """With no year on the opening pages: the year the table titles, else the pages, print most."""
    for text in (
        "".join(t.title for t in located),
        "".join(w.text for p in pages for w in p.words),
    ):
        years = Counter(re.findall(r"(20\d{2})年", text))
        if years:
            return int(years.most_common(1)[0][0])
    return None

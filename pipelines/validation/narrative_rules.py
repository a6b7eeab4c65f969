"""Part 3 narrative numbers (``N_…``) against the table cells they restate.

A budget-execution sentence ("…（项）。年初预算为X万元，支出决算为Y万元")
restates the final amount of its function code's row in table 05; a narrative
figure (收支总计, 基本支出, “三公”经费…) restates the cell named by its
``figure_key`` (:func:`narrative_cells`).

Narrative numbers are printed in their own unit, usually 万元 with two
decimals, whatever the table prints: a narrative 9,101.68万元 restating a table
cell of 91,016,775.35 元 differs by 24.65 yuan by rounding alone. The
narrative's precision is not recorded (``NarrativeFigure`` holds only
``amount_yuan``), so it is inferred: an amount that is a whole multiple of 100
yuan was printed in 万元 with two decimals and carries a step of 100 yuan; any
other amount was printed in 元 (step 0.01). The comparison takes the coarser
of the narrative's step and the table's (:func:`narrative_step_yuan`). The same
applies to the final amount of a budget-execution sentence.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from decimal import Decimal

from pipelines.extraction.model import (
    NARRATIVE_FIGURE_KEYS,
    DocumentExtraction,
    ExtractedTable,
    NarrativeFigure,
    TableRow,
)

from .evaluation import UNIT_STEP_YUAN, Checker, step_yuan
from .statement_sides import statement_side
from .table_cells import cell_amount, column_name, is_usable, prints_column, row_name


@dataclass(frozen=True)
class _Cell:
    table_code: str
    row: TableRow
    column: str

    @property
    def location(self) -> str:
        side = f"{self.row.side}/" if self.row.side else ""
        return f"{self.table_code}/{side}{self.row.row_key}/{self.column}"


def _all_cells(
    tables: dict[str, ExtractedTable],
    code: str,
    wanted: Iterable[tuple[str, str]],
    cell: Callable[[ExtractedTable, tuple[str, str]], _Cell | None],
) -> list[_Cell] | None:
    """The cell of each wanted item in table ``code``; None when the table or a cell is absent."""
    table = tables.get(code)
    if not is_usable(table):
        return None
    cells = []
    for item in wanted:
        found = cell(table, item)
        if found is None:
            return None
        cells.append(found)
    return cells


def _cells(
    tables: dict[str, ExtractedTable], code: str, *keys: tuple[str, str]
) -> list[_Cell] | None:
    """Function-like cells: (row_key, column) pairs; None when a cell is not available."""

    def cell(table: ExtractedTable, key: tuple[str, str]) -> _Cell | None:
        row_key, column = key
        row = table.row(row_key)
        if row is None or not prints_column(table, column):
            return None  # not printed: an absent cell is not a zero
        return _Cell(code, row, column)

    return _all_cells(tables, code, keys, cell)


def _statement_cells(
    tables: dict[str, ExtractedTable],
    code: str,
    *wanted: tuple[str, str],
    document_kind: str | None = None,
) -> list[_Cell] | None:
    """Statement cells: (side, kind) where kind is 'year_total' or 'grand_total'."""

    def cell(table: ExtractedTable, wanted_cell: tuple[str, str]) -> _Cell | None:
        side_name, kind = wanted_cell
        side = statement_side(table, side_name, document_kind)
        row = getattr(side, kind)
        if row is None:
            return None
        column = (
            "total" if side_name == "expenditure" and "total" in side.columns else side.columns[0]
        )
        return _Cell(code, row, column)

    return _all_cells(tables, code, wanted, cell)


def narrative_cells(
    tables: dict[str, ExtractedTable], figure_key: str, document_kind: str | None = None
) -> list[_Cell] | None:
    """The table cell(s) a narrative figure restates; the first available alternative wins.

    A cell whose table, row or column is not printed makes its alternative
    unavailable (a budget 09 has no 决算数, a single-amount 05 no 基本支出).
    For ``general_budget_basic`` a 06 合计 row is the last alternative.
    """
    kind = document_kind
    three_public = {
        "three_public_budget": ("total", "budget"),
        "three_public_actual": ("total", "actual"),
        "overseas_travel_budget": ("overseas_travel", "budget"),
        "overseas_travel_actual": ("overseas_travel", "actual"),
        "vehicles_actual": ("vehicles", "actual"),
        "vehicle_purchase_actual": ("vehicle_purchase", "actual"),
        "vehicle_operation_actual": ("vehicle_operation", "actual"),
        "official_reception_actual": ("official_reception", "actual"),
    }
    if figure_key in three_public:
        return _cells(tables, "09", three_public[figure_key])
    if figure_key.startswith("general_budget_class:"):
        return _cells(tables, "05", (figure_key.split(":", 1)[1], "total"))
    alternatives = {
        "total_income_expenditure": [
            lambda: _statement_cells(
                tables,
                "01",
                ("income", "grand_total"),
                ("expenditure", "grand_total"),
                document_kind=kind,
            )
        ],
        # a budget's 收入预算 is the whole budget, its carry-over included: 02 合计
        "income_total": [
            lambda: _cells(tables, "02", ("total", "total")),
            lambda: _statement_cells(tables, "01", ("income", "grand_total"), document_kind=kind),
        ]
        if kind == "budget"
        else [
            lambda: _statement_cells(tables, "01", ("income", "year_total"), document_kind=kind),
            lambda: _cells(tables, "02", ("total", "total")),
        ],
        "fiscal_appropriation_income": [
            lambda: _cells(tables, "02", ("total", "fiscal_appropriation"))
        ],
        "expenditure_total": [
            lambda: _statement_cells(
                tables, "01", ("expenditure", "year_total"), document_kind=kind
            ),
            lambda: _cells(tables, "03", ("total", "total")),
        ],
        "basic_expenditure": [lambda: _cells(tables, "03", ("total", "basic"))],
        "project_expenditure": [lambda: _cells(tables, "03", ("total", "project"))],
        "fiscal_total": [
            lambda: _statement_cells(
                tables,
                "04",
                ("income", "grand_total"),
                ("expenditure", "grand_total"),
                document_kind=kind,
            )
        ],
        "general_budget_expenditure": [lambda: _cells(tables, "05", ("total", "total"))],
        "general_budget_basic": [
            lambda: _cells(tables, "05", ("total", "basic")),
            lambda: _cells(tables, "06", ("total", "amount")),
        ],
        "general_budget_project": [lambda: _cells(tables, "05", ("total", "project"))],
        "personnel_expenditure": [lambda: _cells(tables, "06", ("personnel_total", "amount"))],
        "public_expenditure": [lambda: _cells(tables, "06", ("public_total", "amount"))],
    }
    for alternative in alternatives.get(figure_key, []):
        cells = alternative()
        if cells:
            return cells
    return None


_WAN_STEPS = (Decimal("10000"), Decimal("1000"), Decimal("100"))  # 万元 to 0, 1, 2 decimals


def narrative_step_yuan(amount: Decimal) -> Decimal:
    """The rounding step of a narrative amount, inferred from the amount itself.

    A whole multiple of 100 yuan was printed in 万元 with two decimals (step
    0.01 万元 = 100 yuan), of 1,000 or 10,000 yuan with one or no decimal
    ("19,577万元", step 1 万元); anything else was printed in 元 (step 0.01 yuan).
    """
    if not amount.is_finite():
        return UNIT_STEP_YUAN["元"]
    for step in _WAN_STEPS:
        if amount % step == 0:
            return step
    return UNIT_STEP_YUAN["元"]


def check_narrative(checker: Checker, extraction: DocumentExtraction) -> None:
    """Budget-execution sentences against table 05, narrative figures against their cells."""
    tables = extraction.tables
    kind = extraction.document_kind
    t05 = tables.get("05")
    for execution in extraction.budget_execution:
        if not is_usable(t05):
            break
        code = execution.function_code
        if not code:
            checker.note(
                "N_BUDGET_EXECUTION_UNRESOLVED",
                f"narrative p.{execution.page} {execution.function_label}",
                "05",
                f"Narrative item '{execution.function_label}' (p.{execution.page}) has no function "
                "code; its final amount was not checked against table 05.",
                f"第{execution.page}页说明项目“{execution.function_label}”未能对应到功能科目编码，"
                "其支出决算数未与表05核对。",
            )
            continue
        row = t05.row(code)
        location = f"narrative p.{execution.page} {code}"
        if row is None:
            checker.note(
                "N_BUDGET_EXECUTION_ROW_MISSING",
                location,
                "05",
                f"Narrative item {code} '{execution.function_label}' (p.{execution.page}) has no "
                "row in table 05.",
                f"第{execution.page}页说明项目 {code}“{execution.function_label}”在表05中没有对应行。",
            )
            continue
        checker.compare(
            "N_BUDGET_EXECUTION_FINAL",
            location,
            "05",
            [cell_amount(row, "total")],
            execution.final_yuan,
            max(step_yuan(t05), narrative_step_yuan(execution.final_yuan)),
            f"Narrative p.{execution.page} '{execution.function_label}' 支出决算为 should restate "
            f"table 05 row {code} '{row.row_label}' {column_name(t05, 'total')}",
        )
    for figure in extraction.narrative_figures:
        base = f"narrative p.{figure.page} {figure.figure_key}"
        known = figure.figure_key in NARRATIVE_FIGURE_KEYS or figure.figure_key.startswith(
            "general_budget_class:"
        )
        if not known:
            checker.note(
                "N_FIGURE_UNKNOWN_KEY",
                base,
                None,
                f"Narrative figure '{figure.figure_key}' (p.{figure.page}) has no table cell to compare.",
                f"第{figure.page}页说明数字“{figure.figure_key}”没有可核对的表格单元格。",
            )
            continue
        cells = narrative_cells(tables, figure.figure_key, kind)
        if not cells:
            continue
        for cell in cells:
            table = tables[cell.table_code]
            location = base if len(cells) == 1 else f"{base} {cell.row.side}"
            if _unit_slip(checker, figure, cell, table, location):
                continue
            checker.compare(
                "N_FIGURE",
                location,
                cell.table_code,
                [cell_amount(cell.row, cell.column)],
                figure.amount_yuan,
                max(step_yuan(table), narrative_step_yuan(figure.amount_yuan)),
                f"Narrative p.{figure.page} {figure.figure_key} ('{figure.sentence[:60]}') should "
                f"restate table {cell.table_code} cell {cell.location} '{row_name(cell.row)}' "
                f"{column_name(table, cell.column)}",
            )


UNIT_FACTOR = Decimal(10000)  # 万元 printed as 元, or 元 as 万元
UNIT_SLIP_TOLERANCE = Decimal("0.001")  # of the scaled cell: the two printed precisions differ


def _unit_slip(
    checker: Checker, figure: NarrativeFigure, cell: _Cell, table: ExtractedTable, location: str
) -> bool:
    """A narrative figure off from its cell by exactly 10^4, within rounding: ``N_FIGURE_UNIT``."""
    expected = cell_amount(cell.row, cell.column)
    actual = figure.amount_yuan
    if not expected or not actual:
        return False
    if abs(actual - expected) <= max(step_yuan(table), narrative_step_yuan(actual)):
        return False  # the figure restates its cell
    for scaled, wrong, right in (
        (expected * UNIT_FACTOR, "元 read as 万元", "万元误作元"),
        (expected / UNIT_FACTOR, "万元 read as 元", "元误作万元"),
    ):
        if abs(actual - scaled) <= scaled * UNIT_SLIP_TOLERANCE:
            checker.evaluated("N_FIGURE_UNIT", cell.table_code, location, "broken")
            checker.note(
                "N_FIGURE_UNIT",
                location,
                cell.table_code,
                f"Narrative p.{figure.page} {figure.figure_key} ('{figure.sentence[:60]}') prints "
                f"{actual:,.2f} yuan where table {cell.table_code} cell {cell.location} holds "
                f"{expected:,.2f} yuan: exactly 10^4 apart, the wrong unit ({wrong}).",
                f"第{figure.page}页说明“{figure.sentence[:60]}”印为 {actual:,.2f} 元，表"
                f"{cell.table_code}单元格 {cell.location} 为 {expected:,.2f} 元，恰差一万倍，"
                f"单位有误（{right}）。",
                amounts=(expected, actual),
            )
            return True
    return False

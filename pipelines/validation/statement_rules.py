"""The statements' own arithmetic (01 收支决算总表 / 收支预算总表, 04 财政拨款收支总表).

Each side's year total is the sum of its lines and its grand total the year
total plus what is carried over (``_STATEMENT_SUMS``); the two sides
balance; on 04 each expenditure line's 小计 is the sum of its fund columns.
Budgets also check numbered sub-lines against their parent and each further
grouping of a three-sided statement against the year total. The sides are
read by :func:`.statement_sides.statement_side`.
"""

from __future__ import annotations

from pipelines.extraction.model import ExtractedTable, TableRow

from .evaluation import Checker, step_yuan
from .statement_sides import StatementSide, statement_side
from .table_cells import cell_amount, column_name, row_name


def _check_statement_sum(
    checker: Checker,
    table: ExtractedTable,
    rule_id: str,
    side: str,
    target: TableRow | None,
    parts: list[TableRow | None],
    columns: list[str],
    location_suffix: str = "",
) -> None:
    parts_present = [p for p in parts if p is not None]
    if target is None or not parts_present or any(p is target for p in parts_present):
        return  # nothing to sum, or one printed line serving as both (budget statements)
    step = step_yuan(table)
    names = " + ".join(row_name(p) for p in parts_present)
    for column in columns:
        checker.compare(
            rule_id,
            f"{table.table_code}/{side}/{target.row_key}/{column}{location_suffix}",
            table.table_code,
            [cell_amount(p, column) for p in parts_present],
            cell_amount(target, column),
            step,
            f"Table {table.table_code} {side} line '{row_name(target)}' "
            f"column {column_name(table, column)} should equal {names}",
        )


def _check_budget_statement_structure(
    checker: Checker, table: ExtractedTable, side_name: str, side: StatementSide
) -> None:
    """Budgets: sub-lines against their parent, further line groups against the year total."""
    code = table.table_code
    for parent, kids in side.sub_lines:
        _check_statement_sum(
            checker, table, f"T{code}_SUB_LINES", side_name, parent, list(kids), side.columns
        )
    for group, lines in side.groups.items():
        _check_statement_sum(
            checker,
            table,
            f"T{code}_GROUP_TOTAL",
            side_name,
            side.year_total,
            list(lines),
            side.columns,
            location_suffix=f"/{group or 'group'}",
        )


# The line sums of a statement, in order: (rule id, side, the StatementSide line
# that is the total, the StatementSide lines or line lists summed into it).
_STATEMENT_SUMS: dict[str, tuple[tuple[str, str, str, tuple[str, ...]], ...]] = {
    "01": (
        ("T01_INCOME_TOTAL", "income", "year_total", ("lines",)),
        (
            "T01_INCOME_GRAND_TOTAL",
            "income",
            "grand_total",
            ("year_total", "balance_used", "carryover"),
        ),
        ("T01_EXPENDITURE_TOTAL", "expenditure", "year_total", ("lines",)),
        (
            "T01_EXPENDITURE_GRAND_TOTAL",
            "expenditure",
            "grand_total",
            ("year_total", "surplus_distribution", "carryover"),
        ),
    ),
    "04": (
        ("T04_INCOME_TOTAL", "income", "year_total", ("lines",)),
        ("T04_CARRYOVER_BEGIN", "income", "carryover", ("carryover_parts",)),
        ("T04_INCOME_GRAND_TOTAL", "income", "grand_total", ("year_total", "carryover")),
        ("T04_EXPENDITURE_TOTAL", "expenditure", "year_total", ("lines",)),
        ("T04_CARRYOVER_END", "expenditure", "carryover", ("carryover_parts",)),
        ("T04_EXPENDITURE_GRAND_TOTAL", "expenditure", "grand_total", ("year_total", "carryover")),
    ),
}


def _side_parts(side: StatementSide, names: tuple[str, ...]) -> list[TableRow | None]:
    """The named lines of a side, a list-valued name (``lines``) contributing all its rows."""
    parts: list[TableRow | None] = []
    for name in names:
        value = getattr(side, name)
        if isinstance(value, list):
            parts.extend(value)
        else:
            parts.append(value)
    return parts


def check_statement(
    checker: Checker, table: ExtractedTable, document_kind: str | None = None
) -> None:
    """A statement's line sums on both sides, 04's fund columns, and the sides' balance."""
    code = table.table_code
    income = statement_side(table, "income", document_kind)
    expenditure = statement_side(table, "expenditure", document_kind)
    sides = {"income": income, "expenditure": expenditure}
    for side_name, side in sides.items():
        _check_budget_statement_structure(checker, table, side_name, side)
    for rule_id, side_name, target, parts in _STATEMENT_SUMS["01" if code == "01" else "04"]:
        side = sides[side_name]
        _check_statement_sum(
            checker,
            table,
            rule_id,
            side_name,
            getattr(side, target),
            _side_parts(side, parts),
            side.columns,
        )
    if code != "01":
        funds = [
            c
            for c in ("general_public_budget", "government_fund", "state_capital")
            if c in expenditure.columns
        ]
        if "total" in expenditure.columns and funds:
            step = step_yuan(table)
            for row in table.rows:
                if row.side != "expenditure" or not row.row_key:
                    continue
                checker.compare(
                    "T04_FUND_COLUMNS",
                    f"04/expenditure/{row.row_key}/total",
                    "04",
                    [cell_amount(row, c) for c in funds],
                    cell_amount(row, "total"),
                    step,
                    f"Table 04 expenditure line '{row_name(row)}' "
                    f"column {column_name(table, 'total')} should equal "
                    + " + ".join(column_name(table, c) for c in funds),
                )
    if income.grand_total is not None and expenditure.grand_total is not None:
        income_column = income.columns[0]
        expenditure_column = "total" if "total" in expenditure.columns else expenditure.columns[0]
        checker.compare(
            f"T{code}_BALANCE",
            f"{code}/expenditure/{expenditure.grand_total.row_key}/{expenditure_column}",
            code,
            [cell_amount(income.grand_total, income_column)],
            cell_amount(expenditure.grand_total, expenditure_column),
            step_yuan(table),
            f"Table {code}: expenditure 总计 '{row_name(expenditure.grand_total)}' should equal "
            f"income 总计 '{row_name(income.grand_total)}'",
        )

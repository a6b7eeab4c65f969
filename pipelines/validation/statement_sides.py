"""A statement (01, 04) read side by side: each side's lines classified by keyword and order.

The checks of a statement's own arithmetic (:mod:`.statement_rules`), its
totals against the other tables (:mod:`.cross_table_rules`) and the narrative
totals it restates (:mod:`.narrative_rules`) all read a side through
:func:`statement_side`: its lines, year total, carry-overs and grand total.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from pipelines.extraction.model import ExtractedTable, TableRow

from .statement_labels import (
    NUMBERING_RE,
    SUB_LINE_RE,
    TOP_LEVEL_LINE_RE,
    YEAR_TOTAL_LINES,
    budget_line_kind,
    line_group,
    line_kind,
    names_a_class,
)


@dataclass
class StatementSide:
    """The lines of one side of a statement (01 or 04), classified by keyword and order."""

    lines: list[TableRow] = field(default_factory=list)  # above 本年…合计 (budgets: top level)
    year_total: TableRow | None = None  # 本年收入合计 / 本年支出合计
    balance_used: TableRow | None = None  # 使用非财政拨款结余（含专用结余）
    surplus_distribution: TableRow | None = None  # 结余分配
    carryover: TableRow | None = None  # 年初结转和结余 / 年末结转和结余
    carryover_parts: list[TableRow] = field(default_factory=list)  # 04's fund sub-lines
    grand_total: TableRow | None = None  # 总计
    columns: list[str] = field(default_factory=list)
    # Budgets only: numbered sub-lines under a top-level line ("1.一般公共预算" under
    # "一、财政拨款"), and further line groupings of a three-sided statement
    # (group header, e.g. '支出用途' -> its top-level lines).
    sub_lines: list[tuple[TableRow, list[TableRow]]] = field(default_factory=list)
    groups: dict[str, list[TableRow]] = field(default_factory=dict)


_STATEMENT_COLUMN_ORDER = (
    "amount",
    "total",
    "general_public_budget",
    "government_fund",
    "state_capital",
)


# Line kinds a side holds at most once (the first printed wins); the year total
# and a carry-over close the side's own lines.
_SINGLE_LINE_KINDS = (
    "year_total",
    "grand_total",
    "carryover",
    "balance_used",
    "surplus_distribution",
)
_CLOSING_LINE_KINDS = ("year_total", "carryover")


def _side_rows(table: ExtractedTable, side: str) -> list[TableRow]:
    """The labelled rows of one side, in printed line order when every row is numbered."""
    rows = [r for r in table.rows if r.side == side and (r.row_key or r.row_label)]
    if rows and all(r.line_no is not None for r in rows):
        rows = sorted(rows, key=lambda r: r.line_no or 0)
    return rows


def _side_columns(rows: list[TableRow]) -> list[str]:
    present = {key for r in rows for key in r.values}
    return [c for c in _STATEMENT_COLUMN_ORDER if c in present] or ["amount"]


def _take_single_line(result: StatementSide, kind: str, row: TableRow) -> bool:
    """Record ``row`` as the side's ``kind`` line unless one is already recorded.

    True when the row was recorded and closes the side's own lines.
    """
    if kind not in _SINGLE_LINE_KINDS or getattr(result, kind) is not None:
        return False
    setattr(result, kind, row)
    return kind in _CLOSING_LINE_KINDS


def statement_side(
    table: ExtractedTable, side: str, document_kind: str | None = None
) -> StatementSide:
    """Classify the printed lines of one side: lines before 本年合计, then carry-overs and 总计.

    Lines are matched by keyword on the normalised label ('本年收入合计', '总计',
    '年初结转和结余', '使用非财政拨款结余', '结余分配') and by position: the numbered
    lines above the year total are the income sources / expenditure classes;
    unlabelled-kind lines after a carry-over line are its fund sub-lines (04).

    ``document_kind`` 'budget' switches to the budget vocabulary
    (:func:`.statement_labels.budget_line_kind`) and line structure: top-level
    lines only in ``lines``, numbered sub-lines in ``sub_lines``, further
    groupings of a three-sided statement in ``groups``; a single printed total
    serves as both year total and grand total when there is no non-zero
    carry-over.
    """
    if document_kind == "budget":
        return _budget_statement_side(table, side)
    rows = _side_rows(table, side)
    result = StatementSide()
    seen_year_total = False
    for row in rows:
        kind = line_kind(row.row_key or row.row_label)
        if kind == "line":
            if not seen_year_total:
                result.lines.append(row)
            elif result.carryover is not None:
                result.carryover_parts.append(row)
        elif _take_single_line(result, kind, row):
            seen_year_total = True
    result.columns = _side_columns(rows)
    return result


def _is_zero_row(row: TableRow | None) -> bool:
    return row is None or all(isinstance(v, Decimal) and v == 0 for v in row.values.values())


def _budget_statement_side(table: ExtractedTable, side: str) -> StatementSide:
    rows = _side_rows(table, side)
    result = StatementSide()
    seen_year_total = False
    year_total_is_plain = False
    parents: dict[str, TableRow | None] = {}  # group -> the last top-level line
    children: dict[int, list[TableRow]] = {}  # id(parent) -> its numbered sub-lines
    parent_rows: dict[int, TableRow] = {}
    # Where a grouping numbers its lines 一、二、…, an unnumbered line under one of
    # them is its part ('一般公共预算拨款收入' under '一、财政拨款收入').
    enumerated = {line_group(row)[0] for row in rows if TOP_LEVEL_LINE_RE.match(line_group(row)[1])}
    # Where the lines are not numbered but name function classes, the other lines are
    # the classes' 款 and 项 listed under them by indentation only (not summed).
    by_class = {line_group(row)[0] for row in rows if names_a_class(line_group(row)[1])}
    by_class -= enumerated
    # Some statements print the year total first ('一、本年支出') with its lines under it.
    leads = bool(rows) and NUMBERING_RE.sub("", line_group(rows[0])[1]) in YEAR_TOTAL_LINES
    for position, row in enumerate(rows):
        group, label = line_group(row)
        kind = budget_line_kind(label)
        if leads and position == 0:
            result.year_total = row
            continue
        if leads and kind == "line" and result.carryover is None and result.grand_total is None:
            result.groups.setdefault(group, []).append(row)
            continue
        if kind == "line":
            if seen_year_total:
                if result.carryover is not None:
                    result.carryover_parts.append(row)
                continue
            if label.startswith("其中"):
                continue  # a subset of the line above: neither summed nor checked
            if group in by_class and not names_a_class(label):
                continue
            parent = parents.get(group)
            numbered_part = SUB_LINE_RE.match(label) or group in enumerated
            if numbered_part and not TOP_LEVEL_LINE_RE.match(label) and parent:
                children.setdefault(id(parent), []).append(row)
                parent_rows[id(parent)] = parent
                continue
            parents[group] = row
            result.groups.setdefault(group, []).append(row)
        elif kind == "plain_total":
            if result.year_total is None and result.carryover is None:
                result.year_total = row
                year_total_is_plain = True
                seen_year_total = True
            elif result.grand_total is None and (
                result.carryover is not None or not year_total_is_plain
            ):
                result.grand_total = row
        elif _take_single_line(result, kind, row):
            seen_year_total = True
    # The first grouping (unprefixed, else the first printed) holds the lines proper.
    if result.groups:
        main = "" if "" in result.groups else next(iter(result.groups))
        result.lines = result.groups.pop(main)
    result.sub_lines = [(parent_rows[key], kids) for key, kids in children.items()]
    # One printed total: it is both the year total and the grand total, provided
    # nothing (carry-over, balance used, surplus distribution) separates them.
    nothing_between = all(
        _is_zero_row(r)
        for r in (result.carryover, result.balance_used, result.surplus_distribution)
    )
    if result.grand_total is None and result.year_total is not None and nothing_between:
        result.grand_total = result.year_total
    if result.year_total is None and result.grand_total is not None and nothing_between:
        result.year_total = result.grand_total
    result.columns = _side_columns(rows)
    return result

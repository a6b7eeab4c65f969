"""Table 09: the "三公" costs, budget and actual.

One mechanism reads every form: each printed figure is named by the words
printed over its column and beside its row.

- A column is named by its header cells (a merged cell keeps the span of
  columns it covers), narrowest first: the first cell that
  names an item gives the item (小计 takes the item of the cell over it);
  预算数 / 决算数 in any of its cells gives budget or actual. Columns printed
  beside the items are never read: 会议费, 培训费, 机关运行经费, 行政经费; a
  合计 that also counts those (outside the "“三公”经费" cell, or a bare 合计
  beside them); a part of an item (科研因公出国 under 因公出国); a fund split
  beside its 合计 (一般公共预算 …); 上年结转 and last year's figures.
- When the columns name the items, each row is one set of figures: rows
  labelled 预算数 / 决算数 say which; in a table by unit the 合计 row is the
  document's figure and the unit rows are not read; a single row is the figure.
- Otherwise the rows name the items (one per row: "1、因公出国(境)费用",
  "其中:(1)公务用车购置费", a "“三公”经费" row; 行政经费 rows are not read)
  and the columns say budget or actual (a budget's single amount column, or
  the 合计 of its fund columns, is the budget).

Where the budget is printed in several groupings, the budget is this year's
(当年预算 / 本年预算): 上年结转 is money of earlier years, and a 合计 over both
groupings is therefore not this year's budget. Among fund-source columns
(合计 | 一般公共预算 | 政府性基金预算 | …) the budget is the 合计.

A value the table does not print is absent; a blank cell is zero. A table
printed with its header over one empty ruled row (a unit with nothing to
report, or the blank national template) reads as zeros for every item its
header names: the cells are printed, and blank.

This module walks the table's pages; the columns are named in
:mod:`.three_public_columns`, the rows read in :mod:`.three_public_rows`, by the
words of :mod:`.three_public_items`.
"""

from __future__ import annotations

from pipelines.extraction.grid import Grid, GridRow, build_grid
from pipelines.extraction.locate import LocatedTable, TableRegion
from pipelines.extraction.model import Column, ExtractedTable, TableRow
from pipelines.extraction.problems import Problem
from pipelines.extraction.text import ZERO_MARKS
from pipelines.extraction.three_public_columns import Name, column_names
from pipelines.extraction.three_public_items import ITEM_LABELS, ITEM_ORDER
from pipelines.extraction.three_public_rows import (
    Figures,
    Row,
    amount_indexes,
    read_item_rows,
    read_set_rows,
    row_label,
)

EMPTY_ROW_RULES = 2  # rules under the header: its own bottom and an empty row's bottom


def parse_three_public(table: LocatedTable, unit: str, problems: list[Problem]) -> ExtractedTable:
    """Table 09 over its pages: each page's columns named, its rows read into the figures."""
    # A budget's table has only budget figures: columns that say neither are budget.
    budget_only = [c.key for c in table.spec.columns] == ["budget"]
    groups = ("budget",) if budget_only else ("budget", "actual")
    figures = Figures()
    set_rows: list[Row] = []  # under columns that name the items: sets of figures
    item_rows: list[Row] = []  # rows that name their item
    names: list[Name] | None = None
    for region in table.regions:
        grid = build_grid(region.page, region.header_lines, region.data_lines)
        if region.header_lines:
            names = column_names(grid, region.page, region.header_lines)
        elif names is None or len(names) != len(grid.columns):
            names = None  # a page going on without its header, laid out anew
        rows = _join_wrapped_zeros([r for r in grid.rows if not _is_numbering_row(r.cells)])
        if names is not None and sum(n.names_item for n in names) >= 2:
            set_rows += [
                Row(r.page, row_label(r.cells, names), r.cells, names)
                for r in rows
                if amount_indexes(r.cells)
            ]
            if not any(amount_indexes(r.cells) for r in rows) and _prints_empty_row(region, grid):
                set_rows.append(Row(region.page.number, "", [""] * len(names), names))
        else:
            item_rows += [Row(r.page, row_label(r.cells, names), r.cells, names) for r in rows]
    read_set_rows(set_rows, groups, unit, figures, problems)
    read_item_rows(item_rows, groups, unit, figures, problems)
    table_rows = [
        TableRow(item, ITEM_LABELS[item], figures.pages[item], figures.values[item])
        for item in ITEM_ORDER
        if item in figures.values
    ]
    return ExtractedTable(
        table_code="09",
        title=table.title,
        printed_number=table.printed_number,
        unit=unit,
        pages=table.pages,
        columns=[Column("budget", "预算数")]
        + ([] if budget_only else [Column("actual", "决算数")]),
        rows=table_rows,
    )


# ---------------------------------------------------------------- a page's rows


def _join_wrapped_zeros(rows: list[GridRow]) -> list[GridRow]:
    """A row of nothing but a zero under the row above is that row's wrapped cell."""
    joined: list[GridRow] = []
    for row in rows:
        filled = [c for c in row.cells if c]
        if joined and filled and all(c in ZERO_MARKS for c in filled):
            above = joined[-1].cells
            if all(not above[i] for i, c in enumerate(row.cells) if c and i < len(above)):
                for i, cell in enumerate(row.cells):
                    if cell and i < len(above):
                        above[i] = cell
                continue
        joined.append(row)
    return joined


def _is_numbering_row(cells: list[str]) -> bool:
    """The column-number row ("** 1 2 3 …", "栏次 1 2 …") that some tables print as a row."""
    numbers = [c for c in cells if c.isdigit()]
    rest = [c for c in cells if c and not c.isdigit()]
    return (
        len(numbers) >= 3
        and [int(n) for n in numbers]
        == list(range(int(numbers[0]), int(numbers[0]) + len(numbers)))
        and all(set(c) <= set("*栏次行") for c in rest)
    )


def _prints_empty_row(region: TableRegion, grid: Grid) -> bool:
    """A ruled row under the header with nothing in it: blank cells, each zero."""
    if not grid.ruled or not region.header_lines or not grid.columns:
        return False
    page = region.page
    bottom = max(line.bottom for line in region.header_lines)
    below = [line.top for line in region.data_lines + region.note_lines if line.top > bottom]
    limit = min(below, default=page.height)
    left, right = grid.columns[0].x0, grid.columns[-1].x1
    covered: dict[float, float] = {}
    for rule in page.horizontal:
        if not bottom < rule.position < limit:
            continue
        overlap = min(rule.end, right) - max(rule.start, left)
        if overlap > 0:
            key = next((y for y in covered if abs(y - rule.position) <= 2.5), rule.position)
            covered[key] = covered.get(key, 0.0) + overlap
    return sum(1 for length in covered.values() if length > 0.5 * (right - left)) >= EMPTY_ROW_RULES

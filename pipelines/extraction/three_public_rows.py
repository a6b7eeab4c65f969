"""Reading a "三公" table's rows into figures, by item and group (budget / actual).

Where the columns name the items, each row is a set of figures
(:func:`read_set_rows`); otherwise each row names its item and the columns
say budget or actual (:func:`read_item_rows`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from pipelines.extraction.problems import Problem, ProblemKind, table_problem
from pipelines.extraction.text import is_amount_token, parse_amount, to_yuan
from pipelines.extraction.three_public_columns import Name, is_value
from pipelines.extraction.three_public_items import (
    ITEM_ORDER,
    OTHER,
    PART,
    YEAR,
    group_of_row_label,
    item_of,
    period_of,
)


@dataclass
class Figures:
    """What the table's rows say, gathered over its pages."""

    values: dict[str, dict[str, Decimal]] = field(default_factory=dict)
    pages: dict[str, int] = field(default_factory=dict)

    def put(self, item: str, group: str, amount: Decimal, page: int) -> None:
        self.values.setdefault(item, {})[group] = amount
        self.pages.setdefault(item, page)


@dataclass
class Row:
    """A printed row: its label (the words outside amounts and item columns) and cells."""

    page: int
    label: str
    cells: list[str]
    names: list[Name] | None  # its columns' names; None on a page without a header


def read_set_rows(
    rows: list[Row],
    groups: tuple[str, ...],
    unit: str,
    figures: Figures,
    problems: list[Problem],
) -> None:
    """Rows of figures under item columns: 预算数/决算数 rows, a by-unit 合计, or one row."""
    labelled = _this_years_rows([r for r in rows if group_of_row_label(r.label)])
    totals = [r for r in rows if item_of(r.label) == "total"]
    if labelled:
        chosen = labelled
    elif len(rows) <= 1:
        chosen = rows
    elif totals:
        chosen = totals[:1]  # the units' rows below or above it are its parts
    else:
        chosen = []
        problems += [_not_understood(r.page, r.label, r.cells) for r in rows]
    for row in chosen:
        read = _read_set_row(row, groups, unit)
        if read is None:
            problems.append(_not_understood(row.page, row.label, row.cells))
            continue
        for (item, group), amount in read.items():
            figures.put(item, group, amount, row.page)


def _this_years_rows(rows: list[Row]) -> list[Row]:
    """Of rows labelled 预算数/决算数, this year's: not 上年预算数, not an earlier year's."""
    rows = [r for r in rows if period_of(r.label) != "earlier"]
    years = {int(y) for r in rows for y in YEAR.findall(r.label)}
    return [r for r in rows if not years or str(max(years)) in r.label]


def _read_set_row(
    row: Row, groups: tuple[str, ...], unit: str
) -> dict[tuple[str, str], Decimal] | None:
    assert row.names is not None
    row_group = group_of_row_label(row.label)
    amounts = amount_indexes(row.cells)
    read: dict[tuple[str, str], Decimal] = {}
    read_at: dict[tuple[str, str], int] = {}
    for i, name in enumerate(row.names):
        if not name.names_item or name.item is None:
            if i in amounts and is_value(name) and not name.ignored:
                return None  # a figure under a header that names nothing known
            continue
        group = name.group or row_group or (groups[0] if len(groups) == 1 else None)
        if group is None:
            return None
        if group not in groups:
            continue  # e.g. last year's 决算数 printed beside a budget
        key = (name.item, group)
        if key in read:
            # One header cell over two grid columns (a stray rule splits it) is
            # one column, its figure in either part; two cells naming one item
            # are a header not understood.
            earlier = read_at[key]
            if row.names[earlier] != name or (earlier in amounts and i in amounts):
                return None
            if i not in amounts:
                continue
        read[key], read_at[key] = _amount(row.cells, i, unit), i
    return read


def read_item_rows(
    rows: list[Row],
    groups: tuple[str, ...],
    unit: str,
    figures: Figures,
    problems: list[Problem],
) -> None:
    """Rows naming their items, their figures in budget/actual columns.

    Rows of figures beside the items (行政经费, 会议费 …) are not read, nor,
    when the table prints such rows, a bare 合计 (it counts them too); a
    "“三公”经费" row is the total.
    """
    named = [(r, item_of(r.label)) for r in rows]
    beside = any(item == OTHER and amount_indexes(r.cells) for r, item in named)
    for row, item in named:
        amounts = amount_indexes(row.cells)
        if item in (OTHER, PART) or not amounts and (item is None or row.names is None):
            continue  # printed beside the items, or a line without figures
        if item == "total" and beside and "三公" not in row.label:
            continue
        columns = _group_columns(row.cells, row.names, groups)
        if item not in ITEM_ORDER or item in figures.values or columns is None:
            # not an item, the same item twice, or figures in no known column
            problems.append(_not_understood(row.page, row.label, row.cells))
            continue
        for group, index in columns.items():
            figures.put(item, group, _amount(row.cells, index, unit), row.page)


def _group_columns(
    cells: list[str], names: list[Name] | None, groups: tuple[str, ...]
) -> dict[str, int] | None:
    """Which column holds each of ``groups`` in a table whose rows are the items."""
    amounts = amount_indexes(cells)
    if names is None:
        return dict(zip(groups, amounts, strict=True)) if len(amounts) == len(groups) else None
    values = [i for i, n in enumerate(names) if is_value(n) or i in amounts]
    values = [i for i in values if not names[i].numbering and not names[i].ignored]
    found: dict[str, int] = {}
    for group in groups:
        picked = [i for i in values if names[i].group == group]
        if not picked and len(groups) == 1:
            picked = [i for i in values if names[i].group is None]
        if len(picked) > 1:
            picked = [i for i in picked if names[i].item == "total"] or picked
        if len(picked) != 1:
            break
        found[group] = picked[0]
    if len(found) == len(groups):
        return found
    if len(values) == len(groups) and all(names[i].group is None for i in values):
        return dict(zip(groups, values, strict=True))  # unlabelled: budget, then actual
    return None


# ---------------------------------------------------------------- cells


def amount_indexes(cells: list[str]) -> list[int]:
    """Cells holding an amount; a year running into text ("2026" / "年度…") is not one."""
    found = []
    for i, cell in enumerate(cells):
        if not cell or not is_amount_token(cell):
            continue
        following = next((c for c in cells[i + 1 :] if c), "")
        if YEAR.fullmatch(cell) and following.startswith("年"):
            continue
        found.append(i)
    return found


def _amount(cells: list[str], index: int, unit: str) -> Decimal:
    """A cell's amount in yuan; a blank cell is zero."""
    cell = cells[index] if index < len(cells) else ""
    return to_yuan(parse_amount(cell), unit) if cell and is_amount_token(cell) else Decimal("0")


def row_label(cells: list[str], names: list[Name] | None) -> str:
    """A row's words outside its amounts and outside the item columns."""
    amounts = set(amount_indexes(cells))
    return "".join(
        c
        for i, c in enumerate(cells)
        if c and i not in amounts and (names is None or i >= len(names) or not names[i].item)
    )


def _not_understood(page: int, label: str, cells: list[str]) -> Problem:
    return table_problem(
        ProblemKind.ROW_NOT_UNDERSTOOD, "09", page, f"row {label or cells!r} not understood"
    )

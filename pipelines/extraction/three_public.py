"""Table 09: the "三公" costs, budget and actual.

One mechanism reads every form: each printed figure is named by the words
printed over its column and beside its row.

- A column is named by its header cells (a merged cell keeps the span of
  columns it covers, see ``_span_of``), narrowest first: the first cell that
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
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from decimal import Decimal

from pipelines.extraction.grid import Grid, GridRow, Line, build_grid, is_column_number_row
from pipelines.extraction.locate import LocatedTable, TableRegion
from pipelines.extraction.model import Column, ExtractedTable, TableRow
from pipelines.extraction.pages import PageLayout, Word
from pipelines.extraction.problems import Problem, ProblemKind, table_problem
from pipelines.extraction.text import ZERO_MARKS, is_amount_token, parse_amount, to_yuan

ITEM_ORDER = (
    "total",
    "overseas_travel",
    "vehicles",
    "vehicle_purchase",
    "vehicle_operation",
    "official_reception",
)
ITEM_LABELS = {
    "total": "合计",
    "overseas_travel": "因公出国(境)费",
    "vehicles": "公务用车购置及运行维护费",
    "vehicle_purchase": "公务用车购置费",
    "vehicle_operation": "公务用车运行维护费",
    "official_reception": "公务接待费",
}

PARTS_OF_TOTAL = ITEM_ORDER[1:]

# What a label names besides an item:
SUBTOTAL = "subtotal"  # 小计: the item of the cell over it
PART = "part"  # a part of an item, printed beside it (科研因公出国(境)费 within 因公出国(境)费)
OTHER = "other"  # a figure printed beside the "三公" items, not one of them

OTHER_WORDS = ("会议费", "培训费", "机关运行", "行政经费")
FUND_WORDS = ("一般公共预算", "政府性基金", "国有资本经营")
NOT_VALUE_WORDS = ("行次", "栏次", "序号", "编码")  # header of a numbering column
YEAR = re.compile(r"(?:19|20)\d\d")
YEAR_IN_HEADER = re.compile(r"((?:19|20)\d\d)年")
EMPTY_ROW_RULES = 2  # rules under the header: its own bottom and an empty row's bottom


def item_of(label: str) -> str | None:
    """What a printed label names: an item key, SUBTOTAL, PART, OTHER, or None."""
    if any(word in label for word in OTHER_WORDS):
        return OTHER
    if "出国" in label:
        return PART if "科研" in label else "overseas_travel"
    if "接待" in label:
        return "official_reception"
    if "购置" in label and "运行" in label:
        return "vehicles"
    if "购置" in label:
        return "vehicle_purchase"
    if "运行" in label:
        return "vehicle_operation"
    if "小计" in label:
        return SUBTOTAL
    if "合计" in label or "总计" in label or "三公" in label:
        return "total"
    return None


def group_of(label: str) -> str | None:
    """'budget' (预算数) or 'actual' (决算数); a fund's name (一般公共预算) says neither."""
    for fund in ("一般公共预算", "政府性基金预算", "国有资本经营预算"):
        label = label.replace(fund, "")
    if "决算" in label:
        return "actual"
    if "预算" in label:
        return "budget"
    return None


def period_of(label: str) -> str | None:
    """'current' for this year's figures, 'earlier' for carry-overs and last year's."""
    if "结转" in label or "结余" in label or "上年" in label:
        return "earlier"
    if "当年" in label or "本年" in label:
        return "current"
    return None


@dataclass(frozen=True)
class HeaderCell:
    text: str
    first: int  # the grid columns it spans
    last: int
    top: float

    @property
    def width(self) -> int:
        return self.last - self.first


@dataclass(frozen=True)
class Name:
    """What the header says of one grid column."""

    item: str | None = None  # an item key, or SUBTOTAL / PART / OTHER; None: no item named
    cell: HeaderCell | None = None  # the header cell that named the item
    group: str | None = None  # 'budget' / 'actual'
    period: str | None = None  # 'current' / 'earlier'
    year: int | None = None
    fund: bool = False  # a fund-source split (一般公共预算 …)
    numbering: bool = False  # 行次 / 栏次
    ignored: bool = False  # not a "三公" figure

    @property
    def names_item(self) -> bool:
        return self.item in ITEM_ORDER and not self.ignored


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


def parse_three_public(table: LocatedTable, unit: str, problems: list[Problem]) -> ExtractedTable:
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
                Row(r.page, _label(r.cells, names), r.cells, names)
                for r in rows
                if _amount_indexes(r.cells)
            ]
            if not any(_amount_indexes(r.cells) for r in rows) and _prints_empty_row(region, grid):
                set_rows.append(Row(region.page.number, "", [""] * len(names), names))
        else:
            item_rows += [Row(r.page, _label(r.cells, names), r.cells, names) for r in rows]
    _read_set_rows(set_rows, groups, unit, figures, problems)
    _read_item_rows(item_rows, groups, unit, figures, problems)
    rows = [
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
        rows=rows,
    )


# ---------------------------------------------------------------- naming columns


def column_names(grid: Grid, page: PageLayout, header: list[Line]) -> list[Name]:
    """Each grid column's name, from the header cells over it."""
    cells = header_cells(grid, page, header)
    stacks = [
        sorted((c for c in cells if c.first <= i <= c.last), key=lambda c: (c.width, -c.top))
        for i in range(len(grid.columns))
    ]
    names = [_name(stack) for stack in stacks]
    names = _bare_subtotals(names)
    names = _beside_three_public(names, cells)
    names = _this_year(names)
    return _fund_splits(names)


def header_cells(grid: Grid, page: PageLayout, header: list[Line]) -> list[HeaderCell]:
    """Header words joined into cells: words over the same columns, top to bottom.

    A narrow column's label stacked one character or word per line ("公务" /
    "用车" / "购置" / "费") spans the same column on every line, so it joins up.
    """
    by_span: dict[tuple[int, int], list[Word]] = {}
    for line in header:
        if is_column_number_row(line):
            continue
        for word in line.words:
            by_span.setdefault(_span_of(word, grid, page), []).append(word)
    return [
        HeaderCell(
            "".join(w.text for w in sorted(words, key=lambda w: (round(w.top), w.x0))),
            first,
            last,
            min(w.top for w in words),
        )
        for (first, last), words in by_span.items()
    ]


def _name(stack: list[HeaderCell]) -> Name:
    texts = [c.text for c in stack]
    years = [int(y) for t in texts for y in YEAR_IN_HEADER.findall(t)]
    item, cell = _item_of_stack(stack)
    return Name(
        item=item,
        cell=cell,
        group=next((g for g in map(group_of, texts) if g), None),
        period=next((p for p in map(period_of, texts) if p), None),
        year=max(years) if years else None,
        fund=any(any(f in t for f in FUND_WORDS) and "三公" not in t for t in texts),
        numbering=any(w in t for t in texts for w in NOT_VALUE_WORDS),
        ignored=item in (PART, OTHER),
    )


def _item_of_stack(stack: list[HeaderCell]) -> tuple[str | None, HeaderCell | None]:
    """The item of the narrowest cell that names one (小计 takes the one over it), and the cell."""
    for k, cell in enumerate(stack):
        named = item_of(cell.text)
        if named is None:
            continue
        wider = [n for n in (item_of(c.text) for c in stack[k + 1 :]) if n is not None]
        if named == SUBTOTAL:
            return next((n for n in wider if n != SUBTOTAL), SUBTOTAL), cell
        if named in ITEM_ORDER and named != "total" and named in wider:
            return PART, cell  # e.g. 因公出国(境)费 beside the 小计 of 因公出国(境)费
        return named, cell
    return None, None


def _bare_subtotals(names: list[Name]) -> list[Name]:
    """A 小计 under no item: the vehicles' unless they have one, else the "三公" total."""
    has_vehicles = any(n.item == "vehicles" for n in names)
    item = "total" if has_vehicles else "vehicles"
    return [replace(n, item=item) if n.item == SUBTOTAL else n for n in names]


def _beside_three_public(names: list[Name], cells: list[HeaderCell]) -> list[Name]:
    """The figures printed beside the "三公" ones, and the 合计 that also counts them.

    With a "“三公”经费" cell over the items' columns, a column outside it is not a
    "三公" figure (the 合计 beside it also counts 会议费 and 培训费). Without one,
    a bare 合计 beside 会议费/培训费 columns counts them too; a 合计 that says
    "三公" ("“三公”经费合计") does not.
    """
    groups = [
        c
        for c in cells
        if "三公" in c.text
        and item_of(c.text) == "total"
        and any(n.item in PARTS_OF_TOTAL for n in names[c.first : c.last + 1])
    ]
    if groups:
        return [
            replace(n, ignored=True)
            if n.item is not None and not any(c.first <= i <= c.last for c in groups)
            else n
            for i, n in enumerate(names)
        ]
    if not any(n.item == OTHER for n in names):
        return names
    return [
        replace(n, ignored=True)
        if n.item == "total" and n.cell is not None and "三公" not in n.cell.text
        else n
        for n in names
    ]


def _this_year(names: list[Name]) -> list[Name]:
    """Only this year's figures: not 上年结转, not last year's, not a 合计 over groupings."""
    years = {n.year for n in names if _is_value(n) and n.year}
    if len(years) > 1:
        names = [
            replace(n, period="current" if n.year == max(years) else "earlier") if n.year else n
            for n in names
        ]
    current = any(n.period == "current" and _is_value(n) for n in names)
    return [
        replace(n, ignored=True)
        if _is_value(n) and (n.period == "earlier" or current and n.period != "current")
        else n
        for n in names
    ]


def _fund_splits(names: list[Name]) -> list[Name]:
    """Fund-source columns beside their 合计 are splits of it, not further figures."""
    if not any(n.fund for n in names) or all(n.fund for n in names if _is_value(n)):
        return names
    return [replace(n, ignored=True) if n.fund else n for n in names]


def _is_value(name: Name) -> bool:
    return not name.numbering and (name.item is not None or name.group is not None or name.fund)


def _span_of(word: Word, grid: Grid, page: PageLayout) -> tuple[int, int]:
    """The columns a header word labels: those inside its ruled cell.

    In a ruled header the cell of a merged label is bounded by the nearest
    vertical rules crossing the label's line; an unruled header falls back
    to the fewest columns centred on the label.
    """
    crossing = sorted(
        r.position for r in page.vertical if r.start <= word.bottom - 1 and r.end >= word.top + 1
    )
    left = max((x for x in crossing if x <= word.x0 + 1), default=None)
    right = min((x for x in crossing if x >= word.x1 - 1), default=None)
    if left is not None and right is not None:
        inside = [i for i, c in enumerate(grid.columns) if left - 1 <= c.mid <= right + 1]
        if inside:
            return inside[0], inside[-1]
    return _centred_span(word, grid)


def _centred_span(word: Word, grid: Grid) -> tuple[int, int]:
    """The columns a centred header word labels: the fewest whose middle is the word's."""
    columns = grid.columns
    width = word.x1 - word.x0
    best: tuple[int, int] | None = None
    for first in range(len(columns)):
        for last in range(first, len(columns)):
            left, right = columns[first].x0, columns[last].x1
            if right - left + 1 >= width and abs((left + right) / 2 - word.x_mid) <= 4:
                if best is None or last - first < best[1] - best[0]:
                    best = (first, last)
                break
    if best is None:
        inside = [i for i, c in enumerate(columns) if c.x0 <= word.x_mid <= c.x1] or [0]
        best = (inside[0], inside[0])
    return best


# ---------------------------------------------------------------- reading rows


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


def _read_set_rows(
    rows: list[Row],
    groups: tuple[str, ...],
    unit: str,
    figures: Figures,
    problems: list[Problem],
) -> None:
    """Rows of figures under item columns: 预算数/决算数 rows, a by-unit 合计, or one row."""
    labelled = _this_years_rows([r for r in rows if _row_group(r.label)])
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
    row_group = _row_group(row.label)
    amounts = _amount_indexes(row.cells)
    read: dict[tuple[str, str], Decimal] = {}
    read_at: dict[tuple[str, str], int] = {}
    for i, name in enumerate(row.names):
        if not name.names_item:
            if i in amounts and _is_value(name) and not name.ignored:
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


def _read_item_rows(
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
    beside = any(item == OTHER and _amount_indexes(r.cells) for r, item in named)
    for row, item in named:
        amounts = _amount_indexes(row.cells)
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
    amounts = _amount_indexes(cells)
    if names is None:
        return dict(zip(groups, amounts, strict=True)) if len(amounts) == len(groups) else None
    values = [i for i, n in enumerate(names) if _is_value(n) or i in amounts]
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


def _amount_indexes(cells: list[str]) -> list[int]:
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


def _label(cells: list[str], names: list[Name] | None) -> str:
    """A row's words outside its amounts and outside the item columns."""
    amounts = set(_amount_indexes(cells))
    return "".join(
        c
        for i, c in enumerate(cells)
        if c and i not in amounts and (names is None or i >= len(names) or not names[i].item)
    )


def _row_group(label: str) -> str | None:
    """The group a row label names: '预算数', '2024年决算数', '本年预算' (not '…预算审核中心')."""
    if re.fullmatch(r"((19|20)\d\d年度?)?(年初|全年|本年|当年)?(预算|决算)(数|金额)?", label):
        return group_of(label)
    return None


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


def _not_understood(page: int, label: str, cells: list[str]) -> Problem:
    return table_problem(
        ProblemKind.ROW_NOT_UNDERSTOOD, "09", page, f"row {label or cells!r} not understood"
    )

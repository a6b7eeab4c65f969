"""Naming a "三公" table's columns from the header cells over them.

A column is named by its header cells (a merged cell keeps the span of
columns it covers, see :func:`_span_of`), narrowest first: the first cell
that names an item gives the item; 预算数 / 决算数 in any of its cells gives
budget or actual. The names are then corrected for what the header prints
beside the "三公" figures (see :func:`column_names`).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from pipelines.extraction.grid import Grid, Line, is_column_number_row
from pipelines.extraction.pages import PageLayout, Word
from pipelines.extraction.three_public_items import (
    FUND_WORDS,
    ITEM_ORDER,
    NOT_VALUE_WORDS,
    OTHER,
    PART,
    PARTS_OF_TOTAL,
    SUBTOTAL,
    YEAR_IN_HEADER,
    group_of,
    item_of,
    period_of,
)


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
    years = {n.year for n in names if is_value(n) and n.year}
    if len(years) > 1:
        names = [
            replace(n, period="current" if n.year == max(years) else "earlier") if n.year else n
            for n in names
        ]
    current = any(n.period == "current" and is_value(n) for n in names)
    return [
        replace(n, ignored=True)
        if is_value(n) and (n.period == "earlier" or current and n.period != "current")
        else n
        for n in names
    ]


def _fund_splits(names: list[Name]) -> list[Name]:
    """Fund-source columns beside their 合计 are splits of it, not further figures."""
    if not any(n.fund for n in names) or all(n.fund for n in names if is_value(n)):
        return names
    return [replace(n, ignored=True) if n.fund else n for n in names]


def is_value(name: Name) -> bool:
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

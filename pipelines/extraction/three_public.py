"""Table 09: the "三公" costs, budget and actual.

Forms met in the family:
- 12 columns in one row: 预算数 (合计, 出国, 车小计, 车购置, 车运行, 接待) then 决算数 (same);
- 6 columns, with one row labelled 预算数 and one labelled 决算数;
- one row per item, with 预算数 and 决算数 columns.
"""

from __future__ import annotations

from decimal import Decimal

from pipelines.extraction.grid import Grid, Line, build_grid
from pipelines.extraction.locate import LocatedTable
from pipelines.extraction.model import Column, ExtractedTable, TableRow
from pipelines.extraction.pages import PageLayout, Word
from pipelines.extraction.problems import Problem, ProblemKind, table_problem
from pipelines.extraction.text import is_amount_token, parse_amount, to_yuan

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


def item_of(label: str) -> str | None:
    """The cost item a printed label names."""
    if "机关运行" in label or "会议费" in label or "培训费" in label:
        return None  # printed beside the "三公" items in some tables
    if "出国" in label:
        return "overseas_travel"
    if "接待" in label:
        return "official_reception"
    if "购置" in label and "运行" in label:
        return "vehicles"
    if "购置" in label:
        return "vehicle_purchase"
    if "运行" in label:
        return "vehicle_operation"
    if "小计" in label:
        return "vehicles"
    if "合计" in label or "总计" in label:
        return "total"
    return None


def parse_three_public(table: LocatedTable, unit: str, problems: list[Problem]) -> ExtractedTable:
    # A budget's table has only budget figures: unlabelled columns are budget.
    budget_only = [c.key for c in table.spec.columns] == ["budget"]
    default_group = "budget" if budget_only else None
    values: dict[str, dict[str, Decimal]] = {item: {} for item in ITEM_ORDER}
    pages: dict[str, int] = {}
    for region in table.regions:
        grid = build_grid(region.page, region.header_lines, region.data_lines)
        for grid_row in grid.rows:
            amounts = [(i, c) for i, c in enumerate(grid_row.cells) if c and is_amount_token(c)]
            labels = "".join(c for c in grid_row.cells if c and not is_amount_token(c))
            if not amounts:
                continue
            read = _read_row(
                grid, region.page, region.header_lines, grid_row.cells, labels, unit, default_group
            )
            if read is None:
                problems.append(
                    table_problem(
                        ProblemKind.ROW_NOT_UNDERSTOOD,
                        "09",
                        grid_row.page,
                        f"row {labels or grid_row.cells!r} not understood",
                    )
                )
                continue
            for (item, column), amount in read.items():
                values[item][column] = amount
                pages.setdefault(item, grid_row.page)
    rows = [
        TableRow(
            item,
            ITEM_LABELS[item],
            pages.get(item, table.pages[0]),
            {"budget": v.get("budget", Decimal("0"))}
            if budget_only
            else {"budget": v.get("budget", Decimal("0")), "actual": v.get("actual", Decimal("0"))},
        )
        for item, v in values.items()
        if v
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


def _read_row(
    grid: Grid,
    page: PageLayout,
    header: list[Line],
    cells: list[str],
    labels: str,
    unit: str,
    default_group: str | None,
) -> dict[tuple[str, str], Decimal] | None:
    value_indexes = [
        i for i, c in enumerate(cells) if c and is_amount_token(c) or _is_value_column(grid, i)
    ]
    value_indexes = sorted(set(value_indexes))

    def amount(i: int) -> Decimal:
        cell = cells[i] if i < len(cells) else ""
        return to_yuan(parse_amount(cell), unit) if cell and is_amount_token(cell) else Decimal("0")

    # One row per item: the row label names the item.
    item = item_of(labels)
    if item is not None and labels not in ("预算数", "决算数"):
        budget_i, actual_i = _budget_actual_columns(grid, value_indexes)
        if budget_i is None or actual_i is None:
            return None
        return {(item, "budget"): amount(budget_i), (item, "actual"): amount(actual_i)}
    labelled = _labelled_columns(grid, page, header, value_indexes, default_group)
    if labelled is not None:
        return {key: amount(i) for key, i in labelled.items()}
    if len(value_indexes) == 12:
        return {
            (ITEM_ORDER[k % 6], "budget" if k < 6 else "actual"): amount(i)
            for k, i in enumerate(value_indexes)
        }
    if len(value_indexes) == 6 and ("预算" in labels or "决算" in labels):
        column = "budget" if "预算" in labels else "actual"
        return {(ITEM_ORDER[k], column): amount(i) for k, i in enumerate(value_indexes)}
    return None


def _is_value_column(grid: Grid, index: int) -> bool:
    if index >= len(grid.columns):
        return False
    label = grid.columns[index].label
    return bool(label) and item_of(label) is not None or label.isdigit()


def _budget_actual_columns(grid: Grid, indexes: list[int]) -> tuple[int | None, int | None]:
    budget = next((i for i in indexes if "预算" in grid.columns[i].label), None)
    actual = next((i for i in indexes if "决算" in grid.columns[i].label), None)
    if budget is None and actual is None and len(indexes) == 2:
        return indexes[0], indexes[1]
    return budget, actual


def _labelled_columns(
    grid: Grid,
    page: PageLayout,
    header: list[Line],
    indexes: list[int],
    default_group: str | None,
) -> dict[tuple[str, str], int] | None:
    """Each value column's item and budget/actual from the narrowest header over it."""
    over: dict[int, list[tuple[int, str]]] = {i: [] for i in range(len(grid.columns))}
    for line in header:
        for word in line.words:
            first, last = _span_of(word, grid, page)
            for i in range(first, last + 1):
                over[i].append((last - first, word.text))
    columns: dict[int, tuple[str, str]] = {}
    bare_subtotals: list[int] = []
    for index in indexes:
        labels = [text for _, text in sorted(over[index])]
        group = next((g for g in map(_group, labels) if g), default_group)
        if group is None:
            return None
        if labels and labels[0] == "小计":
            context = "".join(labels[1:])
            if "车" in context:
                columns[index] = ("vehicles", group)
            else:
                bare_subtotals.append(index)
                columns[index] = ("", group)
            continue
        item = next((i for i in map(item_of, labels) if i), None)
        if item is not None:  # else a column beside the items, e.g. 机关运行经费
            columns[index] = (item, group)
    # A bare 小计 is the vehicles' unless they have one; then it is the "三公"
    # subtotal, and the 合计 beside it also counts 会议费/培训费.
    for index in bare_subtotals:
        item = "total" if any(i == "vehicles" for i, _ in columns.values()) else "vehicles"
        if item == "total":
            columns = {k: v for k, v in columns.items() if v != ("total", columns[index][1])}
        columns[index] = (item, columns[index][1])
    found: dict[tuple[str, str], int] = {}
    for index, key in sorted(columns.items()):
        if key in found:
            return None
        found[key] = index
    return found if len(found) >= 2 else None


def _group(label: str) -> str | None:
    if "预算" in label:
        return "budget"
    if "决算" in label:
        return "actual"
    return None


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

"""Tables with rows by function code (02, 03, 05, 07, 08), or by unit.

Most tables list 类/款/项 function codes. Many budgets list their income (and
some their expenditure) by unit instead: 单位名称 (or 部门(单位)代码 and 名称)
then the same amount columns, one row per department and unit under a 合计.
Such rows are keyed ``unit:<code>`` (or ``unit:<name>`` where no code is
printed); they are checked by their own sums and never become function facts.
"""

from __future__ import annotations

import re
from decimal import Decimal

from pipelines.extraction.columns import carry_mapping, column_labels, map_value_columns
from pipelines.extraction.grid import Grid, GridRow, build_grid
from pipelines.extraction.locate import LocatedTable, holds_amounts
from pipelines.extraction.model import Column, ExtractedTable, TableRow
from pipelines.extraction.problems import Problem, ProblemKind, table_problem
from pipelines.extraction.text import is_amount_token, parse_amount, to_yuan, unbracket_code

LEADING_CODE = re.compile(r"^(\d{3}(?:\d{2}){0,2})(?!\d)(.*)$")
UNIT_CODE = re.compile(r"^(\d{3,9})[-－—\s]*(.*)$")  # '024001', '606-湖州市交通运输局'
UNIT_HEADER_WORDS = ("单位", "部门")
UNIT_KEY_PREFIX = "unit:"
ITEM_KEY_PREFIX = "item:"  # rows listed by source or item, without codes
TOTAL_LABELS = ("合计", "总计")
CODE_PARTS = re.compile(r"^\d{2,3}$")


def parse_function_table(table: LocatedTable, unit: str, problems: list[Problem]) -> ExtractedTable:
    rows: list[TableRow] = []
    labels: dict[str, str] = {}
    previous: tuple[Grid, dict[int, object]] | None = None
    by_unit = by_item = False
    unlabelled: list[TableRow] = []  # rows with amounts but no code or label
    for region in table.regions:
        grid = build_grid(
            region.page, region.header_lines, region.data_lines, previous=previous and previous[0]
        )
        roles: dict[int, object] = dict(map_value_columns(grid, table.spec.columns))
        if not roles and previous is not None:
            roles = carry_mapping(previous[0], previous[1], grid)
        elif roles:
            labels.update(
                column_labels(grid, {i: k for i, k in roles.items() if isinstance(k, str)})
            )
        if not roles:
            if holds_amounts(region):
                problems.append(
                    table_problem(
                        ProblemKind.PAGE_NOT_READ,
                        table.spec.table_code,
                        region.page.number,
                        "no value columns recognised",
                    )
                )
            continue
        if previous is None or region.header_lines:
            previous = (grid, roles)  # pages without a header go by the last page with one
        first_value = min(roles)
        if region.header_lines:
            by_unit = _lists_units(grid, first_value)
            by_item = _lists_items(grid, first_value)
        for grid_row in grid.rows:
            row = _parse_row(grid_row, roles, first_value, unit, table.spec.table_code, problems)
            if by_item:
                row = _item_row(row, grid_row, first_value, rows)
            elif row is not None and by_unit:
                row = _unit_row(row, grid_row, first_value)
            if row is None:
                continue
            if row.row_key == "":
                if row.values:
                    unlabelled.append(row)
                elif rows:
                    rows[-1].row_label += row.row_label  # the wrapped end of a long name
                continue
            rows.append(row)
    _number_repeated_units(rows)
    if not rows and len(unlabelled) == 1:
        # a table of one row and no label (合计 | 基本支出 | 项目支出 …) prints its total
        rows = [TableRow("total", "合计", unlabelled[0].page, unlabelled[0].values)]
    else:
        for row in unlabelled:
            problems.append(
                table_problem(
                    ProblemKind.UNCODED_AMOUNTS,
                    table.spec.table_code,
                    row.page,
                    f"amounts in a row without a function code ({row.row_label!r})",
                )
            )
    keys = [spec.key for spec in table.spec.columns if spec.key in labels]
    for row in rows:
        for key in keys:
            row.values.setdefault(key, Decimal("0"))
    return ExtractedTable(
        table_code=table.spec.table_code,
        title=table.title,
        printed_number=table.printed_number,
        unit=unit,
        pages=table.pages,
        columns=[Column(key, labels[key]) for key in keys],
        rows=rows,
    )


def _lists_units(grid: Grid, first_value: int) -> bool:
    """Whether the label columns' header names units (单位名称, 部门(单位)代码) rather than codes."""
    labels = [column.label for column in grid.columns[:first_value]]
    return any(word in label for label in labels for word in UNIT_HEADER_WORDS) and not any(
        "科目" in label or "功能" in label for label in labels
    )


def _unit_row(row: TableRow, grid_row: GridRow, first_value: int) -> TableRow:
    """The row of a by-unit table, keyed by the unit's code (or name); 合计 stays 'total'."""
    if row.row_key == "total":
        return row
    label = "".join(c for c in grid_row.cells[:first_value] if c)
    match = UNIT_CODE.match(label)
    code, name = (match.group(1), match.group(2)) if match else ("", label)
    if not (code or name):
        return row
    return TableRow(UNIT_KEY_PREFIX + (code or name), name or code, row.page, row.values)


def _lists_items(grid: Grid, first_value: int) -> bool:
    """A table listed by item (项目名称), not by code or unit: income by source."""
    labels = "".join(column.label for column in grid.columns[:first_value])
    return "项目" in labels and not any(
        word in labels for word in ("科目", "编码", "代码", *UNIT_HEADER_WORDS)
    )


def _item_row(
    row: TableRow | None, grid_row: GridRow, first_value: int, rows: list[TableRow]
) -> TableRow | None:
    """A row of a table listed by item: every named row is one (a blank cell is zero)."""
    label = "".join(c for c in grid_row.cells[:first_value] if c)
    if not label:
        return row
    values = row.values if row is not None else {}
    if label.endswith(TOTAL_LABELS) and not any(r.row_key == "total" for r in rows):
        return TableRow("total", label, grid_row.page, values)
    return TableRow(ITEM_KEY_PREFIX + label, label, grid_row.page, values)


def _number_repeated_units(rows: list[TableRow]) -> None:
    """A name printed twice (a department and its own unit, 小计 …) keeps its rows apart."""
    seen: dict[str, int] = {}
    for row in rows:
        if row.row_key.startswith((UNIT_KEY_PREFIX, ITEM_KEY_PREFIX)):
            seen[row.row_key] = seen.get(row.row_key, 0) + 1
            if seen[row.row_key] > 1:
                row.row_key = f"{row.row_key}#{seen[row.row_key]}"


def is_unit_key(row_key: str) -> bool:
    return row_key.startswith(UNIT_KEY_PREFIX)


def is_item_key(row_key: str) -> bool:
    return row_key.startswith(ITEM_KEY_PREFIX)


def _parse_row(
    grid_row: GridRow,
    roles: dict[int, object],
    first_value: int,
    unit: str,
    table_code: str,
    problems: list[Problem],
) -> TableRow | None:
    label_cells = [c for i, c in enumerate(grid_row.cells) if i < first_value and c]
    code, name = _code_and_name(label_cells)
    values: dict[str, Decimal] = {}
    for index, key in roles.items():
        if not isinstance(key, str) or index >= len(grid_row.cells):
            continue
        cell = grid_row.cells[index]
        if not cell:
            continue
        if not is_amount_token(cell):
            problems.append(
                table_problem(
                    ProblemKind.UNREADABLE_AMOUNT,
                    table_code,
                    grid_row.page,
                    f"unreadable amount {cell!r} in column {key}",
                )
            )
            continue
        values[key] = to_yuan(parse_amount(cell), unit)
    if code is None:
        if any(name.startswith(t) or name.endswith(t) for t in TOTAL_LABELS) and len(name) <= 6:
            return TableRow("total", name, grid_row.page, values)
        if not name and not values:
            return None
        return TableRow("", name, grid_row.page, values)  # wrapped name, or unreadable
    return TableRow(code, name, grid_row.page, values)


def _code_and_name(cells: list[str]) -> tuple[str | None, str]:
    """The full function code (joining 类 | 款 | 项 columns) and the name."""
    parts: list[str] = []
    names: list[str] = []
    for cell in map(unbracket_code, cells):
        if CODE_PARTS.match(cell) and not names:
            parts.append(cell)
            continue
        if parts and not names and cell.isdigit() and len(cell) == 1:
            parts.append(cell.zfill(2))  # a 款 or 项 part '02' printed by a spreadsheet as '2'
            continue
        match = LEADING_CODE.match(cell)
        if match and not parts and not names:
            parts.append(match.group(1))
            if match.group(2):
                names.append(match.group(2))
            continue
        names.append(cell)
    code = "".join(parts) or None
    if code is not None and len(code) not in (3, 5, 7):
        return None, "".join(parts + names)
    return code, "".join(names)

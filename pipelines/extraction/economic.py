"""Table 06: basic expenditure by economic code, in two or three side-by-side panels.

Each panel is 编码 | 科目名称 | 决算数. The footer prints 人员经费合计 and
公用经费合计, each followed by its amount.
"""

from __future__ import annotations

import re
from decimal import Decimal

from pipelines.extraction.columns import carry_mapping
from pipelines.extraction.grid import Grid, build_grid
from pipelines.extraction.locate import LocatedTable, holds_amounts
from pipelines.extraction.model import Column, ExtractedTable, TableRow
from pipelines.extraction.problems import Problem, ProblemKind, table_problem
from pipelines.extraction.text import is_amount_token, parse_amount, to_yuan, unbracket_code

ECONOMIC_CODE = re.compile(r"^(\d{3}|\d{5})$")
LEADING_ECONOMIC_CODE = re.compile(r"^(\d{5}|\d{3})(?!\d)(.+)$")
FOOTERS = {"人员经费合计": "personnel_total", "公用经费合计": "public_total"}
TOTAL_LABELS = ("合计", "总计")
AMOUNT_WORDS = ("决算数", "金额", "预算数", "决算", "合计")


def parse_economic_table(table: LocatedTable, unit: str, problems: list[Problem]) -> ExtractedTable:
    rows: list[TableRow] = []
    amount_label = "决算数"
    previous: tuple[Grid, dict[int, object]] | None = None
    for region in table.regions:
        grid = build_grid(region.page, region.header_lines, region.data_lines)
        if not region.header_lines and previous is not None:
            panels = carry_mapping(previous[0], previous[1], grid)
        else:
            panels = _panels(grid)
        if not panels:
            if not holds_amounts(region):
                continue  # a page of empty cells lost nothing
            problems.append(
                table_problem(
                    ProblemKind.PAGE_NOT_READ,
                    "06",
                    region.page.number,
                    "economic-code panels not recognised",
                )
            )
            continue
        if previous is None or region.header_lines:
            previous = (grid, panels)  # pages without a header go by the last page with one
        amount_label = next(
            (
                grid.columns[i].label
                for i, r in panels.items()
                if r == "amount" and grid.columns[i].label
            ),
            amount_label,
        )
        for grid_row in grid.rows:
            rows.extend(_footers(grid_row.cells, grid_row.page, unit))
            total = _total_row(grid_row.cells, grid_row.page, panels, unit)
            if total is not None:
                rows.append(total)
            for code_index in sorted(i for i, r in panels.items() if r == "code"):
                row = _panel_row(grid_row.cells, grid_row.page, code_index, panels, unit, problems)
                if row is not None:
                    rows.append(row)
    rows.sort(key=lambda r: (not r.row_key.isdigit(), r.row_key))
    return ExtractedTable(
        table_code="06",
        title=table.title,
        printed_number=table.printed_number,
        unit=unit,
        pages=table.pages,
        columns=[Column("amount", amount_label)],
        rows=rows,
    )


def _panels(grid: Grid) -> dict[int, object]:
    """Column roles: 'code', 'name', 'amount', repeated once per panel."""
    roles: dict[int, object] = {}
    for index, column in enumerate(grid.columns):
        label = column.label
        if label.endswith("款") and roles.get(index - 1) == "code":
            roles[index] = "code_part"  # codes split into 类 | 款 columns (under 编码)
        elif "编码" in label or label.endswith(("科目", "代码")) or label in ("经济分类", "类"):
            roles[index] = "code"
        elif "名称" in label:
            roles[index] = "name"
        elif (any(k in label for k in AMOUNT_WORDS) or label == "预算") and (
            "amount" not in [roles.get(i) for i in range(index - 2, index)]
        ):
            roles[index] = "amount"  # the first amount column of a panel
    if "code" not in roles.values():
        # No header: a column whose cells are mostly economic codes starts a panel.
        for index in range(len(grid.columns)):
            cells = [r.cells[index] for r in grid.rows if r.cells[index]]
            if cells and sum(bool(ECONOMIC_CODE.match(c)) for c in cells) > len(cells) / 2:
                roles[index] = "code"
                if index + 1 < len(grid.columns):
                    roles[index + 1] = "name"
                if index + 2 < len(grid.columns):
                    roles[index + 2] = "amount"
    return roles


def _panel_row(
    cells: list[str],
    page: int,
    code_index: int,
    roles: dict[int, object],
    unit: str,
    problems: list[Problem],
) -> TableRow | None:
    code_cell = unbracket_code(cells[code_index]) if code_index < len(cells) else ""
    name = ""
    match = LEADING_ECONOMIC_CODE.match(code_cell)
    if match:
        code_cell, name = match.group(1), match.group(2)
    if not ECONOMIC_CODE.match(code_cell):
        return None
    amount = Decimal("0")
    for index in range(code_index + 1, len(cells)):
        role = roles.get(index)
        if role == "code":
            break
        if role == "code_part" and re.fullmatch(r"\d{1,2}", cells[index]):
            code_cell += cells[index].zfill(2)  # a spreadsheet drops the 0 of '02'

        elif role == "name":
            name += cells[index]
        elif role == "amount":
            cell = cells[index]
            if cell and is_amount_token(cell):
                amount = to_yuan(parse_amount(cell), unit)
            elif cell:
                problems.append(
                    table_problem(
                        ProblemKind.UNREADABLE_AMOUNT,
                        "06",
                        page,
                        f"unreadable amount {cell!r} for {code_cell}",
                    )
                )
            break
    return TableRow(code_cell, name, page, {"amount": amount})


def _footers(cells: list[str], page: int, unit: str) -> list[TableRow]:
    found = []
    for index, cell in enumerate(cells):
        for label, key in FOOTERS.items():
            if label in cell:
                rest = cell.split(label, 1)[1]
                following = [rest] if rest else []
                following += [c for c in cells[index + 1 :] if c]
                amount = next((c for c in following if is_amount_token(c)), "0")
                found.append(
                    TableRow(key, label, page, {"amount": to_yuan(parse_amount(amount), unit)})
                )
    return found


def _total_row(cells: list[str], page: int, roles: dict[int, object], unit: str) -> TableRow | None:
    """A single-panel table's 合计 row (budgets print one above the codes)."""
    codes = [i for i, r in roles.items() if r == "code"]
    amounts = [i for i, r in roles.items() if r == "amount"]
    if len(codes) != 1 or not amounts:
        return None
    labels = [c for i, c in enumerate(cells) if i < amounts[0] and c]
    if not labels or labels[0] not in TOTAL_LABELS:
        return None
    cell = cells[amounts[0]] if amounts[0] < len(cells) else ""
    amount = to_yuan(parse_amount(cell), unit) if cell and is_amount_token(cell) else Decimal("0")
    return TableRow("total", labels[0], page, {"amount": amount})

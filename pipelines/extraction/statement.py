"""The two-sided summary statements: 01 收入支出决算总表 and 04 财政拨款收入支出决算总表.

Columns left to right: income 项目 | 行次 | amount, then expenditure 项目 | 行次 |
amount(s). The second 项目 column starts the expenditure side. Table 04's
expenditure side has one column per fund type under a spanning 决算数.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from pipelines.extraction.catalogue import ColumnSpec
from pipelines.extraction.columns import carry_mapping
from pipelines.extraction.grid import Grid, build_grid
from pipelines.extraction.locate import LocatedTable, holds_amounts
from pipelines.extraction.model import Column, ExtractedTable, TableRow
from pipelines.extraction.problems import Problem, ProblemKind, table_problem
from pipelines.extraction.text import is_amount_token, parse_amount, to_yuan


@dataclass(frozen=True)
class Role:
    side: str  # 'income' / 'expenditure'
    kind: str  # 'label' / 'line_no' / 'value'
    key: str = ""
    group: str = ""  # a second block of lines on one side, e.g. '支出用途'


def parse_statement(table: LocatedTable, unit: str, problems: list[Problem]) -> ExtractedTable:
    rows: list[TableRow] = []
    labels: dict[str, str] = {}
    previous: tuple[Grid, dict[int, object]] | None = None
    for region in table.regions:
        grid = build_grid(region.page, region.header_lines, region.data_lines, merge_wrapped=False)
        roles = _roles(grid, table.spec.columns) if region.header_lines else {}
        if not roles and previous is not None:
            roles = carry_mapping(previous[0], previous[1], grid)
        if not any(isinstance(r, Role) and r.kind == "value" for r in roles.values()):
            if not holds_amounts(region):
                continue  # a page of empty cells lost nothing
            problems.append(
                table_problem(
                    ProblemKind.PAGE_NOT_READ,
                    table.spec.table_code,
                    region.page.number,
                    "statement columns not recognised",
                )
            )
            continue
        if previous is None or region.header_lines:
            previous = (grid, roles)  # pages without a header go by the last page with one
        for index, role in roles.items():
            if isinstance(role, Role) and role.kind == "value":
                labels.setdefault(role.key, grid.columns[index].label or role.key)
        blocks = list(
            dict.fromkeys((r.side, r.group) for r in roles.values() if isinstance(r, Role))
        )
        for number, grid_row in enumerate(grid.rows):
            side_rows = [
                _side_row(grid_row.cells, grid_row.page, roles, block, unit, table, problems)
                for block in blocks
            ]
            line = [r for r in side_rows if r is not None]
            if number == 0 and region is not table.regions[0]:
                line = [r for r in line if not _continues_label(r, rows)]
            rows.extend(_merge_spanning_labels(line))
    _qualify_repeated_labels(rows)
    keys = list(dict.fromkeys(labels))
    return ExtractedTable(
        table_code=table.spec.table_code,
        title=table.title,
        printed_number=table.printed_number,
        unit=unit,
        pages=table.pages,
        columns=[Column(k, labels[k]) for k in keys],
        rows=rows,
    )


_NEW_LINE_WORDS = ("结转", "结余", "合计", "总计", "年初", "年末")


def _continues_label(row: TableRow, rows: list[TableRow]) -> bool:
    """A label wrapped over a page break ('八、社会保障和就' / '业支出'): joined to its line.

    It is the first row of the page, has no amount, is not numbered and is not
    a carry-over or total line; the line it ends is the last of its side, with
    its amount on the page before.
    """
    if not row.row_label or any(row.values.values()) or ENUMERATED.match(row.row_label):
        return False
    if re.match(r"^[（(]?\d", row.row_label) or any(w in row.row_label for w in _NEW_LINE_WORDS):
        return False
    before = next((r for r in reversed(rows) if r.side == row.side and r.row_label), None)
    if before is None or not any(before.values.values()):
        return False
    before.row_label += row.row_label
    before.row_key += row.row_label
    return True


def _merge_spanning_labels(line: list[TableRow]) -> list[TableRow]:
    """Amounts without a label of their block belong to the block whose label spans them.

    '当年支出小计' printed across both expenditure blocks of a three-sided
    statement carries its amount in the last block's column.
    """
    kept: list[TableRow] = []
    for row in line:
        if row.row_label:
            kept.append(row)
            continue
        owner = next(
            (r for r in reversed(kept) if r.side == row.side and not any(r.values.values())), None
        )
        if owner is not None:
            owner.values = {**owner.values, **row.values}
    return kept


def _roles(grid: Grid, specs: tuple[ColumnSpec, ...]) -> dict[int, object]:
    roles: dict[int, object] = {}
    side, group = "income", ""
    seen_value = False
    for index, column in enumerate(grid.columns):
        label = column.label
        if _names_lines(label) or (not label and not seen_value and index == 0):
            if seen_value and side == "expenditure":
                # a third block: expenditure again, by another breakdown
                group = _group_name(label) or f"block{index}"
            elif seen_value:
                side = "expenditure"
            roles[index] = Role(side, "label", group=group)
        elif "行次" in label:
            roles[index] = Role(side, "line_no", group=group)
        elif label:
            key = _value_key(label, side, specs)
            if any(
                isinstance(r, Role) and (r.side, r.group, r.key) == (side, group, key)
                for r in roles.values()
            ):
                # a split of the line's amount ('本年预算 | 编制预算 | 上年结转'): the
                # first column is the line's own amount, the others its parts
                continue
            roles[index] = Role(side, "value", key, group)
            seen_value = True
    return roles


def _names_lines(label: str) -> bool:
    """A column of line labels ('收入项目', '功能科目名称'), not of amounts ('…项目支出')."""
    return label.endswith(("项目", "名称", "科目")) or "项目名称" in label


def _group_name(label: str) -> str:
    """'支出用途项目名称' → '支出用途': the grouping a further block of lines is by.

    The side's own header ('支出' over all of its columns) may stand before it.
    """
    label = re.sub(r"^(?:收入|支出)(?=收入|支出)", "", label)
    for word in ("收入", "项目名称", "科目名称", "名称", "项目"):
        label = label.replace(word, "")
    return label


def _value_key(label: str, side: str, specs: tuple[ColumnSpec, ...]) -> str:
    if len(specs) == 1 or side == "income":
        return specs[0].key
    best = ("", "amount")
    for spec in specs[1:]:
        for keyword in spec.header_keywords:
            if keyword in label and len(keyword) > len(best[0]):
                best = (keyword, spec.key)
    return best[1] if best[0] else "total"


def _side_row(
    cells: list[str],
    page: int,
    roles: dict[int, object],
    block: tuple[str, str],
    unit: str,
    table: LocatedTable,
    problems: list[Problem],
) -> TableRow | None:
    side, group = block
    label = ""
    line_no: int | None = None
    values: dict[str, Decimal] = {}
    for index, role in roles.items():
        if not isinstance(role, Role) or (role.side, role.group) != block or index >= len(cells):
            continue
        cell = cells[index]
        if role.kind == "label":
            label += cell
        elif role.kind == "line_no":
            line_no = int(cell) if cell.isdigit() else None
        elif role.kind == "value":
            if not cell:
                values[role.key] = Decimal("0")
            elif is_amount_token(cell):
                values[role.key] = to_yuan(parse_amount(cell), unit)
            elif not label:
                label = cell  # a label cell merged across the side's columns
            else:
                problems.append(
                    table_problem(
                        ProblemKind.UNREADABLE_AMOUNT,
                        table.spec.table_code,
                        page,
                        f"unreadable amount {cell!r} ({label})",
                    )
                )
    if label in ("项目", "收入", "支出"):
        return None
    if not label:
        return TableRow("", "", page, values, side=side) if any(values.values()) else None
    key = f"{group}/{label}" if group else label
    return TableRow(key, label, page, values, side=side, line_no=line_no)


ENUMERATED = re.compile(r"^[一二三四五六七八九十]+、")


def _qualify_repeated_labels(rows: list[TableRow]) -> None:
    """A label printed twice on one side is a sub-line: key it under its heading.

    Table 04 lists 一、一般公共预算财政拨款 … as income lines and again under
    年初财政拨款结转和结余; the second set becomes
    '年初财政拨款结转和结余/一、一般公共预算财政拨款'; a budget's unnumbered
    一般公共预算 under 上年结转结余 likewise. (An unnumbered name printed twice
    elsewhere is a 款 and a 项 of the same name, listed by indentation.)
    """
    for side in ("income", "expenditure"):
        seen: set[str] = set()
        heading = ""
        for row in rows:
            if row.side != side:
                continue
            numbered = bool(ENUMERATED.match(row.row_key))
            under_carryover = "结转" in heading or "结余" in heading
            if row.row_key in seen and heading and (numbered or under_carryover):
                row.row_key = f"{heading}/{row.row_key}"
            elif row.row_key in seen:
                row.row_key = _next_free(row.row_key, seen)  # '其他卫生健康支出#2'
            elif not numbered:
                heading = row.row_key
            seen.add(row.row_key)


def _next_free(key: str, seen: set[str]) -> str:
    number = 2
    while f"{key}#{number}" in seen:
        number += 1
    return f"{key}#{number}"

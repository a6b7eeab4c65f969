"""Turn a ``FinalAccount`` into printed tables (``TableBlock``) with their expected records.

Each builder draws one national table shape and, row by row, attaches the
``TableRow`` records a correct extractor should produce from that printed row.
Pages are filled in after layout.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from decimal import Decimal

from pipelines.extraction.catalogue import SPEC_BY_CODE, THREE_PUBLIC_ITEMS
from pipelines.extraction.model import Column, ExtractedTable, TableRow
from tools.samples.accounts import (
    ZERO,
    EconomicLine,
    FinalAccount,
    FunctionLine,
    StatementLine,
    ThreePublic,
)
from tools.samples.blocks import Cell, Grid, GridRow, TableBlock
from tools.samples.passages import prose
from tools.samples.style import TableStyle, normalise

# (key, printed header) per value column; a header group is (group, [(key, leaf), ...]).
HeaderSpec = list[tuple[str, str] | tuple[str, list[tuple[str, str]]]]

FUNCTION_HEADERS: dict[str, HeaderSpec] = {
    "02": [
        ("total", "本年收入\n合计"),
        ("fiscal_appropriation", "财政拨款\n收入"),
        ("superior_subsidy", "上级\n补助\n收入"),
        ("business_income", "事业\n收入"),
        ("operating_income", "经营\n收入"),
        ("affiliated_remittance", "附属单位\n上缴收入"),
        ("other_income", "其他\n收入"),
    ],
    "03": [
        ("total", "本年支出合计"),
        ("basic", "基本支出"),
        ("project", "项目支出"),
        ("remit_to_higher", "上缴上级\n支出"),
        ("business", "经营支出"),
        ("subsidy_to_affiliates", "对附属单位\n补助支出"),
    ],
    "05": [("本年支出", [("total", "小计"), ("basic", "基本支出"), ("project", "项目支出")])],
    "07": [
        ("carryover_begin", "年初结转和\n结余"),
        ("income", "本年收入"),
        ("本年支出", [("total", "小计"), ("basic", "基本支出"), ("project", "项目支出")]),
        ("carryover_end", "年末结转和\n结余"),
    ],
    "08": [("本年支出", [("total", "合计"), ("basic", "基本支出"), ("project", "项目支出")])],
}

OLD_WORDING = {"使用非财政拨款结余（含专用结余）": "用事业基金弥补收支差额"}

THREE_PUBLIC_LABELS = {
    "total": "合计",
    "overseas_travel": "因公出国（境）费",
    "vehicles": "公务用车购置及运行维护费",
    "vehicle_purchase": "公务用车购置费",
    "vehicle_operation": "公务用车运行维护费",
    "official_reception": "公务接待费",
}


def table_notes(code: str) -> list[str]:
    """The notes printed under a national table (prose/final_account.toml)."""
    return list(prose("final_account")["table_notes"][code])


@dataclass(frozen=True)
class TableContext:
    """What every table of one document shares: its name, year, style."""

    department: str
    fiscal_year: int
    style: TableStyle

    def title(self, code: str) -> str:
        """The national title the extraction catalogue knows the table by, with the year if printed."""
        prefix = f"{self.fiscal_year}年度" if self.style.year_in_title else ""
        return prefix + SPEC_BY_CODE[code].canonical_title

    def block(
        self,
        code: str,
        position: int,
        grid: Grid,
        columns: list[Column],
        rows: list[TableRow],
        *,
        notes: list[str] | None = None,
        is_empty: bool = False,
        landscape: bool = False,
        break_before: set[int] | None = None,
        repeat_header: bool | None = None,
    ) -> TableBlock:
        return standard_block(
            code,
            self.title(code),
            position,
            self.department,
            self.style,
            grid,
            columns,
            rows,
            notes=table_notes(code) if notes is None else notes,
            is_empty=is_empty,
            landscape=landscape,
            repeat_header=repeat_header,
            break_before=break_before,
        )


def standard_block(
    code: str,
    title: str,
    position: int,
    department: str,
    style: TableStyle,
    grid: Grid,
    columns: list[Column],
    rows: list[TableRow],
    *,
    notes: list[str],
    is_empty: bool = False,
    landscape: bool = False,
    repeat_header: bool | None = None,
    break_before: set[int] | None = None,
    number_above: bool = False,
    unit: str | None = None,
) -> TableBlock:
    """A national table as printed, with the record a correct extractor should produce from it.

    ``position`` is where the document prints it (its printed number); ``unit``
    and ``repeat_header`` default to the style's.
    """
    printed = style.printed_number(position)
    unit = unit or style.unit
    expected = ExtractedTable(
        table_code=code,
        title=normalise(title),
        printed_number=printed,
        unit=unit,
        pages=[],
        columns=columns,
        rows=rows,
        is_empty=is_empty,
        note=normalise("".join(notes)),
    )
    return TableBlock(
        title=title,
        grid=grid,
        printed_number=printed,
        department_line=f"{style.scope_label}：{department}",
        unit_line=f"单位：{unit}",
        notes=notes,
        expected=expected,
        landscape=landscape,
        repeat_header=style.repeat_header if repeat_header is None else repeat_header,
        break_before=break_before or set(),
        number_above=number_above,
    )


def in_print_order(
    order: tuple[str, ...],
    builders: Mapping[str, Callable[[int], TableBlock]],
    function: Callable[[str, int], TableBlock],
) -> list[TableBlock]:
    """One table per code in ``order``, numbered by position from 1.

    ``builders`` draw the tables of their own shape (statements, 06, 09); ``function`` draws
    the tables by function code.
    """
    return [
        builders[code](position) if code in builders else function(code, position)
        for position, code in enumerate(order, start=1)
    ]


def _flatten(spec: HeaderSpec) -> list[tuple[str, str]]:
    """(key, flattened label) per value column, group and leaf joined."""
    out: list[tuple[str, str]] = []
    for key, header in spec:
        if isinstance(header, list):
            out.extend((leaf_key, normalise(key + leaf)) for leaf_key, leaf in header)
        else:
            out.append((key, normalise(header)))
    return out


def _value_headers(spec: HeaderSpec, first_col: int, rows: int) -> list[list[Cell]]:
    """Header cells for the value columns over ``rows`` header rows (groups take one row)."""
    header: list[list[Cell]] = [[] for _ in range(rows)]
    col = first_col
    for key, text in spec:
        if isinstance(text, list):
            header[0].append(Cell(key, col, colspan=len(text)))
            for _leaf_key, leaf in text:
                header[1].append(Cell(leaf, col, rowspan=rows - 1))
                col += 1
        else:
            header[0].append(Cell(text, col, rowspan=rows))
            col += 1
    return header


def function_table(
    ctx: TableContext,
    code: str,
    position: int,
    lines: list[FunctionLine],
    *,
    break_before_codes: tuple[str, ...] = (),
    empty_notes: list[str] | None = None,
    declared_no_data: bool = False,
) -> TableBlock:
    """Tables 02, 03, 05, 07, 08: rows by function code; ``lines`` [] prints an empty table."""
    style = ctx.style
    spec = FUNCTION_HEADERS[code]
    flat = _flatten(spec)
    code_cols = 3 if style.split_codes else 1
    name_col = code_cols
    first_value = code_cols + 1
    ncols = first_value + len(flat)
    weights = ([0.9] * 3 if style.split_codes else [2.3]) + [5.0] + [2.9] * len(flat)
    values_header = _value_headers(spec, first_value, 3)
    header: list[list[Cell]] = [
        [Cell("项目", 0, colspan=code_cols + 1)] + values_header[0],
        [
            Cell("科目编码" if style.old_wording else "功能分类科目编码", 0, colspan=code_cols),
            Cell("科目名称", name_col, rowspan=2),
        ]
        + values_header[1],
        (
            [Cell("类", 0), Cell("款", 1), Cell("项", 2)]
            if style.split_codes
            else [Cell("类 款 项", 0)]
        )
        + values_header[2],
        [Cell("栏次", 0, colspan=code_cols + 1)]
        + [Cell(str(i + 1), first_value + i) for i in range(len(flat))],
    ]
    body, records, ordered = function_rows(
        style, lines, [key for key, _ in flat], style.split_codes
    )
    is_empty = not lines
    if is_empty and not declared_no_data:
        blanks = [Cell("", first_value + i) for i in range(len(flat))]
        body.append(GridRow([Cell("合计", 0, colspan=code_cols + 1)] + blanks))
        body.append(GridRow([Cell("", c) for c in range(ncols)]))
    elif is_empty:
        body.append(GridRow([Cell("本表无数据", 0, colspan=ncols)]))
    breaks = {i for i, line in enumerate(ordered) if line.code in break_before_codes}
    notes = table_notes(code) + (empty_notes or [])
    return ctx.block(
        code,
        position,
        Grid(weights, header, body, font_size=8),
        [Column(key, label) for key, label in flat],
        records,
        notes=notes,
        is_empty=is_empty,
        break_before=breaks,
    )


def function_rows(
    style: TableStyle, lines: list[FunctionLine], keys: list[str], split: bool
) -> tuple[list[GridRow], list[TableRow], list[FunctionLine]]:
    """Body rows of a function table and their records, and ``lines`` in print order.

    A 合计 row spans the code and name columns; 项 names are indented; ``split``
    prints the code in three columns (类 | 款 | 项), the values follow the name.
    """
    code_cols = 3 if split else 1
    ordered = lines[1:] + lines[:1] if lines and style.total_at_bottom else lines
    body: list[GridRow] = []
    records: list[TableRow] = []
    for line in ordered:
        values = {key: line.get(key) for key in keys}
        amounts = [
            Cell(style.amount(values[key]), code_cols + 1 + i, align="right")
            for i, key in enumerate(keys)
        ]
        if line.code == "total":
            cells = [Cell("合计", 0, colspan=code_cols + 1)]
            label = "合计"
        else:
            cells = _code_cells(line.code, split)
            indent = "  " if line.level == 3 else ""
            cells.append(Cell(indent + line.name, code_cols, align="left"))
            label = line.name
        record = TableRow(line.code, normalise(label), 0, values)
        body.append(GridRow(cells + amounts, [record]))
        records.append(record)
    return body, records, ordered


def _code_cells(code: str, split: bool) -> list[Cell]:
    if not split:
        return [Cell(code, 0, align="left")]
    return [Cell(part, i) for i, part in enumerate((code[:3], code[3:5], code[5:7]))]


def statement_01(ctx: TableContext, position: int, account: FinalAccount) -> TableBlock:
    """Table 01: income lines beside expenditure lines, one 决算数 column each."""
    style = ctx.style
    header = [
        [Cell("收入", 0, colspan=3), Cell("支出", 3, colspan=3)],
        [
            Cell("项目", 0),
            Cell("行次", 1),
            Cell("决算数", 2),
            Cell("项目", 3),
            Cell("行次", 4),
            Cell("决算数", 5),
        ],
        [Cell("栏次", 0), Cell("", 1), Cell("1", 2), Cell("栏次", 3), Cell("", 4), Cell("2", 5)],
    ]
    income_lines = account.t01_income
    if style.old_wording:  # the wording of the forms before 2019
        income_lines = [
            dataclasses.replace(line, label=OLD_WORDING.get(line.label, line.label))
            for line in income_lines
        ]
    body, income, expenditure = _statement_rows(
        style, income_lines, account.t01_expenditure, ["amount"], ["amount"]
    )
    return ctx.block(
        "01",
        position,
        Grid([6.0, 1.0, 2.2, 6.0, 1.0, 2.2], header, body, font_size=8.5),
        [Column("amount", "决算数")],
        income + expenditure,
    )


STATEMENT_04_SPENDING = ["total", "general_public_budget", "government_fund", "state_capital"]


def statement_04(ctx: TableContext, position: int, account: FinalAccount) -> TableBlock:
    """Table 04: fiscal appropriations; expenditure split by fund type."""
    style = ctx.style
    header = [
        [Cell("收入", 0, colspan=3), Cell("支出", 3, colspan=6)],
        [
            Cell("项目", 0, rowspan=2),
            Cell("行次", 1, rowspan=2),
            Cell("决算数", 2, rowspan=2),
            Cell("项目", 3, rowspan=2),
            Cell("行次", 4, rowspan=2),
            Cell("决算数", 5, colspan=4),
        ],
        [
            Cell("小计", 5),
            Cell("一般公共预\n算财政拨款", 6),
            Cell("政府性\n基金预算\n财政拨款", 7),
            Cell("国有资本\n经营预算\n财政拨款", 8),
        ],
        [Cell("栏次", 0), Cell("", 1), Cell("1", 2), Cell("栏次", 3), Cell("", 4)]
        + [Cell(str(n), 5 + i) for i, n in enumerate(range(2, 6))],
    ]
    body, income, expenditure = _statement_rows(
        style, account.t04_income, account.t04_expenditure, ["amount"], STATEMENT_04_SPENDING
    )
    columns = [
        Column("amount", "决算数"),
        Column("total", "决算数小计"),
        Column("general_public_budget", "决算数一般公共预算财政拨款"),
        Column("government_fund", "决算数政府性基金预算财政拨款"),
        Column("state_capital", "决算数国有资本经营预算财政拨款"),
    ]
    return ctx.block(
        "04",
        position,
        Grid([5.2, 0.9, 1.9, 5.2, 0.9, 1.9, 1.9, 1.7, 1.7], header, body, font_size=8),
        columns,
        income + expenditure,
    )


def _statement_rows(
    style: TableStyle,
    left: list[StatementLine],
    right: list[StatementLine],
    left_keys: list[str],
    right_keys: list[str],
) -> tuple[list[GridRow], list[TableRow], list[TableRow]]:
    body: list[GridRow] = []
    income: list[TableRow] = []
    expenditure: list[TableRow] = []
    for i in range(max(len(left), len(right))):
        cells: list[Cell] = []
        records: list[TableRow] = []
        for side, lines, keys, first, out in (
            ("income", left, left_keys, 0, income),
            ("expenditure", right, right_keys, 3, expenditure),
        ):
            line = lines[i] if i < len(lines) else None
            if line is None:
                cells += [Cell("", first + j) for j in range(2 + len(keys))]
                continue
            values = {k: line.values.get(k, ZERO) for k in keys}
            cells.append(Cell(line.label, first, align="left"))
            cells.append(Cell(str(line.line_no), first + 1))
            cells += [
                Cell(style.amount(values[k]), first + 2 + j, align="right")
                for j, k in enumerate(keys)
            ]
            if line.label:
                key = normalise(line.label)
                record = TableRow(key, key, 0, values, side=side, line_no=line.line_no)
                records.append(record)
                out.append(record)
        body.append(GridRow(cells, records))
    return body, income, expenditure


def economic_06(ctx: TableContext, position: int, account: FinalAccount) -> TableBlock:
    """Table 06: economic codes in side-by-side panels, footer 人员经费合计 / 公用经费合计."""
    style = ctx.style
    panels = account.t06_panels
    n = len(panels)
    header_top = [Cell("人员经费", 0, colspan=3), Cell("公用经费", 3, colspan=3 * (n - 1))]
    header_sub: list[Cell] = []
    for p in range(n):
        header_sub += [
            Cell("经济分类\n科目编码", 3 * p),
            Cell("科目名称", 3 * p + 1),
            Cell("决算数", 3 * p + 2),
        ]
    body: list[GridRow] = []
    records_by_panel: list[list[TableRow]] = [[] for _ in panels]
    for i in range(max(len(p) for p in panels)):
        cells: list[Cell] = []
        row_records: list[TableRow] = []
        for p, panel in enumerate(panels):
            line: EconomicLine | None = panel[i] if i < len(panel) else None
            if line is None:
                cells += [Cell("", 3 * p + k) for k in range(3)]
                continue
            cells += [
                Cell(line.code, 3 * p, align="left"),
                Cell(line.name, 3 * p + 1, align="left"),
                Cell(style.amount(line.amount), 3 * p + 2, align="right"),
            ]
            record = TableRow(line.code, normalise(line.name), 0, {"amount": line.amount})
            row_records.append(record)
            records_by_panel[p].append(record)
        body.append(GridRow(cells, row_records))
    last = 3 * n - 1
    footer_records = [
        TableRow("personnel_total", "人员经费合计", 0, {"amount": account.t06_personnel_total}),
        TableRow("public_total", "公用经费合计", 0, {"amount": account.t06_public_total}),
    ]
    footer = [
        Cell("人员经费合计", 0, colspan=2),
        Cell(style.amount(account.t06_personnel_total), 2, align="right"),
        Cell("公用经费合计", 3, colspan=last - 3),
        Cell(style.amount(account.t06_public_total), last, align="right"),
    ]
    body.append(GridRow(footer, footer_records))
    weights = [1.3, 2.4, 1.6] * n
    records = [r for panel in records_by_panel for r in panel] + footer_records
    return ctx.block(
        "06",
        position,
        Grid(weights, [header_top, header_sub], body, font_size=7 if n == 3 else 7.5),
        [Column("amount", "决算数")],
        records,
        landscape=style.landscape_06,
    )


def three_public_09(
    ctx: TableContext,
    position: int,
    data: ThreePublic,
    meetings: Mapping[str, Mapping[str, Decimal]] | None = None,
) -> TableBlock:
    """Table 09 in one of the forms of ``style.form_09``.

    '12col': one row, 预算数 (合计 … 公务接待费) then 决算数; '6col': 预算数 / 决算数
    rows; 'items': one row per cost item with 预算数 / 决算数 columns; 'meetings':
    like '12col' with 会议费 and 培训费 beside the "三公" items, the 合计 counting
    them too (``meetings``: 'budget'/'actual' -> 'meeting'/'training' amounts).
    """
    style = ctx.style
    if style.form_09 == "items":
        return _three_public_items(ctx, position, data)
    if style.form_09 == "meetings":
        return _three_public_meetings(ctx, position, data, meetings or {})
    records = _three_public_records(data)
    columns = [Column("budget", "预算数"), Column("actual", "决算数")]
    if style.form_09 == "12col":
        header = [[Cell("预算数", 0, colspan=6), Cell("决算数", 6, colspan=6)], [], [], []]
        for half in (0, 6):
            header[1] += [
                Cell("合计", half, rowspan=2),
                Cell("因公出国\n（境）费", half + 1, rowspan=2),
                Cell("公务用车购置及运行维护费", half + 2, colspan=3),
                Cell("公务接待费", half + 5, rowspan=2),
            ]
            header[2] += [
                Cell("小计", half + 2),
                Cell("公务用车\n购置费", half + 3),
                Cell("公务用车\n运行维护费", half + 4),
            ]
        header[3] = [Cell(str(i + 1), i) for i in range(12)]
        order = THREE_PUBLIC_ITEMS
        cells = [
            Cell(style.amount(data.budget.get(k, ZERO)), i, align="right")
            for i, k in enumerate(order)
        ]
        cells += [
            Cell(style.amount(data.actual.get(k, ZERO)), 6 + i, align="right")
            for i, k in enumerate(order)
        ]
        grid = Grid([1.0] * 12, header, [GridRow(cells, records)], font_size=8)
        return ctx.block("09", position, grid, columns, records, landscape=True)
    header = [
        [
            Cell("项目", 0, rowspan=2),
            Cell("合计", 1, rowspan=2),
            Cell("因公出国\n（境）费", 2, rowspan=2),
            Cell("公务用车购置及运行维护费", 3, colspan=3),
            Cell("公务接待费", 6, rowspan=2),
        ],
        [Cell("小计", 3), Cell("公务用车\n购置费", 4), Cell("公务用车\n运行维护费", 5)],
    ]
    body = []
    for label, source, recs in (("预算数", data.budget, []), ("决算数", data.actual, records)):
        cells = [Cell(label, 0)] + [
            Cell(style.amount(source.get(k, ZERO)), 1 + i, align="right")
            for i, k in enumerate(THREE_PUBLIC_ITEMS)
        ]
        body.append(GridRow(cells, recs))
    notes = table_notes("09 short")
    grid = Grid([1.6, 1.4, 1.4, 1.4, 1.4, 1.6, 1.4], header, body, font_size=8.5)
    return ctx.block("09", position, grid, columns, records, notes=notes)


def _three_public_records(data: ThreePublic) -> list[TableRow]:
    return [
        TableRow(
            item,
            normalise(THREE_PUBLIC_LABELS[item]),
            0,
            {"budget": data.budget.get(item, ZERO), "actual": data.actual.get(item, ZERO)},
        )
        for item in THREE_PUBLIC_ITEMS
    ]


THREE_PUBLIC_ITEM_ROWS = {
    "total": "合计",
    "overseas_travel": "1.因公出国（境）费",
    "vehicles": "2.公务用车购置及运行维护费",
    "vehicle_purchase": "（1）公务用车购置费",
    "vehicle_operation": "（2）公务用车运行维护费",
    "official_reception": "3.公务接待费",
}


def _three_public_items(ctx: TableContext, position: int, data: ThreePublic) -> TableBlock:
    """Item-major 09: one row per cost item, 预算数 and 决算数 columns."""
    style = ctx.style
    header = [[Cell("项目", 0), Cell("预算数", 1), Cell("决算数", 2)]]
    body = []
    records = _three_public_records(data)
    for record in records:
        item = record.row_key
        cells = [
            Cell(THREE_PUBLIC_ITEM_ROWS[item], 0, align="left"),
            Cell(style.amount(data.budget.get(item, ZERO)), 1, align="right"),
            Cell(style.amount(data.actual.get(item, ZERO)), 2, align="right"),
        ]
        body.append(GridRow(cells, [record]))
    notes = table_notes("09 short")
    grid = Grid([4.0, 2.0, 2.0], header, body, font_size=9)
    columns = [Column("budget", "预算数"), Column("actual", "决算数")]
    return ctx.block("09", position, grid, columns, records, notes=notes)


def _three_public_meetings(
    ctx: TableContext,
    position: int,
    data: ThreePublic,
    meetings: Mapping[str, Mapping[str, Decimal]],
) -> TableBlock:
    """09 with 会议费 and 培训费: per half 合计 | “三公”经费 (小计 | 出国 | 车 | 接待) | 会议 | 培训."""
    style = ctx.style
    header: list[list[Cell]] = [[], [], [], []]
    cells: list[Cell] = []
    for half, (group, source) in enumerate((("预算数", data.budget), ("决算数", data.actual))):
        first = 9 * half
        key = "budget" if half == 0 else "actual"
        extra = meetings.get(key, {})
        meeting, training = extra.get("meeting", ZERO), extra.get("training", ZERO)
        header[0].append(Cell(group, first, colspan=9))
        header[1] += [
            Cell("合计", first, rowspan=3),
            Cell("“三公”经费", first + 1, colspan=6),
            Cell("会议费", first + 7, rowspan=3),
            Cell("培训费", first + 8, rowspan=3),
        ]
        header[2] += [
            Cell("小计", first + 1, rowspan=2),
            Cell("因公出国\n（境）费", first + 2, rowspan=2),
            Cell("公务用车购置及运行维护费", first + 3, colspan=3),
            Cell("公务\n接待费", first + 6, rowspan=2),
        ]
        header[3] += [
            Cell("小计", first + 3),
            Cell("购置费", first + 4),
            Cell("运行\n维护费", first + 5),
        ]
        amounts = [source.get("total", ZERO) + meeting + training]
        amounts += [source.get(k, ZERO) for k in THREE_PUBLIC_ITEMS]
        amounts += [meeting, training]
        cells += [Cell(style.amount(a), first + i, align="right") for i, a in enumerate(amounts)]
    records = _three_public_records(data)
    notes = table_notes("09 meetings")
    grid = Grid([1.0] * 18, header, [GridRow(cells, records)], font_size=7)
    columns = [Column("budget", "预算数"), Column("actual", "决算数")]
    return ctx.block("09", position, grid, columns, records, notes=notes, landscape=True)

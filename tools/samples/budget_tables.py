"""Turn a ``BudgetAccount`` into the eight budget tables (部门预算公开表) with their expected records.

Three printed forms, all mapped onto the national table codes:

- ``national`` (Ministry of Finance 8-table form, as Wuhan prints it):
  "2023年部门收支总表" 公开01表 … "2023年政府性基金预算支出表" 公开08表, the
  公开NN表 label under the title, 合计 rows on top, one code column;
- ``jiangsu``: titles without the year ("收支预算总表"), the 公开NN表 label
  printed *above* the title, "部门：XX  单位：万元", thousands separators;
- ``shanghai`` (Putuo): "2023年部门财务收支预算总表" …, no table numbers,
  "编制部门：XX  单位：元", amounts in 元 with separators, 类 | 款 | 项 code
  columns, 合计 rows at the bottom, statements listing only the classes spent
  on, the "三公" table in 万元, and the Shanghai print order.

Statement row keys follow the final-account convention: the printed label
normalised, ``side`` set, ``line_no`` None (budget statements print no 行次).
"""

from __future__ import annotations

from dataclasses import dataclass

from pipelines.extraction.model import Column, TableRow
from tools.samples.accounts import ZERO, FunctionLine
from tools.samples.blocks import Cell, Grid, GridRow, TableBlock
from tools.samples.budget_accounts import PERSONNEL_CLASSES, BudgetAccount
from tools.samples.passages import prose
from tools.samples.statements import EXPENDITURE_CLASSES, FUNDS, class_label
from tools.samples.style import TableStyle, normalise
from tools.samples.tables import function_rows, in_print_order, standard_block

FORMS = ("national", "jiangsu", "shanghai")

# Print order: table codes as the document prints them (公开01表 … 公开08表).
PRINT_ORDER = {
    "national": ("01", "02", "03", "04", "05", "06", "09", "07"),
    "jiangsu": ("01", "02", "03", "04", "05", "06", "09", "07"),
    "shanghai": ("01", "02", "03", "04", "05", "07", "06", "09"),
}

TITLES = {
    "national": {
        "01": "{y}年部门收支总表",
        "02": "{y}年部门收入总表",
        "03": "{y}年部门支出总表",
        "04": "{y}年财政拨款收支总表",
        "05": "{y}年一般公共预算支出表",
        "06": "{y}年一般公共预算基本支出表",
        "09": "{y}年一般公共预算“三公”经费支出表",
        "07": "{y}年政府性基金预算支出表",
    },
    "jiangsu": {
        "01": "收支预算总表",
        "02": "收入预算总表",
        "03": "支出预算总表",
        "04": "财政拨款收支预算总表",
        "05": "一般公共预算支出预算表（功能科目）",
        "06": "一般公共预算基本支出预算表（经济科目）",
        "09": "一般公共预算“三公”经费支出预算表",
        "07": "政府性基金预算支出预算表（功能科目）",
    },
    "shanghai": {
        "01": "{y}年部门财务收支预算总表",
        "02": "{y}年部门收入预算总表",
        "03": "{y}年部门支出预算总表",
        "04": "{y}年部门财政拨款收支预算总表",
        "05": "{y}年部门一般公共预算支出功能分类预算表",
        "07": "{y}年部门政府性基金预算支出功能分类预算表",
        "06": "{y}年部门一般公共预算基本支出部门预算经济分类预算表",
        "09": "{y}年部门“三公”经费预算表",
    },
}

# Which printed statement lines carry which role, per form and statement;
# tests use this to check the statements' arithmetic.
STATEMENT_ROLES: dict[str, dict[str, dict[str, object]]] = {
    "national": {
        "01": {
            "income_items": ("一、一般公共预算拨款收入", "二、政府性基金预算拨款收入", "三、国有资本经营预算拨款收入", "四、财政专户管理资金收入", "五、事业收入", "六、上级补助收入", "七、附属单位上缴收入", "八、事业单位经营收入", "九、其他收入"),
            "income_total": "本年收入合计", "carry_in": "上年结转结余", "income_grand": "收入总计",
            "expenditure_total": "本年支出合计", "carry_out": "结转下年", "expenditure_grand": "支出总计",
        },
        "04": {
            "income_items": ("一、一般公共预算拨款收入", "二、政府性基金预算拨款收入", "三、国有资本经营预算拨款收入"),
            "income_total": "本年收入合计", "carry_in": "上年结转", "income_grand": "收入总计",
            "expenditure_total": "本年支出合计", "carry_out": "结转下年", "expenditure_grand": "支出总计",
        },
    },
    "jiangsu": {
        "01": {
            "income_items": ("一、财政拨款", "二、财政专户管理资金", "三、其他资金"),
            "income_total": "当年收入小计", "carry_in": "上年结转资金", "income_grand": "收入合计",
            "expenditure_total": "当年支出小计", "carry_out": "结转下年资金", "expenditure_grand": "支出合计",
        },
        "04": {
            "income_items": ("一、一般公共预算", "二、政府性基金预算", "三、国有资本经营预算"),
            "income_total": "收入合计", "carry_in": None, "income_grand": "收入合计",
            "expenditure_total": "支出合计", "carry_out": None, "expenditure_grand": "支出合计",
        },
    },
    "shanghai": {
        "01": {
            "income_items": ("一、财政拨款收入", "二、事业收入", "三、事业单位经营收入", "四、其他收入"),
            "income_total": "收入总计", "carry_in": None, "income_grand": "收入总计",
            "expenditure_total": "支出总计", "carry_out": None, "expenditure_grand": "支出总计",
        },
        "04": {
            "income_items": ("一、一般公共预算资金", "二、政府性基金", "三、国有资本经营预算"),
            "income_total": "收入总计", "carry_in": None, "income_grand": "收入总计",
            "expenditure_total": "支出总计", "carry_out": None, "expenditure_grand": "支出总计",
        },
    },
}  # fmt: skip

# Sub-lines printed under a statement income line ("1.一般公共预算资金"): parent -> parts.
STATEMENT_SUBLINES = {
    ("jiangsu", "01"): ("一、财政拨款", ("1.一般公共预算", "2.政府性基金预算")),
    ("shanghai", "01"): ("一、财政拨款收入", ("1.一般公共预算资金", "2.政府性基金", "3.国有资本经营预算")),
}  # fmt: skip

FUND_HEADERS = ("一般公共预算", "政府性基金预算", "国有资本经营预算")

INCOME_COLUMNS = {
    "national": [
        ("total", "合计"),
        ("fiscal_appropriation", "财政拨款收入"),
        ("superior_subsidy", "上级补助收入"),
        ("business_income", "事业收入"),
        ("operating_income", "事业单位经营收入"),
        ("affiliated_remittance", "附属单位上缴收入"),
        ("other_income", "其他收入"),
    ],
    "jiangsu": [
        ("total", "合计"),
        ("fiscal_appropriation", "财政拨款收入"),
        ("business_income", "事业收入"),
        ("operating_income", "经营收入"),
        ("other_income", "其他收入"),
    ],
    "shanghai": [
        ("total", "合计"),
        ("fiscal_appropriation", "财政拨款收入"),
        ("business_income", "事业收入"),
        ("operating_income", "事业单位经营收入"),
        ("other_income", "其他收入"),
    ],
}
BASIC_PROJECT_COLUMNS = [("total", "合计"), ("basic", "基本支出"), ("project", "项目支出")]
SHANGHAI_GROUPS = {
    "02": "收入预算",
    "03": "支出预算",
    "05": "一般公共预算支出",
    "07": "政府性基金预算支出",
}
THREE_PUBLIC_COLUMNS = [
    ("total", "合计"),
    ("overseas_travel", "因公出国（境）费"),
    ("vehicles", "公务用车购置及运行费"),
    ("vehicle_purchase", "购置费"),
    ("vehicle_operation", "运行费"),
    ("official_reception", "公务接待费"),
]


@dataclass(frozen=True)
class BudgetLine:
    """A printed line of a budget statement; ``label`` '' for a blank line."""

    label: str
    values: dict


@dataclass(frozen=True)
class BudgetContext:
    """What every table of one budget document shares."""

    department: str
    fiscal_year: int
    form: str  # 'national' | 'jiangsu' | 'shanghai'
    style: TableStyle
    three_public_unit: str | None = None  # the "三公" table's own unit, if different

    @property
    def landscape(self) -> bool:
        return self.form == "shanghai"

    def title(self, code: str) -> str:
        return TITLES[self.form][code].format(y=self.fiscal_year)

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
        unit: str | None = None,
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
            notes=notes or [],
            is_empty=is_empty,
            landscape=self.landscape,
            number_above=self.form == "jiangsu",
            unit=unit,
        )


# -- statements 01 and 04 ------------------------------------------------------------------------


def _classes(
    totals: dict[str, dict[str, object]], *, all_classes: bool, keys: tuple[str, ...]
) -> list[BudgetLine]:
    """Class lines: all 26 with their national ordinals, or only those spent on, renumbered."""
    lines = []
    n = 0
    for code, name in EXPENDITURE_CLASSES:
        values = {k: totals.get(code, {}).get(k, ZERO) for k in keys}
        if all_classes:
            lines.append(BudgetLine(class_label(len(lines), name), values))
        elif code in totals and any(values.values()):
            lines.append(BudgetLine(class_label(n, name), values))
            n += 1
    return lines


def statement_lines(
    ctx: BudgetContext, code: str, account: BudgetAccount
) -> tuple[list[BudgetLine], list[BudgetLine]]:
    """Income and expenditure lines of statement 01 or 04 in ``ctx.form``, padded to pair up."""
    roles = STATEMENT_ROLES[ctx.form][code]
    inc = account.income
    amount = {
        "一、一般公共预算拨款收入": inc["general"],
        "二、政府性基金预算拨款收入": inc["fund"],
        "五、事业收入": inc["business_income"],
        "六、上级补助收入": inc["superior_subsidy"],
        "七、附属单位上缴收入": inc["affiliated_remittance"],
        "八、事业单位经营收入": inc["operating_income"],
        "九、其他收入": inc["other_income"],
        "一、财政拨款": inc["general"] + inc["fund"],
        "1.一般公共预算": inc["general"],
        "2.政府性基金预算": inc["fund"],
        "三、其他资金": inc["business_income"] + inc["operating_income"] + inc["other_income"],
        "一、财政拨款收入": inc["general"] + inc["fund"],
        "1.一般公共预算资金": inc["general"],
        "2.政府性基金": inc["fund"],
        "二、事业收入": inc["business_income"],
        "三、事业单位经营收入": inc["operating_income"],
        "四、其他收入": inc["other_income"],
        "一、一般公共预算": inc["general"],
        "二、政府性基金预算": inc["fund"],
        "一、一般公共预算资金": inc["general"],
        "二、政府性基金": inc["fund"],
    }
    labels: list[str] = []
    sub = STATEMENT_SUBLINES.get((ctx.form, code))
    for label in roles["income_items"]:  # type: ignore[union-attr]
        labels.append(label)
        if sub and label == sub[0]:
            labels += list(sub[1])
    if code == "01":
        income_total = account.income_total
        class_values = {c: {"amount": v} for c, v in account.class_totals("03").items()}
        keys: tuple[str, ...] = ("amount",)
        spent = {"amount": account.expenditure_total}
    else:
        income_total = account.fiscal_total
        class_values: dict[str, dict[str, object]] = {}  # type: ignore[no-redef]
        for fund, table in (("general_public_budget", "05"), ("government_fund", "07")):
            for c, v in account.class_totals(table).items():
                class_values.setdefault(c, {})[fund] = v
        for values in class_values.values():
            values["total"] = sum((values.get(f, ZERO) for f in FUNDS), ZERO)  # type: ignore[misc]
        keys = ("total", *FUNDS)
        spent = {
            k: sum((v.get(k, ZERO) for v in class_values.values()), ZERO)  # type: ignore[misc]
            for k in keys
        }
    left = [BudgetLine(label, {"amount": amount.get(label, ZERO)}) for label in labels]
    right = _classes(class_values, all_classes=ctx.form != "shanghai", keys=keys)
    width = max(len(left), len(right))
    left += [BudgetLine("", {})] * (width - len(left))
    right += [BudgetLine("", {})] * (width - len(right))
    zero_out = {k: ZERO for k in keys}
    tail_left = [BudgetLine(roles["income_total"], {"amount": income_total})]  # type: ignore[arg-type]
    tail_right = [BudgetLine(roles["expenditure_total"], spent)]  # type: ignore[arg-type]
    if roles["carry_in"]:
        tail_left.append(BudgetLine(roles["carry_in"], {"amount": ZERO}))  # type: ignore[arg-type]
        tail_right.append(BudgetLine(roles["carry_out"], zero_out))  # type: ignore[arg-type]
    if roles["income_grand"] != roles["income_total"]:
        tail_left.append(BudgetLine(roles["income_grand"], {"amount": income_total}))  # type: ignore[arg-type]
        tail_right.append(BudgetLine(roles["expenditure_grand"], spent))  # type: ignore[arg-type]
    return left + tail_left, right + tail_right


def _statement_body(
    style: TableStyle, left: list[BudgetLine], right: list[BudgetLine], right_keys: tuple[str, ...]
) -> tuple[list[GridRow], list[TableRow]]:
    body: list[GridRow] = []
    income: list[TableRow] = []
    expenditure: list[TableRow] = []
    for lline, rline in zip(left, right, strict=True):
        cells: list[Cell] = []
        records: list[TableRow] = []
        for side, line, keys, first, out in (
            ("income", lline, ("amount",), 0, income),
            ("expenditure", rline, right_keys, 2, expenditure),
        ):
            cells.append(Cell(line.label, first, align="left"))
            values = {k: line.values.get(k, ZERO) for k in keys}
            for j, k in enumerate(keys):
                text = style.amount(values[k]) if line.label else ""
                cells.append(Cell(text, first + 1 + j, align="right"))
            if line.label:
                key = normalise(line.label)
                record = TableRow(key, key, 0, values, side=side)
                records.append(record)
                out.append(record)
        body.append(GridRow(cells, records))
    return body, income + expenditure


def statement_01(ctx: BudgetContext, position: int, account: BudgetAccount) -> TableBlock:
    """部门收支总表: income sources beside expenditure by function class, one amount each."""
    left, right = statement_lines(ctx, "01", account)
    sides = ("本年收入", "本年支出") if ctx.form == "shanghai" else ("收入", "支出")
    item = "项目名称" if ctx.form == "jiangsu" else "项目"
    amount = "金额" if ctx.form == "jiangsu" else "预算数"
    header = [
        [Cell(sides[0], 0, colspan=2), Cell(sides[1], 2, colspan=2)],
        [Cell(item, 0), Cell(amount, 1), Cell(item, 2), Cell(amount, 3)],
    ]
    body, records = _statement_body(ctx.style, left, right, ("amount",))
    return ctx.block(
        "01",
        position,
        Grid([6.0, 2.4, 6.0, 2.4], header, body, font_size=8.5),
        [Column("amount", amount)],
        records,
    )


def statement_04(ctx: BudgetContext, position: int, account: BudgetAccount) -> TableBlock:
    """财政拨款收支总表: appropriations by fund beside expenditure by class and fund."""
    left, right = statement_lines(ctx, "04", account)
    keys = ("total", *FUNDS)
    if ctx.form == "national":
        header = [
            [Cell("收入", 0, colspan=2), Cell("支出", 2, colspan=5)],
            [
                Cell("项目", 0, rowspan=2),
                Cell("预算数", 1, rowspan=2),
                Cell("项目", 2, rowspan=2),
                Cell("预算数", 3, colspan=4),
            ],
            [Cell("小计", 3)] + [Cell(h, 4 + i) for i, h in enumerate(FUND_HEADERS)],
        ]
        labels = ["预算数小计"] + [f"预算数{h}" for h in FUND_HEADERS]
        income_label = "预算数"
    else:
        sides = ("财政拨款收入", "财政拨款支出") if ctx.form == "shanghai" else ("收入", "支出")
        item = "项目名称" if ctx.form == "jiangsu" else "项目"
        income_label = "金额" if ctx.form == "jiangsu" else "预算数"
        header = [
            [Cell(sides[0], 0, colspan=2), Cell(sides[1], 2, colspan=5)],
            [Cell(item, 0), Cell(income_label, 1), Cell(item, 2), Cell("合计", 3)]
            + [Cell(h, 4 + i) for i, h in enumerate(FUND_HEADERS)],
        ]
        labels = ["合计", *FUND_HEADERS]
    body, records = _statement_body(ctx.style, left, right, keys)
    columns = [Column("amount", income_label)] + [
        Column(k, label) for k, label in zip(keys, labels, strict=True)
    ]
    return ctx.block(
        "04",
        position,
        Grid([5.0, 2.0, 5.0, 2.0, 2.0, 2.0, 2.0], header, body, font_size=8),
        columns,
        records,
    )


# -- function tables 02, 03, 05, 07 ---------------------------------------------------------------


def function_table(
    ctx: BudgetContext, code: str, position: int, lines: list[FunctionLine]
) -> TableBlock:
    """Rows by function code: 02 by income source, 03/05/07 total / basic / project."""
    style = ctx.style
    spec = INCOME_COLUMNS[ctx.form] if code == "02" else BASIC_PROJECT_COLUMNS
    split = ctx.form == "shanghai"
    code_cols = 3 if split else 1
    first_value = code_cols + 1
    ncols = first_value + len(spec)
    if ctx.form == "shanghai":
        group = SHANGHAI_GROUPS[code]
        header = [
            [Cell("项目", 0, colspan=code_cols + 1), Cell(group, first_value, colspan=len(spec))],
            [Cell("功能分类科目编码", 0, colspan=3), Cell("功能分类科目名称", 3, rowspan=2)]
            + [Cell(h, first_value + i, rowspan=2) for i, (_, h) in enumerate(spec)],
            [Cell("类", 0), Cell("款", 1), Cell("项", 2)],
        ]
        columns = [Column(k, normalise(group + h)) for k, h in spec]
        weights = [0.8] * 3 + [6.0] + [2.6] * len(spec)
    elif ctx.form == "jiangsu":
        header = [
            [Cell("功能科目编码", 0), Cell("功能科目名称", 1)]
            + [Cell(h, first_value + i) for i, (_, h) in enumerate(spec)]
        ]
        columns = [Column(k, h) for k, h in spec]
        weights = [2.2, 5.0] + [2.6] * len(spec)
    else:
        header = [
            [Cell("功能分类科目", 0, colspan=2)]
            + [Cell(h, first_value + i, rowspan=2) for i, (_, h) in enumerate(spec)],
            [Cell("科目编码", 0), Cell("科目名称", 1)],
        ]
        columns = [Column(k, h) for k, h in spec]
        weights = [2.2, 5.0] + [2.6] * len(spec)
    body, records, _ = function_rows(style, lines, [key for key, _ in spec], split)
    notes: list[str] = []
    if not lines:
        notes = [prose("budget")["empty_07_notes"][ctx.form].format(y=ctx.fiscal_year)]
        if ctx.form == "national":
            body.append(GridRow([Cell("本表无数据", 0, colspan=ncols)]))
        else:
            blanks = [Cell("", first_value + i) for i in range(len(spec))]
            body.append(GridRow([Cell("合计", 0, colspan=code_cols + 1), *blanks]))
    return ctx.block(
        code,
        position,
        Grid(weights, header, body, font_size=8),
        columns,
        records,
        notes=notes,
        is_empty=not lines,
    )


# -- table 06: basic budget by economic code, one panel --------------------------------------------


def economic_06(ctx: BudgetContext, position: int, account: BudgetAccount) -> TableBlock:
    """科目编码 | 科目名称 | 合计 | 人员经费 | 公用经费; only 合计 is a canonical column."""
    style = ctx.style
    split = ctx.form == "shanghai"
    code_cols = 2 if split else 1
    first = code_cols + 1
    leaves = ("合计", "人员经费", "公用经费")
    if split:
        header = [
            [Cell("项目", 0, colspan=3), Cell("一般公共预算基本支出", 3, colspan=3)],
            [Cell("部门预算经济分类科目编码", 0, colspan=2), Cell("经济分类科目名称", 2, rowspan=2)]
            + [Cell(h, 3 + i, rowspan=2) for i, h in enumerate(leaves)],
            [Cell("类", 0), Cell("款", 1)],
        ]
        amount_label = "一般公共预算基本支出合计"
        weights = [0.9, 0.9, 6.0, 2.6, 2.6, 2.6]
    else:
        header = [
            [Cell("科目编码", 0), Cell("科目名称", 1)]
            + [Cell(h, 2 + i) for i, h in enumerate(leaves)]
        ]
        amount_label = "合计"
        weights = [1.8, 5.6, 2.6, 2.6, 2.6]
    personnel, public = account.personnel(), account.public()

    def row(code_cells: list[Cell], label_cell: Cell, amounts: tuple) -> list[Cell]:
        return (
            code_cells
            + [label_cell]
            + [Cell(style.amount(a), first + i, align="right") for i, a in enumerate(amounts)]
        )

    total_record = TableRow("total", "合计", 0, {"amount": account.t06_total})
    total_row = GridRow(
        [Cell("合计", 0, colspan=code_cols + 1)]
        + [
            Cell(style.amount(a), first + i, align="right")
            for i, a in enumerate((account.t06_total, personnel, public))
        ],
        [total_record],
    )
    body: list[GridRow] = []
    records: list[TableRow] = []
    for line in account.t06:
        is_personnel = line.code[:3] in PERSONNEL_CLASSES
        amounts = (
            line.amount,
            line.amount if is_personnel else ZERO,
            ZERO if is_personnel else line.amount,
        )
        if split:
            code_cells = [Cell(line.code[:3], 0), Cell(line.code[3:], 1)]
        else:
            code_cells = [Cell(line.code, 0, align="left")]
        indent = "  " if len(line.code) == 5 else ""
        record = TableRow(line.code, normalise(line.name), 0, {"amount": line.amount})
        body.append(
            GridRow(
                row(code_cells, Cell(indent + line.name, code_cols, align="left"), amounts),
                [record],
            )
        )
        records.append(record)
    if style.total_at_bottom:
        body.append(total_row)
        records.append(total_record)
    else:
        body.insert(0, total_row)
        records.insert(0, total_record)
    return ctx.block(
        "06",
        position,
        Grid(weights, header, body, font_size=8),
        [Column("amount", amount_label)],
        records,
    )


# -- table 09: "三公" budget, one row ---------------------------------------------------------------


def three_public_09(ctx: BudgetContext, position: int, account: BudgetAccount) -> TableBlock:
    """One data row under 合计 | 因公出国（境）费 | 公务用车购置及运行费(小计 | 购置费 | 运行费) | 公务接待费."""
    unit = ctx.three_public_unit or ctx.style.unit
    style = TableStyle(unit=unit, thousands=ctx.style.thousands, zero=ctx.style.zero)
    top = "“三公”经费预算数" if ctx.form == "shanghai" else "预算数"
    header = [
        [Cell(top, 0, colspan=6)],
        [
            Cell("合计", 0, rowspan=2),
            Cell("因公出国（境）费", 1, rowspan=2),
            Cell("公务用车购置及运行费", 2, colspan=3),
            Cell("公务接待费", 5, rowspan=2),
        ],
        [Cell("小计", 2), Cell("购置费", 3), Cell("运行费", 4)],
    ]
    records = [
        TableRow(key, normalise(label), 0, {"budget": account.t09[key]})
        for key, label in THREE_PUBLIC_COLUMNS
    ]
    cells = [
        Cell(style.amount(account.t09[key]), i, align="right")
        for i, (key, _) in enumerate(THREE_PUBLIC_COLUMNS)
    ]
    return ctx.block(
        "09",
        position,
        Grid([1.0] * 6, header, [GridRow(cells, records)], font_size=9),
        [Column("budget", normalise(top))],
        records,
        unit=unit,
    )


def budget_table_blocks(ctx: BudgetContext, account: BudgetAccount) -> list[TableBlock]:
    """The eight tables in the form's print order, numbered by position."""
    lines = {"02": account.t02, "03": account.t03, "05": account.t05, "07": account.t07}
    builders = {
        "01": lambda position: statement_01(ctx, position, account),
        "04": lambda position: statement_04(ctx, position, account),
        "06": lambda position: economic_06(ctx, position, account),
        "09": lambda position: three_public_09(ctx, position, account),
    }
    return in_print_order(
        PRINT_ORDER[ctx.form],
        builders,
        lambda code, position: function_table(ctx, code, position, lines[code]),
    )

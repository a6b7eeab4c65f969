"""Hand-built extractions for the validation tests.

``consistent_document()`` is a small final account in 万元 whose tables and
narrative agree everywhere. ``seed_document()`` restates the relevant parts of
the seed (Wuhan Science and Technology Bureau 2023): its tables 05, 06 and 09
as printed, and the narrative numbers that disagree with them.
``broken_documents()`` holds the consistent document with each of the breaks
the validation tests inject, and ``extracted_sample()`` the extraction of a
sample PDF, shared by the test modules.
"""

from __future__ import annotations

import copy
from decimal import Decimal
from functools import cache
from pathlib import Path

from pipelines.extraction import extract_document
from pipelines.extraction.model import (
    BudgetExecution,
    Column,
    DocumentExtraction,
    ExtractedTable,
    NarrativeFigure,
    TableRow,
)

WAN = Decimal("10000")


def wan(amount: str) -> Decimal:
    """An amount printed in 万元, in yuan."""
    return Decimal(amount) * WAN


COLUMNS_02 = [
    Column("total", "本年收入合计"),
    Column("fiscal_appropriation", "财政拨款收入"),
    Column("other_income", "其他收入"),
]
COLUMNS_03 = [
    Column("total", "本年支出合计"),
    Column("basic", "基本支出"),
    Column("project", "项目支出"),
]
COLUMNS_05 = [Column("total", "小计"), Column("basic", "基本支出"), Column("project", "项目支出")]
COLUMNS_04 = [
    Column("amount", "决算数"),
    Column("total", "小计"),
    Column("general_public_budget", "一般公共预算财政拨款"),
    Column("government_fund", "政府性基金预算财政拨款"),
    Column("state_capital", "国有资本经营预算财政拨款"),
]


def function_table(
    code: str,
    title: str,
    columns: list[Column],
    rows: list[tuple[str, str, tuple[str, ...]]],
    page: int,
) -> ExtractedTable:
    """rows: (row_key, label, amounts in 万元 in the order of columns)."""
    return ExtractedTable(
        table_code=code,
        title=title,
        printed_number=f"公开{code}表",
        unit="万元",
        pages=[page],
        columns=list(columns),
        rows=[
            TableRow(
                row_key=key,
                row_label=label,
                page=page,
                values={c.key: wan(a) for c, a in zip(columns, amounts, strict=True)},
            )
            for key, label, amounts in rows
        ],
    )


def statement_table(
    code: str,
    title: str,
    columns: list[Column],
    income: list[tuple[str, dict[str, str]]],
    expenditure: list[tuple[str, dict[str, str]]],
    page: int,
) -> ExtractedTable:
    rows = []
    for side, lines in (("income", income), ("expenditure", expenditure)):
        for number, (label, values) in enumerate(lines, start=1):
            rows.append(
                TableRow(
                    row_key=label,
                    row_label=label,
                    page=page,
                    values={k: wan(v) for k, v in values.items()},
                    side=side,
                    line_no=number if side == "income" else 100 + number,
                )
            )
    return ExtractedTable(code, title, f"公开{code}表", "万元", [page], list(columns), rows)


def three_public_table(budget: dict[str, str], actual: dict[str, str], page: int) -> ExtractedTable:
    labels = {
        "total": "合计",
        "overseas_travel": "因公出国（境）费",
        "vehicles": "公务用车购置及运行维护费",
        "vehicle_purchase": "公务用车购置费",
        "vehicle_operation": "公务用车运行维护费",
        "official_reception": "公务接待费",
    }
    return ExtractedTable(
        "09",
        "财政拨款“三公”经费支出决算表",
        "公开09表",
        "万元",
        [page],
        [Column("budget", "预算数"), Column("actual", "决算数")],
        [
            TableRow(key, label, page, {"budget": wan(budget[key]), "actual": wan(actual[key])})
            for key, label in labels.items()
        ],
    )


def economic_table(rows: list[tuple[str, str, str]], page: int) -> ExtractedTable:
    return ExtractedTable(
        "06",
        "一般公共预算财政拨款基本支出决算明细表",
        "公开06表",
        "万元",
        [page],
        [Column("amount", "决算数")],
        [TableRow(key, label, page, {"amount": wan(a)}) for key, label, a in rows],
    )


def empty_table(code: str, title: str, columns: list[Column]) -> ExtractedTable:
    return ExtractedTable(
        code,
        title,
        f"公开{code}表",
        "万元",
        [9],
        list(columns),
        [],
        is_empty=True,
        empty_declaration="注：本表无数据",
    )


def document(tables: list[ExtractedTable], **extra: object) -> DocumentExtraction:
    return DocumentExtraction(
        source_file="fixture.pdf",
        sha256="0" * 64,
        document_id="fixture",
        page_count=20,
        department_name="测试局",
        region="武汉市",
        fiscal_year=2023,
        document_kind="final_account",
        reporting_scope="department",
        source_unit="万元",
        tables={t.table_code: t for t in tables},
        **extra,  # type: ignore[arg-type]
    )


# ------------------------------------------------------------ consistent document


def table_01() -> ExtractedTable:
    return statement_table(
        "01",
        "收入支出决算总表",
        [Column("amount", "决算数")],
        income=[
            ("一、一般公共预算财政拨款收入", {"amount": "990.00"}),
            ("二、政府性基金预算财政拨款收入", {"amount": "0"}),
            ("八、其他收入", {"amount": "10.00"}),
            ("本年收入合计", {"amount": "1000.00"}),
            ("使用非财政拨款结余(含专用结余)", {"amount": "0"}),
            ("年初结转和结余", {"amount": "10.00"}),
            ("总计", {"amount": "1010.00"}),
        ],
        expenditure=[
            ("一、一般公共服务支出", {"amount": "0"}),
            ("六、科学技术支出", {"amount": "910.00"}),
            ("八、社会保障和就业支出", {"amount": "100.00"}),
            ("本年支出合计", {"amount": "1010.00"}),
            ("结余分配", {"amount": "0"}),
            ("年末结转和结余", {"amount": "0"}),
            ("总计", {"amount": "1010.00"}),
        ],
        page=3,
    )


# The function-code rows of the consistent document's tables 02, 03 and 05.
CONSISTENT_FUNCTION_ROWS = (
    ("total", "合计"),
    ("206", "科学技术支出"),
    ("20601", "科学技术管理事务"),
    ("2060101", "行政运行"),
    ("2060199", "其他科学技术管理事务支出"),
    ("20605", "科技条件与服务"),
    ("2060501", "机构运行"),
    ("208", "社会保障和就业支出"),
    ("20805", "行政事业单位养老支出"),
    ("2080505", "机关事业单位基本养老保险缴费支出"),
)


def consistent_function_table(
    code: str,
    title: str,
    columns: list[Column],
    amounts: list[tuple[str, ...]],
    page: int,
) -> ExtractedTable:
    """A function table on CONSISTENT_FUNCTION_ROWS; amounts: one tuple a row, in their order."""
    rows = [
        (key, label, row_amounts)
        for (key, label), row_amounts in zip(CONSISTENT_FUNCTION_ROWS, amounts, strict=True)
    ]
    return function_table(code, title, columns, rows, page)


def table_02() -> ExtractedTable:
    return consistent_function_table(
        "02",
        "收入决算表",
        COLUMNS_02,
        [
            ("1000.00", "990.00", "10.00"),
            ("900.00", "890.00", "10.00"),
            ("600.00", "600.00", "0"),
            ("400.00", "400.00", "0"),
            ("200.00", "200.00", "0"),
            ("300.00", "290.00", "10.00"),
            ("300.00", "290.00", "10.00"),
            ("100.00", "100.00", "0"),
            ("100.00", "100.00", "0"),
            ("100.00", "100.00", "0"),
        ],
        page=4,
    )


def table_03() -> ExtractedTable:
    return consistent_function_table(
        "03",
        "支出决算表",
        COLUMNS_03,
        [
            ("1010.00", "810.00", "200.00"),
            ("910.00", "710.00", "200.00"),
            ("600.00", "400.00", "200.00"),
            ("400.00", "400.00", "0"),
            ("200.00", "0", "200.00"),
            ("310.00", "310.00", "0"),
            ("310.00", "310.00", "0"),
            ("100.00", "100.00", "0"),
            ("100.00", "100.00", "0"),
            ("100.00", "100.00", "0"),
        ],
        page=5,
    )


def table_04() -> ExtractedTable:
    def fund(amount: str) -> dict[str, str]:
        return {
            "total": amount,
            "general_public_budget": amount,
            "government_fund": "0",
            "state_capital": "0",
        }

    return statement_table(
        "04",
        "财政拨款收入支出决算总表",
        COLUMNS_04,
        income=[
            ("一、一般公共预算财政拨款", {"amount": "990.00"}),
            ("二、政府性基金预算财政拨款", {"amount": "0"}),
            ("三、国有资本经营财政拨款", {"amount": "0"}),
            ("本年收入合计", {"amount": "990.00"}),
            ("年初财政拨款结转和结余", {"amount": "0"}),
            ("一般公共预算财政拨款", {"amount": "0"}),
            ("总计", {"amount": "990.00"}),
        ],
        expenditure=[
            ("六、科学技术支出", fund("890.00")),
            ("八、社会保障和就业支出", fund("100.00")),
            ("本年支出合计", fund("990.00")),
            ("年末财政拨款结转和结余", fund("0")),
            ("总计", fund("990.00")),
        ],
        page=6,
    )


def table_05() -> ExtractedTable:
    return consistent_function_table(
        "05",
        "一般公共预算财政拨款支出决算表",
        COLUMNS_05,
        [
            ("990.00", "790.00", "200.00"),
            ("890.00", "690.00", "200.00"),
            ("600.00", "400.00", "200.00"),
            ("400.00", "400.00", "0"),
            ("200.00", "0", "200.00"),
            ("290.00", "290.00", "0"),
            ("290.00", "290.00", "0"),
            ("100.00", "100.00", "0"),
            ("100.00", "100.00", "0"),
            ("100.00", "100.00", "0"),
        ],
        page=7,
    )


def table_06() -> ExtractedTable:
    return economic_table(
        [
            ("301", "工资福利支出", "600.00"),
            ("30101", "基本工资", "400.00"),
            ("30102", "津贴补贴", "200.00"),
            ("303", "对个人和家庭的补助", "50.00"),
            ("30302", "退休费", "50.00"),
            ("302", "商品和服务支出", "130.00"),
            ("30201", "办公费", "100.00"),
            ("30211", "差旅费", "30.00"),
            ("310", "资本性支出", "10.00"),
            ("31002", "办公设备购置", "10.00"),
            ("personnel_total", "人员经费合计", "650.00"),
            ("public_total", "公用经费合计", "140.00"),
        ],
        page=8,
    )


def table_09(page: int = 10) -> ExtractedTable:
    """The seed's table 09 as printed (its figures hold): 三公 budget and actual."""
    return three_public_table(
        budget={
            "total": "15.67",
            "overseas_travel": "4.42",
            "vehicles": "7.78",
            "vehicle_purchase": "0",
            "vehicle_operation": "7.78",
            "official_reception": "3.47",
        },
        actual={
            "total": "13.73",
            "overseas_travel": "4.42",
            "vehicles": "7.78",
            "vehicle_purchase": "0",
            "vehicle_operation": "7.78",
            "official_reception": "1.53",
        },
        page=page,
    )


def consistent_document() -> DocumentExtraction:
    """A small final account in 万元 whose every identity holds."""
    return document(
        [
            table_01(),
            table_02(),
            table_03(),
            table_04(),
            table_05(),
            table_06(),
            empty_table("07", "政府性基金预算财政拨款收入支出决算表", COLUMNS_05),
            empty_table("08", "国有资本经营预算财政拨款支出决算表", COLUMNS_05),
            table_09(),
        ],
        budget_execution=[
            BudgetExecution(
                function_code="2060101",
                function_label="科学技术支出（类）科学技术管理事务（款）行政运行（项）",
                initial_budget_yuan=wan("420.00"),
                final_yuan=wan("400.00"),
                completion_rate=Decimal("95.2"),
                explanation="人员变动",
                page=14,
            ),
            BudgetExecution(
                function_code="2080505",
                function_label="社会保障和就业支出（类）…机关事业单位基本养老保险缴费支出（项）",
                initial_budget_yuan=wan("100"),
                final_yuan=wan("100"),
                completion_rate=Decimal("100.0"),
                explanation="",
                page=15,
            ),
        ],
        narrative_figures=[
            NarrativeFigure(
                "total_income_expenditure", wan("1010.00"), 12, "收、支总计1010.00万元"
            ),
            NarrativeFigure("income_total", wan("1000.00"), 12, "收入合计1000.00万元"),
            NarrativeFigure(
                "fiscal_appropriation_income", wan("990.00"), 12, "财政拨款收入990.00万元"
            ),
            NarrativeFigure("expenditure_total", wan("1010.00"), 12, "支出合计1010.00万元"),
            NarrativeFigure("basic_expenditure", wan("810.00"), 12, "基本支出810.00万元"),
            NarrativeFigure("project_expenditure", wan("200.00"), 12, "项目支出200.00万元"),
            NarrativeFigure("fiscal_total", wan("990.00"), 13, "财政拨款收、支总计990.00万元"),
            NarrativeFigure(
                "general_budget_expenditure",
                wan("990.00"),
                13,
                "一般公共预算财政拨款支出990.00万元",
            ),
            NarrativeFigure(
                "general_budget_class:206", wan("890.00"), 13, "科学技术支出（类）支出890.00万元"
            ),
            NarrativeFigure("general_budget_basic", wan("790.00"), 16, "基本支出790.00万元"),
            NarrativeFigure("personnel_expenditure", wan("650.00"), 16, "人员经费650.00万元"),
            NarrativeFigure("public_expenditure", wan("140.00"), 16, "公用经费140.00万元"),
            NarrativeFigure(
                "three_public_budget", wan("15.67"), 17, "“三公”经费财政拨款支出预算为15.67万元"
            ),
            NarrativeFigure("three_public_actual", wan("13.73"), 17, "支出决算为13.73万元"),
            NarrativeFigure(
                "overseas_travel_budget", wan("4.42"), 17, "因公出国（境）费预算为4.42万元"
            ),
            NarrativeFigure(
                "official_reception_actual", wan("1.53"), 17, "公务接待费支出决算为1.53万元"
            ),
        ],
    )


def set_amount(
    doc: DocumentExtraction,
    table_code: str,
    row_key: str,
    column: str,
    amount: str,
    side: str | None = None,
) -> None:
    """Overwrite one cell (amount in 万元)."""
    row = doc.tables[table_code].row(row_key, side)
    assert row is not None, (table_code, row_key, side)
    row.values[column] = wan(amount)


# ------------------------------------------------------------ the seed


SEED_05 = """
total 合计 243317.52 6041.98 237275.54
206 科学技术支出 241457.84 4182.30 237275.54
20601 科学技术管理事务 7969.10 1930.32 6038.78
2060101 行政运行 1930.32 1930.32 0
2060199 其他科学技术管理事务支出 6038.78 0 6038.78
20602 基础研究 1500.00 0 1500.00
2060204 实验室及相关设施 1500.00 0 1500.00
20604 技术研究与开发 132145.98 0 132145.98
2060499 其他技术研究与开发支出 132145.98 0 132145.98
20605 科技条件与服务 3254.76 2251.98 1002.78
2060501 机构运行 2251.98 2251.98 0
2060599 其他科技条件与服务支出 1002.78 0 1002.78
20608 科技交流与合作 300.00 0 300.00
2060899 其他科技交流与合作支出 300.00 0 300.00
20609 科技重大项目 46288.00 0 46288.00
2060902 重点研发计划 46288.00 0 46288.00
20699 其他科学技术支出 50000.00 0 50000.00
2069999 其他科学技术支出 50000.00 0 50000.00
208 社会保障和就业支出 781.50 781.50 0
20805 行政事业单位养老支出 760.49 760.49 0
2080501 行政单位离退休 40.60 40.60 0
2080502 事业单位离退休 14.83 14.83 0
2080505 机关事业单位基本养老保险缴费支出 595.86 595.86 0
2080506 机关事业单位职业年金缴费支出 109.20 109.20 0
20899 其他社会保障和就业支出 21.01 21.01 0
2089999 其他社会保障和就业支出 21.01 21.01 0
210 卫生健康支出 437.67 437.67 0
21011 行政事业单位医疗 437.67 437.67 0
2101101 行政单位医疗 101.31 101.31 0
2101102 事业单位医疗 197.36 197.36 0
2101103 公务员医疗补助 139.00 139.00 0
221 住房保障支出 640.51 640.51 0
22102 住房改革支出 640.51 640.51 0
2210201 住房公积金 448.29 448.29 0
2210202 提租补贴 51.16 51.16 0
2210203 购房补贴 141.06 141.06 0
"""

SEED_06 = """
301 工资福利支出 4776.70
30101 基本工资 736.92
30102 津贴补贴 992.36
30103 奖金 524.03
30106 伙食补助费 0
30107 绩效工资 435.14
30108 机关事业单位基本养老保险缴费 604.05
30109 职业年金缴费 221.77
30110 职工基本医疗保险缴费 290.19
30111 公务员医疗补助缴费 148.46
30112 其他社会保障缴费 43.43
30113 住房公积金 578.73
30114 医疗费 0.58
30199 其他工资福利支出 201.04
303 对个人和家庭的补助 304.42
30301 离休费 27.97
30302 退休费 225.65
30304 抚恤金 45.19
30307 医疗费补助 4.39
30399 其他对个人和家庭的补助 1.22
302 商品和服务支出 960.86
30201 办公费 80.62
30202 印刷费 4.38
30203 咨询费 2.90
30205 水费 0.66
30206 电费 21.37
30207 邮电费 16.70
30209 物业管理费 144.28
30211 差旅费 59.02
30212 因公出国（境）费用 4.42
30213 维修（护）费 29.06
30214 租赁费 1.56
30215 会议费 2.00
30216 培训费 5.76
30217 公务接待费 1.53
30226 劳务费 35.10
30227 委托业务费 34.40
30228 工会经费 66.46
30229 福利费 189.07
30231 公务用车运行维护费 7.78
30239 其他交通费用 67.68
30299 其他商品和服务支出 186.11
310 资本性支出 0
personnel_total 人员经费合计 5081.12
public_total 公用经费合计 960.86
"""


def _parse_rows(text: str) -> list[tuple[str, str, tuple[str, ...]]]:
    rows = []
    for line in text.strip().splitlines():
        key, label, *amounts = line.split()
        rows.append((key, label, tuple(amounts)))
    return rows


def seed_document() -> DocumentExtraction:
    """The seed's tables 05, 06 and 09 as printed, and its disagreeing narrative."""
    t05 = function_table(
        "05", "2023年度一般公共预算财政拨款支出决算表", COLUMNS_05, _parse_rows(SEED_05), 8
    )
    t06 = economic_table([(k, label, a[0]) for k, label, a in _parse_rows(SEED_06)], 9)
    t09 = table_09(page=12)
    doc = document([t05, t06, t09])
    doc.budget_execution = [
        BudgetExecution(
            function_code="2060101",
            function_label="科学技术支出（类）科学技术管理事务（款）行政运行（项）",
            initial_budget_yuan=wan("2191.67"),
            final_yuan=wan("1930.32"),
            completion_rate=Decimal("88.1"),
            explanation="支出决算数小于年初预算数的主要原因是人员经费增人增资部分未执行到位",
            page=13,
        ),
        BudgetExecution(
            function_code="2060499",
            function_label="科学技术支出（类）技术研究开发（款）其他技术研究与开发支出（项）",
            initial_budget_yuan=wan("119725.88"),
            final_yuan=wan("113219.88"),
            completion_rate=Decimal("94.6"),
            explanation="部分财政线上单位科技研发资金拨款转由市财政局拨付等",
            page=14,
        ),
        BudgetExecution(
            function_code="2060899",
            function_label="科学技术支出（类）科技交流与合作（款）其他科技交流与合作支出（项）",
            initial_budget_yuan=wan("0"),
            final_yuan=wan("3000"),
            completion_rate=None,
            explanation="代拨省财政厅下达专项资金",
            page=14,
        ),
    ]
    doc.narrative_figures = [
        NarrativeFigure("general_budget_basic", wan("6041.98"), 16, "基本支出6041.98万元"),
        NarrativeFigure("personnel_expenditure", wan("5081.12"), 16, "人员经费5081.12万元"),
        NarrativeFigure(
            "three_public_budget", wan("28.65"), 17, "“三公”经费财政拨款支出预算为28.65万元"
        ),
        NarrativeFigure("three_public_actual", wan("13.73"), 17, "支出决算为13.73万元"),
        NarrativeFigure("overseas_travel_budget", wan("0"), 17, "因公出国（境）费预算为0万元"),
        NarrativeFigure("overseas_travel_actual", wan("4.42"), 17, "支出决算为4.42万元"),
    ]
    return doc


# ------------------------------------------------------------ samples and breaks


@cache
def extracted_sample(path: Path) -> DocumentExtraction:
    """The extraction of a sample PDF, extracted once per test session and shared.

    Copy it (``copy.deepcopy``) before changing it.
    """
    return extract_document(path)


def bad_function_table() -> ExtractedTable:
    """A table 05 breaking every row check: a bad code, a duplicate, a negative, 3 decimals, a float."""
    rows = [
        TableRow("total", "合计", 7, {"total": wan("10"), "basic": wan("10"), "project": wan("0")}),
        TableRow(
            "20a0101", "坏编码", 7, {"total": wan("5"), "basic": wan("5"), "project": wan("0")}
        ),
        TableRow(
            "206", "科学技术支出", 7, {"total": wan("5"), "basic": wan("5"), "project": wan("0")}
        ),
        TableRow(
            "206", "科学技术支出", 8, {"total": wan("5"), "basic": wan("5"), "project": wan("0")}
        ),
        TableRow(
            "2060101",
            "行政运行",
            8,
            {"total": Decimal("-1.00"), "basic": Decimal("-1.00"), "project": wan("0")},
        ),
        TableRow(
            "2060102",
            "一般行政管理事务",
            8,
            {"total": Decimal("1.005"), "basic": Decimal("1.005"), "project": 0.0},
        ),  # type: ignore[dict-item]
    ]
    return ExtractedTable(
        "05", "一般公共预算财政拨款支出决算表", None, "元", [7, 8], list(COLUMNS_05), rows
    )


def broken_documents() -> dict[str, DocumentExtraction]:
    """The consistent document with each injected break, by what is broken; and the seed."""
    documents: dict[str, DocumentExtraction] = {
        "consistent": consistent_document(),
        "seed": seed_document(),
    }

    doc = consistent_document()
    set_amount(doc, "03", "2060101", "total", "401.00")
    documents["row total off"] = doc

    doc = consistent_document()
    set_amount(doc, "02", "206", "total", "905.00")
    set_amount(doc, "02", "206", "fiscal_appropriation", "895.00")
    documents["class not the sum of its sections"] = doc

    doc = consistent_document()
    doc.budget_execution[0].final_yuan = wan("4000.00")
    doc.narrative_figures[0].amount_yuan = wan("1011.00")
    documents["narrative numbers changed"] = doc

    doc = consistent_document()
    doc.tables["05"] = bad_function_table()
    documents["table 05 failing its schema"] = doc

    doc = consistent_document()
    table = doc.tables["03"]
    table.columns = [c for c in table.columns if c.key != "basic"]
    for row in table.rows:
        row.values.pop("basic")
        row.values["bogus"] = Decimal("0")
    documents["column missing and column unexpected"] = doc

    doc = consistent_document()
    set_amount(doc, "01", "年初结转和结余", "amount", "-5.00", side="income")
    doc.tables["01"].rows.append(TableRow("总计", "总计", 3, {"amount": wan("1")}, side="income"))
    doc.tables["01"].rows.append(TableRow("总计", "总计", 3, {"amount": wan("1")}, side="sideways"))
    documents["statement line twice and a bad side"] = doc

    doc = consistent_document()
    doc.tables["06"].rows.append(TableRow("3011", "bad", 8, {"amount": wan("1")}))
    doc.tables["09"].rows.append(
        TableRow("travel", "bad", 10, {"budget": wan("1"), "actual": wan("1")})
    )
    documents["bad keys in 06 and 09"] = doc

    doc = consistent_document()
    # Every amount of 03 negative, a row without a label, and every row printed twice:
    # many failures in one table, on columns before and after its row keys.
    table = doc.tables["03"]
    for row in table.rows:
        for key in row.values:
            row.values[key] = -row.values[key] - Decimal("0.001")
    table.rows[1].row_label = None  # type: ignore[assignment]
    table.rows += [copy.deepcopy(row) for row in table.rows]
    documents["table 03 failing everywhere"] = doc

    doc = consistent_document()
    del doc.tables["03"]
    for row in doc.tables["02"].rows:
        for i, key in enumerate(row.values):
            row.values[key] = wan(str(17 * (len(row.row_key) + i) + 3))
    documents["mangled"] = doc

    doc = consistent_document()
    doc.tables["06"].rows = []
    documents["table without rows"] = doc

    for name, doc in documents.items():
        doc.document_id = f"fixture-{name.replace(' ', '-')}"
    return documents

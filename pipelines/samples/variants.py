"""Small documents, each exercising layout variants an extractor must handle.

Each variant prints a few tables (sometimes all nine) and carries its own
``expected``. Amounts come from hand-written leaves or from the synthetic
generator; subtotals are always summed from leaves.
"""

from __future__ import annotations

import dataclasses
from decimal import Decimal

from pipelines.samples.accounts import FinalAccount
from pipelines.samples.blocks import Block, Heading, Paragraph
from pipelines.samples.compose import SHANGHAI_ORDER, table_blocks
from pipelines.samples.departments import EDUCATION, STATISTICS, TRANSPORT, DepartmentProfile
from pipelines.samples.prose import part
from pipelines.samples.sample import SampleDocument
from pipelines.samples.style import TableStyle
from pipelines.samples.synthetic import (
    FUNCTION_KEYS_02,
    FUNCTION_KEYS_03,
    FUNCTION_KEYS_05,
    generate,
    hierarchy,
)
from pipelines.samples.tables import TableContext

D = Decimal


def _variant(
    file_name: str,
    department: str,
    region: str,
    year: int,
    blocks: list[Block],
    traits: tuple[str, ...],
    *,
    unit: str = "万元",
    scope: str = "department",
    radicals: bool = False,
) -> SampleDocument:
    return SampleDocument(
        file_name=file_name,
        department_name=department,
        region=region,
        fiscal_year=year,
        reporting_scope=scope,
        unit=unit,
        blocks=blocks,
        folder="variants",
        traits=traits,
        radicals=radicals,
    )


def _cover(department: str, year_line: str) -> list[Block]:
    return [
        Heading(department, size=22, space_before=200, space_after=16),
        Heading(year_line, size=22, space_after=30),
    ]


def split_codes_in_yuan() -> SampleDocument:
    """类|款|项 code columns, amounts in 元 with separators, '-' for zero, a negative, 合计 last."""
    names = {
        "201": "一般公共服务支出", "20105": "统计信息事务", "2010501": "行政运行",
        "2010505": "专项统计业务", "2010508": "统计抽样调查",
        "208": "社会保障和就业支出", "20805": "行政事业单位养老支出",
        "2080505": "机关事业单位基本养老保险缴费支出",
        "221": "住房保障支出", "22102": "住房改革支出", "2210201": "住房公积金",
    }  # fmt: skip
    basic = {
        "2010501": D("3126445.18"),
        "2010508": D("871203.40"),
        "2080505": D("402118.62"),
        "2210201": D("298541.00"),
    }
    project = {"2010505": D("1562009.37"), "2010508": D("2995.39")}
    leaves05 = {
        c: {
            "basic": basic.get(c, D(0)),
            "project": project.get(c, D(0)),
            "total": basic.get(c, D(0)) + project.get(c, D(0)),
        }
        for c in set(basic) | set(project)
    }
    business = {"2010508": D("120000.00")}
    other = {
        "2010501": D("-1250.00"),
        "2010508": D("5630.25"),
    }  # a refund booked as negative income
    leaves02 = {}
    leaves03 = {}
    for c, v in leaves05.items():
        income = {
            "fiscal_appropriation": v["total"],
            "business_income": business.get(c, D(0)),
            "other_income": other.get(c, D(0)),
        }
        income["total"] = sum(income.values(), D(0))
        leaves02[c] = income
        own = business.get(c, D(0)) - D("20000.00") if c in business else D(0)
        leaves03[c] = {
            "basic": v["basic"] + own,
            "project": v["project"],
            "total": v["total"] + own,
        }
    account = FinalAccount(
        t02=hierarchy(leaves02, names, FUNCTION_KEYS_02),
        t03=hierarchy(leaves03, names, FUNCTION_KEYS_03),
        t05=hierarchy(leaves05, names, FUNCTION_KEYS_05),
    )
    style = TableStyle(unit="元", thousands=True, zero="-", split_codes=True, total_at_bottom=True)
    ctx = TableContext("南京市统计局", 2022, style)
    tables = table_blocks(ctx, account, order=("02", "03", "05"))
    for block, position in zip(tables, (2, 3, 5), strict=True):
        _renumber(block, style, position)
    return _variant(
        "split-codes-yuan.pdf", "南京市统计局", "南京市", 2022,
        [*_cover("南京市统计局", "2022年度部门决算"), *tables],
        ("类|款|项 columns", "unit 元", "thousands separators", "zero as '-'", "negative amount", "合计 at the bottom"),
        unit="元",
    )  # fmt: skip


def _renumber(block, style: TableStyle, position: int) -> None:
    """Print the national number of a table drawn out of its usual sequence."""
    printed = style.printed_number(position)
    block.printed_number = printed
    if block.expected is not None:
        block.expected.printed_number = printed


def two_panel_06_and_six_column_09() -> SampleDocument:
    """06 in two panels, 09 as 预算数/决算数 rows, '—' for zero, 05 continued without header."""
    profile = dataclasses.replace(
        EDUCATION, style=TableStyle(panels_06=2, form_09="6col", zero="—", repeat_header=False)
    )
    account = generate(profile, 2022).account
    ctx = TableContext(profile.name, 2022, profile.style)
    tables = table_blocks(ctx, account, order=("05", "06", "09"), break_before={"05": ("208",)})
    for block, position in zip(tables, (5, 6, 9), strict=True):
        _renumber(block, profile.style, position)
    return _variant(
        "two-panel-06-six-column-09.pdf", profile.name, profile.region, 2022,
        [*_cover(profile.name, "2022年度部门决算"), *tables],
        ("two-panel 06", "6-column 09", "zero as '—'", "continuation page without header"),
    )  # fmt: skip


def no_table_numbers() -> SampleDocument:
    """Titles only: no 公开NN表 / 表N label anywhere; 05 continues with its header repeated."""
    profile = dataclasses.replace(TRANSPORT, style=TableStyle(numbering="none", repeat_header=True))
    account = generate(profile, 2022).account
    ctx = TableContext(profile.name, 2022, profile.style)
    tables = table_blocks(
        ctx, account, order=("01", "02", "05", "09"), break_before={"05": ("21404",)}
    )
    return _variant(
        "no-table-numbers.pdf", profile.name, profile.region, 2022,
        [*_cover(profile.name, "2022年度部门决算"), *tables],
        ("no printed table numbers", "continuation page with repeated header"),
    )  # fmt: skip


GREENING = DepartmentProfile(
    slug="putuo-lhsr",
    name="上海市普陀区绿化和市容管理局",
    region="上海市普陀区",
    main_class=("212", "城乡社区支出"),
    sections=[
        (
            "21201",
            "城乡社区管理事务",
            [
                ("2120101", "行政运行", "admin"),
                ("2120104", "城管执法", "project"),
                ("2120199", "其他城乡社区管理事务支出", "project"),
            ],
        ),
        ("21205", "城乡社区环境卫生", [("2120501", "城乡社区环境卫生", "institution")]),
    ],  # fmt: skip
    duties=[],
    units=[],
    scale=20000,
    fund_class=("212", "城乡社区支出"),
    fund_sections=[
        ("21208", "国有土地使用权出让收入安排的支出", [("2120803", "城市建设支出", "project")])
    ],
    style=TableStyle(numbering="chinese", year_in_title=False, repeat_header=True),
)


def shanghai_order_split_year() -> SampleDocument:
    """表一…表九, "三公" printed seventh, 07 filled, 08 declared 本表无数据, year apart from titles."""
    account = generate(GREENING, 2024).account
    ctx = TableContext(GREENING.name, 2024, GREENING.style)
    tables = table_blocks(
        ctx,
        account,
        order=SHANGHAI_ORDER,
        no_data_declared=("08",),
        empty_notes={"08": ["本部门2024年度没有国有资本经营预算财政拨款支出，本表无数据。"]},
    )
    blocks: list[Block] = [
        *_cover(GREENING.name, "2024 年度部门决算"),
        *part("第二部分  2024 年度部门决算表"),
        Paragraph.plain("以下各表金额单位均为万元，表中年度均为2024年度。", indent=False),
        *tables,
    ]
    return _variant(
        "shanghai-order-split-year.pdf", GREENING.name, GREENING.region, 2024, blocks,
        ("表一…表九 numbering", "三公 table printed seventh", "07 filled with rows", "08 declared 本表无数据", "year split from titles"),
    )  # fmt: skip


def unit_document_with_radicals() -> SampleDocument:
    """A unit (单位) final account whose text uses ⻔ (U+2ED4) and ⻋ (U+2ECB) for 门 and 车."""
    unit = "武汉市科技成果转化促进中心"
    profile = dataclasses.replace(
        STATISTICS, name=unit, region="武汉市", scale=2500, style=TableStyle(scope_label="单位名称")
    )
    account = generate(profile, 2023).account
    ctx = TableContext(unit, 2023, profile.style)
    tables = table_blocks(ctx, account, order=("01", "05", "06", "09"))
    for block, position in zip(tables, (1, 5, 6, 9), strict=True):
        _renumber(block, profile.style, position)
    blocks: list[Block] = [
        *_cover(unit, "2023年度单位决算"),
        Paragraph.plain(
            f"{unit}是武汉市科学技术局所属公益一类事业单位，本决算为单位决算，不含下属单位。部门主管：武汉市科学技术局。"
        ),
        *tables,
    ]
    return _variant(
        "unit-radicals.pdf", unit, "武汉市", 2023, blocks,
        ("unit document (单位)", "CJK radical look-alikes ⻔ ⻋"),
        scope="unit", radicals=True,
    )  # fmt: skip


def variant_samples() -> list[SampleDocument]:
    """Every variant document, written to tests/fixtures/variants/."""
    return [
        split_codes_in_yuan(),
        two_panel_06_and_six_column_09(),
        no_table_numbers(),
        shanghai_order_split_year(),
        unit_document_with_radicals(),
    ]

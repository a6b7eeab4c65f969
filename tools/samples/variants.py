"""Complete documents, each printed with layout variants an extractor must handle.

Every variant is a whole final account (cover, contents, Part 1, all nine
tables, Part 3, glossary; see ``complete.py``) of a synthetic department-year,
so its arithmetic holds across tables; what varies is how it prints: code
columns, unit, zeros, numbering, panels, the "三公" form, print order, scope,
radical look-alikes.
"""

from __future__ import annotations

import dataclasses

from tools.samples.blocks import Block
from tools.samples.complete import complete_final_account
from tools.samples.compose import SHANGHAI_ORDER
from tools.samples.departments import EDUCATION, STATISTICS, TRANSPORT, DepartmentProfile
from tools.samples.passages import passage, prose
from tools.samples.sample import SampleDocument
from tools.samples.style import TableStyle


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


def split_codes_in_yuan() -> SampleDocument:
    """类|款|项 code columns, amounts in 元 with separators, '-' for zero, a negative, 合计 last."""
    profile = dataclasses.replace(
        STATISTICS,
        refunds=(("2010501", 12500),),  # a refund booked as negative 其他收入 in 02
        style=TableStyle(
            unit="元", thousands=True, zero="-", split_codes=True, total_at_bottom=True
        ),
    )
    profile, blocks = complete_final_account(profile, 2022)
    return _variant(
        "split-codes-yuan.pdf", profile.name, profile.region, 2022, blocks,
        ("complete document", "类|款|项 columns", "unit 元", "thousands separators", "zero as '-'", "negative amount", "合计 at the bottom"),
        unit="元",
    )  # fmt: skip


def two_panel_06_and_six_column_09() -> SampleDocument:
    """06 in two panels, 09 as 预算数/决算数 rows, '—' for zero, 05 continued without header."""
    style = TableStyle(panels_06=2, form_09="6col", zero="—", repeat_header=False)
    profile, blocks = complete_final_account(EDUCATION, 2022, style, break_codes={"05": ("208",)})
    return _variant(
        "two-panel-06-six-column-09.pdf", profile.name, profile.region, 2022, blocks,
        ("complete document", "two-panel 06", "6-column 09", "zero as '—'", "continuation page without header"),
    )  # fmt: skip


def no_table_numbers() -> SampleDocument:
    """Titles only: no 公开NN表 / 表N label anywhere; 05 continues with its header repeated."""
    style = TableStyle(numbering="none", repeat_header=True)
    profile, blocks = complete_final_account(TRANSPORT, 2022, style, break_codes={"05": ("21404",)})
    return _variant(
        "no-table-numbers.pdf", profile.name, profile.region, 2022, blocks,
        ("complete document", "no printed table numbers", "continuation page with repeated header"),
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
    scale=20000,
    fund_class=("212", "城乡社区支出"),
    fund_sections=[
        ("21208", "国有土地使用权出让收入安排的支出", [("2120803", "城市建设支出", "project")])
    ],
    style=TableStyle(numbering="chinese", year_in_title=False, repeat_header=True),
)


def shanghai_order_split_year() -> SampleDocument:
    """表一…表九, "三公" printed seventh, 07 filled, 08 declared 本表无数据, year apart from titles."""
    wording = prose("variants")["shanghai"]
    profile, blocks = complete_final_account(
        GREENING,
        2024,
        order=SHANGHAI_ORDER,
        preface=passage(wording["preface"], {"y": 2024}),
        year_line=wording["cover"].format(y=2024),
    )
    return _variant(
        "shanghai-order-split-year.pdf", profile.name, profile.region, 2024, blocks,
        ("complete document", "表一…表九 numbering", "三公 table printed seventh", "07 filled with rows", "08 declared 本表无数据", "year split from titles"),
    )  # fmt: skip


def unit_document_with_radicals() -> SampleDocument:
    """A unit (单位) final account whose text uses ⻔ (U+2ED4) and ⻋ (U+2ECB) for 门 and 车."""
    wording = prose("variants")["unit"]
    unit = wording["name"]
    profile = dataclasses.replace(
        STATISTICS, name=unit, region="武汉市", scale=2500, style=TableStyle(scope_label="单位名称")
    )
    overview = passage(wording["overview"], {"name": unit})
    profile, blocks = complete_final_account(profile, 2023, scope="单位", overview=overview)
    return _variant(
        "unit-radicals.pdf", unit, "武汉市", 2023, blocks,
        ("complete document", "unit document (单位)", "CJK radical look-alikes ⻔ ⻋"),
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

"""Every real document (../shared/realdocs): cells checked by eye against the printed page.

For each of the 46 real PDFs this module pins what the document prints:

- at least ten cells spread over its tables (statement lines of 01/04 with
  their side, function rows of 02/03/05 by code or by ``unit:``/``item:``/
  ``total`` key, economic rows of 06, the 三公 items of 09), each with the
  amount as printed in the PDF, in its printed unit, converted to yuan here by
  :func:`wan` (万元) or :func:`yuan` (元). Every one was read off the page
  itself (``pdftotext -layout`` of the page, or the rendered page), never off
  the project's own extractor; the page is given in the comment;
- its metadata as the document prints it;
- which tables are found and which declared empty, and the document's status.

The prose files of the Jiangsu document sets print no tables; for them the
figures their narrative states are pinned instead.

What the extractor reads differently from the page is not among the passing
tests: a cell is a strict ``xfail`` in :data:`MISREAD` (with the printed value),
a table attribute in :data:`MISREAD_TABLES`, a document's metadata or table set
in its ``Doc.misread``. Inconsistencies the documents print themselves are
pinned as printed, with a comment.
"""

from __future__ import annotations

import fcntl
import json
import os
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

import pytest

from pipelines.extraction import extract_document
from pipelines.extraction.model import DocumentExtraction
from pipelines.extraction.problems import ProblemKind
from pipelines.validation import DocumentStatus, TableStatus, ValidationReport, validate_document
from tests.support.paths import REALDOCS

REALDOCS = REALDOCS

pytestmark = [
    pytest.mark.realdocs,
    pytest.mark.skipif(not REALDOCS.is_dir(), reason="../shared/realdocs is not present"),
]

ALL_TABLES = "01 02 03 04 05 06 07 08 09"


def wan(printed: str) -> Decimal:
    """An amount printed in 万元 ("2,995.39"; "" or "-" for a blank cell), in yuan."""
    text = printed.replace(",", "").strip()
    return Decimal(0) if text in ("", "-") else Decimal(text) * 10000


def yuan(printed: str) -> Decimal:
    """An amount printed in 元 ("195,774,300"; "" or "-" for a blank cell), in yuan."""
    text = printed.replace(",", "").strip()
    return Decimal(0) if text in ("", "-") else Decimal(text)


@dataclass(frozen=True)
class Doc:
    """What one document prints: its metadata, its tables, cells read off its pages."""

    department: str  # as printed (NFKC)
    year: int
    kind: str
    scope: str
    unit: str
    tables: str = ALL_TABLES  # the tables found, by national code
    empty: str = "07 08"  # the tables declared empty
    # (table, row_key, side, column, amount in yuan): side only for 01/04
    cells: tuple[tuple[str, str, str | None, str, Decimal], ...] = ()
    status: DocumentStatus = DocumentStatus.LOADED
    # what the extractor gets wrong today, by aspect ("department", "tables", "empty"),
    # with the reason: those aspects are strict xfails
    misread: dict[str, str] = field(default_factory=dict)


INC, EXP = "income", "expenditure"

DOCS: dict[str, Doc] = {}


# -- Shanghai municipal units (上海市级单位预算, 2026): 元, 三公 in 万元, split 类|款|项 ------

DOCS["shanghai-audit-2026-budget-unit.pdf"] = Doc(
    "上海市审计局",
    2026,
    "budget",
    "unit",
    "元",
    cells=(
        ("01", "一、财政拨款收入", INC, "amount", yuan("195,774,300")),  # p7
        ("01", "三、卫生健康支出", EXP, "amount", yuan("6,142,000")),
        ("01", "收入总计", INC, "amount", yuan("")),  # printed blank (支出总计 195,774,300)
        ("01", "支出总计", EXP, "amount", yuan("195,774,300")),
        ("02", "2010804", None, "total", yuan("16,527,000")),  # p8
        ("03", "2080801", None, "project", yuan("801,000")),  # p11, continuation
        ("03", "total", None, "project", yuan("20,703,000")),
        ("04", "四、住房保障支出", EXP, "general_public_budget", yuan("31,300,000")),  # p12
        ("05", "2010801", None, "basic", yuan("114,479,860")),  # p13
        ("05", "2010802", None, "basic", yuan("")),
        ("05", "2109999", None, "project", yuan("42,000")),  # p14, continuation
        ("05", "total", None, "basic", yuan("175,071,300")),
        ("06", "30101", None, "amount", yuan("21,000,000")),  # p17
        ("06", "30231", None, "amount", yuan("280,000")),  # p18
        ("06", "total", None, "amount", yuan("175,071,300")),
        ("09", "total", None, "budget", wan("237.92")),  # p19
        ("09", "overseas_travel", None, "budget", wan("201.80")),
        ("09", "vehicle_purchase", None, "budget", wan("")),
        ("09", "official_reception", None, "budget", wan("8.12")),
    ),
)

DOCS["shanghai-carbon-reduction-center-2026-budget-unit.pdf"] = Doc(
    "上海市减污降碳管理运行技术中心",
    2026,
    "budget",
    "unit",
    "元",
    cells=(
        ("01", "2、政府性基金预算", INC, "amount", yuan("")),  # p7
        ("01", "四、其他收入", INC, "amount", yuan("869,403")),
        ("01", "收入总计", INC, "amount", yuan("39,418,784")),
        ("01", "三、节能环保支出", EXP, "amount", yuan("35,041,339")),
        ("02", "2080505", None, "other_income", yuan("332")),  # p8
        ("02", "211", None, "fiscal_appropriation", yuan("34,172,769")),
        ("02", "total", None, "total", yuan("39,418,784")),
        ("03", "2110108", None, "project", yuan("21,142,095")),  # p9
        ("03", "total", None, "basic", yuan("18,276,689")),
        ("04", "三、节能环保支出", EXP, "general_public_budget", yuan("34,172,769")),  # p10
        ("04", "收入总计", INC, "amount", yuan("38,549,381")),
        ("05", "2101102", None, "basic", yuan("998,251")),  # p11
        ("05", "208", None, "project", yuan("")),
        ("05", "total", None, "project", yuan("20,669,875")),
        ("06", "30107", None, "amount", yuan("8,034,852")),  # p14
        ("06", "30204", None, "amount", yuan("200")),
        ("06", "30227", None, "amount", yuan("602,000")),  # p15, continuation
        ("06", "total", None, "amount", yuan("17,879,506")),
        ("09", "total", None, "budget", wan("16.30")),  # p16
        ("09", "overseas_travel", None, "budget", wan("6.00")),
        ("09", "vehicles", None, "budget", wan("9.60")),
        ("09", "vehicle_purchase", None, "budget", wan("")),
        ("09", "official_reception", None, "budget", wan("0.70")),
    ),
)

DOCS["shanghai-data-bureau-2026-budget-unit.pdf"] = Doc(
    "上海市数据局",
    2026,
    "budget",
    "unit",
    "元",
    cells=(
        ("01", "三、事业单位经营收入", INC, "amount", yuan("")),  # p7
        ("01", "收入总计", INC, "amount", yuan("471,452,100")),
        ("01", "一、一般公共服务支出", EXP, "amount", yuan("463,892,324")),
        ("02", "2014102", None, "total", yuan("285,039,000")),  # p8
        ("02", "2210203", None, "fiscal_appropriation", yuan("2,497,500")),  # p9, continuation
        ("03", "2014101", None, "project", yuan("100,000")),  # p12
        ("03", "total", None, "basic", yuan("36,289,100")),  # p13
        ("04", "二、政府性基金预算", INC, "amount", yuan("")),  # p14
        ("04", "支出总计", EXP, "general_public_budget", yuan("471,452,100")),
        ("05", "2014199", None, "total", yuan("150,000,000")),  # p15
        ("05", "2101101", None, "project", yuan("")),
        ("05", "2109999", None, "project", yuan("24,000")),  # p16, continuation
        ("06", "30199", None, "amount", yuan("1,440")),  # p19
        ("06", "30214", None, "amount", yuan("11,420,000")),  # p20
        ("06", "total", None, "amount", yuan("36,289,100")),
        ("09", "total", None, "budget", wan("143.14")),  # p21
        ("09", "official_reception", None, "budget", wan("20.00")),
        ("09", "vehicle_operation", None, "budget", wan("14.00")),
    ),
)

DOCS["shanghai-drug-rehab-center-2026-budget-unit.pdf"] = Doc(
    "上海市戒毒康复中心",
    2026,
    "budget",
    "unit",
    "元",
    cells=(
        ("01", "1、一般公共预算", INC, "amount", yuan("121,224,000")),  # p7
        ("01", "收入总计", INC, "amount", yuan("121,224,000")),
        ("01", "一、公共安全支出", EXP, "amount", yuan("82,430,239")),
        ("02", "2040806", None, "total", yuan("1,094,600")),  # p8
        ("02", "2210201", None, "fiscal_appropriation", yuan("9,811,248")),  # p9, continuation
        ("02", "total", None, "total", yuan("121,224,000")),
        ("03", "2040807", None, "project", yuan("360,000")),  # p10
        ("03", "total", None, "basic", yuan("117,680,000")),  # p11
        ("04", "三、国有资本经营预算", INC, "amount", yuan("")),  # p12
        ("04", "四、住房保障支出", EXP, "general_public_budget", yuan("20,970,048")),
        ("05", "2040802", None, "basic", yuan("")),  # p13
        ("05", "2080599", None, "basic", yuan("5,600")),
        ("05", "2210203", None, "basic", yuan("11,158,800")),  # p14, continuation
        ("06", "30215", None, "amount", yuan("2,500")),  # p18
        ("06", "30302", None, "amount", yuan("233,157")),
        ("06", "31003", None, "amount", yuan("875,800")),
        ("06", "total", None, "amount", yuan("117,680,000")),
        ("09", "total", None, "budget", wan("30.75")),  # p19
        ("09", "overseas_travel", None, "budget", wan("")),
        ("09", "vehicle_purchase", None, "budget", wan("20.00")),
        ("09", "vehicle_operation", None, "budget", wan("8.25")),
        ("09", "official_reception", None, "budget", wan("2.50")),
    ),
)

DOCS["shanghai-fisheries-retiree-club-2026-budget-unit.pdf"] = Doc(
    "上海水产老干部活动室",
    2026,
    "budget",
    "unit",
    "元",
    cells=(
        ("01", "一、财政拨款收入", INC, "amount", yuan("866,296")),  # p7
        ("01", "2、政府性基金预算", INC, "amount", yuan("")),
        ("01", "二、农林水支出", EXP, "amount", yuan("825,956")),
        ("01", "支出总计", EXP, "amount", yuan("866,296")),
        ("02", "2080502", None, "fiscal_appropriation", yuan("39,540")),  # p8
        ("02", "total", None, "total", yuan("866,296")),
        ("03", "2130199", None, "basic", yuan("759,890")),  # p9
        ("03", "2080599", None, "project", yuan("")),
        ("04", "二、农林水支出", EXP, "general_public_budget", yuan("825,956")),  # p10
        ("05", "2080599", None, "total", yuan("800")),  # p11
        ("05", "213", None, "project", yuan("66,066")),
        ("05", "total", None, "basic", yuan("800,230")),
        ("06", "30214", None, "amount", yuan("587,090")),  # p14
        ("06", "303", None, "amount", yuan("39,540")),
        ("06", "total", None, "amount", yuan("800,230")),
        # p15: the 三公 table is printed with every cell blank
        ("09", "total", None, "budget", wan("")),
        ("09", "overseas_travel", None, "budget", wan("")),
        ("09", "vehicles", None, "budget", wan("")),
    ),
)

DOCS["shanghai-forensic-science-institute-2026-budget-unit.pdf"] = Doc(
    "上海市刑事科学技术研究院",
    2026,
    "budget",
    "unit",
    "元",
    cells=(
        ("01", "3、国有资本经营预算", INC, "amount", yuan("")),  # p7
        ("01", "四、其他收入", INC, "amount", yuan("4,000,000")),
        ("01", "收入总计", INC, "amount", yuan("70,716,064")),
        ("01", "一、科学技术支出", EXP, "amount", yuan("69,733,764")),
        ("02", "2060204", None, "fiscal_appropriation", yuan("42,568,000")),  # p8
        ("02", "2060204", None, "other_income", yuan("4,000,000")),
        ("02", "total", None, "other_income", yuan("4,000,000")),  # p9, continuation
        ("03", "2060201", None, "project", yuan("")),  # p10
        ("03", "total", None, "basic", yuan("24,148,064")),  # p11
        ("04", "一、科学技术支出", EXP, "general_public_budget", yuan("65,733,764")),  # p12
        ("05", "2060204", None, "project", yuan("42,568,000")),  # p13
        ("05", "2210201", None, "basic", yuan("171,800")),  # p14, continuation
        ("05", "total", None, "total", yuan("66,716,064")),
        ("06", "30199", None, "amount", yuan("360")),  # p17
        ("06", "30214", None, "amount", yuan("16,508,374")),  # p18
        ("06", "total", None, "amount", yuan("24,148,064")),
        ("09", "total", None, "budget", wan("1.70")),  # p19
        ("09", "overseas_travel", None, "budget", wan("")),
        ("09", "official_reception", None, "budget", wan("1.70")),
    ),
)

DOCS["shanghai-land-registration-center-2026-budget-unit.pdf"] = Doc(
    "上海市自然资源确权登记事务中心",
    2026,
    "budget",
    "unit",
    "元",
    empty="08",
    cells=(
        ("01", "2、政府性基金预算", INC, "amount", yuan("435,000")),  # p7
        ("01", "二、事业收入", INC, "amount", yuan("")),
        ("01", "三、事业单位经营收入", INC, "amount", yuan("16,710,000")),
        ("01", "收入总计", INC, "amount", yuan("50,040,000")),
        ("01", "四、自然资源海洋气象等支出", EXP, "amount", yuan("36,861,351")),
        ("02", "2080502", None, "operating_income", yuan("")),  # p8
        ("02", "2080505", None, "operating_income", yuan("1,182,070")),
        ("02", "2200150", None, "other_income", yuan("1,600,000")),  # p9, continuation
        ("02", "total", None, "operating_income", yuan("16,710,000")),
        ("03", "2120806", None, "project", yuan("435,000")),  # p10
        ("03", "total", None, "basic", yuan("43,069,200")),  # p11
        ("04", "三、城乡社区支出", EXP, "government_fund", yuan("435,000")),  # p12
        ("04", "支出总计", EXP, "general_public_budget", yuan("31,295,000")),
        ("05", "2200150", None, "project", yuan("300,000")),  # p13
        ("05", "total", None, "basic", yuan("30,995,000")),  # p14
        ("07", "2120806", None, "project", yuan("435,000")),  # p15
        ("07", "total", None, "total", yuan("435,000")),
        ("06", "30204", None, "amount", yuan("1,100")),  # p17
        ("06", "31003", None, "amount", yuan("48,000")),  # p18
        ("06", "total", None, "amount", yuan("30,995,000")),
        ("09", "total", None, "budget", wan("20.8")),  # p19, one decimal printed
        ("09", "overseas_travel", None, "budget", wan("10.0")),
        ("09", "official_reception", None, "budget", wan("1.2")),
        ("09", "vehicle_operation", None, "budget", wan("9.6")),
    ),
)

DOCS["shanghai-medical-insurance-center-2026-budget-unit.pdf"] = Doc(
    "上海市医疗保险事业管理中心",
    2026,
    "budget",
    "unit",
    "元",
    cells=(
        # p7: the document labels its 208 class line 一般公共服务支出 here (社会保障和就业支出
        # in every other table)
        ("01", "一、一般公共服务支出", EXP, "amount", yuan("7,099,698")),
        ("01", "二、卫生健康支出", EXP, "amount", yuan("175,412,674")),
        ("01", "四、其他收入", INC, "amount", yuan("")),
        ("01", "收入总计", INC, "amount", yuan("193,018,000")),
        ("02", "2101504", None, "total", yuan("70,486,801")),  # p8
        ("02", "2101599", None, "fiscal_appropriation", yuan("24,088,400")),  # p9, continuation
        ("03", "2101506", None, "project", yuan("39,824,799")),  # p10
        ("03", "total", None, "project", yuan("134,400,000")),  # p11
        ("04", "一、社会保障和就业支出", EXP, "general_public_budget", yuan("7,099,698")),  # p12
        ("05", "2101501", None, "basic", yuan("38,317,827")),  # p13
        ("05", "2101504", None, "basic", yuan("")),
        ("05", "2210203", None, "total", yuan("5,769,444")),  # p14, continuation
        ("06", "30204", None, "amount", yuan("500")),  # p17
        ("06", "31099", None, "amount", yuan("300,000")),  # p18
        ("06", "total", None, "amount", yuan("58,618,000")),
        ("09", "total", None, "budget", wan("27.00")),  # p19
        ("09", "overseas_travel", None, "budget", wan("20.00")),
        ("09", "vehicles", None, "budget", wan("")),
        ("09", "official_reception", None, "budget", wan("7.00")),
    ),
)

DOCS["shanghai-petition-office-2026-budget-unit.pdf"] = Doc(
    "上海市信访办公室",
    2026,
    "budget",
    "unit",
    "元",
    cells=(
        ("01", "1、一般公共预算", INC, "amount", yuan("288,280,739")),  # p7
        ("01", "二、事业收入", INC, "amount", yuan("")),
        ("01", "二、社会保障和就业支出", EXP, "amount", yuan("8,855,880")),
        ("01", "支出总计", EXP, "amount", yuan("288,280,739")),
        ("02", "2014002", None, "total", yuan("227,436,799")),  # p8
        ("02", "2210203", None, "fiscal_appropriation", yuan("5,481,600")),  # p9, continuation
        ("03", "2080599", None, "basic", yuan("18,400")),  # p10
        ("03", "2080599", None, "project", yuan("350,000")),
        ("03", "total", None, "project", yuan("228,233,799")),  # p11
        ("04", "三、卫生健康支出", EXP, "general_public_budget", yuan("1,996,000")),  # p12
        ("05", "20808", None, "basic", yuan("")),  # p13
        ("05", "2080801", None, "project", yuan("411,000")),
        ("05", "2109999", None, "project", yuan("36,000")),  # p14, continuation
        ("05", "total", None, "basic", yuan("60,046,940")),
        ("06", "30111", None, "amount", yuan("520,000")),  # p17
        ("06", "30214", None, "amount", yuan("2,350,020")),  # p18, continuation
        ("06", "total", None, "amount", yuan("60,046,940")),
        ("09", "total", None, "budget", wan("84.00")),  # p19
        ("09", "overseas_travel", None, "budget", wan("30.00")),
        ("09", "vehicles", None, "budget", wan("49.00")),
        ("09", "vehicle_purchase", None, "budget", wan("")),
        ("09", "official_reception", None, "budget", wan("5.00")),
    ),
)

# Thousands separators lost except the last: "120258,600" is 120,258,600.
DOCS["shanghai-vocational-exam-institute-2026-budget-unit.pdf"] = Doc(
    "上海市职业能力考试院",
    2026,
    "budget",
    "unit",
    "元",
    cells=(
        ("01", "一、财政拨款收入", INC, "amount", yuan("120258,600")),  # p7
        ("01", "四、其他收入", INC, "amount", yuan("7880,000")),
        ("01", "收入总计", INC, "amount", yuan("128138,600")),
        ("01", "一、社会保障和就业支出", EXP, "amount", yuan("125360,898")),
        ("02", "2080104", None, "fiscal_appropriation", yuan("94146,002")),  # p8
        ("02", "2080104", None, "other_income", yuan("7880,000")),
        ("02", "total", None, "total", yuan("128138,600")),  # p9, continuation
        ("03", "2080104", None, "project", yuan("102026,002")),  # p10
        ("03", "2080150", None, "basic", yuan("19439,054")),
        ("03", "total", None, "basic", yuan("25829,012")),  # p11
        ("04", "二、卫生健康支出", EXP, "general_public_budget", yuan("1851,801")),  # p12
        ("05", "2080104", None, "project", yuan("94146,002")),  # p13
        ("05", "2080108", None, "basic", yuan("")),
        ("05", "total", None, "project", yuan("94429,588")),  # p14: a page holding only 合计
        ("06", "30107", None, "amount", yuan("10360,707")),  # p17
        ("06", "30214", None, "amount", yuan("2417,031")),  # p18
        ("06", "total", None, "amount", yuan("25829,012")),
        ("09", "total", None, "budget", wan("81.60")),  # p19
        ("09", "overseas_travel", None, "budget", wan("10.00")),
        ("09", "vehicle_purchase", None, "budget", wan("61.00")),
        ("09", "vehicle_operation", None, "budget", wan("9.60")),
        ("09", "official_reception", None, "budget", wan("1.00")),
    ),
)

# Funded from lottery money (a 政府性基金): the general-budget tables 05 and 06 are printed
# blank, the 三公 table too.
DOCS["shanghai-welfare-lottery-center-2026-budget-unit.pdf"] = Doc(
    "上海市福利彩票发行中心",
    2026,
    "budget",
    "unit",
    "元",
    empty="05 06 08",
    cells=(
        ("01", "一、财政拨款收入", INC, "amount", yuan("215,020,000")),  # p7
        ("01", "1、一般公共预算", INC, "amount", yuan("")),
        ("01", "2、政府性基金预算", INC, "amount", yuan("215,020,000")),
        ("01", "四、其他收入", INC, "amount", yuan("1,781,570")),
        ("01", "一、其他支出", EXP, "amount", yuan("216,801,570")),
        ("02", "2290804", None, "fiscal_appropriation", yuan("215,020,000")),  # p8
        ("02", "2299999", None, "other_income", yuan("1,781,570")),
        ("02", "total", None, "other_income", yuan("1,781,570")),
        ("03", "2290804", None, "basic", yuan("20,862,863")),  # p9
        ("03", "total", None, "project", yuan("195,938,707")),
        ("04", "三、国有资本经营预算", INC, "amount", yuan("")),  # p10, label wrapped ("预" / "算")
        ("04", "收入总计", INC, "amount", yuan("215,020,000")),
        ("04", "一、其他支出", EXP, "general_public_budget", yuan("")),
        ("04", "一、其他支出", EXP, "government_fund", yuan("215,020,000")),
        ("07", "2290804", None, "project", yuan("194,157,137")),  # p12
        ("07", "total", None, "basic", yuan("20,862,863")),
        ("09", "total", None, "budget", wan("")),  # p15, printed blank
        ("09", "vehicles", None, "budget", wan("")),
    ),
)


# -- Shanghai Putuo district (普陀区): 元 with fen, 三公 in 万元 --------------------------------

DOCS["putuo-government-office-2025-budget.pdf"] = Doc(
    "上海市普陀区人民政府办公室",
    2025,
    "budget",
    "department",
    "元",
    cells=(
        ("01", "1.一般公共预算资金", INC, "amount", yuan("91,016,775.35")),  # p8
        ("01", "2.政府性基金", INC, "amount", yuan("")),
        ("01", "四、住房保障支出", EXP, "amount", yuan("3,609,125.22")),
        ("01", "支出总计", EXP, "amount", yuan("91,016,775.35")),
        ("02", "2010350", None, "total", yuan("3,807,295.58")),  # p9
        ("02", "2101102", None, "fiscal_appropriation", yuan("314,218.15")),  # p10, continuation
        ("03", "2010350", None, "project", yuan("40,000.00")),  # p11
        ("03", "total", None, "basic", yuan("24,606,775.35")),  # p12
        ("04", "二、社会保障和就业支出", EXP, "general_public_budget", yuan("4,213,779.28")),  # p13
        ("04", "收入总计", INC, "amount", yuan("91,016,775.35")),
        ("05", "2010302", None, "basic", yuan("")),  # p14
        ("05", "2080599", None, "basic", yuan("14,820.00")),
        ("05", "2210203", None, "total", yuan("1,867,680.00")),  # p15, continuation
        ("06", "30229", None, "amount", yuan("483,840.00")),  # p19
        ("06", "30301", None, "amount", yuan("114,940.00")),
        ("06", "total", None, "amount", yuan("24,606,775.35")),
        ("09", "total", None, "budget", wan("867.50")),  # p20
        ("09", "overseas_travel", None, "budget", wan("839.00")),
        ("09", "vehicles", None, "budget", wan("")),
        ("09", "official_reception", None, "budget", wan("28.50")),
    ),
)

DOCS["putuo-government-office-unit-2025-budget.pdf"] = Doc(
    "上海市普陀区人民政府办公室",
    2025,
    "budget",
    "unit",
    "元",
    cells=(
        ("01", "1、一般公共预算资金", INC, "amount", yuan("91,016,775.35")),  # p8
        ("01", "3、国有资本经营预算", INC, "amount", yuan("")),
        ("01", "收入总计", INC, "amount", yuan("91,016,775.35")),
        ("01", "一、一般公共服务支出", EXP, "amount", yuan("82,096,797.42")),
        ("02", "2010399", None, "total", yuan("20,120,000.00")),  # p9, name wrapped
        ("02", "2210201", None, "total", yuan("1,741,445.22")),  # p10, continuation
        ("03", "2010301", None, "project", yuan("110,000.00")),  # p11
        ("03", "2210203", None, "basic", yuan("1,867,680.00")),  # p12, continuation
        ("04", "四、住房保障支出", EXP, "general_public_budget", yuan("3,609,125.22")),  # p13
        ("05", "2010399", None, "project", yuan("20,120,000.00")),  # p14
        ("05", "2101101", None, "basic", yuan("782,855.28")),  # p15, continuation
        ("06", "30112", None, "amount", yuan("45,013.88")),  # p18
        ("06", "30302", None, "amount", yuan("1,188,720.00")),  # p19
        ("06", "310", None, "amount", yuan("200,000.00")),
        ("09", "total", None, "budget", wan("867.50")),  # p20
        ("09", "overseas_travel", None, "budget", wan("839.00")),
        ("09", "vehicle_operation", None, "budget", wan("")),
    ),
)

DOCS["putuo-justice-2026-budget.pdf"] = Doc(
    "上海市普陀区司法局",
    2026,
    "budget",
    "department",
    "元",
    cells=(
        ("01", "2.政府性基金预算", INC, "amount", yuan("0.00")),  # p10
        ("01", "二、事业收入", INC, "amount", yuan("0.00")),
        ("01", "收入总计", INC, "amount", yuan("96,282,213.44")),
        ("01", "一、公共安全支出", EXP, "amount", yuan("87,267,272.44")),
        ("02", "2040699", None, "total", yuan("38454900.00")),  # p11, no separators
        ("02", "2080599", None, "business_income", yuan("0.00")),
        ("02", "total", None, "fiscal_appropriation", yuan("96282213.44")),
        ("03", "2040604", None, "project", yuan("21703947.00")),  # p12
        ("03", "2080506", None, "basic", yuan("919739.00")),  # p13, continuation
        ("03", "total", None, "basic", yuan("25741666.44")),
        ("04", "三、卫生健康支出", EXP, "general_public_budget", yuan("1,149,678.00")),  # p14
        ("05", "2040613", None, "project", yuan("2278800.00")),  # p15
        ("05", "2210203", None, "basic", yuan("2433600.00")),  # p16, continuation
        ("06", "30204", None, "amount", yuan("760.00")),  # p19
        ("06", "30227", None, "amount", yuan("91260.00")),  # p20
        ("06", "total", None, "amount", yuan("25741666.44")),
        ("09", "total", None, "budget", wan("10.81")),  # p21
        ("09", "overseas_travel", None, "budget", wan("0")),
        ("09", "vehicles", None, "budget", wan("9.98")),
        ("09", "vehicle_purchase", None, "budget", wan("0")),
        ("09", "official_reception", None, "budget", wan("0.83")),
    ),
)

DOCS["putuo-justice-unit-2026-budget.pdf"] = Doc(
    "上海市普陀区司法局",
    2026,
    "budget",
    "unit",
    "元",
    cells=(
        ("01", "1、一般公共预算", INC, "amount", yuan("86,959,408.34")),  # p8
        ("01", "3、国有资本经营预算", INC, "amount", yuan("0.00")),
        ("01", "二、社会保障和就业支出", EXP, "amount", yuan("2,925,857.00")),
        ("01", "支出总计", EXP, "amount", yuan("86,959,408.34")),
        ("02", "2040607", None, "total", yuan("1,160,000.00")),  # p9
        ("02", "2210203", None, "fiscal_appropriation", yuan("2,070,000.00")),  # p10, continuation
        ("02", "total", None, "other_income", yuan("0.00")),
        # p11: the document prints the class's 64,840,547.00 project total on the 行政运行
        # line too (its row does not add up); pinned as printed
        ("03", "2040601", None, "project", yuan("64,840,547.00")),
        ("03", "2210203", None, "project", yuan("0")),  # p12, printed "0" among "0.00"
        ("03", "total", None, "basic", yuan("22,118,861")),  # printed without fen
        ("04", "一、公共安全支出", EXP, "government_fund", yuan("0.00")),  # p13
        ("04", "收入总计", INC, "amount", yuan("86,959,408.34")),
        ("05", "2040601", None, "project", yuan("64,840,547.00")),  # p14, as in 03
        ("05", "2080599", None, "basic", yuan("6,160.00")),
        ("05", "total", None, "basic", yuan("22,118,861")),  # p15, continuation
        ("06", "30204", None, "amount", yuan("260.00")),  # p18
        ("06", "30217", None, "amount", yuan("7,315.00")),  # p19
        ("06", "total", None, "amount", yuan("22,118,861.34")),
        ("09", "total", None, "budget", wan("10.71")),  # p20
        ("09", "overseas_travel", None, "budget", wan("0.00")),
        ("09", "vehicle_operation", None, "budget", wan("9.98")),
        ("09", "official_reception", None, "budget", wan("0.73")),
    ),
)

DOCS["putuo-commerce-unit-2025-budget.pdf"] = Doc(
    "上海市普陀区商务委员会",
    2025,
    "budget",
    "unit",
    "元",
    cells=(
        ("01", "1、一般公共预算资金", INC, "amount", yuan("371,514,655.00")),  # p9
        ("01", "二、事业收入", INC, "amount", yuan("")),
        ("01", "五、资源勘探工业信息等支出", EXP, "amount", yuan("293,810,000.00")),
        ("01", "支出总计", EXP, "amount", yuan("371,514,655.00")),
        ("02", "2011350", None, "total", yuan("2,901,820.00")),  # p10
        ("02", "2150899", None, "fiscal_appropriation", yuan("293,810,000.00")),  # p11
        ("03", "2060503", None, "project", yuan("17,200,000.00")),  # p12
        ("03", "2169999", None, "basic", yuan("")),  # p13, continuation
        ("03", "total", None, "basic", yuan("19,830,655.00")),
        ("04", "六、商业服务业等支出", EXP, "general_public_budget", yuan("31,364,000.00")),  # p14
        ("05", "2080502", None, "basic", yuan("17,280.00")),  # p15
        ("05", "2101102", None, "total", yuan("249,862.00")),  # p16, continuation
        ("05", "total", None, "project", yuan("351,684,000.00")),
        ("06", "30204", None, "amount", yuan("1,500.00")),  # p19
        ("06", "30301", None, "amount", yuan("251,936.00")),  # p20
        ("06", "total", None, "amount", yuan("19,830,655.00")),
        ("09", "total", None, "budget", wan("1.00")),  # p21
        ("09", "overseas_travel", None, "budget", wan("")),
        ("09", "official_reception", None, "budget", wan("1.00")),
    ),
)

DOCS["putuo-wanli-street-2024-budget.pdf"] = Doc(
    "上海市普陀区人民政府万里街道办事处",
    2024,
    "budget",
    "department",
    "元",
    cells=(
        ("01", "1.一般公共预算资金", INC, "amount", yuan("156,211,123")),  # p10
        ("01", "2.政府性基金", INC, "amount", yuan("")),
        ("01", "八、城乡社区支出", EXP, "amount", yuan("119,385,303")),
        ("01", "支出总计", EXP, "amount", yuan("156,211,123")),
        ("02", "2013302", None, "total", yuan("1,106,000")),  # p11
        ("02", "2120104", None, "business_income", yuan("0")),  # p14
        ("02", "2210399", None, "fiscal_appropriation", yuan("2,177,200")),
        ("02", "total", None, "total", yuan("156,211,123")),  # p15: a page holding only 合计
        ("03", "2010507", None, "basic", yuan("0")),  # p16
        ("03", "total", None, "basic", yuan("99,706,020")),  # p20: only 合计
        ("04", "五、文化旅游体育与传媒支出", EXP, "general_public_budget", yuan("200,000")),  # p21
        ("05", "2120101", None, "project", yuan("250,000")),  # p25
        ("05", "2120199", None, "basic", yuan("54,212,362")),
        ("05", "total", None, "project", yuan("56,505,103")),  # p26
        ("06", "30102", None, "amount", yuan("16,623,810")),  # p29, code printed "301 | 2"
        ("06", "30107", None, "amount", yuan("11,447,100")),  # "301 | 7"
        ("06", "30214", None, "amount", yuan("581,200")),  # p30
        ("06", "total", None, "amount", yuan("99,706,020")),
        # p31: amounts printed above a note saying the table is empty ("故本表为空表")
        ("09", "total", None, "budget", wan("47.91")),
        ("09", "overseas_travel", None, "budget", wan("0")),
        ("09", "vehicle_purchase", None, "budget", wan("25")),
        ("09", "vehicle_operation", None, "budget", wan("21.56")),
        ("09", "official_reception", None, "budget", wan("1.35")),
    ),
)

DOCS["putuo-wanli-street-2025-budget.pdf"] = Doc(
    "上海市普陀区人民政府万里街道办事处",
    2025,
    "budget",
    "department",
    "元",
    cells=(
        ("01", "一、财政拨款收入", INC, "amount", yuan("189,767,551")),  # p9
        ("01", "四、其他收入", INC, "amount", yuan("")),
        ("01", "二、公共安全支出", EXP, "amount", yuan("2,878,025")),
        ("01", "九、住房保障支出", EXP, "amount", yuan("9,364,732")),
        ("02", "2010507", None, "total", yuan("438,300")),  # p10
        ("02", "2129999", None, "fiscal_appropriation", yuan("52,348,937")),  # p13
        ("02", "total", None, "other_income", yuan("0")),
        ("03", "2013202", None, "project", yuan("1,075,000")),  # p14
        ("03", "total", None, "project", yuan("88,425,805")),  # p18: only 合计
        ("04", "八、城乡社区支出", EXP, "general_public_budget", yuan("154,369,326")),  # p19
        ("05", "2120101", None, "basic", yuan("17,737,739")),  # p23
        ("05", "2120102", None, "basic", yuan("0")),
        ("05", "2210399", None, "project", yuan("2,177,200")),  # p24, continuation
        ("06", "30101", None, "amount", yuan("6,084,184")),  # p27
        ("06", "30229", None, "amount", yuan("738,720")),  # p28
        ("06", "total", None, "amount", yuan("101,341,746")),
        ("09", "total", None, "budget", wan("37.91")),  # p29
        ("09", "vehicles", None, "budget", wan("36.56")),
        ("09", "vehicle_purchase", None, "budget", wan("15")),
        ("09", "official_reception", None, "budget", wan("1.35")),
    ),
)

# The one final account (决算) among the real documents; 万元, 合计 row at the top, names
# wrapped in narrow cells, 06 in two side-by-side panels, 09 with budget and actual.
DOCS["putuo-planning-resources-2024-final.pdf"] = Doc(
    "上海市普陀区规划和自然资源局",
    2024,
    "final_account",
    "department",
    "万元",
    cells=(
        ("01", "二、政府性基金预算财政拨款收入", INC, "amount", wan("")),  # p7
        ("01", "本年收入合计", INC, "amount", wan("9746.50")),
        ("01", "八、社会保障和就业支出", EXP, "amount", wan("754.75")),
        ("01", "九、卫生健康支出", EXP, "amount", wan("236.63")),  # 02/03 print 236.64
        ("01", "本年支出合计", EXP, "amount", wan("9759.38")),
        ("02", "total", None, "total", wan("9746.50")),  # p8, 合计 at the top
        ("02", "2080506", None, "total", wan("225.12")),  # name wrapped
        ("02", "2200199", None, "total", wan("45.00")),  # p9, continuation
        ("03", "total", None, "total", wan("9759.38")),  # p10
        ("03", "2120201", None, "basic", wan("488.68")),  # p11
        ("03", "2200199", None, "basic", wan("0.00")),
        ("04", "十一、城乡社区支出", EXP, "general_public_budget", wan("3832.36")),  # p12
        ("04", "总计", INC, "amount", wan("9746.50")),  # p13
        ("05", "2210203", None, "basic", wan("171.49")),  # p15, continuation
        ("05", "total", None, "project", wan("4381.74")),
        ("06", "303", None, "amount", wan("67.96")),  # p16, left panel
        ("06", "30108", None, "amount", wan("446.11")),  # name wrapped over the code
        ("06", "30207", None, "amount", wan("8.05")),  # right panel, code and name staggered
        ("06", "31007", None, "amount", wan("0.00")),
        ("09", "vehicles", None, "budget", wan("0.00")),  # p17
        ("09", "official_reception", None, "budget", wan("2.85")),
        ("09", "overseas_travel", None, "actual", wan("0.00")),
        ("09", "total", None, "actual", wan("0.39")),
    ),
)

# The official layout with example rows (205 / 20502 / 2050205 / 207 / 20799 and "…")
# and every amount cell blank: each cell below is printed blank.
DOCS["shanghai-final-account-template-2024.pdf"] = Doc(
    "上海市XX局",
    2024,
    "final_account",
    "department",
    "万元",
    empty="01 04 07 08",
    cells=(
        ("02", "205", None, "total", wan("")),  # p6
        ("02", "20799", None, "fiscal_appropriation", wan("")),  # name wrapped
        ("03", "2050205", None, "basic", wan("")),  # p7
        ("05", "207", None, "project", wan("")),  # p10
        ("05", "total", None, "total", wan("")),
        ("06", "30101", None, "amount", wan("")),  # p11, left panel
        ("06", "30207", None, "amount", wan("")),  # right panel, code glued to its name
        ("06", "31007", None, "amount", wan("")),  # name wrapped around the code
        ("06", "personnel_total", None, "amount", wan("")),
        ("09", "total", None, "budget", wan("")),  # p12
        ("09", "official_reception", None, "actual", wan("")),
    ),
)


# -- Jiangsu province (江苏省) budgets 2017–2019: 公开01表…, 万元 -------------------------------
# The set has no 国有资本经营 table (08). The 三公 table adds 会议费 and 培训费: its 合计
# (2,224.43 in the CPPCC 2019 set) covers them, the "三公" 小计 (660.10) is the 三公 total.

DOCS["jiangsu-cppcc-office-2019-budget-tables.pdf"] = Doc(
    "江苏省政协办公厅",
    2019,
    "budget",
    "department",
    "万元",
    tables="01 02 03 04 05 06 07 09",
    empty="07",
    cells=(
        ("01", "一、财政拨款", INC, "amount", wan("13,297.11")),  # p1, three-sided statement
        ("01", "二、财政专户管理资金", INC, "amount", wan("")),
        ("01", "三、其他资金", INC, "amount", wan("80.00")),
        ("01", "收入合计", INC, "amount", wan("13,377.11")),
        ("01", "八、社会保障和就业支出", EXP, "amount", wan("858.51")),
        ("01", "十八、住房保障支出", EXP, "amount", wan("2,247.04")),
        ("01", "支出用途/三、单位预留机动经费", EXP, "amount", wan("1,886.02")),
        ("02", "total", None, "total", wan("13,377.11")),  # p2, by item
        ("02", "item:事业收入", None, "total", wan("")),
        ("02", "item:其他收入", None, "total", wan("80.00")),
        ("03", "total", None, "reserve", wan("1,886.02")),  # p3, one row
        ("03", "total", None, "carryover_next", wan("")),
        ("04", "一、基本支出", EXP, "total", wan("6,442.75")),  # p4
        ("04", "收入合计", INC, "amount", wan("13,297.11")),
        ("05", "2010205", None, "total", wan("426.00")),  # p7
        ("05", "2080504", None, "total", wan("277.05")),
        ("06", "30231", None, "amount", wan("156.60")),  # p8
        ("06", "30309", None, "amount", wan("0.50")),
        ("06", "total", None, "amount", wan("6,442.75")),
        ("09", "vehicle_purchase", None, "budget", wan("")),  # p9
        ("09", "vehicles", None, "budget", wan("156.60")),
        ("09", "official_reception", None, "budget", wan("397.50")),
    ),
)

# Narrow columns: statement labels and amounts wrapped over several lines, the statement
# running over three pages. Its 三公 table, long withheld, reads (test_three_public_wrapped_zero).
DOCS["jiangsu-npc-office-2017-budget.pdf"] = Doc(
    "江苏省人大常委会办公厅",
    2017,
    "budget",
    "department",
    "万元",
    tables="01 02 03 04 05 06 07 09",
    empty="07",
    cells=(
        ("01", "一、财政拨款", INC, "amount", wan("13,649.07")),  # p7, "一、财政" / "拨款"
        ("01", "一、一般公共服务支出", EXP, "amount", wan("10,528.33")),  # name wrapped
        ("01", "支出用途/三、单位预留机动经费", EXP, "amount", wan("128.43")),
        ("01", "十八、住房保障支出", EXP, "amount", wan("1,512.23")),  # p8, continuation
        ("01", "收入合计", INC, "amount", wan("13,649.07")),  # p9, "收入合" / "计"
        ("02", "total", None, "total", wan("13,649.07")),  # p9
        ("02", "item:事业收入", None, "total", wan("")),  # p10
        ("03", "total", None, "basic", wan("7,666.68")),  # p10, one row
        ("03", "total", None, "reserve", wan("128.43")),
        ("04", "二、项目支出", EXP, "total", wan("5,853.96")),  # p12
        ("05", "2010107", None, "total", wan("403.75")),  # p16
        ("05", "2210202", None, "total", wan("1,018.01")),  # p17, continuation
        ("06", "30107", None, "amount", wan("8.18")),  # p17
        ("06", "30309", None, "amount", wan("0.76")),  # p18
        ("06", "30312", None, "amount", wan("1,018.01")),  # 提租补贴 under 303 (2017 catalogue)
        ("06", "total", None, "amount", wan("7,666.68")),
        ("09", "total", None, "budget", wan("833.60")),  # p20, the "三公" 小计 of 合计 2,542.60
        ("09", "overseas_travel", None, "budget", wan("222.50")),
        ("09", "vehicle_purchase", None, "budget", wan("0")),  # the "0" on a line of its own
        ("09", "vehicle_operation", None, "budget", wan("183.60")),
        ("09", "official_reception", None, "budget", wan("427.50")),
    ),
)

# Table 01 is misread (every line on the expenditure side, keys prefixed with the wrapped
# department name, see MISREAD): none of its cells is among the passing ones.
DOCS["jiangsu-npc-office-2018-budget.pdf"] = Doc(
    "江苏省人大常委会办公厅",
    2018,
    "budget",
    "department",
    "万元",
    # p15 prints 公开10表 政府性基金预算财政拨款支出预算表 with 注：本部门无相关收支项目
    tables="01 02 03 04 05 06 07 09",
    empty="07",
    cells=(
        # p8: the 部门名称 line wraps ('江苏省人大' / '常委会办公厅') above the header
        ("01", "一、财政拨款", INC, "amount", wan("15897.44")),
        ("01", "1.一般公共预算", INC, "amount", wan("15897.44")),
        ("01", "收入合计", INC, "amount", wan("15897.44")),
        ("01", "八、社会保障和就业支出", EXP, "amount", wan("1068.78")),
        ("01", "支出用途/三、单位预留机动经费", EXP, "amount", wan("1685.72")),
        ("02", "total", None, "total", wan("15897.44")),  # p9
        ("02", "item:事业收入", None, "total", wan("")),
        ("03", "total", None, "total", wan("15897.44")),  # p10, one row
        ("03", "total", None, "reserve", wan("1685.72")),
        ("03", "total", None, "carryover_next", wan("")),
        ("04", "一、基本支出", EXP, "total", wan("7877.76")),  # p10, second table on the page
        ("04", "二、政府性基金预算", INC, "amount", wan("")),
        ("05", "2010199", None, "total", wan("580.00")),  # p13
        ("05", "2080505", None, "total", wan("580.01")),  # name wrapped around the amount
        ("05", "total", None, "total", wan("15,897.44")),
        ("06", "30112", None, "amount", wan("14.49")),  # p14
        ("06", "30309", None, "amount", wan("0.79")),
        ("06", "total", None, "amount", wan("7,877.76")),
        ("09", "total", None, "budget", wan("833.60")),  # p15, the "三公" 小计
        ("09", "overseas_travel", None, "budget", wan("222.50")),
        ("09", "vehicle_purchase", None, "budget", wan("")),
        ("09", "official_reception", None, "budget", wan("427.50")),
    ),
)

# The tables file of a two-PDF document set (the prose file is below).
DOCS["jiangsu-party-office-2017-budget-tables.pdf"] = Doc(
    "中国共产党江苏省委员会办公厅",
    2017,
    "budget",
    "department",
    "万元",
    tables="01 02 03 04 05 06 07 09",
    empty="07",
    cells=(
        ("01", "1.一般公共预算", INC, "amount", wan("20,702.25")),  # p1
        ("01", "二、财政专户管理资金", INC, "amount", wan("147.20")),
        ("01", "三、其他资金", INC, "amount", wan("")),
        ("01", "一、一般公共服务支出", EXP, "amount", wan("16,992.37")),
        ("01", "支出用途/二、项目支出", EXP, "amount", wan("10,688.66")),
        ("01", "支出合计", EXP, "amount", wan("20,849.45")),
        ("02", "total", None, "total", wan("20,849.45")),  # p2
        ("02", "item:其他非税收入", None, "total", wan("147.20")),
        ("03", "total", None, "project", wan("10,688.66")),  # p3
        ("04", "二、项目支出", EXP, "total", wan("10,541.46")),  # p4
        ("05", "2013102", None, "total", wan("10,738.18")),  # p8
        ("05", "2080504", None, "total", wan("2,000.39")),
        ("06", "30104", None, "amount", wan("1.50")),  # p9
        ("06", "30311", None, "amount", wan("621.28")),
        ("06", "total", None, "amount", wan("9,964.07")),
        ("09", "total", None, "budget", wan("509.20")),  # p11, the "三公" 小计
        ("09", "overseas_travel", None, "budget", wan("70.00")),
        ("09", "vehicle_purchase", None, "budget", wan("")),
        ("09", "vehicle_operation", None, "budget", wan("411.20")),
    ),
)

DOCS["jiangsu-party-office-2018-budget-tables.pdf"] = Doc(
    "中共江苏省委办公厅",
    2018,
    "budget",
    "department",
    "万元",
    tables="01 02 03 04 05 06 07 09",
    empty="07",
    cells=(
        ("01", "一、财政拨款", INC, "amount", wan("24,458.43")),  # p3
        ("01", "2.政府性基金预算", INC, "amount", wan("")),
        ("01", "收入合计", INC, "amount", wan("24,458.43")),
        ("01", "八、社会保障和就业支出", EXP, "amount", wan("1,289.52")),
        ("01", "十八、住房保障支出", EXP, "amount", wan("3,015.16")),
        ("01", "支出用途/一、基本支出", EXP, "amount", wan("10,403.11")),
        ("02", "total", None, "total", wan("24,458.43")),  # p4
        ("02", "item:其他非税收入", None, "total", wan("")),
        ("03", "total", None, "reserve", wan("1,973.86")),  # p5
        ("04", "三、单位预留机动经费", EXP, "total", wan("1,973.86")),  # p6
        ("05", "2080506", None, "total", wan("297.36")),  # p9
        ("05", "2210202", None, "total", wan("2,299.88")),
        ("06", "30112", None, "amount", wan("1.31")),  # p10
        ("06", "30309", None, "amount", wan("1.55")),
        ("06", "total", None, "amount", wan("10,403.11")),
        ("09", "total", None, "budget", wan("508.20")),  # p11, the "三公" 小计
        ("09", "vehicles", None, "budget", wan("411.20")),
        ("09", "official_reception", None, "budget", wan("27.00")),
    ),
)


# -- Jiangsu cities: Suzhou and Wuxi (公开01表…, 万元, codes indented by level) ----------------
# Income (02) is listed by unit ("unit:<code>"). 05 and 06 are the 一般公共预算 tables
# (公开07表, 公开08表), not the 财政拨款 ones (公开05表, 公开06表) printed before them.

DOCS["suzhou-audit-2026-budget.pdf"] = Doc(
    "苏州市审计局",
    2026,
    "budget",
    "department",
    "万元",
    cells=(
        ("01", "一、一般公共预算拨款收入", INC, "amount", wan("4,651.67")),  # p9
        ("01", "五、事业收入", INC, "amount", wan("")),
        ("01", "收入总计", INC, "amount", wan("4,651.67")),
        ("01", "八、社会保障和就业支出", EXP, "amount", wan("442.09")),
        ("01", "二十、住房保障支出", EXP, "amount", wan("1,302.95")),
        ("02", "unit:024001", None, "general_public_budget", wan("4,651.67")),  # p10
        ("02", "total", None, "total", wan("4,651.67")),
        ("03", "2010802", None, "project", wan("339.50")),  # p11
        ("03", "2010850", None, "basic", wan("225.13")),
        ("03", "total", None, "basic", wan("4,312.17")),
        ("04", "(二十)住房保障支出", EXP, "total", wan("1,302.95")),  # p13, continuation
        ("05", "2010801", None, "basic_personnel", wan("1,946.40")),  # p16
        ("05", "2010801", None, "basic_public", wan("395.60")),
        ("05", "2080505", None, "total", wan("298.72")),
        ("05", "total", None, "project", wan("339.50")),
        ("06", "30240", None, "amount", wan("44.79")),  # p17
        ("06", "30305", None, "amount", wan("7.20")),
        ("06", "total", None, "amount", wan("4,312.17")),
        ("09", "total", None, "budget", wan("10.00")),  # p18
        ("09", "overseas_travel", None, "budget", wan("0.00")),
        ("09", "vehicles", None, "budget", wan("0.00")),
        ("09", "official_reception", None, "budget", wan("10.00")),
    ),
)

DOCS["suzhou-natural-resources-2026-budget.pdf"] = Doc(
    "苏州市自然资源和规划局",
    2026,
    "budget",
    "department",
    "万元",
    empty="08",
    cells=(
        ("01", "二、政府性基金预算拨款收入", INC, "amount", wan("66,107.38")),  # p11
        ("01", "九、其他收入", INC, "amount", wan("58.79")),
        ("01", "本年收入合计", INC, "amount", wan("86,999.14")),
        ("01", "十二、城乡社区支出", EXP, "amount", wan("66,107.38")),
        ("01", "十九、自然资源海洋气象等支出", EXP, "amount", wan("15,797.79")),
        ("02", "unit:114002", None, "government_fund", wan("65,163.58")),  # p12, by unit
        ("02", "unit:114006", None, "other_income", wan("58.79")),
        ("02", "unit:114008", None, "total", wan("4,000.74")),
        ("02", "total", None, "general_public_budget", wan("20,832.97")),
        ("03", "2120899", None, "project", wan("418.50")),  # p13, name wrapped
        ("03", "2200112", None, "basic", wan("2,344.39")),
        ("03", "2200199", None, "project", wan("6,613.62")),  # p14, no header repeated
        ("03", "total", None, "basic", wan("12,947.96")),
        ("04", "一、本年收入", INC, "amount", wan("86,940.35")),  # p15
        ("04", "(十九)自然资源海洋气象等支出", EXP, "total", wan("15,782.36")),  # p16
        ("05", "2200112", None, "basic_public", wan("422.35")),  # p21
        ("05", "2200150", None, "basic_personnel", wan("2,267.58")),
        ("05", "total", None, "basic", wan("12,889.17")),
        ("06", "30204", None, "amount", wan("0.50")),  # p22
        ("06", "30305", None, "amount", wan("22.76")),  # p23, continuation
        ("06", "total", None, "amount", wan("12,889.17")),
        ("07", "21208", None, "total", wan("66,107.38")),  # p25, name wrapped
        ("07", "2120801", None, "project", wan("31,638.00")),
        ("07", "total", None, "total", wan("66,107.38")),
        ("09", "total", None, "budget", wan("43.80")),  # p24
        ("09", "vehicles", None, "budget", wan("7.80")),
        ("09", "vehicle_purchase", None, "budget", wan("0.00")),
        ("09", "official_reception", None, "budget", wan("36.00")),
    ),
)

# The unit-level (单位预算) counterpart of the above. Its department name is misread (see
# MISREAD_METADATA).
DOCS["suzhou-natural-resources-2026-budget-unit.pdf"] = Doc(
    "苏州市自然资源和规划局",
    2026,
    "budget",
    "unit",
    "万元",
    empty="08",
    cells=(
        ("01", "二、政府性基金预算拨款收入", INC, "amount", wan("943.80")),  # p11
        ("01", "三、国有资本经营预算拨款收入", INC, "amount", wan("")),
        ("01", "十九、自然资源海洋气象等支出", EXP, "amount", wan("7,095.13")),
        ("01", "支出总计", EXP, "amount", wan("10,022.32")),
        ("02", "unit:114001", None, "general_public_budget", wan("9,078.52")),  # p12
        ("02", "total", None, "government_fund", wan("943.80")),
        ("03", "2200199", None, "project", wan("3,859.76")),  # p13
        ("03", "2210203", None, "basic", wan("365.04")),  # p14: two rows, no header
        ("03", "total", None, "project", wan("5,200.10")),
        ("04", "(十二)城乡社区支出", EXP, "total", wan("943.80")),  # p15
        ("04", "收入总计", INC, "amount", wan("10,022.32")),  # p16
        ("05", "2200101", None, "basic_public", wan("501.33")),  # p20
        # a 222 block the document prints below its other rows, outside its own 合计
        # (9,078.52 = 208 + 220 + 221)
        ("05", "222", None, "project", wan("388.25")),
        ("05", "2220102", None, "total", wan("388.25")),  # p21: a page holding one row
        ("05", "total", None, "total", wan("9,078.52")),
        ("06", "30204", None, "amount", wan("0.10")),  # p22
        ("06", "30399", None, "amount", wan("6.00")),  # p23: one row
        ("06", "total", None, "amount", wan("4,822.22")),
        ("07", "2120806", None, "project", wan("943.80")),  # p25
        ("07", "total", None, "total", wan("943.80")),
        ("09", "total", None, "budget", wan("32.00")),  # p24
        ("09", "vehicles", None, "budget", wan("0.00")),
        ("09", "official_reception", None, "budget", wan("32.00")),
    ),
)

# A unit budget with all three funds (general, government fund, state capital) and 其他收入;
# amounts wrapped inside narrow cells of 02 ("143,999.0" / "0"). Department name misread.
DOCS["wuxi-transport-2026-budget-unit.pdf"] = Doc(
    "无锡市交通运输局(本级)",
    2026,
    "budget",
    "unit",
    "万元",
    empty="",
    cells=(
        ("01", "三、国有资本经营预算拨款收入", INC, "amount", wan("32,640.00")),  # p14
        ("01", "四、财政专户管理资金收入", INC, "amount", wan("")),
        ("01", "九、其他收入", INC, "amount", wan("611,843.20")),
        ("01", "收入总计", INC, "amount", wan("984,760.87")),
        ("01", "十二、城乡社区支出", EXP, "amount", wan("842,090.31")),
        ("01", "二十二、国有资本经营预算支出", EXP, "amount", wan("32,640.00")),
        ("02", "unit:313001", None, "government_fund", wan("143,999.00")),  # p15, wrapped
        ("02", "unit:313001", None, "other_income", wan("611,843.20")),
        ("02", "total", None, "state_capital", wan("32,640.00")),  # wrapped "32,640.0" / "0"
        ("03", "2140101", None, "basic", wan("2,103.06")),  # p17, continuation
        ("03", "2149901", None, "project", wan("54,760.00")),
        ("03", "total", None, "basic", wan("3,305.86")),  # p16
        ("04", "(十二)城乡社区支出", EXP, "total", wan("281,691.11")),  # p18
        ("04", "(二十二)国有资本经营预算支出", EXP, "total", wan("32,640.00")),  # p19
        ("05", "2140101", None, "basic_personnel", wan("1,912.32")),  # p23
        ("05", "2140299", None, "project", wan("156.00")),  # p24, continuation
        ("05", "total", None, "project", wan("192,972.81")),
        ("06", "30114", None, "amount", wan("11.97")),  # p25
        ("06", "30305", None, "amount", wan("1.26")),
        ("06", "total", None, "amount", wan("3,305.86")),
        ("07", "2120803", None, "total", wan("143,999.00")),  # p27
        ("08", "2239999", None, "total", wan("32,640.00")),  # p28
        ("08", "total", None, "project", wan("32,640.00")),
        ("09", "total", None, "budget", wan("2.02")),  # p26
        ("09", "overseas_travel", None, "budget", wan("0.00")),
        ("09", "official_reception", None, "budget", wan("2.02")),
    ),
)

DOCS["wuxi-petition-2025-budget.pdf"] = Doc(
    "无锡市信访局",
    2025,
    "budget",
    "department",
    "万元",
    cells=(
        ("01", "二、政府性基金预算拨款收入", INC, "amount", wan("")),  # p10
        ("01", "九、其他收入", INC, "amount", wan("144.00")),
        ("01", "本年收入合计", INC, "amount", wan("2,867.94")),
        ("01", "一、一般公共服务支出", EXP, "amount", wan("2,259.79")),
        ("01", "十、卫生健康支出", EXP, "amount", wan("62.09")),
        ("02", "unit:113001", None, "other_income", wan("144.00")),  # p11
        ("02", "unit:113002", None, "general_public_budget", wan("563.15")),
        ("02", "total", None, "total", wan("2,867.94")),
        ("03", "20103", None, "basic", wan("1,084.14")),  # p12, name wrapped
        ("03", "2014004", None, "project", wan("868.50")),
        ("03", "2210203", None, "basic", wan("130.02")),  # p13: one row
        ("03", "total", None, "project", wan("1,175.65")),
        ("04", "(一)一般公共服务支出", EXP, "total", wan("2,115.79")),  # p14
        ("04", "收入总计", INC, "amount", wan("2,723.94")),  # p15
        ("05", "2010301", None, "basic_personnel", wan("985.61")),  # p19
        ("05", "2014004", None, "project", wan("724.50")),
        ("05", "total", None, "basic_public", wan("98.53")),
        ("06", "30114", None, "amount", wan("5.31")),  # p20
        ("06", "30215", None, "amount", wan("0.44")),
        ("06", "total", None, "amount", wan("1,692.29")),
        ("09", "total", None, "budget", wan("1.50")),  # p21
        ("09", "vehicle_purchase", None, "budget", wan("0.00")),
        ("09", "official_reception", None, "budget", wan("1.50")),
    ),
)

# 42 units, their names wrapped around the unit code in 02 (code on the middle line).
DOCS["wuxi-education-2026-budget.pdf"] = Doc(
    "无锡市教育局",
    2026,
    "budget",
    "department",
    "万元",
    cells=(
        ("01", "四、财政专户管理资金收入", INC, "amount", wan("243.00")),  # p15
        ("01", "六、事业单位经营收入", INC, "amount", wan("4,397.65")),
        ("01", "收入总计", INC, "amount", wan("512,434.34")),
        ("01", "五、教育支出", EXP, "amount", wan("366,490.44")),
        ("01", "二十、住房保障支出", EXP, "amount", wan("58,179.94")),
        ("02", "unit:305002", None, "total", wan("3,339.39")),  # p16, name wrapped
        ("02", "unit:305008", None, "operating_income", wan("4,397.65")),
        ("02", "unit:305018", None, "fiscal_special_account", wan("25.00")),
        ("02", "unit:305018", None, "other_income", wan("250.00")),
        ("02", "unit:305046", None, "business_income", wan("6,577.00")),  # p17, continuation
        ("02", "unit:305054", None, "total", wan("756.76")),
        ("02", "total", None, "other_income", wan("25,585.00")),
        ("03", "2050502", None, "basic", wan("508.94")),  # p18
        ("03", "2050999", None, "project", wan("27,899.98")),  # p19, continuation
        ("03", "total", None, "project", wan("231,909.40")),
        ("04", "(五)教育支出", EXP, "total", wan("336,653.50")),  # p20
        ("04", "(二十)住房保障支出", EXP, "total", wan("57,922.22")),  # p21
        ("05", "2050204", None, "basic_public", wan("5,260.17")),  # p25
        ("05", "2050999", None, "project", wan("9,164.98")),  # p26, continuation
        ("05", "total", None, "basic_personnel", wan("262,303.68")),
        ("06", "30106", None, "amount", wan("0.20")),  # p27
        ("06", "30306", None, "amount", wan("2.36")),
        ("06", "total", None, "amount", wan("279,627.29")),
        ("09", "total", None, "budget", wan("241.17")),  # p28
        ("09", "vehicles", None, "budget", wan("140.80")),
        ("09", "vehicle_purchase", None, "budget", wan("36.00")),
        ("09", "vehicle_operation", None, "budget", wan("104.80")),
        ("09", "official_reception", None, "budget", wan("100.37")),
    ),
)


# -- Fuzhou (福州市, Fujian layout): section heading above each title, 万元 ----------------------
# 02 lists income by unit, names wrapped over two or three lines and no unit codes; 06 prints
# the whole economic catalogue with most amounts blank; 三公 as a vertical list. The
# department name, printed on the cover, is not read (see MISREAD_METADATA).

DOCS["fuzhou-commerce-2026-budget.pdf"] = Doc(
    "福州市商务局",
    2026,
    "budget",
    "department",
    "万元",
    empty="08",
    cells=(
        ("01", "二、政府性基金预算拨款收入", INC, "amount", wan("1800.00")),  # p11
        ("01", "上年结转结余", INC, "amount", wan("0.00")),
        ("01", "十五、商业服务业等支出", EXP, "amount", wan("18800.00")),
        ("01", "本年支出合计", EXP, "amount", wan("24995.94")),  # wrapped "24995.9" / "4"
        ("01", "支出合计", EXP, "amount", wan("24995.94")),  # wrapped likewise
        ("02", "unit:福州市商务发展促进中心", None, "general_public_budget", wan("337.92")),  # p12
        ("02", "unit:福州市商务局", None, "government_fund", wan("1800.00")),
        ("02", "total", None, "state_capital", wan("0.00")),
        ("03", "2011350", None, "project", wan("16.63")),  # p13
        ("03", "2210203", None, "basic", wan("173.67")),  # p14, continuation
        ("03", "total", None, "basic", wan("3861.25")),
        ("04", "十一、城乡社区支出", EXP, "total", wan("1800.00")),  # p15
        ("04", "收入合计", INC, "amount", wan("24995.94")),
        ("05", "2011350", None, "basic", wan("245.05")),  # p16
        ("05", "2210202", None, "total", wan("43.77")),  # p17, continuation
        ("05", "total", None, "project", wan("19334.69")),
        ("07", "21208", None, "total", wan("1800.00")),  # p18, name wrapped
        ("07", "total", None, "basic", wan("0.00")),
        ("06", "30106", None, "amount", wan("")),  # p21
        ("06", "30399", None, "amount", wan("552.80")),  # p22
        ("06", "31002", None, "amount", wan("7.60")),
        ("06", "total", None, "amount", wan("3861.25")),  # p21, amount below 合计
        ("09", "total", None, "budget", wan("84.10")),  # p24
        ("09", "overseas_travel", None, "budget", wan("70.00")),
        ("09", "vehicle_purchase", None, "budget", wan("0.00")),
        ("09", "vehicle_operation", None, "budget", wan("8.00")),
        ("09", "official_reception", None, "budget", wan("6.10")),
    ),
)

DOCS["fuzhou-civil-affairs-2026-budget-unit.pdf"] = Doc(
    "福州市民政局(本级)",
    2026,
    "budget",
    "unit",
    "万元",
    empty="08",
    cells=(
        ("01", "二、政府性基金预算拨款收入", INC, "amount", wan("75.00")),  # p12
        ("01", "本年收入合计", INC, "amount", wan("2219.92")),
        ("01", "上年结转结余", INC, "amount", wan("30.00")),
        ("01", "二十三、其他支出", EXP, "amount", wan("75.00")),
        ("01", "本年支出合计", EXP, "amount", wan("2249.92")),
        ("01", "结转下年支出", EXP, "amount", wan("0.00")),
        ("02", "unit:福州市民政局", None, "government_fund", wan("75.00")),  # p13, name wrapped
        ("02", "total", None, "carryover", wan("30.00")),
        ("03", "2080201", None, "project", wan("80.00")),  # p14
        ("03", "2296002", None, "project", wan("75.00")),
        ("03", "total", None, "basic", wan("1451.64")),
        ("04", "八、社会保障和就业支出", EXP, "total", wan("1984.77")),  # p15
        ("04", "收入合计", INC, "amount", wan("2219.92")),
        ("05", "2080299", None, "project", wan("613.28")),  # p16
        ("05", "total", None, "project", wan("693.28")),
        ("07", "2296002", None, "total", wan("75.00")),  # p17, name wrapped
        ("07", "total", None, "project", wan("75.00")),
        ("06", "30112", None, "amount", wan("0.85")),  # p20
        ("06", "30399", None, "amount", wan("188.15")),  # p21, continuation
        ("06", "total", None, "amount", wan("1451.64")),
        ("09", "total", None, "budget", wan("25.05")),  # p23
        ("09", "overseas_travel", None, "budget", wan("7.05")),
        ("09", "vehicle_operation", None, "budget", wan("10.00")),
    ),
)

DOCS["fuzhou-medical-security-2026-budget.pdf"] = Doc(
    "福州市医疗保障局",
    2026,
    "budget",
    "department",
    "万元",
    cells=(
        ("01", "一、一般公共预算拨款收入", INC, "amount", wan("351904.90")),  # p10
        ("01", "二、政府性基金预算拨款收入", INC, "amount", wan("")),
        ("01", "九、卫生健康支出", EXP, "amount", wan("349680.44")),
        ("01", "结转下年支出", EXP, "amount", wan("0.00")),
        ("02", "unit:福州市医疗保障基金中心", None, "total", wan("345205.84")),  # p11, 3 lines
        (
            "02",
            "unit:福州市医疗保障服务行为监测中心",
            None,
            "general_public_budget",
            wan("2040.60"),
        ),
        ("02", "total", None, "government_fund", wan("0.00")),
        ("03", "2101202", None, "project", wan("333405.00")),  # p12
        ("03", "2101550", None, "basic", wan("2125.98")),
        ("03", "total", None, "project", wan("344063.64")),
        ("04", "十九、住房保障支出", EXP, "total", wan("1151.25")),  # p13
        ("05", "2101201", None, "project", wan("7.14")),  # p14, name wrapped
        ("05", "2101501", None, "project", wan("40.00")),
        ("05", "total", None, "basic", wan("7841.26")),
        ("06", "30106", None, "amount", wan("")),  # p18, catalogue line left blank
        ("06", "30112", None, "amount", wan("5.26")),
        ("06", "30399", None, "amount", wan("213.60")),  # p19, continuation
        ("06", "total", None, "amount", wan("7841.26")),
        ("09", "total", None, "budget", wan("5.00")),  # p21
        ("09", "overseas_travel", None, "budget", wan("0.00")),
        ("09", "vehicles", None, "budget", wan("0.00")),
        ("09", "official_reception", None, "budget", wan("5.00")),
    ),
)

DOCS["fuzhou-police-civilian-staff-center-2026-budget-unit.pdf"] = Doc(
    "福州市公安局文职人员管理中心",
    2026,
    "budget",
    "unit",
    "万元",
    cells=(
        ("01", "上年结转结余", INC, "amount", wan("0.00")),  # p7
        ("01", "收入合计", INC, "amount", wan("6053.42")),
        ("01", "四、公共安全支出", EXP, "amount", wan("4481.91")),
        ("01", "十九、住房保障支出", EXP, "amount", wan("1059.28")),
        ("02", "unit:福州市公安局文职人员管理中心", None, "general_public_budget", wan("6053.42")),
        ("02", "total", None, "other_income", wan("0.00")),  # p8
        ("03", "2040250", None, "basic", wan("4481.91")),  # p9
        ("03", "total", None, "project", wan("0.00")),
        ("04", "八、社会保障和就业支出", EXP, "total", wan("512.23")),  # p10
        ("05", "2080506", None, "total", wan("170.74")),  # p11
        ("05", "2210203", None, "basic", wan("520.00")),
        ("05", "total", None, "project", wan("0.00")),
        ("06", "30111", None, "amount", wan("149.40")),  # p15
        ("06", "30299", None, "amount", wan("110.25")),  # p16: one row
        ("06", "total", None, "amount", wan("6053.42")),
        # p18: all zero, with a note that the unit has no 三公 spending
        ("09", "total", None, "budget", wan("0.00")),
        ("09", "overseas_travel", None, "budget", wan("0.00")),
        ("09", "vehicle_operation", None, "budget", wan("0.00")),
    ),
)

# Blank pages carrying only a page number between the tables (p12, p15, p17, p21, p22).
DOCS["fuzhou-police-public-order-2026-budget-unit.pdf"] = Doc(
    "福州市公安局治安管理支队",
    2026,
    "budget",
    "unit",
    "万元",
    cells=(
        ("01", "一、一般公共预算拨款收入", INC, "amount", wan("2796.14")),  # p8
        ("01", "九、其他收入", INC, "amount", wan("")),
        ("01", "四、公共安全支出", EXP, "amount", wan("1994.64")),
        ("01", "支出合计", EXP, "amount", wan("2796.14")),
        ("02", "unit:福州市公安局治安管理支队", None, "total", wan("2796.14")),  # p9, 3 lines
        ("02", "total", None, "government_fund", wan("0.00")),
        ("03", "2040220", None, "project", wan("90.00")),  # p10
        ("03", "2040201", None, "basic", wan("1706.38")),
        ("03", "total", None, "project", wan("288.26")),
        ("04", "十九、住房保障支出", EXP, "total", wan("290.70")),  # p11
        ("05", "2040299", None, "project", wan("142.03")),  # p13
        ("05", "2080501", None, "basic", wan("227.72")),
        ("05", "total", None, "basic", wan("2507.88")),
        ("06", "30112", None, "amount", wan("1.68")),  # p19
        ("06", "31002", None, "amount", wan("9.20")),  # p20, continuation
        ("06", "total", None, "amount", wan("2507.88")),
        ("09", "total", None, "budget", wan("27.31")),  # p23
        ("09", "vehicle_purchase", None, "budget", wan("0.00")),
        ("09", "vehicle_operation", None, "budget", wan("25.31")),
        ("09", "official_reception", None, "budget", wan("2.00")),
    ),
)

DOCS["fuzhou-science-tech-2026-budget-unit.pdf"] = Doc(
    "福州市科学技术局(本级)",
    2026,
    "budget",
    "unit",
    "万元",
    cells=(
        ("01", "一、一般公共预算拨款收入", INC, "amount", wan("70109.24")),  # p11
        ("01", "五、事业收入", INC, "amount", wan("")),
        ("01", "六、科学技术支出", EXP, "amount", wan("69651.54")),
        ("01", "本年支出合计", EXP, "amount", wan("70109.24")),
        ("02", "unit:福州市科学技术局", None, "general_public_budget", wan("70109.24")),  # p12
        ("02", "total", None, "carryover", wan("0.00")),
        ("03", "2060204", None, "project", wan("2500.00")),  # p13
        ("03", "2060101", None, "basic", wan("693.69")),
        ("03", "total", None, "project", wan("68957.85")),
        ("04", "八、社会保障和就业支出", EXP, "total", wan("331.32")),  # p14
        ("05", "2060899", None, "project", wan("20000.00")),  # p15
        ("05", "2210202", None, "basic", wan("12.92")),
        ("05", "total", None, "basic", wan("1151.39")),
        ("06", "30212", None, "amount", wan("6.14")),  # p19
        ("06", "30304", None, "amount", wan("4.90")),  # p20, continuation
        ("06", "total", None, "amount", wan("1151.39")),
        ("09", "total", None, "budget", wan("9.14")),  # p22
        ("09", "overseas_travel", None, "budget", wan("6.14")),
        ("09", "vehicle_purchase", None, "budget", wan("0.00")),
        ("09", "official_reception", None, "budget", wan("1.00")),
    ),
)


# -- Changchun (长春市): (预算表 N) after the title, 本年预算 / 编制预算 / 上年结转 columns --------

DOCS["changchun-petition-2026-budget.pdf"] = Doc(
    "长春市信访局",
    2026,
    "budget",
    "department",
    "万元",
    cells=(
        ("01", "一般公共预算拨款收入", INC, "amount", wan("1682.76")),  # p6
        ("01", "三、单位资金收入", INC, "amount", wan("0.00")),
        ("01", "收入总计", INC, "amount", wan("1682.76")),
        ("01", "二、社会保障和就业支出", EXP, "amount", wan("178.42")),
        ("01", "结转下年支出", EXP, "amount", wan("0.00")),
        ("02", "unit:105001", None, "general_public_budget", wan("1682.76")),  # p7
        ("02", "unit:105001", None, "carryover", wan("0.00")),
        ("03", "2014002", None, "project", wan("458.00")),  # p8; its 小计 is printed 0.00
        ("03", "2080505", None, "basic", wan("105.80")),  # name wrapped over four lines
        ("03", "total", None, "basic", wan("1208.2")),  # printed without the last zero
        ("04", "四、住房保障支出", EXP, "total", wan("93.27")),  # p9
        ("04", "二、结转下年支出", EXP, "total", wan("")),
        ("05", "total", None, "total", wan("1682.76")),  # p10, wrapped "1682.7" / "6"
        ("05", "total", None, "carryover", wan("0.00")),  # wrapped "0.0" / "0"
        ("05", "2014001", None, "basic_public", wan("211.00")),
        ("05", "2014099", None, "project", wan("16.56")),
        # p11: the document codes both 取暖费 and 物业管理费 as 30208; row() finds the first
        ("06", "30208", None, "amount", wan("23.37")),
        ("06", "30307", None, "amount", wan("7.10")),
        ("06", "total", None, "amount", wan("1208.20")),
        ("09", "total", None, "budget", wan("7.61")),  # p12
        ("09", "overseas_travel", None, "budget", wan("0.00")),
        ("09", "vehicle_operation", None, "budget", wan("6.75")),
        ("09", "official_reception", None, "budget", wan("0.86")),
    ),
)


# -- Zhuhai (珠海市, Guangdong layout): 表1… at top right, zeros printed 0.00 ---------------------
# The 三公 table (表8) puts items as rows and funds as columns (合计 | 一般公共预算 | …).

DOCS["zhuhai-commerce-2026-budget.pdf"] = Doc(
    "珠海市商务局",
    2026,
    "budget",
    "department",
    "万元",
    cells=(
        ("01", "一、预算拨款", INC, "amount", wan("46,402.33")),  # p6
        ("01", "二、财政专户拨款", INC, "amount", wan("0.00")),
        ("01", "五、其他收入", INC, "amount", wan("1.64")),
        ("01", "十五、商业服务业等支出", EXP, "amount", wan("20,904.83")),
        ("01", "上年结转结余", INC, "amount", wan("19,904.01")),  # p7, header without title
        ("01", "本年支出合计", EXP, "amount", wan("66,307.98")),
        ("02", "unit:珠海市贸易服务中心", None, "carryover", wan("3.16")),  # p8, by unit name
        ("02", "unit:珠海市会议展览局", None, "general_public_budget", wan("512.63")),
        ("02", "total", None, "carryover", wan("19,904.01")),
        ("03", "2011399", None, "project", wan("25,713.45")),  # p9
        ("03", "2080505", None, "basic", wan("402.46")),  # name wrapped
        ("03", "2150299", None, "total", wan("0.00")),  # p10, continuation
        ("03", "2159802", None, "project", wan("97.80")),
        ("04", "十五、商业服务业等支出", EXP, "total", wan("2,500.00")),  # p11
        ("04", "收入总计", INC, "amount", wan("46,402.33")),  # p12, continuation
        ("05", "2011302", None, "project", wan("3.00")),  # p13, codes in brackets
        ("05", "2169999", None, "total", wan("2,500.00")),  # p14, continuation
        ("05", "total", None, "basic", wan("7,517.32")),
        ("06", "30204", None, "amount", wan("1.58")),  # p15
        ("06", "31007", None, "amount", wan("4.00")),  # p16, continuation
        ("06", "total", None, "amount", wan("7,517.32")),
        ("09", "total", None, "budget", wan("19.84")),  # p18, the 合计 column
        ("09", "overseas_travel", None, "budget", wan("13.20")),
        ("09", "vehicle_purchase", None, "budget", wan("0.00")),
        ("09", "official_reception", None, "budget", wan("6.64")),
    ),
)

# A project centre with no basic spending: 06 prints only 合计 0.00 above "注：本表本年无发生额",
# the note that declares 07 and 08 empty too: 06 is empty (a table of zeros only).
DOCS["zhuhai-transport-projects-center-2026-budget.pdf"] = Doc(
    "珠海市政府投资交通市政项目工务中心",
    2026,
    "budget",
    "department",
    "万元",
    empty="06 08",
    cells=(
        ("01", "一、预算拨款", INC, "amount", wan("7,552.81")),  # p4
        ("01", "八、社会保障和就业支出", EXP, "amount", wan("0.00")),
        ("01", "十一、城乡社区支出", EXP, "amount", wan("7,552.92")),
        ("01", "本年收入合计", INC, "amount", wan("7,552.81")),  # p5, continuation
        ("01", "上年结转结余", INC, "amount", wan("0.11")),
        ("02", "unit:珠海市政府投资交通市政项目工务中心", None, "government_fund", wan("6,816.00")),
        ("02", "total", None, "carryover", wan("0.11")),  # p6
        ("03", "2120106", None, "project", wan("736.92")),  # p7
        ("03", "total", None, "basic", wan("0.00")),
        ("04", "二、政府性基金预算", INC, "amount", wan("6,816.00")),  # p8
        ("04", "十一、城乡社区支出", EXP, "total", wan("7,552.81")),
        ("04", "收入总计", INC, "amount", wan("7,552.81")),  # p9, continuation
        ("05", "2120106", None, "project", wan("736.81")),  # p10
        ("05", "total", None, "basic", wan("0.00")),
        ("07", "2129801", None, "project", wan("6,816.00")),  # p15
        ("07", "total", None, "basic", wan("0.00")),
        ("09", "total", None, "budget", wan("0.00")),  # p14
        ("09", "overseas_travel", None, "budget", wan("0.00")),
        ("09", "official_reception", None, "budget", wan("0.00")),
    ),
)


# -- Huzhou (湖州市, Zhejiang layout): 表01… at top right, "** 1 2 3" column-number row ---------
# The statements list expenditure by name and indentation only (no codes): their lines are
# keyed by the name. 02 and the 三公 table (by unit, its 合计 row) are listed by unit name.

DOCS["huzhou-finance-2026-budget.pdf"] = Doc(
    "湖州市财政局",
    2026,
    "budget",
    "department",
    "万元",
    cells=(
        ("01", "一、财政拨款", INC, "amount", wan("6838.41")),  # p17
        ("01", "二、财政专户管理资金", INC, "amount", wan("")),
        ("01", "信息化建设", EXP, "amount", wan("113.75")),  # a 项 line, by indentation
        ("01", "公务员医疗补助", EXP, "amount", wan("146.94")),
        ("01", "本年支出合计", EXP, "amount", wan("6838.41")),
        ("01", "收入总计", INC, "amount", wan("6838.41")),  # p18, continuation
        ("02", "unit:湖州市财政局", None, "total", wan("6838.41")),  # p19, the department line
        ("02", "unit:湖州市财政局#2", None, "total", wan("4467.55")),  # its 本级 unit, same name
        ("02", "unit:湖州市财政票据管理中心", None, "general_public_budget", wan("273.77")),
        ("03", "2010699", None, "project", wan("1153.00")),  # p20
        ("03", "2080501", None, "basic_public", wan("15.65")),
        ("03", "2210201", None, "basic_personnel", wan("420.07")),  # p21, continuation
        ("04", "住房公积金", EXP, "total", wan("420.07")),  # p22
        ("04", "收入总计", INC, "amount", wan("6838.41")),
        ("05", "2010650", None, "basic_public", wan("28.00")),  # p23
        ("05", "2210201", None, "total", wan("420.07")),  # p24, continuation
        ("05", "total", None, "basic", wan("5571.66")),
        ("06", "30204", None, "amount", wan("0.45")),  # p25
        ("06", "30399", None, "amount", wan("14.90")),  # p26
        ("06", "31002", None, "amount", wan("19.00")),  # p27
        ("06", "total", None, "amount", wan("5571.66")),
        ("09", "total", None, "budget", wan("9.30")),  # p28, the 合计 row
        ("09", "overseas_travel", None, "budget", wan("")),
        ("09", "vehicle_operation", None, "budget", wan("3.50")),
        ("09", "official_reception", None, "budget", wan("5.80")),
    ),
)

DOCS["huzhou-transport-2026-budget.pdf"] = Doc(
    "湖州市交通运输局",
    2026,
    "budget",
    "department",
    "万元",
    empty="08",
    cells=(
        ("01", "一般公共预算", INC, "amount", wan("52244.36")),  # p21
        ("01", "政府性基金预算", INC, "amount", wan("139963.40")),
        ("01", "二、财政专户管理资金", INC, "amount", wan("432.00")),
        ("01", "七、其他收入", INC, "amount", wan("8446.35")),
        ("01", "交通运输支出", EXP, "amount", wan("113743.52")),  # p22, continuation
        ("01", "其他地方自行试点项目收益专项债券收入安排的支出", EXP, "amount", wan("53000.00")),
        ("01", "收入总计", INC, "amount", wan("201286.11")),  # p23, printed "收 入 总 计"
        ("02", "unit:湖州市公路与运输管理中心", None, "government_fund", wan("75500.00")),  # p24
        ("02", "unit:湖州交通技师学院", None, "fiscal_special_account", wan("432.00")),
        ("02", "unit:湖州市水上应急救援中心", None, "operating_income", wan("200.00")),
        ("02", "total", None, "other_income", wan("8446.35")),
        ("03", "2140110", None, "project", wan("85.00")),  # p26
        ("03", "2140123", None, "business", wan("200.00")),
        ("03", "2290402", None, "project", wan("53000.00")),  # p27, continuation
        # p28–29: the 财政拨款 statement prints 政府性基金预算 7000.00 and 收入总计 42673.03,
        # while its own expenditure lines add up to 192207.76 (01's 一、财政拨款)
        ("04", "政府性基金预算", INC, "amount", wan("7000.00")),
        ("04", "交通运输支出", EXP, "total", wan("106247.07")),
        ("04", "收入总计", INC, "amount", wan("42673.03")),  # p29
        ("05", "2050302", None, "basic_public", wan("913.98")),  # p30
        ("05", "2140199", None, "basic_personnel", wan("6863.35")),  # p31
        ("05", "total", None, "project", wan("24815.52")),
        ("06", "30204", None, "amount", wan("1.05")),  # p32
        ("06", "30399", None, "amount", wan("60.50")),  # p34
        ("06", "total", None, "amount", wan("27428.84")),
        ("07", "2290402", None, "total", wan("53000.00")),  # p36, name wrapped
        ("07", "total", None, "total", wan("139963.40")),
        ("09", "total", None, "budget", wan("749.83")),  # p35, the 合计 row
        ("09", "vehicle_purchase", None, "budget", wan("171.80")),
        ("09", "vehicle_operation", None, "budget", wan("526.50")),
        ("09", "official_reception", None, "budget", wan("51.53")),
    ),
)

DOCS["huzhou-health-2026-budget.pdf"] = Doc(
    "湖州市卫生健康委员会",
    2026,
    "budget",
    "department",
    "万元",
    empty="08",
    cells=(
        ("01", "一般公共预算", INC, "amount", wan("37018.75")),  # p25
        ("01", "三、事业收入", INC, "amount", wan("436671.20")),
        ("01", "七、其他收入", INC, "amount", wan("14023.40")),
        ("01", "实验室及相关设施", EXP, "amount", wan("83.78")),
        ("01", "城乡社区支出", EXP, "amount", wan("12600.00")),  # p27, continuation
        ("01", "本年支出合计", EXP, "amount", wan("515313.35")),
        # p28: a unit name wrapped around its amounts ("…（湖州市第一人" / amounts / "民医院）")
        (
            "02",
            "unit:湖州师范学院附属第一医院(湖州市第一人民医院)",
            None,
            "government_fund",
            wan("15600.00"),
        ),
        ("02", "unit:湖州市卫生健康委员会#2", None, "total", wan("7121.29")),  # the 本级 unit
        ("02", "unit:湖州市疾病预防控制中心", None, "other_income", wan("8.86")),
        ("02", "unit:湖州市中心医院", None, "business_income", wan("203545.48")),
        ("03", "2060404", None, "project", wan("275.06")),  # p29
        ("03", "2080502", None, "basic_public", wan("61.28")),
        ("03", "2290402", None, "project", wan("15000.00")),  # p32: one row, name wrapped
        # p33–35: 一般公共预算 25591.21 here, 37018.75 in 01 and in 05's 合计
        ("04", "一般公共预算", INC, "amount", wan("25591.21")),
        ("04", "社会保障和就业支出", EXP, "total", wan("11871.20")),
        ("04", "支出总计", EXP, "total", wan("38191.21")),  # p35, lines only, no header
        ("04", "本年收入合计", INC, "amount", wan("38191.21")),
        ("04", "收入总计", INC, "amount", wan("38191.21")),
        ("05", "2100406", None, "basic_personnel", wan("1117.57")),  # p38
        ("05", "2100406", None, "project", wan("95.00")),
        ("05", "total", None, "basic", wan("21160.29")),  # p36
        ("06", "30204", None, "amount", wan("0.30")),  # p39
        ("06", "31099", None, "amount", wan("0.67")),  # p41
        ("06", "total", None, "amount", wan("21160.29")),
        ("07", "2120899", None, "total", wan("12600.00")),  # p43
        ("07", "2290402", None, "project", wan("15000.00")),
        ("09", "total", None, "budget", wan("53.10")),  # p42
        ("09", "overseas_travel", None, "budget", wan("")),
        ("09", "vehicle_operation", None, "budget", wan("38.50")),
        ("09", "official_reception", None, "budget", wan("14.60")),
    ),
)


# -- The prose files of the Jiangsu document sets: no tables, the figures the text states ------
# (figure_key, page, amount as printed in 万元), each read off the page.

DOCS["jiangsu-cppcc-office-2018-budget.pdf"] = Doc(
    "江苏省政协办公厅", 2018, "budget", "department", "万元", tables="", empty=""
)
DOCS["jiangsu-party-office-2017-budget.pdf"] = Doc(
    "江苏省委办公厅", 2017, "budget", "department", "万元", tables="", empty=""
)
DOCS["jiangsu-party-office-2018-budget-text.pdf"] = Doc(
    "江苏省委办公厅", 2018, "budget", "department", "万元", tables="", empty=""
)

NARRATIVE: dict[str, tuple[tuple[str, int, Decimal], ...]] = {
    # its tables were published separately (公开01表…, not among these files); the text
    # also leaves a drafting instruction in place (p12: "（按…中实际发生经济分类支出事项填写）")
    "jiangsu-cppcc-office-2018-budget.pdf": (
        ("expenditure_total", 7, wan("10,150.48")),
        ("income_total", 8, wan("10,150.48")),
        ("basic_expenditure", 10, wan("5,678.17")),
        ("project_expenditure", 10, wan("3,314.68")),
        ("personnel_expenditure", 12, wan("4,482.32")),
        ("public_expenditure", 12, wan("1,115.85")),
        ("general_budget_expenditure", 13, wan("10,070.48")),
    ),
    "jiangsu-party-office-2017-budget.pdf": (
        ("expenditure_total", 5, wan("20849.45")),
        ("income_total", 6, wan("20849.45")),
        ("basic_expenditure", 7, wan("9964.07")),
        ("project_expenditure", 7, wan("10688.66")),
        ("personnel_expenditure", 9, wan("7819.47")),
        ("public_expenditure", 9, wan("2144.60")),
        ("general_budget_expenditure", 10, wan("20702.25")),
    ),
    "jiangsu-party-office-2018-budget-text.pdf": (
        ("expenditure_total", 5, wan("24458.43")),
        ("income_total", 6, wan("24458.43")),
        ("basic_expenditure", 7, wan("10403.11")),
        ("project_expenditure", 7, wan("12081.46")),
        ("personnel_expenditure", 9, wan("8308.53")),
        ("public_expenditure", 9, wan("2094.58")),
        ("general_budget_expenditure", 10, wan("24458.43")),
    ),
}

# A prose file and the tables file of the same set: what the text states, the tables print.
DOCUMENT_SETS = {
    "jiangsu-party-office-2017-budget.pdf": "jiangsu-party-office-2017-budget-tables.pdf",
    "jiangsu-party-office-2018-budget-text.pdf": "jiangsu-party-office-2018-budget-tables.pdf",
}


# -- What the extractor reads differently from the page (strict xfails) ------------------------
# (document, table, row_key, side, column, amount as printed, what is read instead)

MISREAD: tuple[tuple[str, str, str, str | None, str, Decimal, str], ...] = (
    (
        "shanghai-data-bureau-2026-budget-unit.pdf",
        "02",
        "2014101",
        None,
        "other_income",
        yuan(""),
        "p10: the 其他收入 column, spilled onto a page of its own (blank for every row), "
        "is not among the table's columns",
    ),
    (
        "shanghai-final-account-template-2024.pdf",
        "02",
        "total",
        None,
        "total",
        wan(""),
        "p6: the 合计 row printed first (blank) is not read",
    ),
    (
        "shanghai-final-account-template-2024.pdf",
        "03",
        "total",
        None,
        "total",
        wan(""),
        "p7: the 合计 row printed first (blank) is not read",
    ),
)

# (document, table, attribute of ExtractedTable, value as printed, what is read instead)
MISREAD_TABLES: tuple[tuple[str, str, str, object, str], ...] = ()

# (document, table, attribute of ExtractedTable, value as printed): attributes worth a check
TABLE_ATTRIBUTES: tuple[tuple[str, str, str, object], ...] = (
    # p11 also holds, drawn below its page box, the text of pp. 12–15: never printed
    ("jiangsu-npc-office-2017-budget.pdf", "07", "pages", [15]),
    ("jiangsu-npc-office-2017-budget.pdf", "07", "is_empty", True),
)


# -- The tests ---------------------------------------------------------------------------------


def _extract_once(cache_dir: Path, name: str) -> DocumentExtraction:
    """Extract one document once for all the xdist workers of the session.

    The first worker to ask extracts it, holding a lock on the document, and leaves the
    extraction as JSON; the others wait for the lock and read the JSON back.
    """
    target = cache_dir / f"{name}.json"
    with open(cache_dir / f"{name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if target.exists():
            return DocumentExtraction.from_json_dict(json.loads(target.read_text("utf-8")))
        extraction = extract_document(REALDOCS / name)
        partial = target.with_suffix(".part")
        partial.write_text(json.dumps(extraction.to_json_dict(), ensure_ascii=False), "utf-8")
        partial.replace(target)
        return extraction


@pytest.fixture(scope="module")
def documents(tmp_path_factory):
    """name → (extraction, validation report), each document extracted once."""
    base = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        base = base.parent  # the session's folder, shared by its workers
    cache_dir = base / "realdocs-cells"
    cache_dir.mkdir(exist_ok=True)
    store: dict[str, tuple[DocumentExtraction, ValidationReport]] = {}

    def get(name: str) -> tuple[DocumentExtraction, ValidationReport]:
        if name not in store:
            extraction = _extract_once(cache_dir, name)
            store[name] = (extraction, validate_document(extraction))
        return store[name]

    return get


def cell(extraction, table: str, row: str, column: str, side: str | None = None) -> Decimal:
    found = extraction.tables[table].row(row, side)
    assert found is not None, f"table {table} has no row {row!r} ({side})"
    assert column in found.values, f"table {table} row {row!r} has no column {column!r}"
    return found.values[column]


def _misread(doc: Doc, aspect: str) -> list[pytest.MarkDecorator]:
    reason = doc.misread.get(aspect)
    return [pytest.mark.xfail(strict=True, reason=reason)] if reason else []


def _cell_id(name: str, table: str, row: str, side: str | None, column: str) -> str:
    return f"{Path(name).stem}:{table}:{row}:{side or '-'}:{column}"


CELLS = [
    pytest.param(name, *entry, id=_cell_id(name, *entry[:4]))
    for name, doc in DOCS.items()
    for entry in doc.cells
]
TABLE_DOCS = [name for name, doc in DOCS.items() if doc.tables]


def test_every_real_document_is_covered():
    assert sorted(DOCS) == sorted(path.name for path in REALDOCS.glob("*.pdf"))
    for name in TABLE_DOCS:
        assert len(DOCS[name].cells) >= 10, name
        assert len({entry[0] for entry in DOCS[name].cells}) >= 5, name  # spread over tables
    assert sorted(NARRATIVE) == sorted(name for name, doc in DOCS.items() if not doc.tables)


@pytest.mark.parametrize(("name", "table", "row", "side", "column", "printed"), CELLS)
def test_cell_as_printed(documents, name, table, row, side, column, printed):
    extraction, _ = documents(name)
    assert cell(extraction, table, row, column, side) == printed


@pytest.mark.parametrize(
    ("name", "table", "row", "side", "column", "printed"),
    [
        pytest.param(
            name,
            table,
            row,
            side,
            column,
            printed,
            id=_cell_id(name, table, row, side, column),
            marks=pytest.mark.xfail(strict=True, reason=reason),
        )
        for name, table, row, side, column, printed, reason in MISREAD
    ],
)
def test_cell_misread(documents, name, table, row, side, column, printed):
    extraction, _ = documents(name)
    assert cell(extraction, table, row, column, side) == printed


@pytest.mark.parametrize(
    ("name", "table", "attribute", "printed"),
    [
        pytest.param(
            name,
            table,
            attribute,
            printed,
            id=f"{Path(name).stem}:{table}:{attribute}",
            marks=pytest.mark.xfail(strict=True, reason=reason),
        )
        for name, table, attribute, printed, reason in MISREAD_TABLES
    ],
)
def test_table_attribute_misread(documents, name, table, attribute, printed):
    extraction, _ = documents(name)
    assert getattr(extraction.tables[table], attribute) == printed


@pytest.mark.parametrize(
    ("name", "table", "attribute", "printed"),
    [
        pytest.param(*entry, id=f"{Path(entry[0]).stem}:{entry[1]}:{entry[2]}")
        for entry in TABLE_ATTRIBUTES
    ],
)
def test_table_attribute_as_printed(documents, name, table, attribute, printed):
    extraction, _ = documents(name)
    assert getattr(extraction.tables[table], attribute) == printed


METADATA = ("department", "year", "kind", "scope", "unit")
EXTRACTION_FIELDS = {
    "department": "department_name",
    "year": "fiscal_year",
    "kind": "document_kind",
    "scope": "reporting_scope",
    "unit": "source_unit",
}


@pytest.mark.parametrize(
    ("name", "aspect"),
    [
        pytest.param(name, aspect, id=f"{Path(name).stem}:{aspect}", marks=_misread(doc, aspect))
        for name, doc in DOCS.items()
        for aspect in METADATA
    ],
)
def test_metadata(documents, name, aspect):
    extraction, _ = documents(name)
    assert getattr(extraction, EXTRACTION_FIELDS[aspect]) == getattr(DOCS[name], aspect)


@pytest.mark.parametrize(
    "name",
    [pytest.param(name, id=Path(name).stem, marks=_misread(DOCS[name], "tables")) for name in DOCS],
)
def test_tables_found(documents, name):
    extraction, _ = documents(name)
    assert " ".join(sorted(extraction.tables)) == DOCS[name].tables


@pytest.mark.parametrize(
    "name",
    [pytest.param(name, id=Path(name).stem, marks=_misread(DOCS[name], "empty")) for name in DOCS],
)
def test_tables_declared_empty(documents, name):
    extraction, report = documents(name)
    empty = sorted(code for code, table in extraction.tables.items() if table.is_empty)
    assert " ".join(empty) == DOCS[name].empty
    declared = sorted(
        code for code, v in report.tables.items() if v.status == TableStatus.DECLARED_EMPTY
    )
    assert " ".join(declared) == DOCS[name].empty


@pytest.mark.parametrize("name", [pytest.param(name, id=Path(name).stem) for name in DOCS])
def test_status(documents, name):
    _, report = documents(name)
    assert report.status == DOCS[name].status, report.status_reason


def test_three_public_wrapped_zero(documents):
    # The 三公 table of the NPC office 2017 (p20) prints its budget row with an empty first
    # cell and the 公务用车购置费 "0" on a line of its own, under the row. It was withheld
    # (no row understood), leaving the document partial; it now reads, and the document is
    # loaded with every table it prints (it has no 国有资本经营 table, 08).
    extraction, report = documents("jiangsu-npc-office-2017-budget.pdf")
    assert report.tables["09"].status == TableStatus.LOADED
    assert [row.row_key for row in extraction.tables["09"].rows] == [
        "total",
        "overseas_travel",
        "vehicles",
        "vehicle_purchase",
        "vehicle_operation",
        "official_reception",
    ]
    assert report.tables["08"].status == TableStatus.NOT_FOUND
    assert report.status == DocumentStatus.LOADED


@pytest.mark.parametrize("name", [pytest.param(name, id=Path(name).stem) for name in NARRATIVE])
def test_prose_file_has_no_tables(documents, name):
    extraction, _ = documents(name)
    assert extraction.tables == {}
    kinds = [problem.kind for problem in extraction.problems]
    assert ProblemKind.PROSE_ONLY in kinds
    assert kinds.count(ProblemKind.TABLE_NOT_FOUND) == len(ALL_TABLES.split())  # each one


@pytest.mark.parametrize(
    ("name", "key", "page", "printed"),
    [
        pytest.param(name, key, page, printed, id=f"{Path(name).stem}:{key}")
        for name, figures in NARRATIVE.items()
        for key, page, printed in figures
    ],
)
def test_narrative_figure(documents, name, key, page, printed):
    extraction, _ = documents(name)
    found = [f for f in extraction.narrative_figures if f.figure_key == key]
    assert found, f"no narrative figure {key}"
    assert (found[0].amount_yuan, found[0].page) == (printed, page)


def _economic(extraction, *codes: str) -> Decimal:
    return sum((cell(extraction, "06", code, "amount") for code in codes), Decimal(0))


# what the prose states → the same figure in the tables file
SET_FIGURES = {
    "income_total": lambda t: cell(t, "01", "收入合计", "amount", INC),
    "expenditure_total": lambda t: cell(t, "01", "支出合计", "amount", EXP),
    "basic_expenditure": lambda t: cell(t, "03", "total", "basic"),
    "project_expenditure": lambda t: cell(t, "03", "total", "project"),
    "general_budget_expenditure": lambda t: cell(t, "05", "total", "total"),
    "personnel_expenditure": lambda t: _economic(t, "301", "303"),
    "public_expenditure": lambda t: _economic(t, "302"),
}


@pytest.mark.parametrize(
    ("prose", "key"),
    [
        pytest.param(prose, key, id=f"{Path(prose).stem}:{key}")
        for prose in DOCUMENT_SETS
        for key in SET_FIGURES
    ],
)
def test_prose_file_agrees_with_its_tables_file(documents, prose, key):
    text, _ = documents(prose)
    tables, _ = documents(DOCUMENT_SETS[prose])
    stated = [f.amount_yuan for f in text.narrative_figures if f.figure_key == key]
    assert stated == [SET_FIGURES[key](tables)]


PRINTED_NUMBERS = {
    # the number on a line of its own above the title, not the next table's
    "jiangsu-npc-office-2018-budget.pdf": {"01": "公开01表", "03": "公开03表", "09": "公开09表"},
    "zhuhai-commerce-2026-budget.pdf": {"01": "表1", "05": "表5", "09": "表8"},  # top right
    "huzhou-finance-2026-budget.pdf": {"02": "表02", "09": "表07"},
    "changchun-petition-2026-budget.pdf": {"01": "表1", "09": "表7"},  # (预算表1) after the title
    "putuo-planning-resources-2024-final.pdf": {"01": None, "09": None},  # none printed
}


@pytest.mark.parametrize("name", sorted(PRINTED_NUMBERS))
def test_printed_numbers(documents, name):
    extraction, _ = documents(name)
    numbers = {code: extraction.tables[code].printed_number for code in PRINTED_NUMBERS[name]}
    assert numbers == PRINTED_NUMBERS[name]

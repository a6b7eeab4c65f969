"""Extraction of real published PDFs (../shared/realdocs), with cells checked by eye."""

from __future__ import annotations

from decimal import Decimal

import pytest

from pipelines.extraction import extract_document
from pipelines.extraction.problems import ProblemKind
from tests.support.paths import REALDOCS

REALDOCS = REALDOCS
PUTUO_FINAL = REALDOCS / "putuo-planning-resources-2024-final.pdf"
TEMPLATE = REALDOCS / "shanghai-final-account-template-2024.pdf"

pytestmark = [
    pytest.mark.realdocs,
    pytest.mark.skipif(not REALDOCS.is_dir(), reason="../shared/realdocs is not present"),
]


@pytest.fixture(scope="module")
def putuo():
    return extract_document(PUTUO_FINAL)


def cell(extraction, table: str, row: str, column: str, side: str | None = None) -> Decimal:
    found = extraction.tables[table].row(row, side)
    assert found is not None, f"table {table} has no row {row!r}"
    return found.values.get(column, Decimal("0"))


def test_metadata_is_read_from_the_content(putuo):
    assert putuo.department_name == "上海市普陀区规划和自然资源局"
    assert putuo.region == "上海市普陀区"
    assert putuo.fiscal_year == 2024
    assert putuo.document_kind == "final_account"
    assert putuo.reporting_scope == "department"
    assert putuo.page_count == 30


def test_every_table_is_found(putuo):
    assert sorted(putuo.tables) == ["01", "02", "03", "04", "05", "06", "07", "08", "09"]
    assert putuo.tables["07"].is_empty and putuo.tables["08"].is_empty
    assert putuo.problems == []


# (table, row, column, side, amount in 万元 as printed), each read off the PDF by eye.
CHECKED_CELLS = [
    ("01", "一、一般公共预算财政拨款收入", "amount", "income", "9746.50"),
    ("01", "十一、城乡社区支出", "amount", "expenditure", "3845.25"),
    ("01", "年初结转和结余", "amount", "income", "112.88"),
    ("01", "年末结转和结余", "amount", "expenditure", "100.00"),
    ("01", "总计", "amount", "expenditure", "9859.38"),
    ("02", "2080505", "total", None, "446.11"),
    ("02", "2210203", "fiscal_appropriation", None, "171.49"),
    ("03", "2200199", "project", None, "45.00"),
    ("03", "total", "basic", None, "5377.64"),
    ("04", "十八、自然资源海洋气象等支出", "general_public_budget", "expenditure", "4461.67"),
    ("05", "2120101", "basic", None, "1084.02"),
    ("05", "2120101", "project", None, "8.77"),
    ("05", "total", "basic", None, "5364.75"),
    ("06", "30107", "amount", None, "1594.02"),
    ("06", "301", "amount", None, "4816.14"),
    ("06", "personnel_total", "amount", None, "4884.09"),
    ("06", "public_total", "amount", None, "480.66"),
    ("09", "total", "budget", None, "2.85"),
    ("09", "official_reception", "actual", None, "0.39"),
]


@pytest.mark.parametrize(("table", "row", "column", "side", "printed"), CHECKED_CELLS)
def test_cells_checked_by_eye(putuo, table, row, column, side, printed):
    assert cell(putuo, table, row, column, side) == Decimal(printed) * 10000


def test_wrapped_names_are_joined(putuo):
    assert putuo.tables["02"].row("2080505").row_label == "机关事业单位基本养老保险缴费支出"
    assert putuo.tables["05"].row("20805").row_label == "行政事业单位养老支出"


def test_budget_execution_sentences(putuo):
    by_code = {b.function_code: b for b in putuo.budget_execution if b.function_code}
    row = by_code["2120201"]
    assert row.initial_budget_yuan == Decimal("31101400.00")
    assert row.final_yuan == Decimal("27395600.00")
    assert row.completion_rate == Decimal("88.08")
    assert len(putuo.budget_execution) == 13


def test_template_tables_found():
    if not TEMPLATE.exists():
        pytest.skip("template absent")
    template = extract_document(TEMPLATE)
    assert sorted(template.tables) == ["01", "02", "03", "04", "05", "06", "07", "08", "09"]
    assert template.fiscal_year == 2024


# Real budgets (部门预算): the budget table set, read by title onto the national codes.
PUTUO_BUDGET = REALDOCS / "putuo-government-office-2025-budget.pdf"
JIANGSU_TABLES = REALDOCS / "jiangsu-cppcc-office-2019-budget-tables.pdf"
JIANGSU_PROSE = REALDOCS / "jiangsu-cppcc-office-2018-budget.pdf"


@pytest.fixture(scope="module")
def putuo_budget():
    return extract_document(PUTUO_BUDGET)


def test_budget_metadata_and_tables(putuo_budget):
    assert putuo_budget.document_kind == "budget"
    assert putuo_budget.department_name == "上海市普陀区人民政府办公室"
    assert putuo_budget.fiscal_year == 2025
    assert sorted(putuo_budget.tables) == ["01", "02", "03", "04", "05", "06", "07", "08", "09"]
    assert putuo_budget.problems == []


# (table, row, column, side, yuan as printed) read off the Putuo 2025 budget by eye
BUDGET_CELLS = [
    ("01", "收入总计", "amount", "income", "91016775.35"),
    ("05", "2010301", "total", None, "12029501.84"),
    ("05", "2010301", "basic", None, "11919501.84"),
    ("05", "2010301", "project", None, "110000.00"),
    ("05", "201", "project", None, "66410000.00"),
    ("06", "30101", "amount", None, "2540192.00"),
    ("09", "total", "budget", None, "8675000.00"),
    ("09", "overseas_travel", "budget", None, "8390000.00"),
    ("09", "official_reception", "budget", None, "285000.00"),
]


@pytest.mark.parametrize(("table", "row", "column", "side", "printed"), BUDGET_CELLS)
def test_budget_cells_checked_by_eye(putuo_budget, table, row, column, side, printed):
    assert cell(putuo_budget, table, row, column, side) == Decimal(printed)


def test_budget_three_public_has_no_actual_column(putuo_budget):
    assert [c.key for c in putuo_budget.tables["09"].columns] == ["budget"]


def test_jiangsu_tables_only_budget():
    tables = extract_document(JIANGSU_TABLES)
    assert (tables.document_kind, tables.fiscal_year) == ("budget", 2019)
    assert tables.department_name == "江苏省政协办公厅"
    assert cell(tables, "05", "2010201", "total") == Decimal("52232200.00")  # 5,223.22万元
    assert cell(tables, "06", "30102", "amount") == Decimal("22695700.00")  # 2,269.57万元
    three = tables.tables["09"]
    assert three.row("total").values["budget"] == Decimal("6601000.00")  # the "三公" 小计 660.10
    assert three.row("overseas_travel").values["budget"] == Decimal("1060000.00")
    # the expenditure-by-purpose block of the three-sided 收支预算总表
    assert cell(tables, "01", "支出用途/一、基本支出", "amount", "expenditure") == Decimal(
        "65227500.00"
    )


def test_prose_only_budget_is_a_document_without_tables():
    prose = extract_document(JIANGSU_PROSE)
    assert (prose.document_kind, prose.fiscal_year, prose.department_name) == (
        "budget",
        2018,
        "江苏省政协办公厅",
    )
    assert prose.tables == {}
    assert ProblemKind.PROSE_ONLY in [p.kind for p in prose.problems]

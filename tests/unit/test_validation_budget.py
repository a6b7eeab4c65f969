"""Validation of budget documents (部门预算): schemas, statement vocabulary, quarantine."""

from __future__ import annotations

import copy
from decimal import Decimal
from pathlib import Path

import pytest

from pipelines.extraction.model import (
    Column,
    DocumentExtraction,
    ExtractedTable,
    NarrativeFigure,
    TableRow,
)
from pipelines.extraction.problems import Problem, ProblemKind
from pipelines.validation import RULE_BY_ID, DocumentStatus, ValidationReport, validate_document
from pipelines.validation.narrative_rules import narrative_step_yuan
from pipelines.validation.schemas import validate_table_schema
from pipelines.validation.statement_sides import statement_side
from tests.support.paths import REALDOCS
from tests.support.validation_fixtures import extracted_sample
from tools.samples import all_samples

BUDGETS = [s for s in all_samples() if s.folder == "raw" and s.document_kind == "budget"]
REALDOCS = REALDOCS
PUTUO_2025 = REALDOCS / "putuo-government-office-2025-budget.pdf"
JIANGSU_2018_PROSE = REALDOCS / "jiangsu-cppcc-office-2018-budget.pdf"
JIANGSU_2019_TABLES = REALDOCS / "jiangsu-cppcc-office-2019-budget-tables.pdf"


def _extracted(path: Path) -> DocumentExtraction:
    return extracted_sample(path)


def extracted(path: Path) -> DocumentExtraction:
    """A private copy of the (cached) extraction, free to break."""
    return copy.deepcopy(_extracted(path))


def error_keys(report: ValidationReport) -> set[tuple[str, str]]:
    return {(f.rule_id, f.location) for f in report.errors}


def test_budget_rules_are_catalogued():
    for rule_id in (
        "T01_SUB_LINES",
        "T01_GROUP_TOTAL",
        "T04_SUB_LINES",
        "T04_GROUP_TOTAL",
        "T06_GRAND_TOTAL",
        "X04_FUND_TABLES_TOTAL",
        "X05_06_BASIC_TOTAL",
    ):
        rule = RULE_BY_ID[rule_id]
        assert rule.severity == "error" and rule.identity and rule.description


# ------------------------------------------------------------------ generated samples


def test_there_are_budget_samples():
    assert len(BUDGETS) >= 10


@pytest.mark.parametrize("sample", BUDGETS, ids=[s.file_name for s in BUDGETS])
def test_budget_samples_validate_clean(sample):
    extraction = _extracted(sample.path)
    assert extraction.document_kind == "budget"
    report = validate_document(extraction)
    assert report.status == DocumentStatus.LOADED, report.status_reason
    assert report.errors == [], [(f.rule_id, f.location, f.message) for f in report.errors]
    assert [f for f in report.findings if f.severity == "warning"] == []
    assert report.rules_checked > 50


def _sample(name: str) -> Path:
    return next(s.path for s in BUDGETS if s.file_name == name)


def test_injected_breaks_in_a_budget_are_found():
    broken = extracted(_sample("nanjing-jtj-2021-budget.pdf"))
    item = next(
        r for r in broken.tables["05"].rows if len(r.row_key) == 7 and r.values["total"] > 0
    )
    item.values["total"] += Decimal("12300.00")  # a 05 row total no longer basic + project
    total09 = broken.tables["09"].row("total")
    total09.values["budget"] += Decimal("5000.00")  # 09 合计 no longer its parts
    report = validate_document(broken)
    found = error_keys(report)
    assert ("T05_ROW_SUM", f"05/{item.row_key}/total") in found
    assert ("T09_TOTAL", "09/total/budget") in found
    assert report.status == DocumentStatus.LOADED  # two broken sums are source findings


def test_budget_06_total_and_05_basic_are_tied():
    broken = extracted(_sample("wuhan-kjj-2023-budget.pdf"))
    broken.tables["06"].row("total").values["amount"] += Decimal("100000.00")
    found = error_keys(validate_document(broken))
    assert ("T06_GRAND_TOTAL", "06/total/amount") in found
    assert ("X05_06_BASIC_TOTAL", "05/total/basic") in found


def test_budget_statement_sub_lines_are_not_double_counted():
    doc = extracted(_sample("nanjing-jtj-2021-budget.pdf"))
    income = statement_side(doc.tables["01"], "income", "budget")
    labels = [r.row_key for r in income.lines]
    assert labels[0] == "一、财政拨款" and not any(label[0].isdigit() for label in labels)
    (parent, kids), *_ = income.sub_lines
    assert parent.row_key == "一、财政拨款"
    assert [k.row_key for k in kids] == ["1.一般公共预算", "2.政府性基金预算"]
    assert income.year_total.row_key == "当年收入小计"
    assert income.carryover.row_key == "上年结转资金"
    assert income.grand_total.row_key == "收入合计"
    # A sub-line that no longer adds up is found against its parent.
    next(r for r in doc.tables["01"].rows if r.row_key == "1.一般公共预算").values["amount"] += (
        Decimal("10000.00")
    )
    assert ("T01_SUB_LINES", "01/income/一、财政拨款/amount") in error_keys(validate_document(doc))


def test_budget_narrative_break_is_found():
    doc = extracted(_sample("putuo-wjw-2022-budget.pdf"))
    figure = next(f for f in doc.narrative_figures if f.figure_key == "three_public_budget")
    figure.amount_yuan += Decimal("10000.00")
    found = error_keys(validate_document(doc))
    assert any(rule == "N_FIGURE" and "three_public_budget" in loc for rule, loc in found)


# ------------------------------------------------------------------ hand-built budget tables


def _statement(rows: list[tuple[str, str, str]], code: str = "01") -> ExtractedTable:
    return ExtractedTable(
        table_code=code,
        title="收支预算总表",
        printed_number=None,
        unit="万元",
        pages=[1],
        columns=[Column("amount", "金额")],
        rows=[
            TableRow(key, key.split("/")[-1], 1, {"amount": Decimal(amount) * 10000}, side)
            for side, key, amount in rows
        ],
    )


def _budget(*tables: ExtractedTable, **kwargs) -> DocumentExtraction:
    return DocumentExtraction(
        source_file="x.pdf",
        sha256="0" * 64,
        document_id="x",
        page_count=1,
        department_name="部门",
        region=None,
        fiscal_year=2019,
        document_kind="budget",
        reporting_scope="department",
        source_unit="万元",
        tables={t.table_code: t for t in tables},
        **kwargs,
    )


THREE_SIDED = [
    ("income", "一、财政拨款", "100.00"),
    ("expenditure", "一、一般公共服务支出", "80.00"),
    ("expenditure", "支出用途/一、基本支出", "70.00"),
    ("income", "1.一般公共预算", "100.00"),
    ("expenditure", "二、住房保障支出", "30.00"),
    ("expenditure", "支出用途/二、项目支出", "40.00"),
    ("income", "2.政府性基金预算", "0.00"),
    ("income", "二、其他资金", "10.00"),
    ("income", "当年收入小计", "110.00"),
    ("expenditure", "当年支出小计", "110.00"),
    ("income", "上年结转资金", "0.00"),
    ("expenditure", "结转下年资金", "0.00"),
    ("income", "收入合计", "110.00"),
    ("expenditure", "支出合计", "110.00"),
]


def test_three_sided_statement_groups_are_summed_separately():
    report = validate_document(_budget(_statement(THREE_SIDED)))
    assert report.errors == []
    side = statement_side(_statement(THREE_SIDED), "expenditure", "budget")
    assert [r.row_key for r in side.lines] == ["一、一般公共服务支出", "二、住房保障支出"]
    assert list(side.groups) == ["支出用途"]

    rows = [(s, k, "50.00" if k == "支出用途/二、项目支出" else a) for s, k, a in THREE_SIDED]
    found = error_keys(validate_document(_budget(_statement(rows))))
    assert found == {("T01_GROUP_TOTAL", "01/expenditure/当年支出小计/amount/支出用途")}


def test_single_total_is_year_and_grand_total():
    rows = [
        ("income", "一、财政拨款收入", "100.00"),
        ("income", "1.一般公共预算资金", "100.00"),
        ("income", "二、事业收入", "5.00"),
        ("expenditure", "一、卫生健康支出", "105.00"),
        ("income", "收入总计", "105.00"),
        ("expenditure", "支出总计", "105.00"),
    ]
    table = _statement(rows)
    income = statement_side(table, "income", "budget")
    assert income.year_total is income.grand_total
    assert income.year_total.row_key == "收入总计"
    report = validate_document(_budget(table))
    assert report.errors == [] and report.status == DocumentStatus.PARTIAL  # no 05
    # the final-account reading does not know these lines
    assert statement_side(table, "income").year_total is None


def test_single_amount_budget_tables_pass_their_schema():
    table05 = ExtractedTable(
        "05",
        "一般公共预算支出预算表(功能科目)",
        None,
        "万元",
        [1],
        [Column("total", "金额")],
        [
            TableRow("total", "合计", 1, {"total": Decimal("300")}),
            TableRow("201", "一般公共服务支出", 1, {"total": Decimal("300")}),
        ],
    )
    table09 = ExtractedTable(
        "09",
        "“三公”经费预算表",
        None,
        "万元",
        [1],
        [Column("budget", "预算数")],
        [TableRow("total", "合计", 1, {"budget": Decimal("0")})],
    )
    for table in (table05, table09):
        assert validate_table_schema(table, "budget").findings == []
        final = {f.rule_id for f in validate_table_schema(table, "final_account").findings}
        assert any(rule.endswith("REQUIRED_COLUMN") for rule in final)


# ------------------------------------------------------------------ rounding


def test_narrative_step_follows_its_printed_precision():
    assert narrative_step_yuan(Decimal("91016800.00")) == Decimal("100")  # 9,101.68万元
    assert narrative_step_yuan(Decimal("91016775.35")) == Decimal("0.01")  # 元


def test_narrative_in_wan_against_a_yuan_table_is_rounding():
    amounts = {
        "total": Decimal("91016775.35"),
        "basic": Decimal("24606775.35"),
        "project": Decimal("66410000.00"),
    }
    table05 = ExtractedTable(
        "05",
        "一般公共预算支出功能分类预算表",
        None,
        "元",
        [1],
        [Column("total", "合计"), Column("basic", "基本支出"), Column("project", "项目支出")],
        [
            TableRow("total", "合计", 1, dict(amounts)),
            TableRow("201", "一般公共服务支出", 1, dict(amounts)),
        ],
    )
    figures = [
        # 9,101.68万元 against 91,016,775.35 元: 24.65 yuan of rounding
        NarrativeFigure("general_budget_expenditure", Decimal("91016800.00"), 1, "9,101.68万元"),
        # 2,460.69万元 against 24,606,775.35 元: 124.65 yuan, beyond one 0.01 万元 step
        NarrativeFigure("general_budget_basic", Decimal("24606900.00"), 1, "2,460.69万元"),
        # printed in 元: no rounding allowed
        NarrativeFigure("general_budget_project", Decimal("66410000.50"), 1, "66,410,000.50元"),
    ]
    report = validate_document(_budget(table05, narrative_figures=figures))
    severity = {
        f.location.split()[-1]: f.severity
        for f in report.findings
        if f.rule_id != "R_TABLE_NOT_FOUND"  # this budget prints only table 05
    }
    assert severity == {
        "general_budget_expenditure": "info",
        "general_budget_basic": "error",
        "general_budget_project": "error",
    }


# ------------------------------------------------------------------ statuses


def test_budget_without_a_statement_or_05_is_partial():
    doc = extracted(_sample("wuhan-jyj-2022-budget.pdf"))
    for code in ("02", "03", "06", "09"):
        del doc.tables[code]
    assert validate_document(doc).status == DocumentStatus.LOADED
    del doc.tables["05"]
    report = validate_document(doc)
    assert report.status == DocumentStatus.PARTIAL
    assert report.status_reason == "table 05 (一般公共预算支出预算表) not found"
    doc = extracted(_sample("wuhan-jyj-2022-budget.pdf"))
    del doc.tables["01"]
    assert validate_document(doc).status == DocumentStatus.LOADED  # 04 stands in
    del doc.tables["04"]
    report = validate_document(doc)
    assert report.status == DocumentStatus.PARTIAL
    assert "table 01" in report.status_reason and "table 04" in report.status_reason


def test_prose_only_budget_is_loaded():
    prose = _budget(
        problems=[
            Problem(ProblemKind.PROSE_ONLY, "no standard tables: the prose part of a document set")
        ]
    )
    assert validate_document(prose).status == DocumentStatus.LOADED
    no_tables = _budget(problems=[Problem(ProblemKind.TABLE_NOT_FOUND, "table 05 not found", "05")])
    report = validate_document(no_tables)
    assert report.status == DocumentStatus.QUARANTINED
    assert report.status_reason.startswith("no table could be read")


# ------------------------------------------------------------------ real budgets


@pytest.mark.skipif(not PUTUO_2025.exists(), reason="realdocs not available")
def test_real_putuo_2025_budget_is_loaded_clean():
    report = validate_document(_extracted(PUTUO_2025))
    assert report.status == DocumentStatus.LOADED
    assert report.errors == []
    # its narrative prints 9,101.68万元 for tables in 元: rounding, reported as info
    assert all(f.severity == "info" for f in report.findings)
    assert report.rules_checked > 100


@pytest.mark.skipif(not JIANGSU_2018_PROSE.exists(), reason="realdocs not available")
def test_real_prose_only_budget_is_not_quarantined():
    extraction = _extracted(JIANGSU_2018_PROSE)
    assert extraction.tables == {}
    assert validate_document(extraction).status == DocumentStatus.LOADED


@pytest.mark.skipif(not JIANGSU_2019_TABLES.exists(), reason="realdocs not available")
def test_real_jiangsu_2019_budget_tables_are_not_quarantined():
    report = validate_document(_extracted(JIANGSU_2019_TABLES))
    assert report.status != DocumentStatus.QUARANTINED
    checked = {f.rule_id for f in report.findings}
    assert not checked & {"T01_INCOME_TOTAL", "T01_EXPENDITURE_TOTAL", "T01_GROUP_TOTAL"}

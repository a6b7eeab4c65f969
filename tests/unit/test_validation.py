"""Validation: schemas accept good and reject bad frames; rules catch injected breaks."""

from __future__ import annotations

from decimal import Decimal

import pytest

from pipelines.extraction.model import TableRow
from pipelines.extraction.problems import ProblemKind, table_problem
from pipelines.validation import (
    RULES,
    DocumentStatus,
    TableStatus,
    ValidationReport,
    table_to_frame,
    validate_document,
)
from pipelines.validation.schemas import validate_table_schema
from pipelines.validation.statement_labels import class_code_for_label
from tests.support.validation_fixtures import (
    COLUMNS_02,
    bad_function_table,
    consistent_document,
    seed_document,
    set_amount,
    wan,
)


def finding(report: ValidationReport, rule_id: str, location: str):
    matches = [f for f in report.findings if f.rule_id == rule_id and f.location == location]
    assert matches, f"no {rule_id} at {location}; found: " + ", ".join(
        f"{f.rule_id}@{f.location}" for f in report.findings
    )
    return matches[0]


def assert_unique(report: ValidationReport) -> None:
    keys = [(f.rule_id, f.location) for f in report.findings]
    assert len(keys) == len(set(keys))


# ------------------------------------------------------------------ catalogue


def test_rule_catalogue_is_stable_and_documented():
    ids = [r.rule_id for r in RULES]
    assert len(ids) == len(set(ids))
    for rule in RULES:
        assert rule.severity in ("error", "warning", "info")
        assert rule.identity and rule.description
    by_id = {r.rule_id: r for r in RULES}
    assert "1栏各行＝（2＋3＋4＋5＋6＋7）栏各行" in by_id["T02_ROW_SUM"].identity
    assert by_id["N_BUDGET_EXECUTION_FINAL"].severity == "error"
    assert by_id["N_FIGURE"].severity == "error"
    assert by_id["SCHEMA_FUNCTION_ROW_KEY_FORMAT"].severity == "error"


@pytest.mark.parametrize(
    ("label", "code"),
    [
        ("六、科学技术支出", "206"),
        ("二十六、抗疫特别国债安排的支出", "234"),
        ("九、医疗卫生与计划生育支出", "210"),
        ("二十三、其他支出", "229"),
        ("本年支出合计", None),
    ],
)
def test_class_names_map_to_codes(label, code):
    assert class_code_for_label(label) == code


# ------------------------------------------------------------------ consistent document


def test_consistent_document_has_no_findings():
    report = validate_document(consistent_document())
    assert report.errors == []
    assert [f for f in report.findings if f.severity == "warning"] == []
    assert report.findings == []
    assert report.status == DocumentStatus.LOADED
    assert report.rules_checked > 100


def test_empty_tables_are_skipped():
    doc = consistent_document()
    report = validate_document(doc)
    assert not any(f.table_code in ("07", "08") for f in report.findings)
    # a check whose table is absent is skipped, not failed
    del doc.tables["06"]
    doc.narrative_figures = [f for f in doc.narrative_figures if "expenditure" not in f.figure_key]
    report = validate_document(doc)
    assert not any(f.rule_id == "X05_06_BASIC" for f in report.findings)


# ------------------------------------------------------------------ injected breaks


def test_row_total_off():
    doc = consistent_document()
    set_amount(doc, "03", "2060101", "total", "401.00")
    report = validate_document(doc)
    f = finding(report, "T03_ROW_SUM", "03/2060101/total")
    assert f.severity == "error"
    assert f.table_code == "03"
    assert f.expected_yuan == wan("400.00")
    assert f.actual_yuan == wan("401.00")
    assert f.difference_yuan == wan("1.00")
    assert "行政运行" in f.message
    assert report.status == DocumentStatus.LOADED  # a broken sum is a source inconsistency
    assert_unique(report)


def test_class_not_matching_its_sections():
    doc = consistent_document()
    # 206 row stays internally consistent (total = fiscal + other) but no longer = Σ 款
    set_amount(doc, "02", "206", "total", "905.00")
    set_amount(doc, "02", "206", "fiscal_appropriation", "895.00")
    report = validate_document(doc)
    assert not any(f.rule_id == "T02_ROW_SUM" for f in report.findings)
    f = finding(report, "T02_HIERARCHY", "02/206/total")
    assert f.severity == "error"
    assert f.expected_yuan == wan("900.00")
    assert f.actual_yuan == wan("905.00")
    finding(report, "T02_HIERARCHY", "02/206/fiscal_appropriation")
    finding(report, "T02_GRAND_TOTAL", "02/total/total")


def test_section_not_matching_its_items():
    doc = consistent_document()
    set_amount(doc, "05", "2060199", "total", "210.00")
    set_amount(doc, "05", "2060199", "project", "210.00")
    report = validate_document(doc)
    f = finding(report, "T05_HIERARCHY", "05/20601/total")
    assert f.expected_yuan == wan("610.00")


def test_narrative_number_changed():
    doc = consistent_document()
    doc.budget_execution[0].final_yuan = wan("4000.00")
    doc.narrative_figures[0].amount_yuan = wan("1011.00")
    report = validate_document(doc)
    f = finding(report, "N_BUDGET_EXECUTION_FINAL", "narrative p.14 2060101")
    assert f.severity == "error"
    assert f.table_code == "05"
    assert f.expected_yuan == wan("400.00")
    assert f.actual_yuan == wan("4000.00")
    # total_income_expenditure restates both 总计 lines of table 01
    finding(report, "N_FIGURE", "narrative p.12 total_income_expenditure income")
    finding(report, "N_FIGURE", "narrative p.12 total_income_expenditure expenditure")
    assert report.status == DocumentStatus.LOADED
    assert_unique(report)


def test_cross_table_total_01_vs_03():
    doc = consistent_document()
    for column, amount in (("total", "1020.00"), ("basic", "820.00")):
        set_amount(doc, "03", "total", column, amount)
    report = validate_document(doc)
    f = finding(report, "X01_03_EXPENDITURE_TOTAL", "01/expenditure/本年支出合计/amount")
    assert f.severity == "error"
    assert f.expected_yuan == wan("1020.00")
    assert f.actual_yuan == wan("1010.00")
    assert report.status == DocumentStatus.LOADED


def test_cross_table_class_line_01_vs_03():
    doc = consistent_document()
    set_amount(doc, "01", "六、科学技术支出", "amount", "900.00", side="expenditure")
    report = validate_document(doc)
    f = finding(report, "X01_03_CLASS", "01/expenditure/六、科学技术支出/amount")
    assert f.expected_yuan == wan("910.00")
    finding(report, "T01_EXPENDITURE_TOTAL", "01/expenditure/本年支出合计/amount")


def test_cross_table_04_vs_05():
    doc = consistent_document()
    set_amount(doc, "05", "total", "total", "991.00")
    set_amount(doc, "05", "total", "project", "201.00")
    report = validate_document(doc)
    finding(report, "X04_05_EXPENDITURE_TOTAL", "04/expenditure/本年支出合计/general_public_budget")


def test_basic_05_vs_06():
    doc = consistent_document()
    for key, amount in (("30101", "401.00"), ("301", "601.00"), ("personnel_total", "651.00")):
        set_amount(doc, "06", key, "amount", amount)
    doc.narrative_figures = [
        f for f in doc.narrative_figures if f.figure_key != "personnel_expenditure"
    ]
    report = validate_document(doc)
    f = finding(report, "X05_06_BASIC", "05/total/basic")
    assert f.severity == "error"
    assert f.expected_yuan == wan("791.00")
    assert f.actual_yuan == wan("790.00")
    assert [e.rule_id for e in report.errors] == ["X05_06_BASIC"]


def test_06_footer_and_09_parts():
    doc = consistent_document()
    set_amount(doc, "06", "public_total", "amount", "150.00")
    set_amount(doc, "09", "vehicles", "actual", "8.78")
    report = validate_document(doc)
    finding(report, "T06_PUBLIC_TOTAL", "06/public_total/amount")
    finding(report, "T09_VEHICLES", "09/vehicles/actual")
    finding(report, "T09_TOTAL", "09/total/actual")


def test_statement_line_sums():
    doc = consistent_document()
    set_amount(doc, "01", "总计", "amount", "1020.00", side="income")
    set_amount(doc, "04", "本年收入合计", "amount", "980.00", side="income")
    report = validate_document(doc)
    finding(report, "T01_INCOME_GRAND_TOTAL", "01/income/总计/amount")
    finding(report, "T01_BALANCE", "01/expenditure/总计/amount")
    finding(report, "T04_INCOME_TOTAL", "04/income/本年收入合计/amount")
    finding(report, "X02_04_FISCAL_INCOME", "04/income/本年收入合计/amount")


def test_rounding_gap_on_two_terms_is_info():
    doc = consistent_document()
    # 20601 = basic 400.00 + project 200.00, printed 600.01: 0.01万元 on two terms
    set_amount(doc, "05", "20601", "total", "600.01")
    report = validate_document(doc)
    f = finding(report, "T05_ROW_SUM", "05/20601/total")
    assert f.severity == "info"
    assert f.difference_yuan == Decimal("100.00")
    assert "尾数误差" in f.message
    assert report.errors == []


def test_gap_beyond_rounding_is_error():
    doc = consistent_document()
    set_amount(doc, "05", "20601", "total", "600.03")  # 300 yuan > 2 terms × 100 yuan
    report = validate_document(doc)
    assert finding(report, "T05_ROW_SUM", "05/20601/total").severity == "error"


def test_rounding_in_yuan_tables():
    doc = consistent_document()
    table = doc.tables["09"]
    table.unit = "元"
    table.row("total").values["budget"] += Decimal("0.01")
    report = validate_document(doc)
    assert finding(report, "T09_TOTAL", "09/total/budget").severity == "info"
    table.row("total").values["budget"] += Decimal("0.10")
    report = validate_document(doc)
    assert finding(report, "T09_TOTAL", "09/total/budget").severity == "error"


# ------------------------------------------------------------------ withholding


def test_a_mangled_table_is_withheld_and_the_others_load():
    doc = consistent_document()
    del doc.tables["03"]
    for row in doc.tables["02"].rows:
        for i, key in enumerate(row.values):
            row.values[key] = wan(str(17 * (len(row.row_key) + i) + 3))
    report = validate_document(doc)
    assert report.status == DocumentStatus.PARTIAL
    assert report.tables["02"].status == TableStatus.WITHHELD
    assert "of its own identities broken" in report.tables["02"].reason
    assert report.tables["03"].status == TableStatus.NOT_FOUND
    assert report.tables["05"].status == TableStatus.LOADED
    assert "table 02 (收入决算表) withheld" in report.status_reason
    assert "table 03 (支出决算表) not found" in report.status_reason
    # what was misread is not held against the document: one finding says why
    assert [f.rule_id for f in report.findings if f.table_code == "02"] == ["R_TABLE_WITHHELD"]
    assert not any(f.rule_id.startswith("X01_02") for f in report.findings)
    finding(report, "R_TABLE_NOT_FOUND", "03")


def test_table_without_rows_not_declared_empty_is_withheld():
    doc = consistent_document()
    doc.tables["06"].rows = []
    report = validate_document(doc)
    assert report.status == DocumentStatus.PARTIAL
    assert report.tables["06"].status == TableStatus.WITHHELD
    assert "no rows read" in report.tables["06"].reason


def test_declared_empty_required_table_is_accepted():
    doc = consistent_document()
    doc.tables["09"].rows = []
    doc.tables["09"].is_empty = True
    doc.narrative_figures = [f for f in doc.narrative_figures if "three_public" not in f.figure_key]
    report = validate_document(doc)
    assert report.status == DocumentStatus.LOADED
    assert report.tables["09"].status == TableStatus.DECLARED_EMPTY


def test_a_cross_table_contradiction_loads_with_findings():
    doc = consistent_document()
    doc.tables["02"].rows = [r for r in doc.tables["02"].rows if r.row_key != "total"]
    set_amount(doc, "03", "total", "total", "2020.00")
    set_amount(doc, "03", "total", "basic", "1820.00")
    report = validate_document(doc)
    assert report.status == DocumentStatus.LOADED
    assert all(v.status != TableStatus.WITHHELD for v in report.tables.values())
    finding(report, "X01_03_EXPENDITURE_TOTAL", "01/expenditure/本年支出合计/amount")


def test_unread_rows_withhold_their_table():
    doc = consistent_document()
    doc.problems.append(
        table_problem(ProblemKind.PAGE_NOT_READ, "05", 9, "no value columns recognised")
    )
    report = validate_document(doc)
    assert report.tables["05"].status == TableStatus.WITHHELD
    assert "page 9: no value columns recognised" in report.tables["05"].reason
    assert report.tables["03"].status == TableStatus.LOADED


def test_table_verdicts_count_their_identities():
    doc = consistent_document()
    set_amount(doc, "03", "2060101", "total", "401.00")
    verdict = validate_document(doc).tables["03"]
    assert verdict.status == TableStatus.LOADED
    assert verdict.identities_checked > 10
    assert verdict.identities_broken == 2  # its own row sum, and its section against it


def test_seed_disagreements_load_with_findings():
    report = validate_document(seed_document())
    # the seed fixture holds only 05/06/09: the other tables are not found, and the
    # narrative breaks withhold nothing
    assert report.status == DocumentStatus.PARTIAL
    assert {c for c, v in report.tables.items() if v.status == TableStatus.LOADED} == {
        "05",
        "06",
        "09",
    }
    assert "withheld" not in report.status_reason


# ------------------------------------------------------------------ schemas


def test_table_to_frame_keeps_decimals():
    frame = table_to_frame(consistent_document().tables["02"])
    assert list(frame.columns) == ["row_key", "row_label", "page"] + [c.key for c in COLUMNS_02]
    for key in ("total", "fiscal_appropriation", "other_income"):
        assert frame[key].dtype == object
        assert all(isinstance(v, Decimal) for v in frame[key])
    statement = table_to_frame(consistent_document().tables["04"])
    assert "side" in statement.columns


def test_schema_accepts_good_tables():
    for table in consistent_document().tables.values():
        result = validate_table_schema(table)
        assert result.findings == [], (table.table_code, result.findings)


def test_schema_rejects_bad_frame_reporting_every_failure():
    result = validate_table_schema(bad_function_table())
    got = {(f.rule_id, f.location) for f in result.findings}
    assert ("SCHEMA_FUNCTION_ROW_KEY_FORMAT", "05/20a0101/row_key") in got
    assert ("SCHEMA_FUNCTION_DUPLICATE_KEY", "05/206/row_key") in got
    assert ("SCHEMA_FUNCTION_NEGATIVE_AMOUNT", "05/2060101/total") in got
    assert ("SCHEMA_FUNCTION_NEGATIVE_AMOUNT", "05/2060101/basic") in got
    assert ("SCHEMA_FUNCTION_AMOUNT_NOT_DECIMAL", "05/2060102/total") in got  # 3 decimals
    assert ("SCHEMA_FUNCTION_AMOUNT_NOT_DECIMAL", "05/2060102/project") in got  # a float
    assert all(f.severity == "error" and f.table_code == "05" for f in result.findings)


def test_schema_rejects_missing_and_unexpected_columns():
    table = consistent_document().tables["03"]
    table.columns = [c for c in table.columns if c.key != "basic"]
    for row in table.rows:
        row.values.pop("basic")
        row.values["bogus"] = Decimal("0")
    result = validate_table_schema(table)
    got = {(f.rule_id, f.location) for f in result.findings}
    assert ("SCHEMA_FUNCTION_REQUIRED_COLUMN", "03/column/basic") in got
    assert ("SCHEMA_FUNCTION_UNEXPECTED_COLUMN", "03/column/bogus") in got
    assert result.missing_columns == ["basic"]


def test_schema_in_document_report_and_quarantine():
    doc = consistent_document()
    doc.tables["05"] = bad_function_table()
    report = validate_document(doc)
    assert report.tables["05"].status == TableStatus.WITHHELD
    assert "rows fail the schema" in report.tables["05"].reason
    withheld = finding(report, "R_TABLE_WITHHELD", "05")
    assert withheld.severity == "warning" and "rows fail the schema" in withheld.message
    assert_unique(report)


def test_statement_schema_allows_negative_carryover_but_not_duplicates():
    doc = consistent_document()
    set_amount(doc, "01", "年初结转和结余", "amount", "-5.00", side="income")
    assert validate_table_schema(doc.tables["01"]).findings == []
    table = doc.tables["01"]
    table.rows.append(
        TableRow("总计", "总计", 3, {"amount": wan("1")}, side="income"),
    )
    table.rows.append(TableRow("总计", "总计", 3, {"amount": wan("1")}, side="sideways"))
    got = {f.rule_id for f in validate_table_schema(table).findings}
    assert "SCHEMA_STATEMENT_DUPLICATE_KEY" in got
    assert "SCHEMA_STATEMENT_ROW_KEY_FORMAT" in got


def test_economic_and_three_public_keys():
    doc = consistent_document()
    doc.tables["06"].rows.append(TableRow("3011", "bad", 8, {"amount": wan("1")}))
    doc.tables["09"].rows.append(
        TableRow("travel", "bad", 10, {"budget": wan("1"), "actual": wan("1")})
    )
    assert {f.rule_id for f in validate_table_schema(doc.tables["06"]).findings} == {
        "SCHEMA_ECONOMIC_ROW_KEY_FORMAT"
    }
    assert {f.rule_id for f in validate_table_schema(doc.tables["09"]).findings} == {
        "SCHEMA_THREE_PUBLIC_ROW_KEY_FORMAT"
    }


# ------------------------------------------------------------------ the seed


def test_seed_narrative_disagreements_are_found():
    report = validate_document(seed_document())
    assert_unique(report)

    f = finding(report, "N_BUDGET_EXECUTION_FINAL", "narrative p.14 2060499")
    assert (f.severity, f.expected_yuan, f.actual_yuan) == (
        "error",
        wan("132145.98"),
        wan("113219.88"),
    )
    assert f.difference_yuan == wan("-18926.10")

    f = finding(report, "N_BUDGET_EXECUTION_FINAL", "narrative p.14 2060899")
    assert (f.severity, f.expected_yuan, f.actual_yuan) == ("error", wan("300.00"), wan("3000"))

    f = finding(report, "N_FIGURE", "narrative p.17 three_public_budget")
    assert (f.severity, f.expected_yuan, f.actual_yuan) == ("error", wan("15.67"), wan("28.65"))
    assert f.table_code == "09"

    f = finding(report, "N_FIGURE", "narrative p.17 overseas_travel_budget")
    assert (f.severity, f.expected_yuan, f.actual_yuan) == ("error", wan("4.42"), wan("0"))

    # the seed's own tables 05, 06 and 09 are arithmetically consistent
    assert {e.rule_id for e in report.errors} == {"N_BUDGET_EXECUTION_FINAL", "N_FIGURE"}
    assert len(report.errors) == 4


def test_seed_narrative_breaks_alone_do_not_quarantine():
    consistent = consistent_document()
    seed = seed_document()
    # the consistent document's other tables, with the seed's 05/06/09 and narrative, would
    # disagree across tables; instead put the seed's narrative breaks into the consistent one
    consistent.budget_execution[0].final_yuan = wan("4000")
    consistent.narrative_figures.append(seed.narrative_figures[2])
    report = validate_document(consistent)
    assert len(report.errors) == 2
    assert report.status == DocumentStatus.LOADED


def test_json_round_trip_validates_the_same():
    doc = consistent_document()
    set_amount(doc, "03", "2060101", "total", "401.00")
    again = type(doc).from_json_dict(doc.to_json_dict())
    assert validate_document(again).findings == validate_document(doc).findings


def test_column_labels_in_messages():
    doc = consistent_document()
    set_amount(doc, "02", "2060101", "total", "401.00")
    f = finding(validate_document(doc), "T02_ROW_SUM", "02/2060101/total")
    assert "本年收入合计" in f.message and "财政拨款收入" in f.message
    assert "1栏各行＝（2＋3＋4＋5＋6＋7）栏各行" in f.message

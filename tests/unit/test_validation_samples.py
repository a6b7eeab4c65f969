"""Validation of real extractions of the sample PDFs."""

from __future__ import annotations

import copy
from decimal import Decimal

import pytest

from pipelines.validation import DocumentStatus, TableStatus, validate_document
from tests.support.validation_fixtures import extracted_sample
from tools.samples import all_samples, every_sample, sample_by_file

CLEAN = [s for s in all_samples() if s.folder == "raw" and not s.known_inconsistencies]
EVERY = every_sample()
FINAL_ACCOUNT_SET = ("01", "02", "03", "04", "05", "06", "07", "08", "09")
# What validation rightly reports of a variant or producer sample: the refund booked as
# negative income is a break of table 02's promise of non-negative amounts.
FINDINGS_PRINTED_ON_PURPOSE = {
    "split-codes-yuan.pdf": {("SCHEMA_FUNCTION_NEGATIVE_AMOUNT", "02/2010501/other_income")},
}


@pytest.fixture(scope="module")
def seed():
    return extracted_sample(sample_by_file("wuhan-kjj-2023-final.pdf").path)


def test_seed_disagreements_are_found_and_nothing_else(seed):
    report = validate_document(seed)
    assert report.status == DocumentStatus.LOADED, report.status_reason
    errors = {
        (f.rule_id, f.location.split()[-1], f.expected_yuan, f.actual_yuan) for f in report.errors
    }
    assert errors == {
        # narrative 113219.88 vs table 132145.98 for 2060499
        ("N_BUDGET_EXECUTION_FINAL", "2060499", Decimal("1321459800.00"), Decimal("1132198800.00")),
        # narrative 3000 vs table 300.00 for 2060899
        ("N_BUDGET_EXECUTION_FINAL", "2060899", Decimal("3000000.00"), Decimal("30000000.00")),
        # "三公" budget: narrative 28.65 vs table 09 15.67
        ("N_FIGURE", "three_public_budget", Decimal("156700.00"), Decimal("286500.00")),
        # overseas travel budget: narrative 0 vs table 4.42
        ("N_FIGURE", "overseas_travel_budget", Decimal("44200.00"), Decimal("0.00")),
        # 2080506: 109.20 / 119.30 printed as 98.1%, it is 91.5% (a rate: no yuan amounts)
        ("N_COMPLETION_RATE", "109.20万元", None, None),
    }


@pytest.mark.parametrize("sample", CLEAN, ids=[s.file_name for s in CLEAN])
def test_clean_samples_have_no_error_findings(sample):
    report = validate_document(extracted_sample(sample.path))
    assert report.status == DocumentStatus.LOADED, report.status_reason
    assert report.errors == []
    assert report.rules_checked > 50


def test_injected_breaks_on_a_real_extraction():
    """Breaks injected into a clean extraction are each found at the right place."""
    clean = extracted_sample(sample_by_file("wuhan-jyj-2022-final.pdf").path)
    broken = copy.deepcopy(clean)
    item = next(r for r in broken.tables["03"].rows if len(r.row_key) == 7)
    item.values["total"] += Decimal("12300.00")  # a row total off
    section = next(
        r for r in broken.tables["02"].rows if r.row_key.isdigit() and len(r.row_key) == 5
    )
    for column in section.values:
        section.values[column] += Decimal("50000.00")  # a 款 no longer its 项s' sum
    broken.narrative_figures[0].amount_yuan += Decimal("10000.00")  # a narrative number changed
    found = {(f.rule_id, f.location) for f in validate_document(broken).errors}
    assert ("T03_ROW_SUM", f"03/{item.row_key}/total") in found
    assert any(rule == "T02_HIERARCHY" and section.row_key in loc for rule, loc in found)
    assert any(
        rule == "N_FIGURE" and broken.narrative_figures[0].figure_key in loc for rule, loc in found
    )


def test_a_mangled_table_is_withheld_and_the_rest_loads():
    mangled = copy.deepcopy(extracted_sample(sample_by_file("nanjing-tjj-2023-final.pdf").path))
    # Columns misread: every row's amounts shifted one column to the right.
    for row in mangled.tables["03"].rows:
        keys = list(row.values)
        amounts = [row.values[k] for k in keys]
        row.values = dict(zip(keys, amounts[-1:] + amounts[:-1], strict=True))
    report = validate_document(mangled)
    assert report.status == DocumentStatus.PARTIAL
    assert report.tables["03"].status == TableStatus.WITHHELD
    assert "identities broken" in report.tables["03"].reason
    loaded = {code for code, v in report.tables.items() if v.status == TableStatus.LOADED}
    assert loaded == {"01", "02", "04", "05", "06", "09"}


@pytest.mark.parametrize("sample", EVERY, ids=[s.file_name for s in EVERY])
def test_every_sample_is_a_complete_document_that_loads(sample):
    """What ``fiscal check`` judges: every sample loads, every table it prints is read.

    A final account prints all nine tables (07 and 08 maybe declared empty), a
    budget its whole set; the variants and producer samples are clean documents.
    """
    report = validate_document(extracted_sample(sample.path))
    assert report.status == DocumentStatus.LOADED, report.status_reason
    usable = (TableStatus.LOADED, TableStatus.DECLARED_EMPTY)
    printed = set(sample.expected.tables)
    if sample.document_kind == "final_account":
        assert printed == set(FINAL_ACCOUNT_SET)
    for code in printed:
        assert report.tables[code].status in usable, (code, report.tables[code].reason)
    for code in set(report.tables) - printed:
        assert report.tables[code].status == TableStatus.NOT_FOUND, code
    if sample.folder != "raw":
        errors = {(f.rule_id, f.location) for f in report.errors}
        assert errors == FINDINGS_PRINTED_ON_PURPOSE.get(sample.file_name, set())
        assert sample.expected.narrative_figures or sample.producer == "calc"

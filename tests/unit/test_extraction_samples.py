"""Extraction of the project's own sample PDFs: every cell, page and sentence exact.

The samples are the reportlab ones (raw/, tests/fixtures/variants/) and the
producer ones (tests/fixtures/producers/: LibreOffice Writer and Calc, headless
Chromium).
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from pipelines.extraction import extract_document
from pipelines.extraction.model import DocumentExtraction, ExtractedTable
from pipelines.extraction.problems import ProblemKind
from pipelines.extraction.text import compact
from tools.samples import every_sample, sample_by_file

SAMPLES = every_sample()


def cells(table: ExtractedTable) -> dict[tuple, tuple[Decimal, int]]:
    """(side, row, column) → (amount, page); zeros and absent cells are the same."""
    return {
        (row.side, row.row_key, column): (amount, row.page)
        for row in table.rows
        for column, amount in row.values.items()
        if amount != 0
    }


@pytest.fixture(scope="module", params=SAMPLES, ids=[s.file_name for s in SAMPLES])
def pair(request) -> tuple[DocumentExtraction, DocumentExtraction]:
    sample = request.param
    return extract_document(sample.path), sample.expected


def test_metadata(pair):
    got, expected = pair
    for field in (
        "document_id",
        "department_name",
        "region",
        "fiscal_year",
        "document_kind",
        "reporting_scope",
        "source_unit",
        "page_count",
    ):
        assert getattr(got, field) == getattr(expected, field), field


def test_same_tables_found(pair):
    got, expected = pair
    assert sorted(got.tables) == sorted(expected.tables)
    for code, table in expected.tables.items():
        assert got.tables[code].is_empty == table.is_empty, code
        assert got.tables[code].unit == table.unit, code
    # Variants print only some tables; the rest are reported as not found.
    assert [p for p in got.problems if p.kind != ProblemKind.TABLE_NOT_FOUND] == []
    assert {p.table_code for p in got.problems} == set(absent_codes(expected))


def absent_codes(expected: DocumentExtraction) -> list[str]:
    return [
        c
        for c in ("01", "02", "03", "04", "05", "06", "07", "08", "09")
        if c not in expected.tables
    ]


def test_every_cell_exact(pair):
    got, expected = pair
    for code, table in expected.tables.items():
        assert cells(got.tables[code]) == cells(table), f"table {code}"


def test_row_labels_joined(pair):
    got, expected = pair
    for code, table in expected.tables.items():
        printed = {(r.side, r.row_key): compact(r.row_label) for r in table.rows}
        read = {(r.side, r.row_key): compact(r.row_label) for r in got.tables[code].rows}
        for key, label in printed.items():
            if code != "09":  # 09's labels are the canonical item names
                assert read.get(key) == label, (code, key)


def test_budget_execution_sentences(pair):
    got, expected = pair

    def view(d: DocumentExtraction):
        return sorted(
            (b.function_code or "", b.initial_budget_yuan, b.final_yuan, b.completion_rate, b.page)
            for b in d.budget_execution
        )

    assert view(got) == view(expected)


def test_narrative_figures(pair):
    got, expected = pair
    read = {(f.figure_key, f.amount_yuan) for f in got.narrative_figures}
    for figure in expected.narrative_figures:
        assert (figure.figure_key, figure.amount_yuan) in read, figure.figure_key


def test_seed_numbers():
    """Spot values of the Wuhan S&T 2023 seed, as printed in the real document."""
    seed = extract_document(sample_by_file("wuhan-kjj-2023-final.pdf").path)
    assert seed.department_name == "武汉市科学技术局"
    assert seed.tables["03"].row("2060499").values["total"] == Decimal("1321459800.00")
    assert seed.tables["02"].row("2060501").values["other_income"] == Decimal("2493900.00")
    assert seed.tables["06"].row("personnel_total").values["amount"] == Decimal("50811200.00")
    assert seed.tables["09"].row("total").values["budget"] == Decimal("156700.00")
    assert seed.tables["01"].row("总计", "income").values["amount"] == Decimal("2444446300.00")
    execution = {b.function_code: b for b in seed.budget_execution}
    assert execution["2060499"].final_yuan == Decimal("1132198800.00")
    assert execution["2060101"].completion_rate == Decimal("88.1")

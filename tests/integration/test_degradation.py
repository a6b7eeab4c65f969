"""Degrade by table, not by document: a run over real PDFs, each path into the warehouse.

- a document with one garbled table loads every other table, as 'partial', the
  table withheld with its reason (dim_document_table, status_reason) and none of
  its rows in the facts;
- a document that contradicts itself across tables loads as 'loaded', with the
  finding;
- a file that is not a disclosure at all is 'quarantined'.

The PDFs are the sample documents drawn again with one change each.
"""

from __future__ import annotations

import copy
import dataclasses
from decimal import Decimal
from pathlib import Path

import pytest

from pipelines.runs.sequence import run_pipeline
from tests.support.warehouse_files import query
from tools.samples import sample_by_file
from tools.samples.blocks import Cell, TableBlock
from tools.samples.fonts import CJKFontMissing
from tools.samples.sample import SampleDocument

SOURCE = "nanjing-tjj-2023-final.pdf"


def _redrawn(name: str, change) -> SampleDocument:
    """The source sample with ``change(block)`` applied to a copy of its blocks."""
    sample = sample_by_file(SOURCE)
    blocks = copy.deepcopy(sample.blocks)
    for block in blocks:
        if isinstance(block, TableBlock) and block.expected is not None:
            change(block)
    return dataclasses.replace(sample, file_name=name, blocks=blocks, _cache={})


def _garble_05(block: TableBlock) -> None:
    """Table 05 printed with every amount's digits reversed: no sum of it holds."""
    if block.expected.table_code != "05":
        return
    for row in block.grid.body:
        row.cells = [
            Cell(_reversed(c.text), c.col, c.colspan, c.rowspan, c.align) if c.col >= 2 else c
            for c in row.cells
        ]


def _reversed(amount: str) -> str:
    whole, _, cents = amount.replace(",", "").partition(".")
    return f"{whole[::-1].lstrip('0') or '0'}.{cents or '00'}" if whole.isdigit() else amount


def _contradict_03_total(block: TableBlock) -> None:
    """Table 03's 合计 printed 100.00 万元 higher in its total column (01 no longer agrees)."""
    if block.expected.table_code != "03":
        return
    total = block.grid.body[0]
    cells = sorted(total.cells, key=lambda c: c.col)
    first = next(c for c in cells if c.col >= 2)
    raised = f"{Decimal(first.text.replace(',', '')) + 100:.2f}"
    total.cells = [
        Cell(raised, c.col, c.colspan, c.rowspan, c.align) if c is first else c for c in cells
    ]


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory) -> dict[str, bytes]:
    try:
        return {
            "garbled-05.pdf": _redrawn("garbled-05.pdf", _garble_05).render(),
            "contradiction.pdf": _redrawn("contradiction.pdf", _contradict_03_total).render(),
        }
    except CJKFontMissing as error:
        pytest.skip(f"needs a CJK font to draw the PDFs: {error}")


@pytest.fixture
def warehouse(pdfs, pipeline_settings) -> Path:
    settings = pipeline_settings()
    for name, content in pdfs.items():
        (settings.raw_dir / name).write_bytes(content)
    (settings.raw_dir / "minutes.pdf").write_bytes(b"%PDF-1.4\nnot really\n%%EOF\n")
    run_pipeline(settings)
    return settings.warehouse_path


def _document(warehouse: Path, name: str) -> tuple[str, str, str | None]:
    ((document_id, status, reason),) = query(
        warehouse,
        "select document_id, status, status_reason from marts.dim_document where source_file = ?",
        [name],
    )
    return document_id, status, reason


def test_a_garbled_table_is_withheld_and_the_rest_loads(warehouse):
    document_id, status, reason = _document(warehouse, "garbled-05.pdf")
    assert status == "partial"
    assert reason.startswith("table 05 (一般公共预算财政拨款支出决算表) withheld: ")
    tables = dict(
        query(
            warehouse,
            "select table_code, status from marts.dim_document_table where document_id = ?",
            [document_id],
        )
    )
    assert tables == {
        "01": "loaded",
        "02": "loaded",
        "03": "loaded",
        "04": "loaded",
        "05": "withheld",
        "06": "loaded",
        "07": "declared_empty",
        "08": "declared_empty",
        "09": "loaded",
    }
    ((withheld_reason, broken),) = query(
        warehouse,
        "select status_reason, identities_broken from marts.dim_document_table "
        "where document_id = ? and table_code = '05'",
        [document_id],
    )
    assert "identities broken" in withheld_reason and broken > 4
    scopes = dict(
        query(
            warehouse,
            "select fund_scope, count(*) from marts.fct_expenditure_by_function "
            "where document_id = ? group by 1",
            [document_id],
        )
    )
    assert "general_public_budget" not in scopes  # nothing of the withheld 05
    assert scopes["all_funds"] > 5  # 03 is in the facts
    # 03 as printed: 2050101 is in the all-funds facts with its amount
    ((economic,),) = query(
        warehouse,
        "select count(*) from marts.fct_expenditure_by_economic_class where document_id = ?",
        [document_id],
    )
    assert economic > 10
    findings = query(
        warehouse,
        "select rule_id, severity from marts.fct_validation_finding "
        "where document_id = ? and table_code = '05'",
        [document_id],
    )
    assert findings == [("R_TABLE_WITHHELD", "warning")]
    ((quality,),) = query(
        warehouse,
        "select withheld_tables from marts.mart_document_quality where document_id = ?",
        [document_id],
    )
    assert quality == "05"


def test_a_contradiction_across_tables_loads_with_its_finding(warehouse):
    document_id, status, reason = _document(warehouse, "contradiction.pdf")
    assert (status, reason) == ("loaded", None)
    findings = query(
        warehouse,
        "select rule_id, expected_yuan, actual_yuan from marts.fct_validation_finding "
        "where document_id = ? and rule_id = 'X01_03_EXPENDITURE_TOTAL'",
        [document_id],
    )
    ((_, expected, actual),) = findings
    assert expected - actual == Decimal("1000000.00")  # 100 万元 more in table 03
    statuses = {
        s
        for (s,) in query(
            warehouse,
            "select status from marts.dim_document_table where document_id = ?",
            [document_id],
        )
    }
    assert statuses <= {"loaded", "declared_empty"}


def test_something_that_is_not_a_disclosure_is_quarantined(warehouse):
    _, status, reason = _document(warehouse, "minutes.pdf")
    assert status == "quarantined"
    assert reason.startswith("minutes.pdf: ")

"""Dagster's per-document checks say whom to blame: the document, or the reading of it."""

from __future__ import annotations

from pipelines.orchestration.assets import _check_verdict
from pipelines.orchestration.partitions import document_label
from pipelines.validation import Finding


def _finding(rule_id: str, severity: str = "error") -> Finding:
    return Finding(rule_id, "05/2060101/total", severity, "05", None, None, None, "…", "…")


def test_clean_or_info_only_holds():
    assert _check_verdict([]) == "holds"
    assert _check_verdict([_finding("T05_ROW_SUM", "info")]) == "holds"


def test_a_broken_identity_is_a_source_inconsistency():
    verdict = _check_verdict([_finding("T05_ROW_SUM"), _finding("N_SHARE", "warning")])
    assert verdict == "source inconsistency: the document contradicts itself (2 findings)"


def test_a_withheld_table_is_a_reading_failure():
    verdict = _check_verdict([_finding("R_TABLE_WITHHELD"), _finding("T05_ROW_SUM")])
    assert verdict == (
        "source inconsistency: the document contradicts itself (1 finding); "
        "reading failed: 1 table or shape not read reliably"
    )


def test_partition_labels():
    assert document_label("武汉市科学技术局", 2023, "final_account") == (
        "武汉市科学技术局 2023 决算 final account"
    )
    assert document_label(None, None, None) == "department not read year not read kind not read"

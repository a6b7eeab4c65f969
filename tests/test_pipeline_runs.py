"""End-to-end runs of the pipeline (real extractor, real dbt) on copies of the samples.

Idempotency, a changed file, a removed file, the same bytes under two names,
and file names that shells dislike.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from conftest import copy_samples, document_statuses, marts_snapshot, query

from pipelines.settings import document_id_for, sha256_of_file
from pipelines.warehouse.pipeline import run_pipeline

pytestmark = pytest.mark.e2e


def test_running_twice_leaves_identical_marts(sample_pdfs, pipeline_settings):
    settings = pipeline_settings()
    copy_samples(sample_pdfs[:3], settings.raw_dir)

    first = run_pipeline(settings)
    snapshot = marts_snapshot(settings.warehouse_path)
    raw_documents = query(settings.warehouse_path, "SELECT * FROM raw.documents ORDER BY 1")
    second = run_pipeline(settings)

    assert first.count("loaded") == second.count("loaded") == 3
    assert second.extracted_now == 0  # everything came from the cache
    assert marts_snapshot(settings.warehouse_path) == snapshot
    assert query(settings.warehouse_path, "SELECT * FROM raw.documents ORDER BY 1") == raw_documents
    assert snapshot["fct_statement_line"], "the marts hold facts"
    # no build files, WAL or lock holders left behind
    leftovers = [p.name for p in settings.warehouse_path.parent.iterdir() if ".build-" in p.name]
    assert leftovers == []
    assert not settings.warehouse_path.with_name("fiscal.duckdb.wal").exists()


def test_a_changed_file_replaces_its_documents_rows(sample_pdfs, pipeline_settings):
    settings = pipeline_settings()
    first_pdf, second_pdf, replacement = sample_pdfs[:3]
    copy_samples([first_pdf, second_pdf], settings.raw_dir, ["a.pdf", "b.pdf"])
    run_pipeline(settings)
    old_id = document_id_for(sha256_of_file(settings.raw_dir / "b.pdf"))
    assert query(
        settings.warehouse_path,
        "SELECT count(*) FROM marts.fct_statement_line WHERE document_id = ?",
        [old_id],
    )[0][0] > 0

    copy_samples([replacement], settings.raw_dir, ["b.pdf"])  # same name, new content
    summary = run_pipeline(settings)
    new_id = document_id_for(sha256_of_file(settings.raw_dir / "b.pdf"))

    assert new_id != old_id
    statuses = {row[0]: row[1:] for row in query(
        settings.warehouse_path, "SELECT document_id, status, status_reason FROM raw.documents"
    )}
    assert statuses[new_id][0] == "loaded"
    assert statuses[old_id][0] == "withdrawn"
    assert new_id in statuses[old_id][1] and "b.pdf" in statuses[old_id][1]
    for fact in ("fct_statement_line", "fct_expenditure_by_function", "fct_income_by_function"):
        rows = dict(query(
            settings.warehouse_path,
            f"SELECT document_id, count(*) FROM marts.{fact} GROUP BY 1",
        ))
        assert old_id not in rows, fact
        assert rows.get(new_id, 0) > 0, fact
    assert summary.count("withdrawn") == 1


def test_a_removed_file_is_withdrawn_and_leaves_the_facts(sample_pdfs, pipeline_settings):
    settings = pipeline_settings()
    kept, removed = copy_samples(sample_pdfs[:2], settings.raw_dir)
    run_pipeline(settings)
    removed_id = document_id_for(sha256_of_file(removed))
    before = query(settings.warehouse_path, "SELECT * FROM raw.documents WHERE document_id = ?", [removed_id])

    removed.unlink()
    run_pipeline(settings)
    statuses = document_statuses(settings.warehouse_path)

    assert statuses[removed.name][0] == removed_id
    assert statuses[removed.name][1] == "withdrawn"
    assert "removed" in statuses[removed.name][2]
    assert statuses[kept.name][1] == "loaded"
    for table in ("document_tables", "table_cells", "budget_execution", "narrative_figures",
                  "validation_findings"):
        assert query(
            settings.warehouse_path, f"SELECT count(*) FROM raw.{table} WHERE document_id = ?",
            [removed_id],
        ) == [(0,)], table
    facts = [name for name in marts_snapshot(settings.warehouse_path) if name.startswith("fct_")]
    for fact in facts:
        assert query(
            settings.warehouse_path, f"SELECT count(*) FROM marts.{fact} WHERE document_id = ?",
            [removed_id],
        ) == [(0,)], fact
    # what was known about it survives, and its first ingestion time is kept
    after = query(settings.warehouse_path, "SELECT * FROM raw.documents WHERE document_id = ?", [removed_id])
    columns = [row[0] for row in query(settings.warehouse_path, "DESCRIBE raw.documents")]
    kept_fields = ("sha256", "source_file", "department_name", "fiscal_year", "ingested_at")
    for name in kept_fields:
        index = columns.index(name)
        assert after[0][index] == before[0][index], name

    # a withdrawn document stays withdrawn on the next run, and comes back if its file does
    run_pipeline(settings)
    assert document_statuses(settings.warehouse_path)[removed.name][1] == "withdrawn"
    copy_samples([sample_pdfs[1]], settings.raw_dir)
    run_pipeline(settings)
    assert document_statuses(settings.warehouse_path)[removed.name][1] == "loaded"


def test_same_bytes_under_two_names_are_one_document(sample_pdfs, pipeline_settings):
    settings = pipeline_settings()
    copy_samples([sample_pdfs[0], sample_pdfs[0]], settings.raw_dir, ["b-copy.pdf", "sub/a.pdf"])
    summary = run_pipeline(settings)

    assert len(summary.documents) == 1
    assert summary.documents[0].source_file == "b-copy.pdf"  # first name in sort order
    assert summary.documents[0].aliases == ("sub/a.pdf",)
    assert query(settings.warehouse_path, "SELECT count(*) FROM raw.documents") == [(1,)]


def test_file_names_with_spaces_chinese_and_shell_metacharacters(sample_pdfs, pipeline_settings):
    settings = pipeline_settings()
    names = [
        "部门 决算 (2023) 最终版.pdf",
        "it's $HOME; `echo hi` & \"more\" | 100%.pdf",
        "子目录 with space/*glob?[x].PDF",
    ]
    copy_samples(sample_pdfs[:3], settings.raw_dir, names)
    summary = run_pipeline(settings)

    statuses = document_statuses(settings.warehouse_path)
    assert sorted(statuses) == sorted(names)
    assert all(status == "loaded" for _, status, _ in statuses.values()), statuses
    assert summary.count("loaded") == 3
    assert os.path.exists(settings.raw_dir / names[1])  # nothing was run through a shell


def test_ingested_at_is_kept_when_the_ledger_is_lost(sample_pdfs, pipeline_settings):
    settings = pipeline_settings()
    copy_samples(sample_pdfs[:1], settings.raw_dir)
    run_pipeline(settings)
    first = query(settings.warehouse_path, "SELECT document_id, ingested_at FROM raw.documents")

    settings.ledger_path.unlink()  # recovered from the published warehouse
    run_pipeline(settings)

    assert query(settings.warehouse_path, "SELECT document_id, ingested_at FROM raw.documents") == first
    assert Path(settings.ledger_path).exists()

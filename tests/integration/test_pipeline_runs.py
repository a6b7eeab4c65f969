"""End-to-end runs of the pipeline (real extractor, real dbt) on copies of the samples.

Idempotency, a changed file, a removed file, the same bytes under two names,
and file names that shells dislike.
"""

from __future__ import annotations

import dataclasses
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from pipelines.extraction import document_id_for, file_sha256
from pipelines.runs.fingerprint import clear_fingerprint
from pipelines.runs.sequence import current_ledger, run_pipeline
from tests.support.paths import PROJECT_ROOT
from tests.support.warehouse_files import copy_samples, document_statuses, marts_snapshot, query

pytestmark = pytest.mark.e2e

FACT_COLUMNS_SQL = """
SELECT table_name FROM information_schema.columns
WHERE table_schema = 'marts' AND table_name LIKE 'fct_%' AND column_name = 'document_id'
ORDER BY table_name
"""


def _rows_by_document(warehouse: Path, fact: str) -> dict[str, int]:
    return dict(query(warehouse, f"SELECT document_id, count(*) FROM marts.{fact} GROUP BY 1"))


def test_running_twice_leaves_identical_marts(sample_pdfs, pipeline_settings):
    settings = pipeline_settings()
    copy_samples(sample_pdfs[:3], settings.raw_dir)

    first = run_pipeline(settings)
    snapshot = marts_snapshot(settings.warehouse_path)
    raw_documents = query(settings.warehouse_path, "SELECT * FROM raw.documents ORDER BY 1")
    unchanged = run_pipeline(settings)
    assert unchanged.dbt is None  # nothing new: the published warehouse is kept as it is
    assert unchanged.count("loaded") == 3
    clear_fingerprint(settings.warehouse_path)  # now force a full rebuild from the cache
    second = run_pipeline(settings)

    assert second.dbt is not None
    assert first.count("loaded") == second.count("loaded") == 3
    assert second.extracted_now == 0  # everything came from the cache
    assert marts_snapshot(settings.warehouse_path) == snapshot
    assert query(settings.warehouse_path, "SELECT * FROM raw.documents ORDER BY 1") == raw_documents
    assert snapshot["fct_statement_line"], "the marts hold facts"
    # no build files or write-ahead log left behind
    leftovers = [p.name for p in settings.warehouse_path.parent.iterdir() if ".build-" in p.name]
    assert leftovers == []
    assert not settings.warehouse_path.with_name("fiscal.duckdb.wal").exists()

    # the ledger is what the published warehouse holds (ingested_at and all)
    ledger = current_ledger(settings)
    assert sorted(entry["source_file"] for entry in ledger.values()) == sorted(
        pdf.name for pdf in sample_pdfs[:3]
    )
    ingested = query(settings.warehouse_path, "SELECT min(ingested_at) FROM raw.documents")[0][0]
    assert {entry["ingested_at"] for entry in ledger.values()} == {str(ingested)}


def test_a_changed_file_replaces_its_rows_and_a_removed_one_is_withdrawn(
    sample_pdfs, pipeline_settings
):
    settings = pipeline_settings()
    kept, changed, removed = copy_samples(
        sample_pdfs[:3], settings.raw_dir, ["kept.pdf", "changed.pdf", "removed.pdf"]
    )
    run_pipeline(settings)
    old_id = document_id_for(file_sha256(changed))
    removed_id = document_id_for(file_sha256(removed))
    assert _rows_by_document(settings.warehouse_path, "fct_statement_line").get(old_id, 0) > 0
    columns = [row[0] for row in query(settings.warehouse_path, "DESCRIBE raw.documents")]
    removed_before = query(
        settings.warehouse_path, "SELECT * FROM raw.documents WHERE document_id = ?", [removed_id]
    )[0]

    copy_samples(sample_pdfs[3:4], settings.raw_dir, ["changed.pdf"])  # same name, new content
    removed.unlink()
    summary = run_pipeline(settings)
    new_id = document_id_for(file_sha256(changed))

    assert new_id != old_id
    statuses = {
        document_id: (status, reason)
        for document_id, status, reason in query(
            settings.warehouse_path, "SELECT document_id, status, status_reason FROM raw.documents"
        )
    }
    assert statuses[new_id] == ("loaded", None)
    assert statuses[document_id_for(file_sha256(kept))] == ("loaded", None)
    assert statuses[old_id][0] == "withdrawn"
    assert "changed.pdf" in statuses[old_id][1] and new_id in statuses[old_id][1]
    assert statuses[removed_id][0] == "withdrawn"
    assert "removed.pdf" in statuses[removed_id][1] and "removed" in statuses[removed_id][1]
    assert summary.count("withdrawn") == 2

    # withdrawn documents have no rows anywhere but raw.documents, and leave every fact
    for table in (
        "document_tables",
        "table_cells",
        "budget_execution",
        "narrative_figures",
        "validation_findings",
    ):
        present = _raw_document_ids(settings.warehouse_path, table)
        assert old_id not in present and removed_id not in present, table
    facts = [name for (name,) in query(settings.warehouse_path, FACT_COLUMNS_SQL)]
    assert "fct_statement_line" in facts
    for fact in facts:
        rows = _rows_by_document(settings.warehouse_path, fact)
        assert old_id not in rows and removed_id not in rows, fact
    assert _rows_by_document(settings.warehouse_path, "fct_statement_line").get(new_id, 0) > 0

    # what was known about the removed document survives, first ingestion time included
    removed_after = query(
        settings.warehouse_path, "SELECT * FROM raw.documents WHERE document_id = ?", [removed_id]
    )[0]
    for name in ("sha256", "source_file", "department_name", "fiscal_year", "ingested_at"):
        index = columns.index(name)
        assert removed_after[index] == removed_before[index], name


def _raw_document_ids(warehouse: Path, table: str) -> set[str]:
    return {row[0] for row in query(warehouse, f"SELECT DISTINCT document_id FROM raw.{table}")}


def test_odd_file_names_and_the_same_bytes_under_two_names(sample_pdfs, pipeline_settings):
    """Spaces, Chinese, shell metacharacters; a copy under another name is the same document."""
    settings = pipeline_settings()
    names = [
        "部门 决算 (2023) 最终版.pdf",
        'it\'s $HOME; `echo hi` & "more" | 100%.pdf',
        "子目录 with space/*glob?[x].PDF",
        "部门 决算 (2023) 最终版_copy.pdf",  # the same bytes as the first
    ]
    copy_samples([*sample_pdfs[:3], sample_pdfs[0]], settings.raw_dir, names)
    (settings.raw_dir / "loop.pdf").symlink_to("loop.pdf")
    summary = run_pipeline(settings)
    assert "  skipped loop.pdf: a symbolic link loop; nothing to read" in summary.format()

    statuses = document_statuses(settings.warehouse_path)
    assert sorted(statuses) == sorted(names[:3])
    assert all(status == "loaded" for _, status, _ in statuses.values()), statuses
    assert summary.count("loaded") == 3
    duplicated = next(doc for doc in summary.documents if doc.source_file == names[0])
    assert duplicated.aliases == (names[3],)  # the first name in sort order is the source_file
    assert os.path.exists(settings.raw_dir / names[1])  # nothing was run through a shell


def test_an_empty_or_wrong_raw_folder_withdraws_nothing_unless_allowed(
    sample_pdfs, pipeline_settings, tmp_path
):
    settings = pipeline_settings()
    pdfs = copy_samples(sample_pdfs[:3], settings.raw_dir)
    run_pipeline(settings)
    published = marts_snapshot(settings.warehouse_path)

    for pdf in pdfs:
        pdf.unlink()
    with pytest.raises(RuntimeError, match="would withdraw all 3 loaded documents"):
        run_pipeline(settings)
    assert marts_snapshot(settings.warehouse_path) == published

    other = dataclasses.replace(settings, raw_dir=tmp_path / "another folder")
    copy_samples(sample_pdfs[3:4], other.raw_dir)
    with pytest.raises(RuntimeError, match="would withdraw all 3 loaded documents"):
        run_pipeline(other)
    assert marts_snapshot(settings.warehouse_path) == published

    # removing one of three is a small share; removing all on purpose needs allow_withdraw
    copy_samples(sample_pdfs[:2], settings.raw_dir)
    assert run_pipeline(settings).count("withdrawn") == 1
    summary = run_pipeline(other, allow_withdraw=True)
    assert (summary.count("loaded"), summary.count("withdrawn")) == (1, 3)


def test_a_file_name_that_is_not_utf8_is_quarantined_and_the_run_goes_on(
    sample_pdfs, pipeline_settings
):
    settings = pipeline_settings()
    copy_samples(sample_pdfs[:1], settings.raw_dir, ["good.pdf"])
    bad = os.fsencode(settings.raw_dir) + b"/bad \xff\xfe\\name.pdf"  # Latin-1 bytes, a backslash
    shutil.copyfile(sample_pdfs[1], bad)

    summary = run_pipeline(settings)

    statuses = document_statuses(settings.warehouse_path)
    assert statuses["good.pdf"][1:] == ("loaded", None)
    escaped = "bad \\xff\\xfe\\x5cname.pdf"  # lossless: every byte can be told back
    _, status, reason = statuses[escaped]
    assert status == "quarantined"
    assert reason.startswith(f"{escaped}: the file name is not valid UTF-8")
    assert f"quarantined {escaped}" in summary.format()
    assert not list(settings.state_dir.rglob("*.tmp"))  # nothing half-written left behind
    assert run_pipeline(settings).dbt is None  # and the next run has nothing new to do


def test_a_file_name_with_a_newline_is_loaded_under_an_escaped_name(sample_pdfs, pipeline_settings):
    settings = pipeline_settings()
    copy_samples(sample_pdfs[:1], settings.raw_dir, ["two\nlines\t\\x.pdf"])
    (settings.raw_dir / "bad\nloaded forged.pdf").write_bytes(b"not a pdf")

    summary = run_pipeline(settings).format()

    escaped = "two\\x0alines\\x09\\x5cx.pdf"  # the backslash too, so the escape is lossless
    statuses = document_statuses(settings.warehouse_path)
    assert statuses[escaped][1:] == ("loaded", None)
    _, status, reason = statuses["bad\\x0aloaded forged.pdf"]
    assert status == "quarantined" and reason.startswith("bad\\x0aloaded forged.pdf: not a PDF")
    assert "quarantined bad\\x0aloaded forged.pdf" in summary
    assert not any(line.startswith("loaded forged") for line in summary.splitlines())


def _as_unprivileged() -> list[str]:
    """A command prefix under which file permissions hold (root would read any file)."""
    if os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        pytest.skip("root without setpriv: file permissions cannot be tested")
    return [setpriv, "--bounding-set=-dac_override,-dac_read_search"]


def _fiscal_run(settings) -> subprocess.CompletedProcess:
    env = dict(os.environ, FISCAL_CACHE_DIR=str(settings.cache_dir))
    env["FISCAL_STATE_DIR"] = str(settings.state_dir)
    return subprocess.run(
        [
            *_as_unprivileged(),
            sys.executable,
            "-m",
            "pipelines.cli",
            "run",
            "--raw",
            str(settings.raw_dir),
            "--warehouse",
            str(settings.warehouse_path),
            "--no-progress",
        ],
        cwd=PROJECT_ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )


def test_a_file_that_cannot_be_read_is_recorded_and_a_loaded_one_keeps_its_last_version(
    sample_pdfs, pipeline_settings
):
    settings = pipeline_settings()
    kept, _ = copy_samples(sample_pdfs[:2], settings.raw_dir, ["kept.pdf", "other.pdf"])
    assert _fiscal_run(settings).returncode == 0
    kept_id = document_statuses(settings.warehouse_path)["kept.pdf"][0]
    facts_sql = "SELECT * FROM marts.fct_statement_line WHERE document_id = ? ORDER BY ALL"
    facts = query(settings.warehouse_path, facts_sql, [kept_id])
    assert facts

    kept.chmod(0)
    [new] = copy_samples(sample_pdfs[2:3], settings.raw_dir, ["new.pdf"])
    new.chmod(0)
    try:
        completed = _fiscal_run(settings)
    finally:
        kept.chmod(0o644)
        new.chmod(0o644)

    assert completed.returncode == 0, completed.stderr
    statuses = document_statuses(settings.warehouse_path)
    assert statuses["kept.pdf"][:2] == (kept_id, "loaded")
    assert statuses["kept.pdf"][2] == (
        "kept.pdf cannot be read: Permission denied; its last readable version is kept"
    )
    assert query(settings.warehouse_path, facts_sql, [kept_id]) == facts
    new_id, status, reason = statuses["new.pdf"]
    assert (status, reason) == ("quarantined", "new.pdf cannot be read: Permission denied")
    assert query(
        settings.warehouse_path,
        "SELECT status FROM marts.dim_document WHERE document_id = ?",
        [new_id],
    ) == [("quarantined",)]
    assert "kept.pdf cannot be read" in completed.stdout
    assert "quarantined new.pdf cannot be read" in completed.stdout

    # readable again: read and loaded as any other file
    assert _fiscal_run(settings).returncode == 0
    statuses = document_statuses(settings.warehouse_path)
    assert statuses["kept.pdf"] == (kept_id, "loaded", None)
    assert statuses["new.pdf"][1:] == ("loaded", None)
    assert new_id not in {document_id for document_id, _, _ in statuses.values()}

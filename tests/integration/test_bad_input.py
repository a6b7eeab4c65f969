"""Every kind of bad input is quarantined with a reason naming the file, while a good
document in the same run loads; the worker limits (time, memory) hold."""

from __future__ import annotations

import dataclasses
import time
from pathlib import Path

import pytest

from pipelines.extraction import file_sha256
from pipelines.runs.extraction_runner import (
    STATUS_EXTRACTED,
    STATUS_FAILED,
    cache_path_for,
    extract_documents,
)
from pipelines.runs.inventory import scan_raw_dir
from pipelines.runs.sequence import RunSummary, run_pipeline
from pipelines.settings import Settings, load_settings
from tests.support.bad_pdfs import (
    write_broken_structure,
    write_encrypted,
    write_html_as_pdf,
    write_pathological,
    write_scanned,
    write_truncated,
    write_without_tables,
    write_zero_bytes,
)
from tests.support.warehouse_files import copy_samples, document_statuses, query

GOOD = "good 决算.pdf"
PATHOLOGICAL = "pathological.pdf"

# file name → what its status_reason must say
BAD_INPUTS = {
    "zero bytes.pdf": "zero bytes",
    "saved web page.pdf": "not a PDF",
    "truncated download.pdf": "corrupt",
    "password protected.pdf": "encrypted",
    "scanned.pdf": "OCR needed",
    "meeting minutes.pdf": "no disclosure tables",
    PATHOLOGICAL: "time limit",
}
# long enough for the good document on a loaded two-core machine, short enough to wait for
PATHOLOGICAL_TIMEOUT_SECONDS = 15.0


@pytest.fixture(scope="module")
def bad_input_run(
    sample_pdfs: list[Path], tmp_path_factory: pytest.TempPathFactory, shared_cache_dir: Path
) -> tuple[Settings, RunSummary]:
    base = tmp_path_factory.mktemp("bad_input")
    raw_dir = base / "raw"
    good = sample_pdfs[0]
    copy_samples([good], raw_dir, [GOOD])
    write_zero_bytes(raw_dir / "zero bytes.pdf")
    write_html_as_pdf(raw_dir / "saved web page.pdf")
    write_truncated(raw_dir / "truncated download.pdf", good)
    write_encrypted(raw_dir / "password protected.pdf", good)
    write_scanned(raw_dir / "scanned.pdf")
    write_without_tables(raw_dir / "meeting minutes.pdf")
    write_pathological(raw_dir / PATHOLOGICAL)
    settings = dataclasses.replace(
        load_settings(
            raw_dir=raw_dir, warehouse_path=base / "warehouse" / "fiscal.duckdb", workers=2
        ),
        shared_cache_dir=shared_cache_dir,
        doc_timeout_seconds=PATHOLOGICAL_TIMEOUT_SECONDS,
    )
    return settings, run_pipeline(settings)


@pytest.mark.e2e
@pytest.mark.parametrize(("file_name", "expected"), list(BAD_INPUTS.items()))
def test_bad_input_is_quarantined_with_its_reason(bad_input_run, file_name, expected):
    settings, _ = bad_input_run
    statuses = document_statuses(settings.warehouse_path)
    document_id, status, reason = statuses[file_name]
    assert status == "quarantined"
    assert file_name in reason  # the reason names the file
    assert expected in reason
    for table in ("document_tables", "table_cells"):
        assert query(
            settings.warehouse_path,
            f"SELECT count(*) FROM raw.{table} WHERE document_id = ?",
            [document_id],
        ) == [(0,)]


@pytest.mark.e2e
def test_the_good_document_of_the_same_run_loads(bad_input_run):
    settings, summary = bad_input_run
    statuses = document_statuses(settings.warehouse_path)
    document_id, status, reason = statuses[GOOD]
    assert (status, reason) == ("loaded", None)
    assert query(
        settings.warehouse_path,
        "SELECT status, status_reason FROM marts.dim_document WHERE document_id = ?",
        [document_id],
    ) == [("loaded", None)]
    assert query(
        settings.warehouse_path,
        "SELECT count(*) > 0 FROM marts.fct_statement_line WHERE document_id = ?",
        [document_id],
    ) == [(True,)]
    assert summary.count("loaded") == 1
    assert summary.count("quarantined") == len(BAD_INPUTS)
    printed = summary.format()
    for file_name in BAD_INPUTS:
        assert f"quarantined {file_name}" in printed
    # the time-out is remembered: the summary says when it is tried again
    assert f"quarantined {PATHOLOGICAL}: extraction exceeded the time limit" in printed
    assert "(attempt 1; tried again after " in printed
    quarantined = query(
        settings.warehouse_path,
        "SELECT count(*) FROM marts.dim_document WHERE status = 'quarantined'",
    )
    assert quarantined == [(len(BAD_INPUTS),)]


def test_worker_limits_and_failures_are_not_cached(sample_pdfs, tmp_path, shared_cache_dir):
    """A worker over its memory limit fails with a reason; the failure is retried next time."""
    raw_dir = tmp_path / "raw"
    copy_samples(sample_pdfs[:1], raw_dir, ["tiny memory.pdf"])
    settings = dataclasses.replace(
        load_settings(raw_dir=raw_dir, warehouse_path=tmp_path / "w" / "fiscal.duckdb", workers=1),
        worker_memory_mb=40,  # far below what the extractor needs
    )
    documents = scan_raw_dir(raw_dir).documents
    [outcome] = extract_documents(documents, settings)
    assert outcome.status == STATUS_FAILED
    assert "tiny memory.pdf" in outcome.reason
    assert "memory" in outcome.reason
    assert outcome.cache_path is None

    generous = dataclasses.replace(settings, worker_memory_mb=2048)
    [retried] = extract_documents(documents, generous)
    assert retried.status == "extracted" and not retried.from_cache
    [cached] = extract_documents(documents, generous)
    assert cached.from_cache


def test_a_file_replaced_after_the_inventory_is_not_cached_under_its_old_sha(sample_pdfs, tmp_path):
    """The worker hashes the bytes it reads; a mismatch is 'changed during the run', never cached."""
    raw_dir = tmp_path / "raw"
    [path] = copy_samples(sample_pdfs[:1], raw_dir, ["replaced.pdf"])
    settings = load_settings(  # a cache of its own: nothing of these bytes is cached yet
        raw_dir=raw_dir, warehouse_path=tmp_path / "w" / "fiscal.duckdb", workers=1
    )
    [document] = scan_raw_dir(raw_dir).documents
    copy_samples(sample_pdfs[1:2], raw_dir, ["replaced.pdf"])  # replaced before it is read

    [outcome] = extract_documents([document], settings)

    assert outcome.status == STATUS_FAILED
    assert outcome.reason.startswith("replaced.pdf: changed during the run")
    assert not cache_path_for(settings, document.sha256).exists()
    assert not cache_path_for(settings, file_sha256(path)).exists()
    # the old bytes under another name are read as what they are
    [old_copy] = copy_samples(sample_pdfs[:1], tmp_path / "again", ["old copy.pdf"])
    [again] = scan_raw_dir(old_copy.parent).documents
    [extracted] = extract_documents([again], settings)
    assert extracted.status == STATUS_EXTRACTED
    assert extracted.load_extraction().sha256 == document.sha256


def test_a_pdf_whose_structure_pdfminer_cannot_follow_is_read_with_pdfium(sample_pdfs, tmp_path):
    from pipelines.extraction import extract_document

    good = sample_pdfs[0]
    damaged = write_broken_structure(tmp_path / "broken xref.pdf", good)
    extraction = extract_document(damaged)
    original = extract_document(good)
    assert extraction.page_count == original.page_count
    assert sorted(extraction.tables) == sorted(original.tables)


def test_a_pdf_no_reader_can_follow_is_called_corrupt(sample_pdfs, tmp_path):
    from pipelines.extraction import extract_document
    from pipelines.extraction.errors import DocumentRejected

    damaged = write_broken_structure(
        tmp_path / "no pages.pdf", sample_pdfs[0], pages_readable=False
    )
    with pytest.raises(DocumentRejected) as rejected:
        extract_document(damaged)
    assert rejected.value.reason.startswith("no pages.pdf: corrupt PDF")
    assert "PDFium" in rejected.value.reason


def test_symbolic_link_loops_and_broken_links_are_reported_as_skipped(sample_pdfs, tmp_path):
    raw_dir = tmp_path / "raw"
    copy_samples(sample_pdfs[:1], raw_dir, ["good.pdf"])
    (raw_dir / "loop.pdf").symlink_to("loop.pdf")
    (raw_dir / "ping.pdf").symlink_to("pong.pdf")
    (raw_dir / "pong.pdf").symlink_to("ping.pdf")
    (raw_dir / "dangling.pdf").symlink_to("gone.pdf")
    (raw_dir / "again").symlink_to(".", target_is_directory=True)

    inventory = scan_raw_dir(raw_dir)

    assert [doc.source_file for doc in inventory.documents] == ["good.pdf"]
    skipped = dict(inventory.skipped)
    assert sorted(skipped) == ["again", "dangling.pdf", "loop.pdf", "ping.pdf", "pong.pdf"]
    assert (
        "symbolic link loop" in skipped["loop.pdf"] and "symbolic link loop" in skipped["ping.pdf"]
    )
    assert "broken symbolic link" in skipped["dangling.pdf"]
    assert "not followed" in skipped["again"] and "loop" in skipped["again"]


def test_a_time_out_is_remembered_and_retried_with_backoff_or_a_higher_limit(tmp_path):
    raw_dir = tmp_path / "raw"
    raw_dir.mkdir()
    write_pathological(raw_dir / "slow.pdf", pages=2)
    settings = dataclasses.replace(
        load_settings(raw_dir=raw_dir, warehouse_path=tmp_path / "w" / "fiscal.duckdb", workers=1),
        doc_timeout_seconds=1.0,
    )
    documents = scan_raw_dir(raw_dir).documents

    [first] = extract_documents(documents, settings)
    assert first.status == STATUS_FAILED and not first.from_cache
    assert "time limit of 1 s" in first.reason and "attempt 1;" in first.reason

    [remembered] = extract_documents(documents, settings)  # the next night: not tried again
    assert remembered.from_cache and remembered.seconds == 0.0
    assert remembered.reason == first.reason  # the same outcome: nothing to rebuild

    tried_at = time.time()
    [later] = extract_documents(documents, settings, now=tried_at + 21 * 3600)
    assert not later.from_cache and "attempt 2;" in later.reason
    [backed_off] = extract_documents(documents, settings, now=tried_at + 30 * 3600)
    assert backed_off.from_cache  # after two attempts it waits 40 hours

    [higher] = extract_documents(documents, dataclasses.replace(settings, doc_timeout_seconds=2.0))
    assert not higher.from_cache and "time limit of 2 s" in higher.reason
    assert "attempt 1;" in higher.reason  # a new limit starts counting again

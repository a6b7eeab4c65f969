"""The raw build: batches load the same rows as single documents, a document that cannot be
written is quarantined alone, and documents are loaded while others are still arriving."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from pathlib import Path

import duckdb
import pytest

from pipelines.runs.extraction_runner import STATUS_EXTRACTED, extract_documents
from pipelines.runs.inventory import scan_raw_dir
from pipelines.validation import DocumentStatus
from pipelines.warehouse.loader import (
    DOCUMENT_TABLES,
    create_raw_schema,
    load_document,
    load_documents,
)
from pipelines.warehouse.raw_build import (
    BATCH_DOCUMENTS,
    RawBuild,
    build_raw_database,
    document_record,
)
from tests.support.warehouse_files import copy_samples

RUN_STARTED = dt.datetime(2026, 11, 27, 2, 0, 0)


@pytest.fixture(scope="module")
def outcomes(sample_pdfs, tmp_path_factory, shared_cache_dir):
    """Extraction outcomes of three sample documents (a final account and two budgets)."""
    from pipelines.settings import load_settings

    base = tmp_path_factory.mktemp("raw_build")
    pdfs = [sample_pdfs[0], *(pdf for pdf in sample_pdfs if "budget" in pdf.name)][:3]
    copy_samples(pdfs, base / "raw")
    settings = load_settings(raw_dir=base / "raw", warehouse_path=base / "w.duckdb", workers=2)
    settings = dataclasses.replace(
        settings, state_dir=base / "state", shared_cache_dir=shared_cache_dir
    )
    found = extract_documents(scan_raw_dir(settings.raw_dir).documents, settings)
    assert [outcome.status for outcome in found] == [STATUS_EXTRACTED] * 3
    return found


def raw_rows(database: Path) -> dict[str, list[tuple]]:
    connection = duckdb.connect(str(database), read_only=True)
    try:
        return {
            table: sorted(connection.execute(f"SELECT * FROM raw.{table}").fetchall(), key=repr)
            for table in DOCUMENT_TABLES
        }
    finally:
        connection.close()


def test_a_batch_loads_the_same_rows_as_documents_one_by_one(outcomes, tmp_path):
    records = [document_record(outcome, {}, RUN_STARTED)[0] for outcome in outcomes]
    assert [record.status for record in records] == [DocumentStatus.LOADED] * 3
    together, alone = tmp_path / "together.duckdb", tmp_path / "alone.duckdb"
    for path in (together, alone):
        with duckdb.connect(str(path)) as connection:
            create_raw_schema(connection)
            if path == together:
                cells = load_documents(connection, records)
                # loading the batch again replaces its rows rather than adding to them
                assert load_documents(connection, records) == cells
            else:
                cells_alone = [load_document(connection, record) for record in records]
    assert cells == cells_alone
    assert all(count > 100 for count in cells)
    rows = raw_rows(together)
    assert rows == raw_rows(alone)
    assert len(rows["documents"]) == 3
    assert sum(1 for _ in rows["table_cells"]) == sum(cells)
    # amounts arrive as exact DECIMAL(20, 2), never through a float
    with duckdb.connect(str(together), read_only=True) as connection:
        kinds = dict(
            connection.execute(
                "SELECT column_name, data_type FROM information_schema.columns "
                "WHERE table_schema = 'raw' AND table_name = 'table_cells'"
            ).fetchall()
        )
        assert kinds["amount_yuan"] == "DECIMAL(20,2)"
        assert kinds["line_no"] == "INTEGER"


def test_a_document_that_cannot_be_written_is_quarantined_alone(outcomes, tmp_path):
    # a copy of one cached extraction with an amount too large for DECIMAL(20, 2)
    bad_cache = tmp_path / "bad.json"
    entry = json.loads(outcomes[1].cache_path.read_text(encoding="utf-8"))
    table = next(t for t in entry["extraction"]["tables"].values() if t["rows"])
    row = next(r for r in table["rows"] if r["values"])
    row["values"][next(iter(row["values"]))] = "1" + "0" * 22
    bad_cache.write_text(json.dumps(entry, ensure_ascii=False), encoding="utf-8")
    bad = dataclasses.replace(outcomes[1], cache_path=bad_cache)

    with RawBuild(tmp_path / "build.duckdb", {}, RUN_STARTED) as build:
        for outcome in (outcomes[0], bad, outcomes[2]):
            build.add(outcome)
        result = build.finish()

    status = {doc.document_id: (doc.status, doc.reason) for doc in result.documents}
    assert status[outcomes[0].document.document_id] == (DocumentStatus.LOADED, None)
    assert status[outcomes[2].document.document_id] == (DocumentStatus.LOADED, None)
    bad_status, reason = status[bad.document.document_id]
    assert bad_status == DocumentStatus.QUARANTINED
    assert reason.startswith(f"{bad.document.source_file}: could not be loaded: ")
    rows = raw_rows(tmp_path / "build.duckdb")
    assert {row[0] for row in rows["table_cells"]} == {
        outcomes[0].document.document_id,
        outcomes[2].document.document_id,
    }
    quarantined = [row for row in rows["documents"] if row[0] == bad.document.document_id]
    assert len(quarantined) == 1 and quarantined[0][10] == DocumentStatus.QUARANTINED


def test_documents_are_loaded_while_others_are_still_arriving(outcomes, tmp_path):
    copies = [
        dataclasses.replace(
            outcomes[0],
            document=dataclasses.replace(
                outcomes[0].document,
                document_id=f"doc_copy{index:04d}",
                source_file=f"copy {index}.pdf",
            ),
        )
        for index in range(BATCH_DOCUMENTS + 1)
    ]
    with RawBuild(tmp_path / "build.duckdb", {}, RUN_STARTED) as build:
        for outcome in copies[:BATCH_DOCUMENTS]:
            build.add(outcome)
        [(loaded,)] = build.connection.execute("SELECT count(*) FROM raw.documents").fetchall()
        assert loaded == BATCH_DOCUMENTS  # one full batch written before the last arrives
        build.add(copies[-1])
        result = build.finish()
    assert [doc.source_file for doc in result.documents] == sorted(
        copy.document.source_file for copy in copies
    )
    assert {doc.status for doc in result.documents} == {DocumentStatus.LOADED}


def test_a_document_the_validator_crashes_on_is_quarantined_alone(outcomes, tmp_path, monkeypatch):
    import pipelines.validation as validation

    crashing = outcomes[1].document.source_file
    real_check_rules = validation.check_rules

    def check_rules(extraction):
        if extraction.source_file == crashing:
            raise ZeroDivisionError("injected")
        return real_check_rules(extraction)

    monkeypatch.setattr(validation, "check_rules", check_rules)
    result = build_raw_database(tmp_path / "build.duckdb", outcomes, {}, RUN_STARTED)
    status = {doc.source_file: (doc.status, doc.reason) for doc in result.documents}
    assert status[crashing] == (
        DocumentStatus.QUARANTINED,
        f"{crashing}: validation crashed: ZeroDivisionError: injected",
    )
    others = [
        outcome.document.source_file
        for outcome in outcomes
        if outcome.document.source_file != crashing
    ]
    assert [status[name] for name in others] == [(DocumentStatus.LOADED, None)] * 2


def test_a_failure_while_loading_stops_the_workers_at_once(
    sample_pdfs, pipeline_settings, tmp_path, monkeypatch
):
    import multiprocessing

    from pipelines.runs import sequence as pipeline

    settings = pipeline_settings(shared_cache_dir=tmp_path / "own-cache")  # all pending
    copy_samples(sample_pdfs[:4], settings.raw_dir)

    def add(self, outcome):
        raise OSError("disk full")

    monkeypatch.setattr(pipeline.RawBuild, "add", add)
    with pytest.raises(OSError, match="disk full"):
        pipeline.run_pipeline(settings)
    assert [child.name for child in multiprocessing.active_children()] == []
    assert not settings.warehouse_path.exists()
    assert [p for p in settings.warehouse_path.parent.iterdir() if ".build-" in p.name] == []

"""The whole nightly job as plain functions: inventory → extract → validate → load → dbt → publish.

The CLI (``fiscal run``) calls :func:`run_pipeline`; the Dagster assets call the
same steps, split across their assets: :func:`start_build` and
:func:`load_raw_tables` (``raw_tables``), the same dbt function
(:func:`~pipelines.warehouse.dbt_runner.run_dbt_build`, ``dbt_models``) and
:func:`publish_build` (``published_warehouse``), each run stamped by
:func:`run_timestamp`. The two paths share every step, so they cannot drift.

Every run rebuilds the raw tables from the extraction cache into a fresh
build file, so running twice on the same raw folder gives identical marts, a
changed file simply brings its new document id, and a document whose file
disappeared is kept (from the published warehouse's ``raw.documents``) as
'withdrawn' with no other rows.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import itertools
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb

from pipelines.runs.extraction_runner import (
    ExtractionOutcome,
    ProgressCallback,
    extract_uncached,
    split_by_cache,
)
from pipelines.runs.fingerprint import inputs_fingerprint, is_published, stamp_build
from pipelines.runs.inventory import Inventory, InventoryDocument, scan_raw_dir
from pipelines.runs.state import LEDGER_FIELDS
from pipelines.runs.summary import RunSummary
from pipelines.runs.unreadable import split_unreadable
from pipelines.runs.withdrawals import check_withdrawals
from pipelines.settings import MARTS_SCHEMA, Settings
from pipelines.warehouse.dbt_runner import DbtBuildResult, run_dbt_build
from pipelines.warehouse.publish import (
    build_path_for,
    cli_run_label,
    publish,
    remove_build,
    remove_stale_builds,
    writer_lock,
)
from pipelines.warehouse.raw_build import BuildResult, DocumentResult, RawBuild, format_timestamp

log = logging.getLogger(__name__)


# -- the steps -----------------------------------------------------------------


def take_inventory(settings: Settings) -> Inventory:
    """Every distinct PDF under the raw folder (hashes remembered in the state dir)."""
    return scan_raw_dir(settings.raw_dir, settings.hash_memo_path)


@dataclass
class RunPlan:
    """What a run has to do, known before anything is extracted."""

    inventory: Inventory
    ledger: dict[str, dict[str, Any]]  # what the published warehouse holds
    known: list[ExtractionOutcome]  # outcomes in the cache, or of documents not to be read
    pending: list[InventoryDocument]  # documents to extract
    kept: dict[str, str]  # published documents whose file cannot be read now: id → reason

    def fingerprint(self, settings: Settings, outcomes: list[ExtractionOutcome]) -> str:
        return inputs_fingerprint(outcomes, settings, self.kept)

    def is_current(self, settings: Settings) -> bool:
        """Every document is known already, and the published warehouse was built from
        exactly these outcomes (and unreadable files) with this code."""
        return not self.pending and is_published(settings, self.fingerprint(settings, self.known))


def plan_run(settings: Settings) -> RunPlan:
    """Inventory the raw folder and sort its documents into known and still to extract."""
    inventory = take_inventory(settings)
    ledger = current_ledger(settings)
    unread, kept = split_unreadable(inventory, ledger)
    documents = sorted([*inventory.documents, *unread], key=lambda doc: doc.source_file)
    known, pending = split_by_cache(documents, settings)
    return RunPlan(inventory, ledger, known, pending, kept)


def run_timestamp() -> dt.datetime:
    """A run's ingestion time: UTC, naive, to the second (both paths stamp rows with it)."""
    return dt.datetime.now(dt.UTC).replace(tzinfo=None, microsecond=0)


def start_build(settings: Settings, allow_withdraw: bool) -> RunPlan:
    """The first steps of every run, CLI or Dagster: clear builds left by killed runs,
    plan, and refuse a run that would withdraw most of what is published."""
    settings.state_dir.mkdir(parents=True, exist_ok=True)
    remove_stale_builds(settings.warehouse_path)
    plan = plan_run(settings)
    check_withdrawals(plan.ledger, plan.inventory, allow_withdraw)
    return plan


def load_raw_tables(
    plan: RunPlan,
    settings: Settings,
    build_path: Path,
    run_started: dt.datetime,
    progress: ProgressCallback | None = None,
) -> tuple[BuildResult, list[ExtractionOutcome]]:
    """Extract what the cache lacks and load every document into a new build file,
    each as soon as it is read (validation and loading overlap the extraction)."""
    outcomes: list[ExtractionOutcome] = []
    with (
        # closing: the workers stop at once if loading fails, not when collected
        contextlib.closing(extract_uncached(plan.pending, settings)) as fresh,
        RawBuild(build_path, plan.ledger, run_started, settings.warehouse_path, plan.kept) as raw,
    ):
        for outcome in itertools.chain(plan.known, fresh):
            outcomes.append(outcome)
            if progress:
                progress(outcome)
            raw.add(outcome)
        return raw.finish(), outcomes


def published_is_current(settings: Settings) -> bool:
    """Whether a run would change nothing (see :meth:`RunPlan.is_current`)."""
    return plan_run(settings).is_current(settings)


def publish_build(build_path: Path, settings: Settings) -> None:
    """Swap the build (its fingerprint inside) over the published warehouse.

    The caller holds the writer lock.
    """
    publish(build_path, settings.warehouse_path)
    remove_build(build_path)


def current_ledger(settings: Settings) -> dict[str, dict[str, Any]]:
    """What the published warehouse holds about each document (``raw.documents``).

    The published file is the one record of what was published: a document
    that disappears from the raw folder is withdrawn from it, and its first
    ingestion time is kept from it, whenever the last run was killed.
    """
    if not settings.warehouse_path.is_file():
        return {}
    try:
        connection = duckdb.connect(str(settings.warehouse_path), read_only=True)
    except duckdb.Error:
        return {}
    try:
        columns = ", ".join(LEDGER_FIELDS)
        rows = connection.execute(f"SELECT document_id, {columns} FROM raw.documents").fetchall()
    except duckdb.Error:
        return {}
    finally:
        connection.close()
    recovered = {}
    for row in rows:
        entry = dict(zip(("document_id", *LEDGER_FIELDS), row, strict=True))
        document_id = entry.pop("document_id")
        entry["ingested_at"] = format_timestamp(entry["ingested_at"])
        recovered[document_id] = entry
    return recovered


def mart_row_counts(database: Path) -> dict[str, int]:
    """Rows in every table of the marts schema."""
    connection = duckdb.connect(str(database), read_only=True)
    try:
        names = [
            name
            for (name,) in connection.execute(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = ? "
                "ORDER BY table_name",
                [MARTS_SCHEMA],
            ).fetchall()
        ]
        counts = {}
        for name in names:
            row = connection.execute(f'SELECT count(*) FROM {MARTS_SCHEMA}."{name}"').fetchone()
            counts[name] = int(row[0]) if row else 0
        return counts
    finally:
        connection.close()


def findings_by_severity(database: Path) -> dict[str, int]:
    """Validation findings of the published documents, by severity."""
    connection = duckdb.connect(str(database), read_only=True)
    try:
        return dict(
            connection.execute(
                "SELECT severity, count(*) FROM raw.validation_findings GROUP BY severity"
            ).fetchall()
        )
    finally:
        connection.close()


# -- the whole run ---------------------------------------------------------------


def run_pipeline(
    settings: Settings,
    progress_factory: Callable[[int], ProgressCallback] | None = None,
    run_label: str | None = None,
    dbt_runner: Callable[[Path, Settings, str], DbtBuildResult] = run_dbt_build,
    allow_withdraw: bool = False,
) -> RunSummary:
    """Run the whole job once and publish the result; raises if the run failed.

    Documents that cannot be read are quarantined, which is not a failure. A
    failure (dbt, the disk, an interruption) leaves the published warehouse as
    it was. ``progress_factory(total)`` makes the per-document progress callback.
    A run that would withdraw most of the loaded documents stops first
    (:class:`~pipelines.runs.withdrawals.WithdrawRefused`) unless
    ``allow_withdraw``.
    Documents are validated and loaded while the others are still being
    extracted.
    """
    started = time.monotonic()
    run_started = run_timestamp()
    label = run_label or cli_run_label(f"{run_started:%Y%m%dT%H%M%S}")
    settings.state_dir.mkdir(parents=True, exist_ok=True)
    with writer_lock(settings.lock_path):
        plan = start_build(settings, allow_withdraw)
        inventory = plan.inventory
        log.info("%d documents in %s", len(inventory.documents), settings.raw_dir)
        if plan.is_current(settings):
            log.info("nothing changed since the published warehouse was built; keeping it")
            return _unchanged_summary(settings, inventory, started)
        progress = (
            progress_factory(len(plan.known) + len(plan.pending)) if progress_factory else None
        )

        build_path = build_path_for(settings.warehouse_path, label)
        outcomes: list[ExtractionOutcome] = []
        phases: dict[str, float] = {}
        clock = time.monotonic()
        try:
            build, outcomes = load_raw_tables(plan, settings, build_path, run_started, progress)
            clock = _lap(phases, "extract and load", clock)
            fingerprint = plan.fingerprint(settings, outcomes)
            if is_published(settings, fingerprint):
                # only failures were retried, and they failed the same way again
                log.info("nothing changed since the published warehouse was built; keeping it")
                return _unchanged_summary(settings, inventory, started)
            stamp_build(build_path, fingerprint)
            clock = _lap(phases, "finish raw tables", clock)
            dbt_result = dbt_runner(build_path, settings, label)
            clock = _lap(phases, "dbt", clock)
            mart_rows = mart_row_counts(build_path)
            severities = findings_by_severity(build_path)
            publish_build(build_path, settings)
            _lap(phases, "publish", clock)
        finally:
            remove_build(build_path)

    fresh = [outcome for outcome in outcomes if not outcome.from_cache]
    return RunSummary(
        warehouse_path=settings.warehouse_path,
        documents=build.documents,
        mart_rows=mart_rows,
        findings_by_severity=severities,
        skipped=inventory.skipped,
        wall_seconds=time.monotonic() - started,
        extraction_seconds=sum(outcome.seconds for outcome in fresh),
        extracted_now=len(fresh),
        workers=settings.workers,
        dbt=dbt_result,
        phases=phases,
    )


# -- helpers ---------------------------------------------------------------------


def _lap(phases: dict[str, float], name: str, since: float) -> float:
    now = time.monotonic()
    phases[name] = now - since
    return now


def _unchanged_summary(settings: Settings, inventory: Inventory, started: float) -> RunSummary:
    """The summary of a run that found nothing new: the published warehouse as it is."""
    connection = duckdb.connect(str(settings.warehouse_path), read_only=True)
    try:
        rows = connection.execute(
            "SELECT document_id, source_file, status, status_reason, page_count "
            "FROM raw.documents ORDER BY source_file"
        ).fetchall()
    finally:
        connection.close()
    return RunSummary(
        warehouse_path=settings.warehouse_path,
        documents=[
            DocumentResult(document_id, source, status, reason, pages, from_cache=True)
            for document_id, source, status, reason, pages in rows
        ],
        mart_rows=mart_row_counts(settings.warehouse_path),
        findings_by_severity=findings_by_severity(settings.warehouse_path),
        skipped=inventory.skipped,
        wall_seconds=time.monotonic() - started,
        extraction_seconds=0.0,
        extracted_now=0,
        workers=settings.workers,
        dbt=None,
    )

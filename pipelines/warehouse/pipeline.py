"""The whole nightly job as plain functions: inventory → extract → validate → load → dbt → publish.

The CLI (``fiscal run``) calls :func:`run_pipeline`; the Dagster assets call
the same steps one by one (:func:`take_inventory`, :func:`extract_documents`,
:func:`build_raw_database`, :func:`run_dbt_build`, :func:`publish_build`).

Every run rebuilds the raw tables from the extraction cache into a fresh
build file, so running twice on the same raw folder gives identical marts, a
changed file simply brings its new document id, and a document whose file
disappeared is kept (from the ledger) as 'withdrawn' with no other rows.
"""

from __future__ import annotations

import datetime as dt
import logging
import time
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import duckdb

from pipelines.extraction.model import EXTRACTOR_VERSION, DocumentExtraction
from pipelines.settings import MARTS_SCHEMA, Settings
from pipelines.validation.findings import Rule, ValidationReport
from pipelines.warehouse.dbt_runner import DbtBuildResult, run_dbt_build
from pipelines.warehouse.extraction_runner import (
    STATUS_EXTRACTED,
    ExtractionOutcome,
    ProgressCallback,
    extract_documents,
)
from pipelines.warehouse.fingerprint import inputs_fingerprint, is_published, record_published
from pipelines.warehouse.inventory import Inventory, scan_raw_dir
from pipelines.warehouse.loader import (
    STATUS_LOADED,
    STATUS_QUARANTINED,
    STATUS_WITHDRAWN,
    DocumentRecord,
    create_raw_schema,
    load_document,
    load_rules,
)
from pipelines.warehouse.publish import (
    build_path_for,
    cli_run_label,
    publish,
    remove_build,
    remove_stale_builds,
    writer_lock,
)
from pipelines.warehouse.state import (
    LEDGER_FIELDS,
    read_json,
    read_ledger,
    write_json_atomically,
    write_ledger,
)

log = logging.getLogger(__name__)

LEDGER_SIDECAR_SUFFIX = ".ledger.json"


@dataclass
class DocumentResult:
    """What one document contributed to a build: the per-document figures shown to people."""

    document_id: str
    source_file: str
    status: str  # loaded / quarantined / withdrawn
    reason: str | None
    pages: int | None = None
    tables: int = 0
    rows: int = 0  # printed rows over all tables
    cells: int = 0  # amounts loaded into raw.table_cells
    findings: dict[str, int] = field(default_factory=dict)  # severity → count
    seconds: float = 0.0
    from_cache: bool = False
    aliases: tuple[str, ...] = ()


@dataclass
class BuildResult:
    build_path: Path
    documents: list[DocumentResult]
    rules_loaded: int


@dataclass
class RunSummary:
    """What ``fiscal run`` prints at the end."""

    warehouse_path: Path
    documents: list[DocumentResult]
    mart_rows: dict[str, int]
    findings_by_severity: dict[str, int]
    unreadable: list[tuple[str, str]]
    wall_seconds: float
    extraction_seconds: float  # sum over documents extracted in this run
    extracted_now: int  # documents extracted in this run (not from the cache)
    workers: int
    dbt: DbtBuildResult | None

    def count(self, status: str) -> int:
        return sum(1 for doc in self.documents if doc.status == status)

    def format(self) -> str:
        lines = [
            f"warehouse: {self.warehouse_path}",
            f"documents: {self.count(STATUS_LOADED)} loaded, "
            f"{self.count(STATUS_QUARANTINED)} quarantined, "
            f"{self.count(STATUS_WITHDRAWN)} withdrawn "
            f"({self.extracted_now} extracted now, the rest from the cache)",
        ]
        for doc in self.documents:
            if doc.status == STATUS_QUARANTINED:
                reason = doc.reason or "no reason given"
                named = (
                    reason
                    if reason.startswith(doc.source_file)
                    else f"{doc.source_file} ({reason})"
                )
                lines.append(f"  quarantined {named}")
        for name, reason in self.unreadable:
            lines.append(f"  skipped {name}: {reason}")
        if self.mart_rows:
            lines.append("rows per mart:")
            width = max(len(name) for name in self.mart_rows)
            for name, rows in sorted(self.mart_rows.items()):
                lines.append(f"  {name:<{width}}  {rows:>9,}")
        severities = ", ".join(
            f"{count} {severity}" for severity, count in sorted(self.findings_by_severity.items())
        )
        lines.append(f"validation findings: {severities or 'none'}")
        lines.append(f"wall time: {self.wall_seconds:.1f} s with {self.workers} workers")
        return "\n".join(lines)


# -- the steps -----------------------------------------------------------------


def take_inventory(settings: Settings) -> Inventory:
    """Every distinct PDF under the raw folder (hashes remembered in the state dir)."""
    return scan_raw_dir(settings.raw_dir, settings.hash_memo_path)


def validation_rules() -> list[Rule]:
    """The rule catalogue of the validation library."""
    from pipelines.validation import RULES

    rules: Iterable[Any] = RULES.values() if isinstance(RULES, dict) else RULES
    return sorted(rules, key=lambda rule: rule.rule_id)


def validate_extraction(extraction: DocumentExtraction) -> ValidationReport:
    """Run the document-level rules; a crash of the validator becomes a quarantine reason."""
    from pipelines.validation import validate_document

    try:
        return validate_document(extraction)
    except Exception as error:  # noqa: BLE001 - one document must not stop the run
        return ValidationReport(
            quarantine_reason=(
                f"{extraction.source_file}: validation crashed: {type(error).__name__}: {error}"
            )
        )


def document_record(
    outcome: ExtractionOutcome,
    ledger: dict[str, dict[str, Any]],
    run_started: dt.datetime,
) -> tuple[DocumentRecord, DocumentResult]:
    """Turn one extraction outcome into the rows to load and the figures to report."""
    document = outcome.document
    previous = ledger.get(document.document_id) or {}
    ingested_at = _parse_timestamp(previous.get("ingested_at")) or run_started
    result = DocumentResult(
        document_id=document.document_id,
        source_file=document.source_file,
        status=STATUS_QUARANTINED,
        reason=outcome.reason,
        seconds=outcome.seconds,
        from_cache=outcome.from_cache,
        aliases=document.aliases,
    )
    record = DocumentRecord(
        document_id=document.document_id,
        sha256=document.sha256,
        source_file=document.source_file,
        status=STATUS_QUARANTINED,
        status_reason=outcome.reason,
        extractor_version=EXTRACTOR_VERSION,
        ingested_at=ingested_at,
        extraction_seconds=round(outcome.seconds, 3),
    )
    if outcome.status != STATUS_EXTRACTED:
        result.reason = record.status_reason = (
            outcome.reason or f"{document.source_file}: unreadable"
        )
        return record, result

    try:
        extraction = outcome.load_extraction()
    except (ValueError, KeyError, TypeError) as error:
        reason = f"{document.source_file}: cached extraction unreadable: {error}"
        result.reason = record.status_reason = reason
        return record, result
    extraction.source_file = document.source_file
    extraction.document_id = document.document_id
    report = validate_extraction(extraction)
    record.extraction = extraction
    record.report = report
    result.pages = extraction.page_count
    result.tables = len(extraction.tables)
    result.rows = sum(len(table.rows) for table in extraction.tables.values())
    result.findings = dict(Counter(finding.severity for finding in report.findings))
    if report.quarantine_reason:
        reason = report.quarantine_reason
        if Path(document.source_file).name not in reason:
            reason = f"{document.source_file}: {reason}"
        result.reason = record.status_reason = reason
    else:
        result.status = record.status = STATUS_LOADED
        result.reason = record.status_reason = None
    return record, result


def build_raw_database(
    build_path: Path,
    outcomes: list[ExtractionOutcome],
    ledger: dict[str, dict[str, Any]],
    run_started: dt.datetime,
) -> BuildResult:
    """Create ``build_path`` and load every document (and every withdrawn one) into raw.*.

    Also writes the ledger the build implies beside the build file; it becomes
    the ledger when (and only when) the build is published.
    """
    remove_build(build_path)
    build_path.parent.mkdir(parents=True, exist_ok=True)
    results: list[DocumentResult] = []
    new_ledger: dict[str, dict[str, Any]] = {}
    current_files: dict[str, str] = {}
    connection = duckdb.connect(str(build_path))
    try:
        create_raw_schema(connection)
        rules_loaded = load_rules(connection, validation_rules())
        for outcome in outcomes:
            record, result = document_record(outcome, ledger, run_started)
            try:
                result.cells = load_document(connection, record)
            except Exception as error:  # noqa: BLE001 - keep the run going, quarantine the doc
                reason = (
                    f"{record.source_file}: could not be loaded: {type(error).__name__}: {error}"
                )
                log.warning(reason)
                record.status = result.status = STATUS_QUARANTINED
                record.status_reason = result.reason = reason
                record.extraction = None
                result.cells = 0
                load_document(connection, record)
            results.append(result)
            new_ledger[record.document_id] = _ledger_entry(record)
            current_files[record.source_file] = record.document_id
            for alias in outcome.document.aliases:
                current_files.setdefault(alias, record.document_id)

        for document_id in sorted(set(ledger) - set(new_ledger)):
            record, result = _withdrawn_record(document_id, ledger[document_id], current_files)
            load_document(connection, record)
            results.append(result)
            new_ledger[document_id] = _ledger_entry(record)
        connection.execute("CHECKPOINT")
    finally:
        connection.close()
    write_json_atomically(_ledger_sidecar(build_path), new_ledger)
    return BuildResult(build_path=build_path, documents=results, rules_loaded=rules_loaded)


def publish_build(build_path: Path, settings: Settings) -> None:
    """Swap the build over the published warehouse, then make its ledger the ledger.

    The caller holds the writer lock.
    """
    sidecar = _ledger_sidecar(build_path)
    new_ledger = read_json(sidecar)
    publish(build_path, settings.warehouse_path)
    if isinstance(new_ledger, dict):
        write_ledger(settings.ledger_path, new_ledger)
    sidecar.unlink(missing_ok=True)
    remove_build(build_path)


def current_ledger(settings: Settings) -> dict[str, dict[str, Any]]:
    """The ledger file, or (if it was lost) what the published warehouse says it holds."""
    ledger = read_ledger(settings.ledger_path)
    if ledger or not settings.warehouse_path.exists():
        return ledger
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
        entry["ingested_at"] = _format_timestamp(entry["ingested_at"])
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
        return {
            name: connection.execute(f'SELECT count(*) FROM {MARTS_SCHEMA}."{name}"').fetchone()[0]
            for name in names
        }
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
) -> RunSummary:
    """Run the whole job once and publish the result; raises if the run failed.

    Documents that cannot be read are quarantined, which is not a failure. A
    failure (dbt, the disk, an interruption) leaves the published warehouse as
    it was. ``progress_factory(total)`` makes the per-document progress callback.
    """
    started = time.monotonic()
    run_started = dt.datetime.now(dt.UTC).replace(tzinfo=None, microsecond=0)
    label = run_label or cli_run_label(f"{run_started:%Y%m%dT%H%M%S}")
    settings.state_dir.mkdir(parents=True, exist_ok=True)
    with writer_lock(settings.lock_path):
        remove_stale_builds(settings.warehouse_path)
        inventory = take_inventory(settings)
        log.info("%d documents in %s", len(inventory.documents), settings.raw_dir)
        progress = progress_factory(len(inventory.documents)) if progress_factory else None
        outcomes = extract_documents(inventory.documents, settings, progress)
        fingerprint = inputs_fingerprint(outcomes, settings)
        if is_published(settings, fingerprint):
            log.info("nothing changed since the published warehouse was built; keeping it")
            return _unchanged_summary(settings, inventory, started)
        ledger = current_ledger(settings)
        build_path = build_path_for(settings.warehouse_path, label)
        try:
            build = build_raw_database(build_path, outcomes, ledger, run_started)
            dbt_result = dbt_runner(build_path, settings, label)
            mart_rows = mart_row_counts(build_path)
            severities = findings_by_severity(build_path)
            publish_build(build_path, settings)
            record_published(settings, fingerprint)
        finally:
            _ledger_sidecar(build_path).unlink(missing_ok=True)
            remove_build(build_path)

    fresh = [outcome for outcome in outcomes if not outcome.from_cache]
    return RunSummary(
        warehouse_path=settings.warehouse_path,
        documents=build.documents,
        mart_rows=mart_rows,
        findings_by_severity=severities,
        unreadable=inventory.unreadable,
        wall_seconds=time.monotonic() - started,
        extraction_seconds=sum(outcome.seconds for outcome in fresh),
        extracted_now=len(fresh),
        workers=settings.workers,
        dbt=dbt_result,
    )


# -- helpers ---------------------------------------------------------------------


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
        unreadable=inventory.unreadable,
        wall_seconds=time.monotonic() - started,
        extraction_seconds=0.0,
        extracted_now=0,
        workers=settings.workers,
        dbt=None,
    )


def _ledger_sidecar(build_path: Path) -> Path:
    return build_path.with_name(build_path.name + LEDGER_SIDECAR_SUFFIX)


def _ledger_entry(record: DocumentRecord) -> dict[str, Any]:
    extraction = record.extraction
    entry: dict[str, Any] = dict(record.metadata)
    for name in LEDGER_FIELDS:
        if (
            extraction is not None
            and hasattr(extraction, name)
            and name
            not in (
                "sha256",
                "source_file",
                "extractor_version",
            )
        ):
            entry[name] = getattr(extraction, name)
    entry.update(
        sha256=record.sha256,
        source_file=record.source_file,
        ingested_at=_format_timestamp(record.ingested_at),
        extractor_version=record.extractor_version,
        status=record.status,
    )
    return {name: entry.get(name) for name in LEDGER_FIELDS}


def _withdrawn_record(
    document_id: str, entry: dict[str, Any], current_files: dict[str, str]
) -> tuple[DocumentRecord, DocumentResult]:
    source_file = str(entry.get("source_file") or "?")
    replacement = current_files.get(source_file)
    if replacement:
        reason = f"{source_file} changed; its new content is {replacement}"
    else:
        reason = f"{source_file} was removed from the raw folder"
    record = DocumentRecord(
        document_id=document_id,
        sha256=str(entry.get("sha256") or ""),
        source_file=source_file,
        status=STATUS_WITHDRAWN,
        status_reason=reason,
        extractor_version=str(entry.get("extractor_version") or EXTRACTOR_VERSION),
        ingested_at=_parse_timestamp(entry.get("ingested_at")) or dt.datetime(1970, 1, 1),
        metadata={
            name: entry.get(name)
            for name in LEDGER_FIELDS
            if name not in ("sha256", "source_file", "ingested_at", "extractor_version", "status")
        },
    )
    result = DocumentResult(
        document_id=document_id,
        source_file=source_file,
        status=STATUS_WITHDRAWN,
        reason=reason,
        pages=entry.get("page_count"),
    )
    return record, result


def _format_timestamp(value: dt.datetime | None) -> str | None:
    return None if value is None else value.isoformat(sep=" ")


def _parse_timestamp(value: Any) -> dt.datetime | None:
    if isinstance(value, dt.datetime):
        return value
    if not value:
        return None
    try:
        return dt.datetime.fromisoformat(str(value))
    except ValueError:
        return None

"""Fill the raw schema of a new build file from extraction outcomes, a batch at a time.

A :class:`RawBuild` takes outcomes as the extraction workers finish them, so
validating and loading overlap with extracting the rest. Every
``BATCH_DOCUMENTS`` documents it reads their extractions from the cache,
validates them together (one pandera call per table shape, not per table), and
writes them with one insert per raw table. A document whose rows cannot be
written is quarantined on its own; the others of its batch load.

Documents that were published before and whose file is gone are kept (from the
ledger: the published warehouse's ``raw.documents``) as 'withdrawn' with no
other rows. One whose file is there but cannot be read keeps its rows, carried
over from the published warehouse (:mod:`pipelines.runs.unreadable`).
"""

from __future__ import annotations

import datetime as dt
import logging
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import duckdb

from pipelines.extraction.model import EXTRACTOR_VERSION, DocumentExtraction
from pipelines.runs.extraction_runner import STATUS_EXTRACTED, ExtractionOutcome
from pipelines.runs.state import LEDGER_FIELDS
from pipelines.runs.unreadable import carry_over
from pipelines.settings import WAREHOUSE_STORAGE_VERSION
from pipelines.validation.findings import DocumentStatus, Rule, TableStatus, ValidationReport
from pipelines.warehouse.loader import (
    DocumentRecord,
    create_raw_schema,
    load_document,
    load_documents,
    load_rules,
)
from pipelines.warehouse.publish import remove_build

log = logging.getLogger(__name__)

#: documents validated and written together; small enough to keep memory flat
BATCH_DOCUMENTS = 16


@dataclass
class DocumentResult:
    """What one document contributed to a build: the per-document figures shown to people."""

    document_id: str
    source_file: str
    status: DocumentStatus
    reason: str | None
    pages: int | None = None
    tables: int = 0
    rows: int = 0  # printed rows over all tables
    cells: int = 0  # amounts loaded into raw.table_cells
    findings: dict[str, int] = field(default_factory=dict)  # severity → count
    withheld: dict[str, str] = field(default_factory=dict)  # table code → why it was withheld
    seconds: float = 0.0
    from_cache: bool = False
    aliases: tuple[str, ...] = ()
    kept_unread: bool = False  # its file cannot be read now: its last readable version is kept


@dataclass
class BuildResult:
    build_path: Path
    documents: list[DocumentResult]
    rules_loaded: int


def validation_rules() -> list[Rule]:
    """The rule catalogue of the validation library."""
    from pipelines.validation import RULES

    rules: Iterable[Any] = RULES.values() if isinstance(RULES, dict) else RULES
    return sorted(rules, key=lambda rule: rule.rule_id)


def validate_extractions(extractions: Sequence[DocumentExtraction]) -> list[ValidationReport]:
    """Validate a batch; a document the validator crashes on is quarantined with the reason."""
    from pipelines.validation import validate_documents

    return validate_documents(extractions, on_crash=_crash_report)


def _crash_report(extraction: DocumentExtraction, error: Exception) -> ValidationReport:
    return ValidationReport(
        status=DocumentStatus.QUARANTINED,
        status_reason=(
            f"{extraction.source_file}: validation crashed: {type(error).__name__}: {error}"
        ),
    )


def document_record(
    outcome: ExtractionOutcome,
    ledger: dict[str, dict[str, Any]],
    run_started: dt.datetime,
) -> tuple[DocumentRecord, DocumentResult]:
    """Turn one extraction outcome into the rows to load and the figures to report."""
    record, result = _unvalidated_record(outcome, ledger, run_started)
    if record.extraction is not None:
        _apply_report(record, result, validate_extractions([record.extraction])[0])
    return record, result


def _unvalidated_record(
    outcome: ExtractionOutcome,
    ledger: dict[str, dict[str, Any]],
    run_started: dt.datetime,
) -> tuple[DocumentRecord, DocumentResult]:
    """The record of an outcome, quarantined, with its extraction read back if there is one."""
    document = outcome.document
    previous = ledger.get(document.document_id) or {}
    ingested_at = _parse_timestamp(previous.get("ingested_at")) or run_started
    result = DocumentResult(
        document_id=document.document_id,
        source_file=document.source_file,
        status=DocumentStatus.QUARANTINED,
        reason=outcome.reason,
        seconds=outcome.seconds,
        from_cache=outcome.from_cache,
        aliases=document.aliases,
    )
    record = DocumentRecord(
        document_id=document.document_id,
        sha256=document.sha256,
        source_file=document.source_file,
        status=DocumentStatus.QUARANTINED,
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
    record.extraction = extraction
    return record, result


def _apply_report(record: DocumentRecord, result: DocumentResult, report: ValidationReport) -> None:
    """Attach the validation report: the document's status and its tables' verdicts."""
    extraction = record.extraction
    assert extraction is not None
    record.report = report
    result.pages = extraction.page_count
    result.tables = len(extraction.tables)
    result.rows = sum(len(table.rows) for table in extraction.tables.values())
    result.findings = dict(Counter(finding.severity for finding in report.findings))
    result.withheld = {
        code: verdict.reason or ""
        for code, verdict in report.tables.items()
        if verdict.status == TableStatus.WITHHELD
    }
    result.status = record.status = report.status
    reason = report.status_reason
    quarantined = report.status == DocumentStatus.QUARANTINED
    if reason and quarantined and Path(record.source_file).name not in reason:
        reason = f"{record.source_file}: {reason}"
    result.reason = record.status_reason = reason


class RawBuild:
    """A new build file being filled with documents; use as a context manager.

    ``add`` each outcome as it arrives, then ``finish`` once all are in. If the
    block is left by an exception the connection is closed and the caller
    removes the build file.
    """

    def __init__(
        self,
        build_path: Path,
        ledger: dict[str, dict[str, Any]],
        run_started: dt.datetime,
        previous: Path | None = None,
        kept: dict[str, str] | None = None,
    ) -> None:
        self.build_path = build_path
        self.ledger = ledger
        self.run_started = run_started
        # published documents whose file cannot be read now (id → reason), and where
        # their last readable version is: the published warehouse
        self.previous = previous
        self.kept = kept or {}
        self.results: list[DocumentResult] = []
        self.recorded: set[str] = set()  # document ids in this build
        self.current_files: dict[str, str] = {}  # file name → document id, aliases included
        self._batch: list[ExtractionOutcome] = []
        remove_build(build_path)
        build_path.parent.mkdir(parents=True, exist_ok=True)
        self.connection = duckdb.connect(
            str(build_path), config={"storage_compatibility_version": WAREHOUSE_STORAGE_VERSION}
        )
        create_raw_schema(self.connection)
        self.rules_loaded = load_rules(self.connection, validation_rules())

    def __enter__(self) -> RawBuild:
        return self

    def __exit__(self, *exc: object) -> None:
        self.connection.close()

    def add(self, outcome: ExtractionOutcome) -> None:
        self._batch.append(outcome)
        if len(self._batch) >= BATCH_DOCUMENTS:
            self._load_batch()

    def finish(self) -> BuildResult:
        """Load what is left, add the kept and the withdrawn documents, close the build file."""
        self._load_batch()
        gone = sorted(set(self.ledger) - self.recorded)
        kept = {
            document_id: self.kept[document_id] for document_id in gone if document_id in self.kept
        }
        if kept and self.previous is not None:
            for document_id, cells in carry_over(self.connection, self.previous, kept).items():
                self._keep_unread(document_id, kept[document_id], cells)
        for document_id in gone:
            if document_id in self.recorded or not self.ledger[document_id].get("sha256"):
                continue  # kept, or a file never read (nothing of it to withdraw)
            record, result = _withdrawn_record(
                document_id, self.ledger[document_id], self.current_files
            )
            load_document(self.connection, record)
            self._keep(record, result)
        self.connection.execute("CHECKPOINT")
        self.connection.close()
        order = {DocumentStatus.WITHDRAWN: 1}
        self.results.sort(key=lambda doc: (order.get(doc.status, 0), doc.source_file))
        return BuildResult(
            build_path=self.build_path, documents=self.results, rules_loaded=self.rules_loaded
        )

    def _load_batch(self) -> None:
        if not self._batch:
            return
        pairs = [_unvalidated_record(o, self.ledger, self.run_started) for o in self._batch]
        readable = [(record, result) for record, result in pairs if record.extraction is not None]
        reports = validate_extractions(
            [record.extraction for record, _ in readable if record.extraction is not None]
        )
        for (record, result), report in zip(readable, reports, strict=True):
            _apply_report(record, result, report)
        records = [record for record, _ in pairs]
        try:
            cells = load_documents(self.connection, records)
        except Exception:  # noqa: BLE001 - find the document at fault, keep the others
            cells = [self._load_alone(record, result) for record, result in pairs]
        for (record, result), count in zip(pairs, cells, strict=True):
            result.cells = count
            self._keep(record, result)
        for outcome in self._batch:
            for alias in outcome.document.aliases:
                self.current_files.setdefault(alias, outcome.document.document_id)
        self._batch = []

    def _load_alone(self, record: DocumentRecord, result: DocumentResult) -> int:
        try:
            return load_document(self.connection, record)
        except Exception as error:  # noqa: BLE001 - keep the run going, quarantine the doc
            reason = f"{record.source_file}: could not be loaded: {type(error).__name__}: {error}"
            log.warning(reason)
            record.status = result.status = DocumentStatus.QUARANTINED
            record.status_reason = result.reason = reason
            record.extraction = None
            try:
                load_document(self.connection, record)  # its findings may explain why
            except Exception:  # noqa: BLE001 - they cannot be written either
                record.report = None
                load_document(self.connection, record)
            return 0

    def _keep(self, record: DocumentRecord, result: DocumentResult) -> None:
        self.results.append(result)
        self.recorded.add(record.document_id)
        self.current_files[record.source_file] = record.document_id

    def _keep_unread(self, document_id: str, reason: str, cells: int) -> None:
        """A published document whose file cannot be read now: its rows were carried over."""
        entry = self.ledger[document_id]
        source_file = str(entry.get("source_file"))
        self.results.append(
            DocumentResult(
                document_id=document_id,
                source_file=source_file,
                status=DocumentStatus(str(entry.get("status"))),
                reason=reason,
                pages=entry.get("page_count"),
                cells=cells,
                from_cache=True,
                kept_unread=True,
            )
        )
        self.recorded.add(document_id)
        self.current_files[source_file] = document_id


def build_raw_database(
    build_path: Path,
    outcomes: Iterable[ExtractionOutcome],
    ledger: dict[str, dict[str, Any]],
    run_started: dt.datetime,
    previous: Path | None = None,
    kept: dict[str, str] | None = None,
) -> BuildResult:
    """Create ``build_path`` and load every document (and every kept and withdrawn one)."""
    with RawBuild(build_path, ledger, run_started, previous, kept) as build:
        for outcome in outcomes:
            build.add(outcome)
        return build.finish()


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
        status=DocumentStatus.WITHDRAWN,
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
        status=DocumentStatus.WITHDRAWN,
        reason=reason,
        pages=entry.get("page_count"),
    )
    return record, result


def format_timestamp(value: dt.datetime | None) -> str | None:
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

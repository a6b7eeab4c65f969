"""The assets: thin wrappers that call the pipeline library and attach metadata.

Lineage, left to right:

    document_inventory → extracted_tables[doc] → validated_tables[doc]
        → raw/<table> (7 tables) → dbt staging → intermediate → marts
        → published_warehouse

The per-document assets are partitioned by ``documents``. The warehouse
assets are not: every run builds a fresh DuckDB file named after the run id
(raw tables, then dbt), and ``published_warehouse`` swaps it over the
published file. All assets that write DuckDB run in the ``duckdb_writer``
pool (limit 1, see ``dagster.yaml``).
"""

import warnings
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import dagster as dg
import duckdb

from pipelines.orchestration.dbt import WRITER_POOL
from pipelines.orchestration.partitions import (
    DOCUMENTS_PARTITION,
    document_label,
    documents_partitions,
)
from pipelines.orchestration.resources import FiscalWarehouseResource
from pipelines.runs.extraction_runner import (
    STATUS_EXTRACTED,
    STATUS_FAILED,
    ExtractionOutcome,
    extract_one,
    split_by_cache,
)
from pipelines.runs.fingerprint import stamp_build
from pipelines.runs.inventory import Inventory, InventoryDocument
from pipelines.runs.sequence import (
    load_raw_tables,
    mart_row_counts,
    publish_build,
    run_timestamp,
    start_build,
    take_inventory,
)
from pipelines.runs.withdrawals import WithdrawRefused
from pipelines.settings import Settings
from pipelines.validation import RULE_BY_ID, RULES, DocumentStatus, Finding, ValidationReport
from pipelines.warehouse import raw_contract
from pipelines.warehouse.publish import build_path_for, writer_lock
from pipelines.warehouse.raw_build import document_record

#: one asset per raw table, described by the comment above its CREATE TABLE
RAW_TABLES: dict[str, str] = {
    name: table.description for name, table in raw_contract.raw_tables().items()
}

#: one asset check per family of rules, plus whether the document could be read at all
RULE_SCOPES: dict[str, str] = {
    "table": "Arithmetic inside each table (footnote identities, 类/款/项 hierarchy, 合计).",
    "cross_table": "Identities between tables (01 = 02 = 03 totals, 04 = 05, 05 = 06 …).",
    "narrative": "Numbers the narrative restates agree with the tables.",
    "schema": "Each table's shape: codes, amounts, required columns.",
}
EXTRACTABLE_CHECK = "extractable"
#: the partitioned assets: materialized for one document at a time (``--partition``)
PER_DOCUMENT_GROUP = "per_document"
FINDINGS_SHOWN = 50


def _scope_of(rule_id: str) -> str:
    rule = RULE_BY_ID.get(rule_id)
    scope = getattr(rule, "scope", None) or "table"
    return scope if scope in RULE_SCOPES else "table"


def _check_name(scope: str) -> str:
    return f"{scope}_rules"


def _rules_in_scope(scope: str) -> int:
    return sum(1 for rule in RULES if _scope_of(rule.rule_id) == scope)


# -- helpers ---------------------------------------------------------------------


def sync_document_partitions(
    instance: dg.DagsterInstance, inventory: Inventory
) -> tuple[list[str], list[str]]:
    """Add a partition per new document and drop those whose file is gone."""
    existing = set(instance.get_dynamic_partitions(DOCUMENTS_PARTITION))
    current = {document.document_id for document in inventory.documents}
    added = sorted(current - existing)
    removed = sorted(existing - current)
    if added:
        instance.add_dynamic_partitions(DOCUMENTS_PARTITION, added)
    for key in removed:
        instance.delete_dynamic_partition(DOCUMENTS_PARTITION, key)
    return added, removed


def _document_for_partition(settings: Settings, document_id: str) -> InventoryDocument:
    document = take_inventory(settings).by_id().get(document_id)
    if document is None:
        raise dg.Failure(
            description=f"{document_id} is no longer in {settings.raw_dir} (file removed or changed)"
        )
    return document


def _money(value: Any) -> str:
    return "" if value is None else f"{value:,.2f}"


def _findings_markdown(rows: list[Any]) -> str:
    lines = [
        "| rule | location | severity | expected (元) | printed (元) | difference | message |",
        "|---|---|---|---:|---:|---:|---|",
    ]
    for finding in rows[:FINDINGS_SHOWN]:
        message = str(finding.message).replace("|", "/").replace("\n", " ")
        lines.append(
            f"| {finding.rule_id} | {finding.location} | {finding.severity} | "
            f"{_money(finding.expected_yuan)} | {_money(finding.actual_yuan)} | "
            f"{_money(finding.difference_yuan)} | {message} |"
        )
    if len(rows) > FINDINGS_SHOWN:
        lines.append(f"| … | {len(rows) - FINDINGS_SHOWN} more | | | | | |")
    return "\n".join(lines)


def _findings_json(rows: list[Any]) -> list[dict[str, Any]]:
    return [
        {
            "rule_id": finding.rule_id,
            "location": finding.location,
            "severity": finding.severity,
            "table_code": finding.table_code,
            "expected_yuan": None if finding.expected_yuan is None else str(finding.expected_yuan),
            "printed_yuan": None if finding.actual_yuan is None else str(finding.actual_yuan),
            "difference_yuan": None
            if finding.difference_yuan is None
            else str(finding.difference_yuan),
            "message": finding.message,
            "message_zh": finding.message_zh,
        }
        for finding in rows
    ]


#: findings that say the extractor could not read a table, not that the document is wrong
READING_RULE_PREFIXES = ("R_TABLE_", "SCHEMA_")


def _check_verdict(findings: list[Finding]) -> str:
    """Tell a reader whether to blame the document or the reading of it."""
    serious = [f for f in findings if f.severity in ("error", "warning")]
    reading = [f for f in serious if f.rule_id.startswith(READING_RULE_PREFIXES)]
    source = len(serious) - len(reading)
    if not serious:
        return "holds"
    parts = []
    if source:
        parts.append(
            f"source inconsistency: the document contradicts itself ({_count_of(source, 'finding', 'findings')})"
        )
    if reading:
        parts.append(
            f"reading failed: {_count_of(len(reading), 'table or shape', 'tables or shapes')} not read reliably"
        )
    return "; ".join(parts)


def _count_of(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def _check_results(
    report: ValidationReport | None, reason: str | None
) -> list[dg.AssetCheckResult]:
    results = [
        dg.AssetCheckResult(
            check_name=EXTRACTABLE_CHECK,
            passed=reason is None,
            severity=dg.AssetCheckSeverity.WARN,
            description=f"reading failed: {reason}" if reason else "read",
            metadata={"reason": reason or "extracted and loaded"},
        )
    ]
    for scope in RULE_SCOPES:
        if report is None:
            results.append(
                dg.AssetCheckResult(
                    check_name=_check_name(scope),
                    passed=True,
                    metadata={"checked": False, "why_not": "the document could not be extracted"},
                )
            )
            continue
        in_scope = [f for f in report.findings if _scope_of(f.rule_id) == scope]
        severities = Counter(f.severity for f in in_scope)
        broken = severities.get("error", 0) + severities.get("warning", 0)
        results.append(
            dg.AssetCheckResult(
                check_name=_check_name(scope),
                passed=broken == 0,
                description=_check_verdict(in_scope),
                severity=dg.AssetCheckSeverity.ERROR
                if severities.get("error")
                else dg.AssetCheckSeverity.WARN,
                metadata={
                    "checked": True,
                    "rules": _rules_in_scope(scope),
                    "errors": severities.get("error", 0),
                    "warnings": severities.get("warning", 0),
                    "infos": severities.get("info", 0),
                    "findings": dg.MetadataValue.md(_findings_markdown(in_scope)),
                    "findings_json": dg.MetadataValue.json(_findings_json(in_scope)),
                },
            )
        )
    return results


# -- per-document assets -----------------------------------------------------------


@dg.asset(group_name="warehouse", kinds={"python"})
def document_inventory(
    context: dg.AssetExecutionContext, fiscal: FiscalWarehouseResource
) -> dg.MaterializeResult:
    """Every distinct PDF in the raw folder, identified by the sha256 of its bytes.

    Registers one ``documents`` partition per document (and drops the partitions
    of files that are gone). The same bytes under two names are one document.
    """
    settings = fiscal.settings()
    inventory = take_inventory(settings)
    added, removed = sync_document_partitions(context.instance, inventory)
    listing = "\n".join(
        ["| document_id | file | bytes |", "|---|---|---:|"]
        + [
            f"| {doc.document_id} | {doc.source_file} | {doc.size_bytes:,} |"
            for doc in inventory.documents[:500]
        ]
    )
    return dg.MaterializeResult(
        metadata={
            "raw_dir": str(settings.raw_dir),
            "documents": len(inventory.documents),
            "partitions_added": len(added),
            "partitions_removed": len(removed),
            "unreadable_files": len(inventory.unreadable),
            "inventory": dg.MetadataValue.md(listing),
        }
    )


@dg.asset(
    partitions_def=documents_partitions,
    deps=[document_inventory],
    group_name=PER_DOCUMENT_GROUP,
    kinds={"python"},
)
def extracted_tables(
    context: dg.AssetExecutionContext, fiscal: FiscalWarehouseResource
) -> dg.MaterializeResult:
    """The standard tables, narrative figures and metadata read from one PDF.

    Runs the extractor in a worker process with the per-document time and
    memory limits; the result is cached by sha256 and extractor version. A file
    that cannot be read materializes with status 'quarantined' and its reason.
    """
    settings = fiscal.settings()
    document = _document_for_partition(settings, context.partition_key)
    outcome = extract_one(document, settings)
    metadata: dict[str, Any] = {
        "source_file": document.source_file,
        "sha256": document.sha256,
        "status": outcome.status,
        "seconds": round(outcome.seconds, 3),
        "from_cache": outcome.from_cache,
    }
    if outcome.status == STATUS_EXTRACTED:
        extraction = outcome.load_extraction()
        metadata.update(
            document=document_label(
                extraction.department_name, extraction.fiscal_year, extraction.document_kind
            ),
            pages=extraction.page_count,
            tables=len(extraction.tables),
            table_codes=", ".join(sorted(extraction.tables)),
            rows=sum(len(table.rows) for table in extraction.tables.values()),
            department=extraction.department_name or "",
            fiscal_year=extraction.fiscal_year or 0,
            document_kind=extraction.document_kind or "",
            problems=len(extraction.problems),
        )
    else:
        metadata["reason"] = outcome.reason or ""
        context.log.warning(f"quarantined {outcome.reason}")
    return dg.MaterializeResult(metadata=metadata)


def _document_check_specs() -> list[dg.AssetCheckSpec]:
    """One check per rule family, each partitioned like the documents (a Dagster preview API)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", dg.PreviewWarning)
        return [
            dg.AssetCheckSpec(
                EXTRACTABLE_CHECK,
                asset="validated_tables",
                description="The PDF could be extracted and was not quarantined.",
                partitions_def=documents_partitions,
            ),
            *[
                dg.AssetCheckSpec(
                    _check_name(scope),
                    asset="validated_tables",
                    description=description,
                    partitions_def=documents_partitions,
                )
                for scope, description in RULE_SCOPES.items()
            ],
        ]


@dg.asset(
    partitions_def=documents_partitions,
    deps=[extracted_tables],
    group_name=PER_DOCUMENT_GROUP,
    kinds={"pandera"},
    check_specs=_document_check_specs(),
)
def validated_tables(
    context: dg.AssetExecutionContext, fiscal: FiscalWarehouseResource
) -> dg.MaterializeResult:
    """One document's tables checked against the pandera schemas and the catalogued rules.

    Asset checks per document show each family of rules, with every finding's
    expected and printed values in their metadata; the same findings land in
    ``raw.validation_findings``.
    """
    settings = fiscal.settings()
    document = _document_for_partition(settings, context.partition_key)
    # what extracted_tables left in the cache (crashes are not cached: no second attempt here)
    known, _ = split_by_cache([document], settings)
    outcome = (
        known[0]
        if known
        else ExtractionOutcome(
            document=document,
            status=STATUS_FAILED,
            reason=f"{document.source_file}: no extraction in the cache; see extracted_tables "
            "(a worker crash is not cached)",
            seconds=0.0,
            from_cache=False,
            cache_path=None,
        )
    )
    record, result = document_record(outcome, {}, run_timestamp())
    metadata: dict[str, Any] = {
        "source_file": document.source_file,
        "status": result.status.value,
        "pages": result.pages or 0,
        "tables": result.tables,
        "rows": result.rows,
        "findings_error": result.findings.get("error", 0),
        "findings_warning": result.findings.get("warning", 0),
        "findings_info": result.findings.get("info", 0),
        "seconds": round(result.seconds, 3),
    }
    if result.reason:
        metadata["reason"] = result.reason
    report = record.report if outcome.status == STATUS_EXTRACTED else None
    return dg.MaterializeResult(
        metadata=metadata,
        check_results=_check_results(report, result.reason),
    )


# -- the warehouse -----------------------------------------------------------------


@dg.multi_asset(
    name="raw_tables",
    specs=[
        dg.AssetSpec(
            ["raw", table],
            deps=[validated_tables],
            description=description,
            group_name="warehouse",
            kinds={"duckdb"},
        )
        for table, description in RAW_TABLES.items()
    ],
    pool=WRITER_POOL,
    can_subset=False,
)
def raw_tables(
    context: dg.AssetExecutionContext, fiscal: FiscalWarehouseResource
) -> Iterator[dg.MaterializeResult]:
    """Load every document's rows into the raw schema of a new build file for this run.

    Documents missing from the extraction cache are extracted first (in
    parallel, with the same limits). Each document's rows are written in one
    transaction; withdrawn documents come from the published warehouse.
    """
    settings = fiscal.settings()
    try:
        plan = start_build(settings, fiscal.allow_withdraw)
    except WithdrawRefused as refused:
        raise dg.Failure(description=str(refused)) from refused
    build_path = build_path_for(settings.warehouse_path, context.run.run_id)
    build, outcomes = load_raw_tables(plan, settings, build_path, run_timestamp())
    stamp_build(build_path, plan.fingerprint(settings, outcomes))
    statuses = Counter(doc.status for doc in build.documents)
    quarantined = [doc for doc in build.documents if doc.status == DocumentStatus.QUARANTINED]
    partial = [doc for doc in build.documents if doc.status == DocumentStatus.PARTIAL]
    counts = _table_counts(build_path, list(RAW_TABLES))
    for table in RAW_TABLES:
        metadata: dict[str, Any] = {"rows": counts[table], "build_file": str(build_path)}
        if table == "documents":
            metadata.update(
                loaded=statuses.get(DocumentStatus.LOADED, 0),
                partial=statuses.get(DocumentStatus.PARTIAL, 0),
                quarantined=statuses.get(DocumentStatus.QUARANTINED, 0),
                withdrawn=statuses.get(DocumentStatus.WITHDRAWN, 0),
                quarantine_reasons=dg.MetadataValue.md(
                    "\n".join(f"- {doc.reason}" for doc in quarantined) or "none"
                ),
                withheld_tables=dg.MetadataValue.md(
                    "\n".join(f"- {doc.source_file}: {doc.reason}" for doc in partial) or "none"
                ),
            )
        yield dg.MaterializeResult(asset_key=["raw", table], metadata=metadata)


def _table_counts(database: Path, tables: list[str]) -> dict[str, int]:
    connection = duckdb.connect(str(database), read_only=True)
    try:
        return {table: _count(connection, f"SELECT count(*) FROM raw.{table}") for table in tables}
    finally:
        connection.close()


def _count(connection: duckdb.DuckDBPyConnection, sql: str) -> int:
    row = connection.execute(sql).fetchone()
    return int(row[0]) if row else 0


def build_published_warehouse(upstream: dg.AssetsDefinition) -> dg.AssetsDefinition:
    """The published-warehouse asset, downstream of every dbt model."""
    model_keys: list[dg.AssetKey] = sorted(upstream.keys, key=lambda key: key.to_user_string())

    @dg.asset(
        deps=model_keys,
        group_name="warehouse",
        kinds={"duckdb"},
        pool=WRITER_POOL,
    )
    def published_warehouse(
        context: dg.AssetExecutionContext, fiscal: FiscalWarehouseResource
    ) -> dg.MaterializeResult:
        """The DuckDB file analysts and BI tools read, replaced atomically by this run's build.

        Only reached when dbt built and tested every model; readers with the old
        file open keep a consistent old version, new readers get the new one.
        """
        settings = fiscal.settings()
        build_path = build_path_for(settings.warehouse_path, context.run.run_id)
        if not build_path.exists():
            raise dg.Failure(description=f"no build file {build_path}: nothing to publish")
        mart_rows = mart_row_counts(build_path)
        with writer_lock(settings.lock_path):
            publish_build(build_path, settings)
        return dg.MaterializeResult(
            metadata={
                "warehouse": str(settings.warehouse_path),
                "marts": len(mart_rows),
                "mart_rows": dg.MetadataValue.md(
                    "\n".join(
                        ["| mart | rows |", "|---|---:|"]
                        + [f"| {name} | {rows:,} |" for name, rows in sorted(mart_rows.items())]
                    )
                ),
                **{f"rows_{name}": rows for name, rows in mart_rows.items()},
            }
        )

    return published_warehouse

"""Write documents into the raw tables of a DuckDB file (the schema in raw_schema.sql).

A batch of documents is written in one transaction, after deleting whatever
those documents had before, so loading a document twice gives the same rows.
Amounts go in as exact decimal text and are cast to ``DECIMAL(20, 2)`` by
DuckDB: no value ever passes through a float.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

import duckdb
import pandas as pd

from pipelines.extraction.catalogue import BUDGET_SPEC_BY_CODE, SPEC_BY_CODE
from pipelines.extraction.model import DocumentExtraction
from pipelines.validation.findings import DocumentStatus, Rule, ValidationReport
from pipelines.warehouse.raw_contract import RAW_SCHEMA_SQL, column_names, raw_tables

#: every raw table that holds rows of a document, child tables first (the SQL
#: creates parents first)
DOCUMENT_TABLES = tuple(
    reversed([name for name, table in raw_tables().items() if "document_id" in table.column_names])
)

#: the document statuses whose usable tables feed the facts
STATUSES_WITH_FACTS = (DocumentStatus.LOADED, DocumentStatus.PARTIAL)


@dataclass
class DocumentRecord:
    """Everything the raw tables hold about one document."""

    document_id: str
    sha256: str
    source_file: str
    status: DocumentStatus
    status_reason: str | None
    extractor_version: str
    ingested_at: dt.datetime
    extraction_seconds: float | None = None
    # its usable tables are loaded when the document is 'loaded' or 'partial'
    extraction: DocumentExtraction | None = None
    report: ValidationReport | None = None  # its findings and table verdicts
    # metadata for documents without an extraction (withdrawn ones, from the ledger)
    metadata: dict[str, Any] = field(default_factory=dict)


def create_raw_schema(connection: duckdb.DuckDBPyConnection) -> None:
    """Create the raw schema and tables (idempotent)."""
    connection.execute(RAW_SCHEMA_SQL.read_text(encoding="utf-8"))


def load_rules(connection: duckdb.DuckDBPyConnection, rules: Iterable[Rule]) -> int:
    """Replace the rule catalogue in ``raw.validation_rules``."""
    rows = [
        (rule.rule_id, rule.severity, rule.table_codes, rule.identity, rule.description)
        for rule in rules
    ]
    connection.execute("BEGIN TRANSACTION")
    try:
        connection.execute("DELETE FROM raw.validation_rules")
        if rows:
            connection.executemany("INSERT INTO raw.validation_rules VALUES (?, ?, ?, ?, ?)", rows)
        connection.execute("COMMIT")
    except BaseException:
        connection.execute("ROLLBACK")
        raise
    return len(rows)


def load_document(connection: duckdb.DuckDBPyConnection, record: DocumentRecord) -> int:
    """Replace one document's rows in every raw table, in one transaction.

    Returns the number of table cells written.
    """
    return load_documents(connection, [record])[0]


def load_documents(
    connection: duckdb.DuckDBPyConnection, records: Sequence[DocumentRecord]
) -> list[int]:
    """Replace these documents' rows in every raw table, all in one transaction.

    Rows are gathered per raw table and written with one insert each, so a
    batch costs about as much as a single document. If anything fails nothing
    of the batch is kept (load the documents one by one to find the culprit).
    Returns the number of table cells written per document, in order.
    """
    rows: dict[str, list[tuple[Any, ...]]] = {table: [] for table in DOCUMENT_TABLES}
    cells: list[int] = []
    for record in records:
        rows["documents"].append(_document_row(record))
        extraction = record.extraction
        before = len(rows["table_cells"])
        report = record.report
        if record.status != DocumentStatus.WITHDRAWN and extraction and report:
            rows["document_tables"].extend(_table_rows(record.document_id, extraction, report))
        if record.status in STATUSES_WITH_FACTS and extraction is not None and report:
            rows["table_cells"].extend(_cell_rows(record.document_id, extraction, report))
            rows["budget_execution"].extend(_budget_execution_rows(record.document_id, extraction))
            rows["narrative_figures"].extend(_narrative_rows(record.document_id, extraction))
            for table, builder in SECTION_ROWS.items():
                rows[table].extend(builder(record.document_id, extraction))
        if record.status != DocumentStatus.WITHDRAWN and report is not None:
            rows["validation_findings"].extend(_finding_rows(record.document_id, report))
        cells.append(len(rows["table_cells"]) - before)

    # object columns keep Python values as they are (no None → NaN); DuckDB casts
    # the decimal text exactly to DECIMAL when it inserts by name
    frames = {
        f"_fiscal_load_{table}": (
            table,
            pd.DataFrame(rows[table], columns=COLUMNS[table], dtype=object),
        )
        for table in reversed(DOCUMENT_TABLES)  # parents first
        if rows[table]
    }
    frames["_fiscal_load_ids"] = (
        "",
        pd.DataFrame({"document_id": [r.document_id for r in records]}),
    )
    for name, (_, frame) in frames.items():
        connection.register(name, frame)
    try:
        connection.execute("BEGIN TRANSACTION")
        try:
            for table in DOCUMENT_TABLES:
                connection.execute(
                    f"DELETE FROM raw.{table} "
                    "WHERE document_id IN (SELECT document_id FROM _fiscal_load_ids)"
                )
            for name, (table, _) in frames.items():
                if table:
                    connection.execute(f"INSERT INTO raw.{table} BY NAME SELECT * FROM {name}")
            connection.execute("COMMIT")
        except BaseException:
            connection.execute("ROLLBACK")
            raise
    finally:
        for name in frames:  # views can be dropped only outside a failed transaction
            connection.unregister(name)
    return cells


# -- the rows of one document, per raw table ---------------------------------------

#: the columns each row builder fills, in its tuple order: the SQL's own order
COLUMNS: dict[str, tuple[str, ...]] = {table: column_names(table) for table in DOCUMENT_TABLES}


def _document_row(record: DocumentRecord) -> tuple[Any, ...]:
    extraction = record.extraction
    meta = record.metadata

    def pick(name: str) -> Any:
        if extraction is not None:
            return getattr(extraction, name)
        return meta.get(name)

    return (
        record.document_id,
        record.sha256,
        record.source_file,
        pick("page_count"),
        pick("department_name"),
        pick("region"),
        pick("fiscal_year"),
        pick("document_kind"),
        pick("reporting_scope"),
        pick("source_unit"),
        DocumentStatus(record.status).value,
        record.status_reason,
        record.extractor_version,
        record.extraction_seconds,
        record.ingested_at,
    )


def _table_rows(
    document_id: str, extraction: DocumentExtraction, report: ValidationReport
) -> list[tuple[Any, ...]]:
    """One row per table of the document's set: found (loaded, empty, withheld) or not."""
    specs = BUDGET_SPEC_BY_CODE if extraction.document_kind == "budget" else SPEC_BY_CODE
    rows = []
    for code, verdict in sorted(report.tables.items()):
        table = extraction.tables.get(code)
        spec = specs.get(code)
        standard = spec.canonical_title if spec else code
        if table is None:
            page_list: list[int] = []
            found: tuple[Any, ...] = (None, None, None, False, None, 0)
        else:
            page_list = table.pages or sorted({row.page for row in table.rows})
            found = (
                table.title,
                table.printed_number,
                table.unit,
                table.is_empty,
                table.note,
                len(table.rows),
            )
        title, printed, unit, is_empty, note, row_count = found
        rows.append(
            (
                document_id,
                code,
                standard,
                title,
                printed,
                unit,
                ",".join(str(page) for page in page_list) or None,
                min(page_list, default=None),
                max(page_list, default=None),
                is_empty,
                note,
                row_count,
                verdict.status.value,
                verdict.reason,
                verdict.identities_checked,
                verdict.identities_broken,
            )
        )
    return rows


def _cell_rows(
    document_id: str, extraction: DocumentExtraction, report: ValidationReport
) -> list[tuple[Any, ...]]:
    """The amounts of the tables the report loads; a withheld table gives none."""
    rows = []
    for code in sorted(extraction.tables):
        if not report.loads(code):
            continue
        table = extraction.tables[code]
        labels = {column.key: column.label for column in table.columns}
        for row_seq, row in enumerate(table.rows, start=1):
            for column_key, amount in row.values.items():
                rows.append(
                    (
                        document_id,
                        table.table_code,
                        row_seq,
                        row.row_key,
                        row.row_label,
                        row.side,
                        row.line_no,
                        column_key,
                        labels.get(column_key, column_key),
                        _decimal_text(amount),
                        row.page,
                    )
                )
    return rows


def _budget_execution_rows(
    document_id: str, extraction: DocumentExtraction
) -> list[tuple[Any, ...]]:
    return [
        (
            document_id,
            item.function_code,
            item.function_label,
            _decimal_text(item.initial_budget_yuan),
            _decimal_text(item.final_yuan),
            _optional_decimal_text(item.completion_rate),
            item.explanation,
            item.page,
        )
        for item in extraction.budget_execution
    ]


def _narrative_rows(document_id: str, extraction: DocumentExtraction) -> list[tuple[Any, ...]]:
    return [
        (document_id, item.figure_key, _decimal_text(item.amount_yuan), item.page, item.sentence)
        for item in extraction.narrative_figures
    ]


def _operating_cost_rows(document_id: str, extraction: DocumentExtraction) -> list[tuple[Any, ...]]:
    return [
        (
            document_id,
            _decimal_text(item.amount_yuan),
            _optional_decimal_text(item.initial_budget_yuan),
            _optional_decimal_text(item.change_yuan),
            _optional_decimal_text(item.change_rate),
            item.change_base,
            item.explanation,
            item.page,
            item.sentence,
        )
        for item in extraction.operating_cost
    ]


def _procurement_rows(document_id: str, extraction: DocumentExtraction) -> list[tuple[Any, ...]]:
    return [
        (
            document_id,
            item.category,
            _optional_decimal_text(item.amount_yuan),
            _optional_decimal_text(item.share_percent),
            item.page,
            item.sentence,
        )
        for item in extraction.procurement
    ]


def _state_asset_rows(document_id: str, extraction: DocumentExtraction) -> list[tuple[Any, ...]]:
    return [
        (
            document_id,
            item.asset_item,
            _optional_decimal_text(item.quantity),
            item.unit,
            _optional_decimal_text(item.value_yuan),
            item.page,
            item.sentence,
        )
        for item in extraction.state_assets
    ]


def _performance_rows(document_id: str, extraction: DocumentExtraction) -> list[tuple[Any, ...]]:
    return [
        (
            document_id,
            seq,
            item.evaluation_kind,
            item.subject,
            item.indicator,
            item.indicator_level1,
            item.indicator_level2,
            _optional_decimal_text(item.budget_yuan),
            _optional_decimal_text(item.initial_budget_yuan),
            _optional_decimal_text(item.actual_yuan),
            _optional_decimal_text(item.execution_rate),
            _optional_decimal_text(item.score),
            _optional_decimal_text(item.max_score),
            _optional_decimal_text(item.funds_score),
            item.target,
            item.achieved,
            item.deviation_reason,
            item.source,
            item.page,
            item.sentence,
        )
        for seq, item in enumerate(extraction.performance)
    ]


#: the raw tables of the Part 3 sections and Part 6 forms, with their row builders
SECTION_ROWS = {
    "operating_costs": _operating_cost_rows,
    "procurement": _procurement_rows,
    "state_assets": _state_asset_rows,
    "performance_evaluations": _performance_rows,
}


def _finding_rows(document_id: str, report: ValidationReport) -> list[tuple[Any, ...]]:
    return [
        (
            document_id,
            finding.rule_id,
            finding.location,
            finding.severity,
            finding.table_code,
            _optional_decimal_text(finding.expected_yuan),
            _optional_decimal_text(finding.actual_yuan),
            _optional_decimal_text(finding.difference_yuan),
            finding.message,
            finding.message_zh,
        )
        for finding in report.findings
    ]


def _decimal_text(amount: Decimal) -> str:
    """Exact text of a Decimal, never in exponent notation ('1E+4' → '10000')."""
    if not isinstance(amount, Decimal):
        amount = Decimal(str(amount))
    return format(amount, "f")


def _optional_decimal_text(amount: Decimal | None) -> str | None:
    return None if amount is None else _decimal_text(amount)

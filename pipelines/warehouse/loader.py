"""Write documents into the raw tables of a DuckDB file (the schema in raw_schema.sql).

All of one document's rows are written in one transaction, after deleting
whatever that document had before, so loading a document twice gives the same
rows. Amounts go in as exact decimal text and are cast to ``DECIMAL(20, 2)``
by DuckDB: no value ever passes through a float.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd

from pipelines.extraction.model import DocumentExtraction
from pipelines.validation.findings import Rule, ValidationReport

RAW_SCHEMA_SQL = Path(__file__).with_name("raw_schema.sql")

#: every raw table that holds rows of a document, child tables first
DOCUMENT_TABLES = (
    "validation_findings",
    "narrative_figures",
    "budget_execution",
    "table_cells",
    "document_tables",
    "documents",
)

STATUS_LOADED = "loaded"
STATUS_QUARANTINED = "quarantined"
STATUS_WITHDRAWN = "withdrawn"


@dataclass
class DocumentRecord:
    """Everything the raw tables hold about one document."""

    document_id: str
    sha256: str
    source_file: str
    status: str  # loaded / quarantined / withdrawn
    status_reason: str | None
    extractor_version: str
    ingested_at: dt.datetime
    extraction_seconds: float | None = None
    extraction: DocumentExtraction | None = None  # its tables are loaded only when 'loaded'
    report: ValidationReport | None = None  # findings are loaded for loaded and quarantined
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
    connection.execute("BEGIN TRANSACTION")
    try:
        for table in DOCUMENT_TABLES:
            connection.execute(
                f"DELETE FROM raw.{table} WHERE document_id = ?", [record.document_id]
            )
        _insert_document_row(connection, record)
        cells = 0
        extraction = record.extraction
        if record.status == STATUS_LOADED and extraction is not None:
            _insert_tables(connection, record.document_id, extraction)
            cells = _insert_cells(connection, record.document_id, extraction)
            _insert_budget_execution(connection, record.document_id, extraction)
            _insert_narrative_figures(connection, record.document_id, extraction)
        if record.status != STATUS_WITHDRAWN and record.report is not None:
            _insert_findings(connection, record.document_id, record.report)
        connection.execute("COMMIT")
    except BaseException:
        connection.execute("ROLLBACK")
        raise
    return cells


# -- one insert per raw table ---------------------------------------------------


def _insert_document_row(connection: duckdb.DuckDBPyConnection, record: DocumentRecord) -> None:
    extraction = record.extraction
    meta = record.metadata

    def pick(name: str) -> Any:
        if extraction is not None:
            return getattr(extraction, name)
        return meta.get(name)

    connection.execute(
        """
        INSERT INTO raw.documents (
            document_id, sha256, source_file, page_count, department_name, region,
            fiscal_year, document_kind, reporting_scope, source_unit, status,
            status_reason, extractor_version, extraction_seconds, ingested_at
        ) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """,
        [
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
            record.status,
            record.status_reason,
            record.extractor_version,
            record.extraction_seconds,
            record.ingested_at,
        ],
    )


def _insert_tables(
    connection: duckdb.DuckDBPyConnection, document_id: str, extraction: DocumentExtraction
) -> None:
    rows = []
    for code in sorted(extraction.tables):
        table = extraction.tables[code]
        pages = table.pages or sorted({row.page for row in table.rows}) or [0]
        rows.append(
            (
                document_id,
                table.table_code,
                table.title,
                table.printed_number,
                table.unit,
                min(pages),
                max(pages),
                table.is_empty,
                table.note,
                len(table.rows),
            )
        )
    if rows:
        connection.executemany(
            "INSERT INTO raw.document_tables VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows
        )


def _insert_cells(
    connection: duckdb.DuckDBPyConnection, document_id: str, extraction: DocumentExtraction
) -> int:
    records = []
    for code in sorted(extraction.tables):
        table = extraction.tables[code]
        labels = {column.key: column.label for column in table.columns}
        for row_seq, row in enumerate(table.rows, start=1):
            for column_key, amount in row.values.items():
                records.append(
                    (
                        document_id,
                        table.table_code,
                        str(row_seq),
                        row.row_key,
                        row.row_label,
                        row.side,
                        None if row.line_no is None else str(row.line_no),
                        column_key,
                        labels.get(column_key, column_key),
                        _decimal_text(amount),
                        str(row.page),
                    )
                )
    if not records:
        return 0
    frame = pd.DataFrame.from_records(
        records,
        columns=[
            "document_id",
            "table_code",
            "row_seq",
            "row_key",
            "row_label",
            "side",
            "line_no",
            "column_key",
            "column_label",
            "amount_text",
            "source_page",
        ],
        coerce_float=False,
    ).astype(object)
    _insert_frame(
        connection,
        frame,
        """
        INSERT INTO raw.table_cells
        SELECT document_id, table_code, CAST(row_seq AS INTEGER), row_key, row_label, side,
               CAST(line_no AS INTEGER), column_key, column_label,
               CAST(amount_text AS DECIMAL(20, 2)), CAST(source_page AS INTEGER)
        FROM {frame}
        """,
    )
    return len(records)


def _insert_budget_execution(
    connection: duckdb.DuckDBPyConnection, document_id: str, extraction: DocumentExtraction
) -> None:
    rows = [
        (
            document_id,
            item.function_code,
            item.function_label,
            _decimal_text(item.initial_budget_yuan),
            _decimal_text(item.final_yuan),
            None if item.completion_rate is None else _decimal_text(item.completion_rate),
            item.explanation,
            item.page,
        )
        for item in extraction.budget_execution
    ]
    if rows:
        connection.executemany(
            """
            INSERT INTO raw.budget_execution VALUES (
                ?, ?, ?, CAST(? AS DECIMAL(20, 2)), CAST(? AS DECIMAL(20, 2)),
                CAST(? AS DECIMAL(9, 2)), ?, ?)
            """,
            rows,
        )


def _insert_narrative_figures(
    connection: duckdb.DuckDBPyConnection, document_id: str, extraction: DocumentExtraction
) -> None:
    rows = [
        (document_id, item.figure_key, _decimal_text(item.amount_yuan), item.page, item.sentence)
        for item in extraction.narrative_figures
    ]
    if rows:
        connection.executemany(
            "INSERT INTO raw.narrative_figures VALUES (?, ?, CAST(? AS DECIMAL(20, 2)), ?, ?)",
            rows,
        )


def _insert_findings(
    connection: duckdb.DuckDBPyConnection, document_id: str, report: ValidationReport
) -> None:
    rows = [
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
        )
        for finding in report.findings
    ]
    if rows:
        connection.executemany(
            """
            INSERT INTO raw.validation_findings VALUES (
                ?, ?, ?, ?, ?, CAST(? AS DECIMAL(20, 2)), CAST(? AS DECIMAL(20, 2)),
                CAST(? AS DECIMAL(20, 2)), ?)
            """,
            rows,
        )


def _insert_frame(connection: duckdb.DuckDBPyConnection, frame: pd.DataFrame, sql: str) -> None:
    name = "_fiscal_load_frame"
    connection.register(name, frame)
    try:
        connection.execute(sql.format(frame=name))
    finally:
        connection.unregister(name)


def _decimal_text(amount: Decimal) -> str:
    """Exact text of a Decimal, never in exponent notation ('1E+4' → '10000')."""
    if not isinstance(amount, Decimal):
        amount = Decimal(str(amount))
    return format(amount, "f")


def _optional_decimal_text(amount: Decimal | None) -> str | None:
    return None if amount is None else _decimal_text(amount)

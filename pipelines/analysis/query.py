"""``fiscal query``: one SQL statement on the warehouse, read-only, as a table or CSV."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

from pipelines.analysis.text import cell, format_table
from pipelines.analysis.warehouse import connect

#: more rows than this are cut from the pretty table (CSV is never cut)
MAX_TABLE_ROWS = 1000


def run_query(warehouse: Path, sql: str) -> tuple[list[str], list[tuple[Any, ...]]]:
    """The column names and rows of ``sql`` on a read-only connection to ``warehouse``."""
    connection = connect(warehouse)
    try:
        cursor = connection.execute(sql)
        if cursor.description is None:
            return [], []
        return [column[0] for column in cursor.description], cursor.fetchall()
    finally:
        connection.close()


def as_csv(columns: list[str], rows: list[tuple[Any, ...]]) -> str:
    """CSV with a header; Decimal amounts exact, NULL as an empty field."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(columns)
    writer.writerows([[cell(value) for value in row] for row in rows])
    return buffer.getvalue()


def as_table(columns: list[str], rows: list[tuple[Any, ...]]) -> str:
    """A plain-text table, with the row count (and a note if it was cut)."""
    shown = rows[:MAX_TABLE_ROWS]
    text = format_table(columns, shown)
    count = f"({len(rows)} row{'s' if len(rows) != 1 else ''}"
    if len(rows) > len(shown):
        count += f", the first {len(shown)} shown; use --csv for all"
    return f"{text}\n{count})\n"

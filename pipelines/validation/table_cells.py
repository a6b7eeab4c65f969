"""What the checks read of an extracted table: its cells as amounts, its columns, its coded rows.

A check whose table is absent or declared empty (``is_empty``) is skipped
without a finding (:func:`is_usable`). A check on a column the table does not
print at all (a budget 09 without 决算数, a single-amount budget 05) is skipped
too (:func:`prints_column`): an absent column is not a column of zeros.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import TypeGuard

from pipelines.extraction.model import ExtractedTable, TableRow

from .evaluation import ZERO


def is_usable(table: ExtractedTable | None) -> TypeGuard[ExtractedTable]:
    """A table the checks read: present, not declared empty, with rows."""
    return table is not None and not table.is_empty and bool(table.rows)


def cell_amount(row: TableRow | None, column: str) -> Decimal | None:
    """A cell's amount: a blank (absent) cell is zero; a non-Decimal is unusable (None)."""
    if row is None:
        return ZERO
    value = row.values.get(column)
    if value is None:
        return ZERO
    if isinstance(value, Decimal):
        return value if value.is_finite() else None
    if isinstance(value, int) and not isinstance(value, bool):
        return Decimal(value)
    return None


def amount_columns(table: ExtractedTable) -> list[str]:
    """The table's amount columns: those it declares, else those its rows hold, in order."""
    keys: list[str] = []
    for column in table.columns:
        if column.key not in keys:
            keys.append(column.key)
    if not keys:
        for row in table.rows:
            for key in row.values:
                if key not in keys:
                    keys.append(key)
    return keys


def column_name(table: ExtractedTable, column: str) -> str:
    """A column as messages name it: its key, and its printed label where it has one."""
    label = table.column_label(column)
    return column if label == column else f"{column} ({label})"


_CODE_RE = re.compile(r"^\d{3}(\d{2}){0,2}$")


def code_rows(table: ExtractedTable) -> dict[str, TableRow]:
    """The rows keyed by a 3, 5 or 7 digit code, by code (the first printed of each)."""
    rows: dict[str, TableRow] = {}
    for row in table.rows:
        if _CODE_RE.match(row.row_key) and row.row_key not in rows:
            rows[row.row_key] = row
    return rows


def prints_column(table: ExtractedTable, column: str) -> bool:
    """Whether the table prints the column at all (declared, or present in a row)."""
    return any(c.key == column for c in table.columns) or any(
        column in r.values for r in table.rows
    )


def row_name(row: TableRow) -> str:
    """A row as messages name it: its printed label, else its key."""
    return row.row_label or row.row_key

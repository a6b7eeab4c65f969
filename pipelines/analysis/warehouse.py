"""Read-only access to the published warehouse."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import duckdb

ANALYTICS_SCHEMA = "analytics"


def connect(warehouse: Path) -> duckdb.DuckDBPyConnection:
    """A read-only connection that cannot reach files either.

    ``read_only`` alone still lets SQL read or write other files (``COPY …
    TO``, ``read_csv``); a person typing SQL into ``fiscal query`` should only
    ever read the warehouse.
    """
    return duckdb.connect(str(warehouse), read_only=True, config={"enable_external_access": False})


def records(
    connection: duckdb.DuckDBPyConnection, sql: str, parameters: Sequence[Any] = ()
) -> list[dict[str, Any]]:
    """The rows of a query as dicts keyed by column name."""
    cursor = connection.execute(sql, list(parameters))
    names = [column[0] for column in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def has_analytics(connection: duckdb.DuckDBPyConnection) -> bool:
    """Whether the warehouse was built with the analytics schema (older builds were not)."""
    found = connection.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_schema = ?",
        [ANALYTICS_SCHEMA],
    ).fetchone()
    return bool(found and found[0])

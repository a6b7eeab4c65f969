"""The raw tables and their columns, read from ``raw_schema.sql``: their one definition.

The loader's row tuples, the Dagster raw-table assets and the dbt sources all
take their table and column names from here (the dbt sources YAML is checked
against it by a test), so adding a column means editing the SQL and the row
builder that fills it, nothing else.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path

RAW_SCHEMA_SQL = Path(__file__).with_name("raw_schema.sql")

#: ``-- comment`` lines, then ``CREATE TABLE IF NOT EXISTS raw.<name> ( … );``
_TABLE = re.compile(
    r"((?:^--[^\n]*\n)*)^CREATE TABLE IF NOT EXISTS raw\.(\w+) \((.*?)^\);",
    re.MULTILINE | re.DOTALL,
)
#: lines inside a table that are constraints, not columns
_CONSTRAINT = re.compile(r"^(PRIMARY KEY|UNIQUE|CHECK|FOREIGN KEY)\b")


@dataclass(frozen=True)
class RawColumn:
    name: str
    sql_type: str  # 'VARCHAR', 'DECIMAL(20, 2)' …
    not_null: bool


@dataclass(frozen=True)
class RawTable:
    name: str
    description: str  # the comment above its CREATE TABLE
    columns: tuple[RawColumn, ...]

    @property
    def column_names(self) -> tuple[str, ...]:
        return tuple(column.name for column in self.columns)


@functools.cache
def raw_tables() -> dict[str, RawTable]:
    """Every raw table, in the order ``raw_schema.sql`` creates them."""
    return parse_raw_schema(RAW_SCHEMA_SQL.read_text(encoding="utf-8"))


def parse_raw_schema(sql: str) -> dict[str, RawTable]:
    tables = {}
    for comment, name, body in _TABLE.findall(sql):
        description = " ".join(line.lstrip("-").strip() for line in comment.splitlines())
        tables[name] = RawTable(name, description.strip(), tuple(_columns(body)))
    if not tables:
        raise ValueError("raw_schema.sql defines no raw table")
    return tables


def _columns(body: str) -> list[RawColumn]:
    columns = []
    for line in body.splitlines():
        definition = line.split("--", 1)[0].strip().rstrip(",")
        if not definition or _CONSTRAINT.match(definition):
            continue
        name, rest = definition.split(None, 1)
        sql_type = re.split(r"\s+(?:NOT NULL|PRIMARY KEY|DEFAULT|NULL)\b", rest, maxsplit=1)[0]
        not_null = "NOT NULL" in rest or "PRIMARY KEY" in rest
        columns.append(RawColumn(name, sql_type.strip(), not_null))
    return columns


def column_names(table: str) -> tuple[str, ...]:
    """The columns of ``raw.<table>``, in their order in the SQL."""
    return raw_tables()[table].column_names

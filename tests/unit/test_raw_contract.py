"""The raw contract: raw_schema.sql is the one definition, everything else agrees with it."""

from __future__ import annotations

import duckdb
import yaml

from pipelines.orchestration.assets import RAW_TABLES
from pipelines.runs.state import LEDGER_FIELDS
from pipelines.settings import DBT_PROJECT_DIR
from pipelines.warehouse.export import CELL_COLUMNS
from pipelines.warehouse.loader import COLUMNS, DOCUMENT_TABLES
from pipelines.warehouse.raw_contract import RAW_SCHEMA_SQL, parse_raw_schema, raw_tables

SOURCES_YAML = DBT_PROJECT_DIR / "models" / "staging" / "raw" / "_raw__sources.yml"


def test_the_parsed_contract_is_what_duckdb_creates() -> None:
    connection = duckdb.connect()
    connection.execute(RAW_SCHEMA_SQL.read_text(encoding="utf-8"))
    created: dict[str, list[tuple[str, str, bool]]] = {}
    for table, column, data_type, nullable in connection.execute(
        "SELECT table_name, column_name, data_type, is_nullable FROM information_schema.columns "
        "WHERE table_schema = 'raw' ORDER BY table_name, ordinal_position"
    ).fetchall():
        created.setdefault(table, []).append((column, data_type, nullable == "NO"))
    contract = raw_tables()
    assert set(created) == set(contract)
    for name, table in contract.items():
        expected = [(c.name, c.sql_type.replace(" ", ""), c.not_null) for c in table.columns]
        assert [(n, t.replace(" ", ""), nn) for n, t, nn in created[name]] == expected, name
    assert contract["table_cells"].columns[-2].sql_type == "DECIMAL(20, 2)"


def test_a_table_is_described_by_the_comment_above_it() -> None:
    tables = parse_raw_schema(
        "-- Cells of a table,\n-- one row each.\n"
        "CREATE TABLE IF NOT EXISTS raw.cells (\n"
        "    document_id VARCHAR NOT NULL,  -- the document\n"
        "    amount_yuan DECIMAL(20, 2),\n"
        "    PRIMARY KEY (document_id)\n);\n"
    )
    [cells] = tables.values()
    assert cells.description == "Cells of a table, one row each."
    assert cells.column_names == ("document_id", "amount_yuan")
    assert [c.not_null for c in cells.columns] == [True, False]


def test_the_dbt_sources_name_the_raw_tables_and_only_their_columns() -> None:
    [source] = yaml.safe_load(SOURCES_YAML.read_text(encoding="utf-8"))["sources"]
    documented = {table["name"]: table.get("columns", []) for table in source["tables"]}
    assert set(documented) == set(raw_tables())
    for name, columns in documented.items():
        assert {c["name"] for c in columns} <= set(raw_tables()[name].column_names), name


def test_every_list_of_raw_columns_follows_the_sql() -> None:
    contract = raw_tables()
    assert set(RAW_TABLES) == set(contract)
    assert all(RAW_TABLES[name] for name in contract)  # every asset has a description
    assert DOCUMENT_TABLES[-1] == "documents"  # parents deleted last, inserted first
    assert "validation_rules" not in DOCUMENT_TABLES  # the catalogue is not per document
    for table in DOCUMENT_TABLES:
        assert COLUMNS[table] == contract[table].column_names
    assert set(LEDGER_FIELDS) <= set(contract["documents"].column_names)
    # `fiscal extract` writes the cells the warehouse holds, with the table's title and unit
    assert set(contract["table_cells"].column_names) <= set(CELL_COLUMNS)

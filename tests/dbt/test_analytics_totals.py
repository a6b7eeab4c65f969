"""The analytics tables add up to what the documents print, and the dbt test that guards
it fails when a table double counts."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import duckdb

from tests.support.paths import PROJECT_ROOT

DBT_PROJECT = PROJECT_ROOT / "dbt_project"


def printed_totals(connection: duckdb.DuckDBPyConnection, table_code: str) -> dict[str, object]:
    """document_id → the 合计 row's total as the raw cells hold it (what the page prints)."""
    return dict(
        connection.execute(
            "SELECT document_id, amount_yuan FROM raw.table_cells "
            "WHERE table_code = ? AND row_key = 'total' AND column_key = 'total'",
            [table_code],
        ).fetchall()
    )


def test_every_final_account_and_budget_adds_up_to_its_printed_total(
    sample_warehouse: Path,
) -> None:
    connection = duckdb.connect(str(sample_warehouse), read_only=True)
    try:
        printed = printed_totals(connection, "03")
        for table in ("final_spending_by_function", "budget_by_function"):
            sums = dict(
                connection.execute(
                    f"SELECT document_id, sum(total_yuan) FROM analytics.{table} GROUP BY 1"
                ).fetchall()
            )
            assert len(sums) == 13  # one document per department-year, every one of them
            assert sums == {document_id: printed[document_id] for document_id in sums}
        compared = connection.execute(
            "SELECT final_document_id, sum(final_yuan), budget_document_id, sum(budget_yuan) "
            "FROM analytics.budget_vs_final_by_function GROUP BY 1, 3"
        ).fetchall()
        assert len(compared) == 13
        for final_id, final_sum, budget_id, budget_sum in compared:
            assert (final_sum, budget_sum) == (printed[final_id], printed[budget_id])
        three_public = dict(
            connection.execute(
                "SELECT document_id, amount_yuan FROM raw.table_cells "
                "WHERE table_code = '09' AND row_key = 'total' AND column_key = 'actual'"
            ).fetchall()
        )
        for document_id, actual in connection.execute(
            "SELECT final_document_id, actual_total_yuan FROM analytics.three_public_costs_by_year"
        ).fetchall():
            assert actual == three_public[document_id]
    finally:
        connection.close()


def test_the_printed_total_test_fails_when_a_table_double_counts(
    sample_warehouse: Path,
    tmp_path: Path,
) -> None:
    warehouse = tmp_path / sample_warehouse.name  # the catalog is named after the file
    shutil.copyfile(sample_warehouse, warehouse)
    with duckdb.connect(str(warehouse)) as connection:
        # the largest leaf row of the seed document, added a second time under another code
        connection.execute(
            "INSERT INTO analytics.final_spending_by_function "
            "SELECT * REPLACE ('2069998' AS function_code) "
            "FROM analytics.final_spending_by_function "
            "WHERE document_id = (SELECT document_id FROM marts.dim_document "
            "                     WHERE source_file = 'wuhan-kjj-2023-final.pdf') "
            "ORDER BY total_yuan DESC LIMIT 1"
        )
    dbt = Path(sys.executable).with_name("dbt")
    completed = subprocess.run(
        [
            str(dbt if dbt.exists() else "dbt"),
            "test",
            "--select",
            "test_name:matches_printed_total,final_spending_by_function",
            "--project-dir",
            str(DBT_PROJECT),
            "--profiles-dir",
            str(DBT_PROJECT),
            "--target-path",
            str(tmp_path / "target"),
            "--log-path",
            str(tmp_path / "logs"),
        ],
        cwd=tmp_path,
        env={**os.environ, "FISCAL_WAREHOUSE": str(warehouse)},
        capture_output=True,
        text=True,
        timeout=600,
    )
    results = json.loads((tmp_path / "target" / "run_results.json").read_text())["results"]
    (result,) = [r for r in results if "matches_printed_total" in r["unique_id"]]
    assert completed.returncode == 1
    assert result["status"] == "fail" and result["failures"] == 1, completed.stdout[-3000:]

"""The dbt project against a small synthetic raw layer.

One temporary DuckDB file gets the raw schema (pipelines/warehouse/raw_schema.sql)
and a handful of hand-written raw rows: two final accounts of one department
printed under two name variants (2022, 2023), a quarantined and a withdrawn
document, tables 01–06 and 09 with subtotal rows, narrative sentences and
validation findings. Then `dbt build` runs (models, seeds, data tests and unit
tests) and the marts are checked value by value.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import duckdb
import pytest

REPO_ROOT = Path(__file__).resolve().parents[1]
DBT_PROJECT_DIR = REPO_ROOT / "dbt_project"
RAW_SCHEMA_SQL = REPO_ROOT / "pipelines" / "warehouse" / "raw_schema.sql"

DOC_2022 = "doc_2022aaaaaaaaaaaa"
DOC_2023 = "doc_2023bbbbbbbbbbbb"
DOC_QUARANTINED = "doc_quarantinedcccc"
DOC_WITHDRAWN = "doc_withdrawndddddd"

WAN = Decimal("10000")  # 1 万元 in yuan


def wan(amount: str) -> Decimal:
    """An amount printed in 万元, in yuan (exact)."""
    return Decimal(amount) * WAN


@dataclass
class Row:
    """One printed table row: its key, label, page and its cells by column key."""

    key: str
    label: str
    page: int
    values: dict[str, Decimal]
    side: str | None = None
    line_no: int | None = None


def cells(document_id: str, table_code: str, rows: list[Row]) -> list[tuple]:
    """Flatten rows into raw.table_cells tuples (one per cell)."""
    out = []
    for seq, row in enumerate(rows, start=1):
        for column_key, amount in row.values.items():
            out.append(
                (
                    document_id,
                    table_code,
                    seq,
                    row.key,
                    row.label,
                    row.side,
                    row.line_no,
                    column_key,
                    column_key,
                    amount,
                    row.page,
                )
            )
    return out


def function_row(code: str, label: str, page: int, **values: str) -> Row:
    return Row(code, label, page, {k: wan(v) for k, v in values.items()})


def expenditure_03(total: str, basic: str, project: str) -> dict[str, str]:
    return {
        "total": total,
        "basic": basic,
        "project": project,
        "remit_to_higher": "0",
        "business": "0",
        "subsidy_to_affiliates": "0",
    }


def raw_rows() -> dict[str, list[tuple]]:
    """The synthetic raw layer, table by table."""
    documents = [
        # document_id, sha256, source_file, page_count, department_name, region,
        # fiscal_year, kind, scope, unit, status, status_reason, extractor_version,
        # extraction_seconds, ingested_at
        (
            DOC_2022,
            "2022" + "a" * 60,
            "jiangsu/2022.pdf",
            20,
            "中共江苏省委办公厅",
            "江苏省",
            2022,
            "final_account",
            "department",
            "万元",
            "loaded",
            None,
            "1",
            1.5,
            "2024-01-01 10:00:00",
        ),
        (
            DOC_2023,
            "2023" + "b" * 60,
            "jiangsu/2023.pdf",
            22,
            "部门：江苏省委 办公厅",
            None,
            2023,
            "final_account",
            "department",
            "万元",
            "loaded",
            None,
            "1",
            2.0,
            "2024-07-01 10:00:00",
        ),
        (
            DOC_QUARANTINED,
            "q" * 64,
            "jiangsu/broken.pdf",
            3,
            "江苏省委办公厅",
            "江苏省",
            2023,
            "final_account",
            "department",
            "万元",
            "quarantined",
            "table 03 could not be read",
            "1",
            0.5,
            "2024-07-02 10:00:00",
        ),
        (
            DOC_WITHDRAWN,
            "w" * 64,
            "wuhan/old.pdf",
            30,
            "武汉市科学技术局",
            "武汉市",
            2021,
            "final_account",
            "department",
            "万元",
            "withdrawn",
            "file removed",
            "1",
            3.0,
            "2023-07-01 10:00:00",
        ),
    ]

    document_tables = [
        (DOC_2022, "03", "支出决算表", "公开03表", "万元", 6, 6, False, "", 4),
        (DOC_2022, "05", "一般公共预算财政拨款支出决算表", "公开05表", "万元", 8, 8, False, "", 4),
        (DOC_2023, "01", "收入支出决算总表", "公开01表", "万元", 4, 4, False, "", 4),
        (DOC_2023, "02", "收入决算表", "公开02表", "万元", 5, 5, False, "", 6),
        (DOC_2023, "03", "支出决算表", "公开03表", "万元", 6, 7, False, "", 8),
        (DOC_2023, "04", "财政拨款收入支出决算总表", "公开04表", "万元", 8, 8, False, "", 4),
        (DOC_2023, "05", "一般公共预算财政拨款支出决算表", "公开05表", "万元", 9, 9, False, "", 5),
        (
            DOC_2023,
            "06",
            "一般公共预算财政拨款基本支出决算明细表",
            "公开06表",
            "万元",
            10,
            10,
            False,
            "",
            8,
        ),
        (
            DOC_2023,
            "07",
            "政府性基金预算财政拨款收入支出决算表",
            "公开07表",
            "万元",
            11,
            11,
            True,
            "本单位无政府性基金预算财政拨款收入支出",
            0,
        ),
        (DOC_2023, "09", "财政拨款“三公”经费支出决算表", "公开09表", "万元", 12, 12, False, "", 6),
        (DOC_QUARANTINED, "03", "支出决算表", None, "万元", 2, 2, False, "", 2),
    ]

    table_cells: list[tuple] = []

    # -- 2022: tables 03 and 05; 20601 was then printed as 科技管理事务; 2060199 only then.
    table_cells += cells(
        DOC_2022,
        "03",
        [
            function_row("total", "合计", 6, **expenditure_03("300.00", "200.00", "100.00")),
            function_row("206", "科学技术支出", 6, **expenditure_03("300.00", "200.00", "100.00")),
            function_row(
                "20601", "科技管理事务", 6, **expenditure_03("300.00", "200.00", "100.00")
            ),
            function_row("2060101", "行政运行", 6, **expenditure_03("200.00", "200.00", "0")),
            function_row(
                "2060199", "其他科学技术管理事务支出", 6, **expenditure_03("100.00", "0", "100.00")
            ),
        ],
    )
    table_cells += cells(
        DOC_2022,
        "05",
        [
            function_row("total", "合计", 8, total="200.00", basic="200.00", project="0"),
            function_row("206", "科学技术支出", 8, total="200.00", basic="200.00", project="0"),
            function_row("20601", "科技管理事务", 8, total="200.00", basic="200.00", project="0"),
            function_row("2060101", "行政运行", 8, total="200.00", basic="200.00", project="0"),
        ],
    )

    # -- 2023, table 01: the two-sided statement.
    table_cells += cells(
        DOC_2023,
        "01",
        [
            Row(
                "一、一般公共预算财政拨款收入",
                "一、一般公共预算财政拨款收入",
                4,
                {"amount": wan("1200.50")},
                side="income",
                line_no=1,
            ),
            Row(
                "本年收入合计",
                "本年收入合计",
                4,
                {"amount": wan("1250.50")},
                side="income",
                line_no=7,
            ),
            Row(
                "一、科学技术支出",
                "一、科学技术支出",
                4,
                {"amount": wan("1000.50")},
                side="expenditure",
                line_no=31,
            ),
            Row(
                "本年支出合计",
                "本年支出合计",
                4,
                {"amount": wan("1250.50")},
                side="expenditure",
                line_no=38,
            ),
        ],
    )

    # -- 2023, table 02: income by function.
    def income(total: str, fiscal: str, other: str) -> dict[str, str]:
        return {
            "total": total,
            "fiscal_appropriation": fiscal,
            "superior_subsidy": "0",
            "business_income": "0",
            "operating_income": "0",
            "affiliated_remittance": "0",
            "other_income": other,
        }

    table_cells += cells(
        DOC_2023,
        "02",
        [
            function_row("total", "合计", 5, **income("1250.50", "1200.50", "50.00")),
            function_row("206", "科学技术支出", 5, **income("1000.50", "950.50", "50.00")),
            function_row("20601", "科学技术管理事务", 5, **income("800.50", "750.50", "50.00")),
            function_row("2060101", "行政运行", 5, **income("800.50", "750.50", "50.00")),
            function_row("20602", "基础研究", 5, **income("200.00", "200.00", "0")),
            function_row("208", "社会保障和就业支出", 5, **income("250.00", "250.00", "0")),
        ],
    )

    # -- 2023, table 03: expenditure by function, a page break inside.
    table_cells += cells(
        DOC_2023,
        "03",
        [
            function_row("total", "合计", 6, **expenditure_03("1250.50", "1050.50", "200.00")),
            function_row("206", "科学技术支出", 6, **expenditure_03("1000.50", "800.50", "200.00")),
            function_row("20601", "科学技术管理事务", 6, **expenditure_03("800.50", "800.50", "0")),
            function_row("2060101", "行政运行", 6, **expenditure_03("800.50", "800.50", "0")),
            function_row("20602", "基础研究", 6, **expenditure_03("200.00", "0", "200.00")),
            function_row("208", "社会保障和就业支出", 7, **expenditure_03("250.00", "250.00", "0")),
            function_row(
                "20805", "行政事业单位养老支出", 7, **expenditure_03("250.00", "250.00", "0")
            ),
            function_row(
                "2080505",
                "机关事业单位基本养老保险缴费支出",
                7,
                **expenditure_03("250.00", "250.00", "0"),
            ),
        ],
    )

    # -- 2023, table 04: income side one column, expenditure side one per fund.
    table_cells += cells(
        DOC_2023,
        "04",
        [
            Row(
                "一、一般公共预算财政拨款",
                "一、一般公共预算财政拨款",
                8,
                {"amount": wan("1200.50")},
                side="income",
                line_no=1,
            ),
            Row("收入总计", "收入总计", 8, {"amount": wan("1200.50")}, side="income", line_no=5),
            Row(
                "一、科学技术支出",
                "一、科学技术支出",
                8,
                {
                    "total": wan("950.50"),
                    "general_public_budget": wan("950.50"),
                    "government_fund": Decimal("0"),
                    "state_capital": Decimal("0"),
                },
                side="expenditure",
                line_no=31,
            ),
            Row(
                "支出总计",
                "支出总计",
                8,
                {
                    "total": wan("1200.50"),
                    "general_public_budget": wan("1200.50"),
                    "government_fund": Decimal("0"),
                    "state_capital": Decimal("0"),
                },
                side="expenditure",
                line_no=40,
            ),
        ],
    )

    # -- 2023, table 05: general public budget, no remit/business/subsidy columns.
    table_cells += cells(
        DOC_2023,
        "05",
        [
            function_row("total", "合计", 9, total="1200.50", basic="1050.50", project="150.00"),
            function_row(
                "206", "科学技术支出", 9, total="950.50", basic="800.50", project="150.00"
            ),
            function_row(
                "20601", "科学技术管理事务", 9, total="800.50", basic="800.50", project="0"
            ),
            function_row("2060101", "行政运行", 9, total="800.50", basic="800.50", project="0"),
            function_row("20602", "基础研究", 9, total="150.00", basic="0", project="150.00"),
        ],
    )

    # -- 2023, table 06: economic classification, footers 人员经费合计 / 公用经费合计.
    def economic(code: str, label: str, amount: str) -> Row:
        return Row(code, label, 10, {"amount": wan(amount)})

    table_cells += cells(
        DOC_2023,
        "06",
        [
            economic("301", "工资福利支出", "700.00"),
            economic("30101", "基本工资", "500.00"),
            economic("30102", "津贴补贴", "200.00"),
            economic("302", "商品和服务支出", "300.50"),
            economic("30201", "办公费", "300.50"),
            economic("303", "对个人和家庭的补助", "50.00"),
            economic("personnel_total", "人员经费合计", "750.00"),
            economic("public_total", "公用经费合计", "300.50"),
        ],
    )

    # -- 2023, table 09: "三公" costs; vehicles printed 10.00 but the parts sum to 9.00
    # (a break of 1 万元: a warning, never a failed build).
    def three_public(key: str, label: str, budget: str, actual: str) -> Row:
        return Row(key, label, 12, {"budget": wan(budget), "actual": wan(actual)})

    table_cells += cells(
        DOC_2023,
        "09",
        [
            three_public("total", "合计", "15.67", "12.00"),
            three_public("overseas_travel", "因公出国（境）费", "2.00", "1.00"),
            three_public("vehicles", "公务用车购置及运行费", "12.00", "10.00"),
            three_public("vehicle_purchase", "公务用车购置费", "0", "0"),
            three_public("vehicle_operation", "公务用车运行费", "12.00", "9.00"),
            three_public("official_reception", "公务接待费", "1.67", "1.00"),
        ],
    )

    # -- the quarantined document's rows must never reach a fact.
    table_cells += cells(
        DOC_QUARANTINED,
        "03",
        [
            function_row("total", "合计", 2, **expenditure_03("99.00", "99.00", "0")),
            function_row("2069999", "无法识别", 2, **expenditure_03("99.00", "99.00", "0")),
        ],
    )

    budget_execution = [
        (
            DOC_2023,
            "2060101",
            "科学技术支出（类）科学技术管理事务（款）行政运行（项）",
            wan("900.00"),
            wan("800.50"),
            Decimal("88.9"),
            "人员减少",
            14,
        ),
        (
            DOC_2023,
            "2060101",
            "行政运行（项）",
            wan("1.00"),
            wan("2.00"),
            Decimal("200.0"),
            "restated later",
            15,
        ),
        (DOC_2023, None, "某不明科目", wan("5.00"), wan("5.00"), Decimal("100.0"), "", 15),
        (DOC_QUARANTINED, "2069999", "无法识别", wan("1.00"), wan("1.00"), None, "", 2),
    ]

    narrative_figures = [
        (DOC_2023, "total_income_expenditure", wan("1250.50"), 13, "收、支总计1250.50万元"),
    ]

    validation_rules = [
        (
            "T09_VEHICLES_SUM",
            "warning",
            "09",
            "公务用车购置及运行费 = 购置费 + 运行费",
            "Vehicles equal purchase plus operation.",
        ),
        (
            "X01_02_INCOME_TOTAL",
            "error",
            "01,02",
            "01 本年收入合计 = 02 合计",
            "Statement income total equals table 02 total.",
        ),
        (
            "N_NARRATIVE_TOTAL",
            "info",
            None,
            "narrative 收支总计 = 01 总计",
            "The narrative restates the statement total.",
        ),
        ("E_EXTRACTION", "error", "03", "table readable", "The table could be read."),
    ]

    validation_findings = [
        (
            DOC_2023,
            "T09_VEHICLES_SUM",
            "09/vehicles/actual",
            "warning",
            "09",
            wan("9.00"),
            wan("10.00"),
            wan("1.00"),
            "vehicles 10.00 ≠ 0.00 + 9.00",
        ),
        # the validator wrote the same finding twice
        (
            DOC_2023,
            "T09_VEHICLES_SUM",
            "09/vehicles/actual",
            "warning",
            "09",
            wan("9.00"),
            wan("10.00"),
            wan("1.00"),
            "vehicles 10.00 ≠ 0.00 + 9.00",
        ),
        (
            DOC_2023,
            "N_NARRATIVE_TOTAL",
            "narrative p.13",
            "info",
            None,
            None,
            None,
            None,
            "restated",
        ),
        (
            DOC_QUARANTINED,
            "E_EXTRACTION",
            "03",
            "error",
            "03",
            None,
            None,
            None,
            "table 03 could not be read",
        ),
        (DOC_WITHDRAWN, "E_EXTRACTION", "03", "error", "03", None, None, None, "stale"),
    ]

    return {
        "documents": documents,
        "document_tables": document_tables,
        "table_cells": table_cells,
        "budget_execution": budget_execution,
        "narrative_figures": narrative_figures,
        "validation_rules": validation_rules,
        "validation_findings": validation_findings,
    }


def dbt_executable() -> str:
    """The dbt of the interpreter's environment, else the one on PATH."""
    candidate = Path(sys.executable).parent / "dbt"
    if candidate.exists():
        return str(candidate)
    found = shutil.which("dbt")
    if found is None:
        pytest.skip("dbt is not installed")
    return found


@dataclass
class DbtRun:
    warehouse: Path
    returncode: int
    output: str
    results: dict[str, dict]  # unique_id -> result of target/run_results.json


@pytest.fixture(scope="module")
def dbt_run(tmp_path_factory: pytest.TempPathFactory) -> Iterator[DbtRun]:
    tmp = tmp_path_factory.mktemp("dbt_models")
    warehouse = tmp / "fiscal_test.duckdb"
    with duckdb.connect(str(warehouse)) as con:
        con.execute(RAW_SCHEMA_SQL.read_text(encoding="utf-8"))
        for table, rows in raw_rows().items():
            if rows:
                placeholders = ", ".join("?" * len(rows[0]))
                con.executemany(f"insert into raw.{table} values ({placeholders})", rows)

    env = {
        **os.environ,
        "FISCAL_WAREHOUSE": str(warehouse),
        "DBT_SEND_ANONYMOUS_USAGE_STATS": "false",
    }
    target_path = tmp / "target"
    completed = subprocess.run(
        [
            dbt_executable(),
            "build",
            "--project-dir",
            str(DBT_PROJECT_DIR),
            "--profiles-dir",
            str(DBT_PROJECT_DIR),
            "--target-path",
            str(target_path),
            "--log-path",
            str(tmp / "logs"),
        ],
        cwd=tmp,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    results_file = target_path / "run_results.json"
    results = {}
    if results_file.exists():
        results = {r["unique_id"]: r for r in json.loads(results_file.read_text())["results"]}
    yield DbtRun(warehouse, completed.returncode, completed.stdout + completed.stderr, results)


@pytest.fixture(scope="module")
def con(dbt_run: DbtRun) -> Iterator[duckdb.DuckDBPyConnection]:
    assert dbt_run.returncode == 0, dbt_run.output[-5000:]
    connection = duckdb.connect(str(dbt_run.warehouse), read_only=True)
    yield connection
    connection.close()


def rows(con: duckdb.DuckDBPyConnection, sql: str, *params: object) -> list[tuple]:
    return con.execute(sql, list(params)).fetchall()


# -- the build ---------------------------------------------------------------


def test_dbt_build_succeeds(dbt_run: DbtRun) -> None:
    assert dbt_run.returncode == 0, dbt_run.output[-5000:]
    failed = {
        uid: r["status"] for uid, r in dbt_run.results.items() if r["status"] in ("error", "fail")
    }
    assert not failed


def test_unit_tests_ran(dbt_run: DbtRun) -> None:
    unit_tests = {
        uid: r["status"] for uid, r in dbt_run.results.items() if uid.startswith("unit_test.")
    }
    assert len(unit_tests) >= 3
    assert set(unit_tests.values()) == {"pass"}


def test_broken_vehicle_sum_is_a_warning_not_a_failure(dbt_run: DbtRun) -> None:
    statuses = {
        uid: r["status"]
        for uid, r in dbt_run.results.items()
        if "three_public_vehicles_actual" in uid
    }
    assert list(statuses.values()) == ["warn"]


def test_models_land_in_three_schemas(con: duckdb.DuckDBPyConnection) -> None:
    schemas = {
        schema
        for (schema,) in rows(
            con,
            "select distinct table_schema from information_schema.tables "
            "where table_schema not in ('raw', 'main')",
        )
    }
    assert schemas == {"staging", "intermediate", "marts"}
    marts = {
        name
        for (name,) in rows(
            con, "select table_name from information_schema.tables where table_schema = 'marts'"
        )
    }
    assert {
        "dim_department",
        "dim_document",
        "dim_function_subject",
        "dim_function_subject_name",
        "dim_economic_subject",
        "dim_fiscal_year",
        "fct_expenditure_by_function",
        "fct_income_by_function",
        "fct_expenditure_by_economic_class",
        "fct_statement_line",
        "fct_three_public_costs",
        "fct_budget_execution",
        "fct_validation_finding",
    } <= marts


def test_money_is_decimal(con: duckdb.DuckDBPyConnection) -> None:
    types = {
        (table, column): data_type
        for table, column, data_type in rows(
            con,
            "select table_name, column_name, data_type from information_schema.columns "
            "where table_schema = 'marts' and column_name like '%_yuan'",
        )
    }
    assert types
    assert set(types.values()) == {"DECIMAL(20,2)"}


# -- dimensions ----------------------------------------------------------------


def test_name_variants_are_one_department(con: duckdb.DuckDBPyConnection) -> None:
    departments = rows(
        con,
        "select department_id, department_name, region from marts.dim_department "
        "order by department_name",
    )
    jiangsu = [d for d in departments if d[1] == "中共江苏省委办公厅"]
    assert len(jiangsu) == 1
    department_id, _, region = jiangsu[0]
    assert department_id.startswith("dept_") and len(department_id) == 17
    assert region == "江苏省"
    document_departments = rows(
        con,
        "select distinct department_id from marts.dim_document where document_id in (?, ?)",
        DOC_2022,
        DOC_2023,
    )
    assert document_departments == [(department_id,)]
    variants = dict(
        rows(
            con,
            "select department_name_variant, department_id from marts.dim_department_name_variant",
        )
    )
    assert variants["江苏省委办公厅"] == department_id
    assert variants["中共江苏省委办公厅"] == department_id


def test_dim_document_holds_every_status(con: duckdb.DuckDBPyConnection) -> None:
    statuses = dict(rows(con, "select document_id, status from marts.dim_document"))
    assert statuses == {
        DOC_2022: "loaded",
        DOC_2023: "loaded",
        DOC_QUARANTINED: "quarantined",
        DOC_WITHDRAWN: "withdrawn",
    }
    (tables_found,) = rows(
        con, "select tables_found from marts.dim_document where document_id = ?", DOC_2023
    )[0]
    assert tables_found == 8


def test_function_subject_levels_and_newest_name(con: duckdb.DuckDBPyConnection) -> None:
    subjects = {
        r[0]: r[1:]
        for r in rows(
            con,
            "select function_code, level, function_name, class_code, section_code, "
            "parent_code, first_year, last_year from marts.dim_function_subject",
        )
    }
    # subtotal codes are in the dimension, at every level
    assert subjects["206"] == ("class", "科学技术支出", "206", None, None, 2022, 2023)
    assert subjects["20601"] == ("section", "科学技术管理事务", "206", "20601", "206", 2022, 2023)
    assert subjects["2060101"][:5] == ("item", "行政运行", "206", "20601", "20601")
    assert subjects["2060199"][-2:] == (2022, 2022)
    # the quarantined document's code is not a subject
    assert "2069999" not in subjects
    names = dict(
        rows(
            con,
            "select fiscal_year, function_name from marts.dim_function_subject_name "
            "where function_code = '20601'",
        )
    )
    assert names == {2022: "科技管理事务", 2023: "科学技术管理事务"}


def test_economic_subject_cost_groups(con: duckdb.DuckDBPyConnection) -> None:
    subjects = {
        r[0]: r[1:]
        for r in rows(
            con,
            "select economic_code, level, parent_code, cost_group from marts.dim_economic_subject",
        )
    }
    assert subjects["301"] == ("class", None, "personnel")
    assert subjects["30101"] == ("section", "301", "personnel")
    assert subjects["30201"] == ("section", "302", "public")
    assert subjects["303"] == ("class", None, "personnel")
    assert "personnel_total" not in subjects


def test_fiscal_years(con: duckdb.DuckDBPyConnection) -> None:
    years = [y for (y,) in rows(con, "select fiscal_year from marts.dim_fiscal_year order by 1")]
    assert years == [2021, 2022, 2023]


# -- facts ---------------------------------------------------------------------


def test_expenditure_by_function_holds_leaf_rows_only(con: duckdb.DuckDBPyConnection) -> None:
    codes = [
        c
        for (c,) in rows(
            con,
            "select function_code from marts.fct_expenditure_by_function "
            "where document_id = ? and fund_scope = 'all_funds' order by 1",
            DOC_2023,
        )
    ]
    assert codes == ["2060101", "20602", "2080505"]
    total, basic, project, remit, page, year = rows(
        con,
        "select total_yuan, basic_yuan, project_yuan, remit_to_higher_yuan, source_page, "
        "fiscal_year from marts.fct_expenditure_by_function "
        "where document_id = ? and function_code = '2060101' and fund_scope = 'all_funds'",
        DOC_2023,
    )[0]
    assert total == Decimal("8005000.00")
    assert (basic, project, remit) == (Decimal("8005000.00"), Decimal("0.00"), Decimal("0.00"))
    assert (page, year) == (6, 2023)
    # a SUM over the leaves equals the printed 合计: no double counting
    (summed,) = rows(
        con,
        "select sum(total_yuan) from marts.fct_expenditure_by_function "
        "where document_id = ? and fund_scope = 'all_funds'",
        DOC_2023,
    )[0]
    assert summed == wan("1250.50")


def test_general_public_budget_has_null_columns(con: duckdb.DuckDBPyConnection) -> None:
    result = rows(
        con,
        "select function_code, total_yuan, remit_to_higher_yuan, business_yuan, "
        "subsidy_to_affiliates_yuan from marts.fct_expenditure_by_function "
        "where document_id = ? and fund_scope = 'general_public_budget' order by 1",
        DOC_2023,
    )
    assert result == [
        ("2060101", wan("800.50"), None, None, None),
        ("20602", wan("150.00"), None, None, None),
    ]


def test_only_loaded_documents_feed_facts(con: duckdb.DuckDBPyConnection) -> None:
    for fact in (
        "fct_expenditure_by_function",
        "fct_income_by_function",
        "fct_expenditure_by_economic_class",
        "fct_statement_line",
        "fct_three_public_costs",
        "fct_budget_execution",
    ):
        documents = {d for (d,) in rows(con, f"select distinct document_id from marts.{fact}")}
        assert documents <= {DOC_2022, DOC_2023}, fact
        assert DOC_QUARANTINED not in documents


def test_income_by_function(con: duckdb.DuckDBPyConnection) -> None:
    result = rows(
        con,
        "select function_code, total_yuan, fiscal_appropriation_yuan, other_income_yuan "
        "from marts.fct_income_by_function order by 1",
    )
    # 208 has no section below it in table 02, so the class row is the leaf there
    assert result == [
        ("2060101", wan("800.50"), wan("750.50"), wan("50.00")),
        ("20602", wan("200.00"), wan("200.00"), Decimal("0.00")),
        ("208", wan("250.00"), wan("250.00"), Decimal("0.00")),
    ]


def test_economic_class_leaves_without_footers(con: duckdb.DuckDBPyConnection) -> None:
    result = dict(
        rows(con, "select economic_code, amount_yuan from marts.fct_expenditure_by_economic_class")
    )
    assert result == {
        "30101": wan("500.00"),
        "30102": wan("200.00"),
        "30201": wan("300.50"),
        "303": wan("50.00"),
    }


def test_statement_line_fund_scopes(con: duckdb.DuckDBPyConnection) -> None:
    result = {
        (table, side, line, scope): amount
        for table, side, line, scope, amount in rows(
            con,
            "select table_code, side, line_item, fund_scope, amount_yuan "
            "from marts.fct_statement_line",
        )
    }
    assert result[("01", "income", "本年收入合计", "all_funds")] == wan("1250.50")
    assert result[("04", "income", "收入总计", "fiscal_appropriation")] == wan("1200.50")
    assert result[("04", "expenditure", "支出总计", "fiscal_appropriation")] == wan("1200.50")
    assert result[("04", "expenditure", "支出总计", "general_public_budget")] == wan("1200.50")
    assert result[("04", "expenditure", "支出总计", "government_fund")] == Decimal("0.00")
    assert result[("04", "expenditure", "支出总计", "state_capital")] == Decimal("0.00")
    assert {scope for (_, _, _, scope) in result} == {
        "all_funds",
        "fiscal_appropriation",
        "general_public_budget",
        "government_fund",
        "state_capital",
    }
    (line_no,) = rows(
        con,
        "select line_no from marts.fct_statement_line "
        "where table_code = '01' and line_item = '本年支出合计'",
    )[0]
    assert line_no == 38


def test_three_public_costs(con: duckdb.DuckDBPyConnection) -> None:
    result = {
        item: (budget, actual, leaf)
        for item, budget, actual, leaf in rows(
            con,
            "select cost_item, budget_yuan, actual_yuan, is_leaf from marts.fct_three_public_costs",
        )
    }
    assert result["total"] == (wan("15.67"), wan("12.00"), False)
    assert result["vehicles"] == (wan("12.00"), wan("10.00"), False)
    assert result["vehicle_operation"] == (wan("12.00"), wan("9.00"), True)


def test_budget_execution_keeps_first_sentence_per_code(con: duckdb.DuckDBPyConnection) -> None:
    result = rows(
        con,
        "select document_id, function_code, initial_budget_yuan, final_yuan, completion_rate, "
        "source_page from marts.fct_budget_execution",
    )
    assert result == [
        (DOC_2023, "2060101", wan("900.00"), wan("800.50"), Decimal("88.90"), 14),
    ]


def test_validation_findings(con: duckdb.DuckDBPyConnection) -> None:
    result = rows(
        con,
        "select document_id, rule_id, location, severity, source_page "
        "from marts.fct_validation_finding order by 1, 2",
    )
    assert result == [
        (DOC_2023, "N_NARRATIVE_TOTAL", "narrative p.13", "info", 13),
        (DOC_2023, "T09_VEHICLES_SUM", "09/vehicles/actual", "warning", None),
        (DOC_QUARANTINED, "E_EXTRACTION", "03", "error", None),
    ]


def test_document_quality(con: duckdb.DuckDBPyConnection) -> None:
    quality = {
        r[0]: r[1:]
        for r in rows(
            con,
            "select document_id, status, rules_checked, error_count, warning_count, "
            "info_count, is_clean from marts.mart_document_quality",
        )
    }
    # 2023 holds 01, 02 (X01_02), 09 (T09), 03 (E_EXTRACTION) and the narrative rule
    assert quality[DOC_2023] == ("loaded", 4, 0, 1, 1, True)
    assert quality[DOC_QUARANTINED] == ("quarantined", 0, 1, 0, 0, False)
    assert quality[DOC_WITHDRAWN][0] == "withdrawn"

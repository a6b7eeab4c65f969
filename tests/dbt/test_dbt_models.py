"""The dbt project against a small synthetic raw layer.

One temporary DuckDB file gets the raw schema (pipelines/warehouse/raw_schema.sql)
and a handful of hand-written raw rows: two final accounts of one department
printed under two name variants (2022, 2023), a quarantined and a withdrawn
document, tables 01–06 and 09 with subtotal rows, narrative sentences and
validation findings. Beside the 2023 final account, two budgets (部门预算) of the
same department-year (a tables PDF and a prose PDF printing the name
differently) feed the budget-vs-final marts, and four table-less documents
check that budget and final names with or without '中共' or with radical
look-alikes land on one department. Then `dbt build` runs (models, seeds, data
tests and unit tests: the nightly build leaves the unit tests out, so this is
where they run) and the marts are checked value by value. The marts' keys are
constraints rather than data tests, so broken copies of marts check that
DuckDB refuses a NULL key or a duplicate row and the build fails.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from decimal import Decimal
from pathlib import Path

import duckdb
import pytest

from pipelines.settings import Settings
from pipelines.warehouse import dbt_runner
from pipelines.warehouse.dbt_cache import shared_parse_dir
from pipelines.warehouse.dbt_runner import (
    PARTIAL_PARSE_FILE,
    PARTIAL_PARSE_PROJECT_FILE,
    PRODUCTION_BUILD_ARGS,
    DbtBuildFailed,
    dbt_build_command,
    dbt_target_path,
    run_dbt,
)
from tests.support.paths import PROJECT_ROOT

DBT_PROJECT_DIR = PROJECT_ROOT / "dbt_project"
RAW_SCHEMA_SQL = PROJECT_ROOT / "pipelines" / "warehouse" / "raw_schema.sql"

DOC_2022 = "doc_2022aaaaaaaaaaaa"
DOC_2023 = "doc_2023bbbbbbbbbbbb"
DOC_QUARANTINED = "doc_quarantinedcccc"
DOC_WITHDRAWN = "doc_withdrawndddddd"
DOC_PARTIAL = "doc_partialiiiiiiii"
# Budgets of the 2023 final account's department and year: the tables PDF and a
# prose PDF with a few tables (fewer rows: never compared while the tables PDF
# holds the table).
DOC_BUDGET_TABLES = "doc_budgettables2023"
DOC_BUDGET_PROSE = "doc_budgetprose20230"
# Table-less documents for department identity across kinds.
DOC_NJ_FINAL = "doc_njfinal2023eeeee"
DOC_NJ_BUDGET = "doc_njbudget2023ffff"
DOC_CAR_FINAL = "doc_carfinal2023gggg"
DOC_CAR_BUDGET = "doc_carbudget2023hhh"

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
    document_tables = [loaded_table(*row) for row in document_tables]
    document_tables += [
        loaded_table(DOC_PARTIAL, "03", "支出决算表", "公开03表", "万元", 6, 6, False, "", 3),
        (
            *loaded_table(
                DOC_PARTIAL,
                "05",
                "一般公共预算财政拨款支出决算表",
                None,
                "万元",
                8,
                9,
                False,
                "",
                3,
            )[:12],
            "withheld",
            "12 of 20 of its own identities broken",
            20,
            12,
        ),
        (DOC_PARTIAL, "09", "财政拨款“三公”经费支出决算表", None, None, None, None, None, None)
        + (False, None, 0, "not_found", None, 0, 0),
    ]

    table_cells: list[tuple] = []

    # -- the partial document: its 03 is loaded, its 05 withheld (the loader writes no cells)
    table_cells += cells(
        DOC_PARTIAL,
        "03",
        [
            function_row("total", "合计", 6, **expenditure_03("50.00", "50.00", "0")),
            function_row("206", "科学技术支出", 6, **expenditure_03("50.00", "50.00", "0")),
            function_row("2060101", "行政运行", 6, **expenditure_03("50.00", "50.00", "0")),
        ],
    )

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

    documents.append(
        document_row(DOC_PARTIAL, "江苏省科学技术厅", 2023, "final_account", "2024-07-03 10:00:00")[
            :10
        ]
        + ("partial", "table 05 (一般公共预算财政拨款支出决算表) withheld: 12 of 20 …")
        + document_row(DOC_PARTIAL, "", 2023, "", "2024-07-03 10:00:00")[12:]
    )
    validation_findings.append(
        (
            DOC_PARTIAL,
            "R_TABLE_WITHHELD",
            "05",
            "warning",
            "05",
            None,
            None,
            None,
            "table 05 withheld, no fact rows: 12 of 20 of its own identities broken",
        )
    )
    # each finding also in Chinese (message_zh), the last column
    validation_findings = [(*finding, f"中文：{finding[-1]}") for finding in validation_findings]

    budget = budget_raw_rows()
    documents += budget["documents"]
    document_tables += budget["document_tables"]
    table_cells += budget["table_cells"]

    return {
        "documents": documents,
        "document_tables": document_tables,
        "table_cells": table_cells,
        "budget_execution": budget_execution,
        "narrative_figures": narrative_figures,
        "validation_rules": validation_rules,
        "validation_findings": validation_findings,
    }


def loaded_table(
    document_id: str,
    code: str,
    title: str,
    printed: str | None,
    unit: str,
    first_page: int,
    last_page: int,
    is_empty: bool,
    note: str,
    row_count: int,
) -> tuple:
    """A raw.document_tables row of a table found: loaded, or declared empty."""
    pages = ",".join(str(n) for n in range(first_page, last_page + 1))
    status = "declared_empty" if is_empty else "loaded"
    located = (printed, unit, pages, first_page, last_page, is_empty, note, row_count)
    return (document_id, code, title, title, *located, status, None, 0, 0)


def document_row(
    document_id: str, name: str, year: int, kind: str, ingested_at: str, region: str | None = None
) -> tuple:
    """A loaded raw.documents row."""
    return (
        document_id,
        document_id.removeprefix("doc_").ljust(64, "0"),
        f"{document_id}.pdf",
        10,
        name,
        region,
        year,
        kind,
        "department",
        "万元",
        "loaded",
        None,
        "1",
        1.0,
        ingested_at,
    )


def budget_raw_rows() -> dict[str, list[tuple]]:
    """Budget documents (部门预算), extracted onto the final-account table codes.

    The 2023 budget of 中共江苏省委办公厅 comes twice: a tables PDF printing the
    name without '中共' (03, 05, 06, 09 with rows) and a prose PDF with only
    small 06 and 09 tables, ingested later. Against the 2023 final account:
      03: 2060101 850.00 vs 800.50, 20602 200.00 vs 200.00, budget-only 2069901
          50.00, final-only 2080505 250.00;
      05: 2060101 900.00 vs 800.50 (narrative 年初预算 900.00), zero budget 20602
          0.00 vs 150.00, budget-only 2069901 50.00;
      06: 30101 520.00 vs 500.00, 30102 200.00 vs 200.00, 30201 280.00 vs
          300.50, budget-only 30199 10.00, final-only 303 50.00;
      09: budget column only (the prose PDF's extractor also wrote 'actual' 0).
    """
    documents = [
        document_row(DOC_BUDGET_TABLES, "江苏省委办公厅", 2023, "budget", "2023-01-10 10:00:00"),
        document_row(
            DOC_BUDGET_PROSE, "中共江苏省委办公厅", 2023, "budget", "2023-02-01 10:00:00", "江苏省"
        ),
        # no seed row: '中共' with and without, one department by the match key
        document_row(
            DOC_NJ_FINAL, "中共南京市委网信办", 2023, "final_account", "2024-07-01 11:00:00"
        ),
        document_row(DOC_NJ_BUDGET, "南京市委 网信办", 2023, "budget", "2023-01-01 11:00:00"),
        # ⻋ (U+2ECB, CJK Radicals Supplement) printed for 车
        document_row(
            DOC_CAR_FINAL, "南京市车辆管理所", 2023, "final_account", "2024-07-01 12:00:00"
        ),
        document_row(DOC_CAR_BUDGET, "南京市\u2ecb辆管理所", 2023, "budget", "2023-01-01 12:00:00"),
    ]
    document_tables = [
        (DOC_BUDGET_TABLES, "03", "部门支出预算表", "公开03表", "万元", 3, 3, False, "", 7),
        (DOC_BUDGET_TABLES, "05", "一般公共预算支出表", "公开05表", "万元", 4, 4, False, "", 6),
        (DOC_BUDGET_TABLES, "06", "一般公共预算基本支出表", "公开06表", "万元", 5, 5, False, "", 8),
        (
            DOC_BUDGET_TABLES,
            "09",
            "一般公共预算“三公”经费支出表",
            "公开09表",
            "万元",
            6,
            6,
            False,
            "",
            6,
        ),
        (DOC_BUDGET_PROSE, "06", "一般公共预算基本支出表", None, "万元", 12, 12, False, "", 1),
        (DOC_BUDGET_PROSE, "09", "“三公”经费预算表", None, "万元", 13, 13, False, "", 4),
    ]
    table_cells: list[tuple] = []
    table_cells += cells(
        DOC_BUDGET_TABLES,
        "03",
        [
            function_row("total", "合计", 3, total="1100.00", basic="850.00", project="250.00"),
            function_row(
                "206", "科学技术支出", 3, total="1100.00", basic="850.00", project="250.00"
            ),
            function_row(
                "20601", "科学技术管理事务", 3, total="850.00", basic="850.00", project="0"
            ),
            function_row("2060101", "行政运行", 3, total="850.00", basic="850.00", project="0"),
            function_row("20602", "基础研究", 3, total="200.00", basic="0", project="200.00"),
            function_row("20699", "其他科学技术支出", 3, total="50.00", basic="0", project="50.00"),
            function_row(
                "2069901", "其他科学技术支出", 3, total="50.00", basic="0", project="50.00"
            ),
        ],
    )
    table_cells += cells(
        DOC_BUDGET_TABLES,
        "05",
        [
            function_row("total", "合计", 4, total="950.00", basic="900.00", project="50.00"),
            function_row("206", "科学技术支出", 4, total="950.00", basic="900.00", project="50.00"),
            function_row(
                "20601", "科学技术管理事务", 4, total="900.00", basic="900.00", project="0"
            ),
            function_row("2060101", "行政运行", 4, total="900.00", basic="900.00", project="0"),
            function_row("20602", "基础研究", 4, total="0", basic="0", project="0"),
            function_row(
                "2069901", "其他科学技术支出", 4, total="50.00", basic="0", project="50.00"
            ),
        ],
    )

    def economic_row(code: str, label: str, amount: str, page: int) -> Row:
        return Row(code, label, page, {"amount": wan(amount)})

    table_cells += cells(
        DOC_BUDGET_TABLES,
        "06",
        [
            economic_row("301", "工资福利支出", "730.00", 5),
            economic_row("30101", "基本工资", "520.00", 5),
            economic_row("30102", "津贴补贴", "200.00", 5),
            economic_row("30199", "其他工资福利支出", "10.00", 5),
            economic_row("302", "商品和服务支出", "280.00", 5),
            economic_row("30201", "办公费", "280.00", 5),
            economic_row("personnel_total", "人员经费合计", "730.00", 5),
            economic_row("public_total", "公用经费合计", "280.00", 5),
        ],
    )
    table_cells += cells(DOC_BUDGET_PROSE, "06", [economic_row("30101", "基本工资", "999.00", 12)])

    def budget_only(key: str, label: str, budget: str, page: int) -> Row:
        return Row(key, label, page, {"budget": wan(budget)})

    table_cells += cells(
        DOC_BUDGET_TABLES,
        "09",
        [
            budget_only("total", "合计", "20.00", 6),
            budget_only("overseas_travel", "因公出国（境）费", "3.00", 6),
            budget_only("vehicles", "公务用车购置及运行费", "16.00", 6),
            budget_only("vehicle_purchase", "公务用车购置费", "0", 6),
            budget_only("vehicle_operation", "公务用车运行费", "16.00", 6),
            budget_only("official_reception", "公务接待费", "1.00", 6),
        ],
    )
    table_cells += cells(
        DOC_BUDGET_PROSE,
        "09",
        [
            Row(key, label, 13, {"budget": wan(amount), "actual": Decimal("0")})
            for key, label, amount in (
                ("total", "合计", "20.00"),
                ("overseas_travel", "因公出国（境）费", "3.00"),
                ("vehicles", "公务用车购置及运行费", "16.00"),
                ("official_reception", "公务接待费", "1.00"),
            )
        ],
    )
    return {
        "documents": documents,
        "document_tables": [loaded_table(*row) for row in document_tables],
        "table_cells": table_cells,
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


def scratch_settings(tmp_path: Path, **overrides: object) -> Settings:
    """Settings whose state dir (and so dbt's target folder) and dbt cache are under
    ``tmp_path``."""
    settings = Settings(
        raw_dir=tmp_path / "raw",
        warehouse_path=tmp_path / "fiscal_test.duckdb",
        state_dir=tmp_path / "state",
        workers=1,
        doc_timeout_seconds=60.0,
        worker_memory_mb=512,
        dbt_project_dir=DBT_PROJECT_DIR,
        dbt_cache_dir=tmp_path / "dbt-cache",
    )
    return replace(settings, **overrides)


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
    assert len(unit_tests) >= 6
    assert set(unit_tests.values()) == {"pass"}


def test_the_nightly_build_leaves_unit_tests_to_this_suite(tmp_path: Path) -> None:
    settings = scratch_settings(tmp_path, workers=0)
    command = dbt_build_command(settings)
    assert command[0] == "build"
    assert " ".join(PRODUCTION_BUILD_ARGS) in " ".join(command)
    assert command[command.index("--threads") + 1] == "1"  # at least one
    assert dbt_build_command(replace(settings, workers=4))[-2:] == ["--threads", "4"]


# -- keys: constraints, enforced ---------------------------------------------------

# The grain of every mart (WAREHOUSE.md), which its primary key must be.
# fct_performance_evaluation's grain holds a nullable column (indicator is NULL
# on a form's summary row), so a unique_combination_of_columns test keeps it.
MART_GRAINS = {
    "dim_department": ["department_id"],
    "dim_department_name_variant": ["department_name_variant"],
    "dim_document": ["document_id"],
    "dim_document_table": ["document_id", "table_code"],
    "dim_economic_subject": ["economic_code"],
    "dim_fiscal_year": ["fiscal_year"],
    "dim_function_subject": ["function_code"],
    "dim_function_subject_name": ["function_code", "fiscal_year"],
    "dim_validation_rule": ["rule_id"],
    "fct_budget_execution": ["document_id", "function_code"],
    "fct_budget_vs_final_by_economic_class": ["department_id", "fiscal_year", "economic_code"],
    "fct_budget_vs_final_by_function": [
        "department_id",
        "fiscal_year",
        "function_code",
        "fund_scope",
    ],
    "fct_budget_vs_final_three_public": ["department_id", "fiscal_year", "cost_item"],
    "fct_expenditure_by_economic_class": ["document_id", "economic_code"],
    "fct_expenditure_by_function": ["document_id", "function_code", "fund_scope"],
    "fct_income_by_function": ["document_id", "function_code"],
    "fct_statement_line": ["document_id", "table_code", "side", "line_item", "fund_scope"],
    "fct_three_public_costs": ["document_id", "cost_item"],
    "fct_operating_cost": ["document_id"],
    "fct_procurement": ["document_id", "category"],
    "fct_state_assets": ["document_id", "asset_item"],
    "fct_validation_finding": ["document_id", "rule_id", "location"],
    "mart_document_quality": ["document_id"],
}

# Marts broken on purpose: the select put around the model's own SQL, and the
# error DuckDB must raise when dbt inserts its rows.
BROKEN_MARTS = {
    "dim_fiscal_year": (
        "select * replace (cast(null as integer) as fiscal_year) from original",
        "NOT NULL constraint failed: dim_fiscal_year__dbt_tmp.fiscal_year",
    ),
    "dim_validation_rule": (
        "select * from original union all select * from original",
        "PRIMARY KEY or UNIQUE constraint violation: duplicate key",
    ),
    "fct_three_public_costs": (
        "select * from original union all select * from original",
        "PRIMARY KEY or UNIQUE constraint violation: duplicate key",
    ),
    # a status outside the check constraint's list
    "dim_document": (
        "select * replace ('lost' as status) from original",
        "CHECK constraint failed",
    ),
    # distinct ids, so only the unique department_name can refuse the twin
    "dim_department": (
        "select * replace (department_id || '_twin' as department_id) from original "
        "union all select * from original",
        "PRIMARY KEY or UNIQUE constraint violation: duplicate key",
    ),
}


def test_mart_keys_are_enforced_constraints(con: duckdb.DuckDBPyConnection) -> None:
    primary_keys = dict(
        rows(
            con,
            "select table_name, constraint_column_names from duckdb_constraints() "
            "where schema_name = 'marts' and constraint_type = 'PRIMARY KEY'",
        )
    )
    assert primary_keys == MART_GRAINS
    not_null = set(
        rows(
            con,
            "select table_name, column_name from information_schema.columns "
            "where table_schema = 'marts' and is_nullable = 'NO'",
        )
    )
    facts = [table for table in MART_GRAINS if table.startswith("fct_")]
    assert {(fact, "document_id") for fact in facts if "budget_vs_final" not in fact} <= not_null
    assert {
        (fact, "source_page")
        for fact in facts
        if "budget_vs_final" not in fact and fact != "fct_validation_finding"
    } <= not_null
    unique = rows(
        con,
        "select table_name, constraint_column_names from duckdb_constraints() "
        "where schema_name = 'marts' and constraint_type = 'UNIQUE'",
    )
    assert unique == [("dim_department", ["department_name"])]
    checked = set(
        rows(
            con,
            "select table_name, unnest(constraint_column_names) from duckdb_constraints() "
            "where schema_name = 'marts' and constraint_type = 'CHECK'",
        )
    )
    assert {
        ("dim_document", "status"),
        ("dim_document", "document_kind"),
        ("fct_expenditure_by_function", "fund_scope"),
        ("fct_statement_line", "side"),
        ("fct_validation_finding", "severity"),
    } <= checked


def test_a_null_key_or_a_duplicate_row_fails_the_build(
    dbt_run: DbtRun, con: duckdb.DuckDBPyConnection, tmp_path: Path
) -> None:
    project = tmp_path / "dbt_project"
    shutil.copytree(
        DBT_PROJECT_DIR, project, ignore=shutil.ignore_patterns("target", "logs", ".user.yml")
    )
    for model, (select, _) in BROKEN_MARTS.items():
        sql = project / "models" / "marts" / f"{model}.sql"
        sql.write_text(f"with original as (\n{sql.read_text()}\n)\n{select}\n", encoding="utf-8")
    # the built test warehouse, under its own name (views name the catalog)
    warehouse = tmp_path / "build" / dbt_run.warehouse.name
    warehouse.parent.mkdir()
    shutil.copyfile(dbt_run.warehouse, warehouse)
    settings = scratch_settings(tmp_path, dbt_project_dir=project)

    with pytest.raises(DbtBuildFailed, match="Constraint Error"):
        run_dbt(
            ["build", "--select", *BROKEN_MARTS, *PRODUCTION_BUILD_ARGS],
            warehouse,
            settings,
            "broken",
        )

    # the runner keeps the failed run's results beside its log
    results_file = settings.dbt_scratch_dir / "broken" / "logs" / "run_results.json"
    results = {
        r["unique_id"].rsplit(".", 1)[-1]: r
        for r in json.loads(results_file.read_text())["results"]
    }
    for model, (_, error) in BROKEN_MARTS.items():
        assert results[model]["status"] == "error", model
        assert error in results[model]["message"], results[model]["message"]
    names = [name for (name,) in rows(con, "select department_name from marts.dim_department")]
    assert any(f'"{name}"' in results["dim_department"]["message"] for name in names)
    # and a failed run leaves no saved parse behind
    assert not (dbt_target_path(settings) / PARTIAL_PARSE_FILE).exists()


def test_a_key_missing_from_its_dimension_fails_the_build(dbt_run: DbtRun, tmp_path: Path) -> None:
    project = tmp_path / "dbt_project"
    shutil.copytree(
        DBT_PROJECT_DIR, project, ignore=shutil.ignore_patterns("target", "logs", ".user.yml")
    )
    sql = project / "models" / "marts" / "fct_budget_execution.sql"
    sql.write_text(
        f"with original as (\n{sql.read_text()}\n)\n"
        "select * replace ('doc_not_in_dim_document' as document_id) from original\n",
        encoding="utf-8",
    )
    warehouse = tmp_path / "build" / dbt_run.warehouse.name
    warehouse.parent.mkdir()
    shutil.copyfile(dbt_run.warehouse, warehouse)
    settings = scratch_settings(tmp_path, dbt_project_dir=project)

    with pytest.raises(DbtBuildFailed):
        run_dbt(
            ["build", "--select", "fct_budget_execution", *PRODUCTION_BUILD_ARGS],
            warehouse,
            settings,
            "broken",
        )

    results_file = settings.dbt_scratch_dir / "broken" / "logs" / "run_results.json"
    failed = [r for r in json.loads(results_file.read_text())["results"] if r["status"] == "fail"]
    assert len(failed) == 1
    assert failed[0]["unique_id"].split(".")[2].startswith("foreign_keys_fct_budget_execution")
    assert failed[0]["failures"] == 1  # one (column, value) pair: document_id


# -- the nightly runner's saved parse (pipelines/warehouse/dbt_runner.py) ---------


def saved_parse(settings: Settings, project_dir: Path) -> Path:
    """A saved parse (its content does not matter to a fake dbt) made from ``project_dir``."""
    target = dbt_target_path(settings)
    target.mkdir(parents=True, exist_ok=True)
    (target / PARTIAL_PARSE_FILE).write_bytes(b"saved parse")
    (target / PARTIAL_PARSE_PROJECT_FILE).write_text(str(project_dir), encoding="utf-8")
    return target


def fake_dbt(target: Path, failures: int) -> tuple[list[list[str]], Callable[..., object]]:
    """A stand-in for the dbt subprocess whose first ``failures`` calls stop at parse time."""
    commands: list[list[str]] = []

    def invoke(command: list[str], *_: object) -> subprocess.CompletedProcess[str]:
        commands.append(command)
        if len(commands) <= failures:  # a parse-time error: no run_results.json
            return subprocess.CompletedProcess(command, 2, "", "Compilation Error")
        results = {"results": [{"unique_id": "model.m", "status": "success"}]}
        (target / "run_results.json").write_text(json.dumps(results), encoding="utf-8")
        return subprocess.CompletedProcess(command, 0, "", "")

    return commands, invoke


def test_a_new_state_dir_starts_from_the_shared_saved_parse(tmp_path: Path) -> None:
    cache = tmp_path / "dbt-cache"
    first = scratch_settings(tmp_path / "first", dbt_cache_dir=cache)
    run_dbt(["parse"], first.warehouse_path, first, "parse")
    shared_file = shared_parse_dir(first, first.warehouse_path.name) / PARTIAL_PARSE_FILE
    assert shared_file.read_bytes() == (dbt_target_path(first) / PARTIAL_PARSE_FILE).read_bytes()

    second = scratch_settings(tmp_path / "second", dbt_cache_dir=cache)
    run_dbt(["parse"], second.warehouse_path, second, "parse")
    perf = json.loads((dbt_target_path(second) / "perf_info.json").read_text())
    assert perf["path_count"] > 100
    assert perf["parsed_path_count"] == 0  # every file came from the shared parse


def test_a_build_that_stops_before_any_node_is_retried_without_the_saved_parse(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings = scratch_settings(tmp_path)
    target = saved_parse(settings, DBT_PROJECT_DIR)
    (target / "run_results.json").write_text('{"results": []}')  # the last run's
    commands, invoke = fake_dbt(target, failures=1)
    monkeypatch.setattr(dbt_runner, "_invoke", invoke)

    result = run_dbt(["build"], settings.warehouse_path, settings, "retried")

    assert commands == [["build"], ["build", "--no-partial-parse"]]
    assert result.status_counts == {"success": 1}


def test_a_saved_parse_of_another_project_folder_is_not_used(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # it holds absolute paths (dbt reads seeds from them)
    settings = scratch_settings(tmp_path)
    target = saved_parse(settings, tmp_path / "elsewhere" / "dbt_project")
    commands, invoke = fake_dbt(target, failures=1)
    monkeypatch.setattr(dbt_runner, "_invoke", invoke)

    with pytest.raises(DbtBuildFailed, match="Compilation Error"):
        run_dbt(["build"], settings.warehouse_path, settings, "failed")

    assert commands == [["build"]]  # no saved parse to blame, so no retry
    assert not (target / PARTIAL_PARSE_FILE).exists()
    assert (target / PARTIAL_PARSE_PROJECT_FILE).read_text(encoding="utf-8") == str(DBT_PROJECT_DIR)


def test_an_unreadable_saved_parse_is_parsed_again(tmp_path: Path) -> None:
    settings = scratch_settings(tmp_path)
    target = dbt_target_path(settings)
    target.mkdir(parents=True)
    (target / PARTIAL_PARSE_FILE).write_bytes(b"not a saved parse")
    (target / PARTIAL_PARSE_PROJECT_FILE).write_text(str(DBT_PROJECT_DIR), encoding="utf-8")

    run_dbt(["parse"], settings.warehouse_path, settings, "parse")

    assert json.loads((target / "manifest.json").read_text())["nodes"]
    assert (target / PARTIAL_PARSE_FILE).read_bytes() != b"not a saved parse"


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
    assert schemas == {"staging", "intermediate", "marts", "analytics"}
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
        "fct_budget_vs_final_by_function",
        "fct_budget_vs_final_by_economic_class",
        "fct_budget_vs_final_three_public",
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
        DOC_PARTIAL: "partial",
        DOC_BUDGET_TABLES: "loaded",
        DOC_BUDGET_PROSE: "loaded",
        DOC_NJ_FINAL: "loaded",
        DOC_NJ_BUDGET: "loaded",
        DOC_CAR_FINAL: "loaded",
        DOC_CAR_BUDGET: "loaded",
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
        assert documents <= {
            DOC_2022,
            DOC_2023,
            DOC_PARTIAL,
            DOC_BUDGET_TABLES,
            DOC_BUDGET_PROSE,
        }, fact
        assert DOC_QUARANTINED not in documents


def test_a_partial_document_feeds_the_facts_from_its_tables_not_withheld(
    con: duckdb.DuckDBPyConnection,
) -> None:
    facts = rows(
        con,
        "select fund_scope, function_code, total_yuan from marts.fct_expenditure_by_function "
        "where document_id = ?",
        DOC_PARTIAL,
    )
    assert facts == [("all_funds", "2060101", wan("50.00"))]  # nothing from the withheld 05
    tables = rows(
        con,
        "select table_code, status, status_reason, printed_title, pages, identities_checked, "
        "identities_broken from marts.dim_document_table where document_id = ? order by 1",
        DOC_PARTIAL,
    )
    assert tables == [
        ("03", "loaded", None, "支出决算表", "6", 0, 0),
        (
            "05",
            "withheld",
            "12 of 20 of its own identities broken",
            "一般公共预算财政拨款支出决算表",
        )
        + ("8,9", 20, 12),
        ("09", "not_found", None, None, None, 0, 0),
    ]
    quality = rows(
        con,
        "select status, tables_found, tables_withheld, tables_not_found, withheld_tables, "
        "is_clean from marts.mart_document_quality where document_id = ?",
        DOC_PARTIAL,
    )
    assert quality == [("partial", 2, 1, 1, "05", False)]


def test_dim_document_table_covers_every_document_but_withdrawn(
    con: duckdb.DuckDBPyConnection,
) -> None:
    documents = {d for (d,) in rows(con, "select document_id from marts.dim_document_table")}
    assert DOC_WITHDRAWN not in documents
    assert {DOC_2022, DOC_2023, DOC_PARTIAL, DOC_QUARANTINED} <= documents
    empty = rows(
        con,
        "select status, row_count from marts.dim_document_table "
        "where document_id = ? and table_code = '07'",
        DOC_2023,
    )
    assert empty == [("declared_empty", 0)]


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
        rows(
            con,
            "select economic_code, amount_yuan from marts.fct_expenditure_by_economic_class "
            "where document_id = ?",
            DOC_2023,
        )
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
            "select cost_item, budget_yuan, actual_yuan, is_leaf from marts.fct_three_public_costs "
            "where document_id = ?",
            DOC_2023,
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
        "select document_id, rule_id, location, severity, source_page, message_zh "
        "from marts.fct_validation_finding order by 1, 2",
    )
    assert [r[:5] for r in result] == [
        (DOC_2023, "N_NARRATIVE_TOTAL", "narrative p.13", "info", 13),
        (DOC_2023, "T09_VEHICLES_SUM", "09/vehicles/actual", "warning", None),
        (DOC_PARTIAL, "R_TABLE_WITHHELD", "05", "warning", None),
        (DOC_QUARANTINED, "E_EXTRACTION", "03", "error", None),
    ]
    assert result[0][5] == "中文：restated"


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


# -- budgets and the budget-vs-final marts ---------------------------------------


def test_budget_rows_flow_into_the_facts(con: duckdb.DuckDBPyConnection) -> None:
    kinds = dict(
        rows(
            con,
            "select distinct document_id, document_kind from marts.fct_expenditure_by_function",
        )
    )
    assert kinds == {
        DOC_2022: "final_account",
        DOC_2023: "final_account",
        DOC_PARTIAL: "final_account",
        DOC_BUDGET_TABLES: "budget",
    }
    # one department for the final account and both budgets, whatever they printed
    departments = rows(
        con,
        "select distinct department_id from marts.dim_document where document_id in (?, ?, ?)",
        DOC_2023,
        DOC_BUDGET_TABLES,
        DOC_BUDGET_PROSE,
    )
    assert len(departments) == 1
    for fact in (
        "fct_expenditure_by_economic_class",
        "fct_three_public_costs",
        "fct_expenditure_by_function",
    ):
        assert rows(con, f"select count(*) from marts.{fact} where document_kind is null") == [
            (0,)
        ], fact


def test_budget_three_public_actual_is_null(con: duckdb.DuckDBPyConnection) -> None:
    result = rows(
        con,
        "select document_id, cost_item, budget_yuan, actual_yuan from marts.fct_three_public_costs "
        "where document_kind = 'budget' and cost_item in ('total', 'vehicle_operation') "
        "order by 1, 2",
    )
    # the prose PDF's extractor wrote 'actual' 0; a budget has no actual: NULL
    assert result == [
        (DOC_BUDGET_PROSE, "total", wan("20.00"), None),
        (DOC_BUDGET_TABLES, "total", wan("20.00"), None),
        (DOC_BUDGET_TABLES, "vehicle_operation", wan("16.00"), None),
    ]


def test_department_identity_across_budget_and_final(con: duckdb.DuckDBPyConnection) -> None:
    documents = dict(rows(con, "select document_id, department_id from marts.dim_document"))
    assert documents[DOC_NJ_FINAL] == documents[DOC_NJ_BUDGET]
    assert documents[DOC_CAR_FINAL] == documents[DOC_CAR_BUDGET]
    assert len({documents[DOC_NJ_FINAL], documents[DOC_CAR_FINAL], documents[DOC_2023]}) == 3
    names = dict(rows(con, "select department_id, department_name from marts.dim_department"))
    assert names[documents[DOC_NJ_FINAL]] == "中共南京市委网信办"  # the longer variant
    assert names[documents[DOC_CAR_FINAL]] == "南京市车辆管理所"  # radical mapped
    variants = {
        r[0]: r[1:]
        for r in rows(
            con,
            "select department_name_variant, department_id, resolved_by, document_count "
            "from marts.dim_department_name_variant",
        )
    }
    assert variants["南京市委网信办"] == (documents[DOC_NJ_FINAL], "match_key", 1)
    assert variants["中共南京市委网信办"] == (documents[DOC_NJ_FINAL], "match_key", 1)
    assert variants["南京市车辆管理所"] == (documents[DOC_CAR_FINAL], "match_key", 2)
    assert variants["江苏省委办公厅"][:2] == (documents[DOC_2023], "alias_seed")
    assert variants["中共江苏省委办公厅"][:2] == (documents[DOC_2023], "alias_seed")
    assert not any("\u2ecb" in v for v in variants)


def comparison(con: duckdb.DuckDBPyConnection, sql: str, *params: object) -> dict:
    cursor = con.execute(sql, list(params))
    columns = [d[0] for d in cursor.description]
    return {r[0]: dict(zip(columns[1:], r[1:], strict=True)) for r in cursor.fetchall()}


def test_budget_vs_final_by_function_all_funds(con: duckdb.DuckDBPyConnection) -> None:
    result = comparison(
        con,
        "select f.function_code, budget_yuan, final_yuan, difference_yuan, execution_rate, "
        "has_budget, has_final, budget_document_id, final_document_id, "
        "narrative_initial_budget_yuan "
        "from marts.fct_budget_vs_final_by_function f "
        "join marts.dim_document d on d.document_id = ? and f.department_id = d.department_id "
        "where f.fiscal_year = 2023 and fund_scope = 'all_funds'",
        DOC_2023,
    )
    assert set(result) == {"2060101", "20602", "2069901", "2080505"}
    both = {"budget_document_id": DOC_BUDGET_TABLES, "final_document_id": DOC_2023}
    assert result["2060101"] == {
        "budget_yuan": wan("850.00"),
        "final_yuan": wan("800.50"),
        "difference_yuan": wan("-49.50"),
        "execution_rate": Decimal("94.18"),
        "has_budget": True,
        "has_final": True,
        **both,
        "narrative_initial_budget_yuan": None,  # narrative figures are for 05 rows
    }
    assert result["20602"]["difference_yuan"] == Decimal("0.00")
    assert result["20602"]["execution_rate"] == Decimal("100.00")
    # budget-only: the final account does not print it, so it spent 0 of it
    assert result["2069901"] == {
        "budget_yuan": wan("50.00"),
        "final_yuan": None,
        "difference_yuan": wan("-50.00"),
        "execution_rate": Decimal("0.00"),
        "has_budget": True,
        "has_final": False,
        **both,
        "narrative_initial_budget_yuan": None,
    }
    # final-only: no budget for it, no rate
    assert result["2080505"] == {
        "budget_yuan": None,
        "final_yuan": wan("250.00"),
        "difference_yuan": wan("250.00"),
        "execution_rate": None,
        "has_budget": False,
        "has_final": True,
        **both,
        "narrative_initial_budget_yuan": None,
    }
    # sums over the department-year are the printed totals' difference
    (budget, final, difference) = rows(
        con,
        "select sum(budget_yuan), sum(final_yuan), sum(difference_yuan) "
        "from marts.fct_budget_vs_final_by_function "
        "where fiscal_year = 2023 and fund_scope = 'all_funds' and final_document_id = ?",
        DOC_2023,
    )[0]
    assert (budget, final, difference) == (wan("1100.00"), wan("1250.50"), wan("150.50"))


def test_budget_vs_final_by_function_general_public_budget(
    con: duckdb.DuckDBPyConnection,
) -> None:
    result = comparison(
        con,
        "select function_code, budget_yuan, final_yuan, narrative_initial_budget_yuan, "
        "difference_yuan, execution_rate, narrative_document_id "
        "from marts.fct_budget_vs_final_by_function "
        "where fiscal_year = 2023 and fund_scope = 'general_public_budget' "
        "and final_document_id = ?",
        DOC_2023,
    )
    assert result == {
        "2060101": {
            "budget_yuan": wan("900.00"),
            "final_yuan": wan("800.50"),
            "narrative_initial_budget_yuan": wan("900.00"),
            "difference_yuan": wan("-99.50"),
            "execution_rate": Decimal("88.94"),
            "narrative_document_id": DOC_2023,
        },
        # a zero budget: no rate
        "20602": {
            "budget_yuan": Decimal("0.00"),
            "final_yuan": wan("150.00"),
            "narrative_initial_budget_yuan": None,
            "difference_yuan": wan("150.00"),
            "execution_rate": None,
            "narrative_document_id": None,
        },
        "2069901": {
            "budget_yuan": wan("50.00"),
            "final_yuan": None,
            "narrative_initial_budget_yuan": None,
            "difference_yuan": wan("-50.00"),
            "execution_rate": Decimal("0.00"),
            "narrative_document_id": None,
        },
    }


def test_budget_vs_final_without_a_budget(con: duckdb.DuckDBPyConnection) -> None:
    result = rows(
        con,
        "select function_code, budget_yuan, final_yuan, difference_yuan, execution_rate, "
        "budget_document_id, has_budget from marts.fct_budget_vs_final_by_function "
        "where fiscal_year = 2022 and fund_scope = 'general_public_budget'",
    )
    assert result == [("2060101", None, wan("200.00"), None, None, None, False)]


def test_budget_vs_final_by_economic_class(con: duckdb.DuckDBPyConnection) -> None:
    result = comparison(
        con,
        "select economic_code, budget_yuan, final_yuan, difference_yuan, execution_rate, "
        "has_budget, has_final, budget_document_id "
        "from marts.fct_budget_vs_final_by_economic_class where fiscal_year = 2023",
    )
    # the prose budget's table 06 (30101 999.00, one row) is not compared
    assert {r["budget_document_id"] for r in result.values()} == {DOC_BUDGET_TABLES}
    rates = {
        code: (r["budget_yuan"], r["final_yuan"], r["difference_yuan"], r["execution_rate"])
        for code, r in result.items()
    }
    assert rates == {
        "30101": (wan("520.00"), wan("500.00"), wan("-20.00"), Decimal("96.15")),
        "30102": (wan("200.00"), wan("200.00"), Decimal("0.00"), Decimal("100.00")),
        "30201": (wan("280.00"), wan("300.50"), wan("20.50"), Decimal("107.32")),
        "30199": (wan("10.00"), None, wan("-10.00"), Decimal("0.00")),
        "303": (None, wan("50.00"), wan("50.00"), None),
    }
    assert (result["30199"]["has_budget"], result["30199"]["has_final"]) == (True, False)
    assert (result["303"]["has_budget"], result["303"]["has_final"]) == (False, True)


def test_budget_vs_final_three_public(con: duckdb.DuckDBPyConnection) -> None:
    result = comparison(
        con,
        "select cost_item, budget_yuan, final_printed_budget_yuan, actual_yuan, "
        "difference_yuan, execution_rate, printed_budget_difference_yuan, "
        "budget_document_id, final_document_id "
        "from marts.fct_budget_vs_final_three_public where fiscal_year = 2023",
    )
    assert set(result) == {
        "total",
        "overseas_travel",
        "vehicles",
        "vehicle_purchase",
        "vehicle_operation",
        "official_reception",
    }
    assert result["total"] == {
        "budget_yuan": wan("20.00"),
        "final_printed_budget_yuan": wan("15.67"),
        "actual_yuan": wan("12.00"),
        "difference_yuan": wan("-8.00"),
        "execution_rate": Decimal("60.00"),
        "printed_budget_difference_yuan": wan("-4.33"),
        "budget_document_id": DOC_BUDGET_TABLES,
        "final_document_id": DOC_2023,
    }
    assert result["official_reception"]["execution_rate"] == Decimal("100.00")
    # a zero budget: no rate
    assert result["vehicle_purchase"]["budget_yuan"] == Decimal("0.00")
    assert result["vehicle_purchase"]["execution_rate"] is None
    assert result["vehicle_purchase"]["difference_yuan"] == Decimal("0.00")


def test_comparison_marts_are_typed(con: duckdb.DuckDBPyConnection) -> None:
    types = {
        (table, column): data_type
        for table, column, data_type in rows(
            con,
            "select table_name, column_name, data_type from information_schema.columns "
            "where table_schema = 'marts' and table_name like 'fct_budget_vs_final_%' "
            "and (column_name like '%_yuan' or column_name = 'execution_rate')",
        )
    }
    assert {t for t, _ in types} == {
        "fct_budget_vs_final_by_function",
        "fct_budget_vs_final_by_economic_class",
        "fct_budget_vs_final_three_public",
    }
    for (_, column), data_type in types.items():
        expected = "DECIMAL(9,2)" if column == "execution_rate" else "DECIMAL(20,2)"
        assert data_type == expected, column

"""The main job on the embedded samples, through the real CLI, dbt build included.

`fiscal run` exits non-zero when `dbt build` (models, contracts, dbt tests)
fails, so a zero exit here means the dbt tests passed inside this run.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import duckdb
import pytest

from tests.support.paths import PROJECT_ROOT

SEED = "wuhan-kjj-2023-final.pdf"

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory) -> duckdb.DuckDBPyConnection:
    root = tmp_path_factory.mktemp("e2e")
    raw = root / "raw"
    shutil.copytree(PROJECT_ROOT / "raw", raw)
    database = root / "warehouse" / "fiscal.duckdb"
    fiscal = Path(sys.executable).with_name("fiscal")
    run = subprocess.run(
        [str(fiscal), "run", "--raw", str(raw), "--warehouse", str(database), "--workers", "2"],
        capture_output=True,
        text=True,
        cwd=PROJECT_ROOT,
        timeout=900,
    )
    assert run.returncode == 0, run.stdout + run.stderr
    connection = duckdb.connect(str(database), read_only=True)
    yield connection
    connection.close()


def one(connection: duckdb.DuckDBPyConnection, sql: str, *params: object) -> object:
    rows = connection.execute(sql, list(params)).fetchall()
    assert len(rows) == 1, rows
    return rows[0][0]


def seed_id(warehouse: duckdb.DuckDBPyConnection) -> str:
    """The seed final account (its budget is wuhan-kjj-2023-budget.pdf)."""
    return one(warehouse, "select document_id from marts.dim_document where source_file = ?", SEED)


def test_every_document_loaded(warehouse):
    statuses = warehouse.execute(
        "select status, count(*) from marts.dim_document group by status"
    ).fetchall()
    assert statuses == [("loaded", 26)]  # 13 final accounts and their 13 budgets
    assert one(warehouse, "select count(*) from marts.dim_department") == 5
    assert sorted(
        r[0] for r in warehouse.execute("select fiscal_year from marts.dim_fiscal_year").fetchall()
    ) == [
        2021,
        2022,
        2023,
    ]


def test_seed_function_amount(warehouse):
    total = one(
        warehouse,
        """select total_yuan from marts.fct_expenditure_by_function
           where document_id = ? and function_code = '2060499' and fund_scope = 'all_funds'""",
        seed_id(warehouse),
    )
    assert total == Decimal("1321459800.00")


def test_seed_personnel_expenditure_from_table_06(warehouse):
    personnel = one(
        warehouse,
        """select sum(f.amount_yuan) from marts.fct_expenditure_by_economic_class f
           join marts.dim_economic_subject e using (economic_code)
           where f.document_id = ? and e.cost_group = 'personnel'""",
        seed_id(warehouse),
    )
    assert personnel == Decimal("50811200.00")


def test_facts_hold_leaves_only(warehouse):
    doc = seed_id(warehouse)
    total = one(
        warehouse,
        """select sum(total_yuan) from marts.fct_expenditure_by_function
           where document_id = ? and fund_scope = 'all_funds'""",
        doc,
    )
    assert total == Decimal("2444446300.00")  # table 03 合计 244444.63万元
    codes = {
        r[0]
        for r in warehouse.execute(
            "select function_code from marts.fct_expenditure_by_function where document_id = ?",
            [doc],
        ).fetchall()
    }
    assert "206" not in codes and "20604" not in codes and "2060499" in codes


def test_statement_and_three_public_and_execution(warehouse):
    doc = seed_id(warehouse)
    assert one(
        warehouse,
        """select amount_yuan from marts.fct_statement_line where document_id = ?
           and table_code = '01' and side = 'income' and line_item = '总计'""",
        doc,
    ) == Decimal("2444446300.00")
    budget, actual = warehouse.execute(
        """select budget_yuan, actual_yuan from marts.fct_three_public_costs
           where document_id = ? and cost_item = 'total'""",
        [doc],
    ).fetchone()
    assert (budget, actual) == (Decimal("156700.00"), Decimal("137300.00"))
    assert one(
        warehouse,
        """select completion_rate from marts.fct_budget_execution
           where document_id = ? and function_code = '2060101'""",
        doc,
    ) == Decimal("88.1")


def test_the_seeds_part3_sections(warehouse):
    """十 机关运行经费, 十一 政府采购, 十二 国有资产占用 of the seed, exact."""
    doc = seed_id(warehouse)
    assert warehouse.execute(
        """select amount_yuan, initial_budget_yuan, change_yuan, change_rate, change_base,
                  explanation, source_page
           from marts.fct_operating_cost where document_id = ?""",
        [doc],
    ).fetchall() == [
        (
            Decimal("4707000.00"),
            Decimal("4991600.00"),
            Decimal("-284600.00"),
            Decimal("-5.70"),
            "budget",
            "主要原因是压减支出等",
            21,
        )
    ]
    procurement = dict(
        warehouse.execute(
            """select category, (amount_yuan, share_percent) from marts.fct_procurement
               where document_id = ?""",
            [doc],
        ).fetchall()
    )
    assert procurement == {
        "total": (Decimal("6935100.00"), None),
        "goods": (Decimal("607500.00"), None),
        "services": (Decimal("6327600.00"), None),
        "sme_awarded": (Decimal("3463100.00"), Decimal("49.90")),
    }
    assets = dict(
        warehouse.execute(
            "select asset_item, quantity from marts.fct_state_assets where document_id = ?", [doc]
        ).fetchall()
    )
    assert assets == {
        "vehicles_total": Decimal(5),
        "机要通信用车": Decimal(2),
        "应急保障用车": Decimal(2),
        "离退休干部服务用车": Decimal(1),
        "equipment_over_1m": Decimal(0),
    }


def test_the_seeds_performance_evaluations(warehouse):
    doc = seed_id(warehouse)
    summaries = warehouse.execute(
        """select evaluation_kind, subject, budget_yuan, actual_yuan, execution_rate, score,
                  source, source_page
           from marts.fct_performance_evaluation
           where document_id = ? and indicator is null order by row_seq""",
        [doc],
    ).fetchall()
    assert [(kind, subject, source) for kind, subject, *_, source, _ in summaries] == [
        ("project", "科学技术管理事务支出", "form"),
        ("project", "科技条件与服务支出", "form"),
        ("project", "科技研发资金", "form"),
        ("overall", "武汉市科学技术局", "narrative"),
    ]
    assert summaries[0][4:6] == (Decimal("99.17"), Decimal("99.83"))
    assert summaries[3][2:6] == (
        Decimal("2390199600.00"),
        Decimal("2390199600.00"),
        Decimal("100.00"),
        Decimal("91.20"),
    )
    indicators = one(
        warehouse,
        """select count(*) from marts.fct_performance_evaluation
           where document_id = ? and indicator is not null""",
        doc,
    )
    # every indicator row of the three forms (数据调查 is printed twice, as 质量指标 and
    # as 时效指标: the grain is the indicator's whole path)
    assert indicators == 17 + 60 + 19


def test_running_costs_beside_three_public(warehouse):
    row = warehouse.execute(
        """select actual_operating_cost_yuan, final_printed_operating_budget_yuan,
                  actual_operating_change_rate, actual_three_public_yuan, operating_final_source_page
           from analytics.austerity_by_year
           where department_name = '武汉市科学技术局' and fiscal_year = 2023"""
    ).fetchall()
    assert row == [
        (Decimal("4707000.00"), Decimal("4991600.00"), Decimal("-5.70"), Decimal("137300.00"), 21)
    ]


def test_findings_are_the_seed_disagreements(warehouse):
    findings = warehouse.execute(
        """select d.source_file, f.rule_id from marts.fct_validation_finding f
           join marts.dim_document d using (document_id) where f.severity = 'error'
           order by 1, 2"""
    ).fetchall()
    assert findings == [
        (SEED, "N_BUDGET_EXECUTION_FINAL"),
        (SEED, "N_BUDGET_EXECUTION_FINAL"),
        (SEED, "N_COMPLETION_RATE"),  # 2080506: 109.20 / 119.30 printed as 98.1%
        (SEED, "N_FIGURE"),
        (SEED, "N_FIGURE"),
    ]


def test_money_is_decimal(warehouse):
    types = warehouse.execute(
        """select distinct data_type from information_schema.columns
           where table_schema = 'marts' and column_name like '%\\_yuan' escape '\\'"""
    ).fetchall()
    assert types == [("DECIMAL(20,2)",)]


def test_budget_against_final_account(warehouse):
    """The seed's 年初预算 (its budget document) against its final account."""
    rows = {
        code: rest
        for code, *rest in warehouse.execute(
            """select function_code, budget_yuan, final_yuan, narrative_initial_budget_yuan,
                      difference_yuan, execution_rate
               from marts.fct_budget_vs_final_by_function f
               join marts.dim_department d using (department_id)
               where d.department_name = '武汉市科学技术局' and f.fiscal_year = 2023
                 and f.fund_scope = 'general_public_budget'"""
        ).fetchall()
    }
    # 行政运行: budget 2191.67万, final 1930.32万, 88.1% as the narrative says
    assert rows["2060101"] == [
        Decimal("21916700.00"),
        Decimal("19303200.00"),
        Decimal("21916700.00"),
        Decimal("-2613500.00"),
        Decimal("88.08"),
    ]
    assert rows["2060499"][0] == Decimal("1197258800.00")
    assert rows["2060499"][1] == Decimal("1321459800.00")
    three = dict(
        warehouse.execute(
            """select cost_item, execution_rate from marts.fct_budget_vs_final_three_public f
               join marts.dim_department d using (department_id)
               where d.department_name = '武汉市科学技术局'"""
        ).fetchall()
    )
    # the narrative: "三公" 完成预算的47.9%, 公务用车运行 66.5%, 公务接待 9.0%
    assert three["total"] == Decimal("47.92")
    assert three["vehicle_operation"] == Decimal("66.50")
    assert three["official_reception"] == Decimal("9.03")


def test_budget_documents_are_told_apart(warehouse):
    kinds = dict(
        warehouse.execute(
            "select document_kind, count(*) from marts.dim_document group by 1"
        ).fetchall()
    )
    assert kinds == {"final_account": 13, "budget": 13}
    budget_rows = one(
        warehouse,
        """select count(*) from marts.fct_three_public_costs
           where document_kind = 'budget' and actual_yuan is not null""",
    )
    assert budget_rows == 0

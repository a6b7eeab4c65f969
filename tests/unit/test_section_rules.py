"""The rules of Part 3's sections and the performance forms: clean figures pass, each break is found."""

from __future__ import annotations

from decimal import Decimal

from pipelines.extraction.model import PerformanceEvaluation, ProcurementLine, StateAsset
from pipelines.validation import check_rules
from tests.support.validation_fixtures import document, wan


def _procurement(total: str, goods: str, works: str, services: str) -> list[ProcurementLine]:
    lines = [("total", total), ("goods", goods), ("works", works), ("services", services)]
    return [ProcurementLine(c, wan(a), None, 21, "政府采购支出总额…") for c, a in lines]


def _vehicles(total: int, kinds: dict[str, int]) -> list[StateAsset]:
    rows = [StateAsset("vehicles_total", Decimal(total), "辆", None, 21, "共有车辆…")]
    rows += [StateAsset(k, Decimal(n), "辆", None, 21, "其中…") for k, n in kinds.items()]
    rows.append(StateAsset("equipment_over_1m", Decimal(0), "台（套）", None, 21, "…"))
    return rows


def _form(score: str, funds: str, indicators: list[str], budget: str, actual: str, rate: str):
    summary = PerformanceEvaluation(
        "project",
        "科技研发资金",
        None,
        28,
        "form",
        budget_yuan=wan(budget),
        actual_yuan=wan(actual),
        execution_rate=Decimal(rate),
        score=Decimal(score),
        funds_score=Decimal(funds),
    )
    rows = [
        PerformanceEvaluation(
            "project",
            "科技研发资金",
            f"指标{i}",
            28,
            "form",
            score=Decimal(s),
            max_score=Decimal(10),
        )
        for i, s in enumerate(indicators)
    ]
    return [summary, *rows]


def _outcomes(extraction, rule_id):
    results = check_rules(extraction)
    evaluated = [e.outcome for e in results.evaluations if e.rule_id == rule_id]
    found = [f for f in results.findings if f.rule_id == rule_id]
    return evaluated, found


def test_the_seeds_procurement_adds_up():
    # 693.51 = 60.75 (goods) + 0 (works) + 632.76 (services)
    extraction = document([], procurement=_procurement("693.51", "60.75", "0", "632.76"))
    assert _outcomes(extraction, "N_PROCUREMENT_PARTS") == (["ok"], [])


def test_procurement_parts_that_do_not_add_up_are_an_error():
    extraction = document([], procurement=_procurement("693.51", "60.75", "0", "623.76"))
    evaluated, found = _outcomes(extraction, "N_PROCUREMENT_PARTS")
    assert evaluated == ["broken"]
    assert found[0].severity == "error"
    assert found[0].table_code is None  # the prose names no table (fct_validation_finding's check)
    assert found[0].expected_yuan == Decimal("6845100.00")
    assert found[0].actual_yuan == Decimal("6935100.00")
    assert found[0].difference_yuan == Decimal("90000.00")


def test_procurement_within_rounding_is_info():
    # 0.01 万元 per term: 693.52 against 693.51 is 尾数误差
    extraction = document([], procurement=_procurement("693.52", "60.75", "0", "632.76"))
    evaluated, found = _outcomes(extraction, "N_PROCUREMENT_PARTS")
    assert evaluated == ["rounding"]
    assert found[0].severity == "info"


def test_vehicles_by_kind_within_the_total():
    seed = {"机要通信用车": 2, "应急保障用车": 2, "离退休干部服务用车": 1}
    assert _outcomes(document([], state_assets=_vehicles(5, seed)), "N_VEHICLE_KINDS") == (
        ["ok"],
        [],
    )
    # a listing may leave out the kinds it has none of
    assert _outcomes(document([], state_assets=_vehicles(6, seed)), "N_VEHICLE_KINDS")[1] == []


def test_more_vehicles_by_kind_than_in_all_is_an_error():
    kinds = {"机要通信用车": 3, "应急保障用车": 2, "离退休干部服务用车": 1}
    evaluated, found = _outcomes(document([], state_assets=_vehicles(5, kinds)), "N_VEHICLE_KINDS")
    assert evaluated == ["broken"]
    assert "add up to 6, more than the 5 stated" in found[0].message
    assert "各类车辆合计6辆" in found[0].message_zh


def test_a_forms_score_and_rate_that_hold():
    # 99.83 = 19.83 + 80; 15249.15 / 15785.87 = 96.60 %
    rows = _form("99.83", "19.83", ["40", "40"], "15785.87", "15249.15", "96.60")
    extraction = document([], performance=rows)
    assert _outcomes(extraction, "N_FORM_SCORE") == (["ok"], [])
    assert _outcomes(extraction, "N_FORM_EXECUTION_RATE") == (["ok"], [])


def test_a_forms_total_score_off_its_parts():
    rows = _form("98.83", "19.83", ["40", "40"], "15785.87", "15249.15", "96.60")
    evaluated, found = _outcomes(document([], performance=rows), "N_FORM_SCORE")
    assert evaluated == ["broken"]
    assert "总分 printed 98.83" in found[0].message
    assert "add up to 99.83" in found[0].message


def test_a_forms_execution_rate_off_its_amounts():
    rows = _form("99.83", "19.83", ["40", "40"], "15785.87", "15249.15", "99.17")
    evaluated, found = _outcomes(document([], performance=rows), "N_FORM_EXECUTION_RATE")
    assert evaluated == ["broken"]
    assert found[0].severity == "error"
    assert "is 96.60%" in found[0].message


def test_a_form_without_indicator_scores_is_not_checked():
    rows = _form("99.83", "19.83", ["40", "40"], "15785.87", "15249.15", "96.60")
    rows[1].score = None
    assert _outcomes(document([], performance=rows), "N_FORM_SCORE") == ([], [])


def test_parts_printed_finer_than_the_total_round_to_it():
    # Fuzhou's 2026 medical-security budget: 252.619 + 0 + 118.00 = 370.619, printed 370.62
    lines = [
        ProcurementLine("total", Decimal("3706200"), None, 40, "…"),
        ProcurementLine("goods", Decimal("2526190"), None, 40, "…"),
        ProcurementLine("works", Decimal("0"), None, 40, "…"),
        ProcurementLine("services", Decimal("1180000"), None, 40, "…"),
    ]
    evaluated, found = _outcomes(document([], procurement=lines), "N_PROCUREMENT_PARTS")
    assert evaluated == ["rounding"]
    assert found[0].severity == "info"

"""The Part 3 section readers on the wordings real documents print (pure strings).

Each text is written the way ``extract_document`` hands it over: NFKC, without
spaces, one page (marks: page 1 from offset 0). The wordings are those of the
realdocs (Fuzhou, Jiangsu, Suzhou, Huzhou, Zhuhai, Changchun, Shanghai, Putuo)
and the seed; one test reads the realdocs themselves and skips without them.
"""

from __future__ import annotations

import unicodedata
from decimal import Decimal
from pathlib import Path

import pytest

from pipelines.extraction.sections import read_operating_cost, read_procurement, read_state_assets

MARKS = [(0, 1)]
REALDOCS = Path("/work/shared/realdocs")


def text(source: str) -> str:
    return unicodedata.normalize("NFKC", source).replace(" ", "")


def operating(source: str) -> tuple:
    (row,) = read_operating_cost(text(source), MARKS)
    return row.amount_yuan, row.change_yuan, row.change_rate, row.change_base


def procured(source: str) -> dict[str, tuple]:
    rows = read_procurement(text(source), MARKS)
    return {r.category: (r.amount_yuan, r.share_percent) for r in rows}


def assets(source: str, budget: bool = False) -> dict[str, Decimal | None]:
    return {r.asset_item: r.quantity for r in read_state_assets(text(source), MARKS, budget)}


SEED = (
    "十、机关运行经费支出说明2023年度武汉市科学技术局机关运行经费支出470.70万元，"
    "比年初预算数减少28.46万元，降低5.7%。主要原因是压减支出等。"
    "十一、政府采购支出说明2023年度武汉市科学技术局（本级）政府采购支出总额693.51万元，"
    "其中：政府采购货物支出60.75万元、政府采购服务支出632.76万元。授予中小企业合同金额"
    "346.31万元，占政府采购支出总额的49.9%。十二、国有资产占用情况说明截至2023年12月31日，"
    "武汉市科学技术局（本级）共有车辆5辆，其中，机要通信用车2辆，应急保障用车2辆、"
    "离退休干部服务用车1辆。单价100万元（含）以上设备（不含车辆）0台（套）。"
)


def test_seed() -> None:
    (op,) = read_operating_cost(text(SEED), MARKS)
    assert (op.amount_yuan, op.change_yuan, op.change_rate, op.change_base) == (
        Decimal("4707000.00"),
        Decimal("-284600.00"),
        Decimal("-5.7"),
        "budget",
    )
    assert op.initial_budget_yuan == Decimal("4991600.00")
    assert op.explanation == "主要原因是压减支出等"
    assert procured(SEED) == {
        "total": (Decimal("6935100.00"), None),
        "goods": (Decimal("607500.00"), None),
        "services": (Decimal("6327600.00"), None),
        "sme_awarded": (Decimal("3463100.00"), Decimal("49.9")),
    }
    assert assets(SEED) == {
        "vehicles_total": 5,
        "机要通信用车": 2,
        "应急保障用车": 2,
        "离退休干部服务用车": 1,
        "equipment_over_1m": 0,
    }


def test_fuzhou_change_on_last_year_two_decimals() -> None:
    source = "机关运行经费支出109.35万元，比上年增加15.51万元，增长16.53%。主要原因是在职人员和退休人员增加。"
    assert operating(source) == (
        Decimal("1093500.00"),
        Decimal("155100.00"),
        Decimal("16.53"),
        "previous_year",
    )


def test_jiangsu_budget_against_last_years_budget() -> None:
    source = (
        "2018年本部门一般公共预算机关运行经费预算支出1579.38万元，与上年预算相比减少4039.93万元，"
        "降低71.89%。主要原因是此项支出口径有所变动。"
    )
    assert operating(source) == (
        Decimal("15793800.00"),
        Decimal("-40399300.00"),
        Decimal("-71.89"),
        "previous_year",
    )


def test_shanghai_budget_without_a_change() -> None:
    source = "2026年上海市审计局财政拨款的机关运行经费预算为2,180.26万元。"
    assert operating(source) == (Decimal("21802600.00"), None, None, None)


def test_zhuhai_arranged() -> None:
    source = "2026年，本部门机关运行经费安排10,884.55万元，比上年减少789.13万元，下降6.8%，主要原因是业务调整。"
    assert operating(source) == (
        Decimal("108845500.00"),
        Decimal("-7891300.00"),
        Decimal("-6.8"),
        "previous_year",
    )


def test_putuo_against_a_named_year() -> None:
    source = "机关运行经费支出142.80万元，比2023年度减少13.52万元，下降8.65%。主要原因是勤俭节约。"
    assert operating(source) == (
        Decimal("1428000.00"),
        Decimal("-135200.00"),
        Decimal("-8.65"),
        "previous_year",
    )


@pytest.mark.parametrize(
    "source",
    [
        "本单位为公益一类事业单位，2023年度无机关运行经费支出。",
        "本单位2024年度未发生机关运行经费支出。",
    ],
)
def test_no_operating_cost(source: str) -> None:
    assert operating(source) == (Decimal("0.00"), None, None, None)


def test_amounts_printed_in_yuan() -> None:
    source = "2022年度南京市统计局机关运行经费支出1,066,600.00元，比年初预算数减少83,000.00元，降低7.2%。"
    assert operating(source) == (
        Decimal("1066600.00"),
        Decimal("-83000.00"),
        Decimal("-7.2"),
        "budget",
    )


def test_national_procurement_with_small_and_micro() -> None:
    source = (
        "2021年度武汉市教育局政府采购支出总额4029.68万元，其中：政府采购货物支出1044.69万元、"
        "政府采购工程支出569.50万元、政府采购服务支出2415.49万元。授予中小企业合同金额2523.12万元，"
        "占政府采购支出总额的62.6%，其中：授予小微企业合同金额1612.76万元，占政府采购支出总额的40.0%。"
    )
    assert procured(source) == {
        "total": (Decimal("40296800.00"), None),
        "goods": (Decimal("10446900.00"), None),
        "works": (Decimal("5695000.00"), None),
        "services": (Decimal("24154900.00"), None),
        "sme_awarded": (Decimal("25231200.00"), Decimal("62.6")),
        "small_micro_awarded": (Decimal("16127600.00"), Decimal("40.0")),
    }


def test_jiangsu_budget_procurement() -> None:
    source = (
        "十二、政府采购支出预算情况说明2018年度政府采购支出预算总额2064.25万元，其中：拟采购货物支出59万元、"
        "拟采购工程支出0万元、拟购买服务支出2005.25万元。十三、其他重要事项说明"
    )
    assert procured(source) == {
        "total": (Decimal("20642500.00"), None),
        "goods": (Decimal("590000.00"), None),
        "works": (Decimal("0.00"), None),
        "services": (Decimal("20052500.00"), None),
    }


def test_putuo_contract_amounts_and_reservations() -> None:
    source = (
        "上海市普陀区规划和自然资源局2024年度政府采购金额（以合同签订为准）为2319.21万元，其中：货物采购金额"
        "122.43万元、工程采购金额1387.72万元、服务采购金额809.07万元。2024年度本部门面向中小企业预留政府采购"
        "项目预算金额225.10万元，面向小微企业预留政府采购项目预算金额164.87万元。"
    )
    got = procured(source)
    assert got["total"] == (Decimal("23192100.00"), None)
    assert got["works"] == (Decimal("13877200.00"), None)
    assert got["sme_reserved"] == (Decimal("2251000.00"), None)
    assert got["small_micro_reserved"] == (Decimal("1648700.00"), None)


def test_no_procurement() -> None:
    assert procured("本部门2021年未安排政府采购预算。") == {"total": (Decimal("0.00"), None)}


def test_fuzhou_budget_assets_and_purchases() -> None:
    source = (
        "截至2025年12月31日，福州市商务局共有车辆5辆，其中：主要领导干部用车0辆、机要通信用车0辆、其他用车5辆。"
        "单位价值100万元（含）以上设备0台（套）。2026年部门预算安排购置车辆0辆，其中：其他用车0辆。"
    )
    assert assets(source, budget=True) == {
        "vehicles_total": 5,
        "主要领导干部用车": 0,
        "机要通信用车": 0,
        "其他用车": 5,
        "vehicles_to_purchase": 0,
        "to_purchase:其他用车": 0,
        "equipment_over_1m": 0,
    }


def test_suzhou_equipment_with_de() -> None:
    source = "本部门共有车辆1辆，其中，执法执勤用车0辆，其他用车1辆；单价100万元（含）以上的设备0台（套）。"
    assert assets(source) == {
        "vehicles_total": 1,
        "执法执勤用车": 0,
        "其他用车": 1,
        "equipment_over_1m": 0,
    }


def test_huzhou_general_and_special_equipment_not_bought() -> None:
    source = (
        "共有车辆1辆，其中，执法执勤用车1辆。单位价值50万元以上通用设备0台（套），单位价值100万元以上专用设备"
        "0台（套）。2026年部门预算未安排购置车辆、单位价值50万元以上通用设备。"
    )
    assert assets(source, budget=True) == {
        "vehicles_total": 1,
        "执法执勤用车": 1,
        "vehicles_to_purchase": 0,
        "general_equipment_over_500k": 0,
        "special_equipment_over_1m": 0,
    }


def test_zhuhai_vehicles_among_fixed_assets() -> None:
    source = (
        "截至2025年12月24日，本部门固定资产金额522,897.93万元，分布构成情况为：房屋457,664.41平方米，"
        "车辆0辆，单价在100万元以上的设备39台等。"
    )
    assert assets(source) == {"vehicles_total": 0, "equipment_over_1m": 39}


def test_changchun_motor_vehicles() -> None:
    assert assets("截止2025年12月31日，固定资产账上共有机动车3辆。") == {"vehicles_total": 3}


def test_a_budgets_purchase_is_not_read_from_a_final_account() -> None:
    source = "共有车辆2辆。本年度购置公务用车1辆。"
    assert "vehicles_to_purchase" not in assets(source)


@pytest.mark.skipif(not REALDOCS.is_dir(), reason="the realdocs are not on this machine")
@pytest.mark.parametrize(
    ("name", "amount", "vehicles"),
    [
        ("zhuhai-commerce-2026-budget.pdf", Decimal("108845500.00"), 0),
        ("suzhou-audit-2026-budget.pdf", Decimal("3956000.00"), 1),
    ],
)
def test_realdocs(name: str, amount: Decimal, vehicles: int) -> None:
    from pipelines.extraction.document import extract_document

    got = extract_document(REALDOCS / name)
    assert got.operating_cost[0].amount_yuan == amount
    held = {r.asset_item: r.quantity for r in got.state_assets}
    assert held["vehicles_total"] == vehicles and "equipment_over_1m" in held

"""The audit rules on the real documents (../shared/realdocs): every finding checked on the page.

Each inconsistency below was confirmed on the printed page (``pdftotext -f N
-l N -layout``), with the figures the finding gives:

- jiangsu-npc-office-2017-budget p.28: 因公出国 222.5, 公务用车 183.6, 公务接待
  427.5万元 "占“三公”经费的" 8.75%, 7.22%, 16.81%; of their total 833.6万元
  (table 09's 合计) they are 26.69%, 22.02%, 51.28%;
- jiangsu-npc-office-2018-budget p.21: 单位预留机动经费 1685.72万元, 增加
  1557.29万元, "增长1312.56%": over last year's 128.43万元 it is 1212.56%;
- jiangsu-party-office-2017-budget p.8: 行政运行 6106.99万元, 增加101.48万元,
  "增长1.66%": 1.66% is the change over this year's figure; over last year's
  6005.51万元 it is 1.69%;
- putuo-planning-resources-2024-final p.25: "因公出国（境）费决算为0.00万元，
  完成预算的0.00%" and the same for 公务用车, against budgets of 0 in table 09;
- changchun-petition-2026-budget p.19: 设备335.24万元 "占固定资产总额的7.90%",
  无形资产15万元 "0.26%", of 4295.98万元: 7.80% and 0.35%.

Warnings, also read on the page: empty 07/08 tables with no note and no word
in the explanations (changchun p.13, p.15; jiangsu party 2017 tables p.7);
lists of the main 人员经费 / 公用经费 items naming sections table 06 prints
blank or 0 (the Fuzhou budgets, putuo planning p.24: 奖金 and 奖励金 0.00);
the Shanghai template's placeholders (XX局, XX中心, XX部门). No other audit
finding on any real document beyond rounding (info).
"""

from __future__ import annotations

import os

import pytest

from pipelines.extraction.model import DocumentExtraction
from pipelines.validation import Finding, ValidationReport, validate_document
from tests.unit.test_realdocs_cells import REALDOCS, _extract_once

pytestmark = pytest.mark.skipif(not REALDOCS.is_dir(), reason="../shared/realdocs is not present")

AUDIT_PREFIXES = (
    "N_SHARE",
    "N_CHANGE_RATE",
    "N_COMPLETION_RATE",
    "N_RATE_BASE",
    "N_DIRECTION",
    "N_FIGURE_UNIT",
    "N_NONE_CLAIM",
    "N_LISTED_ITEM_",
    "S_",
    "M_",
    "X04_07_",
    "X04_08_",
    "X01_04_",
)

# Every audit finding beyond rounding on the real documents: (document, rule, location, severity).
EXPECTED = {
    ("changchun-petition-2026-budget", "N_SHARE", "narrative p.19 占7.90% 335.24万元", "error"),
    ("changchun-petition-2026-budget", "N_SHARE", "narrative p.19 占0.26% 15万元", "error"),
    ("changchun-petition-2026-budget", "S_EMPTY_TABLE_NO_NOTE", "07 p.13", "warning"),
    ("changchun-petition-2026-budget", "S_EMPTY_TABLE_NO_NOTE", "08 p.15", "warning"),
    (
        "fuzhou-civil-affairs-2026-budget-unit",
        "N_LISTED_ITEM_ZERO",
        "narrative p.26 人员经费 items at zero",
        "warning",
    ),
    (
        "fuzhou-commerce-2026-budget",
        "N_LISTED_ITEM_ZERO",
        "narrative p.28 人员经费 items at zero",
        "warning",
    ),
    (
        "fuzhou-medical-security-2026-budget",
        "N_LISTED_ITEM_ZERO",
        "narrative p.25 人员经费 items at zero",
        "warning",
    ),
    (
        "fuzhou-police-civilian-staff-center-2026-budget-unit",
        "N_LISTED_ITEM_ZERO",
        "narrative p.21 人员经费 items at zero",
        "warning",
    ),
    (
        "fuzhou-police-public-order-2026-budget-unit",
        "N_LISTED_ITEM_ZERO",
        "narrative p.27 人员经费 items at zero",
        "warning",
    ),
    (
        "fuzhou-science-tech-2026-budget-unit",
        "N_LISTED_ITEM_ZERO",
        "narrative p.26 人员经费 items at zero",
        "warning",
    ),
    ("jiangsu-npc-office-2017-budget", "N_SHARE", "narrative p.28 占8.75% 222.5万元", "error"),
    ("jiangsu-npc-office-2017-budget", "N_SHARE", "narrative p.28 占7.22% 183.6万元", "error"),
    ("jiangsu-npc-office-2017-budget", "N_SHARE", "narrative p.28 占16.81% 427.5万元", "error"),
    (
        "jiangsu-npc-office-2018-budget",
        "N_CHANGE_RATE",
        "narrative p.21 1312.56% of 1557.29万元",
        "error",
    ),
    ("jiangsu-party-office-2017-budget-tables", "S_EMPTY_TABLE_NO_NOTE", "07 p.7", "warning"),
    (
        "jiangsu-party-office-2017-budget",
        "N_RATE_BASE",
        "narrative p.8 1.66% of 101.48万元",
        "error",
    ),
    (
        "putuo-planning-resources-2024-final",
        "N_RATE_BASE",
        "narrative p.25 因公出国(境)费 完成0.00% of 0.00万元",
        "error",
    ),
    (
        "putuo-planning-resources-2024-final",
        "N_RATE_BASE",
        "narrative p.25 公务用车购置及运行维护费 完成0.00% of 0.00万元",
        "error",
    ),
    (
        "putuo-planning-resources-2024-final",
        "N_LISTED_ITEM_ZERO",
        "narrative p.24 人员经费 items at zero",
        "warning",
    ),
    (
        "putuo-planning-resources-2024-final",
        "N_LISTED_ITEM_ZERO",
        "narrative p.24 公用经费 items at zero",
        "warning",
    ),
    ("shanghai-final-account-template-2024", "M_DEPARTMENT_PLACEHOLDER", "XX局", "warning"),
    ("shanghai-final-account-template-2024", "M_DEPARTMENT_PLACEHOLDER", "p.4 XX中心", "warning"),
    ("shanghai-final-account-template-2024", "M_DEPARTMENT_PLACEHOLDER", "p.21 XX部门", "warning"),
}


@pytest.fixture(scope="module")
def reports(tmp_path_factory: pytest.TempPathFactory):
    """name → (extraction, report), each document extracted once per session (shared cache)."""
    base = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        base = base.parent
    cache_dir = base / "realdocs-cells"
    cache_dir.mkdir(exist_ok=True)
    store: dict[str, tuple[DocumentExtraction, ValidationReport]] = {}

    def get(name: str) -> tuple[DocumentExtraction, ValidationReport]:
        if name not in store:
            extraction = _extract_once(cache_dir, f"{name}.pdf")
            store[name] = (extraction, validate_document(extraction))
        return store[name]

    return get


def _finding(reports, name: str, rule_id: str, location: str) -> Finding:
    found = [f for f in reports(name)[1].findings if (f.rule_id, f.location) == (rule_id, location)]
    assert len(found) == 1, [(f.rule_id, f.location) for f in reports(name)[1].findings]
    return found[0]


@pytest.mark.parametrize(
    ("location", "printed", "recomputed"),
    [
        ("narrative p.28 占8.75% 222.5万元", "8.75%", "26.69%"),
        ("narrative p.28 占7.22% 183.6万元", "7.22%", "22.02%"),
        ("narrative p.28 占16.81% 427.5万元", "16.81%", "51.28%"),
    ],
)
def test_jiangsu_npc_2017_three_public_shares(reports, location, printed, recomputed) -> None:
    finding = _finding(reports, "jiangsu-npc-office-2017-budget", "N_SHARE", location)
    assert finding.severity == "error"
    assert f"printed {printed}, recomputed {recomputed}" in finding.message
    assert "table 09 合计 budget (833.60万元)" in finding.message


def test_jiangsu_npc_2018_change_rate(reports) -> None:
    finding = _finding(
        reports,
        "jiangsu-npc-office-2018-budget",
        "N_CHANGE_RATE",
        "narrative p.21 1312.56% of 1557.29万元",
    )
    assert "over last year's 128.43万元" in finding.message
    assert "printed 1312.56%, recomputed 1212.56%" in finding.message


def test_jiangsu_party_2017_rate_over_the_wrong_base(reports) -> None:
    finding = _finding(
        reports,
        "jiangsu-party-office-2017-budget",
        "N_RATE_BASE",
        "narrative p.8 1.66% of 101.48万元",
    )
    assert "recomputed 1.69%" in finding.message
    assert "this year's 6106.99万元 (1.66%)" in finding.message


@pytest.mark.parametrize("item", ["因公出国(境)费", "公务用车购置及运行维护费"])
def test_putuo_planning_2024_rates_against_a_budget_of_zero(reports, item: str) -> None:
    finding = _finding(
        reports,
        "putuo-planning-resources-2024-final",
        "N_RATE_BASE",
        f"narrative p.25 {item} 完成0.00% of 0.00万元",
    )
    assert f"table 09 {item} budget 0.00万元" in finding.message


def test_changchun_2026_fixed_asset_shares(reports) -> None:
    equipment = _finding(
        reports, "changchun-petition-2026-budget", "N_SHARE", "narrative p.19 占7.90% 335.24万元"
    )
    assert "printed 7.90%, recomputed 7.80%" in equipment.message
    intangible = _finding(
        reports, "changchun-petition-2026-budget", "N_SHARE", "narrative p.19 占0.26% 15万元"
    )
    assert "printed 0.26%, recomputed 0.35%" in intangible.message


@pytest.mark.parametrize(
    "name", sorted(p.stem for p in REALDOCS.glob("*.pdf")) if REALDOCS.is_dir() else []
)
def test_no_audit_finding_but_the_reviewed_ones(reports, name: str) -> None:
    found = {
        (name, f.rule_id, f.location, f.severity)
        for f in reports(name)[1].findings
        if f.rule_id.startswith(AUDIT_PREFIXES) and f.severity != "info"
    }
    assert found == {e for e in EXPECTED if e[0] == name}

"""The audit rules on small documents: each injected break found, with its figures; clean prose raises nothing.

Each case puts one sentence (as a PDF prints it, full-width punctuation and
all) on a prose page of the consistent document of
:mod:`tests.validation_fixtures`, whose tables hold: 01 本年收入合计 1000.00,
本年支出合计 1010.00, 年初结转和结余 10.00; 09 三公 budget 15.67 / actual
13.73 (因公出国 4.42, 公务用车 7.78, 公务接待 3.47 / 1.53).
"""

from __future__ import annotations

import dataclasses
import unicodedata
from decimal import Decimal

import pytest

from pipelines.extraction.model import DocumentExtraction, NarrativeFigure, ProsePage
from pipelines.validation import Finding, validate_document
from tests.validation_fixtures import consistent_document, three_public_table, wan

AUDIT_RULES = {
    "N_SHARE",
    "N_CHANGE_RATE",
    "N_COMPLETION_RATE",
    "N_RATE_BASE",
    "N_DIRECTION",
    "N_FIGURE_UNIT",
    "N_NONE_CLAIM",
    "N_LISTED_ITEM_ZERO",
    "N_LISTED_ITEM_OMITTED",
    "S_LISTED_TABLE_ABSENT",
    "S_TABLE_NOT_LISTED",
    "S_EMPTY_TABLE_NO_NOTE",
    "S_EMPTY_NOTE_NOT_EMPTY",
    "M_YEAR",
    "M_DEPARTMENT_PLACEHOLDER",
    "M_UNIT",
    "X04_07_GOVERNMENT_FUND",
    "X04_08_STATE_CAPITAL",
    "X01_04_CARRYOVER",
}


def with_prose(text: str, page: int = 14, doc: DocumentExtraction | None = None) -> DocumentExtraction:
    """The document with one prose page, its text normalised as extraction leaves it (NFKC)."""
    base = doc or consistent_document()
    return dataclasses.replace(
        base, prose=[*base.prose, ProsePage(page, unicodedata.normalize("NFKC", text))]
    )


def audit_findings(doc: DocumentExtraction) -> list[Finding]:
    return [f for f in validate_document(doc).findings if f.rule_id in AUDIT_RULES]


def only(doc: DocumentExtraction) -> Finding:
    findings = audit_findings(doc)
    assert len(findings) == 1, [(f.rule_id, f.location, f.message) for f in findings]
    return findings[0]


def test_the_consistent_document_has_no_audit_finding() -> None:
    assert audit_findings(consistent_document()) == []


# -- N_SHARE ------------------------------------------------------------------------


def test_share_against_the_sum_of_its_parts() -> None:
    finding = only(
        with_prose("其中：基本支出810.00万元，占本年支出80.2%；项目支出200.00万元，占本年支出29.8%。")
    )
    assert finding.rule_id == "N_SHARE"
    assert finding.severity == "error"
    assert finding.location == "narrative p.14 占29.8% 200.00万元"
    assert "printed 29.8%, recomputed 19.8%" in finding.message
    assert "应为19.8%" in finding.message_zh and "第14页" in finding.message_zh


def test_share_clean() -> None:
    doc = with_prose("其中：基本支出810.00万元，占本年支出80.2%；项目支出200.00万元，占本年支出19.8%。")
    assert audit_findings(doc) == []


def test_share_of_a_total_printed_before_the_list() -> None:
    text = (
        "一般公共预算财政拨款支出1010.00万元，主要用于以下方面：1.科学技术支出（类）支出"
        "910.00万元，占90.1%。主要是用于科研。2.社会保障和就业支出（类）100.00万元，占1.0%。"
    )
    finding = only(with_prose(text))
    assert finding.rule_id == "N_SHARE"
    assert "printed 1.0%, recomputed 9.9%" in finding.message


def test_share_of_the_three_public_total_from_table_09() -> None:
    """Jiangsu NPC 2017 p.28: shares of “三公”经费 that do not recompute."""
    text = (
        "“三公”经费支出中，因公出国（境）费支出4.42万元，占“三公”经费的3.22%；公务用车购置及"
        "运行费支出7.78万元，占“三公”经费的56.66%；公务接待费支出1.53万元，占“三公”经费的11.14%。"
    )
    finding = only(with_prose(text))
    assert finding.rule_id == "N_SHARE"
    assert finding.location == "narrative p.14 占3.22% 4.42万元"
    assert "against table 09 合计 actual (13.73万元)" in finding.message
    assert "recomputed 32.19%" in finding.message


def test_share_one_digit_off_is_rounding() -> None:
    finding = only(
        with_prose("其中：基本支出810.00万元，占本年支出80.1%；项目支出200.00万元，占本年支出19.8%。")
    )
    assert (finding.rule_id, finding.severity) == ("N_SHARE", "info")
    assert "recomputed 80.2%" in finding.message


def test_share_whose_base_is_unknown_is_not_judged() -> None:
    assert audit_findings(with_prose("设备335.24万元，占固定资产总额的7.90%。")) == []


# -- N_CHANGE_RATE, N_RATE_BASE, N_DIRECTION (change) ---------------------------------


def test_change_rate_recomputed_from_the_figure_and_the_change() -> None:
    """Jiangsu NPC 2018 p.21: 1312.56% printed for 1212.56%."""
    text = "单位预留机动经费预算数为1685.72万元。与上年相比增加1557.29万元，增长1312.56%。"
    finding = only(with_prose(text, page=21))
    assert (finding.rule_id, finding.severity) == ("N_CHANGE_RATE", "error")
    assert finding.location == "narrative p.21 1312.56% of 1557.29万元"
    assert "over last year's 128.43万元" in finding.message
    assert "printed 1312.56%, recomputed 1212.56%" in finding.message
    assert "应为1212.56%" in finding.message_zh


@pytest.mark.parametrize(
    "text",
    [
        "单位预留机动经费预算数为1685.72万元。与上年相比增加1557.29万元，增长1212.56%。",
        "机关运行经费支出1115.85万元，与上年相比减少2233.13万元，下降66.68%。",
        "因公出国（境）费0万元，比上年增加0万元，增长0%。",
    ],
)
def test_change_rate_clean(text: str) -> None:
    assert audit_findings(with_prose(text)) == []


def test_change_rate_over_this_years_figure_is_the_wrong_base() -> None:
    """Jiangsu Party Office 2017 p.8: 101.48 / 6106.99 = 1.66%, not / 6005.51 = 1.69%."""
    text = "行政运行（项）支出6106.99万元，与上年相比增加101.48万元，增长1.66%。"
    finding = only(with_prose(text, page=8))
    assert (finding.rule_id, finding.severity) == ("N_RATE_BASE", "error")
    assert "recomputed 1.69%" in finding.message
    assert "this year's 6106.99万元 (1.66%)" in finding.message


def test_change_words_that_contradict_each_other() -> None:
    text = "行政运行（项）支出6106.99万元，与上年相比减少101.48万元，增长1.69%。"
    finding = only(with_prose(text))
    assert (finding.rule_id, finding.severity) == ("N_DIRECTION", "error")
    assert "101.48万元 a decrease" in finding.message


# -- N_COMPLETION_RATE, N_RATE_BASE, N_DIRECTION (completion) -------------------------


def test_completion_rate_recomputed() -> None:
    """The seed p.19: 109.20 / 119.30 is 91.5%, printed 98.1%."""
    text = (
        "机关事业单位职业年金缴费支出（项）。年初预算为119.30万元，支出决算为109.20万元，"
        "完成年初预算的98.1%。"
    )
    finding = only(with_prose(text, page=19))
    assert (finding.rule_id, finding.severity) == ("N_COMPLETION_RATE", "error")
    assert finding.location == "narrative p.19 完成98.1% of 109.20万元"
    assert "printed 98.1%, recomputed 91.5%" in finding.message


def test_completion_rate_clean() -> None:
    text = "年初预算为119.30万元，支出决算为109.20万元，完成年初预算的91.5%，支出决算数小于年初预算数。"
    assert audit_findings(with_prose(text)) == []


def test_completion_rate_against_a_budget_of_zero() -> None:
    """Putuo planning 2024 p.25: 0.00% printed against table 09's budget of 0."""
    doc = consistent_document()
    zero_travel = three_public_table(
        budget={
            "total": "11.25",
            "overseas_travel": "0",
            "vehicles": "7.78",
            "vehicle_purchase": "0",
            "vehicle_operation": "7.78",
            "official_reception": "3.47",
        },
        actual={
            "total": "9.31",
            "overseas_travel": "0",
            "vehicles": "7.78",
            "vehicle_purchase": "0",
            "vehicle_operation": "7.78",
            "official_reception": "1.53",
        },
        page=10,
    )
    doc = dataclasses.replace(doc, tables={**doc.tables, "09": zero_travel}, narrative_figures=[])
    text = (
        "“三公”经费财政拨款支出年初预算为11.25万元，支出决算为9.31万元，完成预算的82.76%，"
        "其中：因公出国（境）费决算为0.00万元，完成预算的0.00%；公务接待费支出决算为1.53万元，"
        "完成预算的44.09%。"
    )
    finding = only(with_prose(text, page=25, doc=doc))
    assert (finding.rule_id, finding.severity) == ("N_RATE_BASE", "error")
    assert finding.location == "narrative p.25 因公出国(境)费 完成0.00% of 0.00万元"
    assert "a budget of 0 has no completion rate" in finding.message


def test_completion_rate_of_the_adjusted_budget_called_initial() -> None:
    text = (
        "年初预算为100.00万元，全年预算为120.00万元，支出决算为110.00万元，完成年初预算的91.7%。"
    )
    finding = only(with_prose(text))
    assert (finding.rule_id, finding.severity) == ("N_RATE_BASE", "error")
    assert "recomputed 110.0%" in finding.message
    assert "other budget 120.00万元" in finding.message


def test_completion_comparison_word_against_its_numbers() -> None:
    text = (
        "年初预算为100.00万元，支出决算为90.00万元，完成年初预算的90.0%，"
        "支出决算数大于年初预算数的主要原因是新增项目。"
    )
    finding = only(with_prose(text))
    assert (finding.rule_id, finding.severity) == ("N_DIRECTION", "error")
    assert "90.00万元 against a budget of 100.00万元" in finding.message


# -- N_FIGURE_UNIT ------------------------------------------------------------------


def test_narrative_figure_in_the_wrong_unit() -> None:
    doc = consistent_document()
    figures = [
        f if f.figure_key != "three_public_budget" else NarrativeFigure(
            f.figure_key, wan("156700"), f.page, "“三公”经费财政拨款支出预算为156700万元"
        )
        for f in doc.narrative_figures
    ]
    finding = only(dataclasses.replace(doc, narrative_figures=figures))
    assert (finding.rule_id, finding.severity) == ("N_FIGURE_UNIT", "error")
    assert (finding.expected_yuan, finding.actual_yuan) == (wan("15.67"), wan("156700"))
    assert "exactly 10^4 apart" in finding.message
    assert finding.location == "narrative p.17 three_public_budget"


def test_narrative_figure_off_otherwise_stays_n_figure() -> None:
    doc = consistent_document()
    figures = [
        f if f.figure_key != "three_public_budget" else dataclasses.replace(f, amount_yuan=wan("28.65"))
        for f in doc.narrative_figures
    ]
    findings = validate_document(dataclasses.replace(doc, narrative_figures=figures)).findings
    assert [(f.rule_id, f.actual_yuan) for f in findings if f.rule_id.startswith("N_")] == [
        ("N_FIGURE", wan("28.65"))
    ]
    assert Decimal(0) not in [f.expected_yuan for f in findings if f.rule_id == "N_FIGURE"]

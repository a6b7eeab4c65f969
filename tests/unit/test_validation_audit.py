"""The audit rules on small documents: each injected break found, with its figures; clean prose raises nothing.

Each case puts one sentence (as a PDF prints it, full-width punctuation and
all) on a prose page of the consistent document of
:mod:`tests.support.validation_fixtures`, whose tables hold: 01 本年收入合计 1000.00,
本年支出合计 1010.00, 年初结转和结余 10.00; 09 三公 budget 15.67 / actual
13.73 (因公出国 4.42, 公务用车 7.78, 公务接待 3.47 / 1.53).
"""

from __future__ import annotations

import dataclasses
import unicodedata
from decimal import Decimal

import pytest

from pipelines.extraction.model import (
    Column,
    DocumentExtraction,
    ExtractedTable,
    NarrativeFigure,
    ProsePage,
)
from pipelines.validation import Finding, validate_document
from tests.support.validation_fixtures import (
    consistent_document,
    function_table,
    set_amount,
    three_public_table,
    wan,
)

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


def with_prose(
    text: str, page: int = 14, doc: DocumentExtraction | None = None
) -> DocumentExtraction:
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


def only_rule(doc: DocumentExtraction, rule_id: str) -> Finding:
    findings = [f for f in audit_findings(doc) if f.rule_id == rule_id]
    assert len(findings) == 1, [(f.rule_id, f.location, f.message) for f in audit_findings(doc)]
    return findings[0]


def test_the_consistent_document_has_no_audit_finding() -> None:
    assert audit_findings(consistent_document()) == []


# -- N_SHARE ------------------------------------------------------------------------


def test_share_against_the_sum_of_its_parts() -> None:
    finding = only(
        with_prose(
            "其中：基本支出810.00万元，占本年支出80.2%；项目支出200.00万元，占本年支出29.8%。"
        )
    )
    assert finding.rule_id == "N_SHARE"
    assert finding.severity == "error"
    assert finding.location == "narrative p.14 占29.8% 200.00万元"
    assert "printed 29.8%, recomputed 19.8%" in finding.message
    assert "应为19.8%" in finding.message_zh and "第14页" in finding.message_zh


def test_share_clean() -> None:
    doc = with_prose(
        "其中：基本支出810.00万元，占本年支出80.2%；项目支出200.00万元，占本年支出19.8%。"
    )
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
        with_prose(
            "其中：基本支出810.00万元，占本年支出80.1%；项目支出200.00万元，占本年支出19.8%。"
        )
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
    text = "年初预算为100.00万元，全年预算为120.00万元，支出决算为110.00万元，完成年初预算的91.7%。"
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
        f
        if f.figure_key != "three_public_budget"
        else NarrativeFigure(
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
        f
        if f.figure_key != "three_public_budget"
        else dataclasses.replace(f, amount_yuan=wan("28.65"))
        for f in doc.narrative_figures
    ]
    findings = validate_document(dataclasses.replace(doc, narrative_figures=figures)).findings
    assert [(f.rule_id, f.actual_yuan) for f in findings if f.rule_id.startswith("N_")] == [
        ("N_FIGURE", wan("28.65"))
    ]
    assert Decimal(0) not in [f.expected_yuan for f in findings if f.rule_id == "N_FIGURE"]


# -- N_NONE_CLAIM ---------------------------------------------------------------------


def _with_table(doc: DocumentExtraction, table: ExtractedTable) -> DocumentExtraction:
    return dataclasses.replace(doc, tables={**doc.tables, table.table_code: table})


def test_none_claim_against_a_table_that_prints_amounts() -> None:
    t07 = function_table(
        "07",
        "政府性基金预算财政拨款收入支出决算表",
        [Column("total", "本年支出"), Column("basic", "基本支出"), Column("project", "项目支出")],
        [("total", "合计", ("25.00", "0", "25.00")), ("229", "其他支出", ("25.00", "0", "25.00"))],
        page=9,
    )
    doc = _with_table(consistent_document(), t07)
    text = "七、政府性基金预算财政拨款收入支出决算情况说明本单位2023年度无政府性基金预算财政拨款收入支出。"
    finding = only_rule(with_prose(text, page=18, doc=doc), "N_NONE_CLAIM")
    assert finding.severity == "error"
    assert finding.location == "narrative p.18 无政府性基金预算财政拨款收支"
    assert (finding.expected_yuan, finding.actual_yuan) == (Decimal(0), wan("25.00"))
    assert "table 07 合计 prints 250,000.00 yuan" in finding.message


def test_none_claim_clean() -> None:
    text = "本单位2023年度无政府性基金预算财政拨款收入支出。本年度无购置（更新）公务用车。"
    assert audit_findings(with_prose(text, page=18)) == []


def test_no_vehicle_purchase_claimed_but_table_09_prints_one() -> None:
    doc = consistent_document()
    set_amount(doc, "09", "vehicle_purchase", "actual", "2.00")
    finding = only_rule(
        with_prose("（1）本年度无购置（更新）公务用车。", page=21, doc=doc), "N_NONE_CLAIM"
    )
    assert (finding.table_code, finding.actual_yuan) == ("09", wan("2.00"))


# -- N_LISTED_ITEM_ZERO / N_LISTED_ITEM_OMITTED -----------------------------------------


def test_listed_item_at_zero() -> None:
    doc = consistent_document()
    set_amount(doc, "06", "30211", "amount", "0")
    set_amount(doc, "06", "30201", "amount", "130.00")
    text = "其中：人员经费650.00万元，主要包括：基本工资、津贴补贴、退休费；公用经费140.00万元，主要包括：办公费、差旅费、办公设备购置。"
    finding = only(with_prose(text, page=16, doc=doc))
    assert (finding.rule_id, finding.severity) == ("N_LISTED_ITEM_ZERO", "warning")
    assert finding.location == "narrative p.16 公用经费 items at zero"
    assert "差旅费（30211）" in finding.message


def test_listed_items_omitting_the_largest() -> None:
    text = "其中：人员经费650.00万元，主要包括：津贴补贴、退休费、其他工资福利支出。"
    finding = only(with_prose(text, page=16))
    assert (finding.rule_id, finding.severity) == ("N_LISTED_ITEM_OMITTED", "warning")
    assert "30101 '基本工资'" in finding.message and "61.5% of the group" in finding.message


def test_listed_items_clean() -> None:
    text = "其中：人员经费650.00万元，主要包括：基本工资、津贴补贴、退休费；公用经费140.00万元，主要包括：办公费、差旅费、办公设备购置。"
    assert audit_findings(with_prose(text, page=16)) == []


# -- S_… ------------------------------------------------------------------------------

CONTENTS_PAGE = """目录
第二部分 2023年度部门决算表
一、收入支出决算总表……………………5
二、收入决算表……………………6
三、支出决算表……………………7
四、财政拨款收入支出决算总表……………………8
五、一般公共预算财政拨款支出决算表……………………9
六、一般公共预算财政拨款基本支出决算明细表……………………10
七、政府性基金预算财政拨款收入支出决算表……………………11
八、国有资本经营预算财政拨款支出决算表……………………12
九、财政拨款“三公”经费支出决算表……………………13"""


def test_contents_clean() -> None:
    assert audit_findings(with_prose(CONTENTS_PAGE, page=2)) == []


def test_contents_lists_a_table_not_printed() -> None:
    doc = consistent_document()
    doc = dataclasses.replace(doc, tables={c: t for c, t in doc.tables.items() if c != "06"})
    findings = [f for f in audit_findings(with_prose(CONTENTS_PAGE, page=2, doc=doc))]
    assert [(f.rule_id, f.location, f.severity) for f in findings] == [
        ("S_LISTED_TABLE_ABSENT", "contents p.2 table 06", "warning")
    ]


def test_a_table_printed_but_not_listed() -> None:
    contents = CONTENTS_PAGE.replace("九、财政拨款“三公”经费支出决算表……………………13", "")
    finding = only(with_prose(contents, page=2))
    assert (finding.rule_id, finding.location) == ("S_TABLE_NOT_LISTED", "contents p.2 table 09")


def test_empty_table_without_its_note() -> None:
    doc = consistent_document()
    t08 = dataclasses.replace(doc.tables["08"], empty_declaration="")
    finding = only(_with_table(doc, t08))
    assert (finding.rule_id, finding.location, finding.severity) == (
        "S_EMPTY_TABLE_NO_NOTE",
        "08 p.9",
        "warning",
    )
    # the explanations saying why is a note too
    explained = with_prose(
        "本单位2023年度无国有资本经营预算财政拨款支出。", doc=_with_table(doc, t08)
    )
    assert audit_findings(explained) == []


def test_empty_note_on_a_table_with_amounts() -> None:
    doc = consistent_document()
    t07 = dataclasses.replace(
        doc.tables["07"], empty_declaration="注：本表无数据", declared_empty_with_amounts=True
    )
    finding = only(_with_table(doc, t07))
    assert (finding.rule_id, finding.location) == ("S_EMPTY_NOTE_NOT_EMPTY", "07 p.9")


# -- M_… ------------------------------------------------------------------------------


def test_a_title_of_another_year() -> None:
    doc = consistent_document()
    t03 = dataclasses.replace(doc.tables["03"], title="2022年度支出决算表")
    finding = only(_with_table(doc, t03))
    assert (finding.rule_id, finding.severity, finding.table_code) == ("M_YEAR", "warning", "03")
    assert "prints 2022, the document is of 2023" in finding.message


def test_a_heading_of_another_year() -> None:
    finding = only(with_prose("武汉市科学技术局\n2022年度部门决算\n", page=1))
    assert (finding.rule_id, finding.location) == ("M_YEAR", "heading p.1 2022")


def test_years_clean() -> None:
    doc = consistent_document()
    t03 = dataclasses.replace(doc.tables["03"], title="2023年度支出决算表")
    text = "武汉市科学技术局\n2023年度部门决算\n与2022年度相比，支出合计增加。"
    assert audit_findings(with_prose(text, page=1, doc=_with_table(doc, t03))) == []


def test_a_template_placeholder_left_in() -> None:
    finding = only(with_prose("XX局2023年度部门决算\n一、部门职责", page=1))
    assert (finding.rule_id, finding.location) == ("M_DEPARTMENT_PLACEHOLDER", "p.1 XX局")


def test_a_unit_line_off_by_ten_thousand() -> None:
    doc = consistent_document()
    t02 = doc.tables["02"]
    scaled = dataclasses.replace(
        t02,
        unit="元",
        rows=[
            dataclasses.replace(r, values={k: v / 10000 for k, v in r.values.items()})
            for r in t02.rows
        ],
    )
    findings = [
        f for f in validate_document(_with_table(doc, scaled)).findings if f.rule_id == "M_UNIT"
    ]
    assert [(f.location, f.severity) for f in findings] == [("01,02 unit", "warning")]
    assert "万元 / 元" in findings[0].message


# -- X04_07, X04_08, X01_04 -------------------------------------------------------------


def test_fund_column_against_an_empty_table_07() -> None:
    doc = consistent_document()
    set_amount(doc, "04", "本年支出合计", "government_fund", "12.00", side="expenditure")
    findings = [f for f in validate_document(doc).findings if f.rule_id == "X04_07_GOVERNMENT_FUND"]
    assert [(f.location, f.expected_yuan, f.actual_yuan) for f in findings] == [
        ("04/expenditure/本年支出合计/government_fund", Decimal(0), wan("12.00"))
    ]
    assert findings[0].severity == "error"


def test_fund_column_against_table_08() -> None:
    doc = consistent_document()
    t08 = function_table(
        "08",
        "国有资本经营预算财政拨款支出决算表",
        [Column("total", "合计"), Column("basic", "基本支出"), Column("project", "项目支出")],
        [
            ("total", "合计", ("8.00", "0", "8.00")),
            ("223", "国有资本经营预算支出", ("8.00", "0", "8.00")),
        ],
        page=9,
    )
    doc = _with_table(doc, t08)
    findings = [f for f in validate_document(doc).findings if f.rule_id == "X04_08_STATE_CAPITAL"]
    assert [(f.expected_yuan, f.actual_yuan) for f in findings] == [(wan("8.00"), Decimal(0))]
    set_amount(doc, "04", "本年支出合计", "state_capital", "8.00", side="expenditure")
    assert not [f for f in validate_document(doc).findings if f.rule_id == "X04_08_STATE_CAPITAL"]


def test_carryover_of_04_larger_than_01() -> None:
    doc = consistent_document()
    set_amount(doc, "04", "年初财政拨款结转和结余", "amount", "15.00", side="income")
    findings = [f for f in validate_document(doc).findings if f.rule_id == "X01_04_CARRYOVER"]
    assert [(f.location, f.expected_yuan, f.actual_yuan, f.severity) for f in findings] == [
        ("04/income/年初财政拨款结转和结余/amount", wan("10.00"), wan("15.00"), "error")
    ]


def test_comparison_in_the_next_sentence() -> None:
    """The seed's 三公 pattern: "…完成预算的47.9%。决算数小于预算数的主要原因是压缩开支。"."""
    clean = "“三公”经费财政拨款支出预算为28.65万元，支出决算为13.73万元，完成预算的47.9%。决算数小于预算数的主要原因是压缩开支。"
    assert audit_findings(with_prose(clean)) == []
    broken = clean.replace("决算数小于预算数", "决算数大于预算数")
    finding = only(with_prose(broken, page=20))
    assert (finding.rule_id, finding.location) == (
        "N_DIRECTION",
        "narrative p.20 决算数大于预算数 13.73万元",
    )

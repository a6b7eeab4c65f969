"""Part 6 performance self-evaluation forms: the seed's three, the synthetic ones, real documents."""

from __future__ import annotations

import dataclasses
from decimal import Decimal
from pathlib import Path

import pytest

from pipelines.extraction.furniture import strip_page_furniture
from pipelines.extraction.model import PerformanceEvaluation
from pipelines.extraction.pages import PageLayout, Word, read_pages
from pipelines.extraction.performance_forms import read_performance_forms
from pipelines.extraction.text import normalize
from tests.support.paths import FIXTURES, REALDOCS, SAMPLE_DIR
from tools.samples.passages import prose

SEED = SAMPLE_DIR / "wuhan-kjj-2023-final.pdf"
D = Decimal

# (一级, 二级, 三级, 年初目标值, 实际完成值, 得分) as printed (NFKC), levels carried down
FORM_1 = [
    ("产出指标", "数量指标", "办理外国人来华工作许可", "2000批", "2257批", D("4")),
    ("产出指标", "数量指标", "市科技成果转化对接活动", "4场", "4场", D("4")),
    ("产出指标", "数量指标", "武汉科技创新宣传数量", "≥50次期条", "449篇", D("4")),
    ("产出指标", "数量指标", "市级科技项目立项数", "200项", "718项", D("4")),
    (
        "产出指标",
        "数量指标",
        "年度离退休人员财政补助部分离退休费拨款到位率",
        "100%",
        "100%",
        D("4"),
    ),
    ("产出指标", "质量指标", "来华A类人才比例*", "30%", "36.7%", D("5")),
    ("产出指标", "质量指标", "宣传覆盖区域", "国家、省市", "国家、省市", D("5")),
    ("产出指标", "质量指标", "政策性补助拨款", "100%", "100%", D("5")),
    ("产出指标", "时效指标", "按时完成成果转化对接活动", "100%", "100%", D("5")),
    ("产出指标", "时效指标", "按季度拨款", "100%", "100%", D("5")),
    ("效益指标", "经济效益指标", "对口村集体收入", "18万元", "50.55万元", D("5")),
    ("效益指标", "社会效益指标", "返贫致贫人口数", "0人", "0人", D("5")),
    ("效益指标", "社会效益指标", "党建考核", "优秀", "优秀", D("5")),
    ("效益指标", "社会效益指标", "活动签约项目", "120项", "130项", D("5")),
    ("效益指标", "社会效益指标", "科技创新内容更新篇幅", "160篇", "218篇", D("5")),
    ("效益指标", "社会效益指标", "保障科研单位离退休人员基本生活人数", "400人", "400人", D("5")),
    (
        "满意度指标",
        "社会公众或服务对象满意度指标",
        "科技服务对象满意度",
        "≥95%",
        "≥95%",
        D("5"),
    ),
]

FORM_3 = [
    ("产出指标", "数量指标", "湖北实验室(家)", "7", "7", D("4")),
    ("产出指标", "数量指标", "通过优化重组的国家重点实验室(家)", "12", "14", D("4")),
    ("产出指标", "数量指标", "支持新型研发机构建设(个)", "3", "6", D("4")),
    ("产出指标", "数量指标", "示范创新园区(个)", "10", "13", D("5.2")),
    # its result and score are the cell merged with the row above, printed once
    ("产出指标", "数量指标", "示范创新楼宇(个)", "10", None, None),
    ("产出指标", "数量指标", "知识创新项目(家)", "250", "538", D("4")),
    ("产出指标", "数量指标", "高新技术企业总数(家)", "12000", "15323", D("4")),
    ("产出指标", "数量指标", "全市科技特派员工作站数量(家)", "170", "184", D("4")),
    ("产出指标", "数量指标", "技术合同成交额(亿元)", "1400", "2198.43", D("4")),
    ("产出指标", "数量指标", "新增市级及以上技术转移示范机构(家)", "10", "0", D("0")),
    ("产出指标", "数量指标", "成果转化项目及中试平台建设(项)", "10", "13", D("4")),
    ("产出指标", "数量指标", "科技重大专项项目(项)", "10", "14", D("4")),
    ("产出指标", "数量指标", "重点研发项目(项)", "60", "160", D("4")),
    ("产出指标", "数量指标", "支持的贷款企业(家)", "100", "54", D("2")),
    ("产出指标", "质量指标", "项目立项公平公开公正", "完成", "完成", D("5")),
    ("产出指标", "时效指标", "资金及时拨付率", "100%", "100%", D("5")),
    ("效益指标", "经济效益指标", "全市科技贷款余额(亿元)", "1900", "4496.97", D("4")),
    ("效益指标", "社会效益指标", "政府承担部分风险补偿赔付率", "400人", "400人", D("4")),
    ("效益指标", "服务对象满意度指标", "服务对象满意度", "≥90%", "≥90%", D("6")),
]

# one final account per producer and layout: synthetic (reportlab), variants, Writer/Calc/Chromium
SYNTHETIC = [
    SAMPLE_DIR / "wuhan-jyj-2021-final.pdf",
    SAMPLE_DIR / "nanjing-tjj-2022-final.pdf",
    SAMPLE_DIR / "putuo-wjw-2023-final.pdf",
    FIXTURES / "variants" / "split-codes-yuan.pdf",
    FIXTURES / "variants" / "unit-radicals.pdf",
    FIXTURES / "producers" / "writer-putuo-wjw-2021-final.pdf",
    FIXTURES / "producers" / "calc-wuhan-jyj-2023-final.pdf",
    FIXTURES / "producers" / "chromium-nanjing-jtj-2022-final.pdf",
]

# Real documents of four regions. None prints a self-evaluation form: the budgets
# print 绩效目标表 (targets, no results or scores), the final account and the
# template only speak of the self-evaluation in their prose. None may be read as one.
REALDOC_NAMES = [
    "fuzhou-civil-affairs-2026-budget-unit.pdf",  # about 30 pages of 项目支出绩效目标表
    "fuzhou-medical-security-2026-budget.pdf",  # 绩效目标表 forms
    "changchun-petition-2026-budget.pdf",  # 项目支出绩效目标表 (一级/二级/三级指标, 指标值)
    "putuo-planning-resources-2024-final.pdf",  # "绩效自评的2024年度项目39个…" in prose
    "shanghai-final-account-template-2024.pdf",
    "huzhou-finance-2026-budget.pdf",  # "将按照相关制度规定开展绩效自评"
]


def _read(path: Path) -> list[PerformanceEvaluation]:
    pages = read_pages(path)
    strip_page_furniture(pages)
    return read_performance_forms(pages, None)


def _forms(records: list[PerformanceEvaluation]) -> list[list[PerformanceEvaluation]]:
    """The records form by form: each summary with the indicators after it."""
    forms: list[list[PerformanceEvaluation]] = []
    for record in records:
        if record.indicator is None:
            forms.append([record])
        else:
            assert forms, "an indicator before any form's summary"
            forms[-1].append(record)
    return forms


def _rows(form: list[PerformanceEvaluation]) -> list[tuple]:
    return [
        (r.indicator_level1, r.indicator_level2, r.indicator, r.target, r.achieved, r.score)
        for r in form[1:]
    ]


@pytest.fixture(scope="module")
def seed() -> list[list[PerformanceEvaluation]]:
    return _forms(_read(SEED))


def test_seed_has_three_project_forms(seed):
    summaries = [form[0] for form in seed]
    assert [s.subject for s in summaries] == [
        "科学技术管理事务支出",
        "科技条件与服务支出",
        "科技研发资金",
    ]
    assert [s.sentence for s in summaries] == [
        "2023年度科学技术管理事务支出项目自评表",
        "2023年度科技条件与服务支出项目自评表",
        "2023年度科技研发资金项目自评表",
    ]
    assert all(s.evaluation_kind == "project" and s.source == "form" for s in summaries)
    assert [s.page for s in summaries] == [28, 29, 31]
    assert [len(form) - 1 for form in seed] == [17, 60, 19]


def test_seed_funds_and_totals(seed):
    figures = [
        (s.budget_yuan, s.initial_budget_yuan, s.actual_yuan, s.execution_rate, s.funds_score)
        for s in (form[0] for form in seed)
    ]
    assert figures == [
        (D("37596800.00"), None, D("37283500.00"), D("99.17"), D("19.83")),
        (D("12274200.00"), None, D("10468500.00"), D("85.29"), D("17.06")),
        (D("1282700000.00"), None, D("1282699600.00"), D("100"), D("20")),
    ]
    assert [(form[0].score, form[0].max_score) for form in seed] == [
        (D("99.83"), None),
        (D("97.06"), None),
        (D("91.2"), None),
    ]


def test_seed_form_1_every_indicator(seed):
    assert _rows(seed[0]) == FORM_1
    assert {r.page for r in seed[0][1:]} == {28}
    assert all(r.max_score is None and r.deviation_reason is None for r in seed[0][1:])


def test_seed_form_3_every_indicator(seed):
    assert _rows(seed[2]) == FORM_3
    assert {r.page for r in seed[2][1:]} == {31}


def test_seed_form_2_every_indicator_as_the_seed_prints_it(seed):
    """60 indicators over two pages, none scored; the sample prints the seed's own rows."""
    printed = prose("seed_wuhan")["performance"][1]["indicators"]
    level1 = level2 = ""
    expected = []
    for first, second, name, target, achieved, _ in printed:
        level1, level2 = first or level1, second or level2
        expected.append(
            (
                level1,
                level2,
                normalize(name.replace("\n", "")),
                normalize(target),
                normalize(achieved),
                None,
            )
        )
    rows = _rows(seed[1])
    assert rows == expected
    assert rows[16] == (
        "产出指标",
        "数量指标",
        "数据集编撰与印刷",
        "科技统计年鉴、数据手册各600册",
        "年鉴600册,数据手册600册",
        None,
    )
    assert rows[26][2] == "采集整理重点成果征集企业技术需求"  # two printed lines, one cell
    assert rows[-1] == ("满意度指标", "服务对象满意度指标", "服务对象满意率", "98%", "99%", None)
    pages = [r.page for r in seed[1][1:]]
    assert pages == sorted(pages) and set(pages) == {29, 30}
    assert (
        rows.index(("产出指标", "质量指标", "按要求完成年度项目评审任务", "完成", "完成", None))
        == 35
    )
    assert seed[1][36].page == 30  # the page the form goes on to


def test_unruled_form_reads_by_header_positions():
    """With every rule taken away, the header words alone place the cells."""
    pages = read_pages(SEED)
    strip_page_furniture(pages)
    ruled = _forms(read_performance_forms(pages, None))
    for page in pages:
        page.vertical, page.horizontal = [], []
    bare = _forms(read_performance_forms(pages, None))
    assert [form[0] for form in bare] == [form[0] for form in ruled]
    assert _rows(bare[0]) == FORM_1
    assert _rows(bare[2]) == FORM_3
    assert len(bare[1]) == len(ruled[1]) + 1  # a two-line name, unruled, reads as two rows


@pytest.fixture(scope="module", params=SYNTHETIC, ids=lambda p: p.name)
def synthetic(request) -> list[list[PerformanceEvaluation]]:
    return _forms(_read(request.param))


def test_synthetic_final_account_prints_one_national_form(synthetic):
    assert len(synthetic) == 1
    form = synthetic[0]
    summary = form[0]
    assert summary.sentence.endswith("项目支出绩效自评表")
    assert summary.sentence == f"{summary.sentence[:6]}{summary.subject}项目支出绩效自评表"
    assert summary.max_score == 100
    assert summary.initial_budget_yuan is not None and summary.budget_yuan is not None
    assert [r.indicator for r in form[1:]] == [
        "年度工作任务完成率",
        "项目验收合格率",
        "资金支付及时率",
        "服务对象覆盖范围",
        "服务对象满意度",
    ]
    assert [r.max_score for r in form[1:]] == [D("20"), D("20"), D("15"), D("20"), D("15")]
    assert [(r.indicator_level1, r.indicator_level2) for r in form[1:]] == [
        ("产出指标", "数量指标"),
        ("产出指标", "质量指标"),
        ("产出指标", "时效指标"),
        ("效益指标", "社会效益指标"),
        ("满意度指标", "服务对象满意度指标"),
    ]
    short = [r for r in form[1:] if r.score != r.max_score]
    assert all(r.deviation_reason for r in short)
    assert all(r.target and r.achieved for r in form[1:])


def test_synthetic_form_figures():
    """wuhan-jyj-2021: the national layout's 资金 row and a scored-down indicator, as printed."""
    form = _forms(_read(SAMPLE_DIR / "wuhan-jyj-2021-final.pdf"))[0]
    summary = form[0]
    assert (summary.subject, summary.page) == ("中等职业教育", 18)
    assert (summary.initial_budget_yuan, summary.budget_yuan, summary.actual_yuan) == (
        D("149965800.00"),
        D("157858700.00"),
        D("152491500.00"),
    )
    assert (summary.execution_rate, summary.funds_score) == (D("96.60"), D("9.66"))
    assert (summary.score, summary.max_score) == (D("98.06"), D("100"))
    first = form[1]
    assert (first.target, first.achieved, first.max_score, first.score) == (
        "100%",
        "92%",
        D("20"),
        D("18.4"),
    )
    assert first.deviation_reason == "部分任务受客观因素影响延后,下年度加强进度管理"


def test_synthetic_forms_add_up(synthetic):
    for form in synthetic:
        assert _identities(form) == (True, True)


def _identities(form: list[PerformanceEvaluation]) -> tuple[bool | None, bool | None]:
    """执行率 ≈ 执行数 / 预算数 (to the printed cent of a percent); 总分 = 资金得分 + indicator scores.

    None where the form does not print what the identity needs.
    """
    summary, indicators = form[0], form[1:]
    rate = None
    if (
        summary.budget_yuan
        and summary.actual_yuan is not None
        and summary.execution_rate is not None
    ):
        computed = summary.actual_yuan / summary.budget_yuan * 100
        rate = abs(computed - summary.execution_rate) <= D("0.01")
    scores = [r.score for r in indicators if r.score is not None]
    total = None
    if summary.score is not None and scores:
        total = summary.score == (summary.funds_score or 0) + sum(scores)
    return rate, total


def test_seed_forms_add_up(seed):
    # the second form scores no indicator: its 总分 is 17.06 + 80, not checkable row by row
    assert [_identities(form) for form in seed] == [(True, True), (True, None), (True, True)]


def test_the_extraction_carries_the_forms():
    from pipelines.extraction import extract_document

    extraction = extract_document(SEED)
    summaries = [r for r in extraction.performance if r.indicator is None]
    # the three forms absorb the narrative's three project self-evaluations; the
    # department's overall score comes from the narrative alone
    assert [(s.subject, s.source) for s in summaries] == [
        ("科学技术管理事务支出", "form"),
        ("科技条件与服务支出", "form"),
        ("科技研发资金", "form"),
        ("武汉市科学技术局", "narrative"),
    ]
    assert summaries[-1].evaluation_kind == "overall"
    assert summaries[-1].score == Decimal("91.2")
    assert len(extraction.performance) == 3 + 17 + 60 + 19 + 1


def test_a_budget_has_no_forms():
    assert _read(SAMPLE_DIR / "wuhan-kjj-2023-budget.pdf") == []


def test_a_strange_form_never_raises():
    """A title over words that make no form: nothing read, nothing raised."""

    def word(text: str, x: float, top: float) -> Word:
        return Word(text, x, x + 10 * len(text), top, top + 10)

    page = PageLayout(
        1,
        595,
        842,
        [
            word("2023年度某某项目绩效自评表", 100, 50),
            word("三级指标", 60, 100),
            word("年度财政资金总额", 60, 130),
            word("预算数", 200, 130),
            word("12.5", 300, 160),
            word("总分", 60, 200),
        ],
    )
    records = read_performance_forms([page], "某某局")
    assert all(r.indicator for r in records[1:])  # whatever it reads, never an unnamed indicator
    assert read_performance_forms([], None) == []


realdocs = pytest.mark.skipif(not REALDOCS.is_dir(), reason="../shared/realdocs is not present")


@realdocs
@pytest.mark.realdocs
@pytest.mark.parametrize("name", REALDOC_NAMES)
def test_realdocs_targets_are_not_self_evaluations(name):
    """A budget's 绩效目标表 prints targets only; prose about the self-evaluation is no form."""
    records = _read(REALDOCS / name)
    assert records == []
    # every form read from real documents must add up (none here: see REALDOC_NAMES)
    assert all(None in _identities(f) or _identities(f) == (True, True) for f in _forms(records))


def test_records_serialise_with_the_document():
    from pipelines.extraction.model import DocumentExtraction

    summary = PerformanceEvaluation(
        "project", "科技研发资金", None, 31, "form", budget_yuan=D("1.00"), funds_score=D("20")
    )
    document = DocumentExtraction("a.pdf", "", "", 1, None, None, None, None, None, None)
    document.performance = [summary]
    again = DocumentExtraction.from_json_dict(document.to_json_dict())
    assert again.performance == [summary]
    assert dataclasses.asdict(again.performance[0])["funds_score"] == D("20")

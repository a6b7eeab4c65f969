"""Performance evaluation as the prose states it (Part 3 十三 and Part 6's summary).

A final account summarises each evaluated project ("科学技术管理事务支出项目绩效
自评综述：项目全年预算数为3759.68万元，执行数为3728.35万元，完成预算的99.2%")
and the department's overall self-evaluation ("整体绩效自评得分91.2分";
"预算收入数…，预算执行数…，预算执行率100.0%"). The Part 6 forms state the same
projects in more detail; ``merge_performance`` keeps a form's rows over the
prose's for the same project.
"""

from __future__ import annotations

import re
from decimal import Decimal
from difflib import SequenceMatcher

from pipelines.extraction.model import PerformanceEvaluation
from pipelines.extraction.narrative import NUMBER, UNIT, _pattern, page_at
from pipelines.extraction.sections import sentence_around
from pipelines.extraction.text import to_yuan

PROJECT = _pattern(
    r"(?:\d+[.、])?(?P<name>[^。；;:：\d]{2,40}?)(?:项目)?(?:绩效)?自评(?:综述|情况|结果)?[:：]?"
    rf"(?:该)?项目全年预算(?:数)?(?:为)?{NUMBER}{UNIT}[，,]\s*(?:全年)?执行数(?:为)?{NUMBER}{UNIT}"
    r"[，,]\s*(?:完成(?:全年)?预算的|执行率(?:为)?)(?P<rate>\d+(?:\.\d+)?)%"
)
OVERALL_SCORE = _pattern(
    r"整体(?:支出)?绩效(?:自评)?(?:得分|评分)(?:为)?(?P<score>\d+(?:\.\d+)?)分"
)
OVERALL_EXECUTION = _pattern(
    rf"预算收入数{NUMBER}{UNIT}[，,]\s*预算执行数(?:（调整后）)?{NUMBER}{UNIT}[，,]\s*"
    r"预算执行率(?P<rate>\d+(?:\.\d+)?)%"
)
SAME_PROJECT = 0.6  # name similarity above which a prose summary and a form are one project


def read_performance_narrative(
    text: str, marks: list[tuple[int, int]], department: str | None
) -> list[PerformanceEvaluation]:
    rows = [_project(match, text, marks) for match in PROJECT.finditer(text)]
    overall = _overall(text, marks, department or "")
    return ([overall] if overall else []) + rows


def _project(
    match: re.Match[str], text: str, marks: list[tuple[int, int]]
) -> PerformanceEvaluation:
    budget = to_yuan(Decimal(match.group(2).replace(",", "")), match.group(3))
    return PerformanceEvaluation(
        evaluation_kind="project",
        subject=match.group("name").removesuffix("项目"),
        indicator=None,
        page=page_at(marks, match.start()),
        source="narrative",
        budget_yuan=budget,
        actual_yuan=to_yuan(Decimal(match.group(4).replace(",", "")), match.group(5)),
        execution_rate=Decimal(match.group("rate")),
        sentence=sentence_around(text, match.start(), match.end()),
    )


def _overall(
    text: str, marks: list[tuple[int, int]], department: str
) -> PerformanceEvaluation | None:
    score = OVERALL_SCORE.search(text)
    execution = OVERALL_EXECUTION.search(text)
    if score is None and execution is None:
        return None
    first = score or execution
    assert first is not None
    row = PerformanceEvaluation(
        evaluation_kind="overall",
        subject=department,
        indicator=None,
        page=page_at(marks, first.start()),
        source="narrative",
        score=Decimal(score.group("score")) if score else None,
        sentence=sentence_around(text, first.start(), first.end()),
    )
    if execution is not None:
        row.budget_yuan = to_yuan(Decimal(execution.group(1).replace(",", "")), execution.group(2))
        row.actual_yuan = to_yuan(Decimal(execution.group(3).replace(",", "")), execution.group(4))
        row.execution_rate = Decimal(execution.group("rate"))
    return row


def merge_performance(
    forms: list[PerformanceEvaluation], narrative: list[PerformanceEvaluation]
) -> list[PerformanceEvaluation]:
    """The forms' rows, and the prose's summaries of what no form states.

    A prose summary and a form are one project when their names are alike
    (科学条件与服务 / 科技条件与服务) or their budgets are equal.
    """
    summaries = [row for row in forms if row.indicator is None]
    kept = list(forms)
    for row in narrative:
        if not any(_same(row, form) for form in summaries):
            kept.append(row)
    return kept


def _same(prose: PerformanceEvaluation, form: PerformanceEvaluation) -> bool:
    if prose.evaluation_kind != form.evaluation_kind:
        return False
    if prose.evaluation_kind == "overall":
        return True
    if prose.budget_yuan is not None and prose.budget_yuan == form.budget_yuan:
        return True
    return SequenceMatcher(None, prose.subject, form.subject).ratio() >= SAME_PROJECT

"""Part 3's sections and the performance forms against their own arithmetic.

The figures of these sections have a second source inside the document:
procurement's parts add up to its total, the vehicles by kind to the vehicles
in all, a form's execution rate is its execution over its budget and its 总分
is the funds' score plus the indicators' scores. (The SME share and the
running-cost change rate are sentences of the prose, checked by
``N_SHARE`` and ``N_CHANGE_RATE``.)
"""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal

from pipelines.extraction.model import DocumentExtraction, PerformanceEvaluation

from .evaluation import Checker
from .rates import PrintedPercent, outcome, quotient_bounds

PROCUREMENT_PARTS = ("goods", "works", "services")
#: last digits an amount printed in 万元 can have: 0, 1, 2, 3 or 4 decimals
_STEPS = (Decimal(100), Decimal(10), Decimal(1))
SCORE_STEP = Decimal("0.01")


def _last_digit_yuan(amount: Decimal) -> Decimal:
    """The printed last digit of an amount, in yuan, read from the amount itself."""
    for step in _STEPS:
        if amount % step == 0:
            return step
    return Decimal("0.01")


def _printed_step(*amounts: Decimal) -> Decimal:
    """The coarsest last digit among amounts that are compared (252.619 beside 370.62 万元: 100)."""
    return max((_last_digit_yuan(a) for a in amounts if a), default=Decimal("0.01"))


def check_procurement(checker: Checker, extraction: DocumentExtraction) -> None:
    amounts = {line.category: line for line in extraction.procurement}
    total = amounts.get("total")
    parts = [amounts[c] for c in PROCUREMENT_PARTS if c in amounts]
    if total is None or total.amount_yuan is None or not parts:
        return
    terms = [p.amount_yuan for p in parts]
    step = _printed_step(total.amount_yuan, *[t for t in terms if t is not None])
    checker.compare(
        "N_PROCUREMENT_PARTS",
        f"narrative p.{total.page} 政府采购",
        "",
        terms,
        total.amount_yuan,
        step,
        "政府采购 total against its goods, works and services",
    )


def check_vehicles(checker: Checker, extraction: DocumentExtraction) -> None:
    """Vehicles by kind never exceed the vehicles in all (a listing may omit kinds of 0)."""
    kinds: dict[str, list[Decimal]] = defaultdict(list)
    totals: dict[str, Decimal] = {}
    page = 0
    for item in extraction.state_assets:
        if item.quantity is None:
            continue
        if item.asset_item in ("vehicles_total", "vehicles_to_purchase"):
            totals[item.asset_item] = item.quantity
            page = item.page
        elif item.asset_item.startswith("to_purchase:"):
            kinds["vehicles_to_purchase"].append(item.quantity)
        elif item.unit == "辆":
            kinds["vehicles_total"].append(item.quantity)
    for key, total in totals.items():
        if not kinds[key]:
            continue
        listed = sum(kinds[key], Decimal(0))
        location = f"narrative p.{page} {key}"
        if listed <= total:
            checker.evaluated("N_VEHICLE_KINDS", "", location, "ok")
            continue
        checker.evaluated("N_VEHICLE_KINDS", "", location, "broken")
        checker.note(
            "N_VEHICLE_KINDS",
            location,
            None,
            f"narrative p.{page}: the vehicles listed by kind add up to {listed}, more than "
            f"the {total} stated in all. Rule N_VEHICLE_KINDS.",
            f"第{page}页：各类车辆合计{listed}辆，多于车辆总数{total}辆。",
        )


def _summaries(extraction: DocumentExtraction) -> list[PerformanceEvaluation]:
    return [r for r in extraction.performance if r.source == "form" and r.indicator is None]


def check_form_execution_rates(checker: Checker, extraction: DocumentExtraction) -> None:
    for form in _summaries(extraction):
        if form.execution_rate is None or not form.budget_yuan or form.actual_yuan is None:
            continue
        half = _printed_step(form.budget_yuan, form.actual_yuan) / 2
        bounds = quotient_bounds(form.actual_yuan, half, form.budget_yuan, half)
        if bounds is None:
            continue
        printed = PrintedPercent(form.execution_rate, 0, 0)
        verdict = outcome(printed, bounds)
        location = f"form p.{form.page} {form.subject} 执行率"
        checker.evaluated("N_FORM_EXECUTION_RATE", "", location, verdict)
        if verdict == "ok":
            continue
        exact = (100 * form.actual_yuan / form.budget_yuan).quantize(Decimal("0.01"))
        checker.note(
            "N_FORM_EXECUTION_RATE",
            location,
            None,
            f"form p.{form.page} ({form.subject}): execution rate printed {form.execution_rate}%, "
            f"but 全年执行数 {form.actual_yuan} / 全年预算数 {form.budget_yuan} yuan is {exact}%. "
            "Rule N_FORM_EXECUTION_RATE.",
            f"第{form.page}页绩效自评表（{form.subject}）：执行率印为{form.execution_rate}%，"
            f"按执行数与预算数计算为{exact}%。",
            severity="info" if verdict == "rounding" else None,
        )


def _forms_with_indicators(
    extraction: DocumentExtraction,
) -> list[tuple[PerformanceEvaluation, list[Decimal | None]]]:
    """Each form's summary row with its indicators' scores: the rows that follow it."""
    forms: list[tuple[PerformanceEvaluation, list[Decimal | None]]] = []
    for row in extraction.performance:
        if row.source != "form":
            continue
        if row.indicator is None:
            forms.append((row, []))
        elif forms and forms[-1][0].subject == row.subject:
            forms[-1][1].append(row.score)
    return forms


def check_form_scores(checker: Checker, extraction: DocumentExtraction) -> None:
    """A form's 总分 is its funds' score plus its indicators' scores."""
    for form, scores in _forms_with_indicators(extraction):
        if form.score is None or form.funds_score is None or not scores or None in scores:
            continue
        terms = [form.funds_score, *[s for s in scores if s is not None]]
        expected = sum(terms, Decimal(0))
        location = f"form p.{form.page} {form.subject} 总分"
        tolerance = SCORE_STEP * len(terms)
        difference = form.score - expected
        verdict = (
            "ok" if difference == 0 else "rounding" if abs(difference) <= tolerance else "broken"
        )
        checker.evaluated("N_FORM_SCORE", "", location, verdict)
        if verdict == "ok":
            continue
        checker.note(
            "N_FORM_SCORE",
            location,
            None,
            f"form p.{form.page} ({form.subject}): 总分 printed {form.score}, but the funds' "
            f"score {form.funds_score} and {len(scores)} indicator scores add up to {expected}. "
            "Rule N_FORM_SCORE.",
            f"第{form.page}页绩效自评表（{form.subject}）：总分印为{form.score}，"
            f"资金得分与各指标得分合计为{expected}。",
            severity="info" if verdict == "rounding" else None,
        )


def check_sections(checker: Checker, extraction: DocumentExtraction) -> None:
    check_procurement(checker, extraction)
    check_vehicles(checker, extraction)
    check_form_execution_rates(checker, extraction)
    check_form_scores(checker, extraction)

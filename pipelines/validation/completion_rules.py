"""Completion rates in the prose (``N_COMPLETION_RATE``, ``N_RATE_BASE``, ``N_DIRECTION``).

"年初预算为2191.67万元，支出决算为1930.32万元，完成年初预算的88.1%": the rate
is the final amount over the budget, recomputed at the printed precision. A
clause without its own budget ("其中：因公出国（境）费决算为0.00万元，完成预算
的0.00%") takes the item's budget from table 09. A rate printed against a
budget of 0, or one that is the final amount over another budget the sentence
prints (全年预算 called 年初预算), is ``N_RATE_BASE``. "支出决算数大于/小于
年初预算数" is checked against the two amounts it compares (``N_DIRECTION``).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from decimal import Decimal

from pipelines.extraction.model import DocumentExtraction
from pipelines.extraction.three_public_items import ITEM_LABELS, item_of

from .evaluation import Checker, step_yuan
from .prose import AMOUNT, PrintedAmount, Prose, amount_at, quote
from .rates import PrintedPercent, outcome, quotient_bounds, recomputed
from .table_cells import cell_amount, is_usable

COMPLETION = re.compile(
    r"(?:完成(?P<which>年初|全年|调整后)?预算(?:数)?的|预算执行率(?:为)?)(?P<percent>\d+(?:\.\d+)?)%"
)
BUDGET = re.compile(r"(?P<which>年初|全年|调整后|调整)?预算(?:数)?(?:为|是)?" + AMOUNT.pattern)
COMPARISON = re.compile(
    r"决算数?(?P<word>大于|小于|等于|高于|低于|超过|多于|少于)(?:年初|全年)?预算数?"
)
THREE_PUBLIC_WORDS = re.compile(r"三公|出国|公务用车|接待")
FOLLOWING_REACH = 60  # how much of the next sentence may hold the comparison
FOLLOWING_COMPARISON = re.compile(r"[^。;]{0,30}?" + COMPARISON.pattern)
_MORE, _LESS, _EQUAL = ("大于", "高于", "超过", "多于"), ("小于", "低于", "少于"), ("等于",)


@dataclass(frozen=True)
class CompletionClause:
    final: PrintedAmount
    budget: PrintedAmount | None  # None: the clause prints no budget of its own
    budget_word: str  # 年初 / 全年 / '' as printed before the budget
    other_budgets: tuple[PrintedAmount, ...]  # further budgets the sentence prints
    percent: PrintedPercent
    item: str | None  # the 三公 item the clause names, when it prints no budget
    against: str  # the budget the rate names: 年初 (完成年初预算的), 全年, '' (完成预算的)
    following: str  # the start of the next sentence ("决算数小于预算数的主要原因是…")
    page: int
    sentence: str


def read_completion_clauses(prose: Prose) -> list[CompletionClause]:
    clauses = []
    text = prose.text
    previous_end = 0
    for match in COMPLETION.finditer(text):
        sentence_start = text.rfind("。", 0, match.start()) + 1
        # the clause: from the sentence, the previous rate, a ';' or a 其中: on
        cuts = [previous_end, text.rfind(";", 0, match.start()) + 1]
        listed = text.rfind("其中:", 0, match.start())
        if listed >= 0:
            cuts.append(listed + len("其中:"))
        start = max([sentence_start, *(c for c in cuts if c > sentence_start)])
        previous_end = match.end()
        segment_amounts = prose.amounts(start, match.start())
        if not segment_amounts:
            continue
        budgets = [(m, amount_at(m, start)) for m in BUDGET.finditer(text[start : match.start()])]
        final = segment_amounts[-1]
        budget_matches = [(m, b) for m, b in budgets if b.start != final.start]
        right = text.find("。", match.end())
        quoted_from = sentence_start
        if text.startswith(("年初预算", "预算数"), sentence_start):
            # "…行政运行（项）。年初预算为…": quote the item the figures belong to as well
            quoted_from = text.rfind("。", 0, max(sentence_start - 1, 0)) + 1
        sentence = text[quoted_from : right + 1 if right >= 0 else match.end()]
        percent = PrintedPercent(
            Decimal(match.group("percent")), match.start("percent"), match.end("percent")
        )
        segment = text[start : final.start]
        if budget_matches:
            first_match, budget = budget_matches[0]
            others = tuple(b for _, b in budget_matches[1:])
            word = first_match.group("which") or ""
            item = None
        else:
            budget, others, word = None, (), ""
            item = item_of(segment) if THREE_PUBLIC_WORDS.search(segment) else None
        clauses.append(
            CompletionClause(
                final,
                budget,
                word,
                others,
                percent,
                item,
                match.group("which") or "",
                text[right + 1 : right + 1 + FOLLOWING_REACH] if right >= 0 else "",
                prose.page_at(match.start()),
                sentence,
            )
        )
    return clauses


def _item_budget(extraction: DocumentExtraction, clause: CompletionClause) -> Decimal | None:
    """The item's budget in table 09, where it is the budget the rate names.

    Many 09 tables print the 全年预算数 (the budget as adjusted, their note
    says so): a rate of the 年初预算 is not checked against those.
    """
    t09 = extraction.tables.get("09")
    item = clause.item
    if item not in ITEM_LABELS or not is_usable(t09) or t09 is None:
        return None
    adjusted = any(word in t09.note + t09.column_label("budget") for word in ("全年", "调整"))
    if clause.against == "年初" and adjusted:
        return None
    row = t09.row(item)
    return None if row is None else cell_amount(row, "budget")


def check_completion_rates(checker: Checker, extraction: DocumentExtraction, prose: Prose) -> None:
    clauses = read_completion_clauses(prose)
    # a comparison in the next sentence is about the sentence's only clause with a budget
    budgeted = Counter(c.sentence for c in clauses if c.budget is not None)
    for clause in clauses:
        item = f" {ITEM_LABELS[clause.item]}" if clause.item in ITEM_LABELS else ""
        location = (
            f"narrative p.{clause.page}{item} 完成{clause.percent.text} of {clause.final.text}"
        )
        if clause.budget is not None:
            budget_yuan, half = clause.budget.yuan, clause.budget.half_step_yuan
            source, source_zh = f"the budget {clause.budget.text}", f"预算数{clause.budget.text}"
            _direction(checker, clause, budgeted[clause.sentence] == 1)
        else:
            item_budget = _item_budget(extraction, clause)
            if item_budget is None or clause.item is None:
                continue
            t09 = extraction.tables["09"]
            budget_yuan, half = item_budget, step_yuan(t09) / 2
            label = ITEM_LABELS[clause.item]
            source = f"table 09 {label} budget {item_budget / 10000:,.2f}万元"
            source_zh = f"表09{label}预算数{item_budget / 10000:,.2f}万元"
        bounds = quotient_bounds(clause.final.yuan, clause.final.half_step_yuan, budget_yuan, half)
        if bounds is None:
            checker.evaluated("N_RATE_BASE", "", location, "broken")
            checker.note(
                "N_RATE_BASE",
                location,
                None,
                f"Narrative p.{clause.page}: '{quote(clause.sentence)}' prints a completion rate "
                f"of {clause.percent.text} against {source}: a budget of 0 has no completion rate.",
                f"第{clause.page}页“{quote(clause.sentence)}”：{source_zh}为0，不应印出完成预算的"
                f"比率{clause.percent.text}。",
            )
            continue
        verdict = outcome(clause.percent, bounds)
        if verdict == "broken":
            other = _other_budget(clause)
            if other is not None:
                _report_other_budget(checker, clause, other, location)
                continue
        checker.evaluated("N_COMPLETION_RATE", "", location, verdict)
        if verdict == "ok":
            continue
        expected = recomputed(clause.final.yuan, budget_yuan, clause.percent.decimals)
        checker.note(
            "N_COMPLETION_RATE",
            location,
            None,
            f"Narrative p.{clause.page}: '{quote(clause.sentence)}' prints a completion rate of "
            f"{clause.percent.text}; {clause.final.text} over {source} is {expected}% "
            f"(printed {clause.percent.text}, recomputed {expected}%)"
            + (", within one digit of rounding (尾数误差)." if verdict == "rounding" else "."),
            f"第{clause.page}页“{quote(clause.sentence)}”：完成预算的比率印为{clause.percent.text}，"
            f"按决算数{clause.final.text}除以{source_zh}计算应为{expected}%"
            + ("，属尾数误差。" if verdict == "rounding" else "。"),
            severity="info" if verdict == "rounding" else None,
        )


def _other_budget(clause: CompletionClause) -> PrintedAmount | None:
    """Another budget of the sentence that the printed rate fits (全年预算 called 年初预算)."""
    for budget in clause.other_budgets:
        bounds = quotient_bounds(
            clause.final.yuan, clause.final.half_step_yuan, budget.yuan, budget.half_step_yuan
        )
        if bounds is not None and outcome(clause.percent, bounds) == "ok":
            return budget
    return None


def _report_other_budget(
    checker: Checker, clause: CompletionClause, other: PrintedAmount, location: str
) -> None:
    assert clause.budget is not None
    expected = recomputed(clause.final.yuan, clause.budget.yuan, clause.percent.decimals)
    called = f"{clause.budget_word}预算"
    checker.evaluated("N_RATE_BASE", "", location, "broken")
    checker.note(
        "N_RATE_BASE",
        location,
        None,
        f"Narrative p.{clause.page}: '{quote(clause.sentence)}' prints {clause.percent.text} as "
        f"the completion of the {called} {clause.budget.text} (recomputed {expected}%), but it "
        f"is {clause.final.text} over the other budget {other.text}.",
        f"第{clause.page}页“{quote(clause.sentence)}”：完成{called}的比率印为{clause.percent.text}，"
        f"按{called}{clause.budget.text}应为{expected}%，印出的比率是按另一预算数{other.text}计算的。",
    )


def _direction(checker: Checker, clause: CompletionClause, alone: bool) -> None:
    """ "支出决算数大于/小于年初预算数" in the clause's sentence (or, for the sentence's only
    clause with a budget, at the start of the next) against its two amounts."""
    assert clause.budget is not None
    claim = COMPARISON.search(clause.sentence) or (
        FOLLOWING_COMPARISON.match(clause.following) if alone else None
    )
    if claim is None:
        return
    final, budget = clause.final.yuan, clause.budget.yuan
    word = claim.group("word")
    holds = (
        (word in _MORE and final > budget)
        or (word in _LESS and final < budget)
        or (word in _EQUAL and final == budget)
    )
    location = f"narrative p.{clause.page} 决算数{word}预算数 {clause.final.text}"
    checker.evaluated("N_DIRECTION", "", location, "ok" if holds else "broken")
    if holds:
        return
    checker.note(
        "N_DIRECTION",
        location,
        None,
        f"Narrative p.{clause.page}: '{quote(clause.sentence)}' says the final amount is "
        f"{word} (compared with) the budget, but it prints {clause.final.text} against a budget "
        f"of {clause.budget.text}.",
        f"第{clause.page}页“{quote(clause.sentence)}”：称决算数{word}预算数，但决算数为"
        f"{clause.final.text}，预算数为{clause.budget.text}。",
    )

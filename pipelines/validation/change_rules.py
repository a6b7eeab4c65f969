"""Change rates in the prose (``N_CHANGE_RATE``, ``N_RATE_BASE``, ``N_DIRECTION``).

"基本支出7877.76万元。与上年相比增加211.08万元，增长2.75%": the change D is
printed with the current figure C, so last year's figure is C − D (C + D for
a decrease) and the rate is D over it. C is the amount printed nearest before
the change, in its sentence or the one before; another amount there may be
the subject instead ("A X万元，B Y万元，比上年增加…"), so the rate is right
when it fits any of them. A rate that fits none is wrong: 'N_RATE_BASE' when
it is D over this year's figure (the wrong base), 'N_CHANGE_RATE' otherwise.
"增加D万元，下降P%" contradicts itself (``N_DIRECTION``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from .evaluation import Checker
from .prose import PrintedAmount, Prose, quote
from .rates import PrintedPercent, outcome, quotient_bounds, recomputed

DOWN = ("减少", "下降", "降低", "减")
CHANGE = re.compile(
    r"(?P<verb>增加|减少|增长|下降|降低|上升|提高|减)"
    r"(?P<number>\d[\d,]*(?:\.\d+)?)(?P<unit>亿元|万元|元),?(?:同比)?"
    r"(?P<rate_word>增长|下降|降低|上升|减少|增加|提高|增幅|降幅)(?:\([^)]{0,4}\))?(?:为)?"
    r"(?P<percent>\d+(?:\.\d+)?)%"
)
SENTENCES_BACK = 3  # how many sentences before its own the changed figure may be printed
_CHANGE_BEFORE = re.compile(r"(增加|减少|增长|下降|降低|上升|提高|减)$")
_PRIOR_BEFORE = re.compile(r"比[^,。;]{0,12}$")


@dataclass(frozen=True)
class ChangeClause:
    change: PrintedAmount
    sign: int  # +1 an increase, −1 a decrease
    rate_sign: int
    percent: PrintedPercent
    page: int
    sentence: str


def _sign(word: str) -> int:
    return -1 if word in DOWN or word == "降幅" else 1


def read_change_clauses(prose: Prose) -> list[ChangeClause]:
    clauses = []
    for match in CHANGE.finditer(prose.text):
        change = PrintedAmount(
            Decimal(match.group("number").replace(",", "")),
            match.group("unit"),
            match.start("number"),
            match.end("unit"),
        )
        percent = PrintedPercent(
            Decimal(match.group("percent")), match.start("percent"), match.end("percent")
        )
        left = prose.text.rfind("。", 0, match.start()) + 1
        right = prose.text.find("。", match.end())
        clauses.append(
            ChangeClause(
                change,
                _sign(match.group("verb")),
                _sign(match.group("rate_word")),
                percent,
                prose.page_at(match.start()),
                prose.text[left : right + 1 if right >= 0 else match.end()],
            )
        )
    return clauses


def _subjects(prose: Prose, clause: ChangeClause) -> list[tuple[PrintedAmount, bool]]:
    """Amounts before the change in its sentence and the three before, nearest first.

    Each with whether it is last year's figure ("比上年的X万元") rather than this year's.
    Amounts that are themselves changes ("增加D万元") are not subjects.
    """
    window_start = clause.change.start
    for _ in range(SENTENCES_BACK + 1):
        window_start = max(prose.text.rfind("。", 0, window_start), 0)
    found = []
    for amount in reversed(prose.amounts(window_start, clause.change.start)):
        before = prose.text[max(0, amount.start - 12) : amount.start]
        if _CHANGE_BEFORE.search(before):
            continue
        found.append((amount, bool(_PRIOR_BEFORE.search(before))))
    return found


def _rate_fits(clause: ChangeClause, subject: PrintedAmount, is_prior: bool) -> str:
    prior = subject.yuan if is_prior else subject.yuan - clause.sign * clause.change.yuan
    half = subject.half_step_yuan + (0 if is_prior else clause.change.half_step_yuan)
    bounds = quotient_bounds(clause.change.yuan, clause.change.half_step_yuan, prior, half)
    return "no base" if bounds is None else outcome(clause.percent, bounds)


def check_change_rates(checker: Checker, prose: Prose) -> None:
    for clause in read_change_clauses(prose):
        location = f"narrative p.{clause.page} {clause.percent.text} of {clause.change.text}"
        if clause.sign != clause.rate_sign and clause.change.yuan:
            _direction(checker, clause, location)
            continue
        if not clause.change.yuan and not clause.percent.percent:
            continue  # no change, no rate: nothing to recompute
        subjects = _subjects(prose, clause)
        if not subjects:
            continue  # the figure it changes is not printed nearby
        fitted = [(s, _rate_fits(clause, *s)) for s in subjects]
        # a figure smaller than a rise is not the one that rose (last year's would be below 0)
        subjects = [s for s, verdict in fitted if verdict != "no base"]
        verdicts = [verdict for _, verdict in fitted if verdict != "no base"]
        if not subjects:
            continue
        if "ok" in verdicts or "rounding" in verdicts:
            verdict = "ok" if "ok" in verdicts else "rounding"
            checker.evaluated("N_CHANGE_RATE", "", location, verdict)
            if verdict == "rounding":
                _report(checker, "N_CHANGE_RATE", clause, subjects[0], location, "info")
            continue
        current, is_prior = subjects[0]
        wrong_base = not is_prior and _fits_current(clause, current)
        rule_id = "N_RATE_BASE" if wrong_base else "N_CHANGE_RATE"
        checker.evaluated(rule_id, "", location, "broken")
        _report(checker, rule_id, clause, subjects[0], location, None)


def _fits_current(clause: ChangeClause, current: PrintedAmount) -> bool:
    bounds = quotient_bounds(
        clause.change.yuan, clause.change.half_step_yuan, current.yuan, current.half_step_yuan
    )
    return bounds is not None and outcome(clause.percent, bounds) != "broken"


def _report(
    checker: Checker,
    rule_id: str,
    clause: ChangeClause,
    subject: tuple[PrintedAmount, bool],
    location: str,
    severity: str | None,
) -> None:
    amount, is_prior = subject
    prior = amount.yuan if is_prior else amount.yuan - clause.sign * clause.change.yuan
    expected = recomputed(clause.change.yuan, prior, clause.percent.decimals)
    prior_wan = f"{prior / 10000:,.2f}万元"
    what = f"{clause.change.text} over last year's {prior_wan}"
    what_zh = f"{clause.change.text}除以上年数{prior_wan}"
    if severity == "info":
        tail, tail_zh = ", within one digit of rounding (尾数误差)", "，属尾数误差"
    elif rule_id == "N_RATE_BASE":
        wrong = recomputed(clause.change.yuan, amount.yuan, clause.percent.decimals)
        tail = f"; the printed rate is the change over this year's {amount.text} ({wrong}%)"
        tail_zh = f"；印出的比率是按本年数{amount.text}计算的（{wrong}%），基数错误"
    else:
        tail = tail_zh = ""
    checker.note(
        rule_id,
        location,
        None,
        f"Narrative p.{clause.page}: '{quote(clause.sentence)}' prints a change rate of "
        f"{clause.percent.text}; {what} is {expected}% (printed {clause.percent.text}, "
        f"recomputed {expected}%){tail}.",
        f"第{clause.page}页“{quote(clause.sentence)}”：变动率印为{clause.percent.text}，"
        f"按{what_zh}计算应为{expected}%{tail_zh}。",
        severity=severity,
    )


def _direction(checker: Checker, clause: ChangeClause, location: str) -> None:
    checker.evaluated("N_DIRECTION", "", location, "broken")
    words = ("an increase", "a decrease")
    words_zh = ("增加", "减少")
    amount_word = words[clause.sign < 0]
    rate_word = words[clause.rate_sign < 0]
    checker.note(
        "N_DIRECTION",
        location,
        None,
        f"Narrative p.{clause.page}: '{quote(clause.sentence)}' calls {clause.change.text} "
        f"{amount_word} but its rate {clause.percent.text} {rate_word}.",
        f"第{clause.page}页“{quote(clause.sentence)}”：{clause.change.text}为"
        f"{words_zh[clause.sign < 0]}，变动率{clause.percent.text}却表述为"
        f"{words_zh[clause.rate_sign < 0]}，方向矛盾。",
    )

"""Numbers in the prose: budget-execution sentences and the totals the narrative restates."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from difflib import SequenceMatcher

from pipelines.extraction.model import BudgetExecution, ExtractedTable, NarrativeFigure
from pipelines.extraction.text import to_yuan


def _pattern(source: str) -> re.Pattern[str]:
    """Compile a pattern written with full-width punctuation against NFKC text."""
    escaped = source.replace("（", r"\(").replace("）", r"\)")
    return re.compile(unicodedata.normalize("NFKC", escaped))


NUMBER = r"(\d[\d,]*(?:\.\d+)?)"
UNIT = r"(万元|元)"

EXECUTION = _pattern(
    r"(?P<label>[^。；：:]{2,80}?（项）)[。.，,]?\s*"
    r"(?:[^。（]{0,80}?。)?"  # an aside between the item and its figures: "主要用于：…。"
    rf"年初预算(?:数)?为{NUMBER}{UNIT}[，,]\s*支出决算(?:数)?为{NUMBER}{UNIT}"
    r"(?:[，,。]\s*完成(?:年初)?预算的(?P<rate>\d+(?:\.\d+)?)%)?"
    r"(?P<rest>[^。]*)。"
)
LABEL_PART = _pattern(r"(.+?)（(类|款|项)）")

# (figure key, pattern with one amount group + unit group); the first match counts.
FIGURES: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (key, _pattern(pattern))
    for key, pattern in (
        ("fiscal_total", rf"财政拨款收(?:入)?、?支(?:出)?总计(?:各)?{NUMBER}{UNIT}"),
        ("total_income_expenditure", rf"(?<!拨款)收(?:入)?、?支(?:出)?总计(?:各)?{NUMBER}{UNIT}"),
        ("income_total", rf"收入合计{NUMBER}{UNIT}"),
        ("income_total", rf"(?<!拨款)收入预算(?:总计|合计)?{NUMBER}{UNIT}"),
        ("fiscal_appropriation_income", rf"其中[:：]?财政拨款收入{NUMBER}{UNIT}"),
        ("expenditure_total", rf"支出合计{NUMBER}{UNIT}"),
        ("expenditure_total", rf"(?<!拨款)(?<!基本)(?<!项目)支出预算(?:总计|合计)?{NUMBER}{UNIT}"),
        ("basic_expenditure", rf"其中[:：]?基本支出{NUMBER}{UNIT}[，,]占"),
        ("project_expenditure", rf"项目支出{NUMBER}{UNIT}[，,]占"),
        ("general_budget_expenditure", rf"一般公共预算财政拨款支出{NUMBER}{UNIT}[，,]占本年支出"),
        ("general_budget_expenditure", rf"一般公共预算(?:财政)?拨款支出预算{NUMBER}{UNIT}"),
        ("general_budget_basic", rf"一般公共预算(?:财政)?拨款基本支出{NUMBER}{UNIT}"),
        ("general_budget_project", rf"一般公共预算(?:财政)?拨款项目支出{NUMBER}{UNIT}"),
        ("general_budget_project", rf"其中[:：]?基本支出{NUMBER}{UNIT}[，,]项目支出{NUMBER}{UNIT}"),
        # 人员经费 as the basic expenditure's part, not a project's (临聘人员经费)
        ("personnel_expenditure", rf"(?:(?<![\u4e00-\u9fff])|(?<=其中))人员经费{NUMBER}{UNIT}"),
        ("public_expenditure", rf"(?:(?<![\u4e00-\u9fff])|(?<=其中))公用经费{NUMBER}{UNIT}"),
        ("three_public_budget", rf"“?三公”?经费(?:财政拨款)?支出(?:年初)?预算为{NUMBER}{UNIT}"),
        ("three_public_budget", rf"“?三公”?经费预算数?为{NUMBER}{UNIT}"),
        (
            "three_public_actual",
            rf"“?三公”?经费(?:财政拨款)?支出(?:年初)?预算为[\d,.]+(?:万元|元)[，,]支出决算为{NUMBER}{UNIT}",
        ),
        ("overseas_travel_budget", rf"因公出国（境）费(?:支出)?预算为{NUMBER}{UNIT}"),
        (
            "overseas_travel_actual",
            rf"因公出国（境）费(?:支出)?预算为[\d,.]+(?:万元|元)[，,]支出决算为{NUMBER}{UNIT}",
        ),
        ("vehicles_actual", rf"公务用车购置及运行(?:维护)?费支出决算为{NUMBER}{UNIT}"),
        ("vehicle_purchase_actual", rf"公务用车购置费(?:支出)?(?:决算为)?{NUMBER}{UNIT}"),
        ("vehicle_operation_actual", rf"公务用车运行(?:维护)?费(?:支出)?(?:决算为)?{NUMBER}{UNIT}"),
        ("official_reception_actual", rf"公务接待费支出决算为{NUMBER}{UNIT}"),
    )
)
CLASS_FIGURE = _pattern(rf"(?P<name>[^（。；：:、.\d]{{2,20}})（类）(?:支出)?{NUMBER}{UNIT}[，,]占")


@dataclass
class PageText:
    page: int
    text: str  # the page's lines joined without separators (Chinese prose wraps anywhere)


def join_pages(pages: Iterable[PageText]) -> tuple[str, list[tuple[int, int]]]:
    """All prose as one string, with (offset, page) marks to find a match's page."""
    parts, marks, offset = [], [], 0
    for page in pages:
        marks.append((offset, page.page))
        parts.append(page.text)
        offset += len(page.text)
    return "".join(parts), marks


def page_at(marks: list[tuple[int, int]], offset: int) -> int:
    page = marks[0][1] if marks else 1
    for start, number in marks:
        if start > offset:
            break
        page = number
    return page


def read_budget_execution(
    text: str, marks: list[tuple[int, int]], tables: dict[str, ExtractedTable]
) -> list[BudgetExecution]:
    names = _function_names(tables)
    found = []
    for match in EXECUTION.finditer(text):
        label = re.sub(r"^[\d.、（）()]+", "", match.group("label").strip())
        found.append(
            BudgetExecution(
                function_code=_resolve(label, names),
                function_label=label,
                initial_budget_yuan=to_yuan(
                    Decimal(match.group(2).replace(",", "")), match.group(3)
                ),
                final_yuan=to_yuan(Decimal(match.group(4).replace(",", "")), match.group(5)),
                completion_rate=Decimal(match.group("rate")) if match.group("rate") else None,
                explanation=match.group("rest").strip("，, "),
                page=page_at(marks, match.start()),
            )
        )
    return found


def read_figures(
    text: str, marks: list[tuple[int, int]], tables: dict[str, ExtractedTable], budget: bool = False
) -> list[NarrativeFigure]:
    figures = []
    found: set[str] = set()
    for key, pattern in FIGURES:
        if key in found or (budget and key.endswith("_actual")):
            continue  # a budget's 三公 sentences state budgets, not actuals
        match = pattern.search(text)
        if not match:
            continue
        found.add(key)
        amount, unit = match.groups()[-2:]  # each pattern ends with the figure and its unit
        figures.append(
            NarrativeFigure(
                key,
                to_yuan(Decimal(amount.replace(",", "")), unit),
                page_at(marks, match.start()),
                _sentence(text, match.start(), match.end()),
            )
        )
    class_codes = {
        row.row_label: row.row_key
        for code in ("05", "03")
        if code in tables
        for row in tables[code].rows
        if len(row.row_key) == 3
    }
    seen = set()
    for match in CLASS_FIGURE.finditer(text):
        code = class_codes.get(match.group("name")) or _resolve_class(
            match.group("name"), class_codes
        )
        if code is None or code in seen:
            continue
        seen.add(code)
        figures.append(
            NarrativeFigure(
                f"general_budget_class:{code}",
                to_yuan(Decimal(match.group(2).replace(",", "")), match.group(3)),
                page_at(marks, match.start()),
                _sentence(text, match.start(), match.end()),
            )
        )
    return figures


def _sentence(text: str, start: int, end: int) -> str:
    left = max(text.rfind("。", 0, start), text.rfind(";", 0, start)) + 1
    right = text.find("。", end)
    return text[left : right + 1 if right >= 0 else end][:300]


def _function_names(tables: dict[str, ExtractedTable]) -> dict[str, str]:
    names: dict[str, str] = {}
    for code in ("05", "03", "02"):
        for row in tables.get(code, ExtractedTable(code, "", None, "万元", [], [], [])).rows:
            if row.row_key.isdigit():
                names.setdefault(row.row_key, row.row_label)
    return names


def _similar(a: str, b: str) -> float:
    return SequenceMatcher(None, a, b).ratio()


def _resolve(label: str, names: dict[str, str]) -> str | None:
    """The 7-digit code whose item, section and class names best match the label."""
    parts = {kind: name for name, kind in LABEL_PART.findall(label)}
    item = parts.get("项")
    if not item:
        return None
    best, best_score = None, 0.0
    for code, name in names.items():
        if len(code) != 7:
            continue
        item_score = _similar(item, name)
        if item_score < 0.7:
            continue
        score = 2 * item_score
        if "款" in parts:
            score += _similar(parts["款"], names.get(code[:5], ""))
        if "类" in parts:
            score += _similar(parts["类"], names.get(code[:3], ""))
        if score > best_score:
            best, best_score = code, score
    return best if best_score >= 2.4 else None


def _resolve_class(name: str, class_codes: dict[str, str]) -> str | None:
    scored = [(_similar(name, printed), code) for printed, code in class_codes.items()]
    best = max(scored, default=(0.0, None))
    return best[1] if best[0] >= 0.8 else None

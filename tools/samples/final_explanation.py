"""Part 3 of a synthetic final account (决算情况说明): the values its prose restates.

The wording is ``explanation`` in ``prose/final_account.toml``; this module
works out what it prints: the year's totals and their change on the year
before, the general budget by class, the budget execution of every 项 and the
"三公" figures, with the reasons a department gives.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from tools.samples.accounts import ZERO
from tools.samples.blocks import Block, Paragraph
from tools.samples.departments import DepartmentProfile
from tools.samples.passages import class_shares, execution, passage, pct, prose, wan_text
from tools.samples.section_figures import (
    Operating,
    Printing,
    assets,
    operating,
    operating_base,
    procurement,
    section_blocks,
    slot,
)
from tools.samples.synthetic import GeneratedYear

OVER, UNDER = Decimal("1.1"), Decimal("0.9")  # beyond these a 项's execution gives a reason


def change(current: Decimal, previous: Decimal) -> str:
    """'增加X万元，增长Y%' (or 减少 / 下降) from ``previous`` to ``current``."""
    diff = current - previous
    wording = prose("final_account")["change"]["up" if diff >= 0 else "down"]
    return wording.format(amount=wan_text(abs(diff)), pct=pct(abs(diff), previous))


def explanation(
    profile: DepartmentProfile,
    year: int,
    g: GeneratedYear,
    prev: GeneratedYear,
    *,
    scope: str = "部门",
) -> list[Block]:
    """Part 3 of ``profile``'s final account for ``year``; ``scope`` '单位' in a unit's own."""
    wording = prose("final_account")
    up = wording["change"]["reasons_up"][year % 3]
    down = wording["change"]["reasons_down"][year % 4]
    a, p = g.account, prev.account
    income, spend, general = a.t02[0], a.t03[0], a.t05[0]
    assert a.t09 is not None
    budget, actual = a.t09.budget, a.t09.actual
    grand, previous_grand = a.t01_income[-1].values["amount"], p.t01_income[-1].values["amount"]
    fiscal_total = a.t04_income[-1].values["amount"]
    initial_total = sum(g.initial_budget.values(), ZERO)
    values: dict[str, Any] = {
        "name": profile.name,
        "y": year,
        "py": year - 1,
        "scope": scope,
        "grand_total": grand,
        "grand_total_change": change(grand, previous_grand),
        "grand_total_reason": up if grand >= previous_grand else down,
        "income_total": income.get("total"),
        "income_total_change": change(income.get("total"), p.t02[0].get("total")),
        "fiscal_income": income.get("fiscal_appropriation"),
        "fiscal_income_pct": pct(income.get("fiscal_appropriation"), income.get("total")),
        "expenditure_total": spend.get("total"),
        "expenditure_total_change": change(spend.get("total"), p.t03[0].get("total")),
        "expenditure_total_reason": up if spend.get("total") >= p.t03[0].get("total") else down,
        "basic_expenditure": spend.get("basic"),
        "basic_expenditure_pct": pct(spend.get("basic"), spend.get("total")),
        "project_expenditure": spend.get("project"),
        "project_expenditure_pct": pct(spend.get("project"), spend.get("total")),
        "fiscal_total": fiscal_total,
        "fiscal_total_change": change(fiscal_total, p.t04_income[-1].values["amount"]),
        "general_budget_expenditure": general.get("total"),
        "general_budget_expenditure_pct": pct(general.get("total"), spend.get("total")),
        "general_budget_expenditure_change": change(general.get("total"), p.t05[0].get("total")),
        "general_budget_classes": class_shares(a.t05, general.get("total")),
        "initial_budget": initial_total,
        "initial_budget_completion": pct(general.get("total"), initial_total),
        "general_budget_basic": general.get("basic"),
        "general_budget_project": general.get("project"),
        "personnel_expenditure": a.t06_personnel_total,
        "public_expenditure": a.t06_public_total,
        "government_fund": bool(a.t07),
        "three_public_budget": budget["total"],
        "three_public_actual": actual["total"],
        "three_public_completion": pct(actual["total"], budget["total"]),
        "three_public_under_budget": actual["total"] < budget["total"],
        "overseas_travel_budget": budget["overseas_travel"],
        **{f"{item}_actual": actual[item] for item in actual},
    }
    for key in ("business_income", "other_income"):
        values[key] = income.get(key)
        values[f"{key}_pct"] = pct(income.get(key), income.get("total"))
        values[f"{key}_received"] = income.get(key) > 0
    if a.t07:
        fund = a.t07[0]
        values["fund_income"] = fund.get("income")
        values["fund_expenditure"] = fund.get("total")
        values["fund_carryover_end"] = fund.get("carryover_end")
    executions = _executions(g, up, down)
    inserts = {"executions": executions, "sections": _sections(profile, year, g, prev, scope)}
    return passage(wording["explanation"], values, inserts=inserts)


def _sections(
    profile: DepartmentProfile, year: int, g: GeneratedYear, prev: GeneratedYear, scope: str
) -> list[Block]:
    """Part 3 十–十二; a unit's own document (a service unit) has no 机关运行经费."""
    n = slot(profile.slug, year)
    public, project = g.account.t06_public_total, g.account.t05[0].get("project")
    if scope == "单位":
        op = Operating(ZERO, none=True)
    else:
        base = operating_base("final_account", n)
        op = operating(profile.slug, year, "final", public, prev.account.t06_public_total, base)
    # a form with ``parts_no_works`` (the seed's) is drawn without works
    forms = prose("final_account")["sections"]["procurement"]
    works = "parts_no_works" not in forms[n % len(forms)]
    figures = (
        op,
        procurement(profile.slug, year, "final", public, project, works),
        assets(profile.slug, year),
    )
    values = {"y": year, "py": year - 1, "name": profile.name, "scope": scope, "slot": n}
    printing = Printing(profile.style.unit, profile.style.thousands)
    return section_blocks("final_account", values, figures, printing)


def _executions(g: GeneratedYear, up: str, down: str) -> list[Block]:
    """The budget execution of every 项 of table 05, with a reason where it is far from budget."""
    wording = prose("final_account")["execution"]
    blocks: list[Block] = []
    items = [line for line in g.account.t05 if line.level == 3]
    for n, line in enumerate(items, start=1):
        label = wording["label"].format(
            class_name=g.names[line.code[:3]],
            section_name=g.names[line.code[:5]],
            item_name=line.name,
        )
        initial, final = g.initial_budget[line.code], line.get("total")
        reason = ""
        if initial == 0 or final > initial * OVER:
            reason = wording["over"].format(reason=up)
        elif final < initial * UNDER:
            reason = wording["under"].format(reason=down)
        sentence = execution(
            n,
            label,
            code=line.code,
            initial=initial,
            final=final,
            printed=(wan_text(initial), wan_text(final)),
            rate=None if initial == 0 else pct(final, initial),
            reason=reason,
        )
        blocks.append(Paragraph([sentence]))
    return blocks

"""Invent a department's final account for one year from a seeded RNG.

Only leaves are drawn at random (economic sections of 06, function 项 of
02/03/05/07, the "三公" items); every subtotal, class row, statement line and
cross-table figure is summed from them, so all identities hold by
construction. The RNG is seeded with '<slug>-<year>', so output is stable.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from decimal import Decimal

from tools.samples.accounts import (
    FUNCTION_KEYS,
    HUNDRED,
    ZERO,
    EconomicLine,
    FinalAccount,
    FunctionLine,
    ThreePublic,
    add_three_public_subtotals,
    round_hundred,
)
from tools.samples.departments import DepartmentProfile
from tools.samples.economic import (
    CAPITAL_310,
    CLASS_NAMES,
    PERSONNEL_301,
    PERSONNEL_303,
    PUBLIC_302,
    THREE_PUBLIC_SECTIONS,
)
from tools.samples.statements import lines_01, lines_04

# Share of the basic total each economic section takes (before noise); 0 = usually blank.
ECONOMIC_WEIGHTS = {
    "30101": 0.12, "30102": 0.15, "30103": 0.07, "30106": 0.0, "30107": 0.08, "30108": 0.09,
    "30109": 0.035, "30110": 0.045, "30111": 0.02, "30112": 0.007, "30113": 0.085, "30114": 0.001,
    "30199": 0.03, "30301": 0.005, "30302": 0.03, "30304": 0.007, "30307": 0.001, "30399": 0.001,
    "30201": 0.012, "30202": 0.001, "30203": 0.0005, "30205": 0.0002, "30206": 0.004, "30207": 0.003,
    "30209": 0.02, "30211": 0.01, "30212": 0.0012, "30213": 0.005, "30214": 0.0003, "30215": 0.0004,
    "30216": 0.001, "30217": 0.0004, "30226": 0.005, "30227": 0.005, "30228": 0.01, "30229": 0.03,
    "30231": 0.0015, "30239": 0.01, "30299": 0.03, "31002": 0.003, "31007": 0.002, "31013": 0.004,
}  # fmt: skip
OPTIONAL_SECTIONS = {
    "30114",
    "30212",
    "30301",
    "30307",
    "30399",
    "30203",
    "31002",
    "31007",
    "31013",
}


def money(rng: random.Random, low_wan: float, high_wan: float) -> Decimal:
    """A random amount in yuan, a whole number of 0.01 万元 (100 yuan)."""
    return Decimal(rng.randint(int(low_wan * 100), int(high_wan * 100))) * HUNDRED


@dataclass
class GeneratedYear:
    """One year's account plus what the narrative needs beyond the tables."""

    account: FinalAccount
    names: dict[str, str]  # function code -> name, for 类/款/项 labels
    initial_budget: dict[str, Decimal]  # 05 项 code -> 年初预算
    three_public_budget: dict[str, Decimal] = field(default_factory=dict)

    def line05(self, code: str) -> FunctionLine:
        return self.account.line(self.account.t05, code)


def hierarchy(
    leaves: dict[str, dict[str, Decimal]], names: dict[str, str], keys: tuple[str, ...]
) -> list[FunctionLine]:
    """合计, then 类/款/项 rows in code order, each parent the sum of its children.

    Only 项 with some non-zero value are printed, with their parents.
    """
    printed = {c: v for c, v in leaves.items() if any(v.get(k, ZERO) != 0 for k in keys)}
    sums: dict[str, dict[str, Decimal]] = {}
    for code, values in printed.items():
        for parent in ("total", code[:3], code[:5], code):
            bucket = sums.setdefault(parent, {k: ZERO for k in keys})
            for k in keys:
                bucket[k] += values.get(k, ZERO)
    order = ["total"] + sorted(c for c in sums if c != "total")
    return [FunctionLine(c, "合计" if c == "total" else names[c], sums[c]) for c in order]


def _economic(rng: random.Random, base: float) -> dict[str, Decimal]:
    amounts: dict[str, Decimal] = {}
    for code, weight in ECONOMIC_WEIGHTS.items():
        if weight == 0 or (code in OPTIONAL_SECTIONS and rng.random() < 0.35):
            continue
        amounts[code] = money(rng, base * weight * 0.7, base * weight * 1.3)
    return amounts


def _split(rng: random.Random, total: Decimal, parts: int) -> list[Decimal]:
    """``total`` split into ``parts`` positive whole-100-yuan shares that sum exactly."""
    if parts == 1:
        return [total]
    weights = [rng.uniform(0.3, 1.0) for _ in range(parts)]
    scale = sum(weights)
    shares = [round_hundred(total * Decimal(str(w / scale))) for w in weights[:-1]]
    return [*shares, total - sum(shares, ZERO)]


def generate(profile: DepartmentProfile, year: int) -> GeneratedYear:
    """The final account of ``profile`` for ``year``.

    The draws come in a fixed order (06, 05, 07, 02/03, the statements'
    carry-over, 09, the initial budget), so each step takes the RNG in turn.
    """
    rng = random.Random(f"{profile.slug}-{year}")
    base = max(900.0, profile.scale / 15) * rng.uniform(0.9, 1.1)
    names = profile.function_names()
    kinds = profile.item_kinds()
    fund_items = [code for _, _, items in profile.fund_sections for code, _, _ in items]
    econ = _economic(rng, base)
    panels, personnel_total, public_total = _panels_06(econ, profile.style.panels_06)
    basic_total = personnel_total + public_total
    leaves05 = _leaves_05(rng, profile, kinds, fund_items, econ, base, basic_total)
    leaves07 = _leaves_07(rng, profile.scale, fund_items)
    leaves02, leaves03 = _leaves_02_03(rng, kinds, base, leaves05, leaves07)
    for code, yuan in profile.refunds:  # a refund of spending booked as negative income
        if code in leaves02:
            leaves02[code]["other_income"] -= Decimal(yuan)
            leaves02[code]["total"] -= Decimal(yuan)
    account = FinalAccount(
        t02=hierarchy(leaves02, names, FUNCTION_KEYS["02"]),
        t03=hierarchy(leaves03, names, FUNCTION_KEYS["03"]),
        t05=hierarchy(leaves05, names, FUNCTION_KEYS["05"]),
        t06_panels=panels,
        t06_personnel_total=personnel_total,
        t06_public_total=public_total,
        t07=hierarchy(leaves07, names, FUNCTION_KEYS["07"]) if leaves07 else [],
    )
    _statements(rng, account, base)
    actual = {item: econ.get(section, ZERO) for section, item in THREE_PUBLIC_SECTIONS.items()}
    budget = _three_public_budget(rng, actual)
    add_three_public_subtotals(actual)
    add_three_public_subtotals(budget)
    account.t09 = ThreePublic(budget, actual)
    return GeneratedYear(account, names, _initial_budget(rng, account), budget)


def _panels_06(
    econ: dict[str, Decimal], panels: int
) -> tuple[list[list[EconomicLine]], Decimal, Decimal]:
    """Table 06 from its sections: the panels (3, or 2 with capital under goods), 人员 and 公用 totals."""
    totals: dict[str, Decimal] = {}
    lines: dict[str, list[EconomicLine]] = {}
    for class_code, sections in (
        ("301", PERSONNEL_301),
        ("303", PERSONNEL_303),
        ("302", PUBLIC_302),
        ("310", CAPITAL_310),
    ):
        totals[class_code] = sum((econ.get(c, ZERO) for c, _ in sections), ZERO)
        lines[class_code] = [EconomicLine(class_code, CLASS_NAMES[class_code], totals[class_code])]
        lines[class_code] += [EconomicLine(c, n, econ.get(c, ZERO)) for c, n in sections]
    personnel = lines["301"] + lines["303"]
    goods, capital = lines["302"], lines["310"]
    printed = [personnel, goods, capital] if panels == 3 else [personnel, goods + capital]
    return printed, totals["301"] + totals["303"], totals["302"] + totals["310"]


def _leaves_05(
    rng: random.Random,
    profile: DepartmentProfile,
    kinds: dict[str, str],
    fund_items: list[str],
    econ: dict[str, Decimal],
    base: float,
    basic_total: Decimal,
) -> dict[str, dict[str, Decimal]]:
    """Table 05's 项: personnel items mirror their economic sections; the rest of basic
    goes to the offices and service units; projects are drawn around the profile's scale."""
    e = econ.get
    retired = e("30301", ZERO) + e("30302", ZERO)
    admin_share = round_hundred(retired * Decimal("0.6"))
    medical = e("30110", ZERO)
    medical_admin = round_hundred(medical * Decimal("0.4"))
    basic05: dict[str, Decimal] = {
        "2080501": admin_share,
        "2080502": retired - admin_share,
        "2080505": e("30108", ZERO),
        "2080506": e("30109", ZERO),
        "2101101": medical_admin,
        "2101102": medical - medical_admin,
        "2101103": e("30111", ZERO),
        "2210201": e("30113", ZERO),
        "2210202": money(rng, base * 0.004, base * 0.01),
        "2210203": money(rng, base * 0.01, base * 0.03),
    }
    running = [c for c, k in kinds.items() if k in ("admin", "institution")]
    remainder = basic_total - sum(basic05.values(), ZERO)
    for code, share in zip(running, _split(rng, remainder, len(running)), strict=True):
        basic05[code] = share
    project_codes = [c for c, k in kinds.items() if k == "project" and c not in fund_items]
    chosen = [c for c in project_codes if rng.random() < 0.8] or project_codes[:2]
    chosen += [c for c in running if kinds[c] == "institution" and rng.random() < 0.3]
    project_total = money(rng, profile.scale * 0.85, profile.scale * 1.15)
    project05 = dict(zip(chosen, _split(rng, project_total, len(chosen)), strict=True))
    leaves05 = {
        c: {"basic": basic05.get(c, ZERO), "project": project05.get(c, ZERO)}
        for c in set(basic05) | set(project05)
    }
    for v in leaves05.values():
        v["total"] = v["basic"] + v["project"]
    return leaves05


def _leaves_07(
    rng: random.Random, scale: int, fund_items: list[str]
) -> dict[str, dict[str, Decimal]]:
    """Table 07's 项: government fund carried over, received, spent on projects."""
    leaves07: dict[str, dict[str, Decimal]] = {}
    for code in fund_items:
        begin = money(rng, 0, scale * 0.01) if rng.random() < 0.5 else ZERO
        income = money(rng, scale * 0.01, scale * 0.05)
        spent = round_hundred((begin + income) * Decimal(str(rng.uniform(0.7, 1.0))))
        leaves07[code] = {
            "carryover_begin": begin, "income": income, "total": spent, "basic": ZERO,
            "project": spent, "carryover_end": begin + income - spent,
        }  # fmt: skip
    return leaves07


def _leaves_02_03(
    rng: random.Random,
    kinds: dict[str, str],
    base: float,
    leaves05: dict[str, dict[str, Decimal]],
    leaves07: dict[str, dict[str, Decimal]],
) -> tuple[dict[str, dict[str, Decimal]], dict[str, dict[str, Decimal]]]:
    """Tables 02 and 03: fiscal money plus the service units' own income and its spending."""
    leaves02: dict[str, dict[str, Decimal]] = {}
    leaves03: dict[str, dict[str, Decimal]] = {}
    for code in sorted(set(leaves05) | set(leaves07)):
        fiscal = leaves05.get(code, {}).get("total", ZERO) + leaves07.get(code, {}).get(
            "income", ZERO
        )
        business = (
            money(rng, base * 0.02, base * 0.12)
            if kinds[code] == "institution" and rng.random() < 0.7
            else ZERO
        )
        other = money(rng, 1, base * 0.01) if rng.random() < 0.15 else ZERO
        income = {
            "fiscal_appropriation": fiscal,
            "business_income": business,
            "other_income": other,
        }
        income["total"] = fiscal + business + other
        leaves02[code] = income
        own_basic = round_hundred(business * Decimal(str(rng.uniform(0.5, 1.0))))
        own_project = round_hundred(other * Decimal(str(rng.uniform(0.0, 1.0))))
        basic = leaves05.get(code, {}).get("basic", ZERO) + own_basic
        project = (
            leaves05.get(code, {}).get("project", ZERO)
            + leaves07.get(code, {}).get("project", ZERO)
            + own_project
        )
        leaves03[code] = {"basic": basic, "project": project, "total": basic + project}
    return leaves02, leaves03


def _statements(rng: random.Random, account: FinalAccount, base: float) -> None:
    """Statements 01 and 04 from the function tables' totals and a drawn carry-over."""
    t02_total, t03_total = account.t02[0], account.t03[0]
    fund = account.t07[0].values if account.t07 else {}
    fund_begin, fund_income, fund_end = (
        fund.get(k, ZERO) for k in ("carryover_begin", "income", "carryover_end")
    )
    own_begin = money(rng, 0, base * 0.2)
    carry_begin = fund_begin + own_begin
    carry_end = t02_total.get("total") + carry_begin - t03_total.get("total")
    account.t01_income, account.t01_expenditure = lines_01(
        {
            "fiscal_general": account.t05[0].get("total"),
            "fiscal_fund": fund_income,
            "business_income": t02_total.get("business_income"),
            "other_income": t02_total.get("other_income"),
        },
        {line.code: line.get("total") for line in account.t03 if line.level == 1},
        carry_begin=carry_begin,
        carry_end=carry_end,
    )
    by_class: dict[str, dict[str, Decimal]] = {}
    for line in account.t05:
        if line.level == 1:
            by_class.setdefault(line.code, {})["general_public_budget"] = line.get("total")
    for line in account.t07:
        if line.level == 1:
            by_class.setdefault(line.code, {})["government_fund"] = line.get("total")
    account.t04_income, account.t04_expenditure = lines_04(
        {"general_public_budget": account.t05[0].get("total"), "government_fund": fund_income},
        by_class,
        carry_begin={"government_fund": fund_begin},
        carry_end={"government_fund": fund_end},
    )


def _three_public_budget(rng: random.Random, actual: dict[str, Decimal]) -> dict[str, Decimal]:
    """Table 09's budget: above each item's actual spending, maybe a trip abroad not made."""
    budget = {
        k: round_hundred(v * Decimal(str(rng.uniform(1.0, 1.4)))) if v else ZERO
        for k, v in actual.items()
    }
    if not budget["overseas_travel"] and rng.random() < 0.5:
        budget["overseas_travel"] = money(rng, 1, 5)
    return budget


def _initial_budget(rng: random.Random, account: FinalAccount) -> dict[str, Decimal]:
    """The 年初预算 of every 05 项 around its final spending; some basic-free 项 had none."""
    initial = {}
    for line in account.t05:
        if line.level == 3:
            final = line.get("total")
            if line.get("basic") == 0 and rng.random() < 0.2:
                initial[line.code] = ZERO
            else:
                initial[line.code] = round_hundred(final * Decimal(str(rng.uniform(0.8, 1.25))))
    return initial

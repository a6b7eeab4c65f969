"""The numbers of one department budget (部门预算), in yuan, before any layout.

A budget is built from leaves only: the initial budget (年初预算) of each
function 项 split into basic / project, the government-fund 项, the service
units' own income, the economic sections of the basic budget and the "三公"
items. Every class / section subtotal, every total and every statement line is
summed from them, so the identities the tables promise hold by construction:
class = Σ sections = Σ items; 01 = 02 / 03 totals; 04 = 05 (+ 07); 05 basic
total = 06 合计; 09 合计 = its parts. A budget balances: no carry-over in or out.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import ROUND_FLOOR, Decimal

from pipelines.extraction.catalogue import THREE_PUBLIC_ITEMS
from tools.samples.accounts import FUNCTION_KEYS, HUNDRED, ZERO, EconomicLine, FunctionLine
from tools.samples.economic import (
    CAPITAL_310,
    CLASS_NAMES,
    PERSONNEL_301,
    PERSONNEL_303,
    PUBLIC_302,
    THREE_PUBLIC_SECTIONS,
)
from tools.samples.synthetic import hierarchy

ECONOMIC_NAMES: dict[str, str] = {
    **CLASS_NAMES,
    **dict(PERSONNEL_301 + PERSONNEL_303 + PUBLIC_302 + CAPITAL_310),
}
PERSONNEL_CLASSES = ("301", "303")  # 人员经费; 302 and 310 are 公用经费

# Economic sections that restate a personnel function 项 one for one.
PINNED_SECTIONS: dict[str, tuple[str, ...]] = {
    "30108": ("2080505",),  # 机关事业单位基本养老保险缴费
    "30109": ("2080506",),  # 职业年金缴费
    "30110": ("2101101", "2101102"),  # 职工基本医疗保险缴费
    "30111": ("2101103",),  # 公务员医疗补助缴费
    "30113": ("2210201",),  # 住房公积金
}
RETIREMENT_SECTIONS = ("30301", "30302")  # 离休费 / 退休费 <- 行政/事业单位离退休
RETIREMENT_ITEMS = ("2080501", "2080502")


@dataclass
class BudgetLeaves:
    """What a budget is drawn from; amounts in yuan."""

    names: dict[str, str]  # function code -> name, for 类 / 款 / 项
    general: dict[str, dict[str, Decimal]]  # 项 -> {'basic', 'project'} (一般公共预算)
    fund: dict[str, Decimal] = field(default_factory=dict)  # 项 -> project (政府性基金)
    own_income: dict[str, dict[str, Decimal]] = field(default_factory=dict)  # 项 -> income key
    own_spending: dict[str, str] = field(default_factory=dict)  # 项 -> 'basic' | 'project'
    economic: dict[str, Decimal] = field(default_factory=dict)  # 5-digit section -> amount
    three_public: dict[str, Decimal] = field(default_factory=dict)  # THREE_PUBLIC_ITEMS


@dataclass
class BudgetAccount:
    """The numbers of the eight budget tables (statements are laid out in budget_tables)."""

    t02: list[FunctionLine]  # first line 'total'
    t03: list[FunctionLine]
    t05: list[FunctionLine]
    t06: list[EconomicLine]  # classes and sections in code order, non-zero only
    t06_total: Decimal
    t07: list[FunctionLine]  # [] when the department has no government fund budget
    t09: dict[str, Decimal]
    income: dict[str, Decimal]  # 'general', 'fund', 'business_income', 'other_income', ...

    def class_totals(self, table: str, key: str = "total") -> dict[str, Decimal]:
        """function class -> amount of one column of table 03, 05 or 07."""
        lines = {"03": self.t03, "05": self.t05, "07": self.t07}[table]
        return {line.code: line.get(key) for line in lines if line.level == 1}

    @property
    def income_total(self) -> Decimal:
        return self.t02[0].get("total")

    @property
    def expenditure_total(self) -> Decimal:
        return self.t03[0].get("total")

    @property
    def fiscal_total(self) -> Decimal:
        return self.income["general"] + self.income["fund"]

    def personnel(self) -> Decimal:
        """人员经费: the 301 and 303 classes of table 06."""
        return sum((x.amount for x in self.t06 if x.code in PERSONNEL_CLASSES), ZERO)

    def public(self) -> Decimal:
        """公用经费: every other class of table 06."""
        return sum(
            (x.amount for x in self.t06 if len(x.code) == 3 and x.code not in PERSONNEL_CLASSES),
            ZERO,
        )


OWN_INCOME = FUNCTION_KEYS["02"][2:]  # what service units earn beside the appropriations


def build_budget(leaves: BudgetLeaves) -> BudgetAccount:
    """Every table's numbers, summed from ``leaves``."""
    leaves05 = {
        code: {"basic": v.get("basic", ZERO), "project": v.get("project", ZERO)}
        for code, v in leaves.general.items()
    }
    for v in leaves05.values():
        v["total"] = v["basic"] + v["project"]
    leaves07 = {c: {"basic": ZERO, "project": p, "total": p} for c, p in leaves.fund.items()}
    leaves02: dict[str, dict[str, Decimal]] = {}
    leaves03: dict[str, dict[str, Decimal]] = {}
    for code in sorted(set(leaves05) | set(leaves07) | set(leaves.own_income)):
        general = leaves05.get(code, {})
        fund = leaves07.get(code, {})
        own = leaves.own_income.get(code, {})
        income = {k: own.get(k, ZERO) for k in OWN_INCOME}
        income["fiscal_appropriation"] = general.get("total", ZERO) + fund.get("total", ZERO)
        income["total"] = sum(income.values(), ZERO)
        leaves02[code] = income
        own_total = sum(own.values(), ZERO)
        basic = general.get("basic", ZERO)
        project = general.get("project", ZERO) + fund.get("project", ZERO)
        if leaves.own_spending.get(code, "basic") == "basic":
            basic += own_total
        else:
            project += own_total
        leaves03[code] = {"basic": basic, "project": project, "total": basic + project}
    t05 = hierarchy(leaves05, leaves.names, FUNCTION_KEYS["05"])
    t07 = hierarchy(leaves07, leaves.names, FUNCTION_KEYS["05"]) if leaves07 else []
    t02 = hierarchy(leaves02, leaves.names, FUNCTION_KEYS["02"])
    t03 = hierarchy(leaves03, leaves.names, FUNCTION_KEYS["05"])
    t06 = economic_lines(leaves.economic)
    t06_total = sum((x.amount for x in t06 if len(x.code) == 3), ZERO)
    if t06_total != t05[0].get("basic"):
        raise ValueError(f"06 total {t06_total} != 05 basic {t05[0].get('basic')}")
    three = {k: leaves.three_public.get(k, ZERO) for k in THREE_PUBLIC_ITEMS}
    if (
        three["vehicles"] != three["vehicle_purchase"] + three["vehicle_operation"]
        or three["total"]
        != three["overseas_travel"] + three["vehicles"] + three["official_reception"]
    ):
        raise ValueError(f"三公 parts do not add up: {three}")
    income = {
        "general": t05[0].get("total"),
        "fund": t07[0].get("total") if t07 else ZERO,
        **{k: t02[0].get(k) for k in OWN_INCOME},
    }
    return BudgetAccount(t02, t03, t05, t06, t06_total, t07, three, income)


def economic_lines(sections: dict[str, Decimal]) -> list[EconomicLine]:
    """Class rows (sums) and their non-zero sections, in code order."""
    lines: list[EconomicLine] = []
    for cls in sorted({c[:3] for c, v in sections.items() if v}):
        members = sorted(c for c, v in sections.items() if v and c.startswith(cls))
        lines.append(
            EconomicLine(cls, ECONOMIC_NAMES[cls], sum((sections[c] for c in members), ZERO))
        )
        lines += [EconomicLine(c, ECONOMIC_NAMES[c], sections[c]) for c in members]
    return lines


def apportion(total: Decimal, weights: dict[str, Decimal], quantum: Decimal) -> dict[str, Decimal]:
    """``total`` split in proportion to ``weights``, in whole ``quantum``s that sum exactly.

    Largest remainder: each share is floored, the units left over go to the
    largest fractional parts (ties by code), so the result is deterministic.
    """
    units = total / quantum
    if units != units.to_integral_value():
        raise ValueError(f"{total} is not a whole number of {quantum}")
    positive = {k: w for k, w in weights.items() if w > 0}
    if not positive:
        raise ValueError("no positive weight to apportion over")
    scale = sum(positive.values(), ZERO)
    exact = {k: units * w / scale for k, w in positive.items()}
    floors = {k: v.to_integral_value(rounding=ROUND_FLOOR) for k, v in exact.items()}
    left = int(units - sum(floors.values(), ZERO))
    order = sorted(positive, key=lambda k: (-(exact[k] - floors[k]), k))
    for k in order[:left]:
        floors[k] += 1
    return {k: floors[k] * quantum for k in sorted(positive)}


def economic_budget(
    basic_by_item: dict[str, Decimal],
    template: dict[str, Decimal],
    quantum: Decimal,
    three_public: dict[str, Decimal] | None = None,
) -> dict[str, Decimal]:
    """Economic sections of the basic budget, summing exactly to the 项' basic amounts.

    Sections that restate a personnel 项 (pension, medical, housing fund,
    retirement) take that 项's amount; the rest of the basic budget is spread
    over the other sections in proportion to ``template`` (e.g. the same
    year's final-account table 06). The "三公" sections, if ``three_public``
    is given, take the "三公" budget (it is all basic spending).
    """
    sections: dict[str, Decimal] = {}
    for section, item in THREE_PUBLIC_SECTIONS.items():
        amount = (three_public or {}).get(item, ZERO)
        if amount:
            sections[section] = amount
    for section, items in PINNED_SECTIONS.items():
        amount = sum((basic_by_item.get(i, ZERO) for i in items), ZERO)
        if amount:
            sections[section] = amount
    retired = sum((basic_by_item.get(i, ZERO) for i in RETIREMENT_ITEMS), ZERO)
    if retired:
        weights = {c: template.get(c, ZERO) for c in RETIREMENT_SECTIONS}
        if not any(weights.values()):
            weights = {"30302": Decimal(1)}
        sections.update({c: v for c, v in apportion(retired, weights, quantum).items() if v})
    rest = sum(basic_by_item.values(), ZERO) - sum(sections.values(), ZERO)
    pool = {
        c: w
        for c, w in template.items()
        if w > 0
        and c not in PINNED_SECTIONS
        and c not in RETIREMENT_SECTIONS
        and c not in THREE_PUBLIC_SECTIONS
    }
    if rest:
        # Personnel and public shares first, in whole 100 yuan (0.01万元), so that
        # 人员经费 and 公用经费 print exactly in 万元 prose even when sections carry cents.
        groups = {
            "personnel": {c: w for c, w in pool.items() if c[:3] in PERSONNEL_CLASSES},
            "public": {c: w for c, w in pool.items() if c[:3] not in PERSONNEL_CLASSES},
        }
        weights = {g: sum(m.values(), ZERO) for g, m in groups.items()}
        for group, share in apportion(rest, weights, max(quantum, HUNDRED)).items():
            for code, amount in apportion(share, groups[group], quantum).items():
                if amount:
                    sections[code] = sections.get(code, ZERO) + amount
    return sections

"""Budget documents (部门预算): one for each department-year of the final-account samples.

The numbers are the year's initial budget (年初预算), so a budget and its final
account can be compared line by line:

- the seed (Wuhan S&T 2023) takes the 年初预算 of every 项 printed in its final
  account's Part 3 五(三); 项 budgeted at 0 are left out. Two judgement calls:
  the narrative's total 131876.25万 is 0.02 more than its 20 items (131876.23),
  and the budget tables carry the items' sum; the "三公" budget is the
  narrative's 28.65万 (因公出国 0, 公务用车运行 11.70 = 7.78 + 3.92, 公务接待
  16.95 = 1.53 + 15.42, all restated in Part 3), not table 09's 15.67, which is
  the adjusted budget (调整后预算数) that a final account prints;
- a synthetic department-year takes ``GeneratedYear.initial_budget`` (the
  BudgetExecution figures of its final-account narrative) and its "三公"
  budget; government-fund 项, the service units' own income and the economic
  sections are derived from the final account with an RNG seeded
  '<slug>-<year>-budget', so output is stable.
"""

from __future__ import annotations

import dataclasses
import random
from decimal import Decimal
from typing import Any

from tools.samples.accounts import (
    HUNDRED,
    ZERO,
    FinalAccount,
    add_three_public_subtotals,
    round_hundred,
    wan,
)
from tools.samples.blocks import Block, Heading
from tools.samples.budget_accounts import (
    BudgetAccount,
    BudgetLeaves,
    build_budget,
    economic_budget,
)
from tools.samples.budget_tables import BudgetContext, budget_table_blocks
from tools.samples.departments import PROFILES, YEARS, DepartmentProfile
from tools.samples.passages import class_shares, lines_to_blocks, passage, pct, prose, wan_text
from tools.samples.sample import SampleDocument
from tools.samples.section_figures import (
    VEHICLE_KINDS,
    Operating,
    Printing,
    assets,
    operating,
    operating_base,
    procurement,
    section_blocks,
    slot,
)
from tools.samples.seed_wuhan import DEPARTMENT, REGION, YEAR, seed_account
from tools.samples.style import TableStyle
from tools.samples.synthetic import generate

FUND_FACTOR = (0.8, 1.2)  # government-fund budget / the final account's fund income
CENT = Decimal("0.01")


class BudgetSample(SampleDocument):
    """A generated budget PDF; only the PDF's title metadata differs from a final account."""

    @property
    def pdf_title(self) -> str:
        return f"{self.department_name}{self.fiscal_year}年部门预算"


# -- the document ---------------------------------------------------------------------------------


def _values(name: str, year: int, a: BudgetAccount, names: dict[str, str]) -> dict[str, Any]:
    """What Part 2 (编制说明) restates: the totals the tables hold, by class, the "三公" budget."""
    t02, t03, t05 = a.t02[0], a.t03[0], a.t05[0]
    items = [line for line in a.t05 + a.t07 if line.level == 3]
    return {
        "name": name,
        "y": year,
        "total_income_expenditure": a.income_total,
        "income_total": t02.get("total"),
        "fiscal_income": t02.get("fiscal_appropriation"),
        "fiscal_income_pct": pct(t02.get("fiscal_appropriation"), t02.get("total")),
        **{key: t02.get(key) for key in ("business_income", "operating_income", "other_income")},
        "expenditure_total": t03.get("total"),
        "basic_expenditure": t03.get("basic"),
        "basic_expenditure_pct": pct(t03.get("basic"), t03.get("total")),
        "project_expenditure": t03.get("project"),
        "project_expenditure_pct": pct(t03.get("project"), t03.get("total")),
        "fiscal_total": a.fiscal_total,
        "general_budget_expenditure": t05.get("total"),
        "fund_expenditure": a.income["fund"],
        "state_capital_expenditure": ZERO,
        "general_budget_classes": class_shares(a.t05, t05.get("total")),
        "general_budget_basic": t05.get("basic"),
        "personnel_expenditure": a.personnel(),
        "public_expenditure": a.public(),
        "general_budget_project": t05.get("project"),
        **{f"{item}_budget": amount for item, amount in a.t09.items()},
        "three_public_budget": a.t09["total"],
        "appropriation_items": [
            {
                "class_name": names[line.code[:3]],
                "section_name": names[line.code[:5]],
                "item_name": line.name,
                "item_total": line.get("total"),
                "item_use": "基本支出" if line.get("basic") else "项目支出",
            }
            for line in items
        ],
    }


def _document(
    *,
    name: str,
    region: str,
    year: int,
    form: str,
    style: TableStyle,
    account: BudgetAccount,
    names: dict[str, str],
    overview: list[Block],
    slug: str,
    traits: tuple[str, ...],
    sections: list[Block],
) -> SampleDocument:
    """A budget as ``outline`` in prose/budget.toml prints it, its tables in ``form``."""
    shanghai = form == "shanghai"
    wording = prose("budget")
    ctx = BudgetContext(name, year, form, style, "万元" if shanghai else None)
    if shanghai:
        title, department = (
            line.format(region=region, y=year, name=name) for line in wording["cover"]["shanghai"]
        )
        cover: list[Block] = [
            Heading(title, size=24, space_before=200, space_after=20),
            Heading(department, size=16, space_after=40),
        ]
    else:
        title = wording["cover"]["title"].format(name=name, y=year)
        cover = [Heading(title, size=22, space_before=220, space_after=40)]
    values = {**_values(name, year, account, names), "item_list": shanghai}
    tables: list[Block] = list(budget_table_blocks(ctx, account))
    blocks = passage(
        wording["outline"],
        values,
        inserts={
            "cover": cover,
            "overview": overview,
            "tables": tables,
            "sections": sections,
        },
        money=lambda yuan: wan_text(yuan, shanghai),
    )
    return BudgetSample(
        file_name=f"{slug}-{year}-budget.pdf",
        department_name=name,
        region=region,
        fiscal_year=year,
        reporting_scope="department",
        unit=style.unit,
        blocks=blocks,
        traits=("budget", f"form {form}", *traits),
        document_kind="budget",
    )


# -- the seed ------------------------------------------------------------------------------------

SEED_PROJECT_ITEMS = {"2060199", "2060499", "2060599"}
# The narrative's "三公" budget (Part 3 九): 0 + 11.70 + 16.95 = 28.65万元.
SEED_THREE_PUBLIC = {
    "overseas_travel": "0",
    "vehicle_purchase": "0",
    "vehicle_operation": "11.70",
    "official_reception": "16.95",
}
SEED_NARRATIVE_TOTAL = wan("131876.25")  # printed; the 20 items sum to 131876.23


def economic_template(account: FinalAccount) -> dict[str, Decimal]:
    """The economic sections a final account's 06 spent on: how a budget spreads its basic money."""
    return {
        line.code: line.amount
        for panel in account.t06_panels
        for line in panel
        if len(line.code) == 5 and line.amount
    }


def seed_budget_account() -> tuple[BudgetAccount, dict[str, str]]:
    """The Wuhan S&T 2023 initial budget, in yuan, and the function names."""
    final_account = seed_account()
    names = {line.code: line.name for line in final_account.t05}
    general: dict[str, dict[str, Decimal]] = {}
    for item in prose("seed_wuhan")["executions"]:
        amount = wan(item["initial"])
        if amount:
            kind = "project" if item["code"] in SEED_PROJECT_ITEMS else "basic"
            general[item["code"]] = {kind: amount}
    basic = {c: v.get("basic", ZERO) for c, v in general.items() if v.get("basic")}
    three = {k: wan(v) for k, v in SEED_THREE_PUBLIC.items()}
    add_three_public_subtotals(three)
    template = economic_template(final_account)
    leaves = BudgetLeaves(
        names=names,
        general=general,
        economic=economic_budget(basic, template, HUNDRED, three),
        three_public=three,
    )
    return build_budget(leaves), names


def seed_budget_sample() -> SampleDocument:
    account, names = seed_budget_account()
    part1 = prose("seed_wuhan")["overview"]
    overview = lines_to_blocks(part1.replace("决算", "预算").replace("2023年度", "2023年"))
    return _document(
        name=DEPARTMENT,
        region=REGION,
        year=YEAR,
        form="national",
        style=TableStyle(numbering="gongkai"),
        account=account,
        names=names,
        overview=overview,
        slug="wuhan-kjj",
        traits=("seed", "公开NN表 numbering", "07 declared 本表无数据"),
        sections=_seed_sections(account),
    )


# The seed's final account: 470.70万 spent, 28.46万 under its 年初预算 of 499.16万;
# five vehicles held at the end of 2023 (none bought), so five at the end of 2022.
SEED_OPERATING_BUDGET = wan("499.16")
SEED_FLEET = {"机要通信用车": 2, "应急保障用车": 2, "离退休干部服务用车": 1}
SEED_SLOT = 0  # the first form of each section: a budget without a change on 2022


def _seed_sections(account: BudgetAccount) -> list[Block]:
    """The seed's 机关运行经费 budget is what its final account says it was; the rest is drawn."""
    fleet = tuple((kind, SEED_FLEET.get(kind, 0)) for kind in VEHICLE_KINDS)
    held = assets("wuhan-kjj", YEAR, budget=True)
    project = account.t05[0].get("project")
    figures = (
        Operating(SEED_OPERATING_BUDGET),
        procurement("wuhan-kjj", YEAR, "budget", account.public(), project, works=True),
        dataclasses.replace(held, vehicles=fleet, to_purchase=tuple((k, 0) for k, _ in fleet)),
    )
    values = {"y": YEAR, "py": YEAR - 1, "name": DEPARTMENT, "scope": "部门", "slot": SEED_SLOT}
    return section_blocks("budget", values, figures, Printing())


# -- the synthetic departments -------------------------------------------------------------------

BUDGET_STYLES = {
    "wuhan-jyj": ("national", TableStyle(numbering="gongkai", repeat_header=False)),
    "putuo-wjw": (
        "shanghai",
        TableStyle(
            unit="元",
            thousands=True,
            split_codes=True,
            total_at_bottom=True,
            numbering="none",
            scope_label="编制部门",
        ),
    ),
    "nanjing-jtj": (
        "jiangsu",
        TableStyle(numbering="gongkai", thousands=True, zero="-", year_in_title=False),
    ),
    "nanjing-tjj": (
        "jiangsu",
        TableStyle(numbering="gongkai", thousands=True, zero="0.00", year_in_title=False),
    ),
}


def synthetic_budget_account(
    profile: DepartmentProfile, year: int, quantum: Decimal
) -> tuple[BudgetAccount, dict[str, str]]:
    """The initial budget behind ``profile``'s final account for ``year``."""
    g = generate(profile, year)
    rng = random.Random(f"{profile.slug}-{year}-budget")
    # a government-fund 项 has no kind here: its own income is spent as basic spending
    kinds = profile.item_kinds(fund=False)
    general = {
        code: {"project" if kinds.get(code) == "project" else "basic": amount}
        for code, amount in sorted(g.initial_budget.items())
        if amount
    }
    fund = {}
    for line in g.account.t07:
        if line.level == 3:
            factor = Decimal(str(rng.uniform(*FUND_FACTOR)))
            fund[line.code] = round_hundred(line.get("income") * factor)
    own_income: dict[str, dict[str, Decimal]] = {}
    own_spending: dict[str, str] = {}
    for line in g.account.t02:
        if line.level != 3:
            continue
        for key in ("business_income", "other_income"):
            if line.get(key) > 0:
                factor = Decimal(str(rng.uniform(0.85, 1.1)))
                own_income.setdefault(line.code, {})[key] = round_hundred(line.get(key) * factor)
        if line.code in own_income:
            own_spending[line.code] = "project" if kinds.get(line.code) == "project" else "basic"
    template = economic_template(g.account)
    basic = {c: v["basic"] for c, v in general.items() if "basic" in v}
    leaves = BudgetLeaves(
        names=g.names,
        general=general,
        fund=fund,
        own_income=own_income,
        own_spending=own_spending,
        economic=economic_budget(basic, template, quantum, g.three_public_budget),
        three_public=dict(g.three_public_budget),
    )
    return build_budget(leaves), g.names


def synthetic_budget_sample(profile: DepartmentProfile, year: int) -> SampleDocument:
    form, style = BUDGET_STYLES[profile.slug]
    quantum = CENT if style.unit == "元" else HUNDRED
    account, names = synthetic_budget_account(profile, year, quantum)
    coverage = prose("budget")["coverage"].format(name=profile.name, y=year)
    traits = {
        "national": ("公开NN表 numbering", "header not repeated on continuation pages"),
        "jiangsu": ("公开NN表 above the title", "titles without year", "thousands separators", f"zero as '{style.zero}'"),
        "shanghai": ("unit 元", "类|款|项 columns", "合计 at the bottom", "no table numbers", "三公 table in 万元", "Shanghai print order", "cover without the department in the title line"),
    }[form]  # fmt: skip
    return _document(
        name=profile.name,
        region=profile.region,
        year=year,
        form=form,
        style=style,
        account=account,
        names=names,
        overview=profile.overview(coverage),
        slug=profile.slug,
        traits=("synthetic", *traits, *(() if account.t07 else ("07 declared 本表无数据",))),
        sections=_sections(profile, year, account, quantum, style),
    )


def _sections(
    profile: DepartmentProfile,
    year: int,
    account: BudgetAccount,
    quantum: Decimal,
    style: TableStyle,
) -> list[Block]:
    """机关运行经费 against last year's budget, 政府采购, vehicles; in 元 where the tables are.

    The operating cost is drawn from the final account's 公用经费 (steadier year on
    year than a budget's), within the budget's own.
    """
    n = slot(profile.slug, year)
    base = operating_base("budget", n)
    public = generate(profile, year).account.t06_public_total
    previous = generate(profile, year - 1).account.t06_public_total
    op = operating(profile.slug, year, "budget", public, previous, base)
    assert op.amount <= account.public(), "机关运行经费 above the budget's 公用经费"
    buys = 1 if account.t09["vehicle_purchase"] > 0 else 0
    figures = (
        op,
        procurement(
            profile.slug, year, "budget", account.public(), account.t05[0].get("project"), True
        ),
        assets(profile.slug, year, budget=True, buys=buys),
    )
    values = {"y": year, "py": year - 1, "name": profile.name, "scope": "部门", "slot": n}
    return section_blocks("budget", values, figures, Printing(style.unit, style.thousands))


def budget_samples() -> list[SampleDocument]:
    """The seed's budget, then every synthetic department for 2021-2023."""
    return [
        seed_budget_sample(),
        *(synthetic_budget_sample(p, y) for p in PROFILES for y in YEARS),
    ]

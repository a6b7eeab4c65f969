"""Full synthetic documents: cover, Part 1, the tables, a Part 3 that restates them, a glossary."""

from __future__ import annotations

from decimal import Decimal

from tools.samples.accounts import ZERO
from tools.samples.blocks import Block, Heading, Paragraph, Sentence
from tools.samples.compose import table_blocks
from tools.samples.departments import PROFILES, DepartmentProfile
from tools.samples.prose import (
    department_overview,
    executed,
    heading,
    part,
    pct,
    said,
    said_paragraph,
)
from tools.samples.prose import wan_text as w
from tools.samples.sample import SampleDocument
from tools.samples.synthetic import GeneratedYear, generate
from tools.samples.tables import TableContext

YEARS = (2021, 2022, 2023)
REASONS_UP = ("新增专项工作任务", "追加年中预算", "上级转移支付资金增加")
REASONS_DOWN = ("人员变动", "压减一般性支出", "项目实施进度调整", "年初测算数偏高")


def change(current: Decimal, previous: Decimal) -> str:
    diff = current - previous
    verb, trend = ("增加", "增长") if diff >= 0 else ("减少", "下降")
    return f"{verb}{w(abs(diff))}万元，{trend}{pct(abs(diff), previous)}%"


def _narrative(
    profile: DepartmentProfile,
    year: int,
    g: GeneratedYear,
    prev: GeneratedYear,
    *,
    scope: str = "部门",
) -> list[Block]:
    """Part 3: the year's figures restated, the budget execution of every 项, "三公".

    ``scope`` is '部门' or, in a unit's own document, '单位'.
    """
    a, p = g.account, prev.account
    y, py = year, year - 1
    grand = a.t01_income[-1].values["amount"]
    income = a.t02[0]
    spend = a.t03[0]
    fiscal_total = a.t04_income[-1].values["amount"]
    gb = a.t05[0]
    t09 = a.t09
    assert t09 is not None
    up = REASONS_UP[year % 3]
    down = REASONS_DOWN[year % 4]

    def reason(cur: Decimal, old: Decimal) -> str:
        return up if cur >= old else down

    blocks: list[Block] = [*part(f"第三部分  {profile.name}{y}年度{scope}决算情况说明")]
    blocks += [
        heading("一、收入支出决算总体情况说明"),
        Paragraph(
            [
                said(f"{y}年度收、支总计{w(grand)}万元。", ("total_income_expenditure", grand)),
                Sentence(
                    f"与{py}年度相比，收、支总计各{change(grand, p.t01_income[-1].values['amount'])}，主要原因是{reason(grand, p.t01_income[-1].values['amount'])}。"
                ),
            ]
        ),
        heading("二、收入决算情况说明"),
    ]
    sources = [
        said(
            f"{y}年度收入合计{w(income.get('total'))}万元，与{py}年度相比，收入合计{change(income.get('total'), p.t02[0].get('total'))}。",
            ("income_total", income.get("total")),
        ),
        said(
            f"其中：财政拨款收入{w(income.get('fiscal_appropriation'))}万元，占本年收入{pct(income.get('fiscal_appropriation'), income.get('total'))}%；",
            ("fiscal_appropriation_income", income.get("fiscal_appropriation")),
        ),
    ]
    for key, label in (("business_income", "事业收入"), ("other_income", "其他收入")):
        if income.get(key) > 0:  # a refund booked as negative income is not restated
            sources.append(
                Sentence(
                    f"{label}{w(income.get(key))}万元，占本年收入{pct(income.get(key), income.get('total'))}%；"
                )
            )
    blocks.append(Paragraph(sources))
    blocks += [
        heading("三、支出决算情况说明"),
        Paragraph(
            [
                said(
                    f"{y}年度支出合计{w(spend.get('total'))}万元，与{py}年度相比，支出合计{change(spend.get('total'), p.t03[0].get('total'))}，主要原因是{reason(spend.get('total'), p.t03[0].get('total'))}。",
                    ("expenditure_total", spend.get("total")),
                ),
                said(
                    f"其中：基本支出{w(spend.get('basic'))}万元，占本年支出{pct(spend.get('basic'), spend.get('total'))}%；",
                    ("basic_expenditure", spend.get("basic")),
                ),
                said(
                    f"项目支出{w(spend.get('project'))}万元，占本年支出{pct(spend.get('project'), spend.get('total'))}%。",
                    ("project_expenditure", spend.get("project")),
                ),
            ]
        ),
        heading("四、财政拨款收入支出决算总体情况说明"),
        Paragraph(
            [
                said(
                    f"{y}年度财政拨款收、支总计{w(fiscal_total)}万元。",
                    ("fiscal_total", fiscal_total),
                ),
                Sentence(
                    f"与{py}年度相比，财政拨款收、支总计各{change(fiscal_total, p.t04_income[-1].values['amount'])}。"
                ),
            ]
        ),
        heading("五、一般公共预算财政拨款支出决算情况说明"),
        heading("（一）一般公共预算财政拨款支出决算总体情况"),
        Paragraph(
            [
                said(
                    f"{y}年度一般公共预算财政拨款支出{w(gb.get('total'))}万元，占本年支出合计的{pct(gb.get('total'), spend.get('total'))}%。",
                    ("general_budget_expenditure", gb.get("total")),
                ),
                Sentence(
                    f"与{py}年度相比，一般公共预算财政拨款支出{change(gb.get('total'), p.t05[0].get('total'))}。"
                ),
            ]
        ),
        heading("（二）一般公共预算财政拨款支出决算结构情况"),
        said_paragraph(
            f"{y}年度一般公共预算财政拨款支出{w(gb.get('total'))}万元，主要用于以下方面：",
            ("general_budget_expenditure", gb.get("total")),
        ),
    ]
    classes = [line for line in a.t05 if line.level == 1]
    for n, line in enumerate(classes, start=1):
        blocks.append(
            said_paragraph(
                f"{n}.{line.name}（类）支出{w(line.get('total'))}万元，占{pct(line.get('total'), gb.get('total'))}%。",
                (f"general_budget_class:{line.code}", line.get("total")),
            )
        )
    initial_total = sum(g.initial_budget.values(), ZERO)
    blocks += [
        heading("（三）一般公共预算财政拨款支出决算具体情况"),
        Paragraph(
            [
                Sentence(
                    f"{y}年度一般公共预算财政拨款支出年初预算为{w(initial_total)}万元，支出决算为{w(gb.get('total'))}万元，完成年初预算的{pct(gb.get('total'), initial_total)}%。"
                ),
                said(
                    f"其中：基本支出{w(gb.get('basic'))}万元，项目支出{w(gb.get('project'))}万元。",
                    ("general_budget_basic", gb.get("basic")),
                    ("general_budget_project", gb.get("project")),
                ),
            ]
        ),
    ]
    n = 0
    for line in a.t05:
        if line.level != 3:
            continue
        n += 1
        label = f"{g.names[line.code[:3]]}（类）{g.names[line.code[:5]]}（款）{line.name}（项）"
        initial, final = g.initial_budget[line.code], line.get("total")
        text = f"{n}.{label}。年初预算为{w(initial)}万元，支出决算为{w(final)}万元"
        rate = None if initial == 0 else pct(final, initial)
        why = ""
        if rate is not None:
            text += f"，完成年初预算的{rate}%"
        if initial == 0 or final > initial * Decimal("1.1"):
            why = f"支出决算数大于年初预算数的主要原因是{up}"
        elif final < initial * Decimal("0.9"):
            why = f"支出决算数小于年初预算数的主要原因是{down}"
        text += (f"，{why}" if why else "") + "。"
        blocks.append(
            Paragraph(
                [
                    executed(
                        text,
                        code=line.code,
                        label=label,
                        initial=initial,
                        final=final,
                        rate=rate,
                        explanation=why,
                    )
                ]
            )
        )
    personnel, public = a.t06_personnel_total, a.t06_public_total
    blocks += [
        heading("六、一般公共预算财政拨款基本支出决算情况说明"),
        said_paragraph(
            f"{y}年度一般公共预算财政拨款基本支出{w(gb.get('basic'))}万元，其中：人员经费{w(personnel)}万元，主要包括：基本工资、津贴补贴、奖金、绩效工资、机关事业单位基本养老保险缴费、职业年金缴费、职工基本医疗保险缴费、住房公积金、退休费等。",
            ("general_budget_basic", gb.get("basic")),
            ("personnel_expenditure", personnel),
        ),
        said_paragraph(
            f"公用经费{w(public)}万元，主要包括：办公费、印刷费、水电费、邮电费、物业管理费、差旅费、维修（护）费、会议费、培训费、公务接待费、工会经费、福利费、公务用车运行维护费、其他交通费用等。",
            ("public_expenditure", public),
        ),
        heading("七、政府性基金预算财政拨款收入支出决算情况说明"),
    ]
    if a.t07:
        fund = a.t07[0]
        blocks.append(
            Paragraph.plain(
                f"{y}年度政府性基金预算财政拨款收入{w(fund.get('income'))}万元，支出{w(fund.get('total'))}万元，年末结转和结余{w(fund.get('carryover_end'))}万元。"
            )
        )
    else:
        blocks.append(Paragraph.plain(f"本{scope}{y}年度无政府性基金预算财政拨款收入支出。"))
    b, act = t09.budget, t09.actual
    blocks += [
        heading("八、国有资本经营预算财政拨款支出决算情况说明"),
        Paragraph.plain(f"本{scope}{y}年度无国有资本经营预算财政拨款支出。"),
        heading("九、财政拨款“三公”经费支出决算情况说明"),
        Paragraph(
            [
                said(
                    f"{y}年度“三公”经费财政拨款支出预算为{w(b['total'])}万元，支出决算为{w(act['total'])}万元，完成预算的{pct(act['total'], b['total'])}%。",
                    ("three_public_budget", b["total"]),
                    ("three_public_actual", act["total"]),
                ),
                Sentence(
                    "决算数小于预算数的主要原因是厉行节约、压缩开支。"
                    if act["total"] < b["total"]
                    else ""
                ),
            ]
        ),
        said_paragraph(
            f"1.因公出国（境）费预算为{w(b['overseas_travel'])}万元，支出决算为{w(act['overseas_travel'])}万元。",
            ("overseas_travel_budget", b["overseas_travel"]),
            ("overseas_travel_actual", act["overseas_travel"]),
        ),
        said_paragraph(
            f"2.公务用车购置及运行维护费支出决算为{w(act['vehicles'])}万元。其中：",
            ("vehicles_actual", act["vehicles"]),
        ),
    ]
    if act["vehicle_purchase"]:
        blocks.append(
            said_paragraph(
                f"（1）公务用车购置费{w(act['vehicle_purchase'])}万元，本年度更新公务用车1辆。",
                ("vehicle_purchase_actual", act["vehicle_purchase"]),
            )
        )
    else:
        blocks.append(Paragraph.plain("（1）本年度无购置（更新）公务用车。"))
    blocks += [
        said_paragraph(
            f"（2）公务用车运行维护费{w(act['vehicle_operation'])}万元，主要用于燃料费、维修费、过路过桥费、保险费等。",
            ("vehicle_operation_actual", act["vehicle_operation"]),
        ),
        said_paragraph(
            f"3.公务接待费支出决算为{w(act['official_reception'])}万元，主要用于上级部门检查指导、兄弟单位交流学习等接待。",
            ("official_reception_actual", act["official_reception"]),
        ),
    ]
    return blocks


GLOSSARY = """\
（一）财政拨款收入：指本级财政当年拨付的资金。
（二）事业收入：指事业单位开展专业业务活动及辅助活动所取得的收入。
（三）年初结转和结余：指以前年度尚未完成、结转到本年按有关规定继续使用的资金。
（四）基本支出：指为保障机构正常运转、完成日常工作任务而发生的人员支出和公用支出。
（五）项目支出：指在基本支出之外为完成特定行政任务或事业发展目标所发生的支出。
（六）“三公”经费：指部门用财政拨款安排的因公出国（境）费、公务用车购置及运行维护费和公务接待费。"""


def synthetic_sample(profile: DepartmentProfile, year: int) -> SampleDocument:
    """One synthetic department-year as a sample document."""
    generated = generate(profile, year)
    previous = generate(profile, year - 1)
    ctx = TableContext(profile.name, year, profile.style)
    blocks: list[Block] = [
        Heading(profile.name, size=24, space_before=200, space_after=20),
        Heading(f"{year}年度部门决算", size=24, space_after=40),
        *part(f"第一部分  {profile.name}概况"),
        *department_overview(
            profile.duties,
            f"纳入{profile.name}{year}年度部门决算编制范围的单位包括：",
            profile.units,
        ),
        *part(f"第二部分  {profile.name}{year}年度部门决算表"),
        *table_blocks(
            ctx, generated.account, order=profile.order, break_before=profile.page_breaks
        ),
        *_narrative(profile, year, generated, previous),
        *part("第四部分  名词解释"),
        *[Paragraph.plain(line) for line in GLOSSARY.split("\n")],
    ]
    return SampleDocument(
        file_name=f"{profile.slug}-{year}-final.pdf",
        department_name=profile.name,
        region=profile.region,
        fiscal_year=year,
        reporting_scope="department",
        unit=profile.style.unit,
        blocks=blocks,
        traits=(
            "synthetic",
            f"class {profile.main_class[0]}",
            f"numbering {profile.style.numbering}",
        ),
    )


def synthetic_samples() -> list[SampleDocument]:
    """Every synthetic department for 2021, 2022 and 2023."""
    return [synthetic_sample(profile, year) for profile in PROFILES for year in YEARS]

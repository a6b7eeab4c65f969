"""The printed lines of statements 01 and 04, built from class totals and balances."""

from __future__ import annotations

from decimal import Decimal

from tools.samples.accounts import ZERO, StatementLine
from tools.samples.style import CHINESE_ORDINALS

# The 26 expenditure function classes (类) as statements 01 and 04 list them (2021-2024).
EXPENDITURE_CLASSES: list[tuple[str, str]] = [
    ("201", "一般公共服务支出"),
    ("202", "外交支出"),
    ("203", "国防支出"),
    ("204", "公共安全支出"),
    ("205", "教育支出"),
    ("206", "科学技术支出"),
    ("207", "文化旅游体育与传媒支出"),
    ("208", "社会保障和就业支出"),
    ("210", "卫生健康支出"),
    ("211", "节能环保支出"),
    ("212", "城乡社区支出"),
    ("213", "农林水支出"),
    ("214", "交通运输支出"),
    ("215", "资源勘探工业信息等支出"),
    ("216", "商业服务业等支出"),
    ("217", "金融支出"),
    ("219", "援助其他地区支出"),
    ("220", "自然资源海洋气象等支出"),
    ("221", "住房保障支出"),
    ("222", "粮油物资储备支出"),
    ("223", "国有资本经营预算支出"),
    ("224", "灾害防治及应急管理支出"),
    ("229", "其他支出"),
    ("231", "债务还本支出"),
    ("232", "债务付息支出"),
    ("234", "抗疫特别国债安排的支出"),
]

INCOME_01 = [
    ("fiscal_general", "一、一般公共预算财政拨款收入"),
    ("fiscal_fund", "二、政府性基金预算财政拨款收入"),
    ("fiscal_capital", "三、国有资本经营预算财政拨款收入"),
    ("superior_subsidy", "四、上级补助收入"),
    ("business_income", "五、事业收入"),
    ("operating_income", "六、经营收入"),
    ("affiliated_remittance", "七、附属单位上缴收入"),
    ("other_income", "八、其他收入"),
]


def class_label(i: int, name: str) -> str:
    """The ``i``-th (0-based) function class line of a statement: '六、科学技术支出'."""
    return f"{CHINESE_ORDINALS[i]}、{name}"


def lines_01(
    income: dict[str, Decimal],
    class_totals: dict[str, Decimal],
    *,
    carry_begin: Decimal = ZERO,
    nonfiscal_balance_used: Decimal = ZERO,
    balance_distribution: Decimal = ZERO,
    carry_end: Decimal = ZERO,
) -> tuple[list[StatementLine], list[StatementLine]]:
    """Income lines 1-31 and expenditure lines 32-62 of table 01 (keys of ``INCOME_01``)."""
    n = len(EXPENDITURE_CLASSES)
    left = [
        StatementLine(i + 1, label, {"amount": income.get(key, ZERO)})
        for i, (key, label) in enumerate(INCOME_01)
    ]
    left += [StatementLine(i + 1, "") for i in range(len(INCOME_01), n)]
    income_total = sum((income.get(k, ZERO) for k, _ in INCOME_01), ZERO)
    left += [
        StatementLine(n + 1, "本年收入合计", {"amount": income_total}),
        StatementLine(
            n + 2, "使用非财政拨款结余（含专用结余）", {"amount": nonfiscal_balance_used}
        ),
        StatementLine(n + 3, "年初结转和结余", {"amount": carry_begin}),
        StatementLine(n + 4, ""),
        StatementLine(
            n + 5, "总计", {"amount": income_total + nonfiscal_balance_used + carry_begin}
        ),
    ]
    base = n + 5
    right = [
        StatementLine(base + i + 1, class_label(i, name), {"amount": class_totals.get(code, ZERO)})
        for i, (code, name) in enumerate(EXPENDITURE_CLASSES)
    ]
    spent = sum(class_totals.values(), ZERO)
    right += [
        StatementLine(base + n + 1, "本年支出合计", {"amount": spent}),
        StatementLine(base + n + 2, "结余分配", {"amount": balance_distribution}),
        StatementLine(base + n + 3, "年末结转和结余", {"amount": carry_end}),
        StatementLine(base + n + 4, ""),
        StatementLine(base + n + 5, "总计", {"amount": spent + balance_distribution + carry_end}),
    ]
    return left, right


FUNDS = ("general_public_budget", "government_fund", "state_capital")


def _by_fund(values: dict[str, Decimal]) -> dict[str, Decimal]:
    out = {fund: values.get(fund, ZERO) for fund in FUNDS}
    return {"total": sum(out.values(), ZERO), **out}


def lines_04(
    income: dict[str, Decimal],
    class_totals: dict[str, dict[str, Decimal]],
    *,
    carry_begin: dict[str, Decimal] | None = None,
    carry_end: dict[str, Decimal] | None = None,
    label_end_breakdown: bool = True,
) -> tuple[list[StatementLine], list[StatementLine]]:
    """Income lines 1-32 and expenditure lines 33-64 of table 04, amounts keyed by fund."""
    carry_begin = carry_begin or {}
    carry_end = carry_end or {}
    n = len(EXPENDITURE_CLASSES)
    fund_labels = ["一般公共预算财政拨款", "政府性基金预算财政拨款", "国有资本经营预算财政拨款"]
    left = [
        StatementLine(1, "一、一般公共预算财政拨款", {"amount": income.get(FUNDS[0], ZERO)}),
        StatementLine(2, "二、政府性基金预算财政拨款", {"amount": income.get(FUNDS[1], ZERO)}),
        StatementLine(3, "三、国有资本经营财政拨款", {"amount": income.get(FUNDS[2], ZERO)}),
    ]
    left += [StatementLine(i + 1, "") for i in range(3, n)]
    income_total = sum((income.get(f, ZERO) for f in FUNDS), ZERO)
    begin_total = sum((carry_begin.get(f, ZERO) for f in FUNDS), ZERO)
    left += [
        StatementLine(n + 1, "本年收入合计", {"amount": income_total}),
        StatementLine(n + 2, "年初财政拨款结转和结余", {"amount": begin_total}),
    ]
    left += [
        StatementLine(n + 3 + i, label, {"amount": carry_begin.get(f, ZERO)})
        for i, (f, label) in enumerate(zip(FUNDS, fund_labels, strict=True))
    ]
    left.append(StatementLine(n + 6, "总计", {"amount": income_total + begin_total}))
    base = n + 6
    right = [
        StatementLine(base + i + 1, class_label(i, name), _by_fund(class_totals.get(code, {})))
        for i, (code, name) in enumerate(EXPENDITURE_CLASSES)
    ]
    spent = _by_fund({f: sum((v.get(f, ZERO) for v in class_totals.values()), ZERO) for f in FUNDS})
    end = _by_fund(carry_end)
    right += [
        StatementLine(base + n + 1, "本年支出合计", spent),
        StatementLine(base + n + 2, "年末财政拨款结转和结余", end),
    ]
    for i, (f, label) in enumerate(zip(FUNDS, fund_labels, strict=True)):
        if label_end_breakdown:
            right.append(
                StatementLine(
                    base + n + 3 + i,
                    label,
                    {"total": carry_end.get(f, ZERO), f: carry_end.get(f, ZERO)},
                )
            )
        else:
            right.append(StatementLine(base + n + 3 + i, ""))
    right.append(StatementLine(base + n + 6, "总计", {k: spent[k] + end[k] for k in spent}))
    return left, right

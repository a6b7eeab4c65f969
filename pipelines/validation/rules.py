"""The catalogue of arithmetic rules a final account or a budget promises, and their checks.

Each :class:`Rule` has a stable ``rule_id``, the identity written out (with the
Chinese footnote it comes from where the document prints one) and the
severity a break carries.

Rule id families
- ``T<nn>_…``: arithmetic inside table <nn> (row identities from the footnotes,
  the 类/款/项 hierarchy, statement line sums). Severity 'error'.
- ``X<aa>_<bb>_…``: identities across two tables. Severity 'error'.
- ``N_…``: Part 3 narrative numbers against the table cells they restate.
  Severity 'error' too: real documents break them (the seed's 113219.88 against
  132145.98) and reporting such breaks is a feature. They never quarantine a
  document on their own (see :mod:`.quarantine`).

Rounding policy (尾数误差). The documents warn "金额单位转换时可能存在尾数误差".
A gap of at most one printed unit step per summed term — 0.01 万元 = 100 yuan
per term when the table prints 万元, 0.01 yuan per term when it prints 元 — is
reported as an 'info' finding (rounding), not as a break. The number of terms
is the count of non-zero terms on the summed side (at least 1): a blank cell is
an exact zero and carries no rounding. Across two tables the coarser unit step
applies. A zero gap produces no finding at all.

Conventions of a Finding: ``expected_yuan`` is the value the identity implies
(the sum of the parts, the more detailed table, the table cell a narrative
restates); ``actual_yuan`` is the printed cell under test (the total, the
summary table, the narrative number); ``difference_yuan = actual − expected``.

Narrative numbers are printed in their own unit, usually 万元 with two
decimals, whatever the table prints: a narrative 9,101.68万元 restating a table
cell of 91,016,775.35 元 differs by 24.65 yuan by rounding alone. The
narrative's precision is not recorded (``NarrativeFigure`` holds only
``amount_yuan``), so it is inferred: an amount that is a whole multiple of 100
yuan was printed in 万元 with two decimals and carries a step of 100 yuan; any
other amount was printed in 元 (step 0.01). The comparison takes the coarser
of the narrative's step and the table's (:func:`narrative_step_yuan`). The same
applies to the final amount of a budget-execution sentence.

A check whose table is absent or declared empty (``is_empty``) is skipped
without a finding. A check on a column the table does not print at all (a
budget 09 without 决算数, a single-amount budget 05) is skipped too: an absent
column is not a column of zeros.

Budget documents (``document_kind == 'budget'``) are extracted onto the same
table codes and column keys and checked by the same rules, with these
differences (see :func:`statement_side` for the statement vocabulary):
- statements 01/04 label their totals differently: 本年收入合计 / 当年收入小计
  (the year's total), 上年结转(资金/结余) / 结转下年(资金) (carry-overs),
  收入总计 / 支出总计 and a bare 收入合计 / 支出合计 printed after a carry-over
  or after an explicit 当年…小计 (the grand total). Where a statement prints
  only one total and no non-zero carry-over, that line is both the year total
  and the grand total;
- only the top-level lines (一、二、三…) are summed into the year total; the
  numbered sub-lines under them ("1.一般公共预算" under "一、财政拨款") are
  checked against their parent (``T01_SUB_LINES`` / ``T04_SUB_LINES``) and
  "其中" lines are not summed at all;
- a three-sided 01 prints a second expenditure grouping (by purpose:
  基本支出 / 项目支出 / …) whose row keys the extractor prefixes with the
  group's header ('支出用途/一、基本支出'): every group is summed separately
  against the year total (``T01_GROUP_TOTAL``);
- 09 prints only the budget column; 06 may print a 合计 row
  (``T06_GRAND_TOTAL``), which then restates 05 合计/基本支出
  (``X05_06_BASIC_TOTAL``);
- a 04 whose expenditure side prints one amount column (no split by fund)
  is checked against the sum of 05, 07 and 08 (``X04_FUND_TABLES_TOTAL``)
  instead of 05 alone, and its class lines are not compared with 05.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache

from pipelines.extraction.function_table import is_item_key, is_unit_key
from pipelines.extraction.model import (
    NARRATIVE_FIGURE_KEYS,
    DocumentExtraction,
    ExtractedTable,
    TableRow,
)

from .findings import Finding, Rule
from .schemas import SCHEMA_RULES

ZERO = Decimal("0")

# Yuan per printed step (0.01 of the printed unit).
UNIT_STEP_YUAN: dict[str, Decimal] = {
    "元": Decimal("0.01"),
    "千元": Decimal("10"),
    "万元": Decimal("100"),
    "亿元": Decimal("1000000"),
}
DEFAULT_UNIT_STEP_YUAN = UNIT_STEP_YUAN["万元"]  # most tables print 万元

# 支出功能分类 classes (类), with older and variant names.
FUNCTION_CLASS_NAMES: dict[str, tuple[str, ...]] = {
    "201": ("一般公共服务支出",),
    "202": ("外交支出",),
    "203": ("国防支出",),
    "204": ("公共安全支出",),
    "205": ("教育支出",),
    "206": ("科学技术支出",),
    "207": ("文化旅游体育与传媒支出", "文化体育与传媒支出"),
    "208": ("社会保障和就业支出",),
    "209": ("社会保险基金支出",),
    "210": ("卫生健康支出", "医疗卫生与计划生育支出", "医疗卫生支出"),
    "211": ("节能环保支出",),
    "212": ("城乡社区支出",),
    "213": ("农林水支出",),
    "214": ("交通运输支出",),
    "215": ("资源勘探工业信息等支出", "资源勘探信息等支出"),
    "216": ("商业服务业等支出",),
    "217": ("金融支出",),
    "219": ("援助其他地区支出",),
    "220": ("自然资源海洋气象等支出", "国土海洋气象等支出"),
    "221": ("住房保障支出",),
    "222": ("粮油物资储备支出",),
    "223": ("国有资本经营预算支出",),
    "224": ("灾害防治及应急管理支出",),
    "227": ("预备费",),
    "229": ("其他支出",),
    "230": ("转移性支出",),
    "231": ("债务还本支出",),
    "232": ("债务付息支出",),
    "233": ("债务发行费用支出",),
    "234": ("抗疫特别国债安排的支出",),
}
_CLASS_BY_NAME: dict[str, str] = {
    name: code for code, names in FUNCTION_CLASS_NAMES.items() for name in names
}

PERSONNEL_ECONOMIC_CLASSES = ("301", "303")  # 人员经费 = 301 + 303; 公用经费 = the rest

# A budget table may split a column into parts: 财政拨款 by fund, 基本支出 into
# 人员经费 and 公用经费. Where it prints the whole too, the parts are not summed again.
_APPROPRIATION_BY_FUND = ("general_public_budget", "government_fund", "state_capital")
_BASIC_PARTS = ("basic_personnel", "basic_public")
_PARTS_OF = {"fiscal_appropriation": _APPROPRIATION_BY_FUND, "basic": _BASIC_PARTS}
_BASIC_PROJECT_TERMS = ("basic", *_BASIC_PARTS, "project", "carryover")

# Row-sum identities printed under the function tables: (rule id, total column, terms, footnote).
FUNCTION_ROW_SUMS: dict[str, tuple[str, str, tuple[str, ...], str]] = {
    "02": (
        "T02_ROW_SUM",
        "total",
        (
            "fiscal_appropriation",
            *_APPROPRIATION_BY_FUND,
            "fiscal_special_account",
            "superior_subsidy",
            "business_income",
            "operating_income",
            "affiliated_remittance",
            "other_income",
            "carryover",
        ),
        "1栏各行＝（2＋3＋4＋5＋6＋7）栏各行",
    ),
    "03": (
        "T03_ROW_SUM",
        "total",
        (
            "basic",
            *_BASIC_PARTS,
            "project",
            "remit_to_higher",
            "business",
            "subsidy_to_affiliates",
            "carryover",
            "reserve",
            "carryover_next",
        ),
        "1栏各行＝（2＋3＋4＋5＋6）栏各行",
    ),
    # (a budget's carry-over, printed beside the year's basic and project, is a term too)
    "05": ("T05_ROW_SUM", "total", _BASIC_PROJECT_TERMS, "1栏各行＝（2＋3）栏各行"),
    "07": ("T07_ROW_SUM", "total", _BASIC_PROJECT_TERMS, "3栏各行＝（4＋5）栏各行"),
    "08": ("T08_ROW_SUM", "total", _BASIC_PROJECT_TERMS, "1栏各行＝（2＋3）栏各行"),
}
FUNCTION_TABLES = ("02", "03", "05", "07", "08")


def _rule(
    rule_id: str,
    table_codes: str,
    identity: str,
    description: str,
    scope: str,
    severity: str = "error",
) -> Rule:
    return Rule(
        rule_id=rule_id,
        severity=severity,
        table_codes=table_codes,
        identity=identity,
        description=description,
        scope=scope,
    )


_TABLE_RULES: list[Rule] = []
for _code, (_rid, _total, _terms, _footnote) in FUNCTION_ROW_SUMS.items():
    _TABLE_RULES.append(
        _rule(
            _rid,
            _code,
            f"{_footnote}: {_total} = " + " + ".join(_terms) + " (the columns the table has)",
            f"Table {_code}: on every row the total column equals the sum of its parts.",
            "table",
        )
    )
_TABLE_RULES.append(
    _rule(
        "T07_CARRYOVER",
        "07",
        "6栏各行＝（1＋2－3）栏各行: carryover_end = carryover_begin + income − total",
        "Table 07: year-end balance equals opening balance plus income minus expenditure.",
        "table",
    )
)
for _code in FUNCTION_TABLES:
    _TABLE_RULES.append(
        _rule(
            f"T{_code}_HIERARCHY",
            _code,
            "类 = Σ 款, 款 = Σ 项 (a row equals the sum of its child codes), per column",
            f"Table {_code}: each function-code row equals the sum of the rows one level below.",
            "table",
        )
    )
    _TABLE_RULES.append(
        _rule(
            f"T{_code}_GRAND_TOTAL",
            _code,
            "合计 = Σ 类 (the 合计 row equals the sum of the top-level rows), per column",
            f"Table {_code}: the 合计 row equals the sum of the class rows.",
            "table",
        )
    )
    _TABLE_RULES.append(
        _rule(
            f"T{_code}_ITEMS",
            _code,
            "by item: 合计 = Σ 小计 (or Σ items); a 小计 = Σ the items under it, per column",
            f"Table {_code} listed by item (项目名称, e.g. income by source): the totals equal "
            "their items.",
            "table",
        )
    )
    _TABLE_RULES.append(
        _rule(
            f"T{_code}_UNITS",
            _code,
            "by unit: 合计 = Σ the top-level units; a department row = Σ its units, per column",
            f"Table {_code} listed by unit (单位名称): the 合计 and department rows equal "
            "the sum of their units.",
            "table",
        )
    )
_TABLE_RULES += [
    _rule(
        "T06_HIERARCHY",
        "06",
        "类 = Σ 款 (e.g. 301 工资福利支出 = Σ 301xx)",
        "Table 06: each economic class equals the sum of its sections.",
        "table",
    ),
    _rule(
        "T06_PERSONNEL_TOTAL",
        "06",
        "人员经费合计 = 301 工资福利支出 + 303 对个人和家庭的补助",
        "Table 06: the personnel footer equals classes 301 and 303.",
        "table",
    ),
    _rule(
        "T06_PUBLIC_TOTAL",
        "06",
        "公用经费合计 = Σ other classes (302 商品和服务支出 + 310 资本性支出 + …)",
        "Table 06: the public-expense footer equals the classes other than 301 and 303.",
        "table",
    ),
    _rule(
        "T06_GRAND_TOTAL",
        "06",
        "合计 = Σ economic classes (301 + 302 + 303 + 310 + …), when the table prints a 合计 row",
        "Table 06 (budgets mostly): the 合计 row equals the sum of its classes.",
        "table",
    ),
    _rule(
        "T09_TOTAL",
        "09",
        "1栏＝（2＋3＋6）栏；7栏＝（8＋9＋12）栏: total = overseas_travel + vehicles + official_reception (budget and actual)",
        "Table 09: 合计 equals its three parts.",
        "table",
    ),
    _rule(
        "T09_VEHICLES",
        "09",
        "3栏＝（4＋5）栏；9栏=（10+11）栏: vehicles = vehicle_purchase + vehicle_operation (budget and actual)",
        "Table 09: 公务用车购置及运行维护费 equals purchase plus operation.",
        "table",
    ),
    _rule(
        "T01_INCOME_TOTAL",
        "01",
        "27行＝（1＋2＋3＋4＋5＋6+7+8）行: 本年收入合计 = Σ income lines 一…八",
        "Table 01: the year's income total equals the income lines.",
        "table",
    ),
    _rule(
        "T01_INCOME_GRAND_TOTAL",
        "01",
        "31行＝（27＋28＋29）行: 总计 = 本年收入合计 + 使用非财政拨款结余 + 年初结转和结余",
        "Table 01: the income-side 总计.",
        "table",
    ),
    _rule(
        "T01_EXPENDITURE_TOTAL",
        "01",
        "58行＝（32＋33＋…＋57）行: 本年支出合计 = Σ expenditure lines by class",
        "Table 01: the year's expenditure total equals the class lines.",
        "table",
    ),
    _rule(
        "T01_EXPENDITURE_GRAND_TOTAL",
        "01",
        "62行＝（58＋59＋60）行: 总计 = 本年支出合计 + 结余分配 + 年末结转和结余",
        "Table 01: the expenditure-side 总计.",
        "table",
    ),
    _rule(
        "T01_BALANCE",
        "01",
        "31行＝62行: income 总计 = expenditure 总计 (收支平衡)",
        "Table 01: the two sides balance.",
        "table",
    ),
    _rule(
        "T01_SUB_LINES",
        "01",
        "一、财政拨款 = 1.一般公共预算 + 2.政府性基金预算 + 3.国有资本经营预算 "
        "(a top-level line equals its numbered sub-lines)",
        "Table 01 (budgets): a line with numbered sub-lines equals their sum; the sub-lines "
        "are not summed into the year total.",
        "table",
    ),
    _rule(
        "T01_GROUP_TOTAL",
        "01",
        "本年支出合计 = Σ lines of each further expenditure grouping "
        "(支出用途: 一、基本支出 + 二、项目支出 + …)",
        "Table 01 (three-sided budget statement): each further grouping of the expenditure "
        "lines sums to the year total on its own.",
        "table",
    ),
    _rule(
        "T04_INCOME_TOTAL",
        "04",
        "27行＝（1＋2+3）行: 本年收入合计 = Σ fiscal income lines",
        "Table 04: the year's appropriation income equals its lines.",
        "table",
    ),
    _rule(
        "T04_CARRYOVER_BEGIN",
        "04",
        "28行＝（29＋30+31）行: 年初财政拨款结转和结余 = Σ its fund lines",
        "Table 04: the opening balance equals its fund lines (when printed).",
        "table",
    ),
    _rule(
        "T04_INCOME_GRAND_TOTAL",
        "04",
        "32行＝（27＋28）行: 总计 = 本年收入合计 + 年初财政拨款结转和结余",
        "Table 04: the income-side 总计.",
        "table",
    ),
    _rule(
        "T04_EXPENDITURE_TOTAL",
        "04",
        "59行＝（33＋34＋…＋58）行: 本年支出合计 = Σ expenditure lines, per fund column",
        "Table 04: the year's appropriation expenditure equals the class lines.",
        "table",
    ),
    _rule(
        "T04_CARRYOVER_END",
        "04",
        "60行＝（61＋62＋63）行: 年末财政拨款结转和结余 = Σ its fund lines, per fund column",
        "Table 04: the closing balance equals its fund lines (when printed).",
        "table",
    ),
    _rule(
        "T04_EXPENDITURE_GRAND_TOTAL",
        "04",
        "64行＝（59＋60）行: 总计 = 本年支出合计 + 年末财政拨款结转和结余, per fund column",
        "Table 04: the expenditure-side 总计.",
        "table",
    ),
    _rule(
        "T04_FUND_COLUMNS",
        "04",
        "2栏＝（3＋4＋5）栏: 小计 = 一般公共预算财政拨款 + 政府性基金预算财政拨款 + 国有资本经营预算财政拨款",
        "Table 04: on every expenditure line the subtotal equals the three fund columns.",
        "table",
    ),
    _rule(
        "T04_SUB_LINES",
        "04",
        "a top-level line = Σ its numbered sub-lines (1. 2. 3.), per column",
        "Table 04 (budgets): a line with numbered sub-lines equals their sum; the sub-lines "
        "are not summed into the year total.",
        "table",
    ),
    _rule(
        "T04_GROUP_TOTAL",
        "04",
        "本年支出合计 = Σ lines of each further expenditure grouping, per column",
        "Table 04 (three-sided budget statement): each further grouping of the expenditure "
        "lines sums to the year total on its own.",
        "table",
    ),
    _rule(
        "T04_BALANCE",
        "04",
        "32行＝64行: income 总计 = expenditure 总计 (小计 column)",
        "Table 04: the two sides balance.",
        "table",
    ),
]

CROSS_TABLE_RULES: list[Rule] = [
    _rule(
        "X01_02_INCOME_TOTAL",
        "01,02",
        "01 本年收入合计 = 02 合计 (本年收入合计 column)",
        "The statement's income total restates table 02's total.",
        "cross_table",
    ),
    _rule(
        "X01_03_EXPENDITURE_TOTAL",
        "01,03",
        "01 本年支出合计 = 03 合计 (本年支出合计 column)",
        "The statement's expenditure total restates table 03's total.",
        "cross_table",
    ),
    _rule(
        "X01_03_CLASS",
        "01,03",
        "01 expenditure line by class (e.g. 六、科学技术支出) = 03 row of the class code (206) total",
        "Each class line of the statement restates table 03's class row.",
        "cross_table",
    ),
    _rule(
        "X02_04_FISCAL_INCOME",
        "02,04",
        "02 合计/财政拨款收入 = 04 本年收入合计",
        "Appropriation income in table 02 equals table 04's income total.",
        "cross_table",
    ),
    _rule(
        "X04_05_CLASS",
        "04,05",
        "04 expenditure line by class (一般公共预算财政拨款 column) = 05 row of the class code total",
        "Each class line of table 04 restates table 05's class row.",
        "cross_table",
    ),
    _rule(
        "X04_05_EXPENDITURE_TOTAL",
        "04,05",
        "04 本年支出合计 (一般公共预算财政拨款 column) = 05 合计 total",
        "Table 04's general-budget expenditure total restates table 05's total.",
        "cross_table",
    ),
    _rule(
        "X04_FUND_TABLES_TOTAL",
        "04,05,07,08",
        "04 本年支出合计 (single 金额 column, all appropriation funds) = 05 合计 + 07 合计 + 08 合计",
        "Budgets: a 04 that does not split expenditure by fund restates the three "
        "appropriation tables together.",
        "cross_table",
    ),
    _rule(
        "X05_06_BASIC",
        "05,06",
        "05 合计/基本支出 = 06 人员经费合计 + 公用经费合计",
        "General-budget basic expenditure equals the two footers of table 06.",
        "cross_table",
    ),
    _rule(
        "X05_06_BASIC_TOTAL",
        "05,06",
        "05 合计/基本支出 = 06 合计 (when table 06 prints a 合计 row, as budgets do)",
        "General-budget basic expenditure equals the 合计 of table 06.",
        "cross_table",
    ),
]

NARRATIVE_RULES: list[Rule] = [
    _rule(
        "N_BUDGET_EXECUTION_FINAL",
        "05",
        "“…（项）。年初预算为X万元，支出决算为Y万元” : Y = 05 row of the item's code, total column",
        "A narrative budget-execution sentence restates the final amount of table 05.",
        "narrative",
    ),
    _rule(
        "N_FIGURE",
        "01,02,03,04,05,06,09",
        "a narrative figure = the table cell it restates (see NARRATIVE_FIGURE_KEYS)",
        "A total restated in Part 3 (收支总计, 基本支出, “三公”经费…) equals its table cell.",
        "narrative",
    ),
    _rule(
        "N_BUDGET_EXECUTION_ROW_MISSING",
        "05",
        "the function code of a budget-execution sentence has a row in table 05",
        "The narrative explains an item that table 05 does not print.",
        "narrative",
        severity="warning",
    ),
    _rule(
        "N_BUDGET_EXECUTION_UNRESOLVED",
        "05",
        "a budget-execution sentence resolves to a function code",
        "The narrative item could not be matched to a function code; not checked.",
        "narrative",
        severity="info",
    ),
    _rule(
        "N_FIGURE_UNKNOWN_KEY",
        "",
        "a narrative figure_key is one of NARRATIVE_FIGURE_KEYS",
        "A narrative figure whose key has no table cell to compare with; not checked.",
        "narrative",
        severity="info",
    ),
]

#: the rules that say a table was not read, or not found, as findings analysts see
READING_RULES: tuple[Rule, ...] = (
    Rule(
        rule_id="R_TABLE_WITHHELD",
        severity="warning",
        table_codes="",
        identity="a table is loaded only when it was read right (see the reason)",
        description="The table could not be read reliably; it is withheld: no fact rows.",
        scope="reading",
    ),
    Rule(
        rule_id="R_TABLE_NOT_FOUND",
        severity="warning",
        table_codes="",
        identity="a final account prints 01, 02, 03, 05, 06 and 09; a budget a statement and 05",
        description="A table every document of its kind prints was not located.",
        scope="reading",
    ),
)

ARITHMETIC_RULES: tuple[Rule, ...] = (*_TABLE_RULES, *CROSS_TABLE_RULES, *NARRATIVE_RULES)
#: the ids of the rules about one table's own arithmetic (what a table verdict weighs)
TABLE_RULE_IDS: frozenset[str] = frozenset(rule.rule_id for rule in _TABLE_RULES)
# The whole catalogue: arithmetic, cross-table, narrative, schema and reading rules.
RULES: tuple[Rule, ...] = (*ARITHMETIC_RULES, *SCHEMA_RULES, *READING_RULES)
RULE_BY_ID: dict[str, Rule] = {rule.rule_id: rule for rule in RULES}
assert len(RULE_BY_ID) == len(RULES), "rule ids must be unique"


# ---------------------------------------------------------------- evaluation


@dataclass(frozen=True)
class Evaluation:
    """One evaluated instance of a rule: 'ok', 'rounding' (info) or 'broken'."""

    rule_id: str
    table_code: str
    location: str
    outcome: str
    #: the non-zero terms summed: an identity of one term (a row equal to its only part)
    #: holds even when both cells are misread alike, so it says little about the reading
    terms: int = 1


@dataclass
class RuleResults:
    findings: list[Finding] = field(default_factory=list)
    evaluations: list[Evaluation] = field(default_factory=list)


def unit_step_yuan(*units: str | None) -> Decimal:
    """The rounding step of one term in yuan: the coarsest of the given units."""
    steps = [UNIT_STEP_YUAN.get((u or "").strip(), DEFAULT_UNIT_STEP_YUAN) for u in units]
    return max(steps) if steps else DEFAULT_UNIT_STEP_YUAN


def step_yuan(*tables: ExtractedTable) -> Decimal:
    """The rounding step of one term in yuan: the coarsest of the tables' printed precision.

    A table's unit gives its step (0.01 元, 0.01 万元 = 100 yuan). A table in
    元 that prints whole yuan only ('2,191,300', converted from 万元 by the
    producer) rounds to 1 yuan.
    """
    steps = []
    for table in tables:
        step = unit_step_yuan(table.unit)
        amounts = [
            v for row in table.rows for v in row.values.values() if isinstance(v, Decimal) and v
        ]
        if table.unit == "元" and amounts and all(v % 1 == 0 for v in amounts):
            step = Decimal("1")
        steps.append(step)
    return max(steps, default=DEFAULT_UNIT_STEP_YUAN)


def _fmt(amount: Decimal) -> str:
    return f"{amount:,.2f}"


class _Checker:
    def __init__(self) -> None:
        self.results = RuleResults()

    def compare(
        self,
        rule_id: str,
        location: str,
        table_code: str,
        expected_terms: Iterable[Decimal | None],
        actual: Decimal | None,
        step: Decimal,
        description: str,
    ) -> None:
        """Compare a printed cell against the sum of terms; record a finding if they differ."""
        terms = list(expected_terms)
        if actual is None or None in terms:
            return  # a value schema validation already rejected; cannot evaluate
        expected = sum(terms, ZERO)
        n_terms = max(1, len(terms) - terms.count(ZERO))  # the non-zero terms
        self._record(
            rule_id, location, table_code, expected, actual, step * n_terms, description, n_terms
        )

    def _record(
        self,
        rule_id: str,
        location: str,
        table_code: str,
        expected: Decimal,
        actual: Decimal,
        tolerance: Decimal,
        description: str,
        terms: int = 1,
    ) -> None:
        rule = RULE_BY_ID[rule_id]
        difference = actual - expected
        if difference == 0:
            outcome = "ok"
        elif abs(difference) <= tolerance:
            outcome = "rounding"
        else:
            outcome = "broken"
        self.results.evaluations.append(Evaluation(rule_id, table_code, location, outcome, terms))
        if outcome == "ok":
            return
        severity = "info" if outcome == "rounding" else rule.severity
        verdict = (
            f"within rounding tolerance {_fmt(tolerance)} yuan (尾数误差)"
            if outcome == "rounding"
            else f"beyond rounding tolerance {_fmt(tolerance)} yuan"
        )
        message = (
            f"{description}: expected {_fmt(expected)} yuan, printed {_fmt(actual)} yuan, "
            f"difference {_fmt(difference)} yuan, {verdict}. Rule {rule_id}: {rule.identity}."
        )
        self.results.findings.append(
            Finding(
                rule_id=rule_id,
                location=location,
                severity=severity,
                table_code=table_code,
                expected_yuan=expected,
                actual_yuan=actual,
                difference_yuan=difference,
                message=message,
            )
        )

    def note(self, rule_id: str, location: str, table_code: str | None, message: str) -> None:
        """A finding that is not a comparison (unresolved narrative item, unknown key)."""
        rule = RULE_BY_ID[rule_id]
        self.results.findings.append(
            Finding(rule_id, location, rule.severity, table_code, None, None, None, message)
        )


# ---------------------------------------------------------------- helpers


def _usable(table: ExtractedTable | None) -> bool:
    return table is not None and not table.is_empty and bool(table.rows)


def _value(row: TableRow | None, column: str) -> Decimal | None:
    """A cell's amount: a blank (absent) cell is zero; a non-Decimal is unusable (None)."""
    if row is None:
        return ZERO
    value = row.values.get(column)
    if value is None:
        return ZERO
    if isinstance(value, Decimal):
        return value if value.is_finite() else None
    if isinstance(value, int) and not isinstance(value, bool):
        return Decimal(value)
    return None


def _amount_columns(table: ExtractedTable) -> list[str]:
    keys: list[str] = []
    for column in table.columns:
        if column.key not in keys:
            keys.append(column.key)
    if not keys:
        for row in table.rows:
            for key in row.values:
                if key not in keys:
                    keys.append(key)
    return keys


def _col(table: ExtractedTable, column: str) -> str:
    label = table.column_label(column)
    return column if label == column else f"{column} ({label})"


_CODE_RE = re.compile(r"^\d{3}(\d{2}){0,2}$")


def _code_rows(table: ExtractedTable) -> dict[str, TableRow]:
    rows: dict[str, TableRow] = {}
    for row in table.rows:
        if _CODE_RE.match(row.row_key) and row.row_key not in rows:
            rows[row.row_key] = row
    return rows


def _parent_code(code: str, codes: Iterable[str] | dict[str, TableRow]) -> str | None:
    for length in (5, 3):
        if len(code) > length and code[:length] in codes:
            return code[:length]
    return None


_WHITESPACE_RE = re.compile(r"\s+")


# Statement labels repeat across lines, rules and documents: normalise each once.
@lru_cache(maxsize=8192)
def _normalise_label(label: str) -> str:
    return _WHITESPACE_RE.sub("", unicodedata.normalize("NFKC", label or ""))


# '六、' '（六）' '6.' — not the 一 of 一般公共服务支出
_NUMBERING_RE = re.compile(
    r"^(?:[（(][一二三四五六七八九十百零〇\d]+[)）][、.．,，]?|[一二三四五六七八九十百零〇\d]+[、.．,，])"
)


def class_code_for_label(label: str) -> str | None:
    """Map a statement line such as '六、科学技术支出' to its function class code ('206')."""
    name = _NUMBERING_RE.sub("", _normalise_label(label))
    if name in _CLASS_BY_NAME:
        return _CLASS_BY_NAME[name]
    best: tuple[int, str] | None = None
    for known, code in _CLASS_BY_NAME.items():
        if known in name and (best is None or len(known) > best[0]):
            best = (len(known), code)
    return best[1] if best else None


def _names_a_class(label: str) -> bool:
    """The label is a function class's name itself ('社会保障和就业支出', not '其他…支出')."""
    return _NUMBERING_RE.sub("", _normalise_label(label)) in _CLASS_BY_NAME


# ---------------------------------------------------------------- statements


@dataclass
class StatementSide:
    """The lines of one side of a statement (01 or 04), classified by keyword and order."""

    lines: list[TableRow] = field(default_factory=list)  # above 本年…合计 (budgets: top level)
    year_total: TableRow | None = None  # 本年收入合计 / 本年支出合计
    balance_used: TableRow | None = None  # 使用非财政拨款结余（含专用结余）
    surplus_distribution: TableRow | None = None  # 结余分配
    carryover: TableRow | None = None  # 年初结转和结余 / 年末结转和结余
    carryover_parts: list[TableRow] = field(default_factory=list)  # 04's fund sub-lines
    grand_total: TableRow | None = None  # 总计
    columns: list[str] = field(default_factory=list)
    # Budgets only: numbered sub-lines under a top-level line ("1.一般公共预算" under
    # "一、财政拨款"), and further line groupings of a three-sided statement
    # (group header, e.g. '支出用途' -> its top-level lines).
    sub_lines: list[tuple[TableRow, list[TableRow]]] = field(default_factory=list)
    groups: dict[str, list[TableRow]] = field(default_factory=dict)


def _line_kind(label: str) -> str:
    text = _normalise_label(label)
    if "总计" in text:
        return "grand_total"
    if "合计" in text:
        return "year_total"
    if "结余分配" in text:
        return "surplus_distribution"
    if "使用" in text and "结余" in text:
        return "balance_used"
    if ("年初" in text or "年末" in text) and ("结转" in text or "结余" in text):
        return "carryover"
    return "line"


_YEAR_TOTAL_LINES = ("本年收入", "本年支出", "当年收入", "当年支出")
_BUDGET_CARRYOVER_WORDS = (
    "上年结转",
    "上年结余",
    "结转下年",
    "下年结转",
    "年初结转",
    "年末结转",
)


def _budget_line_kind(label: str) -> str:
    """Budget statement vocabulary; 'plain_total' is a bare 收入合计 / 支出合计 / 小计.

    Whether a plain total is the year total or the grand total depends on what
    precedes it (see :func:`statement_side`).
    """
    text = _normalise_label(label)
    if "总计" in text:
        return "grand_total"
    if ("本年" in text or "当年" in text) and ("合计" in text or "小计" in text):
        return "year_total"
    if "结余分配" in text:
        return "surplus_distribution"
    if "使用" in text and "结余" in text:
        return "balance_used"
    if any(word in text for word in _BUDGET_CARRYOVER_WORDS):
        return "carryover"
    if "合计" in text or "小计" in text:
        return "plain_total"
    return "line"


# '一、' … : a top-level statement line; '1.' '(1)' '（一）': a sub-line; '其中': a subset.
_TOP_LEVEL_LINE_RE = re.compile(r"^[一二三四五六七八九十百]+[、.．]")
_SUB_LINE_RE = re.compile(r"^([（(]\d+[)）]|\d+[、.．)）]|[（(][一二三四五六七八九十]+[)）])")
_GROUP_SEPARATOR = "/"


def _line_group(row: TableRow) -> tuple[str, str]:
    """(group header, label) of a statement row: '支出用途/一、基本支出' -> ('支出用途', '一、基本支出')."""
    key = _normalise_label(row.row_key or row.row_label)
    if _GROUP_SEPARATOR in key:
        group, label = key.split(_GROUP_SEPARATOR, 1)
        return group, label
    return "", key


_STATEMENT_COLUMN_ORDER = (
    "amount",
    "total",
    "general_public_budget",
    "government_fund",
    "state_capital",
)


# Line kinds a side holds at most once (the first printed wins); the year total
# and a carry-over close the side's own lines.
_SINGLE_LINE_KINDS = (
    "year_total",
    "grand_total",
    "carryover",
    "balance_used",
    "surplus_distribution",
)
_CLOSING_LINE_KINDS = ("year_total", "carryover")


def _side_rows(table: ExtractedTable, side: str) -> list[TableRow]:
    """The labelled rows of one side, in printed line order when every row is numbered."""
    rows = [r for r in table.rows if r.side == side and (r.row_key or r.row_label)]
    if rows and all(r.line_no is not None for r in rows):
        rows = sorted(rows, key=lambda r: r.line_no or 0)
    return rows


def _side_columns(rows: list[TableRow]) -> list[str]:
    present = {key for r in rows for key in r.values}
    return [c for c in _STATEMENT_COLUMN_ORDER if c in present] or ["amount"]


def _take_single_line(result: StatementSide, kind: str, row: TableRow) -> bool:
    """Record ``row`` as the side's ``kind`` line unless one is already recorded.

    True when the row was recorded and closes the side's own lines.
    """
    if kind not in _SINGLE_LINE_KINDS or getattr(result, kind) is not None:
        return False
    setattr(result, kind, row)
    return kind in _CLOSING_LINE_KINDS


def statement_side(
    table: ExtractedTable, side: str, document_kind: str | None = None
) -> StatementSide:
    """Classify the printed lines of one side: lines before 本年合计, then carry-overs and 总计.

    Lines are matched by keyword on the normalised label ('本年收入合计', '总计',
    '年初结转和结余', '使用非财政拨款结余', '结余分配') and by position: the numbered
    lines above the year total are the income sources / expenditure classes;
    unlabelled-kind lines after a carry-over line are its fund sub-lines (04).

    ``document_kind`` 'budget' switches to the budget vocabulary
    (:func:`_budget_line_kind`) and line structure: top-level lines only in
    ``lines``, numbered sub-lines in ``sub_lines``, further groupings of a
    three-sided statement in ``groups``; a single printed total serves as both
    year total and grand total when there is no non-zero carry-over.
    """
    if document_kind == "budget":
        return _budget_statement_side(table, side)
    rows = _side_rows(table, side)
    result = StatementSide()
    seen_year_total = False
    for row in rows:
        kind = _line_kind(row.row_key or row.row_label)
        if kind == "line":
            if not seen_year_total:
                result.lines.append(row)
            elif result.carryover is not None:
                result.carryover_parts.append(row)
        elif _take_single_line(result, kind, row):
            seen_year_total = True
    result.columns = _side_columns(rows)
    return result


def _is_zero_row(row: TableRow | None) -> bool:
    return row is None or all(isinstance(v, Decimal) and v == 0 for v in row.values.values())


def _budget_statement_side(table: ExtractedTable, side: str) -> StatementSide:
    rows = _side_rows(table, side)
    result = StatementSide()
    seen_year_total = False
    year_total_is_plain = False
    parents: dict[str, TableRow | None] = {}  # group -> the last top-level line
    children: dict[int, list[TableRow]] = {}  # id(parent) -> its numbered sub-lines
    parent_rows: dict[int, TableRow] = {}
    # Where a grouping numbers its lines 一、二、…, an unnumbered line under one of
    # them is its part ('一般公共预算拨款收入' under '一、财政拨款收入').
    enumerated = {
        _line_group(row)[0] for row in rows if _TOP_LEVEL_LINE_RE.match(_line_group(row)[1])
    }
    # Where the lines are not numbered but name function classes, the other lines are
    # the classes' 款 and 项 listed under them by indentation only (not summed).
    by_class = {_line_group(row)[0] for row in rows if _names_a_class(_line_group(row)[1])}
    by_class -= enumerated
    # Some statements print the year total first ('一、本年支出') with its lines under it.
    leads = bool(rows) and _NUMBERING_RE.sub("", _line_group(rows[0])[1]) in _YEAR_TOTAL_LINES
    for position, row in enumerate(rows):
        group, label = _line_group(row)
        kind = _budget_line_kind(label)
        if leads and position == 0:
            result.year_total = row
            continue
        if leads and kind == "line" and result.carryover is None and result.grand_total is None:
            result.groups.setdefault(group, []).append(row)
            continue
        if kind == "line":
            if seen_year_total:
                if result.carryover is not None:
                    result.carryover_parts.append(row)
                continue
            if label.startswith("其中"):
                continue  # a subset of the line above: neither summed nor checked
            if group in by_class and not _names_a_class(label):
                continue
            parent = parents.get(group)
            numbered_part = _SUB_LINE_RE.match(label) or group in enumerated
            if numbered_part and not _TOP_LEVEL_LINE_RE.match(label) and parent:
                children.setdefault(id(parent), []).append(row)
                parent_rows[id(parent)] = parent
                continue
            parents[group] = row
            result.groups.setdefault(group, []).append(row)
        elif kind == "plain_total":
            if result.year_total is None and result.carryover is None:
                result.year_total = row
                year_total_is_plain = True
                seen_year_total = True
            elif result.grand_total is None and (
                result.carryover is not None or not year_total_is_plain
            ):
                result.grand_total = row
        elif _take_single_line(result, kind, row):
            seen_year_total = True
    # The first grouping (unprefixed, else the first printed) holds the lines proper.
    if result.groups:
        main = "" if "" in result.groups else next(iter(result.groups))
        result.lines = result.groups.pop(main)
    result.sub_lines = [(parent_rows[key], kids) for key, kids in children.items()]
    # One printed total: it is both the year total and the grand total, provided
    # nothing (carry-over, balance used, surplus distribution) separates them.
    nothing_between = all(
        _is_zero_row(r)
        for r in (result.carryover, result.balance_used, result.surplus_distribution)
    )
    if result.grand_total is None and result.year_total is not None and nothing_between:
        result.grand_total = result.year_total
    if result.year_total is None and result.grand_total is not None and nothing_between:
        result.year_total = result.grand_total
    result.columns = _side_columns(rows)
    return result


def _label(row: TableRow) -> str:
    return row.row_label or row.row_key


def _check_statement_sum(
    checker: _Checker,
    table: ExtractedTable,
    rule_id: str,
    side: str,
    target: TableRow | None,
    parts: list[TableRow | None],
    columns: list[str],
    location_suffix: str = "",
) -> None:
    parts_present = [p for p in parts if p is not None]
    if target is None or not parts_present or any(p is target for p in parts_present):
        return  # nothing to sum, or one printed line serving as both (budget statements)
    step = step_yuan(table)
    names = " + ".join(_label(p) for p in parts_present)
    for column in columns:
        checker.compare(
            rule_id,
            f"{table.table_code}/{side}/{target.row_key}/{column}{location_suffix}",
            table.table_code,
            [_value(p, column) for p in parts_present],
            _value(target, column),
            step,
            f"Table {table.table_code} {side} line '{_label(target)}' column {_col(table, column)} "
            f"should equal {names}",
        )


def _check_budget_statement_structure(
    checker: _Checker, table: ExtractedTable, side_name: str, side: StatementSide
) -> None:
    """Budgets: sub-lines against their parent, further line groups against the year total."""
    code = table.table_code
    for parent, kids in side.sub_lines:
        _check_statement_sum(
            checker, table, f"T{code}_SUB_LINES", side_name, parent, list(kids), side.columns
        )
    for group, lines in side.groups.items():
        _check_statement_sum(
            checker,
            table,
            f"T{code}_GROUP_TOTAL",
            side_name,
            side.year_total,
            list(lines),
            side.columns,
            location_suffix=f"/{group or 'group'}",
        )


# The line sums of a statement, in order: (rule id, side, the StatementSide line
# that is the total, the StatementSide lines or line lists summed into it).
_STATEMENT_SUMS: dict[str, tuple[tuple[str, str, str, tuple[str, ...]], ...]] = {
    "01": (
        ("T01_INCOME_TOTAL", "income", "year_total", ("lines",)),
        (
            "T01_INCOME_GRAND_TOTAL",
            "income",
            "grand_total",
            ("year_total", "balance_used", "carryover"),
        ),
        ("T01_EXPENDITURE_TOTAL", "expenditure", "year_total", ("lines",)),
        (
            "T01_EXPENDITURE_GRAND_TOTAL",
            "expenditure",
            "grand_total",
            ("year_total", "surplus_distribution", "carryover"),
        ),
    ),
    "04": (
        ("T04_INCOME_TOTAL", "income", "year_total", ("lines",)),
        ("T04_CARRYOVER_BEGIN", "income", "carryover", ("carryover_parts",)),
        ("T04_INCOME_GRAND_TOTAL", "income", "grand_total", ("year_total", "carryover")),
        ("T04_EXPENDITURE_TOTAL", "expenditure", "year_total", ("lines",)),
        ("T04_CARRYOVER_END", "expenditure", "carryover", ("carryover_parts",)),
        ("T04_EXPENDITURE_GRAND_TOTAL", "expenditure", "grand_total", ("year_total", "carryover")),
    ),
}


def _side_parts(side: StatementSide, names: tuple[str, ...]) -> list[TableRow | None]:
    """The named lines of a side, a list-valued name (``lines``) contributing all its rows."""
    parts: list[TableRow | None] = []
    for name in names:
        value = getattr(side, name)
        if isinstance(value, list):
            parts.extend(value)
        else:
            parts.append(value)
    return parts


def _check_statement(
    checker: _Checker, table: ExtractedTable, document_kind: str | None = None
) -> None:
    code = table.table_code
    income = statement_side(table, "income", document_kind)
    expenditure = statement_side(table, "expenditure", document_kind)
    sides = {"income": income, "expenditure": expenditure}
    for side_name, side in sides.items():
        _check_budget_statement_structure(checker, table, side_name, side)
    for rule_id, side_name, target, parts in _STATEMENT_SUMS["01" if code == "01" else "04"]:
        side = sides[side_name]
        _check_statement_sum(
            checker,
            table,
            rule_id,
            side_name,
            getattr(side, target),
            _side_parts(side, parts),
            side.columns,
        )
    if code != "01":
        funds = [
            c
            for c in ("general_public_budget", "government_fund", "state_capital")
            if c in expenditure.columns
        ]
        if "total" in expenditure.columns and funds:
            step = step_yuan(table)
            for row in table.rows:
                if row.side != "expenditure" or not row.row_key:
                    continue
                checker.compare(
                    "T04_FUND_COLUMNS",
                    f"04/expenditure/{row.row_key}/total",
                    "04",
                    [_value(row, c) for c in funds],
                    _value(row, "total"),
                    step,
                    f"Table 04 expenditure line '{_label(row)}' column {_col(table, 'total')} "
                    f"should equal " + " + ".join(_col(table, c) for c in funds),
                )
    if income.grand_total is not None and expenditure.grand_total is not None:
        income_column = income.columns[0]
        expenditure_column = "total" if "total" in expenditure.columns else expenditure.columns[0]
        checker.compare(
            f"T{code}_BALANCE",
            f"{code}/expenditure/{expenditure.grand_total.row_key}/{expenditure_column}",
            code,
            [_value(income.grand_total, income_column)],
            _value(expenditure.grand_total, expenditure_column),
            step_yuan(table),
            f"Table {code}: expenditure 总计 '{_label(expenditure.grand_total)}' should equal "
            f"income 总计 '{_label(income.grand_total)}'",
        )


# ---------------------------------------------------------------- function tables


def _check_function_table(checker: _Checker, table: ExtractedTable) -> None:
    code = table.table_code
    step = step_yuan(table)
    columns = _amount_columns(table)
    rows = _code_rows(table)
    total_row = table.row("total")
    if any(is_unit_key(row.row_key) for row in table.rows):
        _check_unit_rows(checker, table, step, columns)
    if any(is_item_key(row.row_key) for row in table.rows):
        _check_item_rows(checker, table, step, columns)

    # Row identities from the footnote.
    if code in FUNCTION_ROW_SUMS:
        rule_id, total_column, terms, _footnote = FUNCTION_ROW_SUMS[code]
        present_terms = [t for t in terms if t in columns]
        for whole, parts in _PARTS_OF.items():
            if whole in present_terms:
                present_terms = [t for t in present_terms if t not in parts]
        if total_column in columns and present_terms:
            identity = f"{_col(table, total_column)} should equal " + " + ".join(
                _col(table, t) for t in present_terms
            )
            for row in table.rows:
                checker.compare(
                    rule_id,
                    f"{code}/{row.row_key}/{total_column}",
                    code,
                    [_value(row, t) for t in present_terms],
                    _value(row, total_column),
                    step,
                    f"Table {code} row {row.row_key} '{row.row_label}' column {identity}",
                )
    if code == "07" and {"carryover_begin", "income", "total", "carryover_end"} <= set(columns):
        for row in table.rows:
            begin, income, spent = (
                _value(row, "carryover_begin"),
                _value(row, "income"),
                _value(row, "total"),
            )
            checker.compare(
                "T07_CARRYOVER",
                f"07/{row.row_key}/carryover_end",
                code,
                [begin, income, None if spent is None else -spent],
                _value(row, "carryover_end"),
                step,
                f"Table 07 row {row.row_key} '{row.row_label}' 年末结转和结余 should equal "
                "年初结转和结余 + 本年收入 − 本年支出",
            )

    # Hierarchy: each row with children equals the sum of its children.
    children: dict[str, list[TableRow]] = {}
    top_level: list[TableRow] = []
    for row_code, row in rows.items():
        parent = _parent_code(row_code, rows)
        if parent is None:
            top_level.append(row)
        else:
            children.setdefault(parent, []).append(row)
    column_names = {column: _col(table, column) for column in columns}
    for parent_code, kids in children.items():
        parent = rows[parent_code]
        level = {3: "类", 5: "款"}[len(parent_code)]
        kid_codes = ", ".join(k.row_key for k in kids)
        for column in columns:
            checker.compare(
                f"T{code}_HIERARCHY",
                f"{code}/{parent_code}/{column}",
                code,
                [_value(k, column) for k in kids],
                _value(parent, column),
                step,
                f"Table {code} {level} row {parent_code} '{parent.row_label}' column "
                f"{column_names[column]} should equal the sum of its child rows {kid_codes}",
            )
    if total_row is not None and top_level:
        class_codes = ", ".join(r.row_key for r in top_level)
        for column in columns:
            checker.compare(
                f"T{code}_GRAND_TOTAL",
                f"{code}/total/{column}",
                code,
                [_value(r, column) for r in top_level],
                _value(total_row, column),
                step,
                f"Table {code} 合计 row column {column_names[column]} should equal the sum of "
                f"the class rows {class_codes}",
            )


def _check_item_rows(
    checker: _Checker, table: ExtractedTable, step: Decimal, columns: list[str]
) -> None:
    """A table listed by item: the 合计 is the sum of the 小计 rows (or of the items), and
    a 小计 printed above its items is their sum. '其中' lines are parts, never summed."""
    code = table.table_code
    total_row = table.row("total")
    items = [r for r in table.rows if is_item_key(r.row_key) and "其中" not in r.row_label]
    subtotals = [r for r in items if r.row_label.endswith("小计")]
    blocks: list[tuple[TableRow, list[TableRow]]] = []
    for row in items:
        if row in subtotals:
            blocks.append((row, []))
        elif blocks:
            blocks[-1][1].append(row)
    for subtotal, parts in blocks:
        if not parts:
            continue
        for column in columns:
            checker.compare(
                f"T{code}_ITEMS",
                f"{code}/{subtotal.row_key}/{column}",
                code,
                [_value(r, column) for r in parts],
                _value(subtotal, column),
                step,
                f"Table {code} '{subtotal.row_label}' column {_col(table, column)} should equal "
                "the sum of the items under it",
            )
    if total_row is None or not items:
        return
    terms = subtotals or items
    for column in columns:
        checker.compare(
            f"T{code}_ITEMS",
            f"{code}/total/{column}",
            code,
            [_value(r, column) for r in terms],
            _value(total_row, column),
            step,
            f"Table {code} 合计 column {_col(table, column)} should equal the sum of its "
            + ("小计 rows" if subtotals else "items"),
        )


def _check_unit_rows(
    checker: _Checker, table: ExtractedTable, step: Decimal, columns: list[str]
) -> None:
    """A table listed by unit: the 合计 is the sum of the top-level units.

    A unit whose code begins another's (024 → 024001) is a department over its
    units; without codes, a first unit row equal to the 合计 is the department
    printing its units below it.
    """
    code = table.table_code
    units = [row for row in table.rows if is_unit_key(row.row_key)]
    total_row = table.row("total")
    codes = {row.row_key.removeprefix("unit:"): row for row in units}
    children: dict[str, list[TableRow]] = {}
    top_level: list[TableRow] = []
    for unit_code, row in codes.items():
        parent = next(
            (c for c in codes if c != unit_code and c.isdigit() and unit_code.startswith(c)), None
        )
        if parent is None:
            top_level.append(row)
        else:
            children.setdefault(parent, []).append(row)
    if (
        not children
        and total_row is not None
        and len(top_level) > 1
        and all(_value(top_level[0], c) == _value(total_row, c) for c in columns)
    ):
        children[top_level[0].row_key.removeprefix("unit:")] = top_level[1:]
        top_level = top_level[:1]
    for parent, kids in children.items():
        for column in columns:
            checker.compare(
                f"T{code}_UNITS",
                f"{code}/{codes[parent].row_key}/{column}",
                code,
                [_value(k, column) for k in kids],
                _value(codes[parent], column),
                step,
                f"Table {code} department row '{codes[parent].row_label}' column "
                f"{_col(table, column)} should equal the sum of its units",
            )
    if total_row is not None and top_level:
        for column in columns:
            checker.compare(
                f"T{code}_UNITS",
                f"{code}/total/{column}",
                code,
                [_value(r, column) for r in top_level],
                _value(total_row, column),
                step,
                f"Table {code} 合计 row column {_col(table, column)} should equal the sum of "
                "the units",
            )


# ---------------------------------------------------------------- table 06 and 09


def _economic_class_amounts(table: ExtractedTable) -> dict[str, Decimal | None]:
    """Amount per 3-digit economic class: the class row, else the sum of its sections."""
    rows = _code_rows(table)
    amounts: dict[str, Decimal | None] = {}
    for row_code, row in rows.items():
        if len(row_code) == 3:
            amounts[row_code] = _value(row, "amount")
    for row_code, row in rows.items():
        if len(row_code) == 5 and row_code[:3] not in rows:
            value = _value(row, "amount")
            prior = amounts.get(row_code[:3], ZERO)
            amounts[row_code[:3]] = None if value is None or prior is None else prior + value
    return amounts


def _check_economic_table(checker: _Checker, table: ExtractedTable) -> None:
    step = step_yuan(table)
    rows = _code_rows(table)
    for class_code, class_row in rows.items():
        if len(class_code) != 3:
            continue
        sections = [r for c, r in rows.items() if len(c) == 5 and c.startswith(class_code)]
        if not sections:
            continue
        checker.compare(
            "T06_HIERARCHY",
            f"06/{class_code}/amount",
            "06",
            [_value(r, "amount") for r in sections],
            _value(class_row, "amount"),
            step,
            f"Table 06 class {class_code} '{class_row.row_label}' should equal the sum of its sections",
        )
    classes = _economic_class_amounts(table)
    for rule_id, footer, wanted in (
        ("T06_PERSONNEL_TOTAL", "personnel_total", lambda c: c in PERSONNEL_ECONOMIC_CLASSES),
        ("T06_PUBLIC_TOTAL", "public_total", lambda c: c not in PERSONNEL_ECONOMIC_CLASSES),
    ):
        footer_row = table.row(footer)
        if footer_row is None:
            continue
        picked = sorted(c for c in classes if wanted(c))
        checker.compare(
            rule_id,
            f"06/{footer}/amount",
            "06",
            [classes[c] for c in picked],
            _value(footer_row, "amount"),
            step,
            f"Table 06 footer '{footer_row.row_label}' should equal the classes "
            + (", ".join(picked) or "(none printed)"),
        )
    total_row = table.row("total")
    if total_row is not None and classes:
        picked = sorted(classes)
        checker.compare(
            "T06_GRAND_TOTAL",
            "06/total/amount",
            "06",
            [classes[c] for c in picked],
            _value(total_row, "amount"),
            step,
            f"Table 06 合计 '{total_row.row_label}' should equal the classes " + ", ".join(picked),
        )


def _check_three_public(checker: _Checker, table: ExtractedTable) -> None:
    step = step_yuan(table)
    # A budget 09 prints only 预算数: check the columns the table has.
    printed = _amount_columns(table)
    columns = [c for c in ("budget", "actual") if c in printed] or ["budget", "actual"]
    for rule_id, target, parts in (
        (
            "T09_TOTAL",
            "total",
            ("overseas_travel", "vehicles", "official_reception"),
        ),
        (
            "T09_VEHICLES",
            "vehicles",
            ("vehicle_purchase", "vehicle_operation"),
        ),
    ):
        target_row = table.row(target)
        part_rows = [table.row(p) for p in parts]
        if target_row is None or all(r is None for r in part_rows):
            continue
        for column in columns:
            checker.compare(
                rule_id,
                f"09/{target}/{column}",
                "09",
                [_value(r, column) for r in part_rows if r is not None],
                _value(target_row, column),
                step,
                f"Table 09 '{target_row.row_label}' {_col(table, column)} should equal "
                + " + ".join(parts),
            )


# ---------------------------------------------------------------- cross-table


def _cross_total(
    checker: _Checker,
    rule_id: str,
    summary: ExtractedTable,
    summary_row: TableRow | None,
    summary_column: str,
    detail: ExtractedTable,
    detail_row: TableRow | None,
    detail_column: str,
    description: str,
    less: tuple[str, ...] = (),
) -> None:
    """The summary's cell against the detail's, less the detail's ``less`` columns."""
    if summary_row is None or detail_row is None:
        return
    side = f"{summary_row.side}/" if summary_row.side else ""
    deducted = [_value(detail_row, c) for c in less if _has_column(detail, c)]
    checker.compare(
        rule_id,
        f"{summary.table_code}/{side}{summary_row.row_key}/{summary_column}",
        summary.table_code,
        [_value(detail_row, detail_column), *(None if v is None else -v for v in deducted)],
        _value(summary_row, summary_column),
        step_yuan(summary, detail),
        description,
    )


def _check_class_lines(
    checker: _Checker,
    rule_id: str,
    statement: ExtractedTable,
    column: str,
    detail: ExtractedTable,
    document_kind: str | None = None,
) -> None:
    """Each expenditure class line of a statement against the detail table's class row."""
    side = statement_side(statement, "expenditure", document_kind)
    if column not in side.columns:
        column = side.columns[0]
    detail_rows = _code_rows(detail)
    if not detail_rows:
        return  # the detail table prints its total only (e.g. Jiangsu's 支出预算总表)
    step = step_yuan(statement, detail)
    matched: set[str] = set()
    all_mapped = True
    for line in side.lines:
        class_code = class_code_for_label(line.row_key or line.row_label)
        if class_code is None:
            all_mapped = False
            continue
        matched.add(class_code)
        detail_row = detail_rows.get(class_code)
        checker.compare(
            rule_id,
            f"{statement.table_code}/expenditure/{line.row_key}/{column}",
            statement.table_code,
            [_value(detail_row, "total")],
            _value(line, column),
            step,
            f"Table {statement.table_code} line '{_label(line)}' should equal table "
            f"{detail.table_code} class row {class_code}"
            + (f" '{detail_row.row_label}'" if detail_row else " (not printed, so zero)")
            + " total",
        )
    if not all_mapped or not side.lines:
        return
    for class_code, detail_row in detail_rows.items():
        if len(class_code) != 3 or class_code in matched:
            continue
        checker.compare(
            rule_id,
            f"{statement.table_code}/expenditure/{class_code}/{column}",
            statement.table_code,
            [_value(detail_row, "total")],
            ZERO,
            step,
            f"Table {statement.table_code} prints no line for class {class_code} "
            f"'{detail_row.row_label}' that table {detail.table_code} reports",
        )


def _has_column(table: ExtractedTable, column: str) -> bool:
    """Whether the table prints the column at all (declared, or present in a row)."""
    return any(c.key == column for c in table.columns) or any(
        column in r.values for r in table.rows
    )


def _check_cross_tables(
    checker: _Checker, tables: dict[str, ExtractedTable], document_kind: str | None = None
) -> None:
    t01, t02, t03, t04, t05, t06 = (tables.get(c) for c in ("01", "02", "03", "04", "05", "06"))
    usable = {code: _usable(t) for code, t in tables.items()}
    kind = document_kind
    if usable.get("01") and usable.get("02"):
        _cross_total(
            checker,
            "X01_02_INCOME_TOTAL",
            t01,
            statement_side(t01, "income", kind).year_total,
            "amount",
            t02,
            t02.row("total"),
            "total",
            "Table 01 本年收入合计 should equal table 02 合计 (本年收入合计; a budget's 合计 "
            "less its 上年结转结余)",
            less=("carryover",),
        )
    if usable.get("01") and usable.get("03"):
        _cross_total(
            checker,
            "X01_03_EXPENDITURE_TOTAL",
            t01,
            statement_side(t01, "expenditure", kind).year_total,
            "amount",
            t03,
            t03.row("total"),
            "total",
            "Table 01 本年支出合计 should equal table 03 合计 (本年支出合计)",
        )
        _check_class_lines(checker, "X01_03_CLASS", t01, "amount", t03, kind)
    if usable.get("02") and usable.get("04") and _has_column(t02, "fiscal_appropriation"):
        income04 = statement_side(t04, "income", kind)
        _cross_total(
            checker,
            "X02_04_FISCAL_INCOME",
            t04,
            income04.year_total,
            income04.columns[0],
            t02,
            t02.row("total"),
            "fiscal_appropriation",
            "Table 04 本年收入合计 should equal table 02 合计 财政拨款收入",
        )
    if usable.get("04") and usable.get("05"):
        expenditure04 = statement_side(t04, "expenditure", kind)
        split_by_fund = "general_public_budget" in expenditure04.columns
        if kind == "budget" and not split_by_fund:
            # One 金额 column for all appropriation funds: 04 = 05 + 07 + 08.
            column = expenditure04.columns[0]
            funds = [t for t in (t05, tables.get("07"), tables.get("08")) if _usable(t)]
            if expenditure04.year_total is not None and all(t.row("total") for t in funds):
                checker.compare(
                    "X04_FUND_TABLES_TOTAL",
                    f"04/expenditure/{expenditure04.year_total.row_key}/{column}",
                    "04",
                    [_value(t.row("total"), "total") for t in funds],
                    _value(expenditure04.year_total, column),
                    step_yuan(t04, *funds),
                    "Table 04 本年支出合计 should equal the 合计 of tables "
                    + " + ".join(t.table_code for t in funds),
                )
        else:
            column = "general_public_budget" if split_by_fund else expenditure04.columns[0]
            _cross_total(
                checker,
                "X04_05_EXPENDITURE_TOTAL",
                t04,
                expenditure04.year_total,
                column,
                t05,
                t05.row("total"),
                "total",
                f"Table 04 本年支出合计 ({column}) should equal table 05 合计 total",
            )
            _check_class_lines(checker, "X04_05_CLASS", t04, column, t05, kind)
    if usable.get("05") and usable.get("06") and _has_column(t05, "basic"):
        basic = t05.row("total")
        personnel, public = t06.row("personnel_total"), t06.row("public_total")
        if basic is not None and personnel is not None and public is not None:
            checker.compare(
                "X05_06_BASIC",
                "05/total/basic",
                "05",
                [_value(personnel, "amount"), _value(public, "amount")],
                _value(basic, "basic"),
                step_yuan(t05, t06),
                "Table 05 合计 基本支出 should equal table 06 人员经费合计 + 公用经费合计",
            )
        total06 = t06.row("total")
        if basic is not None and total06 is not None:
            checker.compare(
                "X05_06_BASIC_TOTAL",
                "05/total/basic",
                "05",
                [_value(total06, "amount")],
                _value(basic, "basic"),
                step_yuan(t05, t06),
                "Table 05 合计 基本支出 should equal table 06 合计",
            )


# ---------------------------------------------------------------- narrative


@dataclass(frozen=True)
class _Cell:
    table_code: str
    row: TableRow
    column: str

    @property
    def location(self) -> str:
        side = f"{self.row.side}/" if self.row.side else ""
        return f"{self.table_code}/{side}{self.row.row_key}/{self.column}"


def _all_cells(
    tables: dict[str, ExtractedTable],
    code: str,
    wanted: Iterable[tuple[str, str]],
    cell: Callable[[ExtractedTable, tuple[str, str]], _Cell | None],
) -> list[_Cell] | None:
    """The cell of each wanted item in table ``code``; None when the table or a cell is absent."""
    table = tables.get(code)
    if not _usable(table):
        return None
    cells = []
    for item in wanted:
        found = cell(table, item)
        if found is None:
            return None
        cells.append(found)
    return cells


def _cells(
    tables: dict[str, ExtractedTable], code: str, *keys: tuple[str, str]
) -> list[_Cell] | None:
    """Function-like cells: (row_key, column) pairs; None when a cell is not available."""

    def cell(table: ExtractedTable, key: tuple[str, str]) -> _Cell | None:
        row_key, column = key
        row = table.row(row_key)
        if row is None or not _has_column(table, column):
            return None  # not printed: an absent cell is not a zero
        return _Cell(code, row, column)

    return _all_cells(tables, code, keys, cell)


def _statement_cells(
    tables: dict[str, ExtractedTable],
    code: str,
    *wanted: tuple[str, str],
    document_kind: str | None = None,
) -> list[_Cell] | None:
    """Statement cells: (side, kind) where kind is 'year_total' or 'grand_total'."""

    def cell(table: ExtractedTable, wanted_cell: tuple[str, str]) -> _Cell | None:
        side_name, kind = wanted_cell
        side = statement_side(table, side_name, document_kind)
        row = getattr(side, kind)
        if row is None:
            return None
        column = (
            "total" if side_name == "expenditure" and "total" in side.columns else side.columns[0]
        )
        return _Cell(code, row, column)

    return _all_cells(tables, code, wanted, cell)


def narrative_cells(
    tables: dict[str, ExtractedTable], figure_key: str, document_kind: str | None = None
) -> list[_Cell] | None:
    """The table cell(s) a narrative figure restates; the first available alternative wins.

    A cell whose table, row or column is not printed makes its alternative
    unavailable (a budget 09 has no 决算数, a single-amount 05 no 基本支出).
    For ``general_budget_basic`` a 06 合计 row is the last alternative.
    """
    kind = document_kind
    three_public = {
        "three_public_budget": ("total", "budget"),
        "three_public_actual": ("total", "actual"),
        "overseas_travel_budget": ("overseas_travel", "budget"),
        "overseas_travel_actual": ("overseas_travel", "actual"),
        "vehicles_actual": ("vehicles", "actual"),
        "vehicle_purchase_actual": ("vehicle_purchase", "actual"),
        "vehicle_operation_actual": ("vehicle_operation", "actual"),
        "official_reception_actual": ("official_reception", "actual"),
    }
    if figure_key in three_public:
        return _cells(tables, "09", three_public[figure_key])
    if figure_key.startswith("general_budget_class:"):
        return _cells(tables, "05", (figure_key.split(":", 1)[1], "total"))
    alternatives = {
        "total_income_expenditure": [
            lambda: _statement_cells(
                tables,
                "01",
                ("income", "grand_total"),
                ("expenditure", "grand_total"),
                document_kind=kind,
            )
        ],
        # a budget's 收入预算 is the whole budget, its carry-over included: 02 合计
        "income_total": [
            lambda: _cells(tables, "02", ("total", "total")),
            lambda: _statement_cells(tables, "01", ("income", "grand_total"), document_kind=kind),
        ]
        if kind == "budget"
        else [
            lambda: _statement_cells(tables, "01", ("income", "year_total"), document_kind=kind),
            lambda: _cells(tables, "02", ("total", "total")),
        ],
        "fiscal_appropriation_income": [
            lambda: _cells(tables, "02", ("total", "fiscal_appropriation"))
        ],
        "expenditure_total": [
            lambda: _statement_cells(
                tables, "01", ("expenditure", "year_total"), document_kind=kind
            ),
            lambda: _cells(tables, "03", ("total", "total")),
        ],
        "basic_expenditure": [lambda: _cells(tables, "03", ("total", "basic"))],
        "project_expenditure": [lambda: _cells(tables, "03", ("total", "project"))],
        "fiscal_total": [
            lambda: _statement_cells(
                tables,
                "04",
                ("income", "grand_total"),
                ("expenditure", "grand_total"),
                document_kind=kind,
            )
        ],
        "general_budget_expenditure": [lambda: _cells(tables, "05", ("total", "total"))],
        "general_budget_basic": [
            lambda: _cells(tables, "05", ("total", "basic")),
            lambda: _cells(tables, "06", ("total", "amount")),
        ],
        "general_budget_project": [lambda: _cells(tables, "05", ("total", "project"))],
        "personnel_expenditure": [lambda: _cells(tables, "06", ("personnel_total", "amount"))],
        "public_expenditure": [lambda: _cells(tables, "06", ("public_total", "amount"))],
    }
    for alternative in alternatives.get(figure_key, []):
        cells = alternative()
        if cells:
            return cells
    return None


_WAN_STEPS = (Decimal("10000"), Decimal("1000"), Decimal("100"))  # 万元 to 0, 1, 2 decimals


def narrative_step_yuan(amount: Decimal) -> Decimal:
    """The rounding step of a narrative amount, inferred from the amount itself.

    A whole multiple of 100 yuan was printed in 万元 with two decimals (step
    0.01 万元 = 100 yuan), of 1,000 or 10,000 yuan with one or no decimal
    ("19,577万元", step 1 万元); anything else was printed in 元 (step 0.01 yuan).
    """
    if not amount.is_finite():
        return UNIT_STEP_YUAN["元"]
    for step in _WAN_STEPS:
        if amount % step == 0:
            return step
    return UNIT_STEP_YUAN["元"]


def _check_narrative(checker: _Checker, extraction: DocumentExtraction) -> None:
    tables = extraction.tables
    kind = extraction.document_kind
    t05 = tables.get("05")
    for execution in extraction.budget_execution:
        if not _usable(t05):
            break
        code = execution.function_code
        if not code:
            checker.note(
                "N_BUDGET_EXECUTION_UNRESOLVED",
                f"narrative p.{execution.page} {execution.function_label}",
                "05",
                f"Narrative item '{execution.function_label}' (p.{execution.page}) has no function "
                "code; its final amount was not checked against table 05.",
            )
            continue
        row = t05.row(code)
        location = f"narrative p.{execution.page} {code}"
        if row is None:
            checker.note(
                "N_BUDGET_EXECUTION_ROW_MISSING",
                location,
                "05",
                f"Narrative item {code} '{execution.function_label}' (p.{execution.page}) has no "
                "row in table 05.",
            )
            continue
        checker.compare(
            "N_BUDGET_EXECUTION_FINAL",
            location,
            "05",
            [_value(row, "total")],
            execution.final_yuan,
            max(step_yuan(t05), narrative_step_yuan(execution.final_yuan)),
            f"Narrative p.{execution.page} '{execution.function_label}' 支出决算为 should restate "
            f"table 05 row {code} '{row.row_label}' {_col(t05, 'total')}",
        )
    for figure in extraction.narrative_figures:
        base = f"narrative p.{figure.page} {figure.figure_key}"
        known = figure.figure_key in NARRATIVE_FIGURE_KEYS or figure.figure_key.startswith(
            "general_budget_class:"
        )
        if not known:
            checker.note(
                "N_FIGURE_UNKNOWN_KEY",
                base,
                None,
                f"Narrative figure '{figure.figure_key}' (p.{figure.page}) has no table cell to compare.",
            )
            continue
        cells = narrative_cells(tables, figure.figure_key, kind)
        if not cells:
            continue
        for cell in cells:
            table = tables[cell.table_code]
            location = base if len(cells) == 1 else f"{base} {cell.row.side}"
            checker.compare(
                "N_FIGURE",
                location,
                cell.table_code,
                [_value(cell.row, cell.column)],
                figure.amount_yuan,
                max(step_yuan(table), narrative_step_yuan(figure.amount_yuan)),
                f"Narrative p.{figure.page} {figure.figure_key} ('{figure.sentence[:60]}') should "
                f"restate table {cell.table_code} cell {cell.location} '{_label(cell.row)}' "
                f"{_col(table, cell.column)}",
            )


# ---------------------------------------------------------------- entry point


def check_rules(extraction: DocumentExtraction) -> RuleResults:
    """Evaluate every arithmetic, cross-table and narrative rule on one document."""
    checker = _Checker()
    for code, table in sorted(extraction.tables.items()):
        if not _usable(table):
            continue
        if code in ("01", "04"):
            _check_statement(checker, table, extraction.document_kind)
        elif code in FUNCTION_TABLES:
            _check_function_table(checker, table)
        elif code == "06":
            _check_economic_table(checker, table)
        elif code == "09":
            _check_three_public(checker, table)
    _check_cross_tables(checker, extraction.tables, extraction.document_kind)
    _check_narrative(checker, extraction)
    return checker.results

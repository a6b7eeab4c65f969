"""The rule catalogue: every rule by its stable id, the identity it checks, its severity.

Each :class:`Rule` has a stable ``rule_id``, the identity written out (with the
Chinese footnote it comes from where the document prints one) and the
severity a break carries. Every rule is defined here by name; the checks that
evaluate them are in :mod:`.statement_rules`, :mod:`.table_rules`,
:mod:`.cross_table_rules` and :mod:`.narrative_rules`.

Rule id families
- ``T<nn>_…``: arithmetic inside table <nn> (row identities from the footnotes,
  the 类/款/项 hierarchy, statement line sums). Severity 'error'.
- ``X<aa>_<bb>_…``: identities across two tables. Severity 'error'.
- ``N_…``: Part 3 narrative numbers against the table cells they restate.
  Severity 'error' too: real documents break them (the seed's 113219.88 against
  132145.98) and reporting such breaks is a feature. They never quarantine a
  document on their own (see :mod:`.verdicts`).
  The audit rules of the prose (:mod:`.audit_rules`) are ``N_…`` too: shares,
  change and completion rates recomputed at the printed precision
  (``N_SHARE``, ``N_CHANGE_RATE``, ``N_COMPLETION_RATE``), a rate against the
  wrong base (``N_RATE_BASE``), direction words (``N_DIRECTION``), none-claims
  (``N_NONE_CLAIM``), a figure in the wrong unit (``N_FIGURE_UNIT``): 'error';
  the main items listed (``N_LISTED_ITEM_…``): 'warning'. Part 3's sections and
  the performance forms (:mod:`.section_rules`): procurement parts
  (``N_PROCUREMENT_PARTS``), vehicles by kind (``N_VEHICLE_KINDS``), a form's
  execution rate and total score (``N_FORM_EXECUTION_RATE``, ``N_FORM_SCORE``). A rate within one
  further digit of its printed precision is 'info'.
- ``S_…``: the document against its own structure (contents, empty tables);
  ``M_…``: its metadata (years, placeholder names, unit lines). Severity
  'warning'.
- ``SCHEMA_<SHAPE>_<CHECK>``: the pandera schema checks (see :mod:`.schemas`).
- ``R_TABLE_…``: a table withheld, or not found (see :mod:`.verdicts`).

Budget documents (``document_kind == 'budget'``) are extracted onto the same
table codes and column keys and checked by the same rules, with these
differences (see :func:`.statement_sides.statement_side` for the statement
vocabulary):
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

from .findings import Rule
from .schemas import SCHEMA_RULES

# A budget table may split a column into parts: 财政拨款 by fund, 基本支出 into
# 人员经费 and 公用经费 (see ``_PARTS_OF`` in :mod:`.table_rules`).
APPROPRIATION_BY_FUND = ("general_public_budget", "government_fund", "state_capital")
BASIC_PARTS = ("basic_personnel", "basic_public")
_BASIC_PROJECT_TERMS = ("basic", *BASIC_PARTS, "project", "carryover")

# Row-sum identities printed under the function tables: (rule id, total column, terms, footnote).
FUNCTION_ROW_SUMS: dict[str, tuple[str, str, tuple[str, ...], str]] = {
    "02": (
        "T02_ROW_SUM",
        "total",
        (
            "fiscal_appropriation",
            *APPROPRIATION_BY_FUND,
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
            *BASIC_PARTS,
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


def _row_sum_rule(table_code: str) -> Rule:
    """The rule of the row identity printed under a function table (:data:`FUNCTION_ROW_SUMS`)."""
    rule_id, total, terms, footnote = FUNCTION_ROW_SUMS[table_code]
    return _rule(
        rule_id,
        table_code,
        f"{footnote}: {total} = " + " + ".join(terms) + " (the columns the table has)",
        f"Table {table_code}: on every row the total column equals the sum of its parts.",
        "table",
    )


# The four rules of a function table's structure, alike for 02, 03, 05, 07 and 08.
def _hierarchy_rule(rule_id: str, table_code: str) -> Rule:
    return _rule(
        rule_id,
        table_code,
        "类 = Σ 款, 款 = Σ 项 (a row equals the sum of its child codes), per column",
        f"Table {table_code}: each function-code row equals the sum of the rows one level below.",
        "table",
    )


def _grand_total_rule(rule_id: str, table_code: str) -> Rule:
    return _rule(
        rule_id,
        table_code,
        "合计 = Σ 类 (the 合计 row equals the sum of the top-level rows), per column",
        f"Table {table_code}: the 合计 row equals the sum of the class rows.",
        "table",
    )


def _items_rule(rule_id: str, table_code: str) -> Rule:
    return _rule(
        rule_id,
        table_code,
        "by item: 合计 = Σ 小计 (or Σ items); a 小计 = Σ the items under it, per column",
        f"Table {table_code} listed by item (项目名称, e.g. income by source): the totals equal "
        "their items.",
        "table",
    )


def _units_rule(rule_id: str, table_code: str) -> Rule:
    return _rule(
        rule_id,
        table_code,
        "by unit: 合计 = Σ the top-level units; a department row = Σ its units, per column",
        f"Table {table_code} listed by unit (单位名称): the 合计 and department rows equal "
        "the sum of their units.",
        "table",
    )


_TABLE_RULES: list[Rule] = [
    _row_sum_rule("02"),  # T02_ROW_SUM
    _row_sum_rule("03"),  # T03_ROW_SUM
    _row_sum_rule("05"),  # T05_ROW_SUM
    _row_sum_rule("07"),  # T07_ROW_SUM
    _row_sum_rule("08"),  # T08_ROW_SUM
    _rule(
        "T07_CARRYOVER",
        "07",
        "6栏各行＝（1＋2－3）栏各行: carryover_end = carryover_begin + income − total",
        "Table 07: year-end balance equals opening balance plus income minus expenditure.",
        "table",
    ),
    _hierarchy_rule("T02_HIERARCHY", "02"),
    _grand_total_rule("T02_GRAND_TOTAL", "02"),
    _items_rule("T02_ITEMS", "02"),
    _units_rule("T02_UNITS", "02"),
    _hierarchy_rule("T03_HIERARCHY", "03"),
    _grand_total_rule("T03_GRAND_TOTAL", "03"),
    _items_rule("T03_ITEMS", "03"),
    _units_rule("T03_UNITS", "03"),
    _hierarchy_rule("T05_HIERARCHY", "05"),
    _grand_total_rule("T05_GRAND_TOTAL", "05"),
    _items_rule("T05_ITEMS", "05"),
    _units_rule("T05_UNITS", "05"),
    _hierarchy_rule("T07_HIERARCHY", "07"),
    _grand_total_rule("T07_GRAND_TOTAL", "07"),
    _items_rule("T07_ITEMS", "07"),
    _units_rule("T07_UNITS", "07"),
    _hierarchy_rule("T08_HIERARCHY", "08"),
    _grand_total_rule("T08_GRAND_TOTAL", "08"),
    _items_rule("T08_ITEMS", "08"),
    _units_rule("T08_UNITS", "08"),
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

# Rules of the document as an auditor reads it: the prose's own arithmetic and words.
NARRATIVE_RULES += [
    _rule(
        "N_SHARE",
        "",
        "“X万元，占Y的P%”: P = 100 × X / Y at the printed precision; Y the table cell the "
        "sentence names, the sum of the parts listed, or the total printed before them",
        "A share printed in the prose recomputes from the amounts it relates.",
        "narrative",
    ),
    _rule(
        "N_CHANGE_RATE",
        "",
        "“X万元…增加D万元，增长P%”: P = 100 × D / (X − D) (a decrease: D / (X + D))",
        "A change rate printed in the prose recomputes from this year's figure and the change.",
        "narrative",
    ),
    _rule(
        "N_COMPLETION_RATE",
        "",
        "“年初预算为A万元，支出决算为B万元，完成年初预算的P%”: P = 100 × B / A "
        "(A from table 09 when a 三公 clause prints no budget)",
        "A completion rate printed in the prose recomputes from the final amount and the budget.",
        "narrative",
    ),
    _rule(
        "N_PROCUREMENT_PARTS",
        "",
        "政府采购支出总额 = 货物 + 工程 + 服务 (the parts the section prints)",
        "Procurement's parts by kind add up to its total.",
        "narrative",
    ),
    _rule(
        "N_VEHICLE_KINDS",
        "",
        "the vehicles listed by kind (其中：机要通信用车X辆…) ≤ the vehicles in all",
        "The vehicles by kind do not exceed the vehicles stated in all.",
        "narrative",
    ),
    _rule(
        "N_FORM_EXECUTION_RATE",
        "",
        "a performance form's 执行率 = 100 × 全年执行数 / 全年预算数 at the printed precision",
        "A performance form's execution rate recomputes from its execution and budget.",
        "narrative",
    ),
    _rule(
        "N_FORM_SCORE",
        "",
        "a performance form's 总分 = the 资金 row's 得分 + Σ the indicators' 得分",
        "A performance form's total score is the funds' score plus the indicators' scores.",
        "narrative",
    ),
    _rule(
        "N_RATE_BASE",
        "",
        "a rate is printed against the base it names: no rate against a budget of 0; a change "
        "over last year's figure, not this year's; 年初预算 not 全年预算",
        "A rate computed against the wrong base.",
        "narrative",
    ),
    _rule(
        "N_DIRECTION",
        "",
        "增加/减少, 增长/下降, 决算数大于/小于/等于预算数 agree with the numbers they describe",
        "A direction or comparison word contradicts the numbers of its sentence.",
        "narrative",
    ),
    _rule(
        "N_LISTED_ITEM_ZERO",
        "06",
        "人员经费/公用经费…主要包括：A、B…: every item listed has a non-zero amount in table 06",
        "The prose lists as a main item one that table 06 prints as zero.",
        "narrative",
        severity="warning",
    ),
    _rule(
        "N_LISTED_ITEM_OMITTED",
        "06",
        "人员经费/公用经费…主要包括：A、B…: the largest item of the group in table 06 is listed",
        "The prose's list of main items leaves out the largest one of table 06.",
        "narrative",
        severity="warning",
    ),
    _rule(
        "N_NONE_CLAIM",
        "07,08,09",
        "“本部门无政府性基金收支” (国有资本经营, 因公出国…): the table concerned prints no "
        "non-zero amount",
        "The prose says the department has none of something its tables print.",
        "narrative",
    ),
    _rule(
        "N_FIGURE_UNIT",
        "01,02,03,04,05,06,09",
        "a narrative figure = its table cell, not 10^4 times or 1/10^4 of it (元 for 万元)",
        "A narrative figure restates its table cell in the wrong unit.",
        "narrative",
    ),
]

STRUCTURE_RULES: list[Rule] = [
    _rule(
        "S_LISTED_TABLE_ABSENT",
        "",
        "every table the contents (目录) lists is printed",
        "The document lists a table that it does not print.",
        "structure",
        severity="warning",
    ),
    _rule(
        "S_TABLE_NOT_LISTED",
        "",
        "every standard table printed is listed in the contents (目录), when it lists tables",
        "The document prints a table its contents do not list.",
        "structure",
        severity="warning",
    ),
    _rule(
        "S_EMPTY_TABLE_NO_NOTE",
        "07,08",
        "an empty table carries its note (本表无数据 / 无…，故本表为空表)",
        "An empty table without the note that says why it is empty.",
        "structure",
        severity="warning",
    ),
    _rule(
        "S_EMPTY_NOTE_NOT_EMPTY",
        "07,08",
        "a table noted empty (为空表 / 本表无数据) prints no non-zero amount",
        "A table says it is empty but prints amounts.",
        "structure",
        severity="warning",
    ),
]

METADATA_RULES: list[Rule] = [
    _rule(
        "M_YEAR",
        "",
        "every table title prints the document's fiscal year",
        "A title of another year than the document's (a 2023 title in a 2024 document).",
        "metadata",
        severity="warning",
    ),
    _rule(
        "M_DEPARTMENT_PLACEHOLDER",
        "",
        "no template placeholder (XX局, ××部门, XXX单位) in the titles and prose",
        "A template placeholder left in place of the department's name.",
        "metadata",
        severity="warning",
    ),
    _rule(
        "M_UNIT",
        "",
        "a table's unit line (元 / 万元) agrees with the magnitudes it restates elsewhere",
        "A table's printed unit disagrees with the same figures printed elsewhere.",
        "metadata",
        severity="warning",
    ),
]

CROSS_TABLE_RULES += [
    _rule(
        "X04_07_GOVERNMENT_FUND",
        "04,07",
        "04 本年支出合计 (政府性基金预算财政拨款 column) = 07 合计 (本年支出); 0 when 07 is empty",
        "Table 04's government-fund expenditure restates table 07.",
        "cross_table",
    ),
    _rule(
        "X04_08_STATE_CAPITAL",
        "04,08",
        "04 本年支出合计 (国有资本经营预算财政拨款 column) = 08 合计; 0 when 08 is empty",
        "Table 04's state-capital expenditure restates table 08.",
        "cross_table",
    ),
    _rule(
        "X01_04_CARRYOVER",
        "01,04",
        "04 年初/年末财政拨款结转和结余 ≤ 01 年初/年末结转和结余 (the appropriation part of "
        "all funds)",
        "Table 04's carry-overs are part of table 01's.",
        "cross_table",
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
RULES: tuple[Rule, ...] = (
    *ARITHMETIC_RULES,
    *STRUCTURE_RULES,
    *METADATA_RULES,
    *SCHEMA_RULES,
    *READING_RULES,
)
RULE_BY_ID: dict[str, Rule] = {rule.rule_id: rule for rule in RULES}
assert len(RULE_BY_ID) == len(RULES), "rule ids must be unique"

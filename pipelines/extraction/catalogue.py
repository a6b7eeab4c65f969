"""The standard final-account tables (部门决算公开表): titles, shapes and columns.

A table is recognised by its title (with variants) and its headers, never by
its printed number or position. Column keys are the canonical English names
the rest of the pipeline (validation, the raw tables, dbt) uses.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ColumnSpec:
    key: str
    header_keywords: tuple[str, ...]  # any of these in the flattened header picks the column
    excludes: tuple[str, ...] = ()  # ... unless one of these is in it too


@dataclass(frozen=True)
class TableSpec:
    table_code: str
    shape: str  # 'statement' | 'function' | 'economic' | 'three_public'
    title_alternatives: tuple[tuple[str, ...], ...]  # the title contains all words of one
    title_excludes: tuple[str, ...]
    columns: tuple[ColumnSpec, ...]
    fund_scope: str | None  # for function tables: which fund_scope the rows feed
    may_be_empty: bool = False
    canonical_title: str = ""  # the national title, for messages and tables not found


FUNCTION_COLUMNS_02 = (
    ColumnSpec("total", ("本年收入合计", "收入合计", "合计", "总计")),
    ColumnSpec("fiscal_appropriation", ("财政拨款收入", "财政拨款")),
    ColumnSpec("superior_subsidy", ("上级补助收入", "上级补助")),
    ColumnSpec("business_income", ("事业收入",)),
    ColumnSpec("operating_income", ("经营收入",)),
    ColumnSpec("affiliated_remittance", ("附属单位上缴收入", "附属单位上缴")),
    ColumnSpec("other_income", ("其他收入",)),
)

FUNCTION_COLUMNS_03 = (
    ColumnSpec("total", ("本年支出合计", "支出合计", "合计")),
    ColumnSpec("basic", ("基本支出",)),
    ColumnSpec("project", ("项目支出",)),
    ColumnSpec("remit_to_higher", ("上缴上级支出",)),
    ColumnSpec("business", ("经营支出",)),
    ColumnSpec("subsidy_to_affiliates", ("对附属单位补助支出", "对附属单位补助")),
)

BASIC_PROJECT_COLUMNS = (
    ColumnSpec("total", ("小计", "合计", "本年支出")),
    ColumnSpec("basic", ("基本支出",)),
    ColumnSpec("project", ("项目支出",)),
)

FUNCTION_COLUMNS_07 = (
    ColumnSpec("carryover_begin", ("年初结转和结余", "年初结转")),
    ColumnSpec("income", ("本年收入",)),
    ColumnSpec("total", ("小计", "本年支出")),
    ColumnSpec("basic", ("基本支出",)),
    ColumnSpec("project", ("项目支出",)),
    ColumnSpec("carryover_end", ("年末结转和结余", "年末结转")),
)

STATEMENT_01_COLUMNS = (ColumnSpec("amount", ("决算数", "金额")),)

# Table 04: income side has one amount column; expenditure side one per fund type.
STATEMENT_04_COLUMNS = (
    ColumnSpec("amount", ("决算数",)),
    ColumnSpec("total", ("小计", "合计")),
    ColumnSpec("general_public_budget", ("一般公共预算财政拨款", "一般公共预算")),
    ColumnSpec("government_fund", ("政府性基金预算财政拨款", "政府性基金")),
    ColumnSpec("state_capital", ("国有资本经营预算财政拨款", "国有资本经营")),
)

ECONOMIC_COLUMNS = (ColumnSpec("amount", ("决算数", "金额")),)

THREE_PUBLIC_COLUMNS = (
    ColumnSpec("budget", ("预算数", "预算")),
    ColumnSpec("actual", ("决算数", "决算")),
)

THREE_PUBLIC_ITEMS = (
    "total",
    "overseas_travel",
    "vehicles",
    "vehicle_purchase",
    "vehicle_operation",
    "official_reception",
)

FINAL_ACCOUNT_TABLES: tuple[TableSpec, ...] = (
    TableSpec(
        "04",
        "statement",
        (("财政拨款收入支出决算总表",), ("财政拨款收支决算总表",)),
        (),
        STATEMENT_04_COLUMNS,
        None,
        canonical_title="财政拨款收入支出决算总表",
    ),
    TableSpec(
        "01",
        "statement",
        (("收入支出决算总表",), ("收支决算总表",)),
        ("财政拨款",),
        STATEMENT_01_COLUMNS,
        None,
        canonical_title="收入支出决算总表",
    ),
    TableSpec(
        "02",
        "function",
        (("收入决算表",),),
        ("支出", "财政拨款"),
        FUNCTION_COLUMNS_02,
        None,
        canonical_title="收入决算表",
    ),
    TableSpec(
        "05",
        "function",
        (("一般公共预算财政拨款支出决算表",),),
        ("基本支出决算明细", "基本支出决算表"),
        BASIC_PROJECT_COLUMNS,
        "general_public_budget",
        canonical_title="一般公共预算财政拨款支出决算表",
    ),
    TableSpec(
        "06",
        "economic",
        (("一般公共预算财政拨款基本支出决算",), ("基本支出决算明细表",)),
        (),
        ECONOMIC_COLUMNS,
        None,
        canonical_title="一般公共预算财政拨款基本支出决算明细表",
    ),
    TableSpec(
        "07",
        "function",
        (("政府性基金预算财政拨款", "决算表"),),
        (),
        FUNCTION_COLUMNS_07,
        "government_fund",
        may_be_empty=True,
        canonical_title="政府性基金预算财政拨款收入支出决算表",
    ),
    TableSpec(
        "08",
        "function",
        (("国有资本经营预算财政拨款", "决算表"),),
        (),
        BASIC_PROJECT_COLUMNS,
        "state_capital",
        may_be_empty=True,
        canonical_title="国有资本经营预算财政拨款支出决算表",
    ),
    TableSpec(
        "09",
        "three_public",
        (("三公", "经费", "决算表"),),
        (),
        THREE_PUBLIC_COLUMNS,
        None,
        canonical_title="财政拨款“三公”经费支出决算表",
    ),
    TableSpec(
        "03",
        "function",
        (("支出决算表",),),
        ("财政拨款", "收入"),
        FUNCTION_COLUMNS_03,
        "all_funds",
        canonical_title="支出决算表",
    ),
)

SPEC_BY_CODE = {spec.table_code: spec for spec in FINAL_ACCOUNT_TABLES}


# --- Budget documents (部门预算) -------------------------------------------
# The budget table set, recognised by title like the final-account set and
# mapped onto the same national table codes by what the table holds, so that
# budget rows land in the same facts: 01/04 statements, 02 income by function,
# 03 expenditure by function (all funds), 05 general public budget, 06 basic
# expenditure by economic code, 07 government fund, 08 state capital, 09 "三公".
# Budgets print the year's money beside the carry-over (上年结转结余), which
# may have a split of its own under the group: the year's columns are those
# not under it.
_CARRIED = ("上年结转", "结转结余", "结转资金")

BUDGET_AMOUNT = ("预算数", "金额", "合计", "小计", "总计")

BUDGET_COLUMNS_02 = (
    ColumnSpec("total", ("本年收入合计", "收入合计", "合计", "总计", "收入预算", "金额"), _CARRIED),
    ColumnSpec(
        "fiscal_appropriation",
        ("财政拨款收入", "财政拨款"),
        ("一般公共预算", "政府性基金", "国有资本", "专户", *_CARRIED),
    ),
    ColumnSpec("general_public_budget", ("一般公共预算",), _CARRIED),
    ColumnSpec("government_fund", ("政府性基金",), _CARRIED),
    ColumnSpec("state_capital", ("国有资本经营",), _CARRIED),
    ColumnSpec(
        "fiscal_special_account", ("财政专户", "专户管理", "专户收入", "教育收费"), _CARRIED
    ),
    ColumnSpec("superior_subsidy", ("上级补助收入", "上级补助"), _CARRIED),
    ColumnSpec("business_income", ("事业收入",), _CARRIED),
    ColumnSpec("operating_income", ("经营收入",), _CARRIED),
    ColumnSpec("affiliated_remittance", ("附属单位上缴收入", "附属单位上缴"), _CARRIED),
    ColumnSpec("other_income", ("其他收入",), _CARRIED),
    ColumnSpec("carryover", _CARRIED),
)

# A budget's expenditure tables may print the year's money and the carry-over
# (上年结转结余) side by side under a 合计: basic and project are the year's.
BUDGET_BASIC_PROJECT = (
    ColumnSpec("total", ("合计", "小计", "金额", "预算数", "总计"), _CARRIED),
    ColumnSpec("basic", ("基本支出",), ("人员", "公用", *_CARRIED)),
    # basic split into 人员经费 | 公用经费 (with or without its 小计)
    ColumnSpec("basic_personnel", ("人员经费", "人员支出"), _CARRIED),
    ColumnSpec("basic_public", ("公用经费", "公用支出"), _CARRIED),
    ColumnSpec("project", ("项目支出",), _CARRIED),
    ColumnSpec("carryover", _CARRIED),
)

# A budget's 支出总表 adds the final account's other uses of money.
BUDGET_COLUMNS_03 = (
    *BUDGET_BASIC_PROJECT,
    ColumnSpec("remit_to_higher", ("上缴上级支出",), _CARRIED),
    ColumnSpec("business", ("经营支出",), _CARRIED),
    ColumnSpec("subsidy_to_affiliates", ("对附属单位补助支出", "对附属单位补助"), _CARRIED),
    # older Jiangsu form: 合计 | 基本支出 | 项目支出 | 单位预留机动经费 | 结转下年资金
    ColumnSpec("reserve", ("预留机动经费", "机动经费")),
    ColumnSpec("carryover_next", ("结转下年",)),
)

BUDGET_STATEMENT_01 = (ColumnSpec("amount", ("预算数", "金额", "预算")),)
BUDGET_STATEMENT_04 = (
    ColumnSpec("amount", ("预算数", "金额")),
    ColumnSpec("total", ("小计", "合计")),
    ColumnSpec("general_public_budget", ("一般公共预算",)),
    ColumnSpec("government_fund", ("政府性基金",)),
    ColumnSpec("state_capital", ("国有资本经营",)),
)
BUDGET_ECONOMIC = (ColumnSpec("amount", ("合计", "金额", "预算数", "小计")),)
BUDGET_THREE_PUBLIC = (ColumnSpec("budget", ("预算数", "预算", "合计")),)

BUDGET_TABLES: tuple[TableSpec, ...] = (
    TableSpec(
        "04",
        "statement",
        (("财政拨款收支",),),
        ("支出预算表", "功能"),
        BUDGET_STATEMENT_04,
        None,
        canonical_title="财政拨款收支预算总表",
    ),
    TableSpec(
        "01",
        "statement",
        (("收支预算总表",), ("收支总表",), ("财务收支预算",)),
        ("财政拨款",),
        BUDGET_STATEMENT_01,
        None,
        canonical_title="收支预算总表",
    ),
    TableSpec(
        "06",
        "economic",
        (("一般公共预算基本支出",), ("一般公共预算财政拨款基本支出",)),
        ("三公", "机关运行"),
        BUDGET_ECONOMIC,
        None,
        canonical_title="一般公共预算基本支出预算表",
    ),
    TableSpec(
        "09",
        "three_public",
        (("三公", "经费"),),
        (),
        BUDGET_THREE_PUBLIC,
        None,
        canonical_title="“三公”经费预算表",
    ),
    TableSpec(
        "05",
        "function",
        (("一般公共预算支出",), ("一般公共预算财政拨款支出",)),
        ("基本支出", "经济", "三公", "机关运行"),
        BUDGET_BASIC_PROJECT,
        "general_public_budget",
        canonical_title="一般公共预算支出预算表",
    ),
    TableSpec(
        "07",
        "function",
        (("政府性基金预算支出",), ("政府性基金支出",), ("政府性基金预算财政拨款支出",)),
        (),
        BUDGET_BASIC_PROJECT,
        "government_fund",
        may_be_empty=True,
        canonical_title="政府性基金预算支出预算表",
    ),
    TableSpec(
        "08",
        "function",
        (("国有资本经营预算支出",),),
        (),
        BUDGET_BASIC_PROJECT,
        "state_capital",
        may_be_empty=True,
        canonical_title="国有资本经营预算支出预算表",
    ),
    TableSpec(
        "02",
        "function",
        (("收入预算",), ("收入总表",)),
        ("支出", "财政拨款收支"),
        BUDGET_COLUMNS_02,
        None,
        canonical_title="收入预算表",
    ),
    TableSpec(
        "03",
        "function",
        (("支出预算",), ("支出总表",)),
        (
            "财政拨款",
            "一般公共预算",
            "政府性基金",
            "国有资本",
            "三公",
            "基本支出",
            "机关运行",
            "收入",
            "采购",
            "项目支出",
        ),
        BUDGET_COLUMNS_03,
        "all_funds",
        canonical_title="支出预算表",
    ),
)

BUDGET_SPEC_BY_CODE = {spec.table_code: spec for spec in BUDGET_TABLES}

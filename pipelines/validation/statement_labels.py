"""The statement-label vocabulary: how printed line labels are normalised, numbered and named.

Statements (01, 04) are read by their labels: a label is normalised once
(NFKC, no whitespace); its numbering ('六、' '（六）' '6.') says whether it is a
top-level line or a sub-line; its words say what kind of line it is (a total,
a carry-over, a line of income or expenditure, see :func:`line_kind` and
:func:`budget_line_kind`) and which function class it names
(:func:`class_code_for_label`).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from pipelines.extraction.model import TableRow

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

_WHITESPACE_RE = re.compile(r"\s+")


# Statement labels repeat across lines, rules and documents: normalise each once.
@lru_cache(maxsize=8192)
def normalise_label(label: str) -> str:
    return _WHITESPACE_RE.sub("", unicodedata.normalize("NFKC", label or ""))


# '六、' '（六）' '6.' — not the 一 of 一般公共服务支出
NUMBERING_RE = re.compile(
    r"^(?:[（(][一二三四五六七八九十百零〇\d]+[)）][、.．,，]?|[一二三四五六七八九十百零〇\d]+[、.．,，])"
)


def class_code_for_label(label: str) -> str | None:
    """Map a statement line such as '六、科学技术支出' to its function class code ('206')."""
    name = NUMBERING_RE.sub("", normalise_label(label))
    if name in _CLASS_BY_NAME:
        return _CLASS_BY_NAME[name]
    best: tuple[int, str] | None = None
    for known, code in _CLASS_BY_NAME.items():
        if known in name and (best is None or len(known) > best[0]):
            best = (len(known), code)
    return best[1] if best else None


def names_a_class(label: str) -> bool:
    """The label is a function class's name itself ('社会保障和就业支出', not '其他…支出')."""
    return NUMBERING_RE.sub("", normalise_label(label)) in _CLASS_BY_NAME


def line_kind(label: str) -> str:
    """Final-account statement vocabulary: the kind of line a label names."""
    text = normalise_label(label)
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


YEAR_TOTAL_LINES = ("本年收入", "本年支出", "当年收入", "当年支出")
_BUDGET_CARRYOVER_WORDS = (
    "上年结转",
    "上年结余",
    "结转下年",
    "下年结转",
    "年初结转",
    "年末结转",
)


def budget_line_kind(label: str) -> str:
    """Budget statement vocabulary; 'plain_total' is a bare 收入合计 / 支出合计 / 小计.

    Whether a plain total is the year total or the grand total depends on what
    precedes it (see :func:`.statement_sides.statement_side`).
    """
    text = normalise_label(label)
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
TOP_LEVEL_LINE_RE = re.compile(r"^[一二三四五六七八九十百]+[、.．]")
SUB_LINE_RE = re.compile(r"^([（(]\d+[)）]|\d+[、.．)）]|[（(][一二三四五六七八九十]+[)）])")
_GROUP_SEPARATOR = "/"


def line_group(row: TableRow) -> tuple[str, str]:
    """(group header, label) of a statement row: '支出用途/一、基本支出' -> ('支出用途', '一、基本支出')."""
    key = normalise_label(row.row_key or row.row_label)
    if _GROUP_SEPARATOR in key:
        group, label = key.split(_GROUP_SEPARATOR, 1)
        return group, label
    return "", key

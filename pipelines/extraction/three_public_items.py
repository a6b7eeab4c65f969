"""The "三公" items and the words that name them, a group (预算数 / 决算数) or a period.

A printed label, in a header cell or at the head of a row, names one of the
six items (合计, 因公出国(境)费, 公务用车购置及运行维护费 and its two parts,
公务接待费), or something printed beside them: a 小计 (the item of the cell
over it), a part of an item, or another figure (会议费, 培训费 …).
"""

from __future__ import annotations

import re

ITEM_ORDER = (
    "total",
    "overseas_travel",
    "vehicles",
    "vehicle_purchase",
    "vehicle_operation",
    "official_reception",
)
ITEM_LABELS = {
    "total": "合计",
    "overseas_travel": "因公出国(境)费",
    "vehicles": "公务用车购置及运行维护费",
    "vehicle_purchase": "公务用车购置费",
    "vehicle_operation": "公务用车运行维护费",
    "official_reception": "公务接待费",
}

PARTS_OF_TOTAL = ITEM_ORDER[1:]

# What a label names besides an item:
SUBTOTAL = "subtotal"  # 小计: the item of the cell over it
PART = "part"  # a part of an item, printed beside it (科研因公出国(境)费 within 因公出国(境)费)
OTHER = "other"  # a figure printed beside the "三公" items, not one of them

OTHER_WORDS = ("会议费", "培训费", "机关运行", "行政经费")
FUND_WORDS = ("一般公共预算", "政府性基金", "国有资本经营")
NOT_VALUE_WORDS = ("行次", "栏次", "序号", "编码")  # header of a numbering column
YEAR = re.compile(r"(?:19|20)\d\d")
YEAR_IN_HEADER = re.compile(r"((?:19|20)\d\d)年")


def item_of(label: str) -> str | None:
    """What a printed label names: an item key, SUBTOTAL, PART, OTHER, or None."""
    if any(word in label for word in OTHER_WORDS):
        return OTHER
    if "出国" in label:
        return PART if "科研" in label else "overseas_travel"
    if "接待" in label:
        return "official_reception"
    if "购置" in label and "运行" in label:
        return "vehicles"
    if "购置" in label:
        return "vehicle_purchase"
    if "运行" in label:
        return "vehicle_operation"
    if "小计" in label:
        return SUBTOTAL
    if "合计" in label or "总计" in label or "三公" in label:
        return "total"
    return None


def group_of(label: str) -> str | None:
    """'budget' (预算数) or 'actual' (决算数); a fund's name (一般公共预算) says neither."""
    for fund in ("一般公共预算", "政府性基金预算", "国有资本经营预算"):
        label = label.replace(fund, "")
    if "决算" in label:
        return "actual"
    if "预算" in label:
        return "budget"
    return None


def period_of(label: str) -> str | None:
    """'current' for this year's figures, 'earlier' for carry-overs and last year's."""
    if "结转" in label or "结余" in label or "上年" in label:
        return "earlier"
    if "当年" in label or "本年" in label:
        return "current"
    return None


def group_of_row_label(label: str) -> str | None:
    """The group a row label names: '预算数', '2024年决算数', '本年预算' (not '…预算审核中心')."""
    if re.fullmatch(r"((19|20)\d\d年度?)?(年初|全年|本年|当年)?(预算|决算)(数|金额)?", label):
        return group_of(label)
    return None

"""The Part 3 sections after the nine tables: 机关运行经费, 政府采购, 国有资产占用.

Each is a sentence or two of prose in one national wording with many local
variants (决算 "支出470.70万元，比年初预算数减少28.46万元，降低5.7%"; 预算
"预算为171.01万元"; "比上年增加…"; "与上年持平"; "无机关运行经费支出"). The
text given is the prose of the pages without a standard table, NFKC and
without spaces, joined across pages; every record keeps the sentence it was
read from and its page.
"""

from __future__ import annotations

import re
from decimal import Decimal

from pipelines.extraction.model import OperatingCost, ProcurementLine, StateAsset
from pipelines.extraction.narrative import NUMBER, UNIT, _pattern, page_at
from pipelines.extraction.text import to_yuan

RATE = r"(\d+(?:\.\d+)?)%"
FALLS = ("减少", "下降", "降低", "节约", "减")

# -- 机关运行经费 ---------------------------------------------------------------

# "机关运行经费安排10,884.55万元" (Zhuhai) states a budget as what is arranged
OPERATING_AMOUNT = _pattern(
    r"机关运行经费(?:财政拨款|一般公共预算(?:财政)?拨款)?(?:预算)?(?:支出|安排)?(?:预算)?"
    rf"(?:总计|总额|合计|共计)?(?:为|是)?{NUMBER}{UNIT}"
)
OPERATING_NONE = _pattern(r"(?:无|未发生|没有)(?:机关运行经费)(?:支出)?")
# "比年初预算数减少28.46万元" / "比上年增加15.51万元" / "与上年相比减少…" / "比2023年度减少…"
CHANGE = _pattern(
    r"(?:比|较|与)(?P<base>年初预算(?:数)?|上年(?:度)?(?:预算(?:数)?)?|上一年(?:度)?|20\d\d年(?:度)?(?:预算(?:数)?)?)"
    r"(?:相比)?[，,]?(?P<direction>增加|减少|增长|下降|降低|节约|上升)"
    rf"{NUMBER}{UNIT}"
)
CHANGE_RATE = _pattern(rf"(?P<direction>增长|增加|上升|下降|降低|减少){RATE}")
LEVEL = _pattern(
    r"(?:与|和|同)(?:上年|年初预算(?:数)?|20\d\d年(?:度)?)(?:预算(?:数)?)?(?:相比)?(?:基本)?持平"
)
# the reason runs to the sentence's end, or to the next section's heading when
# the full stop is missing ("…压减经费2.政府采购情况")
_HEADING = (
    r"\d+[.．、](?=[\u4e00-\u9fff])|[（(][一二三四五六七八九十]+[)）]|[一二三四五六七八九十]+、"
)
REASON = _pattern(rf"(?:主要(?:原因)?(?:是|为|系|:)|原因(?:是|为|:))(?:(?!{_HEADING})[^。])*")


def read_operating_cost(text: str, marks: list[tuple[int, int]]) -> list[OperatingCost]:
    """The first 机关运行经费 sentence that states an amount (or says there is none)."""
    match = OPERATING_AMOUNT.search(text)
    if match is None:
        none = OPERATING_NONE.search(text)
        if none is None:
            return []
        return [
            OperatingCost(
                amount_yuan=Decimal("0.00"),
                initial_budget_yuan=None,
                change_yuan=None,
                change_rate=None,
                change_base=None,
                explanation="",
                page=page_at(marks, none.start()),
                sentence=sentence_around(text, none.start(), none.end()),
            )
        ]
    amount = _yuan(match.group(1), match.group(2))
    rest = _clause_after(text, match.end())
    change_yuan, change_rate, base = _change(rest)
    explanation = REASON.search(rest + _next_sentence(text, match.end()))
    initial = amount - change_yuan if base == "budget" and change_yuan is not None else None
    return [
        OperatingCost(
            amount_yuan=amount,
            initial_budget_yuan=initial,
            change_yuan=change_yuan,
            change_rate=change_rate,
            change_base=base,
            explanation=explanation.group(0).strip("，,。") if explanation else "",
            page=page_at(marks, match.start()),
            sentence=sentence_around(text, match.start(), match.end()),
        )
    ]


def _change(rest: str) -> tuple[Decimal | None, Decimal | None, str | None]:
    """The signed change, its rate as printed (signed) and what it is measured against."""
    level = LEVEL.search(rest)
    if level is not None:
        base = "budget" if "年初" in level.group(0) else "previous_year"
        return Decimal("0.00"), Decimal("0"), base
    change = CHANGE.search(rest)
    if change is None:
        return None, None, None
    sign = -1 if change.group("direction") in FALLS else 1
    amount = _yuan(change.group(3), change.group(4)) * sign
    base = "budget" if change.group("base").startswith("年初") else "previous_year"
    rate = CHANGE_RATE.search(rest, change.end())
    if rate is None:
        return amount, None, base
    rate_sign = -1 if rate.group("direction") in FALLS else 1
    return amount, Decimal(rate.group(2)) * rate_sign, base


# -- 政府采购 -------------------------------------------------------------------

PROCUREMENT_TOTAL = _pattern(
    r"政府采购(?:支出|预算|资金|金额)?(?:支出|预算)?(?:总额|总金额|安排|合计)?"
    rf"(?:（以合同签订为准）)?(?:为|是)?{NUMBER}{UNIT}"
)
PROCUREMENT_NONE = _pattern(r"(?:无|未发生|未安排|没有)政府采购")
PROCUREMENT_END = _pattern(
    r"国有资产|第[四五六]部分|名词解释|预算绩效|绩效(?:自评|管理|目标)|"
    r"（[一二三四五六七八九十]+）[^，,]{0,12}(?:情况|说明)|[一二三四五六七八九十]+、[^，,]{0,16}(?:情况|说明)"
)
_KIND = r"(?:类)?(?:采购)?(?:支出|预算|金额|合同金额)?(?:预算|支出)?(?:为)?"
# (category, pattern with the amount and unit as its first two groups)
PROCUREMENT_PARTS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (category, _pattern(source))
    for category, source in (
        ("goods", rf"(?:政府采购|拟采购|采购)?货物{_KIND}{NUMBER}{UNIT}"),
        ("works", rf"(?:政府采购|拟采购|采购)?工程{_KIND}{NUMBER}{UNIT}"),
        ("services", rf"(?:政府采购|拟采购|拟购买|购买|采购)?服务{_KIND}{NUMBER}{UNIT}"),
        ("sme_awarded", rf"授予中小企业(?:的)?合同(?:金额)?(?:为|共)?{NUMBER}{UNIT}"),
        ("small_micro_awarded", rf"授予小微企业(?:的)?合同(?:金额)?(?:为|共)?{NUMBER}{UNIT}"),
        (
            "sme_reserved",
            rf"面向中小企业预留(?:的)?(?:政府采购)?项目(?:预算)?(?:金额)?(?:为)?{NUMBER}{UNIT}",
        ),
        (
            "small_micro_reserved",
            rf"(?:预留给小型和微型企业的|面向小微企业预留(?:的)?)(?:政府采购)?项目(?:预算)?(?:金额)?(?:为)?{NUMBER}{UNIT}",
        ),
        (
            "sme_awarded_reserved",
            rf"在面向中小企业预留的政府采购项目中[，,]由中小企业供应商中标或成交的[，,]采购金额(?:为)?{NUMBER}{UNIT}",
        ),
        (
            "small_micro_awarded_reserved",
            rf"在面向小微企业预留(?:的)?政府采购项目中[，,]由小微企业供应商中标或成交的[，,]采购金额(?:为)?{NUMBER}{UNIT}",
        ),
        (
            "sme_awarded_other",
            rf"在其他政府采购项目中[，,]由中小企业供应商中标或成交的[，,]采购金额(?:为)?{NUMBER}{UNIT}",
        ),
    )
)
SHARE = _pattern(rf"^[，,]?占[^，,。；;]{{0,20}}?(?:的)?(?:比(?:例|重)为?)?{RATE}")


def read_procurement(text: str, marks: list[tuple[int, int]]) -> list[ProcurementLine]:
    """The section's total and its parts, each with the share printed beside it.

    The parts are read only inside the section (from its total to the next
    heading), so a 服务 elsewhere in the prose is never a procurement figure.
    """
    total = _procurement_total(text)
    if total is None:
        none = PROCUREMENT_NONE.search(text)
        if none is None:
            return []
        return [
            ProcurementLine(
                "total",
                Decimal("0.00"),
                None,
                page_at(marks, none.start()),
                sentence_around(text, none.start(), none.end()),
            )
        ]
    end = PROCUREMENT_END.search(text, total.end())
    section_end = end.start() if end else min(len(text), total.end() + 1500)
    lines = [_procurement_line("total", total, text, marks)]
    for category, pattern in PROCUREMENT_PARTS:
        part = pattern.search(text, total.end(), section_end)
        if part is not None:
            lines.append(_procurement_line(category, part, text, marks))
    return lines


def _procurement_total(text: str) -> re.Match[str] | None:
    """The first total that is not a part's figure ("政府采购项目预算金额" is a reservation)."""
    for match in PROCUREMENT_TOTAL.finditer(text):
        before = text[max(0, match.start() - 12) : match.start()]
        if "预留" not in before and "中小企业" not in before:
            return match
    return None


def _procurement_line(
    category: str, match: re.Match[str], text: str, marks: list[tuple[int, int]]
) -> ProcurementLine:
    share = SHARE.search(text[match.end() : match.end() + 40])
    return ProcurementLine(
        category,
        _yuan(match.group(1), match.group(2)),
        Decimal(share.group(1)) if share else None,
        page_at(marks, match.start()),
        sentence_around(text, match.start(), match.end()),
    )


# -- 国有资产占用 -----------------------------------------------------------------

COUNT = r"(\d+)"
VEHICLES_HELD = _pattern(rf"共有(?:各类)?(?:车辆|公务用车|公务车辆|机动车)(?:共)?{COUNT}辆")
# "固定资产…分布构成情况为：房屋…平方米，车辆0辆" (Zhuhai): the fleet among the fixed assets
VEHICLES_LISTED = _pattern(rf"固定资产[^。]{{0,80}}?[，,:：]车辆{COUNT}辆")
VEHICLES_TO_BUY = _pattern(rf"(?:安排|计划)?购置(?:车辆|公务用车)(?:共)?{COUNT}辆")
VEHICLES_NOT_BOUGHT = _pattern(r"未安排(?:购置)?(?:车辆|公务用车)")
VEHICLE_KIND = _pattern(rf"(?P<kind>[^，,、。:：;；\d]{{2,24}}?(?:用车|专用车|车辆)){COUNT}辆")
# "单价100万元（含）以上的设备0台" (Suzhou), "单价在100万元以上的设备39台" (Zhuhai)
EQUIPMENT = _pattern(
    r"(?:单价|单位价值|价值)(?:在)?(?P<threshold>\d+)万元（?(?:含)?）?以上(?:的)?(?P<kind>通用|专用)?设备"
    rf"(?:（不含车辆）)?(?:共)?{COUNT}台(?:（套）|套)?"
)


def read_state_assets(
    text: str, marks: list[tuple[int, int]], budget: bool = False
) -> list[StateAsset]:
    """Vehicles held, by kind, and equipment over the value threshold; a budget's purchases.

    Only a budget's 购置车辆 is a planned purchase; in a final account the words
    stand in the 三公 explanation of what was bought.
    """
    assets: list[StateAsset] = []
    held = VEHICLES_HELD.search(text) or VEHICLES_LISTED.search(text)
    if held is not None:
        assets.append(_asset("vehicles_total", held.group(1), "辆", held, text, marks))
        assets.extend(_vehicle_kinds(text, held, marks, prefix=""))
    to_buy = VEHICLES_TO_BUY.search(text) if budget else None
    if to_buy is not None:
        assets.append(_asset("vehicles_to_purchase", to_buy.group(1), "辆", to_buy, text, marks))
        assets.extend(_vehicle_kinds(text, to_buy, marks, prefix="to_purchase:"))
    elif budget and (not_bought := VEHICLES_NOT_BOUGHT.search(text)) is not None:
        assets.append(_asset("vehicles_to_purchase", "0", "辆", not_bought, text, marks))
    seen = set()
    for equipment in EQUIPMENT.finditer(text):
        item = _equipment_item(equipment.group("threshold"), equipment.group("kind"))
        if item not in seen:
            seen.add(item)
            assets.append(_asset(item, equipment.group(3), "台（套）", equipment, text, marks))
    return assets


def _vehicle_kinds(
    text: str, total: re.Match[str], marks: list[tuple[int, int]], prefix: str
) -> list[StateAsset]:
    """The kinds listed after the count ("其中：机要通信用车2辆、应急保障用车2辆…")."""
    end = text.find("。", total.end())
    clause = text[total.end() : end if end >= 0 else len(text)]
    kinds = []
    for match in VEHICLE_KIND.finditer(clause):
        kind = match.group("kind").removeprefix("其中")
        kinds.append(
            StateAsset(
                prefix + kind,
                Decimal(match.group(2)),
                "辆",
                None,
                page_at(marks, total.start()),
                sentence_around(text, total.start(), total.end()),
            )
        )
    return kinds


def _equipment_item(threshold: str, kind: str | None) -> str:
    """'equipment_over_1m' for 单价100万元以上设备; 'general_equipment_over_500k' …"""
    value = int(threshold) * 10_000
    size = f"{value // 1_000_000}m" if value % 1_000_000 == 0 else f"{value // 1_000}k"
    prefix = {"通用": "general_", "专用": "special_"}.get(kind or "", "")
    return f"{prefix}equipment_over_{size}"


def _asset(
    item: str,
    count: str,
    unit: str,
    match: re.Match[str],
    text: str,
    marks: list[tuple[int, int]],
) -> StateAsset:
    return StateAsset(
        item,
        Decimal(count),
        unit,
        None,
        page_at(marks, match.start()),
        sentence_around(text, match.start(), match.end()),
    )


# -- shared ---------------------------------------------------------------------


def _yuan(amount: str, unit: str) -> Decimal:
    return to_yuan(Decimal(amount.replace(",", "")), unit)


def _clause_after(text: str, start: int) -> str:
    end = text.find("。", start)
    return text[start : end if end >= 0 else len(text)]


def _next_sentence(text: str, start: int) -> str:
    """The sentence after the one holding ``start``: where "主要原因是…" often stands."""
    end = text.find("。", start)
    if end < 0:
        return ""
    following = text.find("。", end + 1)
    return text[end + 1 : following if following >= 0 else len(text)][:200]


def sentence_around(text: str, start: int, end: int) -> str:
    """The sentence holding text[start:end], cut at a heading number before it."""
    left = max(text.rfind("。", 0, start), text.rfind("；", 0, start), text.rfind(";", 0, start))
    right = text.find("。", end)
    return text[left + 1 : right + 1 if right >= 0 else end][:300]

"""Part 3 十–十二 of a sample: 机关运行经费, 政府采购, 国有资产占用, and the records they state.

The figures come from the document's own tables: the operating cost is a part
of the 公用经费 of its basic spending, procurement a part of its public and
project spending, split into goods / works / services that sum to the total,
with the SME share printed from the amounts. Vehicles held are drawn per
department (the same fleet in a budget, at the end of the year before, and in
the final account before it); a budget plans a purchase only where its "三公"
table budgets one. The draws take an RNG of their own, seeded
'<slug>-<year>-sections', so the tables' draws are untouched and output is
stable. Each department-year prints one of the wordings of
``prose/<final_account|budget>.toml`` [sections], chosen by its slot; each
record (what a correct reader returns) rides on the sentence that prints it.
"""

from __future__ import annotations

import random
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from pipelines.extraction.model import OperatingCost, ProcurementLine, StateAsset
from tools.samples.accounts import ZERO, round_hundred
from tools.samples.blocks import Block, Paragraph, Sentence
from tools.samples.passages import heading, prose, wan_text

VEHICLE_KINDS = (
    "主要领导干部用车",
    "机要通信用车",
    "应急保障用车",
    "执法执勤用车",
    "特种专业技术用车",
    "离退休干部服务用车",
    "其他用车",
)
# department-years printing no procurement at all ("本部门无政府采购支出")
NO_PROCUREMENT = {("nanjing-tjj", 2021)}

Record = OperatingCost | ProcurementLine | StateAsset


@dataclass(frozen=True)
class Operating:
    amount: Decimal  # yuan; 0 where the document has none
    change: Decimal | None = None  # signed, against ``base``
    base: str | None = None  # 'budget' (年初预算) / 'previous_year'
    reason: str = ""
    none: bool = False


@dataclass(frozen=True)
class Procurement:
    goods: Decimal = ZERO
    works: Decimal = ZERO
    services: Decimal = ZERO
    sme: Decimal = ZERO  # 授予中小企业 (final) / 面向中小企业预留 (budget)
    small_micro: Decimal = ZERO  # 其中小微企业

    @property
    def total(self) -> Decimal:
        return self.goods + self.works + self.services


@dataclass(frozen=True)
class Assets:
    vehicles: tuple[tuple[str, int], ...]  # kind, count (every kind, zeros too)
    equipment: int  # 单价100万元以上设备
    to_purchase: tuple[tuple[str, int], ...] = ()  # a budget's planned vehicles


@dataclass(frozen=True)
class Printing:
    """How amounts print: '470.70万元', '4,707,000.00元'."""

    unit: str = "万元"
    thousands: bool = False

    def money(self, yuan: Decimal) -> str:
        if self.unit == "元":
            return (f"{yuan:,.2f}" if self.thousands else f"{yuan:.2f}") + "元"
        return wan_text(yuan, self.thousands) + "万元"


def slot(slug: str, year: int) -> int:
    """Which wording a department-year prints: stable, and different year to year."""
    return sum(map(ord, slug)) + year


def rate(part: Decimal, whole: Decimal, places: int) -> Decimal:
    """``part`` over ``whole`` in percent, rounded half up to ``places`` as printed."""
    return (part / whole * 100).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def _rng(slug: str, year: int, kind: str) -> random.Random:
    return random.Random(f"{slug}-{year}-{kind}-sections")


def _share(rng: random.Random, total: Decimal, low: float, high: float) -> Decimal:
    return round_hundred(total * Decimal(str(rng.uniform(low, high))))


# -- figures --------------------------------------------------------------------------------------


def operating_amount(slug: str, year: int, kind: str, public: Decimal) -> Decimal:
    """The year's 机关运行经费: a part of the 公用经费 (never more)."""
    return _share(_rng(slug, year, kind), public, 0.55, 0.85)


def operating(
    slug: str,
    year: int,
    kind: str,
    public: Decimal,
    previous_public: Decimal | None,
    base: str | None,
) -> Operating:
    """The amount and its change against the budget or the year before (``previous_public``)."""
    amount = operating_amount(slug, year, kind, public)
    rng = _rng(slug, year, f"{kind}-change")
    if base is None:
        return Operating(amount)
    if base == "budget":
        against = round_hundred(amount * Decimal(str(rng.uniform(0.9, 1.12))))
    else:
        assert previous_public is not None
        against = operating_amount(slug, year - 1, kind, previous_public)
    if against == amount:
        against += 100
    reasons = prose("final_account")["sections"]["reasons"]
    words = reasons["up" if amount > against else "down"]
    return Operating(amount, amount - against, base, words[year % len(words)])


def procurement(
    slug: str, year: int, kind: str, public: Decimal, project: Decimal, works: bool
) -> Procurement:
    """Goods, works (where ``works``), services summing to the total; the SME part."""
    if (slug, year) in NO_PROCUREMENT:
        return Procurement()
    rng = _rng(slug, year, f"{kind}-procurement")
    total = _share(rng, public, 0.1, 0.3) + _share(rng, project, 0.01, 0.05)
    goods = _share(rng, total, 0.05, 0.3)
    built = _share(rng, total, 0.05, 0.4) if works and rng.random() < 0.6 else ZERO
    sme = _share(rng, total, 0.4, 0.9)
    return Procurement(goods, built, total - goods - built, sme, _share(rng, sme, 0.5, 0.95))


def fleet(slug: str, year: int) -> tuple[tuple[str, int], ...]:
    """The vehicles a department holds at the end of ``year`` (every kind, zeros too)."""
    rng = random.Random(f"{slug}-vehicles")
    counts = [rng.choice((0, 0, 1, 2, 3)) for _ in VEHICLE_KINDS]
    counts[-1] += year % 2  # a car of the pool bought in odd years, scrapped in even
    return tuple(zip(VEHICLE_KINDS, counts, strict=True))


def equipment(slug: str, year: int) -> int:
    return random.Random(f"{slug}-{year}-equipment").choice((0, 0, 1, 2, 3))


def assets(slug: str, year: int, *, budget: bool = False, buys: int = 0) -> Assets:
    """A final account's vehicles at the end of ``year``; a budget's at the end of the year before."""
    held_year = year - 1 if budget else year
    vehicles = fleet(slug, held_year)
    planned: tuple[tuple[str, int], ...] = ()
    if budget:
        most = max(vehicles, key=lambda kv: kv[1])[0]
        planned = tuple((k, buys if k == most else 0) for k, _ in vehicles)
    return Assets(vehicles, equipment(slug, held_year), planned)


# -- the blocks -----------------------------------------------------------------------------------


def section_blocks(
    document: str,
    values: Mapping[str, Any],
    figures: tuple[Operating, Procurement, Assets],
    printing: Printing,
) -> list[Block]:
    """The three sections as ``document`` ('final_account' / 'budget') words them for this slot.

    ``values`` holds 'y', 'py', 'name', 'scope', 'slot'.
    """
    wording = prose(document)["sections"]
    op, proc, held = figures
    n = values["slot"]
    blocks: list[Block] = [heading(wording["operating_heading"])]
    blocks.append(Paragraph([_operating(wording, values, op, printing, n)]))
    blocks.append(heading(wording["procurement_heading"]))
    blocks.append(Paragraph(_procurement(wording, values, proc, printing, n)))
    blocks.append(heading(wording["assets_heading"]))
    blocks.append(Paragraph(_assets(wording, values, held, n, budget=document == "budget")))
    return blocks


def _pick(forms: list[dict[str, Any]], n: int) -> dict[str, Any]:
    return forms[n % len(forms)]


def operating_base(document: str, n: int) -> str | None:
    """What the operating cost's change is measured against in slot ``n``'s form (None: no change)."""
    against = _pick(prose(document)["sections"]["operating"], n)["against"]
    return None if against == "none" else str(against)


def _operating(
    wording: Mapping[str, Any], values: Mapping[str, Any], op: Operating, printing: Printing, n: int
) -> Sentence:
    if op.none:
        text = wording["operating_none"].format_map(values)
        record = OperatingCost(Decimal("0.00"), None, None, None, None, "", 0, text)
        return Sentence(text, sections=[record])
    form = _pick(wording["operating"], n)
    assert (op.base or "none") == form["against"], "figures drawn for another form"
    fields = {**values, "amount": printing.money(op.amount), "reason": op.reason}
    change_rate = None
    if op.change is not None:
        places = form["places"]
        change_rate = rate(op.change, op.amount - op.change, places)
        up = op.change > 0
        fields |= {
            "verb": form["up" if up else "down"][0],
            "rate_verb": form["up" if up else "down"][1],
            "change": printing.money(abs(op.change)),
            "rate": f"{abs(change_rate):.{places}f}",
        }
    text = form["text"].format_map(fields)
    budgeted = op.base == "budget" and op.change is not None
    record = OperatingCost(
        amount_yuan=op.amount,
        initial_budget_yuan=op.amount - op.change if budgeted and op.change is not None else None,
        change_yuan=op.change,
        change_rate=change_rate,
        change_base=op.base,
        explanation=_nfkc(f"主要原因是{op.reason}") if op.change is not None else "",
        page=0,
        sentence=text,
    )
    return Sentence(text, sections=[record])


def _procurement(
    wording: Mapping[str, Any],
    values: Mapping[str, Any],
    proc: Procurement,
    printing: Printing,
    n: int,
) -> list[Sentence]:
    if proc.total == 0:
        text = wording["procurement_none"].format_map(values)
        none: list[Record] = [ProcurementLine("total", Decimal("0.00"), None, 0, text)]
        return [Sentence(text, sections=none)]
    form = _pick(wording["procurement"], n)
    places = form.get("places", 1)
    amounts = {
        "total": proc.total,
        "goods": proc.goods,
        "works": proc.works,
        "services": proc.services,
        "sme": proc.sme,
        "small_micro": proc.small_micro,
    }
    fields = {**values, **{k: printing.money(v) for k, v in amounts.items()}}
    shares = {k: rate(amounts[k], proc.total, places) for k in ("sme", "small_micro")}
    fields |= {f"{k}_share": f"{v:.{places}f}" for k, v in shares.items()}
    parts = form["parts"] if proc.works or "parts_no_works" not in form else form["parts_no_works"]
    text = form["total"].format_map(fields) + parts.format_map(fields)
    printed = [c for c in ("goods", "works", "services") if "{" + c + "}" in parts]
    lines: list[Record] = [ProcurementLine("total", proc.total, None, 0, text)]
    lines += [ProcurementLine(c, amounts[c], None, 0, text) for c in printed]
    sentences = [Sentence(text, sections=lines)]
    if "sme" in form:
        sme_text = form["sme"].format_map(fields)
        categories = form["sme_categories"]
        shared = form.get("shares", False)
        sme_lines: list[Record] = [
            ProcurementLine(
                category,
                amounts[key],
                shares[key] if shared else None,
                0,
                sme_text,
            )
            for key, category in zip(("sme", "small_micro"), categories, strict=False)
        ]
        sentences.append(Sentence(sme_text, sections=sme_lines))
    return sentences


def _kinds(vehicles: tuple[tuple[str, int], ...], all_kinds: bool) -> tuple[tuple[str, int], ...]:
    return tuple((k, c) for k, c in vehicles if all_kinds or c)


def _listing(form: Mapping[str, Any], kinds: tuple[tuple[str, int], ...]) -> str:
    """'，其中：机要通信用车2辆、应急保障用车2辆' (nothing when no kind is listed)."""
    if not kinds:
        return ""
    return form["kinds_lead"] + form["separator"].join(f"{k}{c}辆" for k, c in kinds)


def _assets(
    wording: Mapping[str, Any], values: Mapping[str, Any], held: Assets, n: int, *, budget: bool
) -> list[Sentence]:
    form = _pick(wording["assets"], n)
    total = sum(c for _, c in held.vehicles)
    kinds = _kinds(held.vehicles, form.get("all_kinds", True)) if form.get("kinds", True) else ()
    fields = {**values, "vehicles": total, "equipment": held.equipment}
    text = form["vehicles"].format_map(fields) + _listing(form, kinds) + form.get("end", "。")
    records: list[Record] = [StateAsset("vehicles_total", Decimal(total), "辆", None, 0, text)]
    records += [StateAsset(_nfkc(k), Decimal(c), "辆", None, 0, text) for k, c in kinds]
    eq_text = form["equipment"].format_map(fields)
    eq = StateAsset("equipment_over_1m", Decimal(held.equipment), "台（套）", None, 0, eq_text)
    sentences = [Sentence(text, sections=records), Sentence(eq_text, sections=[eq])]
    if budget:
        sentences.append(_purchase(form, fields, held))
    return sentences


def _purchase(form: Mapping[str, Any], fields: Mapping[str, Any], held: Assets) -> Sentence:
    """A budget's planned vehicles: '安排购置车辆1辆，其中：…' or '未安排购置车辆'."""
    count = sum(c for _, c in held.to_purchase)
    if count == 0 and "no_purchase" in form:
        text = form["no_purchase"].format_map(fields)
        record = StateAsset("vehicles_to_purchase", Decimal(0), "辆", None, 0, text)
        return Sentence(text, sections=[record])
    listed = form.get("purchase_kinds", True) and count
    kinds = _kinds(held.to_purchase, form.get("all_kinds", True)) if listed else ()
    text = form["purchase"].format_map({**fields, "to_purchase": count})
    text += _listing(form, kinds) + form.get("purchase_end", "。").format_map(fields)
    records: list[Record] = [
        StateAsset("vehicles_to_purchase", Decimal(count), "辆", None, 0, text)
    ]
    records += [
        StateAsset(f"to_purchase:{_nfkc(k)}", Decimal(c), "辆", None, 0, text) for k, c in kinds
    ]
    return Sentence(text, sections=records)


def _nfkc(text: str) -> str:
    return unicodedata.normalize("NFKC", text)

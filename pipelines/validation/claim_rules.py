"""What the prose says the department does not have (``N_NONE_CLAIM``), against its tables.

"本部门2023年度无政府性基金预算财政拨款收入支出" is a claim about table 07
(and the 政府性基金 column of 04); "无国有资本经营预算财政拨款支出" about 08;
"本年度无购置（更新）公务用车" and "未发生因公出国（境）费" about the 三公 items of
09. A claim is wrong when the table it is about prints a non-zero amount.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from pipelines.extraction.model import DocumentExtraction, ExtractedTable

from .evaluation import Checker
from .prose import Prose, quote
from .statement_sides import statement_side
from .table_cells import cell_amount, is_usable

_NONE = r"(?:无|没有|未发生|未安排|未使用)(?:使用|安排)?"
_THEN = r"\d{0,3}(?:收入|支出|收支)"  # a page number may sit in the sentence where the page broke


@dataclass(frozen=True)
class NoneClaim:
    """A kind of thing the prose may say the department has none of."""

    key: str  # 'government_fund', 'state_capital', or a 三公 item
    words: str  # what it is, in Chinese, for messages
    pattern: re.Pattern[str]


NONE_CLAIMS = (
    NoneClaim(
        "government_fund",
        "政府性基金预算财政拨款收支",
        re.compile(_NONE + r"政府性基金(?:预算)?(?:财政)?(?:拨款)?(?:安排的)?" + _THEN),
    ),
    NoneClaim(
        "state_capital",
        "国有资本经营预算财政拨款支出",
        re.compile(_NONE + r"国有资本经营(?:预算)?(?:财政)?(?:拨款)?(?:安排的)?" + _THEN),
    ),
    NoneClaim(
        "overseas_travel",
        "因公出国(境)费",
        re.compile(_NONE + r"(?:因公)?出国\(境\)(?:费|团组)"),
    ),
    NoneClaim(
        "vehicle_purchase",
        "公务用车购置费",
        re.compile(_NONE + r"(?:购置|购买)(?:\(更新\))?(?:公务用车|公车)"),
    ),
)
_FUND_TABLES = {"government_fund": "07", "state_capital": "08"}


def _fund_amount(
    tables: dict[str, ExtractedTable], key: str, kind: str | None
) -> tuple[Decimal, str] | None:
    """The largest amount the tables print for a fund: its own table's 合计, else 04's column."""
    detail = tables.get(_FUND_TABLES[key])
    if detail is not None and is_usable(detail):
        total = detail.row("total")
        amounts = [v for v in (total.values.values() if total else []) if v]
        if amounts:
            return max(amounts), f"table {detail.table_code} 合计"
    t04 = tables.get("04")
    if t04 is not None and is_usable(t04):
        year_total = statement_side(t04, "expenditure", kind).year_total
        amount = cell_amount(year_total, key) if year_total is not None else None
        if amount:
            return amount, "table 04 本年支出合计"
    return None


def _three_public_amount(
    tables: dict[str, ExtractedTable], key: str, kind: str | None
) -> tuple[Decimal, str] | None:
    t09 = tables.get("09")
    if t09 is None or not is_usable(t09) or t09.row(key) is None:
        return None
    column = "budget" if kind == "budget" else "actual"
    amount = cell_amount(t09.row(key), column)
    return (amount, f"table 09 {key} {column}") if amount else None


def check_none_claims(checker: Checker, extraction: DocumentExtraction, prose: Prose) -> None:
    kind = extraction.document_kind
    for claim in NONE_CLAIMS:
        match = claim.pattern.search(prose.text)
        if match is None:
            continue
        page = prose.page_at(match.start())
        location = f"narrative p.{page} 无{claim.words}"
        if claim.key in _FUND_TABLES:
            printed = _fund_amount(extraction.tables, claim.key, kind)
        else:
            printed = _three_public_amount(extraction.tables, claim.key, kind)
        checker.evaluated("N_NONE_CLAIM", "", location, "ok" if printed is None else "broken")
        if printed is None:
            continue
        amount, where = printed
        left = prose.text.rfind("。", 0, match.start()) + 1
        sentence = prose.text[left : prose.text.find("。", match.end()) + 1 or None]
        checker.note(
            "N_NONE_CLAIM",
            location,
            where.split()[1] if where.startswith("table") else None,
            f"Narrative p.{page}: '{quote(sentence)}' says there is no {claim.words}, but "
            f"{where} prints {amount:,.2f} yuan.",
            f"第{page}页“{quote(sentence)}”称无{claim.words}，但{where.replace('table ', '表')}"
            f"列有 {amount:,.2f} 元。",
            amounts=(Decimal(0), amount),
        )

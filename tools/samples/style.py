"""How a document prints its tables: unit, number format, numbering, code columns."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from decimal import Decimal

from pipelines.extraction.text import RADICAL_LOOKALIKES as SUPPLEMENT_LOOKALIKES
from tools.samples.accounts import WAN

# 一 … 二十六: table numbers (表一) and the function classes of statements 01 and 04
CHINESE_ORDINALS = [
    "一", "二", "三", "四", "五", "六", "七", "八", "九", "十",
    "十一", "十二", "十三", "十四", "十五", "十六", "十七", "十八", "十九", "二十",
    "二十一", "二十二", "二十三", "二十四", "二十五", "二十六",
]  # fmt: skip
RADICAL_LOOKALIKES = {"门": "\u2ed4", "车": "\u2ecb"}  # ⻔ ⻋ from CJK Radicals Supplement


@dataclass(frozen=True)
class TableStyle:
    """Layout choices one document makes for all its tables."""

    unit: str = "万元"  # '万元' or '元'
    thousands: bool = False  # '2,995.39'
    zero: str = ""  # how a zero prints: '', '-', '—', '0.00'
    split_codes: bool = False  # 类 | 款 | 项 in three columns
    total_at_bottom: bool = False
    numbering: str = "gongkai"  # 'gongkai' (公开01表) | 'chinese' (表一) | 'arabic' (表1) | 'none'
    repeat_header: bool = True
    year_in_title: bool = True
    scope_label: str = "部门"  # '单位' in a unit document
    panels_06: int = 3
    form_09: str = (
        "12col"  # '12col' | '6col' (预算数/决算数 rows) | 'items' (item rows) | 'meetings'
    )
    landscape_06: bool = True
    old_wording: bool = False  # '科目编码' header, '用事业基金弥补收支差额' in 01

    def amount(self, yuan: Decimal) -> str:
        """The printed cell for an amount in yuan, in this document's unit."""
        if yuan == 0:
            return self.zero
        value = yuan / WAN if self.unit == "万元" else yuan
        cents = value.quantize(Decimal("0.01"))
        if cents != value:
            raise ValueError(f"{yuan} yuan is not a whole number of cents in {self.unit}")
        return f"{cents:,.2f}" if self.thousands else f"{cents:.2f}"

    def printed_number(self, position: int) -> str | None:
        """The number printed beside the title of the ``position``-th table (1-based)."""
        if self.numbering == "gongkai":
            return f"公开{position:02d}表"
        if self.numbering == "chinese":
            return f"表{CHINESE_ORDINALS[position - 1]}"
        if self.numbering == "arabic":
            return f"表{position}"
        return None


def normalise(text: str) -> str:
    """How expected labels and titles are written: NFKC, radicals mapped back, no spaces.

    Radical look-alikes are mapped back whichever printed them: the ⻔/⻋ inked
    here, or those a font's ToUnicode yields (Chromium's Type 3 Noto glyphs read
    as ⺠ U+2EA0 for 民, and as Kangxi radicals, which NFKC maps).
    """
    for plain, radical in RADICAL_LOOKALIKES.items():
        text = text.replace(radical, plain)
    text = unicodedata.normalize("NFKC", text).translate(SUPPLEMENT_LOOKALIKES)
    return "".join(text.split())


def with_radicals(text: str) -> str:
    """The look-alike printing some PDFs carry: 门 -> ⻔ (U+2ED4), 车 -> ⻋ (U+2ECB)."""
    for plain, radical in RADICAL_LOOKALIKES.items():
        text = text.replace(plain, radical)
    return text

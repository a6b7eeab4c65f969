"""Normalising printed text and reading printed amounts exactly."""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal, InvalidOperation

# CJK Radicals Supplement / Kangxi Radicals look-alikes that some office software
# emits instead of the unified ideographs. NFKC maps the Kangxi block but not
# the Supplement block, so these are mapped by hand.
RADICAL_LOOKALIKES = str.maketrans(
    {
        "\u2e84": "乙",
        "\u2e86": "冂",
        "\u2e88": "刀",
        "\u2e8b": "㔾",
        "\u2e8c": "小",
        "\u2e97": "心",
        "\u2ea0": "民",
        "\u2ea3": "灬",
        "\u2eab": "目",
        "\u2eb2": "罒",
        "\u2ebb": "聿",
        "\u2ec4": "西",
        "\u2ec5": "见",
        "\u2ec6": "角",
        "\u2ec8": "讠",
        "\u2ec9": "贝",
        "\u2ecb": "车",
        "\u2ecf": "阝",
        "\u2ed0": "钅",
        "\u2ed4": "门",
        "\u2ed5": "阝",
        "\u2ed8": "青",
        "\u2edb": "风",
        "\u2edc": "飞",
        "\u2edd": "食",
        "\u2ee0": "饣",
        "\u2ee2": "马",
        "\u2ee3": "骨",
        "\u2ee4": "鬼",
        "\u2ee5": "鱼",
        "\u2ee6": "鸟",
        "\u2ee8": "麦",
        "\u2eea": "黾",
        "\u2eeb": "斉",
        "\u2eed": "歯",
        "\u2eef": "竜",
        "\u2ef0": "龙",
        "\u2ef2": "亀",
        "\u2ef3": "龟",
    }
)

_SPACES = re.compile(r"\s+")


def normalize(text: str) -> str:
    """NFKC, radical look-alikes mapped to ideographs; spacing kept."""
    return unicodedata.normalize("NFKC", text).translate(RADICAL_LOOKALIKES)


def compact(text: str) -> str:
    """Normalised with every space removed: the form labels are compared in."""
    return _SPACES.sub("", normalize(text))


# Thousands separators as printed ('2,995.39'), or with only the last ones kept, as some
# spreadsheet exports print them ('120258,600' for 120,258,600).
_AMOUNT = re.compile(r"^[-−]?\(?\d+(,\d{3})+(\.\d+)?\)?$|^[-−]?\(?\d+(\.\d+)?\)?$")
ZERO_MARKS = frozenset({"-", "—", "–", "——", "－", "/", "0", "0.0", "0.00"})


def is_amount_token(token: str) -> bool:
    """A printed amount ('2,995.39', '-12.00', '(3.00)') or a zero mark ('-', '—')."""
    return token in ZERO_MARKS or bool(_AMOUNT.match(token))


def parse_amount(token: str) -> Decimal:
    """The exact value of a printed amount; zero marks are zero.

    Raises ValueError for anything that is not an amount.
    """
    token = token.strip()
    if token in ZERO_MARKS:
        return Decimal("0")
    if not _AMOUNT.match(token):
        raise ValueError(f"not an amount: {token!r}")
    negative = token.startswith(("-", "−")) or token.startswith("(")
    digits = token.lstrip("-−(").rstrip(")").replace(",", "")
    try:
        value = Decimal(digits)
    except InvalidOperation as exc:  # pragma: no cover - the regex already guards
        raise ValueError(f"not an amount: {token!r}") from exc
    return -value if negative else value


UNIT_FACTORS = {"元": Decimal("1"), "万元": Decimal("10000"), "亿元": Decimal("100000000")}


def to_yuan(amount: Decimal, unit: str) -> Decimal:
    """Exact conversion of an amount printed in ``unit`` to yuan, kept to cents."""
    return (amount * UNIT_FACTORS[unit]).quantize(Decimal("0.01"))


_UNIT_LINE = re.compile(r"单位[:：]\s*(万元|亿元|元)")


def find_unit(text: str) -> str | None:
    match = _UNIT_LINE.search(normalize(text))
    return match.group(1) if match else None


_BRACKETED_CODE = re.compile(r"^[\[【［]\s*(\d{3,7})\s*[\]】］]")


def unbracket_code(cell: str) -> str:
    """'[2011301]行政运行' → '2011301行政运行': some regions print codes in brackets."""
    return _BRACKETED_CODE.sub(r"\1", cell)

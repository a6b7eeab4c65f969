"""Money and tables as text: exact amounts, columns aligned for Chinese characters."""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

TEN_THOUSAND = Decimal(10000)
CENT = Decimal("0.01")


def wan(yuan: Decimal | None) -> str:
    """Yuan as 万元 with two decimals and thousands separators, as the documents print them.

    Exact: the warehouse holds yuan converted from 万元 (× 10000), so dividing
    back gives the printed figure; a figure first printed in 元 is rounded half
    up to the cent of 万元.
    """
    if yuan is None:
        return "—"
    return f"{(yuan / TEN_THOUSAND).quantize(CENT, rounding=ROUND_HALF_UP):,.2f}"


def yuan_text(yuan: Decimal | None) -> str:
    """Yuan with two decimals and thousands separators."""
    return "—" if yuan is None else f"{yuan:,.2f}"


def percent(rate: Decimal | None) -> str:
    """A rate in percent as the warehouse stores it (88.10) shown as '88.10%'."""
    return "—" if rate is None else f"{rate:.2f}%"


def display_width(text: str) -> int:
    """Columns a string takes in a terminal: wide (CJK) characters take two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def cell(value: Any) -> str:
    """A value as a table cell: NULL as empty, Decimal exact, everything else as str."""
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return format(value, "f")
    return str(value)


def is_number(value: Any) -> bool:
    return isinstance(value, int | float | Decimal) and not isinstance(value, bool)


def format_table(
    headers: Sequence[str],
    rows: Sequence[Sequence[Any]],
    right_aligned: Sequence[bool] | None = None,
) -> str:
    """A plain-text table with a header rule; numbers right-aligned unless told otherwise."""
    texts = [
        [cell(value) if not isinstance(value, str) else value for value in row] for row in rows
    ]
    if right_aligned is None:
        right_aligned = [
            bool(rows)
            and all(is_number(row[i]) or row[i] is None for row in rows)
            and any(is_number(row[i]) for row in rows)
            for i in range(len(headers))
        ]
    widths = [
        max([display_width(header)] + [display_width(row[i]) for row in texts])
        for i, header in enumerate(headers)
    ]

    def line(values: Sequence[str]) -> str:
        padded = []
        for i, value in enumerate(values):
            gap = " " * (widths[i] - display_width(value))
            padded.append(gap + value if right_aligned[i] else value + gap)
        return "  ".join(padded).rstrip()

    rule = "  ".join("-" * width for width in widths)
    return "\n".join([line(list(headers)), rule] + [line(row) for row in texts])


def printed_change(row: dict) -> str:
    """A final account's printed change in running costs, in 万元: '-28.46 (-5.70%)'."""
    change, rate = row["actual_operating_change_yuan"], row["actual_operating_change_rate"]
    if change is None:
        return ""
    return wan(change) + ("" if rate is None else f" ({rate}%)")

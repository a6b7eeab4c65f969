"""A printed percentage against the two amounts it relates, at the printed precision.

A share (占X%), a change rate (增长X%) or a completion rate (完成年初预算的X%)
relates two printed amounts, each rounded to its own last digit. The exact
quotient of the unrounded amounts lies in an interval (:func:`quotient_bounds`);
the printed percentage, rounded to its own last digit, stands for the
interval of half a digit around it. The two overlap: the percentage is right
('ok'). They overlap once the percentage is allowed one further unit of its
last digit (a truncation, 46.0 for 45.98 printed as 45.9): 'rounding', an
info finding. Anything else is 'broken'.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from .prose import PrintedAmount

HUNDRED = Decimal(100)


@dataclass(frozen=True)
class PrintedPercent:
    """A percentage as printed: its value and its place in the prose."""

    percent: Decimal
    start: int
    end: int

    @property
    def decimals(self) -> int:
        exponent = self.percent.as_tuple().exponent
        return -exponent if isinstance(exponent, int) and exponent < 0 else 0

    @property
    def half_step(self) -> Decimal:
        return Decimal(5).scaleb(-self.decimals - 1)

    @property
    def text(self) -> str:
        return f"{self.percent}%"


def quotient_bounds(
    numerator: Decimal, numerator_half: Decimal, denominator: Decimal, denominator_half: Decimal
) -> tuple[Decimal, Decimal] | None:
    """The range of 100 × numerator / denominator over the amounts' rounding; None for a base of 0."""
    low_base, high_base = denominator - denominator_half, denominator + denominator_half
    if low_base <= 0:
        return None
    low = HUNDRED * max(numerator - numerator_half, Decimal(0)) / high_base
    high = HUNDRED * (numerator + numerator_half) / low_base
    return low, high


def share_bounds(part: PrintedAmount, whole: PrintedAmount) -> tuple[Decimal, Decimal] | None:
    return quotient_bounds(part.yuan, part.half_step_yuan, whole.yuan, whole.half_step_yuan)


def outcome(printed: PrintedPercent, bounds: tuple[Decimal, Decimal]) -> str:
    """'ok', 'rounding' (one further unit of the last digit) or 'broken'."""
    low, high = bounds
    for reach, verdict in ((printed.half_step, "ok"), (3 * printed.half_step, "rounding")):
        if printed.percent + reach >= low and printed.percent - reach <= high:
            return verdict
    return "broken"


def recomputed(numerator: Decimal, denominator: Decimal, decimals: int) -> Decimal | None:
    """100 × numerator / denominator rounded half up to ``decimals`` places; None for a base of 0."""
    if denominator == 0:
        return None
    return (HUNDRED * numerator / denominator).quantize(
        Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP
    )

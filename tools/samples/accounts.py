"""The numbers of one final account, in yuan, table by table, before any layout.

Data modules (``seed_wuhan.py``, ``synthetic.py``, ``variants.py``) fill a
``FinalAccount``; ``tables.py`` turns it into printed tables and the expected
extraction. Amounts are ``Decimal`` yuan; a missing column key means zero.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

ZERO = Decimal("0")
WAN = Decimal("10000")
HUNDRED = Decimal(100)  # 0.01万元: the last digit a 万元 table prints


def wan(text: str) -> Decimal:
    """Yuan from an amount printed in 万元 ('243317.52' -> Decimal('2433175200.00'))."""
    return Decimal(text.replace(",", "")) * WAN if text.strip() else ZERO


# The value columns of the function tables, as the national forms print them (the
# keys of the extraction catalogue's columns); a budget's 05 and 07 print 05's.
FUNCTION_KEYS = {
    "02": ("total", "fiscal_appropriation", "superior_subsidy", "business_income", "operating_income", "affiliated_remittance", "other_income"),
    "03": ("total", "basic", "project", "remit_to_higher", "business", "subsidy_to_affiliates"),
    "05": ("total", "basic", "project"),
    "07": ("carryover_begin", "income", "total", "basic", "project", "carryover_end"),
}  # fmt: skip


def round_hundred(yuan: Decimal) -> Decimal:
    """``yuan`` to the nearest whole 100 yuan (0.01万元), as a 万元 table would print it."""
    return (yuan / HUNDRED).quantize(Decimal(1)) * HUNDRED


@dataclass
class FunctionLine:
    """A row of a function table: 'total' for 合计, else a 3/5/7-digit function code."""

    code: str
    name: str
    values: dict[str, Decimal] = field(default_factory=dict)

    @property
    def level(self) -> int:
        """0 for the 合计 row, 1 类, 2 款, 3 项."""
        return 0 if self.code == "total" else code_level(self.code)

    def get(self, key: str) -> Decimal:
        return self.values.get(key, ZERO)


@dataclass
class StatementLine:
    """A printed line of statement 01 or 04; ``label`` '' for an unlabelled line."""

    line_no: int
    label: str
    values: dict[str, Decimal] = field(default_factory=dict)


@dataclass
class EconomicLine:
    """A row of table 06: a 3-digit class or 5-digit section of the economic classification."""

    code: str
    name: str
    amount: Decimal = ZERO


def add_three_public_subtotals(items: dict[str, Decimal]) -> None:
    """Add the "三公" subtotals to the four items: vehicles (purchase + operation), total."""
    items["vehicles"] = items["vehicle_purchase"] + items["vehicle_operation"]
    items["total"] = items["overseas_travel"] + items["vehicles"] + items["official_reception"]


@dataclass
class ThreePublic:
    """Table 09: budget and actual per cost item (keys of catalogue.THREE_PUBLIC_ITEMS)."""

    budget: dict[str, Decimal]
    actual: dict[str, Decimal]


@dataclass
class FinalAccount:
    """All nine standard tables of one department's (or unit's) final account."""

    t01_income: list[StatementLine] = field(default_factory=list)
    t01_expenditure: list[StatementLine] = field(default_factory=list)
    t02: list[FunctionLine] = field(default_factory=list)  # first line is 'total'
    t03: list[FunctionLine] = field(default_factory=list)
    t04_income: list[StatementLine] = field(default_factory=list)
    t04_expenditure: list[StatementLine] = field(default_factory=list)
    t05: list[FunctionLine] = field(default_factory=list)
    t06_panels: list[list[EconomicLine]] = field(default_factory=list)
    t06_personnel_total: Decimal = ZERO
    t06_public_total: Decimal = ZERO
    t07: list[FunctionLine] = field(default_factory=list)  # [] when the table is empty
    t08: list[FunctionLine] = field(default_factory=list)
    t09: ThreePublic | None = None

    def line(self, table: list[FunctionLine], code: str) -> FunctionLine:
        for row in table:
            if row.code == code:
                return row
        raise KeyError(code)


def code_level(code: str) -> int:
    """1 for a 类 code (3 digits), 2 for 款 (5), 3 for 项 (7)."""
    return {3: 1, 5: 2, 7: 3}[len(code)]

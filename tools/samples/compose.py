"""Assemble the standard table set of a final account in the order a document prints it."""

from __future__ import annotations

from decimal import Decimal

from tools.samples.accounts import ZERO, FinalAccount, round_hundred
from tools.samples.blocks import TableBlock
from tools.samples.tables import (
    TableContext,
    economic_06,
    function_table,
    in_print_order,
    statement_01,
    statement_04,
    three_public_09,
)

NATIONAL_ORDER = ("01", "02", "03", "04", "05", "06", "07", "08", "09")
SHANGHAI_ORDER = ("01", "02", "03", "04", "05", "06", "09", "07", "08")  # "三公" printed seventh


def meetings_and_training(account: FinalAccount) -> dict[str, dict[str, Decimal]]:
    """会议费 / 培训费 beside the "三公" items: the actual is 06's 30215 / 30216, the budget 10% more."""
    actual = {
        key: sum((x.amount for p in account.t06_panels for x in p if x.code == code), ZERO)
        for key, code in (("meeting", "30215"), ("training", "30216"))
    }
    budget = {k: round_hundred(v * Decimal("1.1")) for k, v in actual.items()}
    return {"budget": budget, "actual": actual}


def table_blocks(
    ctx: TableContext,
    account: FinalAccount,
    *,
    order: tuple[str, ...] = NATIONAL_ORDER,
    break_before: dict[str, tuple[str, ...]] | None = None,
    no_data_declared: tuple[str, ...] = (),
    empty_notes: dict[str, list[str]] | None = None,
) -> list[TableBlock]:
    """The tables in ``order``; ``break_before`` forces page breaks before those function codes."""
    break_before = break_before or {}
    empty_notes = empty_notes or {}
    lines = {
        "02": account.t02,
        "03": account.t03,
        "05": account.t05,
        "07": account.t07,
        "08": account.t08,
    }

    def table_09(position: int) -> TableBlock:
        assert account.t09 is not None
        return three_public_09(ctx, position, account.t09, meetings_and_training(account))

    def function(code: str, position: int) -> TableBlock:
        return function_table(
            ctx,
            code,
            position,
            lines[code],
            break_before_codes=break_before.get(code, ()),
            empty_notes=empty_notes.get(code),
            declared_no_data=code in no_data_declared,
        )

    builders = {
        "01": lambda position: statement_01(ctx, position, account),
        "04": lambda position: statement_04(ctx, position, account),
        "06": lambda position: economic_06(ctx, position, account),
        "09": table_09,
    }
    return in_print_order(order, builders, function)

"""The seed sample: Wuhan Science and Technology Bureau, 2023 final account, as published.

Every number of tables 01-09 and every budget-execution sentence is the
published one, including the document's own inconsistencies (see
``KNOWN_INCONSISTENCIES``). Layout follows the original: cover, Part 1
overview, Part 2 tables, Part 3 explanations, Parts 4-6. The text is
``prose/seed_wuhan.toml``, the tables' numbers ``seed_wuhan_tables.py``.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from pipelines.extraction.catalogue import THREE_PUBLIC_ITEMS
from tools.samples import seed_wuhan_tables as t
from tools.samples.accounts import (
    FUNCTION_KEYS,
    EconomicLine,
    FinalAccount,
    FunctionLine,
    ThreePublic,
    wan,
)
from tools.samples.blocks import (
    Block,
    Paragraph,
)
from tools.samples.complete import cover, cover_year
from tools.samples.compose import table_blocks
from tools.samples.passages import execution, lines_to_blocks, passage, prose
from tools.samples.performance import seed_forms
from tools.samples.sample import SampleDocument
from tools.samples.statements import lines_01, lines_04
from tools.samples.style import TableStyle
from tools.samples.tables import TableContext

DEPARTMENT = "武汉市科学技术局"
REGION = "武汉市"
YEAR = 2023

KNOWN_INCONSISTENCIES = (
    "narrative 2060499 支出决算 113219.88 vs table 05 132145.98",
    "narrative 2060899 支出决算 3000 vs table 05 300.00",
    "narrative 三公 budget 28.65 vs table 09 total budget 15.67",
    "narrative 因公出国（境）费 budget 0 vs table 09 4.42",
    "narrative 2080506 completion 98.1% vs 109.20/119.30 = 91.5%",
)


def _function_lines(text: str, keys: Sequence[str]) -> list[FunctionLine]:
    lines = []
    for row in text.strip("\n").split("\n"):
        code, name, *cells = row.split("|")
        lines.append(
            FunctionLine(code, name, {k: wan(c) for k, c in zip(keys, cells, strict=True)})
        )
    return lines


def _economic_lines(text: str) -> list[EconomicLine]:
    lines = []
    for row in text.strip("\n").split("\n"):
        code, name, amount = row.split("|")
        lines.append(EconomicLine(code, name, wan(amount)))
    return lines


def _three_public(text: str) -> dict[str, Decimal]:
    return {k: wan(v) for k, v in zip(THREE_PUBLIC_ITEMS, text.split("|"), strict=True)}


def seed_account() -> FinalAccount:
    """Tables 01-09 of the seed in yuan."""
    account = FinalAccount(
        t02=_function_lines(t.T02, FUNCTION_KEYS["02"]),
        t03=_function_lines(t.T03, FUNCTION_KEYS["03"]),
        t05=_function_lines(t.T05, FUNCTION_KEYS["05"]),
        t06_panels=[
            _economic_lines(t.T06_PERSONNEL),
            _economic_lines(t.T06_GOODS),
            _economic_lines(t.T06_CAPITAL),
        ],
        t06_personnel_total=wan(t.T06_PERSONNEL_TOTAL),
        t06_public_total=wan(t.T06_PUBLIC_TOTAL),
        t09=ThreePublic(_three_public(t.T09_BUDGET), _three_public(t.T09_ACTUAL)),
    )
    account.t01_income, account.t01_expenditure = lines_01(
        {"fiscal_general": wan("243317.52"), "other_income": wan("296.70")},
        {"206": wan("242525.00"), "208": wan("841.45"), "210": wan("437.67"), "221": wan("640.51")},
        carry_begin=wan("830.41"),
    )
    general = {"206": "241457.84", "208": "781.50", "210": "437.67", "221": "640.51"}
    account.t04_income, account.t04_expenditure = lines_04(
        {"general_public_budget": wan("243317.52")},
        {code: {"general_public_budget": wan(v)} for code, v in general.items()},
        label_end_breakdown=False,
    )
    return account


def _executions() -> list[Block]:
    """The 20 '…（项）。年初预算为…' paragraphs, worded as published."""
    blocks: list[Block] = []
    for number, item in enumerate(prose("seed_wuhan")["executions"], start=1):
        sentence = execution(
            number,
            item["label"],
            code=item["code"],
            initial=wan(item["initial"]),
            final=wan(item["final"]),
            printed=(item["initial"], item["final"]),
            rate=item.get("rate"),
            reason=item.get("reason", ""),
            separator=item.get("separator", "，"),
        )
        blocks.append(Paragraph([sentence]))
    return blocks


def seed_blocks() -> list[Block]:
    """The whole seed document, cover to Part 6, as ``prose/seed_wuhan.toml`` outlines it."""
    ctx = TableContext(DEPARTMENT, YEAR, TableStyle(repeat_header=False))
    tables = table_blocks(
        ctx,
        seed_account(),
        break_before={"02": ("2210203",), "03": ("2210203",), "05": ("2210203",)},
    )
    inserts = {
        "cover": cover(DEPARTMENT, cover_year(YEAR)),
        "overview": lines_to_blocks(prose("seed_wuhan")["overview"]),
        "tables": tables,
        "executions": _executions(),
        "performance": seed_forms(prose("seed_wuhan")["performance"]),
    }
    return passage(prose("seed_wuhan")["outline"], inserts=inserts, amount=wan)


def seed_sample() -> SampleDocument:
    """The seed sample document, written to raw/."""
    return SampleDocument(
        file_name="wuhan-kjj-2023-final.pdf",
        department_name=DEPARTMENT,
        region=REGION,
        fiscal_year=YEAR,
        reporting_scope="department",
        unit="万元",
        blocks=seed_blocks(),
        traits=(
            "seed",
            "all nine tables",
            "narrative inconsistencies",
            "landscape 06",
            "12-column 09",
        ),
        known_inconsistencies=KNOWN_INCONSISTENCIES,
    )

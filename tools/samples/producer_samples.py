"""Sample documents made by real producers: LibreOffice Writer, LibreOffice Calc, Chromium.

Every final account is a complete document (``complete.py``): cover, contents,
Part 1, all nine tables, Part 3 and glossary; a Calc workbook holds the cover,
the contents and one sheet per table, no prose, as a spreadsheet export does.
The data are the synthetic department-years and budgets of ``raw/`` (same
accounts, same arithmetic); what changes is who makes the PDF and how the
document prints: unit, separators, zeros, code columns, numbering and wording,
the "三公" form, 06 panels and orientation, headers repeated or not on
continuation pages, a page holding only a table's last rows, 合计 at the
bottom, titles without the year, print order, radical look-alikes, running
header and page numbers, fonts. Each sample's ``traits`` name these in the
words of the quirk matrix (tests/unit/test_producer_samples.py). PDFs go to
``tests/fixtures/producers/``; their expected pages are read back from the
committed PDFs (``producers/expected_pages.py``).
"""

from __future__ import annotations

import copy
import dataclasses
from functools import cache

from tools.samples.blocks import Block, Heading, Paragraph, TableBlock
from tools.samples.budget import synthetic_budget_sample
from tools.samples.complete import break_rows, complete_final_account, with_contents
from tools.samples.compose import NATIONAL_ORDER, SHANGHAI_ORDER
from tools.samples.departments import (
    EDUCATION,
    HEALTH,
    STATISTICS,
    TRANSPORT,
    DepartmentProfile,
)
from tools.samples.producers import PrintSetup
from tools.samples.sample import SampleDocument
from tools.samples.style import TableStyle

NOTO_SERIF = "Noto Serif CJK SC"
NOTO_SANS = "Noto Sans CJK SC"
WENQUANYI = "WenQuanYi Zen Hei"

NUMBERING_TRAITS = {
    "gongkai": "公开NN表 numbering",
    "chinese": "表一 numbering",
    "arabic": "表1 numbering",
    "none": "no table numbers",
}
OLDER = {  # the older forms: 类|款|项 columns, 元, 表1, 科目编码, no repeated header
    "unit": "元",
    "zero": "-",
    "split_codes": True,
    "numbering": "arabic",
    "repeat_header": False,
    "old_wording": True,
    "panels_06": 2,
    "form_09": "6col",
}
SHANGHAI_LOOK = {  # with the Shanghai print order: 合计 at the bottom, titles without the year
    "total_at_bottom": True,
    "year_in_title": False,
    "zero": "—",
    "landscape_06": False,
}


def _traits(
    producer: str,
    setup: PrintSetup,
    style: TableStyle,
    blocks: list[Block],
    order: tuple[str, ...],
    rows_breaks: dict[str, set[int]],
    radicals: bool,
) -> tuple[str, ...]:
    """What a producer sample prints, in the words of the quirk matrix (test_producer_samples)."""
    tables = [b.expected for b in blocks if isinstance(b, TableBlock) and b.expected is not None]
    declared = [t.table_code for t in tables if t.is_empty]
    header = "header repeated" if style.repeat_header else "without header"
    traits = [
        f"producer {producer}",
        f"font {setup.font}",
        "complete document",
        "cover and contents",
        "tables only (a workbook)" if producer == "calc" else "Part 1 and Part 3 narrative",
    ]
    if setup.running_header:
        traits.append("running header")
    if setup.page_numbers:
        traits.append(f"page numbers {setup.page_numbers}")
    traits += [
        "header repeated on continuation pages"
        if style.repeat_header
        else "continuation pages without header",
        f"unit {style.unit}",
        f"zero as {style.zero!r}",
        "thousands separators" if style.thousands else "no separators",
        NUMBERING_TRAITS[style.numbering],
        f"06 in {style.panels_06} panels",
        "06 landscape" if style.landscape_06 else "06 portrait",
        f"09 {style.form_09}",
    ]
    for code, rows in sorted(rows_breaks.items()):
        if any(r < 0 for r in rows):
            traits.append(f"last rows alone on a page ({code})")
        if code in ("01", "04") and any(r >= 0 for r in rows):
            traits.append(f"{code} over two pages, {header}")
    if style.split_codes:
        traits.append("类|款|项 columns")
    if style.old_wording:
        traits.append("older wording (科目编码, 用事业基金弥补收支差额)")
    if style.total_at_bottom:
        traits.append("合计 at the bottom")
    if not style.year_in_title:
        traits.append("titles without year")
    if order == SHANGHAI_ORDER:
        traits.append("Shanghai order (三公 printed seventh)")
    if declared:
        traits.append(" and ".join(declared) + " declared 本表无数据")
    if radicals:
        traits.append("radical look-alikes ⻔ ⻋")
    return tuple(traits)


def _final(
    producer: str,
    profile: DepartmentProfile,
    year: int,
    setup: PrintSetup,
    style: TableStyle,
    *,
    order: tuple[str, ...] = NATIONAL_ORDER,
    break_codes: dict[str, tuple[str, ...]] | None = None,
    rows_breaks: dict[str, set[int]] | None = None,
    radicals: bool = False,
) -> SampleDocument:
    """A complete final account of ``profile`` for ``year``, made by ``producer`` in ``style``.

    A workbook (Calc) holds the cover, the contents and one sheet per table, no prose.
    """
    profile, blocks = complete_final_account(
        profile,
        year,
        style,
        order=order,
        break_codes=break_codes,
        rows_breaks=rows_breaks,
        narrative=producer != "calc",
    )
    return SampleDocument(
        file_name=f"{producer}-{profile.slug}-{year}-final.pdf",
        department_name=profile.name,
        region=profile.region,
        fiscal_year=year,
        reporting_scope="department",
        unit=style.unit,
        blocks=blocks,
        folder="producers",
        traits=_traits(producer, setup, style, blocks, order, rows_breaks or {}, radicals),
        radicals=radicals,
        producer=producer,
        setup=setup,
    )


def _budget(
    producer: str, profile: DepartmentProfile, year: int, setup: PrintSetup, breaks: dict
) -> SampleDocument:
    """The budget of a ``raw/`` department-year, made by ``producer``, with a contents page."""
    source = synthetic_budget_sample(profile, year)
    blocks = copy.deepcopy(source.blocks)
    tables = [b for b in blocks if isinstance(b, TableBlock)]
    break_rows(tables, breaks)
    return dataclasses.replace(
        source,
        file_name=f"{producer}-{source.file_name}",
        blocks=with_contents(blocks),
        folder="producers",
        traits=(f"producer {producer}", f"font {setup.font}", *source.traits, "contents page"),
        producer=producer,
        setup=setup,
        _cache={},
    )


def _calc_blocks(sample: SampleDocument) -> SampleDocument:
    """A workbook holds the cover, the contents and the tables; the prose stays in Word."""
    blocks = sample.blocks
    end = next(i for i, b in enumerate(blocks) if isinstance(b, Heading) and b.text == "目录")
    end += 1
    while end < len(blocks) and isinstance(blocks[end], Paragraph):
        end += 1
    tables = [b for b in blocks[end:] if isinstance(b, TableBlock)]
    return dataclasses.replace(sample, blocks=[*blocks[:end], *tables], _cache={})


def _header(profile: DepartmentProfile, year: int, kind: str = "决算") -> str:
    return f"{profile.name}{year}年度部门{kind}公开"


@cache
def producer_samples() -> tuple[SampleDocument, ...]:
    """Every producer sample, written to tests/fixtures/producers/.

    Per producer: the national form with headers repeated (01, 04 and 06 over two
    pages); the older forms without repeated headers; the item-major and the
    会议费/培训费 "三公" tables; the Shanghai print order with 合计 at the bottom,
    titles without the year, a page holding only a table's last rows and radical
    look-alikes; a budget.
    """
    national_breaks = {
        "break_codes": {"05": ("208",), "02": ("210",)},
        "rows_breaks": {"01": {18}, "04": {18}, "06": {14}},
    }
    older_breaks = {
        "break_codes": {"02": ("208",), "03": ("210",)},
        "rows_breaks": {"01": {20}, "04": {20}, "06": {10}},
    }
    shanghai = {"order": SHANGHAI_ORDER, "radicals": True}
    samples: list[SampleDocument] = [
        # -- LibreOffice Writer ------------------------------------------------------------------
        _final(
            "writer",
            EDUCATION,
            2022,
            PrintSetup(NOTO_SERIF, _header(EDUCATION, 2022), "dash"),
            TableStyle(repeat_header=True),
            **national_breaks,
        ),
        _final(
            "writer",
            STATISTICS,
            2023,
            PrintSetup(WENQUANYI, _header(STATISTICS, 2023), "di"),
            TableStyle(**OLDER, thousands=True, landscape_06=False),
            **older_breaks,
        ),
        _final(
            "writer",
            HEALTH,
            2021,
            PrintSetup(NOTO_SANS, "", "dash"),
            TableStyle(zero="0.00", thousands=True, form_09="items"),
            rows_breaks={"09": {3}},
        ),
        _final(
            "writer",
            TRANSPORT,
            2021,
            PrintSetup(WENQUANYI, "", ""),
            TableStyle(form_09="meetings", numbering="chinese"),
        ),
        _final(
            "writer",
            HEALTH,
            2022,
            PrintSetup(NOTO_SERIF, _header(HEALTH, 2022), "di"),
            TableStyle(numbering="none", **SHANGHAI_LOOK),
            rows_breaks={"05": {-3}},
            **shanghai,
        ),
        _budget(
            "writer",
            TRANSPORT,
            2022,
            PrintSetup(NOTO_SERIF, _header(TRANSPORT, 2022, "预算"), "dash"),
            {"01": {16}},
        ),
        # -- LibreOffice Calc ----------------------------------------------------------------------
        _final(
            "calc",
            EDUCATION,
            2023,
            PrintSetup(WENQUANYI, _header(EDUCATION, 2023), "di", body_size=11),
            TableStyle(repeat_header=True, thousands=True),
            **national_breaks,
        ),
        _final(
            "calc",
            STATISTICS,
            2022,
            PrintSetup(NOTO_SANS, _header(STATISTICS, 2022), "dash", body_size=11),
            TableStyle(**OLDER),
            **older_breaks,
        ),
        _final(
            "calc",
            HEALTH,
            2022,
            PrintSetup(WENQUANYI, "", "di", body_size=11),
            TableStyle(zero="0.00", form_09="items", repeat_header=True),
            rows_breaks={"09": {2}},
        ),
        _final(
            "calc",
            TRANSPORT,
            2023,
            PrintSetup(NOTO_SANS, "", "di", body_size=11),
            TableStyle(form_09="meetings", thousands=True, zero="-"),
        ),
        _final(
            "calc",
            HEALTH,
            2021,
            PrintSetup(WENQUANYI, _header(HEALTH, 2021), "dash", body_size=11),
            TableStyle(numbering="chinese", panels_06=2, **SHANGHAI_LOOK),
            rows_breaks={"02": {-3}},
            **shanghai,
        ),
        _calc_blocks(
            _budget(
                "calc",
                HEALTH,
                2023,
                PrintSetup(WENQUANYI, "", "di", body_size=11),
                {"01": {12}, "02": {10}},
            )
        ),
        # -- Chromium --------------------------------------------------------------------------------
        _final(
            "chromium",
            HEALTH,
            2023,
            PrintSetup(WENQUANYI, _header(HEALTH, 2023), "dash"),
            TableStyle(repeat_header=True, zero="0.00", numbering="none"),
            **national_breaks,
        ),
        _final(
            "chromium",
            TRANSPORT,
            2022,
            PrintSetup(WENQUANYI, _header(TRANSPORT, 2022), "di"),
            TableStyle(**OLDER, thousands=True),
            **older_breaks,
        ),
        _final(
            "chromium",
            STATISTICS,
            2021,
            PrintSetup(NOTO_SANS, "", "dash"),
            TableStyle(form_09="items", zero="-"),
            rows_breaks={"09": {4}},
        ),
        _final(
            "chromium",
            EDUCATION,
            2021,
            PrintSetup(WENQUANYI, "", ""),
            TableStyle(form_09="meetings", thousands=True),
        ),
        _final(
            "chromium",
            HEALTH,
            2022,
            PrintSetup(WENQUANYI, _header(HEALTH, 2022), "di"),
            TableStyle(numbering="chinese", **SHANGHAI_LOOK),
            rows_breaks={"05": {-3}},
            **shanghai,
        ),
        _budget(
            "chromium",
            EDUCATION,
            2022,
            PrintSetup(WENQUANYI, _header(EDUCATION, 2022, "预算"), "dash"),
            {"01": {16}, "04": {16}},
        ),
    ]
    return tuple(samples)

"""The passages the sample generator reads its prose from (tools/samples/passages.py)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from tools.samples.blocks import Heading, PageBreak, Paragraph
from tools.samples.passages import PROSE_DIR, passage, prose

YUAN = Decimal("1234500")  # 123.45万元


def test_texts_are_templates_and_amounts_print_in_wan() -> None:
    blocks = passage(
        [
            {"part": "第一部分  {name}概况"},
            {"heading": "一、{y}年"},
            {"paragraph": "合计{total}万元"},
        ],
        {"name": "某局", "y": 2023, "total": YUAN},
    )
    assert isinstance(blocks[0], PageBreak)
    assert [b.text for b in blocks if isinstance(b, Heading)] == [
        "第一部分  某局概况",
        "一、2023年",
    ]
    paragraph = blocks[-1]
    assert isinstance(paragraph, Paragraph)
    assert paragraph.sentences[0].text == "合计123.45万元"


def test_sentences_carry_the_figures_they_restate() -> None:
    entry = {
        "sentences": [
            {"text": "收入{income_total}万元，", "figures": ["income_total"]},
            {"text": "其中{part}万元。", "figures": {"class:{code}": "part"}},
        ]
    }
    [paragraph] = passage([entry], {"income_total": YUAN, "part": Decimal(100), "code": "206"})
    figures = [f for s in paragraph.sentences for f in s.figures]
    assert [(f.figure_key, f.amount_yuan) for f in figures] == [
        ("income_total", YUAN),
        ("class:206", Decimal(100)),
    ]
    assert figures[1].sentence == "其中0.01万元。"


def test_when_unless_and_each() -> None:
    entries = [
        {"paragraph": "有", "when": "fund"},
        {"paragraph": "无", "unless": "fund"},
        {"paragraph": "{n}.{item}", "each": "duties"},
    ]
    blocks = passage(entries, {"fund": False, "duties": ["甲", "乙"]})
    assert [b.sentences[0].text for b in blocks] == ["无", "1.甲", "2.乙"]


def test_inserts_and_printed_amounts() -> None:
    table = Heading("表")
    entries = [{"insert": "tables"}, {"sentences": [{"text": "八万元", "figures": {"k": "8.00"}}]}]
    blocks = passage(entries, inserts={"tables": [table]}, amount=lambda text: Decimal(text))
    assert blocks[0] is table
    assert blocks[1].sentences[0].figures[0].amount_yuan == Decimal("8.00")


def test_an_entry_that_prints_nothing_is_an_error() -> None:
    with pytest.raises(ValueError, match="prints nothing"):
        passage([{"headline": "?"}])


@pytest.mark.parametrize("name", sorted(p.stem for p in PROSE_DIR.glob("*.toml")))
def test_every_prose_file_reads(name: str) -> None:
    assert prose(name)

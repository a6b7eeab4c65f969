"""Charts as inline SVG, drawn here: they render offline, in any browser, with no script.

Bar lengths are computed in floating point: they are pixels, not money; the
labels beside them print the exact amounts.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from html import escape

BUDGET_COLOUR = "#9ab7d3"
FINAL_COLOUR = "#1f5f99"
FONT = "11px"


@dataclass(frozen=True)
class Bar:
    value: Decimal | None
    label: str  # the amount as shown
    href: str | None = None  # the source document and page
    tooltip: str = ""


@dataclass(frozen=True)
class BarGroup:
    name: str
    bars: tuple[Bar, ...]  # in the order of the chart's series


def _link(element: str, href: str | None) -> str:
    return f'<a href="{escape(href)}" target="_blank">{element}</a>' if href else element


def grouped_bars(
    groups: list[BarGroup], series: list[tuple[str, str]], title: str, label_width: int = 230
) -> str:
    """Horizontal bars, one group per category (a function class, a year), one bar per series.

    ``series`` is (name, colour) per bar of a group. Each bar links to where
    its figure is printed, and says it in its tooltip.
    """
    bar_height, gap, chart_width, value_width = 14, 10, 420, 110
    largest = max(
        (abs(bar.value) for group in groups for bar in group.bars if bar.value is not None),
        default=Decimal(0),
    )
    group_height = bar_height * len(series) + gap
    legend_height = 22
    height = legend_height + group_height * len(groups) + gap
    width = label_width + chart_width + value_width
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" class="chart" '
        f'width="{width}" height="{height}" viewBox="0 0 {width} {height}" '
        f'font-size="{FONT}"><title>{escape(title)}</title>'
    ]
    x = label_width
    for name, colour in series:
        parts.append(
            f'<rect x="{x}" y="4" width="12" height="12" fill="{colour}"/>'
            f'<text x="{x + 16}" y="14">{escape(name)}</text>'
        )
        x += 16 + 12 * len(name) + 24
    y = legend_height
    for group in groups:
        parts.append(
            f'<text x="{label_width - 8}" y="{y + bar_height * len(series) / 2 + 4:.1f}" '
            f'text-anchor="end">{escape(group.name)}</text>'
        )
        for (series_name, colour), bar in zip(series, group.bars, strict=True):
            length = float(abs(bar.value) / largest) * chart_width if bar.value and largest else 0
            rect = (
                f'<rect x="{label_width}" y="{y}" width="{max(length, 0.5):.1f}" '
                f'height="{bar_height - 2}" fill="{colour}">'
                f"<title>{escape(series_name)}: {escape(bar.label)} {escape(bar.tooltip)}</title>"
                "</rect>"
            )
            text = (
                f'<text x="{label_width + length + 4:.1f}" y="{y + bar_height - 4}" '
                f'class="bar-value">{escape(bar.label)}</text>'
            )
            parts.append(_link(rect + text, bar.href))
            y += bar_height
        y += gap
    parts.append("</svg>")
    return "".join(parts)

"""Font-independent text measurement and line wrapping.

Layout uses these estimates rather than the embedded font's metrics, so the
pages every table row lands on (and thus the expected data) do not depend on
which CJK font draws them. The estimates are at least as wide as WenQuanYi
Zen Hei's glyphs, so text never overflows its cell.
"""

from __future__ import annotations

import unicodedata

_UNBREAKABLE = set("0123456789.,%-+")
_CLOSING = set("，。、；：？！）》」”%")  # never start a line with these


def char_width(char: str, size: float) -> float:
    """Estimated advance width of one character at ``size`` points."""
    if unicodedata.east_asian_width(char) in ("W", "F", "A"):
        return size
    if char.isupper():
        return size * 0.85
    return size * 0.62


def text_width(text: str, size: float) -> float:
    """Estimated width of ``text`` at ``size`` points."""
    return sum(char_width(c, size) for c in text)


def _tokens(text: str) -> list[str]:
    """Split into breakable units: one CJK character, or a run of digits and number signs."""
    tokens: list[str] = []
    for char in text:
        if tokens and char in _UNBREAKABLE and tokens[-1][-1] in _UNBREAKABLE:
            tokens[-1] += char
        else:
            tokens.append(char)
    return tokens


def wrap(text: str, width: float, size: float, first_width: float | None = None) -> list[str]:
    """Greedy wrap of ``text`` into lines no wider than ``width``; '\\n' forces a break.

    ``first_width`` narrows the first line (a paragraph's indent). Numbers are
    never split across lines, as word processors keep them whole. Joining the
    lines (plus the removed '\\n') gives back ``text``.
    """
    lines: list[str] = []
    limit = width if first_width is None else first_width
    for chunk in text.split("\n"):
        line = ""
        for token in _tokens(chunk):
            if line and token not in _CLOSING and text_width(line + token, size) > limit:
                lines.append(line)
                limit = width
                line = token
            else:
                line += token
        lines.append(line)
        limit = width
    return lines

"""Find and register the CJK TrueType font the sample PDFs embed.

pdfminer (under pdfplumber) cannot read CFF-flavoured CJK fonts, so the
samples embed a TrueType font: Debian's WenQuanYi Zen Hei by default, or the
file named by the ``FISCAL_CJK_FONT`` environment variable.
"""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

FONT_NAME = "SampleCJK"
FONT_ENV_VAR = "FISCAL_CJK_FONT"
DEFAULT_FONT_PATHS = (
    Path("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"),
    Path("/usr/share/fonts/wqy-zenhei/wqy-zenhei.ttc"),
)


class CJKFontMissing(RuntimeError):
    """No usable CJK TrueType font was found."""


def find_cjk_font() -> Path:
    """The font file to embed: ``$FISCAL_CJK_FONT`` if set, else the first default that exists."""
    override = os.environ.get(FONT_ENV_VAR)
    if override:
        path = Path(override)
        if not path.is_file():
            raise CJKFontMissing(f"{FONT_ENV_VAR}={override} does not name a file")
        return path
    for path in DEFAULT_FONT_PATHS:
        if path.is_file():
            return path
    tried = ", ".join(str(p) for p in DEFAULT_FONT_PATHS)
    raise CJKFontMissing(
        f"no CJK TrueType font found (tried {tried}); install fonts-wqy-zenhei "
        f"or set {FONT_ENV_VAR} to a .ttf/.ttc file with CJK glyphs"
    )


def is_default_font() -> bool:
    """True when the samples would be drawn with the font the committed PDFs used."""
    try:
        return find_cjk_font() == DEFAULT_FONT_PATHS[0]
    except CJKFontMissing:
        return False


@cache
def register_cjk_font() -> str:
    """Register the CJK font with reportlab once and return its reportlab name."""
    path = find_cjk_font()
    pdfmetrics.registerFont(TTFont(FONT_NAME, str(path), subfontIndex=0))
    return FONT_NAME

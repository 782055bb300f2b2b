"""Thai typefaces for rendering, scaled to look like TH Sarabun at the same point size.

Laksaman (fonts-tlwg-laksaman) is metric-compatible with TH Sarabun; every other face is scaled so its
consonant height matches Laksaman's, so "16 pt" means the same visible size in every document.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from PIL import ImageFont

TLWG = Path("/usr/share/fonts/truetype/tlwg")
# family -> (regular file, bold file, weight of being chosen)
FAMILIES: dict[str, tuple[str, str, float]] = {
    "Laksaman": ("Laksaman.ttf", "Laksaman-Bold.ttf", 5.0),
    "Garuda": ("Garuda.ttf", "Garuda-Bold.ttf", 1.5),
    "Kinnari": ("Kinnari.ttf", "Kinnari-Bold.ttf", 1.5),
    "Norasi": ("Norasi.ttf", "Norasi-Bold.ttf", 1.5),
    "Umpush": ("Umpush.ttf", "Umpush-Bold.ttf", 1.0),
    "Loma": ("Loma.ttf", "Loma-Bold.ttf", 1.0),
}
_REFERENCE = "Laksaman"


def available_families() -> list[str]:
    """Families whose regular and bold files exist, in a fixed order."""
    return [f for f, (r, b, _w) in FAMILIES.items() if (TLWG / r).is_file() and (TLWG / b).is_file()]


@cache
def _truetype(path: str, px: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(path, px, layout_engine=ImageFont.Layout.RAQM)


@cache
def _consonant_height(path: str) -> float:
    box = _truetype(path, 200).getbbox("กขคมนบ")
    return float(box[3] - box[1])


@dataclass(frozen=True)
class FontSet:
    """One document's typeface: fonts by point size at the document's dpi."""

    family: str
    dpi: int

    def px(self, pt: float) -> int:
        """Pixel size handed to FreeType for ``pt`` points (scaled to Laksaman's look)."""
        reg = str(TLWG / FAMILIES[self.family][0])
        ref = str(TLWG / FAMILIES[_REFERENCE][0])
        scale = _consonant_height(ref) / _consonant_height(reg)
        return max(6, round(pt * self.dpi / 72 * scale))

    def em(self, pt: float) -> float:
        """One em of Laksaman at ``pt`` points, in pixels: the unit for line pitch and spacing."""
        return pt * self.dpi / 72

    def font(self, pt: float, bold: bool = False) -> ImageFont.FreeTypeFont:
        regular, boldf, _w = FAMILIES[self.family]
        return _truetype(str(TLWG / (boldf if bold else regular)), self.px(pt))

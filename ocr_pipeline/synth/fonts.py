"""Thai typefaces for rendering, scaled to look like TH Sarabun at the same point size.

Laksaman (fonts-tlwg-laksaman) is metric-compatible with TH Sarabun; every other face is scaled so its
consonant height matches Laksaman's, so "16 pt" means the same visible size in every document.

Two engines draw them: ``pillow`` (the standard corpus: Pillow with raqm, at the scan's own resolution)
and ``pango`` (``pango_text``: a word processor's output at printer resolution, then printed and scanned).
``OTHER_FAMILIES`` are faces unlike the standard corpus's, for the worn corpus (``--font``): Noto Serif Thai
(fonts-noto-core), which the digit reader's model never saw (``scripts/train_digit_reader.py`` holds it
out), and Angsana New, the government's typeface before 2010 and so the print of most archived reports,
which the model is trained on since its old-style ๙ was found unreadable (``scripts/fetch_training_fonts.sh``
puts it in ``.cache/training-fonts/``).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from PIL import ImageFont

TLWG = Path("/usr/share/fonts/truetype/tlwg")
NOTO = Path("/usr/share/fonts/truetype/noto")
FETCHED = Path(__file__).resolve().parent.parent.parent / ".cache" / "training-fonts"
# family -> (regular file, bold file, weight of being chosen)
FAMILIES: dict[str, tuple[str, str, float]] = {
    "Laksaman": ("Laksaman.ttf", "Laksaman-Bold.ttf", 5.0),
    "Garuda": ("Garuda.ttf", "Garuda-Bold.ttf", 1.5),
    "Kinnari": ("Kinnari.ttf", "Kinnari-Bold.ttf", 1.5),
    "Norasi": ("Norasi.ttf", "Norasi-Bold.ttf", 1.5),
    "Umpush": ("Umpush.ttf", "Umpush-Bold.ttf", 1.0),
    "Loma": ("Loma.ttf", "Loma-Bold.ttf", 1.0),
}
# faces unlike the standard corpus's -> (regular file, bold file or None: bold is synthesised)
OTHER_FAMILIES: dict[str, tuple[Path, Path | None]] = {
    "Noto Serif Thai": (NOTO / "NotoSerifThai-Regular.ttf", NOTO / "NotoSerifThai-Bold.ttf"),
    "Angsana New": (FETCHED / "AngsanaNew.ttf", None),
}
ENGINES = ("pillow", "pango")
_REFERENCE = "Laksaman"


def available_families() -> list[str]:
    """Families whose regular and bold files exist, in a fixed order."""
    return [f for f, (r, b, _w) in FAMILIES.items() if (TLWG / r).is_file() and (TLWG / b).is_file()]


def font_files(family: str) -> tuple[Path, Path | None]:
    """(regular, bold or None) files of ``family``; a missing file is an error that says what to do."""
    if family in FAMILIES:
        regular, bold, _w = FAMILIES[family]
        files: tuple[Path, Path | None] = (TLWG / regular, TLWG / bold)
    elif family in OTHER_FAMILIES:
        files = OTHER_FAMILIES[family]
    else:
        raise ValueError(f"unknown font family {family!r}; choose one of {', '.join([*FAMILIES, *OTHER_FAMILIES])}")
    if not files[0].is_file():
        hint = "bash scripts/fetch_training_fonts.sh" if files[0].parent == FETCHED else "bash scripts/setup.sh"
        raise FileNotFoundError(f"font file {files[0]} of {family} is missing; run {hint}")
    return files


@cache
def _truetype(path: str, px: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(path, px, layout_engine=ImageFont.Layout.RAQM)


@cache
def _consonant_height(path: str) -> float:
    box = _truetype(path, 200).getbbox("กขคมนบ")
    return float(box[3] - box[1])


@dataclass(frozen=True)
class FontSet:
    """One document's typeface: fonts by point size at the document's dpi, drawn by ``engine``."""

    family: str
    dpi: int
    engine: str = "pillow"
    bold: bool = False  # every text bold (a document printed all in bold)

    def _scale(self) -> float:
        reg = str(font_files(self.family)[0])
        return _consonant_height(str(TLWG / FAMILIES[_REFERENCE][0])) / _consonant_height(reg)

    def px(self, pt: float) -> int:
        """Pixel size handed to FreeType for ``pt`` points (scaled to Laksaman's look)."""
        return max(6, round(pt * self.dpi / 72 * self._scale()))

    def em(self, pt: float) -> float:
        """One em of Laksaman at ``pt`` points, in pixels: the unit for line pitch and spacing."""
        return pt * self.dpi / 72

    def font(self, pt: float, bold: bool = False):
        """A Pillow font, or a ``PangoFace`` with the same ``getlength`` in the ``pango`` engine."""
        regular, boldf = font_files(self.family)
        bold = bold or self.bold
        if self.engine == "pango":
            from ocr_pipeline.synth.pango_text import PangoFace, add_font_file

            if self.family in OTHER_FAMILIES:
                add_font_file(str(regular))
                if boldf:
                    add_font_file(str(boldf))
            return PangoFace(self.family, pt * self.dpi / 72 * self._scale(), bold)
        return _truetype(str(boldf if bold and boldf else regular), self.px(pt))

"""Text set the way a word processor prints it: Pango (HarfBuzz shaping, the font's own GPOS mark
placement and kerning) on cairo, unhinted outlines at printer resolution, justified lines stretched by
spacing between grapheme clusters as Thai "distributed" alignment does.

A ``PangoFace`` is what ``FontSet.font()`` hands the layout code in print mode: it measures
(``getlength``) like a Pillow font, so wrapping and layout are shared, and ``draw`` puts a line on a cairo
context. Fonts are found through fontconfig; a font file outside fontconfig's folders (Angsana New, from
``scripts/fetch_training_fonts.sh``) is added to it with ``add_font_file`` before the first use.
"""

from __future__ import annotations

import ctypes
import ctypes.util
from dataclasses import dataclass
from functools import cache, lru_cache

import cairocffi as cairo
import pangocairocffi
import pangocffi

_MAX_SPREAD_EM = 0.12  # a justified line is stretched by at most this much per cluster gap, else left as set


@cache
def add_font_file(path: str) -> None:
    """Make a font file known to fontconfig (and so to Pango) in this process."""
    name = ctypes.util.find_library("fontconfig")
    if not name:
        raise RuntimeError("fontconfig is not installed (apt-get install fontconfig)")
    lib = ctypes.CDLL(name)
    lib.FcConfigAppFontAddFile.argtypes = [ctypes.c_void_p, ctypes.c_char_p]
    if not lib.FcConfigAppFontAddFile(None, path.encode()):
        raise RuntimeError(f"fontconfig could not load {path}")


@cache
def _font_options() -> cairo.FontOptions:
    """Printer text: outlines as drawn (no hinting, no metric rounding), grey anti-aliasing."""
    fo = cairo.FontOptions()
    fo.set_hint_style(cairo.HINT_STYLE_NONE)
    fo.set_hint_metrics(cairo.HINT_METRICS_OFF)
    fo.set_antialias(cairo.ANTIALIAS_GRAY)
    return fo


def _layout(ctx: cairo.Context, face: PangoFace, text: str) -> pangocffi.Layout:
    ctx.set_font_options(_font_options())  # the layout's Pango context takes them from the cairo context
    layout = pangocairocffi.create_layout(ctx)
    fd = pangocffi.FontDescription()
    fd.family = face.family
    fd.weight = pangocffi.Weight.BOLD if face.bold else pangocffi.Weight.NORMAL
    fd.set_absolute_size(pangocffi.units_from_double(face.px))
    layout.font_description = fd
    layout.text = text
    return layout


@lru_cache(maxsize=1)
def _measure_context() -> cairo.Context:
    return cairo.Context(cairo.ImageSurface(cairo.FORMAT_A8, 1, 1))


@dataclass(frozen=True)
class PangoFace:
    """One family, weight and pixel size (the em, as FreeType's pixel size)."""

    family: str
    px: float
    bold: bool = False

    def getlength(self, text: str) -> float:
        """Advance width of ``text`` in pixels (Pillow's ``getlength``)."""
        return _width(self, text)

    def draw(self, ctx: cairo.Context, x: float, baseline: float, text: str, justify: float = 0.0) -> None:
        """Set ``text`` with its baseline at ``baseline``; ``justify`` > 0 stretches it to that width."""
        layout = _layout(ctx, self, text)
        if justify > 0:
            natural = self.getlength(text)
            gaps = max(1, _clusters(layout) - 1)
            spread = (justify - natural) / gaps
            if 0 < spread <= _MAX_SPREAD_EM * self.px:
                attrs = pangocffi.AttrList()
                units = pangocffi.units_from_double(spread)
                attrs.insert(pangocffi.Attribute.from_letter_spacing(units, 0, len(text.encode("utf-8"))))
                layout.attributes = attrs
        pangocairocffi.update_layout(ctx, layout)
        ctx.move_to(x, baseline - pangocffi.units_to_double(layout.get_baseline()))
        pangocairocffi.show_layout(ctx, layout)


@lru_cache(maxsize=50000)
def _width(face: PangoFace, text: str) -> float:
    layout = _layout(_measure_context(), face, text)
    _ink, logical = layout.get_extents()
    return pangocffi.units_to_double(logical.width)


def _clusters(layout: pangocffi.Layout) -> int:
    it = layout.get_iter()
    n = 1
    while it.next_cluster():
        n += 1
    return n

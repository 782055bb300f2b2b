"""Coordinates: the prepared image the OCR read -> the page image as loaded -> the PDF page.

Every map is a 3x3 affine matrix acting on column vectors ``(x, y, 1)``, so maps compose by
multiplication and one matrix can be handed to SVG (``matrix(a b c d e f)``) or PDF (``cm``).
"""

from __future__ import annotations

import cv2
import numpy as np

from ocr_pipeline.model import Page, PageGeometry


def _affine(m2x3) -> np.ndarray:
    return np.vstack([np.asarray(m2x3, dtype=np.float64), [0.0, 0.0, 1.0]])


def page_geometry(page: Page) -> PageGeometry:
    """The page's geometry; only scanned pages have one."""
    if page.geometry is None:
        raise ValueError(f"page {page.number} has no image geometry (not a scan)")
    return page.geometry


def prepared_to_source(page: Page) -> np.ndarray:
    """Prepared pixels -> source pixels: undo the deskew (a turn about the prepared image's centre,
    as ``layout.preprocess.deskew`` made it), then the upscaling."""
    g = page_geometry(page)
    turn = _affine(cv2.getRotationMatrix2D((page.width / 2, page.height / 2), -g.skew, 1.0))
    return np.diag([1 / g.scale, 1 / g.scale, 1.0]) @ np.linalg.inv(turn)


def source_to_pdf(source_size: tuple[int, int], mediabox: tuple[float, float, float, float], rotate: int) -> np.ndarray:
    """Source pixels (the page rendered upright, y down) -> PDF user space of a page with this
    MediaBox and /Rotate (what poppler renders: the MediaBox, turned clockwise by /Rotate)."""
    x0, y0, x1, y1 = mediabox
    mw, mh = x1 - x0, y1 - y0
    rotate %= 360
    vw, vh = (mh, mw) if rotate in (90, 270) else (mw, mh)
    sw, sh = source_size
    to_view = np.array([[vw / sw, 0, 0], [0, -vh / sh, vh], [0, 0, 1]], dtype=np.float64)  # y up, upright
    view_to_user = {
        0: [[1, 0, 0], [0, 1, 0]],
        90: [[0, -1, mw], [1, 0, 0]],
        180: [[-1, 0, mw], [0, -1, mh]],
        270: [[0, 1, 0], [-1, 0, mh]],
    }[rotate]
    shift = np.array([[1, 0, x0], [0, 1, y0], [0, 0, 1]], dtype=np.float64)
    return shift @ _affine(view_to_user) @ to_view


def points(xy: list[tuple[float, float]], matrix: np.ndarray) -> list[tuple[float, float]]:
    """Points after ``matrix``."""
    pts = np.array([[x for x, _ in xy], [y for _, y in xy], [1.0] * len(xy)], dtype=np.float64)
    out = matrix @ pts
    return [(float(x), float(y)) for x, y in zip(out[0], out[1])]


def svg_matrix(matrix: np.ndarray) -> str:
    """The matrix as SVG's ``matrix(a b c d e f)``."""
    a, c, e = matrix[0]
    b, d, f = matrix[1]
    return "matrix(" + " ".join(f"{v:.6g}" for v in (a, b, c, d, e, f)) + ")"


def pdf_cm(matrix: np.ndarray) -> str:
    """The matrix as a PDF ``cm`` operator."""
    a, c, e = matrix[0]
    b, d, f = matrix[1]
    return " ".join(f"{v:.6f}" for v in (a, b, c, d, e, f)) + " cm"

"""Re-read Thai (and Arabic) digit strings from the page pixels.

Debian's stock Tesseract ``tha`` model cannot output ๔ ๖ ๗ ๘ ๙: it writes ๕, ๒, ๓, look-alike letters
(``dictionaries/digit_lookalikes.tsv``), Latin garbage or nothing instead, and its boxes for Thai are often
half a glyph off. :class:`DigitReader` takes one line's words, finds runs of neighbouring words that hold
a digit or a Latin letter (with look-alikes, punctuation and lone marks between them), cuts the image
around each run into glyphs (``digit_glyphs``: connected components, touching digits cut apart, broken
ones joined), classifies every glyph with a small numpy MLP ensemble (``models/thai_digits.npz``, built by
``scripts/train_digit_reader.py``) as a digit, ``. / - ( ) : ,`` or "not a digit", and rewrites the
words whose glyphs all read as digits or punctuation. Words holding any letter glyph keep their text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np

from ocr_pipeline.model import Word, union_box
from ocr_pipeline.ocr import digit_glyphs as dg
from ocr_pipeline.resources import load_table

DEFAULT_MODEL = Path(__file__).resolve().parent.parent / "models" / "thai_digits.npz"

_DIGITS = frozenset(dg.THAI_DIGITS + dg.ARABIC_DIGITS)
_TARGETS = frozenset(dg.TARGETS)
_LEADING_JUNK = frozenset("-/:,.)")  # a number does not start with these
_TRAILING_JUNK = frozenset("-/:,(")  # nor end with these
_LATIN = set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
_SYMBOLS = set("“”‘’'\"«»@#!<>[]|\\{}%&*+=?;_~^`$")
_MARKS = set("\u0e31\u0e34\u0e35\u0e36\u0e37\u0e38\u0e39\u0e3a\u0e47\u0e48\u0e49\u0e4a\u0e4b\u0e4c\u0e4d\u0e4e")
_CONSONANT = re.compile("[\u0e01-\u0e2e][\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]*")
# words of this height are a good measure of the line's body (no ascender, descender or mark)
_BODY = set("กขคฆงจฉชซฌฑฒณดตถทธนบผพภมยรลวศษสหอฮาะเแ" + dg.THAI_DIGITS)


@dataclass
class DigitReading:
    """One re-read digit string."""

    before: str  # OCR text of the word(s) replaced
    after: str  # new text
    confidence: float  # 0-1: min over its glyphs, scaled down where the OCR text held no digit
    box: tuple[int, int, int, int]


@cache
def lookalikes() -> frozenset[str]:
    """Thai characters Tesseract writes in place of Thai digits (``dictionaries/digit_lookalikes.tsv``)."""
    return frozenset(row[0] for row in load_table("digit_lookalikes.tsv") if row and row[0])


@cache
def _digitish_chars() -> frozenset[str]:
    return frozenset(dg.THAI_DIGITS + dg.ARABIC_DIGITS + dg.PUNCT) | _LATIN | _SYMBOLS | _MARKS | lookalikes()


class GlyphClassifier:
    """The MLP(s) of ``thai_digits.npz`` in numpy: features -> (label, probability).

    Labels are a target character (``dg.TARGETS``) or ``""`` for "not a digit"; the probability of
    a label sums the probabilities of the fine training classes behind it (all letters for ``""``).
    A file with ``n_models`` holds an ensemble (keys ``m0_W0`` ...) whose probabilities are averaged.
    """

    def __init__(self, arrays: dict) -> None:
        n = int(arrays.get("n_models", 0))
        members = [{k[len(f"m{i}_"):]: v for k, v in arrays.items() if k.startswith(f"m{i}_")} for i in range(n)]
        self.members = [_Mlp(m) for m in members] if n else [_Mlp(arrays)]
        self.outputs = sorted(set().union(*(m.outputs for m in self.members)))
        for m in self.members:
            m.align(self.outputs)

    @classmethod
    def from_arrays(cls, arrays: dict) -> "GlyphClassifier":
        return cls(arrays)

    @classmethod
    def load(cls, path: str | Path) -> "GlyphClassifier":
        with np.load(path) as z:
            return cls({k: z[k] for k in z.files})

    def probabilities(self, X: np.ndarray) -> np.ndarray:
        """Probability of each output label (columns follow ``self.outputs``)."""
        return sum(m.probabilities(X) for m in self.members) / len(self.members)

    def predict(self, X: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """(labels, probabilities) of the most likely output label per row."""
        if len(X) == 0:
            return np.array([], dtype=str), np.zeros(0, np.float32)
        p = self.probabilities(X)
        k = p.argmax(1)
        return np.array(self.outputs, dtype=object)[k].astype(str), p[np.arange(len(k)), k]


class _Mlp:
    """One trained MLP (ReLU hidden layers, softmax output over the fine training labels)."""

    def __init__(self, arrays: dict) -> None:
        self.mean = np.asarray(arrays["mean"], np.float32)
        self.std = np.asarray(arrays["std"], np.float32)
        n = int(arrays["n_layers"])
        self.layers = [
            (np.asarray(arrays[f"W{i}"], np.float32), np.asarray(arrays[f"b{i}"], np.float32)) for i in range(n)
        ]
        self.fine = [str(s) for s in arrays["labels"]]
        self.outputs = {s if s in _TARGETS else "" for s in self.fine}
        self.group = np.zeros((0, 0), np.float32)

    def align(self, outputs: list[str]) -> None:
        """Sum the fine labels into the ensemble's output columns."""
        self.group = np.zeros((len(self.fine), len(outputs)), np.float32)
        for i, s in enumerate(self.fine):
            self.group[i, outputs.index(s if s in _TARGETS else "")] = 1.0

    def probabilities(self, X: np.ndarray) -> np.ndarray:
        h = (np.asarray(X, np.float32) - self.mean) / self.std
        for i, (w, b) in enumerate(self.layers):
            h = _matmul(h, w) + b
            if i < len(self.layers) - 1:
                np.maximum(h, 0, out=h)
        h -= h.max(1, keepdims=True)
        p = np.exp(h)
        p /= p.sum(1, keepdims=True)
        return p @ self.group


@cache
def _blas_limit():
    """A way to keep OpenBLAS on one thread for these tiny products (threads spinning on a core that
    Tesseract uses cost 100x), or None when threadpoolctl is not installed."""
    try:
        from threadpoolctl import ThreadpoolController
    except ImportError:
        return None
    return ThreadpoolController()


def _matmul(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    ctl = _blas_limit()
    if ctl is None:
        return np.einsum("ij,jk->ik", a, b, optimize=False)  # numpy's own loop: no BLAS threads
    with ctl.limit(limits=1, user_api="blas"):
        return a @ b


@cache
def _default_classifier(path: str) -> GlyphClassifier:
    return GlyphClassifier.load(path)


@dataclass
class _Cut:
    """The glyphs cut around one run of words (boxes relative to ``origin``)."""

    glyphs: list[dg.Glyph]
    core: list[bool]  # inside the run's words
    blocked: list[bool]  # cut by the crop's edge, or claimed by a letter word beside the run
    band: tuple[float, float]
    origin: tuple[int, int]


@dataclass
class _Read:
    """A glyph of a run after classification (box in page pixels)."""

    box: tuple[int, int, int, int]
    label: str
    conf: float
    core: bool  # inside the run's words (False: picked up beside them)


class DigitReader:
    """Re-reads digit strings in a line's OCR words from the page image (see module docstring)."""

    min_confidence = 0.8  # below this a reading is reported but the text is left as read
    min_confidence_no_digit = 0.95  # the same where the OCR text held no digit at all
    gap_words = 1.2  # words further apart than this x body height do not form one run
    touch = 0.35  # a lone consonant this close (x body height) to a run joins it
    space = 0.45  # a gap wider than this x digit height (or 2.2 x the usual gap) separates two numbers
    reach = 1.0  # look this x body height beyond the run's words for glyphs Tesseract dropped
    max_width = 2.1  # x digit height: a wider glyph is several glyphs touching

    def __init__(self, model_path: str | Path | None = None) -> None:
        path = Path(model_path) if model_path else DEFAULT_MODEL
        self.classifier = _default_classifier(str(path.resolve()))

    # -- candidate words -------------------------------------------------------------------------
    @staticmethod
    def _digitish(text: str) -> bool:
        """Only characters a digit string may come out as (digits, look-alikes, Latin, symbols, marks)."""
        return bool(text) and set(text) <= _digitish_chars()

    @staticmethod
    def _anchor(text: str) -> bool:
        return any(c in dg.THAI_DIGITS or c in dg.ARABIC_DIGITS or c in _LATIN for c in text)

    @staticmethod
    def _punct_only(text: str) -> bool:
        """Punctuation or lone marks (Tesseract reads ๙'s tail as a tone mark): never start or end a run."""
        return all(c in dg.PUNCT or c in _SYMBOLS or c in _MARKS for c in text)

    @staticmethod
    def _marks_only(text: str) -> bool:
        return bool(text.strip()) and all(c in _MARKS for c in text.strip())

    @staticmethod
    def body_height(words: list[Word]) -> float | None:
        """Median height of the line's words made of body-height characters, if there are two."""
        hs = [w.box[3] - w.box[1] for w in words if w.text and set(w.text) <= _BODY]
        return float(np.median(hs)) if len(hs) >= 2 else None

    def runs(self, words: list[Word], ref: float) -> list[tuple[int, int]]:
        """Index ranges [s, e) of neighbouring digit-like words that hold a digit or a Latin letter."""
        out, s = [], None
        for i, w in enumerate(words + [Word("", (0, 0, 0, 0), -1)]):
            text = w.text.strip()
            gap = w.box[0] - words[i - 1].box[2] if i else 0
            # any lone consonant touching the run may be a digit misread (๙ read as ค + a tone mark)
            touching = _CONSONANT.fullmatch(text) is not None and gap < self.touch * ref
            join = (
                s is not None
                and (self._digitish(text) or touching)
                and gap < self.gap_words * ref
                and w.box[1] < words[i - 1].box[3]
                and words[i - 1].box[1] < w.box[3]
            )
            if s is not None and not join:
                a, b = s, i
                while a < b and self._punct_only(words[a].text.strip()):
                    a += 1
                while b > a and self._punct_only(words[b - 1].text.strip()) and not self._marks_only(words[b - 1].text):
                    b -= 1
                if a < b and any(self._anchor(x.text) for x in words[a:b]):
                    out.append((a, b))
                s = None
            if s is None and self._digitish(text):
                s = i
        return out

    # -- glyphs ----------------------------------------------------------------------------------
    def _predict(self, X: np.ndarray) -> list[tuple[str, float]]:
        labels, probs = self.classifier.predict(X)
        return [(str(lab), float(p)) for lab, p in zip(labels, probs)]

    def _classify(self, glyphs: list[dg.Glyph], band: tuple[float, float]) -> list[tuple[str, float]]:
        return self._predict(dg.features(glyphs, band)) if glyphs else []

    def _resolve(self, g: dg.Glyph, lab: str, p: float, band: tuple[float, float], depth: int = 3
                 ) -> tuple[list[tuple[dg.Glyph, str, float]], float]:
        """The glyph as read, or cut into pieces when it reads better so (touching digits).

        Returns the pieces with their labels and a score: the least confidence of the pieces, 0 when
        a piece is no target. A letter-like blob is cut only into very sure pieces.
        """
        h = band[0]
        if lab in _DIGITS and g.w > self.max_width * h:  # no digit is that wide: glyphs run together
            lab = ""
        whole = ([(g, lab, p)], p if lab else 0.0)
        if depth == 0 or g.w < 0.8 * h or (lab in _DIGITS and p >= 0.9) or (not lab and g.w < 1.2 * h):
            return whole
        best, need = whole, (p if lab else 0.95)
        for col in dg.cut_columns(g, k=3):
            pieces = dg.split_at(g, col)
            if pieces is None:
                continue
            parts, score = [], 1.0
            for piece, (plab, pp) in zip(pieces, self._classify(list(pieces), band)):
                sub, sc = self._resolve(piece, plab, pp, band, depth - 1)
                parts.extend(sub)
                score = min(score, sc)
            if score > need and score > best[1] and any(x[1] in _DIGITS for x in parts):
                best = (parts, score)
        return best

    def _mend(self, items: list[tuple[_Read, dg.Glyph | None]], band: tuple[float, float]) -> list[_Read]:
        """Join neighbouring pieces of a broken glyph when together they read as a sure digit.

        ``items``: reads with their uncut glyph (crop coordinates), None for pieces of a cut glyph.
        """
        h = band[0]
        out = list(items)
        i = 0
        while i < len(out) - 1:
            a, ga = out[i]
            if ga is None or (a.label in _DIGITS and a.conf >= 0.9):
                i += 1
                continue
            for j in (i + 1, i + 2):
                span = out[i : j + 1]
                if j >= len(out) or any(g is None for _, g in span):
                    break
                box = union_box([r.box for r, _ in span])
                if box[2] - box[0] > 1.4 * h or any(
                    span[k + 1][0].box[0] - span[k][0].box[2] > 0.15 * h for k in range(len(span) - 1)
                ):
                    break
                merged = ga
                for _, g in span[1:]:
                    merged = dg.join(merged, g)  # type: ignore[arg-type]
                ((lab, p),) = self._classify([merged], band)
                if lab in _DIGITS and p >= 0.9 and p > min(r.conf if r.label else 0.0 for r, _ in span):
                    out[i : j + 1] = [(_Read(box, lab, p, any(r.core for r, _ in span)), merged)]
                    break
            i += 1
        return [r for r, _ in out]

    def _cut(self, gray: np.ndarray, words: list[Word], s: int, e: int, ref: float) -> _Cut | None:
        """Glyphs around the run's words, before classification.

        Tesseract's boxes for Thai are often off by half a glyph, so the crop reaches ``reach`` x body
        height beyond the run; glyphs out there count only as digits next to the run's (``core=False``),
        and not where another word of the line claims them. Glyphs cut by the crop's edge read as letters.
        """
        run = words[s:e]
        x0, y0 = min(w.box[0] for w in run), min(w.box[1] for w in run)
        x1, y1 = max(w.box[2] for w in run), max(w.box[3] for w in run)
        H, W = gray.shape[:2]
        # generous above (๙'s tail, a tall ๘ rise over the body), a little below
        cx0, cy0 = max(0, x0 - int(self.reach * ref)), max(0, y0 - max(2, int(0.6 * ref)))
        cx1, cy1 = min(W, x1 + int(self.reach * ref)), min(H, y1 + max(2, int(0.3 * ref)))
        if cx1 <= cx0 or cy1 <= cy0:
            return None
        ink = dg.ink_mask(np.ascontiguousarray(gray[cy0:cy1, cx0:cx1]))
        if ink is None:
            return None
        ch, cw = ink.shape
        glyphs = [
            g for g in dg.find_glyphs(ink)
            # drop ink of the lines above/below that reaches into the crop
            if not ((g.y0 == 0 or g.y1 == ch) and not (y0 <= cy0 + (g.y0 + g.y1) / 2 <= y1))
        ]
        if not glyphs:
            return None
        # words of the line outside the run that assert a letter where a glyph is
        others = [w.box for w in words[:s] + words[e:] if not self._digitish(w.text.strip())]
        core, blocked = [], []
        for g in glyphs:
            cx = cx0 + (g.x0 + g.x1) / 2
            cut = (g.x0 == 0 and cx0 > 0) or (g.x1 == cw and cx1 < W)
            claimed = any(b[0] <= cx <= b[2] and b[1] < cy0 + g.y1 and cy0 + g.y0 < b[3] for b in others)
            gx0, gx1 = cx0 + g.x0, cx0 + g.x1
            core.append(x0 - 1 <= cx <= x1 + 1 or any(_overlaps(w.box, gx0, gx1) for w in run))
            blocked.append(cut or (claimed and not core[-1]))
        usable = [g for g, b in zip(glyphs, blocked) if not b]
        band = dg.band_of(usable or glyphs, ref)
        return _Cut(glyphs, core, blocked, band, (cx0, cy0))

    def _reads(self, cut: _Cut, labels: list[tuple[str, float]]) -> list[_Read]:
        """Classified glyphs of one cut in page coordinates: touching digits cut apart, broken ones joined."""
        dx, dy = cut.origin
        items: list[tuple[_Read, dg.Glyph | None]] = []
        for g, c, b, (lab, p) in zip(cut.glyphs, cut.core, cut.blocked, labels):
            if b:
                items.append((_Read(_box(g, dx, dy), "", 1.0, False), None))
                continue
            pieces, _score = self._resolve(g, lab, p, cut.band)
            for piece, plab, pp in pieces:
                items.append((_Read(_box(piece, dx, dy), plab, pp, c), g if len(pieces) == 1 else None))
        return self._mend(items, cut.band)

    # -- the API ---------------------------------------------------------------------------------
    def reread(self, gray: np.ndarray, words: list[Word]) -> tuple[list[Word], list[DigitReading]]:
        """Re-read the digit strings among one line's words (reading order) from ``gray``.

        Returns the new words (a digit string may become one Word with the union box) and the readings
        made. Readings below ``min_confidence`` are returned but leave the words as read.
        """
        words = list(words)
        if not words:
            return words, []
        if gray.ndim == 3:
            gray = gray.mean(2).astype(np.uint8)
        heights = [w.box[3] - w.box[1] for w in words if w.text.strip()]
        ref = self.body_height(words) or (float(np.median(heights)) if heights else 10.0)
        runs = self.runs(words, ref)
        cuts = [self._cut(gray, words, s, e, ref) for s, e in runs]
        # one classifier call for all glyphs of the line
        rows = [dg.features(c.glyphs, c.band) for c in cuts if c is not None]
        labels = self._predict(np.concatenate(rows)) if rows else []
        out: list[Word] = []
        readings: list[DigitReading] = []
        done = at = 0
        for (s, e), cut in zip(runs, cuts):
            out.extend(words[done:s])
            reads: list[_Read] = []
            h = ref
            if cut is not None:
                reads = self._reads(cut, labels[at : at + len(cut.glyphs)])
                at += len(cut.glyphs)
                h = cut.band[0]
            new, rs = self._reread_run(words[s:e], reads, h)
            out.extend(new)
            readings.extend(rs)
            done = e
        out.extend(words[done:])
        return out, readings

    def _reread_run(self, run: list[Word], reads: list[_Read], h: float) -> tuple[list[Word], list[DigitReading]]:
        if not reads:
            if not any(c in _DIGITS for w in run for c in w.text):
                return run, []
            box = union_box([w.box for w in run])
            return run, [DigitReading("".join(w.text for w in run), "", 0.0, box)]
        groups = self._groups(reads, h)
        # which glyphs/groups each word covers
        centre = [((r.box[0] + r.box[2]) / 2) for r in reads]
        gi = {i: k for k, grp in enumerate(groups) for i in grp}
        parent = list(range(len(run)))

        def find(a: int) -> int:
            while parent[a] != a:
                parent[a] = parent[parent[a]]
                a = parent[a]
            return a

        # each glyph belongs to the word whose box holds its centre (Tesseract's boxes overlap: the
        # word with the nearest centre); a word holding a glyph outside all groups keeps its text
        word_groups: list[set[int]] = [set() for _ in run]
        word_other = [False] * len(run)
        mids = [(w.box[0] + w.box[2]) / 2 for w in run]
        for i, c in enumerate(centre):
            r = reads[i]
            holders = [a for a, w in enumerate(run) if w.box[0] - 1 <= c <= w.box[2] + 1]
            if not holders:  # a narrow box beside the glyph's centre
                holders = [a for a, w in enumerate(run) if _overlaps(w.box, r.box[0], r.box[2])]
            if not holders:
                continue
            a = min(holders, key=lambda a: abs(mids[a] - c))
            if i in gi:
                word_groups[a].add(gi[i])
            else:
                word_other[a] = True
        for a in range(len(run)):
            for b in range(a + 1, len(run)):
                if word_groups[a] & word_groups[b]:
                    parent[find(b)] = find(a)
        comps: dict[int, list[int]] = {}
        for a in range(len(run)):
            comps.setdefault(find(a), []).append(a)
        # a word that holds no glyph joins the component whose group spans it
        spans = {k: (min(reads[i].box[0] for i in g), max(reads[i].box[2] for i in g)) for k, g in enumerate(groups)}
        replace: dict[int, tuple[list[Word], DigitReading | None]] = {}
        for root, members in comps.items():
            ks = set().union(*(word_groups[a] for a in members))
            if not ks or any(word_other[a] for a in members):
                continue
            ks_sorted = sorted(ks, key=lambda k: spans[k][0])
            lo, hi = spans[ks_sorted[0]][0], spans[ks_sorted[-1]][1]
            members = sorted(set(members) | {
                a for a in range(len(run))
                if not word_groups[a] and not word_other[a] and lo <= (run[a].box[0] + run[a].box[2]) / 2 <= hi
            })
            new_words = []
            for n, k in enumerate(ks_sorted):
                g = [reads[i] for i in groups[k]]
                text = "".join(r.label for r in g)
                conf = min(r.conf for r in g)
                space = run[members[0]].space_before if n == 0 else True
                new_words.append(Word(text, union_box([r.box for r in g]), round(100 * conf, 1), space))
            before = "".join(run[a].text for a in members)
            after = " ".join(w.text for w in new_words)
            conf = min(w.conf for w in new_words) / 100
            box = union_box([run[a].box for a in members] + [w.box for w in new_words])
            if after.replace(" ", "") == before.replace(" ", ""):
                continue
            # the OCR saw no digit here at all (Latin garbage, a look-alike letter): ask for more, and
            # scale the confidence so that "below min_confidence" still means "not applied"
            if not any(c in _DIGITS for c in before):
                conf *= self.min_confidence / self.min_confidence_no_digit
                if conf < self.min_confidence:  # most likely letters after all: nothing to flag
                    continue
            reading = DigitReading(before, after, round(conf, 4), box)
            if conf < self.min_confidence:
                replace[members[0]] = ([run[a] for a in members], reading)
            else:
                replace[members[0]] = (new_words, reading)
            for a in members[1:]:
                replace[a] = ([], None)
        out: list[Word] = []
        readings: list[DigitReading] = []
        for a, w in enumerate(run):
            if a in replace:
                ws, r = replace[a]
                out.extend(ws)
                if r is not None:
                    readings.append(r)
            else:
                out.append(w)
        return out, readings

    def _groups(self, reads: list[_Read], h: float) -> list[list[int]]:
        """Indices of neighbouring target glyphs that form one number (at least one digit in each).

        Glyphs picked up beside the run's words join only when they are digits next to a group.
        """
        groups: list[list[int]] = []
        cur: list[int] = []
        # gaps inside a number: most gaps of the run; a space is clearly wider (monospaced type too)
        gaps = [b.box[0] - a.box[2] for a, b in zip(reads, reads[1:]) if a.label in _DIGITS and b.label in _DIGITS]
        space = max(self.space, 2.2 * float(np.median(gaps)) / h) * h if gaps else self.space * h

        def close() -> None:
            # a number neither starts nor ends with - / : , (nor with . at its start); ( and ) stay
            while cur and reads[cur[0]].label in _LEADING_JUNK:
                cur.pop(0)
            while cur and reads[cur[-1]].label in _TRAILING_JUNK:
                cur.pop()
            if cur and any(reads[i].label in _DIGITS for i in cur):
                groups.append(list(cur))
            cur.clear()

        prev = None
        for i, r in enumerate(reads):
            ok = bool(r.label) and (r.core or r.label not in dg.PUNCT)
            if not ok:
                close()
                prev = None
                continue
            if prev is not None and r.box[0] - reads[prev].box[2] > space:
                close()
            cur.append(i)
            prev = i
        close()
        # a group made only of glyphs beside the words is not ours to add
        return [g for g in groups if any(reads[i].core for i in g)]


def _box(g: dg.Glyph, dx: int, dy: int) -> tuple[int, int, int, int]:
    return (dx + g.x0, dy + g.y0, dx + g.x1, dy + g.y1)


def _overlaps(box: tuple[int, int, int, int], x0: int, x1: int) -> bool:
    """A word box and a glyph's columns share at least half of the narrower one."""
    return min(box[2], x1) - max(box[0], x0) >= 0.5 * max(1, min(box[2] - box[0], x1 - x0))

"""The Thai-digit glyph classifier: the nets of ``models/thai_digits.npz`` run in numpy.

A glyph (cut by ``digit_glyphs``, which also turns it into a feature row) is classified as a target
character (a Thai or Arabic digit, or ``. / - ( ) : ,``) or ``""`` for "not a digit". The file is
built by ``scripts/train_digit_reader.py`` with PyTorch; here only numpy runs (no torch at run time).
Where on a line digits are looked for, and how glyphs are cut and joined, is ``digits.DigitReader``'s.
"""

from __future__ import annotations

import contextlib
import hashlib
from functools import cache
from pathlib import Path

import numpy as np

from ocr_pipeline.ocr import digit_glyphs as dg

DEFAULT_MODEL = Path(__file__).resolve().parent.parent / "models" / "thai_digits.npz"

_TARGETS = frozenset(dg.TARGETS)


class GlyphClassifier:
    """The nets of ``thai_digits.npz`` in numpy: feature rows -> (label, probability).

    Labels are a target character (``dg.TARGETS``) or ``""`` for "not a digit"; the probability of
    a label sums the probabilities of the fine training classes behind it (all letters for ``""``).
    A file with ``n_models`` holds an ensemble (keys ``m0_W0`` ...) whose probabilities are averaged.
    """

    def __init__(self, arrays: dict) -> None:
        n = int(arrays.get("n_models", 0))
        members = [{k[len(f"m{i}_") :]: v for k, v in arrays.items() if k.startswith(f"m{i}_")} for i in range(n)]
        self.members = [_member(m) for m in members] if n else [_member(arrays)]
        self.outputs = sorted(set().union(*(m.outputs for m in self.members)))
        for m in self.members:
            m.align(self.outputs)
        self._memo: dict[bytes, np.ndarray] = {}

    @classmethod
    def from_arrays(cls, arrays: dict) -> GlyphClassifier:
        return cls(arrays)

    @classmethod
    def load(cls, path: str | Path) -> GlyphClassifier:
        with np.load(path) as z:
            return cls({k: z[k] for k in z.files})

    MEMO = 20_000  # rows remembered (~7 MB): the reader meets a glyph again in overlapping stretches

    def probabilities(self, X: np.ndarray) -> np.ndarray:
        """Probability of each output label (columns follow ``self.outputs``); a row seen before is
        looked up, not computed again."""
        X = np.asarray(X, np.float32)
        keys = [hashlib.blake2b(row.tobytes(), digest_size=16).digest() for row in X]
        todo = [i for i, k in enumerate(keys) if k not in self._memo]
        fresh: dict[bytes, np.ndarray] = {}
        if todo:
            with _one_blas_thread():
                p = np.sum([m.probabilities(X[todo]) for m in self.members], axis=0) / len(self.members)
            fresh = {keys[i]: row for i, row in zip(todo, p)}
        if not keys:
            return np.zeros((0, len(self.outputs)), np.float32)
        out = np.stack([fresh[k] if k in fresh else self._memo[k] for k in keys])
        if len(self._memo) + len(fresh) > self.MEMO:  # full: start again
            self._memo.clear()
        self._memo.update(fresh)
        return out

    def predict(self, X: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """(labels, probabilities) of the most likely output label per row."""
        if len(X) == 0:
            return np.array([], dtype=str), np.zeros(0, np.float32)
        p = self.probabilities(X)
        k = p.argmax(1)
        return np.array(self.outputs, dtype=object)[k].astype(str), p[np.arange(len(k)), k]


def _member(arrays: dict) -> _Mlp:
    """One ensemble member: a convolutional net where the file says so (``kind`` = cnn), else an MLP."""
    return _Cnn(arrays) if str(arrays.get("kind", "mlp")) == "cnn" else _Mlp(arrays)


class _Mlp:
    """One trained MLP (ReLU hidden layers, softmax output over the fine training labels) on the whole
    feature row."""

    def __init__(self, arrays: dict) -> None:
        self.mean = np.asarray(arrays["mean"], np.float32)
        self.std = np.asarray(arrays["std"], np.float32)
        self.layers = _dense_layers(arrays)
        self.scale = float(arrays.get("scale", 1.0))  # multiplies the last layer's scores (see digit_cnn.py)
        self.fine = [str(s) for s in arrays["labels"]]
        self.outputs = {s if s in _TARGETS else "" for s in self.fine}
        self.group = np.zeros((0, 0), np.float32)

    def align(self, outputs: list[str]) -> None:
        """Sum the fine labels into the ensemble's output columns."""
        self.group = np.zeros((len(self.fine), len(outputs)), np.float32)
        for i, s in enumerate(self.fine):
            self.group[i, outputs.index(s if s in _TARGETS else "")] = 1.0

    def probabilities(self, X: np.ndarray) -> np.ndarray:
        return self._softmax(_dense((np.asarray(X, np.float32) - self.mean) / self.std, self.layers))

    def _softmax(self, h: np.ndarray) -> np.ndarray:
        h *= self.scale
        h -= h.max(1, keepdims=True)
        p = np.exp(h)
        p /= p.sum(1, keepdims=True)
        return p @ self.group


class _Cnn(_Mlp):
    """One trained convolutional net: 3x3 same-padded ReLU convolutions (each followed by a 2x2 max-pool
    where ``pool`` says so) on the glyph's normalised image, then dense layers on those maps together with
    the rest of the feature row (gradient histograms and shape measures, standardised by ``mean``/``std``)."""

    CHUNK = 64  # rows per pass: the unfolded maps of a larger batch outgrow the CPU caches

    def __init__(self, arrays: dict) -> None:
        super().__init__(arrays)
        kernels = [np.asarray(arrays[f"C{i}"], np.float32) for i in range(int(arrays["n_convs"]))]  # out, in, 3, 3
        self.convs = [
            (k.transpose(2, 3, 1, 0).reshape(-1, len(k)), np.asarray(arrays[f"c{i}"], np.float32))
            for i, k in enumerate(kernels)
        ]
        self.pool = [bool(v) for v in arrays["pool"]]

    def probabilities(self, X: np.ndarray) -> np.ndarray:
        X = np.asarray(X, np.float32)
        if len(X) > self.CHUNK:
            return np.concatenate([self.probabilities(X[i : i + self.CHUNK]) for i in range(0, len(X), self.CHUNK)])
        pixels = dg.SIZE * dg.SIZE
        h = X[:, :pixels].reshape(len(X), dg.SIZE, dg.SIZE, 1)  # n, rows, columns, channels
        for (w, b), pool in zip(self.convs, self.pool):
            h = _conv3x3(h, w, b)
            if pool:
                n, r, c, k = h.shape
                h = h.reshape(n, r // 2, 2, c // 2, 2, k).max(axis=(2, 4))
        maps = h.transpose(0, 3, 1, 2).reshape(len(X), -1)  # channels first, as the net was trained
        rest = (X[:, pixels:] - self.mean) / self.std
        return self._softmax(_dense(np.concatenate([maps, rest], axis=1), self.layers))


def _dense_layers(arrays: dict) -> list[tuple[np.ndarray, np.ndarray]]:
    """The (weights, bias) pairs ``W<i>``, ``b<i>`` of the file, as float32."""
    return [
        (np.asarray(arrays[f"W{i}"], np.float32), np.asarray(arrays[f"b{i}"], np.float32))
        for i in range(int(arrays["n_layers"]))
    ]


def _dense(h: np.ndarray, layers: list[tuple[np.ndarray, np.ndarray]]) -> np.ndarray:
    """Dense layers, ReLU between them; the last one's raw scores."""
    for i, (w, b) in enumerate(layers):
        h = _matmul(h, w) + b
        if i < len(layers) - 1:
            np.maximum(h, 0, out=h)
    return h


def _conv3x3(h: np.ndarray, w: np.ndarray, b: np.ndarray) -> np.ndarray:
    """A same-padded 3x3 convolution and ReLU of (n, rows, columns, channels) maps as one product of
    the nine shifted copies side by side; ``w`` is (3 x 3 x channels, out), rows in that order."""
    n, r, c, k = h.shape
    padded = np.zeros((n, r + 2, c + 2, k), np.float32)
    padded[:, 1:-1, 1:-1] = h
    cols = np.concatenate([padded[:, y : y + r, x : x + c] for y in range(3) for x in range(3)], axis=3)
    out = _matmul(cols.reshape(n * r * c, 9 * k), w) + b
    np.maximum(out, 0, out=out)
    return out.reshape(n, r, c, -1)


@cache
def _blas_limit():
    """A way to keep OpenBLAS on one thread for these tiny products (threads spinning on a core that
    Tesseract uses cost 100x), or None when threadpoolctl is not installed."""
    try:
        from threadpoolctl import ThreadpoolController
    except ImportError:
        return None
    return ThreadpoolController()


def _one_blas_thread():
    """A context keeping OpenBLAS on one thread (entered once per classifier call: it costs ~25 us)."""
    ctl = _blas_limit()
    return contextlib.nullcontext() if ctl is None else ctl.limit(limits=1, user_api="blas")


def _matmul(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    if _blas_limit() is None:
        return np.einsum("ij,jk->ik", a, b, optimize=False)  # numpy's own loop: no BLAS threads
    return a @ b  # inside _one_blas_thread


@cache
def _default_classifier(path: str) -> GlyphClassifier:
    return GlyphClassifier.load(path)


def default_classifier(path: str | Path | None = None) -> GlyphClassifier:
    """The classifier of ``path`` (default: the shipped model), loaded once per process."""
    return _default_classifier(str(Path(path or DEFAULT_MODEL).resolve()))

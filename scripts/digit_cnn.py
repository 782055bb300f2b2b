"""Train one small convolutional net of the digit reader's ensemble (used by ``train_digit_reader.py``).

The net reads a glyph's feature row (``ocr_pipeline.ocr.digit_glyphs.features``): 3x3 convolutions with
ReLU and 2x2 max-pools on the normalised SIZE x SIZE image, then two dense layers on those maps together
with the rest of the row (gradient histograms and shape measures, standardised). Training shifts, scales
and shears each image a little at every epoch. The weights are exported as float16 arrays in the layout
that ``ocr_pipeline.ocr.digit_classifier._Cnn`` reads with numpy; PyTorch is needed only here, to train:

    .venv/bin/pip install -e '.[train]'    # torch 2.13.0 (CPU build) and scikit-learn
"""

from __future__ import annotations

import os
import sys
import time

import numpy as np

# convolution channels, "p": followed by a 2x2 max-pool; then the hidden dense layer's width. Chosen for
# the reader's cost per page (numpy, one thread): "32,32p,64,64p" with 256 cost 4.4 times as much per glyph
# and was not trained to the end
ARCH = ("16p", "32p", "64")
HIDDEN = 128
# Label smoothing caps a net's top probability near 1 - SMOOTHING, below the reader's sureness thresholds
# (set with the earlier MLPs); the file's ``scale`` multiplies the last layer's scores to undo that.
# Measured with scripts/eval_touching_digits.py and --e2e 300 (exact / flagged / wrong; digit error, exact
# numbers): scale 1 85.0 / 14.2 / 0.8 %, 9.6 %; 2 94.6 / 4.6 / 0.8 %, 6.7 %; 2.5 95.8 / 3.3 / 0.8 %, 6.1 %;
# 3.5 96.2 / 2.5 / 1.2 %, 6.1 %. Without smoothing (scale 1): 92.5 / 6.2 / 1.2 %, 7.9 %.
SMOOTHING = 0.05
SCALE = 2.5


def _torch():
    """PyTorch, its OpenMP free to use every core: importing ``ocr_pipeline`` limits OpenMP to one thread
    (for Tesseract), and torch asked for more threads than that limit crawls."""
    limit = os.environ.pop("OMP_THREAD_LIMIT", None)
    try:
        import torch
    except ImportError:
        sys.exit("training the digit reader needs PyTorch: .venv/bin/pip install -e '.[train]'")
    finally:
        if limit is not None:
            os.environ["OMP_THREAD_LIMIT"] = limit
    return torch


def train_cnn(
    X: np.ndarray, y: list[str], seed: int, size: int, epochs: int = 8, augment: float = 1.0, log=print
) -> dict:
    """One net on ``X`` (feature rows) and fine labels ``y``; returns the arrays of ``thai_digits.npz``."""
    torch = _torch()
    nn, F = torch.nn, torch.nn.functional
    torch.manual_seed(seed)
    torch.set_num_threads(os.cpu_count() or 1)
    labels = sorted(set(y))
    index = {s: i for i, s in enumerate(labels)}
    pixels = size * size
    side = X[:, pixels:]
    mean, std = side.mean(0), side.std(0) + 1e-3

    class Net(nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.convs = nn.ModuleList()
            c_in, s = 1, size
            for spec in ARCH:
                self.convs.append(nn.Conv2d(c_in, int(spec.rstrip("p")), 3, padding=1))
                c_in = int(spec.rstrip("p"))
                s //= 2 if spec.endswith("p") else 1
            self.hidden = nn.Linear(c_in * s * s + side.shape[1], HIDDEN)
            self.out = nn.Linear(HIDDEN, len(labels))
            self.drop = nn.Dropout(0.3)

        def forward(self, img, rest):
            h = img
            for conv, spec in zip(self.convs, ARCH):
                h = F.relu(conv(h))
                if spec.endswith("p"):
                    h = F.max_pool2d(h, 2)
            return self.out(self.drop(F.relu(self.hidden(torch.cat([h.flatten(1), rest], 1)))))

    def jitter(img):
        """Each image shifted, scaled, stretched and sheared a little (up to 8-10 % x ``augment``)."""
        n = img.shape[0]
        u = lambda *shape: (torch.rand(*shape) * 2 - 1) * augment  # noqa: E731
        theta = torch.zeros(n, 2, 3)
        scale = 1 + 0.1 * u(n)
        theta[:, 0, 0] = scale * (1 + 0.08 * u(n))
        theta[:, 1, 1] = scale
        theta[:, 0, 1] = 0.1 * u(n)
        theta[:, :, 2] = 0.08 * u(n, 2)
        grid = F.affine_grid(theta, list(img.shape), align_corners=False)
        return F.grid_sample(img, grid, align_corners=False, padding_mode="zeros")

    img = torch.from_numpy(np.ascontiguousarray(X[:, :pixels]).reshape(-1, 1, size, size))
    rest = torch.from_numpy(((side - mean) / std).astype(np.float32))
    target = torch.from_numpy(np.array([index[s] for s in y]))
    net = Net()
    batch = 256
    steps = len(target) // batch
    opt = torch.optim.AdamW(net.parameters(), 2e-3, weight_decay=1e-4)
    sched = torch.optim.lr_scheduler.OneCycleLR(opt, 3e-3, total_steps=epochs * steps)
    t0 = time.time()
    for epoch in range(epochs):
        net.train()
        order = torch.randperm(len(target))
        total = 0.0
        for i in range(steps):
            b = order[i * batch : (i + 1) * batch]
            batch_img = jitter(img[b]) if augment else img[b]
            loss = F.cross_entropy(net(batch_img, rest[b]), target[b], label_smoothing=SMOOTHING)
            opt.zero_grad()
            loss.backward()
            opt.step()
            sched.step()
            total += loss.item()
        log(f"  epoch {epoch + 1}/{epochs}: loss {total / steps:.4f}, {time.time() - t0:.0f} s")
    return export(net, labels, mean, std, size)


def export(net, labels: list[str], mean: np.ndarray, std: np.ndarray, size: int) -> dict:
    """The net's weights as ``_Cnn`` reads them: kernels C<i> (out, in, 3, 3) and biases c<i>, the
    pools, dense layers W<i> (in, out) and b<i>, and the standardisation of the row's other columns."""
    arrays = {
        "kind": np.array("cnn"),
        "labels": np.array(labels, dtype=str),
        "mean": mean.astype(np.float32),
        "std": std.astype(np.float32),
        "size": np.array(size),
        "n_convs": np.array(len(ARCH)),
        "pool": np.array([spec.endswith("p") for spec in ARCH], np.int8),
        "n_layers": np.array(2),
        "scale": np.array(SCALE, np.float32),
    }
    for i, conv in enumerate(net.convs):
        arrays[f"C{i}"] = conv.weight.detach().numpy().astype(np.float16)
        arrays[f"c{i}"] = conv.bias.detach().numpy().astype(np.float16)
    for i, layer in enumerate((net.hidden, net.out)):
        arrays[f"W{i}"] = layer.weight.detach().numpy().T.astype(np.float16)
        arrays[f"b{i}"] = layer.bias.detach().numpy().astype(np.float16)
    return arrays

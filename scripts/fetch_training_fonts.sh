#!/usr/bin/env bash
# Fetch the extra Thai typefaces that scripts/train_digit_reader.py trains (and evaluates) the digit
# reader on, into .cache/training-fonts/ (git-ignored). Only needed to rebuild the model, not to run the
# pipeline. Idempotent: the wheels are downloaded once, checked against pinned hashes, and only the .ttf
# files are extracted (never installed: the odoo add-on depends on odoo).
#   odoo-addon-l10n-th-fonts: the 13 SIPA national fonts (TH Sarabun New, TH Baijam, ...), TH Sarabun
#                              (old) and Angsana New (held out in training: an evaluation family)
#   fontpkg-sarabun:          Google's Sarabun (OFL), 16 styles
# Usage: bash scripts/fetch_training_fonts.sh   (PYTHON=/path/to/python to use another interpreter)
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON="${PYTHON:-.venv/bin/python}"
DEST=".cache/training-fonts"
WHEELS="$DEST/wheels"
declare -A SHA256=(
    [odoo_addon_l10n_th_fonts-18.0.1.0.0.2-py3-none-any.whl]=80e915aee9c7ab98e3ee8bfc4b9f9dd250f8b3e3648ce3748a8db45fd9e30156
    [fontpkg_sarabun-1.0-py3-none-any.whl]=bbcd5cb8ad8a6d37e13ebc548f3996f336573e7d94f34c1845ab2189919898a2
)

mkdir -p "$WHEELS"
need=0
for whl in "${!SHA256[@]}"; do
    [ -f "$WHEELS/$whl" ] || need=1
done
if [ "$need" = 1 ]; then
    echo "fetch_training_fonts: downloading the font wheels into $WHEELS"
    "$PYTHON" -m pip download -q --no-deps --only-binary=:all: \
        odoo-addon-l10n-th-fonts==18.0.1.0.0.2 fontpkg-sarabun==1.0 -d "$WHEELS"
fi
for whl in "${!SHA256[@]}"; do
    got="$(sha256sum "$WHEELS/$whl" | cut -d' ' -f1)"
    if [ "$got" != "${SHA256[$whl]}" ]; then
        echo "fetch_training_fonts: $whl has sha256 $got, expected ${SHA256[$whl]}" >&2
        exit 1
    fi
done

# Only the Thai .ttf files, flat in $DEST (Webdings is not a Thai font); rewritten only when changed.
"$PYTHON" - "$DEST" "$WHEELS" "${!SHA256[@]}" <<'EOF'
import sys, zipfile
from pathlib import Path

dest, wheels = Path(sys.argv[1]), Path(sys.argv[2])
n = 0
for whl in sorted(sys.argv[3:]):
    with zipfile.ZipFile(wheels / whl) as z:
        for name in z.namelist():
            base = name.rsplit("/", 1)[-1]
            if not base.lower().endswith(".ttf") or base.lower().startswith("webdings"):
                continue
            data = z.read(name)
            out = dest / base
            if not out.exists() or out.read_bytes() != data:
                out.write_bytes(data)
            n += 1
print(f"fetch_training_fonts: {n} fonts in {dest}")
EOF

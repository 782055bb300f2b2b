#!/usr/bin/env bash
# Install everything ocr_pipeline needs, idempotently: Debian packages (as root, via apt) and the
# Python dependencies in the project's own virtual environment (.venv). Safe to run again: it only
# installs what is missing or changed.
set -euo pipefail
cd "$(dirname "$0")/.."

APT_PACKAGES=(tesseract-ocr tesseract-ocr-tha tesseract-ocr-eng tesseract-ocr-script-thai poppler-utils
              fonts-thai-tlwg fonts-tlwg-laksaman fonts-noto-core fontconfig
              libpangocairo-1.0-0  # Pango + cairo: the generator's word-processor rendering
              chromium chromium-driver)  # the review page's browser test

missing=()
for pkg in "${APT_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if ! command -v python3 >/dev/null 2>&1 || ! python3 -c "import venv, ensurepip" >/dev/null 2>&1; then
    missing+=(python3 python3-venv python3-pip)
fi
if [ ${#missing[@]} -gt 0 ]; then
    if [ "$(id -u)" -ne 0 ]; then
        echo "setup: these Debian packages are missing: ${missing[*]}; run this script as root (or install them with apt-get)" >&2
        exit 1
    fi
    echo "setup: installing Debian packages: ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

python3 -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else 1)' || {
    echo "setup: Python 3.11 or newer is needed (found $(python3 --version))" >&2; exit 1; }

if [ ! -x .venv/bin/python ]; then
    echo "setup: creating the virtual environment .venv"
    python3 -m venv .venv
fi
stamp=".venv/.setup-stamp"
want="$(cat pyproject.toml constraints.txt | sha256sum | cut -d' ' -f1)"
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ] || ! .venv/bin/python -c "import ocr_pipeline" 2>/dev/null; then
    echo "setup: installing Python dependencies into .venv"
    .venv/bin/python -m pip install -q --upgrade pip >/dev/null
    # constraints.txt: the exact versions the README's figures were measured with (scripts/lock.sh)
    .venv/bin/python -m pip install -q -c constraints.txt -e ".[test]"
    echo "$want" > "$stamp"
fi

# The extra Thai typefaces the digit reader's model is rebuilt from (scripts/train_digit_reader.py):
# only retraining needs them, so a failure here is reported, not fatal.
if ! bash scripts/fetch_training_fonts.sh >/dev/null 2>.cache-fetch-fonts.err; then
    echo "setup: note: the digit model's training fonts were not fetched ($(tail -1 .cache-fetch-fonts.err));" \
         "only retraining needs them: bash scripts/fetch_training_fonts.sh" >&2
fi
rm -f .cache-fetch-fonts.err

#!/usr/bin/env bash
# Rewrite constraints.txt from the project's .venv: the exact versions the benchmark figures in the
# README were measured with. scripts/setup.sh installs with these constraints.
set -euo pipefail
cd "$(dirname "$0")/.."
{
    echo "# Exact versions of the Python packages the README's figures were measured with."
    echo "# Regenerate with: bash scripts/lock.sh (after changing pyproject.toml and running the benchmark)"
    .venv/bin/python -m pip freeze --exclude-editable | grep -v -i -E '^(ocr-pipeline|pip|setuptools|wheel)=='
} > constraints.txt
echo "constraints.txt: $(grep -c '==' constraints.txt) packages"

#!/usr/bin/env bash
# The README's two quick-start commands:
#   bash scripts/run.sh demo   install what is missing, run the pipeline on a bundled sample
#   bash scripts/run.sh test   install what is missing, run the whole test suite
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
case "${1:-}" in
    demo)
        out="out/demo"
        .venv/bin/python -m ocr_pipeline samples/report.pdf -o "$out"
        echo "results: $(pwd)/$out (report.json, report.measures.csv, report.txt, report.corrections.csv, report.ocr.pdf, report.review.html)"
        ;;
    test)
        shift
        .venv/bin/ruff check ocr_pipeline tests scripts
        .venv/bin/ruff format --check ocr_pipeline tests scripts
        .venv/bin/mypy
        .venv/bin/python -m pytest -n auto "$@"
        ;;
    *)
        echo "usage: bash scripts/run.sh demo|test" >&2
        exit 2
        ;;
esac

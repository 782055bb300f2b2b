"""``python -m ocr_pipeline``: see ``ocr_pipeline.cli``."""

import sys

from ocr_pipeline.cli import main

sys.exit(main())

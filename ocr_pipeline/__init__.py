"""ocr_pipeline: scanned Thai ITA integrity reports to clean, audited CSV and JSON."""

__version__ = "0.1.0"

"""Resolve: evidence from the whole document -> corrections located by item and span.

Each pass reads a ``DocText`` (and what it needs of the roles and extracted fields) and returns
corrections; ``document_text.apply_corrections`` makes them. Passes in pipeline order: places
(gazetteer), vocabulary (report words, units, positions, month names), dates (fiscal year, period,
the letter's date, measure periods), fiscal mentions (the year and round written in titles).
"""

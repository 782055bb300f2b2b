"""Scoring of pipeline output against ground truth (both in the output contract's JSON shape).

Values are compared after normalisation: Thai digits as Arabic, whitespace collapsed, Thai
Unicode normalised (``fold_for_compare``). A missing output scores as all wrong, never crashes.
Every correction is judged right, harmful or neutral against the truth (``bench.corrections``).
Each document belongs to a condition (``synth.condition`` of its truth, e.g. ``200 dpi x thick``);
``summarize`` aggregates any group of documents.
"""

from __future__ import annotations

import copy
from collections import Counter
from dataclasses import dataclass, field

from rapidfuzz.distance import Levenshtein

from ocr_pipeline.clean.thai_text import THAI_DIGITS, fold_for_compare, normalize_thai

DOC_FIELDS = (
    "agency",
    "agency_type",
    "division",
    "subdistrict",
    "district",
    "province",
    "geocode",
    "doc_number",
    "doc_date",
    "subject",
    "addressee",
    "fiscal_year_be",
    "period_start",
    "period_end",
    "signatories",
)
CELL_FIELDS = (
    "measure_no",
    "measure",
    "step_no",
    "step",
    "responsible",
    "period_text",
    "period_start",
    "period_end",
    "result",
)


def fold(value) -> str:
    if value is None:
        return ""
    return fold_for_compare(str(value))


@dataclass
class DocScore:
    """Counts for one document; aggregated by summing."""

    name: str
    output_found: bool
    fields: dict[str, bool] = field(default_factory=dict)
    rows_truth: int = 0
    rows_output: int = 0
    cells_total: int = 0
    cells_exact: int = 0
    cells_similarity: float = 0.0  # sum over truth cells
    cells_by_field: Counter = field(
        default_factory=Counter
    )  # column -> exact cells (each column has cells_total / len(CELL_FIELDS))
    cer_clean: tuple[int, int] = (0, 0)  # (edit distance, truth length)
    cer_raw: tuple[int, int] = (0, 0)
    thai_digits: tuple[int, int] = (0, 0)  # (errors, truth Thai digits)
    thai_digits_raw: tuple[int, int] = (0, 0)
    truth_words: int = 0
    harmful: int = 0  # corrections that turned a right word wrong (vocabulary, places, names)
    condition: str = "unknown"
    verdicts: dict[str, Counter] = field(default_factory=dict)  # rule -> verdict counts (bench.corrections)

    @property
    def rows_right(self) -> bool:
        return self.output_found and self.rows_truth == self.rows_output


def condition_of(truth: dict) -> str:
    """The document's condition key: ``synth.condition``, else '<dpi> dpi x none', else 'unknown'."""
    synth = truth.get("synth") or {}
    if synth.get("condition"):
        return str(synth["condition"])
    return f"{synth['dpi']} dpi x none" if synth.get("dpi") else "unknown"


def truth_for_input(truth: dict, kind: str) -> dict:
    """The truth of what a transcript says: the garbles that changed the table's content (their
    ``truth_view``: measures left out, one period text set in every row) applied to the document's truth.
    A scan's truth is the document's."""
    views = [g["truth_view"] for g in (truth.get("synth") or {}).get("garbles", []) if g.get("truth_view")]
    if kind != "transcript" or not views:
        return truth
    out = copy.deepcopy(truth)
    for view in views:
        if "drop_measure_no" in view:
            gone = set(view["drop_measure_no"])
            out["measures"] = [m for m in out["measures"] if m.get("measure_no") not in gone]
        if "set_all" in view:
            for m in out["measures"]:
                m.update(view["set_all"])
    return out


def score_document(name: str, truth: dict, output: dict | None, kind: str = "pdf") -> DocScore:
    """Compare one output JSON (or None when the pipeline wrote nothing) with its truth; ``kind`` is the
    input's (pdf, image or transcript)."""
    from ocr_pipeline.bench.corrections import judge_all, tally

    truth = truth_for_input(truth, kind)
    score = DocScore(name=name, output_found=output is not None, condition=condition_of(truth))
    out = output or {}
    tdoc, odoc = truth.get("document", {}), out.get("document", {}) or {}
    for name_ in DOC_FIELDS:
        score.fields[name_] = output is not None and _field_equal(name_, tdoc.get(name_), odoc.get(name_))
    tm, om = truth.get("measures", []), out.get("measures", []) or []
    score.rows_truth, score.rows_output = len(tm), len(om)
    _score_cells(score, tm, om)
    tpages = {p["number"]: p for p in truth.get("pages", [])}
    opages = {p["number"]: p for p in out.get("pages", []) or []}
    clean, raw, dig, dig_raw = [0, 0], [0, 0], [0, 0], [0, 0]
    for number, tp in tpages.items():
        op = opages.get(number, {})
        for acc, digits, key in ((clean, dig, "text"), (raw, dig_raw, "raw_text")):
            d, n, de, dn = text_errors(tp.get("text", ""), op.get(key, "") or "")
            acc[0] += d
            acc[1] += n
            digits[0] += de
            digits[1] += dn
    score.truth_words = sum(len(word_tokens(tp.get("text", ""))) for tp in tpages.values())
    score.harmful = harmful_corrections(tpages, out.get("corrections", []) or [])
    score.verdicts = tally(judge_all(truth, out))
    score.cer_clean, score.cer_raw = (clean[0], clean[1]), (raw[0], raw[1])
    score.thai_digits, score.thai_digits_raw = (dig[0], dig[1]), (dig_raw[0], dig_raw[1])
    return score


WORD_RULES = ("lexicon", "spell", "gazetteer", "name", "doc-number-prefix")


def word_tokens(text: str) -> list[str]:
    """Words of a Thai text (pythainlp's newmm), spaces dropped."""
    from pythainlp.tokenize import word_tokenize

    return [w for w in word_tokenize(normalize_thai(text), engine="newmm") if w.strip()]


def harmful_corrections(truth_pages: dict, corrections: list[dict]) -> int:
    """Word-level corrections whose 'before' is what the truth page says and whose 'after' is not:
    a right word made wrong."""
    count = 0
    for c in corrections:
        if c.get("rule") not in WORD_RULES or not c.get("before"):
            continue
        pages = [truth_pages[c["page"]]] if c.get("page") in truth_pages else list(truth_pages.values())
        text = fold(" ".join(p.get("text", "") for p in pages))
        if fold(c["before"]) in text and fold(c.get("after", "")) not in text:
            count += 1
    return count


def _field_equal(name: str, truth, output) -> bool:
    if name == "signatories":

        def pairs(items):
            return sorted((fold(s.get("name")), fold(s.get("position"))) for s in items or [])

        return pairs(truth) == pairs(output)
    return fold(truth) == fold(output)


def _score_cells(score: DocScore, truth_rows: list[dict], out_rows: list[dict]) -> None:
    """Align rows in order (edit-distance alignment on row text), then compare cells."""
    pairs = align_rows(truth_rows, out_rows)
    for ti, oi in pairs:
        t = truth_rows[ti]
        o = out_rows[oi] if oi is not None else {}
        for cell in CELL_FIELDS:
            a, b = fold(t.get(cell)), fold(o.get(cell)) if oi is not None else ""
            score.cells_total += 1
            score.cells_exact += a == b
            score.cells_by_field[cell] += a == b
            score.cells_similarity += 1.0 if a == b else Levenshtein.normalized_similarity(a, b)


def _row_key(row: dict) -> str:
    return fold(" ".join(str(row.get(c) or "") for c in ("measure", "step", "result")))


def align_rows(truth_rows: list[dict], out_rows: list[dict]) -> list[tuple[int, int | None]]:
    """Order-preserving best alignment of truth rows to output rows (Needleman-Wunsch)."""
    n, m = len(truth_rows), len(out_rows)
    tk = [_row_key(r) for r in truth_rows]
    ok = [_row_key(r) for r in out_rows]
    sim = [[Levenshtein.normalized_similarity(a, b) for b in ok] for a in tk]
    best = [[0.0] * (m + 1) for _ in range(n + 1)]
    for i in range(1, n + 1):
        for j in range(1, m + 1):
            best[i][j] = max(best[i - 1][j], best[i][j - 1], best[i - 1][j - 1] + sim[i - 1][j - 1])
    pairs: list[tuple[int, int | None]] = []
    i, j = n, m
    while i > 0:
        if j > 0 and best[i][j] == best[i - 1][j - 1] + sim[i - 1][j - 1] and sim[i - 1][j - 1] > 0.3:
            pairs.append((i - 1, j - 1))
            i, j = i - 1, j - 1
        elif j > 0 and best[i][j] == best[i][j - 1]:
            j -= 1
        else:
            pairs.append((i - 1, None))
            i -= 1
    return pairs[::-1]


def text_errors(truth: str, output: str) -> tuple[int, int, int, int]:
    """(edit distance, truth length, Thai-digit errors, Thai digits in truth), after folding.

    A Thai digit of the truth is right when the alignment keeps it (as itself or its Arabic twin).
    """
    t_norm = " ".join(normalize_thai(truth).split())
    o_norm = " ".join(normalize_thai(output).split())
    t, o = fold_for_compare(t_norm), fold_for_compare(o_norm)
    distance = Levenshtein.distance(t, o)
    digit_positions = {i for i, ch in enumerate(t_norm) if ch in THAI_DIGITS}
    wrong = set()
    for op in Levenshtein.editops(t, o):
        if op.tag in ("replace", "delete") and op.src_pos in digit_positions:
            wrong.add(op.src_pos)
    return distance, len(t), len(wrong), len(digit_positions)


@dataclass
class Summary:
    documents: int
    outputs_found: int
    field_accuracy: dict[str, float]
    overall_field_accuracy: float
    rows_right_share: float
    cell_exact: float
    cell_similarity: float
    cer_clean: float
    cer_raw: float
    thai_digit_error: float
    thai_digit_error_raw: float
    harmful_word_rate: float  # right words changed to wrong, per word of the truth text
    cell_exact_by_field: dict[str, float] = field(default_factory=dict)  # column -> share of its cells exact
    corrections: int = 0  # corrections made in all
    corrections_per_document: float = 0.0
    corrections_right_share: float = 0.0  # right / corrections that are not cosmetic
    harmful_corrections_rate: float = 0.0  # harmful corrections per word of the truth text
    corrections_by_rule: dict[str, dict[str, float]] = field(default_factory=dict)


def summarize(scores: list[DocScore]) -> Summary:
    """Aggregate document scores (rates as fractions 0-1)."""
    n = len(scores)

    def ratio(a: float, b: float) -> float:
        return a / b if b else 0.0

    fields = {f: ratio(sum(s.fields.get(f, False) for s in scores), n) for f in DOC_FIELDS}
    return Summary(
        documents=n,
        outputs_found=sum(s.output_found for s in scores),
        field_accuracy=fields,
        overall_field_accuracy=ratio(sum(fields.values()), len(fields)),
        rows_right_share=ratio(sum(s.rows_right for s in scores), n),
        cell_exact=ratio(sum(s.cells_exact for s in scores), sum(s.cells_total for s in scores)),
        cell_similarity=ratio(sum(s.cells_similarity for s in scores), sum(s.cells_total for s in scores)),
        cer_clean=ratio(sum(s.cer_clean[0] for s in scores), sum(s.cer_clean[1] for s in scores)),
        cer_raw=ratio(sum(s.cer_raw[0] for s in scores), sum(s.cer_raw[1] for s in scores)),
        thai_digit_error=ratio(sum(s.thai_digits[0] for s in scores), sum(s.thai_digits[1] for s in scores)),
        thai_digit_error_raw=ratio(
            sum(s.thai_digits_raw[0] for s in scores), sum(s.thai_digits_raw[1] for s in scores)
        ),
        harmful_word_rate=ratio(sum(s.harmful for s in scores), sum(s.truth_words for s in scores)),
        cell_exact_by_field={
            c: ratio(sum(s.cells_by_field[c] for s in scores), sum(s.cells_total for s in scores) / len(CELL_FIELDS))
            for c in CELL_FIELDS
        },
        **_correction_figures(scores),
    )


def _correction_figures(scores: list[DocScore]) -> dict:
    """Corrections made, right share, harmful per word, and the same per rule. The right share is taken
    over the corrections that change content: a cosmetic one (equal to its ``before`` once folded: a digit
    written in the other script, a table rule's bar dropped) is neither right nor wrong."""
    from ocr_pipeline.bench.corrections import VERDICTS

    words = sum(s.truth_words for s in scores)
    by_rule: dict[str, Counter] = {}
    for s in scores:
        for rule, counts in s.verdicts.items():
            by_rule.setdefault(rule, Counter()).update(counts)
    total: Counter = Counter()
    for counts in by_rule.values():
        total.update(counts)
    n = sum(total.get(v, 0) for v in VERDICTS)
    rules = {}
    for rule in sorted(by_rule):
        c = by_rule[rule]
        made = sum(c.get(v, 0) for v in VERDICTS)
        judged = made - c.get("cosmetic", 0)
        rules[rule] = {
            "made": made,
            **{v: c.get(v, 0) for v in VERDICTS},
            "closer": c.get("closer", 0),
            "right_share": c.get("right", 0) / judged if judged else 0.0,
            "harmful_per_word": c.get("harmful", 0) / words if words else 0.0,
        }
    judged = n - total.get("cosmetic", 0)
    return {
        "corrections": n,
        "corrections_per_document": n / len(scores) if scores else 0.0,
        "corrections_right_share": total.get("right", 0) / judged if judged else 0.0,
        "harmful_corrections_rate": total.get("harmful", 0) / words if words else 0.0,
        "corrections_by_rule": rules,
    }

"""Evaluate whole-document place resolution on synthetic documents built from real agencies.

Each document names one real agency (type + a geothai subdistrict, or a municipality or PAO
named after its province) in 4-6 mentions as a memo writes them (header, addressee, title,
body, signature position, address line; abbreviations, officer forms, "อ.เมือง"), then garbles
1-3 characters in some mentions (tone mark dropped, ต↔ด, ช↔ข, letters swapped or replaced) and,
in some documents, puts a real other subdistrict's name in one agency mention.

    .venv/bin/python scripts/eval_gazetteer.py [--docs 300] [--seed 7]

Reports exact agency / subdistrict / district / province / geocode accuracy, the share of
correct text items that the rewrite damaged, what became of garbled items, and time per
document (warm index; the cold build is timed in a fresh interpreter).
"""

from __future__ import annotations

import argparse
import random
import re
import statistics
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import geothai  # noqa: E402
from rapidfuzz import fuzz, process  # noqa: E402

from ocr_pipeline.clean import gazetteer as g  # noqa: E402
from ocr_pipeline.clean.agency import resolve_places  # noqa: E402
from ocr_pipeline.clean.doc_number import LATIN_LOOKALIKES, THAI_CONFUSABLE, abbreviation, repair_doc_number  # noqa: E402
from ocr_pipeline.clean.thai_text import normalize_thai  # noqa: E402

TYPES = [  # (type, abbreviation, officer form, weight): LAO counts in 2020
    ("องค์การบริหารส่วนตำบล", "อบต.", "นายกองค์การบริหารส่วนตำบล", 5312),
    ("เทศบาลตำบล", "ทต.", "นายกเทศมนตรีตำบล", 2230),
    ("เทศบาลเมือง", "ทม.", "นายกเทศมนตรีเมือง", 200),
    ("เทศบาลนคร", "ทน.", "นายกเทศมนตรีนคร", 30),
]
TONES = "\u0e48\u0e49\u0e4a\u0e4b\u0e47\u0e4c\u0e34\u0e35\u0e36\u0e37\u0e31"
CONSONANTS = "กขคงจฉชซดตถทธนบปผพฟภมยรลวศสหอฮ"
SWAPS = {"ต": "ด", "ด": "ต", "ช": "ข", "ข": "ช", "บ": "ป", "ป": "บ", "ม": "น", "พ": "ผ"}
THAI_DIGITS = "๐๑๒๓๔๕๖๗๘๙"


def garble(name: str, rng: random.Random, n: int) -> str:
    """Apply n OCR-like edits to a name (never returning it unchanged)."""
    for _ in range(20):
        s = list(name)
        for _ in range(n):
            op = rng.choice(["tone", "swap", "swap", "transpose", "replace", "delete"])
            idx = list(range(len(s)))
            rng.shuffle(idx)
            if op == "tone":
                i = next((i for i in idx if s[i] in TONES), None)
                if i is not None:
                    del s[i]
                    continue
                op = "swap"
            if op == "swap":
                i = next((i for i in idx if s[i] in SWAPS), None)
                if i is not None:
                    s[i] = SWAPS[s[i]]
                    continue
                op = "replace"
            if op == "transpose" and len(s) > 2:
                i = rng.randrange(len(s) - 1)
                s[i], s[i + 1] = s[i + 1], s[i]
            elif op == "replace":
                cons = [i for i in idx if s[i] in CONSONANTS]
                if cons:
                    s[cons[0]] = rng.choice(CONSONANTS)
            elif op == "delete" and len(s) > 3:
                del s[rng.randrange(len(s))]
        out = normalize_thai("".join(s))
        if out != name and len(out) >= 2:
            return out
    return name[::-1]


def garble_prefix(abbr: str, rng: random.Random) -> str:
    """Misread a province abbreviation: Latin look-alikes (ลบ -> AU) or confusable Thai letters."""
    to_latin: dict[str, list[str]] = {}
    for latin, thai in LATIN_LOOKALIKES.items():
        for t in thai:
            to_latin.setdefault(t, []).append(latin)
    latin = all(c in to_latin for c in abbr) and rng.random() < 0.6
    out = []
    for c in abbr:
        if latin:
            out.append(rng.choice(to_latin[c]))
        else:
            grp = next((grp for grp in THAI_CONFUSABLE if c in grp), "")
            out.append(rng.choice([x for x in grp if x != c]) if grp and rng.random() < 0.7 else c)
    res = "".join(out)
    return res if res != abbr else (abbr[0] + rng.choice(CONSONANTS))


def all_subdistricts() -> list[tuple[str, str, str, str, str]]:
    """(code, subdistrict, district, province, district code) outside Bangkok (no LAOs there)."""
    rows = []
    for p in geothai.provinces():
        if p.code == "10":
            continue
        for d in geothai.districts(p.code):
            for s in geothai.subdistricts(d.code):
                rows.append((s.code, _main(s.name_th), d.name_th, p.name_th, d.code))
    return rows


def _main(name: str) -> str:
    return name.split(" (")[0]


def close_real_name(name: str, province: str, names: list[str], prov_of: dict[str, set[str]]) -> str:
    """A real subdistrict name close to ``name``, from another province (an OCR slip onto a real place)."""
    for cand, score, _ in process.extract(name, names, scorer=fuzz.ratio, limit=12):
        if cand != name and province not in prov_of[cand] and score >= 60:
            return cand
    return process.extract(name, names, scorer=fuzz.ratio, limit=2)[1][0]


SUFFIXES = ["ใหม่", "พัฒนา", "เหนือ", "ใต้", "ตะวันออก", "ทอง", "สามัคคี"]


def unlisted_name(sub: str, rng: random.Random) -> str:
    """A village-style name that no subdistrict, district or province bears (nearest < 90)."""
    for _ in range(20):
        name = "บ้าน" + sub if rng.random() < 0.5 else sub + rng.choice(SUFFIXES)
        near = max(g.top_places(name, lv, None, 1)[0][1] for lv in ("subdistrict", "district", "province"))
        if near < 90:
            return name
    return "บ้าน" + sub + "ใหม่"


def make_doc(rng: random.Random, row, names, prov_of, rate: float = 0.35, unlisted: bool = False) -> dict:
    code, sub, dist, prov, dcode = row
    r = rng.random()
    if unlisted:  # a municipality or SAO named after a village: only its address is in the gazetteer
        typ, abbr, officer, _ = rng.choices(TYPES[:2], weights=[t[3] for t in TYPES[:2]])[0]
        name = unlisted_name(sub, rng)
        truth = dict(agency=typ + name, subdistrict=sub, district=dist, province=prov, geocode=code)
        address_sub = sub
    elif r < 0.06:  # a municipality named after its province, in the capital district
        typ, abbr, officer = "เทศบาลเมือง", "ทม.", "นายกเทศมนตรีเมือง"
        name, dist = prov, geothai.district(code[:2] + "01").name_th
        truth = dict(agency=typ + name, subdistrict=None, district=dist, province=prov, geocode=code[:2] + "0100")
        address_sub = None
    elif r < 0.09:  # a provincial administrative organisation
        typ, abbr, officer = "องค์การบริหารส่วนจังหวัด", "อบจ.", "นายกองค์การบริหารส่วนจังหวัด"
        name = prov
        truth = dict(agency=typ + name, subdistrict=None, district=None, province=prov, geocode=code[:2] + "0000")
        address_sub = None
    else:
        typ, abbr, officer, _ = rng.choices(TYPES, weights=[t[3] for t in TYPES])[0]
        name = sub
        truth = dict(agency=typ + name, subdistrict=sub, district=dist, province=prov, geocode=code)
        address_sub = sub
    capital = dcode.endswith("01") and truth["district"] == dist
    agency = typ + name

    def district_text(short: bool) -> str:
        if short:
            return "อ.เมือง" if capital and rng.random() < 0.6 else f"อ.{dist}"
        return f"อำเภอ{dist}"

    templates = [
        (
            "document.division",
            lambda: (
                f"ส่วนราชการ สำนักปลัด {agency} "
                + (f"อำเภอ{dist} จังหวัด{prov}" if truth["district"] else f"จังหวัด{prov}")
                + " โทร ๐ ๓๖๔๑ ๑๒๒๒"
            ),
        ),
        ("document.addressee", lambda: f"เรียน {officer}{name}"),
        (
            "document.subject",
            lambda: f"รายงานผลการดำเนินงานตามมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายใน{agency} ประจำปีงบประมาณ พ.ศ. ๒๕๖๖",
        ),
        (
            "body",
            lambda: rng.choice(
                [
                    f"ตามที่ {abbr}{name} ได้จัดทำมาตรการส่งเสริมคุณธรรม ช่วง ต.ค. ๒๕๖๕ - มี.ค. ๒๕๖๖",
                    f"ตามที่ {agency}ได้ดำเนินการตามแผนปฏิบัติการป้องกันการทุจริต",
                    f"{agency} จึงขอรายงานผลการดำเนินงาน รอบ ๖ เดือน",
                ]
            ),
        ),
        ("signature.position", lambda: f"ปลัด{agency}"),
        (
            "footer",
            lambda: (
                f"{agency} "
                + (f"ตำบล{address_sub} " if address_sub else "")
                + (
                    f"{district_text(True)} จ.{prov}"
                    if truth["district"] and rng.random() < 0.5
                    else (f"{district_text(False)} จังหวัด{prov}" if truth["district"] else f"จังหวัด{prov}")
                )
            ),
        ),
    ]
    k = rng.randint(4, 6)
    chosen = rng.sample(templates, k)
    items = []
    for n, (fname, make) in enumerate(chosen):
        items.append((1 if n < 3 else 2, fname, normalize_thai(make())))
    if rng.random() < 0.5:
        items.insert(0, (1, "document.doc_number", f"ที่ {abbreviation(prov)} ๕๓๘๐๑/๓๒๔"))
    if unlisted:  # the address is known only as far as the document gives it
        said = " ".join(t for _, _, t in items)

        def says(word: str) -> bool:
            return re.search(f"(?<![\u0e00-\u0e7f]){re.escape(word)}(?![\u0e00-\u0e7f])", said) is not None

        capital_said = dcode.endswith("01") and says("อ.เมือง")
        if not says(f"ตำบล{sub}"):
            truth.update(subdistrict=None, geocode=dcode + "00")
            if not (says(f"อำเภอ{dist}") or says(f"อ.{dist}") or capital_said):
                truth.update(district=None, geocode=code[:2] + "0000")
                if not (says(f"จังหวัด{prov}") or says(f"จ.{prov}") or says(f"ที่ {abbreviation(prov)}")):
                    truth.update(province=None, geocode=None)
    elif typ == "เทศบาลเมือง" and name == prov:
        same = [x for x in geothai.subdistricts(code[:2] + "01") if _main(x.name_th) == prov]
        if same:  # ตำบลมุกดาหาร in อำเภอเมืองมุกดาหาร: the municipality bears its name too
            truth.update(subdistrict=prov, geocode=same[0].code)
        elif not any(f"อำเภอ{dist}" in t or f"อ.{dist}" in t or "อ.เมือง" in t for _, _, t in items):
            truth.update(district=None, geocode=code[:2] + "0000")  # no district said
    # garbles
    garbled = []
    injected = None
    inject = rng.random() < 0.2 and truth["subdistrict"] is not None and not unlisted
    agency_items = [i for i, it in enumerate(items) if name in it[2] and it[1] != "document.doc_number"]
    inject_at = rng.choice(agency_items) if inject and agency_items else None
    for i, (page, fname, text) in enumerate(items):
        if i == inject_at:
            other = close_real_name(name, prov, names, prov_of)
            injected = (i, other)
            garbled.append((page, fname, text.replace(name, other, 1)))
        elif fname == "document.doc_number":
            garbled.append(
                (
                    page,
                    fname,
                    text.replace(abbreviation(prov), garble_prefix(abbreviation(prov), rng), 1)
                    if rng.random() < 0.3
                    else text,
                )
            )
        elif rng.random() < rate:
            # garble the agency name, or a place name, or the type word
            targets = [t for t in (name, dist, prov, typ) if t and t in text]
            t = rng.choice(targets) if targets else None
            if t is None:
                garbled.append((page, fname, text))
            else:
                garbled.append((page, fname, text.replace(t, garble(t, rng, rng.randint(1, 3)), 1)))
        else:
            garbled.append((page, fname, text))
    return dict(truth=truth, items=items, garbled=garbled, injected=injected, unlisted=unlisted)


def cold_build_seconds() -> tuple[float, float]:
    code = (
        "import time,sys; sys.path.insert(0,'.'); t=time.process_time();"
        "from ocr_pipeline.clean.agency import resolve_places; t1=time.process_time();"
        "resolve_places([(1,'x','เทศบาลตำบลกกโก อำเภอเมืองลพบุรี จังหวัดลพบุรี')]); t2=time.process_time();"
        "print(t1-t, t2-t1)"
    )
    root = Path(__file__).resolve().parent.parent
    out = subprocess.run([sys.executable, "-c", code], cwd=root, capture_output=True, text=True, check=True)
    a, b = out.stdout.split()
    return float(a), float(b)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--docs", type=int, default=300)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--show", type=int, default=0, help="print this many failures")
    ap.add_argument("--rewrite-conflicts", action="store_true")
    ap.add_argument("--unlisted", type=int, default=0, help="extra documents of agencies named after villages")
    ap.add_argument("--only-unlisted", action="store_true", help="--show only village-named agencies")
    ap.add_argument("--garble-rate", type=float, default=0.35, help="share of text items garbled")
    ap.add_argument("--show-items", action="store_true", help="print garbled items not restored")
    ap.add_argument("--no-skeleton", action="store_true", help="plain fuzz.ratio, no confusable-letter scoring")
    args = ap.parse_args()
    if args.no_skeleton:
        g.SKELETON_PENALTY = 1000.0
    imp, first = cold_build_seconds()
    rng = random.Random(args.seed)
    rows = all_subdistricts()
    names = sorted({r[1] for r in rows})
    prov_of: dict[str, set[str]] = {}
    for r in rows:
        prov_of.setdefault(r[1], set()).add(r[3])
    docs = [make_doc(rng, rng.choice(rows), names, prov_of, args.garble_rate) for _ in range(args.docs)]
    docs += [make_doc(rng, rng.choice(rows), names, prov_of, args.garble_rate, True) for _ in range(args.unlisted)]
    resolve_places([(1, "x", "เทศบาลตำบลกกโก")])  # warm
    fields = ["agency", "subdistrict", "district", "province", "geocode"]
    stats: dict[str, Counter] = {"listed": Counter(), "unlisted": Counter()}
    times: list[float] = []
    cpu: list[float] = []
    inj = {"restored": 0, "left+warned": 0, "left-silent": 0, "other": 0}
    docnum = {"right": 0, "wrong": 0}
    shown = 0
    for d in docs:
        st = stats["unlisted" if d["unlisted"] else "listed"]
        st["docs"] += 1
        t, c = time.perf_counter(), time.process_time()
        res = resolve_places(d["garbled"], rewrite_conflicts=args.rewrite_conflicts)
        times.append(time.perf_counter() - t)
        cpu.append(time.process_time() - c)
        bad = False
        for f in fields:
            got, want = getattr(res, f), d["truth"][f]
            if got == want:
                st[f, "right"] += 1
            elif got is None:
                st[f, "none"] += 1
                bad = True
            elif (
                f == "geocode"
                and want
                and ((got[2:] == "0000" and got[:2] == want[:2]) or (got[4:] == "00" and got[:4] == want[:4]))
            ):
                st["coarser"] += 1
                bad = True
            else:
                st[f, "wrong"] += 1
                bad = True
        for i, ((page, fname, truth), (_, _, raw)) in enumerate(zip(d["items"], d["garbled"])):
            if fname == "document.doc_number":
                fixed_no, _, _ = repair_doc_number(raw, res.province, province_confident=res.province_confident)
                ok = fixed_no == truth[4:]
                docnum["right" if ok else "wrong"] += 1
                if not ok and args.show_items:
                    print(f"DOCNO want {truth} read {raw} got {fixed_no} province {res.province}")
                continue
            out = res.apply(page, fname, raw)
            if d["injected"] and d["injected"][0] == i:
                if out == truth:
                    inj["restored"] += 1
                elif out == normalize_thai(raw):
                    warned = any(d["injected"][1] in w for w in res.warnings)
                    inj["left+warned" if warned else "left-silent"] += 1
                    if not warned and args.show_items:
                        print(f"INJECTED-SILENT {raw}\n      {res.agency} {res.warnings}")
                else:
                    inj["other"] += 1
                    if args.show_items:
                        print(f"INJECTED-OTHER want {truth}\n      read {raw}\n      got  {out}")
                continue
            if raw == truth:
                st["items_ok"] += 1
                if out != truth:
                    st["damaged"] += 1
                    bad = True
                    if args.show_items:
                        print(f"DAMAGED want {truth}\n        got  {out}")
            else:
                st["garbled"] += 1
                st["fixed" if out == truth else "left" if out == normalize_thai(raw) else "still_wrong"] += 1
                if out != truth and args.show_items:
                    print(f"ITEM  want {truth}\n      read {raw}\n      got  {out}\n      {res.agency} {res.score}")
        if bad and shown < args.show and (d["unlisted"] or not args.only_unlisted):
            shown += 1
            print("---", d["truth"])
            for (_, _, a), (_, _, b) in zip(d["items"], d["garbled"]):
                print("  ", a if a == b else f"{a}  <-  {b}")
            print("   got:", {f: getattr(res, f) for f in fields}, res.score, res.margin)
            for w in res.warnings:
                print("   warn:", w)
            for c in res.corrections:
                print("   corr:", c.before, "->", c.after, c.score)
    print(f"seed {args.seed}, garble rate {args.garble_rate}")
    for group, st in stats.items():
        n = st["docs"]
        if not n:
            continue
        what = "real agencies" if group == "listed" else "agencies named after villages (not in geothai)"
        print(f"{n} documents of {what}:")
        for f in fields:
            print(
                f"  {f:12s} exact {st[f, 'right'] / n:6.1%}   wrong {st[f, 'wrong'] / n:6.1%}"
                f"   None {st[f, 'none'] / n:6.1%}"
            )
        print(f"  geocode of the right district/province only (zero-padded, with a warning): {st['coarser'] / n:.1%}")
        print(
            f"  correct text items: {st['items_ok']}; changed to something wrong: {st['damaged']} "
            f"({st['damaged'] / max(st['items_ok'], 1):.2%})"
        )
        print(
            f"  garbled text items: {st['garbled']}; restored exactly: {st['fixed']} "
            f"({st['fixed'] / max(st['garbled'], 1):.1%}), left as read: {st['left']}, "
            f"changed but still wrong: {st['still_wrong']}"
        )
    print(f"injected real other place names: {sum(inj.values())}: {inj}")
    print(f"document numbers (30% with a misread prefix): {docnum}")
    for label, xs in (("wall", times), ("CPU", cpu)):
        ms = sorted(x * 1000 for x in xs)
        print(
            f"time per document, warm index ({label}): mean {statistics.mean(ms):.1f} ms, "
            f"median {statistics.median(ms):.1f} ms, p95 {ms[int(0.95 * len(ms)) - 1]:.1f} ms, max {ms[-1]:.1f} ms"
        )
    print(
        f"cold start, fresh interpreter (CPU): import {imp * 1000:.0f} ms, "
        f"first document incl. index build {first * 1000:.0f} ms"
    )


if __name__ == "__main__":
    main()

"""Evaluate the lexicon clean-up (ocr_pipeline/clean/lexicon.py, names.py) on garbled real vocabulary.

Material: sentences composed for this script from ITA report wording (below; not from the benchmark
generator), the real units/positions lists (dictionaries/units.txt, positions.txt; positions with a
rank suffix or with a real subdistrict name from geothai after them), and people's names from
pythainlp's name lists. Garbling imitates Tesseract's Thai model: dropped tone marks and upper/lower
vowels, ช/ซ/ข ด/ต บ/ป ผ/ฝ ถ/ภ ..., ิ/ี, ำ -> ํา, a character dropped or doubled, at ``--rate`` per
character. Names: 30 % of given names and 70 % of family names are removed from the known-name lists
the resolver sees (real people's family names are mostly not in a 10k list).

    .venv/bin/python scripts/eval_lexicon.py [--rounds 8] [--rate 0.04] [--seed 1] [--tesseract 60]

Reports, for free text (without and with pythainlp's ``pn`` spell checker): the share of garbled
words repaired right, of correct words damaged, CER before/after; for units/positions and names:
exact match before/after and false changes; time per document (warm, and cold in a fresh
interpreter). ``--tesseract N`` also renders N held-out lines (odd-numbered: the confusion costs
were counted on the even ones) in Laksaman at 300 dpi, degrades them like a poor scan, OCRs them
with ``tha+eng --psm 7`` (OMP_THREAD_LIMIT=1) and repairs the output.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from rapidfuzz.distance import Levenshtein  # noqa: E402

from ocr_pipeline.clean import lexicon as lx  # noqa: E402
from ocr_pipeline.clean import names as nm  # noqa: E402
from ocr_pipeline.clean.thai_text import normalize_thai  # noqa: E402
from ocr_pipeline.resources import load_list  # noqa: E402

SENTENCES = [
    "จัดทำประกาศเจตจำนงสุจริตในการบริหารงานของผู้บริหารและเผยแพร่ทางเว็บไซต์ของหน่วยงาน",
    "เผยแพร่ข้อมูลข่าวสารการจัดซื้อจัดจ้างประจำเดือนบนเว็บไซต์และบอร์ดประชาสัมพันธ์",
    "แต่งตั้งคณะทำงานจัดทำมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน",
    "ประชุมชี้แจงแนวทางการป้องกันผลประโยชน์ทับซ้อนให้แก่พนักงานส่วนตำบลและพนักงานจ้าง",
    "รายงานผลการดำเนินงานตามแผนปฏิบัติการป้องกันการทุจริตรอบหกเดือนให้ผู้บริหารทราบ",
    "มีช่องทางรับเรื่องร้องเรียนการทุจริตและประพฤติมิชอบทั้งทางโทรศัพท์ เว็บไซต์ และตู้รับเรื่องร้องเรียน",
    "ไม่พบเรื่องร้องเรียนเกี่ยวกับการทุจริตในปีงบประมาณนี้",
    "ดำเนินการแล้วเสร็จตามระยะเวลาที่กำหนดและรายงานผลต่อนายกองค์การบริหารส่วนตำบล",
    "จัดโครงการฝึกอบรมคุณธรรมจริยธรรมให้แก่ผู้บริหาร สมาชิกสภา และพนักงานทุกคน",
    "ประกาศนโยบายไม่รับของขวัญและประโยชน์อื่นใดจากการปฏิบัติหน้าที่",
    "สรุปผลการจัดซื้อจัดจ้างรายเดือนและเผยแพร่ให้ประชาชนทราบภายในเวลาที่กำหนด",
    "จัดทำคู่มือการปฏิบัติงานเรื่องร้องเรียนและคู่มือสำหรับประชาชน",
    "ทบทวนการประเมินความเสี่ยงการทุจริตและกำหนดมาตรการควบคุมความเสี่ยง",
    "เจ้าหน้าที่ผู้รับผิดชอบตรวจสอบข้อมูลบนเว็บไซต์ให้เป็นปัจจุบันทุกเดือน",
    "ผู้บังคับบัญชากำกับดูแลการปฏิบัติงานของผู้ใต้บังคับบัญชาให้เป็นไปตามประมวลจริยธรรม",
    "แจ้งเวียนประมวลจริยธรรมสำหรับเจ้าหน้าที่ของรัฐให้บุคลากรทุกคนรับทราบและถือปฏิบัติ",
    "จัดให้มีการรับฟังความคิดเห็นของประชาชนต่อการให้บริการของหน่วยงาน",
    "สำรวจความพึงพอใจของผู้รับบริการโดยใช้แบบสอบถามและวิเคราะห์ผลการสำรวจ",
    "ผู้บริหารมอบนโยบายด้านคุณธรรมและความโปร่งใสในการประชุมประจำเดือน",
    "เผยแพร่แผนการจัดซื้อจัดจ้างประจำปีงบประมาณและประกาศผู้ชนะการเสนอราคา",
    "ดำเนินการตามพระราชบัญญัติข้อมูลข่าวสารของราชการโดยจัดให้มีศูนย์ข้อมูลข่าวสาร",
    "ปรับปรุงขั้นตอนการให้บริการเพื่อลดระยะเวลาและอำนวยความสะดวกแก่ประชาชน",
    "บุคลากรได้รับความรู้ความเข้าใจเรื่องผลประโยชน์ทับซ้อนเพิ่มขึ้น",
    "ยกย่องเชิดชูเกียรติบุคลากรที่เป็นแบบอย่างที่ดีด้านความซื่อสัตย์สุจริต",
    "มีการรายงานการกำกับติดตามการใช้จ่ายงบประมาณเป็นรายไตรมาส",
    "การเบิกจ่ายงบประมาณเป็นไปตามระเบียบกระทรวงมหาดไทยและหลักเกณฑ์ที่เกี่ยวข้อง",
    "จัดทำแผนพัฒนาบุคลากรและเผยแพร่หลักเกณฑ์การบริหารและพัฒนาทรัพยากรบุคคล",
    "ส่งเสริมให้ประชาชนมีส่วนร่วมในการตรวจสอบการดำเนินงานของหน่วยงาน",
    "ติดตั้งกล่องรับความคิดเห็นและตรวจสอบทุกสัปดาห์",
    "อยู่ระหว่างดำเนินการจัดทำรายงานผลการดำเนินงานประจำปี",
    "ผลการประเมินคุณธรรมและความโปร่งใสของหน่วยงานผ่านเกณฑ์ที่กำหนด",
    "วิเคราะห์ผลการประเมินและจัดทำแนวทางการแก้ไขปัญหาการทุจริต",
    "ประชาสัมพันธ์ช่องทางการร้องเรียนผ่านเสียงตามสายและหอกระจายข่าวในหมู่บ้าน",
    "คณะกรรมการตรวจรับพัสดุตรวจรับงานให้เป็นไปตามสัญญา",
    "ไม่มีผู้ร้องเรียนเรื่องการจัดซื้อจัดจ้างในรอบหกเดือน",
    "สร้างความรู้ความเข้าใจเรื่องการขัดกันระหว่างประโยชน์ส่วนบุคคลและประโยชน์ส่วนรวม",
    "จัดทำประกาศมาตรฐานการให้บริการและระยะเวลาการให้บริการ",
    "ส่งเจ้าหน้าที่เข้ารับการฝึกอบรมหลักสูตรการป้องกันการทุจริต",
    "มีการควบคุมภายในและตรวจสอบภายในอย่างต่อเนื่องตลอดปีงบประมาณ",
    "เผยแพร่ข้อมูลผู้บริหาร โครงสร้าง และอำนาจหน้าที่ของหน่วยงานบนเว็บไซต์",
    "ผู้บริหารและบุคลากรร่วมกันประกาศเจตนารมณ์ต่อต้านการทุจริต",
    "จัดกิจกรรมรณรงค์ปลูกจิตสำนึกด้านคุณธรรมแก่เด็กและเยาวชนในชุมชน",
    "รายงานผลการดำเนินการให้ที่ประชุมพนักงานทราบเพื่อปรับปรุงการทำงาน",
    "ดำเนินการทางวินัยกับเจ้าหน้าที่ที่ไม่ปฏิบัติตามระเบียบ",
    "ยังไม่ได้ดำเนินการเนื่องจากอยู่ระหว่างรอการอนุมัติจากผู้บริหาร",
    "จัดทำสถิติการให้บริการและข้อมูลสถิติเรื่องร้องเรียนรายไตรมาส",
    "เจ้าหน้าที่ให้บริการด้วยความเป็นธรรม เท่าเทียม และไม่เลือกปฏิบัติ",
    "ใช้ระบบการจัดซื้อจัดจ้างภาครัฐตามพระราชบัญญัติการจัดซื้อจัดจ้างและการบริหารพัสดุภาครัฐ",
    "มีการเปิดเผยราคากลางและผลการพิจารณาให้ผู้เสนอราคาทราบ",
    "ผลการดำเนินงานบรรลุเป้าหมายร้อยละหนึ่งร้อยของตัวชี้วัด",
    "จัดประชุมคณะกรรมการเพื่อพิจารณาแผนการดำเนินงานประจำปี",
    "สำนักปลัดรับผิดชอบเผยแพร่ข่าวประชาสัมพันธ์และกิจกรรมของหน่วยงาน",
    "มีคำสั่งมอบหมายเจ้าหน้าที่รับผิดชอบการเผยแพร่ข้อมูลสาธารณะ",
    "จัดทำรายงานผลการดำเนินงานตามแผนพัฒนาท้องถิ่นเสนอต่อสภา",
    "ประกาศรายชื่อผู้ผ่านการคัดเลือกเป็นพนักงานจ้างอย่างเปิดเผย",
    "เปิดโอกาสให้ภาคประชาชนและภาคีเครือข่ายเข้าร่วมติดตามการดำเนินงาน",
    "จัดทำบันทึกข้อความเสนอผู้บังคับบัญชาเพื่อโปรดพิจารณาอนุมัติ",
    "ตอบกลับผู้ร้องเรียนภายในสิบห้าวันนับจากวันที่ได้รับเรื่อง",
    "ทุกส่วนราชการร่วมกันจัดทำข้อมูลเพื่อรับการประเมิน",
    "ผลการตรวจสอบไม่พบการกระทำที่ขัดต่อประมวลจริยธรรม",
    "จึงเรียนมาเพื่อโปรดทราบและพิจารณาสั่งการต่อไป",
    "รายงานผลการดำเนินงานตามมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน",
    "ตามที่หน่วยงานได้ประกาศมาตรการส่งเสริมคุณธรรมและความโปร่งใส บัดนี้ได้ดำเนินการเรียบร้อยแล้ว รายละเอียดตามเอกสารแนบ",
    "เพื่อให้การปฏิบัติงานเป็นไปด้วยความโปร่งใส ตรวจสอบได้ และเกิดประสิทธิภาพสูงสุด",
    # Sentences with digits, Latin text and a bracketed name: these must never change.
    "เผยแพร่ทางเว็บไซต์ www.example.go.th และเพจ Facebook ของหน่วยงาน จำนวน ๑๒ ครั้ง",
    "จัดอบรมเมื่อวันที่ ๑๕ มีนาคม ๒๕๖๖ มีผู้เข้าร่วม ๔๕ คน คิดเป็นร้อยละ ๙๐",
    "มอบหมายให้ (นางสาวสุดา ใจดี) เป็นผู้ประสานงานการเผยแพร่ข้อมูล",
    # Everyday wording with few domain words.
    "เด็กและเยาวชนในหมู่บ้านร่วมกันปลูกต้นไม้และทำความสะอาดถนนในวันหยุด",
    "ประชาชนสามารถแจ้งปัญหาไฟฟ้าดับหรือน้ำประปาไม่ไหลได้ที่สำนักงานตลอดเวลาราชการ",
]

TONES = "\u0e48\u0e49\u0e4a\u0e4b"
UPPER = "\u0e31\u0e34\u0e35\u0e36\u0e37\u0e47\u0e4c\u0e38\u0e39"
SWAPS = {
    "ช": "ขซ",
    "ซ": "ชข",
    "ข": "ชซ",
    "ต": "ด",
    "ด": "ต",
    "บ": "ป",
    "ป": "บ",
    "ผ": "ฝถ",
    "ฝ": "ผ",
    "ถ": "ภ",
    "ภ": "ถ",
    "พ": "ฟ",
    "ม": "บน",
    "ล": "ส",
    "อ": "ย",
    "ร": "ว",
    "\u0e34": "\u0e35\u0e47",
    "\u0e35": "\u0e34",
    "\u0e36": "\u0e37",
    "\u0e37": "\u0e36",
    "\u0e38": "\u0e39",
    "\u0e39": "\u0e38",
    "\u0e48": "\u0e49",
    "\u0e49": "\u0e48",
    "\u0e31": "\u0e34",
}
CONSONANTS = "กขคงจฉชซฌญฎฏฐฑฒณดตถทธนบปผฝพฟภมยรลวศษสหฬอฮ"
# (operation, weight): roughly the mix seen in Tesseract's Thai output (docs/thai-ocr-facts.md, and
# the rendered-line counts behind dictionaries/ocr_confusions.tsv).
OPS = [("tone", 30), ("upper", 15), ("swap", 30), ("sara_am", 5), ("drop", 7), ("double", 5), ("other", 8)]


def garble(text: str, rng: random.Random, rate: float) -> str:
    """OCR-like garbling: about ``rate`` edits per Thai character."""
    s = list(text)
    n_thai = sum("\u0e01" <= c <= "\u0e4e" for c in s)
    n_edits = sum(rng.random() < rate for _ in range(n_thai))
    for _ in range(n_edits):
        op = rng.choices([o for o, _w in OPS], [w for _o, w in OPS])[0]
        idx = list(range(len(s)))
        rng.shuffle(idx)
        if op == "tone":
            i = next((i for i in idx if s[i] in TONES), None)
            if i is not None:
                del s[i]
        elif op == "upper":
            i = next((i for i in idx if s[i] in UPPER), None)
            if i is not None:
                del s[i]
        elif op == "swap":
            i = next((i for i in idx if s[i] in SWAPS), None)
            if i is not None:
                s[i] = rng.choice(SWAPS[s[i]])
        elif op == "sara_am":
            i = next((i for i in idx if s[i] == "\u0e33"), None)
            if i is not None:
                s[i : i + 1] = ["\u0e4d", "\u0e32"]
        elif op in ("drop", "double", "other"):
            i = next((i for i in idx if "\u0e01" <= s[i] <= "\u0e4e"), None)
            if i is None:
                continue
            if op == "drop":
                del s[i]
            elif op == "double":
                s.insert(i, s[i])
            elif s[i] in CONSONANTS:
                s[i] = rng.choice(CONSONANTS)
    return "".join(s)


# ----------------------------------------------------------------------------- word scoring


def word_spans(truth: str) -> list[tuple[int, int]]:
    """Word ranges of the truth (newmm, pythainlp's own dictionary: domain phrases count as
    several words); spaces are not words."""
    from pythainlp.tokenize import word_tokenize

    spans, pos = [], 0
    for tok in word_tokenize(truth, engine="newmm", keep_whitespace=True):
        if tok.strip():
            spans.append((pos, pos + len(tok)))
        pos += len(tok)
    return spans


def wrong_words(truth: str, text: str, spans: list[tuple[int, int]]) -> set[int]:
    """Indices of truth words that ``text`` does not reproduce exactly."""
    owner = [-1] * (len(truth) + 1)
    for w, (a, b) in enumerate(spans):
        for i in range(a, b):
            owner[i] = w
    bad: set[int] = set()
    for op, i, _j in Levenshtein.editops(truth, text):
        if op == "insert":
            for k in (i - 1, i):
                if 0 <= k < len(truth) and owner[k] >= 0:
                    bad.add(owner[k])
        elif owner[i] >= 0:
            bad.add(owner[i])
    return bad


class WordStats:
    def __init__(self) -> None:
        self.garbled = self.fixed = self.clean = self.damaged = 0
        self.chars = self.err_before = self.err_after = 0
        self.changes = 0

    def add(self, truth: str, before: str, after: str, n_changes: int) -> None:
        spans = word_spans(truth)
        wb, wa = wrong_words(truth, before, spans), wrong_words(truth, after, spans)
        self.garbled += len(wb)
        self.fixed += len(wb - wa)
        self.clean += len(spans) - len(wb)
        self.damaged += len(wa - wb)
        self.chars += len(truth)
        self.err_before += Levenshtein.distance(truth, before)
        self.err_after += Levenshtein.distance(truth, after)
        self.changes += n_changes

    def report(self, label: str) -> str:
        return (
            f"{label}: garbled words repaired right {self.fixed}/{self.garbled} = {pct(self.fixed, self.garbled)}; "
            f"correct words damaged {self.damaged}/{self.clean} = {pct(self.damaged, self.clean, 2)}; "
            f"CER {pct(self.err_before, self.chars, 2)} -> {pct(self.err_after, self.chars, 2)}; changes {self.changes}"
        )


def pct(a: float, b: float, nd: int = 1) -> str:
    return f"{100.0 * a / b:.{nd}f} %" if b else "n/a"


# ----------------------------------------------------------------------------- evaluations


def eval_free_text(rounds: int, rate: float, seed: int) -> None:
    for label, common, pn in (
        ("domain words only", False, False),
        ("+ common words (default)", True, False),
        ("+ common words + pythainlp pn", True, True),
        ("domain words + pythainlp pn", False, True),
    ):
        rng = random.Random(seed)
        st = WordStats()
        for _ in range(rounds):
            for truth in SENTENCES:
                before = normalize_thai(garble(truth, rng, rate))
                after, changes = lx.repair_words(before, common=common, pn=pn)
                st.add(truth, before, after, len(changes))
        print(st.report(f"free text, {label}"))


# Real unit and position names that are NOT in units.txt / positions.txt: they must never be
# "repaired" into a listed one.
OOV_UNITS = [
    "กองการแพทย์",
    "กองส่งเสริมคุณภาพชีวิต",
    "กองกิจการสภา",
    "งานกิจการสภา",
    "งานสวนสาธารณะ",
    "งานรักษาความสะอาด",
    "กองสวัสดิการและพัฒนาชุมชน",
    "งานทะเบียนราษฎร",
    "งานพัฒนาชุมชน",
    "งานสาธารณสุข",
    "งานส่งเสริมสุขภาพ",
    "งานกิจการประปา",
    "งานวิศวกรรม",
    "งานผังเมือง",
    "งานสถานธนานุบาล",
    "กองการเงิน",
    "งานทะเบียนพาณิชย์",
    "กองสาธารณสุข",
    "กองวิชาการ",
    "กองแผนงาน",
    "ฝ่ายบริหารงานคลัง",
    "งานการเงิน",
    "งานบัญชี",
    "ฝ่ายส่งเสริมการศึกษา",
    "งานกีฬาและนันทนาการ",
]
OOV_POSITIONS = [
    "นักบริหารงานท้องถิ่น",
    "นักบริหารงานคลัง",
    "นักบริหารงานช่าง",
    "นักบริหารงานทั่วไป",
    "นักบริหารงานการศึกษา",
    "นักสังคมสงเคราะห์",
    "นักวิชาการสุขาภิบาล",
    "นักวิชาการเกษตร",
    "นักวิชาการสิ่งแวดล้อม",
    "เจ้าพนักงานสาธารณสุข",
    "นายช่างไฟฟ้า",
    "นายช่างสำรวจ",
    "วิศวกรโยธา",
    "สถาปนิก",
    "ครูผู้ดูแลเด็ก",
    "พนักงานขับรถยนต์",
    "ผู้อำนวยการกองการประปา",
    "หัวหน้าฝ่ายพัฒนารายได้",
    "หัวหน้าฝ่ายบริหารงานคลัง",
    "เลขานุการนายกเทศมนตรี",
    "ประธานสภาเทศบาล",
    "สมาชิกสภาเทศบาล",
    "ผู้อำนวยการกองช่างสุขาภิบาล",
    "หัวหน้างานธุรการ",
    "ผู้ช่วยเจ้าพนักงานพัสดุ",
]


def closed_items(rng: random.Random) -> list[tuple[str, str, str]]:
    """(kind, truth, agency tail) for unit cells and position lines."""
    import geothai

    units = list(load_list("units.txt"))
    positions = list(load_list("positions.txt"))
    places = [
        s.name_th
        for p in geothai.provinces()
        for d in geothai.districts(p.code)
        for s in geothai.subdistricts(d.code)
        if "(" not in s.name_th
    ]
    items = [("unit", u, "") for u in units]
    for _ in range(len(units)):
        a, b = rng.sample(units, 2)
        items.append(("unit", f"{a} {rng.choice(['/', ',', ''])} {b}".replace("  ", " "), ""))
    for p in positions:
        items.append(("position", p, ""))
        if p.endswith(("ตำบล", "เมือง", "นคร", "จังหวัด")):
            items.append(("position", p, rng.choice(places)))
        elif p.startswith(("นัก", "เจ้าพนักงาน", "นิติกร")):
            items.append(("position", p + rng.choice(lx.ranks()[:8]), ""))
    return items


def eval_closed(rounds: int, rate: float, seed: int) -> None:
    rng = random.Random(seed)
    items = closed_items(rng)
    items += [("oov unit", u, "") for u in OOV_UNITS] + [("oov position", p, "") for p in OOV_POSITIONS]
    for kind in ("unit", "position", "oov unit", "oov position"):
        n = ok_before = ok_after = g = g_fixed = clean = damaged = wrong = 0
        for _ in range(rounds):
            for k, truth, tail in items:
                if k != kind:
                    continue
                read = normalize_thai(garble(truth, rng, rate)) + tail
                full = truth + tail
                if kind.endswith("unit"):
                    after, _ch = lx.repair_units(read)
                else:
                    after = lx.repair_position(read).text
                n += 1
                ok_before += read == full
                ok_after += after == full
                if read == full:
                    clean += 1
                    damaged += after != full
                else:
                    g += 1
                    g_fixed += after == full
                    wrong += after not in (full, read)
        print(
            f"{kind}s ({n} items): exact {pct(ok_before, n)} -> {pct(ok_after, n)}; "
            f"garbled repaired {g_fixed}/{g} = {pct(g_fixed, g)} (changed but still wrong {wrong}); "
            f"correct changed {damaged}/{clean} = {pct(damaged, clean, 2)}"
        )


def name_docs(rng: random.Random, n_docs: int, rate: float):
    from pythainlp.corpus import thai_family_names, thai_female_names, thai_male_names

    male = sorted(normalize_thai(x) for x in thai_male_names())
    female = sorted(normalize_thai(x) for x in thai_female_names())
    family = sorted(normalize_thai(x) for x in thai_family_names())
    unknown_given = set(rng.sample(male + female, int(0.3 * (len(male) + len(female)))))
    unknown_family = set(rng.sample(family, int(0.7 * len(family))))
    known = nm.KnownNames(frozenset(male + female) - unknown_given, frozenset(family) - unknown_family)
    docs = []
    for _ in range(n_docs):
        mentions, truths = [], []
        for _p in range(rng.choice([2, 2, 3])):
            sex = rng.random() < 0.5
            given = rng.choice(male if sex else female)
            title = rng.choice(["นาย"] * 6 + ["ว่าที่ร้อยตรี"]) if sex else rng.choice(["นาง", "นางสาว", "นางสาว"])
            truth = f"{title}{given} {rng.choice(family)}"
            for m in range(rng.choice([1, 1, 2, 2, 3])):
                parsed = nm.parse_name(truth)
                g = normalize_thai(garble(parsed.given, rng, rate))
                f = normalize_thai(garble(parsed.family, rng, rate))
                read = f"{parsed.title}{g}{'' if rng.random() < 0.03 else ' '}{f}"
                mentions.append((m + 1, "signatory" if m == 0 else "body", read))
                truths.append(truth)
        docs.append((mentions, truths))
    return docs, known


def eval_names(n_docs: int, rate: float, seed: int, single_known: bool = False) -> None:
    rng = random.Random(seed)
    docs, known = name_docs(rng, n_docs, rate)
    n = ok_b = ok_a = clean = damaged = g = fixed = 0
    t0 = time.perf_counter()
    for mentions, truths in docs:
        out, _corr, _warn = nm.resolve_names(mentions, known, single_known=single_known)
        for (_p, _f, read), truth, after in zip(mentions, truths, out):
            n += 1
            ok_b += read == truth
            ok_a += after == truth
            if read == truth:
                clean += 1
                damaged += after != truth
            else:
                g += 1
                fixed += after == truth
    dt = (time.perf_counter() - t0) / len(docs) * 1000
    print(
        f"names{' (+ single_known)' if single_known else ''} ({n} mentions in {len(docs)} documents): exact {pct(ok_b, n)} -> {pct(ok_a, n)}; "
        f"garbled repaired {fixed}/{g} = {pct(fixed, g)}; correct changed {damaged}/{clean} = {pct(damaged, clean, 2)}; "
        f"{dt:.1f} ms/document"
    )


def typical_document(rng: random.Random, rate: float) -> dict:
    """The lexicon-relevant text of one report: subject, 20 table rows, 3 signatories."""
    units = list(load_list("units.txt"))
    rows = []
    for _ in range(20):
        rows.append(
            {
                "measure": garble(rng.choice(SENTENCES), rng, rate),
                "step": garble(rng.choice(SENTENCES), rng, rate),
                "result": garble(rng.choice(SENTENCES), rng, rate),
                "responsible": garble(rng.choice(units), rng, rate),
            }
        )
    return {
        "subject": garble(SENTENCES[-10], rng, rate),
        "rows": rows,
        "positions": [
            garble(p, rng, rate) for p in ("ปลัดเทศบาลตำบลกกโก", "นักวิเคราะห์นโยบายและแผนชำนาญการ", "ผู้อำนวยการกองคลัง")
        ],
        "names": [
            (1, "signatory", garble("นายวิภาค คงไชย", rng, rate)),
            (1, "signatory", "นางสาวสุดา ใจดี"),
            (2, "body", garble("นายวิภาค คงไชย", rng, rate)),
        ],
    }


def clean_document(doc: dict) -> int:
    n = len(lx.repair_words(doc["subject"])[1])
    for r in doc["rows"]:
        for f in ("measure", "step", "result"):
            n += len(lx.repair_words(r[f])[1])
        n += len(lx.repair_units(r["responsible"])[1])
    for p in doc["positions"]:
        n += len(lx.repair_position(p).changes)
    n += len(nm.resolve_names(doc["names"])[1])
    return n


def eval_speed(rate: float, seed: int) -> None:
    rng = random.Random(seed + 99)
    docs = [typical_document(rng, rate) for _ in range(12)]
    chars = sum(len(r[f]) for r in docs[0]["rows"] for f in ("measure", "step", "result"))
    clean_document(docs[0])  # warm-up (loads dictionaries)
    clean_document(docs[1])
    times, cpu = [], []
    for d in docs[2:]:
        t0, c0 = time.perf_counter(), time.process_time()
        clean_document(d)
        times.append((time.perf_counter() - t0) * 1000)
        cpu.append((time.process_time() - c0) * 1000)
    print(
        f"time per document (~{chars} chars of free text, 20 responsible cells, 3 positions, 3 names): "
        f"warm median {statistics.median(times):.1f} ms wall / {statistics.median(cpu):.1f} ms CPU, "
        f"max {max(times):.1f} ms wall (load average now {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores)"
    )
    code = (
        "import time, random, sys; t0 = time.perf_counter(); sys.path.insert(0, 'scripts'); "
        "import eval_lexicon as e; t1 = time.perf_counter(); "
        f"d = e.typical_document(random.Random({seed}), {rate}); t2, c2 = time.perf_counter(), time.process_time(); "
        "e.clean_document(d); t3, c3 = time.perf_counter(), time.process_time(); "
        "print(f'{(t1-t0)*1000:.0f} {(t3-t2)*1000:.0f} {(c3-c2)*1000:.0f}')"
    )
    root = Path(__file__).resolve().parent.parent
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=root).stdout.split()
    if len(out) == 3:
        print(
            f"cold (fresh interpreter): imports {out[0]} ms, first document incl. dictionary loading "
            f"{out[1]} ms wall / {out[2]} ms CPU"
        )


# ----------------------------------------------------------------------------- real Tesseract


def _render(text: str, rng: random.Random, factor: float):
    import io

    import numpy as np
    from PIL import Image, ImageDraw, ImageFont

    font = ImageFont.truetype("/usr/share/fonts/truetype/tlwg/Laksaman.ttf", 67)  # 16 pt at 300 dpi
    img = Image.new("L", (int(font.getlength(text)) + 80, 134), 255)
    ImageDraw.Draw(img).text((40, 20), text, font=font, fill=0)
    small = img.resize((int(img.width * factor), int(img.height * factor)), Image.BILINEAR)
    noise = np.random.default_rng(rng.randrange(1 << 30)).normal(0, 30, (small.height, small.width))
    small = Image.fromarray(np.clip(np.asarray(small, dtype=np.float32) + noise, 0, 255).astype(np.uint8))
    buf = io.BytesIO()
    small.save(buf, "JPEG", quality=40)
    img = Image.open(buf).resize(img.size, Image.BILINEAR)
    return Image.fromarray(((np.asarray(img) > 140 + 30 * rng.random()) * 255).astype(np.uint8))


def eval_tesseract(n: int, seed: int) -> None:
    os.environ["OMP_THREAD_LIMIT"] = "1"
    import pytesseract

    rng = random.Random(seed)
    lines = (
        [("text", s) for s in SENTENCES]
        + [("unit", u) for u in load_list("units.txt")]
        + [("position", p) for p in load_list("positions.txt")]
    )
    lines = lines[1::2][:n]  # held out: the confusion costs were counted on the even-numbered lines
    st = WordStats()
    closed = {"unit": [0, 0, 0], "position": [0, 0, 0]}
    t0 = time.perf_counter()
    for kind, truth in lines:
        read = normalize_thai(
            pytesseract.image_to_string(_render(truth, rng, 0.26), lang="tha+eng", config="--psm 7").strip()
        )
        if kind == "text":
            after, ch = lx.repair_words(read)
            st.add(truth, read, after, len(ch))
        else:
            after = lx.repair_units(read)[0] if kind == "unit" else lx.repair_position(read).text
            c = closed[kind]
            c[0] += 1
            c[1] += read == truth
            c[2] += after == truth
    print(f"real Tesseract ({len(lines)} held-out lines, {time.perf_counter() - t0:.0f} s):")
    print("  " + st.report("free text"))
    for kind, (k, b, a) in closed.items():
        print(f"  {kind}s ({k}): exact {pct(b, k)} -> {pct(a, k)}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--rounds", type=int, default=8, help="garbled copies of each sentence / item")
    ap.add_argument("--rate", type=float, default=0.04, help="OCR edits per Thai character")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--name-docs", type=int, default=400)
    ap.add_argument("--tesseract", type=int, default=0, help="also OCR this many rendered held-out lines")
    a = ap.parse_args()
    print(f"garble rate {a.rate:.0%} per Thai character, seed {a.seed}")
    eval_free_text(a.rounds, a.rate, a.seed)
    eval_closed(a.rounds, a.rate, a.seed)
    eval_names(a.name_docs, a.rate, a.seed)
    eval_names(a.name_docs, a.rate, a.seed, single_known=True)
    eval_speed(a.rate, a.seed)
    if a.tesseract:
        eval_tesseract(a.tesseract, a.seed)


if __name__ == "__main__":
    main()

"""A minimal PDF writer: one grayscale JPEG per page, shown at its dpi. No dates or ids, so the same
images always give the same bytes."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class JpegPage:
    data: bytes  # baseline grayscale JPEG
    width: int  # pixels
    height: int
    dpi: int


def pdf_bytes(pages: list[JpegPage], producer: str = "ocr_pipeline.synth") -> bytes:
    """The whole PDF file for ``pages``."""
    objects: list[bytes] = []  # object k+1 is objects[k]
    n = len(pages)
    page_ids = [3 + 3 * i for i in range(n)]
    objects.append(b"<< /Type /Catalog /Pages 2 0 R >>")
    kids = " ".join(f"{pid} 0 R" for pid in page_ids)
    objects.append(f"<< /Type /Pages /Kids [{kids}] /Count {n} >>".encode())
    for i, p in enumerate(pages):
        pid = page_ids[i]
        w_pt, h_pt = p.width * 72 / p.dpi, p.height * 72 / p.dpi
        content = f"q {w_pt:.4f} 0 0 {h_pt:.4f} 0 0 cm /Im0 Do Q".encode()
        objects.append(
            (
                f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {w_pt:.4f} {h_pt:.4f}] "
                f"/Resources << /XObject << /Im0 {pid + 1} 0 R >> >> /Contents {pid + 2} 0 R >>"
            ).encode()
        )
        objects.append(
            f"<< /Type /XObject /Subtype /Image /Width {p.width} /Height {p.height} /ColorSpace /DeviceGray "
            f"/BitsPerComponent 8 /Filter /DCTDecode /Length {len(p.data)} >>\nstream\n".encode()
            + p.data
            + b"\nendstream"
        )
        objects.append(f"<< /Length {len(content)} >>\nstream\n".encode() + content + b"\nendstream")
    info_id = len(objects) + 1
    objects.append(f"<< /Producer ({producer}) >>".encode())
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for k, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{k} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    for off in offsets:
        out += f"{off:010d} 00000 n \n".encode()
    out += (
        f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R /Info {info_id} 0 R >>\nstartxref\n{xref}\n%%EOF\n"
    ).encode()
    return bytes(out)

"""A small real PDF for tests that upload one: evidence uploads are parsed (a header alone
is refused), so the fixtures are made by reportlab instead of written by hand."""

from __future__ import annotations

import io

from reportlab.pdfgen import canvas


def make_pdf(text: str = "Evidence") -> bytes:
    out = io.BytesIO()
    page = canvas.Canvas(out, invariant=True)  # the same bytes on every run
    page.drawString(72, 720, text)
    page.save()
    return out.getvalue()


PDF = make_pdf()

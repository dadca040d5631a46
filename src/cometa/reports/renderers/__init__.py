"""Renderers from the plain :class:`~cometa.reports.document.Document` to file bytes.

Each format lives in its own module (``pdf``, ``docx``, ``tabular``) and is imported
lazily, so producing a CSV does not load reportlab or python-docx.
"""

from __future__ import annotations

from importlib import import_module
from typing import Literal

from cometa.reports.document import Document

DocumentFormat = Literal["pdf", "docx"]

CONTENT_TYPES: dict[str, str] = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def render(document: Document, fmt: DocumentFormat) -> bytes:
    """Render ``document`` as ``"pdf"`` or ``"docx"``."""
    if fmt not in ("pdf", "docx"):
        raise ValueError(f"Unknown document format: {fmt!r}")
    module = import_module(f"{__name__}.{fmt}")
    data: bytes = module.render(document)
    return data


def fit_widths(weights: list[float], minimums: list[float], total: float) -> list[float]:
    """Share ``total`` in proportion to ``weights``, giving each column its minimum.

    Columns whose share would fall below their minimum are pinned to it and the
    rest is shared again among the others. If even the minimums do not fit, they
    are scaled down together.
    """
    if sum(minimums) >= total:
        scale = total / sum(minimums)
        return [minimum * scale for minimum in minimums]
    pinned: dict[int, float] = {}
    while True:
        free = [i for i in range(len(weights)) if i not in pinned]
        remaining = total - sum(pinned.values())
        weight_sum = sum(weights[i] for i in free)
        shares = {i: remaining * weights[i] / weight_sum for i in free}
        short = {i: minimums[i] for i, share in shares.items() if share < minimums[i]}
        if not short:
            return [pinned.get(i, shares.get(i, 0.0)) for i in range(len(weights))]
        pinned.update(short)


__all__ = ["CONTENT_TYPES", "DocumentFormat", "fit_widths", "render"]

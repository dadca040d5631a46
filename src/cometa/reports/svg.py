"""Helpers for SVG that sits inline in a page.

The charts' SVG (:mod:`cometa.reports.scene`) carries presentation attributes only, no
CSS: the site's Content Security Policy (``style-src 'self'``) blocks ``style="…"``
attributes and ``<style>`` elements, which would leave an inline chart black and
unlabelled.
"""

from __future__ import annotations

import re

_ID = re.compile(r'\bid="([^"]+)"')


def prefix_ids(svg: str, prefix: str) -> str:
    """Every id and every reference to one prefixed, so that several SVGs can share a page
    without duplicate ids."""
    svg = _ID.sub(lambda m: f'id="{prefix}{m.group(1)}"', svg)
    svg = re.sub(r'href="#([^"]+)"', lambda m: f'href="#{prefix}{m.group(1)}"', svg)
    return re.sub(r"url\(#([^)]+)\)", lambda m: f"url(#{prefix}{m.group(1)})", svg)

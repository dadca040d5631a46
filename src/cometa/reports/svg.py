"""matplotlib's SVG made fit to sit inline in a page that forbids inline styles.

The site's Content Security Policy (``style-src 'self'``) blocks ``style="…"`` attributes
and ``<style>`` elements, which would leave an inline chart black and unlabelled. SVG
accepts most CSS properties as presentation attributes, so each declaration becomes one;
the one universal rule matplotlib writes (``*{…}``) moves onto the root element, whose
children inherit it. A property with no presentation attribute is dropped
(:func:`unsupported_properties` names them; the tests check that matplotlib writes none).
"""

from __future__ import annotations

import re
from xml.sax.saxutils import escape

#: SVG presentation attributes (SVG 1.1 and 2): the CSS properties an element may also
#: carry as attributes.
PRESENTATION_ATTRIBUTES = frozenset(
    {
        "alignment-baseline", "baseline-shift", "clip-path", "clip-rule", "color",
        "color-interpolation", "color-interpolation-filters", "color-rendering", "cursor",
        "direction", "display", "dominant-baseline", "fill", "fill-opacity", "fill-rule",
        "filter", "flood-color", "flood-opacity", "font-family", "font-size",
        "font-size-adjust", "font-stretch", "font-style", "font-variant", "font-weight",
        "image-rendering", "letter-spacing", "lighting-color", "marker-end", "marker-mid",
        "marker-start", "mask", "opacity", "overflow", "paint-order", "pointer-events",
        "shape-rendering", "stop-color", "stop-opacity", "stroke", "stroke-dasharray",
        "stroke-dashoffset", "stroke-linecap", "stroke-linejoin", "stroke-miterlimit",
        "stroke-opacity", "stroke-width", "text-anchor", "text-decoration", "text-rendering",
        "unicode-bidi", "vector-effect", "visibility", "word-spacing", "writing-mode",
    }
)  # fmt: skip
_XML_PROLOGUE = re.compile(r"\A.*?(?=<svg\b)", re.DOTALL)
_STYLE_ELEMENT = re.compile(r"<style\b[^>]*>(.*?)</style>", re.DOTALL)
_UNIVERSAL_RULE = re.compile(r"^\s*\*\s*\{([^}]*)\}\s*$")
_TAG = re.compile(r"<[a-zA-Z][^>]*>")
_STYLE_ATTRIBUTE = re.compile(r'\sstyle="([^"]*)"')
_ID = re.compile(r'\bid="([^"]+)"')


def inline(svg: str, title: str) -> str:
    """A whole SVG document as an element for a page: no XML prologue, no CSS, and named
    for screen readers (``role="img"``, ``aria-label`` and ``<title>``)."""
    body = csp_safe(_XML_PROLOGUE.sub("", svg, count=1))
    label = escape(title, {'"': "&quot;"})
    opening_end = body.index(">")
    opening = body[:opening_end] + f' role="img" aria-label="{label}"'
    return f"{opening}>\n <title>{escape(title)}</title>{body[opening_end + 1 :]}"


def csp_safe(svg: str) -> str:
    """Every ``style`` attribute as presentation attributes, the universal rule of the
    ``<style>`` element on the root element, the element itself gone."""
    inherited: list[tuple[str, str]] = []

    def drop_style(match: re.Match[str]) -> str:
        rule = _UNIVERSAL_RULE.match(match.group(1))
        if rule:
            inherited.extend(declarations(rule.group(1)))
        return ""

    svg = _STYLE_ELEMENT.sub(drop_style, svg)
    svg = _TAG.sub(_presentational_tag, svg)
    if inherited:
        attributes = _attributes(inherited)
        svg = re.sub(r"<svg\b", lambda _m: "<svg" + attributes, svg, count=1)
    return svg


def prefix_ids(svg: str, prefix: str) -> str:
    """Every id and every reference to one prefixed, so that several charts can share a
    page without duplicate ids (matplotlib numbers its clip paths alike in every chart)."""
    svg = _ID.sub(lambda m: f'id="{prefix}{m.group(1)}"', svg)
    svg = re.sub(r'href="#([^"]+)"', lambda m: f'href="#{prefix}{m.group(1)}"', svg)
    return re.sub(r"url\(#([^)]+)\)", lambda m: f"url(#{prefix}{m.group(1)})", svg)


def declarations(style: str) -> list[tuple[str, str]]:
    """``"fill: #fff; stroke-width: 0.8"`` → ``[("fill", "#fff"), ("stroke-width", "0.8")]``."""
    found = []
    for declaration in style.split(";"):
        name, colon, value = declaration.partition(":")
        if colon and name.strip() and value.strip():
            found.append((name.strip().lower(), value.strip()))
    return found


def unsupported_properties(svg: str) -> set[str]:
    """The CSS properties of ``svg`` that :func:`csp_safe` would drop."""
    names = {name for style in _STYLE_ATTRIBUTE.findall(svg) for name, _ in declarations(style)}
    for body in _STYLE_ELEMENT.findall(svg):
        rule = _UNIVERSAL_RULE.match(body)
        names |= {name for name, _ in declarations(rule.group(1))} if rule else {"<style>"}
    return names - PRESENTATION_ATTRIBUTES


def _presentational_tag(match: re.Match[str]) -> str:
    tag = match.group(0)
    style = _STYLE_ATTRIBUTE.search(tag)
    if style is None:
        return tag
    found = declarations(style.group(1))
    tag = tag[: style.start()] + tag[style.end() :]
    for name, _value in found:  # the style attribute wins over an attribute of the same name
        tag = re.sub(rf'\s{re.escape(name)}="[^"]*"', "", tag)
    closing = "/>" if tag.endswith("/>") else ">"
    return tag[: -len(closing)] + _attributes(found) + closing


def _attributes(found: list[tuple[str, str]]) -> str:
    return "".join(f' {name}="{value}"' for name, value in found if name in PRESENTATION_ATTRIBUTES)

"""The line of each element path a report names without one: a second streaming pass over
the file (hardened like the first), done only for the paths asked for."""

from __future__ import annotations

from collections.abc import Collection

from lxml import etree

from cometa.interchange.iati.source import Source, iterparse, limited


def _step(element: etree._Element, counters: dict[str, int]) -> str:
    tag = element.tag if isinstance(element.tag, str) else ""
    counters[tag] = counters.get(tag, 0) + 1
    return f"{tag}[{counters[tag]}]"


def _free(element: etree._Element) -> None:
    parent = element.getparent()
    element.clear()
    while parent is not None and element.getprevious() is not None:
        del parent[0]


def lines_of(source: Source, paths: Collection[str]) -> dict[str, int]:
    """``{path: line}`` for the paths (``/iati-activities/iati-activity[2]/result[1]``)
    found in the file; paths of attributes take their element's line."""
    wanted = {path.split("/@")[0]: path for path in paths}
    found: dict[str, int] = {}
    if not wanted:
        return found
    stack: list[tuple[str, dict[str, int]]] = []
    with limited(source, 1 << 40) as stream:
        for event, element in iterparse(stream, None):  # type: ignore[arg-type]
            if event == "end":
                stack.pop()
                if len(stack) == 1:  # a whole activity read: free it
                    _free(element)
                continue
            if not stack:
                path = "/iati-activities"
            else:
                path = f"{stack[-1][0]}/{_step(element, stack[-1][1])}"
            stack.append((path, {}))
            if path in wanted:
                found[wanted[path]] = element.sourceline
    return found

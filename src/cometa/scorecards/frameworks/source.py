"""Reading a framework file: YAML text to plain data plus the line of every value.

The YAML is composed (not only loaded) so that each value keeps the line it was written on;
every later problem (schema or semantic) can then name the file and the line.
"""

from __future__ import annotations

from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

#: A place in the data: keys of mappings and indexes of lists, from the top.
DataPath = tuple[str | int, ...]


class FrameworkError(ValueError):
    """A framework file that cannot be used: names the file, the 1-based line and the problem."""

    def __init__(self, path: str, line: int, message: str) -> None:
        super().__init__(f"{path}:{line}: {message}")
        self.path = path
        self.line = line
        self.message = message


class SourceLines:
    """The line of each value of a parsed file, looked up by data path."""

    def __init__(self, name: str, lines: dict[DataPath, int]) -> None:
        self.name = name
        self._lines = lines

    def line(self, path: DataPath) -> int:
        """The line of ``path``, or of its nearest ancestor that has one."""
        for end in range(len(path), -1, -1):
            found = self._lines.get(path[:end])
            if found is not None:
                return found
        return 1

    def error(self, path: DataPath, message: str) -> FrameworkError:
        return FrameworkError(self.name, self.line(path), message)


def parse_yaml(text: str, name: str) -> tuple[Any, SourceLines]:
    """Parse one YAML document into plain data and the lines of its values."""
    loader = yaml.SafeLoader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            raise FrameworkError(name, 1, "the file is empty")
        lines: dict[DataPath, int] = {(): node.start_mark.line + 1}
        data = _Converter(loader, name, lines).convert(node, ())
    except yaml.MarkedYAMLError as exc:
        raise _syntax_error(exc, name) from exc
    finally:
        loader.dispose()
    return data, SourceLines(name, lines)


def _syntax_error(exc: yaml.MarkedYAMLError, name: str) -> FrameworkError:
    mark = exc.problem_mark or exc.context_mark
    line = mark.line + 1 if mark is not None else 1
    problem = exc.problem or exc.context or "invalid YAML"
    return FrameworkError(name, line, f"YAML syntax error: {problem}")


class _Converter:
    """Node tree to plain data, recording lines and refusing duplicate mapping keys."""

    def __init__(self, loader: yaml.SafeLoader, name: str, lines: dict[DataPath, int]) -> None:
        self._loader = loader
        self._name = name
        self._lines = lines

    def convert(self, node: Node, path: DataPath) -> Any:
        if isinstance(node, MappingNode):
            return self._mapping(node, path)
        if isinstance(node, SequenceNode):
            return self._sequence(node, path)
        assert isinstance(node, ScalarNode)
        return self._loader.construct_object(node)

    def _mapping(self, node: MappingNode, path: DataPath) -> dict[Any, Any]:
        self._loader.flatten_mapping(node)
        out: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            key = self._loader.construct_object(key_node)
            line = key_node.start_mark.line + 1
            if not isinstance(key, str):
                raise FrameworkError(self._name, line, f"key {key!r} must be text: quote it")
            if key in out:
                raise FrameworkError(self._name, line, f"duplicate key {key!r}")
            self._lines[(*path, key)] = line
            out[key] = self.convert(value_node, (*path, key))
        return out

    def _sequence(self, node: SequenceNode, path: DataPath) -> list[Any]:
        items = []
        for index, item in enumerate(node.value):
            self._lines[(*path, index)] = item.start_mark.line + 1
            items.append(self.convert(item, (*path, index)))
        return items

"""YAML for editors' files, through libyaml when PyYAML has it (ten times faster).

In:  YAML text.
Out: Python data (`load`), or the node tree with line marks (`compose`) for messages
     that name the line of a mistake: a mapping's nodes by key (`nodes_by_key`), the line
     of a node (`line_of`); the line a YAML error points at (`error_line`).
"""
from __future__ import annotations

import yaml

Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
YAMLError = yaml.YAMLError


def load(text: str):
    return yaml.load(text, Loader=Loader)


def compose(text: str):
    return yaml.compose(text, Loader=Loader)


def error_line(error: YAMLError) -> int:
    """The 1-based line a YAML error points at (1 when it names none)."""
    mark = getattr(error, "problem_mark", None)
    return mark.line + 1 if mark else 1


def nodes_by_key(root) -> dict:
    """The value nodes of a composed mapping by key (a later duplicate key wins, as in `load`);
    {} when the root is no mapping."""
    if not isinstance(root, yaml.MappingNode):
        return {}
    return {key.value: value for key, value in root.value}


def line_of(node) -> int:
    """The 1-based line a node starts on (1 when there is none)."""
    return node.start_mark.line + 1 if node is not None else 1


def dump(data) -> str:
    """YAML for an editor to complete (keys in the order given, Japanese as it is)."""
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000)

"""YAML for editors' files, through libyaml when PyYAML has it (ten times faster).

In:  YAML text.
Out: Python data (`load`), or the node tree with line marks (`compose`) for messages
     that name the line of a mistake; the line a YAML error points at (`error_line`).
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

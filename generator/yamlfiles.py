"""YAML for editors' files, through libyaml when PyYAML has it (ten times faster).

In:  YAML text.
Out: Python data (`load`), or the node tree with line marks (`compose`) for messages
     that name the line of a mistake.
"""
from __future__ import annotations

import yaml

Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
YAMLError = yaml.YAMLError


def load(text: str):
    return yaml.load(text, Loader=Loader)


def compose(text: str):
    return yaml.compose(text, Loader=Loader)

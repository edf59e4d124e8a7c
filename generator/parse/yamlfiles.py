"""YAML for editors' files, read as untrusted input, through libyaml when PyYAML has it.

In:  the path of an editor's YAML file (meta.yml, glossary.yml, tables/*.yml) and its schema.
Out: `read` — its data, every scalar a string (no dates, numbers or booleans guessed from
     unquoted text), or None with one `file:line: error` per problem: not UTF-8, a syntax error,
     an alias or anchor, nesting deeper than `MAX_DEPTH`, a duplicate key, and every place the data
     breaks its schema (`generator.parse.schemas`, checked by jsonschema) — wrong type, unknown key,
     missing field, impossible date, a name that cannot be a path. Also `compose`, `nodes_by_key`,
     `line_of` for messages that name a line, and `dump` for drafts.
"""
from __future__ import annotations

from pathlib import Path

import jsonschema
import yaml

from ..diagnostics import Reporter

_Base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
YAMLError = yaml.YAMLError
MAX_DEPTH = 20                 # editors' files nest four levels at most; libyaml's composer recurses


class Loader(_Base):
    """A safe loader whose plain scalars are strings: `date: 2025-13-45` and `span: three` are text
    for the schema to judge, not a crash or a silent conversion."""
    yaml_implicit_resolvers: dict = {}


def load(text: str):
    return yaml.load(text, Loader=Loader)


def compose(text: str):
    return yaml.compose(text, Loader=Loader)


def error_line(error: YAMLError) -> int:
    """The 1-based line a YAML error points at (1 when it names none)."""
    mark = getattr(error, "problem_mark", None)
    return mark.line + 1 if mark else 1


def nodes_by_key(root) -> dict:
    """The value nodes of a composed mapping by key; {} when the root is no mapping."""
    if not isinstance(root, yaml.MappingNode):
        return {}
    return {key.value: value for key, value in root.value}


def line_of(node) -> int:
    """The 1-based line a node starts on (1 when there is none)."""
    return node.start_mark.line + 1 if node is not None else 1


def dump(data) -> str:
    """YAML for an editor to complete (keys in the order given, Japanese as it is)."""
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000)


def _structure_problems(text: str) -> list[tuple[int, str]]:
    """Aliases, anchors and nesting too deep, found in the event stream (which libyaml reads
    without recursion) before anything is built from it."""
    depth, problems = 0, []
    for event in yaml.parse(text, Loader=Loader):
        line = event.start_mark.line + 1
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            problems.append((line, "anchors and aliases (&name, *name) are not allowed; write the value out"))
            break
        if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            depth += 1
            if depth > MAX_DEPTH:
                problems.append((line, f"the data nests deeper than {MAX_DEPTH} levels"))
                break
        elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            depth -= 1
    return problems


def _duplicate_keys(root) -> list[tuple[int, str]]:
    """Each key given twice in one mapping, at its second line."""
    problems, stack = [], [root]
    while stack:
        node = stack.pop()
        if isinstance(node, yaml.MappingNode):
            seen: dict[str, int] = {}
            for key, value in node.value:
                name = str(key.value)
                if name in seen:
                    problems.append((line_of(key), f"key '{name}' is given twice (first at line {seen[name]}); "
                                                    f"keep one"))
                seen.setdefault(name, line_of(key))
                stack.append(value)
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)
    return problems


def node_at(root, path) -> yaml.Node | None:
    """The node at a path of keys and indexes (as jsonschema gives it), or the deepest one found."""
    node = root
    for part in path:
        if isinstance(node, yaml.MappingNode):
            found = next((v for k, v in node.value if k.value == str(part)), None)
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value):
            found = node.value[part]
        else:
            found = None
        if found is None:
            break
        node = found
    return node


def _where(path) -> str:
    return "".join(f"[{p}]" if isinstance(p, int) else (f".{p}" if i else str(p)) for i, p in enumerate(path))


def schema_message(error: jsonschema.ValidationError) -> str:
    """One schema error in an editor's words: where, what is wrong, what to do."""
    where = _where(error.absolute_path) or "the top level"
    hint = error.schema.get("description", "") if isinstance(error.schema, dict) else ""
    if error.validator == "additionalProperties":
        allowed = sorted((error.schema.get("properties") or {}).keys())
        extra = sorted(set(error.instance) - set(allowed)) if isinstance(error.instance, dict) else []
        return f"{where}: unknown key {', '.join(map(repr, extra))}; known keys: {', '.join(allowed)}"
    if error.validator == "required":
        return f"{where}: {error.message.replace(' is a required property', '')} is missing"
    if error.validator == "type":
        kind = error.validator_value if isinstance(error.validator_value, str) else " or ".join(error.validator_value)
        word = {"string": "a text", "array": "a list", "object": "a mapping (key: value)", "integer": "a whole number"}
        return f"{where} must be {word.get(kind, kind)}" + (f" ({hint})" if hint else "")
    return f"{where}: {hint or error.message}"


def read(path: Path, shown: str, report: Reporter, code: str, schema: dict) -> tuple[object, object] | None:
    """An editor's YAML file as (data, node tree), or None with its problems reported as `code`
    errors at their lines."""
    if path.is_symlink():
        report.error(shown, 1, code, "this file is a symbolic link; commit the file itself")
        return None
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        report.error(shown, raw[: e.start].count(b"\n") + 1, code, "the file is not UTF-8; save it as UTF-8")
        return None
    if "\x00" in text:
        report.error(shown, text[: text.index("\x00")].count("\n") + 1, code, "the file holds a NUL character; delete it")
        return None
    try:
        problems = _structure_problems(text)
        root = None if problems else compose(text)
    except YAMLError as e:
        report.error(shown, error_line(e), code, f"cannot read the YAML: {getattr(e, 'problem', None) or e}; "
                                                f"fix the syntax at this line")
        return None
    problems += _duplicate_keys(root) if root is not None else []
    for line, message in problems:
        report.error(shown, line, code, message)
    if problems:
        return None
    data = load(text)
    errors = sorted(jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())
                    .iter_errors(data), key=lambda e: line_of(node_at(root, e.absolute_path)))
    for error in errors:
        report.error(shown, line_of(node_at(root, error.absolute_path)), code, schema_message(error))
    return None if errors else (data, root)

"""Writing an edition's files: only those whose bytes change, and none that is not produced.

In:  texts by path (pages with their front matter, CSV, the search index).
Out: the files under an edition's docs folder, each rewritten only when its bytes change (so that
     MkDocs' live reload stays quick), the paths rewritten listed; files no longer produced removed.
"""
from __future__ import annotations

import json
import os
from pathlib import Path


def front_matter(meta: dict) -> str:
    """YAML front matter; values are strings or lists of strings, written as JSON (valid YAML)."""
    if not meta:
        return ""
    lines = [f"{key}: {json.dumps(meta[key], ensure_ascii=False)}" for key in sorted(meta)]
    return "---\n" + "\n".join(lines) + "\n---\n\n"


def write_if_changed(path: Path, text: str, written: list[Path]) -> None:
    """Write `text` to `path` unless the file holds it already; list the path in `written` if written."""
    data = text.encode("utf-8")
    if path.exists() and path.read_bytes() == data:
        return
    try:
        path.write_bytes(data)
    except FileNotFoundError:       # a new folder (asking every time would cost a mkdir per file)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    written.append(path)


def write_files(root: Path, files: dict[str, str], written: list[Path]) -> None:
    """A document's files (`document_output`'s texts by path) into an edition's docs folder."""
    for path, text in files.items():
        write_if_changed(root / path, text, written)


def remove_stale(root: Path, keep: set[str], written: list[Path]) -> None:
    """Remove the generated files below `root` that are not in `keep` (paths as strings)."""
    for stale in sorted(os.path.join(folder, name) for folder, _, names in os.walk(root) for name in names
                        if name.endswith((".md", ".csv", ".tbx", ".js"))):     # (os.walk: a third of rglob's time)
        if stale not in keep:
            os.unlink(stale)
            written.append(Path(stale))

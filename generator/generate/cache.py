"""A cache of per-document results, so that a document that did not change is not redone.

In:  a key made of everything a result depends on (the bytes of its input files and
     the generator's own code, see `key_of`), and the result to keep.
Out: the kept result — `<out>/cache/<key>.pickle` — or None when there is none (or it
     cannot be read: a damaged entry is simply recomputed). Results carry their own
     diagnostics, so a cached document reports the same problems as a parsed one.
"""
from __future__ import annotations

import hashlib
import pickle
from pathlib import Path

CODE = Path(__file__).resolve().parent.parent          # the generator package, every subpackage in it
_code_digest: bytes | None = None


def code_files(root: Path = CODE) -> list[Path]:
    """The generator's source files, in every package (what a cached result was made by)."""
    return sorted(root.rglob("*.py"))


def digest_of(root: Path) -> bytes:
    """A digest of the code below `root`: its files' paths (relative to it) and bytes."""
    h = hashlib.sha256()
    for path in code_files(root):
        name = path.relative_to(root).as_posix().encode()
        h.update(len(name).to_bytes(8, "little") + name + path.read_bytes())
    return h.digest()


def code_digest() -> bytes:
    """The digest of the generator's code (computed once per process)."""
    global _code_digest
    if _code_digest is None:
        _code_digest = digest_of(CODE)
    return _code_digest


def key_of(*parts: bytes | str) -> str:
    """A key of everything a result depends on: `parts` and the generator's code."""
    h = hashlib.sha256(code_digest())
    for part in parts:
        data = part.encode() if isinstance(part, str) else part
        h.update(len(data).to_bytes(8, "little") + data)
    return h.hexdigest()


def get(folder: Path, key: str):
    """The result kept under `key`, or None."""
    try:
        return pickle.loads((folder / f"{key}.pickle").read_bytes())
    except Exception:          # missing, stale or damaged: recomputed by the caller
        return None


def put(folder: Path, key: str, value) -> None:
    """Keep `value` under `key`."""
    data = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
    path = folder / f"{key}.pickle"
    try:
        path.write_bytes(data)
    except FileNotFoundError:
        folder.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)


def prune(folder: Path, keep: set[str]) -> None:
    """Remove the entries not in `keep` (results of inputs as they were before an edit: never asked
    for again), so that the cache holds one entry per document instead of one per edit."""
    for entry in folder.glob("*.pickle"):
        if entry.stem not in keep:
            entry.unlink(missing_ok=True)

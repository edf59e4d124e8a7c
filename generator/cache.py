"""A cache of parsed inputs, so that a document that did not change is not parsed again.

In:  a key made of the bytes of an input's files and the generator's own code, and a
     function that parses them (returning the result and its diagnostics).
Out: the parsed result — from `<out>/cache/<key>.pickle` when present, else computed
     and stored. Diagnostics are kept with the result and replayed, so that a cached
     document reports the same problems as a parsed one.
"""
from __future__ import annotations

import hashlib
import pickle
from pathlib import Path
from typing import Callable

from .diagnostics import Reporter

CODE = Path(__file__).resolve().parent
_code_digest: bytes | None = None


def code_digest() -> bytes:
    global _code_digest
    if _code_digest is None:
        h = hashlib.sha256()
        for path in sorted(CODE.glob("*.py")):
            h.update(path.name.encode() + path.read_bytes())
        _code_digest = h.digest()
    return _code_digest


def key_of(*parts: bytes | str) -> str:
    h = hashlib.sha256(code_digest())
    for part in parts:
        data = part.encode() if isinstance(part, str) else part
        h.update(len(data).to_bytes(8, "little") + data)
    return h.hexdigest()


def cached(folder: Path | None, key: str, report: Reporter, compute: Callable[[Reporter], object]):
    """compute(report) once per key; later calls return the stored result and replay its diagnostics."""
    path = folder / f"{key}.pickle" if folder else None
    if path is not None and path.exists():
        try:
            result, diagnostics = pickle.loads(path.read_bytes())
            report.diagnostics.extend(diagnostics)
            return result
        except Exception:          # a stale or damaged cache entry is simply recomputed
            pass
    local = Reporter()
    result = compute(local)
    report.diagnostics.extend(local.diagnostics)
    if path is not None:
        data = pickle.dumps((result, local.diagnostics), protocol=pickle.HIGHEST_PROTOCOL)
        try:
            path.write_bytes(data)
        except FileNotFoundError:
            folder.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
    return result

"""Doing nothing when nothing changed.

In:  the inputs of a generation — every file below `docs_src/` (name, size, modification
     time), the generator's own source, the command's options and the git commit (pages
     carry its dates).
Out: a fingerprint of them, kept with the list of files produced and the diagnostics
     in `<out>/state.json`; `unchanged()` says whether the last run already produced
     exactly this. Otherwise generation runs and rewrites only files whose bytes change.
     Per document, `stamps` of the files written (size, modification time) say whether
     they are still as written (`still_written`), so that a document taken from the
     cache need not be rendered or compared byte for byte.
"""
from __future__ import annotations

import hashlib
import json
import subprocess
from pathlib import Path

from .cache import code_digest
from ..diagnostics import Diagnostic

STATE = "state.json"


def _head(src: Path) -> str:
    try:
        out = subprocess.run(["git", "rev-parse", "HEAD"], cwd=src, capture_output=True, text=True, timeout=10)
        return out.stdout.strip() if out.returncode == 0 else ""
    except (OSError, subprocess.SubprocessError):
        return ""


def fingerprint(src: Path, options: list[str]) -> str:
    """Every input file's name, size and modification time (as make and ninja compare: reading
    and hashing hundreds of files would cost more than the no-op may take), the generator's code,
    the options and the commit."""
    digest = hashlib.sha256(code_digest())
    for path in sorted(p for p in src.rglob("*") if p.is_file()):
        stat = path.stat()
        digest.update(f"{path.relative_to(src)}\0{stat.st_size}\0{stat.st_mtime_ns}\0".encode())
    digest.update(json.dumps(options).encode())
    digest.update(_head(src).encode())
    return digest.hexdigest()


def unchanged(out: Path, fp: str) -> list[Diagnostic] | None:
    """The diagnostics of the last run if it had exactly these inputs and its files are all there."""
    try:
        state = json.loads((out / STATE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if state.get("fingerprint") != fp or not all((out / p).exists() for p in state.get("outputs", [])):
        return None
    return [Diagnostic.from_dict(d) for d in state.get("diagnostics", [])]


def remember(out: Path, fp: str, outputs: list[Path], diagnostics: list[Diagnostic]) -> None:
    state = {"fingerprint": fp, "outputs": sorted(str(p.relative_to(out)) for p in outputs),
             "diagnostics": [d.as_dict() for d in diagnostics]}
    (out / STATE).write_text(json.dumps(state, ensure_ascii=False, indent=0), encoding="utf-8")


Stamps = dict[str, tuple[int, int]]       # file path (relative to the output folder) → (size, mtime in ns)


def stamps(out: Path, paths: list[Path]) -> Stamps:
    """The size and modification time of files just written or compared."""
    found = {}
    for path in paths:
        stat = path.stat()
        found[str(path.relative_to(out))] = (stat.st_size, stat.st_mtime_ns)
    return found


def still_written(out: Path, recorded: Stamps) -> bool:
    """Whether every file is still as `stamps` found it (not edited, touched or removed since)."""
    for path, stamp in recorded.items():
        try:
            stat = (out / path).stat()
        except OSError:
            return False
        if (stat.st_size, stat.st_mtime_ns) != tuple(stamp):
            return False
    return True

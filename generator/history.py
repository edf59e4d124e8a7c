"""When each document last changed, from git (for "last updated" on its pages).

In:  the documents folder (inside a git checkout, or not).
Out: {document slug: "YYYY-MM-DD"} of the last commit touching `docs_src/<slug>/`,
     from a single `git log` walk; {} outside git. Deterministic for a commit,
     so builds stay reproducible.
"""
from __future__ import annotations

import subprocess
from pathlib import Path


def last_changed(src: Path) -> dict[str, str]:
    try:
        out = subprocess.run(["git", "log", "--format=@%cs", "--name-only", "--", "."], cwd=src,
                             capture_output=True, text=True, timeout=30)
        top = subprocess.run(["git", "rev-parse", "--show-prefix"], cwd=src, capture_output=True, text=True,
                             timeout=10)
    except (OSError, subprocess.SubprocessError):
        return {}
    if out.returncode or top.returncode:
        return {}
    prefix = top.stdout.strip()
    dates: dict[str, str] = {}
    date = ""
    for line in out.stdout.splitlines():
        if line.startswith("@"):
            date = line[1:]
        elif line.startswith(prefix):
            slug = line[len(prefix):].split("/", 1)[0]
            dates.setdefault(slug, date)          # newest first: keep the first date seen
    return dates

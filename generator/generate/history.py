"""When each document last changed, from git (for "last updated" on its pages).

In:  the documents folder (inside a git checkout, or not).
Out: {document slug: "YYYY-MM-DD"} of the last commit touching `docs_src/<slug>/`,
     from a single `git log` walk; {} outside git. Deterministic for a commit,
     so builds stay reproducible.

`LastChanged` starts git at once and `dates()` waits for it, so that git runs while the
caller does something else (loading the generator's stages).
"""
from __future__ import annotations

import subprocess
from pathlib import Path


class LastChanged:
    """The last change of each document, from one `git log` started at once."""
    def __init__(self, src: Path):
        try:            # --relative: the paths below src, as "<slug>/<file>"
            self._git: subprocess.Popen | None = subprocess.Popen(
                ["git", "log", "--format=@%cs", "--name-only", "--relative", "--", "."], cwd=src,
                stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        except OSError:                             # no git
            self._git = None

    def dates(self) -> dict[str, str]:
        """{slug: YYYY-MM-DD} of each document's last commit (waits for git; {} without it)."""
        if self._git is None:
            return {}
        try:
            out, _ = self._git.communicate(timeout=30)
        except subprocess.TimeoutExpired:
            self._git.kill()
            self._git.communicate()
            return {}
        if self._git.returncode:                    # not a git checkout
            return {}
        dates: dict[str, str] = {}
        date = ""
        for line in out.splitlines():
            if line.startswith("@"):
                date = line[1:]
            elif line:
                dates.setdefault(line.split("/", 1)[0], date)      # newest first: keep the first date seen
        return dates

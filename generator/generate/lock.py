"""One build at a time in an output folder.

In:  the output folder (`build/`), which generation and the site build write into.
Out: `BuildLock`, held for the whole of a command that writes there: a second command started
     meanwhile stops at once with a message naming the first (its process and command line) and
     changes nothing. The lock is the operating system's (`fcntl.flock`), so a build that is
     killed leaves no stale lock behind.
"""
from __future__ import annotations

import fcntl
import os
import sys
from pathlib import Path

LOCK_NAME = ".lock"


class Busy(Exception):
    """Another build holds the lock (its words say which)."""


class BuildLock:
    """`with BuildLock(out):` — the output folder is this process's until the block ends."""

    def __init__(self, out: Path):
        self.path = out / LOCK_NAME
        self.file = None

    def __enter__(self) -> "BuildLock":
        self.path.parent.mkdir(parents=True, exist_ok=True)
        file = open(self.path, "a+", encoding="utf-8")
        try:
            fcntl.flock(file, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            file.seek(0)
            holder = file.read().strip() or "another process"
            file.close()
            raise Busy(f"{holder} is building in {self.path.parent} right now; nothing was changed. "
                       "Run this again once it has finished") from None
        file.seek(0)
        file.truncate()
        file.write(f"process {os.getpid()} ({' '.join(['python -m generator', *sys.argv[1:]])})\n")
        file.flush()
        self.file = file
        return self

    def __exit__(self, *exc) -> None:
        self.file.seek(0)
        self.file.truncate()
        self.file.close()                    # (closing releases the lock)
        self.file = None

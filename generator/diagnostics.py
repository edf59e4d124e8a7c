"""Problems found in editors' input, reported as `file:line: level: message [code]`.

In:  calls to `Reporter.error/warn/notice/todo` from any stage.
Out: a list of `Diagnostic`s; `Reporter.failing(strict, require_translation)`, those that stop a build:
     errors, warnings under `--strict`, and work not yet done (a segment not translated yet, a
     translation to review: notices marked `todo`) only under `--require-translation`. Broken input
     stops a strict build; work not yet done does not.
"""
from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from enum import StrEnum


class Level(StrEnum):
    """How bad a problem is."""
    ERROR = "error"          # always stops the build
    WARNING = "warning"      # stops a strict build
    NOTICE = "notice"        # never stops a build

    def fails(self, strict: bool) -> bool:
        """Whether a problem of this level stops a build (`strict`: warnings count as errors)."""
        return self is Level.ERROR or (strict and self is Level.WARNING)


@dataclass(frozen=True)
class Diagnostic:
    """One problem: where (file, line), how bad, its stable code and what to do."""
    file: str
    line: int
    level: Level
    code: str           # short, stable identifier, e.g. "footnote-no-body"
    message: str
    todo: bool = False  # work not yet done (a translation), not a mistake

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.level}: {self.message} [{self.code}]"

    def is_error(self) -> bool:
        return self.level is Level.ERROR

    def as_dict(self) -> dict:
        return {**asdict(self), "level": str(self.level)}

    @classmethod
    def from_dict(cls, data: dict) -> "Diagnostic":
        return cls(**{**data, "level": Level(data["level"])})


@dataclass
class Reporter:
    """Collects the problems a stage finds."""
    diagnostics: list[Diagnostic] = field(default_factory=list)

    def warn(self, file: str, line: int, code: str, message: str) -> None:
        self.diagnostics.append(Diagnostic(file, line, Level.WARNING, code, message))

    def error(self, file: str, line: int, code: str, message: str) -> None:
        self.diagnostics.append(Diagnostic(file, line, Level.ERROR, code, message))

    def notice(self, file: str, line: int, code: str, message: str) -> None:
        self.diagnostics.append(Diagnostic(file, line, Level.NOTICE, code, message))

    def todo(self, file: str, line: int, code: str, message: str) -> None:
        """Work not yet done (a translation): a notice, failing only under `--require-translation`."""
        self.diagnostics.append(Diagnostic(file, line, Level.NOTICE, code, message, todo=True))

    def failing(self, strict: bool, require_translation: bool = False) -> list[Diagnostic]:
        """The problems that stop a build (`strict`: warnings too; `require_translation`: work not
        yet done too)."""
        return [d for d in self.diagnostics if d.level.fails(strict) or (require_translation and d.todo)]

    def as_json(self) -> str:
        return json.dumps([d.as_dict() for d in self.diagnostics], ensure_ascii=False, indent=2)

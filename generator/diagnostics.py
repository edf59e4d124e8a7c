"""Problems found in editors' input, reported as `file:line: level: message`.

In:  calls to `Reporter.warn/error` from any stage.
Out: a list of `Diagnostic`s; `Reporter.fail_if_needed(strict)` raises `BuildFailed`
     when there are errors, or warnings under `--strict`.
"""
from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field


@dataclass(frozen=True)
class Diagnostic:
    file: str
    line: int
    level: str          # "error" | "warning" | "notice" (never fails a build)
    code: str           # short, stable identifier, e.g. "footnote-no-body"
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.level}: {self.message} [{self.code}]"


class BuildFailed(Exception):
    def __init__(self, diagnostics: list[Diagnostic]):
        self.diagnostics = diagnostics
        super().__init__("\n".join(str(d) for d in diagnostics))


@dataclass
class Reporter:
    diagnostics: list[Diagnostic] = field(default_factory=list)

    def warn(self, file: str, line: int, code: str, message: str) -> None:
        self.diagnostics.append(Diagnostic(file, line, "warning", code, message))

    def error(self, file: str, line: int, code: str, message: str) -> None:
        self.diagnostics.append(Diagnostic(file, line, "error", code, message))

    def notice(self, file: str, line: int, code: str, message: str) -> None:
        self.diagnostics.append(Diagnostic(file, line, "notice", code, message))

    def failing(self, strict: bool) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.level == "error" or (strict and d.level == "warning")]

    def fail_if_needed(self, strict: bool) -> None:
        bad = self.failing(strict)
        if bad:
            raise BuildFailed(bad)

    def as_json(self) -> str:
        return json.dumps([asdict(d) for d in self.diagnostics], ensure_ascii=False, indent=2)

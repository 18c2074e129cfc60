"""Errors that say where and what: file, line, the indicator concerned, and the reason in Chinese."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with an input file."""

    path: str
    line: int | None
    message: str
    where: str | None = None  # indicator id, fact number or YAML path
    column: str | None = None  # the column (CSV/Excel) or key (YAML, form field) at fault

    def __str__(self) -> str:
        place = f"{self.path}:{self.line}" if self.line else self.path
        subject = f" [{self.where}]" if self.where else ""
        column = f"（{self.column}）" if self.column else ""
        return f"{place}{subject}{column}: {self.message}"


class InputError(Exception):
    """A whole file rejected, with every problem found in it (nothing from it is used)."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


class SchemeError(InputError):
    """A scheme file that cannot be used."""


class FactsError(InputError):
    """A facts or units file that cannot be used."""

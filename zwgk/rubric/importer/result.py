"""What an import returns: the scheme dict, the review list (需人工复核) and warnings."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from zwgk.rubric.errors import InputError, Problem
from zwgk.rubric.index import SchemeIndex
from zwgk.rubric.validate import parse_scheme

REVIEW_NOTE = "需人工复核"
DEFAULT_GRADES = (
    {"name": "优秀", "min": Decimal(90)},
    {"name": "良好", "min": Decimal(80)},
    {"name": "合格", "min": Decimal(60)},
    {"name": "不合格"},
)


@dataclass(frozen=True)
class ReviewItem:
    """An indicator (or veto, or table) a person must check, and why."""

    indicator_id: str
    name: str
    reason: str


@dataclass
class ImportResult:
    path: Path
    scheme_dict: dict[str, Any]
    review: list[ReviewItem] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    embedded: bool = False  # read back from the scheme data of a zwgk export

    def index(self) -> SchemeIndex:
        """The validated scheme (the importer only returns dicts that validate)."""
        return parse_scheme(self.scheme_dict, str(self.path))


class ImportError_(InputError):
    """A file that is not a usable score table; ``str()`` is one line naming the file."""

    def __init__(self, path: str | Path, reason: str):
        self.path = str(path)
        self.reason = reason
        super().__init__([Problem(self.path, None, reason)])

"""Scoring: facts → scores, grades, ranks and an explanation of every point."""

from zwgk.scoring.engine import competition_ranks, score
from zwgk.scoring.facts import (
    BonusEvent,
    Facts,
    Finding,
    ImportedScore,
    Metric,
    NotApplicable,
    Rating,
    Status,
    ThirdPartyDeduction,
    VetoEvent,
    load_facts,
)
from zwgk.scoring.result import Line, LineKind, NodeResult, NodeStatus, RoundResult, UnitResult
from zwgk.scoring.units import Unit, load_units

__all__ = [
    "BonusEvent",
    "Facts",
    "Finding",
    "ImportedScore",
    "Line",
    "LineKind",
    "Metric",
    "NodeResult",
    "NodeStatus",
    "NotApplicable",
    "Rating",
    "RoundResult",
    "Status",
    "ThirdPartyDeduction",
    "Unit",
    "UnitResult",
    "VetoEvent",
    "competition_ranks",
    "load_facts",
    "load_units",
    "score",
]

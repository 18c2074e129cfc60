"""Scoring: facts → scores, grades, ranks and an explanation of every point."""

from zwgk.scoring.codec import (
    FieldError,
    decode_row,
    decode_rows,
    encode_fact,
    load_facts,
    parse_count,
    parse_date,
    parse_decimal,
)
from zwgk.scoring.engine import competition_ranks, score
from zwgk.scoring.facts import (
    BonusEvent,
    EvidenceSubmission,
    Facts,
    Finding,
    ImportedScore,
    Metric,
    NotApplicable,
    Rating,
    Status,
    ThirdPartyDeduction,
    VetoEvent,
)
from zwgk.scoring.result import Line, LineKind, NodeResult, NodeStatus, RoundResult, UnitResult
from zwgk.scoring.units import Unit, load_units

__all__ = [
    "BonusEvent",
    "EvidenceSubmission",
    "Facts",
    "FieldError",
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
    "decode_row",
    "decode_rows",
    "encode_fact",
    "load_facts",
    "load_units",
    "parse_count",
    "parse_date",
    "parse_decimal",
    "score",
]

"""Scheme model, loading and validation (考核方案与评分表)."""

from zwgk.rubric.errors import FactsError, InputError, Problem, SchemeError
from zwgk.rubric.index import SchemeIndex, node_max
from zwgk.rubric.model import Bonus, Fault, Node, Scheme, Table, Veto, VetoEffect
from zwgk.rubric.numbers import fmt
from zwgk.rubric.validate import load_scheme, load_scheme_text, parse_scheme

__all__ = [
    "Bonus",
    "FactsError",
    "Fault",
    "InputError",
    "Node",
    "Problem",
    "Scheme",
    "SchemeError",
    "SchemeIndex",
    "Table",
    "Veto",
    "VetoEffect",
    "fmt",
    "load_scheme",
    "load_scheme_text",
    "node_max",
    "parse_scheme",
]

"""The monitor's view of the checks catalogue (``zwgk/inspect/checks/catalogue.yaml``, read through
``zwgk.inspect.checks.catalogue``): every threshold a monitor check uses is read there, from the
one registry of checks."""

from __future__ import annotations

from fractions import Fraction
from typing import Any

from zwgk.inspect.checks.catalogue import catalogue, info
from zwgk.inspect.checks.catalogue import thresholds as _thresholds
from zwgk.inspect.model import Severity


def ids() -> list[str]:
    return list(catalogue())


def thresholds(check_id: str) -> dict[str, Any]:
    return dict(_thresholds(check_id))


def severity(check_id: str) -> Severity:
    return info(check_id).severity


def title(check_id: str) -> str:
    entry = catalogue().get(check_id)
    return entry.title if entry else check_id


def exact(value: Any) -> Fraction:
    """A catalogue number as an exact fraction (``0.05`` → 1/20), so that a rate is compared
    with its threshold without any rounding."""
    return Fraction(str(value))

"""The monitor's view of the checks catalogue (``zwgk/inspect/checks/catalogue.yaml``): every
threshold a monitor check uses is read here, from the one registry of checks."""

from __future__ import annotations

from fractions import Fraction
from typing import Any

from zwgk.inspect.checks.catalogue import CheckInfo, catalogue, info, load_modules
from zwgk.inspect.model import Severity


def ids() -> list[str]:
    return list(catalogue())


def entry(check_id: str) -> CheckInfo:
    return info(check_id)


def thresholds(check_id: str) -> dict[str, Any]:
    value = info(check_id).thresholds
    return dict(value) if isinstance(value, dict) else {}


def severity(check_id: str) -> Severity:
    return info(check_id).severity


def title(check_id: str) -> str:
    try:
        return info(check_id).title
    except KeyError:
        return check_id


def exact(value: Any) -> Fraction:
    """A catalogue number as an exact fraction (``0.05`` → 1/20), so that a rate is compared
    with its threshold without any rounding."""
    return Fraction(str(value))


def modules() -> tuple:
    """The monitor's check modules the catalogue names (``module: zwgk.monitor.…``); a missing
    one, or one that does not declare its ids, is a ``CatalogueError``."""
    return load_modules("zwgk.monitor", ("check",))

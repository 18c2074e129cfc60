"""Points as text and as plain numbers — the one Decimal formatter of the project.

:func:`fmt` writes points as an office writes them (``4``, ``0.5``, ``-3``: no trailing zeros,
never an exponent); :func:`plain` turns a Decimal into the number JSON or YAML writes (an int, or a
float whose shortest text is the same decimal).
"""

from __future__ import annotations

from decimal import Decimal
from functools import lru_cache


@lru_cache(maxsize=8192)  # the same few values are written millions of times
def fmt(value: Decimal | int | float | None) -> str:
    """Points as an office writes them: 4, 0.5, -3 (no trailing zeros); ``—`` for none."""
    if value is None:
        return "—"
    if isinstance(value, bool):
        return str(value)
    if not isinstance(value, Decimal):
        value = Decimal(str(value))
    if not value.is_finite():
        return str(value)
    text = format(value.normalize(), "f")
    return "0" if text in ("-0", "") else text


def plain(value: Decimal | None) -> int | float | str | None:
    """A Decimal as JSON/YAML writes it without losing a digit: an int, an exact float, or text."""
    if value is None:
        return None
    if value == value.to_integral_value():
        return int(value)
    as_float = float(value)
    return as_float if Decimal(repr(as_float)) == value else fmt(value)

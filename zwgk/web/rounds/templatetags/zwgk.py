from __future__ import annotations

from decimal import Decimal

from django import template

from zwgk.rubric import fmt

register = template.Library()


@register.filter
def pts(value) -> str:
    """Points as the office writes them: 12, 0.5, -3 (no trailing zeros)."""
    if value is None or value == "":
        return "—"
    return fmt(Decimal(str(value)))


@register.filter
def signed(value) -> str:
    if value is None:
        return ""
    d = Decimal(str(value))
    return f"+{fmt(d)}" if d > 0 else fmt(d)


@register.filter
def get(mapping, key):
    return mapping.get(key) if mapping else None


@register.filter
def indent(depth) -> str:
    return f"d{min(int(depth), 4)}"

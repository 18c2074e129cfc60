"""Writing a scheme as readable YAML: the keys in the order a person reads them, Chinese as is.

:func:`dump_scheme` turns a scheme dict (as built by the importer, or dumped from a
:class:`~zwgk.rubric.model.Scheme`) into text that :func:`zwgk.rubric.load_scheme_text` reads back
to the same scheme: indicators start ``id``, ``name``, ``points``; short faults and bonuses are
written on one line (``- {id: f1, text: 未听取汇报, amount: 5}``); long texts are written as
block scalars; every string that YAML would read as something else (a number, a date, ``yes``,
text with ``: `` or a leading ``-``) is quoted. Numbers are written exactly (``0.5``, never
``0.5000000001``).
"""

from __future__ import annotations

import json
import re
from decimal import Decimal
from typing import Any

import yaml

from zwgk.rubric.model import (
    AppliesTo,
    Assumption,
    Base,
    Bonus,
    EvidenceDeadline,
    Fault,
    Grade,
    ImportedRule,
    LedgerRule,
    Node,
    Part,
    RankRule,
    Scheme,
    Table,
    ThirdParty,
    UnitClass,
    Veto,
)
from zwgk.rubric.numbers import fmt


def _keys(*models: type[Base]) -> list[str]:
    """A model's keys in the order they are declared (and written), several models merged."""
    out: list[str] = []
    for model in models:
        out += [k for k in model.model_fields if k != "line" and k not in out]
    return out


ORDERS = {
    "scheme": _keys(Scheme),
    "table": _keys(Table),
    "node": _keys(Node),
    "rule": _keys(Fault, Bonus),
    "veto": _keys(Veto),
    "class": _keys(UnitClass),
    "grade": _keys(Grade),
    "scope": _keys(AppliesTo),
    "rank": _keys(RankRule),
    "imported": _keys(ImportedRule),
    "part": _keys(Part),
    "third_party": _keys(ThirdParty),
    "ledger": _keys(LedgerRule),
    "assumption": _keys(Assumption),
    "deadline": _keys(EvidenceDeadline),
}
"""Key order for each mapping, read from the models (the one place the keys are defined)."""
CHILD_KIND = {
    ("scheme", "classes"): "class",
    ("scheme", "grades"): "grade",
    ("scheme", "tables"): "table",
    ("scheme", "vetoes"): "veto",
    ("scheme", "third_party"): "third_party",
    ("scheme", "assumptions"): "assumption",
    ("scheme", "evidence_deadline"): "deadline",
    ("table", "sections"): "node",
    ("node", "children"): "node",
    ("node", "faults"): "rule",
    ("node", "bonuses"): "rule",
    ("node", "applies_to"): "scope",
    ("node", "rank"): "rank",
    ("node", "imported"): "imported",
    ("node", "parts"): "part",
    ("veto", "applies_to"): "scope",
    ("rule", "ledger"): "ledger",
}
FLOW_WIDTH = 110
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u2028\u2029\ufeff]")


def dump_scheme(scheme: dict[str, Any]) -> str:
    """The scheme as YAML text (ends with a newline)."""
    lines: list[str] = []
    _mapping(scheme, "scheme", 0, lines)
    return "\n".join(lines) + "\n"


def _ordered(data: dict[str, Any], kind: str) -> list[tuple[str, Any]]:
    order = ORDERS.get(kind, [])
    keys = [k for k in order if k in data] + [k for k in data if k not in order]
    return [(k, data[k]) for k in keys if data[k] is not None]


def _mapping(
    data: dict[str, Any], kind: str, indent: int, lines: list[str], first: str = ""
) -> None:
    """Write a block mapping; ``first`` is the prefix of its first line (``- `` in a list)."""
    pad = " " * indent
    for i, (key, value) in enumerate(_ordered(data, kind)):
        lead = (pad[: -len(first)] + first) if (i == 0 and first) else pad
        child = CHILD_KIND.get((kind, key), "")
        head = f"{lead}{_key(key)}:"
        if isinstance(value, dict):
            flow = _flow(value, child)
            if not value or (
                flow is not None
                and len(head) + 1 + len(flow) <= FLOW_WIDTH
                and child in ("scope", "imported", "third_party", "grade", "")
            ):
                lines.append(f"{head} {flow if flow is not None else '{}'}")
            else:
                lines.append(head)
                _mapping(value, child, indent + 2, lines)
        elif isinstance(value, list | tuple):
            _sequence(list(value), child, head, indent, lines)
        else:
            _scalar_line(head, value, indent, lines)


def _sequence(items: list[Any], kind: str, head: str, indent: int, lines: list[str]) -> None:
    if not items:
        lines.append(f"{head} []")
        return
    if all(not isinstance(v, dict | list | tuple) for v in items):
        flow = "[" + ", ".join(_flow_scalar(v) for v in items) + "]"
        if (
            all(_flow_scalar(v) is not None for v in items)
            and len(head) + 1 + len(flow) <= FLOW_WIDTH
        ):
            lines.append(f"{head} {flow}")
            return
    lines.append(head)
    pad = " " * (indent + 2)
    for item in items:
        if isinstance(item, dict):
            flow = _flow(item, kind) if kind in ("rule", "grade", "class") else None
            if flow is not None and len(pad) + 2 + len(flow) <= FLOW_WIDTH:
                lines.append(f"{pad}- {flow}")
            else:
                _mapping(item, kind, indent + 4, lines, first="- ")
        elif isinstance(item, list | tuple):
            flow = "[" + ", ".join(_flow_scalar(v) or _quoted(v) for v in item) + "]"
            lines.append(f"{pad}- {flow}")
        else:
            _scalar_line(f"{pad}-", item, indent + 2, lines)


def _flow(data: dict[str, Any], kind: str) -> str | None:
    """``{id: f1, text: …, amount: 1}`` or None when a value cannot be written in flow style."""
    parts = []
    for key, value in _ordered(data, kind):
        if isinstance(value, dict):
            inner = _flow(value, CHILD_KIND.get((kind, key), ""))
            if inner is None:
                return None
            parts.append(f"{_key(key)}: {inner}")
        elif isinstance(value, list | tuple):
            scalars = [_flow_scalar(v) for v in value]
            if any(s is None for s in scalars):
                return None
            parts.append(f"{_key(key)}: [{', '.join(scalars)}]")  # type: ignore[arg-type]
        else:
            s = _flow_scalar(value)
            if s is None:
                return None
            parts.append(f"{_key(key)}: {s}")
    return "{" + ", ".join(parts) + "}"


def _key(key: Any) -> str:
    text = str(key)
    return text if _plain_ok(text, flow=True) else _quoted(text)


def number(value: Decimal | int | float) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return fmt(value)


def _scalar(value: Any) -> str | None:
    """A scalar on its own line (block context); None when it needs a block scalar."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float | Decimal):
        return number(value)
    text = str(value)
    if "\n" in text:
        return None
    return text if _plain_ok(text, flow=False) else _quoted(text)


def _flow_scalar(value: Any) -> str | None:
    if value is None or isinstance(value, bool | int | float | Decimal):
        return _scalar(value)
    text = str(value)
    if "\n" in text:
        return None
    return text if _plain_ok(text, flow=True) else _quoted(text)


def _scalar_line(head: str, value: Any, indent: int, lines: list[str]) -> None:
    s = _scalar(value)
    if s is not None:
        lines.append(f"{head} {s}")
        return
    text = str(value)
    if _block_ok(text):
        pad = " " * (indent + 2)
        lines.append(f"{head} |-")
        lines.extend(f"{pad}{ln}" if ln else "" for ln in text.split("\n"))
    else:
        lines.append(f"{head} {_quoted(text)}")


def _block_ok(text: str) -> bool:
    if _CONTROL.search(text) or text != text.rstrip("\n") or text.startswith((" ", "\n")):
        return False
    return all(ln == ln.rstrip() for ln in text.split("\n"))


def _quoted(value: Any) -> str:
    return json.dumps(str(value), ensure_ascii=False)


_PLAIN_CACHE: dict[tuple[str, bool], bool] = {}


def _plain_ok(text: str, flow: bool) -> bool:
    """Whether YAML reads ``text`` written plain back as the same string."""
    key = (text, flow)
    if key in _PLAIN_CACHE:
        return _PLAIN_CACHE[key]
    ok = bool(text) and text == text.strip() and not _CONTROL.search(text)
    if ok and flow and any(ch in text for ch in ",[]{}"):
        ok = False
    if ok and (" #" in text or "\t" in text):
        ok = False
    if ok:
        try:
            doc = f"[{text}]" if flow else f"k: {text}"
            loaded = yaml.safe_load(doc)
            ok = loaded == [text] if flow else loaded == {"k": text}
        except yaml.YAMLError:
            ok = False
    if len(_PLAIN_CACHE) < 100_000:
        _PLAIN_CACHE[key] = ok
    return ok

"""Into the assessment (纳入考核): turn inspection findings into *pending* facts (待确认扣分事实,
see ``docs/facts.md``) through a binding file that maps a check to a scheme's indicator and fault
(or to a veto), and each site to the unit it counts for. An assessor then confirms or dismisses
each fact (``status: pending`` → ``confirmed`` / ``dismissed``).

Binding file (YAML)::

    scheme: ../schemes/zhongshan-2022.yaml    # optional: the facts are checked against it
    units:                                    # site name (or homepage) → unit; default: the
      XX区教育局网站: 区教育局                  # finding's own unit
    bindings:
      - check: freshness-column-stale         # a check id, or a family prefix (privacy)
        where: {type: dynamic}                # optional: match on the finding's data
        indicator: Z2.1
        fault: news-stale
      - check: privacy
        indicator: Z2.1
        fault: serious-error
      - check: freshness-stale-columns-veto
        veto: site-security

The first binding that matches a finding wins; findings with no binding are left out and
counted.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from zwgk.scoring.codec import encode_fact, parse_date
from zwgk.scoring.facts import Finding, Status, VetoEvent


class BindingError(ValueError):
    pass


@dataclass(frozen=True)
class Binding:
    check: str
    indicator: str | None = None
    fault: str | None = None
    veto: str | None = None
    where: dict[str, Any] = field(default_factory=dict)
    severity: tuple[str, ...] = ()  # only findings of these severities (default: all)

    def matches(self, f: dict[str, Any]) -> bool:
        check = f["check"]
        if not (check == self.check or check.startswith(self.check + "-")):
            return False
        if self.severity and f.get("severity") not in self.severity:
            return False
        data = f.get("data") or {}
        for key, want in self.where.items():
            have = data.get(key, f.get(key))
            if isinstance(want, list):
                if have not in want:
                    return False
            elif have != want:
                return False
        return True


@dataclass(frozen=True)
class Bindings:
    bindings: tuple[Binding, ...]
    units: dict[str, str] = field(default_factory=dict)
    scheme: str | None = None

    def unit_of(self, f: dict[str, Any]) -> str:
        for key in (f.get("site"), f.get("unit")):
            if key and key in self.units:
                return self.units[key]
        return f.get("unit") or f.get("site") or ""


def load_bindings(path: str | Path) -> Bindings:
    path = Path(path)
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    if not isinstance(data, dict) or not isinstance(data.get("bindings"), list):
        raise BindingError(f"{path}: 须有 bindings 列表")
    out = []
    for i, b in enumerate(data["bindings"], 1):
        if not isinstance(b, dict) or not b.get("check"):
            raise BindingError(f"{path} bindings[{i}]: 须写 check（检查项编号或类别）")
        if not b.get("veto") and not b.get("indicator"):
            raise BindingError(f"{path} bindings[{i}]: 须写 indicator（及 fault）或 veto")
        sev = b.get("severity") or ()
        out.append(
            Binding(
                check=str(b["check"]),
                indicator=str(b["indicator"]) if b.get("indicator") else None,
                fault=str(b["fault"]) if b.get("fault") else None,
                veto=str(b["veto"]) if b.get("veto") else None,
                where=dict(b.get("where") or {}),
                severity=tuple([sev] if isinstance(sev, str) else sev),
            )
        )
    scheme = data.get("scheme")
    if scheme and not Path(scheme).is_absolute():
        scheme = str((path.parent / scheme).resolve())
    return Bindings(
        tuple(out), {str(k): str(v) for k, v in (data.get("units") or {}).items()}, scheme
    )


def to_facts(findings: list[dict[str, Any]], bindings: Bindings) -> tuple[dict[str, Any], int]:
    """Pending facts (``findings`` and ``vetoes`` sections) and the number of unbound findings."""
    facts: dict[str, list] = {"findings": [], "vetoes": []}
    unbound = 0
    for f in findings:
        b = next((b for b in bindings.bindings if b.matches(f)), None)
        if b is None:
            unbound += 1
            continue
        when = parse_date(str(f.get("detected_at") or dt.date.today().isoformat())[:10])
        evidence = f["url"] + (f"（引用页面 {f['referrer']}）" if f.get("referrer") else "")
        common = dict(
            date=when,
            source="网上检查",
            status=Status.PENDING,
            note=f"[{f['check']}] {f['message']}",
            evidence=f"{evidence}；{f.get('evidence', '')}"[:500],
        )
        unit = bindings.unit_of(f)
        if b.veto:
            fact = VetoEvent(unit, b.veto, **common)
        else:
            fact = Finding(unit, b.indicator or "", b.fault or "", **common)
        section, row = encode_fact(fact)
        facts[section].append(row)
    return {k: v for k, v in facts.items() if v}, unbound


def write_facts(findings: list[dict[str, Any]], bindings: Bindings, path: Path) -> tuple[int, int]:
    facts, unbound = to_facts(findings, bindings)
    header = (
        "# 网上检查发现，待确认（status: pending）。确认后改为 confirmed，排除的改为 dismissed。\n"
    )
    path.write_text(
        header + yaml.safe_dump(facts, allow_unicode=True, sort_keys=False, width=200),
        encoding="utf-8",
    )
    return sum(len(v) for v in facts.values()), unbound

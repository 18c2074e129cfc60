"""Precision and recall of the inspector's findings against a demo site's manifest."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

CONTENT_FAMILIES = ("privacy", "wording", "elements")


@dataclass
class Score:
    check: str
    planted: int
    found: int
    tp: int

    @property
    def precision(self) -> float:
        return self.tp / self.found if self.found else (1.0 if not self.planted else 0.0)

    @property
    def recall(self) -> float:
        return self.tp / self.planted if self.planted else 1.0


def _family(check: str) -> str:
    for fam in CONTENT_FAMILIES:
        if check.startswith(fam):
            return fam
    return check


def _key(check: str, url: str, wrong: str | None) -> tuple:
    return (check, url, wrong) if check == "wording" else (check, url)


def score(findings: list[dict[str, Any]], manifest: dict[str, Any]) -> list[Score]:
    """One score per check id (site-level) or family (content checks)."""
    expected: dict[str, set] = {}
    for d in manifest["defects"]:
        expected.setdefault(d["check"], set()).add(_key(d["check"], d["url"], d.get("wrong")))
    found: dict[str, set] = {}
    for f in findings:
        fam = _family(f["check"])
        if fam == "availability-attachment-text":
            continue
        found.setdefault(fam, set()).add(_key(fam, f["url"], f.get("wrong")))
    out = []
    for check in sorted(set(expected) | set(found)):
        e, g = expected.get(check, set()), found.get(check, set())
        out.append(Score(check, len(e), len(g), len(e & g)))
    return out


def misses(findings: list[dict[str, Any]], manifest: dict[str, Any], check: str):
    """(false negatives, false positives) of one check or family, for debugging."""
    e = {
        _key(d["check"], d["url"], d.get("wrong"))
        for d in manifest["defects"]
        if d["check"] == check
    }
    g = {_key(check, f["url"], f.get("wrong")) for f in findings if _family(f["check"]) == check}
    return sorted(e - g), sorted(g - e)


def table(scores: list[Score]) -> str:
    lines = [f"{'check':32} {'planted':>7} {'found':>6} {'TP':>5} {'precision':>9} {'recall':>7}"]
    for s in scores:
        lines.append(
            f"{s.check:32} {s.planted:7d} {s.found:6d} {s.tp:5d} {s.precision:9.3f} {s.recall:7.3f}"
        )
    return "\n".join(lines)

"""Precision and recall of the inspector's findings against a demo site's manifest, per check and
per CMS shape (plain, trs, hanweb, json, render, onclick; ``site`` for site-wide findings)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

CONTENT_FAMILIES = ("privacy", "wording", "elements")
IGNORED = ("availability-attachment-text",)


@dataclass
class Score:
    check: str
    planted: int
    found: int
    tp: int
    shape: str = "all"

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


class _Shapes:
    """The shape a URL belongs to: its column's (``/col/<id>/…``, ``/att/<id>/…``), else the
    shape of the page that refers to it, else ``site``."""

    def __init__(self, manifest: dict[str, Any]):
        self.by_id = {c["id"]: c["shape"] for c in manifest["columns"] if "id" in c}

    def of(self, url: str, referrer: str | None = None) -> str:
        parts = urlsplit(url).path.strip("/").split("/")
        if len(parts) >= 2 and parts[0] in ("col", "att") and parts[1] in self.by_id:
            return self.by_id[parts[1]]
        if referrer:
            return self.of(referrer)
        return "site"


def _sets(findings: list[dict[str, Any]], manifest: dict[str, Any]):
    shapes = _Shapes(manifest)
    expected: dict[tuple, str] = {}
    for d in manifest["defects"]:
        expected[_key(d["check"], d["url"], d.get("wrong"))] = d.get("shape", "site")
    found: dict[tuple, str] = {}
    for f in findings:
        fam = _family(f["check"])
        if fam in IGNORED:
            continue
        key = _key(fam, f["url"], f.get("wrong"))
        found[key] = expected.get(key) or shapes.of(f["url"], f.get("referrer"))
    return expected, found


def score(
    findings: list[dict[str, Any]], manifest: dict[str, Any], shape: str | None = None
) -> list[Score]:
    """One score per check id (site-level) or family (content checks), for one shape or all."""
    expected, found = _sets(findings, manifest)
    e_by: dict[str, set] = {}
    g_by: dict[str, set] = {}
    for key, sh in expected.items():
        if shape is None or sh == shape:
            e_by.setdefault(key[0], set()).add(key)
    for key, sh in found.items():
        if shape is None or sh == shape:
            g_by.setdefault(key[0], set()).add(key)
    out = []
    for check in sorted(set(e_by) | set(g_by)):
        e, g = e_by.get(check, set()), g_by.get(check, set())
        out.append(Score(check, len(e), len(g), len(e & g), shape or "all"))
    return out


def shapes(manifest: dict[str, Any]) -> list[str]:
    return sorted({d.get("shape", "site") for d in manifest["defects"]})


def false_stale(
    findings: list[dict[str, Any]], manifest: dict[str, Any]
) -> dict[str, tuple[int, list[str]]]:
    """Per shape: (fresh columns — with a rule, planted neither stale nor blank — and the names
    of those reported stale)."""
    stale_urls = {f["url"] for f in findings if f["check"] == "freshness-column-stale"}
    out: dict[str, tuple[int, list[str]]] = {}
    for c in manifest["columns"]:
        if c["update_days"] is None or c["stale"] or c["blank"]:
            continue
        n, names = out.get(c.get("shape", "plain"), (0, []))
        if c["url"] in stale_urls:
            names = [*names, c["name"]]
        out[c.get("shape", "plain")] = (n + 1, names)
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
    lines = [
        f"{'shape':8} {'check':30} {'planted':>7} {'found':>6} {'TP':>5} {'precision':>9} {'recall':>7}"
    ]
    for s in scores:
        lines.append(
            f"{s.shape:8} {s.check:30} {s.planted:7d} {s.found:6d} {s.tp:5d} "
            f"{s.precision:9.3f} {s.recall:7.3f}"
        )
    return "\n".join(lines)

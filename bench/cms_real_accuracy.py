"""Precision and recall of the inspector's CMS readers on real government page markup
(``tests/data/cms_real``: TRS pagers, Hanweb datastores and jpage, JSON-fed columns, plain lists,
articles), against hand labels written before any run.

    .venv/bin/python bench/cms_real_accuracy.py [--heldout] [--show-misses]

Without ``--heldout`` it scores the tuning part, with it the held-out part only (the split is fixed in
``labels.json``: ``heldout_2`` lists the held-out files, collected and labelled after the first held-out
part — ``heldout_1_spent``, run once at commit 9c455dd — had been used; that first part is tuning data
now). Readers and kinds:

- ``pager``: further list pages. Precision of the pages ``script_pages`` and a page-jump ``<select>``
  (``Parsed.pager_pages``) state; recall of the labelled pages reached from the page (those, or an
  ordinary link the page carries).
- ``records``: list entries (link + date) from ``parse_html`` and the Hanweb datastore reader. Recall:
  labelled entries found with the same date (an undated label needs an undated entry). Precision: dated
  entries read, against the labelled ones (undated menu links are not scored).
- ``newest``: the newest record date of the column (per page).
- ``dataproxy``: Hanweb parameters (columnid, unitid, webid, perpage) the dataproxy feed carries.
- ``json``: JSON endpoints ``json_feeds`` finds.
- ``links:<kind>`` (articles): file and resource links by kind (``a``, ``script``, ``onclick``,
  ``iframe``, ``img``, ``embed``); precision over the file links read (documents and archives).
- ``published`` (articles): the article's date."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from zwgk.inspect.cms import hanweb, json_feeds, script_pages
from zwgk.inspect.extract import parse_html
from zwgk.inspect.urls import extension, normalise

DATA = Path(__file__).resolve().parents[1] / "tests" / "data" / "cms_real"
FILE_EXTS = {".pdf", ".doc", ".docx", ".xls", ".xlsx", ".wps", ".et", ".ofd", ".zip", ".rar", ".7z"}
LINK_KINDS = ("a", "script", "onclick", "iframe", "img", "embed")
PARAMS = ("columnid", "unitid", "webid", "perpage")


def load() -> dict[str, Any]:
    return json.loads((DATA / "labels.json").read_text(encoding="utf-8"))


def split(labels: dict[str, Any]) -> tuple[list[str], list[str]]:
    """(held out, tuning): the files ``heldout_2`` lists are held out, every other labelled file is tuning."""
    held = sorted(labels["heldout_2"])
    return held, sorted(set(labels["files"]) - set(held))


@dataclass
class Read:
    """What the readers make of one file."""

    script_pages: set[str] = field(default_factory=set)
    reached: set[str] = field(default_factory=set)
    records: dict[str, dt.date | None] = field(default_factory=dict)
    params: dict[str, str] = field(default_factory=dict)
    json: set[str] = field(default_factory=set)
    links: set[str] = field(default_factory=set)
    published: dt.date | None = None


def read(name: str, label: dict[str, Any], today: dt.date) -> Read:
    text = (DATA / name).read_text(encoding="utf-8")
    url = label["url"]
    out = Read()
    if label["kind"] == "article":
        p = parse_html(url, text, today, detail=False)
        out.links = {u for u, _ in p.links} | set(p.resources)
        out.published = p.published
        return out
    if label["kind"] == "datastore":
        scripts = [text]
        html_records: list[Any] = []
    else:
        p = parse_html(url, text, today, detail=True)
        scripts = p.scripts
        html_records = p.records
        out.reached = {u for u, _ in p.links}
        out.script_pages = set(script_pages(url, scripts, 1000)) | set(p.pager_pages)
        out.reached |= out.script_pages
        out.json = {f.url for f in json_feeds(url, scripts)}
    records, feed = hanweb(url, scripts, today)
    for rec in [*html_records, *records]:
        have = out.records.get(rec.url)
        if rec.url not in out.records or (rec.date and (have is None or rec.date > have)):
            out.records[rec.url] = rec.date
    if feed is not None:
        fields = dict(feed.data)
        for k in ("columnid", "unitid", "webid"):
            if fields.get(k):
                out.params[k] = str(fields[k]).strip("'\"")
        if feed.page_key == "startrecord":
            out.params["perpage"] = str(feed.page_size)
    return out


class Tally:
    def __init__(self) -> None:
        self.tp: dict[str, int] = defaultdict(int)
        self.fp: dict[str, int] = defaultdict(int)
        self.fn: dict[str, int] = defaultdict(int)
        self.misses: list[str] = []

    def add(self, kind: str, found: set[Any], truth: set[Any], predicted: set[Any], where: str):
        """``found``: labelled items the reader got; ``predicted``: items it claimed (for precision)."""
        self.tp[kind] += len(found & truth)
        self.fn[kind] += len(truth - found)
        self.fp[kind] += len(predicted - truth)
        for x in sorted(map(str, truth - found)):
            self.misses.append(f"{where} {kind} missed {x}")
        for x in sorted(map(str, predicted - truth)):
            self.misses.append(f"{where} {kind} wrong {x}")


def _date(s: str | None) -> dt.date | None:
    return dt.date.fromisoformat(s) if s else None


def score_file(name: str, label: dict[str, Any], got: Read, t: Tally) -> None:
    if label["kind"] == "article":
        links = {normalise(u) for u in got.links}
        files = {u for u in links if extension(u) in FILE_EXTS}
        every_file: set[str] = set()
        for kind in LINK_KINDS:
            truth = {normalise(u) for u in label["links"][kind]}
            every_file |= {u for u in truth if extension(u) in FILE_EXTS}
            t.add(f"links:{kind}", links & truth, truth, set(), name)
        t.add("links:files", files & every_file, every_file, files, name)
        want = _date(label["published"])
        t.add(
            "published", {got.published} - {None}, {want} - {None}, {got.published} - {None}, name
        )
        return
    pages = {normalise(u) for u in label["pages"]["urls"]}
    reached = {normalise(u) for u in got.reached}
    t.add("pager", reached & pages, pages, {normalise(u) for u in got.script_pages}, name)
    truth = {(normalise(u), _date(d)) for u, d in label["records"]}
    read_ = {(normalise(u), d) for u, d in got.records.items()}
    dated = {r for r in read_ if r[1] is not None}
    t.add("records", read_ & truth, truth, dated, name)
    newest = max((d for _, d in dated), default=None)
    want = _date(label["newest"])
    t.add("newest", {newest} - {None}, {want} - {None}, {newest} - {None}, name)
    params = {(k, v) for k, v in (label["dataproxy"] or {}).items() if v is not None}
    t.add("dataproxy", set(got.params.items()), params, set(got.params.items()), name)
    endpoints = {normalise(u) for u in label["json"]}
    t.add("json", got.json & endpoints, endpoints, got.json, name)


def run(heldout: bool) -> tuple[Tally, list[str]]:
    labels = load()
    today = dt.date.fromisoformat(labels["today"])
    held, tuning = split(labels)
    names = held if heldout else tuning
    t = Tally()
    for name in names:
        label = labels["files"][name]
        score_file(name, label, read(name, label, today), t)
    return t, names


def _pct(a: int, b: int) -> str:
    return f"{a / b:.3f}" if b else "  —  "


def table(t: Tally) -> str:
    kinds = sorted(set(t.tp) | set(t.fp) | set(t.fn))
    rows = [f"{'reader / kind':<16} {'TP':>5} {'FP':>5} {'FN':>5} {'P':>6} {'R':>6}"]
    for k in kinds:
        tp, fp, fn = t.tp[k], t.fp[k], t.fn[k]
        rows.append(
            f"{k:<16} {tp:>5} {fp:>5} {fn:>5} {_pct(tp, tp + fp):>6} {_pct(tp, tp + fn):>6}"
        )
    return "\n".join(rows)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--heldout", action="store_true", help="score the held-out part only")
    ap.add_argument("--show-misses", action="store_true")
    a = ap.parse_args()
    t, names = run(a.heldout)
    part = "held-out" if a.heldout else "tuning"
    print(f"{part} part: {len(names)} files ({', '.join(names)})")
    print(table(t))
    if a.show_misses:
        print("\n".join(t.misses))


if __name__ == "__main__":
    main()

"""Annual-report checks on real published reports: precision and recall per check, held out apart.

Data: `tests/data/annual/real/` (see its README): whole reports with hand labels (`labels.yaml`:
kind, unit, year, the findings an assessor would raise) and the openings of more reports
(`heads.jsonl`: unit, year, kind and every number of the prose that names a table quantity).
The first to ninth batches (rows without ``batch``, ``batch: 2`` … ``batch: 9``) are all
tuning material now: each batch's held-out part was scored once and looked at (the figures are in
docs/annual.md as measured; the fourth, 39 openings, on 2026-12-03 at 79126d5: claims P 82/90,
R 82/102; the fifth, 47 openings, at 09ccdd9: P 56/65, R 56/66; the sixth, 39 openings, at 842ed9f:
P 84/85, R 84/95; the seventh, 46 openings, at 0d0f8c3: P 67/73, R 67/82; the eighth, 51 openings,
at f2c5be8: P 78/81, R 78/89; the ninth, 40 openings, at df80baa: P 39/42, R 39/53). A batch 10
and later would be held out as a whole; it is scored only with
``--heldout`` and its mismatches are never printed, only its figures.

Scores:
- findings, per check: a finding is matched by (check, key) — key as in docs/annual.md; deductions
  and warnings are scored apart. Precision = matched / raised, recall = matched / expected.
- report kind, unit and year (whole reports and openings).
- claims of the prose (openings and whole reports): (quantity, number) pairs found vs labelled.

- planted defects: 18 copies of the whole reports in ``mutated/``, one defect
  each (``mutated/mutations.yaml``, chosen by a seeded script before any run). A copy is scored by
  its NEW findings — those (check, key, severity, message) its original does not have. Per kind of
  defect: found = a new finding of one of the expected checks at any level; deductions: a
  deduction expected (by the label's rule) vs a new deduction of an expected check raised, and
  precision = new deductions of expected checks / all new deductions.

    .venv/bin/python bench/annual_accuracy.py [--details] [--heldout]
    # --details: tuning-set mismatches; --heldout: the held-out figures as well (run once)
    # the tuning figures are printed for the tuning set as a whole and per batch
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from zwgk.annual import check_report, load_report, read_text  # noqa: E402
from zwgk.annual.claims import find_claims  # noqa: E402
from zwgk.inspect.model import Severity  # noqa: E402

DATA = ROOT / "tests" / "data" / "annual" / "real"
MUTATED = DATA / "mutated"


HELDOUT_FROM_BATCH = 10


def split_of(name: str, batch: int | None = None) -> str:
    """'heldout' for a batch from 10 on (held out as a whole), else 'tuning'.

    The second batch's fresh held-out third (``sha256("fresh:" + name) % 3 == 0``), the third to
    the ninth batch (held out as a whole) were each scored once and looked at; they are tuning material now,
    like the first batch. ``name`` is kept for the record.
    """
    return "heldout" if (batch or 1) >= HELDOUT_FROM_BATCH else "tuning"


def group_of(batch: int | None) -> str:
    """The batch a tuning item belongs to, for the per-batch lines."""
    return f"batch {batch or 1}"


def key_of(finding) -> str:
    data = finding.data or {}
    return str(data.get("key") or finding.location)


def severity_of(finding) -> str:
    return "deduction" if finding.severity in (Severity.DEDUCTION, Severity.VETO) else "warning"


class Score:
    def __init__(self) -> None:
        self.tp: Counter[str] = Counter()
        self.fp: Counter[str] = Counter()
        self.fn: Counter[str] = Counter()

    def add(self, kind: str, expected: set, produced: set) -> list[str]:
        notes = []
        self.tp[kind] += len(produced & expected)
        for item in produced - expected:
            self.fp[kind] += 1
            notes.append(f"false alarm {item}")
        for item in expected - produced:
            self.fn[kind] += 1
            notes.append(f"missed {item}")
        return notes

    def rows(self) -> list[tuple[str, int, int, int]]:
        kinds = sorted(set(self.tp) | set(self.fp) | set(self.fn))
        return [(k, self.tp[k], self.fp[k], self.fn[k]) for k in kinds]


def ratio(a: int, b: int) -> str:
    return f"{a}/{b} = {a / b:.0%}" if b else "—"


def print_score(title: str, score: Score) -> None:
    rows = score.rows()
    print(f"  {title}")
    if not rows:
        print("    (nothing expected, nothing raised)")
        return
    total = [0, 0, 0]
    for kind, tp, fp, fn in rows:
        total = [total[0] + tp, total[1] + fp, total[2] + fn]
        print(f"    {kind:42s} precision {ratio(tp, tp + fp):14s} recall {ratio(tp, tp + fn)}")
    tp, fp, fn = total
    print(f"    {'overall':42s} precision {ratio(tp, tp + fp):14s} recall {ratio(tp, tp + fn)}")


def _signature(findings) -> set[tuple[str, str, str, str]]:
    return {(f.check, key_of(f), severity_of(f), f.message) for f in findings}


def score_mutations() -> None:
    """The planted defects: found per kind, and deductions raised vs expected."""
    entries = yaml.safe_load((MUTATED / "mutations.yaml").read_text(encoding="utf-8"))["mutations"]
    originals: dict[str, set] = {}
    rows: dict[str, Counter[str]] = defaultdict(Counter)
    for e in entries:
        base = e["base"]
        if base not in originals:
            originals[base] = _signature(check_report(load_report(DATA / base)))
        new = _signature(check_report(load_report(MUTATED / e["file"]))) - originals[base]
        want_d, want_w = set(e["expected"]["deduction"]), set(e["expected"]["warning"])
        c = rows[e["kind"]]
        c["copies"] += 1
        c["found"] += any(check in want_d | want_w for check, *_ in new)
        new_d = [x for x in new if x[2] == "deduction"]
        c["deductions raised"] += len(new_d)
        c["deductions right"] += sum(x[0] in want_d for x in new_d)
        c["deduction expected"] += bool(want_d)
        c["deduction found"] += bool(want_d) and any(x[0] in want_d for x in new_d)
        c["copies with a false deduction"] += any(x[0] not in want_d for x in new_d)
        new_w = [x for x in new if x[2] == "warning"]
        c["warnings raised"] += len(new_w)
        c["warnings right"] += sum(x[0] in want_d | want_w for x in new_w)
    print("  planted defects (one per copy; new findings against the original)")
    total: Counter[str] = Counter()
    for kind, c in sorted(rows.items()):
        total.update(c)
        _print_mutation_row(kind, c)
    _print_mutation_row("overall", total)


def _print_mutation_row(kind: str, c: Counter[str]) -> None:
    print(
        f"    {kind:14s} found {ratio(c['found'], c['copies']):14s}"
        f" deductions: recall {ratio(c['deduction found'], c['deduction expected']):14s}"
        f" precision {ratio(c['deductions right'], c['deductions raised']):14s}"
        f" copies with a false deduction {c['copies with a false deduction']}"
        f"; warnings precision {ratio(c['warnings right'], c['warnings raised'])}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--details", action="store_true", help="print the tuning set's mismatches")
    parser.add_argument(
        "--heldout", action="store_true", help="score the held-out batch (4 on) too"
    )
    args = parser.parse_args()

    labels = yaml.safe_load((DATA / "labels.yaml").read_text(encoding="utf-8"))["reports"]
    heads = [
        json.loads(line)
        for line in (DATA / "heads.jsonl").read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]

    # scores per split, and per batch within the tuning set ("batch 1", "batch 2", …)
    deductions: dict[str, Score] = defaultdict(Score)
    warnings: dict[str, Score] = defaultdict(Score)
    claims: dict[str, Score] = defaultdict(Score)
    facts: dict[str, Counter[str]] = defaultdict(Counter)
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    details: dict[str, list[str]] = defaultdict(list)

    for label in labels:
        name = label["file"]
        split = split_of(name, label.get("batch"))
        if split == "heldout" and not args.heldout:
            continue
        bins = (split, group_of(label.get("batch"))) if split == "tuning" else (split,)
        for b in bins:
            counts[b]["reports"] += 1
        report = load_report(DATA / name)
        findings = check_report(report)
        expected = {(e["check"], str(e["key"]), e["severity"]) for e in label.get("expected") or []}
        produced = {(f.check, key_of(f), severity_of(f)) for f in findings}
        for sev, scores in (("deduction", deductions), ("warning", warnings)):
            exp = {(c, k) for c, k, s in expected if s == sev}
            got = {(c, k) for c, k, s in produced if s == sev}
            for check in {c for c, _ in exp | got}:
                for b in bins:
                    notes = scores[b].add(
                        check, {x for x in exp if x[0] == check}, {x for x in got if x[0] == check}
                    )
                details[name].extend(f"{sev} {n}" for n in notes)
        for field, got in (
            ("kind", report.report_kind),
            ("unit", report.unit),
            ("year", report.year),
        ):
            right = got == label.get(field)
            for b in bins:
                facts[b][f"{field} total"] += 1
                facts[b][f"{field} right"] += right
            if not right:
                details[name].append(f"{field}: got {got!r}, labelled {label.get(field)!r}")

    for head in heads:
        split = split_of(head["url"], head.get("batch"))
        if split == "heldout" and not args.heldout:
            continue
        bins = (split, group_of(head.get("batch"))) if split == "tuning" else (split,)
        for b in bins:
            counts[b]["openings"] += 1
        want = head["label"]
        report = read_text(head["id"], head["text"])
        for field, got in (
            ("kind", report.report_kind),
            ("unit", report.unit),
            ("year", report.year),
        ):
            right = got == want[field] or (
                field == "kind" and got is None and want[field] == "unknown"
            )
            for b in bins:
                facts[b][f"{field} total"] += 1
                facts[b][f"{field} right"] += right
            if not right:
                details[head["id"]].append(f"{field}: got {got!r}, labelled {want[field]!r}")
        got_claims = Counter((c.key, c.value) for c in find_claims(head["text"]))
        want_claims = Counter((k, v) for k, v in want["claims"])
        for item in set(got_claims) | set(want_claims):
            match = min(got_claims[item], want_claims[item])
            for b in bins:
                claims[b].tp["claims"] += match
                claims[b].fp["claims"] += got_claims[item] - match
                claims[b].fn["claims"] += want_claims[item] - match
            if got_claims[item] > match:
                details[head["id"]].append(f"claim false {item}")
            if want_claims[item] > match:
                details[head["id"]].append(f"claim missed {item}")

    batches = sorted(b for b in counts if b.startswith("batch "))
    for split in ("tuning", *batches, *(("heldout",) if args.heldout else ())):
        c = counts[split]
        if split.startswith("batch "):
            f = facts[split]
            print(
                f"  -- {split}: {c['reports']} whole reports, {c['openings']} openings;"
                f" claims precision {ratio(claims[split].tp['claims'], claims[split].tp['claims'] + claims[split].fp['claims'])},"
                f" recall {ratio(claims[split].tp['claims'], claims[split].tp['claims'] + claims[split].fn['claims'])}; "
                + "; ".join(
                    f"{k} {ratio(f[f'{k} right'], f[f'{k} total'])}"
                    for k in ("kind", "unit", "year")
                )
            )
            continue
        print(f"== {split}: {c['reports']} whole reports, {c['openings']} openings")
        print_score("findings at deduction level", deductions[split])
        print_score("findings at warning level", warnings[split])
        print_score("claims in the prose (openings)", claims[split])
        f = facts[split]
        print(
            "  report facts: "
            + "; ".join(
                f"{k} {ratio(f[f'{k} right'], f[f'{k} total'])}" for k in ("kind", "unit", "year")
            )
        )
    score_mutations()
    if args.details:
        print("\n== tuning-set mismatches")
        for name, notes in details.items():
            is_head = not name.endswith((".txt", ".html", ".md", ".docx", ".pdf"))
            head = next((h for h in heads if h["id"] == name), None) if is_head else None
            label = next((x for x in labels if x["file"] == name), {}) if not is_head else {}
            source, batch = (head["url"], head.get("batch")) if head else (name, label.get("batch"))
            if split_of(source, batch) != "tuning":
                continue
            for note in notes:
                print(f"  {name}: {note}")


if __name__ == "__main__":
    main()

"""Rule-drafter accuracy on labelled rule sentences.

Two sets: the seed schemes' sentences (`tests/data/rule_sentences.jsonl`) and sentences from real
schemes this project never saw (`tests/data/rule_sentences_real.jsonl`, see its `.md`), whose held-out
third — by a hash of the scheme's address, fixed before any tuning — is scored apart and never
listed. Each line: "id", "text", "label" (the shape of ``DraftedRule.summary()``: "points" only
where the text states the item's worth).

Per set it prints: exact and unflagged (the summary equals the label and the drafter did not ask for
review), flagged (the drafter asked for review: a person looks at it), wrong and unflagged (the
summary differs from the label and nobody is told: the worst outcome), and exact (summary equals the
label, flag included), and the same exact-and-unflagged rate over the sentences whose label needs no
review (where a clean draft is possible at all). Target (issue 13, held-out set): ≥ 90% exact and unflagged, 0 wrong and
unflagged.

    .venv/bin/python bench/draft_accuracy.py [--set seeds|tuning|heldout|all] [--list]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from zwgk.rubric.draft import draft_rule  # noqa: E402

SEEDS = ROOT / "tests" / "data" / "rule_sentences.jsonl"
REAL = ROOT / "tests" / "data" / "rule_sentences_real.jsonl"


def load(path: Path) -> list[dict]:
    rows = []
    with path.open(encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                rows.append(json.loads(line))
            except json.JSONDecodeError as exc:
                raise SystemExit(f"{path}:{lineno}: 不是合法的 JSON：{exc}") from exc
    return rows


def split_of(url: str) -> str:
    return "heldout" if int(hashlib.sha256(url.encode()).hexdigest(), 16) % 3 == 0 else "tuning"


def sets() -> dict[str, list[dict]]:
    real = load(REAL)
    return {
        "seeds": load(SEEDS),
        "tuning": [r for r in real if split_of(r["url"]) == "tuning"],
        "heldout": [r for r in real if split_of(r["url"]) == "heldout"],
    }


def judge(row: dict) -> tuple[str, dict, list[str]]:
    """'exact' (unflagged and equal), 'flagged' or 'wrong' (unflagged and different)."""
    rule = draft_rule(row["text"])
    got = rule.summary()
    want = row["label"]
    if rule.needs_review:
        return "flagged", got, rule.reasons
    return ("exact" if got == want else "wrong"), got, rule.reasons


def dump(obj: object) -> str:
    return json.dumps(obj, ensure_ascii=False)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", default="all", choices=["seeds", "tuning", "heldout", "all"])
    parser.add_argument("--list", action="store_true", help="list the misses (never for heldout)")
    args = parser.parse_args()
    chosen = sets()
    names = ["seeds", "tuning", "heldout"] if args.set == "all" else [args.set]
    for name in names:
        rows = chosen[name]
        counts = {"exact": 0, "flagged": 0, "wrong": 0}
        label_equal = 0
        schemes = {r.get("url") or r.get("seed") for r in rows}
        misses = []
        for row in rows:
            verdict, got, reasons = judge(row)
            counts[verdict] += 1
            want = row["label"]
            label_equal += got == want
            if (verdict != "exact" and got != want) or (
                verdict == "flagged" and not want["needs_review"]
            ):
                misses.append((verdict, row, got, reasons))
        total = len(rows)
        clean = [r for r in rows if not r["label"]["needs_review"]]
        clean_exact = sum(judge(r)[0] == "exact" for r in clean)
        print(f"== {name}: {total} sentences from {len(schemes)} schemes")
        print(f"   exact and unflagged:  {counts['exact']}/{total} = {counts['exact'] / total:.1%}")
        print(
            f"   flagged for review:   {counts['flagged']}/{total} = {counts['flagged'] / total:.1%}"
        )
        print(f"   wrong and unflagged:  {counts['wrong']}")
        print(f"   summary equals label: {label_equal}/{total} = {label_equal / total:.1%}")
        print(
            f"   of the {len(clean)} a person would draft without doubt (label: no review): "
            f"exact and unflagged {clean_exact}/{len(clean)} = {clean_exact / max(len(clean), 1):.1%}"
        )
        if args.list and name != "heldout":
            for verdict, row, got, reasons in misses:
                print(f"  [{verdict}] {row['id']} {row['text'][:150]}")
                print(f"      label: {dump(row['label'])}")
                print(f"      got:   {dump(got)}  {('；'.join(reasons))[:200]}")


if __name__ == "__main__":
    main()

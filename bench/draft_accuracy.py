"""Rule-drafter accuracy on the labelled rule sentences (tests/data/rule_sentences.jsonl).

Each line of the data file is a JSON object with "id", "seed", "text" and "label" (the 8-key shape
of ``DraftedRule.summary()``). Prints the number of sentences, the exact-match rate (summary ==
label), the rate the drafter marked for review, the count of wrong-and-unmarked sentences (drafter
says no review but its summary differs from the label: the worst outcome), then each
wrong-and-unmarked sentence and each other mismatch with both JSONs.
Target (issue 3): ≥95% exact, 0 wrong-and-unmarked.

    .venv/bin/python bench/draft_accuracy.py [--data PATH] [--seed SEED] [--quiet]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from zwgk.rubric.draft import draft_rule  # noqa: E402

DEFAULT_DATA = ROOT / "tests" / "data" / "rule_sentences.jsonl"


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


def dump(obj: object) -> str:
    return json.dumps(obj, ensure_ascii=False)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="labelled JSONL file")
    parser.add_argument("--seed", help="only the sentences of this seed")
    parser.add_argument("--quiet", action="store_true", help="figures only, no listings")
    args = parser.parse_args()

    if not args.data.exists():
        raise SystemExit(f"{args.data}: 文件不存在")
    rows = load(args.data)
    if args.seed:
        rows = [r for r in rows if str(r.get("seed")) == args.seed]
    if not rows:
        raise SystemExit("没有可评估的句子")

    exact = review = 0
    wrong_unmarked: list[tuple[dict, dict]] = []
    mismatches: list[tuple[dict, dict]] = []
    by_seed: Counter[str] = Counter()
    by_seed_exact: Counter[str] = Counter()
    for row in rows:
        rule = draft_rule(row["text"])
        got = rule.summary()
        seed = str(row.get("seed"))
        by_seed[seed] += 1
        if rule.needs_review:
            review += 1
        if got == row["label"]:
            exact += 1
            by_seed_exact[seed] += 1
            continue
        mismatches.append((row, got | {"reasons": rule.reasons}))
        if not rule.needs_review:
            wrong_unmarked.append((row, got))

    total = len(rows)
    print(f"sentences:            {total}")
    print(f"exact match:          {exact}/{total} = {exact / total:.1%}")
    print(f"marked for review:    {review}/{total} = {review / total:.1%}")
    print(f"wrong and unmarked:   {len(wrong_unmarked)}")
    for seed in sorted(by_seed):
        print(f"  seed {seed}: {by_seed_exact[seed]}/{by_seed[seed]} exact")
    if args.quiet:
        return
    if wrong_unmarked:
        print("\n== wrong and unmarked ==")
        for row, got in wrong_unmarked:
            print(f"[{row.get('id')}] {row['text']}")
            print(f"  label: {dump(row['label'])}")
            print(f"  got:   {dump(got)}")
    if mismatches:
        print("\n== mismatches ==")
        for row, got in mismatches:
            print(f"[{row.get('id')}] {row['text']}")
            print(f"  label: {dump(row['label'])}")
            print(f"  got:   {dump(got)}")


if __name__ == "__main__":
    main()

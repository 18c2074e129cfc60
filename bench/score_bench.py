"""Scoring benchmark: 2,000 units × the largest seed scheme × 100,000 findings.

Prints the time to check the facts file and to score, and the process's peak memory.
Target (issue 2): scoring under 5 s and under 500 MB on the project's machines.

    .venv/bin/python bench/score_bench.py [--units 2000] [--findings 100000] [--scheme PATH]
"""

from __future__ import annotations

import argparse
import csv
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from zwgk.demo import generate_fact_dicts, synthetic_units, write_facts_yaml  # noqa: E402
from zwgk.rubric import load_scheme  # noqa: E402
from zwgk.scoring import load_facts, score  # noqa: E402
from zwgk.scoring.codec import decode_rows  # noqa: E402
from zwgk.scoring.tabular import Row  # noqa: E402


def largest_scheme() -> Path:
    best, size = None, -1
    for path in sorted((ROOT / "schemes").glob("*.yaml")):
        index = load_scheme(path)
        leaves = sum(len(v) for v in index.leaves.values())
        if leaves > size:
            best, size = path, leaves
    if best is None:
        raise SystemExit("schemes/ 中没有方案文件")
    return best


def write_facts_csv(findings: list[dict], path: Path) -> None:
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(
            ["类型", "单位", "指标", "情形", "次数", "数值", "缺项", "日期", "来源", "状态", "说明"]
        )
        for d in findings:
            writer.writerow(
                [
                    "扣分",
                    d["unit"],
                    d["indicator"],
                    d["fault"],
                    d.get("count", ""),
                    d.get("amount", ""),
                    "、".join(d.get("missing", ())),
                    d.get("date", ""),
                    d.get("source", ""),
                    d.get("status", ""),
                    d.get("note", ""),
                ]
            )


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--units", type=int, default=2000)
    parser.add_argument("--findings", type=int, default=100_000)
    parser.add_argument("--scheme", type=Path)
    parser.add_argument(
        "--via-file",
        choices=["none", "csv", "yaml"],
        default="csv",
        help="write the findings to a facts file and time loading + checking it (default csv)",
    )
    args = parser.parse_args()

    scheme_path = args.scheme or largest_scheme()
    index = load_scheme(scheme_path)
    units = synthetic_units(index, args.units)
    leaves = sum(len(v) for v in index.leaves.values())
    data = generate_fact_dicts(index, units, args.findings)
    rows = [Row(d, "bench", i, "findings") for i, d in enumerate(data["findings"], start=1)]
    facts = decode_rows(index, units, rows)
    findings = facts.findings
    print(f"scheme: {scheme_path} ({leaves} leaf indicators)")
    print(f"units: {len(units)}; findings: {len(findings)}")
    print(f"peak memory before scoring: {peak_mb():.0f} MB")

    t0 = time.perf_counter()
    result = score(index, units, facts)
    elapsed = time.perf_counter() - t0
    nodes = sum(1 for u in result.units for _ in u.nodes())
    print(f"score: {elapsed:.2f} s for {len(result.units)} units ({nodes} node results)")
    print(f"peak memory after scoring (process, max RSS): {peak_mb():.0f} MB")
    del result

    if args.via_file != "none":
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / f"facts.{args.via_file}"
            if args.via_file == "yaml":
                write_facts_yaml({"findings": data["findings"]}, path)
            else:
                write_facts_csv(data["findings"], path)
            t0 = time.perf_counter()
            loaded = load_facts(path, index, units)
            print(
                f"load + check facts {args.via_file.upper()} ({len(loaded.findings)} rows): "
                f"{time.perf_counter() - t0:.2f} s; peak memory so far {peak_mb():.0f} MB"
            )


if __name__ == "__main__":
    main()

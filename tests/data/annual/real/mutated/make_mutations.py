"""Planted defects in the whole real reports, chosen by a fixed seed (issue 13, batch 3).

Written, and its output committed, before any check ran on the mutated copies; the choice is the
seed's, not ours. Each copy carries ONE defect of one of four kinds:

- ``prose-number``: a number the prose quotes from the tables (hand-listed phrases below, every one
  agreeing with the tables in the original) is changed by +1..+9;
- ``table-number``: a number cell of table 三, found after a hand-listed row label, is changed by +1..+9;
- ``blank-cell``: such a number cell is emptied (the empty cell a careless office leaves);
  "number cell k" counts the number cells after the row label, so it may fall in a later row when
  the row has blank cells;
- ``heading-typo``: one character of one of the six section headings is replaced by a look- or
  sound-alike (总→综, 情→清 …).

The expected finding of each copy (written to ``mutations.yaml``) follows from the kind alone:
``prose-number`` → ``annual-report-text-table`` at deduction level; ``table-number`` → a table-三
arithmetic deduction (row total, column sum or balance; a text-table finding on the same number is
right too); ``blank-cell`` → the blank-cells warning, and a deduction as well when the emptied cell
held a non-zero number outside the 总计 column (the sums no longer hold) or when the text is PDF text
(the row is left one number short); ``heading-typo`` → the
heading-typo warning for that section (a missing-heading warning for it is accepted as a weaker hit).

The originals are the tuning set's whole reports: the checks were tuned on them unmutated, the
mutations themselves were never seen. Run from the repository root:

    python tests/data/annual/real/mutated/make_mutations.py
"""

from __future__ import annotations

import random
import re
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
REAL = HERE.parent
SEED = 20261202
PER_REPORT = 3

# phrases of the prose that quote a table number (hand-listed; each agrees with the tables) and the
# quantity each names (claims.QUANTITIES keys)
PROSE = {
    "huaian_shizhengfu_2024_annual_report.txt": [
        ("受理政府信息公开申请 3119 件", "new_or_total"), ("复 3050 件", "r7"),
        ("结转申请 34 件", "carried_in"), ("另有 103 件", "carry_out"),
        ("政府信息公开行政诉讼 46 件", "litigation"), ("结果纠正 64 件", "review:结果纠正"),
    ],
    "shanghai_bangongting_2019.html": [
        ("受理政府信息公开申请859件", "new_or_total"), ("答复政府信息公开申请805件", "r7"),
        ("另有72件", "carry_out"), ("不予公开35件", "r3"), ("不予处理158件", "r5"),
        ("行政复议7件", "review"), ("诉讼9件", "litigation"),
    ],
    "shanghai_bangongting_2025.md": [
        ("受理政府信息公开申请 1295 件", "new_or_total"), ("办结 1191 件", "r7"),
        ("上年结转 189 件", "carried_in"), ("不予公开 20 件", "r3"), ("无法提供 564 件", "r4"),
        ("不予处理 80 件", "r5"), ("其他处理 319 件", "r6"),
    ],
    "shanghai_kewei_2024.md": [
        ("全年收到政府信息公开申请 34 件", "new_or_total"), ("同意公开答复 9 件", "r1"),
        ("无法提供的 10 件", "r4"), ("其他处理 14 件", "r6"),
    ],
    "shuyang_fagaiju_2023.html": [("收到依申请信息公开26件", "new_or_total")],
    "shuyang_xianzhengfu_2025.md": [
        ("受理政府信息公开申请 749 件", "new_or_total"), ("共办理 718 件", "r7"),
        ("结转下一年 31 件", "carry_out"),
    ],
}  # fmt: skip
ROWS = ("本年新收政府信息公开申请数量", "上年结转政府信息公开申请数量", "属于国家秘密", "保护第三方合法权益",
        "属于行政查询事项", "本机关不掌握相关政府信息", "重复申请", "信访举报投诉类申请", "结转下年度继续办理")  # fmt: skip
HEADINGS = ("一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况",
            "四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况", "六、其他需要报告的事项")  # fmt: skip
ALIKE = dict(zip("总体情况主动公开政府信息收到处理申请行复议诉讼存在要问题改进其他需报告事项",
                 "综休清兄注功工升正付言思牧道外里伸清形夏义拆松在再耍间提攻近期地须极造是顶", strict=True))  # fmt: skip
KINDS = ("prose-number", "table-number", "blank-cell", "heading-typo")
ARITHMETIC = ["annual-report-table3-total-column", "annual-report-table3-sum",
              "annual-report-table3-balance", "annual-report-text-table"]  # fmt: skip


def cells_after(text: str, start: int, ext: str) -> list[tuple[int, int, str]]:
    """The next seven number cells after ``start``: (begin, end, digits) spans in the raw text."""
    if ext == ".html":
        pat = re.compile(r"<td[^>]*>\s*(?:<p[^>]*>)?\s*(\d+)\s*(?:</p>)?\s*</td>")
    elif ext == ".md":
        pat = re.compile(r"(?<=\|) *(\d+) *(?=\|)")
    else:
        pat = re.compile(r"(?<![\d.\-])(\d+)(?![\d.])")
    out = []
    for m in pat.finditer(text, start):
        out.append((m.start(1), m.end(1), m.group(1)))
        if len(out) == 7:
            break
    return out


def mutate(name: str, text: str, kind: str, rng: random.Random) -> tuple[str, dict]:
    ext = Path(name).suffix
    if kind == "prose-number":
        phrases = [(p, k) for p, k in PROSE[name] if p in text]
        phrase, key = rng.choice(phrases)
        old = re.search(r"\d+", phrase).group(0)
        new = str(int(old) + rng.randint(1, 9))
        at = text.index(phrase)
        text = text[:at] + phrase.replace(old, new, 1) + text[at + len(phrase) :]
        return text, {"what": f"prose “{phrase}”: {old} → {new}", "quantity": key,
                      "expected": {"deduction": ["annual-report-text-table"], "warning": []}}  # fmt: skip
    if kind in ("table-number", "blank-cell"):
        table = text.find("本年新收")
        anchors = [r for r in ROWS if text.find(r, table) >= 0]
        while True:
            row = rng.choice(anchors)
            cells = cells_after(text, text.find(row, table) + len(row), ext)
            if cells:
                break
        col = rng.randrange(len(cells))
        a, b, old = cells[col]
        if kind == "table-number":
            new = str(int(old) + rng.randint(1, 9))
            text = text[:a] + new + text[b:]
            return text, {"what": f"table 三 after “{row}”, number cell {col + 1}: {old} → {new}",
                          "expected": {"deduction": list(ARITHMETIC), "warning": []}}  # fmt: skip
        if ext == ".txt":
            a -= 1  # the space before the number goes with it
        text = text[:a] + text[b:]
        counts = old != "0" and col < 6
        # in PDF text an emptied cell leaves a row one number short: the column count is wrong too
        short = ["annual-report-table3-columns"] if ext == ".txt" else []
        return text, {"what": f"table 三 after “{row}”, number cell {col + 1} ({old}) emptied",
                      "expected": {"deduction": (ARITHMETIC if counts else []) + short,
                                   "warning": ["annual-report-table3-blank", "annual-report-table3-columns",
                                               "annual-report-table3-unread"]}}  # fmt: skip
    present = [(i + 1, h) for i, h in enumerate(HEADINGS) if h in text]
    number, heading = rng.choice(present)
    spots = [i for i, ch in enumerate(heading) if i >= 2 and ch in ALIKE]
    i = rng.choice(spots)
    wrong = heading[:i] + ALIKE[heading[i]] + heading[i + 1 :]
    at = text.index(heading)
    text = text[:at] + wrong + text[at + len(heading) :]
    return text, {"what": f"heading “{heading}” → “{wrong}”", "section": f"section:{number}",
                  "expected": {"deduction": [], "warning": ["annual-report-heading-typo",
                                                            "annual-report-section-heading"]}}  # fmt: skip


def main() -> None:
    rng = random.Random(SEED)
    names = sorted(PROSE)
    kinds = list(KINDS) * (len(names) * PER_REPORT // len(KINDS) + 1)
    kinds = kinds[: len(names) * PER_REPORT]
    rng.shuffle(kinds)
    entries = []
    for n, name in enumerate(names):
        original = (REAL / name).read_text(encoding="utf-8")
        for k in range(PER_REPORT):
            kind = kinds[n * PER_REPORT + k]
            text, info = mutate(name, original, kind, rng)
            assert text != original, (name, kind)
            path = Path(name)
            out = f"{path.stem}__m{k + 1}_{kind}{path.suffix}"
            (HERE / out).write_text(text, encoding="utf-8")
            entries.append({"file": out, "base": name, "kind": kind, **info})
    header = ("# Planted defects, one per copy, chosen by make_mutations.py (seed "
              f"{SEED}) before any check ran on them.\n")  # fmt: skip
    body = yaml.safe_dump({"seed": SEED, "mutations": entries}, allow_unicode=True, sort_keys=False,
                          width=120)  # fmt: skip
    (HERE / "mutations.yaml").write_text(header + body, encoding="utf-8")
    print(len(entries), "copies")


if __name__ == "__main__":
    main()

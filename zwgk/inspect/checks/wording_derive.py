"""Derive the wording checks' data files from the shared corpora (词典生成).

    .venv/bin/python -m zwgk.inspect.checks.wording_derive [--shared ../shared]

Writes ``zwgk/inspect/data/confusions.txt`` (character confusion sets from pycorrector,
Apache-2.0: homophones with the same tone and similar shapes) and
``zwgk/inspect/data/wording_typos_ecspell.txt`` (typo → correction pairs from ECSpell's
official-document sentences, MIT). Only pairs whose wrong form never occurs in any corrected
sentence are kept, and only where the wrong character makes no word with either neighbour there
(real-word errors such as 练习会→联席会 are right only in context), as three-character windows;
the list stays high-precision: it is not every same-pinyin swap.
"""

from __future__ import annotations

import argparse
import collections
import re
from collections.abc import Iterable
from pathlib import Path

DATA = Path(__file__).resolve().parents[1] / "data"
_HAN = re.compile(r"^[\u4e00-\u9fff]+$")


def read_pairs(tsv: Path) -> list[tuple[str, str]]:
    """(source, target) sentence pairs of ECSpell's ``n<TAB>source<TAB>target`` file."""
    out = []
    for line in tsv.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) == 3:
            out.append((parts[1], parts[2]))
    return out


def typo_pairs(
    pairs: Iterable[tuple[str, str]], clean: Iterable[str]
) -> list[tuple[str, str, int]]:
    """(wrong, right, count) windows around each substituted character, high-precision only."""
    pairs = [(s, t) for s, t in pairs if s != t and len(s) == len(t)]
    clean_text = "\n".join(clean)
    found: collections.Counter[tuple[str, str]] = collections.Counter()
    for s, t in pairs:
        for i, (a, b) in enumerate(zip(s, t, strict=True)):
            if a == b or not (_HAN.match(a) and _HAN.match(b)):
                continue
            # A wrong character that makes a word with a neighbour is a real-word error
            # (练习会→联席会): right only in context, so it is left out.
            if any(bi in clean_text for bi in (s[max(0, i - 1) : i + 1], s[i : i + 2])):
                continue
            for lo in (i - 1, i - 2, i):
                if lo < 0 or lo + 3 > len(s):
                    continue
                w, r = s[lo : lo + 3], t[lo : lo + 3]
                if _HAN.match(w) and _HAN.match(r) and w not in clean_text:
                    found[(w, r)] += 1
                    break
    return sorted(((w, r, n) for (w, r), n in found.items()), key=lambda x: (-x[2], x[0]))


def confusions(same_pinyin: Path, same_stroke: Path) -> dict[str, set[str]]:
    """Character → confusable characters: same pinyin and tone, or similar shape."""
    out: dict[str, set[str]] = collections.defaultdict(set)
    for line in same_pinyin.read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) >= 2 and len(parts[0]) == 1:
            out[parts[0]].update(c for c in parts[1] if c != parts[0])
    for line in same_stroke.read_text(encoding="utf-8").splitlines():
        chars = [c for c in line.split("\t") if len(c) == 1]
        for c in chars:
            out[c].update(x for x in chars if x != c)
    return out


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--shared", type=Path, default=Path(__file__).resolve().parents[4] / "shared")
    args = ap.parse_args(argv)
    data = args.shared / "data"
    conf = confusions(data / "confusion/same_pinyin.txt", data / "confusion/same_stroke.txt")
    lines = [
        "# 字形、字音混淆表：每行“字<TAB>易混字”。由 pycorrector 的 same_pinyin.txt（同音同调）",
        "# 和 same_stroke.txt（形近）合成，Apache-2.0，见 LICENSE-pycorrector.txt。",
        "# 生成：python -m zwgk.inspect.checks.wording_derive",
    ]
    lines += [f"{c}\t{''.join(sorted(conf[c]))}" for c in sorted(conf) if conf[c]]
    (DATA / "confusions.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    pairs = read_pairs(data / "ecspell/odw.train.tsv")
    typos = typo_pairs(pairs, (t for _, t in pairs))
    lines = [
        "# 错别字词典（wording-typo，自动生成，勿手改；手工条目写在 wording_typos.txt）。",
        "# 来源：ECSpell odw.train.tsv（Lv et al., 2023；MIT，见 LICENSE-ECSpell.txt）中的公文句子，",
        "# 取每处错字连同前后共 3 个字；错字与前后字在更正后的句子里都不成词、错误写法一次也不出现",
        "# 才收录。每行“错误写法 -> 正确写法  # 出现次数”。",
        "# 生成：python -m zwgk.inspect.checks.wording_derive",
    ]
    lines += [f"{w} -> {r}  # {n}" for w, r, n in typos]
    (DATA / "wording_typos_ecspell.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"confusions: {len(conf)} characters; ecspell typos: {len(typos)} pairs")


if __name__ == "__main__":
    main()

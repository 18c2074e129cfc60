"""雷同: how much of one report's prose is shared, passage by passage, with another's.

Texts are reduced to their Chinese characters and letters (numbers, punctuation and spaces
dropped, the headings and sentences the format makes every report carry blanked out first), cut
into overlapping shingles of ``K`` characters, and a report's characters covered by shingles the
other report also has are merged into passages. Only passages of at least ``MIN_PASSAGE``
characters count, so common phrases do not. An inverted index of shingles finds the candidate
pairs, which keeps 45 reports × 15,000 characters to well under a second.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass

from .model import SECTION_TITLES

K = 12
MIN_PASSAGE = 24
MIN_LENGTH = 100  # shorter prose is not compared

_BOILERPLATE = re.compile(
    "|".join(
        [
            *(re.escape(t) for t in SECTION_TITLES.values()),
            r"政府信息公开(?:工作)?年度报告",
            r"《中华人民共和国政府信息公开条例》",
            r"[（(]国令第\s*\d+\s*号[）)]",
            r"[（(]以下简称《条例》[）)]",
            r"本报告[^。]{0,80}?编制",
            r"报告所列[^。]{0,40}?统计期限[^。]{0,60}?。",
            r"如对本报告有疑问[^。]{0,120}",
        ]
    )
)


def _keep(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff" or ("a" <= ch.lower() <= "z")


@dataclass(frozen=True)
class Fingerprint:
    text: str  # the original text
    norm: str  # kept characters
    index: tuple[int, ...]  # norm position → text position
    shingles: dict[str, int]  # shingle → first position in norm


def fingerprint(text: str) -> Fingerprint:
    blanked = _BOILERPLATE.sub(lambda m: " " * len(m.group(0)), text)
    pairs = [(i, ch) for i, ch in enumerate(blanked) if _keep(ch)]
    norm = "".join(ch for _, ch in pairs)
    shingles: dict[str, int] = {}
    for i in range(len(norm) - K + 1):
        shingles.setdefault(norm[i : i + K], i)
    return Fingerprint(text, norm, tuple(i for i, _ in pairs), shingles)


@dataclass(frozen=True)
class Passage:
    text: str  # in the report checked
    other: str  # where it is in the other report
    length: int  # characters (numbers and punctuation not counted)


@dataclass(frozen=True)
class Similarity:
    ratio: float  # share of the checked report's characters inside shared passages
    passages: tuple[Passage, ...]  # longest first


def _span(fp: Fingerprint, start: int, end: int) -> str:
    end = min(end, len(fp.norm))
    if start >= end:
        return ""
    return re.sub(r"\s+", "", fp.text[fp.index[start] : fp.index[end - 1] + 1])


def compare(a: Fingerprint, b: Fingerprint) -> Similarity:
    """How much of ``a`` is in ``b``."""
    n = len(a.norm)
    if n < MIN_LENGTH or len(b.norm) < K:
        return Similarity(0.0, ())
    covered = bytearray(n)
    for i in range(n - K + 1):
        if a.norm[i : i + K] in b.shingles:
            covered[i : i + K] = b"\x01" * K
    passages: list[Passage] = []
    shared = 0
    i = 0
    while i < n:
        if not covered[i]:
            i += 1
            continue
        j = i
        while j < n and covered[j]:
            j += 1
        if j - i >= MIN_PASSAGE:
            shared += j - i
            at = b.shingles[a.norm[i : i + K]]
            passages.append(Passage(_span(a, i, j), _span(b, at, at + j - i), j - i))
        i = j
    passages.sort(key=lambda p: -p.length)
    return Similarity(shared / n, tuple(passages))


def similar_pairs(prints: list[Fingerprint], threshold: float) -> list[tuple[int, int, Similarity]]:
    """(i, j, similarity of i to j) for every ordered pair at or above ``threshold``."""
    holders: dict[str, list[int]] = defaultdict(list)
    for d, fp in enumerate(prints):
        for s in fp.shingles:
            holders[s].append(d)
    out = []
    for i, fp in enumerate(prints):
        if len(fp.norm) < MIN_LENGTH:
            continue
        hits: Counter[int] = Counter()
        for s in fp.shingles:
            for j in holders[s]:
                if j != i:
                    hits[j] += 1
        for j, count in sorted(hits.items()):
            # shared shingles bound the covered characters from below: a cheap filter
            if (count + K) / len(fp.norm) < threshold * 0.5:
                continue
            sim = compare(fp, prints[j])
            if sim.ratio >= threshold:
                out.append((i, j, sim))
    return out

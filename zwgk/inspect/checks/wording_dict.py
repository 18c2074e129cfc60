"""Wording dictionaries and their matcher (错敏词词典与匹配): wrong → right forms found with one
Aho-Corasick automaton per dictionary, built once per process (and once per distinct set of
site additions), never per page; no word segmentation.

A protected word (受保护词: a correct phrase, a canonical name, any dictionary's right form)
silences a wrong form it covers; for typos also one it straddles (``多数局面`` is not ``数局``).
A protected word lying inside a longer wrong form does not (``中华人民共合国`` still alarms).
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import ahocorasick

from zwgk.inspect.checks.content_common import DATA

_ENTRY = re.compile(r"^\s*(\S.*?)\s*(?:->|→|=>)\s*(\S.*?)\s*$")


@dataclass(frozen=True)
class Entry:
    """One dictionary line: a wrong form, its right form, a category and where it came from."""

    wrong: str
    right: str
    category: str = ""
    source: str = ""


def _lines(path: Path) -> Iterator[tuple[str, str, str]]:
    """(category, text, comment) for each non-blank line of a dictionary file."""
    category = ""
    for raw in path.read_text(encoding="utf-8").splitlines():
        text, _, comment = raw.partition("#")
        text = text.strip()
        if not text:
            continue
        if text.startswith("[") and text.endswith("]"):
            category = text[1:-1].strip()
            continue
        yield category, text, comment.strip()


def read_entries(path: Path) -> list[Entry]:
    """``wrong -> right`` lines (also ``→`` or ``=>``), ``[类别]`` headers, ``#`` comments."""
    out = []
    for category, text, comment in _lines(path):
        m = _ENTRY.match(text)
        if m and len(m.group(1)) >= 2 and m.group(1) != m.group(2):
            out.append(Entry(m.group(1), m.group(2), category, comment or path.name))
    return out


def read_words(path: Path) -> list[tuple[str, str]]:
    """(category, word) for a one-word-a-line file."""
    return [(category, text) for category, text, _ in _lines(path)]


@functools.cache
def confusions() -> dict[str, str]:
    out = {}
    for line in (DATA / "confusions.txt").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            char, _, similar = line.partition("\t")
            out[char] = similar
    return out


def variants(term: str, confusable: dict[str, str]) -> Iterator[str]:
    """Common miswritings of a canonical name: a confusable character in place of one (edge
    characters only for names of five characters or more), one inner character left out, two
    neighbouring inner characters swapped."""
    n = len(term)
    if n < 3:
        return
    edges = n >= 5
    for i, c in enumerate(term):
        if not edges and i in (0, n - 1):
            continue
        for x in confusable.get(c, ""):
            yield term[:i] + x + term[i + 1 :]
    if n >= 4:
        for i in range(1, n - 1):
            yield term[:i] + term[i + 1 :]
        for i in range(1, n - 2):
            if term[i] != term[i + 1]:
                yield term[:i] + term[i + 1] + term[i] + term[i + 2 :]


@dataclass(frozen=True)
class Hit:
    start: int
    end: int
    entry: Entry


class Matcher:
    """Finds the wrong forms of some entries in a text, honouring protected words.

    ``straddle`` — a protected word that crosses either edge of a wrong form also silences it
    (used for typos, whose short wrong forms can span two correct words).
    """

    def __init__(
        self, entries: Iterable[Entry], protected: Iterable[str], straddle: bool = False
    ) -> None:
        self.straddle = straddle
        protected = {p for p in protected if p}
        self.automaton = ahocorasick.Automaton()
        wrongs: dict[str, Entry] = {}
        for e in entries:
            if e.wrong not in protected and e.wrong not in wrongs:
                wrongs[e.wrong] = e
        for w, e in wrongs.items():
            self.automaton.add_word(w, (len(w), e))
        for p in protected:
            if p not in wrongs:
                self.automaton.add_word(p, (len(p), None))
        self.size = len(wrongs)
        if len(self.automaton):
            self.automaton.make_automaton()

    def find(self, text: str, extra_protected: Iterable[str] = ()) -> list[Hit]:
        if not self.size or not text:
            return []
        wrong: list[Hit] = []
        guards: list[tuple[int, int]] = []
        for end, (length, entry) in self.automaton.iter(text):
            start = end + 1 - length
            if entry is None:
                guards.append((start, end + 1))
            else:
                wrong.append(Hit(start, end + 1, entry))
        if not wrong:
            return []
        for p in extra_protected:
            for h in wrong:
                i = text.find(p, max(0, h.start - len(p) + 1), h.end + len(p) - 1)
                while i != -1 and i < h.end:
                    guards.append((i, i + len(p)))
                    i = text.find(p, i + 1, h.end + len(p) - 1)
        guards.sort()
        starts = [g[0] for g in guards]
        longest = max((g[1] - g[0] for g in guards), default=0)
        kept = [h for h in wrong if not self._guarded(h, guards, starts, longest)]
        # A wrong form inside a longer wrong form is the same error: keep the longer one.
        kept.sort(key=lambda h: (h.start, -(h.end - h.start)))
        out: list[Hit] = []
        for h in kept:
            if out and h.end <= out[-1].end:
                continue
            out.append(h)
        return out

    def _guarded(
        self, h: Hit, guards: list[tuple[int, int]], starts: list[int], longest: int
    ) -> bool:
        lo = bisect.bisect_left(starts, h.start - longest)
        hi = bisect.bisect_left(starts, h.end)
        for gs, ge in guards[lo:hi]:
            if ge <= h.start:
                continue
            covers = gs <= h.start and ge >= h.end
            inside = gs >= h.start and ge <= h.end
            if covers or (self.straddle and not inside):
                return True
        return False


def _serious_entries() -> list[Entry]:
    entries = read_entries(DATA / "wording_serious.txt")
    conf = confusions()
    terms = read_words(DATA / "wording_terms.txt")
    canon = {t for _, t in terms}
    explicit = {e.wrong for e in entries}
    for category, term in terms:
        for v in variants(term, conf):
            if v not in explicit and not any(v in t for t in canon):
                explicit.add(v)
                entries.append(Entry(v, term, category, "wording_terms.txt（自动生成的错写）"))
    return entries


@functools.cache
def base_protected() -> frozenset[str]:
    words = {w for _, w in read_words(DATA / "wording_protected.txt")}
    words |= {t for _, t in read_words(DATA / "wording_terms.txt")}
    return frozenset(words)


@functools.cache
def serious_base() -> tuple[Entry, ...]:
    return tuple(_serious_entries())


@functools.cache
def typo_base() -> tuple[Entry, ...]:
    return tuple(
        read_entries(DATA / "wording_typos.txt") + read_entries(DATA / "wording_typos_ecspell.txt")
    )


def _site_entries(extra: tuple[tuple[str, str], ...], category: str) -> list[Entry]:
    return [Entry(w, r, category, "网站配置") for w, r in extra if len(w) >= 2 and w != r]


@functools.lru_cache(maxsize=64)
def serious_matcher(
    extra: tuple[tuple[str, str], ...] = (), protected: tuple[str, ...] = ()
) -> Matcher:
    """The serious-error matcher: built-in dictionary plus a site's additions (cached)."""
    entries = [*serious_base(), *_site_entries(extra, "网站补充")]
    rights = {e.right for e in entries}
    return Matcher(entries, base_protected() | rights | set(protected))


@functools.lru_cache(maxsize=64)
def typo_matcher(
    extra: tuple[tuple[str, str], ...] = (),
    protected: tuple[str, ...] = (),
    serious_extra: tuple[tuple[str, str], ...] = (),
) -> Matcher:
    """The typo matcher; serious wrong forms are protected here so one error is reported once."""
    entries = [*typo_base(), *_site_entries(extra, "网站补充")]
    serious = [*serious_base(), *_site_entries(serious_extra, "")]
    guard = {e.right for e in entries} | {e.right for e in serious} | {e.wrong for e in serious}
    return Matcher(entries, base_protected() | guard | set(protected), straddle=True)

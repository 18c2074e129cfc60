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

SERIOUS, TYPO = "wording-serious", "wording-typo"
GENERATED = "wording_terms.txt（自动生成的错写）"  # source of the generated miswritings
_ENTRY = re.compile(r"^\s*(\S.*?)\s*(?:->|→|=>)\s*(\S.*?)\s*$")


@dataclass(frozen=True)
class Entry:
    """One dictionary line: a wrong form, its right form, a category and where it came from."""

    wrong: str
    right: str
    category: str = ""
    source: str = ""
    kind: str = ""  # the check that reports it: wording-serious or wording-typo


def lines(path: Path) -> Iterator[tuple[str, str, str]]:
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


def read_entries(path: Path, kind: str = "") -> list[Entry]:
    """``wrong -> right`` lines (also ``→`` or ``=>``), ``[类别]`` headers, ``#`` comments."""
    out = []
    for category, text, comment in lines(path):
        m = _ENTRY.match(text)
        if m and len(m.group(1)) >= 2 and m.group(1) != m.group(2):
            out.append(Entry(m.group(1), m.group(2), category, comment or path.name, kind))
    return out


def read_words(path: Path) -> list[tuple[str, str]]:
    """(category, word) for a one-word-a-line file."""
    return [(category, text) for category, text, _ in lines(path)]


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

    ``straddle`` — the kinds (``Entry.kind``) for which a protected word crossing either edge of a
    wrong form also silences it (typos: short wrong forms can span two correct words); ``True``
    for all. Entries of a later kind are also silenced by hits of an earlier one (a serious
    error is not reported again as a typo); the first kind wins when two share a wrong form.

    The automaton runs over the text's UTF-8 bytes seen as Latin-1 characters: the trie then
    branches on at most 256 byte values instead of thousands of Chinese characters, which makes a
    large dictionary several times faster; offsets are mapped back to characters for the hits.
    """

    def __init__(
        self,
        entries: Iterable[Entry],
        protected: Iterable[str],
        straddle: bool | frozenset[str] = False,
    ) -> None:
        self.straddle = straddle
        protected = {p for p in protected if p}
        wrongs: dict[str, Entry] = {}
        self.kinds: list[str] = []
        for e in entries:
            if e.kind not in self.kinds:
                self.kinds.append(e.kind)
            if e.wrong not in protected and e.wrong not in wrongs:
                wrongs[e.wrong] = e
        # Two automata: the wrong forms, and the protected words (looked for only where a wrong
        # form is found, or a caller asks for them: most texts have no wrong form at all).
        self.automaton = ahocorasick.Automaton()
        for w, e in wrongs.items():
            key = _bytes(w)
            self.automaton.add_word(key, (len(key), e))
        self.guards = ahocorasick.Automaton()
        for p in protected - wrongs.keys():
            key = _bytes(p)
            self.guards.add_word(key, (len(key), None))
        self.size = len(wrongs)
        for automaton in (self.automaton, self.guards):
            if len(automaton):
                automaton.make_automaton()
        self._last: tuple[str, list[Hit]] = ("", [])

    def find(self, text: str) -> list[Hit]:
        """Hits in character offsets, the longest of overlapping wrong forms, in text order."""
        if not self.size or not text:
            return []
        last_text, last_hits = self._last
        if len(last_text) == len(text) and last_text == text:
            return last_hits
        hits = self._find(text)
        self._last = (text, hits)
        return hits

    def _find(self, text: str) -> list[Hit]:
        raw = text.encode("utf-8")
        latin = raw.decode("latin-1")
        wrong = [
            Hit(end + 1 - length, end + 1, entry)
            for end, (length, entry) in self.automaton.iter(latin)
        ]
        if not wrong:
            return []
        guards = self._guards(latin)
        kept: list[Hit] = []
        for kind in self.kinds:
            mine = [h for h in wrong if h.entry.kind == kind]
            straddle = self.straddle is True or (
                isinstance(self.straddle, frozenset) and kind in self.straddle
            )
            if mine:
                kept += _unguarded(mine, guards, straddle)
            guards = guards + [(h.start, h.end) for h in mine]
        # A wrong form inside a longer wrong form is the same error: keep the longer one.
        kept.sort(key=lambda h: (h.start, -(h.end - h.start)))
        out: list[Hit] = []
        for h in kept:
            if out and h.end <= out[-1].end:
                continue
            out.append(h)
        return [
            Hit(len(raw[: h.start].decode("utf-8")), len(raw[: h.end].decode("utf-8")), h.entry)
            for h in out
        ]

    def protected_spans(self, text: str) -> list[tuple[int, int]]:
        """Where the protected words (and every dictionary's right forms) are in ``text``."""
        if not len(self.guards) or not text:
            return []
        raw = text.encode("utf-8")
        spans = self._guards(raw.decode("latin-1"))
        if not spans:
            return []
        char_at = {b: i for i, b in enumerate(_char_starts(raw))}
        char_at[len(raw)] = len(text)
        return [(char_at[a], char_at[b]) for a, b in spans]

    def _guards(self, latin: str) -> list[tuple[int, int]]:
        """(start, end) byte offsets of the protected words in a text's UTF-8 bytes."""
        if not len(self.guards):
            return []
        return [(end + 1 - length, end + 1) for end, (length, _) in self.guards.iter(latin)]


def _char_starts(raw: bytes) -> list[int]:
    return [i for i, b in enumerate(raw) if b & 0xC0 != 0x80]


def _bytes(s: str) -> str:
    return s.encode("utf-8").decode("latin-1")


def _unguarded(hits: list[Hit], guards: list[tuple[int, int]], straddle: bool) -> list[Hit]:
    guards = sorted(guards)
    starts = [g[0] for g in guards]
    longest = max((g[1] - g[0] for g in guards), default=0)
    out = []
    for h in hits:
        lo = bisect.bisect_left(starts, h.start - longest)
        hi = bisect.bisect_left(starts, h.end)
        for gs, ge in guards[lo:hi]:
            if ge <= h.start:
                continue
            covers = gs <= h.start and ge >= h.end
            inside = gs >= h.start and ge <= h.end
            if covers or (straddle and not inside):
                break
        else:
            out.append(h)
    return out


def generated_entries(terms: Iterable[tuple[str, str]], skip: Iterable[str] = ()) -> list[Entry]:
    """Entries for the miswritings of canonical names, except forms in ``skip`` and forms that
    are part of some canonical name."""
    terms = list(terms)
    canon = {t for _, t in terms}
    seen = set(skip)
    out = []
    for category, term in terms:
        for v in variants(term, confusions()):
            if v not in seen and not any(v in t for t in canon):
                seen.add(v)
                out.append(Entry(v, term, category, GENERATED, SERIOUS))
    return out


def _serious_entries() -> list[Entry]:
    entries = read_entries(DATA / "wording_serious.txt", SERIOUS)
    terms = read_words(DATA / "wording_terms.txt")
    return entries + generated_entries(terms, {e.wrong for e in entries})


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
    files = ("wording_typos.txt", "wording_typos_ecspell.txt")
    return tuple(e for f in files for e in read_entries(DATA / f, TYPO))


def _site_entries(extra: tuple[tuple[str, str], ...], kind: str) -> list[Entry]:
    return [Entry(w, r, "网站补充", "网站配置", kind) for w, r in extra if len(w) >= 2 and w != r]


@functools.lru_cache(maxsize=64)
def matcher(
    protected: tuple[str, ...] = (),
    serious_extra: tuple[tuple[str, str], ...] = (),
    typo_extra: tuple[tuple[str, str], ...] = (),
) -> Matcher:
    """One automaton for both wording checks: the built-in dictionaries plus a site's additions
    and protected words (cached per distinct site settings); a page is scanned once for both."""
    entries = [
        *serious_base(),
        *_site_entries(serious_extra, SERIOUS),
        *typo_base(),
        *_site_entries(typo_extra, TYPO),
    ]
    rights = {e.right for e in entries}
    return Matcher(entries, base_protected() | rights | set(protected), frozenset({TYPO}))

"""Build the typo model of the wording checks (错别字模型) from sources the project may ship.

    .venv/bin/python tools/build_typo_model.py [--shared ../shared]

Also writes ``zwgk/inspect/data/confusions.txt`` (pycorrector's same-tone homophones and similar
shapes, for the serious checks' miswriting generator) and ``wording_typos_ecspell.txt`` (typo
windows of the ECSpell training split). Writes ``zwgk/inspect/data/wording_model.txt.gz`` (read by
``zwgk/inspect/checks/wording_model.py``):

- ``[lexicon]`` word and frequency: jieba's dictionary (MIT; the installed ``jieba`` package's
  ``dict.txt``: words seen at least 5 times, every single character and every name of a person,
  place or organisation), the words of wordfreq's large Chinese list jieba lacks (CC BY-SA 4.0,
  ``wording_words_wordfreq.txt``: ``wordfreq_words``), the
  2–4 character strings seen at least twice in the ECSpell training sentences' corrected forms
  that hold no function character like 的 (MIT; training split only, see ``ecspell_split``), and the project's own word lists
  (``wording_lexicon.txt``, the canonical names, protected words and right forms of the wording
  dictionaries), which count as common words.
- ``[lexicon]`` as two lines (the words, their frequencies) so that it loads in a blink.
- ``[confusion]`` character → confusable characters in four disjoint groups: pairs seen as real
  errors in the ECSpell training split, same pinyin and tone, same pinyin other tone, similar shape.
  From pycorrector's ``same_pinyin.txt``/``same_stroke.txt`` (Apache-2.0, ``../shared/data/confusion``)
  and pypinyin's readings (MIT) of the 5,000 most frequent characters; the similar shapes also
  hold the pairs of similar glyphs (王/工, 己/已: ``glyph_confusions``, written to
  ``confusions_glyph.txt``) drawn from Debian's fonts-wqy-microhei (Apache-2.0).
- ``[terms]`` the words a character too many or too few is looked for in: the project's own
  words and the common place names of four or more characters.
- ``[inside]`` character → the characters found right before it inside a lexicon word or in the
  training sentences (the pairs of real text); ``[after]`` the same pairs the other way round.
- ``[pairs]`` character → the second characters of the two-character words (seen 30+ times) it
  starts.
- ``[chars]`` character 1- to 4-grams and their counts in running official text: the training
  sentences and the ``lm`` half (by document, ``official_split``) of the real reports, report
  openings and other schemes' rule sentences the project ships in ``tests/data``; the other
  half (``tune``) is only used to tune the false-alarm thresholds. The same running text adds
  its strings seen twice to the lexicon and its character pairs to ``[inside]``.

The ECSpell sentences are split by corrected sentence, never by row (the files repeat sentences
with different errors): a sentence whose SHA-1 (whitespace removed) ends in 0–2 (mod 10) is
held out for ``bench/typo_accuracy.py --final``, 3–4 is the tuning set, the rest trains the
model. The split was fixed before any tuning. Nothing from law text or the seeds is used: they
measure generalisation and false alarms.
"""

from __future__ import annotations

import argparse
import collections
import gzip
import hashlib
import importlib.util
import json
import re
from collections.abc import Iterable
from pathlib import Path

from selectolax.lexbor import LexborHTMLParser

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "zwgk" / "inspect" / "data"
OUT = DATA / "wording_model.txt.gz"
ECSPELL_TEST = ROOT / "bench" / "data" / "ecspell" / "odw.test.tsv"
REAL = ROOT / "tests" / "data" / "annual" / "real"
CORPUS = ROOT / "tools" / "corpus"  # public official documents, one file per source
FRESH = CORPUS / "fresh"  # the false-alarm set of 2026-12 (fresh_split): never read by the build
# The sealed false-alarm sets (sealed_documents), never read by the build: each collected after
# the one before it was run once; run once themselves by ``bench/typo_accuracy.py --final``,
# tuning material since (2-8 spent; 7 and 8 run once on 2026-12-03).
SEALED = {n: CORPUS / f"sealed{n}" for n in range(2, 9)}
# Correct official text copied on 2026-12-03 to grow the model and not kept in it (their READMEs
# say why): measured once for false alarms by ``bench/typo_accuracy.py --final``, never read here.
NATIONAL = CORPUS / "national"  # 国务院政府工作报告 1978-2024
LOCAL = CORPUS / "local"  # local organs' documents of 15 provinces
TUNE2 = CORPUS / "tune2"  # correct official text to tune false alarms on (tune2_documents)
TUNE3 = CORPUS / "tune3"  # more of it (tune3_documents)
# The report openings of ``heads.jsonl`` the model is built from: the batches there when it was
# last built. Later batches are the annual checks' held-out and tuning sets; reading them would
# change the model (and the typo figures) whenever one is collected.
HEADS_BATCHES = 3
RULE_SENTENCES = (
    ROOT / "tests" / "data" / "rule_sentences_real.jsonl",
    ROOT / "tests" / "data" / "rule_sentences_real2.jsonl",
)
CHAR_ORDER = 4  # the character n-gram model's order
_HAN_RUN = re.compile(r"[\u4e00-\u9fff]+")
_ENTRY = re.compile(r"^\s*(\S.*?)\s*(?:->|→|=>)\s*(\S.*?)\s*$")
COMMON = 2000  # frequency given to the project's own words (a common word in jieba's counts)
MIN_FREQ = 5
WORDFREQ_MIN = 1e-7  # wordfreq words this common or more (chosen on the tuning sets: 1e-8 and 3e-8 lost recall)
EVAL_RUN = 20  # characters shared with an evaluated sentence that keep a line out of training (a quote, not boilerplate)
NAME_FREQ = 300  # frequency given to the names found in the corpus (corpus_names)
PAIR_MIN_FREQ = 30  # two-character words two neighbouring wrong characters may be meant as
NAME_TAGS = {"ns", "nr", "nrt", "nrfg", "nt", "nz"}  # names are kept at any frequency
PLACES: set[str] = set()  # common place names of 4+ characters (terms for the extra/missing rule)
FUNCTION_CHARS = set("的了着过和与及或是在对把被将从向以于为其之而也都就")
# Similar glyphs (glyph_confusions): Debian's fonts-wqy-microhei (文泉驿微米黑, Apache-2.0 or
# GPL-3+ with font exception; used under Apache-2.0), rendered at build time only: the font is
# not shipped, the pairs are (GLYPHS).
FONT = Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc")
GLYPHS = DATA / "confusions_glyph.txt"
WORDFREQ = DATA / "wording_words_wordfreq.txt"
GLYPH_CHARS = 7000  # the commonest characters of the lexicon (by the frequency of their words)
GLYPH_PX = 64  # bitmap size; the glyph is drawn 90% of it, centred on the em box
GLYPH_MIN_SIM = 0.85  # Dice overlap of the two bitmaps, each within a pixel of the other's ink
GLYPH_TOP = 3  # a pair is kept when one is among the other's three most similar glyphs


def ecspell_rows(path: Path) -> list[tuple[str, str]]:
    """(source, target) rows of an ECSpell ``n<TAB>source<TAB>target`` file."""
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) == 3:
            out.append((parts[1], parts[2]))
    return out


def ecspell_part(target: str) -> str:
    """``held`` (30%), ``dev`` (20%) or ``train`` (50%) for a corrected sentence."""
    key = re.sub(r"\s+", "", target).encode("utf-8")
    bucket = int(hashlib.sha1(key).hexdigest()[:8], 16) % 10
    return "held" if bucket < 3 else "dev" if bucket < 5 else "train"


def ecspell_split(shared: Path) -> dict[str, list[tuple[str, str]]]:
    """The official-document (公文) rows of ECSpell's training and test files, de-duplicated and
    split by corrected sentence. Without ``../shared`` only the test file's rows are there."""
    rows: set[tuple[str, str]] = set(ecspell_rows(ECSPELL_TEST))
    train_file = shared / "data" / "ecspell" / "odw.train.tsv"
    if train_file.exists():
        rows |= set(ecspell_rows(train_file))
    out: dict[str, list[tuple[str, str]]] = {"held": [], "dev": [], "train": []}
    for s, t in sorted(rows):
        out[ecspell_part(t)].append((s, t))
    return out


def official_documents() -> dict[str, str]:
    """Correct official text the project ships, by document: the real annual reports and report
    openings of ``tests/data/annual/real`` and the rule sentences of other real schemes
    (``tests/data/rule_sentences_real*.jsonl``, one document per scheme). The seed schemes are
    never read here: they measure false alarms."""
    docs: dict[str, str] = {}
    for path in sorted(REAL.iterdir()):
        if path.name == "README.md":
            continue
        if path.suffix in (".txt", ".md"):
            docs[path.name] = path.read_text(encoding="utf-8")
        elif path.suffix == ".html":
            body = LexborHTMLParser(path.read_text(encoding="utf-8")).body
            docs[path.name] = body.text(separator="\n") if body else ""
    for line in (REAL / "heads.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            if (row.get("batch") or 1) <= HEADS_BATCHES:
                docs[row["url"]] = row["text"]
    for path in RULE_SENTENCES:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                key = row.get("url") or row["scheme"]
                docs[key] = docs.get(key, "") + "\n" + row["text"]
    return docs


def document_part(doc: str) -> str:
    """``lm`` (trains the model) or ``tune`` (correct text the false alarms are tuned on), half
    and half by document (a document's boilerplate stays on one side)."""
    return "lm" if int(hashlib.sha1(doc.encode("utf-8")).hexdigest()[:8], 16) % 2 == 0 else "tune"


def corpus_documents() -> dict[str, str]:
    """The official documents of ``tools/corpus`` (one file per source; ``#`` lines give the
    source and are not text), by file name without ``.txt``."""
    docs = {}
    for path in sorted(CORPUS.glob("*.txt")):
        lines = path.read_text(encoding="utf-8").splitlines()
        docs[path.stem] = "\n".join(ln for ln in lines if not ln.startswith("#"))
    return docs


def corpus_part(name: str) -> str:
    """``lm`` (60%: trains the model), ``tune`` (20%: false-alarm thresholds) or ``held`` (20%:
    correct text measured once, ``bench/typo_accuracy.py --final``) for a corpus document, by the
    SHA-1 of its file name (without ``.txt``) mod 10: 0–5, 6–7, 8–9. Fixed before any finding on
    the corpus was looked at."""
    bucket = int(hashlib.sha1(name.encode("utf-8")).hexdigest()[:8], 16) % 10
    return "lm" if bucket < 6 else "tune" if bucket < 8 else "held"


def corpus_split() -> dict[str, list[str]]:
    out: dict[str, list[str]] = {"lm": [], "tune": [], "held": []}
    for name, text in corpus_documents().items():
        out[corpus_part(name)].append(text)
    return out


def fresh_documents(folder: Path = FRESH) -> dict[str, str]:
    """The official documents of ``tools/corpus/fresh`` (collected 2026-12-02, one file per
    source), by source address (the ``# 来源:`` line); ``#`` lines are not text. Correct official
    text for false alarms only: the build never reads them (``corpus_documents`` reads the top
    folder only). ``folder`` reads another folder of the same layout."""
    docs = {}
    for path in sorted(folder.glob("*.txt")):
        lines = path.read_text(encoding="utf-8").splitlines()
        url = next(ln.split(":", 1)[1].strip() for ln in lines if ln.startswith("# 来源:"))
        docs[url] = "\n".join(ln for ln in lines if not ln.startswith("#"))
    return docs


def fresh_part(url: str) -> str:
    """``tune`` (20%: may be looked at while tuning) or ``sealed`` (80%: run once, by
    ``bench/typo_accuracy.py --final``) for a document of ``tools/corpus/fresh``, by the SHA-1 of
    its source address, first 8 hex digits mod 10: 0–1 tune, 2–9 sealed. Written down before the
    checker was run on any of these documents."""
    bucket = int(hashlib.sha1(url.encode("utf-8")).hexdigest()[:8], 16) % 10
    return "tune" if bucket < 2 else "sealed"


def fresh_split() -> dict[str, list[str]]:
    out: dict[str, list[str]] = {"tune": [], "sealed": []}
    for url, text in fresh_documents().items():
        out[fresh_part(url)].append(text)
    return out


def sealed_documents(n: int) -> dict[str, str]:
    """The ``n``-th sealed false-alarm set ``tools/corpus/sealed<n>`` (2-8; documents of
    ``*.gov.cn`` sites, each set collected after the one before it had been run once), by source
    address. A whole set is sealed until its one run, by ``bench/typo_accuracy.py --final``,
    counted and never shown; never read by the build. The set's README says what it holds."""
    return fresh_documents(SEALED[n])


def tune2_documents() -> dict[str, str]:
    """The tuning corpus ``tools/corpus/tune2`` (documents collected 2026-12-02 to see the false
    alarms on text the model never read; may be looked at), by source address. Never read by
    the build."""
    return fresh_documents(TUNE2)


def tune3_documents() -> dict[str, str]:
    """The tuning corpus ``tools/corpus/tune3`` (12 documents, looked at), by source address.
    Never read by the build."""
    return fresh_documents(TUNE3)


def official_split() -> dict[str, list[str]]:
    """Correct official text by part: the ``lm`` and ``tune`` halves of the documents in
    ``tests/data`` and the ``lm`` and ``tune`` parts of ``tools/corpus`` (its ``held`` part is
    left out: only ``bench/typo_accuracy.py --final`` reads it, through ``corpus_split``)."""
    out: dict[str, list[str]] = {"lm": [], "tune": []}
    for doc, text in official_documents().items():
        out[document_part(doc)].append(text)
    corpus = corpus_split()
    out["lm"] += corpus["lm"]
    out["tune"] += corpus["tune"]
    return out


def char_ngrams(texts: Iterable[str]) -> collections.Counter[str]:
    """Character 1- to 4-grams of running text (runs of Chinese characters; a run boundary is
    marked by a space so that n-grams never join two runs)."""
    found: collections.Counter[str] = collections.Counter()
    for text in texts:
        for run in _HAN_RUN.findall(text):
            padded = " " + run + " "
            for n in range(1, CHAR_ORDER + 1):
                for i in range(len(padded) - n + 1):
                    gram = padded[i : i + n]
                    if gram != " ":
                        found[gram] += 1
    return found


def own_words(terms: bool = False) -> list[str]:
    """The project's words: the lexicon, canonical names, protected words, right forms. With
    ``terms``, the words a character too many or too few is looked for in: all of them but the
    lexicon's sections marked ``words-only`` (recent phrases whose shorter or longer forms are
    correct too: 扩大内需 and 扩大国内需求, 统一市场 and 统一大市场)."""
    out = []
    for name in ("wording_lexicon.txt", "wording_terms.txt", "wording_protected.txt"):
        words_only = False
        for line in (DATA / name).read_text(encoding="utf-8").splitlines():
            text = line.split("#", 1)[0].strip()
            if text.startswith("["):
                words_only = "words-only" in text
            elif text and not (terms and words_only):
                out.append(text)
    for name in ("wording_typos.txt", "wording_serious.txt"):
        for line in (DATA / name).read_text(encoding="utf-8").splitlines():
            m = _ENTRY.match(line.split("#", 1)[0])
            if m:
                out.append(m.group(2))
    return [w for w in out if len(w) >= 2 and _HAN_RUN.fullmatch(w)]


def jieba_words() -> dict[str, int]:
    spec = importlib.util.find_spec("jieba")
    if spec is None or not spec.origin:
        raise SystemExit("需要 jieba（pip install jieba）：模型的词频取自它的 dict.txt")
    out = {}
    for line in (Path(spec.origin).parent / "dict.txt").read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if len(parts) < 2 or not _HAN_RUN.fullmatch(parts[0]):
            continue
        freq, tag = int(parts[1]), parts[2] if len(parts) > 2 else ""
        if freq >= MIN_FREQ or len(parts[0]) == 1 or tag in NAME_TAGS:
            out[parts[0]] = freq
            if tag == "ns" and len(parts[0]) >= 4 and freq >= 100:
                PLACES.add(parts[0])
    return out


def wordfreq_words(lexicon: dict[str, int]) -> dict[str, int]:
    """Words of wordfreq's large Chinese list that jieba's dictionary lacks (失联, 巡河, 备勤, 官网),
    as counts on the lexicon's scale. The list (words of 2–4 characters at least ``WORDFREQ_MIN`` of
    running text, with their frequency) is written to ``WORDFREQ`` when the ``wordfreq`` package
    (3.1.1; its data CC-BY-SA 4.0) is installed — ``pip install wordfreq==3.1.1`` — and read back
    from it otherwise: the build stays rerunnable without the package, which is not a dependency
    (it carries word lists of 40 languages)."""
    if importlib.util.find_spec("wordfreq") is not None:
        wordfreq = importlib.import_module("wordfreq")
        found = sorted(
            (w, f)
            for w, f in wordfreq.get_frequency_dict("zh", wordlist="large").items()
            if f >= WORDFREQ_MIN and 2 <= len(w) <= 4 and _HAN_RUN.fullmatch(w)
        )
        lines = [
            "# wordfreq 3.1.1 的中文大词表里 2—4 个字、频率不低于 1e-7 的词（自动生成，勿手改）：每行“词<TAB>每十亿字词的",
            "# 出现次数”。数据许可 CC-BY-SA 4.0（维基百科、字幕、新闻、网页等来源，见 LICENSE-wordfreq.txt）。",
            "# 生成：pip install wordfreq==3.1.1 后运行 python tools/build_typo_model.py",
        ]
        lines += [f"{w}\t{round(f * 1e9)}" for w, f in found]
        WORDFREQ.write_text("\n".join(lines) + "\n", encoding="utf-8")
    else:
        print(f"(没有 wordfreq：新词表沿用 {WORDFREQ.name})")
    total = sum(lexicon.values())
    out = {}
    for line in WORDFREQ.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) == 2 and not line.startswith("#") and parts[0] not in lexicon:
            out[parts[0]] = max(MIN_FREQ, round(int(parts[1]) / 1e9 * total))
    return out


def surnames(count: int = 300) -> list[str]:
    """The characters that most often begin a person's name (``nr``) of two or three characters
    in jieba's dictionary: a title followed by one of them starts a name (``name_spans``)."""
    spec = importlib.util.find_spec("jieba")
    assert spec is not None and spec.origin
    firsts: collections.Counter[str] = collections.Counter()
    for line in (Path(spec.origin).parent / "dict.txt").read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if len(parts) == 3 and parts[2] == "nr" and 2 <= len(parts[0]) <= 3:
            firsts[parts[0][0]] += 1
    return [c for c, _ in firsts.most_common(count) if _HAN_RUN.fullmatch(c)]


def corpus_names(texts: Iterable[str]) -> set[str]:
    """Names of people, places and organisations in correct running text (jieba's tagger, which
    also guesses unknown names): the guard learnt from the corpus — the model takes them as
    words and never suspects a character of them."""
    import jieba.posseg

    found = set()
    for text in texts:
        for run in _HAN_RUN.findall(text):
            for pair in jieba.posseg.cut(run, HMM=True):
                # Names the tagger guesses from a function character on (以区) are not names.
                w = pair.word
                if pair.flag in NAME_TAGS and len(w) >= 2 and not FUNCTION_CHARS.intersection(w):
                    found.add(w)
    return found


def ngrams(texts: Iterable[str], lo: int = 2, hi: int = 4) -> collections.Counter[str]:
    found: collections.Counter[str] = collections.Counter()
    for text in texts:
        for run in _HAN_RUN.findall(text):
            for n in range(lo, hi + 1):
                for i in range(len(run) - n + 1):
                    found[run[i : i + n]] += 1
    return found


def shared_confusions(folder: Path) -> tuple[dict[str, set[str]], ...]:
    same: dict[str, set[str]] = collections.defaultdict(set)
    other: dict[str, set[str]] = collections.defaultdict(set)
    shape: dict[str, set[str]] = collections.defaultdict(set)
    for line in (folder / "same_pinyin.txt").read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if line.startswith("#") or len(parts) < 2 or len(parts[0]) != 1:
            continue
        same[parts[0]].update(parts[1])
        if len(parts) > 2:
            other[parts[0]].update(parts[2])
    for line in (folder / "same_stroke.txt").read_text(encoding="utf-8").splitlines():
        chars = [c for c in line.split("\t") if len(c) == 1]
        for c in chars:
            shape[c].update(chars)
    return same, other, shape


def pinyin_confusions(chars: list[str]) -> tuple[dict[str, set[str]], dict[str, set[str]]]:
    """Same pinyin and tone / same pinyin other tone, over ``chars`` (all readings)."""
    from pypinyin import Style, pinyin

    by_tone: dict[str, set[str]] = collections.defaultdict(set)
    by_plain: dict[str, set[str]] = collections.defaultdict(set)
    readings = {}
    for c in chars:
        readings[c] = set(pinyin(c, style=Style.TONE3, heteronym=True)[0])
        for r in readings[c]:
            by_tone[r].add(c)
            by_plain[r.rstrip("012345")].add(c)
    same: dict[str, set[str]] = collections.defaultdict(set)
    other: dict[str, set[str]] = collections.defaultdict(set)
    for c, rs in readings.items():
        for r in rs:
            same[c] |= by_tone[r]
            other[c] |= by_plain[r.rstrip("012345")]
    return same, other


def traditional_only() -> set[str]:
    """Characters written only in traditional text (為, 報, 發): hanziconv's character map
    (Apache-2.0) less every character simplified text uses too (于, 后, 里 stand for 於, 後, 裏)."""
    try:
        from hanziconv import charmap
    except ImportError as exc:
        raise SystemExit("需要 hanziconv（pip install hanziconv）：繁体字表取自它") from exc
    simplified = set(charmap.simplified_charmap)
    pairs = zip(charmap.simplified_charmap, charmap.traditional_charmap, strict=True)
    return {t for s, t in pairs if s != t} - simplified


def typo_windows(pairs: list[tuple[str, str]], clean: Iterable[str]) -> list[tuple[str, str, int]]:
    """(wrong, right, count): three-character windows around each substituted character of the
    training rows, high-precision only — the wrong character makes no pair with a neighbour that
    occurs in correct text (the corrected sentences, the official text's ``lm`` part) (练习会 → 联席会 is right only in context), and the wrong
    window never occurs there."""
    clean_text = "\n".join(clean)
    found: collections.Counter[tuple[str, str]] = collections.Counter()
    for s, t in pairs:
        if s == t or len(s) != len(t):
            continue
        for i, (a, b) in enumerate(zip(s, t, strict=True)):
            if a == b or not (_HAN_RUN.fullmatch(a) and _HAN_RUN.fullmatch(b)):
                continue
            if any(bi in clean_text for bi in (s[max(0, i - 1) : i + 1], s[i : i + 2])):
                continue
            for lo in (i - 1, i - 2, i):
                if lo < 0 or lo + 3 > len(s):
                    continue
                w, r = s[lo : lo + 3], t[lo : lo + 3]
                if _HAN_RUN.fullmatch(w) and _HAN_RUN.fullmatch(r) and w not in clean_text:
                    found[(w, r)] += 1
                    break
    return sorted(((w, r, n) for (w, r), n in found.items()), key=lambda x: (-x[2], x[0]))


def glyph_chars(lexicon: dict[str, int], count: int = GLYPH_CHARS) -> list[str]:
    """The ``count`` commonest simplified characters, by the summed frequency of the lexicon
    words that hold them (祉 is rare alone but common in 福祉)."""
    freq: collections.Counter[str] = collections.Counter()
    for w, f in lexicon.items():
        for c in w:
            freq[c] += f
    trad = traditional_only()
    ranked = sorted(
        (c for c in freq if _HAN_RUN.fullmatch(c) and c not in trad), key=lambda c: (-freq[c], c)
    )
    return ranked[:count]


def render_glyph_pairs(chars: list[str]) -> list[tuple[str, str, float]]:
    """(a, b, similarity) of the characters whose glyphs look alike (王/工, 己/已, 址/祉, 外/处):
    each drawn in ``FONT`` on a ``GLYPH_PX`` square, centred on its em box (where the ink sits
    counts: 己 and 已 differ by a stroke's length), made black and white; the similarity is the
    share of both glyphs' ink that lies within one pixel of the other's ink (a Dice overlap with a
    pixel's tolerance). A pair is kept at ``GLYPH_MIN_SIM`` or more when one of the two is among
    the ``GLYPH_TOP`` most similar glyphs of the other: dense glyphs (餮, 鑱) overlap everything
    a little, a close pair stands out from its neighbours. Needs Pillow and numpy (dev extras)."""
    import numpy as np
    from PIL import Image, ImageDraw, ImageFilter, ImageFont

    font = ImageFont.truetype(str(FONT), GLYPH_PX * 9 // 10, layout_engine=ImageFont.Layout.BASIC)
    ink, near = [], []
    for c in chars:
        im = Image.new("L", (GLYPH_PX, GLYPH_PX), 0)
        ImageDraw.Draw(im).text((GLYPH_PX // 2, GLYPH_PX // 2), c, font=font, fill=255, anchor="mm")
        ink.append(np.asarray(im).ravel() >= 128)
        near.append(np.asarray(im.filter(ImageFilter.MaxFilter(3))).ravel() >= 128)
    a = np.stack(ink).astype(np.float32)
    overlap = a @ np.stack(near).astype(np.float32).T  # [i, j]: ink of i near ink of j
    area = a.sum(axis=1)
    sim = (overlap + overlap.T) / np.maximum(1.0, area[:, None] + area[None, :])
    np.fill_diagonal(sim, -1.0)
    top = np.argsort(-sim, axis=1, kind="stable")[:, :GLYPH_TOP]
    pairs: dict[tuple[int, int], float] = {}
    for i, row in enumerate(top):
        for j in row.tolist():
            if sim[i, j] >= GLYPH_MIN_SIM:
                pairs[(min(i, j), max(i, j))] = round(float(sim[i, j]), 3)
    return sorted((chars[i], chars[j], v) for (i, j), v in pairs.items())


def glyph_confusions(lexicon: dict[str, int]) -> dict[str, set[str]]:
    """Character → characters of a similar glyph (``render_glyph_pairs``), written to
    ``GLYPHS`` when Pillow, numpy and the font are there, else read back from it (the build stays
    rerunnable without them: the shipped pairs are the derived data, not the font)."""
    tools = all(importlib.util.find_spec(m) for m in ("PIL", "numpy"))
    if tools and FONT.exists():
        pairs = render_glyph_pairs(glyph_chars(lexicon))
        lines = [
            "# 形近字表（自动生成，勿手改）：每行“字<TAB>字<TAB>相似度”。把常用字用文泉驿微米黑字体",
            "# （Debian 包 fonts-wqy-microhei，Apache-2.0，见 LICENSE-wqy-microhei.txt）画成点阵，",
            "# 按笔画重合度取最相近的字对；字体不随项目分发。",
            "# 生成：python tools/build_typo_model.py（需要 Pillow、numpy 和该字体）",
        ]
        lines += [f"{a}\t{b}\t{v:.3f}" for a, b, v in pairs]
        GLYPHS.write_text("\n".join(lines) + "\n", encoding="utf-8")
    else:
        print(f"(没有 Pillow、numpy 或字体 {FONT}：形近字对沿用 {GLYPHS.name})")
    out: dict[str, set[str]] = collections.defaultdict(set)
    for line in GLYPHS.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) == 3 and not line.startswith("#"):
            out[parts[0]].add(parts[1])
            out[parts[1]].add(parts[0])
    return out


def without_evaluated(texts: list[str], split: dict[str, list[tuple[str, str]]]) -> list[str]:
    """``texts`` less every line that shares an ``EVAL_RUN``-character run with a corrected ECSpell
    sentence of the dev or held-out part: those sentences score the model, so their wording must
    not train it (a few of them quote the State Council's work reports the corpus holds)."""
    runs = {
        t[i : i + EVAL_RUN]
        for part in ("dev", "held")
        for _, t in split[part]
        for i in range(len(t) - EVAL_RUN + 1)
    }
    return [
        "\n".join(
            line
            for line in text.split("\n")
            if not any(line[i : i + EVAL_RUN] in runs for i in range(len(line) - EVAL_RUN + 1))
        )
        for text in texts
    ]


def write_dictionaries(
    shared: Path, train: list[tuple[str, str]], official: list[str]
) -> dict[str, int]:
    """``confusions.txt`` (the serious checks' variant generator) and
    ``wording_typos_ecspell.txt`` (typo windows of the training split; ``official``: the running
    official text the model trains on)."""
    same, _other, shape = shared_confusions(shared / "data" / "confusion")
    conf = {c: (same.get(c, set()) | shape.get(c, set())) - {c} for c in set(same) | set(shape)}
    lines = [
        "# 字形、字音混淆表：每行“字<TAB>易混字”。由 pycorrector 的 same_pinyin.txt（同音同调）",
        "# 和 same_stroke.txt（形近）合成，Apache-2.0，见 LICENSE-pycorrector.txt。",
        "# 生成：python tools/build_typo_model.py",
    ]
    lines += [f"{c}\t{''.join(sorted(conf[c]))}" for c in sorted(conf) if conf[c]]
    (DATA / "confusions.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    # Correct text: the corrected sentences and the running official text (县电政办的 is no typo
    # of 政协的: 政办 occurs there).
    typos = typo_windows(train, [t for _, t in train] + official)
    lines = [
        "# 错别字词典（wording-typo，自动生成，勿手改；手工条目写在 wording_typos.txt）。",
        "# 来源：ECSpell 公文句子（Lv et al., 2023；MIT，见 LICENSE-ECSpell.txt）中训练部分的错字，",
        "# 取每处错字连同前后共 3 个字；错字与前后字在更正后的句子和训练用的正式文本里都不成字对、",
        "# 错误写法一次也不出现才收录（留出的检验句不用）。每行“错误写法 -> 正确写法  # 出现次数”。",
        "# 生成：python tools/build_typo_model.py",
    ]
    lines += [f"{w} -> {r}  # {n}" for w, r, n in typos]
    (DATA / "wording_typos_ecspell.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return {"confusions": len(conf), "ecspell_typos": len(typos)}


def build(shared: Path) -> dict[str, int]:
    split = ecspell_split(shared)
    official = without_evaluated(official_split()["lm"], split)
    sizes = write_dictionaries(shared, split["train"], official)
    targets = sorted({t for _, t in split["train"]})
    running = targets + official
    lexicon = jieba_words()
    lexicon |= wordfreq_words(lexicon)
    counts = ngrams(running, 2, 5)
    longest: collections.Counter[str] = collections.Counter()  # the most common extension
    for gram, n in counts.items():
        for part in (gram[:-1], gram[1:]):
            longest[part] = max(longest[part], n)
    for gram, n in counts.items():
        # Strings of the training sentences as words, but not those spanning a function word
        # (的工作, 我们的): they are phrases, and a word there would hide a doubled 的; nor a
        # fragment nearly always seen inside one longer string (政府信 of 政府信息).
        if (
            len(gram) <= 4
            and n >= 2
            and gram not in lexicon
            and not FUNCTION_CHARS.intersection(gram)
            and longest[gram] < 0.8 * n
        ):
            lexicon[gram] = 20 * n
    for w in own_words():
        lexicon[w] = max(lexicon.get(w, 0), COMMON)
    names = corpus_names(official)
    for w in names:
        lexicon[w] = max(lexicon.get(w, 0), NAME_FREQ)
    singles = sorted((c for c in lexicon if len(c) == 1), key=lambda c: (-lexicon[c], c))
    same, other, shape = shared_confusions(shared / "data" / "confusion")
    glyphs = glyph_confusions(lexicon)
    py_same, py_other = pinyin_confusions(singles[:5000])
    observed: dict[str, set[str]] = collections.defaultdict(set)
    for s, t in split["train"]:
        if len(s) == len(t):
            for a, b in zip(s, t, strict=True):
                if a != b and _HAN_RUN.fullmatch(a) and _HAN_RUN.fullmatch(b):
                    observed[a].add(b)
    inside: dict[str, set[str]] = collections.defaultdict(set)
    for w in lexicon:
        for k in range(len(w) - 1):
            inside[w[k + 1]].add(w[k])
    for g in ngrams(running, 2, 2):
        inside[g[1]].add(g[0])  # pairs of real text count as seen too
    groups = (
        {c: same[c] | py_same[c] for c in set(same) | set(py_same)},
        {c: other[c] | py_other[c] for c in set(other) | set(py_other)},
        {c: shape[c] | glyphs[c] for c in set(shape) | set(glyphs)},
        observed,
    )
    chars = sorted(set().union(*groups))
    words = sorted(lexicon)
    lines = [
        "#zwgk-wording-model 2",
        "# 由 tools/build_typo_model.py 生成，勿手改。来源和许可见 zwgk/inspect/data/README.md。",
        "[lexicon]",
        " ".join(words),
        " ".join(str(lexicon[w]) for w in words),
        "[confusion]",
    ]
    for c in chars:
        # Each confusable character in the cheapest group only (same tone, other tone, shape,
        # seen as a real error): groups are disjoint, a reader needs no comparisons.
        taken = {c}
        cols = []
        for g in (groups[3], groups[0], groups[1], groups[2]):
            col = sorted(g.get(c, set()) - taken)
            taken.update(col)
            cols.append("".join(col))
        if any(cols):
            lines.append(c + "\t" + "\t".join(cols))
    terms = sorted(set(own_words(terms=True)) | PLACES)
    lines += ["[terms]", " ".join(terms)]
    lines.append("[inside]")
    lines += [b + "\t" + "".join(sorted(inside[b])) for b in sorted(inside)]
    after: dict[str, set[str]] = collections.defaultdict(set)
    for b, firsts in inside.items():
        for a in firsts:
            after[a].add(b)
    lines.append("[after]")
    lines += [a + "\t" + "".join(sorted(after[a])) for a in sorted(after)]
    first2: dict[str, set[str]] = collections.defaultdict(set)
    for w, f in lexicon.items():
        if len(w) == 2 and f >= PAIR_MIN_FREQ:
            first2[w[0]].add(w[1])
    lines.append("[pairs]")
    lines += [a + "\t" + "".join(sorted(first2[a])) for a in sorted(first2)]
    lines += ["[traditional]", "".join(sorted(traditional_only()))]
    lines += ["[surnames]", "".join(surnames())]
    grams = char_ngrams(running)
    lines.append("[chars]")
    lines += [f"{g}\t{n}" for g, n in sorted(grams.items())]
    OUT.write_bytes(gzip.compress(("\n".join(lines) + "\n").encode("utf-8"), 9, mtime=0))
    return sizes | {
        "lexicon": len(lexicon),
        "confusion": len(chars),
        "pairs": sum(map(len, inside.values())),
        "char_ngrams": len(grams),
        "running_chars": sum(len("".join(_HAN_RUN.findall(t))) for t in running),
        "corpus_names": len(names),
        "glyph_pairs": sum(map(len, glyphs.values())) // 2,
    }


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    args = ap.parse_args(argv)
    sizes = build(args.shared)
    print(f"{OUT.relative_to(ROOT)}: {OUT.stat().st_size / 1e6:.1f} MB, {sizes}")


if __name__ == "__main__":
    main()

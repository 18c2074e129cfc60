"""wording-serious, wording-typo, wording-suspect — 错敏词与错别字: serious wording errors, typos,
and suspected typos to look at, found in one pass over the page's title and visible text.

- **wording-serious** (严重表述错误): leaders' names and titles, the Party, the state, meetings,
  laws and places written wrong — the serious-error dictionary (``data/wording_serious.txt``) and
  the miswritings generated from canonical names (``data/wording_terms.txt``). A generated
  miswriting never fires where a word crosses its edge (``其中中央`` is 其中 + 中央, not 中中央).
- **wording-typo** (错别字): the high-precision tier — the typo dictionaries
  (``data/wording_typos.txt``, ``data/wording_typos_ecspell.txt``), the phrase patterns
  (``data/wording_patterns.txt``: 仍在不足 → 仍存在不足) and what the typo model
  (``wording_model``: confusable characters scored in context, a word written for a commoner
  word that sounds or looks like it, doubled characters and words, a character too many or too
  few in a common term) is sure of.
- **wording-suspect** (疑似错别字，请核对): what the model finds likely but not sure: a person
  should look.

The thresholds of both model tiers are in the catalogue. A site's (or an office's) additions come
from ``options["wording"]``: ``protected`` words, ``serious`` and ``typos`` as ``{wrong: right}``,
``model: false`` to leave the model out. A protected word covering a wrong form silences it (and,
for typos, one straddling it). One finding per page, check and wrong form, keyed per site and
wrong form (not the URL) so that a dismissal holds on every page and across runs.
"""

from __future__ import annotations

import dataclasses
import functools
import re
import re._parser as sre_parse
from dataclasses import dataclass
from typing import Any

from zwgk.inspect.checks import content_common as cc
from zwgk.inspect.checks.wording_dict import GENERATED, SERIOUS, TYPO, lines, matcher
from zwgk.inspect.checks.wording_model import (
    FUNCTION_CHARS,
    NAME_WORD_FREQ,
    NUMERALS,
    PLACE_LEVELS,
    TITLES,
    Model,
    Suggestion,
    model,
    store,
)
from zwgk.inspect.context import CheckContext, PageRole
from zwgk.inspect.model import Finding, Page

SUSPECT = "wording-suspect"
CHECK_IDS = (SERIOUS, TYPO, SUSPECT)
WHAT = {SERIOUS: "严重表述错误", TYPO: "错别字", SUSPECT: "错别字（请核对）"}
RULE_ZH = {
    "confusion": "同音或形近字",
    "pair": "相邻两字同音或形近",
    "word_pair": "同音或形近的另一个词（与上下文不合）",
    "extra": "多了一个字",
    "missing": "少了一个字",
    "double": "重复",
    "other": "错字（与上下文不成词）",
}
CROSS_MIN_FREQ = 50  # a word this common crossing a generated miswriting's edge explains it
# Words after which names follow (besides the model's titles): parties to a case, the leaders
# present at a meeting (县领导王丽媛、哈荣霞参加会议).
_NAMERS = (
    "申请人 被申请人 第三人 当事人 举报人 投诉人 信访人 法定代表人 代理人 户主 村民 居民 领导 同志们 "
    "负责同志 审结 审理了"  # 主要负责同志黄宗浩; a court's report: 审结罗中文等4人…
)
NAMERS = tuple(sorted(set(TITLES) | set(_NAMERS.split(" ")), key=len, reverse=True))
_HAN = "\u4e00-\u9fff"
# A document number's issuer (岳发〔2017〕8号, 冠政办发〔2021〕9号): an abbreviation, not words.
# Levels of government listed one character each (各乡、镇人民政府, 县（市、区）): not words.
_LEVELS_LISTED = re.compile(
    r"[省市县区乡镇村州旗盟](?=[、（(][省市县区乡镇村州旗盟])|(?<=[、（(])[省市县区乡镇村州旗盟]"
)
# What follows a person's name in news of meetings and visits (章寿禹指出, 王开国主持会议).
_SPEECH = (
    "指出 强调 表示 要求 主持 讲话 介绍 一行 带队 认为 说 陪同 出席 参加 提出 希望 代表 作 就 对 在 "
    "宣布 带领 率领 讲评 颁发 视察 察看 看望 慰问 调研"
)
SPEECH = tuple(sorted(set(_SPEECH.split(" ")), key=len, reverse=True))
# Titles written after a name as well as before it (赵廷昌书记汇报, 宝雨书记、杨灏区长): the name
# before one is found as before what people do. Not those that only introduce a name (记者,
# 联系人, 审核…): what stands before them is a newspaper, a unit or a step.
_INTRODUCERS = "代表 记者 通讯员 作者 审核 编辑 责任编辑 发布人 联系人 负责人 主持人"
NAME_TITLES = tuple(t for t in TITLES if t not in _INTRODUCERS.split(" "))
# What a name stands before: what its bearer does, or a title.
BEFORE_NAMES_END = SPEECH + NAME_TITLES
# Function characters of formal writing: two of them side by side (未予采纳, 亦未, 该即办) are
# syntax, not two slips making a content word (位于, 一位, 改革).
FORMAL_FUNCTION = frozenset(
    "未予亦该即均已尚须应不非无其之所以为于乃则皆并且而及与或把被将从向在对也都就"
)
# The model's rules whose findings the text's own context can show to be meant as written (a
# doubled word or a term missing a character is a slip wherever it stands).
GUARDED = frozenset(("confusion", "pair", "word_pair", "other"))
# Formal characters a typo never produces: 暨 (会议暨推进会) is not 计 written wrong.
NEVER_WRONG = frozenset("暨")
# Two or more names of two or three characters listed with 、 (路国云、李建富、崔举等).
_NAME_LIST = re.compile(
    rf"(?<![{_HAN}])[{_HAN}]{{2,3}}(?:、[{_HAN}]{{2,3}})+(?=等|[，,。；]|参加|出席|陪同|分别)"
)
# A long list of people (大会执行主席是张继军、滕远东、陈钧、王晓娥（女）、…): four or more items of two
# or three characters (a bracketed 女 after one) joined by 、: three in four begin with a surname,
# half of them are no word (高质量、高标准、高水平、高效率 are words).
_NAME_CHAIN = re.compile(
    rf"[{_HAN}]{{2,3}}(?:[（(]女[）)])?(?:、[{_HAN}]{{2,3}}(?:[（(]女[）)])?){{3,}}"
)
NAME_CHAIN_SHARE = 0.75  # of the items that begin with a surname
# An organisation's abbreviation (创食办, 市住建委): two or three characters before 办 or 委.
_ABBREVIATION = re.compile(
    rf"(?<![{_HAN}])[省市县区]?([{_HAN}]{{2,3}})(?:办(?![法公理事学案])|委(?![员托屈]))"
)
# A transliterated name (木塔力甫·塞衣皮, 马克·吐温): the Chinese characters on both sides of its dot.
_TRANSLITERATED = re.compile(rf"[{_HAN}]{{1,6}}(?:[·•・][{_HAN}]{{1,6}})+")
# An organ speaking of itself (我厅, 本局, 我院): the organ's character is meant, not 我们.
_SELF = re.compile(r"(?<=[我本])[厅局委院馆所站处科队部办室]")
_QUOTED = re.compile(r"[“‘「『\"]([^”’」』\"\n]{1,40})[”’」』\"]")
_HAN_CHAR = re.compile(rf"[{_HAN}]")
# A document number's year and serial (〔2017〕8号); its issuer is the up to eight Chinese characters
# just before it (岳发), found by walking back from each match (a pattern that tried every Chinese
# character as the issuer's start cost more than the rest of the name search).
_DOC_NUMBER_TAIL = re.compile(r"\s*[〔［\[（(]\s*(?:19|20)\d\d\s*[〕］\]）)]\s*\d+\s*号")


@dataclass(frozen=True)
class Settings:
    """A site's or an office's additions to the wording checks."""

    protected: tuple[str, ...] = ()
    serious: tuple[tuple[str, str], ...] = ()
    typos: tuple[tuple[str, str], ...] = ()
    model: bool = True


@dataclass(frozen=True)
class WordingHit:
    """One place in a text: ``text[start:end]`` (``wrong``) should be ``right``."""

    check: str
    start: int
    end: int
    wrong: str
    right: str
    category: str = ""
    source: str = ""


@functools.cache
def patterns() -> tuple[tuple[re.Pattern[str], str, str], ...]:
    """(regex, replacement, category) of ``data/wording_patterns.txt``."""
    out = []
    for category, text, _comment in lines(cc.DATA / "wording_patterns.txt"):
        regex, sep, repl = text.partition(" -> ")
        if sep:
            out.append((re.compile(regex.strip()), repl.strip(), category))
    return tuple(out)


@functools.cache
def _needs(regex: re.Pattern[str]) -> str:
    """The longest run of plain characters every match of ``regex`` holds (``不过`` of
    ``(?<![再最只太更])不过(顺畅|…)``), "" when none is known: a text without it is not scanned (a
    pattern that opens with a lookbehind is tried at every character of the page)."""
    if regex.flags & re.IGNORECASE:
        return ""
    try:
        items = sre_parse.parse(regex.pattern, regex.flags).data
    except Exception:  # the parser is CPython's own: no prefilter rather than a wrong one
        return ""
    best, run = "", ""
    for op, value in items:
        if op is sre_parse.LITERAL:
            run += chr(value)
            best = max(best, run, key=len)
        else:
            run = ""
    return best


def _pairs(value: Any) -> tuple[tuple[str, str], ...]:
    if isinstance(value, dict):
        return tuple(sorted((str(k), str(v)) for k, v in value.items()))
    return ()


def settings_of(ctx: CheckContext) -> Settings:
    """A site's settings from ``options["wording"]`` (and ``options[<check id>]``)."""
    opts: dict[str, Any] = {}
    for check_id in CHECK_IDS:
        opts.update(cc.family_options(ctx, check_id))
    return Settings(
        protected=tuple(sorted(str(p) for p in opts.get("protected", ()) or ())),
        serious=_pairs(opts.get("serious")),
        typos=_pairs(opts.get("typos")),
        model=opts.get("model", True) is not False,
    )


# The catalogue threshold for a confusion outside a word, by its group (``Suggestion.penalty``);
# a tier without the key uses ``min_gain``.
GROUP_GAIN = {-0.5: "min_gain_observed", 1.0: "min_gain_other_tone", 1.5: "min_gain_shape"}


@functools.cache
def _thresholds(check_id: str) -> dict[str, float]:
    value = cc.info(check_id).thresholds
    return {k: float(v) for k, v in value.items() if isinstance(v, int | float)}


def tier(sg: Suggestion) -> str | None:
    """wording-typo, wording-suspect or nothing for a model suggestion (catalogue thresholds)."""
    for check_id in (TYPO, SUSPECT):
        if check_id == TYPO and sg.in_name:
            continue  # inside what looks like a name: a person should look
        if check_id == SUSPECT and not sg.top:
            continue  # asked about only when it is the span's likeliest correction (暂无 → 展无 is not)
        t = _thresholds(check_id)
        # The word-frequency gain plus a share of the character model's gain (running text).
        both = sg.score + t["char_weight"] * sg.char_gain
        if sg.rule == "confusion":
            if not sg.in_word:
                # A confusion seen as a real slip needs less evidence; a plain homophone more.
                need = t.get(GROUP_GAIN.get(sg.penalty, "min_gain"), t["min_gain"])
            elif sg.word_freq >= t["common_word_freq"]:
                need = t["min_gain_common_word"]  # inside a common word: rarely a typo
            else:
                need = t["min_gain_in_word"]
            ok = both >= need and sg.seen <= t["max_seen_pairs"]
        elif sg.rule == "pair":
            ok = both >= t["min_gain_pair"]
        elif sg.rule == "word_pair":
            # A word for another word: reported only when sure (no please-look tier of its own).
            ok = "min_gain_word_pair" in t and both >= t["min_gain_word_pair"]
        elif sg.rule == "other":
            ok = sg.score >= t["min_gain_other"] and sg.char_gain >= t["min_char_gain_other"]
        else:
            ok = sg.score >= t["min_rule_score"]
        if ok:
            return check_id
    return None


def _changes_placeholder(text: str, sg, lexicon: Model) -> bool:
    """A suggestion that rewrites the 某 of an anonymised name (李某, 王某某): the 某 is meant."""
    return any(
        text[i] == "某"
        and i > 0
        and (text[i - 1] in lexicon.surnames or text[i - 1] == "某")
        and sg.right[i - sg.start : i - sg.start + 1] != "某"
        for i in range(sg.start, sg.end)
    )


def name_spans(text: str, lexicon: Model) -> list[tuple[int, int]]:
    """Places in ``text`` that look like names the model cannot know, across punctuation (the
    model reads one run of Chinese characters at a time): a surname before 某 or 某某 (申请人王某某,
    李某); the names after a title or a party (镇长何圣葆, 申请人张三) and the ones listed after it
    with 、 (县领导孙旭、蔡军); two or three characters before 同志, 先生, 女士; a document number's
    issuer (岳发〔2017〕8号); levels of government listed one character each (各乡、镇). The model's suggestions there are asked about, not reported."""
    surnames, freq, out = lexicon.surnames, lexicon.freq, []
    at = text.find("某", 1)
    while at >= 0:  # a surname before 某 (王某, 王某某)
        if text[at - 1] in surnames:
            out.append((at - 1, at + 1 + (text[at + 1 : at + 2] == "某")))
        at = text.find("某", at + 1)
    for t in NAMERS:
        at = text.find(t)
        while at >= 0:
            e, first = at + len(t), True
            while e < len(text) and text[e] in " \u3000":
                e += 1  # 县长 王惠仙: a title set apart from the name by spaces (lists of office holders)
            # The first name must not start a common word (领导干部; 黄国 of 检察长黄国锐 is rare) unless three
            # characters that are no word stand before a pause (调研员王国伟，); the ones listed after it may.
            while (
                e < len(text)
                and text[e] in surnames
                and not (
                    first
                    and freq.get(text[e : e + 2], 0) >= NAME_WORD_FREQ
                    and not _name_alone(text, e, freq)
                )
            ):
                out.append((e, min(len(text), e + 3)))
                first = False
                nxt = [text.find(sep, e + 2, e + 5) for sep in "、，和及"]
                nxt = [k for k in nxt if k > 0]
                if not nxt or text[min(nxt) - 1 : min(nxt)] in "。；\n":
                    break
                e = min(nxt) + 1
            at = text.find(t, at + 1)
    for kind in ("同志", "先生", "女士"):
        at = text.find(kind)
        while at >= 0:
            for k in (3, 2):
                if at - k >= 0 and text[at - k] in surnames:
                    out.append((at - k, at))
                    break
            at = text.find(kind, at + 1)
    for m in _DOC_NUMBER_TAIL.finditer(text):
        end = start = m.start()
        while start > end - 8 and start > 0 and _HAN_CHAR.match(text, start - 1):
            start -= 1
        if start < end:
            out.append((start, end))
    out += [m.span() for m in _LEVELS_LISTED.finditer(text)]
    return out


def _name_alone(text: str, e: int, freq: dict[str, int]) -> bool:
    """Three characters at ``e`` that are no word, then a pause (、，。；or a bracket)."""
    return text[e : e + 3] not in freq and text[e + 3 : e + 4] in tuple("、，,。；;（(")


def context_spans(
    text: str, lexicon: Model, t: dict[str, float]
) -> tuple[list[tuple[int, int]], ...]:
    """Places where the text itself says a string is meant as written, so that the model's
    suggestions there are asked about (wording-suspect), never reported: a short term the text
    puts in quotation marks (“比学树”, “两违一非”) and its other occurrences in the text; a
    character repeated in a parallel construction (支教、支农、支医; 提质提速提效; 错填漏填);
    runs of Chinese characters too short to judge (每差1个百分点: 每差 alone, digits around);
    the names before what people do in news (章寿禹指出, 王开国主持) and names listed with 、
    (路国云、李建富、崔举等) or in a long list most of whose items look like names (大会执行主席是
    张继军、滕远东、陈钧、王晓娥（女）…); an organisation's abbreviation before 办 or 委 (创食办, 住建委).
    Returns (meant as written, names, abbreviations): in an abbreviation a correction that
    makes a word ending with its 办 or 委 is still reported (省国姿委 → 国资委)."""
    out: list[tuple[int, int]] = []
    n, surnames, freq = len(text), lexicon.surnames, lexicon.freq
    longest = int(t.get("max_quoted_chars", 8))
    terms = set()
    for m in _QUOTED.finditer(text):
        inner = m.group(1)
        if 2 <= len(_HAN_CHAR.findall(inner)) <= longest:
            out.append(m.span(1))
            terms.add(inner)
    for term in terms:
        at = text.find(term)
        while at >= 0:
            out.append((at, at + len(term)))
            at = text.find(term, at + 1)
    out += [m.span() for m in _TRANSLITERATED.finditer(text)]
    out += [m.span() for m in _SELF.finditer(text)]
    shortest = int(t.get("min_run_chars", 3))
    i = 0
    while i < n:
        if _HAN_CHAR.match(text[i]):
            j = i
            while j < n and _HAN_CHAR.match(text[j]):
                j += 1
            if j - i < shortest:
                out.append((i, j))
            i = j
        else:
            i += 1
    for k, c in enumerate(text):
        if c in FUNCTION_CHARS or c in NUMERALS or not _HAN_CHAR.match(c):
            continue
        for j in (k + 2, k + 3):
            if j < n and text[j] == c and (j == k + 2 or text[k + 2] in "、，,"):
                out += [(k, k + 1), (j, j + 1)]  # the shared character itself
    named: list[tuple[int, int]] = []
    for verb in BEFORE_NAMES_END:
        at = text.find(verb)
        while at >= 0:
            for size in (3, 2):
                a = at - size
                clause_start = a == 0 or (a > 0 and not _HAN_CHAR.match(text[a - 1]))
                if a >= 0 and clause_start and text[a] in surnames and text[a:at] not in freq:
                    named.append((a, at))
                    break
            at = text.find(verb, at + 1)
    for m in _NAME_LIST.finditer(text):
        items = re.split("[、，,]", m.group())
        if all(x[0] in surnames and x not in freq for x in items):
            named.append(m.span())
    for m in _NAME_CHAIN.finditer(text):
        items = re.split("、", re.sub(r"[（(]女[）)]", "", m.group()))
        surnamed = sum(x[0] in surnames for x in items)
        unknown = sum(x not in freq for x in items)  # (王建国, 陈志强 are words of the lexicon)
        if surnamed >= NAME_CHAIN_SHARE * len(items) and 2 * unknown >= len(items):
            named.append(m.span())
    abbreviations = [
        (m.start(1), m.end()) for m in _ABBREVIATION.finditer(text) if m.group(1) not in freq
    ]
    return out, named, abbreviations


def _meant_as_written(
    text: str,
    sg: Suggestion,
    spans: tuple[list[tuple[int, int]], ...],
    places: list[bool],
    lexicon: Model,
) -> bool:
    """The text says ``sg``'s written form is meant (``context_spans``), or a two-character
    suggestion falls in what looks like a place's or an organisation's name (子午镇 is not 山西),
    or the written form and its neighbours occur twice or more in the text."""
    as_written, named, abbreviations = spans
    if any(a < sg.end and sg.start < b for a, b in as_written + named):
        return True
    if sg.start > 0 and text[sg.start - 1].isdigit():
        return True  # a measure word after a number (4种, 3件): the model never saw the number
    # Written the same way twice or more in the text (章寿禹…章寿禹, 珊溪镇…珊溪镇): a name or a
    # term of the text's own, not a slip.
    around = text[max(0, sg.start - 1) : sg.end + 1]
    if len(around) >= 3 and text.count(around) >= 2:
        return True
    if sg.rule in ("pair", "word_pair") and (
        any(places[sg.start : sg.end]) or FORMAL_FUNCTION.issuperset(sg.wrong)
    ):
        return True
    if sg.rule in ("confusion", "other") and any(places[sg.start : sg.end]):
        return not _makes_known_place(text, sg, lexicon)
    for a, b in abbreviations:
        if a < sg.end and sg.start < b:
            fixed = text[a : sg.start] + sg.right + text[sg.end : b]
            return not any(fixed[k:] in lexicon.freq for k in range(len(fixed) - 2))
    return False


# A word this common ending in a level's character (城市, 地区; not the 塘镇 of names learnt from
# the corpus, given 300) means the character is no level there.
LEVEL_WORD_FREQ = 1000


def _makes_known_place(text: str, sg: Suggestion, lexicon: Model) -> bool:
    """``sg`` stands in a place's name just before its level (北宅街道, 花牛镇): the correction is
    reported only when it makes a place the lexicon knows (胡州市 → 湖州市) or a word of the level's
    character (成市群 → 城市群), not another name nobody can check (花牛镇 → 花生镇): the model
    knows few of the country's towns and streets."""
    level = next(
        (p for p in range(sg.end, min(len(text), sg.end + 2)) if text[p] in PLACE_LEVELS), None
    )
    if level is None:
        return True
    fixed = text[: sg.start] + sg.right + text[sg.end : level + 1]
    # (成市群 → 城市群, 农村低区 → 农村地区: the level's character is part of a word, no level;
    # not 塔洋镇 → 塔乡镇, whose 乡镇 is two levels)
    freq = lexicon.freq
    in_word = freq.get(fixed[-2:], 0) >= LEVEL_WORD_FREQ and fixed[-2] not in PLACE_LEVELS
    return in_word or any(fixed[-k:] in freq for k in (3, 4))


def _weak_at_end(text: str, sg: Suggestion) -> bool:
    """``sg`` ends a run of Chinese characters (punctuation or a number follows) and the word
    model alone gains less than ``min_word_gain_at_end``: with nothing after it to read, the
    character model favours any correction that makes a common pair with what comes before
    (垃圾池 → 垃圾车, 生态公厕 → 公司), so its gain does not count there."""
    if sg.end < len(text) and _HAN_CHAR.match(text[sg.end]):
        return False
    return sg.score < _thresholds(TYPO).get("min_word_gain_at_end", 0.0)


def _crossed(text: str, start: int, end: int, lexicon: Model) -> bool:
    """A common word crosses the start or the end of ``text[start:end]``."""
    freq = lexicon.freq
    for edge in (start, end):
        for a in range(max(0, edge - 3), edge):
            for b in range(edge + 1, min(len(text), a + 4) + 1):
                if freq.get(text[a:b], 0) >= CROSS_MIN_FREQ:
                    return True
    return False


def _silenced(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """A span covers ``[start, end)`` or crosses one of its edges (one inside does not)."""
    return any((s <= start and e >= end) or s < start < e or s < end < e for s, e in spans)


def _may_report(sg: Suggestion) -> bool:
    """A suggestion that may become a finding: none of its characters is never wrong, and its
    evidence reaches a tier. Marking it a name later can only lower its tier (wording-typo is
    then skipped, wording-suspect judged alike), so one that reaches none is dropped at once,
    whatever the page around it."""
    return not NEVER_WRONG.intersection(sg.wrong) and tier(sg) is not None


def find(
    text: str, settings: Settings = Settings(), cache_dir: str | None = None
) -> list[WordingHit]:
    """Every serious error, typo and suspected typo in ``text``, in text order; the model's
    results are kept in ``cache_dir`` (an inspection's cache folder) when there is one."""
    if not text:
        return []
    m = matcher(settings.protected, settings.serious, settings.typos)
    lexicon = model()
    hits: list[WordingHit] = []
    for h in m.find(text):
        e = h.entry
        if e.source == GENERATED and _crossed(text, h.start, h.end, lexicon):
            continue
        hits.append(WordingHit(e.kind, h.start, h.end, e.wrong, e.right, e.category, e.source))
    for regex, repl, category in patterns():
        if _needs(regex) not in text:
            continue
        for mt in regex.finditer(text):
            hits.append(
                WordingHit(
                    TYPO, mt.start(), mt.end(), mt.group(), mt.expand(repl), category, "搭配规则"
                )
            )
    if settings.model:
        found = [(h.start, h.end) for h in hits]
        protected: list[tuple[int, int]] | None = None  # looked for only when needed
        kept = store(cache_dir) if cache_dir else None
        names: list[tuple[int, int]] | None = None  # looked for only when there is a suggestion
        meant: tuple[list[tuple[int, int]], ...] | None = None
        places: list[bool] = []
        tiered = []
        for sg in lexicon.suggestions(text, kept, _may_report):
            if _changes_placeholder(text, sg, lexicon):
                continue
            if names is None and not sg.in_name:
                names = name_spans(text, lexicon)
            if not sg.in_name and any(a < sg.end and sg.start < b for a, b in names or ()):
                sg = dataclasses.replace(sg, in_name=True)  # a name: asked about, not reported
            if not sg.in_name and sg.rule in GUARDED and tier(sg) == TYPO:
                if meant is None:
                    meant = context_spans(text, lexicon, _thresholds(TYPO))
                    places = lexicon.name_spans(text)
                if _meant_as_written(text, sg, meant, places, lexicon) or _weak_at_end(text, sg):
                    sg = dataclasses.replace(sg, in_name=True)  # asked about, not reported
            if check := tier(sg):
                tiered.append((check, sg))
        # Surest first: reported before please-look, then by score; overlapping ones lose.
        tiered.sort(key=lambda cs: (cs[0] != TYPO, -cs[1].score))
        for check, sg in tiered:
            if protected is None:
                protected = m.protected_spans(text)
            if _silenced(protected, sg.start, sg.end):
                continue
            if any(a < sg.end and sg.start < b for a, b in found):
                continue  # already reported (by a dictionary or a surer suggestion)
            found.append((sg.start, sg.end))
            hits.append(
                WordingHit(
                    check, sg.start, sg.end, sg.wrong, sg.right, RULE_ZH[sg.rule], "错别字模型"
                )
            )
    hits.sort(key=lambda h: (h.start, h.end))
    return hits


def page_text(page: Page) -> str:
    """The text the wording checks read: the title too when the body does not repeat it."""
    if page.title and page.title not in page.text:
        return page.title + "\n" + page.text
    return page.text


def report(page: Page, ctx: CheckContext, text: str, hits: list[WordingHit]) -> list[Finding]:
    """One finding per check and wrong form on the page; key ``check|site|wrong`` (not the URL)."""
    groups: dict[tuple[str, str], list[WordingHit]] = {}
    for h in hits:
        groups.setdefault((h.check, h.wrong), []).append(h)
    out = []
    for (check_id, wrong), group in groups.items():
        key = f"{check_id}|{cc.site_key(ctx)}|{wrong}"
        if cc.dismissed(ctx, key, f"{key}|{page.url}"):
            continue
        first = group[0]
        shown = [cc.context(text, h.start, h.end) for h in group[:10]]
        evidence = shown[0] + (f"（本页共{len(group)}处）" if len(group) > 1 else "")
        out.append(
            cc.finding(
                ctx,
                page,
                check_id,
                f"疑似{WHAT[check_id]}：“{wrong}”应为“{first.right}”",
                evidence,
                key,
                wrong=wrong,
                suggested=first.right,
                data={
                    "count": len(group),
                    "category": first.category,
                    "source": first.source,
                    "contexts": shown,
                    "offsets": [h.start for h in group[:10]],
                    "spans": [[h.start, h.end] for h in group[:10]],
                },
            )
        )
    return out


_last_settings: tuple[CheckContext | None, Settings] = (None, Settings())


def _settings(ctx: CheckContext) -> Settings:
    """``settings_of(ctx)``, worked out once for a run's context (every page of a site shares
    one) instead of on every page."""
    global _last_settings
    last, settings = _last_settings
    if last is not ctx:
        settings = settings_of(ctx)
        _last_settings = (ctx, settings)
    return settings


def check_page(page: Page, role: PageRole, ctx: CheckContext) -> list[Finding]:
    text = page_text(page)
    if not text:
        return []
    return report(page, ctx, text, find(text, _settings(ctx), ctx.cache_dir))

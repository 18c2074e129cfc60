"""wording-serious, wording-typo, wording-suspect — 错敏词与错别字: serious wording errors, typos,
and suspected typos to look at, found in one pass over the page's title and visible text.

- **wording-serious** (严重表述错误): leaders' names and titles, the Party, the state, meetings,
  laws and places written wrong — the serious-error dictionary (``data/wording_serious.txt``) and
  the miswritings generated from canonical names (``data/wording_terms.txt``). A generated
  miswriting never fires where a word crosses its edge (``其中中央`` is 其中 + 中央, not 中中央).
- **wording-typo** (错别字): the high-precision tier — the typo dictionaries
  (``data/wording_typos.txt``, ``data/wording_typos_ecspell.txt``), the phrase patterns
  (``data/wording_patterns.txt``: 仍在不足 → 仍存在不足) and what the typo model
  (``wording_model``: confusable characters scored in context, doubled characters and words, a
  character too many or too few in a common term) is sure of.
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
from dataclasses import dataclass
from typing import Any

from zwgk.inspect.checks import content_common as cc
from zwgk.inspect.checks.wording_dict import GENERATED, SERIOUS, TYPO, lines, matcher
from zwgk.inspect.checks.wording_model import TITLES, Model, Suggestion, model, store
from zwgk.inspect.context import CheckContext, PageRole
from zwgk.inspect.model import Finding, Page

SUSPECT = "wording-suspect"
CHECK_IDS = (SERIOUS, TYPO, SUSPECT)
WHAT = {SERIOUS: "严重表述错误", TYPO: "错别字", SUSPECT: "错别字（请核对）"}
RULE_ZH = {
    "confusion": "同音或形近字",
    "pair": "相邻两字同音或形近",
    "extra": "多了一个字",
    "missing": "少了一个字",
    "double": "重复",
    "other": "错字（与上下文不成词）",
}
CROSS_MIN_FREQ = 50  # a word this common crossing a generated miswriting's edge explains it
# Words after which names follow (besides the model's titles): parties to a case, the leaders
# present at a meeting (县领导王丽媛、哈荣霞参加会议).
_NAMERS = (
    "申请人 被申请人 第三人 当事人 举报人 投诉人 信访人 法定代表人 代理人 户主 村民 领导 同志们"
)
NAMERS = tuple(sorted(set(TITLES) | set(_NAMERS.split(" ")), key=len, reverse=True))
_HAN = "\u4e00-\u9fff"
# A document number's issuer (岳发〔2017〕8号, 冠政办发〔2021〕9号): an abbreviation, not words.
# Levels of government listed one character each (各乡、镇人民政府, 县（市、区）): not words.
_LEVELS_LISTED = re.compile(
    r"[省市县区乡镇村州旗盟](?=[、（(][省市县区乡镇村州旗盟])|(?<=[、（(])[省市县区乡镇村州旗盟]"
)
_DOC_NUMBER = re.compile(
    rf"[{_HAN}]{{1,8}}(?=\s*[〔［\[（(]\s*(?:19|20)\d\d\s*[〕］\]）)]\s*\d+\s*号)"
)


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


@functools.cache
def _thresholds(check_id: str) -> dict[str, float]:
    value = cc.info(check_id).thresholds
    return {k: float(v) for k, v in value.items() if isinstance(v, int | float)}


def tier(sg: Suggestion) -> str | None:
    """wording-typo, wording-suspect or nothing for a model suggestion (catalogue thresholds)."""
    for check_id in (TYPO, SUSPECT):
        if check_id == TYPO and sg.in_name:
            continue  # inside what looks like a name: a person should look
        t = _thresholds(check_id)
        # The word-frequency gain plus a share of the character model's gain (running text).
        both = sg.score + t["char_weight"] * sg.char_gain
        if sg.rule == "confusion":
            if not sg.in_word:
                need = t["min_gain"]
            elif sg.word_freq >= t["common_word_freq"]:
                need = t["min_gain_common_word"]  # inside a common word: rarely a typo
            else:
                need = t["min_gain_in_word"]
            ok = both >= need and sg.seen <= t["max_seen_pairs"]
        elif sg.rule == "pair":
            ok = both >= t["min_gain_pair"]
        elif sg.rule == "other":
            ok = sg.score >= t["min_gain_other"] and sg.char_gain >= t["min_char_gain_other"]
        else:
            ok = sg.score >= t["min_rule_score"]
        if ok:
            return check_id
    return None


def name_spans(text: str, lexicon: Model) -> list[tuple[int, int]]:
    """Places in ``text`` that look like names the model cannot know, across punctuation (the
    model reads one run of Chinese characters at a time): a surname before 某 or 某某 (申请人王某某,
    李某); the names after a title or a party (镇长何圣葆, 申请人张三) and the ones listed after it
    with 、 (县领导孙旭、蔡军); two or three characters before 同志, 先生, 女士; a document number's
    issuer (岳发〔2017〕8号); levels of government listed one character each (各乡、镇). The model's suggestions there are asked about, not reported."""
    surnames, freq, out = lexicon.surnames, lexicon.freq, []
    for i, c in enumerate(text):
        if c in surnames and text[i + 1 : i + 2] == "某":
            out.append((i, i + 2 + (text[i + 2 : i + 3] == "某")))
    for t in NAMERS:
        at = text.find(t)
        while at >= 0:
            e, first = at + len(t), True
            # The first name must not start a word (领导干部); the ones listed after it may.
            while e < len(text) and text[e] in surnames and not (first and text[e : e + 2] in freq):
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
    out += [m.span() for m in _DOC_NUMBER.finditer(text)]
    out += [m.span() for m in _LEVELS_LISTED.finditer(text)]
    return out


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
        names = name_spans(text, lexicon)
        tiered = []
        for sg in lexicon.suggestions(text, kept):
            if not sg.in_name and any(a < sg.end and sg.start < b for a, b in names):
                sg = dataclasses.replace(sg, in_name=True)  # a name: asked about, not reported
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


def check_page(page: Page, role: PageRole, ctx: CheckContext) -> list[Finding]:
    text = page_text(page)
    if not text:
        return []
    return report(page, ctx, text, find(text, settings_of(ctx), ctx.cache_dir))

"""The typo model of the wording checks (错别字模型): confusable characters scored in context by a
word-frequency language model, plus cheap rules (doubled characters and words, a character too
many or too few in a known term).

The model (``data/wording_model.txt.gz``, built by ``tools/build_typo_model.py``) holds a lexicon
(word → frequency), confusion sets (same pinyin and tone / other tone / similar shape / seen as
real errors) and the character pairs of real text that no lexicon word contains. It reads runs of
Chinese characters only; nothing is downloaded, everything runs on one CPU core.

For each character it asks: does a confusable character in its place make a lexicon word with
its neighbours, and how much more probable does that make the best segmentation of the eight
characters around it (``score``, natural log)? Two neighbouring characters may both be wrong
(``胡诌市`` → ``湖州市``) when their pair occurs in no word; a two-character word of the best
segmentation may stand for a commoner word both of whose characters it confuses (``意料器械`` →
``医疗器械``, ``word_pair``: reported when sure, never asked about). Each ``Suggestion`` carries the
evidence the tiers are decided on (``in_word``/``word_freq``: the original character sits in a
word of the best segmentation, and how common it is; ``seen``: how many of its two character
pairs occur in some word; ``char_gain``: how much more probable a character 4-gram model of
running official text makes the correction); the thresholds live in the catalogue (wording-typo,
wording-suspect). A character in no word and in no pair of real text is also tried with the
characters that make a common two-character word with a neighbour (``other``).
"""

from __future__ import annotations

import contextlib
import functools
import gzip
import hashlib
import json
import math
import re
import sqlite3
from collections.abc import Callable, Iterator
from dataclasses import astuple, dataclass, replace
from pathlib import Path

from zwgk.inspect.checks.content_common import DATA

MODEL = DATA / "wording_model.txt.gz"
# Runs of Chinese characters; a line break between two of them (no punctuation) does not end one.
_HAN_RUN = re.compile(r"[\u4e00-\u9fff]+(?:[ \t]*\n[ \t]*[\u4e00-\u9fff]+)*")
_PIECE = re.compile(r"[\u4e00-\u9fff]+")
WRAPPED_LINE = 16  # a line this long ending without punctuation wraps into the next
# Penalty of each confusion group, in the file's order: seen as a real error, same pinyin and
# tone, same pinyin other tone, similar shape.
PENALTY_ORDER = (-0.5, 0.0, 1.0, 1.5)
OTHER_PENALTY = 4.0  # a character in no confusion group
WINDOW = 4  # characters of context either side
CHAR_ORDER = 4  # the character n-gram model's order
BACKOFF = 0.9  # log-penalty of each step down to a shorter character history
MAX_WORD = 7
SCORE_WORD = 5  # longest word the window scores look up
RUN_CACHE = 20_000  # runs of text remembered per process (navigation, footers, repeats)
# Changed whenever the rules below change what a run yields: a cache folder's results of an older
# version are not read back (the model file's digest alone would not tell).
RULES_VERSION = "2026-12-03f"
COVER_MIN_FREQ = 50  # a word this common crossing a term's edge explains the written form
ADMIN_PREFIXES = set("省市区县州镇乡村街盟旗")
NUMERALS = set("一二三四五六七八九十百千万两几每各第")
# what a place name ends with (盐城市, 通州区; 街 begins 街道)
PLACE_SUFFIX = ADMIN_PREFIXES - {"街"}
FUNCTION_CHARS = set("的地得了着过和与及或是在对把被将从向以于为其之而也都就并且")
# Characters that are never "a character too many" in a term: function characters, negations
# and suffixes that make a different correct phrase (政府信息未公开, 政策性文件, 不公开), and 副
# before a title.
NOT_EXTRA = FUNCTION_CHARS | set("未不非无没性化副")  # 党组副书记 is not 党组书记 written wrong
# Verbs whose ABAB reduplication (研究研究) is colloquial but not a slip: asked about, not reported.
_REDUPLICABLE = (
    "研究 讨论 学习 商量 考虑 休息 了解 介绍 交流 锻炼 活动 检查 整理 打扫 收拾 认识 比较 "
    "总结 调查 联系 沟通 协调 推敲 琢磨 思考 体会 感受 尝试"
)
REDUPLICABLE = frozenset(_REDUPLICABLE.split(" "))
# Names (the model knows few): a person's name follows a title (镇长何圣葆) or comes before
# 同志; an organisation's name comes before its kind (佳惠百货有限责任公司); a place's name before
# its level (子午镇). A confusion inside one is asked about, not reported.
_TITLES = (
    "书记 副书记 县长 副县长 镇长 副镇长 乡长 副乡长 区长 副区长 市长 副市长 省长 副省长 主任 "
    "副主任 局长 副局长 处长 副处长 科长 副科长 所长 站长 部长 副部长 主席 副主席 委员 常委 "
    "组长 副组长 队长 院长 校长 厂长 经理 董事长 总经理 秘书长 主持人 联系人 负责人 记者 "
    "通讯员 作者 审核 编辑 责任编辑 发布人 代表 专员 调研员 干事 检察长 副检察长 庭长 副庭长 "
    "审判长 厅长 副厅长 主委 副主委 会长 副会长 馆长 行长 社长 政委 院士 团长 副团长 参事"
)
TITLES = tuple(sorted(set(_TITLES.split(" ")), key=len, reverse=True))
_ORG_KINDS = (
    "股份有限公司 有限责任公司 有限公司 公司 集团 百货 商行 商店 超市 酒店 宾馆 饭店 合作社 "
    "工作室 诊所 药店 药房 门市部 经营部 加工厂 厂"
)
ORG_KINDS = tuple(_ORG_KINDS.split(" "))
# What ends a place's name: a level of government (街 of 街道: 北宅街道) or the kind of a landmark,
# a temple, a river, a hill, a park (承恩寺, 平甸河, 交椅湾, 汉都新苑, 麒麟山): grassroots text
# names many the model cannot know.
PLACE_LEVELS = set("镇乡村县区市街") | set("寺庙祠宫河湾苑寨江湖溪山岭桥园")
# Common surnames (from the Hundred Family Surnames, 百家姓, and today's commonest ones) besides
# the model's 300 first characters of jieba's person names: 樊, 付, 覃… begin names too.
SURNAMES_MORE = frozenset(
    "赵钱孙李周吴郑王冯陈褚卫蒋沈韩杨朱秦尤许何吕施张孔曹严华金魏陶姜戚谢邹喻柏窦章云苏潘葛奚"
    "范彭郎鲁韦昌马苗凤方俞任袁柳酆鲍史唐费廉岑薛雷贺倪汤滕殷罗毕郝邬安常乐于傅皮卞齐康伍余元"
    "卜顾孟黄穆萧尹姚邵湛汪祁毛禹狄米贝明臧伏戴谈宋茅庞熊纪舒屈项祝董梁杜阮蓝闵席季麻强贾路"
    "娄危江童颜郭梅盛林刁钟徐邱骆高夏蔡田樊胡凌霍虞万柯昝管卢莫房裘缪解应宗丁宣贲邓郁单杭洪包"
    "诸左石崔吉钮龚程嵇邢滑裴陆荣翁荀羊惠甄曲封芮羿储靳汲邴糜松井段富巫乌焦巴弓牧隗山谷车侯宓"
    "蓬全郗班仰秋仲伊宫宁仇栾暴甘钭厉戎祖武符刘景詹束龙叶幸司韶郜黎蓟薄印宿白怀蒲邰从鄂索咸籍"
    "赖卓蔺屠蒙池乔阴胥苍双闻莘党翟谭贡劳逄姬申扶堵冉宰郦雍璩桑桂濮牛寿边扈燕冀郏浦尚农温庄晏"
    "柴瞿阎慕连茹习宦艾鱼容向古易慎戈廖庾暨居衡步耿满弘匡寇广禄阙欧殳沃蔚夔隆师巩厍聂晁勾敖融"
    "冷訾辛阚那简饶曾毋沙乜养鞠须丰巢蒯相查荆红游竺权逯盖益桓付覃代揭母谌尧卿粟"
)
PARTICLES = frozenset("的地得")
CONJUNCTIONS = frozenset("和或及与并且")  # 行政复议或行政诉讼: which one is usage, not a typo
NAME_WORD_FREQ = 100  # a correction making a word this common is reported even inside a name


@dataclass(frozen=True)
class Suggestion:
    """A suspected typo: ``text[start:end]`` should be ``right``.

    ``rule``: ``confusion`` (one confusable character), ``pair`` (two neighbouring ones),
    ``word_pair`` (a two-character word for a commoner one, both characters confusable), ``extra`` (a character too many), ``missing`` (one too few), ``double`` (a character or word
    written twice). ``score``: log-probability gained by the correction (rules: their own scale).
    ``penalty``: a confusion's group (``PENALTY_ORDER``): −0.5 a confusion seen as a real error in
    ECSpell's training rows, 0 the same sound and tone, 1 another tone, 1.5 a similar shape.
    ``top``: the likeliest correction of its span over every rule and group (only such a one is
    asked about as wording-suspect; the others may only be reported, by their group's threshold).
    """

    start: int
    end: int
    wrong: str
    right: str
    rule: str
    score: float
    in_word: bool = False
    seen: int = 0
    char_gain: float = 0.0
    context: int = 0
    word_freq: int = 0
    in_name: bool = False
    penalty: float = 0.0
    top: bool = True


class Model:
    """The loaded model; one per process (``model()``), read-only after loading."""

    def __init__(self, path: Path = MODEL) -> None:
        sections: dict[str, list[str]] = {}
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            current: list[str] = []
            for line in fh.read().split("\n"):
                if line.startswith("["):
                    current = sections.setdefault(line, [])
                elif line and not line.startswith("#"):
                    current.append(line)
        words = sections["[lexicon]"][0].split(" ")
        freqs = list(map(int, sections["[lexicon]"][1].split(" ")))
        self.freq: dict[str, int] = dict(zip(words, freqs, strict=True))
        log_total = math.log(sum(freqs))
        self.unknown = math.log(0.5) - log_total
        self.logp = dict(zip(words, [math.log(f) - log_total for f in freqs], strict=True))
        self.confusion: dict[str, dict[str, float]] = {}
        for line in sections["[confusion]"]:
            char, *groups = line.split("\t")
            conf: dict[str, float] = {}
            for pen, chars in zip(PENALTY_ORDER, groups, strict=False):
                conf.update(dict.fromkeys(chars, pen))
            self.confusion[char] = conf
        self.conf_keys = {c: frozenset(v) for c, v in self.confusion.items()}
        self.prev_in = {ln[0]: frozenset(ln[2:]) for ln in sections["[inside]"]}
        self.next_in = {ln[0]: frozenset(ln[2:]) for ln in sections["[after]"]}
        self.first2 = {ln[0]: frozenset(ln[2:]) for ln in sections["[pairs]"]}
        last2: dict[str, set[str]] = {}
        for a, bs in self.first2.items():
            for b in bs:
                last2.setdefault(b, set()).add(a)
        self.last2 = {b: frozenset(a) for b, a in last2.items()}
        self.terms = (
            frozenset(sections["[terms]"][0].split(" ")) if "[terms]" in sections else frozenset()
        )
        missing: dict[str, str] = {}
        for w in self.terms:
            for k in range(1, len(w) - 1):
                missing.setdefault(w[:k] + w[k + 1 :], w)
        self.grams: dict[str, int] = {}
        for line in sections.get("[chars]", ()):
            gram, _, count = line.rpartition("\t")
            self.grams[gram] = int(count)
        # A written form that is a word, or occurs in correct running text, is no term missing
        # a character (不公开 is not 不予公开 written wrong).
        self.missing = {
            k: w for k, w in missing.items() if k not in self.freq and k not in self.grams
        }
        self.grams_total = sum(n for g, n in self.grams.items() if len(g) == 1) or 1
        # Characters of traditional text only: a run holding one is not judged (the model knows
        # simplified official text; 為, 報 are not typos of 为, 报).
        self.traditional = frozenset("".join(sections.get("[traditional]", ())))
        self._kept_runs: dict[tuple, dict[str | tuple[str, int], tuple[Suggestion, ...]]] = {}
        self.surnames = frozenset("".join(sections.get("[surnames]", ()))) | SURNAMES_MORE

    # -- character n-gram model of running official text -------------------------------------

    def _char_logp(self, s: str, j: int) -> float:
        """log P(s[j] | up to three characters before it), stupid backoff."""
        grams = self.grams
        for k in range(min(CHAR_ORDER - 1, j), 0, -1):
            hist = s[j - k : j]
            if hist in grams:
                n = grams.get(hist + s[j])
                if n:
                    return math.log(n / grams[hist]) - BACKOFF * (CHAR_ORDER - 1 - k)
        n = grams.get(s[j], 0) + 0.5
        return math.log(n / self.grams_total) - BACKOFF * (CHAR_ORDER - 1)

    def char_gain(self, s: str, i: int, x: str) -> float:
        """How much more probable running official text makes ``s`` with ``x`` written from
        ``i`` on (the character n-grams that hold the changed characters)."""
        a, b = " " + s + " ", " " + s[:i] + x + s[i + len(x) :] + " "
        lo, hi = i + 1, min(len(a), i + len(x) + CHAR_ORDER)
        return sum(self._char_logp(b, j) - self._char_logp(a, j) for j in range(lo, hi))

    def context_seen(self, s: str, i: int, size: int = 1) -> int:
        """How often the three characters around ``s[i:i+size]`` (each window of three that holds
        it) occur in the running text the model was built from: the most of them."""
        grams, best = self.grams, 0
        for a in range(max(0, i + size - 3), min(i, len(s) - 3) + 1):
            best = max(best, grams.get(s[a : a + 3], 0))
        return best

    def name_spans(self, s: str) -> list[bool]:
        """For each character of ``s``: does it look like part of a name the model cannot know
        (see ``TITLES``, ``ORG_KINDS``, ``PLACE_LEVELS``)? Written-out words of the lexicon are
        not names."""
        n, freq = len(s), self.freq
        out = [False] * n
        for t in TITLES:
            start = s.find(t)
            while start >= 0:
                e = start + len(t)
                if e < n and s[e] in self.surnames and s[e : e + 2] not in freq:
                    out[e : min(n, e + 3)] = [True] * (min(n, e + 3) - e)
                start = s.find(t, start + 1)
        start = s.find("同志")
        while start >= 0:
            for k in (3, 2):
                if start - k >= 0 and s[start - k] in self.surnames:
                    out[start - k : start] = [True] * k
                    break
            start = s.find("同志", start + 1)
        for kind in ORG_KINDS:
            start = s.find(kind)
            while start >= 0:
                lo = max(0, start - 4)
                if s[lo:start] not in freq:
                    out[lo:start] = [True] * (start - lo)
                start = s.find(kind, start + 1)
        for p in range(2, n):
            if s[p] in PLACE_LEVELS and not any(
                w in freq for w in (s[p - 2 : p + 1], s[p - 1 : p + 1], s[p - 2 : p])
            ):
                out[p - 2] = out[p - 1] = True
        return out

    def _makes_word(self, s: str, i: int, x: str) -> bool:
        """``x`` in place of ``s[i]`` makes a common word with its neighbours (装杯 → 装备,
        垃萨 → 拉萨): a slip inside a name is still reported then."""
        freq = self.freq
        for n in (2, 3, 4):
            for a in range(max(0, i - n + 1), min(i, len(s) - n) + 1):
                if freq.get(s[a:i] + x + s[i + 1 : a + n], 0) >= NAME_WORD_FREQ:
                    return True
        return False

    # -- language model ---------------------------------------------------------------------

    def score(self, s: str) -> float:
        """Log-probability of the best segmentation of ``s`` (unknown characters alone; words of
        up to ``SCORE_WORD`` characters: the windows scored are short)."""
        get, unknown = self.logp.get, self.unknown
        best = [0.0]
        for j in range(1, len(s) + 1):
            b = best[j - 1] + get(s[j - 1], unknown)
            for n in range(2, min(SCORE_WORD, j) + 1):
                p = get(s[j - n : j])
                if p is not None and best[j - n] + p > b:
                    b = best[j - n] + p
            best.append(b)
        return best[-1]

    def words_at(self, s: str) -> list[int]:
        """For each character of ``s``: the frequency of the multi-character word it sits in on
        the best segmentation (0 when it stands alone)."""
        return self.segmentation(s)[0]

    def segmentation(self, s: str) -> tuple[list[int], set[int]]:
        """``words_at`` and the starts of the two-character words of the best segmentation."""
        logp, n = self.logp, len(s)
        best, back = [0.0] * (n + 1), [1] * (n + 1)
        for j in range(1, n + 1):
            best[j], back[j] = best[j - 1] + logp.get(s[j - 1], self.unknown), 1
            for k in range(2, min(MAX_WORD, j) + 1):
                p = logp.get(s[j - k : j])
                if p is not None and best[j - k] + p > best[j]:
                    best[j], back[j] = best[j - k] + p, k
        out, twos, j = [0] * n, set(), n
        while j > 0:
            k = back[j]
            if k > 1:
                out[j - k : j] = [self.freq[s[j - k : j]]] * k
                if k == 2:
                    twos.add(j - 2)
            j -= k
        return out, twos

    def seen(self, pair: str) -> bool:
        return len(pair) == 2 and pair[0] in self.prev_in.get(pair[1], ())

    # -- detection ----------------------------------------------------------------------------

    def suggestions(
        self,
        text: str,
        store: RunStore | None = None,
        keep: Callable[[Suggestion], bool] | None = None,
    ) -> list[Suggestion]:
        """Every suspected typo in ``text`` with its evidence, in text order: the best correction
        per span, rule and confusion group; spans may overlap (a pair and a single character, a
        same-sound and a similar-shape correction of one character), the caller picks. With a
        ``store``, runs computed on an earlier inspection are read back instead. With ``keep``
        (a module-level function of a suggestion's evidence, never of its offsets), only the
        suggestions it keeps, decided once per run of text: most of a page's runs are its
        navigation and footer again, whose suggestions the caller would drop on every page."""
        out: list[Suggestion] = []
        memo = self._memo(store, keep)
        for m in _HAN_RUN.finditer(text):
            run, at = m.group(), m.start()
            key: str | tuple[str, int] = run
            if "\n" in run:
                # where its first line breaks depends on that line's length before the run too
                key = (run, min(at - text.rfind("\n", 0, at), WRAPPED_LINE))
            found = memo.get(key) if memo is not None else None
            if found is None:
                found = self._in_run(text, m, store, keep)
                if memo is not None:
                    memo[key] = found
            if found:
                out += [_moved(sg, at + sg.start, at + sg.end) for sg in found]
        return out

    def _in_run(
        self,
        text: str,
        m: re.Match[str],
        store: RunStore | None,
        keep: Callable[[Suggestion], bool] | None,
    ) -> tuple[Suggestion, ...]:
        """The (kept) suggestions in one match of ``_HAN_RUN``, offsets within it."""
        run = m.group()
        if "\n" not in run:  # one line: the run itself (most runs)
            found = self._stored(run, store)
            return tuple(sg for sg in found if keep(sg)) if keep is not None else found
        at, out = m.start(), []
        for group in _lines_joined(text, m):
            joined = "".join(text[a:b] for a, b in group)
            for sg in self._stored(joined, store):
                if keep is None or keep(sg):
                    start, end = _offset(group, sg.start), _offset(group, sg.end - 1) + 1
                    out.append(_moved(sg, start - at, end - at))
        return tuple(out)

    def forget(self) -> None:
        """Drop every result kept in memory, as a new process starts (the store keeps its own)."""
        self.run.cache_clear()
        self._kept.cache_clear()
        self._kept_runs.clear()

    def _memo(
        self, store: RunStore | None, keep: Callable[[Suggestion], bool] | None
    ) -> dict[str | tuple[str, int], tuple[Suggestion, ...]] | None:
        """The kept suggestions per run (offsets within it) for ``keep`` and ``store``, emptied
        when it grows past ``RUN_CACHE`` runs."""
        if keep is None:
            return None
        memo = self._kept_runs.setdefault((keep, store), {})
        if len(memo) > RUN_CACHE:
            memo.clear()
        return memo

    def _stored(self, run: str, store: RunStore | None) -> tuple[Suggestion, ...]:
        if len(run) < 2 or not self.traditional.isdisjoint(run):
            return ()  # one character alone, or traditional text: nothing to judge it by
        if store is None:
            return self.run(run)
        return self._kept(run, store)

    @functools.lru_cache(maxsize=RUN_CACHE)  # noqa: B019 (one model per process, never freed)
    def _kept(self, run: str, store: RunStore) -> tuple[Suggestion, ...]:
        """``run``'s suggestions from the store, or computed and stored; read from the store once
        per process (a site repeats its navigation and footer on every page)."""
        found = store.get(run)
        if found is None:
            found = self.run(run)
            store.put(run, found)
        return found

    @functools.lru_cache(maxsize=RUN_CACHE)  # noqa: B019 (one model per process, never freed)
    def run(self, s: str) -> tuple[Suggestion, ...]:
        """The suggestions for one run of Chinese characters (offsets within it), the best per
        span, rule and confusion group (each group has its own threshold: a same-sound correction
        that gains more but falls short of its group's threshold must not hide one seen as a real
        error that reaches its own); cached, since a site repeats its navigation and footer on
        every page."""
        best: dict[tuple[int, int, str, float], Suggestion] = {}
        for sg in self._run(s, 0):
            key = (sg.start, sg.end, sg.rule, sg.penalty)
            old = best.get(key)
            if old is None or sg.score > old.score:
                best[key] = sg
        likeliest: dict[tuple[int, int], float] = {}
        for sg in best.values():
            span = (sg.start, sg.end)
            likeliest[span] = max(likeliest.get(span, sg.score), sg.score)
        return tuple(
            sorted(
                (
                    sg if sg.score >= likeliest[(sg.start, sg.end)] else replace(sg, top=False)
                    for sg in best.values()
                ),
                key=lambda x: (x.start, x.end, x.rule, x.penalty),
            )
        )

    def _run(self, s: str, offset: int) -> Iterator[Suggestion]:
        n = len(s)
        words, twos = self.segmentation(s)
        names = self.name_spans(s)
        base: dict[tuple[int, int], float] = {}

        def around(a: int, b: int) -> float:
            if (a, b) not in base:
                base[(a, b)] = self.score(s[a:b])
            return base[(a, b)]

        for i, c in enumerate(s):
            seen = self.seen(s[i - 1 : i + 1]) + self.seen(s[i : i + 2])
            if seen == 2:
                continue  # both its character pairs occur in real words: not suspected
            if c in ADMIN_PREFIXES and i + 2 < n and words[i + 1] and s[i + 1 : i + 3] in self.freq:
                continue  # 区财政局, 市场监管…: a level of government before a word
            for x, pen in self._candidates(s, i).items():
                a, b = max(0, i - WINDOW), min(n, i + WINDOW + 1)
                gain = self.score(s[a:i] + x + s[i + 1 : b]) - around(a, b) - pen
                if gain > 0:
                    yield Suggestion(
                        offset + i,
                        offset + i + 1,
                        c,
                        x,
                        "confusion",
                        gain,
                        words[i] > 0,
                        seen,
                        self.char_gain(s, i, x),
                        self.context_seen(s, i),
                        words[i],
                        names[i] and not self._makes_word(s, i, x),
                        pen,
                    )
            if seen == 0 and not words[i]:
                yield from self._other(s, i, offset, around, names[i])
            # Two neighbouring characters in no word and in no pair of real text (胡诌市), or a
            # two-character word of its own that may stand for a commoner one (意料器械).
            rule, written = "", 0
            if i + 1 < n and not (words[i] or words[i + 1]) and not self.seen(s[i : i + 2]):
                rule = "pair"
            elif i in twos:
                rule, written = "word_pair", words[i]
            pair = self._pair(s, i, around, written) if rule else None
            if pair:
                yield Suggestion(
                    offset + i,
                    offset + i + 2,
                    s[i : i + 2],
                    pair[1],
                    rule,
                    pair[0],
                    bool(written),
                    char_gain=self.char_gain(s, i, pair[1]),
                    context=self.context_seen(s, i, 2),
                    word_freq=written,
                    in_name=bool(written) and (names[i] or names[i + 1]),
                )
        yield from self._doubles(s, offset, words)
        yield from self._extra_missing(s, offset)

    def _candidates(self, s: str, i: int) -> dict[str, float]:
        keys = self.conf_keys.get(s[i])
        if not keys:
            return {}
        near: frozenset[str] | set[str] = frozenset()
        if i + 1 < len(s):
            near = keys & self.prev_in.get(s[i + 1], frozenset())
        if i > 0:
            near = near | (keys & self.next_in.get(s[i - 1], frozenset()))
        if not near:
            return {}
        conf, freq, out = self.confusion[s[i]], self.freq, {}
        if s[i] in PARTICLES:
            near = near - PARTICLES  # 的/地/得 is usage, not a typo (and rarely one in ECSpell)
        elif s[i] in CONJUNCTIONS:
            near = near - CONJUNCTIONS  # 和/或/及/与 likewise (never one in ECSpell)
        for x in sorted(near):
            for n in (2, 3, 4):
                for a in range(max(0, i - n + 1), min(i, len(s) - n) + 1):
                    if s[a:i] + x + s[i + 1 : a + n] in freq:
                        out[x] = conf[x]
                        break
                if x in out:
                    break
        return out

    def _other(
        self, s: str, i: int, offset: int, around, in_name: bool = False
    ) -> Iterator[Suggestion]:
        """A character in no word and in no pair of real text, not confusable with what a word
        there needs (ECSpell's 互粘网 → 互联网): the character that makes a common two-character
        word with a neighbour, at the ``OTHER_PENALTY``."""
        c, conf = s[i], self.confusion.get(s[i], {})
        near: set[str] = set()
        if i > 0:
            near |= self.first2.get(s[i - 1], frozenset())
        if i + 1 < len(s):
            near |= self.last2.get(s[i + 1], frozenset())
        a, b = max(0, i - WINDOW), min(len(s), i + WINDOW + 1)
        best: tuple[float, str] | None = None
        for x in sorted(near - conf.keys() - {c}):  # sorted: ties go the same way every run
            gain = self.score(s[a:i] + x + s[i + 1 : b]) - around(a, b) - OTHER_PENALTY
            if gain > 0 and (best is None or gain > best[0]):
                best = (gain, x)
        if best:
            in_name = in_name and not self._makes_word(s, i, best[1])
            yield Suggestion(
                offset + i,
                offset + i + 1,
                c,
                best[1],
                "other",
                best[0],
                char_gain=self.char_gain(s, i, best[1]),
                context=self.context_seen(s, i),
                in_name=in_name,
            )

    def _pair(self, s: str, i: int, around, written: int = 0) -> tuple[float, str] | None:
        """The best two-character word (seen 30+ times) both of whose characters ``s[i:i+2]``
        confuses, by the gain of the window; with ``written`` (the frequency of the word
        ``s[i:i+2]`` is, ``word_pair``), only a commoner word than it."""
        c1, c2 = self.confusion.get(s[i]), self.conf_keys.get(s[i + 1])
        if not c1 or not c2:
            return None
        a, b = max(0, i - WINDOW), min(len(s), i + WINDOW + 2)
        best = None
        for x, p1 in c1.items():
            ys = self.first2.get(x)
            if ys is None:
                continue
            for y in sorted(ys & c2):
                if written and self.freq[x + y] <= written:
                    continue
                pen = p1 + self.confusion[s[i + 1]][y] + 1.0
                gain = self.score(s[a:i] + x + y + s[i + 2 : b]) - around(a, b) - pen
                if gain > 0 and (best is None or gain > best[0]):
                    best = (gain, x + y)
        return best

    def _doubles(self, s: str, offset: int, words: list[int]) -> Iterator[Suggestion]:
        n, freq = len(s), self.freq
        for i in range(n - 1):
            for k in (1, 2, 3, 4):
                if i + 2 * k > n or s[i : i + k] != s[i + k : i + 2 * k]:
                    continue
                unit = s[i : i + k]
                if k == 1:
                    if self._doubled_char_ok(s, i):
                        continue
                elif (
                    unit not in freq
                    or unit[0] in NUMERALS
                    or s[i : i + 2 * k] in freq
                    or any(
                        s[i + k : i + 2 * k + m] in freq for m in (1, 2, 3) if i + 2 * k + m <= n
                    )
                ):
                    continue  # 乡镇乡镇长, 人民政府政府信息: the second copy starts a longer word
                elif (
                    unit[-1] in PLACE_SUFFIX
                    and i > 0
                    and s[i - 1 : i + k] in freq
                    and s[i - 1 : i + k - 1] in freq
                ):
                    continue  # 盐城市城市管理局: the first copy closes a place name (盐城 + 市)
                score = 5.0 if k > 1 and unit in REDUPLICABLE else 10.0
                yield Suggestion(
                    offset + i, offset + i + 2 * k, s[i : i + 2 * k], unit, "double", score
                )

    def _doubled_char_ok(self, s: str, i: int) -> bool:
        """``XX`` is fine inside a word (常常, 的的确确, 不了了之) or where a word ends at the first
        ``X`` or starts at the second (其中|中央, 目的|的)."""
        freq = self.freq
        for a in range(max(0, i - 3), i + 1):
            for b in range(i + 2, min(len(s), a + MAX_WORD) + 1):
                if s[a:b] in freq:
                    return True
        for a in range(max(0, i - 3), i):
            if s[a : i + 1] in freq:
                return True
        return any(s[i + 1 : b] in freq for b in range(i + 3, min(len(s), i + 5) + 1))

    def _extra_missing(self, s: str, offset: int) -> Iterator[Suggestion]:
        """A character too many inside a common term (行政法复议 → 行政复议) or one too few
        (齐齐哈市 → 齐齐哈尔市): never where the written form is itself a word."""
        freq, n = self.freq, len(s)
        for j in range(1, n - 1):
            if s[j] in NOT_EXTRA or s[j] in (s[j - 1], s[j + 1]):
                continue  # 发展和改革 is not 发展改革 written wrong; 队队 is for _doubles
            if self.seen(s[j : j + 2]):
                continue  # 为人民服务, 工作有部署, 依法进行政府: the character starts a pair of real
                # words or text, so it is written on purpose (行政法复议: 法复 is in no word)
            for size in (4, 5, 6):
                for k in range(1, size):
                    lo, hi = j - k, j + 1 + size - k
                    if lo < 0 or hi > n:
                        continue
                    term = s[lo:j] + s[j + 1 : hi]
                    if (
                        term in self.terms
                        and s[lo:hi] not in freq
                        and not self._covered(s, lo, hi, edges=False)
                        and not self._joins(s, j, lo, hi)
                    ):
                        yield Suggestion(offset + lo, offset + hi, s[lo:hi], term, "extra", 8.0)
        for lo in range(n):
            for size in (3, 4, 5):
                written = s[lo : lo + size]
                term = self.missing.get(written) if len(written) == size else None
                if term and not self._covered(s, lo, lo + size):
                    yield Suggestion(offset + lo, offset + lo + size, written, term, "missing", 8.0)

    def _joins(self, s: str, j: int, lo: int, hi: int) -> bool:
        """``s[j]`` belongs to a word of 3+ characters reaching out of ``s[lo:hi]`` (工作年度报告:
        度 is in 年度报告, not a character too many in 工作年报)."""
        freq = self.freq
        return any(
            s[a:b] in freq
            for a in range(max(0, j - MAX_WORD + 1), j + 1)
            for b in range(max(j + 1, a + 3), min(len(s), a + MAX_WORD) + 1)
            if a < lo or b > hi
        )

    def _covered(self, s: str, lo: int, hi: int, edges: bool = True) -> bool:
        """A word of 3+ characters covers ``s[lo:hi]``, or (``edges``) a common word crosses one
        of its edges: the written form is then a different correct phrase (其中|中央 is not
        中[共]中央)."""
        freq = self.freq
        for edge in (lo, hi) if edges else ():
            for a in range(max(0, edge - 3), edge):
                for b in range(edge + 1, min(len(s), a + 4) + 1):
                    if freq.get(s[a:b], 0) >= COVER_MIN_FREQ:
                        return True
        return any(
            s[a:b] in freq
            for a in range(max(0, lo - 3), lo + 1)
            for b in range(max(hi, a + 3), min(len(s), a + MAX_WORD) + 1)
        )


def _lines_joined(text: str, m: re.Match[str]) -> Iterator[list[tuple[int, int]]]:
    """The text spans (start, end) of each run to read: a line of prose broken inside a sentence
    (PDF text, pasted drafts: a long line ending without punctuation) goes on into the next line;
    short lines (menus, headings, table cells) stand alone."""
    group: list[tuple[int, int]] = []
    at = m.start()
    for piece in _PIECE.finditer(m.group()):
        if group:
            last = group[-1][1] - 1  # the group's last character: is its line a short one?
            if last - text.rfind("\n", 0, last) < WRAPPED_LINE:
                yield group
                group = []
        group.append((at + piece.start(), at + piece.end()))
    if group:
        yield group


def _offset(group: list[tuple[int, int]], k: int) -> int:
    """The text offset of character ``k`` of the run joined from ``group``'s spans."""
    for a, b in group:
        if k < b - a:
            return a + k
        k -= b - a
    raise IndexError(k)


def _moved(sg: Suggestion, start: int, end: int) -> Suggestion:
    """``sg`` at other offsets: ``dataclasses.replace`` without the cost of a frozen dataclass's
    ``__init__`` (a field at a time through ``object.__setattr__``), a run's suggestions being
    moved on every page that repeats the run."""
    moved = object.__new__(Suggestion)
    fields = moved.__dict__
    fields.update(sg.__dict__)
    fields["start"], fields["end"] = start, end
    return moved


class RunStore:
    """The model's results per run of text, kept in the inspection's cache folder
    (``typo-model.sqlite``) across inspections: a page that has not changed is not computed
    again, in whichever worker process it lands. Keyed by the model file's digest too, so a new
    model (or a change of the rules, ``RULES_VERSION``) never reads an old model's results."""

    def __init__(self, folder: str | Path, model_path: Path = MODEL) -> None:
        Path(folder).mkdir(parents=True, exist_ok=True)
        digest = hashlib.sha1(model_path.read_bytes())
        digest.update(RULES_VERSION.encode("ascii"))
        self.prefix = digest.digest()[:8]
        self.db = sqlite3.connect(
            str(Path(folder) / "typo-model.sqlite"), timeout=30, isolation_level=None
        )
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA synchronous=NORMAL")
        self.db.execute("CREATE TABLE IF NOT EXISTS runs (key BLOB PRIMARY KEY, found TEXT)")

    def _key(self, run: str) -> bytes:
        return self.prefix + hashlib.sha1(run.encode("utf-8")).digest()

    def get(self, run: str) -> tuple[Suggestion, ...] | None:
        row = self.db.execute("SELECT found FROM runs WHERE key=?", (self._key(run),)).fetchone()
        if row is None:
            return None
        return tuple(Suggestion(*fields) for fields in json.loads(row[0]))

    def put(self, run: str, found: tuple[Suggestion, ...]) -> None:
        value = json.dumps([astuple(sg) for sg in found], ensure_ascii=False)
        # busy beyond the timeout: not kept, computed again next time
        with contextlib.suppress(sqlite3.OperationalError):
            self.db.execute("INSERT OR REPLACE INTO runs VALUES (?, ?)", (self._key(run), value))


@functools.cache
def store(folder: str) -> RunStore:
    """One store per process and folder."""
    return RunStore(folder)


@functools.cache
def model() -> Model:
    """The process's model, loaded on first use (about two seconds, 170 MB)."""
    return Model()

"""Stage 3 — leaf rules: each 扣分标准 / 加分标准 cell drafted into faults and bonuses
(:func:`zwgk.rubric.draft.draft_rule`), or a marked placeholder when it cannot be."""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

from zwgk.rubric.draft import DraftedRule
from zwgk.rubric.importer.headers import squash
from zwgk.rubric.importer.tree import Leaf
from zwgk.rubric.numbers import fmt

_FAULT_TAIL = re.compile(
    r"[,，:：]?\s*(?:(?:每|如有|有|凡)?(?:少|缺少?|漏|出现|发现|开展)?\s*[一1]?\s*(?:处|件次|件|次|项|条|篇|起|份|周|个)?"
    r"\s*[,，]?\s*)?(?:扣除?|加|得)\s*\d+(?:\.\d+)?\s*分.*$"
)


def _clean(text: str) -> str:
    out = _FAULT_TAIL.sub("", squash(text)).strip(" ,，;；。:：")
    out = re.sub(r"^(?:\d{1,2}[.、]|[（(][一二三四五六七八九十\d]{1,3}[)）])\s*", "", out)
    out = out[:-1] if out.endswith("的") and len(out) > 2 else out
    return out or squash(text)


def leaf_dict(leaf: Leaf, pooled_child: bool, reasons: list[str]) -> dict[str, Any]:
    """The scoring keys of a leaf (points, range, faults, bonuses, caps) from its cells and rule."""
    rule = leaf.rule
    out: dict[str, Any] = {}
    if rule is not None and rule.needs_review:
        reasons.extend(rule.reasons or ["评分标准须人工确认"])
    pts, rng = leaf.points, leaf.range
    if rule is not None and rule.range is not None:
        if rng is not None and rng != rule.range:
            reasons.append(
                f"赋分栏区间{fmt(rng[0])}—{fmt(rng[1])}与条文区间{fmt(rule.range[0])}—{fmt(rule.range[1])}不一致（按赋分栏）"
            )
        rng = rng or rule.range
        if pts is not None and rng[1] != pts and leaf.range is None:
            reasons.append(
                f"赋分栏写{fmt(pts)}分，条文是区间{fmt(rng[0])}—{fmt(rng[1])}分（按条文区间）"
            )
    if rng is not None and not pooled_child:
        out["range"] = [rng[0], rng[1]]
        if rule is not None and (rule.faults or rule.bonuses):
            reasons.append("区间评分的指标另写了扣分或加分，未编码，须人工确认")
        return out
    faults = _faults(rule, reasons) if rule is not None else []
    bonuses = _bonuses(rule) if rule is not None else []
    if (
        rule is not None
        and rule.needs_review
        and not bonuses
        and re.search(r"加分酌情|酌情加分", leaf.bonus or leaf.text)
    ):
        bonuses = [{"text": _clean(leaf.bonus or leaf.text), "discretionary": True}]
    if rng is not None:
        reasons.append("共用分值的下级指标不能按区间评分，区间未编码")
    if pooled_child:
        if any(f.get("zeroes") for f in faults):
            reasons.append("共用分值的下级指标不能写“不得分”，该情形未编码")
            faults = [f for f in faults if not f.get("zeroes")]
        if not faults and not bonuses:
            faults = [
                {"text": _clean(leaf.text) if leaf.text else "原表评分标准", "discretionary": True}
            ]
            reasons.append("没有识别出扣分或加分：暂写为逐条酌定扣分")
        _put_rules(out, faults, bonuses, rule, None, reasons)
        return out
    if pts is None and faults:
        guess = rule.deduction_cap if rule is not None and rule.deduction_cap is not None else None
        amounts = [f["amount"] for f in faults if "amount" in f]
        how = "扣分上限"
        if guess is None and amounts and all("cap" in f for f in faults if "amount" in f):
            guess, how = (
                sum((f["cap"] for f in faults if "amount" in f), Decimal(0)),
                "各扣分情形合计",
            )
        if guess is not None and guess > 0:
            pts = guess
            reasons.append(f"原表没有写分值，暂按{how}{fmt(guess)}分计，须人工确认分值")
        else:
            reasons.append("原表没有写分值，无法确定：暂作只加分的占位指标，扣分情形未编码")
            faults = []
    if pts is None or pts == 0:
        if faults:
            reasons.append("赋分为0或空白，扣分情形未编码")
        if not bonuses:
            what = leaf.bonus or leaf.text
            bonuses = [
                {"text": _clean(what) if what else "原表未写评分标准", "discretionary": True}
            ]
            reasons.append("没有分值也没有可识别的加分标准：暂作酌情加分的占位指标")
        out["points"] = Decimal(0)
        _put_rules(out, [], bonuses, rule, None, reasons)
        return out
    out["points"] = pts
    if not faults:
        if bonuses:
            out["additive"] = True
            out["bonuses"] = _number_rules(bonuses, "b")
            reasons.append("有分值但只有加分情形：按从0分起算、最高得该项分值（additive）编码")
            if rule is not None and rule.bonus_cap is not None and rule.bonus_cap != pts:
                reasons.append(
                    f"加分上限{fmt(rule.bonus_cap)}分与赋分{fmt(pts)}分不同，按赋分为上限"
                )
            for b in out["bonuses"]:
                if b.get("cap") is not None and b["cap"] > pts:
                    del b["cap"]
            return out
        out["range"] = [Decimal(0), pts]
        if leaf.text or leaf.bonus:
            reasons.append(
                "有分值但没有可识别的扣分情形：暂作评分区间（0至赋分）的占位，须人工确定计分办法"
            )
        elif leaf.rule_column:
            reasons.append("扣分标准栏为空：暂作评分区间（0至赋分）的占位，须人工确定计分办法")
        # a table with no rule column at all is a rating table (随州: 测评要点 and 分值 only):
        # every leaf is rated 0..points, said once for the table (see _Assembler.table)
        return out
    _put_rules(out, faults, bonuses, rule, pts, reasons)
    return out


_PER_ITEM = re.compile(r"每(缺少|少|缺)一?项|(少|缺)一项")


def _faults(rule: DraftedRule, reasons: list[str]) -> list[dict[str, Any]]:
    out = []
    for f in rule.faults:
        d: dict[str, Any] = {"text": _clean(f.text)}
        if f.zeroes:
            d["zeroes"] = True
        elif f.amount is None:
            d["discretionary"] = True
            reasons.append(f"“{_clean(f.text)}”没有写明扣分：按逐条酌定扣分")
        else:
            d["amount"] = f.amount
            if f.per:
                d["per"] = f.per
            if f.cap is not None:
                d["cap"] = f.cap
            elif not f.per_occurrence and not f.elements:
                d["counting"] = "once"  # "未…的，扣2分"
            if f.per_occurrence and not f.elements and _PER_ITEM.search(f.text):
                d["counting"] = "item"  # "每少一项": the missing items are a set
            if f.elements:
                d["elements"] = list(dict.fromkeys(f.elements))
        out.append(d)
    return out


def _bonuses(rule: DraftedRule) -> list[dict[str, Any]]:
    out = []
    for b in rule.bonuses:
        d: dict[str, Any] = {"text": _clean(b.text), "amount": b.amount}
        if b.per:
            d["per"] = b.per
        if b.cap is not None:
            d["cap"] = b.cap
        out.append(d)
    return out


def _number_rules(rules: list[dict[str, Any]], prefix: str) -> list[dict[str, Any]]:
    return [{"id": f"{prefix}{i}", **r} for i, r in enumerate(rules, start=1)]


def _put_rules(
    out: dict[str, Any],
    faults: list[dict[str, Any]],
    bonuses: list[dict[str, Any]],
    rule: DraftedRule | None,
    pts: Decimal | None,
    reasons: list[str],
) -> None:
    if faults:
        cap = rule.deduction_cap if rule is not None else None
        if cap is not None and pts is not None and cap > pts:
            reasons.append(f"扣分上限{fmt(cap)}分超过赋分{fmt(pts)}分（按赋分为限）")
            cap = None
        if cap is not None:
            out["cap"] = cap
        limit = (
            min(x for x in (cap, pts) if x is not None)
            if (cap is not None or pts is not None)
            else None
        )
        for f in faults:
            if limit is not None and f.get("cap") is not None and f["cap"] > limit:
                del f["cap"]  # bounded by the indicator anyway
        out["faults"] = _number_rules(faults, "f")
    if bonuses:
        bcap = rule.bonus_cap if rule is not None else None
        for b in bonuses:
            if bcap is not None and b.get("cap") is not None and b["cap"] > bcap:
                del b["cap"]
        out["bonuses"] = _number_rules(bonuses, "b")
        if bcap is not None:
            out["bonus_cap"] = bcap

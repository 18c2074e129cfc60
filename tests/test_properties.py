"""Property tests: bounds, monotonicity, caps and ties hold for any set of facts."""

from __future__ import annotations

from decimal import Decimal as D

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.helpers import scheme, units
from tests.test_engine import BASE
from zwgk.scoring import BonusEvent, Facts, Finding, Metric, Rating, Status, VetoEvent, score

IX = scheme(BASE)
UNITS = units("甲镇:A", "乙镇:A", "丙镇:A", "丁镇:A", "区教育局:B:执法部门", "区统计局:B")
NAMES = [u.name for u in UNITS]
BY_NAME = {u.name: u for u in UNITS}
FAULTS = [(leaf.id, f.id) for t in IX.leaves.values() for leaf in t for f in leaf.faults]
BONUSES = [(leaf.id, b.id) for t in IX.leaves.values() for leaf in t for b in leaf.bonuses]
STATUSES = st.sampled_from([Status.CONFIRMED, Status.CONFIRMED, Status.PENDING, Status.DISMISSED])


@st.composite
def findings(draw):
    unit = draw(st.sampled_from(NAMES))
    indicator, fault = draw(st.sampled_from(FAULTS))
    if not IX.applies(indicator, BY_NAME[unit]):
        indicator, fault = "L8", "miss"
    elements = next(f.elements for f in IX.nodes[indicator].faults if f.id == fault)
    count = draw(st.integers(1, len(elements) if elements else 12))
    return Finding(unit, indicator, fault, count, status=draw(STATUSES))


@st.composite
def bonuses(draw):
    indicator, bonus = draw(st.sampled_from(BONUSES))
    return BonusEvent(
        draw(st.sampled_from(NAMES)),
        indicator,
        bonus,
        draw(st.integers(1, 6)),
        status=draw(STATUSES),
    )


@st.composite
def facts(draw):
    return Facts(
        findings=draw(st.lists(findings(), max_size=25)),
        bonuses=draw(st.lists(bonuses(), max_size=8)),
        ratings=[
            Rating(n, "L4", D(draw(st.integers(-3, 3))))
            for n in draw(st.lists(st.sampled_from(NAMES), unique=True, max_size=6))
        ],
        metrics=[
            Metric(n, "L6", D(draw(st.integers(0, 5))))
            for n in draw(st.lists(st.sampled_from(NAMES), unique=True, max_size=6))
        ],
        vetoes=[
            VetoEvent(n, v, draw(st.integers(1, 3)))
            for n, v in draw(
                st.lists(
                    st.tuples(
                        st.sampled_from(NAMES), st.sampled_from(["fake", "media", "serious"])
                    ),
                    max_size=3,
                )
            )
        ],
    )


@settings(max_examples=150, deadline=None)
@given(facts())
def test_scores_stay_within_bounds_and_caps(f):
    result = score(IX, UNITS, f)
    for u in result.units:
        assert u.total >= 0
        for node in u.nodes():
            spec = IX.nodes[node.id]
            if node.is_leaf and spec.range is not None:
                assert spec.range[0] <= node.earned <= spec.range[1]
            elif node.counted:
                assert D(0) <= node.earned <= node.max, node.id
            if spec.bonus_cap is not None:
                assert node.bonus <= spec.bonus_cap
            for fault in spec.faults:
                if fault.cap is not None:
                    taken = -sum(
                        (
                            ln.amount
                            for ln in node.lines
                            if ln.kind.value in ("deduct", "cap") and fault.text in ln.text
                        ),
                        D(0),
                    )
                    assert taken <= fault.cap or spec.cap is not None
            for bonus in spec.bonuses:
                if bonus.cap is not None:
                    got = sum(
                        (ln.amount for ln in node.lines if ln.is_bonus and bonus.text in ln.text),
                        D(0),
                    )
                    assert got <= bonus.cap


@settings(max_examples=150, deadline=None)
@given(facts(), findings())
def test_adding_a_confirmed_finding_never_raises_a_score(f, extra):
    before = score(IX, UNITS, f)
    extra = Finding(extra.unit, extra.indicator, extra.fault, extra.count, status=Status.CONFIRMED)
    after = score(
        IX,
        UNITS,
        Facts(
            findings=[*f.findings, extra],
            bonuses=f.bonuses,
            ratings=f.ratings,
            metrics=f.metrics,
            vetoes=f.vetoes,
        ),
    )
    for u in after.units:
        assert u.total <= before.unit(u.unit).total
        assert u.node(extra.indicator).earned <= before.unit(u.unit).node(extra.indicator).earned


@settings(max_examples=150, deadline=None)
@given(facts())
def test_ties_share_a_rank(f):
    result = score(IX, UNITS, f)
    for class_id, _ in result.classes:
        members = result.in_class(class_id)
        for u in members:
            assert u.rank == 1 + sum(1 for o in members if o.total > u.total)


@settings(max_examples=150, deadline=None)
@given(facts(), bonuses())
def test_every_leaf_explanation_adds_up(f, extra):
    result = score(
        IX,
        UNITS,
        Facts(
            findings=f.findings,
            bonuses=[*f.bonuses, extra],
            ratings=f.ratings,
            metrics=f.metrics,
            vetoes=f.vetoes,
        ),
    )
    pooled = {c.id for n in IX.nodes.values() if n.pooled for c in n.children}
    for u in result.units:
        for node in u.nodes():
            if not node.is_leaf or not node.counted or node.id in pooled:
                continue
            base = sum((ln.amount for ln in node.lines if not ln.is_bonus), D(0))
            bonus = sum((ln.amount for ln in node.lines if ln.is_bonus), D(0))
            assert node.max + base == node.earned, (u.unit, node.id)
            assert bonus == node.bonus, (u.unit, node.id)

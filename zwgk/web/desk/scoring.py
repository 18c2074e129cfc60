"""The glue between the recorded facts and the core: facts in, the core's results out (cached)."""

from __future__ import annotations

import threading
from decimal import Decimal

from zwgk.rubric import SchemeIndex
from zwgk.rubric.errors import FactsError, Problem
from zwgk.scoring.codec import decode_rows as check_facts
from zwgk.scoring.engine import score
from zwgk.scoring.facts import Facts
from zwgk.scoring.result import RoundResult
from zwgk.scoring.tabular import Row
from zwgk.web.desk.models import Fact
from zwgk.web.rounds.models import Round
from zwgk.web.rounds.services import core_unit, core_units

_cache: dict[int, tuple[tuple, RoundResult, list[Problem]]] = {}
_lock = threading.Lock()


def fact_row(fact: Fact, unit_name: str) -> Row:
    ref = f"记录#{fact.pk}" if fact.pk else "新记录"
    return Row(fact.fields(unit_name), "记录", fact.pk or 0, fact.section, ref)


def check_new_fact(index: SchemeIndex, rnd: Round, fact: Fact) -> list[str]:
    """Problems with one fact before it is saved (in Chinese), checked by the core."""
    try:
        check_facts(index, [core_unit(fact.unit)], [fact_row(fact, fact.unit.name)])
    except FactsError as exc:
        return [p.message for p in exc.problems]
    return []


def core_facts(rnd: Round, index: SchemeIndex) -> tuple[Facts, list[Problem]]:
    """All usable facts of a round; facts the scheme no longer accepts are reported, not scored."""
    names = dict(rnd.units.values_list("id", "name"))
    rows = [
        fact_row(f, names[f.unit_id])
        for f in Fact.objects.filter(round=rnd).exclude(status=Fact.Status.DISMISSED).order_by("id")
    ]
    units = core_units(rnd)
    try:
        return check_facts(index, units, rows), []
    except FactsError as exc:
        bad = {p.line for p in exc.problems}
        good = [r for r in rows if r.line not in bad]
        return check_facts(index, units, good), list(exc.problems)


def round_result(rnd: Round, *, fresh: bool = False) -> tuple[RoundResult, list[Problem]]:
    """The round's results, computed by the core and cached until the round's revision moves.

    ``fresh``: the caller read ``rnd`` from the database in this request and changed nothing
    since (a page that only reads), so its revision need not be read again.
    """
    with _lock:
        hit = _cache.get(rnd.pk)
    if not fresh:
        rnd.refresh_from_db(fields=["revision"])
    key = rnd.cache_key()
    if hit is not None and hit[0] == key:
        return hit[1], hit[2]
    index = rnd.scheme.index()
    facts, problems = core_facts(rnd, index)
    result = score(index, core_units(rnd), facts)
    with _lock:
        _cache[rnd.pk] = (key, result, problems)
    return result, problems


_derived: dict[tuple, object] = {}


def derived(rnd: Round, name: str, compute):
    """A value computed from the round's results, cached until the round's revision moves.

    Call it after :func:`round_result` in the same request: that call has just read the round's
    revision, which keys this cache too.
    """
    key = (rnd.cache_key(), name)
    with _lock:
        if key in _derived:
            return _derived[key]
    value = compute()
    with _lock:
        stale = [k for k in _derived if k[0][0] == rnd.pk and k[0] != key[0]]
        for k in stale:
            del _derived[k]
        _derived[key] = value
    return value


def class_averages(result: RoundResult, class_id: str) -> dict[str, Decimal]:
    """Average earned points per top-level section in a class (for charts)."""
    units = result.in_class(class_id)
    sums: dict[str, Decimal] = {}
    for u in units:
        for s in u.sections:
            sums[s.id] = sums.get(s.id, Decimal(0)) + s.earned + s.bonus
    return {k: v / len(units) for k, v in sums.items()} if units else {}

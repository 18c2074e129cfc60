"""Who may see and do what: every view asks here, nowhere else.

Roles: office admin (考核办, a staff user: every round), assessor (考核小组), leader (领导组) and unit
user (被考核单位: only its own unit), the last three by :class:`Membership` in a round. Someone
with no part in a round gets 404 (the round's existence is not disclosed); a member whose role
may not do something gets 403.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from django.core.exceptions import PermissionDenied
from django.db import connection
from django.http import Http404, HttpRequest

from zwgk.web import keyed
from zwgk.web.memo import Memo
from zwgk.web.rounds.models import Membership, Round, SchemeVersion, Unit

ADMIN = "admin"
ASSESSOR = Membership.Role.ASSESSOR.value
LEADER = Membership.Role.LEADER.value
UNIT = Membership.Role.UNIT.value
STAFF = (ADMIN, ASSESSOR, LEADER)  # everyone on the office side
ANY = (ADMIN, ASSESSOR, LEADER, UNIT)

ROLE_NAMES = {ADMIN: "考核办", ASSESSOR: "考核小组", LEADER: "领导组", UNIT: "被考核单位"}


@dataclass(frozen=True)
class Access:
    user: object
    round: Round
    role: str
    unit: Unit | None  # the unit user's own unit

    @property
    def role_name(self) -> str:
        return ROLE_NAMES[self.role]

    @property
    def is_staff_side(self) -> bool:
        return self.role in STAFF

    @property
    def can_record(self) -> bool:
        return self.role in (ADMIN, ASSESSOR)

    def unit_or_404(self, unit_id: int) -> Unit:
        """A unit of this round the user may see: unit users only their own."""
        if self.role == UNIT:
            if self.unit is None or self.unit.pk != unit_id:
                raise Http404
            return self.unit
        unit = keyed.get(Unit, unit_id)
        if unit is None or unit.round_id != self.round.pk:
            raise Http404
        return unit


def role_in(user, round: Round) -> tuple[str, Unit | None] | None:
    """The user's role in a round (and their unit), or None."""
    if not user.is_authenticated or not user.is_active:
        return None
    if user.is_staff:
        return ADMIN, None
    m = Membership.objects.select_related("unit").filter(round=round, user=user).first()
    if m is None:
        return None
    return m.role, m.unit


_schemes: Memo[SchemeVersion] = Memo(256)


def _attach_scheme(rnd: Round) -> None:
    """Give the round its scheme version (without the text, which the index cache holds), read
    once per process: a round pins its version when it is created and a version never changes.
    Keyed by the round's identity too (as Round.cache_key), so a database restored or rebuilt
    under the same ids is read afresh."""
    rnd.scheme = _schemes.get(
        (rnd.pk, rnd.created_at, rnd.scheme_id),
        lambda: SchemeVersion.objects.defer("yaml_text").get(pk=rnd.scheme_id),
    )


@cache
def _member_round_sql() -> str:
    """The round with the caller's role and unit in it: (round, user) is unique in Membership."""
    qn = connection.ops.quote_name
    return (
        f"SELECT {keyed.columns(Round, 'r')}, m.{qn('role')} AS member_role, "
        f"m.{qn('unit_id')} AS member_unit_id FROM {keyed.table(Round)} r "
        f"JOIN {keyed.table(Membership)} m ON m.{qn('round_id')} = r.{qn('id')} "
        f"WHERE r.{qn('id')} = %s AND m.{qn('user_id')} = %s"
    )


def access(request: HttpRequest, round_id: int, allowed: tuple[str, ...] = ANY) -> Access:
    """The caller's access to a round, or 404 (outsider) / 403 (role not allowed).

    One query (two for a unit user: the unit): the round, joined from the membership for
    everyone but the office, in SQL written once (zwgk/web/keyed.py: the ORM's compiling of the
    join cost more than the rest of the view); the round's scheme version comes from a
    per-process cache (joining it cost these pages about 7%).
    """
    user = request.user
    if not user.is_authenticated or not user.is_active:
        raise Http404
    unit = None
    if user.is_staff:
        rnd, role = keyed.get(Round, round_id), ADMIN
    else:
        rnd = keyed.first(Round, _member_round_sql(), [round_id, user.pk])
        role = rnd and rnd.member_role
    if rnd is None:
        raise Http404
    if role == UNIT:
        unit = rnd.member_unit_id and keyed.get(Unit, rnd.member_unit_id)
        if unit is None:
            raise Http404
    if role not in allowed:
        raise PermissionDenied
    _attach_scheme(rnd)
    return Access(request.user, rnd, role, unit)


def rounds_for(user) -> list[tuple[Round, str]]:
    """The rounds a user takes part in, with their role."""
    if not user.is_authenticated:
        return []
    if user.is_staff:
        return [(r, ADMIN) for r in Round.objects.select_related("scheme")]
    return [
        (m.round, m.role)
        for m in Membership.objects.select_related("round")
        .filter(user=user)
        .order_by("-round__year")
    ]

"""Who may see and do what: every view asks here, nowhere else.

Roles: office admin (考核办, a staff user: every round), assessor (考核小组), leader (领导组) and unit
user (被考核单位: only its own unit), the last three by :class:`Membership` in a round. Someone
with no part in a round gets 404 (the round's existence is not disclosed); a member whose role
may not do something gets 403.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404

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
        return get_object_or_404(Unit, pk=unit_id, round=self.round)


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


_schemes: dict[tuple, SchemeVersion] = {}


def _attach_scheme(rnd: Round) -> None:
    """Give the round its scheme version (without the text, which the index cache holds), read
    once per process: a round pins its version when it is created and a version never changes.
    Keyed by the round's identity too (as Round.cache_key), so a database restored or rebuilt
    under the same ids is read afresh."""
    key = (rnd.pk, rnd.created_at, rnd.scheme_id)
    scheme = _schemes.get(key)
    if scheme is None:
        scheme = SchemeVersion.objects.defer("yaml_text").get(pk=rnd.scheme_id)
        if len(_schemes) >= 256:
            _schemes.clear()
        _schemes[key] = scheme
    rnd.scheme = scheme


def access(request: HttpRequest, round_id: int, allowed: tuple[str, ...] = ANY) -> Access:
    """The caller's access to a round, or 404 (outsider) / 403 (role not allowed).

    One query: the round, joined from the membership for everyone but the office; the round's
    scheme version comes from a per-process cache (joining it cost these pages about 7%).
    """
    user = request.user
    if not user.is_authenticated or not user.is_active:
        raise Http404
    if user.is_staff:
        rnd = get_object_or_404(Round, pk=round_id)
        role, unit = ADMIN, None
    else:
        # (round, user) is unique: no ordering or limit to compile (.first() costs a fifth more)
        found = list(
            Membership.objects.select_related("round", "unit").filter(round_id=round_id, user=user)
        )
        if not found:
            raise Http404
        rnd, role, unit = found[0].round, found[0].role, found[0].unit
    if role == UNIT and unit is None:
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

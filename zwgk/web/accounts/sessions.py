"""``SESSION_ENGINE`` without Redis: Django's database sessions, the session read by key in SQL
written once (zwgk/web/keyed.py) instead of compiled on every request. Saving, deleting (logout)
and expiry are Django's: a logout still ends the session for every worker at once."""

from __future__ import annotations

from functools import cache

from django.contrib.sessions.backends import db
from django.contrib.sessions.models import Session
from django.db import connection
from django.utils import timezone

from zwgk.web.keyed import columns, first, table


@cache
def _live_session_sql() -> str:
    return (
        f"SELECT {columns(Session, 's')} FROM {table(Session)} s "
        "WHERE s.session_key = %s AND s.expire_date > %s"
    )


class SessionStore(db.SessionStore):
    def _get_session_from_db(self):
        now = connection.ops.adapt_datetimefield_value(timezone.now())
        found = first(Session, _live_session_sql(), [self.session_key, now])
        if found is None:
            self._session_key = None
        return found

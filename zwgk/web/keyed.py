"""The rows every page reads by key — the session, the signed-in user, the caller's part in a
round — in SQL written once per process instead of compiled by the ORM on every request.

Compiling a lookup by key costs the ORM 0.2–0.5 ms (0.5 ms for the membership joined to its
round and unit), several times what SQLite takes to answer it; these three reads were half of a
warm ranking or 评分表 request. ``Model.objects.raw`` still converts every column the way the ORM
does (dates, JSON), so the instances are the ORM's own; only the SQL is kept.
"""

from __future__ import annotations

from functools import cache

from django.db import connection
from django.db.models import Model


def table(model: type[Model]) -> str:
    return connection.ops.quote_name(model._meta.db_table)


def columns(model: type[Model], alias: str) -> str:
    """Every concrete column of ``model`` as ``alias.column``, in the model's field order."""
    qn = connection.ops.quote_name
    return ", ".join(f"{qn(alias)}.{qn(f.column)}" for f in model._meta.concrete_fields)


@cache
def by_pk(model: type[Model]) -> str:
    pk = connection.ops.quote_name(model._meta.pk.column)
    return f"SELECT {columns(model, 't')} FROM {table(model)} t WHERE t.{pk} = %s"


def first(model: type[Model], sql: str, params: list) -> Model | None:
    """The first instance ``sql`` (a raw query over ``model``'s table) returns, or None."""
    for obj in model._default_manager.raw(sql, params):
        return obj
    return None


def get(model: type[Model], pk) -> Model | None:
    """``model`` by primary key, or None (as ``objects.filter(pk=pk).first()`` without ordering);
    an integer key no column can hold is found nowhere, as the ORM has it (not a server error)."""
    key = model._meta.pk.get_prep_value(model._meta.pk.to_python(pk))
    if isinstance(key, int) and not -(2**63) <= key < 2**63:
        return None
    return first(model, by_pk(model), [key])

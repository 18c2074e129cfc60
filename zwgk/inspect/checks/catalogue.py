"""The check catalogue (检查项目录): ``catalogue.yaml`` is the one source of what checks exist.

Each entry names a check id, its Chinese title, what it looks at, its thresholds, its severity, why
it matters, and the module that emits it: a name in this package for the inspector's checks, a
dotted path (``zwgk.monitor.…``) for the checks the monitor evaluates from its history. A module may own several ids (it
declares them in ``CHECK_IDS``, or one in ``CHECK_ID``). The inspector runs the modules the
catalogue names: those with ``check_site(crawl, ctx)`` on the crawl, those with
``check_page(page, role, ctx)`` on every page. A module the catalogue names that cannot be
imported, or that does not declare the ids it is named for, is an error (``CatalogueError``),
never skipped. Checks read their thresholds from here (``thresholds(id)``).
"""

from __future__ import annotations

import functools
import importlib
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any

import yaml

from zwgk.inspect.model import Severity

CATALOGUE = Path(__file__).with_name("catalogue.yaml")
PACKAGE = "zwgk.inspect.checks"
FIELDS = ("id", "title", "looks_at", "thresholds", "severity", "why", "module")


class CatalogueError(RuntimeError):
    """The catalogue and the check modules disagree (a missing module, an undeclared id)."""


@dataclass(frozen=True)
class CheckInfo:
    """One catalogue entry (检查项): id, Chinese title, what it reads, thresholds, severity, why,
    and the module that emits it."""

    id: str
    title: str
    looks_at: str
    severity: Severity
    why: str
    module: str
    thresholds: dict[str, Any] = field(default_factory=dict)


def _entries(doc: Any) -> list[dict[str, Any]]:
    if isinstance(doc, dict):
        doc = doc.get("checks", [])
    return [e for e in doc or [] if isinstance(e, dict) and "id" in e]


@functools.cache
def catalogue() -> dict[str, CheckInfo]:
    doc = yaml.safe_load(CATALOGUE.read_text(encoding="utf-8"))
    out: dict[str, CheckInfo] = {}
    for e in _entries(doc):
        if not e.get("module"):
            raise CatalogueError(f"{CATALOGUE.name}：检查项 {e['id']} 没有写 module")
        if e["id"] in out:
            raise CatalogueError(f"{CATALOGUE.name}：检查项 {e['id']} 重复")
        out[e["id"]] = CheckInfo(
            id=e["id"],
            title=e.get("title", e["id"]),
            looks_at=e.get("looks_at", ""),
            severity=Severity(e.get("severity", "warning")),
            why=e.get("why", ""),
            module=str(e["module"]),
            thresholds=dict(e.get("thresholds") or {}),
        )
    return out


def info(check_id: str) -> CheckInfo:
    return catalogue()[check_id]


def thresholds(check_id: str) -> dict[str, Any]:
    return info(check_id).thresholds


def title_of(check_id: str) -> str:
    entry = catalogue().get(check_id)
    return entry.title if entry else check_id


def declared_ids(module: ModuleType) -> tuple[str, ...]:
    ids = getattr(module, "CHECK_IDS", None)
    if ids is None:
        one = getattr(module, "CHECK_ID", None)
        ids = (one,) if one else ()
    return tuple(ids)


def load_modules(prefix: str, required: tuple[str, ...]) -> tuple[ModuleType, ...]:
    """The modules the catalogue names under ``prefix`` (a package), imported once each, in
    catalogue order; each must exist, declare exactly the catalogue's ids it is named for, and
    have at least one of the functions in ``required``."""
    names: dict[str, list[str]] = {}
    for entry in catalogue().values():
        full = entry.module if "." in entry.module else f"{PACKAGE}.{entry.module}"
        if full.startswith(prefix + "."):
            names.setdefault(full, []).append(entry.id)
    out = []
    for full, ids in names.items():
        try:
            mod = importlib.import_module(full)
        except ModuleNotFoundError as exc:
            if exc.name != full:
                raise
            raise CatalogueError(
                f"检查项 {'、'.join(ids)} 的模块 {full} 不存在（见 {CATALOGUE.name}）"
            ) from None
        undeclared = set(ids) - set(declared_ids(mod))
        if undeclared:
            raise CatalogueError(
                f"模块 {full} 没有声明检查项 {'、'.join(sorted(undeclared))}（CHECK_ID 或 CHECK_IDS）"
            )
        extra = set(declared_ids(mod)) - set(catalogue())
        if extra:
            raise CatalogueError(
                f"模块 {full} 声明的检查项 {'、'.join(sorted(extra))} 不在 {CATALOGUE.name} 中"
            )
        if not any(hasattr(mod, f) for f in required):
            raise CatalogueError(f"模块 {full} 没有 {' 或 '.join(required)}")
        out.append(mod)
    return tuple(out)


@functools.cache
def modules() -> tuple[ModuleType, ...]:
    """The inspector's check modules (this package), imported once, in catalogue order."""
    return load_modules(PACKAGE, ("check_page", "check_site"))


def page_modules() -> tuple[ModuleType, ...]:
    """Modules with ``check_page(page, role, ctx)``: run on every page and attachment."""
    return tuple(m for m in modules() if hasattr(m, "check_page"))


def site_modules() -> tuple[ModuleType, ...]:
    """Modules with ``check_site(crawl, ctx)``: run once on each site's crawl."""
    return tuple(m for m in modules() if hasattr(m, "check_site"))

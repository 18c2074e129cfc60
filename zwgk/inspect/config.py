"""Site configuration — 网站检查配置 (YAML, documented in ``docs/inspect.md``).

One file lists the sites to inspect (per unit: its homepage and, optionally, its columns with a
type and a freshness rule) and the crawler settings. Without a column list the inspector
discovers the columns from the site's navigation and list pages.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import yaml

from zwgk.inspect.checks.catalogue import thresholds


def _rule_days() -> dict[str, int | None]:
    """Column types (栏目类型) and their default freshness rule in days (None: no rule); the days
    are the catalogue's thresholds of ``freshness-column-stale``."""
    t = thresholds("freshness-column-stale")
    return {
        "dynamic": int(t["dynamic_days"]),  # 动态/要闻: 2 weeks
        "notice": int(t["notice_days"]),  # 通知公告
        "policy": int(t["policy_days"]),  # 政策文件
        "key_area": int(t["key_area_days"]),  # 重点领域: one item a quarter
        "guide": None,  # 政府信息公开指南
        "org_functions": None,  # 机构职能
        "annual_report": None,  # 政府信息公开年报 (own check)
        "other": None,
    }


COLUMN_TYPES: dict[str, int | None] = _rule_days()

TYPE_WORDS: dict[str, str] = {
    "动态": "dynamic",
    "要闻": "dynamic",
    "通知公告": "notice",
    "政策文件": "policy",
    "重点领域": "key_area",
    "指南": "guide",
    "机构职能": "org_functions",
    "年报": "annual_report",
    "其他": "other",
}

# Column names → type, for discovery (first match wins; order matters).
NAME_HINTS: tuple[tuple[str, str], ...] = (
    ("年报", "annual_report"),
    ("年度报告", "annual_report"),
    ("指南", "guide"),
    ("机构职能", "org_functions"),
    ("机构设置", "org_functions"),
    ("领导信息", "other"),
    ("重点领域", "key_area"),
    ("通知公告", "notice"),
    ("公示公告", "notice"),
    ("通知", "notice"),
    ("公告", "notice"),
    ("政策文件", "policy"),
    ("规范性文件", "policy"),
    ("文件", "policy"),
    ("动态", "dynamic"),
    ("要闻", "dynamic"),
    ("新闻", "dynamic"),
    ("工作信息", "dynamic"),
)


def type_from_name(name: str) -> str:
    for word, kind in NAME_HINTS:
        if word in name:
            return kind
    return "other"


_RULE = re.compile(r"^\s*(\d+)\s*(d|天|w|周|m|个月)?\s*$")


def parse_rule(value: Any) -> int | None:
    """``2w``/``2周`` → 14, ``180d``/``180天`` → 180, ``quarter``/``季度`` → 92, ``none`` → None."""
    if value is None or value is False:
        return None
    if isinstance(value, int):
        return value
    text = str(value).strip().lower()
    if text in ("none", "无", "不检查", ""):
        return None
    if text in ("quarter", "季度", "每季度"):
        return 92
    if text in ("month", "月", "每月"):
        return 31
    m = _RULE.match(text)
    if not m:
        raise ValueError(f"无法识别的更新要求：{value!r}（可写 14d、2w、180天、quarter、none）")
    n = int(m.group(1))
    unit = m.group(2) or "d"
    return n * {"d": 1, "天": 1, "w": 7, "周": 7, "m": 30, "个月": 30}[unit]


@dataclass(frozen=True)
class Column:
    """Column — 栏目: a list page (or single page) with a type and a freshness rule in days."""

    name: str
    url: str
    type: str = "other"
    rule_days: int | None = None
    first_level: bool = True
    discovered: bool = False
    parent: str | None = None  # url of the column whose navigation listed it (discovery)
    render: bool = False  # render this column's list page in Chromium
    json_api: dict[str, Any] | None = None  # the column's JSON list endpoint, when not found


@dataclass(frozen=True)
class Settings:
    """Crawler settings (抓取设置); every field has a safe default for real government sites."""

    max_pages: int = 20000
    max_depth: int = 10
    concurrency: int = 4  # requests in flight per host
    rate: float = 5.0  # requests per second per host; 0 = unlimited
    robots: bool = True
    timeout: float = 15.0  # seconds for one request, body included
    max_body: int = 10 * 1024 * 1024  # bytes of a page
    max_attachment: int = 30 * 1024 * 1024  # bytes of an attachment
    max_redirects: int = 5
    retries: int = 3
    check_external: bool = True  # check links to other hosts (HEAD/GET, not crawled)
    attachments: bool = True
    # worker processes that parse and check pages and extract attachment text; -1 auto, 0 none
    attachment_workers: int = -1
    availability_probes: int = 3
    user_agent: str = "zwgk-inspector/0.1 (+政务公开网上检查)"
    max_query_variants: int = 50  # distinct query strings per path (trap avoidance)
    max_url_length: int = 512
    cache_dir: str | None = None
    max_list_pages: int = 100  # per column: script-built list pages, dataproxy / JSON requests
    render: bool = False  # render every column list page in Chromium (see docs/inspect.md)
    render_pages: int = 50  # at most this many rendered pages per site
    render_timeout: float = 20.0  # seconds for one rendered page
    chromium: str = "/usr/bin/chromium"  # Debian's Chromium; never a downloaded browser
    # False: only the homepage and the columns' list pages (the monitor's daily freshness pass).
    follow_articles: bool = True


@dataclass(frozen=True)
class Site:
    """Site — 被检查网站: one unit's site."""

    name: str
    unit: str
    homepage: str
    site_id: str | None = None  # 网站标识码
    unit_kind: str = "department"  # department (年报 by 1/31) | government (by 3/31)
    hosts: tuple[str, ...] = ()  # extra hosts that count as the site
    columns: tuple[Column, ...] = ()
    discover: bool = True  # also discover columns from the navigation (default: no column list)
    dismissals: frozenset[str] = frozenset()
    options: dict[str, Any] = field(default_factory=dict)
    settings: Settings = field(default_factory=Settings)

    @property
    def site_hosts(self) -> frozenset[str]:
        return frozenset({host_of(self.homepage), *(h.lower() for h in self.hosts)})


@dataclass(frozen=True)
class Config:
    sites: tuple[Site, ...]
    today: dt.date | None = None
    source: str = ""


def host_of(url: str) -> str:
    return (urlsplit(url).netloc or "").lower()


class ConfigError(ValueError):
    pass


_SETTING_FIELDS = {f for f in Settings.__dataclass_fields__}


def _settings(raw: dict[str, Any] | None, base: Settings, where: str) -> Settings:
    if not raw:
        return base
    unknown = set(raw) - _SETTING_FIELDS
    if unknown:
        raise ConfigError(f"{where}: 不认识的设置 {', '.join(sorted(unknown))}")
    for key, value in raw.items():
        default = getattr(Settings, key)
        ok = (
            isinstance(value, bool)
            if isinstance(default, bool)
            else isinstance(value, (int, float)) and not isinstance(value, bool)
            if isinstance(default, (int, float))
            else value is None or isinstance(value, str)
        )
        if not ok:
            raise ConfigError(f"{where}: 设置 {key} 的值 {value!r} 类型不对")
    return replace(base, **raw)


def _json_api(raw: Any, where: str) -> dict[str, Any] | None:
    """A column's ``json_api``: a URL, or ``{url, method, data, page_param, first_page}``."""
    if raw is None:
        return None
    if isinstance(raw, str):
        raw = {"url": raw}
    if not isinstance(raw, dict) or not raw.get("url"):
        raise ConfigError(
            f"{where}: json_api 须为网址，或含 url 的设置（method、data、page_param）"
        )
    method = str(raw.get("method", "GET")).upper()
    if method not in ("GET", "POST"):
        raise ConfigError(f"{where}: json_api 的 method 只能是 GET 或 POST")
    if raw.get("data") is not None and not isinstance(raw["data"], dict):
        raise ConfigError(f"{where}: json_api 的 data 须为键值对")
    return {**raw, "method": method}


def _dismissals(raw: Any, base: Path) -> frozenset[str]:
    if not raw:
        return frozenset()
    if isinstance(raw, str):
        path = (base / raw) if not Path(raw).is_absolute() else Path(raw)
        if not path.exists():
            return frozenset()
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or []
        if isinstance(data, dict):
            data = data.get("dismissals", [])
        return frozenset(str(d["key"] if isinstance(d, dict) else d) for d in data)
    return frozenset(str(d["key"] if isinstance(d, dict) else d) for d in raw)


def parse_config(data: Any, base: Path = Path("."), source: str = "") -> Config:
    if not isinstance(data, dict) or "sites" not in data:
        raise ConfigError(f"{source}: 配置文件须有 sites 列表")
    defaults = _settings(data.get("settings"), Settings(), f"{source} settings")
    sites = []
    for i, raw in enumerate(data["sites"] or [], 1):
        where = f"{source} sites[{i}]"
        if not isinstance(raw, dict) or not raw.get("homepage"):
            raise ConfigError(f"{where}: 每个网站须有 homepage")
        homepage = str(raw["homepage"])
        if urlsplit(homepage).scheme not in ("http", "https"):
            raise ConfigError(f"{where}: homepage 须以 http:// 或 https:// 开头")
        columns = []
        for j, col in enumerate(raw.get("columns") or [], 1):
            if not isinstance(col, dict) or not col.get("url"):
                raise ConfigError(f"{where} columns[{j}]: 栏目须有 url")
            kind = str(col.get("type") or type_from_name(str(col.get("name", ""))))
            kind = TYPE_WORDS.get(kind, kind)
            if kind not in COLUMN_TYPES:
                raise ConfigError(
                    f"{where} columns[{j}]: 不认识的栏目类型 {kind!r}（{', '.join(COLUMN_TYPES)}）"
                )
            try:
                rule = parse_rule(col["update"]) if "update" in col else COLUMN_TYPES[kind]
            except ValueError as exc:
                raise ConfigError(f"{where} columns[{j}]: {exc}") from None
            columns.append(
                Column(
                    name=str(col.get("name") or col["url"]),
                    url=str(col["url"]),
                    type=kind,
                    rule_days=rule,
                    first_level=bool(col.get("first_level", True)),
                    render=bool(col.get("render", False)),
                    json_api=_json_api(col.get("json_api"), f"{where} columns[{j}]"),
                )
            )
        sites.append(
            Site(
                name=str(raw.get("name") or raw.get("unit") or homepage),
                unit=str(raw.get("unit") or raw.get("name") or homepage),
                homepage=homepage,
                site_id=str(raw["site_id"]) if raw.get("site_id") else None,
                unit_kind=str(raw.get("unit_kind", "department")),
                hosts=tuple(str(h).lower() for h in raw.get("hosts") or ()),
                columns=tuple(columns),
                discover=bool(raw.get("discover", not columns)),
                dismissals=_dismissals(raw.get("dismissals"), base),
                options=dict(raw.get("options") or {}),
                settings=_settings(raw.get("settings"), defaults, where),
            )
        )
    today = data.get("today")
    if isinstance(today, str):
        today = dt.date.fromisoformat(today)
    return Config(sites=tuple(sites), today=today, source=source)


def load_config(path: str | Path) -> Config:
    path = Path(path)
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise ConfigError(f"{path}: YAML 格式错误：{exc}") from None
    return parse_config(data, path.parent, str(path))


def config_for_url(url: str, **settings: Any) -> Config:
    host = host_of(url)
    site = Site(name=host, unit=host, homepage=url, settings=replace(Settings(), **settings))
    return Config(sites=(site,), source=url)

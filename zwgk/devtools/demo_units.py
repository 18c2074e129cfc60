"""Small unit websites for the 网站监测 demo (``python -m zwgk.web demo``): a few departments' and
a town's sites of about thirty pages each, served on 127.0.0.1 by the demo server
(``zwgk.devtools.demo_server``), with planted defects an office would find on real sites.

A site is a function of its profile, the day the demo was made (``epoch``) and the site's
"today": columns publish on fixed calendar days, so the sites go on updating while ``make run``
runs (a new 工作动态 item every few days), a column planted as stale stopped publishing five weeks
before the epoch and stays stale, a dead link fixed two days before the epoch is gone from later
inspections, a typo appears in an item published after it. Nothing is random at run time: the
same (profile, epoch, today) always gives the same pages.

Planted (by profile, see ``PROFILES``): a 身份证号 in a published list (``idcard``), a serious typo
(``typo``), a stale 工作动态 column (``stale``), dead links on the homepage (``dead-home``) and in
an article (``dead-link``, fixed before the epoch), a 指南 missing elements (``guide``), a blank
key-area column (``blank``). ``outage`` marks the site whose demo history has a night down.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import hashlib
import html
import json
import socket
import sys
from dataclasses import dataclass, field

from zwgk.devtools import demo_server
from zwgk.devtools.demo_site import _PNG, GUIDE_ELEMENTS, PHRASES

FIRST_PORT = 18601  # the demo picks free ports from here (127.0.0.1)
PORT_RANGE = 200


@dataclass(frozen=True)
class Profile:
    key: str  # short id, also the URL-safe name of the site
    unit: str  # the unit's name in the demo round
    name: str  # 网站名称
    owner: str  # 主办单位
    code: str  # 网站标识码
    defects: frozenset[str] = field(default_factory=frozenset)
    topics: tuple[str, ...] = ()


PROFILES = (
    Profile(
        "jyj", "区教育局", "XX区教育局网站", "XX区教育局", "4301000201",
        frozenset({"idcard", "dead-link"}),
        ("召开全区中小学安全工作会议", "开展秋季学期开学工作督导检查", "举办教师信息技术能力提升培训",
         "推进义务教育优质均衡发展", "开展校园食品安全专项检查", "组织全区中考备考工作研讨会"),
    ),
    Profile(
        "wtj", "区卫体局", "XX区卫生健康和体育局网站", "XX区卫生健康和体育局", "4301000202",
        frozenset({"stale", "typo"}),
        ("开展基本公共卫生服务项目督导", "召开冬春季传染病防控工作会议", "举办全民健身运动会",
         "推进家庭医生签约服务", "开展医疗机构规范管理专项检查", "组织义诊进社区活动"),
    ),
    Profile(
        "zhen1", "XX镇1", "XX镇人民政府网站", "XX镇人民政府", "4301000203",
        frozenset({"dead-home", "guide", "blank", "outage"}),
        ("召开村（社区）两委换届工作部署会", "开展人居环境整治集中行动", "推进高标准农田建设",
         "开展森林防火宣传", "召开安全生产大排查工作会议", "走访慰问困难群众"),
    ),
    Profile(
        "czj", "区财政局", "XX区财政局网站", "XX区财政局", "4301000204",
        frozenset(),
        ("召开预算绩效管理工作推进会", "开展惠民惠农财政补贴资金专项检查", "组织政府采购业务培训",
         "推进预决算公开工作", "召开国有资产管理工作会议", "开展财会监督专项行动"),
    ),
    Profile(
        "rsj", "区人社局", "XX区人力资源和社会保障局网站", "XX区人力资源和社会保障局", "4301000205",
        frozenset({"typo"}),
        ("举办春风行动专场招聘会", "开展保障农民工工资支付专项行动", "推进社保经办服务下沉",
         "组织职业技能等级认定", "召开就业创业工作推进会", "开展高校毕业生就业帮扶"),
    ),
)  # fmt: skip
BY_KEY = {p.key: p for p in PROFILES}

# Column id, name, type, update rule (days) for the spec, days between two items, items listed.
COLUMNS = (
    ("gzdt", "工作动态", "dynamic", "2周", 3, 6),
    ("tzgg", "通知公告", "notice", "180天", 11, 5),
    ("zcwj", "政策文件", "policy", "180天", 29, 4),
    ("zdly", "财政预决算", "key_area", "季度", 43, 3),
    ("xxgkzn", "政府信息公开指南", "guide", "不检查", 0, 0),
    ("jgzn", "机构职能", "org_functions", "不检查", 0, 0),
    ("xxgknb", "政府信息公开年报", "annual_report", "不检查", 0, 0),
)
NOTICE_TOPICS = ("关于做好元旦春节期间安全生产工作的通知", "关于开展政务公开专项检查的通知",
                 "关于公布行政权力事项清单的公告", "关于征求意见的公告", "关于调整办公时间的通知")  # fmt: skip
POLICY_TOPICS = ("实施方案", "管理办法", "工作要点", "考核细则")
KEY_TOPICS = ("部门预算公开", "部门决算公开", "“三公”经费预算说明", "政府采购意向公开")
STALE_DAYS = 38  # the stale column's newest item, before the epoch
TYPO = "攻府"  # serious: 攻府 → 政府 (and 中华人民共合国 on the 人社局 site)
ID_NUMBER = "360426199101010071"  # a valid 18-digit 身份证号 (checksum right), invented
ORG = ("机构名称：{owner}。", "机关职能：贯彻执行国家、省、市有关方针政策，负责本行业发展规划和管理工作。",
       "机构设置：内设办公室、业务科、法规科、财务科。", "办公地址：XX区人民路1号行政中心。",
       "办公时间：工作日上午8:30-12:00，下午14:30-17:30。", "联系方式：0000-1234500。",
       "负责人姓名：局长 王某某。", "领导分工：局长主持全面工作，副局长分管业务科、法规科。")  # fmt: skip
GUIDE_MISSING = ("传真号码", "办公时间")


def _pick(*key: object) -> int:
    return int.from_bytes(hashlib.blake2b(repr(key).encode(), digest_size=4).digest(), "big")


class UnitSite:
    """One unit's small site; ``today`` may be set (the demo replays past days), else the date."""

    def __init__(self, profile: Profile, epoch: dt.date, base: str = "http://127.0.0.1"):
        self.p = profile
        self.epoch = epoch
        self.base = base
        self.today: dt.date | None = None
        self.cols = {c[0]: c for c in COLUMNS}

    # -- content ------------------------------------------------------------------------------

    def day(self) -> dt.date:
        return self.today or dt.date.today()

    def dates(self, cid: str) -> list[dt.date]:
        """The column's items, newest first, as listed today (the first list page)."""
        _, _, _, _, every, n = self.cols[cid]
        if not every or (cid == "zdly" and "blank" in self.p.defects):
            return []
        last = self.day()
        if cid == "gzdt" and "stale" in self.p.defects:
            last = min(last, self.epoch - dt.timedelta(days=STALE_DAYS))
        phase = _pick(self.p.key, cid) % every
        d = last - dt.timedelta(days=(last.toordinal() - phase) % every)
        return [d - dt.timedelta(days=every * i) for i in range(n)]

    def title(self, cid: str, d: dt.date) -> str:
        k = _pick(self.p.key, cid, d.toordinal())
        if cid == "gzdt":
            return f"{self.p.owner}{self.p.topics[k % len(self.p.topics)]}"
        if cid == "tzgg":
            if self._idcard_day() == d:
                return f"关于{d.year}年家庭经济困难学生资助名单的公示"
            return NOTICE_TOPICS[k % len(NOTICE_TOPICS)]
        if cid == "zcwj":
            return f"{self.p.owner}关于印发{d.year}年度{POLICY_TOPICS[k % 4]}的通知"
        if cid == "zdly":
            return f"{self.p.owner}{d.year}年{KEY_TOPICS[k % 4]}"
        return ""

    def newest_on(self, cid: str, day: dt.date) -> dt.date | None:
        """The column's newest item as listed on ``day``."""
        saved, self.today = self.today, day
        try:
            items = self.dates(cid)
        finally:
            self.today = saved
        return items[0] if items else None

    def _idcard_day(self) -> dt.date | None:
        """The 通知公告 item that lists a full 身份证号: the newest one two weeks before the epoch."""
        if "idcard" not in self.p.defects:
            return None
        return self.newest_on("tzgg", self.epoch - dt.timedelta(days=15))

    def _typo_at(self) -> tuple[str, dt.date | None]:
        """Where the typo is: the 工作动态 item published just before the epoch (the full
        inspection a week earlier did not see it), or, on a site whose 工作动态 stopped, an older
        通知公告 item."""
        if "typo" not in self.p.defects:
            return "", None
        if "stale" in self.p.defects:
            return "tzgg", self.newest_on("tzgg", self.epoch - dt.timedelta(days=20))
        return "gzdt", self.newest_on("gzdt", self.epoch - dt.timedelta(days=1))

    def _typo_text(self) -> str:
        if self.p.key == "rsj":
            return "根据《中华人民共合国劳动合同法》有关规定，用人单位应当依法与劳动者订立书面劳动合同。"
        return f"会议要求，各单位要在区委、区{TYPO}的统一领导下，认真抓好各项工作落实。"

    def _dead_link_day(self) -> dt.date | None:
        """The 工作动态 item with a dead link, until two days before the epoch (then fixed)."""
        if "dead-link" not in self.p.defects or self.day() >= self.epoch - dt.timedelta(days=2):
            return None
        return self.newest_on("gzdt", self.epoch - dt.timedelta(days=15))

    # -- pages --------------------------------------------------------------------------------

    def _frame(self, title: str, body: str, meta: str = "") -> str:
        nav = "".join(
            f'<li><a href="/{cid}/">{name}</a></li>' for cid, name, *_ in COLUMNS if cid != "zdly"
        )
        nav += '<li><a href="/zdly/">重点领域</a></li>'
        return (
            f'<!DOCTYPE html><html><head><meta charset="utf-8"><title>{html.escape(title)}_{self.p.name[:-2]}</title>'
            f'<meta name="SiteName" content="{self.p.name[:-2]}"><meta name="SiteDomain" content="{self.base}">'
            f'<meta name="SiteIDCode" content="{self.p.code}">{meta}</head><body>'
            f'<div class="header"><a href="/">首页</a> {self.p.name[:-2]}</div><ul class="nav">{nav}</ul>'
            f'<div class="main">{body}</div>'
            f'<div class="footer"><img src="/img/dzjg.png" alt="党政机关网站标识">主办单位：{self.p.owner}　网站标识码：{self.p.code}　'
            f"湘ICP备05001234号　湘公网安备 43010202000123号</div></body></html>"
        )  # fmt: skip

    def _home(self) -> str:
        rows = []
        for cid in ("gzdt", "tzgg"):
            for d in self.dates(cid)[:5]:
                rows.append(
                    f'<li><a href="/{cid}/{d:%Y%m%d}.html">{html.escape(self.title(cid, d))}</a>'
                    f"<span>[{d:%m-%d}]</span></li>"
                )
        links = (
            '<li><a href="/zcwj/">政策文件</a></li><li><a href="/xxgkzn/">政府信息公开指南</a></li>'
        )
        if "dead-home" in self.p.defects:
            links += '<li><a href="/zt/2022ylh/">2022年两会专题</a></li><li><a href="/bsfw/old.html">办事服务（旧版）</a></li>'
        return self._frame(
            "首页", f'<h2>最新信息</h2><ul class="news">{"".join(rows)}</ul><ul class="links">{links}</ul>'
        )  # fmt: skip

    def _list(self, cid: str) -> str:
        _, name, kind, *_ = self.cols[cid]
        if kind == "guide":
            paras = "".join(
                f"<p>{v.replace('XX区人民政府办公室', self.p.owner)}</p>"
                for k, v in GUIDE_ELEMENTS.items()
                if "guide" not in self.p.defects or k not in GUIDE_MISSING
            )
            return self._frame(name, f"<h1>{self.p.owner}政府信息公开指南</h1>{paras}")
        if kind == "org_functions":
            paras = "".join(f"<p>{v.format(owner=self.p.owner)}</p>" for v in ORG)
            return self._frame(name, f"<h1>{self.p.owner}机构职能</h1>{paras}")
        if kind == "annual_report":
            y = self.day().year
            rows = "".join(
                f'<li><a href="/xxgknb/{year}.html">{self.p.owner}{year}年政府信息公开工作年度报告</a>'
                f"<span>{year + 1}-01-20</span></li>"
                for year in (y - 1, y - 2, y - 3)
                if dt.date(year + 1, 1, 20) <= self.day()
            )
            return self._frame(name, f'<h1>{name}</h1><ul class="list">{rows}</ul>')
        items = self.dates(cid)
        if not items:
            return self._frame(name, f"<h1>{name}</h1><p>暂无信息</p>")
        rows = "".join(
            f'<li><a href="/{cid}/{d:%Y%m%d}.html">{html.escape(self.title(cid, d))}</a>'
            f"<span>{d.isoformat()}</span></li>"
            for d in items
        )
        return self._frame(name, f'<h1>{name}</h1><ul class="list">{rows}</ul>')

    def _article(self, cid: str, d: dt.date) -> str | None:
        if d not in self.dates(cid):
            return None  # not (or no longer) published: off the list, off the site
        title = self.title(cid, d)
        k = _pick(self.p.key, cid, d.toordinal(), "body")
        paras = [PHRASES[(k + i) % len(PHRASES)] + PHRASES[(k + 3 * i + 1) % len(PHRASES)]
                 for i in range(2 + k % 3)]  # fmt: skip
        if cid == "tzgg" and self._idcard_day() == d:
            paras.append(
                f"经学校申请、教育局审核，拟资助学生如下：1. 王某某，身份证号码：{ID_NUMBER}，资助金额1000元。"
            )
        if self._typo_at() == (cid, d):
            paras.append(self._typo_text())
        if cid == "gzdt" and self._dead_link_day() == d:
            paras.append('相关阅读：<a href="/gzdt/hyjy.html">会议纪要全文</a>')
        meta_box = (
            f'<ul class="xxgk-meta"><li>索引号：{self.p.code[:6]}/{d.year}-{d:%m%d}{cid}</li>'
            f"<li>发布机构：{self.p.owner}</li><li>发布日期：{d.isoformat()}</li>"
            f"<li>主题分类：{self.cols[cid][1]}</li></ul>"
        )
        meta = (
            f'<meta name="ColumnName" content="{self.cols[cid][1]}">'
            f'<meta name="ArticleTitle" content="{html.escape(title)}">'
            f'<meta name="PubDate" content="{d.isoformat()} 09:00">'
        )
        body = f"<h1>{html.escape(title)}</h1>{meta_box}" + "".join(f"<p>{p}</p>" for p in paras)
        return self._frame(title, body, meta)

    def _report(self, year: int) -> str | None:
        if not dt.date(year + 1, 1, 20) <= self.day() or year < self.day().year - 3:
            return None
        title = f"{self.p.owner}{year}年政府信息公开工作年度报告"
        body = (
            f'<h1>{title}</h1><ul class="xxgk-meta"><li>索引号：{self.p.code[:6]}/{year + 1}-0120nb</li>'
            f"<li>发布机构：{self.p.owner}</li><li>发布日期：{year + 1}-01-20</li></ul><p>一、总体情况。{PHRASES[0]}</p><p>二、主动公开政府信息情况。</p>"
            "<p>三、收到和处理政府信息公开申请情况。</p><p>四、政府信息公开行政复议、行政诉讼情况。</p>"
            "<p>五、存在的主要问题及改进情况。</p><p>六、其他需要报告的事项。</p>"
        )
        return self._frame(title, body)

    def render(
        self, path: str, query: str = "", method: str = "GET", body: bytes = b""
    ) -> tuple[int, str, bytes]:
        page: str | None = None
        if path in ("/", "/index.html"):
            page = self._home()
        elif path == "/img/dzjg.png":
            return 200, "image/png", _PNG
        elif path == "/robots.txt":
            return 200, "text/plain", b"User-agent: *\nDisallow: /admin/\n"
        else:
            parts = path.strip("/").split("/")
            if parts[0] in self.cols and len(parts) == 1:
                page = self._list(parts[0])
            elif parts[0] in self.cols and len(parts) == 2 and parts[1].endswith(".html"):
                stem = parts[1][:-5]
                try:
                    if parts[0] == "xxgknb":
                        page = self._report(int(stem))
                    else:
                        page = self._article(parts[0], dt.datetime.strptime(stem, "%Y%m%d").date())
                except ValueError:
                    page = None
        if page is None:
            return (
                404,
                "text/html; charset=utf-8",
                b"<html><body><h1>404 Not Found</h1></body></html>",
            )
        return 200, "text/html; charset=utf-8", page.encode("utf-8")


def site_spec(profile: Profile, port: int) -> dict:
    """What the office registers for the site (``MonitoredSite`` fields; see the demo)."""
    base = f"http://127.0.0.1:{port}"
    columns = [
        {"name": name, "url": f"{base}/{cid}/", "type": kind, "update": rule}
        for cid, name, kind, rule, *_ in COLUMNS
    ]
    return {
        "name": profile.name,
        "homepage": base + "/",
        "site_code": profile.code,
        "columns": columns,
    }


def free_ports(n: int, first: int = FIRST_PORT) -> list[int]:
    """``n`` ports on 127.0.0.1 nobody listens on, from ``first`` on."""
    out = []
    for port in range(first, first + PORT_RANGE):
        with socket.socket() as s:
            try:
                s.bind(("127.0.0.1", port))
            except OSError:
                continue
        out.append(port)
        if len(out) == n:
            return out
    raise RuntimeError(f"127.0.0.1 上 {first}–{first + PORT_RANGE} 没有足够的空闲端口")


async def _start(sites: list[tuple[UnitSite, int]]) -> list[asyncio.base_events.Server]:
    servers = []
    try:
        for site, port in sites:
            servers.append(await demo_server.start_server(site, port=port))  # type: ignore[arg-type]
    except OSError:  # a port taken meanwhile: let go of the others
        for s in servers:
            s.close()
        raise
    return servers


class ServedUnits(demo_server.Background):
    """Serve unit sites on their ports in a background thread: ``with ServedUnits(sites):``."""

    def __init__(self, sites: list[tuple[UnitSite, int]]):
        self.sites = sites

    async def start(self) -> list:
        return await _start(self.sites)

    def __enter__(self) -> ServedUnits:
        self.open()
        return self


def serve_forever(specs: list[dict]) -> None:
    """Serve the sites of ``specs`` (``[{"key", "port", "epoch"}]``) until killed; a port that
    cannot be bound is reported and skipped."""

    async def main() -> None:
        servers = []
        for spec in specs:
            site = UnitSite(BY_KEY[spec["key"]], dt.date.fromisoformat(spec["epoch"]))
            try:
                servers.append(await demo_server.start_server(site, port=int(spec["port"])))  # type: ignore[arg-type]
            except OSError as exc:
                print(
                    f"演示网站 {site.p.name} 无法在端口 {spec['port']} 启动：{exc}", file=sys.stderr
                )
        if servers:
            await asyncio.gather(*(s.serve_forever() for s in servers))

    asyncio.run(main())


if __name__ == "__main__":  # python -m zwgk.devtools.demo_units '<json specs>'
    serve_forever(json.loads(sys.argv[1]))

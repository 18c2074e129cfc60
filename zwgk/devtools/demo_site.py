"""The test world: a realistic government site generated from a seed and served from memory on
127.0.0.1, with planted, recorded defects (``manifest()``).

Pages are computed on request from (seed, path), so a 100,000-page site costs no memory. Columns
with dated, paginated list pages; articles with 索引号/发布机构/发布日期 and meta tags; attachments
(pdf, docx, xlsx); GBK pages (with and without a declared charset) beside UTF-8 ones. Planted:
stale and blank columns, dead links (homepage, internal, external, soft 404), 身份证号 valid /
invalid / masked and mobile numbers (pages and attachments), 统一社会信用代码 (never personal),
serious typos from ``../shared/data/typos/``, 指南 elements missing, article metadata missing,
last year's annual report missing. Every response carries a ``LinkChecker`` header so LinkChecker
does not throttle itself.

A share of the columns use each CMS convention (``zwgk.devtools.demo_cms``): TRS script pagers,
Hanweb datastores with a POST-only dataproxy, JSON-fed lists, a list only a browser can build, and
articles that link by ``onclick``/``<iframe>``/``<area>``/``<embed>``; images may be missing. A
column whose list and articles carry no date is planted as ``freshness-column-undated``; one
whose list is undated but whose articles are dated must come out fresh. Every planted defect and
column carries its ``shape`` so that accuracy is measured per shape.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import html
import random
from dataclasses import dataclass, field
from typing import Any

from zwgk.devtools import demo_cms
from zwgk.devtools.attachments import make_attachment
from zwgk.inspect.checks.annual_report import deadline

SITE_NAME = "XX区人民政府"
UNIT = "XX区人民政府办公室"
SITE_ID = "4301000001"
PER_PAGE = 20

# Serious typos (wrong → right), as reported in official inspection notices (../shared/data/typos/).
TYPOS = (
    ("攻府", "政府"),
    ("中共人民共和国", "中华人民共和国"),
    ("中华人民共合国", "中华人民共和国"),
    ("中华人民大和国", "中华人民共和国"),
    ("齐齐哈市", "齐齐哈尔市"),
    ("秸杆", "秸秆"),
)
VALID_IDS = ("360426199101010071", "44011320141005001X", "11010519491231002X", "34052419800101001X")
INVALID_IDS = ("340524198001010013", "36042619910102009X", "360426199113010079")
MASKED_IDS = ("3604**********0071", "4401132014******1X")
USCC = ("91350100M000100Y43", "11100000000013127W")
MOBILES = ("13912345678", "18687654321", "15011112222")

PHRASES = (
    "为深入贯彻落实党中央、国务院决策部署，进一步推进政务公开标准化规范化建设，",
    "区政府召开常务会议，研究部署近期重点工作，会议强调要坚持以人民为中心的发展思想，",
    "各镇（街道）、区直各部门要高度重视，切实加强组织领导，确保各项任务落到实处。",
    "根据《中华人民共和国政府信息公开条例》有关规定，现将有关事项通知如下：",
    "全面提升基层政务公开水平，推动政务服务事项办理更加便捷高效，",
    "持续优化营商环境，扎实做好稳就业、保民生各项工作，",
    "加强农村人居环境整治，推进秸秆综合利用和禁烧工作，",
    "请各单位于规定时间内将有关材料报送区政务公开办公室。",
    "会议听取了全区安全生产工作情况汇报，对下一阶段工作作出安排。",
    "坚持依法行政，严格规范公正文明执法，不断提升政府治理能力。",
)
GUIDE_ELEMENTS = {
    "分类": "一、政府信息的分类：本机关主动公开的政府信息分为机构职能、政策文件、规划计划等类别。",
    "编排体系": "二、编排体系：政府信息按照主题分类和发布日期编排。",
    "获取方式": "三、获取方式：公民、法人或其他组织可以通过政府网站、政务公开专区查阅获取。",
    "名称": "四、工作机构名称：XX区人民政府办公室政务公开科。",
    "办公地址": "办公地址：XX区人民路1号行政中心3楼。",
    "办公时间": "办公时间：工作日上午8:30-12:00，下午14:30-17:30。",
    "联系电话": "联系电话：0000-1234567。",
    "传真号码": "传真号码：0000-1234568。",
    "互联网联系方式": "互联网联系方式：通过本网站“依申请公开”栏目在线提交。",
    "申请方式": "五、依申请公开：申请人可通过网上申请、信函申请、当面申请等方式提出。",
    "查阅场所": "六、查阅场所：XX区档案馆、XX区图书馆政府信息查阅点。",
}
GUIDE_MISSING = ("传真号码", "办公时间")
ORG_FIELDS = {
    "机关职能": "机关职能：负责区政府日常运转，协助区政府领导处理日常工作。",
    "机构设置": "机构设置：内设综合科、秘书科、政务公开科、督查室。",
    "办公地址": "办公地址：XX区人民路1号行政中心。",
    "办公时间": "办公时间：工作日上午8:30-12:00，下午14:30-17:30。",
    "联系方式": "联系方式：0000-1234500。",
    "负责人姓名": "负责人姓名：主任 王某某。",
}


# Which columns use which CMS convention (the rest are plain HTML lists).
SHAPES = {
    "zwyw": "trs",
    "zcwj": "trs",
    "bm2dt": "trs",
    "bm2gg": "trs",
    "zdly3": "trs",
    "bm3dt": "hanweb",
    "bm3gg": "hanweb",
    "bm5dt": "hanweb",
    "zdly4": "hanweb",
    "bm6dt": "json",
    "bm6gg": "json",
    "bm5gg": "json",
    "bm4dt": "onclick",
    "zdly2": "onclick",
    "gzdt": "onclick",
}


@dataclass
class Col:
    id: str
    name: str
    type: (
        str  # dynamic / notice / policy / key_area / guide / org_functions / annual_report / other
    )
    rule: int | None
    latest_age: int = 1  # days between today and the newest item
    n: int = 0  # articles
    blank: bool = False
    stale: bool = False
    encoding: str = "utf-8"  # "gbk" or "gb18030-undeclared"
    first_level: bool = True
    dept: str = UNIT
    shape: str = "plain"  # plain / trs / hanweb / json / render / onclick (see demo_cms)
    pager: str = "index"  # trs: "index" (index_1 is page 2) or "list" (list_2.shtml is page 2)
    json_style: str = "trs"  # json: "trs" (DOCTITLE…) or "camel" (title, url, publishTime)
    undated_list: bool = False  # list items without dates
    undated_articles: bool = False  # articles without a publication date

    @property
    def path(self) -> str:
        return f"/col/{self.id}/list.shtml" if self.pager == "list" else f"/col/{self.id}/"


@dataclass
class Defect:
    check: str  # exact check id (site-level) or family (privacy / wording / elements)
    url: str
    detail: str = ""
    referrer: str | None = None
    wrong: str | None = None
    suggested: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)
    shape: str = "site"  # the CMS shape of the column the defect lives in ("site": site-wide)


class DemoSite:
    """A generated site of about ``pages`` pages; ``base`` is set once it is served."""

    def __init__(
        self,
        pages: int = 500,
        seed: int = 1,
        today: dt.date | None = None,
        base: str = "http://127.0.0.1:8000",
        traps: bool = False,
    ):
        self.n_pages = max(150, pages)
        self.seed = seed
        self.today = today or dt.date.today()
        self.base = base.rstrip("/")
        self.traps = traps
        self.rng = random.Random(seed)
        self._att_cache: dict[str, bytes] = {}
        self._build()

    # -- structure ----------------------------------------------------------------------------

    def _build(self) -> None:
        r = self.rng
        cols = [
            Col("gzdt", "工作动态", "dynamic", 14),
            Col("zwyw", "政务要闻", "dynamic", 14),
            Col("tzgg", "通知公告", "notice", 180),
            Col("zcwj", "政策文件", "policy", 180),
            Col("zcjd", "政策解读", "other", None),
            Col("zdly", "重点领域信息公开", "other", None),
            Col("xxgkzn", "政府信息公开指南", "guide", None),
            Col("jgzn", "机构职能", "org_functions", None),
            Col("xxgknb", "政府信息公开年报", "annual_report", None),
        ]
        key_areas = ("财政预决算", "环境保护", "教育领域", "医疗卫生", "社会救助", "公共资源交易")
        key_cols = [
            Col(f"zdly{i}", name, "key_area", 92, first_level=False)
            for i, name in enumerate(key_areas, 1)
        ]
        depts = ("区教育局", "区财政局", "区卫生健康局", "区民政局", "区生态环境局", "区交通运输局")
        dept_cols = []
        for i, d in enumerate(depts, 1):
            enc = "gbk" if i % 3 == 1 else "gb18030-undeclared" if i % 3 == 2 else "utf-8"
            dept_cols.append(Col(f"bm{i}dt", f"{d}工作动态", "dynamic", 14, encoding=enc, dept=d))
            dept_cols.append(Col(f"bm{i}gg", f"{d}通知公告", "notice", 180, encoding=enc, dept=d))
        extra_cols = [
            Col("xwfb", "新闻发布", "dynamic", 14, undated_list=True),  # dated by its articles
            Col("ldhd", "领导动态", "dynamic", 14, undated_list=True, undated_articles=True),
            Col("rdzt", "热点专题", "dynamic", 14, shape="render"),
        ]
        self.cols = cols + key_cols + dept_cols + extra_cols
        self.by_id = {c.id: c for c in self.cols}
        for cid, shape in SHAPES.items():
            self.by_id[cid].shape = shape
        self.by_id["bm2gg"].pager = "list"
        self.by_id["bm5gg"].json_style = "camel"
        # Planted stale columns: 3 dynamic, 2 notice (first level), 1 key area → stale veto.
        for cid, age in (("zwyw", 35), ("bm2dt", 48), ("bm5dt", 90), ("bm3gg", 260)):
            self.by_id[cid].latest_age, self.by_id[cid].stale = age, True
        self.by_id["bm6gg"].latest_age, self.by_id["bm6gg"].stale = 400, True
        self.by_id["zdly3"].latest_age, self.by_id["zdly3"].stale = 130, True
        # Planted blank columns (3: vendor warning, below the veto).
        for cid in ("zdly5", "zdly6", "bm4gg"):
            self.by_id[cid].blank = True
        for c in self.cols:
            if not c.stale and c.rule:
                c.latest_age = r.randint(0, min(5, c.rule // 3))
        # Articles: spread the page budget over list columns.
        listed = [
            c
            for c in self.cols
            if c.type not in ("guide", "org_functions") and not c.blank and c.id != "zdly"
        ]
        budget = self.n_pages - 40
        per = max(3, int(budget / len(listed) / (1 + 1 / PER_PAGE + 0.05)))
        for c in listed:
            c.n = max(3, int(per * r.uniform(0.7, 1.3)))
        self.by_id["xxgknb"].n = 4
        # Scale to the requested size (attachments and list pages come on top of articles).
        articles = [c for c in listed if c.id != "xxgknb"]
        total = sum(c.n for c in articles)
        want = (self.n_pages - 40) / (1 + 1 / PER_PAGE + 1 / 25)
        for c in articles:
            c.n = max(3, round(c.n * want / total))
        # Every shape must need its convention: more than one TRS/JSON page, more records than a
        # Hanweb datastore holds; the rendered list is one page; the undated column is short.
        for c in articles:
            low = {"trs": 2 * PER_PAGE + 5, "json": 2 * PER_PAGE + 5, "hanweb": 60}.get(c.shape)
            if low:
                c.n = max(c.n, low)
        self.by_id["rdzt"].n = min(self.by_id["rdzt"].n, 18)
        self.by_id["ldhd"].n = min(self.by_id["ldhd"].n, 5)
        self._plant()

    def _rand(self, *key: object) -> random.Random:
        h = hashlib.blake2b(repr((self.seed, *key)).encode(), digest_size=8).digest()
        return random.Random(int.from_bytes(h, "big"))

    def _plant(self) -> None:
        """Choose articles that carry defects, shape by shape (every shape gets every kind);
        recorded in ``art_defects``, ``att_of`` and ``att_defects``."""
        self.art_defects: dict[tuple[str, int], list[tuple[str, Any]]] = {}
        self.att_of: dict[tuple[str, int], str] = {}
        self.att_defects: dict[str, list[tuple[str, Any]]] = {}
        r = random.Random(self.seed * 7919 + 1)
        serial = 0
        for shape in sorted({c.shape for c in self.cols}):
            arts = [
                (c.id, i)
                for c in self.cols
                if c.shape == shape and c.n and c.type != "annual_report"
                for i in range(c.n)
            ]
            if not arts:
                continue
            r.shuffle(arts)
            k = max(1, len(arts) // 40)
            kinds = (
                ["id_valid"] * k
                + ["id_invalid"] * k
                + ["id_masked"] * k
                + ["uscc"] * k
                + ["mobile"] * k
                + ["typo"] * (2 * k)
                + ["no_index"] * k
                + ["dead_internal"] * k
                + ["soft404"] * max(1, k // 2)
                + ["dead_external"] * max(1, k // 2)
                + ["dead_image"] * max(1, k // 2)
            )
            pos = 0
            for kind in kinds:
                key = arts[pos % len(arts)]
                pos += 1
                serial += 1
                if kind == "no_index" and self.by_id[key[0]].undated_articles:
                    continue  # those articles already miss their metadata
                self.art_defects.setdefault(key, []).append((kind, self._value(kind, key, serial)))
            # Attachments: one per ~25 articles; some carry a valid ID or mobile number.
            for j, key in enumerate(arts[pos : pos + max(3, len(arts) // 25)]):
                ext = (".pdf", ".docx", ".xlsx")[j % 3]
                name = f"/att/{key[0]}/{key[1]}{ext}"
                self.att_of[key] = name
                rr = self._rand("att", name)
                if j % 4 == 0:
                    self.att_defects[name] = [("id_valid", rr.choice(VALID_IDS))]
                elif j % 4 == 1:
                    self.att_defects[name] = [("id_masked", rr.choice(MASKED_IDS))]
                elif j % 4 == 2:
                    self.att_defects[name] = [("mobile", rr.choice(MOBILES))]

    def _value(self, kind: str, key: tuple[str, int], serial: int) -> Any:
        rr = self._rand("plant", key, kind)
        choices = {
            "id_valid": VALID_IDS,
            "id_invalid": INVALID_IDS,
            "id_masked": MASKED_IDS,
            "uscc": USCC,
            "mobile": MOBILES,
            "typo": TYPOS,
        }.get(kind)
        return rr.choice(choices) if choices else serial

    # -- helpers ------------------------------------------------------------------------------

    def art_path(self, cid: str, i: int) -> str:
        return f"/col/{cid}/art/{i}.html"

    def list_path(self, cid: str, page: int) -> str:
        return f"/col/{cid}/" if page == 0 else f"/col/{cid}/index_{page}.html"

    def art_date(self, c: Col, i: int) -> dt.date:
        gap = max(1, (700 if c.rule is None else max(c.rule, 30) * 3) // max(c.n, 1))
        gap = min(gap, 10)
        return self.today - dt.timedelta(days=c.latest_age + i * gap)

    def art_title(self, c: Col, i: int) -> str:
        rr = self._rand("title", c.id, i)
        if c.type == "annual_report":
            year = self.today.year - 2 - i
            return f"{c.dept}{year}年政府信息公开工作年度报告"
        topics = ("关于开展安全生产大检查的通知", "召开政务公开工作推进会", "2024年第三季度重点工作进展",
                  "关于印发实施方案的通知", "开展文明城市创建志愿服务活动", "推进乡村振兴重点项目建设")  # fmt: skip
        return f"{c.dept}{rr.choice(topics)}（第{i + 1}期）"

    def url(self, path: str) -> str:
        return self.base + path

    @property
    def ext_base(self) -> str:
        return self.base.replace("127.0.0.1", "localhost")

    # -- manifest -----------------------------------------------------------------------------

    def manifest(self, render: bool = True) -> dict[str, Any]:
        """Every planted defect and look-alike, with the shape it lives in. ``render``: the
        inspection renders the ``render``-shaped column; without it that column's articles are
        out of reach and the column itself is expected as ``freshness-column-undated``."""
        d: list[Defect] = []
        neg: list[Defect] = []
        home = self.url("/")
        reach = {c.id for c in self.cols if render or c.shape != "render"}
        for c in self.cols:
            col_url = self.url(c.path)
            if c.stale:
                d.append(
                    Defect(
                        "freshness-column-stale",
                        col_url,
                        f"{c.name} {c.latest_age}天",
                        shape=c.shape,
                    )
                )
            if c.blank:
                d.append(Defect("freshness-column-blank", col_url, c.name, shape=c.shape))
            if c.undated_articles or c.id not in reach:
                d.append(Defect("freshness-column-undated", col_url, c.name, shape=c.shape))
            if c.undated_articles:
                for i in range(c.n):
                    d.append(
                        Defect(
                            "elements",
                            self.url(self.art_path(c.id, i)),
                            "文章缺少发布日期",
                            extra={"missing": ["发布日期"]},
                            shape=c.shape,
                        )
                    )
        key = [
            c
            for c in self.cols
            if c.stale
            and (c.type == "dynamic" or (c.type in ("notice", "policy") and c.first_level))
        ]
        if len(key) >= 5 or sum(c.stale for c in self.cols) >= 10:
            d.append(Defect("freshness-stale-columns-veto", home))
        if sum(c.blank for c in self.cols) >= 3:
            d.append(Defect("freshness-blank-columns-veto", home))
        for p in ("/zt/2019lh/", "/xxgk/old-rules.html"):
            d.append(Defect("links-dead-homepage", self.url(p), "404", referrer=home))
        for (cid, i), items in sorted(self.art_defects.items()):
            if cid not in reach:
                continue
            shape = self.by_id[cid].shape
            page = self.url(self.art_path(cid, i))
            for kind, val in items:
                target = neg if kind in ("id_invalid", "id_masked", "uscc") else d
                target.append(self._defect(kind, val, cid, page, shape))
        for name, items in sorted(self.att_defects.items()):
            cid = name.split("/")[2]
            if cid not in reach:
                continue
            for kind, val in items:
                target = d if kind in ("id_valid", "mobile") else neg
                target.append(
                    Defect(
                        "privacy",
                        self.url(name),
                        f"附件 {kind} {val}",
                        extra={"kind": kind, "value": val, "attachment": True},
                        shape=self.by_id[cid].shape,
                    )
                )
        d.append(
            Defect(
                "elements",
                self.url(self.list_path("xxgkzn", 0)),
                "指南缺少要素",
                extra={"missing": list(GUIDE_MISSING)},
                shape="plain",
            )
        )
        year = self.today.year - 1
        if self.today > deadline(year, "government"):
            d.append(
                Defect(
                    "annual-report-missing", self.url(self.list_path("xxgknb", 0)), f"{year}年年报"
                )
            )
        return {
            "site": {"name": SITE_NAME, "unit": UNIT, "homepage": home, "site_id": SITE_ID, "unit_kind": "government"},
            "seed": self.seed,
            "today": self.today.isoformat(),
            "pages": self.page_count(),
            "render": render,
            "columns": [
                {"name": c.name, "url": self.url(c.path), "type": c.type, "update_days": c.rule, "first_level": c.first_level, "articles": c.n, "stale": c.stale, "blank": c.blank, "encoding": c.encoding, "shape": c.shape, "undated": c.undated_articles, "id": c.id}
                for c in self.cols
            ],
            "render_columns": [self.url(c.path) for c in self.cols if c.shape == "render"],
            "defects": [_defect_json(x) for x in d],
            "negatives": [_defect_json(x) for x in neg],
        }  # fmt: skip

    def _defect(self, kind: str, val: Any, cid: str, page: str, shape: str) -> Defect:
        privacy = {"id_valid": ("身份证号", "idcard"), "mobile": ("手机号码", "mobile")}
        if kind in privacy or kind in ("id_invalid", "id_masked", "uscc"):
            label, name = privacy.get(kind, (kind, kind))
            return Defect(
                "privacy", page, f"{label} {val}", extra={"kind": name, "value": val}, shape=shape
            )
        if kind == "typo":
            return Defect(
                "wording", page, f"{val[0]}→{val[1]}", wrong=val[0], suggested=val[1], shape=shape
            )
        if kind == "no_index":
            return Defect(
                "elements", page, "文章缺少索引号", extra={"missing": ["索引号"]}, shape=shape
            )
        if kind == "dead_internal":
            target = self.url(f"/col/{cid}/art/9{val:05d}.html")
            return Defect("links-dead", target, "404", referrer=page, shape=shape)
        if kind == "soft404":
            target = self.url(f"/info/{val}.html")
            return Defect("links-dead", target, "软404", referrer=page, shape=shape)
        if kind == "dead_external":
            target = f"{self.ext_base}/ext/gone-{val}.html"
            return Defect("links-dead-external", target, "404", referrer=page, shape=shape)
        if kind == "dead_image":
            target = self.url(f"/img/gone-{val}.png")
            return Defect("links-dead-resource", target, "404", referrer=page, shape=shape)
        raise ValueError(kind)

    def page_count(self) -> int:
        lists = sum(max(1, -(-c.n // PER_PAGE)) for c in self.cols)
        return 1 + lists + sum(c.n for c in self.cols) + len(self.att_of) + 3

    # -- rendering ----------------------------------------------------------------------------

    def _frame(self, title: str, body: str, c: Col | None = None, meta: str = "") -> str:
        charset = "gbk" if c and c.encoding == "gbk" else "utf-8"
        charset_tag = (
            "" if c and c.encoding == "gb18030-undeclared" else f'<meta charset="{charset}">'
        )
        nav, dept = self._navs
        return (
            f"<!DOCTYPE html><html><head>{charset_tag}<title>{html.escape(title)}_{SITE_NAME}</title>"
            f'<meta name="SiteName" content="{SITE_NAME}"><meta name="SiteDomain" content="{self.base}">'
            f'<meta name="SiteIDCode" content="{SITE_ID}">{meta}</head><body>'
            f'<div class="header"><a href="/">首页</a> {SITE_NAME}</div>'
            f'<ul class="nav">{nav}</ul><ul class="nav-dept">{dept}</ul>'
            f'<div class="main">{body}</div>'
            f'<div class="footer"><img src="/img/dzjg.png" alt="党政机关网站标识">主办单位：{UNIT}　网站标识码：{SITE_ID}　'
            f"湘ICP备05001234号　湘公网安备 43010202000123号</div></body></html>"
        )  # fmt: skip

    @functools.cached_property
    def _navs(self) -> tuple[str, str]:
        """The navigation of every page: first-level columns, then the departments' columns."""
        nav = "".join(
            f'<li><a href="{x.path}">{x.name}</a></li>'
            for x in self.cols
            if x.first_level and not x.id.startswith("bm")
        )
        dept = "".join(
            f'<li><a href="{x.path}">{x.name}</a></li>' for x in self.cols if x.id.startswith("bm")
        )
        return nav, dept

    def prerender(self) -> None:
        """Build every attachment now (python-docx and openpyxl take milliseconds a file), so
        that serving costs a benchmark's machine as little as possible."""
        for path in sorted(set(self.att_of.values())):
            self._attachment(path, keep=True)

    def render(
        self, path: str, query: str = "", method: str = "GET", body: bytes = b""
    ) -> tuple[int, str, bytes]:
        """(status, content type, body) for a request on the site host."""
        if path == demo_cms.PROXY:
            if method != "POST":
                return 405, "text/plain", b"POST only"
            return demo_cms.hanweb_proxy(self, query, body)
        if path in ("/", "/index.html"):
            return self._ok(self._home())
        if path == "/robots.txt":
            return 200, "text/plain", b"User-agent: *\nDisallow: /admin/\n"
        if path == "/img/dzjg.png":
            return 200, "image/png", _PNG
        if path == "/module/web/jpage/jquery.page.min.js":
            return 200, "application/javascript", b"/* jpage */"
        if path.startswith("/info/"):
            page = self._frame(
                "页面不存在", "<h1>404 页面不存在</h1><p>您访问的页面不存在或已被删除。</p>"
            )
            return self._ok(page)
        if path.startswith("/ext/ok"):
            return self._ok(self._frame("外部网站", "<p>外部网站页面。</p>"))
        if path == "/calendar" and self.traps:
            return self._ok(self._calendar(query))
        if path.startswith("/att/"):
            return self._attachment(path)
        parts = path.strip("/").split("/")
        if len(parts) == 4 and parts[:2] == ["api", "col"] and parts[3] == "list":
            return demo_cms.json_api(self, parts[2], query)
        if len(parts) >= 2 and parts[0] == "col" and parts[1] in self.by_id:
            c = self.by_id[parts[1]]
            if len(parts) == 2 or (len(parts) == 3 and not parts[2][0].isdigit()):
                page = self._list_page(c, parts[2] if len(parts) == 3 else "")
                if page is None or (page * PER_PAGE >= max(c.n, 1) and page):
                    return self._not_found()
                return self._ok(self._list(c, page), c)
            if len(parts) == 4 and parts[2] == "art":
                try:
                    i = int(parts[3].split(".")[0])
                except ValueError:
                    return self._not_found()
                if 0 <= i < c.n:
                    return self._ok(self._article(c, i), c)
        return self._not_found()

    @staticmethod
    def _list_page(c: Col, name: str) -> int | None:
        """0-based list page of ``name`` (``""``/``index.html``/``index_3.html``, or for a
        ``list`` pager ``list.shtml``/``list_2.shtml`` numbered from 1); None: no such page."""
        stem = "list" if c.pager == "list" else "index"
        ext = ".shtml" if c.pager == "list" else ".html"
        if name in ("", f"{stem}{ext}"):
            return 0 if (name or c.pager == "index") else None
        if c.shape in ("hanweb", "json", "render"):
            return None  # those lists have one page; the rest comes through their feed
        if not (name.startswith(stem + "_") and name.endswith(ext)):
            return None
        try:
            n = int(name[len(stem) + 1 : -len(ext)])
        except ValueError:
            return None
        if c.pager == "list":
            return n - 1 if n >= 2 else None
        return n if n >= 1 else None

    def not_found(self) -> tuple[int, str, bytes]:
        return self._not_found()

    def _ok(self, text: str, c: Col | None = None) -> tuple[int, str, bytes]:
        if c and c.encoding == "gbk":
            return 200, "text/html; charset=GBK", text.encode("gbk", "replace")
        if c and c.encoding == "gb18030-undeclared":
            return 200, "text/html", text.encode("gb18030", "replace")
        return 200, "text/html; charset=utf-8", text.encode("utf-8")

    def _not_found(self) -> tuple[int, str, bytes]:
        return 404, "text/html; charset=utf-8", b"<html><body><h1>404 Not Found</h1></body></html>"

    def _home(self) -> str:
        items = []
        for c in (self.by_id["gzdt"], self.by_id["tzgg"]):
            for i in range(min(8, c.n)):
                d = self.art_date(c, i)
                items.append(
                    f'<li><a href="{self.art_path(c.id, i)}">{self.art_title(c, i)}</a><span>[{d:%m-%d}]</span></li>'
                )
        extra = '<li><a href="/zt/2019lh/">2019年两会专题</a></li><li><a href="/xxgk/old-rules.html">旧版规章库</a></li>'
        extra += f'<li><a href="{self.ext_base}/ext/ok-gov.html">中国政府网</a></li><li><a href="/admin/login.html">后台</a></li>'
        if self.traps:
            extra += f'<li><a href="/calendar?date={self.today.isoformat()}">活动日历</a></li>'
        body = (
            f'<h2>最新动态</h2><ul class="news">{"".join(items)}</ul><ul class="links">{extra}</ul>'
        )
        return self._frame("首页", body)

    def _list(self, c: Col, page: int) -> str:
        if c.type == "guide":
            text = "".join(
                f"<p>{v}</p>" for k, v in GUIDE_ELEMENTS.items() if k not in GUIDE_MISSING
            )
            return self._frame(c.name, f"<h1>{SITE_NAME}政府信息公开指南</h1>{text}", c)
        if c.type == "org_functions":
            text = "".join(f"<p>{v}</p>" for v in ORG_FIELDS.values())
            return self._frame(c.name, f"<h1>{UNIT}机构职能</h1>{text}", c)
        sub = ""
        if c.id.startswith("zdly"):
            keys = [x for x in self.cols if x.id.startswith("zdly")]
            sub = (
                '<ul class="subnav">'
                + "".join(f'<li><a href="{x.path}">{x.name}</a></li>' for x in keys)
                + "</ul>"
            )
        if c.id == "zdly":
            intro = "<p>按照国务院办公厅要求，集中公开财政预决算、环境保护、教育、医疗卫生等重点领域信息。</p>"
            return self._frame(c.name, f"<h1>{c.name}</h1>{sub}{intro}", c)
        if c.blank or c.n == 0:
            return self._frame(c.name, f"<h1>{c.name}</h1>{sub}<p>暂无信息</p>", c)
        head = f"<h1>{c.name}</h1>{sub}"
        if c.shape == "hanweb":
            return self._frame(c.name, head + demo_cms.hanweb_list(self, c), c)
        if c.shape == "json":
            return self._frame(c.name, head + demo_cms.json_list(c), c)
        if c.shape == "render":
            return self._frame(c.name, head + demo_cms.render_list(self, c), c)
        start = page * PER_PAGE
        fmt = ("%Y-%m-%d", "%Y/%m/%d", "%Y年%m月%d日")[sum(map(ord, c.id)) % 3]
        rows = "".join(
            f'<li><a href="art/{i}.html">{self.art_title(c, i)}</a>'
            + ("" if c.undated_list else f"<span>{self.art_date(c, i).strftime(fmt)}</span>")
            + "</li>"
            for i in range(start, min(start + PER_PAGE, c.n))
        )
        pages = -(-c.n // PER_PAGE)
        if c.shape == "trs":
            pager = demo_cms.trs_pager(c, page, pages)
        else:
            pager = (
                '<div class="pager">'
                + " ".join(
                    f'<a href="{"index.html" if p == 0 else f"index_{p}.html"}">{p + 1}</a>'
                    for p in range(pages)
                )
                + "</div>"
            )
        return self._frame(c.name, f'{head}<ul class="list">{rows}</ul>{pager}', c)

    def _article(self, c: Col, i: int) -> str:
        rr = self._rand("art", c.id, i)
        d = self.art_date(c, i)
        title = self.art_title(c, i)
        defects = self.art_defects.get((c.id, i), [])
        kinds = {k for k, _ in defects}
        paras = [rr.choice(PHRASES) + rr.choice(PHRASES) for _ in range(rr.randint(2, 5))]
        extra = []
        for kind, val in defects:
            if kind in ("id_valid", "id_invalid"):
                extra.append(f"申请人：张某某，身份证号码：{val}，联系地址：XX区幸福路8号。")
            elif kind == "id_masked":
                extra.append(f"获奖人员：李某，身份证号：{val}。")
            elif kind == "uscc":
                extra.append(f"企业名称：XX建设有限公司，统一社会信用代码：{val}。")
            elif kind == "mobile":
                extra.append(f"报名联系人：赵某某，手机：{val}。")
            elif kind == "typo":
                extra.append(f"这是{val[0]}工作的重要内容，各单位要认真落实。")
            elif kind in ("dead_internal", "soft404", "dead_external", "dead_image"):
                extra.append(self._link(c, kind, val))
        paras += extra
        att = self.att_of.get((c.id, i))
        if att:
            label = f"{title}附件{att[-5:]}"
            if c.shape != "onclick":
                paras.append(f'附件：<a href="{att}">{label}</a>')
            elif i % 2:
                paras.append(f'附件：<embed src="{att}" type="application/pdf" title="{label}">')
            else:
                paras.append(
                    f'附件：<a href="javascript:void(0)" onclick="window.open(\'{att}\')">{label}</a>'
                )
        if c.type == "annual_report":
            paras = [f"{title}。一、总体情况。二、主动公开政府信息情况。"]
        index_no = "" if "no_index" in kinds else f"<li>索引号：{SITE_ID[:6]}/{d.year}-{i:05d}</li>"
        dated = not c.undated_articles
        metabox = (
            f'<ul class="xxgk-meta">{index_no}<li>发布机构：{c.dept}</li>'
            + (f"<li>发布日期：{d.isoformat()}</li>" if dated else "")
            + f"<li>主题分类：{c.name}</li></ul>"
        )
        body = f"<h1>{title}</h1>{metabox}" + "".join(f"<p>{p}</p>" for p in paras)
        meta = (
            f'<meta name="ColumnName" content="{c.name}"><meta name="ArticleTitle" content="{html.escape(title)}">'
            + (f'<meta name="PubDate" content="{d.isoformat()} 09:00">' if dated else "")
        )
        return self._frame(title, body, c, meta)

    def _link(self, c: Col, kind: str, val: int) -> str:
        """A planted dead link in an article: an ``<a>``, or in ``onclick`` columns the other ways
        pages link (``location.href`` in onclick, ``<iframe>``, ``<area>``)."""
        if kind == "dead_image":
            return f'<img src="/img/gone-{val}.png" alt="图片{val}">'
        target = {
            "dead_internal": f"/col/{c.id}/art/9{val:05d}.html",
            "soft404": f"/info/{val}.html",
            "dead_external": f"{self.ext_base}/ext/gone-{val}.html",
        }[kind]
        label = {
            "dead_internal": "相关阅读",
            "soft404": "原文链接",
            "dead_external": "上级部门网站",
        }[kind]
        if c.shape != "onclick":
            return f'<a href="{target}">{label}</a>'
        if kind == "dead_internal":
            return f'<span class="more" onclick="location.href=\'{target}\'">{label}</span>'
        if kind == "soft404":
            return f'<iframe src="{target}" title="{label}" width="600" height="80"></iframe>'
        return f'<map name="m{val}"><area shape="rect" coords="0,0,80,20" href="{target}" alt="{label}"></map>'

    def _calendar(self, query: str) -> str:
        try:
            day = dt.date.fromisoformat(query.split("date=", 1)[1][:10])
        except (IndexError, ValueError):
            day = self.today
        links = "".join(
            f'<a href="/calendar?date={(day + dt.timedelta(days=k)).isoformat()}">{k}</a> '
            for k in range(-3, 30)
        )
        return self._frame(f"活动日历 {day}", f"<p>{day} 无活动</p>{links}")

    def _attachment(self, path: str, keep: bool = False) -> tuple[int, str, bytes]:
        if path in self._att_cache:
            body = self._att_cache[path]
        else:
            try:
                _, _, cid, name = path.split("/")
                i = int(name.split(".")[0])
            except ValueError:
                return self._not_found()
            if self.att_of.get((cid, i)) != path:
                return self._not_found()
            lines = ["XX District notice attachment", f"Applicant list {cid}-{i}"]
            for kind, val in self.att_defects.get(path, []):
                if kind in ("id_valid", "id_masked"):
                    lines.append(f"Zhang San ID {val}")
                elif kind == "mobile":
                    lines.append(f"Contact mobile {val}")
            body = make_attachment(path[path.rfind(".") :], lines)
            if keep or len(self._att_cache) < 2000:
                self._att_cache[path] = body
        ctype = {
            ".pdf": "application/pdf",
            ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        }[path[path.rfind(".") :]]
        return 200, ctype, body


_PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082"
)


def site_entry(manifest: dict[str, Any], render: bool = True) -> dict[str, Any]:
    """The site's entry of an inspection configuration: discovery on, and the columns only a
    browser can read listed with their type, set to ``render`` (when ``render``)."""
    out = {**manifest["site"], "discover": True}
    out["columns"] = [
        {"name": c["name"], "url": c["url"], "type": c["type"], "render": render}
        for c in manifest["columns"]
        if c["shape"] == "render"
    ]
    return out


def _defect_json(d: Defect) -> dict[str, Any]:
    out: dict[str, Any] = {"check": d.check, "url": d.url, "detail": d.detail, "shape": d.shape}
    if d.referrer:
        out["referrer"] = d.referrer
    if d.wrong:
        out["wrong"], out["suggested"] = d.wrong, d.suggested
    out.update(d.extra)
    return out

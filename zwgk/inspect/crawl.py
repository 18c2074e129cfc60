"""The site crawler: breadth-first over one site with asyncio workers, column discovery, page
roles, link bookkeeping (referrers, homepage links, dead targets, resources) and trap avoidance.
Each fetched HTML page is handed to ``read`` (``read_page``: parsed and checked, in a worker process
when there are any, so that the crawler only fetches and keeps books) and each attachment's text
to ``on_page`` (the content checks); then they are dropped: memory holds only URLs, column states
and findings, never the pages.

A column's records are read wherever they live (``zwgk.inspect.cms``): its list page, the further
list pages its script-built pager states, a Hanweb datastore and its dataproxy pages, a JSON feed,
or — where a column is set to ``render`` — the list as Chromium renders it. Addresses derived from
a script are crawled but never reported as dead links (only what a page links to is); feed
requests count against the page budget and go through the per-host rate limit."""

from __future__ import annotations

import asyncio
import datetime as dt
import functools
import inspect
import re
import time
from collections import Counter
from collections.abc import Awaitable, Callable
from concurrent.futures import BrokenExecutor
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from zwgk.inspect.cms import (
    Feed,
    builds_list,
    configured_feed,
    datastore_records,
    hanweb,
    json_feeds,
    json_records,
    parse_json,
    script_pages,
)
from zwgk.inspect.config import COLUMN_TYPES, Column, Site, type_from_name
from zwgk.inspect.context import PageRole
from zwgk.inspect.discover import column_links, is_pagination
from zwgk.inspect.extract import (
    Parsed,
    Record,
    decode,
    extract_attachment,
    is_soft_404,
    parse_html,
)
from zwgk.inspect.fetch import Fetcher, Response
from zwgk.inspect.model import Finding, Page
from zwgk.inspect.render import Renderer
from zwgk.inspect.urls import (
    extension,
    host_key,
    is_attachment,
    is_skipped,
    looks_like_trap,
    normalise,
    pattern,
)
from zwgk.inspect.workers import Workers

ROLE_OF_TYPE = {
    "guide": PageRole.GUIDE,
    "org_functions": PageRole.ORG_FUNCTIONS,
    "annual_report": PageRole.ANNUAL_REPORT_LIST,
}
_HTML_TYPES = ("text/html", "application/xhtml", "text/plain", "")
_REPORT = re.compile(r"(20\d\d)\s*年?.{0,30}(年报|年度报告)")


@dataclass
class ColumnState:
    """What the crawl learnt about one column (栏目): its records wherever they live and their
    newest date. ``latest`` is the newest date read from the records themselves (list pages,
    datastore, data feed); ``article_latest`` the newest publication date of the articles the
    records link to (used when the records carry no date)."""

    column: Column
    status: int = 0
    error: str | None = None
    fetched: bool = False
    soft404: bool = False
    items: int = 0  # dated items on the column's first page
    records: int = 0  # records read anywhere (dated or not)
    sources: set[str] = field(
        default_factory=set
    )  # html, pages, datastore, dataproxy, json, render
    scripted: bool = False  # the page builds its list with a script the crawler could not read
    latest: dt.date | None = None
    article_latest: dt.date | None = None
    articles_read: int = 0  # articles of the column's records that were fetched
    record_urls: set[str] = field(default_factory=set)  # (at most 1000) for article dates
    page_blank: bool = False  # the list page itself shows nothing (no items, "暂无信息")
    main_text_len: int = 0
    links: list[tuple[str, str]] = field(default_factory=list)
    dates: list[dt.date] = field(default_factory=list)  # item dates on the list page, sorted

    @property
    def newest(self) -> dt.date | None:
        """The column's newest date: from its records, else from the articles they list."""
        return self.latest if self.latest is not None else self.article_latest

    @property
    def blank(self) -> bool:
        """Blank (空白栏目): the page shows nothing and no script-held source gave a record."""
        return self.page_blank and not (self.sources - {"html"}) and not self.scripted

    def take(self, records: list[Record], source: str, today: dt.date) -> None:
        self.records += len(records)
        if records:
            self.sources.add(source)
        dates = [r.date for r in records if r.date and r.date <= today + dt.timedelta(days=1)]
        self.dates = sorted(set(self.dates) | set(dates))
        if dates:
            newest = max(dates)
            self.latest = newest if self.latest is None else max(self.latest, newest)
            self.dates = sorted({*self.dates, *dates})
        for rec in records:
            if len(self.record_urls) >= 1000:
                break
            self.record_urls.add(rec.url)


@dataclass
class Probe:
    ok: bool
    status: int
    elapsed: float
    error: str | None = None


@dataclass
class Unreadable:
    """An attachment whose text could not be (fully) extracted."""

    url: str
    referrer: str | None
    note: str
    at: dt.datetime


@dataclass
class Dead:
    status: int
    reason: str
    external: bool


@dataclass
class SiteCrawl:
    """Everything the site-level checks need, without the pages themselves."""

    site: Site
    today: dt.date
    homepage_url: str
    homepage_status: int = 0
    homepage_error: str | None = None
    homepage_dates: list[dt.date] = field(default_factory=list)
    homepage_published: dt.date | None = None
    homepage_soft404: bool = False
    probes: list[Probe] = field(default_factory=list)
    columns: dict[str, ColumnState] = field(default_factory=dict)
    referrers: dict[str, list[str]] = field(default_factory=dict)
    ref_count: Counter[str] = field(default_factory=Counter)
    from_homepage: set[str] = field(default_factory=set)
    dead: dict[str, Dead] = field(default_factory=dict)
    reports: dict[int, tuple[str, str]] = field(default_factory=dict)  # year → (url, label)
    pages: int = 0  # HTML pages read
    urls: int = 0  # distinct URLs met (crawled, checked or skipped)
    attachments: int = 0
    not_extracted: int = 0
    unreadable: list[Unreadable] = field(default_factory=list)
    resources: set[str] = field(default_factory=set)  # targets only met as images/embeds
    script_pages: int = 0  # list pages known only from a script-built pager
    feed_requests: int = 0  # dataproxy / JSON requests made for columns' records
    feed_failures: int = 0
    rendered: int = 0  # pages rendered in Chromium
    render_seconds: float = 0.0
    render_error: str | None = None
    cache_hits: int = 0  # answered 304 Not Modified (incremental re-inspection)
    external_checked: int = 0
    skipped: Counter[str] = field(default_factory=Counter)
    findings: list[Finding] = field(default_factory=list)
    started: float = field(default_factory=time.monotonic)
    elapsed: float = 0.0


OnPage = Callable[[Page, PageRole], list[Finding] | Awaitable[list[Finding]]]
OnProgress = Callable[[int, int], None]


@dataclass(frozen=True, slots=True)
class Fetched:
    """A fetched HTML page, decoded, as the crawler hands it to be read (``read_page``): what the
    crawl knows of it. ``role`` is None when the page itself decides it (an article by its
    publication date or ``ArticleTitle``, else other); ``detail`` asks ``parse_html`` for the
    navigation, records and scripts (homepage and column pages)."""

    url: str
    base: str  # the URL its links resolve against (after redirects)
    html: str
    status: int
    ok: bool
    content_type: str
    referrer: str | None
    depth: int
    role: PageRole | None
    detail: bool
    today: dt.date
    fetched_at: dt.datetime
    encoding: str


Read = tuple[Parsed, bool, PageRole, list[Finding]]
OnRead = Callable[[Fetched], Read | Awaitable[Read]]


def read_page(f: Fetched, checks: Callable[[Page, PageRole], list[Finding]] | None) -> Read:
    """Parse a fetched page and, unless it is dead or a soft 404, run ``checks`` on it: its
    ``Parsed`` (without the text: the crawl does not need it), whether it is a soft 404, its role
    and the findings. Pure, so that it can run in a worker process: the page's markup and text
    then never come back to the crawler."""
    parsed = parse_html(f.base, f.html, f.today, f.detail) if f.html else Parsed()
    soft = f.ok and is_soft_404(f.status, parsed.title, parsed.text)
    role = f.role
    if role is None:
        role = (
            PageRole.ARTICLE
            if parsed.published or "ArticleTitle" in parsed.meta
            else PageRole.OTHER
        )
    found: list[Finding] = []
    if checks is not None and f.ok and not soft:
        page = Page(
            url=f.url,
            status=f.status,
            content_type=f.content_type,
            html=f.html,
            text=parsed.text,
            title=parsed.title,
            links=tuple(parsed.links),
            referrer=f.referrer,
            depth=f.depth,
            published=parsed.published,
            fetched_at=f.fetched_at,
            encoding=f.encoding,
        )
        found = checks(page, role)
    parsed.text = ""
    return parsed, soft, role, found


@dataclass
class _Job:
    url: str
    referrer: str | None
    depth: int
    role: PageRole | None
    column: str | None  # the column (url) a list page or its item belongs to
    feed: Feed | None = None  # a request to a column's data feed (not a page)
    feed_n: int = 0


class Crawler:
    def __init__(
        self,
        site: Site,
        today: dt.date,
        fetcher: Fetcher,
        on_page: OnPage,
        progress: OnProgress | None = None,
        pool: Workers | None = None,
        renderer: Renderer | None = None,
        read: OnRead | None = None,
    ):
        """``on_page`` runs the content checks on an attachment's text; ``read`` parses an HTML
        page and runs them on it (``read_page``, perhaps in a worker process); without ``read``,
        ``read_page`` here with ``on_page`` (then a plain function) as the checks."""
        self.site = site
        self.renderer = renderer
        self.s = site.settings
        self.today = today
        self.f = fetcher
        self.on_page = on_page
        self.read: OnRead = read or functools.partial(read_page, checks=on_page)  # type: ignore[arg-type]
        self.progress = progress
        self.pool = pool  # worker processes for attachment text (else a thread)
        self.enc_hint: str | None = None  # charset of the site's pages that declare none
        self.hosts = site.site_hosts
        home = normalise(site.homepage)
        self.result = SiteCrawl(site=site, today=today, homepage_url=home)
        self.seen: set[str] = set()
        self.patterns: Counter[str] = Counter()
        self.queries: Counter[str] = Counter()
        self.queue: asyncio.Queue[_Job | None] = asyncio.Queue()
        self.external: asyncio.Queue[str | None] = asyncio.Queue()
        self.checked: set[str] = set()
        self.scheduled = 0
        self.done = 0
        for col in site.columns:
            u = normalise(col.url)
            self.result.columns[u] = ColumnState(col)

    # -- bookkeeping ------------------------------------------------------------------------

    def in_site(self, url: str) -> bool:
        return host_key(url) in self.hosts

    def _note_link(self, target: str, referrer: str, resource: bool = False) -> None:
        r = self.result
        r.ref_count[target] += 1
        refs = r.referrers.get(target)
        if refs is None:
            refs = r.referrers[target] = []
            if resource:
                r.resources.add(target)
        elif not resource and target in r.resources:
            r.resources.discard(target)  # also a real link: checked as one
        if len(refs) < 5 and referrer not in refs:
            refs.append(referrer)
        if referrer == r.homepage_url:
            r.from_homepage.add(target)

    def _admit(self, url: str, depth: int) -> str | None:
        """None if ``url`` may be crawled, else the reason it is skipped."""
        if depth > self.s.max_depth:
            return "超过最大深度"
        if self.scheduled >= self.s.max_pages:
            return "超过页面数上限"
        trap = looks_like_trap(url, self.s.max_url_length)
        if trap:
            return trap
        parts = urlsplit(url)
        if parts.query:
            key = parts.netloc + parts.path
            if self.queries[key] >= self.s.max_query_variants:
                return "同一路径的查询参数过多（疑似日历陷阱）"
            self.queries[key] += 1
        pat = pattern(url)
        if self.patterns[pat] >= max(1000, self.s.max_pages // 4):
            return "同一网址模式过多（疑似陷阱）"
        self.patterns[pat] += 1
        return None

    def _enqueue(self, url: str, referrer: str | None, depth: int, role, column) -> None:
        if url in self.seen:
            return
        self.seen.add(url)
        if not self.in_site(url):
            if self.s.check_external:
                self.external.put_nowait(url)
            return
        if is_skipped(url) or (is_attachment(url) and not self.s.attachments):
            self.external.put_nowait(url)  # just check the link
            return
        reason = self._admit(url, depth)
        if reason:
            self.result.skipped[reason] += 1
            return
        self.scheduled += 1
        self.queue.put_nowait(_Job(url, referrer, depth, role, column))

    # -- running ----------------------------------------------------------------------------

    async def run(self) -> SiteCrawl:
        r = self.result
        self.seen.add(r.homepage_url)
        self.scheduled = 1
        self.queue.put_nowait(_Job(r.homepage_url, None, 0, PageRole.HOMEPAGE, None))
        for u in r.columns:  # configured columns, whether or not a page links to them
            self._enqueue(u, r.homepage_url, 1, None, u)
        n_workers = max(2, self.s.concurrency * 2)
        workers = [asyncio.create_task(self._worker()) for _ in range(n_workers)]
        checkers = [
            asyncio.create_task(self._link_checker()) for _ in range(max(2, self.s.concurrency))
        ]
        probe = asyncio.create_task(self._probes())
        await self.queue.join()
        for _ in workers:
            self.queue.put_nowait(None)
        await asyncio.gather(*workers)
        for _ in checkers:
            self.external.put_nowait(None)
        await asyncio.gather(*checkers)
        await probe
        r.elapsed = time.monotonic() - r.started
        r.urls = len(self.seen)
        return r

    async def _probes(self) -> None:
        for _ in range(max(0, self.s.availability_probes - 1)):
            await asyncio.sleep(0.5)
            resp = await self.f.fetch(self.result.homepage_url, max_bytes=256 * 1024, robots=False)
            self.result.probes.append(Probe(resp.ok, resp.status, resp.elapsed, resp.error))

    async def _link_checker(self) -> None:
        while True:
            url = await self.external.get()
            if url is None:
                return
            resp = await self.f.fetch(url, max_bytes=0, method="HEAD", robots=False)
            if resp.status in (403, 405, 501) or (resp.status == 0 and resp.error):
                resp = await self.f.fetch(url, max_bytes=64 * 1024, robots=False)
            self.result.external_checked += 1
            self._record_status(url, resp, False, external=not self.in_site(url))

    def _record_status(self, url: str, resp: Response, soft: bool, external: bool):
        if resp.error and "robots" in resp.error:
            return
        if resp.status >= 400 or resp.status == 0 or soft:
            reason = (
                "软404：返回200但页面内容为“页面不存在”"
                if soft
                else (resp.error or f"HTTP {resp.status}")
            )
            self.result.dead[url] = Dead(resp.status, reason, external)
        return soft

    async def _worker(self) -> None:
        while True:
            job = await self.queue.get()
            if job is None:
                self.queue.task_done()
                return
            try:
                await self._process(job)
            except Exception as exc:  # one page must never stop the crawl
                self.result.skipped[f"内部错误 {type(exc).__name__}"] += 1
            finally:
                self.done += 1
                self.queue.task_done()
                if self.progress:
                    self.progress(self.done, self.scheduled)

    async def _process(self, job: _Job) -> None:
        if job.feed is not None:
            await self._feed(job)
            return
        r = self.result
        attach = is_attachment(job.url)
        limit = self.s.max_attachment if attach else self.s.max_body
        resp = await self.f.fetch(job.url, max_bytes=limit)
        is_home = job.role == PageRole.HOMEPAGE
        if is_home:
            r.homepage_status, r.homepage_error = resp.status, resp.error
            r.probes.insert(0, Probe(resp.ok, resp.status, resp.elapsed, resp.error))
        col_state = r.columns.get(job.url)
        if resp.error and "robots" in resp.error:
            r.skipped["robots.txt 不允许"] += 1
            return
        now = dt.datetime.now().replace(microsecond=0)
        ctype = resp.content_type.split(";")[0].strip().lower()
        if attach or (resp.ok and ctype and not ctype.startswith(_HTML_TYPES)):
            await self._attachment(job, resp, ctype, attach, now)
            return
        html, enc = ("", "utf-8")
        if resp.body:
            html, enc = decode(resp.body, resp.content_type, self.enc_hint)
            if enc != "utf-8":
                self.enc_hint = enc
        detail = is_home or col_state is not None
        if col_state is not None and resp.ok and self._renders(col_state):
            html = await self._render(job.url) or html
        fetched = Fetched(
            url=job.url,
            base=resp.final_url or job.url,
            html=html,
            status=resp.status,
            ok=resp.ok,
            content_type=ctype or "text/html",
            referrer=job.referrer,
            depth=job.depth,
            role=self._role(job),
            detail=detail,
            today=self.today,
            fetched_at=now,
            encoding=enc,
        )
        del html
        answer = self.read(fetched)
        parsed, soft, role, found = await answer if inspect.isawaitable(answer) else answer
        del fetched
        self._record_status(job.url, resp, soft, external=False)
        if is_home:
            r.homepage_dates = [d for d in parsed.item_dates if d <= self.today]
            r.homepage_published = parsed.published
            r.homepage_soft404 = bool(soft)
            if self.site.discover:
                self._discover(column_links(parsed, self.in_site, r.homepage_url), None)
        if col_state is not None:
            self._column_state(col_state, resp, parsed, bool(soft))
        if not resp.ok or soft:
            return
        r.pages += 1
        for url, label in parsed.links:
            if "年" in label:
                self._report(url, label)
        if role == PageRole.ARTICLE and job.column:
            self._article_date(job, parsed)
        r.findings.extend(found)
        # Sub-columns from a column page's navigation (discovery only).
        if col_state is not None and col_state.column.discovered and job.depth <= 2:
            self._discover(column_links(parsed, self.in_site, job.url), col_state.column)
        base_col = job.url if col_state is not None else job.column
        in_list = col_state is not None or job.role == PageRole.COLUMN_LIST
        kind = "other"
        if in_list:
            col = r.columns.get(base_col or "")
            kind = col.column.type if col else "other"
        for url, _label in parsed.links:
            self._note_link(url, job.url)
            if url in self.seen:
                continue
            if not self.s.follow_articles and url not in r.columns:
                continue
            child_role, child_col = None, None
            if url in r.columns:
                child_col = url
            elif in_list:
                if is_pagination(job.url, url):
                    child_role, child_col = ROLE_OF_TYPE.get(kind, PageRole.COLUMN_LIST), base_col
                elif is_attachment(url):
                    child_role = PageRole.ATTACHMENT
                else:
                    child_role, child_col = self._item_role(kind), base_col
            self._enqueue(url, job.url, job.depth + 1, child_role, child_col)
        for url in parsed.resources if self.s.follow_articles else ():
            self._note_link(url, job.url, resource=True)
            if url not in self.seen:
                self.seen.add(url)
                if self.in_site(url) or self.s.check_external:
                    self.external.put_nowait(url)
        if col_state is not None:
            self._script_lists(job, col_state, parsed)

    def _report(self, url: str, label: str) -> None:
        """A link whose text names a year's annual report (年报/年度报告)."""
        m = _REPORT.search(label)
        if m and int(m.group(1)) not in self.result.reports:
            self.result.reports[int(m.group(1))] = (url, label)

    @staticmethod
    def _item_role(kind: str) -> PageRole:
        role = ROLE_OF_TYPE.get(kind, PageRole.ARTICLE)
        return PageRole.ARTICLE if role == PageRole.ANNUAL_REPORT_LIST else role

    async def _attachment(self, job: _Job, resp: Response, ctype: str, attach: bool, now) -> None:
        r = self.result
        self._record_status(job.url, resp, False, external=False)
        if not resp.ok or (not is_attachment(resp.final_url or job.url) and not attach):
            return
        r.attachments += 1
        ext = extension(job.url) or extension(resp.final_url)
        try:
            if self.pool is not None:
                text, note = await self.pool.call(extract_attachment, ext, resp.body)
            else:
                loop = asyncio.get_running_loop()
                text, note = await loop.run_in_executor(None, extract_attachment, ext, resp.body)
        except BrokenExecutor:  # the extractor process died (e.g. out of memory)
            text, note = "", "未能提取：提取附件文字的进程异常退出"
        if note and note.startswith("未能提取"):
            r.not_extracted += 1
            r.unreadable.append(Unreadable(job.url, job.referrer, note, now))
        page = Page(
            url=job.url,
            status=resp.status,
            content_type=ctype,
            text=text,
            title=job.url.rsplit("/", 1)[-1],
            referrer=job.referrer,
            depth=job.depth,
            is_attachment=True,
            fetched_at=now,
        )
        r.findings.extend(await self._checks(page, PageRole.ATTACHMENT))

    async def _checks(self, page: Page, role: PageRole) -> list[Finding]:
        """The content checks of a page: ``on_page`` may hand them to worker processes (the
        runner's choice) and return an awaitable."""
        found = self.on_page(page, role)
        return await found if inspect.isawaitable(found) else found

    # -- columns' records wherever they live -------------------------------------------------

    def _article_date(self, job: _Job, parsed: Parsed) -> None:
        """An article listed by a column: its publication date stands in for an undated list."""
        st = self.result.columns.get(job.column or "")
        if st is None or job.url not in st.record_urls:
            return
        st.articles_read += 1
        d = parsed.published
        if d and d <= self.today + dt.timedelta(days=1):
            st.article_latest = d if st.article_latest is None else max(st.article_latest, d)

    def _script_lists(self, job: _Job, st: ColumnState, parsed: Parsed) -> None:
        """The column's records that its page's scripts hold or fetch, read as they do."""
        scripts = parsed.scripts
        limit = max(0, self.s.max_list_pages)
        pages = script_pages(job.url, scripts, limit) if scripts else []
        # a page-jump <select>'s pages, under the same bound
        pages += [u for u in parsed.pager_pages if u not in pages][: max(0, limit - len(pages))]
        for url in pages:
            if url not in self.seen:
                self.result.script_pages += 1
                kind = st.column.type
                role = ROLE_OF_TYPE.get(kind, PageRole.COLUMN_LIST)
                self._enqueue(url, job.url, job.depth + 1, role, job.url)
        if pages:
            st.sources.add("pages")
        records, feed = hanweb(job.url, scripts, self.today) if scripts else ([], None)
        if records:
            self._take(st, records, "datastore", job.url, job.depth)
        feeds = [feed] if feed else []
        if st.column.json_api:
            feeds.append(configured_feed(job.url, st.column.json_api))
        elif scripts and not records and not pages and not parsed.records:
            # only a list the page itself leaves empty: a side box's JSON is not the column's
            feeds += json_feeds(job.url, scripts)
        for f in feeds:
            self._enqueue_feed(f, 0, job.url, job.depth)
        if not (parsed.records or pages or records or feeds) and builds_list(scripts):
            st.scripted = True

    def _take(self, st: ColumnState, records: list[Record], source: str, page: str, depth: int):
        """Records of a column from a script-held source: count them, date the column, and crawl
        their links as links of the column page (where a reader meets them)."""
        st.take(records, source, self.today)
        role = self._item_role(st.column.type)
        for rec in records:
            if "年" in rec.title:
                self._report(rec.url, rec.title)
            self._note_link(rec.url, page)
            if rec.url in self.seen or not self.s.follow_articles:
                continue
            child_role = PageRole.ATTACHMENT if is_attachment(rec.url) else role
            self._enqueue(rec.url, page, depth + 1, child_role, st.column.url)

    def _enqueue_feed(self, feed: Feed, n: int, page: str, depth: int) -> None:
        key = feed.key(n)
        if key in self.seen or n >= max(1, self.s.max_list_pages):
            return
        self.seen.add(key)
        if self.scheduled >= self.s.max_pages:
            self.result.skipped["超过页面数上限"] += 1
            return
        self.scheduled += 1
        self.queue.put_nowait(_Job(key, page, depth, PageRole.COLUMN_LIST, page, feed, n))

    async def _feed(self, job: _Job) -> None:
        """One request to a column's data feed (Hanweb dataproxy or JSON), as its script makes it."""
        r = self.result
        feed, n = job.feed, job.feed_n
        assert feed is not None
        st = r.columns.get(job.column or "")
        if st is None:
            return
        url, fields = feed.request(n)
        headers = {"X-Requested-With": "XMLHttpRequest", "Referer": st.column.url}
        if feed.method == "POST":
            resp = await self.f.fetch(url, method="POST", data=fields, headers=headers)
        else:
            resp = await self.f.fetch(url, headers=headers)
        r.feed_requests += 1
        if not resp.ok or not resp.body:
            r.feed_failures += 1
            return
        text, _enc = decode(resp.body, resp.content_type)
        pages_total: int | None = None
        if feed.kind == "dataproxy":
            records, total = datastore_records(st.column.url, text, self.today)
        else:
            answer = parse_json(text)
            if answer is None:
                return
            records, pages_total, total = json_records(st.column.url, answer, self.today)
        fresh = [rec for rec in records if rec.url not in st.record_urls]
        if not fresh:
            return  # empty, or the same records again (a feed that ignores the page number)
        self._take(st, fresh, feed.kind, st.column.url, job.depth)
        if feed.page_key is None:
            return
        if feed.kind == "dataproxy":
            total = total if total is not None else feed.total
            more = total is None or feed.first + (n + 1) * feed.step <= total
        elif pages_total is not None:
            more = n + 2 <= pages_total
        elif total is not None:
            more = (n + 1) * max(1, len(records)) < total
        else:
            more = True
        if more:
            self._enqueue_feed(feed, n + 1, job.column or st.column.url, job.depth)

    def _renders(self, st: ColumnState) -> bool:
        return self.renderer is not None and (self.s.render or st.column.render)

    async def _render(self, url: str) -> str | None:
        """The list page as Chromium renders it (within the site's render budget)."""
        assert self.renderer is not None
        r = self.result
        if r.rendered >= self.s.render_pages:
            r.skipped["超过浏览器渲染页数上限"] += 1
            return None
        html, seconds, error = await self.renderer.render(url)
        if error:
            r.render_error = r.render_error or error
            return None
        r.rendered += 1
        r.render_seconds += seconds
        st = r.columns.get(url)
        if st is not None:
            st.sources.add("render")
        return html

    def _role(self, job: _Job) -> PageRole | None:
        """The page's role as the crawl knows it; None: the page decides (``read_page``)."""
        if job.role == PageRole.HOMEPAGE:
            return job.role
        col = self.result.columns.get(job.url)
        if col is not None:
            return ROLE_OF_TYPE.get(col.column.type, PageRole.COLUMN_LIST)
        return job.role

    def _discover(self, links: list[tuple[str, str]], parent: Column | None) -> None:
        for url, label in links:
            if url in self.result.columns:
                continue
            kind = type_from_name(label)
            if kind == "other" and parent is not None and parent.type == "key_area":
                kind = "key_area"
            col = Column(
                name=label,
                url=url,
                type=kind,
                rule_days=COLUMN_TYPES[kind],
                first_level=parent is None,
                discovered=True,
                parent=parent.url if parent else None,
            )
            self.result.columns[url] = ColumnState(col)

    def _column_state(self, st: ColumnState, resp: Response, parsed: Parsed, soft: bool) -> None:
        st.fetched = True
        st.status, st.error, st.soft404 = resp.status, resp.error, soft
        if not resp.ok or soft:
            return
        st.items = parsed.items
        st.take(parsed.records, "html", self.today)
        dates = [d for d in parsed.item_dates if d <= self.today + dt.timedelta(days=1)]
        if dates:
            st.latest = max(dates) if st.latest is None else max(st.latest, *dates)
            st.dates = sorted({*st.dates, *dates})
        st.main_text_len = parsed.main_text_len
        st.page_blank = parsed.items == 0 and (parsed.empty_marker or parsed.main_text_len < 40)
        if st.column.type == "annual_report":
            st.links = parsed.links[:500]

"""The inspector against the generated demo site: every planted defect of the site-level checks
is found, with no false alarm; the content checks run on every page."""

from __future__ import annotations

from zwgk.inspect.accuracy import false_stale, score, shapes

SITE_CHECKS = (
    "freshness-column-stale",
    "freshness-column-blank",
    "freshness-column-undated",
    "freshness-stale-columns-veto",
    "freshness-blank-columns-veto",
    "links-dead",
    "links-dead-homepage",
    "links-dead-external",
    "links-dead-resource",
    "annual-report-missing",
)


def test_it_finds_every_planted_site_level_defect_and_nothing_else(demo):
    scores = {s.check: s for s in score(demo.findings, demo.manifest)}
    for check in SITE_CHECKS:
        s = scores[check]
        assert s.planted > 0, check
        assert (s.precision, s.recall) == (1.0, 1.0), (check, s)


def test_it_reads_gbk_and_undeclared_gb18030_columns(demo):
    encodings = {c["encoding"] for c in demo.manifest["columns"]}
    assert {"gbk", "gb18030-undeclared", "utf-8"} <= encodings
    latest = {st.column.name: st.latest for st in demo.result.crawl.columns.values()}
    for col in demo.manifest["columns"]:
        if col["encoding"] != "utf-8" and not col["blank"]:
            assert latest[col["name"]] is not None, col["name"]


def test_it_reports_dead_links_with_their_referrer(demo):
    planted = {
        d["url"]: d["referrer"] for d in demo.manifest["defects"] if d["check"] == "links-dead"
    }
    found = {f["url"]: f for f in demo.findings if f["check"] == "links-dead"}
    for url, referrer in planted.items():
        assert found[url]["referrer"] == referrer
    soft = [f for f in found.values() if f["data"]["soft404"]]
    assert soft and all("软404" in f["message"] for f in soft)


def test_it_discovers_columns_and_their_types_without_a_column_list(demo):
    discovered = {st.column.url: st.column for st in demo.result.crawl.columns.values()}
    for col in demo.manifest["columns"]:
        assert col["url"] in discovered, col["name"]
        if col["type"] not in ("other",):
            assert discovered[col["url"]].type == col["type"], col["name"]


def test_it_runs_the_content_checks_on_pages_and_attachments(demo):
    crawl = demo.result.crawl
    assert crawl.attachments > 0
    assert crawl.pages >= demo.manifest["pages"] * 0.9
    assert not demo.result.check_errors


def test_vetoes_come_first(demo):
    sev = [f["severity"] for f in demo.findings]
    order = {"veto": 0, "deduction": 1, "warning": 2}
    assert sev == sorted(sev, key=order.__getitem__)
    assert sev[0] == "veto"


def test_every_check_finds_what_is_planted_in_every_cms_shape(demo):
    assert set(shapes(demo.manifest)) == {
        "plain",
        "trs",
        "hanweb",
        "json",
        "render",
        "onclick",
        "site",
    }
    for shape in shapes(demo.manifest):
        for s in score(demo.findings, demo.manifest, shape):
            assert (s.precision, s.recall) == (1.0, 1.0), s


def test_no_fresh_column_of_any_shape_is_reported_stale(demo):
    fresh = false_stale(demo.findings, demo.manifest)
    assert {k for k, (n, _) in fresh.items() if n} >= {"plain", "trs", "hanweb", "json", "render"}
    assert all(not names for _, names in fresh.values()), fresh


def test_it_reads_each_columns_records_where_they_live(demo):
    crawl = demo.result.crawl
    by_shape: dict[str, set[str]] = {}
    for col in demo.manifest["columns"]:
        st = crawl.columns[col["url"]]
        by_shape.setdefault(col["shape"], set()).update(st.sources)
    assert {"pages"} <= by_shape["trs"]
    assert {"datastore", "dataproxy"} <= by_shape["hanweb"]
    assert {"json"} <= by_shape["json"]
    assert {"render"} <= by_shape["render"]
    assert crawl.script_pages and crawl.feed_requests and not crawl.feed_failures
    assert crawl.rendered == 1


def test_a_column_without_any_date_is_a_finding_to_confirm_not_a_stale_one(demo):
    undated = [f for f in demo.findings if f["check"] == "freshness-column-undated"]
    assert [f["title"] for f in undated] == ["领导动态"]
    assert undated[0]["severity"] == "warning" and "均无可识别的日期" in undated[0]["evidence"]
    stale = {f["url"] for f in demo.findings if f["check"] == "freshness-column-stale"}
    assert undated[0]["url"] not in stale
    dated_by_articles = demo.result.crawl.columns[demo.site.url("/col/xwfb/")]
    assert dated_by_articles.latest is None and dated_by_articles.article_latest is not None

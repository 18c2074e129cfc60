"""Outputs, the CLI, findings into pending facts, dismissals, the check registry, the cache and the
site-level checks on hand-made crawls."""

from __future__ import annotations

import asyncio
import datetime as dt
import json
from pathlib import Path

import openpyxl
import yaml
from click.testing import CliRunner

from zwgk.devtools.cli import demo_site
from zwgk.inspect import run as run_mod
from zwgk.inspect.assess import load_bindings, to_facts
from zwgk.inspect.checks import annual_report, availability, freshness
from zwgk.inspect.cli import inspect
from zwgk.inspect.config import Column, Site
from zwgk.inspect.context import CheckContext, PageRole
from zwgk.inspect.crawl import ColumnState, Probe, SiteCrawl
from zwgk.inspect.model import Finding, Severity
from zwgk.inspect.output import XLSX_COLUMNS, write_all

from .conftest import TODAY, demo_config

ROOT = Path(__file__).resolve().parents[2]


def test_it_writes_findings_json_report_html_and_xlsx(demo, tmp_path):
    paths = write_all([demo.result], tmp_path, TODAY)
    data = json.loads(paths[0].read_text(encoding="utf-8"))
    assert data == demo.findings
    for f in data:
        assert {"check", "severity", "url", "message", "evidence", "site", "unit", "referrer",
                "wrong", "suggested", "detected_at", "key"} <= set(f)  # fmt: skip
    html = paths[1].read_text(encoding="utf-8")
    assert "<link" not in html and "<script" not in html  # nothing from a CDN
    assert html.index("单项否决（") < html.index("扣分（") < html.index("提示（")
    assert "栏目未按时更新" in html and demo.manifest["site"]["name"] in html
    ws = openpyxl.load_workbook(paths[2]).active
    assert tuple(c.value for c in ws[1]) == XLSX_COLUMNS
    assert ws.max_row == len(data) + 1
    typo = next(r for r in ws.iter_rows(min_row=2, values_only=True) if r[0])
    assert typo[1] and typo[3].startswith("http")


def test_the_cli_inspects_a_config_and_binds_findings_to_a_scheme(served, tmp_path):
    m = served.manifest()
    cfg = tmp_path / "sites.yaml"
    cfg.write_text(
        yaml.safe_dump(
            {
                "settings": {"rate": 0, "concurrency": 8, "availability_probes": 1},
                "today": m["today"],
                "sites": [m["site"]],
            },
            allow_unicode=True,
        ),
        encoding="utf-8",
    )
    binding = tmp_path / "binding.yaml"
    binding.write_text(
        yaml.safe_dump(
            {
                "units": {m["site"]["name"]: "区教育局"},
                "bindings": [
                    {"check": "freshness-column-stale", "where": {"type": "dynamic"}, "indicator": "Z2.1", "fault": "news-stale"},
                    {"check": "freshness-column-stale", "where": {"type": ["notice", "policy"]}, "indicator": "Z2.1", "fault": "column-stale"},
                    {"check": "privacy", "indicator": "Z2.1", "fault": "serious-error"},
                ],
            },
            allow_unicode=True,
        ),
        encoding="utf-8",
    )  # fmt: skip
    out = tmp_path / "out"
    result = CliRunner().invoke(
        inspect, [str(cfg), "--out", str(out), "--quiet", "--binding", str(binding)]
    )
    assert result.exit_code == 0, result.output
    assert {p.name for p in out.iterdir()} >= {
        "findings.json",
        "report.html",
        "findings.xlsx",
        "pending-facts.yaml",
    }
    assert (tmp_path / ".zwgk-cache").is_dir()  # beside the config: monthly runs reuse it
    # the pending facts load into the 钟山区2022 scheme as 待确认
    from zwgk.rubric import load_scheme
    from zwgk.scoring import Status, load_facts
    from zwgk.scoring.units import load_units

    units = tmp_path / "units.yaml"
    units.write_text("units:\n  - {name: 区教育局, class: A}\n", encoding="utf-8")
    index = load_scheme(ROOT / "schemes" / "zhongshan-2022.yaml")
    facts = load_facts(out / "pending-facts.yaml", index, load_units(units))
    faults = {f.fault for f in facts.findings}
    assert {"news-stale", "column-stale", "serious-error"} <= faults
    assert all(f.status == Status.PENDING and f.source == "网上检查" for f in facts.findings)


def test_the_cli_inspects_one_url_without_a_config(served, tmp_path):
    result = CliRunner().invoke(
        inspect, ["--url", served.url("/"), "--out", str(tmp_path), "--max-pages", "40"]
    )
    assert result.exit_code == 0, result.output
    assert "已写入" in result.output
    assert json.loads((tmp_path / "findings.json").read_text(encoding="utf-8"))


def test_the_cli_wants_a_config_or_a_url(tmp_path):
    result = CliRunner().invoke(inspect, ["--out", str(tmp_path)])
    assert result.exit_code != 0 and "二选一" in result.output


def test_demo_site_writes_its_manifest_and_config(tmp_path):
    result = CliRunner().invoke(
        demo_site,
        ["--pages", "200", "--port", "18999", "--no-serve", "--manifest", str(tmp_path / "m.json"),
         "--config", str(tmp_path / "c.yaml")],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    m = json.loads((tmp_path / "m.json").read_text(encoding="utf-8"))
    assert m["site"]["homepage"] == "http://127.0.0.1:18999/"
    kinds = {d["check"] for d in m["defects"]}
    assert {"freshness-column-stale", "links-dead", "privacy", "wording", "elements"} <= kinds
    assert yaml.safe_load((tmp_path / "c.yaml").read_text(encoding="utf-8"))["sites"]


def test_unbound_findings_are_counted_not_invented():
    b = load_bindings_from({"bindings": [{"check": "links-dead", "indicator": "X1"}]})
    facts, unbound = to_facts(
        [
            {"check": "links-dead", "severity": "deduction", "url": "http://x/a", "message": "m", "unit": "甲"},
            {"check": "privacy-idcard", "severity": "veto", "url": "http://x/b", "message": "m", "unit": "甲"},
        ],
        b,
    )  # fmt: skip
    assert unbound == 1 and len(facts["findings"]) == 1
    assert facts["findings"][0]["status"] == "pending"


def load_bindings_from(data, tmp=Path("/tmp")):
    import tempfile

    with tempfile.NamedTemporaryFile("w", suffix=".yaml", delete=False, encoding="utf-8") as fh:
        yaml.safe_dump(data, fh, allow_unicode=True)
    return load_bindings(fh.name)


def test_dismissed_findings_are_dropped_and_duplicates_merged():
    site = Site(name="s", unit="u", homepage="http://x/")
    a = Finding("wording-typo", Severity.WARNING, "http://x/1", "m", wrong="帐", key="k1")
    b = Finding("wording-typo", Severity.WARNING, "http://x/1", "m", wrong="帐", key="k1")
    c = Finding("links-dead", Severity.DEDUCTION, "http://x/2", "m")
    out, dropped = run_mod.finalise([a, b, c], site, frozenset({"k1"}))
    assert dropped == 2 and [f.check for f in out] == ["links-dead"]
    out, dropped = run_mod.finalise([a, b, c], site, frozenset())
    assert len(out) == 2 and out[0].site == "s"


def test_a_failing_content_check_does_not_stop_the_run():
    class Broken:
        @staticmethod
        def check_page(page, role, ctx):
            raise RuntimeError("bug")

    errors: dict[str, int] = {}
    ctx = CheckContext(site="s", unit="u", homepage="http://x/", today=TODAY)
    runner = run_mod._page_runner(ctx, [Broken], errors)
    from zwgk.inspect.model import Page

    assert runner(Page(url="http://x/", status=200), PageRole.HOMEPAGE) == []
    assert errors == {"Broken": 1}


def test_a_second_run_uses_conditional_requests_and_finds_the_same(served, tmp_path):
    m = served.manifest()

    async def go():
        return (await run_mod.inspect_config(demo_config(m), cache_dir=tmp_path))[0]

    first = asyncio.run(go())
    second = asyncio.run(go())
    assert [f.identity() for f in first.findings] == [f.identity() for f in second.findings]
    assert first.crawl.cache_hits == 0
    assert second.crawl.cache_hits >= second.crawl.pages * 0.9  # 304 Not Modified


def _crawl(**kw) -> SiteCrawl:
    site = Site(name="s", unit="u", homepage="http://x/", unit_kind=kw.pop("kind", "department"))
    return SiteCrawl(site=site, today=TODAY, homepage_url="http://x/", homepage_status=200, **kw)


CTX = CheckContext(site="s", unit="u", homepage="http://x/", today=TODAY)


def test_homepage_freshness_warns_at_10_days_and_vetoes_after_14():
    days = lambda n: [TODAY - dt.timedelta(days=n)]  # noqa: E731
    assert freshness.check_site(_crawl(homepage_dates=days(3)), CTX) == []
    warn = freshness.check_site(_crawl(homepage_dates=days(11)), CTX)
    assert [(f.check, f.severity) for f in warn] == [("freshness-homepage", Severity.WARNING)]
    veto = freshness.check_site(_crawl(homepage_dates=days(20)), CTX)
    assert veto[0].severity == Severity.VETO
    undated = freshness.check_site(_crawl(homepage_dates=[]), CTX)
    assert undated[0].severity == Severity.VETO and "没有可见" in undated[0].message


def test_five_stale_key_columns_make_a_veto_and_a_hub_is_not_stale():
    cols = {}
    for i in range(5):
        c = Column(f"动态{i}", f"http://x/c{i}/", "dynamic", 14)
        cols[c.url] = ColumnState(c, status=200, fetched=True, items=5, latest=TODAY - dt.timedelta(days=30), main_text_len=100)  # fmt: skip
    hub = Column("重点领域", "http://x/zdly/", "key_area", 92)
    cols[hub.url] = ColumnState(hub, status=200, fetched=True, main_text_len=80)
    sub = Column("财政", "http://x/cz/", "key_area", 92, first_level=False, parent=hub.url)
    cols[sub.url] = ColumnState(sub, status=200, fetched=True, items=3, latest=TODAY)
    out = freshness.check_site(_crawl(homepage_dates=[TODAY], columns=cols), CTX)
    checks = [f.check for f in out]
    assert checks.count("freshness-column-stale") == 5
    assert "freshness-stale-columns-veto" in checks
    assert not any(f.url == hub.url for f in out)


def test_availability_vetoes_only_when_every_probe_fails():
    ok, bad = Probe(True, 200, 0.1), Probe(False, 0, 15.0, "超时（15 秒）")
    assert availability.check_site(_crawl(probes=[ok, ok]), CTX) == []
    part = availability.check_site(_crawl(probes=[ok, bad, ok]), CTX)
    assert part[0].severity == Severity.WARNING and part[0].data["failed"] == 1
    down = availability.check_site(_crawl(probes=[bad, bad]), CTX)
    assert down[0].severity == Severity.VETO and "无法访问" in down[0].message


def test_annual_report_is_due_by_the_deadline():
    early = CheckContext(site="s", unit="u", homepage="http://x/", today=dt.date(2026, 1, 20))
    assert annual_report.check_site(_crawl(), early) == []  # departments: due 31 January
    late = annual_report.check_site(_crawl(), CTX)
    assert late[0].check == "annual-report-missing" and late[0].data["year"] == 2025
    gov = CheckContext(site="s", unit="u", homepage="http://x/", today=dt.date(2026, 3, 1))
    assert annual_report.check_site(_crawl(kind="government"), gov) == []  # due 31 March
    found = _crawl(reports={2025: ("http://x/nb2025.pdf", "2025年政府信息公开工作年度报告")})
    assert annual_report.check_site(found, CTX) == []

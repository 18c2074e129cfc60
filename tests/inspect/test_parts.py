"""Configuration, URL normalisation, decoding, dates, soft 404s and attachment text."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from pathlib import Path
from urllib.parse import urljoin

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from zwgk.devtools.attachments import make_attachment
from zwgk.inspect.config import ConfigError, parse_config, parse_rule
from zwgk.inspect.discover import is_pagination
from zwgk.inspect.extract import (
    _bases,
    _docx_main,
    decode,
    extract_attachment,
    find_dates,
    is_soft_404,
    parse_html,
    resolve,
)
from zwgk.inspect.urls import looks_like_trap, normalise, normalise_parsed

TODAY = dt.date(2026, 6, 15)


def test_it_reads_a_site_config_with_columns_rules_and_settings(tmp_path):
    (tmp_path / "dismissed.yaml").write_text("- wording-typo|4301000001|帐\n", encoding="utf-8")
    cfg = parse_config(
        {
            "settings": {"rate": 2, "max_pages": 100},
            "sites": [
                {
                    "name": "XX区教育局网站",
                    "unit": "区教育局",
                    "homepage": "https://jyj.example.gov.cn/",
                    "site_id": "4301000001",
                    "hosts": ["www.jyj.example.gov.cn"],
                    "dismissals": "dismissed.yaml",
                    "settings": {"robots": False},
                    "columns": [
                        {"name": "工作动态", "url": "https://jyj.example.gov.cn/gzdt/"},
                        {"name": "通知", "url": "https://jyj.example.gov.cn/tz/", "type": "通知公告"},
                        {"name": "财政", "url": "https://jyj.example.gov.cn/cz/", "type": "key_area", "update": "季度"},
                        {"name": "专栏", "url": "https://jyj.example.gov.cn/zl/", "update": "30天"},
                    ],
                }
            ],
        },
        tmp_path,
    )  # fmt: skip
    site = cfg.sites[0]
    assert site.settings.rate == 2 and site.settings.max_pages == 100
    assert site.settings.robots is False
    assert [(c.type, c.rule_days) for c in site.columns] == [
        ("dynamic", 14),
        ("notice", 180),
        ("key_area", 92),
        ("other", 30),
    ]
    assert "www.jyj.example.gov.cn" in site.site_hosts
    assert site.dismissals == {"wording-typo|4301000001|帐"}


@pytest.mark.parametrize(
    "raw, message",
    [
        ({}, "sites"),
        ({"sites": [{"name": "x"}]}, "homepage"),
        ({"sites": [{"homepage": "ftp://x"}]}, "http"),
        ({"sites": [{"homepage": "http://x/", "columns": [{"url": "http://x/a", "type": "zz"}]}]}, "栏目类型"),
        ({"settings": {"speed": 3}, "sites": []}, "speed"),
        ({"settings": {"rate": "fast"}, "sites": []}, "rate"),
        ({"settings": {"robots": "no"}, "sites": []}, "robots"),
    ],
)  # fmt: skip
def test_it_rejects_a_broken_config_with_the_reason(raw, message):
    with pytest.raises(ConfigError, match=message):
        parse_config(raw)


def test_it_parses_freshness_rules():
    assert [parse_rule(x) for x in ("2w", "2周", "180d", "180天", "quarter", "none", 7)] == [
        14, 14, 180, 180, 92, None, 7,
    ]  # fmt: skip
    with pytest.raises(ValueError):
        parse_rule("sometimes")


def test_it_normalises_urls():
    assert (
        normalise("HTTP://Example.GOV.cn:80/a/./b/../c.html#top")
        == "http://example.gov.cn/a/c.html"
    )
    assert normalise("http://x.cn/a;jsessionid=ABC?id=1&utm_source=z") == "http://x.cn/a?id=1"
    assert normalise("http://x.cn") == "http://x.cn/"
    assert normalise("http://x.cn/政务公开/") == "http://x.cn/%E6%94%BF%E5%8A%A1%E5%85%AC%E5%BC%80/"


def test_it_spots_url_traps():
    assert looks_like_trap("http://x.cn/a/b/a/b/a/b/", 512) == "路径重复"
    assert looks_like_trap("http://x.cn/" + "a" * 600, 512) == "网址过长"
    assert looks_like_trap("http://x.cn/col/1/art/2.html", 512) is None


def test_it_recognises_list_pagination():
    assert is_pagination("http://x.cn/col/a/", "http://x.cn/col/a/index_3.html")
    assert is_pagination("http://x.cn/col/a/", "http://x.cn/col/a/index.html")
    assert is_pagination("http://x.cn/list.jsp", "http://x.cn/list.jsp?page=2")
    assert not is_pagination("http://x.cn/col/a/", "http://x.cn/col/a/art/3.html")


def test_it_decodes_gbk_gb18030_utf8_and_broken_bytes():
    text = "<html><head><meta charset='gb2312'></head><body>政府信息公开指南</body></html>"
    assert "公开指南" in decode(text.encode("gbk"))[0]
    assert decode(text.encode("gbk"))[1] == "gb18030"
    plain = "<html><body>关于做好政府信息公开工作的通知，请各单位认真贯彻落实。</body></html>"
    assert "认真贯彻落实" in decode(plain.encode("gb18030"))[0]
    assert decode(plain.encode("utf-8"), "text/html; charset=UTF-8")[0] == plain
    broken, _ = decode("政府".encode() + b"\xff\xfe" + "公开".encode(), "text/html; charset=x-foo")
    assert isinstance(broken, str)


def test_it_finds_dates_in_the_usual_formats():
    text = "2024-05-06 2024/5/7 2024年5月8日 2024.05.09"
    assert find_dates(text, TODAY) == [dt.date(2024, 5, d) for d in (6, 7, 8, 9)]
    assert find_dates("[06-10]", TODAY) == [dt.date(2026, 6, 10)]
    assert find_dates("[12-30]", TODAY) == [dt.date(2025, 12, 30)]  # not in the future
    assert find_dates("2024-13-45", TODAY) == []


def test_it_reads_list_items_navigation_and_blank_columns():
    html = """<html><head><title>通知公告</title><meta name="PubDate" content="2026-06-01 09:00"></head>
    <body><ul class="nav"><li><a href="/tzgg/">通知公告</a></li></ul>
    <ul class="list"><li><a href="a.html">一</a><span>2026-06-10</span></li>
    <li><a href="b.html">二</a><span>2026/06/01</span></li></ul></body></html>"""
    p = parse_html("http://x.cn/tzgg/", html, TODAY)
    assert p.items == 2 and max(p.item_dates) == dt.date(2026, 6, 10)
    assert p.nav_links == [("http://x.cn/tzgg/", "通知公告")]
    assert ("http://x.cn/tzgg/a.html", "一") in p.links
    assert p.published == dt.date(2026, 6, 1)
    blank = parse_html("http://x.cn/k/", "<html><body><ul class='nav'><li><a href='/'>首页</a></li></ul><p>暂无信息</p></body></html>", TODAY)  # fmt: skip
    assert blank.items == 0 and blank.empty_marker


def test_it_detects_soft_404_pages():
    assert is_soft_404(200, "页面不存在", "对不起，您访问的页面不存在")
    assert is_soft_404(200, "404", "")
    assert not is_soft_404(404, "页面不存在", "")
    assert not is_soft_404(200, "通知公告", "关于做好政府信息公开工作的通知" * 10)
    assert is_soft_404(200, "404 Not Found", "")
    assert is_soft_404(200, "错误页面-404", "")
    assert not is_soft_404(200, "区教育局重点工作进展（第404期）_XX区人民政府", "正文" * 100)
    assert not is_soft_404(200, "XX区〔2024〕404号文件", "正文" * 100)


@pytest.mark.parametrize("ext", [".pdf", ".docx", ".xlsx"])
def test_it_extracts_attachment_text(ext):
    body = make_attachment(ext, ["Zhang San ID 360426199101010071"])
    text, note = extract_attachment(ext, body)
    assert "360426199101010071" in text and note is None


def test_it_notes_attachments_it_cannot_read():
    text, note = extract_attachment(".doc", b"\xd0\xcf\x11\xe0" + b"\0" * 100)
    assert text == "" and note.startswith("未能提取")
    utf16 = "申请人身份证号码登记表".encode("utf-16le")
    text, note = extract_attachment(".wps", b"\xd0\xcf\x11\xe0" + b"\0" * 64 + utf16)
    assert "身份证号码" in text and "尽力" in note
    text, note = extract_attachment(".pdf", b"%PDF-1.4 broken")
    assert note.startswith("未能提取")


FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def _python_docx_text(body: bytes) -> str:
    import docx

    d = docx.Document(io.BytesIO(body))
    parts = [p.text for p in d.paragraphs]
    for table in d.tables:
        parts += [" ".join(c.text for c in row.cells) for row in table.rows]
    return "\n".join(parts)


@pytest.mark.parametrize("name", ["office_real/suizhou2021.docx", "seed_xx2023.docx", None])
def test_docx_text_read_from_the_main_part_alone_is_python_docxs(name):
    """Real scoring tables (merged cells, many tables) and the demo's attachments."""
    if name is None:
        body = make_attachment(".docx", ["Zhang San ID 360426199101010071"])
    else:
        body = (FIXTURES / name).read_bytes()
    assert _docx_main(body) is not None
    text, note = extract_attachment(".docx", body)
    assert note is None and text == _python_docx_text(body) and text.strip()


def test_a_package_that_is_no_plain_word_document_is_left_to_python_docx():
    body = (FIXTURES / "seed_xx2023.docx").read_bytes()
    src, out = zipfile.ZipFile(io.BytesIO(body)), io.BytesIO()
    with zipfile.ZipFile(out, "w") as dst:
        for item in src.infolist():
            data = src.read(item)
            if item.filename == "[Content_Types].xml":  # a macro-enabled document (.docm)
                data = data.replace(b"document.main+xml", b"document.macroEnabled.main+xml")
            dst.writestr(item, data)
    assert _docx_main(out.getvalue()) is None
    text, note = extract_attachment(".docx", out.getvalue())
    assert text == "" and note.startswith("未能提取：ValueError")


def test_make_attachment_docx_is_a_real_docx():
    import docx

    d = docx.Document(io.BytesIO(make_attachment(".docx", ["hello"])))
    assert any(p.text == "hello" for p in d.paragraphs)


@given(st.text(alphabet="abcXYZ09./-_~%?#&=;:", max_size=30))
@settings(max_examples=500)
def test_the_fast_path_of_normalise_agrees_with_parsing(tail):
    for url in (
        f"http://a.gov.cn/{tail}",
        f"https://b-1.example.cn{tail}",
        f"http://127.0.0.1:8080/{tail}",
        f"http://a.gov.cn:{tail}",
        f"https://a.gov.cn:443{tail}",
    ):
        assert normalise(url) == normalise_parsed(url)


@given(
    st.sampled_from(
        [
            "http://a.gov.cn/", "http://a.gov.cn/col/x/", "http://a.gov.cn/col/x/1.html",
            "http://127.0.0.1:8080/a/b", "https://A.gov.cn/a/", "http://a.gov.cn/a//b/",
            "http://a.gov.cn/a/./b/", "http://a.gov.cn/a/b?page=2", "http://a.gov.cn",
            "http://a.gov.cn:80/a/", "http://u@a.gov.cn/a/",
        ]
    ),
    st.text(alphabet="ab/.?#:%~-_;@", min_size=1, max_size=12),
)  # fmt: skip
@settings(max_examples=500)
def test_a_link_resolves_as_joining_and_normalising_would(base, href):
    """The concatenation shortcut for plain paths agrees with urljoin and normalise on the
    origin, the page's directory or the page itself (by the kind of link)."""
    origin, directory = _bases(base)
    if href.startswith(("http://", "https://")):
        scope = ""
    elif href.startswith("/") and not href.startswith("//"):
        scope = origin
    elif href.startswith(("?", "//")):
        scope = base
    else:
        scope = directory
    try:
        expected = normalise(urljoin(scope, href))
    except ValueError:
        return
    assert resolve(base, href) == expected


@pytest.mark.parametrize(
    "url",
    [
        "http://a.gov.cn:80/x", "https://a.gov.cn:443/", "http://a.gov.cn:443/x",
        "https://a.gov.cn:80", "http://a.gov.cn:8080", "http://a.gov.cn:65535/a",
        "http://a.gov.cn:65536/a", "http://a.gov.cn:99999/", "http://a.gov.cn:0/", "http://h:1",
    ],
)  # fmt: skip
def test_normalise_keeps_a_port_only_where_parsing_does(url):
    assert normalise(url) == normalise_parsed(url)

import csv

import pytest

from zwgk.inspect.checks import wording, wording_serious, wording_typo
from zwgk.inspect.checks.wording_dict import Entry, Matcher, matcher
from zwgk.inspect.context import PageRole
from zwgk.inspect.model import Severity

from .helpers import DATA, ctx, page

REPORTED = list(
    csv.DictReader((DATA / "typos/reported_gov_site_serious_typos.csv").open(encoding="utf-8"))
)


def clean_texts():
    out = [p.read_text(encoding="utf-8") for p in sorted((DATA.parent / "seeds").glob("*.txt"))]
    out += [p.read_text(encoding="utf-8") for p in sorted((DATA / "annual_reports").glob("*.txt"))]
    return out


@pytest.mark.parametrize("row", REPORTED, ids=[r["wrong"] for r in REPORTED])
def test_it_finds_every_serious_typo_reported_in_inspection_notices(row):
    text = f"近日，我单位认真学习{row['wrong']}有关文件精神，现将情况通报如下。"
    out = wording_serious.check_page(page(text, title="工作动态"), PageRole.ARTICLE, ctx())
    assert [(f.wrong, f.suggested) for f in out] == [(row["wrong"], row["correct"])]
    assert out[0].severity is Severity.VETO
    assert wording_typo.check_page(page(text), PageRole.ARTICLE, ctx()) == []  # reported once


def test_it_raises_no_alarm_on_clean_government_text():
    for text in clean_texts():
        assert wording.check_page(page(text), PageRole.ARTICLE, ctx()) == []


def test_it_does_not_alarm_on_the_right_form_containing_a_wrong_one():
    assert matcher().find("齐齐哈尔市人民政府") == []
    assert matcher().find("这既使得效率提高，又节约了成本") == []
    assert matcher().find("即使困难再大") == []
    assert [h.entry.right for h in matcher().find("即便如此，既使困难再大")] == ["即使"]


def test_it_generates_miswritings_of_canonical_names():
    found = matcher().find("认真学习中华人民共合国宪法和中国共产挡章程，王沪宁，中华人民和共国")
    assert [(h.entry.wrong, h.entry.right) for h in found] == [
        ("中华人民共合国宪法", "中华人民共和国宪法"),
        ("中国共产挡章程", "中国共产党章程"),
        ("中华人民和共国", "中华人民共和国"),
    ]


def test_it_handles_protected_words_that_cover_straddle_or_sit_inside():
    m = Matcher([Entry("数局", "数据")], ["多数局面", "局面", "人民"], straddle=True)
    assert m.find("形成多数局面") == []  # covered
    assert m.find("少数局面") == []  # straddled by 局面
    assert [h.entry.wrong for h in m.find("大数局产业")] == ["数局"]
    strict = Matcher([Entry("中华人民共合国", "中华人民共和国")], ["人民", "共和"])
    assert len(strict.find("中华人民共合国")) == 1  # a protected word inside does not silence


def test_it_keeps_the_longer_of_overlapping_wrong_forms():
    m = Matcher([Entry("共合", "共和"), Entry("人民共合国", "人民共和国")], [])
    assert [h.entry.wrong for h in m.find("中华人民共合国")] == ["人民共合国"]


def test_it_gives_one_finding_per_wrong_form_with_context_and_a_url_independent_key():
    text = "为进一步做好防讯工作。" + "各单位" * 20 + "切实加强防讯值班。"
    a = wording_typo.check_page(
        page(text, url="https://x.gov.cn/1.html", title="通知"), PageRole.ARTICLE, ctx()
    )
    b = wording_typo.check_page(page(text, url="https://x.gov.cn/2.html"), PageRole.ARTICLE, ctx())
    assert len(a) == 1 and a[0].data["count"] == 2
    f = a[0]
    assert (f.wrong, f.suggested, f.title) == ("防讯", "防汛", "通知")
    assert "【防讯】" in f.evidence and f.message == "疑似错别字：“防讯”应为“防汛”"
    assert f.key == b[0].key == "wording-typo|1101050001|防讯"
    assert f.identity() == f.key


def test_it_honours_dismissals_per_site_and_per_page():
    text = "做好防讯工作"
    assert (
        wording_typo.check_page(
            page(text), PageRole.ARTICLE, ctx(frozenset({"wording-typo|1101050001|防讯"}))
        )
        == []
    )
    one_page = "wording-typo|1101050001|防讯|" + page(text).url
    assert wording_typo.check_page(page(text), PageRole.ARTICLE, ctx(frozenset({one_page}))) == []
    other = page(text, url="https://www.example.gov.cn/other.html")
    assert wording_typo.check_page(other, PageRole.ARTICLE, ctx(frozenset({one_page})))


def test_it_takes_a_sites_protected_words_and_additions():
    options = {
        "wording": {
            "protected": ["防讯通"],
            "typos": {"张三丰": "张三峰"},
            "serious": {"某某县委书纪": "某某县委书记"},
        }
    }
    out = wording.check_page(
        page("防讯通系统上线，张三丰出席，某某县委书纪讲话"), PageRole.ARTICLE, ctx(**options)
    )
    assert sorted((f.check, f.wrong) for f in out) == [
        ("wording-serious", "某某县委书纪"),
        ("wording-typo", "张三丰"),
    ]


def test_it_reads_the_title_when_the_body_does_not_repeat_it():
    out = wording_serious.check_page(
        page("正文", title="关于攻府信息公开的通知"), PageRole.ARTICLE, ctx()
    )
    assert [f.wrong for f in out] == ["攻府"]

from zwgk.inspect.checks import (
    elements_article_meta,
    elements_guide,
    elements_org,
    elements_site_furniture,
)
from zwgk.inspect.checks.elements_labels import Element
from zwgk.inspect.context import PageRole
from zwgk.inspect.model import Severity

from .helpers import ctx, page, run_family

GUIDE = """XX区人民政府办公室政府信息公开指南
一、主动公开 （一）公开内容与分类 （二）编排体系 （三）公开方式：可通过网站获取。
二、依申请公开 （一）受理机构：XX区人民政府办公室
办公地址：XX区人民路1号 办公时间：工作日上午9:00-12:00
联系电话：0731-12345678 传真：0731-87654321 电子邮箱：zwgk@example.gov.cn
（二）提出申请：当面、信函、网上申请 三、查阅场所：区档案馆"""

ARTICLE = """关于做好2024年防汛工作的通知
索 引 号：11430100MB1234567X/2024-00123   发布机构：XX区应急管理局
发布日期：2024-05-06   浏览次数：12
各镇街：……"""

POLICY = """XX区人民政府关于印发某某办法的通知
索引号：000014349/2024-00098 发文机关：XX区人民政府 文号：X政发〔2024〕3号
成文日期：2024年5月1日 发布日期：2024年5月6日 主题分类：综合政务 有效性：有效"""

HOME = """XX区人民政府门户网站 首页 … 主办单位：XX区人民政府办公室
网站标识码：1101050001 京ICP备05070218号 京公网安备 11010502030143号"""


def names(findings):
    return [f.data["element"] for f in findings]


def test_it_finds_nothing_missing_in_a_complete_guide():
    assert elements_guide.check_page(page(GUIDE), PageRole.GUIDE, ctx()) == []


def test_it_reports_one_finding_per_missing_guide_element_listing_all():
    text = GUIDE.replace("传真：0731-87654321", "").replace("三、查阅场所：区档案馆", "")
    out = elements_guide.check_page(page(text), PageRole.GUIDE, ctx())
    assert names(out) == ["传真号码", "查阅场所"]
    assert all("传真号码、查阅场所" in f.evidence for f in out)
    assert out[0].message == "政府信息公开指南缺少“传真号码”"
    assert out[0].key == f"elements-guide|1101050001|{page(text).url}|传真号码"


def test_it_says_when_a_label_has_no_value():
    text = GUIDE.replace("传真：0731-87654321", "传真：")
    (f,) = elements_guide.check_page(page(text), PageRole.GUIDE, ctx())
    assert f.data["status"] == "内容为空" and "没有内容" in f.message


def test_it_checks_a_page_only_in_its_role():
    assert elements_guide.check_page(page("空白"), PageRole.ARTICLE, ctx()) == []
    assert run_family("elements", page("空白"), PageRole.OTHER, ctx()) == []


def test_it_matches_labels_with_spaces_colons_and_synonyms():
    e = Element("发布机构", ("发布机构", "发文机关", "发布单位"), r"[\u4e00-\u9fff]{2,}", gap=4)
    for text in (
        "发布机构：区政府",
        "发 布 机 构:区政府",
        "发文机关　区政府",
        "发布单位：\n区政府",
    ):
        assert e.status(text) is None, text
    assert e.status("发布机构：") == "内容为空"
    assert e.status("来源不明") == "缺少"


def test_it_checks_article_metadata():
    assert elements_article_meta.check_page(page(ARTICLE), PageRole.ARTICLE, ctx()) == []
    text = ARTICLE.replace("发布日期：2024-05-06", "成文日期：2024-05-06")
    out = elements_article_meta.check_page(page(text), PageRole.ARTICLE, ctx())
    assert names(out) == ["发布日期"]
    assert out[0].severity is Severity.DEDUCTION


def test_it_asks_more_of_a_policy_document():
    assert elements_article_meta.check_page(page(POLICY), PageRole.ARTICLE, ctx()) == []
    text = POLICY.replace("有效性：有效", "").replace("成文日期：2024年5月1日", "")
    out = elements_article_meta.check_page(page(text), PageRole.ARTICLE, ctx())
    assert names(out) == ["成文日期", "有效性"]
    plain = elements_article_meta.check_page(page(ARTICLE), PageRole.ARTICLE, ctx())
    assert plain == []  # no 文号: not a policy document


def test_it_checks_org_function_fields():
    text = """XX区人民政府办公室 主要职责：…… 内设机构：秘书科、信息科
    主任：张三 办公地址：人民路1号 办公时间：工作日 联系电话：0731-12345678"""
    assert elements_org.check_page(page(text), PageRole.ORG_FUNCTIONS, ctx()) == []
    out = elements_org.check_page(page("主要职责：…… 主任：张三"), PageRole.ORG_FUNCTIONS, ctx())
    assert names(out) == ["机构名称", "机构设置", "办公地址", "办公时间", "联系电话"]


def test_it_checks_the_homepage_furniture_per_site():
    html = '<a href="https://bszs.conac.cn/sitename?method=show&id=1"><img src="red.png"></a>'
    assert elements_site_furniture.check_page(page(HOME, html=html), PageRole.HOMEPAGE, ctx()) == []
    text = HOME.replace("京ICP备05070218号", "").replace("网站标识码：1101050001", "网站标识码：")
    out = elements_site_furniture.check_page(page(text, html="<p></p>"), PageRole.HOMEPAGE, ctx())
    assert names(out) == ["网站标识码", "ICP备案编号", "党政机关网站标识"]
    assert out[1].key == "elements-site-furniture|1101050001|ICP备案编号"
    assert out[-1].severity is Severity.WARNING
    quiet = ctx(**{"elements-site-furniture": {"conac": False}})
    assert names(elements_site_furniture.check_page(page(HOME), PageRole.HOMEPAGE, quiet)) == []


def test_it_drops_a_dismissed_element():
    key = "elements-site-furniture|1101050001|党政机关网站标识"
    assert (
        elements_site_furniture.check_page(page(HOME), PageRole.HOMEPAGE, ctx(frozenset({key})))
        == []
    )

"""Seed 004: 钟山区2022年区级政务公开工作考核指标（共用分值、单项否决、加分指标）."""

from __future__ import annotations

from decimal import Decimal as D
from pathlib import Path

import pytest

from tests.helpers import score_files
from zwgk.rubric import VetoEffect, load_scheme, node_max

ROOT = Path(__file__).resolve().parents[1]
SCHEME = ROOT / "schemes" / "zhongshan-2022.yaml"
UNITS = ROOT / "tests" / "data" / "seed_zhongshan2022_units.yaml"
FACTS = ROOT / "tests" / "data" / "seed_zhongshan2022_facts.yaml"


@pytest.fixture(scope="module")
def ix():
    return load_scheme(SCHEME)


def test_it_declares_the_printed_section_points(ix):
    assert node_max(ix.nodes["Z1"]) == D("20")  # 政务公开日常工作推进(20分)
    assert node_max(ix.nodes["Z2"]) == D("30")  # 重点领域信息公开(30分)
    assert node_max(ix.nodes["Z3"]) == D("10")  # 政务新媒体运维(10分)
    assert node_max(ix.nodes["Z4"]) == D("10")  # 依申请公开信件办理(10分)
    assert node_max(ix.nodes["Z5"]) == D("30")  # 政府网站(30分)
    assert node_max(ix.nodes["Z6"]) == D("0")  # 加分指标：只加分


def test_it_totals_100(ix):
    # 20 + 30 + 10 + 10 + 30 = 100
    (table,) = ix.scheme.tables
    assert table.classes == ["A", "B"]
    assert table.total == D("100")
    assert sum((node_max(s) for s in table.sections), D(0)) == D("100")


def test_it_pools_each_sections_points(ix):
    for sid in ("Z1", "Z2", "Z3", "Z4", "Z5"):
        section = ix.nodes[sid]
        assert section.pooled, sid
        assert all(c.points is None for c in section.children), sid


def test_it_splits_one_sentence_into_several_faults(ix):
    faults = {f.id: f.amount for f in ix.nodes["Z1.1"].faults}
    # 迟报一次扣1分，漏报一次扣2分
    assert faults["late"] == D("1") and faults["missed"] == D("2")
    report = {f.id: f for f in ix.nodes["Z1.3"].faults}
    assert len(report["missing-section"].elements) == 6
    assert report["missing-section"].cap == D("2")


def test_it_encodes_the_vetoes_as_zeroing_their_sections(ix):
    targets = {v.id: v.target for v in ix.scheme.vetoes}
    assert all(v.effect is VetoEffect.ZERO for v in ix.scheme.vetoes)
    assert targets == {
        "media-mismanaged": "Z3",
        "media-leak": "Z3",
        "site-security": "Z5",
        "site-criticized": "Z5",
        "site-evaluation": "Z5",
    }


def test_it_encodes_bonus_caps(ix):
    caps = {
        (n, b.id): b.cap
        for n in ("Z3.2", "Z6.1", "Z6.3", "Z6.4", "Z6.5")
        for b in ix.nodes[n].bonuses
    }
    assert caps == {
        ("Z3.2", "adopted"): D("5"),
        ("Z6.1", "visual"): D("2"),
        ("Z6.3", "survey"): D("3"),
        ("Z6.4", "publish"): D("3"),
        ("Z6.4", "submit"): D("3"),
        ("Z6.5", "commended"): D("6"),
        ("Z6.5", "reported"): D("1.5"),
        ("Z6.5", "endorsed"): D("3"),
    }
    assert all(b.cap is None for b in ix.nodes["Z6.2"].bonuses)  # 解读创新：原文无上限
    assert ix.scheme.total_cap is None and ix.scheme.bonus_cap is None


def test_it_scopes_items_to_a_class_or_named_units(ix):
    assert ix.nodes["Z1.5"].applies_to.classes == ["A"]
    assert ix.nodes["Z5.3"].applies_to.units == ["区政务服务中心"]
    assert ix.nodes["Z5.4"].applies_to.units == ["区信访局"]


# Worked example (tests/data/seed_zhongshan2022_*.yaml). Pooled sections: points − the sum of the
# children's deductions, never below 0. Bonuses are added on top; no total cap.


@pytest.fixture(scope="module")
def result(ix):
    return score_files(ix, UNITS, FACTS)


def test_it_scores_a_department_with_capped_faults_and_bonuses(result):
    u = result.unit("区发改局")
    # Z1: 迟报 2×1 + 漏报 2 + 年报漏两项 2×2=4 → 上限 2 + 知识库一季度 1 = 7 → 20 − 7 = 13
    assert u.node("Z1").earned == D("13")
    # Z2: 工作动态未更新 3 → 27
    assert u.node("Z2").earned == D("27")
    # Z3: 新媒体更新不足 2 → 8; 信息报送 7 篇 × 1 → 上限 5
    assert u.node("Z3").earned == D("8")
    assert u.node("Z3").bonus == D("5")
    # Z5: 缺失签审 3 周 × 1 → 27 (工作落实 finding dismissed)
    assert u.node("Z5").earned == D("27")
    # Z6: 数据发布 5 × 0.5 = 2.5 → 上限 2; 图片解读 1 → 3
    assert u.node("Z6").bonus == D("3")
    # base 13 + 27 + 8 + 10 + 27 = 85; bonus 5 + 3 = 8; total 93
    assert u.base == D("85")
    assert u.bonus == D("8")
    assert u.total == D("93")
    assert u.grade == "优秀"


def test_it_zeroes_new_media_on_a_veto_and_caps_a_pooled_section(result):
    u = result.unit("区教育局")
    # Z1: 台账 3 × 2 = 6 + 解读不同步 2 + 简单压缩 2 = 10 → 10
    assert u.node("Z1").earned == D("10")
    # Z2: 5 × 2 + 2 × 4 + 1 × 6 + 3 × 3 = 33 > 30 → 0 (扣完为止)
    assert u.node("Z2").earned == D("0")
    # Z3: media-leak veto → 0, and the 3 adopted articles count for nothing
    assert u.node("Z3").earned == D("0")
    assert u.node("Z3").bonus == D("0")
    # Z4: 超期 2 + 格式 1 → 7; Z5: 工作落实 2 → 28
    assert u.node("Z4").earned == D("7")
    assert u.node("Z5").earned == D("28")
    # Z6: H5/视频 2 × 2 + 图片 2 × 1 = 6 (no cap); 表彰 4 × 2 = 8 → 上限 6 → 12
    assert u.node("Z6").bonus == D("12")
    # base 10 + 0 + 0 + 7 + 28 = 45; + 12 = 57
    assert u.base == D("45")
    assert u.total == D("57")
    assert u.grade == "不合格"
    assert u.grade_forced_by is None  # a zero veto does not force the grade


def test_it_charges_the_provincial_deduction_to_the_responsible_unit(result):
    u = result.unit("区政务服务中心")
    # Z5: 省考核办事服务扣 1.5 (amount 1.5) + 签审单逾期 2 → 30 − 3.5 = 26.5
    assert u.node("Z5").earned == D("26.5")
    # base 20 + 30 + 10 + 10 + 26.5 = 96.5; 惠企政策发布 4 → 上限 3, 报送 1: bonus 4
    assert u.base == D("96.5")
    assert u.bonus == D("4")
    assert u.total == D("100.5")  # no total cap in the seed
    assert u.grade == "优秀"
    # 留言办理 is 区信访局's only
    assert u.node("Z5.4").counted is False


def test_it_ignores_pending_findings(result):
    u = result.unit("区信访局")
    # Z1: 未完成 1 → 19; Z4: 复议被纠错 5 (舆情 pending, not counted) → 5;
    # Z5: 省考核留言办理扣 4 (amount 4) → 26
    assert u.node("Z1").earned == D("19")
    assert u.node("Z4").earned == D("5")
    assert u.node("Z5").earned == D("26")
    # 19 + 30 + 10 + 5 + 26 = 90
    assert u.total == D("90")
    assert u.grade == "优秀"


def test_it_zeroes_the_website_on_a_security_veto(result):
    u = result.unit("荷泉街道")
    # Z1: 清单 2 + 目录指引 2 → 16 (知识库 is for departments only)
    assert u.node("Z1").earned == D("16")
    assert u.node("Z1.5").counted is False
    # Z5: site-security veto → 0 (the 2 missing weeks no longer matter)
    assert u.node("Z5").earned == D("0")
    # bonus: 信息报送 2 + 征集调查 4 → 上限 3 = 5
    assert u.bonus == D("5")
    # base 16 + 30 + 10 + 10 + 0 = 66; + 5 = 71
    assert u.base == D("66")
    assert u.total == D("71")
    assert u.grade == "合格"


def test_it_stops_deducting_when_a_pool_is_used_up(result):
    u = result.unit("大湾镇")
    # Z1: 未完成 8 × 1 + 迟报 4 × 1 + 漏报 3 × 2 + 台账 2 × 2 = 22 > 20 → 0
    assert u.node("Z1").earned == D("0")
    # Z2: 应更新未更新 2 × 1 → 28
    assert u.node("Z2").earned == D("28")
    # bonus: 正面报道 4 × 0.5 = 2 → 上限 1.5; 批示肯定 1 → 2.5
    assert u.bonus == D("2.5")
    # base 0 + 28 + 10 + 10 + 30 = 78; + 2.5 = 80.5
    assert u.total == D("80.5")
    assert u.grade == "良好"


def test_it_ranks_each_class_separately(result):
    # A: 100.5, 93, 90, 57; B: 80.5, 71
    assert [(u.unit, u.rank) for u in result.in_class("A")] == [
        ("区政务服务中心", 1),
        ("区发改局", 2),
        ("区信访局", 3),
        ("区教育局", 4),
    ]
    assert [(u.unit, u.rank) for u in result.in_class("B")] == [("大湾镇", 1), ("荷泉街道", 2)]

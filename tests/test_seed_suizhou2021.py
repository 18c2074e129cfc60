"""Seed 003: 随州高新区2021年政务公开工作考评（第三方评估指标，全部为评分区间指标）."""

from __future__ import annotations

from decimal import Decimal as D
from pathlib import Path

import pytest

from tests.helpers import score_files
from zwgk.rubric import load_scheme, node_max

ROOT = Path(__file__).resolve().parents[1]
SCHEME = ROOT / "schemes" / "suizhou-gxq-2021.yaml"
UNITS = ROOT / "tests" / "data" / "seed_suizhou2021_units.yaml"
FACTS = ROOT / "tests" / "data" / "seed_suizhou2021_facts.yaml"


@pytest.fixture(scope="module")
def ix():
    return load_scheme(SCHEME)


def test_it_declares_the_printed_subtotals(ix):
    # 公开渠道 4 = 渠道覆盖 2 + 渠道功能 2
    assert node_max(ix.nodes["A1"]) == D("4")
    # 主动公开 60 = 基础信息公开 40 + 重点领域公开 20
    assert node_max(ix.nodes["A2"]) == D("60")
    # 基础信息公开 40 = 8 + 1 + 1 + 2 + 2 + 1 + 1 + 2 + 2 + 6 + 7 + 2 + 2 + 3
    assert node_max(ix.nodes["A2.1"]) == D("40")
    # 重点领域公开 20 = 10 个领域 × 2
    assert node_max(ix.nodes["A2.2"]) == D("20")
    # 依申请公开 6 = 3 + 3
    assert node_max(ix.nodes["A3"]) == D("6")
    # 解读回应 15 = 政策咨询服务情况 5 + 问答解读 6 + 政策解读质量 2 + 回应关切 2
    assert node_max(ix.nodes["A4"]) == D("15")
    assert node_max(ix.nodes["A4.1"]) == D("5")
    assert node_max(ix.nodes["A4.2"]) == D("6")
    # 能力保障 15 = 信息公开工作年报 5 + 主动公开基本目录 10
    assert node_max(ix.nodes["A5"]) == D("15")
    # 年报 5 = 年报格式 2 + 年报质量 3
    assert node_max(ix.nodes["A5.1"]) == D("5")
    # 主动公开基本目录 10 = 2 + 2 + 3 + 3
    assert node_max(ix.nodes["A5.2"]) == D("10")


def test_it_totals_100(ix):
    # 公开渠道 4 + 主动公开 60 + 依申请公开 6 + 解读回应 15 + 能力保障 15 = 100
    (table,) = ix.scheme.tables
    assert table.total == D("100")
    assert sum((node_max(s) for s in table.sections), D(0)) == D("100")


def test_it_scores_every_leaf_as_an_assessors_rating(ix):
    leaves = ix.leaves["TA"]
    assert len(leaves) == 38
    for leaf in leaves:
        assert leaf.kind == "range", leaf.id
        assert leaf.range == (D(0), leaf.points), leaf.id
        assert leaf.content, leaf.id


def test_it_encodes_scopes_third_party_and_prorating(ix):
    s = ix.scheme
    assert s.third_party is not None and s.third_party.cap is None
    # 采集范围: rows outside a unit's scope leave its full marks and the base is rescaled to 100
    assert s.not_applicable == "rescale"
    assert s.evidence_deadline.date.isoformat() == "2022-01-14"
    assert "逾期未报视为无相关工作内容" in s.evidence_deadline.text
    assert [g.name for g in s.grades] == ["优秀", "良好", "合格", "不合格"]
    assert ix.nodes["A2.1.13"].applies_to.units == ["区财政金融局"]
    assert ix.nodes["A2.2.5"].applies_to.units == ["淅河工作局"]
    assert ix.nodes["A2.2.6"].applies_to.units == ["淅河工作局"]
    assert ix.nodes["A2.1.4"].applies_to.tags == ["具有行政处罚等职权的部门"]
    fee = ix.nodes["A2.1.6"].applies_to
    assert fee.units == ["区经济发展局", "区财政金融局"] and fee.tags == ["涉及行政事业收费的部门"]
    assert "逾期未报" in s.note


# Worked example (tests/data/seed_suizhou2021_*.yaml). 区属各部门 all share the items worth
# A1 4 + (政策文件 8 + 权责 1 + 预决算 2 + 招考 1 + 人大政协 2 + 会议 2 + 决策 6 + 规划 7) + 疫情 2
# + A3 6 + A4 15 + A5 15 = 71 points; scoped items add to that. Unrated ranges count at the top.
# base is prorated to 100 (two decimals, half up), then the 市第三方评估扣分 is subtracted.


@pytest.fixture(scope="module")
def result(ix):
    return score_files(ix, UNITS, FACTS)


def test_it_prorates_a_unit_with_only_common_items(result):
    u = result.unit("区党政办")
    # max 71; 规划信息 5/7 (−2), 政策解读质量 1/2 (−1): base 68
    assert u.max == D("71")
    assert u.base == D("68")
    assert u.node("A2.1.11").earned == D("5")
    assert u.node("A2.1.11").max == D("7")
    # 68 × 100 ÷ 71 = 95.7746… → 95.77; − 第三方 3 = 92.77
    assert u.total == D("92.77")
    assert u.grade == "优秀"


def test_it_omits_an_approved_not_applicable_item(result):
    u = result.unit("区经济发展局")
    # 71 + 行政事业性收费 1 (named unit) + 稳岗就业 2 = 74; 人大政协提案 na (omit) − 2 = 72
    assert u.max == D("72")
    assert u.node("A2.1.8").max == D("0")
    # 收费 0.5/1: base 71.5; 71.5 × 100 ÷ 72 = 99.3055… → 99.31
    assert u.base == D("71.5")
    assert u.total == D("99.31")
    assert u.grade == "优秀"


def test_it_adds_up_several_third_party_deductions(result):
    u = result.unit("区财政金融局")
    # 71 + 收费 1 + 政府债务 2 + 惠民惠农 3 + 财政资金直达 2 = 79
    assert u.max == D("79")
    # 政府债务 0/2 (−2), 惠民惠农 1.5/3 (−1.5), 年报质量 2/3 (−1): base 74.5
    assert u.base == D("74.5")
    assert u.node("A2.1.13").earned == D("0")
    assert u.node("A5.1").earned == D("4")
    # 74.5 × 100 ÷ 79 = 94.3037… → 94.30; − (1.5 + 2) = 90.80
    assert u.third_party == D("3.5")
    assert u.total == D("90.80")
    assert u.grade == "优秀"


def test_it_scores_the_units_named_in_the_scopes(result):
    u = result.unit("淅河工作局")
    # 71 + 养老服务 2 + 社会救助 2 + 乡村振兴 2 + 惠民惠农 3 = 80
    assert u.max == D("80")
    # 养老 0 (−2), 救助 1 (−1), 申请回复 rated 2.5 but its evidence came on 2022-01-20, after the
    # 2022-01-14 deadline: 视为无相关工作内容 → 0 (−3), 问答解读 2 (−4): base 70
    assert u.base == D("70")
    assert u.node("A3").earned == D("3")
    late = u.node("A3.2").lines[-1]
    assert "晚于截止日期 2022-01-14" in late.text and late.amount == D("-2.5")
    assert result.unit("区党政办").node("A3.2").earned == D("3")  # sent on the day: on time
    # 70 × 100 ÷ 80 = 87.50, no third-party deduction
    assert u.total == D("87.5")
    assert u.grade == "良好"
    assert result.unit("区党政办").node("A2.2.5").max == D("0")


def test_it_lets_third_party_deductions_take_a_full_score_down(result):
    u = result.unit("区社会事务局")
    # 71 + 许可 1 + 处罚 2 + 收费 1 + 教育 2 + 医疗卫生 2 = 79, all at the top: 100; − 12 = 88
    assert u.max == D("79")
    assert u.base == D("79")
    assert u.total == D("88")
    assert u.grade == "良好"


def test_it_fails_a_unit_below_60(result):
    u = result.unit("区市场监管局")
    # 71 + 许可 1 + 处罚 2 + 收费 1 + 市场规则 2 + 食品安全 2 = 79
    assert u.max == D("79")
    # 渠道覆盖 −2, 政策文件 −4, 处罚 −1, 决策预公开 −6, 市场规则 −1, 食品安全 −2,
    # 政策咨询 −3, 目录格式 −2 = −21: base 58
    assert u.base == D("58")
    # 基础信息公开 in scope: 29 common + 许可 1 + 处罚 2 + 收费 1 + 市场规则 2 = 35; 35 − 4 − 1 − 6 − 1 = 23
    assert u.node("A2.1").max == D("35")
    assert u.node("A2.1").earned == D("23")
    # 58 × 100 ÷ 79 = 73.4177… → 73.42; − 15 = 58.42
    assert u.total == D("58.42")
    assert u.grade == "不合格"


def test_it_ranks_within_the_class(result):
    # 99.31, 92.77, 90.80, 88, 87.50, 58.42
    order = [u.unit for u in result.in_class("A")]
    assert order == [
        "区经济发展局",
        "区党政办",
        "区财政金融局",
        "区社会事务局",
        "淅河工作局",
        "区市场监管局",
    ]
    assert [u.rank for u in result.in_class("A")] == [1, 2, 3, 4, 5, 6]

"""Seed 002: 2023年度永济市政务公开工作考核细则与评分表（A类 附件2、B类 附件3）."""

from __future__ import annotations

from decimal import Decimal as D
from pathlib import Path

import pytest

from tests.helpers import score_files
from zwgk.rubric import VetoEffect, load_scheme, node_max

ROOT = Path(__file__).resolve().parents[1]
SCHEME = ROOT / "schemes" / "yongji-2023.yaml"
UNITS = ROOT / "tests" / "data" / "seed_yongji2023_units.yaml"
FACTS = ROOT / "tests" / "data" / "seed_yongji2023_facts.yaml"


@pytest.fixture(scope="module")
def ix():
    return load_scheme(SCHEME)


def test_it_declares_the_printed_a_subtotals(ix):
    assert node_max(ix.nodes["A1"]) == D("11")  # 组织领导与工作保障(11分): 5 + 6
    assert node_max(ix.nodes["A2"]) == D("5")  # 基层政务公开(5分)
    assert node_max(ix.nodes["A3"]) == D("37")  # 主动公开(37分): 22 + 8 + 5 + 2
    assert node_max(ix.nodes["A3.1"]) == D("22")  # 基础信息公开: 4 + 6 + 2 + 6 + 4
    assert node_max(ix.nodes["A4"]) == D("14")  # 依申请公开(14分): 6 + 8
    assert node_max(ix.nodes["A5"]) == D("12")  # 解读咨询回应(12分): 6 + 6 (+ 只加分项 0)
    assert node_max(ix.nodes["A6"]) == D("21")  # 日常监管(21分): 5 + 8 + 8
    assert "A7" not in ix.nodes  # 综合加分项：A类一行空白，不设加分


def test_it_totals_a_to_100(ix):
    # 永济 A: 11 + 5 + 37 + 14 + 12 + 21 = 100
    table = ix.table_of_class["A"]
    assert table.total == D("100")
    assert sum((node_max(s) for s in table.sections), D(0)) == D("100")


def test_it_declares_the_printed_b_subtotals(ix):
    assert node_max(ix.nodes["B1"]) == D("11")  # 组织领导与工作保障(11分): 5 + 6(“h”)
    assert node_max(ix.nodes["B3"]) == D("14")  # 依申请公开(14分)
    assert node_max(ix.nodes["B4"]) == D("12")  # 解读咨询回应(12分): 6 + 6
    assert node_max(ix.nodes["B5"]) == D("3")  # 平台建设(3分): 0—3
    assert node_max(ix.nodes["B6"]) == D("25")  # 日常监管(25分): 5 + 4 + 8(空白) + 8(“Q”)
    assert node_max(ix.nodes["B7"]) == D("0")  # 综合加分项：只加分


def test_it_works_out_the_unprinted_b_active_disclosure_subtotal(ix):
    # 主动公开 (no subtotal printed), every row at its upper bound:
    # 基础信息公开 4 + 6 + 2 + 8 + 8 + 4 + 6 + 4 = 42
    assert node_max(ix.nodes["B2.1"]) == D("42")
    # 信息公开保密审查 3 + 5 = 8; 公开属性认定 5; 公文台账管理 2
    assert node_max(ix.nodes["B2.2"]) == D("8")
    # 重大行政决策公开 3 + 3 = 6
    assert node_max(ix.nodes["B2.5"]) == D("6")
    # 重点领域政务公开工作: 促进民营经济 8 + ten items of 3 = 38
    assert node_max(ix.nodes["B2.6"]) == D("38")
    # 42 + 8 + 5 + 2 + 6 + 38 = 101
    assert node_max(ix.nodes["B2"]) == D("101")


def test_it_totals_b_to_166(ix):
    # 永济 B: 11 + 101 + 14 + 12 + 3 + 25 = 166 (no unit can reach it: many rows are one unit's)
    table = ix.table_of_class["B"]
    assert table.total == D("166")
    assert sum((node_max(s) for s in table.sections), D(0)) == D("166")


def test_it_rescales_only_the_b_table_to_100(ix):
    # B (166 points, many rows one unit's) cannot be read without 折算: rows that do not apply
    # leave the unit's full marks and the base is scaled to 100; A totals 100 and gives full marks
    assert ix.table_of_class["B"].scale == D("100")
    assert ix.table_of_class["B"].not_applicable == "rescale"
    assert ix.table_of_class["A"].scale is None and ix.table_of_class["A"].not_applicable is None
    assert ix.scheme.not_applicable == "full_marks"


def test_it_reads_the_garbled_point_cells(ix):
    # “h”, “Q” and blanks, inferred from the caps and the subtotals
    for node_id, points in {
        "B1.2.1": "6",  # h
        "B2.1.7": "6",  # h
        "B2.2.2": "5",  # blank, 扣分上限5分
        "B2.3": "5",  # blank, 扣分上限为5分
        "B6.2.1": "8",  # blank, 扣分上限为8分
        "B6.2.2": "8",  # Q
    }.items():
        assert ix.nodes[node_id].points == D(points), node_id
    # “-33” → 赋分-3—3分; “-88” → 4 items × (-2—2) = -8—8; 0—3, 0—8
    assert ix.nodes["B2.5.1"].range == (D(-3), D(3))
    assert ix.nodes["B2.6.6"].range == (D(-3), D(3))  # blank cell, “3—3分” in the text
    assert ix.nodes["B2.6.11"].range == (D(-3), D(3))  # blank cell, “赋分-3-3分”
    assert ix.nodes["B2.6.1"].range == (D(-8), D(8))
    assert ix.nodes["B5.1.1"].range == (D(0), D(3))
    assert ix.nodes["B2.1.5"].range == (D(0), D(8))
    # 双公示数据报送 0—8: 市发改局 ranks the units, its score is imported
    assert ix.nodes["B2.1.4"].imported.by == "市发改局"
    assert ix.nodes["B2.1.4"].points == D("8")


def test_it_scopes_single_unit_items(ix):
    scoped = {
        "B2.1.5": "市发改局",
        "B2.5.1": "市司法局",
        "B2.6.2": "市财政局",
        "B2.6.3": "市自然资源局",
        "B2.6.4": "市市场监管局",
        "B2.6.5": "市人社局",
        "B2.6.6": "市民政局",
        "B2.6.7": "市教育局",
        "B2.6.8": "市农业农村局",
        "B2.6.9": "市文旅局",
        "B2.6.10": "市民政局",
        "B5.1.1": "市审批服务管理局",
    }
    for node_id, unit in scoped.items():
        assert ix.nodes[node_id].applies_to.units == [unit], node_id
    assert ix.nodes["B2.6.1"].applies_to is None  # 促进民营经济: all B units
    assert ix.table_of_class["B"].not_applicable == "rescale"


def test_it_encodes_the_rules_of_a_sentence(ix):
    guide = {f.id: f for f in ix.nodes["A3.1.1"].faults}
    assert set(guide) == {"missing-item", "error", "no-channel"}
    assert len(guide["no-channel"].elements) == 3
    assert ix.nodes["A3.1.1"].cap == D("4")
    assert len(ix.nodes["A3.1.2"].faults[0].elements) == 5  # 机构职能…负责人姓名
    review = {f.id: (f.amount, f.mode.value) for f in ix.nodes["A3.2.1"].faults}
    assert review == {"no-system": (D("3"), "once"), "incomplete": (D("1"), "once")}
    assert ix.nodes["A3.2.1"].exclusive == [["no-system", "incomplete"]]  # 未制定 vs 不健全
    # 民营经济: four items, 每一项赋分-2—2分
    assert [p.range for p in ix.nodes["B2.6.1"].parts] == [(D(-2), D(2))] * 4
    # B 政策咨询: the deduction column is blank → the assessors' judgement, up to 6
    assert [(f.discretionary, f.amount) for f in ix.nodes["B4.2.1"].faults] == [(True, None)]
    # 市长信箱: 0.5 / 1 per item, one shared 加分上限3分
    assert {b.id: b.amount for b in ix.nodes["A5.2.1"].bonuses} == {
        "published": D("0.5"),
        "praised": D("1"),
    }
    assert ix.nodes["A5.2.1"].bonus_cap == D("3")
    # 解读质量: 入选 5, 参选 1, 加分上限5分
    assert {b.id: b.amount for b in ix.nodes["B4.1.2"].bonuses} == {
        "selected": D("5"),
        "entered": D("1"),
    }
    assert ix.nodes["B4.1.2"].bonus_cap == D("5")


def test_it_has_bonus_only_items(ix):
    for node_id in ("A5.1.2", "A5.3.1", "B4.1.2", "B4.1.3", "B4.3.1", "B7.1"):
        node = ix.nodes[node_id]
        assert node.kind == "bonus", node_id
        assert node.points == D("0")


def test_it_leaves_the_comprehensive_bonus_to_the_leading_group(ix):
    # 综合加分项 “加分酌情而定”: each bonus fact states its amount; the seed prints no cap
    for node_id in ("B7.1",):
        node = ix.nodes[node_id]
        assert [(b.id, b.discretionary, b.amount, b.cap) for b in node.bonuses] == [
            ("other", True, None, None)
        ], node_id
        assert node.bonus_cap is None
        assert ix.nodes[node_id.split(".")[0]].bonus_cap is None


def test_it_encodes_the_major_deductions(ix):
    vetoes = {v.id: v for v in ix.scheme.vetoes}
    assert list(vetoes) == ["serious-error", "leak", "poor-response", "fake", "misconduct", "other"]
    for veto_id in ("serious-error", "leak", "poor-response", "fake", "misconduct"):
        assert vetoes[veto_id].effect is VetoEffect.DEDUCT
        assert vetoes[veto_id].amount == D("5")
    # (六) 酌情扣分: the amount is stated with each fact
    assert vetoes["other"].effect is VetoEffect.DEDUCT
    assert vetoes["other"].discretionary and vetoes["other"].amount is None
    assert ix.scheme.total_cap is None and ix.scheme.bonus_cap is None


# Worked example (tests/data/seed_yongji2023_*.yaml). Leaves: points − capped deductions; bonuses
# on top; no total cap. A: rows that do not apply count at full marks. B (scale 100, rescale): rows
# out of a unit's scope or approved N/A leave its max and the base is scaled: base ÷ max × 100,
# rounded to 2 places.
# B maxima: common to every B unit 11 + 63 + 14 + 12 + 25 = 125, where 主动公开 63 =
# 34 (基础信息 without 双公示排名) + 8 + 5 + 2 + 3 (预公开) + 8 (民营经济) + 3 (其他栏目).


@pytest.fixture(scope="module")
def result(ix):
    return score_files(ix, UNITS, FACTS)


def test_it_scores_a_street_with_capped_faults_and_bonuses(result):
    u = result.unit("城西街道")
    # 机构人员经费：少经费一项 −2 → 4
    assert u.node("A1.2.1").earned == D("4")
    # 指南：获取渠道缺 2 项 2 + 明显错误 1 + 缺漏项 2 × 1 = 5 → 上限 4 → 0
    assert u.node("A3.1.1").earned == D("0")
    # 重大项目 2 次 × 2 → 2
    assert u.node("A3.1.4").earned == D("2")
    # 规范答复：不规范 1 件 −3 → 3；案卷质量高 3 件 × 2 = 6 → 上限 4
    assert u.node("A4.1.1").earned == D("3")
    assert u.node("A4.1.1").bonus == D("4")
    # 市长信箱：5 × 0.5 + 2 × 1 = 4.5 → 加分上限 3；多样化解读 1 项 3
    assert u.node("A5.2.1").bonus == D("3")
    assert u.node("A5").bonus == D("6")
    # base 100 − 2 − 4 − 4 − 3 = 87; bonus 4 + 3 + 3 = 10; total 97
    assert u.base == D("87")
    assert u.bonus == D("10")
    assert u.total == D("97")
    assert u.grade == "优秀"


def test_it_takes_the_major_deductions_from_the_total(result):
    u = result.unit("城北街道")
    # 未听取汇报 −5: the item's whole 5 points (the seed has no 不得分 wording)
    assert u.node("A1.1.1").earned == D("0")
    # 省、运城通报 3 × 4 = 12 → 上限 8 → 0; 我市通报 3 × 1 → 5; 日常监管 5 + 0 + 5 = 10
    assert u.node("A6.1.2").earned == D("0")
    assert u.node("A6.1.3").earned == D("5")
    assert u.node("A6").earned == D("10")
    # 标准目录 3 × 0.5 = 1.5 → 3.5
    assert u.node("A2").earned == D("3.5")
    # base 100 − 5 − 8 − 3 − 1.5 = 82.5; no bonus (A has no 综合加分); 重大扣分项 (一) 5 + (六) 酌情 2 = 7
    assert u.base == D("82.5")
    assert u.bonus == D("0")
    # 82.5 − 7 = 75.5
    assert u.total == D("75.5")
    assert u.grade == "合格"
    assert u.grade_forced_by is None  # deductions never force a grade


def test_it_gives_an_approved_not_applicable_a_item_full_marks(result):
    u = result.unit("虞乡镇")
    # 重大项目建设 approved N/A: A counts it at full marks (6 of 6)
    assert u.node("A3.1.4").earned == u.node("A3.1.4").max == D("6")
    assert u.max == D("100")
    # 保密审查执行 2 件 × 1 → 3 (the pending finding and the dismissed lawsuit do not count)
    assert u.node("A3.2.2").earned == D("3")
    assert u.node("A4.2.1").earned == D("8")
    # base 100 − 2 = 98, no rescaling
    assert u.base == D("98")
    # 新闻媒体 3 项 × 2 = 6 → 上限 4; total 98 + 4 = 102 (no total cap in the seed)
    assert u.bonus == D("4")
    assert u.total == D("102")
    assert u.grade == "优秀"


def test_it_scores_the_development_bureau_with_imported_and_rated_items(result):
    u = result.unit("市发改局")
    # max 125 + 双公示排名 8 = 133
    assert u.max == D("133")
    # 双公示数据报送 imported 6.5 (−1.5); 双公示排名 rated 6 (−2)
    assert u.node("B2.1.4").earned == D("6.5")
    assert u.node("B2.1.5").earned == D("6")
    # 预公开 2 (−1); 民营经济 −1 −1 0 0 = −2 (−10); 其他栏目 unrated → 3
    assert u.node("B2.6.1").earned == D("-2")
    assert u.node("B2.6.11").earned == D("3")
    # 主动公开: max 42 + 8 + 5 + 2 + 3 + 11 = 71; earned 71 − 1.5 − 2 − 1 − 10 = 56.5
    assert u.node("B2").max == D("71")
    assert u.node("B2").earned == D("56.5")
    # 新媒体不能及时更新 3 × 2 = 6 → 上限 4 → 0; 市长信箱超期 1 件 −2
    assert u.node("B6.1.2").earned == D("0")
    assert u.node("B4.2.1").earned == D("4")
    # 解读质量：入选 1 × 5 + 参选 2 × 1 = 7 → 上限 5
    assert u.node("B4.1.2").bonus == D("5")
    # base 133 − 1.5 − 2 − 1 − 10 − 4 − 2 = 112.5 → 112.5 ÷ 133 × 100 = 84.586… → 84.59
    assert u.full == D("100")
    assert u.base == D("112.5")
    assert u.scaled_base == D("84.59")
    assert u.total == D("89.59")  # 84.59 + 5
    assert u.grade == "良好"  # 80 ≤ 89.59 < 90
    # 平台建设 is 市审批服务管理局's only
    assert u.node("B5").counted is False


def test_it_scores_the_civil_affairs_bureau_with_two_own_items_and_a_deduction(result):
    u = result.unit("市民政局")
    # max 125 + 养老服务 3 + 社会救助 3 − 预公开 3 (approved N/A, omitted) = 128
    assert u.max == D("128")
    assert u.node("B2.6.6").earned == D("3")
    assert u.node("B2.6.10").earned == D("-3")
    # 重点领域: 民营经济 4 + 养老 3 + 救助 −3 + 其他栏目 3 = 7 of 17
    assert u.node("B2.6").max == D("17")
    assert u.node("B2.6").earned == D("7")
    # 审查制度不健全 −1; 规范答复不规范 −3, 案卷质量高 +2
    assert u.node("B2.2.1").earned == D("2")
    assert u.node("B3.1.1").earned == D("3")
    # base 128 − 6 − 4 − 1 − 3 = 114 → 114 ÷ 128 × 100 = 89.0625 → 89.06
    assert u.base == D("114")
    assert u.scaled_base == D("89.06")
    # 89.06 + 2 − 5 (重大扣分项 (三)) = 86.06
    assert u.bonus == D("2")
    assert u.veto_deduction == D("5")
    assert u.total == D("86.06")
    assert u.grade == "良好"  # 80 ≤ 86.06 < 90


def test_it_scores_the_service_bureau_on_its_platform_item(result):
    u = result.unit("市审批服务管理局")
    # max 125 + 政务公开专区 3 = 128; 专区 rated 2
    assert u.max == D("128")
    assert u.node("B5").earned == D("2")
    # 机构职能缺 4 项 × 2 = 8 → 上限 6 → 0; 省、运城通报 1 次 −4
    assert u.node("B2.1.2").earned == D("0")
    assert u.node("B6.2.1").earned == D("4")
    # base 128 − 1 − 6 − 4 = 117 → 117 ÷ 128 × 100 = 91.40625 → 91.41
    assert u.base == D("117")
    assert u.scaled_base == D("91.41")
    # bonus: 综合加分 酌情 2 + 新闻媒体 2 + 多样化解读 3 × 3 = 9 → 上限 6: 10
    assert u.node("B7").bonus == D("2")
    assert u.bonus == D("10")
    assert u.total == D("101.41")  # 91.41 + 10 (no total cap in the seed)
    assert u.grade == "优秀"  # ≥ 90


def test_it_does_not_penalise_units_without_single_unit_items(result):
    # 市财政局: only 行政事业性收费 of the single-unit items (unrated → 3); no facts:
    # max 125 + 3 = 128, base 128 → 128 ÷ 128 × 100 = 100, the same as any unit with nothing wrong
    u = result.unit("市财政局")
    assert u.max == D("128")
    assert u.base == D("128")
    assert u.total == D("100")
    assert u.grade == "优秀"  # ≥ 90
    assert u.node("B2.6.4").counted is False  # 食品药品监管 is 市市场监管局's


def test_it_ranks_each_class_separately(result):
    # A: 101.87, 100, 97, 77; B: 101.41, 100, 89.59, 86.06
    assert [(u.unit, u.rank) for u in result.in_class("A")] == [
        ("虞乡镇", 1),
        ("卿头镇", 2),
        ("城西街道", 3),
        ("城北街道", 4),
    ]
    assert [(u.unit, u.rank) for u in result.in_class("B")] == [
        ("市审批服务管理局", 1),
        ("市财政局", 2),
        ("市发改局", 3),
        ("市民政局", 4),
    ]
    # B is scored on 100 (scale), so the default bands apply to it as to A
    assert [(u.unit, u.grade) for u in result.in_class("B")] == [
        ("市审批服务管理局", "优秀"),
        ("市财政局", "优秀"),
        ("市发改局", "良好"),
        ("市民政局", "良好"),
    ]

"""Seed 000: XX区2023年度政务公开工作考核方案（附件2 A类、附件3 B类 考核细则与评分表）."""

from __future__ import annotations

from decimal import Decimal as D
from pathlib import Path

import pytest

from tests.helpers import score_files
from zwgk.rubric import VetoEffect, load_scheme, node_max
from zwgk.scoring import NodeStatus, load_units

ROOT = Path(__file__).resolve().parents[1]
SCHEME = ROOT / "schemes" / "xx-2023.yaml"
UNITS = ROOT / "examples" / "xx-2023-units.yaml"
FACTS = ROOT / "tests" / "data" / "seed_xx2023_facts.yaml"


@pytest.fixture(scope="module")
def ix():
    return load_scheme(SCHEME)


def test_it_has_two_classes_with_their_own_tables(ix):
    assert [c.id for c in ix.scheme.classes] == ["A", "B"]
    assert ix.table_of_class["A"].id == "TA"
    assert ix.table_of_class["B"].id == "TB"


def test_it_adds_up_the_a_sections(ix):
    # The seed prints no subtotals: every section's points are the sum of its rows.
    assert node_max(ix.nodes["A1"]) == D("11")  # 4 + 4 + 3
    assert node_max(ix.nodes["A2"]) == D("52")  # 3 + 10 + 12 + 10 + 6 + 8 + 3
    assert node_max(ix.nodes["A3"]) == D("12")  # 3 + 6 + 3
    assert node_max(ix.nodes["A4"]) == D("15")  # 4 + 5 + 3 + 3 (开放日 5 counts, from 0)
    assert node_max(ix.nodes["A5"]) == D("10")  # 2 + 3 + 5


def test_it_totals_a_to_100_with_the_open_day_counted(ix):
    # XX区 A: 11 + 52 + 12 + 15 + 10 = 100, 解读咨询回应 15 including 参加政府开放日和政务直播间 5
    table = ix.table_of_class["A"]
    assert table.total == D("100")
    assert sum((node_max(s) for s in table.sections), D(0)) == D("100")
    open_day = ix.nodes["A4.1.2"]
    assert open_day.kind == "additive" and open_day.points == D("5")


def test_it_adds_up_the_b_sections(ix):
    assert node_max(ix.nodes["B1"]) == D("9")  # 3 + 3 + 3
    assert node_max(ix.nodes["B2"]) == D("8")  # 8
    assert node_max(ix.nodes["B3.1"]) == D("40")  # 3 + 10 + 2 + 8 + 3 + 8 + 3 + 3
    assert node_max(ix.nodes["B3"]) == D("48")  # 40 + 5 + 3
    assert node_max(ix.nodes["B4"]) == D("9")  # 2 + 5 + 2
    assert node_max(ix.nodes["B5"]) == D(
        "16"
    )  # 5 + 5 + 3 + 3 (开放日 5 from 0; 互动回应情况 from A)
    assert node_max(ix.nodes["B6"]) == D("10")  # 2 + 3 + 5, the truncated tail, from A


def test_it_totals_b_to_100_once_the_truncated_rows_are_filled_from_a(ix):
    # XX区 B: 9 + 8 + 48 + 9 + 16 + 10 = 100 (解读咨询回应 16 including 开放日 5); the rows after the
    # truncation (互动回应情况 3, 规范性文件报备 2, 整改落实 3, 通报检查 5) are A's, and then B adds up like A
    table = ix.table_of_class["B"]
    assert table.total == D("100")
    assert sum((node_max(s) for s in table.sections), D(0)) == D("100")
    for node_id in ("B5.2.2", "B6.1.1", "B6.2.1", "B6.3.1"):
        assert "原文" in ix.nodes[node_id].note and "A类" in ix.nodes[node_id].note, node_id


def test_it_encodes_the_open_day_as_two_rates_capped_at_its_points(ix):
    # 赋分 5, 从 0 分起算: 主要负责人参加 5, 其他人员参加 3, at most the item's 5 points (no bonus_cap)
    for node_id in ("A4.1.2", "B5.1.2"):
        node = ix.nodes[node_id]
        assert node.additive and node.kind == "additive" and node.points == D("5")
        assert {b.id: b.amount for b in node.bonuses} == {"leader": D("5"), "other": D("3")}
        assert node.bonus_cap is None and not node.faults
    assert ix.scheme.total_cap is None and ix.scheme.bonus_cap is None


def test_it_encodes_the_rank_items_with_a_linear_rule(ix):
    a, b = ix.nodes["A5.3.1"], ix.nodes["B6.3.1"]
    assert a.points == b.points == D("5")
    assert a.rank.step == D("0.5")  # 10 units: 5, 4.5, …, 0.5
    assert b.rank.step == D("0.1")  # 35 units: 5, 4.9, …, 1.6
    assert a.rank.within == b.rank.within == "class"
    assert a.rank.higher_is_better and b.rank.higher_is_better


def test_it_encodes_the_rules_of_a_sentence(ix):
    # 未研究的,不得分 / 未落实的,不得分
    for node_id in ("A1.1.1", "A1.1.2", "B1.1.1", "B1.1.2", "B3.1.5", "B3.1.8"):
        assert [f.zeroes for f in ix.nodes[node_id].faults] == [True], node_id
    # 每少一项 over named lists
    assert len(ix.nodes["A1.2.1"].faults[0].elements) == 4
    assert len(ix.nodes["B1.2.1"].faults[0].elements) == 3
    assert len(ix.nodes["A2.1.1"].faults[0].elements) == 7
    assert ix.nodes["A2.1.5"].faults[0].elements == ["乡镇权责清单", "行政审批局赋权清单"]
    # open lists (…等): the named items plus the rest
    assert [f.id for f in ix.nodes["A2.1.4"].faults] == ["missing-named", "missing-other"]
    assert [f.id for f in ix.nodes["B3.1.3"].faults] == ["missing-named", "missing-other"]
    # 台账 once (扣1分 / 扣0.5分) + per document
    ledger_a = {f.id: (f.amount, f.mode.value) for f in ix.nodes["A2.2.2"].faults}
    assert ledger_a == {"no-ledger": (D("1"), "once"), "weak-basis": (D("1"), "occurrence")}
    ledger_b = {f.id: (f.amount, f.mode.value) for f in ix.nodes["B3.2.2"].faults}
    assert ledger_b == {"no-ledger": (D("0.5"), "once"), "weak-basis": (D("0.5"), "occurrence")}
    # 指南、年报: four faults in B, two in A
    assert len(ix.nodes["B3.1.2"].faults) == 4
    assert len(ix.nodes["A2.1.2"].faults) == 2
    # 规范性文件报备: 0.5 per document each way
    assert {f.id: f.amount for f in ix.nodes["A5.1.1"].faults} == {
        "not-filed": D("0.5"),
        "not-gazetted": D("0.5"),
    }
    # 双公示: computed elsewhere and imported
    assert ix.nodes["B3.1.6"].imported is not None and ix.nodes["B3.1.6"].points == D("8")


def test_it_scopes_the_related_units_items(ix):
    assert ix.nodes["B2.1.1"].applies_to.tags == ["标准化试点领域单位"]
    assert ix.nodes["B3.1.5"].applies_to.tags == ["建议提案承办单位"]
    assert ix.nodes["B3.1.6"].applies_to.tags == ["双公示成员单位"]
    assert ix.nodes["B3.1.7"].applies_to.tags == ["行政执法单位"]
    assert ix.nodes["B3.1.8"].applies_to.tags == ["预决算公开单位"]
    key_areas = ix.nodes["B3.1.4"].applies_to.units
    assert "区民政局" in key_areas and "XX市城市管理综合行政执法队XX大队" in key_areas
    assert (
        ix.scheme.not_applicable == "full_marks"
    )  # 原文无“折算”: rows that do not apply cost nothing
    assert {a.id for a in ix.scheme.assumptions} >= {"grades", "rank-points", "related-units"}


def test_it_fails_the_three_veto_cases(ix):
    vetoes = {v.id: v for v in ix.scheme.vetoes}
    assert list(vetoes) == ["serious-error", "poor-response", "fake"]
    assert all(v.effect is VetoEffect.FAIL for v in vetoes.values())
    assert [g.name for g in ix.scheme.grades] == ["优秀", "良好", "合格", "不合格"]


def test_it_lists_all_45_units(ix):
    units = load_units(UNITS)
    assert len(units) == 45
    assert sum(u.unit_class == "A" for u in units) == 10
    assert sum(u.unit_class == "B" for u in units) == 35


# Worked example (tests/data/seed_xx2023_*.yaml). Leaves: points − capped deductions (never below
# 0); 不得分 zeroes; 开放日 starts at 0 and earns 主要负责人 5 / 其他人员 3 up to its 5 points, part of
# base (a unit without attendance loses those 5); the scheme has no bonuses. B units out of the
# scope of a “区直相关单位” item get its points (a deduction row that does not apply costs nothing;
# the seed says nothing of 折算). 通报检查: A 5 − 0.5 × (rank − 1), B 5 − 0.1 × (rank − 1), ties
# share a rank.


@pytest.fixture(scope="module")
def result(ix):
    return score_files(ix, UNITS, FACTS)


def test_it_scores_the_street_with_capped_lists_and_a_capped_open_day(result):
    u = result.unit("XX街道")
    # 保障：少专项经费 −1 → 2
    assert u.node("A1.2.1").earned == D("2")
    # 机构职能：缺 5 项 × 1 = 5 → 分值 3 扣完 → 0
    assert u.node("A2.1.1").earned == D("0")
    # 指南年报：超期 2 + 错误 1 = 3 → 7
    assert u.node("A2.1.2").earned == D("7")
    # 清单：缺赋权清单 −1 → 5
    assert u.node("A2.1.5").earned == D("5")
    # 复议诉讼 dismissed → 3
    assert u.node("A3.3.1").earned == D("3")
    # 通报检查 98 → 第1名 → 5
    assert u.node("A5.3.1").earned == D("5")
    # 开放日：主要负责人 5 + 其他人员 2 × 3 = 11 → 最高 5（满分，不失分）
    assert u.node("A4.1.2").earned == D("5")
    assert u.node("A4.1.2").max == D("5")
    # base 100 − 1 − 3 − 3 − 1 = 92 (开放日 5 of 5); no bonus; total 92
    assert u.base == D("92")
    assert u.bonus == D("0")
    assert u.total == D("92")
    assert u.grade == "优秀"


def test_it_scores_the_town_with_a_zeroing_fault(result):
    u = result.unit("XX镇1")
    # 未研究部署 → 不得分 (−4)
    assert u.node("A1.1.1").earned == D("0")
    # 村级 7 项 × 0.5 = 3.5 → 8.5
    assert u.node("A2.1.3").earned == D("8.5")
    # 乡村振兴：清单缺 2 项 + 其他 3 项 = 5 → 5
    assert u.node("A2.1.4").earned == D("5")
    # 规范答复 2 次 × 2 = 4 → 2
    assert u.node("A3.2.1").earned == D("2")
    # 规范性文件：未备案 3 × 0.5 + 未报送公报 2 × 0.5 = 2.5 → 分值 2 扣完 → 0
    assert u.node("A5.1.1").earned == D("0")
    # 互动回应 pending → 3
    assert u.node("A4.2.2").earned == D("3")
    # 通报检查 95（与XX镇2并列第2名）→ 4.5
    assert u.node("A5.3.1").earned == D("4.5")
    # 开放日其他人员参加 → 3（比满分 5 少 2）
    assert u.node("A4.1.2").earned == D("3")
    # base 100 − 4 − 3.5 − 5 − 4 − 2 − 0.5 − 2 = 79; no bonus; total 79
    assert u.base == D("79")
    assert u.bonus == D("0")
    assert u.total == D("79")
    assert u.grade == "合格"


def test_it_fails_the_town_that_faked_its_evidence(result):
    u = result.unit("XX镇2")
    # 台账：未管理 1 + 依据不充分 2 × 1 = 3 → 0; 公文属性：未认定 3 + 未公开 2 = 5 → 3
    assert u.node("A2.2.2").earned == D("0")
    assert u.node("A2.2.1").earned == D("3")
    assert u.node("A5.3.1").earned == D("4.5")  # 并列第2名
    assert u.node("A4.1.2").earned == D("5")  # 开放日主要负责人参加
    # base 100 − 3 − 5 − 0.5 = 91.5 = total, but 弄虚作假 → 不合格
    assert u.base == D("91.5")
    assert u.total == D("91.5")
    assert u.grade == "不合格"
    assert u.grade_forced_by == "fake"


def test_it_scores_the_development_bureau_with_an_imported_item(result):
    u = result.unit("区发改科技局")
    # in every B scope: max 100, no prorating
    assert u.max == D("100")
    # 双公示 imported 6.5 (−1.5)
    assert u.node("B3.1.6").earned == D("6.5")
    # 重点领域：不规范 3 + 不及时 2 = 5 → 3
    assert u.node("B3.1.4").earned == D("3")
    # 指南年报：不符合 1 + 超期 1 + 缺漏 2 + 错误 1 = 5 → 5
    assert u.node("B3.1.2").earned == D("5")
    # 行政执法：2 次 × 1 = 2 → 一次性扣分上限 1 → 2
    assert u.node("B3.1.7").earned == D("2")
    # 通报检查 97 → 第3名 → 5 − 0.2 = 4.8
    assert u.node("B6.3.1").earned == D("4.8")
    # 开放日主要负责人参加 → 5 of 5
    assert u.node("B5.1.2").earned == D("5")
    # base 100 − 1.5 − 5 − 5 − 1 − 0.2 = 87.3 = total
    assert u.base == D("87.3")
    assert u.scaled_base == D("87.3")
    assert u.total == D("87.3")
    assert u.grade == "良好"


def test_it_gives_full_marks_on_the_related_units_items_a_unit_is_outside(result):
    u = result.unit("区融媒体中心")
    # only 预决算公开单位: out of scope 标准目录 8 + 重点领域 8 + 建议提案 3 + 双公示 8 + 行政执法 3
    # = 30, all at full marks
    assert u.max == D("100")
    assert u.node("B2").status is NodeStatus.OUT_OF_SCOPE_FULL and u.node("B2").earned == D(8)
    assert u.node("B3.1.6").earned == D(8)
    # 公文属性未认定 2 件 −2; 保障缺业务培训 −1; 通报检查 99 → 第1名 5
    assert u.node("B3.2.1").earned == D("3")
    assert u.node("B1.2.1").earned == D("2")
    assert u.node("B6.3.1").earned == D("5")
    # 开放日其他人员 2 × 3 = 6 → 最高 5（满分，不失分）
    assert u.node("B5.1.2").earned == D("5")
    # base 100 − 2 − 1 = 97; no rescaling, no bonus; total 97
    assert u.base == D("97")
    assert u.scaled_base == D("97")
    assert u.bonus == D("0")
    assert u.total == D("97")
    assert u.grade == "优秀"


def test_it_scores_the_civil_affairs_bureau_with_two_zeroed_items(result):
    u = result.unit("区民政局")
    # 财政信息、建议提案 不得分 (−3, −3)
    assert u.node("B3.1.8").earned == D("0")
    assert u.node("B3.1.5").earned == D("0")
    # 规范答复 3 次 × 2 = 6 → 分值 5 扣完 → 0
    assert u.node("B4.2.1").earned == D("0")
    # 解读：未解读 1 + 理由不成立 1 → 3
    assert u.node("B5.1.1").earned == D("3")
    # 双公示 imported 8 (full); 通报检查 92 → 第10名 → 5 − 0.9 = 4.1
    assert u.node("B3.1.6").earned == D("8")
    assert u.node("B6.3.1").earned == D("4.1")
    # 开放日无参加记录 → 0（失 5 分）
    assert u.node("B5.1.2").earned == D("0")
    # base 100 − 3 − 3 − 5 − 2 − 0.9 − 5 = 81.1; the pending veto does not count
    assert u.base == D("81.1")
    assert u.total == D("81.1")
    assert u.grade == "良好"
    assert u.grade_forced_by is None


def test_it_ranks_each_class_separately(result):
    # A: the seven units without facts lose 开放日 5 and on 通报检查: 镇3 100 − 5 − 1.5 = 93.5,
    # 镇4 93, 镇5 92.5, 镇6 92, 乡1 91.5, 乡2 91, 乡3 90.5; with 街道 92, 镇2 91.5 (不合格 but still
    # ranked), 镇1 79
    assert result.unit("XX镇3").node("A4.1.2").earned == D("0")
    assert result.unit("XX镇3").total == D("93.5")
    assert [(u.unit, u.rank) for u in result.in_class("A")] == [
        ("XX镇3", 1),
        ("XX镇4", 2),
        ("XX镇5", 3),
        ("XX街道", 4),
        ("XX镇6", 4),
        ("XX乡1", 6),
        ("XX镇2", 6),
        ("XX乡2", 8),
        ("XX乡3", 9),
        ("XX镇1", 10),
    ]
    # B: 区融媒体中心 97 tops: a unit without 开放日 attendance keeps at most 100 − 5 = 95;
    # the next, 区教育局 (第2名), 100 − 5 − 0.1 = 94.9. The lowest unit without facts is
    # 振兴生态文化旅游发展中心 (第34名 5 − 3.3 = 1.7): 100 − 5 − 3.3 = 91.7, still above
    # 发改 87.3 and 民政 81.1
    assert result.unit("区教育局").total == D("94.9")
    assert result.unit("振兴生态文化旅游发展中心").total == D("91.7")
    b = {u.unit: u.rank for u in result.in_class("B")}
    assert len(b) == 35
    assert b["区融媒体中心"] == 1
    assert b["区发改科技局"] == 34
    assert b["区民政局"] == 35

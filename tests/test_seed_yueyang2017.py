"""Seed 001: 岳阳市2017年度全市政务公开政务服务工作考评细则（分值栏丢失，按扣分标准推定）."""

from __future__ import annotations

from decimal import Decimal as D
from pathlib import Path

import pytest

from tests.helpers import score_files
from zwgk.rubric import load_scheme, node_max
from zwgk.scoring import NodeStatus

ROOT = Path(__file__).resolve().parents[1]
SCHEME = ROOT / "schemes" / "yueyang-2017.yaml"
UNITS = ROOT / "tests" / "data" / "seed_yueyang2017_units.yaml"
FACTS = ROOT / "tests" / "data" / "seed_yueyang2017_facts.yaml"

COUNTIES = [
    "岳阳楼区",
    "云溪区",
    "君山区",
    "岳阳县",
    "华容县",
    "湘阴县",
    "平江县",
    "汨罗市",
    "临湘市",
    "岳阳经济技术开发区",
    "城陵矶新港区",
    "南湖新区",
    "屈原管理区",
]


@pytest.fixture(scope="module")
def ix():
    return load_scheme(SCHEME)


# The web copy lost every points column; all subtotals below are the inferred ones written in the
# scheme's notes (the seed prints none). Each table must total 百分制 100.


def test_it_totals_100_for_counties(ix):
    # 县市区 C: 政务公开 46 + 政务服务 48 + 工作报送 6 = 100
    assert node_max(ix.nodes["C1"]) == D("46")
    assert node_max(ix.nodes["C2"]) == D("48")
    assert node_max(ix.nodes["C3"]) == D("6")
    table = next(t for t in ix.scheme.tables if t.id == "C")
    assert table.classes == ["county"]
    assert table.total == D("100")
    assert sum((node_max(s) for s in table.sections), D(0)) == D("100")


def test_it_adds_up_the_county_sections(ix):
    # C1 = 组织领导 16 + 制度建设 4 + 公开平台 2 + 解读回应 5 + 重点领域 11 + 依申请公开 8 = 46
    expected = {"C1.1": "16", "C1.2": "4", "C1.3": "2", "C1.4": "5", "C1.5": "11", "C1.6": "8"}
    # C2 = 工作机制 2.5 + 事项清单与办事指南 8 + 平台 6 + 两集中两到位 11 + 网上办事 8
    #      + 数据共享与基础支撑 8 + 基层政务公开和便民服务 4.5 = 48
    expected |= {
        "C2.1": "2.5",
        "C2.2": "8",
        "C2.3": "6",
        "C2.4": "11",
        "C2.5": "8",
        "C2.6": "8",
        "C2.7": "4.5",
    }
    for node_id, points in expected.items():
        assert node_max(ix.nodes[node_id]) == D(points), node_id
    # 组织领导: 专题汇报 2 + 领导机构 6 (2+1+2+1) + 业务培训 2 + 考核督查 6 (4+1+1) = 16
    assert [node_max(c) for c in ix.nodes["C1.1"].children] == [D(2), D(6), D(2), D(6)]


def test_it_totals_100_for_departments(ix):
    # 市直 D: 政务公开 54 + 政务服务 43 + 工作报送 3 = 100
    assert node_max(ix.nodes["D1"]) == D("54")
    assert node_max(ix.nodes["D2"]) == D("43")
    assert node_max(ix.nodes["D3"]) == D("3")
    # D1 = 组织领导 7 + 制度建设 6 + 解读回应 6 + 重点领域 30 + 依申请公开 5 = 54
    for node_id, points in {
        "D1.1": "7",
        "D1.2": "6",
        "D1.3": "6",
        "D1.4": "30",
        "D1.5": "5",
    }.items():
        assert node_max(ix.nodes[node_id]) == D(points), node_id
    # D2 = 事项清单与办事指南 12 + 平台 13 + 两集中两到位 9 + 网上办事与数据共享 9 = 43
    for node_id, points in {"D2.1": "12", "D2.2": "13", "D2.3": "9", "D2.4": "9"}.items():
        assert node_max(ix.nodes[node_id]) == D(points), node_id
    table = next(t for t in ix.scheme.tables if t.id == "D")
    assert table.classes == ["dept"]
    assert table.total == D("100")
    assert sum((node_max(s) for s in table.sections), D(0)) == D("100")


def test_it_sets_the_notice_rules(ix):
    s = ix.scheme
    assert [c.id for c in s.classes] == ["county", "dept"]
    assert [(g.name, g.min) for g in s.grades] == [
        ("优秀", D(90)),
        ("良好", D(80)),
        ("合格", D(60)),
        ("不合格", None),
    ]
    assert s.composite_weight == D(4)
    # 说明：无考核指标所列任务的，书面说明、经认定：没有说怎样计分、没有折算 → 按满分计
    assert s.not_applicable == "full_marks"
    assert {a.id for a in s.assumptions} >= {"lost-points", "na-full-marks", "exclusive"}
    assert s.vetoes == [] and s.third_party is None and s.bonus_cap is None


def test_it_zeroes_items_whose_deduction_rule_was_lost(ix):
    lost = [n for n in ix.nodes.values() if n.is_leaf and n.text is None]
    # 县市区 7 (政务公开) + 17 (政务服务) = 24 items at 2 points, 市直 3 + 13 + 1 = 17 items at 3 points
    assert sum(n.id.startswith("C") for n in lost) == 24
    assert len(lost) == 24 + 17
    for n in lost:
        assert [f.zeroes for f in n.faults] == [True], n.id
        assert "丢失" in n.note, n.id
        assert n.points == (D(2) if n.id.startswith("C") else D(3)), n.id


def test_it_splits_each_deduction_sentence_into_faults(ix):
    # 未成立领导小组的扣2分，未及时调整的扣1分，无管理机构的扣2分，机构职能未明确的扣1分
    assert {f.id: f.amount for f in ix.nodes["C1.1.2"].faults} == {
        "no-group": D(2),
        "not-adjusted": D(1),
        "no-office": D(2),
        "functions-unclear": D(1),
    }
    # 其他保障措施不到位的，每缺一项扣0.5分（队伍、经费、考评）
    safeguards = {f.id: f for f in ix.nodes["C2.1.1"].faults}["safeguards-missing"]
    assert safeguards.elements == ["队伍", "经费", "考评"] and safeguards.amount == D("0.5")
    # 信息报送少于12条的，每少一条扣0.5分 → 最多扣6分
    short = {f.id: f for f in ix.nodes["C3.1"].faults}["short"]
    assert short.amount == D("0.5") and short.cap == D(6)
    # 市直：未公开指南扣1.5分，更新不及时扣0.5分；未公开年报扣1.5分，公开不及时扣0.5分
    assert [f.amount for f in ix.nodes["D1.2.2"].faults] == [D("1.5"), D("0.5"), D("1.5"), D("0.5")]


def test_it_scopes_the_data_item_to_units_with_the_task(ix):
    scope = ix.nodes["D2.2.2"].applies_to
    assert scope.tags == ["有政务业务数据资源汇聚或建专业库任务的单位"]
    assert {f.id: f.amount for f in ix.nodes["D2.2.2"].faults} == {
        "not-implemented": D(4),
        "data-late": D(2),
    }


# Worked example (tests/data/seed_yueyang2017_*.yaml). Leaf: points − min(Σ capped faults, points);
# approved N/A and out-of-scope items count at full marks (no 折算 in the seed); of two mutually
# exclusive faults only the larger counts. composite = total × 4 ÷ 100.


@pytest.fixture(scope="module")
def result(ix):
    return score_files(ix, UNITS, FACTS)


def test_it_scores_a_county_with_ordinary_deductions(result):
    u = result.unit("岳阳县")
    # C1.1.2: 未及时调整 1 + 职能未明确 1 → 6 − 2 = 4
    assert u.node("C1.1.2").earned == D(4)
    # C1.5.1: 5 项 × 0.5 = 2.5 → 8.5
    assert u.node("C1.5.1").earned == D("8.5")
    # C1.6.2: 超期 3 × 0.5 = 1.5 + 复议 1 = 2.5 → 1.5
    assert u.node("C1.6.2").earned == D("1.5")
    # C2.2.2 (扣分标准缺失) 办事指南要素不全 → 不得分
    assert u.node("C2.2.2").earned == D(0)
    # C3.1: 少报 4 × 0.5 = 2 + 迟报 2 × 0.5 = 1 → 3
    assert u.node("C3.1").earned == D(3)
    # C2.4.4 讲评 finding is pending: not counted
    assert u.node("C2.4.4").earned == D(5)
    # 100 − 2 − 2.5 − 2.5 − 2 − 3 = 88
    assert u.base == D(88)
    assert u.total == D(88)
    assert u.bonus == D(0)
    assert u.grade == "良好"
    assert u.composite == D("3.52")  # 88 × 4%


def test_it_caps_fault_and_item_deductions(result):
    u = result.unit("平江县")
    # C3.1: 少报 12 × 0.5 = 6 (cap 6) + 迟报 3 × 0.5 = 1.5 → 7.5 > 6 → 0
    assert u.node("C3.1").earned == D(0)
    # C1.1.4: 未纳入 4 + 未通报 1 = 5 → 1
    assert u.node("C1.1.4").earned == D(1)
    # C2.1.1: 缺经费、考评 2 × 0.5 = 1 + 未制定方案 0.5 = 1.5 → 1
    assert u.node("C2.1.1").earned == D(1)
    # C2.4.4: 3 + 1 + 1 = 5 → 0;  C1.4.1: 未解读 2 + 负责人 1 = 3 → 0
    assert u.node("C2.4.4").earned == D(0)
    assert u.node("C1.4.1").earned == D(0)
    # C1.2.1, C1.4.2 (扣分标准缺失) → 不得分 2 + 2
    assert u.node("C1.2.1").earned == D(0) and u.node("C1.4.2").earned == D(0)
    # 100 − 6 − 5 − 1.5 − 5 − 3 − 2 − 2 = 75.5
    assert u.total == D("75.5")
    assert u.grade == "合格"


def test_it_gives_full_marks_on_approved_na_items(result):
    u = result.unit("南湖新区")
    # na: C2.5.3 (2) + C2.6.3 (2) at full marks → 满分 100
    assert u.max == D(100)
    assert u.node("C2.5.3").status is NodeStatus.NA_FULL and u.node("C2.6.3").earned == D(2)
    # C1.5.1: 8 × 0.5 = 4 → 7; C2.2.1 不得分 2; 超期 finding dismissed
    assert u.node("C1.5.1").earned == D(7)
    assert u.node("C1.6.2").earned == D(4)
    # base 100 − 4 − 2 = 94, no rescaling
    assert u.base == D(94)
    assert u.total == D(94)
    assert u.grade == "优秀"
    assert u.composite == D("3.76")


def test_it_fails_a_county_below_60(result):
    u = result.unit("屈原管理区")
    # C1.5.1: 30 × 0.5 = 15 → 以11分为限 → 0
    assert u.node("C1.5.1").earned == D(0)
    # C1.1.2: 2+1+2+1 = 6 → 0; C1.1.4: 4+1+1 = 6 → 0; C1.2.2: 1+1 = 2 → 0
    assert u.node("C1.1").earned == D(4)  # 专题汇报 2 + 业务培训 2
    # C2.4: 进驻、首席代表、联合审批 不得分 + 讲评 3+1+1 → 0
    assert u.node("C2.4").earned == D(0)
    # 100 − 11 − 6 − 6 − 2 − 11 − 6 = 58
    assert u.total == D(58)
    assert u.grade == "不合格"
    assert u.grade_forced_by is None


def test_it_gives_departments_without_the_data_task_its_points(result):
    u = result.unit("市教育局")
    # D2.2.2 not in scope (no 数据汇聚 tag) → at full marks (4)
    assert u.node("D2.2.2").status is NodeStatus.OUT_OF_SCOPE_FULL
    assert u.max == D(100)
    # D1.4.1: 10 × 0.5 = 5 → 25; D1.2.2: 0.5 + 0.5 → 2; D1.5.1: 2 × 0.5 + 1 = 2 → 3; D2.1.2 不得分 3
    assert u.node("D1.4.1").earned == D(25)
    assert u.node("D1.2.2").earned == D(2)
    assert u.node("D1.5.1").earned == D(3)
    assert u.node("D2.1.2").earned == D(0)
    # base 100 − 5 − 1 − 2 − 3 = 89
    assert u.base == D(89)
    assert u.total == D(89)
    assert u.grade == "良好"
    # a department with no findings and no task scores 100
    assert result.unit("市财政局").total == D(100)


def test_it_caps_the_data_item_for_a_unit_with_the_task(result):
    u = result.unit("市发改委")
    # D2.2.2: 未实施 4 与汇集不及时 2 互斥，只计较大的 4 → 0
    assert u.node("D2.2.2").earned == D(0)
    # D1.1.2: 权重不达标 2 → 2; D3.1 不得分 3
    assert u.node("D1.1.2").earned == D(2)
    assert u.node("D3.1").earned == D(0)
    # 100 − 4 − 2 − 3 = 91 (full table, no prorating)
    assert u.max == D(100)
    assert u.total == D(91)
    assert u.grade == "优秀"


def test_it_ranks_each_class_separately(result):
    county = [(u.unit, u.rank) for u in result.in_class("county")]
    assert {u for u, _ in county} == set(COUNTIES)
    # nine counties without findings tie at 100 (rank 1); then 94, 88, 75.5, 58
    assert sorted(r for _, r in county)[:9] == [1] * 9
    assert county[-4:] == [("南湖新区", 10), ("岳阳县", 11), ("平江县", 12), ("屈原管理区", 13)]
    dept = sorted((u.rank, u.unit) for u in result.in_class("dept"))
    # 100, 100, 91, 89
    assert dept == [(1, "市人社局"), (1, "市财政局"), (3, "市发改委"), (4, "市教育局")]

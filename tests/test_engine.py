"""The scoring engine, one rule kind at a time, with hand-computed expectations."""

from __future__ import annotations

from decimal import Decimal as D

import pytest

from tests.helpers import run, scheme, units
from zwgk.report.explain import explain_unit
from zwgk.rubric import FactsError
from zwgk.scoring import NodeStatus, competition_ranks, score

BASE = """
id: t
title: 测试方案
classes:
  - {id: A, name: 乡镇}
  - {id: B, name: 部门}
tags: [执法部门]
grades:
  - {name: 优秀, min: 90}
  - {name: 良好, min: 80}
  - {name: 合格, min: 60}
  - {name: 不合格}
tables:
  - id: T
    title: 评分表
    classes: [A, B]
    total: 100
    sections:
      - id: S1
        name: 组织领导
        points: 20
        children:
          - id: L1
            name: 研究部署
            points: 5
            faults:
              - {id: none, text: 未研究部署, zeroes: true}
              - {id: late, text: 研究不及时, amount: 1}
          - id: L2
            name: 工作保障
            points: 6
            faults:
              - {id: lack, text: 未落实保障, amount: 2, per: 项, elements: [机构, 人员, 经费, 培训]}
          - id: L3
            name: 报送
            points: 9
            cap: 6
            faults:
              - {id: late, text: 迟报, amount: 1, per: 次}
              - {id: missed, text: 漏报, amount: 2, per: 次, cap: 4}
            bonuses:
              - {id: top, text: 主要负责人参加, amount: 5}
              - {id: other, text: 其他人员参加, amount: 3, cap: 3}
            bonus_cap: 6
      - id: S2
        name: 主动公开
        points: 40
        children:
          - id: L4
            name: 重点领域
            range: [-3, 3]
          - id: L5
            name: 双公示
            points: 8
            imported: {by: 市发改局}
          - id: L6
            name: 排名
            points: 5
            rank: {metric: 月度通报得分, step: 1, floor: 1}
          - id: L7
            name: 行政执法公开
            points: 4
            applies_to: {tags: [执法部门], text: 具有行政处罚职权的部门}
            faults:
              - {id: stale, text: 未及时更新, amount: 1}
          - id: L8
            name: 其他公开
            points: 20
            faults:
              - {id: miss, text: 缺项, amount: 0.5}
      - id: S3
        name: 日常工作
        points: 40
        pooled: true
        children:
          - id: L9
            name: 工作推进
            faults:
              - {id: undone, text: 未完成, amount: 15}
          - id: L10
            name: 台账
            faults:
              - {id: undone, text: 未完成一项, amount: 10}
      - id: S4
        name: 加分项
        points: 0
        bonus_cap: 5
        children:
          - id: L11
            name: 表彰
            points: 0
            bonuses:
              - {id: award, text: 受到表彰, amount: 2, cap: 6}
vetoes:
  - {id: fake, name: 弄虚作假, effect: fail}
  - {id: media, name: 新媒体泄密, effect: zero, target: S3}
  - {id: serious, name: 严重低级错误, effect: deduct, amount: 5, cap: 10}
"""


@pytest.fixture
def ix():
    return scheme(BASE)


@pytest.fixture
def people():
    return units("甲镇:A", "乙镇:A", "丙镇:A", "区教育局:B:执法部门", "区统计局:B")


def test_it_gives_full_points_with_no_facts(ix, people):
    result = score(ix, people)
    for u in result.units:
        # L7 (4) is out of scope for all but 区教育局: a deduction row that does not apply
        # costs nothing (not_applicable: full_marks, the default)
        assert u.total == D(100), u.unit
        assert u.max == D(100)
        assert u.rank == 1
    assert result.unit("甲镇").grade == "优秀"
    l7 = result.unit("甲镇").node("L7")
    assert l7.status is NodeStatus.OUT_OF_SCOPE_FULL and l7.earned == l7.max == D(4)


def test_out_of_scope_rows_can_leave_the_full_marks_and_rescale(people):
    ix = scheme(BASE.replace("grades:", "not_applicable: rescale\ngrades:"))
    result = score(ix, people)
    u = result.unit("甲镇")
    assert u.node("L7").status is NodeStatus.OUT_OF_SCOPE
    assert (u.max, u.base, u.total) == (D(96), D(96), D(100))  # 96 ÷ 96 × 100


def test_it_deducts_per_occurrence_with_fault_and_indicator_caps(ix, people, tmp_path):
    r = run(
        ix,
        people,
        tmp_path,
        findings=[
            {"unit": "甲镇", "indicator": "L3", "fault": "late", "count": 3},  # 3 × 1 = 3
            {
                "unit": "甲镇",
                "indicator": "L3",
                "fault": "missed",
                "count": 3,
            },  # 3 × 2 = 6 → fault cap 4
            {"unit": "乙镇", "indicator": "L3", "fault": "missed", "count": 1},  # 2
        ],
    )
    # 甲镇: 3 + 4 = 7 → indicator cap 6 → 9 - 6 = 3
    assert r.unit("甲镇").node("L3").earned == D(3)
    assert r.unit("乙镇").node("L3").earned == D(7)
    kinds = [line.kind.value for line in r.unit("甲镇").node("L3").lines]
    assert kinds == ["deduct", "deduct", "cap", "cap"]


def test_it_never_goes_below_zero_and_zeroes(ix, people, tmp_path):
    r = run(
        ix,
        people,
        tmp_path,
        findings=[
            {"unit": "甲镇", "indicator": "L8", "count": 50},  # 25 > 20 points: stops at 0
            {"unit": "乙镇", "indicator": "L1", "fault": "late"},
            {"unit": "乙镇", "indicator": "L1", "fault": "none"},
        ],
    )
    assert r.unit("甲镇").node("L8").earned == 0
    node = r.unit("乙镇").node("L1")
    assert node.earned == 0
    assert sum(line.amount for line in node.lines) == -node.max


def test_it_deducts_per_missing_element(ix, people, tmp_path):
    r = run(
        ix,
        people,
        tmp_path,
        findings=[
            {"unit": "甲镇", "indicator": "L2", "missing": ["机构", "经费"]},
        ],
    )
    assert r.unit("甲镇").node("L2").earned == D(2)  # 6 - 2 × 2
    assert "机构、经费" in r.unit("甲镇").node("L2").lines[0].text


def test_it_caps_bonuses_per_event_indicator_section(ix, people, tmp_path):
    r = run(
        ix,
        people,
        tmp_path,
        bonuses=[
            {"unit": "甲镇", "indicator": "L3", "bonus": "top"},  # 5
            {"unit": "甲镇", "indicator": "L3", "bonus": "other", "count": 2},  # 6 → cap 3
            {"unit": "甲镇", "indicator": "L11", "count": 4},  # 8 → cap 6 → section cap 5
        ],
    )
    u = r.unit("甲镇")
    assert u.node("L3").bonus == D(6)  # 5 + 3 = 8 → indicator cap 6
    assert u.node("L11").bonus == D(6)
    assert u.node("S4").bonus == D(5)
    assert u.bonus == D(11)
    assert u.total == D(100) + D(11)  # no total cap in this scheme


def test_it_scores_ranges_imported_and_unrated(ix, people, tmp_path):
    r = run(
        ix,
        people,
        tmp_path,
        ratings=[{"unit": "甲镇", "indicator": "L4", "value": -2}],
        imported=[{"unit": "甲镇", "indicator": "L5", "score": 6.5}],
    )
    u = r.unit("甲镇")
    assert u.node("L4").earned == D(-2)
    assert u.node("L5").earned == D("6.5")
    assert u.total == D(100) - 5 - D("1.5")
    assert r.unit("乙镇").node("L4").status is NodeStatus.UNRATED
    assert r.unit("乙镇").node("L4").earned == D(3)


def test_it_ranks_with_ties_sharing_a_rank(ix, people, tmp_path):
    r = run(
        ix,
        people,
        tmp_path,
        metrics=[
            {"unit": "甲镇", "indicator": "L6", "value": 90},
            {"unit": "乙镇", "indicator": "L6", "value": 90},
            {"unit": "丙镇", "indicator": "L6", "value": 80},
            {"unit": "区教育局", "indicator": "L6", "value": 10},
        ],
    )
    assert r.unit("甲镇").node("L6").earned == D(5)
    assert r.unit("乙镇").node("L6").earned == D(5)
    assert r.unit("丙镇").node("L6").earned == D(3)  # rank 3 (1, 1, 3): 5 - 2 × 1
    assert r.unit("区教育局").node("L6").earned == D(5)  # ranked within class B
    assert r.unit("区统计局").node("L6").earned == D(0)  # B has data, 区统计局 none: missing = 0
    # totals 100, 100, 98: the class ranking shares rank 1 and skips 2
    assert [r.unit(n).rank for n in ("甲镇", "乙镇", "丙镇")] == [1, 1, 3]


def test_competition_ranking():
    assert competition_ranks({"a": D(3), "b": D(3), "c": D(2), "d": D(1)}) == {
        "a": 1,
        "b": 1,
        "c": 3,
        "d": 4,
    }
    assert competition_ranks({"a": D(1), "b": D(2)}, higher_is_better=False) == {"a": 1, "b": 2}


def test_it_pools_deductions_in_a_section(ix, people, tmp_path):
    r = run(
        ix,
        people,
        tmp_path,
        findings=[
            {"unit": "甲镇", "indicator": "L9", "count": 2},  # 30
            {"unit": "甲镇", "indicator": "L10", "count": 2},  # 20 → 50 > 40 → section 0
            {"unit": "乙镇", "indicator": "L10"},
        ],
    )
    assert r.unit("甲镇").node("S3").earned == 0
    assert r.unit("乙镇").node("S3").earned == D(30)


def test_it_applies_the_three_kinds_of_veto(ix, people, tmp_path):
    r = run(
        ix,
        people,
        tmp_path,
        vetoes=[
            {"unit": "甲镇", "veto": "fake"},
            {"unit": "乙镇", "veto": "media"},
            {"unit": "丙镇", "veto": "serious", "count": 3},  # 15 → cap 10
        ],
        bonuses=[{"unit": "乙镇", "indicator": "L11"}],
    )
    a = r.unit("甲镇")
    assert a.total == D(100) and a.grade == "不合格" and a.grade_forced_by == "fake"
    b = r.unit("乙镇")
    assert b.node("S3").earned == 0 and b.node("S3").status is NodeStatus.ZEROED
    assert b.total == D(60) + D(2)  # 100 - 40, plus 表彰 bonus outside S3
    c = r.unit("丙镇")
    assert c.veto_deduction == D(10) and c.total == D(90) and c.grade == "优秀"


def test_it_counts_only_confirmed_findings(ix, people, tmp_path):
    r = run(
        ix,
        people,
        tmp_path,
        findings=[
            {"unit": "甲镇", "indicator": "L8", "status": "pending"},
            {"unit": "甲镇", "indicator": "L8", "status": "dismissed"},
            {"unit": "甲镇", "indicator": "L8", "status": "已确认"},
        ],
    )
    node = r.unit("甲镇").node("L8")
    assert node.earned == D("19.5")
    assert node.pending == 1


def test_it_handles_na_full_and_omit_with_prorating(people, tmp_path):
    full = scheme(BASE)
    r = run(
        full,
        people,
        tmp_path,
        na=[{"unit": "甲镇", "indicator": "L8"}],
        findings=[{"unit": "甲镇", "indicator": "L1", "fault": "none"}],
    )
    assert r.unit("甲镇").node("L8").status is NodeStatus.NA_FULL
    assert r.unit("甲镇").total == D(95)  # 100 - L1 5; L8 (N/A) and L7 (out of scope) at full marks
    omit = scheme(BASE.replace("grades:", "not_applicable: rescale\nprecision: 2\ngrades:"))
    r = run(
        omit,
        people,
        tmp_path,
        na=[{"unit": "甲镇", "indicator": "L8"}],
        findings=[{"unit": "甲镇", "indicator": "L1", "fault": "none"}],
    )
    u = r.unit("甲镇")
    # applicable: 100 - L7 4 - L8 20 = 76; earned 76 - 5 = 71; 71 / 76 × 100 = 93.42
    assert u.max == D(76) and u.base == D(71)
    assert u.scaled_base == D("93.42") and u.total == D("93.42")
    # 乙镇 lacks only L7: 96 / 96 × 100 = 100
    assert r.unit("乙镇").total == D(100)


def test_it_subtracts_third_party_and_applies_total_cap_and_composite(people, tmp_path):
    text = BASE.replace(
        "grades:",
        "third_party: {label: 第三方评估扣分}\ntotal_cap: 100\ncomposite_weight: 4\ngrades:",
    )
    ix = scheme(text)
    r = run(
        ix,
        people,
        tmp_path,
        third_party=[{"unit": "甲镇", "amount": 3.5}],
        bonuses=[{"unit": "区教育局", "indicator": "L11", "count": 2}],
    )
    assert r.unit("甲镇").total == D("96.5")
    assert r.unit("甲镇").composite == D("3.86")  # 96.5 × 4%
    assert r.unit("区教育局").total == D(100)  # 100 + 4 capped at 100


def test_it_rejects_facts_that_name_unknown_things(ix, people, tmp_path):
    with pytest.raises(FactsError) as exc:
        run(
            ix,
            people,
            tmp_path,
            findings=[
                {"unit": "丁镇", "indicator": "L1"},
                {"unit": "甲镇", "indicator": "L99"},
                {"unit": "甲镇", "indicator": "L3"},  # two faults: must name one
                {"unit": "甲镇", "indicator": "L3", "fault": "nope"},
                {"unit": "甲镇", "indicator": "L7"},  # not applicable to a town
                {"unit": "甲镇", "indicator": "S1"},  # a section
                {"unit": "甲镇", "indicator": "L2", "missing": ["场地"]},
            ],
            ratings=[{"unit": "甲镇", "indicator": "L4", "value": 5}],
        )
    messages = [p.message for p in exc.value.problems]
    assert len(messages) == 8
    assert "单位名单中没有 “丁镇”" in messages[0]
    assert "没有指标 “L99”" in messages[1]
    assert "须写 fault" in messages[2]
    assert "没有扣分情形 “nope”" in messages[3]
    assert "不适用于 “甲镇”" in messages[4]
    assert "上级指标" in messages[5]
    assert "不是 “lack” 的要素" in messages[6]
    assert "超出" in messages[7]
    assert all(p.line for p in exc.value.problems)


def test_it_explains_every_point(ix, people, tmp_path):
    r = run(
        ix,
        people,
        tmp_path,
        findings=[
            {
                "unit": "甲镇",
                "indicator": "L3",
                "fault": "missed",
                "count": 3,
                "source": "日常记录",
                "note": "半年总结漏报",
            },
            {"unit": "甲镇", "indicator": "L2", "missing": ["人员"]},
        ],
        bonuses=[{"unit": "甲镇", "indicator": "L11", "count": 4}],
    )
    u = r.unit("甲镇")
    for node in u.nodes():
        if node.is_leaf and node.counted and node.status is not NodeStatus.UNRATED:
            base = sum((ln.amount for ln in node.lines if not ln.is_bonus), D(0))
            if node.id not in ("L9", "L10"):  # pooled children hand their deductions to S3
                assert node.max + base == node.earned, node.id
            assert sum((ln.amount for ln in node.lines if ln.is_bonus), D(0)) == node.bonus, node.id
    text = explain_unit(r, u)
    assert "漏报：3次 × 2 分，扣 6 分（日常记录；半年总结漏报" in text
    assert "超出的 2 分不计" in text
    assert "缺少人员" in text


def test_it_scales_a_table_to_a_hundred(people, tmp_path):
    ix = scheme(
        BASE.replace(
            "    total: 100\n", "    total: 100\n    scale: 50\n    not_applicable: rescale\n"
        )
    )
    r = run(ix, people, tmp_path, findings=[{"unit": "甲镇", "indicator": "L8", "count": 4}])
    u = r.unit("甲镇")
    # applicable max 96 (L7 out of scope); base 96 - 2 = 94 → 94 ÷ 96 × 50 = 48.958… → 48.96
    assert u.full == D(50) and u.max == D(96) and u.scaled_base == D("48.96")
    assert r.unit("区教育局").total == D(50)


def test_it_takes_discretionary_amounts_from_the_facts(tmp_path):
    ix = scheme(
        BASE.replace(
            "              - {id: award, text: 受到表彰, amount: 2, cap: 6}",
            "              - {id: award, text: 受到表彰, amount: 2, cap: 6}\n"
            "              - {id: other, text: 其他情形加分酌情而定, discretionary: true}",
        ).replace(
            "              - {id: miss, text: 缺项, amount: 0.5}",
            "              - {id: miss, text: 缺项, amount: 0.5}\n"
            "              - {id: prov, text: 省考核扣分, discretionary: true, cap: 3}",
        )
    )
    people = units("甲镇:A")
    r = run(
        ix,
        people,
        tmp_path,
        findings=[
            {"unit": "甲镇", "indicator": "L8", "fault": "prov", "amount": 1.5},
            {"unit": "甲镇", "indicator": "L8", "fault": "prov", "amount": 2},
        ],
        bonuses=[{"unit": "甲镇", "indicator": "L11", "bonus": "other", "amount": 0.5}],
    )
    u = r.unit("甲镇")
    assert u.node("L8").earned == D(17)  # 1.5 + 2 = 3.5 → fault cap 3
    assert u.node("L11").bonus == D("0.5")
    with pytest.raises(FactsError) as exc:
        run(
            ix,
            people,
            tmp_path,
            findings=[
                {"unit": "甲镇", "indicator": "L8", "fault": "prov"},
                {"unit": "甲镇", "indicator": "L8", "fault": "miss", "amount": 1},
            ],
        )
    assert [p.line for p in exc.value.problems] == [2, 5]
    assert "缺少分值（amount）" in exc.value.problems[0].message
    assert exc.value.problems[0].column == "amount"
    assert "由方案规定，不写分值" in exc.value.problems[1].message


def test_a_table_can_override_the_na_policy(people, tmp_path):
    text = BASE.replace(
        "    classes: [A, B]\n    total: 100\n",
        "    classes: [A]\n    total: 100\n    not_applicable: rescale\n",
    )
    text = text.replace(
        "tables:\n",
        "tables:\n  - id: TB\n    title: B表\n    classes: [B]\n    sections:\n"
        "      - {id: X1, name: 工作, points: 10, faults: [{id: f, text: 未完成, amount: 1}]}\n",
        1,
    )
    ix = scheme(text)
    r = run(
        ix,
        people,
        tmp_path,
        na=[{"unit": "甲镇", "indicator": "L8"}, {"unit": "区教育局", "indicator": "X1"}],
        findings=[{"unit": "甲镇", "indicator": "L1", "fault": "none"}],
    )
    assert r.unit("甲镇").node("L8").status is NodeStatus.NA_OMITTED  # table A: rescale
    assert r.unit("区教育局").node("X1").status is NodeStatus.NA_FULL  # table B: full_marks
    assert r.unit("区教育局").total == D(10)


def test_it_earns_an_additive_item_from_zero(tmp_path):
    ix = scheme(
        BASE.replace(
            "          - id: L11\n            name: 表彰\n            points: 0\n",
            "          - id: L11\n            name: 表彰\n            points: 0\n",
        ).replace(
            "          - id: L8\n            name: 其他公开\n            points: 20\n            faults:\n              - {id: miss, text: 缺项, amount: 0.5}",
            "          - id: L8\n            name: 其他公开\n            points: 15\n            faults:\n              - {id: miss, text: 缺项, amount: 0.5}\n"
            "          - id: L12\n            name: 参加政府开放日\n            points: 5\n            additive: true\n            bonuses:\n"
            "              - {id: leader, text: 主要负责人参加, amount: 5}\n              - {id: other, text: 其他人员参加, amount: 3}",
        )
    )
    people = units("甲镇:A", "乙镇:A", "丙镇:A")
    r = run(
        ix,
        people,
        tmp_path,
        bonuses=[
            {"unit": "甲镇", "indicator": "L12", "bonus": "leader"},
            {"unit": "甲镇", "indicator": "L12", "bonus": "other"},
            {"unit": "乙镇", "indicator": "L12", "bonus": "other"},
        ],
    )
    assert [r.unit(n).node("L12").earned for n in ("甲镇", "乙镇", "丙镇")] == [D(5), D(3), D(0)]
    assert r.unit("甲镇").total == D(100) and r.unit("丙镇").total == D(95)  # L7 at full marks
    assert r.unit("甲镇").bonus == 0
    lines = r.unit("甲镇").node("L12").lines
    assert [ln.kind.value for ln in lines] == ["start", "earn", "earn", "cap"]
    assert sum((ln.amount for ln in lines), D(0)) == 0  # 5 − 5 + 5 + 3 − 3 = earned − max


def test_a_unit_too_long_for_a_round_is_refused_by_check_units(ix):
    with pytest.raises(FactsError) as exc:
        score(ix, units("甲镇:A", "长" * 101 + ":A"))
    assert "过长：单位名称（101 字，最多 100 字）" in str(exc.value)

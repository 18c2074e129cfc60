"""How findings add up: per occurrence, per missing item (a set), once per indicator; mutually
exclusive faults; sub-item bounds; late evidence; and the provenance every line carries."""

from __future__ import annotations

from decimal import Decimal as D

import pytest

from tests.helpers import run, scheme, units
from zwgk.rubric import SchemeError
from zwgk.scoring import LineKind, NodeStatus

SCHEME = """
id: c
title: 计数测试
classes: [{id: A, name: 乡镇}]
grades:
  - {name: 合格, min: 60}
  - {name: 不合格}
evidence_deadline: {date: 2022-01-14, text: 逾期未报视为无相关工作内容}
tables:
  - id: T
    title: 评分表
    classes: [A]
    sections:
      - id: S
        name: 主动公开
        children:
          - id: L1
            name: 机构职能
            points: 6
            faults:
              - {id: missing, text: 未公开机构职能要素, amount: 1, per: 项, elements: [机关职能, 办公地址, 联系方式, 负责人姓名]}
          - id: L2
            name: 村级事项
            points: 12
            faults:
              - {id: missing, text: 村级事项缺项, amount: 0.5, per: 项, counting: item}
          - id: L3
            name: 台账管理
            points: 3
            faults:
              - {id: no-ledger, text: 未进行台账管理, amount: 1, counting: once}
              - {id: weak, text: 法定依据不充分, amount: 1, per: 件}
          - id: L4
            name: 保密审查制度
            points: 3
            faults:
              - {id: none, text: 未制定保密审查制度, amount: 3, counting: once}
              - {id: weak, text: 制度不健全, amount: 1, counting: once}
            exclusive: [[none, weak]]
          - id: L5
            name: 民营经济
            range: [-4, 4]
            parts:
              - {id: a, name: 清单, range: [-2, 2]}
              - {id: b, name: 补贴, range: [-2, 2]}
          - id: L6
            name: 政策文件
            range: [0, 8]
          - id: L7
            name: 公开平台
            points: 4
            faults:
              - {id: stale, text: 未及时更新, amount: 1, per: 次}
vetoes:
  - {id: fake, name: 弄虚作假, effect: fail}
  - {id: leak, name: 泄密, effect: zero, target: L7}
"""


@pytest.fixture
def ix():
    return scheme(SCHEME)


@pytest.fixture
def people():
    return units("甲镇:A", "乙镇:A")


def _deducts(node):
    return [ln for ln in node.lines if ln.kind is LineKind.DEDUCT]


def test_the_same_missing_element_in_two_findings_is_deducted_once(ix, people, tmp_path):
    r = run(
        ix,
        people,
        tmp_path,
        findings=[
            {
                "unit": "甲镇",
                "indicator": "L1",
                "missing": ["机关职能", "办公地址"],
                "date": "2024-03-01",
                "source": "网上检查",
                "evidence": "截图1",
            },
            {
                "unit": "甲镇",
                "indicator": "L1",
                "missing": ["办公地址", "联系方式"],
                "date": "2024-04-02",
                "source": "印证材料",
                "evidence": "截图2",
            },
        ],
    )
    node = r.unit("甲镇").node("L1")
    assert node.earned == D(3)  # 机关职能、办公地址、联系方式: 3 items, not 4
    (line,) = _deducts(node)
    assert line.amount == D(-3)
    assert "合并 2 条记录" in line.text and "重复的办公地址只扣一次" in line.text
    assert line.source == "网上检查、印证材料" and line.date == "2024-03-01、2024-04-02"
    assert line.evidence == "截图1；截图2" and line.ref.count("facts-0.yaml") == 2


def test_a_checklist_never_costs_more_items_than_it_holds(ix, people, tmp_path):
    r = run(
        ix,
        people,
        tmp_path,
        findings=[
            {"unit": "甲镇", "indicator": "L1", "count": 3},
            {"unit": "甲镇", "indicator": "L1", "count": 3},
        ],
    )
    node = r.unit("甲镇").node("L1")
    assert node.earned == D(2)  # 6 unnamed items, but the list holds 4
    assert "清单共 4 项，按 4 项计" in _deducts(node)[0].text


def test_named_items_without_a_list_are_a_set_too(ix, people, tmp_path):
    r = run(
        ix,
        people,
        tmp_path,
        findings=[
            {"unit": "甲镇", "indicator": "L2", "missing": ["一村村务", "二村财务"]},
            {"unit": "甲镇", "indicator": "L2", "missing": ["二村财务"]},
            {"unit": "甲镇", "indicator": "L2", "count": 2},
        ],
    )
    assert r.unit("甲镇").node("L2").earned == D(10)  # 2 named + 2 unnamed = 4 × 0.5


def test_a_once_only_fault_recorded_twice_is_deducted_once(ix, people, tmp_path):
    r = run(
        ix,
        people,
        tmp_path,
        findings=[
            {"unit": "甲镇", "indicator": "L3", "fault": "no-ledger", "source": "网上检查"},
            {"unit": "甲镇", "indicator": "L3", "fault": "no-ledger", "source": "表单"},
            {"unit": "甲镇", "indicator": "L3", "fault": "weak", "count": 2},
        ],
    )
    node = r.unit("甲镇").node("L3")
    assert node.earned == D(0)  # 1 once + 2 per 件
    once, per = _deducts(node)
    assert once.amount == D(-1) and "2 次记录合并为一次" in once.text
    assert per.amount == D(-2)


def test_per_occurrence_findings_still_add_up(ix, people, tmp_path):
    r = run(
        ix,
        people,
        tmp_path,
        findings=[
            {"unit": "甲镇", "indicator": "L7", "date": "2024-01-05"},
            {"unit": "甲镇", "indicator": "L7", "date": "2024-01-05"},
        ],
    )
    assert r.unit("甲镇").node("L7").earned == D(2)


def test_only_the_larger_of_two_exclusive_faults_counts(ix, people, tmp_path):
    r = run(
        ix,
        people,
        tmp_path,
        findings=[
            {"unit": "甲镇", "indicator": "L4", "fault": "none"},
            {"unit": "甲镇", "indicator": "L4", "fault": "weak"},
            {"unit": "乙镇", "indicator": "L4", "fault": "weak"},
        ],
    )
    node = r.unit("甲镇").node("L4")
    assert node.earned == D(0)  # 3, not 3 + 1 (capped) — the 1 is returned
    assert any("互斥" in ln.text and ln.amount == D(1) for ln in node.lines)
    assert sum((ln.amount for ln in node.lines), D(0)) == node.earned - node.max
    assert r.unit("乙镇").node("L4").earned == D(2)


def test_each_part_is_rated_within_its_own_bounds(ix, people, tmp_path):
    r = run(
        ix,
        people,
        tmp_path,
        ratings=[{"unit": "甲镇", "indicator": "L5", "part": "a", "value": -2}],
    )
    node = r.unit("甲镇").node("L5")
    assert node.earned == D(0) and node.status is NodeStatus.UNRATED  # -2 + 2 (b unrated, at top)
    with pytest.raises(Exception) as exc:
        run(
            ix,
            people,
            tmp_path,
            ratings=[{"unit": "甲镇", "indicator": "L5", "part": "a", "value": 3}],
        )
    assert "区间 -2～2" in str(exc.value)


def test_parts_must_add_up_to_the_range():
    with pytest.raises(SchemeError) as exc:
        scheme(SCHEME.replace("range: [-4, 4]", "range: [-8, 8]"))
    assert "各分项区间合计 -4～4" in str(exc.value)


def test_evidence_sent_after_the_deadline_counts_as_absent(ix, people, tmp_path):
    r = run(
        ix,
        people,
        tmp_path,
        ratings=[
            {"unit": "甲镇", "indicator": "L6", "value": 7},
            {"unit": "乙镇", "indicator": "L6", "value": 7},
        ],
        evidence=[
            {"unit": "甲镇", "indicator": "L6", "date": "2022-01-20", "evidence": "材料.zip"},
            {"unit": "乙镇", "indicator": "L6", "date": "2022-01-14"},
        ],
    )
    late = r.unit("甲镇").node("L6")
    assert late.earned == D(0)
    line = late.lines[-1]
    assert line.kind is LineKind.LATE and line.amount == D(-7)
    assert "晚于截止日期 2022-01-14" in line.text and line.evidence == "材料.zip"
    assert r.unit("乙镇").node("L6").earned == D(7)  # sent on the day: on time


def test_every_fact_line_carries_its_source_date_and_evidence(ix, people, tmp_path):
    common = {"date": "2024-05-06", "source": "上级通报", "evidence": "通报.pdf"}
    r = run(
        ix,
        people,
        tmp_path,
        vetoes=[
            {"unit": "甲镇", "veto": "leak", **common},
            {"unit": "乙镇", "veto": "fake", **common},
        ],
        ratings=[{"unit": "甲镇", "indicator": "L6", "value": 5, **common}],
    )
    lines = [
        ln for u in r.units for n in u.nodes() for ln in n.lines if ln.kind is not LineKind.NOTE
    ]
    lines += [ln for u in r.units for ln in u.lines]
    assert lines
    for ln in lines:
        assert (ln.source, ln.date, ln.evidence) == ("上级通报", "2024-05-06", "通报.pdf"), ln.text


def test_counting_and_exclusive_are_checked(ix):
    bad = SCHEME.replace("exclusive: [[none, weak]]", "exclusive: [[none, nope]]")
    with pytest.raises(SchemeError) as exc:
        scheme(bad)
    assert "互斥情形中有本指标没有的扣分情形：nope" in str(exc.value)
    bad = SCHEME.replace(
        "amount: 1, per: 项, elements: [机关职能",
        "amount: 1, per: 项, counting: once, elements: [机关职能",
    )
    with pytest.raises(SchemeError) as exc:
        scheme(bad)
    assert "按项计" in str(exc.value)

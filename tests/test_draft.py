"""Rule drafter (zwgk.rubric.draft): each construct of the labelling conventions, and the labelled set."""

from __future__ import annotations

import json
import re
from decimal import Decimal
from pathlib import Path

import hypothesis
import pytest
from hypothesis import strategies as st

from zwgk.rubric.draft import (
    AUDIT_NUMBERS,
    AUDIT_REASONS,
    audit,
    draft_rule,
    normalize,
    parse_points_cell,
)

DATA = Path(__file__).parent / "data" / "rule_sentences.jsonl"
# batches 1-26 of real rule sentences: each measured once as held out, tuning material since
REAL = [DATA.parent / f"rule_sentences_real{n if n > 1 else ''}.jsonl" for n in range(1, 29)]
# Left out of the check below, a known miss (KNOWN_MISSES): I05-07 (…召开专题会议研究部署粮食生产工作的,计8分,
# 未召开专题会议不计分) is ② of a part whose 基准分 is 10: the zeroing takes its 8, not the item (batch 22's reading,
# kept by the lead). Only the scheme's context says so; alone the sentence reads as all or nothing with the worth 8, as
# I05-03 and I05-05 of the same scheme rightly are ("Batch 25 measured"). J04-05, H02-02 and E11-03 were relabelled
# draftable by the fourth convention (settled before batch 26) and pass.
KNOWN_MISSES = {"I05-07"}


def summary(text: str, bonus_text: str | None = None) -> dict:
    return draft_rule(text, bonus_text).summary()


def shape(**kw: object) -> dict:
    base = {
        "deductions": [],
        "deduction_cap": None,
        "zeroes_item": False,
        "bonuses": [],
        "bonus_cap": None,
        "range": None,
        "per_occurrence": False,
        "needs_review": False,
    }
    assert set(kw) <= set(base) | {"points"}
    return base | kw


# ------------------------------------------------------------------------------ several faults


def test_it_finds_several_per_occurrence_faults_in_one_sentence() -> None:
    rule = draft_rule("迟报一次扣1分，漏报一次扣2分")
    assert rule.summary() == shape(deductions=[1, 2], per_occurrence=True)
    assert [f.text for f in rule.faults] == ["迟报一次扣1分", "漏报一次扣2分"]
    assert [f.per for f in rule.faults] == ["次", "次"]


def test_it_keeps_plain_faults_apart_and_not_per_occurrence() -> None:
    rule = draft_rule(
        "未公开指南的扣1分，公开部门不全面的扣0.5分；未公开年报的扣1分，公开部门不全面的扣0.5分。"
    )
    assert rule.summary() == shape(deductions=[1, 0.5, 1, 0.5])
    assert all(not f.per_occurrence for f in rule.faults)
    assert rule.faults[1].amount == Decimal("0.5")


def test_it_reads_numbered_items_and_mixed_markers() -> None:
    text = (
        "1. 工作动态未及时更新的发现一次扣3分; 2. 本单位重点领域子栏目,每个季度信息更新不低于1条,"
        "每少一条扣1分; 3. 单位发布信息如被查出有错别字的,发现一次扣5分。"
    )
    rule = draft_rule(text)
    assert rule.summary() == shape(deductions=[3, 1, 5], per_occurrence=True)
    assert [f.per for f in rule.faults] == ["次", "条", "次"]


def test_it_does_not_count_a_requirement_period_as_per_occurrence() -> None:
    assert summary("更新完善问题库内容,每季度至少更新1条,未完成扣1分。") == shape(deductions=[1])
    assert summary("主要负责人年内至少听取一次政务公开工作汇报,未听取的,扣5分。") == shape(
        deductions=[5]
    )
    assert summary("主要负责人解读政策少于1次的扣1分。") == shape(deductions=[1])


@pytest.mark.parametrize(
    ("text", "per"),
    [
        ("超期发布或有明显错误,发现一处,扣1分。", "处"),
        ("未履行保密审查责任的,每一件扣1分。", "件"),
        ("出现超期回复的,每件次扣0.5分。", "件"),
        ("发生复议、诉讼经查实需承担相应的责任的,每起扣1分。", "起"),
        ("有一项扣1分。", "项"),
        ("未完成一项扣2分。", "项"),
        ("网站前台每缺失一周签审信息发布更新的扣1分。", "周"),
    ],
)
def test_it_recognises_per_occurrence_markers(text: str, per: str) -> None:
    rule = draft_rule(text)
    assert rule.faults[0].per_occurrence
    assert rule.faults[0].per == per


def test_it_lists_the_elements_of_a_missing_item_rule() -> None:
    rule = draft_rule(
        "对政务公开工作未落实专门机构、专职人员、业务培训、专项经费等方面保障。每少一项,扣1分。"
    )
    (fault,) = rule.faults
    assert fault.elements == ["专门机构", "专职人员", "业务培训", "专项经费"]
    assert fault.per == "项" and fault.amount == 1
    assert "专门机构" in fault.text  # the fault is named by the sentence before 每少一项


def test_it_leaves_elements_out_when_no_list_is_named() -> None:
    rule = draft_rule("在政府网站主动公开所辖行政村政务公开事项内容。每少一项,扣0.5分。")
    assert rule.faults[0].elements is None
    assert rule.summary() == shape(deductions=[0.5], per_occurrence=True)


# ---------------------------------------------------------------------------------------- caps


@pytest.mark.parametrize(
    "text",
    [
        "每少一项,扣2分,扣分上限为6分。",
        "每少一项,扣2分,扣分上限6分。",
        "每少一项扣2分，最多扣6分。",
        "每少一项扣2分，最高扣6分。",
        "每少一项扣2分，扣满6分为止。",
    ],
)
def test_it_reads_deduction_caps(text: str) -> None:
    rule = draft_rule(text)
    assert rule.deduction_cap == 6
    assert rule.summary() == shape(deductions=[2], deduction_cap=6, per_occurrence=True)


def test_it_treats_kou_wan_wei_zhi_as_no_cap() -> None:
    assert summary("发现一次扣2分，扣完为止。") == shape(deductions=[2], per_occurrence=True)


def test_it_gives_each_numbered_item_its_own_cap_and_marks_it() -> None:
    text = (
        "1. 适时完整公开惠企利民政策,每发布一次完整的惠企利民政策加1分,最高加3分; "
        "2. 年底前,主动报送惠企政策,每报送一次加1分,最高加3分。"
    )
    rule = draft_rule(text)
    assert [b.cap for b in rule.bonuses] == [3, 3]
    assert rule.bonus_cap is None
    # the one summary field cannot say whether 3 is per bonus or for the item
    assert rule.summary() == shape(
        bonuses=[1, 1], bonus_cap=3, per_occurrence=True, needs_review=True
    )


def test_it_reads_one_cap_at_the_end_as_the_items_cap() -> None:
    rule = draft_rule("出现错别字的，一处扣0.2分；出现严重表述错误的，一处扣２分，扣分上限为５分。")
    assert rule.deduction_cap == 5
    assert [f.cap for f in rule.faults] == [None, None]
    assert rule.summary() == shape(deductions=[0.2, 2], deduction_cap=5, per_occurrence=True)


def test_it_marks_different_caps_for_review_with_the_first_cap() -> None:
    text = (
        "1. 受到表彰的,每次加2分,最高加6分; 2. 被正面专题报道的,每次加0.5分,最高加1.5分; "
        "3. 被领导批示肯定的,每次加1分,最高加3分。"
    )
    rule = draft_rule(text)
    assert rule.summary() == shape(
        bonuses=[2, 0.5, 1], bonus_cap=6, per_occurrence=True, needs_review=True
    )
    assert [b.cap for b in rule.bonuses] == [6, Decimal("1.5"), 3]
    assert any("上限" in r for r in rule.reasons)


def test_it_marks_a_cap_written_in_one_numbered_item_of_several() -> None:
    rule = draft_rule("1. 未按要求报送的扣2分；2. 每缺一项扣1分，扣分上限为4分。")
    assert rule.needs_review
    assert rule.faults[1].cap == 4 and rule.faults[0].cap is None
    assert rule.summary()["deduction_cap"] == 4


def test_it_keeps_a_cap_stated_without_an_amount_and_marks_it() -> None:
    rule = draft_rule("栏目更新不及时的，酌情扣分，最多扣3分。")
    assert rule.summary() == shape(deduction_cap=3, needs_review=True)


# ------------------------------------------------------------------------------------ zeroing


@pytest.mark.parametrize(
    "text",
    [
        "对政务公开工作进行会议研究部署。未研究的,不得分。",
        "未落实的，该项不得分。",
        "出现严重表述错误，单项否决。",
        "未公开的，此项为0分。",
        "若出现以上三种情况之一,得 0分。",
        "未公开的，得零分。",
    ],
)
def test_it_reads_zeroing_clauses(text: str) -> None:
    rule = draft_rule(text)
    assert rule.summary() == shape(zeroes_item=True)
    assert [f.zeroes for f in rule.faults] == [True]
    assert rule.faults[0].amount is None


def test_it_makes_one_zeroing_fault_of_a_restated_veto() -> None:
    rule = draft_rule(
        "出现严重表述错误,引发严重负面舆情的,单项否决,不得分。此项指标为单项否决指标。"
    )
    assert len(rule.faults) == 1
    assert rule.zeroes_item and not rule.needs_review


@pytest.mark.parametrize(
    "text",
    [
        "出现严重表述错误,单项否决,政务新媒体运维指标不得分。此项指标为单项否决指标。",
        "注: 若出现以上三种情况之一本年度网站工作考核得 0分。",
    ],
)
def test_it_marks_a_zeroing_clause_that_names_another_indicator(text: str) -> None:
    rule = draft_rule(text)
    assert rule.zeroes_item
    assert rule.needs_review  # the section named may be the parent, not this item


def test_it_keeps_amounts_next_to_a_zeroing_clause() -> None:
    rule = draft_rule("未制定方案的，不得分；台账不全的，扣1分。")
    assert rule.summary() == shape(deductions=[1], zeroes_item=True)
    assert [f.zeroes for f in rule.faults] == [True, False]


def test_it_drafts_a_zeroing_for_a_lack_beside_the_same_thing_at_fault() -> None:
    # 无专项经费不得分 beside the lesser case: two faults (the fourth convention, settled before batch 26, replaces
    # batch 13's reading); 有科室但无设备 beside 未设立科室 stays marked (the lesser case says the thing is there)
    rule = draft_rule("未制定方案的，不得分；方案不健全的，扣1分。")
    assert rule.summary() == shape(deductions=[1], zeroes_item=True)
    assert draft_rule("未设立科室不得分;有科室但无设备扣0.1分。").needs_review


# ------------------------------------------------------------------------------------- bonuses


def test_it_reads_bonuses_with_an_item_cap() -> None:
    rule = draft_rule(
        "市长信箱回复及时并公开发布的,一件加0.5 分,得到好评反馈的一件加1分,加分上限为3 分。"
    )
    assert rule.summary() == shape(bonuses=[0.5, 1], bonus_cap=3, per_occurrence=True)
    assert rule.bonus_cap == 3
    assert [b.per for b in rule.bonuses] == ["件", "件"]


@pytest.mark.parametrize(
    ("text", "amount", "cap"),
    [
        ("每开展1次加0.5分,最高加2分。", 0.5, 2),
        ("被采用一篇得1分,最多不超5分。", 1, 5),
        ("每次加1分，最多加3分。", 1, 3),
        ("每次加1分，加满3分为止。", 1, 3),
    ],
)
def test_it_reads_bonus_caps(text: str, amount: float, cap: int) -> None:
    assert summary(text) == shape(bonuses=[amount], bonus_cap=cap, per_occurrence=True)


def test_it_reads_two_bonus_rates_without_a_marker_as_not_per_occurrence() -> None:
    text = "单位主要负责人参加政府开放日和政务直播间加5分,其他人员参加加3分。"
    assert summary(text) == shape(bonuses=[5, 3])


def test_it_reads_a_second_rate_written_after_the_first() -> None:
    text = "评选参加省市优秀解读材料评选,每件加5分(入选1件)、1分(参选1件),加分上限为5分。"
    assert summary(text) == shape(bonuses=[5, 1], bonus_cap=5, per_occurrence=True)


def test_it_combines_the_deduction_and_bonus_cells() -> None:
    rule = draft_rule(
        "答复办理不规范的,每一件扣3分,扣分上限为6分。",
        "答复案卷质量高、要素齐全的,一件加2分, 加分上限为4分。",
    )
    assert rule.summary() == shape(
        deductions=[3], deduction_cap=6, bonuses=[2], bonus_cap=4, per_occurrence=True
    )


def test_it_ignores_a_placeholder_bonus_cell() -> None:
    assert summary("未听取的,扣5分。", "—") == shape(deductions=[5])
    assert summary("未听取的,扣5分。", "-") == shape(deductions=[5])


# -------------------------------------------------------------------------------------- ranges


@pytest.mark.parametrize(
    ("text", "lo", "hi"),
    [
        ("制定并公开重大行政决策事项目录，赋分-3—3分。", -3, 3),
        ("赋分－3～3分。", -3, 3),
        ("赋分-3-3分。", -3, 3),
        ("由考核小组在0至3分之间评定。", 0, 3),
        ("赋分0—8分。", 0, 8),
    ],
)
def test_it_reads_ranges(text: str, lo: int, hi: int) -> None:
    rule = draft_rule(text)
    assert rule.range == (lo, hi)
    assert rule.summary()["range"] == [lo, hi]
    assert rule.summary()["deductions"] == []


def test_it_marks_a_range_per_sub_item_for_review() -> None:
    rule = draft_rule("包括涉企补贴资金、监管标准和规则等完成情况,每一项赋分-2—2分。")
    assert rule.needs_review
    assert rule.range == (-2, 2)


def test_it_marks_a_deduction_written_as_a_range() -> None:
    rule = draft_rule("公开不及时的，扣1—2分。")
    assert rule.needs_review
    assert rule.range is None


# ------------------------------------------------------------------------- normalising numbers


def test_it_reads_full_width_digits_and_punctuation() -> None:
    assert summary("迟报一次扣１分，漏报一次扣２分，扣分上限为６分；") == shape(
        deductions=[1, 2], deduction_cap=6, per_occurrence=True
    )
    assert summary("每少一项，扣１．５分。")["deductions"] == [1.5]


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        ("未公开的，扣两分。", 2),
        ("未公开的，扣二分。", 2),
        ("未公开的，扣半分。", 0.5),
        ("未公开的，扣十分。", 10),
        ("未公开的，扣一点五分。", 1.5),
        ("未公开的，扣三分。", 3),
    ],
)
def test_it_reads_chinese_numerals(text: str, amount: float) -> None:
    assert summary(text) == shape(deductions=[amount])


def test_it_reads_a_chinese_numeral_cap() -> None:
    assert summary("每缺一项扣一分，扣分上限为五分。") == shape(
        deductions=[1], deduction_cap=5, per_occurrence=True
    )


def test_it_leaves_chinese_numerals_that_are_not_points_alone() -> None:
    assert normalize("通过三种及以上的方式开展") == "通过三种及以上的方式开展"
    assert normalize("一市一平台") == "一市一平台"


# --------------------------------------------------------------------------- vague → review


@pytest.mark.parametrize(
    "text",
    [
        "造成重大负面影响的其他情形，酌情扣分。",
        "视情况扣1至3分。",
        "按比例扣分。",
        "根据排名情况赋分。",
        "按照省政府办公厅考核计分。",
        "根据完成情况，赋分-3—3分。",
        "按完成率计算得分。",
        "公开不规范的，扣分。",
        "评估政策解读质量，如是否全面深入、通俗易懂",
        "未公开的，扣1分，另行通报的加分。",
        "永iwVu以及e1234j*|口IL录情况，扣1分。",
    ],
)
def test_it_marks_vague_or_uncapturable_text_for_review(text: str) -> None:
    rule = draft_rule(text)
    assert rule.needs_review
    assert rule.reasons and all(isinstance(r, str) and r for r in rule.reasons)
    assert rule.summary()["needs_review"] is True


def test_it_keeps_the_amounts_it_found_when_it_marks_for_review() -> None:
    rule = draft_rule("(一)出现严重低级错误的,扣5分; (二)造成重大负面影响的其他情形,酌情扣分。")
    assert rule.needs_review
    assert rule.summary()["deductions"] == [5]


def test_it_keeps_a_deduction_without_a_number_as_a_fault_without_amount() -> None:
    rule = draft_rule(
        "(五)违规违纪造成严重后果的,扣5分; (六)造成重大负面影响的其他情形,在考核中酌情扣分。"
    )
    assert [f.amount for f in rule.faults] == [5, None]
    assert not rule.faults[1].zeroes
    assert rule.needs_review and any("酌情" in r for r in rule.reasons)
    assert rule.summary()["deductions"] == [5]


def test_it_keeps_the_counting_of_a_truncated_deduction() -> None:
    rule = draft_rule("未按要求及时回应政务舆情的,发现一件,扣")
    assert rule.summary() == shape(per_occurrence=True, needs_review=True)


def test_it_marks_blank_rules_for_review() -> None:
    assert draft_rule(None).needs_review
    assert draft_rule("", "—").needs_review


def test_it_does_not_mark_a_clean_rule() -> None:
    rule = draft_rule(
        "政务公开工作未落实机构、人员、经费等方面保障的,每少一项,扣2分,扣分上限为6分。"
    )
    assert not rule.needs_review and rule.reasons == []


def test_summary_has_exactly_the_eight_keys_with_plain_numbers() -> None:
    got = summary("每次扣0.5分，扣分上限为2分。")
    assert list(got) == [
        "deductions",
        "deduction_cap",
        "zeroes_item",
        "bonuses",
        "bonus_cap",
        "range",
        "per_occurrence",
        "needs_review",
    ]
    assert list(summary("有得10分，无扣2分。"))[-1] == "points"  # only when the text states it
    assert type(got["deductions"][0]) is float and type(got["deduction_cap"]) is int
    json.dumps(got)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("在政府网站主动公开所辖行政村政务公开事项6个方面内容。每少一项,扣0.5分。",
         shape(deductions=[0.5], per_occurrence=True)),
        ("抽查5件已公开的政府信息,未履行保密审查责任的,每一件扣1分。",
         shape(deductions=[1], per_occurrence=True)),
        ("覆盖率低于90%的扣1分。", shape(deductions=[1])),
        ("工作动态2周内未更新的发现一次扣3分。", shape(deductions=[3], per_occurrence=True)),
        ("属于主动公开的政府信息自信息形成或变更之日起20个工作日内予以公开,未及时公开的每例扣2分。",
         shape(deductions=[2], per_occurrence=True)),
        ("信件办理超5个工作日的，扣1分。", shape(deductions=[1])),
        ("每季度至少发布2条政策解读，未完成扣1分。", shape(deductions=[1])),
    ],
)  # fmt: skip
def test_it_does_not_flag_the_numbers_of_a_condition(text: str, expected: dict) -> None:
    assert summary(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("有得10分，无扣2分。", shape(deductions=[2], points=10)),
        ("建立行政执法公示制度的,得6分。未建立相应制度的,不得分;只实行了公示制度的,扣3分。",
         shape(deductions=[3], zeroes_item=True, points=6)),
        ("运用工作简报等形式实行政府信息公开(5分)未运用的不得分。", shape(zeroes_item=True, points=5)),
        ("重要事项实行决策前公开和实施结果公开（5分），每缺一项扣2分。",
         shape(deductions=[2], per_occurrence=True, points=5)),
    ],
)  # fmt: skip
def test_it_reads_the_worth_an_item_states_as_points_not_a_bonus(text: str, expected: dict) -> None:
    assert summary(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "监测2周,首页栏目无信息更新的,即单项否决。",
        "上述情况出现任意一种,即单项否决。",
        "发现辖区内各级政府网站刊登商业广告的,此项不得分。",
        "上述部门填报的政府信息,本部门应当按要求进行初审,未初审的不给分。",
    ],
)
def test_it_reads_single_item_vetoes_as_zeroing(text: str) -> None:
    assert summary(text) == shape(zeroes_item=True)


def test_it_reads_other_counting_words_and_caps_written_as_what_can_be_lost() -> None:
    assert summary("要求扫描输入系统平台的材料缺页的,每缺1页扣1分") == shape(
        deductions=[1], per_occurrence=True
    )
    assert summary("市政消火栓未保持完好的，每发现一处扣0.2 分，1 分扣完为止") == shape(
        deductions=[0.2], deduction_cap=1, per_occurrence=True
    )
    assert summary("围绕工作要点推进政务公开,按照未完成事项进行扣分,每项扣5分。") == shape(
        deductions=[5], per_occurrence=True
    )


@pytest.mark.parametrize(
    "text",
    [
        "制定对2023年度工作考核重点任务分解的落实方案。未落实的,不得分。",
        "2017年底前,县级电子政务外网未延伸至乡镇(街道)的扣1分。",
        "政民互动、12345未按要求及时回应咨询投诉的,发现一次,扣1分。",
        "主要负责人解读政策少于1次的扣1分。",
        "在2022年9月底前未完成修订的扣2分。",
    ],
)
def test_it_does_not_mark_dates_names_and_once(text: str) -> None:
    assert not draft_rule(text).needs_review


def test_it_reads_a_floor_as_neither_a_cap_nor_zeroing() -> None:
    assert summary("每项扣1分，最低得0分。") == shape(deductions=[1], per_occurrence=True)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("每次加1分，最高可加3分。", shape(bonuses=[1], bonus_cap=3, per_occurrence=True)),
        (
            "每项扣1分，扣分最多不超过5分。",
            shape(deductions=[1], deduction_cap=5, per_occurrence=True),
        ),
        (
            "每次扣1分，累计扣分不超过5分。",
            shape(deductions=[1], deduction_cap=5, per_occurrence=True),
        ),
        (
            "每件扣0.5分(扣分上限3分)。",
            shape(deductions=[0.5], deduction_cap=3, per_occurrence=True),
        ),
    ],
)
def test_it_reads_other_ways_of_writing_a_cap(text: str, expected: dict) -> None:
    assert summary(text) == expected


def test_it_marks_an_amount_after_a_cap_word_it_does_not_know() -> None:
    rule = draft_rule("每次加1分，累计至多加3分。")
    assert rule.needs_review


@pytest.mark.parametrize(
    ("text", "per"),
    [
        ("未按要求公开的扣1分/处。", "处"),
        ("未按要求公开的扣2分（每处）。", "处"),
        ("开设政务直播的，每增加一期加0.5分。", "期"),
        ("一项不符合要求扣0.5分。", "项"),
    ],
)
def test_it_finds_markers_after_the_amount_or_with_other_counting_words(
    text: str, per: str
) -> None:
    rule = draft_rule(text)
    entry = (rule.faults or rule.bonuses)[0]
    assert entry.per_occurrence and entry.per == per
    assert not rule.needs_review


def test_it_does_not_read_yi_ci_xing_as_per_occurrence() -> None:
    assert summary("未整改的，一次性扣5分。") == shape(deductions=[5])


@pytest.mark.parametrize(
    "text",
    [
        "每月未更新的扣1分。",  # each month, or once?
        "发现问题一次扣1分，两次以上扣3分。",  # tiers
        "迟报、漏报各扣1分。",  # one amount for several faults
        "完成的得2分。",  # base points, not a bonus
        '按时限、标准将征地信息录入"山西省征地信息公开查情况,赋分-3-3分。',  # garbled quote
        "就业服务等信息分-3—3分。",  # 赋 of 赋分 lost
        "未按要求报送的，每一次性扣1分。",
    ],
)
def test_it_marks_ambiguous_wording_for_review(text: str) -> None:
    assert draft_rule(text).needs_review


def test_it_reads_a_bare_points_range_as_a_range() -> None:
    assert summary("0—8") == shape(range=[0, 8])
    assert summary("-33")["needs_review"]  # -3—3 with the dash lost: not guessed


def test_it_keeps_a_range_whose_bounds_are_wrong_and_marks_it() -> None:
    rule = draft_rule("根据完成情况， 3—3分。")
    assert rule.range == (3, 3)
    assert rule.needs_review


# ---------------------------------------------------------------------------- points cells


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("4", (Decimal(4), None)),
        ("4分", (Decimal(4), None)),
        ("０．５", (Decimal("0.5"), None)),
        ("-3—3", (None, (Decimal(-3), Decimal(3)))),
        ("－3～3分", (None, (Decimal(-3), Decimal(3)))),
        ("0—8", (None, (Decimal(0), Decimal(8)))),
        ("0-3", (None, (Decimal(0), Decimal(3)))),
        ("—", (None, None)),
        ("-", (None, None)),
        ("", (None, None)),
        (None, (None, None)),
        ("3—3", (None, None)),
        ("h", (None, None)),
    ],
)
def test_it_parses_points_cells(cell: str | None, expected: tuple) -> None:
    assert parse_points_cell(cell) == expected


# ------------------------------------------------------------------------------- labelled set


def _rows(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def _labelled() -> list[dict]:
    """The seed sentences and the tuning part of the real ones: batches 1-27, each measured once
    as held out before it became tuning material (a next held-out batch stays out of the tests)."""
    return _rows(DATA) + [row for path in REAL for row in _rows(path)]


def test_it_leaves_no_labelled_sentence_wrong_and_unmarked() -> None:
    wrong = []
    for row in _labelled():
        if row["id"] in KNOWN_MISSES:
            continue
        rule = draft_rule(row["text"])
        # (points written out on both sides: batch 13's labels write "points": null)
        if (
            not rule.needs_review
            and {"points": None} | rule.summary() != {"points": None} | row["label"]
        ):
            wrong.append((row["id"], row["text"], rule.summary(), row["label"]))
    assert wrong == []


_SIMPLIFIED = "对责报请问进处罚项条个单记计为无发现违规则费张场页户种过满决视况评额举与协办应综减错误时点迟内达节严后连续转资"
_TRADITIONAL = "對責報請問進處罰項條個單記計為無發現違規則費張場頁戶種過滿決視況評額舉與協辦應綜減錯誤時點遲內達節嚴後連續轉資"


@pytest.mark.parametrize(
    "variant",
    [
        str.maketrans("0123456789.,;:()", "０１２３４５６７８９．，；：（）"),  # full width
        str.maketrans(_SIMPLIFIED, _TRADITIONAL),  # traditional characters
    ],
    ids=["full-width", "traditional"],
)
def test_it_reads_the_labelled_sentences_the_same_in_other_forms(variant: dict) -> None:
    changed = [
        row["id"]
        for row in _labelled()
        if draft_rule(row["text"]).summary() != draft_rule(row["text"].translate(variant)).summary()
    ]
    assert changed == []


_CN_SMALL = {"1": "一", "2": "两", "3": "三", "4": "四", "5": "五", "10": "十"}
# rewrites a scheme may use for the same rule: another verb, a Chinese numeral, spaces, the counting
# word after the amount, no 的, a numbered item, 扣完为止 said or unsaid, other stops
_REWRITES = {
    "kouchu": lambda t: re.sub(r"扣(?=\d)", "扣除", t),
    "jian": lambda t: re.sub(r"扣(?=\d)", "减", t),
    "cn-numeral": lambda t: re.sub(
        r"(?<=[扣加得])(10|[1-5])(?=分)", lambda m: _CN_SMALL[m.group(1)], t
    ),
    "spaces": lambda t: re.sub(r"(?<=[扣加得])(\d+(?:\.\d+)?)分", r" \1 分", t),
    "per-after": lambda t: re.sub(r"每(处|件|次|项|条|篇)扣(\d+(?:\.\d+)?)分", r"扣\2分/\1", t),
    "one-found": lambda t: re.sub(r"每(处|件|次|项|条|篇)", r"发现一\1", t),
    "no-de": lambda t: t.replace("的", ""),
    "numbered": lambda t: "1、" + t,
    "until-none": lambda t: t.rstrip("。") + ",扣完为止。" if "为止" not in t else t,
    "stops": lambda t: re.sub(r"。(?=.)", "；", t).replace("扣完为止", "直至扣完"),
    "spaces-for-commas": lambda t: t.replace("，", " ").replace(",", " "),
    "stops-for-semicolons": lambda t: t.replace("；", "。").replace(";", "。"),
}


@pytest.mark.parametrize("name", sorted(_REWRITES))
def test_a_rewritten_sentence_is_read_the_same_or_marked(name: str) -> None:
    """Each labelled sentence drafted exactly and unmarked, rewritten: the same draft, or marked —
    never another draft unmarked (what a sentence no batch showed would do)."""
    rewrite = _REWRITES[name]
    changed = []
    for row in _labelled():
        text = rewrite(row["text"])
        if text == row["text"]:
            continue
        rule = draft_rule(row["text"])
        if rule.needs_review or rule.summary() != row["label"]:
            continue
        other = draft_rule(text)
        if not other.needs_review and other.summary() != rule.summary():
            changed.append((row["id"], text))
    assert changed == []


@pytest.mark.parametrize(
    "text",
    [
        "制度不健全的扣051分",  # 0.5-1分 with the dash lost
        "发现一处未达要求扣05分",  # 0.5 with the point lost
        "发现处达求扣1分高扣10分",  # 最高扣10分 with 最 lost: a cap, not a second fault
        "按每件扣2分计算，迟报按旷工处理。",
        "擅自增加进驻事项的,每发现一次扣2分、首席代表扣1分。",
    ],
)
def test_it_marks_numbers_and_consequences_it_cannot_trust(text: str) -> None:
    assert draft_rule(text).needs_review


def test_it_reads_a_deduction_from_the_person_at_fault() -> None:
    assert summary("未签到签退的扣当事人2分。") == shape(deductions=[2])


# ------------------------------------------------------------- issue 13, second batch of real writing


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "未履行职责的,每少1项扣0.5分,扣完2分为止.",
            shape(deductions=[0.5], deduction_cap=2, per_occurrence=True),
        ),
        (
            "及时报送备案的,得4分;未按要求办理的,每1件扣1分,以4分为限。",
            shape(deductions=[1], deduction_cap=4, per_occurrence=True, points=4),
        ),
        ("未落实的不计分。", shape(zeroes_item=True)),
        ("每处错误扣除所在项所有分值。", shape(zeroes_item=True)),
        (
            "控制率≦100%,计5分;每超过一个百分点扣0.5分,扣完为止。",
            shape(deductions=[0.5], per_occurrence=True, points=5),
        ),
        ("完成约稿任务的,每篇计2分。", shape(bonuses=[2], per_occurrence=True)),
        (
            "出现一个月扣5分,扣完为止。凡出现“空白月”的,每个月扣10分。",
            shape(deductions=[5, 10], per_occurrence=True),
        ),
        ("擅自脱岗半天以上,每人次每半天扣3分。", shape(deductions=[3], per_occurrence=True)),
        ("每月请假超过2天(不含2天),每增加1天扣1分;", shape(deductions=[1], per_occurrence=True)),
        ("每处错误1分,严重错误(如文不对题)5分。", shape(deductions=[1, 5], per_occurrence=True)),
        ("(三)扣分因素。受到通报批评的,每次扣3分。", shape(deductions=[3], per_occurrence=True)),
        (
            "按时完成的不加分也不扣分,未按时完成的每项扣2分。",
            shape(deductions=[2], per_occurrence=True),
        ),
    ],
)
def test_it_reads_the_second_batchs_constructs(text: str, expected: dict) -> None:
    assert summary(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "被通报表扬的,主办单位每次加1分,协办单位加0.5分。",  # two parties
        "未完成的,每项扣5分。累计2次以上的,取消当年评优资格。",  # a consequence outside the points
        "投诉未及时处理回复的扣1分,纪委转来的扣2分。",  # an aggravated case: instead of, or as well?
        "发现问题未及时整改的扣1分,同样问题连续通报二次的扣2分",
        "每季度稿件录用率低于30%的,扣1分。",  # a counting period
        "班子每人每年至少包案处理1件,解决的记8分。",  # 每人 is a requirement, 记8分 a sub-score
    ],
)
def test_it_marks_what_the_second_batch_showed_it_cannot_say(text: str) -> None:
    assert draft_rule(text).needs_review


def test_it_keeps_an_aggravation_that_adds_to_the_amount() -> None:
    assert summary("相互信访的,每例扣2分,造成严重影响和不良后果的,每例加扣2分。") == shape(
        deductions=[2, 2], per_occurrence=True
    )


# ----------------------------------------------- issue 13, the second batch's former held-out half


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("每出现一种情况扣5分;", shape(deductions=[5], per_occurrence=True)),
        ("存在一处不规范的情况扣0.5分。", shape(deductions=[0.5], per_occurrence=True)),
        (
            "采用单条信息计10分,简讯每条5分。",
            shape(bonuses=[10, 5], per_occurrence=True),
        ),
        (
            "未走访的,每项扣5分;走访率高于规定指标的,每项增2分。",
            shape(deductions=[5], bonuses=[2], per_occurrence=True),
        ),
        (
            "3、合同代管10分:合同签定率达100%,达不到标准不计分。",
            shape(zeroes_item=True, points=10),
        ),
        (
            "建设情况(3分X做到有牌子、有印章,未达到标准的,每项扣1分。",
            shape(deductions=[1], per_occurrence=True, points=3),
        ),
    ],
)
def test_it_reads_what_the_former_held_out_half_showed(text: str, expected: dict) -> None:
    assert summary(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("按要求公开的得分,未公开的不得分。", shape(zeroes_item=True)),
        ("政策解读(5分,未解读的不得分)。", shape(zeroes_item=True, points=5)),
        ("未公开的扣1分(本项共2分)。", shape(deductions=[1], points=2)),
        ("(分值:5分)未公开的不得分。", shape(zeroes_item=True, points=5)),
        ("发生失泄密事件的,此项为0分。", shape(zeroes_item=True)),
        ("工单按期办结率每低于1%扣0.1分。", shape(deductions=[0.1], per_occurrence=True)),
        ("每缺一项减0.5分。", shape(deductions=[0.5], per_occurrence=True)),
        ("未公开的扣减1分。", shape(deductions=[1])),
        ("每月更新不少于2次的得2分,否则不得分。", shape(zeroes_item=True, points=2)),
    ],
)
def test_it_reads_other_ways_of_writing_a_worth_a_rate_and_a_deduction(
    text: str, expected: dict
) -> None:
    assert summary(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # four sub-items each worth 5: the one worth field cannot say it, equal or not
        "1.建立台账（5分）；2.编制规划（5分）；3.出现1例未处理扣2分（5分）。",
        "资金代管15分:发现一笔未代管扣2分,坐收坐支的计零分并报请乡纪委查处。",
        "采用单条计10分,未按时报送的每条2分。",  # a fault's clause: 2分 is not a second bonus
        "未公开的扣2分(以书面通报为准),并约谈单位负责人。",
        "未按期完成整改的,扣5分,并在全市通报。",
        "未按要求设置的不得分,设置不规范的得1分。",  # a part of a worth that is not said
        "公开的得分,未公开的扣1分。",  # 得分 with no figure beside a deduction
        "被国务院通报表扬的加2分,被省政府通报表扬的加1分(不累加,按最高计)。",
        "超过10%的加1分,超过30%以上,每超过20%加1分。",  # tiers by percentage
    ],
)
def test_it_marks_several_worths_and_consequences_outside_the_points(text: str) -> None:
    assert draft_rule(text).needs_review


# ------------------------------------------------ issue 13, the third batch (measured once, then tuning)


@pytest.mark.parametrize(
    "text",
    [
        "报送的信息务必标注栏目名称,否则扣1分,且不予公开。",
        "不得公开的信息公开的,扣1分,且对相关人员进行追责。",
        "单据有错误的,每次扣1.5分(造成严重后果的,退回原单位严肃处理);",
        "档案遗失的,每起扣4分,情节严重的,责成原单位进行处理;",
        "報送的信息務必標注欄目名稱,否則扣1分,且不予公開。",  # the same, in traditional characters
        "各单位每个栏目每月报送信息6条,低于6条则扣1分。",  # 每个栏目 states the requirement
    ],
)
def test_it_marks_what_the_third_batch_showed_it_cannot_say(text: str) -> None:
    assert draft_rule(text).needs_review


def test_it_reads_a_rule_in_traditional_characters() -> None:
    assert summary("無正當理由推諉、拖延辦理的單位,每次扣1分。") == shape(
        deductions=[1], per_occurrence=True
    )


# ------------------------------- issue 13, part 2: the same rule with another verb or another stop
# (found by rewriting the tuning sentences mechanically: 扣 → 减 / 扣除 / 扣减 / 扣去, 加 → 增加 / 奖励,
# 不得分 → 得0分, 。→ .; each rewrite must keep the summary or be marked, never change it unmarked)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("未建立台账的减一分。", shape(deductions=[1])),
        (
            "每发现一处错误减0.5分,最高减3分。",
            shape(deductions=[0.5], deduction_cap=3, per_occurrence=True),
        ),
        ("每次扣减1分,最多扣减6分。", shape(deductions=[1], deduction_cap=6, per_occurrence=True)),
        (
            "每处扣0.2分,1分减完为止。",
            shape(deductions=[0.2], deduction_cap=1, per_occurrence=True),
        ),
        ("每处扣去1分。", shape(deductions=[1], per_occurrence=True)),
        ("空白月每个月减10分。", shape(deductions=[10], per_occurrence=True)),
        (
            "每开展1次增加0.5分,最高增加2分。",
            shape(bonuses=[0.5], bonus_cap=2, per_occurrence=True),
        ),
        ("被省级媒体采用的每篇奖励1分。", shape(bonuses=[1], per_occurrence=True)),
        (
            "每年向县政府报告一次.(0.5分)考核:未按时报告的扣0.5分.",
            shape(deductions=[0.5], points=0.5),
        ),
    ],
)
def test_it_reads_the_other_verbs_of_a_deduction_a_cap_and_a_bonus(
    text: str, expected: dict
) -> None:
    assert summary(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "未成立的减2分;工作无计划、无措施、无总结的分别减1分。",  # one amount for several faults
        "擅自退出进驻事项的,每发现一次减2分、首席代表减1分。",  # two parties
        "重点工作报告不能反映实施情况的,减5-10分。",  # a range after 减
        "未按要求报送的扣除1至2分。",
        "未按时报送的扣1分,报送内容不实的予以减分。",  # 减 with no figure
        "未按时报送的扣1分,内容不实的减一百分。",  # a numeral the normaliser does not read
        "出现严重错误的,单项否决,运维指标得0分。",  # the zeroing of a named indicator
    ],
)
def test_it_marks_the_same_doubts_whatever_the_verb(text: str) -> None:
    assert draft_rule(text).needs_review


# ------------------------------------------------ issue 13, the fourth batch (measured once, then tuning)


@pytest.mark.parametrize(
    "text",
    [
        "考核权重低于5%的扣0.5分,低于3%的扣1分。",  # tiers by a threshold
        "超过全市平均值3个点以内扣1分,3个点以外扣2分。",
        "发生事故死亡1-2人的,每起扣3分;死亡3-5人的,每起扣6分。",
        "有1个以上服务站的,得5分;有1个以上标准化服务站的,得5分,没有服务站不得分。",  # two worths
        "因管理不到位引发火灾的,单起损失1万元以上的扣5分。",  # each fire, or once?
    ],
)
def test_it_marks_what_the_fourth_batch_showed_it_cannot_say(text: str) -> None:
    assert draft_rule(text).needs_review


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("覆盖率未达到90%的,每少1%扣2分;", shape(deductions=[2], per_occurrence=True)),
        (
            "年均浓度每差1微克/立方米扣0.5分,扣完为止。",
            shape(deductions=[0.5], per_occurrence=True),
        ),
        ("达标天数比率每差1个百分点扣0.5分。", shape(deductions=[0.5], per_occurrence=True)),
        ("发现车辆乱停乱放每辆减1分。", shape(deductions=[1], per_occurrence=True)),
        (
            "每发现一处垃圾扣1分,共计5分,扣完为止。",
            shape(deductions=[1], per_occurrence=True, points=5),
        ),
    ],
)
def test_it_reads_what_the_fourth_batch_showed(text: str, expected: dict) -> None:
    assert summary(text) == expected


# ------------------------------------------------- issue 13, the fifth batch (measured once, then tuning)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("制度不完善-2分,无记录-1分", shape(deductions=[2, 1])),  # a deduction with a minus sign
        ("未上交-2,上交不及时-1", shape(deductions=[2, 1])),  # 分 left out
        ("未开展-2分/人,无总结-1", shape(deductions=[2, 1], per_occurrence=True)),
        ("赋分-3—3分", shape(range=[-3, 3])),  # a rating range is not a deduction
        ("每逢周一安排领导接访的得2分,未安排的不得分。", shape(zeroes_item=True, points=2)),
        ("每个工作日安排一人值班,未落实的每项扣1分。", shape(deductions=[1], per_occurrence=True)),
    ],
)
def test_it_reads_what_the_fifth_batch_showed(text: str, expected: dict) -> None:
    assert summary(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "建立工作机构。(6分)每缺少一项扣2分,扣完20分为止。",  # 20 is the section's, not the item's
        "有1座以上中转站,得10分,有1座以上压缩式中转站,得10分,没有中转站不得分。",  # two parts
    ],
)
def test_it_marks_what_the_fifth_batch_showed_it_cannot_say(text: str) -> None:
    assert draft_rule(text).needs_review


# ------------------------------------------------- issue 13, the sixth batch (measured once, then tuning)


@pytest.mark.parametrize(
    "text",
    [
        # a span of amounts written before the verb
        "中心组学习全年至少2次,未安排的,按次1-3扣分;未讲廉政党课的,扣2分。",
        # judgement that both adds and deducts, beside amounts
        "视其完成情况加减分。验收合格加2分,验收不合格扣2分。",
        "按工作质量增减分,未完成的扣2分。",
        # a lesser case inside a fault, with its own amount
        "公开栏设立不达要求的扣10分,其中无防雨措施的扣5分,扣完为止。",
        # a zeroing whose scope is the section
        "发生行政诉讼并败诉的,此大项不得分;未及时答复的,每起扣1分。",
        # a number glued to the text (another column's content)
        "组织开展宣讲活动。3的,本项不得分;未开展宣讲的,扣2分。",
        # one behaviour, counted alike, scored at several levels, one of them an open range
        "出现进京上访,一次扣10分;出现县级及以上群体上访,一次扣5分。",
        # a worth earned on a condition beside a bonus and a deduction
        "执行民主集中制记3分,集体研究决定加5分,每少一次扣2分。",
        "未公开的扣 1 . 5分。",  # a decimal point set apart by spaces
        # a per-piece score without 计/得 and without credit: a bonus or a deduction?
        "错报的信息,每条1分;",
        "信息,每条1分;",
    ],
)
def test_it_marks_what_the_sixth_batch_showed_it_cannot_say(text: str) -> None:
    assert draft_rule(text).needs_review


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # near misses of the rules above, which stay unflagged
        ("赋分0—3分", shape(range=[0, 3])),  # a rating range, no verb after it
        ("未及时答复的,视为未答复,每起扣1分。", shape(deductions=[1], per_occurrence=True)),
        ("未公开的扣10分,未更新的扣5分。", shape(deductions=[10, 5])),  # 其中 absent
        ("未公开的,本项不得分;未更新的扣2分。", shape(deductions=[2], zeroes_item=True)),
        ("每月报送不少于3条的,未达到的扣2分。", shape(deductions=[2])),  # a number in the text
        (  # two behaviours counted alike
            "迟报一次扣1分,漏报一次扣2分。",
            shape(deductions=[1, 2], per_occurrence=True),
        ),
        (  # one behaviour counted alike, one amount
            "出现进京上访,一次扣2分;出现越级上访,一次扣2分。",
            shape(deductions=[2, 2], per_occurrence=True),
        ),
        (  # a bonus counted per unit beside a conditional worth
            "与上年持平得15分,每下降一个百分点扣7.5分;每上升一个百分点加1分。",
            shape(deductions=[7.5], bonuses=[1], per_occurrence=True, points=15),
        ),
        ("采用单条信息计10分。", shape(bonuses=[10], per_occurrence=True)),
        ("未公开的扣 1.5 分。", shape(deductions=[1.5])),  # spaces around a whole number
    ],
)
def test_it_still_reads_the_near_misses_of_the_sixth_batch(text: str, expected: dict) -> None:
    assert summary(text) == expected


# ------------------------------------ issue 13, part 2: forms no batch showed yet (generalisation)


@pytest.mark.parametrize(
    "text",
    [
        # a grade or honour lost beside the points
        "未按时更新的,扣1分,情节严重的,不得评为优秀。",
        "发现错误的,每处扣0.5分,并降低一个等次。",
        "未公开的扣2分,年度考核降档。",
        # tiers by an ordinal or by a count
        "未按要求整改的,第一次扣1分,第二次扣2分。",
        "被上级督查通报1次扣1分,通报2次扣3分。",
        # an amount given by another clause
        "未报送的扣1分;迟报的,同上。",
        # a share of the worth
        "全部公开的得满分,部分公开的得一半分,未公开的不得分。",
        "未完成任务的,该项得分减半。",
        # the period named before the amount
        "每月报送信息不少于2条,未达到的当月扣1分。",
        # a graver case after a reminder, in another clause of the item
        "未按要求报送的,扣1分;经催报仍未报送的,扣2分。",
        # a graver case under a limit the first case lacks
        "未按期答复的,每件扣1分;超期30日以上的,每件扣2分。",
        "未公开的扣1分,超过2项未公开的扣3分。",
        "网站更新不及时的扣1分;超过1个月未更新的扣3分。",
        "首页栏目未及时更新的扣0.5分;首页栏目超过2周未更新的扣1分。",
        # the self-check: a number with no unit may be a points figure the patterns did not read
        "未公开的,每项扣0.5分,封顶3。",
        "未公开的扣1分,最多扣3分,本项5",
        "错一处扣0.5分,本项满分为5",
        "被采用一条记1分,被省级采用一条记3",
        # an amount inside a condition
        "上年度被扣2分以上的,本项不得分。",
        # the same fault again, with its own amount
        "每次扣1分,同一问题重复出现的,每次扣2分。",
        # a degree or a discretion the assessor judges
        "公开内容不全的,酌减0.5分。",
        "存在问题的,扣0.5分;问题较多的,扣1分;问题严重的,扣2分。",
        # a rate whose unit is not a counting word
        "未更新的扣1分/月。",
        # a quota after 每 before the fault: each township, or once?
        "每个乡镇配备1名信息员,未配备的扣1分。",
        "每个栏目每周更新1次,未更新的扣0.5分。",
        # a cap for each unit, not for the item
        "办事指南要素缺失的,每缺失一个要素扣0.1分,单个事项最多扣0.5分。",
        # a text that ends on a comma or a joining word goes on in a cell not read
        "无垃圾池的扣6分。每发现一处垃圾外溢的,",  # (…扣1分, right after an amount closes the text)
        "出现下列情形之一的,给予扣分:",
        # a veto written as a quoted name is still a veto when it ends the rule
        "发生重大泄密事件的,实行“一票否决”。",
        # an amount in the text that is not in the draft (read, then dropped) is marked
        "运行管理机构未配置的,扣0.5分至1分。",
        # two readings of the count disagree: a marker two comma parts back, or one the anchored
        # patterns miss
        "每个栏目要有专人负责,定期更新,未更新的扣1分。",
        "发现一处,未整改的,扣1分。",
        # a cap word a comma away from its amount
        "未及时更新的,每次扣1分,最多的,扣6分。",
        # 扣分N分 inside a condition
        "扣分3分以上的不得分。",
        # a cap for each unit written after the cap
        "扣1分/处,最多扣3分/项。",
        "每篇加0.5分,每月最多加2分。",
        # a step above a threshold (每超过20%) is often one tier of several
        "超额完成的每超过20%加1分。",
        # several listed cases, several amounts, 分别 unsaid
        "一般错误、严重错误扣1分、3分。",
        # a number of a 、-list that is not followed by another number
        "未公开的扣1分,封顶3、",
    ],
)
def test_it_marks_forms_no_batch_showed_that_it_cannot_say(text: str) -> None:
    assert draft_rule(text).needs_review


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # one unit of lateness, or 每 + any verb of lateness + a unit, counts each unit
        ("每月1日前报送,迟报一天扣0.1分。", shape(deductions=[0.1], per_occurrence=True)),
        ("逾期1个工作日扣1分。", shape(deductions=[1], per_occurrence=True)),
        ("每超1天扣0.5分。", shape(deductions=[0.5], per_occurrence=True)),
        ("每延误一天扣1分,扣完为止。", shape(deductions=[1], per_occurrence=True)),
        # a threshold is not a count: 超过1天 is no unit counted
        ("超过3天未回复的扣1分。", shape(deductions=[1])),
        # one fault graded by the level it reaches is a tier (the reading settled before batch 21):
        # flagged, the amounts in order
        (
            "进京非访扣15分/批次,到省非访扣10分/批次,到市非访扣5分/批次",
            shape(deductions=[15, 10, 5], per_occurrence=True, needs_review=True),
        ),
        # a run of asterisks masks a name, not a figure
        ("**省网上信访系统无法正常运行的扣2分。", shape(deductions=[2])),
        # a quota (每…N户) in a clause with no amount states the requirement
        (
            "每个自然村组随机走访5户农户。每有一户厕所不能使用扣2分。",
            shape(deductions=[2], per_occurrence=True),
        ),
        # a bare 每条N分 after credit (采用, 报送…信息) is a bonus for each piece
        ("被省政府办公厅采用的信息,每条40分;", shape(bonuses=[40], per_occurrence=True)),
        ("报国务院办公厅信息,每条30分;", shape(bonuses=[30], per_occurrence=True)),
        # near misses of the tiers: an added amount (另扣), a requirement (不少于四次), levels alike
        (
            "未按规定时限办理的,每件扣1分,超过规定时限10个工作日以上的,每件另扣1分。",
            shape(deductions=[1, 1], per_occurrence=True),
        ),
        (
            "全年学习不少于四次加2分,每增加一次加1分。",
            shape(bonuses=[2, 1], per_occurrence=True),
        ),
        (  # one fault graded by the level that reports it: a tier (the reading settled before batch 21)
            "被市级通报一次扣1分,被省级通报一次扣2分。",
            shape(deductions=[1, 2], per_occurrence=True, needs_review=True),
        ),
        (  # another fault with its own limit, not a graver case of the first
            "栏目设置不规范的扣0.5分;首页栏目超过2周未更新的扣1分。",
            shape(deductions=[0.5, 1]),
        ),
        ("未设立专栏的扣1分;专栏信息超过3个月未更新的扣2分。", shape(deductions=[1, 2])),
        (  # a distinct fault with its own condition
            "栏目设置不规范,扣1分;信息发布不及时(超过5个工作日),每次扣0.5分。",
            shape(deductions=[1, 0.5], per_occurrence=True),
        ),
        # 单 counts work orders (工单), before or after the amount; 单位 is no counting word
        ("未按时办结的,扣0.5分/单。", shape(deductions=[0.5], per_occurrence=True)),
        ("未按时办结的,每单扣0.5分。", shape(deductions=[0.5], per_occurrence=True)),
        ("单位未公开的扣1分。", shape(deductions=[1])),
        # a quota before a count of its own shortfall: the count is read
        ("每个乡镇配备1名信息员,每缺1名扣1分。", shape(deductions=[1], per_occurrence=True)),
        ("每件信息超过5个工作日未公开的,扣1分。", shape(deductions=[1], per_occurrence=True)),
        # a cap for the whole item after a per-unit amount stays the item's cap
        (
            "每发现一处扣0.5分,本项最多扣3分。",
            shape(deductions=[0.5], deduction_cap=3, per_occurrence=True),
        ),
        # a cap for the year of an annual assessment is the item's
        ("每篇加0.5分,全年最多加5分。", shape(bonuses=[0.5], bonus_cap=5, per_occurrence=True)),
        # the count right before the amount, or one comma part back, agrees in both readings
        ("每发现一处,扣1分。", shape(deductions=[1], per_occurrence=True)),
        ("每个事项要公开办事指南,未公开的扣0.5分。", shape(deductions=[0.5], per_occurrence=True)),
        # the verb with 分 before the amount (扣分0.5分, 给予加分1分); a floor of the item
        ("每次扣分0.5分。", shape(deductions=[0.5], per_occurrence=True)),
        ("发现一次给予加分1分。", shape(bonuses=[1], per_occurrence=True)),
        ("每发现一处扣1分,扣至本项0分为止。", shape(deductions=[1], per_occurrence=True)),
        # 加计 adds, like 加记
        (
            "报送信息被采用1条计1分,被领导批示的加计2分。",
            shape(bonuses=[1, 2], per_occurrence=True),
        ),
        # a heading naming the column is no judgement
        ("评分标准:未设置专栏扣2分,内容不全扣1分。", shape(deductions=[2, 1])),
        ("【评分细则】未设置专栏扣2分。", shape(deductions=[2])),
        ("扣分:未公开的扣1分。加分:被表扬的加1分。", shape(deductions=[1], bonuses=[1])),
        # an ordinal of listed items (第一项, 第1项) is a reference, not a tier
        ("第一项未完成扣2分,第二项未完成扣3分。", shape(deductions=[2, 3])),
        # a threshold of one or more (1次以上), a count of eleven, a requirement with 得满分: no tier,
        # no count
        ("开展培训1次以上的得2分,未开展的不得分。", shape(zeroes_item=True, points=2)),
        ("出现1次以上的扣2分。", shape(deductions=[2])),
        ("累计11次扣2分。", shape(deductions=[2])),
        (
            "全年报送信息20条以上的得满分,每少1条扣0.5分。",
            shape(deductions=[0.5], per_occurrence=True),
        ),
        # a shortfall counted in its own unit, the deduction right after it
        ("每少1亩扣0.5分。", shape(deductions=[0.5], per_occurrence=True)),
        # the number of a requirement (至少更新1条) is no count, even with no comma before the fault
        ("每季度至少更新1条 未完成扣1分。", shape(deductions=[1])),
        # a standard's number set apart by a space is no bare figure
        ("未按GB/T 12345,规定建设的扣1分。", shape(deductions=[1])),
        # a list of numbers sharing the unit after the last is a condition
        ("出现1、2级错误的扣1分。", shape(deductions=[1])),
        # after 每, any measure word counts
        ("每本台账缺失扣1分。", shape(deductions=[1], per_occurrence=True)),
        ("每位干部未参训扣0.5分。", shape(deductions=[0.5], per_occurrence=True)),
        # a minus sign in brackets or after a comma deducts, as after the fault
        ("未公开的(-1分)", shape(deductions=[1])),
        ("未公开的,-1分/项", shape(deductions=[1], per_occurrence=True)),
        ("(赋分-3—3分)", shape(range=[-3, 3])),
        # a quoted name a noun goes on after is no veto
        (
            "发生省规定的平安建设“一票否决”重特大事项的,扣30分。",
            shape(deductions=[30]),
        ),
        # 扣 + the word 考核 before the amount; 扣发 in a list of faults; 扣,1分 broken by a column
        ("村干部未发现一次扣考核2分。", shape(deductions=[2], per_occurrence=True)),
        ("扣发、缓发、挪用救助金,发现一例扣2分。", shape(deductions=[2], per_occurrence=True)),
        ("没有指定部门的扣,1分,无统计员的不得分。", shape(deductions=[1], zeroes_item=True)),
        # the worth as the last part of a requirement's sentence
        (
            "及时报送研判报告,1分。不按时报送的每次减0.5分。",
            shape(deductions=[0.5], per_occurrence=True, points=1),
        ),
        # numbers with their unit, a list's marker and a formula's figures are conditions
        ("在2023年12月31日前未完成的,扣2分。", shape(deductions=[2])),
        (
            "变动率≦0,计5分;每超过一个百分点扣0.5分。",
            shape(deductions=[0.5], per_occurrence=True, points=5),
        ),
    ],
)
def test_it_reads_forms_no_batch_showed(text: str, expected: dict) -> None:
    assert summary(text) == expected


_FRAGMENTS = [
    "得2分",
    "得10分",
    "、1分",
    "、5分",
    "或1分",
    "(入选)",
    "扣1分",
    "扣2分",
    "减1分",
    "加2分",
    "(-1分)",
    "，",
    "。",
    ";",
    "、",
    "未做到",
    "做到的",
    "未公开的",
    "缺",
    "设置不规范的",
    "每处",
    "每次",
    "每",
    "不得分",
    "扣完为止",
    "最多扣3分",
    "最高",
    "及以上",
    "1-3分",
    "分别",
    "此项",
    "本项5分",
    "有",
    "无",
    "一票否决",
    "20个工作日内",
    "%",
    "通报",
    "第一次",
    "迟报",
    "其余",
]


@hypothesis.settings(max_examples=600, deadline=None)
@hypothesis.given(st.lists(st.sampled_from(_FRAGMENTS), min_size=1, max_size=12))
def test_it_drafts_any_arrangement_of_scoring_words_without_raising(parts):
    """Whatever a scheme's cell holds, drafting gives a rule or a flag, never an exception."""
    assert draft_rule("".join(parts)) is not None


@pytest.mark.parametrize(
    "text",
    ["做到的得10分、5分，未做到扣2分", "有得2分、1分；迟报扣1分", "得2分或1分。未公开的不得分"],
)
def test_it_flags_a_second_amount_after_a_worth(text):
    """、5分 after 得10分 read as the worth: which deduction it belongs to is a person's call."""
    assert draft_rule(text).needs_review


def test_it_reads_down_to_nothing_as_a_floor_not_a_zeroing():
    """直至不得分 after a per-occurrence deduction stops at 0; it does not zero the item at once."""
    rule = draft_rule("开展5次以上得2分，未按要求开展的一次扣1分，直至不得分。")
    assert rule.summary()["zeroes_item"] is False
    assert rule.summary()["deductions"] == [1]


def test_it_marks_a_deduction_that_lost_its_decimal_point():
    """扣15分 in an item of 3分 reads as 1.5 copied without its point; 扣30分 in 6分 is a rule."""
    assert draft_rule("建立工作网络(3分)。未绘制包干图的扣15分。").needs_review
    assert not draft_rule("集体上访5人以上(6分)发生一起扣30分。").needs_review


def test_it_marks_tiers_by_a_band_and_a_bracketed_limit():
    """60%到80%(含80%)扣4分, 60%(含60%)以下扣8分: two tiers of one fault (batch 8's one miss)."""
    rule = draft_rule("居民群众安全感在60%到80%(含80%)扣4分,60%(含60%)以下扣8分。")
    assert rule.needs_review
    assert rule.summary()["deductions"] == [4, 8]


@pytest.mark.parametrize(
    ("text", "deductions", "bonuses"),
    [
        ("每低于目标值1天,扣0.2分", [0.2], []),
        ("平均年龄每超市级平均年龄1岁的,扣0.5分", [0.5], []),
        ("每少完成50万元审核量扣1分。", [1], []),
        ("大于目标值的,每增加1%加1分;小于目标值的,每少1%扣1分。", [1], [1]),
        ("每超出1%扣0.1分", [0.1], []),  # a step of one (每超过20%: a step above a threshold)
        ("每减少1万元扣1分", [1], []),
        ("超额完成的,每增加10万元加0.5分", [], [0.5]),
        ("每迟报1天扣0.5分", [0.5], []),
        # a bare figure per occurrence: 每次4分 alone (as 每次得4分); 1分/次 after a fault (a deduction
        # column that leaves out 扣, as 每处错误1分) — see the list of what stays marked below
        ("每次4分。", [], [4]),
        ("每篇5分。", [], [5]),
        ("信息更新不及时的,1分/次。", [1], []),
    ],
)
def test_it_counts_each_unit_against_a_reference(text, deductions, bonuses):
    """每低于目标值1天 / 每超…1岁 / 每少完成N万元 / 每增加1% / 每迟报1天: each unit counts; a bare
    每次4分 or 1分/次 after a fault: each occurrence."""
    rule = draft_rule(text)
    assert not rule.needs_review, rule.reasons
    summary = rule.summary()
    assert (summary["deductions"], summary["bonuses"]) == (deductions, bonuses)
    assert summary["per_occurrence"] is True


def test_it_still_marks_a_step_above_a_threshold():
    assert draft_rule("每超过20%扣1分").needs_review


def test_it_reads_down_to_the_base_worth_as_no_cap():
    """扣分至基本分值扣完为止 is 扣完为止: no cap, nothing unread."""
    rule = draft_rule("未完成的,每少1%扣1分,扣分至基本分值扣完为止。")
    assert not rule.needs_review, rule.reasons
    assert rule.summary()["deduction_cap"] is None


def test_it_reads_a_minimum_counted_down_from_as_the_requirement_not_a_tier():
    """不少于10人,每少1人扣0.5分;…不少于4人,每少1人扣1分: two counts, each from its minimum."""
    rule = draft_rule("甲类单位推荐不少于10人,每少1人扣0.5分;乙类单位推荐不少于4人,每少1人扣1分。")
    assert not rule.needs_review, rule.reasons
    assert rule.summary()["deductions"] == [0.5, 1]
    # a threshold is still a tier: 低于90%…低于80%
    assert draft_rule("低于90%的每少1%扣0.1分;低于80%的每少1%扣0.2分。").needs_review
    # and so is 不少于 before its own amount, with no shortfall counted
    assert draft_rule("开展不少于3次的加2分,不少于5次的加4分。").needs_review


def test_it_reads_no_deduction_as_an_exception():
    """…但及时消除影响的,不扣分: an exception, not a deduction without a figure."""
    rule = draft_rule("每发现一起负面报道的扣2分,及时消除不良影响的,不扣分。")
    assert not rule.needs_review, rule.reasons
    assert rule.summary()["deductions"] == [2]


def test_it_reads_a_further_deduction_inside_a_case():
    """其中…的加扣2分 adds to the case's deduction; 其中…的扣2分 may replace it (flag)."""
    rule = draft_rule("未及时完成的每件扣1分,其中催办后仍未完成的加扣2分,扣完为止。")
    assert not rule.needs_review, rule.reasons
    assert rule.summary()["deductions"] == [1, 2]
    assert draft_rule("未及时完成的每件扣1分,其中催办后仍未完成的扣2分。").needs_review


@pytest.mark.parametrize(
    "text",
    [
        "会商中不出现故障或差错的得1分,被通报的不得分。",
        "预警信号不漏报得3分;每漏报1次扣1分,直至不得分。",
        "平均年龄不大于全市平均年龄的,得2分;每超平均年龄1岁的,扣0.5分",
    ],
)
def test_it_reads_a_fault_said_not_to_happen_as_the_worth(text):
    """不出现差错的得1分 / 不漏报得3分 / 不大于…的得2分: the requirement met earns the worth."""
    rule = draft_rule(text)
    assert not rule.needs_review, rule.reasons
    assert rule.points is not None
    # a fault earning a part stays flagged, also after a fault said not to happen
    assert draft_rule("设置不规范的得1分,未设置的不得分。").needs_review
    assert draft_rule("未发生事故但整改不到位的得1分,发生事故的不得分。").needs_review


def test_it_reads_a_deadline_before_an_amount_as_no_cap():
    """…延长期限的,记20分: 期限 is a deadline, not 限 of a cap."""
    rule = draft_rule("按期办理或经同意延长期限的,记20分。超过规定期限的不记分。")
    assert not rule.needs_review, rule.reasons
    assert rule.summary()["points"] == 20


@pytest.mark.parametrize(
    "text",
    [
        "一项未完成的,扣1分。",
        "有一项未完成的,扣1分,扣完为止。",
        "发现1份未按要求归集的,扣0.5分。",
        "有一个未按要求开设的,扣1分。",  # once marked as "one (a condition) or each?"
    ],
)
def test_it_counts_one_unit_named_with_its_fault(text):
    """一项未完成的,扣1分 counts each, as 一项不合格扣2分 does: the labels of batches 6 and 9 read
    it so (Y12-08, Y12-09, V15-01), never as a condition."""
    rule = draft_rule(text)
    assert not rule.needs_review, rule.reasons
    assert rule.summary()["per_occurrence"] is True


@pytest.mark.parametrize(
    "text",
    [
        "一项未完成的,扣1分;两项未完成的,扣3分。",
        "一项未完成的,扣1分,两项以上未完成的,扣3分。",
        "一项未完成的,扣1分,超过2项未完成的,扣3分。",
    ],
)
def test_it_still_marks_tiers_by_a_count_a_comma_before_the_amount(text):
    assert draft_rule(text).needs_review


def test_it_reads_a_total_as_its_own_comma_part_as_the_worth():
    """…每查到一次扣1分,总分4分,扣完为止: 总分4分 is the item's worth."""
    rule = draft_rule("经营点存在违法行为每查到一次扣1分,总分4分,扣完为止。")
    assert not rule.needs_review, rule.reasons
    assert rule.summary()["points"] == 4
    assert rule.summary()["deductions"] == [1]


def test_it_reads_a_base_score_earned_as_the_worth():
    """达到年度指标的,得基础分5分。每项不达标减1.5分: 得基础分5分 is the worth."""
    rule = draft_rule("各项达到年度指标的,得基础分5分。每项不达标减1.5分。")
    assert not rule.needs_review, rule.reasons
    assert rule.summary()["points"] == 5
    assert rule.summary()["deductions"] == [1.5]


def test_it_reads_a_figure_as_its_own_sentence_after_a_requirement_as_the_worth():
    """…建立会议机制。3分。否则,不计分。: the worth with a zeroing."""
    rule = draft_rule("出台工作文件,建立会议机制。3分。否则,不计分。")
    assert not rule.needs_review, rule.reasons
    assert rule.summary()["points"] == 3
    assert rule.summary()["zeroes_item"] is True
    # the worth alone, with nothing said of how it is given, stays for a person
    assert draft_rule("指导中心建立健全。2分。").needs_review


def test_it_reads_an_age_after_man_as_a_condition():
    """年满18周岁: an age, not a figure that lost its 分."""
    rule = draft_rule("年满18周岁男性公民登记率为100%,该项分值为0.5分,每少一人扣0.1分,扣完为止")
    assert not rule.needs_review, rule.reasons
    assert rule.summary()["points"] == 0.5
    assert draft_rule("未登记的扣1份。").needs_review  # 扣 with no 分: still marked


def test_it_reads_a_score_in_a_condition_as_no_points_figure():
    """学习积分未达41分(一般干部30分),每人扣1分: 41分 / 30分 are the app's scores, not points."""
    rule = draft_rule("超过5天每日学习积分未达41分(一般干部30分),每人扣1分,扣满8分为止。")
    assert not rule.needs_review, rule.reasons
    assert rule.summary()["deductions"] == [1]
    assert rule.summary()["deduction_cap"] == 8


def test_it_marks_a_zeroing_for_the_whole_years_event():
    """本年度出现重大疫情的不计分: the unit's whole score for the year, or this item's? A person's
    call; 当年…,得2分,没有的不得分 zeroes the item (the year is the worth's condition)."""
    rule = draft_rule("四、本年度出现重大动物疫情的不计分。")
    assert rule.needs_review
    assert rule.summary()["zeroes_item"] is True
    assert draft_rule("当年发生重大事故的不得分。").needs_review
    rule = draft_rule("当年政府领导对旅游工作有专题调研,得2分,没有的不得分。")
    assert not rule.needs_review, rule.reasons
    rule = draft_rule("全年未开展工作的不得分。")  # the item's own fault, over the year
    assert not rule.needs_review, rule.reasons


def test_it_reads_a_every_of_the_requirement_when_each_amount_is_counted():
    """根据每个预案要求,建立救援队伍。每少一项扣0.5分: the first 每 is the requirement's; a 每 before
    an amount that is not counted stays in doubt (each unit, or once?)."""
    rule = draft_rule("根据每个专项应急预案要求,建立相应的救援队伍。每少一项扣0.5分")
    assert not rule.needs_review, rule.reasons
    assert rule.summary()["per_occurrence"] is True
    assert draft_rule("每个村设立公开栏。未设立的扣1分。").needs_review


def test_it_reads_a_worth_explained_as_parts_times_a_part():
    """(8分)(2分×4项): the worth explained, not another figure; 2分×3项 in an item of 8 is not."""
    text = "签订责任状(8分)(2分×4项,即乡镇同村委会)且落实措施的得8分。每少一项扣2分"
    rule = draft_rule(text)
    assert not rule.needs_review, rule.reasons
    assert rule.summary()["points"] == 8
    assert draft_rule(text.replace("2分×4项", "2分×3项")).needs_review


@pytest.mark.parametrize(
    "text",
    [
        "未按时提交年度工作总结的扣1分,逾期一周以上未提交的扣2分。",
        "未按时报送的扣1分,逾期两个工作日的扣2分。",
    ],
)
def test_it_marks_a_graver_case_whose_limit_is_in_chinese_numerals(text):
    """逾期一周以上 is a limit as 逾期7天以上 is: the larger amount may replace the first."""
    assert draft_rule(text).needs_review


@pytest.mark.parametrize(
    "text",
    [
        "一个月未更新的,扣1分。",  # a span of time: a condition, or each month?
        "一周未更新的,扣1分。",
        "一个栏目一个月未更新的,扣1分",
        "被市级通报表扬的加2分,加分最高达到5分。",  # 达到5分 is no condition's score here
        "未公开的扣1分。2分。",  # a figure after a rule's sentence: a glued column, not the worth
        "考核采用百分制,总分100分,每项未完成扣1分。",  # the whole assessment's total
        "每季度至少一次,每次0.5分,缺项不得分。",  # 每次N分 beside a zeroing: a part of the worth?
        "每项2分。",  # sub-items' worths
        "请假每次0.5分。",  # after other words: maybe a deduction
        "通报批评,每次2分。",
        "按时报送的,1分/次。",  # N分/次 without a fault
        "采用单条计10分,未按时报送的,2分/条。",  # …beside a credit
    ],
)
def test_it_keeps_marking_what_the_new_readings_must_not_take(text):
    """The readings of 一项未完成的, 积分未达41分, 。3分。 and 总分4分 stop short of these."""
    assert draft_rule(text).needs_review


@pytest.mark.parametrize(
    ("text", "points"),
    [
        ("综合得分每低1分扣0.5分。", None),
        ("预测综合评分达60分得2分,综合评分每低1分扣0.5分,直至不得分。", 2),
        ("测评得分低于60分的扣5分。", None),
    ],
)
def test_it_reads_the_units_own_score_in_a_condition(text, points):
    """得分每低1分 / 评分达60分 / 得分低于60分: the unit's own score, each point below counted;
    neither 1分 nor 60分 is a points figure, and 得分 / 评分 here is a noun, not a scoring rule."""
    rule = draft_rule(text)
    assert not rule.needs_review, rule.reasons
    assert rule.summary().get("points") == points
    assert draft_rule("按完成情况评分。").needs_review


def test_it_reads_a_base_score_as_the_worth():
    """基础分10分,每发现一处问题扣1分: the item's base worth (as (基本分40分) is labelled)."""
    rule = draft_rule("基础分10分,每发现一处问题扣1分。")
    assert not rule.needs_review, rule.reasons
    assert rule.summary()["points"] == 10
    # the whole assessment's base is not this item's worth
    assert draft_rule("各单位考核基础分为100分,每项未完成扣1分。").needs_review


def test_it_reads_a_worth_said_again_with_its_condition_as_one_worth():
    """设立信息员记30分,3月份前…设立信息员记30分,每推迟1个月…扣10分: the heading's worth said again
    (its words repeated); two parts' equal worths (建立…得1分,开展服务的,得1分) stay for a person."""
    rule = draft_rule(
        "设立信访信息员记30分,3月份前在乡、村设立信访信息员记30分,每推迟1个月到位的扣10分。"
    )
    assert not rule.needs_review, rule.reasons
    assert rule.summary()["points"] == 30
    assert draft_rule("建立或成立的得1分,开展服务的,得1分,反之,不得分。").needs_review


def test_it_reads_a_deduction_for_the_cases_above_as_no_new_fault():
    """…该项不得分。上述情况扣分,直到扣完为止: the amounts above, down to nothing — no figure lost;
    with nothing above it, the same words are a deduction without a figure."""
    rule = draft_rule("未在规定时间内拆除复垦的,该项不得分。上述情况扣分,直到扣完为止。")
    assert not rule.needs_review, rule.reasons
    assert rule.summary()["zeroes_item"] is True
    assert draft_rule("上述情况扣分,直到扣完为止。").needs_review


def test_it_marks_a_case_aggravated_by_its_nature_or_consequence():
    """每发现一次扣1分,性质严重的扣3分: a graver case of the same fault (as 情节严重的); 加扣 adds."""
    assert draft_rule("每发现一次扣1分,性质严重的扣3分。").needs_review
    assert draft_rule("未及时整改的扣1分,后果严重的扣3分。").needs_review
    assert not draft_rule("每发现一次扣1分,后果严重的加扣3分。").needs_review


# ------------------------------------------------------------------------- tuning after batch 10


@pytest.mark.parametrize(
    "text",
    [
        "未公开机构职能、办公地址、联系方式的，扣1分。",
        "无领导小组、发展规划、科技助理员、办公地点的扣10分。",
        "未建立政务公开领导小组、未明确分管领导、未配备工作人员的，扣2分。",
        "未公开权力清单、责任清单、负面清单的，不得分。",
    ],
)
def test_it_marks_one_amount_after_several_things_not_done(text: str) -> None:
    """One amount after several things lacking: each lack, or only all of them? (as V08-01)."""
    rule = draft_rule(text)
    assert rule.needs_review
    assert any("所列几件事" in r for r in rule.reasons)


@pytest.mark.parametrize(
    "text",
    [
        "未开展上门办理、免费代办的扣1分。",  # two things named as one case
        "未通过政府网站、政务新媒体等渠道公开的，扣1分。",  # examples of one channel
        "信息发布不及时、不准确、不完整的，扣1分。",  # faults of one thing, no list after 未
        "没有将综治工作纳入部门总体工作,没有做到同部署、同落实、同检查的,扣1分。",  # a set phrase
        "没有积极开展与本部门、本单位业务相关的法律法规的学习宣传的,扣2分。",  # 与: a preposition
        "发布“三无”食品、假冒食品、劣质食品信息的,扣0.5分。",  # 三无 is no negation
        "每缺少方案、计划、总结中的一项扣1分。",  # counted
        "未建立信息发布审核、保密审查、依申请公开制度其中之一的，扣1分。",  # any one: once
    ],
)
def test_it_still_drafts_one_case_with_a_list_in_it(text: str) -> None:
    rule = draft_rule(text)
    assert not any("所列几件事" in r for r in rule.reasons), rule.reasons


@pytest.mark.parametrize(
    ("text", "amount"),
    [("未制定年度工作要点和工作方案(扣2分)。", 2), ("未上报招商信息和年终工作总结(扣5分)。", 5)],
)
def test_it_drafts_one_amount_after_two_things_not_done(text: str, amount: int) -> None:
    """未A和B(扣N分): one deduction for the duty the sentence names (the convention settled before
    batch 13; S08-06 relabelled so), even in a deduction column's brackets."""
    rule = draft_rule(text)
    assert not rule.needs_review, rule.reasons
    assert rule.summary() == shape(deductions=[amount])


@pytest.mark.parametrize(
    "text",
    [
        "老年大学数未达到80%的扣1分;没有办学的扣2分。",
        "政务公开培训覆盖率未达到80%的扣1分;未开展培训的扣2分。",
        "公开率低于90%的扣1分，未公开的扣3分。",
        "办结率低于95%的，每低1个百分点扣0.5分；未办理的扣3分。",
        "开展培训少于4次的扣1分，全年未开展的扣3分。",
        "回复率低于100%的扣1分，不回复的扣2分。",
        "部分公开的扣1分，未公开的扣2分。",  # done in part, said in words
        "资料不完整的扣1分，无资料的扣2分。",
    ],
)
def test_it_drafts_a_thing_not_done_at_all_scored_above_its_shortfall(text: str) -> None:
    """Done in part (未达到80%) and not at all (没有办学), the lack scored higher: two faults, each with its
    amount (the fourth convention, settled before batch 26; batch 12's reading marked them as a tier)."""
    rule = draft_rule(text)
    assert not rule.needs_review, rule.reasons
    assert len(rule.summary()["deductions"]) == 2
    assert not draft_rule(text.replace("没", "沒").replace("办", "辦")).needs_review  # traditional


def test_it_drafts_a_shortfall_scored_after_the_lack_and_faults_of_other_kinds() -> None:
    # the lack first, a lesser shortfall of another person after it (a seed's wording), and a fault
    # that is no shortfall beside a lack
    rule = draft_rule("未解读政策的扣2分,政策解读不及时的扣1分;主要负责人解读政策少于1次的扣1分。")
    assert not rule.needs_review, rule.reasons
    assert not draft_rule("栏目更新不及时的扣1分，未设置栏目的扣2分。").needs_review
    assert not draft_rule("回复率低于100%的扣1分，不规范的扣2分。").needs_review
    text = "未公开指南的扣1分,公开部门不全面的扣0.5分;未公开年报的扣1分。"  # 不全面: a fault of its own
    assert not draft_rule(text).needs_review


@pytest.mark.parametrize(
    "text",
    [
        "每一项/、健全扣2分。",
        "未公开的扣1分,/未更新的扣1分。",
        "未更新、,扣1分。",
        "每发现一处错误扣0.5分，未、公开的扣1分。",
        "未公开年报、扣1分。",
    ],
)
def test_it_marks_a_slash_or_a_list_mark_against_another_stop(text: str) -> None:
    """每一项/、健全: a word lost in the copy (不健全) — the amount may belong to something else."""
    rule = draft_rule(text)
    assert rule.needs_review
    assert any("识别错误" in r for r in rule.reasons)
    assert not draft_rule("每一项不健全扣2分。").needs_review


def test_it_reads_no_omission_as_a_fault_said_not_to_happen():
    """无漏报瞒报的,得2分: the requirement met (as 不漏报); a comma part naming what is checked
    (根据抽查…漏报瞒报情况) is no case; a worth earned with a fault stays marked."""
    rule = draft_rule("根据抽查信息漏报瞒报情况,无漏报瞒报的,得2分,抽到1条扣0.5分,扣完为止;")
    assert not rule.needs_review, rule.reasons
    assert rule.summary() == shape(deductions=[0.5], per_occurrence=True, points=2)
    assert not draft_rule("无差错的,得2分,发现1处错误扣0.5分。").needs_review
    assert draft_rule("根据抽查情况,有错误的,得1分,发现1处错误扣0.5分。").needs_review
    assert draft_rule("信息公开不及时的,经整改到位,得1分,未整改的扣2分。").needs_review


@pytest.mark.parametrize("text", ["通报缺少一次的扣1分。", "少报一期的扣1分。", "缺一次的,扣1分。"])
def test_it_counts_one_unit_short(text: str) -> None:
    """缺少一次的扣1分: one unit short, a count (as 少一次扣1分, 每少一项)."""
    rule = draft_rule(text)
    assert not rule.needs_review, rule.reasons
    assert rule.summary() == shape(deductions=[1], per_occurrence=True)


def test_it_reads_latin_letters_inside_a_quoted_name_as_the_names():
    rule = draft_rule(
        "积极推广使用“科普中国e站”、“科普中国v视快快递”等信息化资源记2分(不使用不得分);"
    )
    assert not rule.needs_review, rule.reasons
    assert rule.summary() == shape(zeroes_item=True, points=2)
    assert draft_rule("未公开的扣l分。").needs_review  # a Latin letter outside quotes: a slip


def test_it_reads_a_score_per_report_and_its_total():
    """每次报送1分,合计6分: a score per report (a credit verb between 每次 and the figure), and the
    total after a comma stated as the worth."""
    rule = draft_rule("按时报送工作台账(每季度报送1次共4次,每次报送1分,合计4分)。")
    assert not rule.needs_review, rule.reasons
    assert rule.summary() == shape(bonuses=[1], per_occurrence=True, points=4)
    assert draft_rule("未按时报送的,每次报送1分。").needs_review  # a fault in its clause


def test_it_marks_more_than_one_and_a_degree_as_graver_cases():
    """多个栏目空白的扣3分 after 栏目内容空白的扣1分: more than one, a count with no figure (a tier);
    完成较差的: a degree the assessor must judge. A graver fault named apart stays drafted."""
    assert draft_rule("栏目内容空白的扣1分，多个栏目空白的扣3分。").needs_review
    assert draft_rule("未完成的扣5分，完成较差的扣3分。").needs_review
    rule = draft_rule("出现错别字的扣0.5分，出现严重表述错误的扣3分。")
    assert not rule.needs_review, rule.reasons


@pytest.mark.parametrize(
    "text", ["工作成效明显的加2分。", "工作突出的，可加1分。", "成效显著，得3分。"]
)
def test_it_marks_a_bonus_for_a_merit_to_judge(text: str) -> None:
    """成效明显的加2分: whether the work is 明显 is the assessor's judgement (as 力度大、成效明显的,得1分)."""
    rule = draft_rule(text)
    assert rule.needs_review
    assert any("按工作成效评定" in r for r in rule.reasons)
    assert not draft_rule("重点不突出扣1分。").needs_review  # a fault named so


@pytest.mark.parametrize("text", ["未按月报送的扣1分。", "按季度考核，未达标的扣1分。"])
def test_it_marks_a_period_written_with_an(text: str) -> None:
    """未按月报送的扣1分: each month, or once? (the counting-period convention, as 每月未更新的)."""
    assert draft_rule(text).needs_review
    rule = draft_rule("党员未按月足额交纳党费的,每人每次扣0.1分。")  # counted on its own
    assert not rule.needs_review, rule.reasons


@pytest.mark.parametrize(
    "text",
    [
        "未完成的扣2分，追究相关人员责任。",
        "未完成的扣2分，予以通报批评。",
        "未完成的扣2分，情况在全市通报。",
        "整改不到位的扣2分，并列入下年度重点督查对象。",
        "未完成的扣2分，并责令限期整改。",
    ],
)
def test_it_marks_a_sanction_after_the_amount_without_bing(text: str) -> None:
    """…扣2分,追究相关人员责任: a consequence outside the points as a comma part of its own (no amount,
    no case), with or without 并; a fault that names a notice (未通报结果的扣1分, 通报一次扣2分) is none."""
    rule = draft_rule(text)
    assert rule.needs_review
    assert any("分数以外的后果" in r for r in rule.reasons)
    for other in ("未纳入考评的扣4分,未通报结果的扣1分。", "每发现一处扣1分,通报一次扣2分。"):
        assert not draft_rule(other).needs_review, other


@pytest.mark.parametrize(
    "text",
    [
        # one found in any measure word (traditional characters; 座, 户 as after 每)
        "未平毁的坟头(20分,發現一座扣一分)。",
        "发现一座违章建筑扣2分。",
        "检查中查出一户扣0.5分。",
        # one short with the thing named after the counting word
        "缺1名网格信息员扣1分。",
        "无制度扣5分,少一个村级联络员扣1分。",
        "缺一名专职人员的扣2分。",
        # one of a set of named things short (“五有” less one), as 每缺一项
        "查阅资料,少“一有”扣5分。",
        "缺一证扣2分。",
    ],
)
def test_it_reads_one_found_or_short_as_a_count(text: str) -> None:
    """發現一座扣一分, 缺1名…信息员扣1分, 少“一有”扣5分: each one found or short counts."""
    rule = draft_rule(text)
    assert rule.summary()["per_occurrence"], rule.summary()
    assert not rule.needs_review, rule.reasons
    other = draft_rule("至少1名信息员负责,未配备的扣1分。").summary()
    assert not other["per_occurrence"]  # 至少: the requirement's number


def test_it_reads_kouwan_jibenfen_as_zeroing() -> None:
    """扣完基本分 loses the whole base at once (zeroes); 扣完基本分为止 is a stop, no cap and no zeroing."""
    rule = draft_rule("资料不全的每例扣1分;未及时整治的扣完基本分。(基本分20分)")
    assert rule.summary() == shape(deductions=[1], per_occurrence=True, zeroes_item=True, points=20)
    for text in ("每发现一处扣1分,扣完基本分为止。", "发现一次扣一分,直至扣完基本分。"):
        assert draft_rule(text).summary() == shape(deductions=[1], per_occurrence=True), text


def test_it_marks_amounts_rising_by_an_open_level() -> None:
    """通过县级验收加1分,通过市级以上验收加2分: a higher level (…级以上) may hold the lower one — replace or
    add is not said; disjoint levels (院级奖励加1分,市级奖励加2分) and pieces counted at each level are
    separate amounts (the labelling conventions)."""
    rule = draft_rule("通过县级文明单位验收加1分,通过市级以上文明单位验收加2分。")
    assert rule.needs_review
    assert any("按级别分档" in r for r in rule.reasons)
    for other in (
        "院级奖励加1分,市级奖励加2分,省级奖励加3分。",
        "市级媒体采用的每篇计2分,省级以上媒体采用的每篇计5分。",
        "未出台文件扣1分,评上市级以上先进加3分。",
    ):
        assert not draft_rule(other).needs_review, other


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("发现1座坟墓未平毁的扣2分。", "计数词离分值较远"),  # a measure word of 每 only, not read
        ("发现一亩扣0.1分。", "计数词离分值较远"),  # a unit that is no counting word
        ("根据平时掌握情况综合确定分值,每缺一项扣1分。", "评定"),
        # a judgement before a counted rule: the item's score is judged, whatever the rule after it
        ("由市局根据完成时限、上报材料等进行综合考核,评估定分。未上报总结的,每项扣1分。", "评定"),
        ("按工作实绩综合考评。未报送的扣2分。", "评定"),
        ("每发现一起,扣1分;发现二起以上,扣3分。", "按次数分档"),  # a bare comma before the amount
        ("少1名扣1分,少2名扣3分。", "按次数分档"),  # counts of people
        ("发现问题一次扣1分,问题严重的扣3分。", "加重情形"),  # a graver degree
        ("受到表彰的加1分(国家级加3分)。", "括号中的情形"),  # a case inside, in brackets
        ("秸秆焚烧火点每个扣2分,被省通报的每个扣5分。", "加重情形"),  # the same fault, reported
        ("缺席会议一次扣2分(全体会议扣4分)。", "括号中的情形"),
    ],
)
def test_it_marks_where_the_count_or_the_case_is_unsure(text: str, reason: str) -> None:
    """Where a count, a tier or a judgement is not read for sure, the draft is marked, not guessed
    (综合考核, 评估定分, 综合确定: a judgement anywhere in the sentence)."""
    rule = draft_rule(text)
    assert rule.needs_review
    assert any(reason in r for r in rule.reasons), rule.reasons
    for other in (
        "发现一般问题扣1分。",
        "发现一宗违法用地扣2分。",
        "缺“一制度”扣2分。",
        "要按规定分类投放。发现不按要求分类投放的,每发现1处扣1分。",  # 规定分类: no 定分
        "未完成交办任务的,每次扣0.5分;被通报批评的,每次扣1分。",  # a sanction: a fault of its own
    ):
        assert not draft_rule(other).needs_review, other


# ------------------------------------------- the generic guards after batch 12 (zwgk.rubric.draft.audit)


@pytest.mark.parametrize(
    ("text", "reason", "other"),
    [
        # a worth the copy garbled (20 → 2023): no item is worth a thousand points
        (
            "无乱搭乱建现象记2023分,每发现一处扣2分,扣完为止。",
            "1000分以上",
            "无乱搭乱建现象记20分,每发现一处扣2分,扣完为止。",
        ),
        # a case done right and its negation, each with its own amount: the same event graded
        (
            "发生火灾,能及时报告的扣5分,不及时报告的扣10分。",
            "做到与否",
            "未按时报送的扣1分,报送内容不准确的扣2分。",
        ),
        ("发生一次火警,能配合破案的扣3分,否则扣5分。", "做到与否", "未按时报送的,否则扣1分。"),
        # …or the conduct's opposite (逾期 for 按时, 迟报 for 及时, 被 for 主动, 未 for 已, 瞒报 for 如实)
        ("发生事故,按时整改的扣2分,逾期整改的扣4分。", "做到与否", "逾期整改的扣4分。"),
        ("及时上报的扣1分,迟报的扣2分。", "做到与否", "迟报的扣2分,漏报的扣1分。"),
        ("已经整改的扣1分,尚未整改的扣3分。", "做到与否", "未整改的扣3分。"),
        ("如实上报的扣1分,瞒报的扣3分。", "做到与否", "瞒报的扣3分。"),
        # a thing absent beside a lesser case that says the thing is there (有科室但无设备), the absence
        # costing more or zeroing the item: the lesser case presupposes the first done (the fourth convention
        # keeps it marked; 无法律顾问公示牌 / 公示牌未及时更新 is two faults)
        (
            "未设立科室不得分;有科室但无设备扣0.1分。",
            "已做但有欠缺",
            "未设立科室不得分;未配备设备扣0.1分。",
        ),
        # a case and a narrower case of it with another amount (吸烟者 / 工作人员在室内吸烟)
        (
            "发现吸烟者1次扣2分;每发现1个工作人员在室内吸烟扣5分。",
            "包含在另一种情形之中",
            "每发现1名本单位员工吸烟扣2分;1名非本单位员工吸烟扣1分。",
        ),
        # a list of faults closed by a bare 等 before one amount (each, or once?)
        ("发现有积水和路面破损等扣1分。", "写“等”", "存在处理不适当、引用法条不准确等问题,扣2分。"),
        # 每项N分 starting its part after listed requirements: sub-items' worths
        ("路面完好;设施完整;标线清晰。(每一项得5分)", "每项N分", "每完成一项得2分。"),
        # one of a unit that is no counting word right before the amount
        ("经费不落实的一所扣1分。", "一＋单位", "出现1次以上的扣2分。"),
        (
            "危房改造未完成的一栋扣1分。",
            "一＋单位",
            "一门式服务未落实的扣1分。",
        ),  # a set phrase: no count
        # a number glued to a bracket: a span whose dash the copy lost
        ("受害面积15300(不含)亩,扣10分。", "紧接括号", "受害面积300亩以上,扣10分。"),
    ],
)
def test_it_marks_what_the_generic_guards_see(text: str, reason: str, other: str) -> None:
    """Each guard marks a draft that the readings before it made unmarked (its only reason), and leaves
    the nearby shape a labelled sentence shows draftable alone."""
    rule = draft_rule(text)
    assert rule.needs_review
    assert [r for r in rule.reasons if r not in AUDIT_REASONS] == []  # the guard alone marks it
    assert any(reason in r for r in rule.reasons), rule.reasons
    assert not any(reason in r for r in draft_rule(other).reasons), other


def test_it_audits_a_draft_it_did_not_make() -> None:
    """audit reads any draft's summary (so the drafters that first met batches 10-12 can be scored):
    a count read on the draft silences the one-unit guard, a big figure in it raises its own."""
    text = "经费不落实的一所扣1分。"
    assert audit(text, shape(deductions=[1])) != []
    assert audit(text, shape(deductions=[1], per_occurrence=True)) == []
    assert audit("记2023分。", shape(points=2023)) != []
    assert audit(None, shape()) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 每 + a number of 亩 counts in steps (as 每…200株), and 扣分不封顶 is no cap
        ("每5畝扣1分,扣分不封頂。", shape(deductions=[1], per_occurrence=True)),
        # a part ending on 的 after 每… names the case counted, not a quota
        (
            "全年性抛荒,每连片抛荒5亩或零星抛荒30亩的,扣2分。",
            shape(deductions=[2], per_occurrence=True),
        ),
        ("每发现一处扣1分,扣分不封顶。", shape(deductions=[1], per_occurrence=True)),
        # 每查到…一次扣: the count said twice
        ("每查到未出勤的,一次扣5分。", shape(deductions=[5], per_occurrence=True)),
        # 得N分;否则不得分: the worth, all or nothing, even with a fault word in the condition
        ("审核错情累计条数≤3条,得1分;否则不得分。", shape(zeroes_item=True, points=1)),
        # a fault said not to happen (未受到破坏) earns the worth
        ("探测环境未受到破坏,得1分;保护不力的不得分。", shape(zeroes_item=True, points=1)),
        # 一户一档 / 一人一岗: a set phrase, not a count of 户
        ("一户一档未建立的扣1分。", shape(deductions=[1])),
        ("未落实一人一岗的,扣2分。", shape(deductions=[2])),
        # a telephone number is no figure (traditional characters too)
        ("在醒目处公布投诉举报電話12358。未公布的扣1分。", shape(deductions=[1])),
    ],
)
def test_it_reads_what_the_twelfth_batch_showed(text: str, expected: dict) -> None:
    rule = draft_rule(text)
    assert rule.summary() == expected, rule.reasons


def test_it_marks_a_fault_still_there_after_its_rectification() -> None:
    """整改后复查仍存在的扣2分 after 发现问题的扣1分: the same fault kept up after rectification (as 经催报仍未…)."""
    rule = draft_rule("考核中发现问题的扣1分,整改后复查仍存在的扣2分。")
    assert rule.needs_review
    assert any("加重情形" in r for r in rule.reasons), rule.reasons
    assert not draft_rule("整改后复查仍存在问题的扣2分。").needs_review  # no earlier amount


@pytest.mark.parametrize(
    "text",
    [
        "擅自离岗的每次扣1分,离岗超过半天的扣3分。",  # 半天: a limit in a Chinese numeral
        "未在规定时限内处理的,每件扣1分;超时限一倍以上的,每件扣2分。",  # 一倍以上, 每件 said of both
    ],
)
def test_it_marks_a_graver_case_by_half_a_day_or_a_multiple(text: str) -> None:
    """A later, larger amount under a limit the first case lacks (超过半天, 一倍以上) is a tier."""
    rule = draft_rule(text)
    assert rule.needs_review
    assert any("按阈值分档" in r for r in rule.reasons), rule.reasons
    assert not draft_rule("迟报半天扣0.5分。").needs_review  # one limit alone: a condition


# ------------------------------------------------------------------ what batch 13 showed (tuning)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a bare N分 ending the requirement's part before its deductions (…,10分;) is the worth
        (
            "区域内有明显的禁烟标识,10分;\n缺1处扣2分;",
            shape(deductions=[2], per_occurrence=True, points=10),
        ),
        # …and so is one glued to the requirement's last word before a counted deduction
        (
            "规章制度做到人手一册6分,每缺一项扣2分。",
            shape(deductions=[2], per_occurrence=True, points=6),
        ),
        ("并有详细记录6分,缺一次扣1分。", shape(deductions=[1], per_occurrence=True, points=6)),
        # 5分全扣: the worth, all of it lost (zeroes the item)
        ("无工作网络资料,5分全扣。", shape(zeroes_item=True, points=5)),
        # (共5分): the worth in brackets with 共
        (
            "完全禁止吸烟(共5分)每处发现烟头扣0.5分,扣完为止。",
            shape(deductions=[0.5], per_occurrence=True, points=5),
        ),
        # a yes-or-no column with its points: the worth, all or nothing
        ("是4;否0", shape(zeroes_item=True, points=4)),
        # a rating another check gave, reached as a condition: no judgement of the points
        (
            "施工安全检查评定等级合格及以上,得2分。不符合以上要求,每发生1次投诉扣0.5分,扣完为止。",
            shape(deductions=[0.5], per_occurrence=True, points=2),
        ),
        # bonuses graded by listed levels, written with 分别: one amount per level, in order
        ("市、县现场会在所在地召开分别加2分、1分。", shape(bonuses=[2, 1])),
        (
            "在省、市级刊物发表1篇分别加1分和0.5分,最多不超过5分;",
            shape(bonuses=[1, 0.5], per_occurrence=True, bonus_cap=5),
        ),
        # one person (1位) found before the amount counts each, as 有一项 / 有一起
        ("有1位吸烟成员扣1分,扣完为止;", shape(deductions=[1], per_occurrence=True)),
        # …and the item's heading that names that rating (…综合评定。) is no judgement either
        (
            "(2)农业气象测报综合评定。二级站综合评定达甲等,得1分;否则不得分。(1分)",
            shape(zeroes_item=True, points=1),
        ),
        # a run of three capitals is an acronym, no OCR slip
        ("MSM干预每降低5%扣0.01分。", shape(deductions=[0.01], per_occurrence=True)),
    ],
)
def test_it_reads_what_the_thirteenth_batch_showed(text: str, expected: dict) -> None:
    rule = draft_rule(text)
    assert rule.summary() == expected, rule.reasons


@pytest.mark.parametrize(
    "text",
    [
        "考核采用百分制,总分100分,每项未完成扣1分。",  # the whole assessment's total
        "每处错误1分,严重错误5分。",  # a bare amount after a fault: a deduction, not a worth
        "简讯每条5分,每缺一条扣1分。",  # a score per piece
    ],
)
def test_it_reads_no_worth_from_a_total_or_a_score(text: str) -> None:
    assert draft_rule(text).points is None


@pytest.mark.parametrize(
    "text",
    [
        "无因过失导致败诉的,得5分。出现一例扣3分,不封顶。",
        "未发生安全事故的,得2分。发生较大及以上事故的,该项不得分,倒扣10分。",
    ],
)
def test_it_marks_deductions_that_run_past_the_stated_worth(text: str) -> None:
    """不封顶 / 倒扣 with the item's worth stated: the deductions may pass the worth (batch 13's reading);
    with no worth stated, 扣分不封顶 is no cap and 倒扣2分 a deduction (batches 6, 12)."""
    rule = draft_rule(text)
    assert rule.needs_review
    assert any("不封顶或倒扣" in r for r in rule.reasons), rule.reasons
    assert not draft_rule("每发现一处扣1分,扣分不封顶。").needs_review
    assert not draft_rule("将涉密信息公开(每出现一次倒扣6分)。").needs_review


def test_it_still_marks_a_stray_letter_near_an_amount() -> None:
    rule = draft_rule("未选派窗口人员的,首席代表扣L5分。")
    assert any("识别错误" in r for r in rule.reasons), rule.reasons


def test_it_still_marks_a_score_graded_by_a_list_of_ratings() -> None:
    rule = draft_rule("水质评定等级达到优秀、良好、合格,分别得3分、2分、1分。")
    assert "分值由评定确定：须人工确认" in rule.reasons


@pytest.mark.parametrize("text", ["先进集体和个人分别加2分、1分。", "被市、省通报分别扣1分、2分。"])
def test_it_still_marks_fenbie_for_kinds_of_recipient_or_deductions(text: str) -> None:
    """分别 after two kinds of recipient (not levels), or before deductions: still split by a person."""
    assert "“各/分别扣（加）分”涉及几种情形：须人工拆分" in draft_rule(text).reasons


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an item number whose 、 the text layer set apart with a space (1 、…): an item, no stray number
        (
            "1 、村建立由主要负责人挂帅的工作机构, 凡未建立的, 则 不计分( 2 分)。",
            shape(zeroes_item=True, points=2),
        ),
        # 每方面 counts each aspect (the copy's space inside the word dropped)
        ("设施不齐备的 每方 面扣 1 分 扣完为止", shape(deductions=[1], per_occurrence=True)),
        # (共N分,未…不得分,已…得N分): the get's own case is 已建立, not the zeroing's — all or nothing
        (
            "7、建立健全住房保障机构。(共2分,未建立不得分,已建立得2分。)",
            shape(zeroes_item=True, points=2),
        ),
        # the worth as a numbered item's heading closed by 。
        (
            "(2)工作基本条件2分。工作经费不足扣1分,没有固定的工作场所扣0.5分。",
            shape(deductions=[1, 0.5], points=2),
        ),
        # 共N分 inside a note's brackets, after who is assessed
        (
            "抓好安置房建设(仅考核吉州区、青原区,共40分,完成计划任务计满分,每差欠1个百分点扣1分,"
            "扣完本项分为止)。",
            shape(deductions=[1], per_occurrence=True, points=40),
        ),
        # 对每个县(市)下达的指标: each unit's own target, no count of faults
        (
            "以对每个县(市)下达的指标为基准。(共4分,未达到基准不得分,已达到基准得4分。)",
            shape(zeroes_item=True, points=4),
        ),
        # 有一个…成员未…, 扣1分: one of the unit's own with its fault, the amount a comma after — each
        (
            "听汇报、听反映,有一个领导班子成员未结对团干部,扣1分",
            shape(deductions=[1], per_occurrence=True),
        ),
        # a bonus on a condition with its own numbers: the one-unit guard reads the case's start only
        # where the case starts (here 16 characters back is 1个栏目, no start)
        ("4、一家单位独立完成1个栏目或4个以上分目组稿任务的加5分。", shape(bonuses=[5])),
        # 得绩效分N分 counted is a bonus; ,直至N分 after it is its cap
        (
            "达到98%得基础分4分。每降低1个百分点扣1分,最多扣4分;每提高1个百分点得绩效分0.5分,直至1分。",
            shape(
                deductions=[1],
                deduction_cap=4,
                bonuses=[0.5],
                bonus_cap=1,
                per_occurrence=True,
                points=4,
            ),
        ),
    ],
)
def test_it_reads_what_the_fourteenth_batch_showed(text: str, expected: dict) -> None:
    rule = draft_rule(text)
    assert rule.summary() == expected, rule.reasons


def test_it_still_doubts_a_every_village_before_an_uncounted_amount() -> None:
    """每个村设立公开栏。未设立的扣1分: each village, or once? (对每个县下达的指标 is each unit's target.)"""
    assert draft_rule("每个村设立公开栏。未设立的扣1分。").needs_review


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        # a thing absent and there but at fault, its amounts split by a class of town (A类…)
        (
            "无变电所,A 类扣 8 分,B类扣5分,C类扣2分;有变电所未实现双电源供电,A类扣4分,B类扣2分,C类扣1分",
            "已做但有欠缺",
        ),
        # three 不-faults run together before one amount: each or all?
        (
            "实地察看 标志牌制作和悬挂不 清楚 不规范 不醒目的扣 2 分 未设立永久性标语的扣 1 分",
            "三种以上情形",
        ),
        # 每增加件: the count between the verb and its counter lost
        ("2、农副产品商标申请注册,在完成确保任务的基础上,每增加件加2分;", "缺了数量"),
    ],
)
def test_it_marks_what_the_fourteenth_batch_showed_it_cannot_say(text: str, reason: str) -> None:
    rule = draft_rule(text)
    assert rule.needs_review
    assert any(reason in r for r in rule.reasons), rule.reasons


def test_it_keeps_a_counted_lack_beside_another_faults_zeroing() -> None:
    """未按时报送的,该项不得分;报送内容不全的,每缺一项扣0.5分: a late report and a short one are two faults."""
    assert not draft_rule(
        "未按时报送的，该项不得分；报送内容不全的，每缺一项扣0.5分。"
    ).needs_review


# ------------------------------------------------------------------ after batch 16 (branch draft17)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 奖 + a Chinese numeral before 分 is a bonus of that figure (as 扣两分, 加三分)
        (
            "完成年度培训任务计6分,每少完成5个百分点扣1分,每多培训一人次奖一分。",
            shape(deductions=[1], bonuses=[1], per_occurrence=True, points=6),
        ),
        ("获县级以上表彰的奖励两分。", shape(bonuses=[2])),
        # a bare worth as its own sentence, its rule in brackets after it
        (
            "2.按时参加村务公开培训。4分(无故缺席一次扣2分,中途离会一次扣1分)",
            shape(deductions=[2, 1], per_occurrence=True, points=4),
        ),
        # levels joined by 、 (省、市) name one document's issuers, not listed faults
        (
            "乡镇未组织国务院《条例》和省、市《实施办法》培训的,扣1分;村未组织学习的,扣0.5分。",
            shape(deductions=[1, 0.5]),
        ),
        # 按比例相应扣分 spelt out by an amount per step of the rate right after it
        (
            "完成年度目标得基本分,未完成的按比例相应扣分,每低5%扣1分,扣完为止。",
            shape(deductions=[1], per_occurrence=True),
        ),
        # …and 加分或减分最高为N分: one cap of each kind; 每超额完成任务N% counts each step exceeded
        (
            "完成年度目标得基本分,超额或未完成的按比例相应增减,每超额完成任务5%加1分,每降低5%扣1分,"
            "加分或减分最高为3分。",
            shape(deductions=[1], deduction_cap=3, bonuses=[1], bonus_cap=3, per_occurrence=True),
        ),
        # the worth with its requirement's standard (良好, 不参与…), its loss spelt out after 否则
        (
            "不参与非法集资等活动,遵纪守法,作风良好的记6分,否则每发现一次扣3分。",
            shape(deductions=[3], per_occurrence=True, points=6),
        ),
        # 每+unit with a quota met, the worth lost otherwise: each unit's requirement, not a count
        (
            "每个社区配备一名专职网格员并按时上岗的计3分,否则不计分。",
            shape(zeroes_item=True, points=3),
        ),
        # …or its loss spelt out as a deduction after 否则
        (
            "每户发放一份安全用电明白纸的得2分,否则扣2分。",
            shape(deductions=[2], points=2),
        ),
    ],
)
def test_it_reads_what_the_sixteenth_batch_showed(text: str, expected: dict) -> None:
    rule = draft_rule(text)
    assert rule.summary() == expected, rule.reasons


def test_it_still_counts_what_is_done_before_a_zeroing_otherwise() -> None:
    """每完成一项得2分,否则不得分: each item done earns 2 — a count, no quota (a number after 每…)."""
    assert summary("每完成一项培训任务得2分,否则不得分。") == shape(
        bonuses=[2], zeroes_item=True, per_occurrence=True
    )


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        # 可不扣分: the assessor may waive the zeroing
        ("检查中未发现问题的得10分;发现问题的不得分,当场整改到位的,可不扣分。", "可不扣分"),
        ("发现隐患一次扣2分,主动报告并整改的可从轻扣分。", "可不扣分"),
        # the whole assessment's score zeroed (总分即为0分): a veto, not this item's zeroing
        ("任何一项不符合要求的,考核总分即为零分。", "另一个指标或整个部分"),
        # 每缺一项不计分: one missing zeroes the item, or each missing one scores nothing?
        (
            "档案管理做到“三齐全”(目录、台账、记录),符合要求的计4分,每少一项不得分。",
            "“每…”与“不得分”连用",
        ),
        # a rate's shortfall counted step by step and the item zeroed below a mark: a tier
        (
            "完成目标得基本分,未完成的按比例相应扣分,每降低5%扣1分,完成率低于60%不得分。",
            "逐档扣分之外",
        ),
        # …or an amount of its own below the mark
        (
            "未完成的按比例扣分,每少5个百分点扣1分,完成率不足50%的扣4分。",
            "逐档扣分之外",
        ),
        # a merit that earns a bonus, with no loss said after it, or even with one: still judged
        ("工作成效显著的加2分。", "按工作成效评定"),
        ("宣传效果良好的加1分,否则扣1分。", "按工作成效评定"),
        # three duties or more listed before 等 and one amount: each, or only all? (the convention)
        (
            "未按规定开展月度例会、季度讲评、年度述职和半年督查等日常管理不到位的扣2分。",
            "一个分值对应所列几件事",
        ),
        # a thing missing beside the same thing there but not applied, the absence costing more
        (
            "未建立值班制度的扣2分;有制度但执行不到位的扣1分。",
            "已做但有欠缺",
        ),
        (
            "以上三项台账,缺一项扣2分;有台账但未按规定使用的,每发现一次扣0.5分。",
            "已做但有欠缺",
        ),
    ],
)
def test_it_marks_what_the_sixteenth_batch_showed_it_cannot_say(text: str, reason: str) -> None:
    rule = draft_rule(text)
    assert rule.needs_review
    assert any(reason in r for r in rule.reasons), rule.reasons


def test_it_keeps_an_error_that_takes_all_the_items_points() -> None:
    """每处错误扣除所在项所有分值: each error loses all at once — no doubt between a share and all."""
    assert not draft_rule("信息每处错误扣除所在项所有分值。").needs_review


def test_it_keeps_the_means_of_one_duty_listed_before_etc() -> None:
    """未利用报纸、电视、网站等各类媒体宣传的: examples of the means of one duty, one deduction."""
    assert summary("未利用报纸、电视、网站、公众号等各类媒体开展宣传的,扣2分。") == shape(
        deductions=[2]
    )


def test_it_keeps_a_thing_there_but_unapplied_that_costs_more_than_its_absence() -> None:
    """有制度但未执行的扣2分;没有制度的扣1分: the absence costs less — two faults, no tier."""
    assert summary("有制度但未执行的,扣2分;没有制度的扣1分。") == shape(deductions=[2, 1])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 扣全分 / 扣除全部分值: the item's whole worth taken (a zeroing), beside a lesser fault's amount
        ("未按期报送报表扣1分,报表数据造假的扣全分。", shape(deductions=[1], zeroes_item=True)),
        ("资料不全的扣0.5分;弄虚作假的,扣除全部分值。", shape(deductions=[0.5], zeroes_item=True)),
        # a bare 最高N分 as its own comma part right after an amount: that amount's cap
        (
            "每报送一篇被采用的信息得0.5分,最高4分;迟报一次扣1分。",
            shape(deductions=[1], bonuses=[0.5], bonus_cap=4, per_occurrence=True),
        ),
        (
            "每发现一处台账错误扣0.5分,最多3分。",
            shape(deductions=[0.5], deduction_cap=3, per_occurrence=True),
        ),
        # a minimum stated as a comma part of its own is the requirement, not a tier's limit
        (
            "站内专职人员不少于3人,人员兼职的扣1分,人数少于3人的扣1分。",
            shape(deductions=[1, 1]),
        ),
    ],
)
def test_it_reads_what_the_seventeenth_batch_showed(text: str, expected: dict) -> None:
    rule = draft_rule(text)
    assert rule.summary() == expected, rule.reasons


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        # three fault clauses or more before one amount set apart by a comma: each, or all once?
        (
            "档案管理制度不健全,资料归档不及时,目录索引不清楚,扣6分;未配备专用档案柜,扣2分。",
            "三种以上情形",
        ),
        (
            "人员配备不足,未明确分管领导,岗位职责不清,或值班安排不合理,扣4分。",
            "三种以上情形",
        ),
        # two faults each closed by 的 and joined by 、 before one amount
        ("未按期公示评审结果的、未归档评审记录的,扣1分。", "两种情形（…的、…的）"),
        # the thing set up (已建立, 已制定) but at fault beside it not set up: the lesser case of one duty
        ("未建立巡查台账扣4分,已建立未按月填写扣1分。", "已做但有欠缺"),
        ("未制定应急预案的扣3分;已制定但未组织演练的扣1分。", "已做但有欠缺"),
    ],
)
def test_it_marks_what_the_seventeenth_batch_showed_it_cannot_say(text: str, reason: str) -> None:
    rule = draft_rule(text)
    assert rule.needs_review
    assert any(reason in r for r in rule.reasons), rule.reasons


def test_it_keeps_two_fault_clauses_and_one_amount() -> None:
    """岗位设置不合理,人员超编,扣3分: two clauses before the amount, no list of three — one deduction."""
    assert summary("岗位设置不合理,人员超编,扣3分。") == shape(deductions=[3])


def test_it_keeps_a_thing_set_up_that_costs_more_when_at_fault() -> None:
    """未建立台账扣1分,已建立但未更新扣2分: the absence costs less — two faults, no tier."""
    assert summary("未建立台账扣1分,已建立但未更新扣2分。") == shape(deductions=[1, 2])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 扣N分封顶 (in brackets too), 扣分N分封顶, a bare N分封顶 after an amount: the deduction cap
        (
            "台账缺页的,每页扣0.5分(扣2分封顶)",
            shape(deductions=[0.5], deduction_cap=2, per_occurrence=True),
        ),
        (
            "每发现一处错别字扣0.2分,扣分1分封顶。",
            shape(deductions=[0.2], deduction_cap=1, per_occurrence=True),
        ),
        ("每少报一期扣1分,4分封顶。", shape(deductions=[1], deduction_cap=4, per_occurrence=True)),
        # …扣N分为止 / (N分扣完为止) after a counted amount: the cap, not a second deduction
        ("每缺一项扣1分,扣4分为止。", shape(deductions=[1], deduction_cap=4, per_occurrence=True)),
        ("每缺一项扣1分(4分扣完为止)", shape(deductions=[1], deduction_cap=4, per_occurrence=True)),
        (
            "每报送一篇被采用的信息加1分,加5分封顶。",
            shape(bonuses=[1], bonus_cap=5, per_occurrence=True),
        ),
        # 扣分不保底 with no worth in the sentence: no floor, no cap (as 扣分不封顶)
        (
            "未建立巡查台账的扣3分;每发现一处巡查记录缺失扣1分,本项扣分不保底。",
            shape(deductions=[3, 1], per_occurrence=True),
        ),
        ("每发现一处扣0.5分,扣分不设下限。", shape(deductions=[0.5], per_occurrence=True)),
        ("每发现一处扣0.5分,可扣至负分。", shape(deductions=[0.5], per_occurrence=True)),
        # a unit of measure right after a number (1.2m, 50mm) is no stray letter
        ("护栏高度低于1.2m,扣5分。", shape(deductions=[5])),
        # 每半个月 in the requirement's brackets is a period, not a count; 得N分…未按要求扣M分: worth and deduction
        (
            "(2)信息报送时限(每半个月报送一次),全部按时报送得6分,未按时报送扣2分;",
            shape(deductions=[2], points=6),
        ),
        # 未达到每下降1%: the shortfall counted step by step, no mark below which the item is zeroed
        ("未达到每降低1%扣0.5分", shape(deductions=[0.5], per_occurrence=True)),
        # levels named by their government, the amounts a comma part after the list, with 分别
        (
            "被省政府、市政府、县政府采纳的建议,每条分别计6分、4分、2分。",
            shape(bonuses=[6, 4, 2], per_occurrence=True),
        ),
        # another grade after 、 shares the count of the amount before it
        (
            "被市委刊物采用1篇计4分、表扬计6分。",
            shape(bonuses=[4, 6], per_occurrence=True),
        ),
        # whom the amount is taken from, named between 扣 and the figure
        ("专栏内容未及时更新的,扣相关责任单位2分。", shape(deductions=[2])),
        # a cumulative count's mark before the sentence's only amount is a threshold, not a tier
        ("每周五前上报周报,迟报、漏报累计3次以上扣1分。", shape(deductions=[1])),
    ],
)
def test_it_reads_what_the_eighteenth_batch_showed(text: str, expected: dict) -> None:
    rule = draft_rule(text)
    assert rule.summary() == expected, rule.reasons


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        # three requirements or more, each with its verb and object, before 不满足要求的 and one amount
        (
            "设立咨询窗口、公布监督电话、建立服务台账、落实首问负责,不符合要求的扣1分。",
            "所列三项以上要求",
        ),
        ("配备专职人员、建立工作台账、制定工作制度。不符合要求的,扣1分。", "所列三项以上要求"),
        ("设立咨询窗口、公布监督电话、建立服务台账,未落实的扣1分。", "所列三项以上要求"),
        (
            "按要求配备专职人员、建立工作台账和制定工作制度,不符合上述要求的扣1分。",
            "所列三项以上要求",
        ),
        # things listed with 、 as the whole object of a lack, or three things or more before a lack
        # (two, 缺少急救箱、应急灯的, are one deduction by the convention settled before batch 20)
        ("缺少急救箱、应急灯、灭火器的扣2分", "用顿号列出几样东西缺少"),
        ("无公示牌、意见箱、监督电话的,扣1分。", "用顿号列出几样东西缺少"),
        ("站名牌、时刻表、票价表缺失的扣2分", "用顿号列出几样东西缺少"),
        ("站名牌、时刻表、票价表未设置的扣2分", "用顿号列出几样东西缺少"),
        # one fault graded by who found it, or a sanction counted at its grades
        (
            "日常检查发现窗口无人值守每次扣2分;被市督查发现窗口无人值守每次扣5分。",
            "同一过错按发现者的层级或处罚的等级",
        ),
        ("每张黄色预警单扣1分,每张红色预警单扣3分。", "同一过错按发现者的层级或处罚的等级"),
        ("每个一般隐患扣1分,每个重大隐患扣5分。", "同一过错按发现者的层级或处罚的等级"),
        ("黄色警示一次扣1分,红色警示一次扣3分。", "同一过错按发现者的层级或处罚的等级"),
        (
            "被市级暗访发现脱岗的每次扣3分;自查发现脱岗的每次扣1分。",
            "同一过错按发现者的层级或处罚的等级",
        ),
        # a fault clause with no amount right before the same fault scored: a figure lost?
        ("A类站点未完成整改任务;B类站点未完成整改任务的扣2分。", "一句写了过错却没有分值"),
        # a deduction out of scale whose digits read as a span that lost its dash (12 for 1—2)
        ("门窗破损的扣2分;屋顶漏雨的扣12分", "数字又像丢了连接号的区间"),
        # two fault clauses each closed by its own 的, joined by 、 (the mixed shape inside one 的-clause,
        # 门窗不全、破损的, is one deduction by the convention settled before batch 20)
        ("门窗不全的、破损的扣2分", "两种情形（…的、…的）"),
        # a graver degree right before its amount, after the fault's amount
        ("迟报一次扣1分、严重扣3分。", "加重情形另有分值"),
    ],
)
def test_it_marks_what_the_eighteenth_batch_showed_it_cannot_say(text: str, reason: str) -> None:
    rule = draft_rule(text)
    assert rule.needs_review
    assert any(reason in r for r in rule.reasons), rule.reasons


@pytest.mark.parametrize(
    "text",
    [
        "完成年度报告的编制、报送和发布,不满足要求的扣0.5分。",  # one duty's steps
        "未执行值班制度、请假制度的扣1分。",  # a duty not done (未A、B), not things lacking
        "标识、标志不符合标准扣2分。",  # two things, one fault: batches 1-12's reading
        "资料不全、不规范扣0.5分。",  # two negated qualities of one thing: batches 1-12's reading
        "未建立台账的,每户扣1分;台账内容不完整的,每户扣2分。",  # the lack costs less: two faults
        "A类站点未完成整改任务。B类站点未完成整改任务的扣2分。",  # a standard said in its own sentence
        "迟报扣10分,漏报扣15分。",  # in scale with the other amount
        "每处错字扣0.5分,每处病句扣1分。",  # two faults counted, not one thing's grades
        "迟报信息一次扣1分,漏报信息一次扣2分。",  # two faults of one thing (the seeds' 迟报 / 漏报)
    ],
)
def test_it_keeps_what_the_eighteenth_batch_guards_do_not_mean(text: str) -> None:
    rule = draft_rule(text)
    assert not rule.needs_review, rule.reasons


def test_it_still_doubts_a_period_amount_after_a_counted_bonus() -> None:
    """每条计2分、全年计10分: the year's amount after 、 is no grade of the piece (a total, or a cap?)."""
    assert draft_rule("每条计2分、全年计10分。").needs_review


@pytest.mark.parametrize("floor", ["扣分不保底", "扣分不设下限", "直至负分"])
def test_it_still_marks_no_floor_beside_a_stated_worth(floor: str) -> None:
    """(5分)…扣分不保底: deductions may run past the stated worth, as 不封顶 beside a worth."""
    rule = draft_rule(f"(5分)每发现一处扣1分,{floor}。")
    assert rule.needs_review
    assert any("不封顶或倒扣" in r for r in rule.reasons), rule.reasons


def test_it_still_marks_a_cumulative_count_beside_another_amount() -> None:
    """累计3次以上扣2分 beside 迟报一次扣0.5分: the count's mark grades the same fault (a tier)."""
    assert draft_rule("迟报一次扣0.5分,累计3次以上扣2分。").needs_review


# -- batch 19 and the convention settled before batch 20 (tests/data/rule_sentences_real.md,
# "After batch 19"): made-up sentences of the same structure as the batch's sentences


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # two faults or two missing things joined by 、 inside one 的-clause: one deduction (third convention)
        ("座位扶手不全、松动的扣2分", shape(deductions=[2])),
        ("缺少急救箱、应急灯的扣2分", shape(deductions=[2])),
        ("无公示牌、意见箱的,扣1分。", shape(deductions=[1])),
        ("门窗不全、破损的扣2分", shape(deductions=[2])),
        # (每项N分) closing numbered criteria whose count times N is the stated worth: a score per criterion
        (
            "3、档案管理(6分)\n①档案制度健全;②专人管理;③分类规范,装订整齐。(每项2分)",
            shape(points=6, bonuses=[2], per_occurrence=True),
        ),
        # a comma right after an amount closes the text (the copy's mark)
        ("受省政府表彰的加5分,", shape(bonuses=[5])),
        ("全年不少于4次例会,少1次扣1分,", shape(deductions=[1], per_occurrence=True)),
        # 统计分析 is no 计分
        ("统计分析报告获市领导批示的每篇加1分;", shape(bonuses=[1], per_occurrence=True)),
        # each step of a thing newly built or planted, counted in its own unit of measure
        (
            "每新建成示范林100亩加2分,加分最高不超过6分。",
            shape(bonuses=[2], bonus_cap=6, per_occurrence=True),
        ),
        # 得基准分N分 is the worth, as 得基本分
        (
            "(1)到课率(50分)。到课率达到100%的,得基准分50分,每低1个百分点扣1分。",
            shape(points=50, deductions=[1], per_occurrence=True),
        ),
        # one case found, counted by a word for a case, its fault closed by 的
        ("(4分)。发现1起违法占地的扣4分。", shape(points=4, deductions=[4], per_occurrence=True)),
        # an aggravated case whose lesser case is named in its own sentence with no amount: the amount
        # before (another sentence) is another fault's
        (
            "每少开展1次检查扣1分。未按时上报,经催报仍不上报的每次扣0.5分。",
            shape(deductions=[1, 0.5], per_occurrence=True),
        ),
        # 直至0分 is a floor, no cap; 未按要求执行的 is a fault
        (
            "(6分)。按要求实施的,计6分,未按要求执行的,每多1处扣2分,直至0分。",
            shape(points=6, deductions=[2], per_occurrence=True),
        ),
    ],
)
def test_it_reads_what_the_nineteenth_batch_showed(text: str, expected: dict) -> None:
    rule = draft_rule(text)
    assert not rule.needs_review, rule.reasons
    assert {"points": None} | rule.summary() == {"points": None} | expected


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        # three things or more, or three faults, inside one 的-clause: each or all (as before)
        ("缺少急救箱、应急灯、灭火器的扣2分", "用顿号列出几样东西缺少"),
        ("未建立制度、未落实责任、未开展培训的扣2分", "一个分值对应所列几件事"),
        # two fault clauses each closed by its own 的, joined by 、
        ("未建立台账的、未及时更新的扣2分", "两种情形（…的、…的）"),
        # a list closed by 等
        ("缺少急救箱、应急灯等的扣2分", "所列几种情形后写“等”"),
        # (每项N分) after numbered criteria whose count times N is not the stated worth
        (
            "3、档案管理(5分)\n①档案制度健全;②专人管理;③分类规范。(每项2分)",
            "“每项N分”写在所列小项之后",
        ),
        # a rank said without 排名
        ("年度增幅前3名的每项得10分,第4至第8名每项得5分。", "按排名计分"),
        # a counted score, then a case scored 0: that occurrence, or the item?
        ("每季度按时报送报告,1次计2分,迟报、不报的计0分。", "按次计分之后又写“计0分”"),
        # a score when two conditions both hold, a zero when both fail: one met is unscored
        (
            "完成造林任务且成活率达85%的得满分。完不成任务且成活率低于85%的不记分。",
            "只达到一个的怎么计分没有写",
        ),
    ],
)
def test_it_marks_what_the_nineteenth_batch_showed_it_cannot_say(text: str, reason: str) -> None:
    rule = draft_rule(text)
    assert rule.needs_review
    assert any(reason in r for r in rule.reasons), rule.reasons


@pytest.mark.parametrize(
    "text",
    [
        "有会议记录得2分/次,无会议记录不得分。",  # the item's zero after a counted score (不得分)
        "按规定处理不到位的扣1分,违反规定的,按有关规定处理。",  # a consequence by another rule, still marked
        "出现下列情形之一的,给予扣分:",  # a text ending on a colon, still marked
        "未按时上报的扣1分。经催报仍不上报的扣2分。",  # the lesser case scored: aggravated, still marked
    ],
)
def test_it_keeps_the_nineteenth_batch_readings_narrow(text: str) -> None:
    rule = draft_rule(text)
    if text.startswith("有会议记录"):
        assert not rule.needs_review, rule.reasons
        assert rule.summary()["zeroes_item"]
    else:
        assert rule.needs_review


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a quoted name with no figure (a section's title) holds no rule
        (
            "对考核结果不实的,给予该部门扣3分,下年度在“单项加分和扣分”中取消该项。",
            shape(deductions=[3]),
        ),
        # an item named …加分 right before its worth in brackets; 加分累计不超过N分 is the bonus cap
        (
            "(2)示范创建加分(6分)。被评为示范单位的,每项加3分。加分累计不超过6分。",
            shape(bonuses=[3], bonus_cap=6, per_occurrence=True, points=6),
        ),
        (
            "每项扣1分,扣分累计不超过4分。",
            shape(deductions=[1], deduction_cap=4, per_occurrence=True),
        ),
        # as many cases, each its own comma part closed by 的, as amounts after 分别: in order
        (
            "获得国家级表彰的,获得省级表彰的,获得市级表彰的,每项分别加3分、2分、1分。"
            "申请加分单位须提供表彰文件。",
            shape(bonuses=[3, 2, 1], per_occurrence=True),
        ),
        # a comma part naming another grade of the piece counted shares its count
        ("报送信息被采用1条计1分,重要信息计3分。", shape(bonuses=[1, 3], per_occurrence=True)),
    ],
)
def test_it_reads_what_the_twentieth_batch_showed(text: str, expected: dict) -> None:
    assert summary(text) == expected


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        # one fault graded by the level it reaches or by who finds it (the reading settled before
        # batch 21): a tier, the amounts in order
        ("上访到县的扣1分,上访到市的扣3分,上访到省的扣5分。", "按所到或发现的层级"),
        (
            "有人员到省滞留,未及时劝返的扣3分;有人员到市滞留,未及时劝返的扣2分。",
            "按所到或发现的层级",
        ),
        ("被县级检查发现问题的扣1分,被市级检查发现问题的扣2分。", "层级"),
        # three faults listed with 、 before one 的 and one amount: each or all?
        ("迟报扣1分,漏报、瞒报、错报的扣4分。", "三种以上过错"),
        ("未建立、未公开、未更新的扣1分。", "三种以上"),
    ],
)
def test_it_marks_what_the_readings_before_batch_21_settle(text: str, reason: str) -> None:
    rule = draft_rule(text)
    assert rule.needs_review
    assert any(reason in r for r in rule.reasons), rule.reasons
    # the amounts stay in order, as written
    written = [float(n) for n in re.findall(r"扣(\d+(?:\.\d+)?)分", text)]
    assert [float(d) for d in rule.summary()["deductions"]] == written


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # bonuses graded by the level of an award stay draftable (the convention before batch 13)
        ("获得县级表彰的加1分,获得市级表彰的加2分。", shape(bonuses=[1, 2])),
        # two things of different places, not a level reached
        ("城市社区未设置垃圾桶的扣1分,农村未设置垃圾桶的扣2分。", shape(deductions=[1, 2])),
        # a count after the 的 says each (the three-fault reading is for one uncounted amount)
        ("重要信息迟报、漏报、瞒报的每次扣5分。", shape(deductions=[5], per_occurrence=True)),
        # one negation governing a set phrase: one duty not done
        ("没有做到同部署、同落实、同检查的,扣1分。", shape(deductions=[1])),
        # two faults before one 的 stay draftable (the third convention)
        ("漏报、瞒报的扣3分。", shape(deductions=[3])),
    ],
)
def test_it_keeps_the_readings_before_batch_21_narrow(text: str, expected: dict) -> None:
    assert summary(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "获得国家级表彰的,分别加2分、1分。",  # one case, two amounts after 分别
        "获得国家级表彰的,获得省级表彰的,获得市级表彰的,分别加2分、1分。",  # three cases, two amounts
        "采用1条信息计1分,该项信息计5分。",  # not another grade of the piece
        "每采用1条信息计1分,全年信息计10分。",  # a period's amount
        "按“加分项目”执行。",  # no figure at all, still marked
    ],
)
def test_it_keeps_the_twentieth_batch_readings_narrow(text: str) -> None:
    assert draft_rule(text).needs_review


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # +N分 after the duty met, beside deductions written with a minus sign: the score for meeting it
        # (the item's worth, as 得N分), the minus-sign amounts deductions
        ("建立了工作台账的+4分;未建立台账的-4分", shape(points=4, deductions=[4])),
        (
            "按时报送报表+6分;每少报送1份报表-1分,扣完为止",
            shape(points=6, deductions=[1], per_occurrence=True),
        ),
        # 每降N% / 每升N%: a rate's fall counted in its own unit, as 每降低N%
        (
            "合格率100%得4分,每降5%扣1分,扣完为止。",
            shape(points=4, deductions=[1], per_occurrence=True),
        ),
        # 有1个…未… right before the amount, with no comma between: each case counted
        ("有1个科室未建立制度扣1分,扣完为止", shape(deductions=[1], per_occurrence=True)),
        # 否者 at a clause's start: the slip for 否则
        ("实现资料归档得3分,否者不得分。", shape(points=3, zeroes_item=True)),
        # one of a thing credited right before a cap that is a multiple of it: counted
        (
            "有一次专题培训记录的得1分,最多得3分。",
            shape(bonuses=[1], bonus_cap=3, per_occurrence=True),
        ),
        # a thing lacking beside another thing done in part, the head word shared, each with its own
        # qualifier: two faults
        ("没有便民设施扣2分。办公设施配备不全的扣5分。", shape(deductions=[2, 5])),
    ],
)
def test_it_reads_what_the_twenty_first_batch_showed(text: str, expected: dict) -> None:
    assert summary(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # +N分 with no minus-sign deduction beside it: a bonus or a worth? still marked
        "开展活动的+2分。",
        "上报及时的+3分,上报不及时的扣1分",
        # a cap that is no multiple of the amount, or a cap of the other kind: the count stays unsure
        "有一次会议纪要的得2分,最多得3分。",
        "有一次会议记录的得1分,扣分最多2分。",
        # 每 + a step that is no rate in its unit
        "合格率100%得4分,每降档扣1分",
    ],
)
def test_it_keeps_the_twenty_first_batch_readings_narrow(text: str) -> None:
    assert draft_rule(text).needs_review


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 发生/出现 + 一起 + a thing named at length right before the amount: each case
        ("发生1起工矿商贸类较大生产安全事故扣1分。", shape(deductions=[1], per_occurrence=True)),
        ("出现一例重大动物疫情漏报事件扣2分。", shape(deductions=[2], per_occurrence=True)),
        # a wrong not done on one's own accord earns the worth; the wrong done is counted
        (
            "不违规收取费用的,计4分。违规收取费用的,每发现一次扣1分,扣完该项基本分为止。",
            shape(points=4, deductions=[1], per_occurrence=True),
        ),
        # a year's requirement said by its shortfall, and 不到1次 a threshold: no count, no period doubt
        (
            "每年开展专项检查少于2次的,扣3分;年巡查次数不到1次的,扣2分",
            shape(deductions=[3, 2]),
        ),
        # 单项基准N分 is the worth; a condition's comma part, then 该单项基准分扣完为止, zeroes the item
        ("单项基准3分,不符合要求,该单项基准分扣完为止。", shape(points=3, zeroes_item=True)),
        # a consequence case with nothing of it named again in the later case: two faults
        (
            "因台账管理不到位导致事故发生的扣5分。发现无检查记录的一次扣0.5分。",
            shape(deductions=[5, 0.5], per_occurrence=True),
        ),
        # a counted shortfall beside a zeroing that names another duty: two faults
        (
            "每少1项扣0.5分,未建立台账的不得分。",
            shape(deductions=[0.5], zeroes_item=True, per_occurrence=True),
        ),
        # 有 + the thing, late: another fault beside its absence
        ("无学习计划扣2分,有计划不按时上报扣1分。", shape(deductions=[2, 1])),
        # 每 + a verb of gain + one unit + the thing + a bare figure: each unit gained, a bonus
        (
            "新开工项目每开工一个项目1分,最多10分。",
            shape(bonuses=[1], bonus_cap=10, per_occurrence=True),
        ),
        # 并排名通报: ranking others and circulating it is the unit's duty, no score by rank
        (
            "对各设区市进行督查考核,并排名通报得2分,否则不得分。",
            shape(points=2, zeroes_item=True),
        ),
        # the finding levels differ but the faults differ too: two faults
        (
            "存在中央督察反馈问题的,每个扣0.5分;存在整改不到位问题的,每个扣0.3分。",
            shape(deductions=[0.5, 0.3], per_occurrence=True),
        ),
    ],
)
def test_it_reads_what_the_twenty_second_batch_showed(text: str, expected: dict) -> None:
    assert summary(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # a count of cases that happen, graded by the count: tiers
        "发生1起较大生产安全事故扣1分,发生2起较大生产安全事故扣3分。",
        # one fault graded by the level that finds it (中央 / 省级): a tier
        "存在中央督察反馈问题的,每个扣0.5分;存在省级督察反馈问题的,每个扣0.3分。",
        # the graver case (a consequence caused) before the plain case of the same thing (three hanzi shared)
        "因病死畜处理不及时造成疫情扩散的扣5分。发现病死畜乱丢乱弃的,每处扣0.5分。",
        # a counted shortfall beside a zeroing when the same requirement is not met
        "单项基准6分,每少1项扣0.5分,不符合要求,该单项基准分扣完为止。",
        "每缺一项扣1分,不符合要求的不得分。",
        # the thing's absence beside the thing there but lacking a part
        "无评比活动扣2分,有活动无记录缺少一项扣1分,扣完为止",
        "无工作台账扣2分,有台账但内容不全扣1分。",
        # a measure counted step by step or in bands and zeroed below a mark of the same unit
        "全年运营240天不扣分,每少10天扣1.5分,低于180天该项不得分。",
        "就餐人数在10人-20人的扣3分;10人以下该项不得分。",
        # a fault before the unit gained: not read as a gain
        "未开工项目每开工一个项目1分。",
        # a score by rank stays marked, 排名通报 or not
        "按排名通报情况,第一名得5分。",
        # a quarter's shortfall stays a period in doubt
        "每季度稿件录用率低于30%的,扣1分。",
    ],
)
def test_it_keeps_the_twenty_second_batch_readings_narrow(text: str) -> None:
    assert draft_rule(text).needs_review


@pytest.mark.parametrize(
    "text",
    [
        # a counted lateness or fault beside a zeroing (or an amount) at a threshold of the same unit: a tier (G25)
        "每迟交一天扣0.5分;迟交三天及以上不得分。",
        "每漏报一件扣1分;漏报5件以上,得0分。",
        "报表数据每有一处错误扣1分;五处及以上错误,不得分。",
        # … the threshold said by 超过 / 达, or a bare count right before the zeroing
        "每迟报一天扣1分,超过3天的不得分。",
        "每有一处错误扣1分,错误达5处的不得分。",
        "每迟报一天扣1分;迟报四天不得分。",
        # a rate short on a day counted, and the same rate short for the month zeroing the item (G26)
        "当日收运率低于要求每次扣1分,当月收运率未达要求该项不得分。",
        # the same case word for word scored by two finding levels (G27; G21 since batch 24)
        "市考评案件超出要求的,超出部分每宗次扣1分;区考评案件超出要求的,超出部分每宗次扣0.5分。",
        # all or nothing beside a counted deduction for part of the same duty (G28)
        "按时报送方案的得满分,否则不得分;内容缺项的,每一项扣0.5分。",
        # one cap after the second of two sentences' deductions (G29)
        "工程进度滞后的,每减少1%扣1分。每发现一处质量问题扣1分,最多扣5分。",
    ],
)
def test_it_marks_what_the_twenty_third_batch_showed(text: str) -> None:
    assert draft_rule(text).needs_review


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a zeroing at a threshold of another unit or fault does not make the count a tier by G25 alone
        (
            "当日分类率低于要求每次扣0.5分,当月投诉率未达要求该项不得分。",
            shape(deductions=[0.5], zeroes_item=True, per_occurrence=True),
        ),
        # a threshold of another unit (天 counted, 项 zeroed): two faults
        (
            "每迟报一天扣1分;漏报三项不得分。",
            shape(deductions=[1], zeroes_item=True, per_occurrence=True),
        ),
        # all or nothing alone: a zeroing, no deduction beside it
        ("按时报送的得满分,否则不得分。", shape(zeroes_item=True)),
        # the same counted case at two kinds of meeting: two faults, amounts in order
        (
            "参加全会迟到、早退一次扣1分;参加常委会议迟到、早退一次扣2分。",
            shape(deductions=[1, 2], per_occurrence=True),
        ),
        # the same case at one level but under another verb (考评 / 督查): two faults
        (
            "市考评案件超出要求的,超出部分每宗次扣1分;市督查案件超出要求的,超出部分每宗次扣0.5分。",
            shape(deductions=[1, 0.5], per_occurrence=True),
        ),
        # a cap in the only sentence with deductions (clauses joined by ;): the item's cap
        (
            "未按时报送的,每次扣0.5分;资料不全的,每次扣1分,最多扣3分。",
            shape(deductions=[0.5, 1], deduction_cap=3, per_occurrence=True),
        ),
        (
            "每处错误扣1分,扣分上限5分。",
            shape(deductions=[1], deduction_cap=5, per_occurrence=True),
        ),
    ],
)
def test_it_keeps_the_twenty_third_batch_guards_narrow(text: str, expected: dict) -> None:
    assert summary(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the worth said by its make-up (a score per piece times the pieces): a bonus per piece
        ("月度分析:满分40分(5分/份×8)。", shape(points=40, bonuses=[5], per_occurrence=True)),
        # 共N分 closing a counted score, N a whole multiple of it: the worth
        (
            "每完成任务一个百分点得0.1分,共10分。",
            shape(points=10, bonuses=[0.1], per_occurrence=True),
        ),
    ],
)
def test_it_reads_the_twenty_third_batch_worths(text: str, expected: dict) -> None:
    assert summary(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # the make-up does not give the worth: a figure may be lost
        "月度分析:满分40分(5分/份×7)。",
        # 共N分 not a whole multiple of the counted score: left marked
        "每完成一项得3分,共10分。",
    ],
)
def test_it_keeps_the_twenty_third_batch_worths_narrow(text: str) -> None:
    assert draft_rule(text).needs_review


# ------------------------------------------------------------------------------ after batch 24


def _guard(number: str) -> str:
    return next(reason for reason, n in AUDIT_NUMBERS.items() if n == number)


@pytest.mark.parametrize(
    ("text", "number"),
    [
        # a case, then a graver case of the same thing past a threshold of another unit with a larger amount (G30)
        ("苗木有病虫害的,每处扣0.5分,病虫害发生率超过10%的扣5分。", "G30"),
        ("路面破损的每处扣1分;路面破损面积超过5%的扣8分。", "G30"),
        ("设施损坏的扣1分,设施损坏率达到20%的扣5分。", "G30"),
        # one fault found by two levels, the level before a verb of assessing (G21, one vocabulary with G27's)
        ("县检查发现问题每处扣1分;市检查发现问题每处扣2分。", "G21"),
        (
            "市考评案件超出要求的,超出部分每宗次扣1分;区督查案件超出要求的,超出部分每宗次扣0.5分。",
            "G21",
        ),
        # the twins' earlier cases, met by the one guard
        ("进京非访扣15分/批次,到省非访扣10分/批次,到市非访扣5分/批次。", "G21"),
        ("存在中央督察反馈问题的,每个扣0.5分;存在省级督察反馈问题的,每个扣0.3分。", "G21"),
    ],
)
def test_it_marks_what_the_twenty_fourth_batch_showed(text: str, number: str) -> None:
    assert _guard(number) in draft_rule(text).reasons


def test_it_keeps_the_guard_numbers_of_the_notes() -> None:
    # G27 (same_case) merged into G21 after batch 24: its number is not given again, G28-G30 keep theirs;
    # G31 (graver_after) added after batch 26, G32 (part_worths) after batch 27
    numbers = list(AUDIT_NUMBERS.values())
    assert len(numbers) == len(set(numbers)) == len(AUDIT_REASONS)
    assert "G27" not in numbers and numbers[-5:] == ["G28", "G29", "G30", "G31", "G32"]
    assert "市、区考评" in _guard("G21")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the threshold case names another thing (no three hanzi in a row shared): two faults, in order
        (
            "树木有病虫危害症状,发现1处扣1分;绿地被侵占超过50平方米的扣10分。",
            shape(deductions=[1, 10], per_occurrence=True),
        ),
        # a threshold earning a bonus is no graver case of a fault
        (
            "发现1处乱堆乱放扣1分;门前三包责任书签订率达到90%的加2分。",
            shape(deductions=[1], bonuses=[2], per_occurrence=True),
        ),
        # 社区 before a verb of assessing names no level: the same words, two faults
        (
            "社区检查发现问题每处扣1分;市检查发现问题每处扣2分。",
            shape(deductions=[1, 2], per_occurrence=True),
        ),
        # one level, two things found: two faults
        (
            "县检查发现问题每处扣1分;县检查发现隐患每处扣2分。",
            shape(deductions=[1, 2], per_occurrence=True),
        ),
    ],
)
def test_it_keeps_the_twenty_fourth_batch_guards_narrow(text: str, expected: dict) -> None:
    assert summary(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a fall below a target counted in the target's own unit (每下降1万, as 每少1万): each step
        ("经费10万元落实(每下降1万元扣0.5分)", shape(deductions=[0.5], per_occurrence=True)),
        ("投入资金50万元,每降低5万元扣1分。", shape(deductions=[1], per_occurrence=True)),
        # 实行扣分制 names the method: no deduction without its figure
        ("实行扣分制,每发现一处问题扣2分。", shape(deductions=[2], per_occurrence=True)),
        # a mark joined by 并 to the case named before it, before the only amount: a threshold
        ("未按时报送材料,并3次以上被通报的,扣5分", shape(deductions=[5])),
        # a heading sentence's worth said again on its condition, then a zeroing: all or nothing with the worth
        (
            "完成年度普查工作计3分。在规定时间内完成年度普查的计3分,未完成的计0分。",
            shape(points=3, zeroes_item=True),
        ),
        # the item's own score (该项得N分) said twice at the same N: its worth, not a part for a fault
        (
            "考核结果为优秀,该项得10分;考核不合格,该项不得分;未参加考核的单位,该项得10分。",
            shape(points=10, zeroes_item=True),
        ),
    ],
)
def test_it_reads_what_the_twenty_fourth_batch_showed(text: str, expected: dict) -> None:
    assert summary(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # a bare count mark with no case before it, or beside another amount: a tier in doubt
        "发现二起以上,扣3分",
        "未按规定报送,并2次以上被通报的,扣5分;3次以上的扣10分。",
        # the heading's worth said again with no zeroing, or on a condition not repeating the heading: parts
        "完成年度普查工作计3分。在规定时间内完成年度普查的计3分。",
        "完成年度普查工作计3分。按时报送统计报表的计3分,未报送的计0分。",
        # 该项得N分 at another N: a part of the worth
        "合格的,该项得10分;基本合格的,该项得5分;不合格的,该项不得分。",
        # 扣分 with no figure beside 扣分制 stays a rule without its amount
        "实行扣分制,发现问题的扣分。",
    ],
)
def test_it_keeps_the_twenty_fourth_batch_readings_narrow(text: str) -> None:
    assert draft_rule(text).needs_review


# ------------------------------------------------ after batch 25 and the fourth convention (branch draft26)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the lesser case of one duty beside its absence, each with its own amount: two faults, in order
        (
            "未制定贯彻落实的实施方案的,扣1分;重点工作任务未细化分解的,扣0.5分。",
            shape(deductions=[1, 0.5]),
        ),
        (
            "未开设政务公开栏目扣1分。栏目更新不及时的每处扣0.5分。",
            shape(deductions=[1, 0.5], per_occurrence=True),
        ),
        ("无工作经费扣3分,未列入年度预算,扣2分。", shape(deductions=[3, 2])),
        ("未配备信息员的扣4分;少于规定人数配备的扣2分。", shape(deductions=[4, 2])),
        ("没有工作台帐的扣3分;台帐欠规范的扣1分。", shape(deductions=[3, 1])),
        ("无公开栏扣2分;公开栏内容未及时更新的,扣1分。", shape(deductions=[2, 1])),
        # the lesser case first, the absence after it
        ("制度不健全的扣1分,未制定制度的扣2分。", shape(deductions=[1, 2])),
        # counted on both sides
        (
            "未实行首问负责,每件次扣2分;答复内容不全面,每件次扣0.5分。",
            shape(deductions=[2, 0.5], per_occurrence=True),
        ),
        # the absence zeroing the item beside a shortfall, plain or counted
        ("经费低于人均0.1元扣0.5分;无专项经费不得分。", shape(deductions=[0.5], zeroes_item=True)),
        (
            "每缺少一项配套措施扣0.2分,没有制定配套措施的不得分。",
            shape(deductions=[0.2], zeroes_item=True, per_occurrence=True),
        ),
        ("未报送工作方案不计分,迟报扣0.5分。", shape(deductions=[0.5], zeroes_item=True)),
        (
            "编制任务按时完成(5分)。没按时完成的扣2分;没有完成的不得分。",
            shape(points=5, deductions=[2], zeroes_item=True),
        ),
        # the whole duty not done beside a count of its parts left undone
        (
            "未进行任务分解的扣4分,每少一项任务分解的扣1分,扣完为止。",
            shape(deductions=[4, 1], per_occurrence=True),
        ),
        # 提前 + one span (提前一个月完成的加2分): finished ahead by a span, a threshold, not a count (batch 25's I06)
        (
            "规划按时编制完成(7分)。提前一个月完成的加2分;没按时完成的扣2分;没有完成的不得分。",
            shape(points=7, deductions=[2], zeroes_item=True, bonuses=[2]),
        ),
        # a later fault of the thing there, said with 已 + another verb than the one of setting it up
        (
            "无领导小组,5分全扣;领导小组成员已调整未备案,扣2分。",
            shape(points=5, deductions=[2], zeroes_item=True),
        ),
    ],
)
def test_it_drafts_the_lesser_case_beside_the_absence_as_two_faults(
    text: str, expected: dict
) -> None:
    """The fourth convention (settled before batch 26): the lesser case of one duty beside its absence, each
    with its own amount, is two faults of the indicator, draftable — as the seeds label 制度不健全 beside
    未制定 (it replaces batch 13's reading, which marked it as an aggravated case)."""
    rule = draft_rule(text)
    assert not rule.needs_review, rule.reasons
    assert rule.summary() == expected


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        # the lesser case says the thing is there: 已 + the verb of setting it up, 有 + the thing (但 …),
        # the verb done (了) … 但, 虽 … 但 (G3)
        ("未建立工作台账扣3分,已建立未按月登记扣1分。", "已做但有欠缺"),
        ("未制定应急预案的扣2分;已制定但未演练的扣1分。", "已做但有欠缺"),
        ("无宣传栏扣2分,有宣传栏但未更新的扣1分。", "已做但有欠缺"),
        ("无工作台账扣2分,有台账但内容不全扣1分。", "已做但有欠缺"),
        ("未建立值班制度的扣2分;有制度没有执行的扣1分。", "已做但有欠缺"),
        ("未开展业务培训的扣3分,开展了培训但无考核记录的扣1分。", "已做但有欠缺"),
        ("未开展业务培训的扣3分;虽开展培训,但覆盖不足的扣1分。", "已做但有欠缺"),
        # a lesser case inside the first fault (其中 …)
        ("公开栏设立不达要求的扣4分,其中无防雨措施的扣2分。", "其中"),
        # a range or judgement for the lesser case
        ("未公开规范性文件的扣10分,不全的扣1-8分。", "区间"),
        ("未建立会员名册的扣3分,名册不全的酌情扣分。", "酌情"),
        # all or nothing beside a counted lesser case (G28)
        ("按时制定并公开计划的得满分,否则不得分;未按时公开的,每一项扣0.5分。", "否则不得分"),
        # a zeroing when the requirement is not met beside a count of it (G23)
        ("每少1项扣0.5分,不符合要求的不得分。", "不符合要求"),
    ],
)
def test_it_keeps_what_the_fourth_convention_still_flags(text: str, reason: str) -> None:
    rule = draft_rule(text)
    assert rule.needs_review
    assert any(reason in r for r in rule.reasons), rule.reasons


# ------------------------------------------------------------------ after batch 26 (branch draft27)


@pytest.mark.parametrize(
    ("text", "number"),
    [
        # a fault's consequence (造成 / 导致…的) after its plain case, naming the same fault, zeroing the item or
        # taking more (G31)
        ("发现隐患不及时处置的每次扣1分,因处置不及时造成重大损失的该项不得分。", "G31"),
        ("巡查不到位的每处扣0.5分;因巡查不到位导致事故发生的扣5分。", "G31"),
        # a count in 亩 and a threshold of the same unit before the item zeroed, written 扣完该项分值 (G25)
        ("每闲置1亩扣1分;出现10亩以上连片闲置的,扣完该项分值。", "G25"),
        # three faults listed with 、 after a long first part (its subject), one 的 and one amount (G22)
        ("辖区内公共场所环境存在垃圾乱堆、不整洁、卫生差的,扣2分。", "G22"),
        # three fault clauses after an item number with a doubled stop (3..), one amount (G10)
        ("3..管理制度不健全,防范措施未落实,警示标志未设置的,扣2分。", "G10"),
    ],
)
def test_it_marks_what_the_twenty_sixth_batch_showed(text: str, number: str) -> None:
    assert _guard(number) in draft_rule(text).reasons


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the consequence names another fault (two hanzi shared at most): two faults
        (
            "发现隐患不及时处置的每次扣1分,因值班脱岗造成重大损失的该项不得分。",
            shape(deductions=[1], zeroes_item=True, per_occurrence=True),
        ),
        # the consequence at the same amount: no graver case
        (
            "巡查不到位的每处扣0.5分;因巡查不到位导致事故发生的扣0.5分。",
            shape(deductions=[0.5, 0.5], per_occurrence=True),
        ),
        # things listed before one fault (条、款、项、目不具体): one deduction
        ("适用法律名称不准确或引用条、款、项、目不具体的扣3分。", shape(deductions=[3])),
        # 扣完该项分值 alone is a zeroing; 扣完该项分值为止 after an amount is a stop
        ("未建立台账的,扣完该项分值。", shape(zeroes_item=True)),
        ("每处扣1分,扣完该项分值为止。", shape(deductions=[1], per_occurrence=True)),
        # a worth counted per one (每 before it): counted bonuses, not the first of a quota earning the worth
        (
            "每完成项目1个得2分,每增加1个项目加1分,没有完成不得分。",
            shape(bonuses=[2, 1], zeroes_item=True, per_occurrence=True),
        ),
    ],
)
def test_it_keeps_the_twenty_sixth_batch_changes_narrow(text: str, expected: dict) -> None:
    assert summary(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # traditional characters folded before reading (拋, 畝, 轄 …)
        ("轄區內每拋荒1畝扣1分。", shape(deductions=[1], per_occurrence=True)),
        # the first one of a counter earning the worth, the ones past it counted after it, and a zeroing
        (
            "完成新建项目1个得10分,每增加1个项目加5分,未完成项目不得分。",
            shape(points=10, bonuses=[5], zeroes_item=True, per_occurrence=True),
        ),
        # 每增(减)…加(减)N分: a counted bonus and a counted deduction of the same size beside the worth
        (
            "增长10%的得10分,每增(减)1个百分点加(减)2分。",
            shape(points=10, deductions=[2], bonuses=[2], per_occurrence=True),
        ),
        (
            "收入达到5万元的得6分,每增加(减少)1万元加(减)1分。",
            shape(points=6, deductions=[1], bonuses=[1], per_occurrence=True),
        ),
        # N次以上得M分 and its shortfall counted in the same unit right after it: the worth and a count
        (
            "开展培训全年3次以上得2分,少一次扣0.5分。",
            shape(points=2, deductions=[0.5], per_occurrence=True),
        ),
        # 每超额完成 + N + a unit: a counted bonus beside the worth and the deduction
        (
            "完成5万元的,计3分,每超额完成1万元的加1分,加分不超过3分;未完成5万元的,扣3分。",
            shape(points=3, deductions=[3], bonuses=[1], bonus_cap=3, per_occurrence=True),
        ),
    ],
)
def test_it_reads_what_the_twenty_sixth_batch_showed(text: str, expected: dict) -> None:
    assert summary(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # thresholds of one count each with its worth: tiers
        "开展培训3次以上得2分,5次以上得3分。",
        # the shortfall in another unit than the threshold's: a tier in doubt
        "开展培训全年3次以上得2分,少一项扣0.5分。",
        # 每超(少)2%加(减)1分 with no worth and a step over a threshold: stays marked
        "每超(少)2%加(减)1分。",
    ],
)
def test_it_keeps_the_twenty_sixth_batch_readings_narrow(text: str) -> None:
    assert draft_rule(text).needs_review


@pytest.mark.parametrize(
    "text",
    [
        # two bracketed part-worths in one clause, each closing its own comma part, equal, the first with nothing
        # said for its absence beside the second's counted deduction (G32; batch 27's AA10-01)
        "成立工作领导小组(2分),每年召开会议4次以上(2分),少1次扣0.5分。",
        "建立信息员队伍(1分),按月报送信息(1分),迟报1次扣0.5分。",
    ],
)
def test_it_marks_what_the_twenty_seventh_batch_showed(text: str) -> None:
    assert _guard("G32") in draft_rule(text).reasons


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # one bracketed worth with its rule: the item's worth
        ("成立工作领导小组(2分),未成立的不得分。", shape(points=2, zeroes_item=True)),
        # the worth in a sentence of its own, the rule in the next: one worth
        (
            "成立工作领导小组(2分)。每年召开会议4次以上,少1次扣0.5分。",
            shape(points=2, deductions=[0.5], per_occurrence=True),
        ),
    ],
)
def test_it_keeps_the_twenty_seventh_batch_changes_narrow(text: str, expected: dict) -> None:
    assert summary(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 每欠N% (short of the target) counted in its own unit, as 每低N%
        (
            "任务完成率达90%记满分,每欠1%扣0.5分。",
            shape(deductions=[0.5], per_occurrence=True),
        ),
        # a bracket after 得N分 holding rules with their own amounts: counted deductions, no rate of the worth
        ("建立台账,得4分(每少一本扣1分)。", shape(points=4, deductions=[1], per_occurrence=True)),
        (
            "签订责任书得6分(每少一份扣2分;每迟一天扣0.5分)。",
            shape(points=6, deductions=[2, 0.5], per_occurrence=True),
        ),
        # a rating another check gives, not reached, as the condition of a zeroing: no judgement
        ("星级评定未达到三星级的不得分。", shape(zeroes_item=True)),
        # 分别计分。 before amounts all counted per piece, and a grade of piece (简讯) counted elsewhere in the
        # sentence: counted bonuses in order
        (
            "在各级刊物发表信息,分别计分。省级刊物录用1条计10分,简讯计5分;市级刊物录用1条计5分,简讯1条计2分。",
            shape(bonuses=[10, 5, 5, 2], per_occurrence=True),
        ),
    ],
)
def test_it_reads_what_the_twenty_seventh_batch_showed(text: str, expected: dict) -> None:
    assert summary(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # 每 + a verb with no unit: stays marked
        "每欠缴扣1分。",
        # a bracket after the amount naming only a unit: a rate in doubt
        "发现问题扣2分(每栋)。",
        # a judgement by rating
        "按星级评定结果赋分。",
        # a grade of piece counted nowhere else in the sentence: the worth or a bonus?
        "录用1条计10分,简讯计5分。",
        # 分别计分 before a deduction not counted per piece
        "发表信息分别计分。录用1条计10分,未报送的扣2分。",
        "各单位分别计分。未报送的扣2分。",
    ],
)
def test_it_keeps_the_twenty_seventh_batch_readings_narrow(text: str) -> None:
    assert draft_rule(text).needs_review


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # one of a thing had earns the worth, none zeroes it, more of the same unit each earn a bonus
        (
            "1、各村有一个示范户或示范点(组)得10分,没有不得分,多1个加5分;",
            shape(points=10, zeroes_item=True, bonuses=[5], per_occurrence=True),
        ),
        # the same with the thing named right before the amount (有一个淘宝村得20分: not 20 per one)
        (
            "各乡镇有一个淘宝村得20分,没有不得分,多1个加10分;",
            shape(points=20, zeroes_item=True, bonuses=[10], per_occurrence=True),
        ),
        # a worth at a target, zeroed below the same target, a bonus counted per unit above it
        (
            "(2)新建企业达到5家得10分,不足5家不得分,每增加1家加1分。",
            shape(points=10, zeroes_item=True, bonuses=[1], per_occurrence=True),
        ),
        (
            "(3)当年固定资产投资完成500万元得8分,不足500万元不得分,每增加100万元加1分。",
            shape(points=8, zeroes_item=True, bonuses=[1], per_occurrence=True),
        ),
        # a text table's row: a criterion counted per step of growth | a bare amount (最高N分)
        (
            "进口 | 当年实绩比上年每增长一个百分点 | 0.5(最高20分)",
            shape(bonuses=[0.5], bonus_cap=20, per_occurrence=True),
        ),
        ("对全市进口增长贡献率每个百分点 | 2", shape(bonuses=[2], per_occurrence=True)),
        # 平均增幅 is an average's growth, no 均增 (each)
        (
            "增幅高于全市平均增幅的,每高出一个百分点加0.5分,最高加15分。",
            shape(bonuses=[0.5], bonus_cap=15, per_occurrence=True),
        ),
    ],
)
def test_it_reads_what_the_twenty_eighth_batch_showed(text: str, expected: dict) -> None:
    assert summary(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # a counted step below the target beside the zeroing: a graver level of the same shortfall
        "(2)新建企业达到5家得10分,不足5家不得分,每减少1家扣1分。",
        # the zeroing at another mark than the target
        "(2)新建企业达到5家得10分,不足4家不得分,每增加1家加1分。",
        # a deduction beside the target's bonus
        "(2)新建企业达到5家得10分,不足5家不得分,每增加1家加1分,每减少1家扣1分。",
        # a row whose criterion counts a fall: a deduction or a bonus?
        "进口 | 当年实绩比上年每下降一个百分点 | 0.5",
        # a row with no per-step criterion: a worth earned on a condition
        "完成当年全市外贸出口工作目标分解指标 | 5",
        # a row with a cell after the amount
        "当年实绩比上年每增长一个百分点 | 0.5 | 备注",
        # one of a thing earning 20 and more of it earning 10, with nothing said of none: the worth or
        # a bonus? (drafted as two counted bonuses before, unmarked)
        "有一个示范村得20分,多1个加10分",
    ],
)
def test_it_keeps_the_twenty_eighth_batch_readings_narrow(text: str) -> None:
    assert draft_rule(text).needs_review

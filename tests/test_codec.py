"""The fact codec: every way a date, a number, a status or a label is written, and back."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal as D

import pytest
from hypothesis import given
from hypothesis import strategies as st
from openpyxl import Workbook

from tests.helpers import scheme, units
from zwgk.rubric import FactsError
from zwgk.scoring import Facts, Finding, Rating, Status, VetoEvent
from zwgk.scoring.codec import (
    FieldError,
    decode_row,
    decode_rows,
    encode_fact,
    encode_facts,
    load_facts,
    parse_count,
    parse_date,
    parse_decimal,
    parse_status,
)
from zwgk.scoring.tabular import Row

SCHEME = """
id: codec
title: 编解码测试
classes: [{id: A, name: 乡镇}]
third_party: {label: 第三方评估扣分}
tables:
  - id: T
    title: 评分表
    classes: [A]
    sections:
      - id: S1
        name: 主动公开
        children:
          - id: S1.1
            name: 机构职能信息公开情况
            points: 6
            faults:
              - {id: missing, text: 未公开机构职能要素, amount: 1, per: 项, elements: [机关职能, 办公地址, 联系方式]}
              - {id: late, text: 超期发布, amount: 0.5, per: 处}
          - id: S1.2
            name: 信息公开指南
            points: 4
            faults:
              - {id: wrong, text: 指南有明显错误, amount: 1}
            bonuses:
              - {id: good, text: 指南获评优秀, amount: 1}
          - id: S1.3
            name: 重点领域
            range: [-4, 4]
            parts:
              - {id: a, name: 甲项, range: [-2, 2]}
              - {id: b, name: 乙项, range: [-2, 2]}
          - id: S1.4
            name: 酌定事项
            points: 3
            faults:
              - {id: other, text: 领导组酌定扣分, discretionary: true}
vetoes:
  - {id: fake, name: 在接受考核时弄虚作假, effect: fail}
grades:
  - {name: 合格, min: 60}
  - {name: 不合格}
"""


@pytest.fixture
def ix():
    return scheme(SCHEME)


@pytest.fixture
def people():
    return units("甲镇:A", "乙镇:A")


@pytest.mark.parametrize(
    "text",
    [
        "2024-03-05",
        "2024/3/5",
        "2024.3.5",
        "2024年3月5日",
        "２０２４年３月５日",
        "2024-3-5 10:30",
        "2024-03-05T10:30:00",
        "20240305",
        "45356",
        45356,
        45356.75,
        dt.date(2024, 3, 5),
        dt.datetime(2024, 3, 5, 9, 0),
    ],
)
def test_it_reads_every_way_a_date_is_written(text):
    assert parse_date(text) == dt.date(2024, 3, 5)


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("0001-01-01", "超出范围"),
        (dt.date(1, 1, 1), "超出范围"),
        ("2024-02-30", "不存在"),
        ("2024-13-01", "不存在"),
        ("明天", "无法识别"),
        ("2024-03-05 上午", "多余的文字"),
        (10**21, "Excel 日期序号"),
        ("1", "Excel 日期序号"),
        (True, "应为日期"),
    ],
)
def test_a_date_out_of_range_or_garbled_gets_a_chinese_reason(text, words):
    with pytest.raises(FieldError) as exc:
        parse_date(text)
    assert words in str(exc.value)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("1.5", "1.5"),
        ("１．５", "1.5"),
        ("１，２３４．５", "1234.5"),
        ("1,234,567", "1234567"),
        ("－２", "-2"),
        ("2分", "2"),
        (" 0.50 ", "0.50"),
        (2.5, "2.5"),
        (3, "3"),
        (D("0.1"), "0.1"),
        ("-0", "0"),
    ],
)
def test_it_reads_numbers_with_full_width_digits_and_thousands_separators(text, value):
    assert parse_decimal(text) == D(value)


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("NaN", "不是数字"),
        ("Infinity", "不是数字"),
        (float("nan"), "不是有限数字"),
        (float("inf"), "不是有限数字"),
        (D("NaN"), "不是有限数字"),
        ("1e21", "超出范围"),
        (10**21, "超出范围"),
        ("0.0000001", "小数位数过多"),
        ("1,23", "不是数字"),
        ("一点五", "不是数字"),
        (True, "应为数字"),
    ],
)
def test_a_number_that_is_not_finite_or_too_large_is_refused(text, words):
    with pytest.raises(FieldError) as exc:
        parse_decimal(text)
    assert words in str(exc.value)


def test_counts_are_whole_and_bounded():
    assert parse_count("３") == 3
    assert parse_count(2.0) == 2
    for bad, words in (("0", "正整数"), ("1.5", "正整数"), (10**21, "过大"), ("100001", "过大")):
        with pytest.raises(FieldError) as exc:
            parse_count(bad)
        assert words in str(exc.value)


def test_status_words_in_english_and_chinese():
    assert parse_status("已确认") is Status.CONFIRMED
    assert parse_status("Pending") is Status.PENDING
    assert parse_status("排除") is Status.DISMISSED
    with pytest.raises(FieldError):
        parse_status("大概")


def test_faults_indicators_and_vetoes_may_be_named_by_their_chinese_labels(ix, people):
    rows = [
        Row(
            {
                "unit": "甲镇",
                "indicator": "机构职能信息公开情况",
                "fault": "超期发布",
                "count": "２",
            },
            "f",
            1,
            "findings",
        ),
        Row({"unit": "甲镇", "indicator": "S1.2 信息公开指南"}, "f", 2, "findings"),
        Row({"unit": "乙镇", "veto": "在接受考核时弄虚作假"}, "f", 3, "vetoes"),
        Row(
            {"unit": "乙镇", "indicator": "S1.3", "part": "乙项", "value": "-1.5"},
            "f",
            4,
            "ratings",
        ),
    ]
    facts = decode_rows(ix, people, rows)
    assert [(f.indicator, f.fault, f.count) for f in facts.findings] == [
        ("S1.1", "late", 2),
        ("S1.2", "wrong", 1),
    ]
    assert facts.vetoes[0].veto == "fake"
    assert (facts.ratings[0].part, facts.ratings[0].value) == ("b", D("-1.5"))


def test_a_file_with_bad_rows_is_refused_whole_naming_row_column_and_reason(ix, people, tmp_path):
    path = tmp_path / "facts.csv"
    path.write_text(
        "类型,单位,指标,情形,次数,日期,数值\n"
        "扣分,甲镇,S1.1,late,1,2024-03-05,\n"
        "扣分,甲镇,S1.1,late,1000000000000000000000,0001-01-01,\n"
        "评分,乙镇,S1.3,甲项,,2024/3/5,NaN\n"
        "扣分,甲镇,S1.4,other,,45356,Infinity\n",
        encoding="utf-8",
    )
    with pytest.raises(FactsError) as exc:
        load_facts(path, ix, people)
    got = [(p.line, p.column) for p in exc.value.problems]
    assert got == [
        (3, "E列“次数”"),
        (3, "F列“日期”"),
        (4, "G列“数值”"),
        (5, "G列“数值”"),
    ]
    text = str(exc.value)
    assert "过大" in text and "超出范围" in text and "不是数字" in text


def test_an_excel_file_with_date_cells_and_serial_numbers_is_read(ix, people, tmp_path):
    wb = Workbook()
    ws = wb.active
    ws.append(["类型", "单位", "指标", "情形", "次数", "日期", "状态", "说明"])
    ws.append(["扣分", "甲镇", "S1.1", "late", 2, dt.datetime(2024, 3, 5), "已确认", "一"])
    ws.append(["扣分", "甲镇", "S1.1", "超期发布", 1.0, 45357, "待确认", "二"])
    ws.append(["扣分", "乙镇", "S1.1", "late", "１", "2024年3月7日", None, "三"])
    path = tmp_path / "facts.xlsx"
    wb.save(path)
    facts = load_facts(path, ix, people)
    assert [(f.count, f.date, f.status) for f in facts.findings] == [
        (2, dt.date(2024, 3, 5), Status.CONFIRMED),
        (1, dt.date(2024, 3, 6), Status.PENDING),
        (1, dt.date(2024, 3, 7), Status.CONFIRMED),
    ]


def test_one_form_entry_is_decoded_or_refused_with_the_field_named(ix, people):
    fact = decode_row(
        ix,
        people,
        "findings",
        {"unit": "甲镇", "indicator": "S1.1", "fault": "missing", "missing": "机关职能、办公地址"},
    )
    assert isinstance(fact, Finding) and fact.count == 2
    with pytest.raises(FactsError) as exc:
        decode_row(
            ix, people, "findings", {"unit": "甲镇", "indicator": "S1.1", "date": "2024-02-30"}
        )
    columns = {p.column for p in exc.value.problems}
    assert columns == {"date", "fault"}


def test_encoded_facts_decode_to_the_same_facts(ix, people):
    facts = [
        Finding(
            "甲镇", "S1.1", "missing", 2, ("机关职能", "联系方式"), dt.date(2024, 3, 5), "网上检查"
        ),
        Finding("甲镇", "S1.4", "other", 1, amount=D("1.25"), status=Status.PENDING, note="酌定"),
        Rating("乙镇", "S1.3", D("-0.5"), part="a", evidence="截图.png"),
        VetoEvent("乙镇", "fake", date=dt.date(2023, 11, 20), source="上级通报"),
    ]
    for fact in facts:
        section, fields = encode_fact(fact)
        assert decode_row(ix, people, section, fields, ref="") == fact


@given(
    amount=st.decimals(min_value=D("0.01"), max_value=D("999"), places=2),
    count=st.integers(1, 500),
    day=st.dates(dt.date(1990, 1, 1), dt.date(2100, 12, 31)),
)
def test_round_trip_holds_for_any_amount_count_and_date(amount, count, day):
    ix = scheme(SCHEME)
    people = units("甲镇:A")
    fact = Finding("甲镇", "S1.4", "other", count, date=day, amount=amount)
    section, fields = encode_fact(fact)
    assert decode_row(ix, people, section, fields, ref="") == fact


def test_encode_facts_writes_a_facts_file_mapping(ix, people):
    facts = Facts(findings=[Finding("甲镇", "S1.2", "wrong")])
    assert encode_facts(facts) == {
        "findings": [{"unit": "甲镇", "indicator": "S1.2", "fault": "wrong"}]
    }

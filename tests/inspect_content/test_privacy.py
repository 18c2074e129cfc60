import csv
import datetime as dt
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from zwgk.inspect.checks import privacy_bankcard, privacy_idcard, privacy_mobile
from zwgk.inspect.checks.privacy_idcard import (
    PROVINCES,
    find_ids,
    id_check_char,
    is_id18,
    uscc_check_char,
)
from zwgk.inspect.context import PageRole
from zwgk.inspect.model import Severity

from .helpers import DATA, TODAY, ctx, page, run_family

TESTS_DATA = Path(__file__).resolve().parents[1] / "data"
VECTORS = list(csv.DictReader((TESTS_DATA / "idcard/vectors.csv").open(encoding="utf-8")))
HUAIAN = TESTS_DATA / "annual/real/huaian_shizhengfu_2024_annual_report.txt"


@pytest.mark.parametrize("row", VECTORS, ids=[r["number"] for r in VECTORS])
def test_it_agrees_with_every_gb11643_vector(row):
    assert is_id18(row["number"], TODAY) is (row["valid"] == "true")
    found = find_ids(f"申请人张三，身份证号{row['number']}，住址略。", TODAY)
    assert bool(found) is (row["valid"] == "true")


def test_it_reports_one_masked_finding_per_page_without_the_full_number():
    text = "公示名单：张三 360426199101010071 李四 11010519491231002X 王五 3604**********0071"
    out = privacy_idcard.check_page(page(text), PageRole.ARTICLE, ctx())
    assert len(out) == 1
    f = out[0]
    assert f.check == "privacy-idcard" and f.severity is Severity.VETO
    assert f.data["count"] == 2
    assert "3604**********0071" in f.evidence and "1101**********002X" in f.evidence
    blob = f.evidence + str(f.data) + f.key + f.message
    assert "360426199101010071" not in blob and "11010519491231002X" not in blob
    assert "张三" in f.evidence  # context around the number


def test_it_masks_other_long_numbers_in_the_context():
    text = "张三 13812345678 360426199101010071"
    f = privacy_idcard.check_page(page(text), PageRole.ARTICLE, ctx())[0]
    assert "13812345678" not in f.evidence


def test_it_ignores_masked_numbers_with_star_cross_or_x():
    for masked in (
        "3604**********0071",
        "3604××××××××××0071",
        "3604xxxxxxxxxx0071",
        "360426********0071",
    ):
        assert find_ids(f"身份证号：{masked}", TODAY) == []


def test_it_finds_full_width_digits():
    assert find_ids("身份证号：３６０４２６１９９１０１０１００７１", TODAY)


def test_it_flags_15_digit_numbers_only_after_an_id_label():
    assert find_ids("身份证号码：360426910101007", TODAY)
    assert find_ids("流水号 360426910101007", TODAY) == []


def test_it_does_not_take_a_credit_code_for_an_id():
    assert find_ids("统一社会信用代码：91110108MA01ABCD2X", TODAY) == []
    code = "91110108MA01ABC12"
    code += uscc_check_char(code)
    assert find_ids(f"统一社会信用代码：{code}", TODAY) == []


def test_it_does_not_take_a_digit_run_inside_a_longer_one():
    assert find_ids("编号1360426199101010071", TODAY) == []


def test_it_respects_a_dismissal_of_the_page():
    text = "张三 360426199101010071"
    key = f"privacy-idcard|1101050001|{page(text).url}"
    assert privacy_idcard.check_page(page(text), PageRole.ARTICLE, ctx(frozenset({key}))) == []


# --- properties ---------------------------------------------------------------------------


@st.composite
def valid_ids(draw):
    region = draw(st.sampled_from(sorted(PROVINCES))) + draw(
        st.from_regex(r"[0-9]{4}", fullmatch=True)
    )
    born = draw(st.dates(min_value=dt.date(1900, 1, 1), max_value=TODAY))
    seq = draw(st.from_regex(r"[0-9]{3}", fullmatch=True))
    first17 = region + born.strftime("%Y%m%d") + seq
    return first17 + id_check_char(first17)


_USCC = "0123456789ABCDEFGHJKLMNPQRTUWXY"


@st.composite
def credit_codes(draw):
    head = draw(st.sampled_from(["11", "12", "13", "19", "51", "52", "53", "91", "92", "93", "Y1"]))
    region = draw(st.from_regex(r"[1-6][0-9]{5}", fullmatch=True))
    org = draw(st.text(alphabet=_USCC, min_size=9, max_size=9))
    first17 = head + region + org
    return first17 + uscc_check_char(first17)


@given(valid_ids())
@settings(max_examples=200)
def test_property_a_generated_valid_id_is_found(number):
    assert [n for _, _, n in find_ids(f"身份证号{number}。", TODAY)] == [number]


@given(valid_ids(), st.sampled_from("0123456789X"))
@settings(max_examples=200)
def test_property_a_wrong_check_character_is_not_found(number, other):
    if other == number[-1]:
        return
    assert find_ids(f"身份证号{number[:-1]}{other}。", TODAY) == []


@given(valid_ids(), st.sampled_from("*×xX"), st.integers(4, 6), st.integers(3, 4))
@settings(max_examples=200)
def test_property_a_masked_id_is_never_found(number, mask, head, tail):
    masked = number[:head] + mask * (18 - head - tail) + number[-tail:]
    assert find_ids(f"身份证号{masked}。", TODAY) == []


@given(credit_codes())
@settings(max_examples=300)
def test_property_a_valid_credit_code_is_never_found(code):
    text = f"统一社会信用代码：{code}"
    assert find_ids(text, TODAY) == []
    assert run_family("privacy", page(text), PageRole.ARTICLE, ctx()) == []


# --- mobile -------------------------------------------------------------------------------


def test_it_finds_mobile_numbers_in_several_spellings():
    for text in (
        "联系人张三13812345678",
        "手机：138-1234-5678",
        "电话 138 1234 5678",
        "+86 19912345678",
    ):
        assert privacy_mobile.find_mobiles(text), text


def test_it_ignores_numbers_that_are_not_personal_mobiles():
    for text in (
        "138****5678",
        "订单 213812345678",  # part of a longer run
        "0731-13812345",  # landline after an area code
        "12345678901",  # not a mobile prefix
        "14012345678",
        "投诉电话：13812345678",  # a published public-service number
    ):
        assert privacy_mobile.find_mobiles(text) == [], text


def test_it_reports_mobiles_as_a_warning_masked():
    f = privacy_mobile.check_page(page("张三 13812345678"), PageRole.ARTICLE, ctx())[0]
    assert f.severity is Severity.WARNING and "138****5678" in f.evidence
    assert "13812345678" not in f.evidence


def test_it_lets_a_site_raise_a_checks_severity():
    out = privacy_mobile.check_page(
        page("张三 13812345678"),
        PageRole.ARTICLE,
        ctx(**{"privacy-mobile": {"severity": "deduction"}}),
    )
    assert out[0].severity is Severity.DEDUCTION


# --- bank cards ---------------------------------------------------------------------------


def _luhn_complete(prefix: str, length: int) -> str:
    body = prefix.ljust(length - 1, "3")
    for d in "0123456789":
        if privacy_bankcard.luhn_ok(body + d):
            return body + d
    raise AssertionError


def test_it_finds_luhn_valid_cards_with_known_prefixes():
    card = _luhn_complete("622202", 19)
    assert privacy_bankcard.find_cards(f"收款账号：{card}")
    grouped = " ".join(re.findall(".{1,4}", _luhn_complete("4392", 16)))
    assert privacy_bankcard.find_cards(f"卡号 {grouped}")


def test_it_ignores_cards_failing_luhn_unknown_prefixes_and_labelled_serials():
    card = _luhn_complete("622202", 19)
    bad = card[:-1] + str((int(card[-1]) + 1) % 10)
    assert privacy_bankcard.find_cards(bad) == []
    assert privacy_bankcard.find_cards(_luhn_complete("1234", 16)) == []
    assert privacy_bankcard.find_cards(f"流水号：{card}") == []


def test_it_leaves_an_id_number_to_the_id_check():
    ids = [r["number"] for r in VECTORS if r["valid"] == "true" and r["number"].isdigit()]
    for number in ids:
        assert privacy_bankcard.find_cards(f"身份证 {number}") == []


def test_it_reports_nothing_on_clean_government_text():
    # the seed texts where ../shared is beside the clone; the real annual report always
    texts = [p.read_text(encoding="utf-8") for p in sorted((DATA.parent / "seeds").glob("*.txt"))]
    texts.append(HUAIAN.read_text(encoding="utf-8"))
    for text in texts:
        assert run_family("privacy", page(text), PageRole.ARTICLE, ctx()) == []

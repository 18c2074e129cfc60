"""Working-day calendar (工作日) and the 政府信息公开条例 time rules.

Every holiday and adjusted working day below was checked by hand against the State Council's
notices (国务院办公厅关于2024年/2025年/2026年部分节假日安排的通知).
"""

from __future__ import annotations

import datetime as dt

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.helpers import ROOT
from zwgk.workdays import (
    PACKAGE_YEARS,
    CalendarError,
    Channel,
    Completion,
    Consultation,
    Extension,
    RecordError,
    WorkCalendar,
    add_workdays,
    default_calendar,
    is_workday,
    receipt_date,
    reply_due,
    workdays_between,
)
from zwgk.workdays_cli import workdays

D = dt.date
DATA = ROOT / "tests" / "data"
TEST_TABLE = DATA / "calendar-test.yaml"
CAL = WorkCalendar()  # the package's table only, whatever $ZWGK_CALENDAR says


@pytest.fixture(autouse=True)
def _no_env_calendar(monkeypatch):
    monkeypatch.delenv("ZWGK_CALENDAR", raising=False)


OFF = [
    # 2024
    "2024-01-01",
    *[f"2024-02-{d}" for d in range(10, 18)],  # 春节
    "2024-04-04",
    "2024-04-05",
    "2024-04-06",  # 清明
    *[f"2024-05-0{d}" for d in range(1, 6)],  # 劳动节
    "2024-06-10",  # 端午
    "2024-09-16",
    "2024-09-17",  # 中秋
    *[f"2024-10-0{d}" for d in range(1, 8)],  # 国庆
    # 2025
    "2025-01-01",
    "2025-01-28",
    "2025-01-31",
    "2025-02-03",
    "2025-02-04",  # 春节 1-28..2-4
    "2025-04-04",
    "2025-05-05",
    "2025-06-02",  # 端午 5-31..6-2
    *[f"2025-10-0{d}" for d in range(1, 9)],  # 国庆+中秋 10-1..10-8
    # 2026
    "2026-01-02",  # 元旦 1-1..1-3
    *[f"2026-02-{d}" for d in range(15, 24)],  # 春节 2-15..2-23
    "2026-04-06",
    "2026-05-04",
    "2026-05-05",
    "2026-06-19",  # 端午
    "2026-09-25",  # 中秋
    *[f"2026-10-0{d}" for d in range(1, 8)],  # 国庆
    # ordinary weekends
    "2024-10-13",
    "2025-10-12",
    "2026-10-11",
]
ON = [
    # adjusted working weekends (调休上班)
    "2024-02-04",
    "2024-02-18",
    "2024-04-07",
    "2024-04-28",
    "2024-05-11",
    "2024-09-14",
    "2024-09-29",
    "2024-10-12",
    "2025-01-26",
    "2025-02-08",
    "2025-04-27",
    "2025-09-28",
    "2025-10-11",
    "2026-01-04",
    "2026-02-14",
    "2026-02-28",
    "2026-05-09",
    "2026-09-20",
    "2026-10-10",
    # ordinary working days next to holidays
    "2024-09-30",
    "2024-10-08",
    "2025-01-27",
    "2025-02-05",
    "2025-10-09",
    "2026-02-24",
    "2026-10-08",
]


def test_it_covers_2004_to_2026_from_the_package():
    assert list(PACKAGE_YEARS) == list(range(2004, 2027))
    assert CAL.covers(2026) and not CAL.covers(2027) and not CAL.covers(2003)


@pytest.mark.parametrize("day", OFF)
def test_it_knows_the_official_days_off(day):
    assert not CAL.is_workday(D.fromisoformat(day))


@pytest.mark.parametrize("day", ON)
def test_it_knows_the_adjusted_and_ordinary_working_days(day):
    assert CAL.is_workday(D.fromisoformat(day))


def test_it_answers_a_reply_due_20_working_days_after_a_receipt_just_before_national_day():
    # 2024-09-27 (Fri) is day 0; 9-29 (Sun) and 10-12 (Sat) are worked; 10-1..10-7 off.
    assert CAL.add_workdays(D(2024, 9, 27), 20) == D(2024, 10, 30)
    # 2025: 9-28 (Sun) and 10-11 (Sat) worked; 10-1..10-8 off.
    assert CAL.add_workdays(D(2025, 9, 26), 20) == D(2025, 10, 30)
    # 2026: 10-10 (Sat) worked; 10-1..10-7 off.
    assert CAL.add_workdays(D(2026, 9, 30), 20) == D(2026, 11, 3)


def test_it_counts_from_a_start_on_a_holiday_as_day_0():
    assert CAL.add_workdays(D(2024, 10, 3), 1) == D(2024, 10, 8)
    assert CAL.add_workdays(D(2024, 10, 5), 20) == D(2024, 11, 1)
    assert CAL.add_workdays(D(2025, 10, 1), 1) == D(2025, 10, 9)
    assert CAL.add_workdays(D(2025, 1, 27), 1) == D(2025, 2, 5)


def test_it_returns_the_start_itself_for_zero_days_even_on_a_holiday():
    assert CAL.add_workdays(D(2024, 10, 1), 0) == D(2024, 10, 1)


def test_it_counts_an_adjusted_sunday_as_the_next_working_day():
    assert CAL.add_workdays(D(2025, 1, 24), 1) == D(2025, 1, 26)
    assert CAL.add_workdays(D(2024, 9, 28), 1) == D(2024, 9, 29)


def test_it_goes_backwards_for_negative_days():
    assert CAL.add_workdays(D(2024, 10, 8), -1) == D(2024, 9, 30)
    assert CAL.add_workdays(D(2024, 10, 8), -2) == D(2024, 9, 29)


def test_it_counts_working_days_after_d1_up_to_and_including_d2():
    assert CAL.workdays_between(D(2024, 9, 27), D(2024, 10, 30)) == 20
    assert CAL.workdays_between(D(2024, 10, 1), D(2024, 10, 7)) == 0
    assert CAL.workdays_between(D(2024, 9, 30), D(2024, 10, 8)) == 1
    assert CAL.workdays_between(D(2024, 10, 8), D(2024, 10, 8)) == 0


def test_it_gives_a_negative_count_when_d2_is_before_d1():
    assert CAL.workdays_between(D(2024, 10, 8), D(2024, 9, 30)) == -1
    assert CAL.workdays_between(D(2024, 10, 30), D(2024, 9, 27)) == -20


def test_it_refuses_a_year_nobody_covers_naming_it():
    with pytest.raises(CalendarError) as err:
        CAL.add_workdays(D(2026, 12, 30), 3)
    assert err.value.year == 2027
    assert "2027 年" in str(err.value) and "工作日调整表" in str(err.value)
    with pytest.raises(CalendarError, match="2003 年"):
        CAL.is_workday(D(2003, 12, 31))
    with pytest.raises(CalendarError, match="2027"):
        CAL.workdays_between(D(2026, 12, 1), D(2027, 1, 5))


def test_it_does_not_need_the_year_of_a_day_0_it_never_looks_at():
    assert CAL.add_workdays(D(2027, 3, 1), 0) == D(2027, 3, 1)
    assert CAL.workdays_between(D(2027, 3, 1), D(2027, 3, 1)) == 0


def test_it_takes_a_missing_year_from_the_office_table():
    cal = WorkCalendar.from_file(TEST_TABLE)
    assert cal.covers(2027) and not cal.covers(2028)
    assert not cal.is_workday(D(2027, 10, 4))  # Monday, listed off
    assert cal.is_workday(D(2027, 10, 9))  # Saturday, listed on
    assert cal.is_workday(D(2027, 10, 11))  # plain Monday
    assert not cal.is_workday(D(2027, 10, 10))  # plain Sunday
    assert cal.add_workdays(D(2027, 9, 30), 1) == D(2027, 10, 8)
    assert cal.add_workdays(D(2026, 12, 30), 3) == D(2027, 1, 5)


def test_it_lets_the_office_table_override_the_package_day_by_day():
    cal = WorkCalendar.from_file(TEST_TABLE)
    assert not cal.is_workday(D(2024, 10, 8))
    assert cal.add_workdays(D(2024, 9, 30), 1) == D(2024, 10, 9)
    assert cal.is_workday(D(2024, 10, 12))  # the package still answers for the rest of 2024
    assert not cal.is_workday(D(2024, 10, 7))


def test_it_names_the_file_when_a_year_is_missing_from_it_too():
    with pytest.raises(CalendarError, match=r"calendar-test\.yaml 中也没有 2028 年"):
        WorkCalendar.from_file(TEST_TABLE).is_workday(D(2028, 1, 3))


def test_it_lists_every_problem_of_a_broken_table():
    with pytest.raises(CalendarError) as err:
        WorkCalendar.from_file(DATA / "calendar-broken.yaml")
    text = str(err.value)
    assert "2028-01-01 不在 2027 年内" in text
    assert "“十月一日” 不是日期" in text
    assert "2027-10-02 同时列为放假和调休上班" in text
    assert "未知的键 holiday" in text
    assert "“abc” 不是年份" in text


def test_it_refuses_a_missing_or_unreadable_table(tmp_path):
    with pytest.raises(CalendarError, match="找不到工作日调整表"):
        WorkCalendar.from_file(tmp_path / "none.yaml")
    bad = tmp_path / "bad.yaml"
    bad.write_text("2027: [unclosed\n", encoding="utf-8")
    with pytest.raises(CalendarError, match="不是有效的 YAML"):
        WorkCalendar.from_file(bad)
    reversed_range = tmp_path / "rev.yaml"
    reversed_range.write_text("2027:\n  holidays: ['2027-10-07..2027-10-01']\n", encoding="utf-8")
    with pytest.raises(CalendarError, match="不是有效的日期区间"):
        WorkCalendar.from_file(reversed_range)


def test_it_reads_the_table_named_by_the_environment(monkeypatch):
    with pytest.raises(CalendarError):
        add_workdays(D(2027, 9, 30), 1)
    monkeypatch.setenv("ZWGK_CALENDAR", str(TEST_TABLE))
    assert add_workdays(D(2027, 9, 30), 1) == D(2027, 10, 8)
    assert not is_workday(D(2024, 10, 8))
    assert workdays_between(D(2027, 9, 30), D(2027, 10, 9)) == 2
    assert default_calendar() is default_calendar()


# --- property tests -----------------------------------------------------------------------------

DAYS = st.dates(D(2004, 1, 1), D(2026, 6, 30))


@settings(max_examples=200, deadline=None)
@given(DAYS, st.integers(0, 120))
def test_it_gives_back_n_when_counting_to_the_result_of_adding_n(day, n):
    assert CAL.workdays_between(day, CAL.add_workdays(day, n)) == n


@settings(max_examples=200, deadline=None)
@given(DAYS, st.integers(0, 120))
def test_it_moves_strictly_forward_onto_working_days(day, n):
    later = CAL.add_workdays(day, n + 1)
    assert CAL.add_workdays(day, n) < later
    assert CAL.is_workday(later)


@settings(max_examples=200, deadline=None)
@given(DAYS, DAYS, DAYS)
def test_it_counts_additively_and_antisymmetrically(a, b, c):
    assert CAL.workdays_between(a, b) == -CAL.workdays_between(b, a)
    assert CAL.workdays_between(a, b) + CAL.workdays_between(b, c) == CAL.workdays_between(a, c)


@settings(max_examples=100, deadline=None)
@given(st.dates(D(2004, 7, 1), D(2026, 6, 30)), st.integers(1, 60))
def test_it_undoes_going_backwards_from_a_working_day(day, n):
    start = CAL.add_workdays(day, 1)
    assert CAL.add_workdays(CAL.add_workdays(start, -n), n) == start


# --- 条例 rules ---------------------------------------------------------------------------------


def test_it_takes_the_receipt_date_the_channel_says():
    dates = {"submitted": D(2024, 9, 2), "signed_for": D(2024, 9, 4), "confirmed": D(2024, 9, 5)}
    assert receipt_date(Channel.IN_PERSON, **dates) == D(2024, 9, 2)
    assert receipt_date(Channel.POST, **dates) == D(2024, 9, 4)
    assert receipt_date(Channel.ONLINE, **dates) == D(2024, 9, 5)
    assert receipt_date(Channel.FAX, **dates) == D(2024, 9, 5)
    assert receipt_date(Channel.LETTER, **dates) == D(2024, 9, 5)


def test_it_refuses_a_posted_application_without_its_signing_date():
    with pytest.raises(RecordError, match=r"第三十一条.*缺少签收日期"):
        receipt_date(Channel.POST, submitted=D(2024, 9, 2))


def test_it_keeps_a_receipt_on_a_non_working_day_as_day_0():
    assert receipt_date(Channel.IN_PERSON, submitted=D(2024, 10, 5)) == D(2024, 10, 5)
    assert reply_due(D(2024, 10, 5), calendar=CAL).due == D(2024, 11, 1)


def test_it_gives_20_working_days_to_reply():
    clock = reply_due(D(2024, 9, 27), calendar=CAL)
    assert (clock.start, clock.due, clock.notes) == (D(2024, 9, 27), D(2024, 10, 30), ())


def test_it_restarts_the_clock_on_receipt_of_the_completion():
    plain = reply_due(D(2024, 9, 2), calendar=CAL)
    assert plain.due == D(2024, 9, 30)
    clock = reply_due(
        D(2024, 9, 2), completion=Completion(D(2024, 9, 5), D(2024, 9, 20)), calendar=CAL
    )
    assert clock.start == D(2024, 9, 20)
    assert clock.due == D(2024, 10, 23)


def test_it_stops_the_clock_while_the_completion_is_awaited():
    clock = reply_due(D(2024, 9, 2), completion=Completion(D(2024, 9, 11)), calendar=CAL)
    assert clock.due is None and clock.paused == "等待申请人补正"


def test_it_does_not_restart_the_clock_for_a_completion_asked_after_7_working_days():
    # 7 working days after 2024-09-02 is 09-11; asking on 09-12 is too late.
    clock = reply_due(
        D(2024, 9, 2), completion=Completion(D(2024, 9, 12), D(2024, 9, 20)), calendar=CAL
    )
    assert clock.due == D(2024, 9, 30)
    assert "第三十条" in clock.notes[0]


def test_it_does_not_count_the_third_party_consultation():
    clock = reply_due(
        D(2024, 9, 2), consultations=[Consultation(D(2024, 9, 9), D(2024, 9, 13))], calendar=CAL
    )
    assert clock.excluded_workdays == 4  # 9-10 .. 9-13
    assert clock.due == D(2024, 10, 11)


def test_it_excludes_at_most_15_working_days_for_a_late_third_party():
    clock = reply_due(
        D(2024, 9, 2), consultations=[Consultation(D(2024, 9, 9), D(2024, 11, 1))], calendar=CAL
    )
    assert clock.excluded_workdays == 15  # up to 9-30
    assert clock.due == D(2024, 10, 25)
    assert "第三十二条" in clock.notes[0]


def test_it_pauses_while_a_consultation_is_open():
    third = reply_due(
        D(2024, 9, 2),
        consultations=[Consultation(D(2024, 9, 9))],
        today=D(2024, 9, 20),
        calendar=CAL,
    )
    assert third.paused and third.due == D(2024, 10, 25)  # at the latest
    after = reply_due(
        D(2024, 9, 2),
        consultations=[Consultation(D(2024, 9, 9))],
        today=D(2024, 10, 8),
        calendar=CAL,
    )
    assert not after.paused
    agency = reply_due(
        D(2024, 9, 2),
        consultations=[Consultation(D(2024, 9, 9), limit=None)],
        today=D(2024, 12, 1),
        calendar=CAL,
    )
    assert agency.due is None and agency.paused


def test_it_extends_by_at_most_20_working_days_with_notice_before_the_due_date():
    received = D(2024, 9, 27)
    ok = reply_due(received, extension=Extension(20, D(2024, 10, 30)), calendar=CAL)
    assert (ok.base_due, ok.due, ok.extension_workdays) == (D(2024, 10, 30), D(2024, 11, 27), 20)
    short = reply_due(received, extension=Extension(5, D(2024, 10, 14)), calendar=CAL)
    assert short.due == D(2024, 11, 6)
    capped = reply_due(received, extension=Extension(25, D(2024, 10, 14)), calendar=CAL)
    assert capped.due == D(2024, 11, 27) and "上限" in capped.notes[0]


def test_it_refuses_an_extension_told_late_or_not_at_all():
    late = reply_due(D(2024, 9, 27), extension=Extension(20, D(2024, 10, 31)), calendar=CAL)
    assert late.due == D(2024, 10, 30) and late.extension_workdays == 0
    assert "晚于原答复期限" in late.notes[0]
    untold = reply_due(D(2024, 9, 27), extension=Extension(20), calendar=CAL)
    assert untold.due == D(2024, 10, 30) and "未告知" in untold.notes[0]


def test_it_extends_after_the_excluded_consultation():
    clock = reply_due(
        D(2024, 9, 2),
        consultations=[Consultation(D(2024, 9, 9), D(2024, 9, 13))],
        extension=Extension(5, D(2024, 10, 11)),
        calendar=CAL,
    )
    assert (clock.base_due, clock.due) == (D(2024, 10, 11), D(2024, 10, 17))


# --- CLI ----------------------------------------------------------------------------------------


def cli(*args: str):
    return CliRunner().invoke(workdays, list(args))


def test_it_prints_only_the_iso_date_for_add():
    result = cli("add", "2024-09-27", "20")
    assert result.exit_code == 0 and result.stdout == "2024-10-30\n"


def test_it_prints_only_the_count_for_between():
    result = cli("between", "2024-09-27", "2024-10-30")
    assert result.exit_code == 0 and result.stdout == "20\n"
    assert cli("between", "2024-10-08", "2024-09-30").stdout == "-1\n"
    assert cli("add", "2024-10-08", "--", "-1").stdout == "2024-09-30\n"


def test_it_takes_the_calendar_option_on_the_group_or_the_command():
    assert cli("--calendar", str(TEST_TABLE), "add", "2027-09-30", "1").stdout == "2027-10-08\n"
    assert cli("add", "2027-09-30", "1", "--calendar", str(TEST_TABLE)).stdout == "2027-10-08\n"


def test_it_fails_in_chinese_for_a_missing_year():
    result = cli("add", "2026-12-30", "3")
    assert result.exit_code == 1 and result.stdout == ""
    assert "错误：缺少 2027 年的节假日安排" in result.stderr


def test_it_fails_in_chinese_for_a_bad_date_or_table(tmp_path):
    bad = cli("add", "2024/9/27", "3")
    assert bad.exit_code == 1 and "不是日期" in bad.stderr
    missing = cli("--calendar", str(tmp_path / "x.yaml"), "between", "2024-01-01", "2024-01-02")
    assert missing.exit_code == 1 and "找不到工作日调整表" in missing.stderr

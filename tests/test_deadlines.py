"""Deadline rules of the registers: due dates, status at a day, breaches."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from zwgk.deadlines import (
    ApplicationRecord,
    Breach,
    BreachKind,
    BreachRule,
    MessageRecord,
    OpinionEvent,
    PolicyRecord,
    ReportRequest,
    Status,
    breaches,
    check,
)
from zwgk.workdays import (
    CalendarError,
    Channel,
    Completion,
    Consultation,
    Extension,
    RecordError,
    WorkCalendar,
)

D = dt.date
T = dt.datetime
CAL = WorkCalendar()


SEPT_27 = D(2024, 9, 27)


def letter(replied=None, received=SEPT_27, limit=5, **kw) -> MessageRecord:
    return MessageRecord("X-1", "区教育局", received, limit, replied, **kw)


# --- messages (市长信箱): due 5 working days after 2024-09-27 is 2024-10-10 ---------------------


def test_it_counts_a_message_limit_in_working_days_across_national_day():
    assert check(letter(), D(2024, 9, 27), CAL).due == D(2024, 10, 10)


def test_it_marks_an_open_message_pending_then_due_soon():
    far = check(letter(), D(2024, 9, 27), CAL)
    assert (far.status, far.workdays_left) == (Status.PENDING, 5)
    soon = check(letter(), D(2024, 10, 8), CAL)
    assert (soon.status, soon.workdays_left) == (Status.DUE_SOON, 2)
    today = check(letter(), D(2024, 10, 10), CAL)
    assert (today.status, today.workdays_left) == (Status.DUE_SOON, 0)


def test_it_marks_an_open_message_overdue_then_very_overdue_after_20_working_days():
    one = check(letter(), D(2024, 10, 11), CAL)
    assert (one.status, one.workdays_overdue) == (Status.OVERDUE, 1)
    twenty = check(letter(), D(2024, 11, 6), CAL)
    assert (twenty.status, twenty.workdays_overdue) == (Status.OVERDUE, 20)
    more = check(letter(), D(2024, 11, 7), CAL)
    assert (more.status, more.workdays_overdue) == (Status.VERY_OVERDUE, 21)


def test_it_marks_a_message_done_on_time_or_late():
    on_time = check(letter(D(2024, 10, 10)), D(2024, 12, 31), CAL)
    assert (on_time.status, on_time.workdays_overdue) == (Status.DONE_ON_TIME, 0)
    late = check(letter(D(2024, 10, 12)), D(2024, 12, 31), CAL)  # 10-12 is a worked Saturday
    assert (late.status, late.workdays_overdue) == (Status.DONE_LATE, 2)


def test_it_counts_a_reply_on_the_weekend_after_the_due_date_as_late():
    # due Thursday 2024-10-10; replied Sunday 10-13 (off): late, but 2 working days (10-11, 10-12)
    late = check(letter(D(2024, 10, 13)), D(2024, 12, 31), CAL)
    assert late.status is Status.DONE_LATE
    # due Friday 2024-10-25 (5 working days after 10-18); replied Saturday 10-26: 0 working days
    weekend = check(letter(D(2024, 10, 26), received=D(2024, 10, 18)), D(2024, 12, 31), CAL)
    assert (weekend.due, weekend.status, weekend.workdays_overdue) == (
        D(2024, 10, 25),
        Status.DONE_LATE,
        0,
    )
    assert (
        "逾期不足1个工作日"
        in breaches(
            [letter(D(2024, 10, 26), received=D(2024, 10, 18))], BreachRule(D(2024, 12, 31)), CAL
        )[0].description
    )


def test_it_refuses_a_negative_limit():
    with pytest.raises(RecordError, match="不能为负数"):
        check(letter(limit=-1), D(2024, 10, 1), CAL)


# --- policies and their 解读 ----------------------------------------------------------------------


def test_it_gives_a_policy_interpretation_3_working_days():
    policy = PolicyRecord("P-1", "区政府办", "关于…的通知", D(2025, 9, 30))
    assert check(policy, D(2025, 9, 30), CAL).due == D(2025, 10, 11)  # 10-11 is a worked Saturday


def test_it_holds_a_same_day_interpretation_to_the_publication_day():
    same = PolicyRecord("P-2", "区政府办", "实施方案", D(2024, 10, 12), 0, D(2024, 10, 12))
    assert check(same, D(2024, 12, 31), CAL).status is Status.DONE_ON_TIME
    next_day = PolicyRecord("P-3", "区政府办", "实施方案", D(2024, 10, 12), 0, D(2024, 10, 14))
    result = check(next_day, D(2024, 12, 31), CAL)
    assert (result.status, result.workdays_overdue) == (Status.DONE_LATE, 1)


# --- 舆情: clock hours ----------------------------------------------------------------------------


def opinion(hours, responded=None):
    return OpinionEvent("Y-1", "区卫健委", T(2024, 10, 1, 22, 30), hours, responded)


def test_it_measures_opinion_limits_in_clock_hours_across_midnight_and_holidays():
    assert check(opinion(5), T(2024, 10, 1, 23, 0)).due == T(2024, 10, 2, 3, 30)
    assert check(opinion(24), T(2024, 10, 1, 23, 0)).due == T(2024, 10, 2, 22, 30)
    assert check(opinion(48), T(2024, 10, 1, 23, 0)).due == T(2024, 10, 3, 22, 30)


def test_it_marks_an_opinion_response_on_time_or_late_by_the_hour():
    on_time = check(opinion(5, T(2024, 10, 2, 3, 30)), T(2024, 10, 5, 0, 0))
    assert on_time.status is Status.DONE_ON_TIME and on_time.hours_overdue == 0
    late = check(opinion(5, T(2024, 10, 2, 4, 0)), T(2024, 10, 5, 0, 0))
    assert (late.status, late.hours_overdue) == (Status.DONE_LATE, Decimal("0.50"))


def test_it_tracks_an_open_opinion_through_the_night():
    assert check(opinion(5), T(2024, 10, 2, 1, 0)).status is Status.PENDING
    assert check(opinion(5), T(2024, 10, 2, 2, 14)).status is Status.PENDING
    assert check(opinion(5), T(2024, 10, 2, 2, 15)).status is Status.DUE_SOON  # a quarter left
    overdue = check(opinion(5), T(2024, 10, 2, 6, 0))
    assert (overdue.status, overdue.hours_overdue) == (Status.OVERDUE, Decimal("2.50"))
    assert check(opinion(5), T(2024, 10, 2, 9, 0)).status is Status.VERY_OVERDUE


def test_it_reads_a_plain_date_as_the_end_of_that_day_for_hours():
    result = check(opinion(24), D(2024, 10, 2))
    assert result.status is Status.OVERDUE and result.hours_overdue == Decimal("1.50")


# --- applications (依申请公开) --------------------------------------------------------------------


def application(**kw) -> ApplicationRecord:
    base = {"channel": Channel.POST, "submitted": D(2024, 9, 20), "signed_for": D(2024, 9, 27)}
    return ApplicationRecord("2024-015", "区住建局", **{**base, **kw})


def test_it_dates_an_application_from_its_receipt_by_channel():
    result = check(application(), D(2024, 10, 8), CAL)
    assert result.due == D(2024, 10, 30)  # from the signing day 9-27, not the posting day 9-20
    assert result.status is Status.PENDING


def test_it_pauses_an_application_waiting_for_its_completion():
    waiting = application(completion=Completion(D(2024, 9, 30)))
    result = check(waiting, D(2024, 12, 31), CAL)
    assert (result.status, result.due) == (Status.PAUSED, None)
    assert "等待申请人补正" in result.notes
    assert breaches([waiting], BreachRule(D(2024, 12, 31)), CAL) == []


def test_it_applies_the_extension_and_the_consultation_to_an_application():
    extended = application(extension=Extension(20, D(2024, 10, 28)))
    assert check(extended, D(2024, 11, 22), CAL).status is Status.DUE_SOON
    consulted = application(consultations=(Consultation(D(2024, 10, 14), D(2024, 10, 18)),))
    assert check(consulted, D(2024, 10, 31), CAL).due == D(2024, 11, 5)


def test_it_pauses_an_application_while_the_third_party_has_not_answered():
    open_consultation = application(consultations=(Consultation(D(2024, 10, 14)),))
    assert check(open_consultation, D(2024, 10, 31), CAL).status is Status.PAUSED


# --- breaches -----------------------------------------------------------------------------------

RECORDS = [
    letter(D(2024, 10, 12)),  # late by 2
    MessageRecord("X-2", "区民政局", D(2024, 9, 27), 5, None, channel="12345"),  # open, overdue
    MessageRecord("X-3", "区民政局", D(2024, 9, 27), 5, D(2024, 10, 9)),  # on time
    ReportRequest("R-1", "甲镇", "三季度政务公开工作总结", D(2024, 10, 10), D(2024, 10, 14)),
    ReportRequest("R-2", "乙镇", "三季度政务公开工作总结", D(2024, 10, 10)),
    opinion(5, T(2024, 10, 2, 4, 0)),
    application(replied=D(2024, 11, 1)),
]


def test_it_finds_late_and_open_breaches_with_working_days_late():
    found = breaches(RECORDS, BreachRule(D(2024, 10, 31)), CAL)
    got = [(b.record_id, b.kind, b.workdays_late) for b in found]
    assert got == [
        ("X-1", BreachKind.LATE, 2),
        ("X-2", BreachKind.OPEN, 16),
        ("R-1", BreachKind.LATE, 3),
        ("R-2", BreachKind.OPEN, 16),
        ("Y-1", BreachKind.LATE, None),
        ("2024-015", BreachKind.LATE, 2),
    ]
    assert found[4].hours_late == Decimal("0.50")


def test_it_describes_each_breach_in_chinese():
    found = {b.record_id: b for b in breaches(RECORDS, BreachRule(D(2024, 10, 31)), CAL)}
    assert found["X-1"].description == (
        "区教育局：市长信箱来信（编号 X-1，收到于2024年9月27日）应于2024年10月10日前回复，"
        "实际于2024年10月12日回复，超期2个工作日。"
    )
    assert found["X-2"].description.endswith("截至2024年10月31日仍未回复，超期16个工作日。")
    assert "12345来信" in found["X-2"].description
    assert found["R-1"].description.endswith("实际于2024年10月14日报送，迟报（超期3个工作日）。")
    assert found["R-2"].description.endswith("截至2024年10月31日未报送（漏报）。")
    assert "超时0.5小时" in found["Y-1"].description
    assert "应于2024年10月2日03:30前回应" in found["Y-1"].description


def test_it_keeps_only_the_register_and_kinds_the_rule_names():
    late_reports = BreachRule(
        D(2024, 10, 31), register="report", kinds=frozenset({BreachKind.LATE})
    )
    assert [b.record_id for b in breaches(RECORDS, late_reports, CAL)] == ["R-1"]
    mailbox = BreachRule(
        D(2024, 10, 31), register="message", where=lambda r: r.channel == "市长信箱"
    )
    assert [b.record_id for b in breaches(RECORDS, mailbox, CAL)] == ["X-1"]


def test_it_keeps_only_breaches_due_in_the_period():
    rule = BreachRule(D(2024, 12, 31), since=D(2024, 10, 11), until=D(2024, 12, 31))
    assert [b.record_id for b in breaches(RECORDS, rule, CAL)] == ["2024-015"]
    before = BreachRule(D(2024, 12, 31), until=D(2024, 10, 10))
    assert "2024-015" not in [b.record_id for b in breaches(RECORDS, before, CAL)]


def test_it_returns_breach_objects_with_unit_due_and_done():
    (first,) = breaches(RECORDS[:1], BreachRule(D(2024, 10, 31)), CAL)
    assert first == Breach(
        "X-1",
        "区教育局",
        "message",
        BreachKind.LATE,
        D(2024, 10, 10),
        D(2024, 10, 12),
        2,
        None,
        first.description,
    )


def test_it_refuses_an_unknown_register():
    with pytest.raises(ValueError, match="未知的登记簿"):
        BreachRule(D(2024, 10, 31), register="letters")


def test_it_raises_for_a_record_in_a_year_nobody_covers():
    record = MessageRecord("X-9", "区教育局", D(2026, 12, 28), 5)
    with pytest.raises(CalendarError, match="2027"):
        breaches([record], BreachRule(D(2027, 1, 31)), CAL)

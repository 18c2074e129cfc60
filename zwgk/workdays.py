"""Working-day calendar (工作日) and the 政府信息公开条例 (2019) time rules.

Convention (issue 7): the given date is day 0 and ``add_workdays(d, n)`` is the n-th working day
after it, whatever ``d`` is (a working day, a weekend or a holiday). ``workdays_between(d1, d2)``
is the number of working days after ``d1`` up to and including ``d2`` (so the two are inverse:
``workdays_between(d, add_workdays(d, n)) == n`` for n ≥ 0); it is 0 when ``d1 == d2`` and
``-workdays_between(d2, d1)`` when ``d2 < d1``.

Which days are working days: Monday to Friday, except the State Council's holidays, plus the
adjusted working weekends (调休上班). The official table comes from the ``chinesecalendar``
package (1.11.0 covers 2004–2026). An office-editable override table (工作日调整表, a YAML file,
see ``docs/workdays.md``) takes precedence date by date and adds the years the package does not
cover yet. A date in a year that neither covers raises ``CalendarError`` naming the year: the
calendar never guesses.

The override file is given by the caller (``WorkCalendar.from_file``, ``--calendar``) or by the
environment variable ``ZWGK_CALENDAR`` (``default_calendar()``).
"""

from __future__ import annotations

import datetime as dt
import enum
import os
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import chinese_calendar
import yaml

ENV_VAR = "ZWGK_CALENDAR"

_PKG_HOLIDAYS = chinese_calendar.constants.holidays
_PKG_WORKDAYS = chinese_calendar.constants.workdays
PACKAGE_YEARS = range(min(_PKG_HOLIDAYS).year, max(_PKG_HOLIDAYS).year + 1)
"""Years the installed ``chinesecalendar`` covers (1.11.0: 2004–2026)."""

_ONE = dt.timedelta(days=1)


class CalendarError(ValueError):
    """CalendarError — 工作日历错误: a needed year is not covered, or the override file is wrong.

    ``year`` is the missing year (None for a problem in the override file).
    """

    def __init__(self, message: str, year: int | None = None) -> None:
        super().__init__(message)
        self.year = year


class RecordError(ValueError):
    """RecordError — 登记信息错误: a record lacks a date a rule needs, or has an impossible value."""


@dataclass(frozen=True)
class YearTable:
    """YearTable — 某年放假和调休安排: one year of the office's override table.

    ``holidays`` are days off (放假), ``workdays`` are adjusted working days (调休上班).
    Any other day of a year present in the table follows the package (when it covers the year)
    or the plain weekday rule (when it does not).
    """

    year: int
    holidays: frozenset[dt.date] = frozenset()
    workdays: frozenset[dt.date] = frozenset()
    note: str = ""


def _as_date(value: dt.date) -> dt.date:
    return value.date() if isinstance(value, dt.datetime) else value


class WorkCalendar:
    """WorkCalendar — 工作日历: the package's table plus the office's override table."""

    def __init__(
        self,
        overrides: Mapping[int, YearTable] | Iterable[YearTable] = (),
        *,
        package: bool = True,
        source: str = "",
    ) -> None:
        tables = overrides.values() if isinstance(overrides, Mapping) else overrides
        self.overrides: dict[int, YearTable] = {t.year: t for t in tables}
        self.package = package
        self.source = source

    @classmethod
    def from_file(cls, path: str | os.PathLike[str]) -> WorkCalendar:
        """The package's table overridden by the YAML file at ``path``."""
        return cls(load_overrides(path), source=str(path))

    def years(self) -> list[int]:
        """Every year this calendar can answer for."""
        pkg = set(PACKAGE_YEARS) if self.package else set()
        return sorted(pkg | set(self.overrides))

    def covers(self, year: int) -> bool:
        return year in self.overrides or (self.package and year in PACKAGE_YEARS)

    def _missing(self, year: int) -> CalendarError:
        pkg = (
            f"chinesecalendar 只收录 {PACKAGE_YEARS[0]}—{PACKAGE_YEARS[-1]} 年"
            if self.package
            else ""
        )
        table = (
            f"工作日调整表 {self.source} 中也没有 {year} 年"
            if self.source
            else "也没有指定工作日调整表"
        )
        reason = "，".join(x for x in (pkg, table) if x)
        return CalendarError(
            f"缺少 {year} 年的节假日安排（{reason}），无法计算工作日。"
            f"请在工作日调整表中补充 {year} 年的放假和调休上班日期"
            f"（用 --calendar 或环境变量 {ENV_VAR} 指定，格式见 docs/workdays.md）。",
            year,
        )

    def is_workday(self, day: dt.date) -> bool:
        """Whether ``day`` is a working day (工作日); ``CalendarError`` if its year is not covered."""
        day = _as_date(day)
        table = self.overrides.get(day.year)
        if table is not None:
            if day in table.workdays:
                return True
            if day in table.holidays:
                return False
        if self.package and day.year in PACKAGE_YEARS:
            if day in _PKG_WORKDAYS:
                return True
            if day in _PKG_HOLIDAYS:
                return False
            return day.weekday() < 5
        if table is not None:
            return day.weekday() < 5
        raise self._missing(day.year)

    def add_workdays(self, start: dt.date, n: int) -> dt.date:
        """The n-th working day after ``start`` (day 0, whatever it is).

        ``n == 0`` gives ``start`` itself; a negative ``n`` gives the |n|-th working day before it.
        """
        day = _as_date(start)
        step = _ONE if n >= 0 else -_ONE
        left = abs(n)
        while left:
            day += step
            if self.is_workday(day):
                left -= 1
        return day

    def workdays_between(self, d1: dt.date, d2: dt.date) -> int:
        """Working days after ``d1`` up to and including ``d2``; negative when ``d2 < d1``."""
        d1, d2 = _as_date(d1), _as_date(d2)
        if d2 < d1:
            return -self.workdays_between(d2, d1)
        count = 0
        day = d1
        while day < d2:
            day += _ONE
            count += self.is_workday(day)
        return count


def _parse_day(value: object, year: int, where: str, problems: list[str]) -> list[dt.date]:
    """One entry of a ``holidays``/``workdays`` list: a date or a range ``"起..止"``."""
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        days = [value]
    elif isinstance(value, str):
        parts = [p.strip() for p in value.split("..")]
        try:
            ends = [dt.date.fromisoformat(p) for p in parts]
        except ValueError:
            problems.append(
                f"{where}：“{value}” 不是日期（应写 YYYY-MM-DD 或 YYYY-MM-DD..YYYY-MM-DD）"
            )
            return []
        if len(ends) > 2 or (len(ends) == 2 and ends[1] < ends[0]):
            problems.append(f"{where}：“{value}” 不是有效的日期区间")
            return []
        days = [ends[0] + _ONE * i for i in range((ends[-1] - ends[0]).days + 1)]
    else:
        problems.append(f"{where}：“{value}” 不是日期（应写 YYYY-MM-DD 或 YYYY-MM-DD..YYYY-MM-DD）")
        return []
    wrong = [d for d in days if d.year != year]
    if wrong:
        problems.append(f"{where}：{wrong[0].isoformat()} 不在 {year} 年内")
        return []
    return days


def parse_overrides(data: object, source: str = "工作日调整表") -> dict[int, YearTable]:
    """The override table from parsed YAML: ``{year: {holidays: [...], workdays: [...], note}}``."""
    if data is None:
        return {}
    if not isinstance(data, Mapping):
        raise CalendarError(f"{source}：顶层应为“年份: 安排”的映射")
    problems: list[str] = []
    tables: dict[int, YearTable] = {}
    for key, body in data.items():
        try:
            year = int(key)
        except (TypeError, ValueError):
            problems.append(f"{source}：“{key}” 不是年份")
            continue
        if not 1900 <= year <= 2200:
            problems.append(f"{source}：“{key}” 不是有效年份")
            continue
        body = body or {}
        if not isinstance(body, Mapping):
            problems.append(f"{source}：{year} 年的内容应为映射（holidays、workdays、note）")
            continue
        unknown = sorted(str(k) for k in body if k not in ("holidays", "workdays", "note"))
        if unknown:
            problems.append(
                f"{source}：{year} 年有未知的键 {'、'.join(unknown)}（只能是 holidays、workdays、note）"
            )
        sets: dict[str, set[dt.date]] = {}
        for field, label in (("holidays", "放假"), ("workdays", "调休上班")):
            entries = body.get(field) or []
            if not isinstance(entries, list):
                entries = [entries]
            sets[field] = set()
            for entry in entries:
                where = f"{source}：{year} 年 {field}（{label}）"
                sets[field].update(_parse_day(entry, year, where, problems))
        both = sorted(sets["holidays"] & sets["workdays"])
        if both:
            days = "、".join(d.isoformat() for d in both)
            problems.append(f"{source}：{days} 同时列为放假和调休上班")
        tables[year] = YearTable(
            year,
            frozenset(sets["holidays"]),
            frozenset(sets["workdays"]),
            str(body.get("note", "")),
        )
    if problems:
        raise CalendarError("工作日调整表有错误：\n" + "\n".join(f"  {p}" for p in problems))
    return tables


def load_overrides(path: str | os.PathLike[str]) -> dict[int, YearTable]:
    """Read the office's override table (YAML, UTF-8) at ``path``."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise CalendarError(f"找不到工作日调整表：{path}") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise CalendarError(f"无法读取工作日调整表 {path}：{exc}") from None
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise CalendarError(f"工作日调整表 {path} 不是有效的 YAML：{exc}") from None
    return parse_overrides(data, str(path))


_default_cache: dict[tuple[str, int], WorkCalendar] = {}


def default_calendar(path: str | os.PathLike[str] | None = None) -> WorkCalendar:
    """The calendar for ``path``, else for ``$ZWGK_CALENDAR``, else the package's table alone.

    A file is read again when it changes (keyed by its modification time).
    """
    chosen = str(path) if path else os.environ.get(ENV_VAR, "")
    if not chosen:
        return _PACKAGE_ONLY
    try:
        stamp = Path(chosen).stat().st_mtime_ns
    except OSError:
        stamp = -1
    key = (chosen, stamp)
    if key not in _default_cache:
        _default_cache.clear()
        _default_cache[key] = WorkCalendar.from_file(chosen)
    return _default_cache[key]


_PACKAGE_ONLY = WorkCalendar()


def is_workday(day: dt.date, calendar: WorkCalendar | None = None) -> bool:
    """Whether ``day`` is a working day (工作日), on ``calendar`` or ``default_calendar()``."""
    return (calendar or default_calendar()).is_workday(day)


def add_workdays(start: dt.date, n: int, calendar: WorkCalendar | None = None) -> dt.date:
    """The n-th working day after ``start`` (day 0, whatever it is); see the module docstring."""
    return (calendar or default_calendar()).add_workdays(start, n)


def workdays_between(d1: dt.date, d2: dt.date, calendar: WorkCalendar | None = None) -> int:
    """Working days after ``d1`` up to and including ``d2`` (negative when ``d2 < d1``)."""
    return (calendar or default_calendar()).workdays_between(d1, d2)


# --- 政府信息公开条例 (2019): time limits for applications (依申请公开) -----------------------

REPLY_WORKDAYS = 20
"""第三十三条: reply within 20 working days of receipt (答复期限)."""
EXTENSION_MAX_WORKDAYS = 20
"""第三十三条: extendable once, by at most 20 working days, with notice to the applicant."""
COMPLETION_REQUEST_WORKDAYS = 7
"""第三十条: ask for a completion (补正) within 7 working days of receipt, once."""
THIRD_PARTY_WORKDAYS = 15
"""第三十二条: a third party gives its opinion within 15 working days."""


class Channel(enum.StrEnum):
    """Channel — 申请方式: how an application reached the office (第三十一条)."""

    IN_PERSON = "当面提交"
    POST = "邮寄"
    LETTER = "平常信函"
    ONLINE = "互联网"
    FAX = "传真"


def receipt_date(
    channel: Channel,
    *,
    submitted: dt.date | None = None,
    signed_for: dt.date | None = None,
    confirmed: dt.date | None = None,
) -> dt.date:
    """The date of receipt (收到申请之日), 第三十一条.

    In person: the day submitted. By post: the day the office signs for it (签收). By ordinary
    letter that needs no signature: the day the office confirms it with the applicant. Online or
    by fax: the day both sides confirm (双方确认之日).

    A receipt on a non-working day is not moved: neither the 条例 nor the reference moves it, and
    the day-0 convention already makes the next working day day 1.
    """
    needed = {
        Channel.IN_PERSON: (submitted, "提交日期"),
        Channel.POST: (signed_for, "签收日期"),
        Channel.LETTER: (confirmed, "与申请人确认的日期"),
        Channel.ONLINE: (confirmed, "双方确认的日期"),
        Channel.FAX: (confirmed, "双方确认的日期"),
    }
    value, label = needed[Channel(channel)]
    if value is None:
        raise RecordError(
            f"{Channel(channel).value}的申请以{label}为收到申请之日（条例第三十一条），缺少{label}。"
        )
    return _as_date(value)


@dataclass(frozen=True)
class Completion:
    """Completion — 补正: the office asked the applicant to complete the application (第三十条)."""

    requested: dt.date
    received: dt.date | None = None


@dataclass(frozen=True)
class Consultation:
    """Consultation — 征求意见: the time it takes does not count (第三十三条第二款).

    The excluded period is the working days after ``requested`` up to and including ``answered``.
    For a third party (``limit`` 15, 第三十二条) it ends at the latest on the 15th working day
    after ``requested`` (the day the third party received the request, where known): after that
    the office decides by itself, so later days count again. For another agency (其他机关) pass
    ``limit=None``: the 条例 sets it no limit, and an open consultation pauses the clock.
    """

    requested: dt.date
    answered: dt.date | None = None
    limit: int | None = THIRD_PARTY_WORKDAYS

    def end(self, calendar: WorkCalendar) -> dt.date | None:
        """Last excluded day, or None while an unlimited consultation is open."""
        end = self.answered
        if self.limit is not None:
            cap = calendar.add_workdays(self.requested, self.limit)
            if end is None or end > cap:
                end = cap
        return end


@dataclass(frozen=True)
class Extension:
    """Extension — 延长答复期限: by ``days`` working days, told to the applicant on ``notified``."""

    days: int
    notified: dt.date | None = None


@dataclass(frozen=True)
class ReplyClock:
    """ReplyClock — 答复期限: the outcome of the 条例's rules for one application.

    ``start`` is day 0 (receipt, or receipt of the completion). ``due`` is the last day to reply,
    None while the clock is stopped with no end in sight (waiting for a completion or for an
    agency's opinion). ``paused`` says why the clock is stopped at ``today``; ``notes`` explain
    rules that changed the result (late completion request, refused extension…).
    """

    start: dt.date
    due: dt.date | None
    base_due: dt.date | None
    excluded_workdays: int = 0
    extension_workdays: int = 0
    paused: str = ""
    notes: tuple[str, ...] = ()


def _count_from(
    calendar: WorkCalendar,
    start: dt.date,
    n: int,
    excluded: Sequence[tuple[dt.date, dt.date | None]],
) -> tuple[dt.date | None, int]:
    """The n-th counted working day after ``start``, skipping the excluded periods ``(a, b]``.

    Returns the day (None when an open-ended period stops the clock) and the working days skipped.
    """
    day, counted, skipped = start, 0, 0
    while counted < n:
        day += _ONE
        inside = [b for a, b in excluded if a < day and (b is None or day <= b)]
        if any(b is None for b in inside):
            return None, skipped
        if calendar.is_workday(day):
            if inside:
                skipped += 1
            else:
                counted += 1
    return day, skipped


def zh_date(day: dt.date) -> str:
    """A date the Chinese way: 2024年10月8日."""
    return f"{day.year}年{day.month}月{day.day}日"


def reply_due(
    received: dt.date,
    *,
    completion: Completion | None = None,
    consultations: Sequence[Consultation] = (),
    extension: Extension | None = None,
    today: dt.date | None = None,
    calendar: WorkCalendar | None = None,
) -> ReplyClock:
    """The reply deadline of an application (答复期限), 第三十条、第三十二条、第三十三条.

    - 20 working days from receipt (第三十三条), day 0 being the receipt date.
    - 补正 (第三十条): asked within 7 working days of receipt, once; the clock restarts on the day
      the completed application is received. A request made later than that does not restart
      the clock (the original deadline stands, with a note). While the completion is awaited,
      there is no deadline.
    - Consultation time (第三十三条第二款) is not counted: see ``Consultation``.
    - Extension (第三十三条): at most 20 working days, once, and only if the applicant was told
      on or before the original due date; otherwise it is refused with a note (more than 20
      days: counted as 20).
    """
    cal = calendar or default_calendar()
    received = _as_date(received)
    start, notes = received, []
    if completion is not None:
        latest = cal.add_workdays(received, COMPLETION_REQUEST_WORKDAYS)
        if completion.requested > latest:
            notes.append(
                f"补正告知（{zh_date(completion.requested)}）超过收到申请后7个工作日（{zh_date(latest)}），"
                "答复期限不因补正重新计算（条例第三十条）"
            )
        elif completion.received is None:
            return ReplyClock(received, None, None, paused="等待申请人补正", notes=tuple(notes))
        else:
            start = _as_date(completion.received)
    excluded = [(c.requested, c.end(cal)) for c in consultations]
    for c in consultations:
        if c.limit is not None and c.answered is not None and c.answered > c.end(cal):
            notes.append(
                f"第三方{zh_date(c.answered)}才提出意见，超过{c.limit}个工作日的部分计入答复期限（条例第三十二条）"
            )
    base_due, skipped = _count_from(cal, start, REPLY_WORKDAYS, excluded)
    paused = ""
    if today is not None:
        for c in consultations:
            end = c.end(cal)
            if c.answered is None and c.requested <= today and (end is None or today <= end):
                paused = "征求意见中，答复期限暂停计算"
    if base_due is None:
        return ReplyClock(
            start, None, None, skipped, paused=paused or "征求意见中", notes=tuple(notes)
        )
    due, extra = base_due, 0
    if extension is not None and extension.days > 0:
        days = extension.days
        if days > EXTENSION_MAX_WORKDAYS:
            notes.append(f"延长{days}个工作日超过条例第三十三条的上限，按20个工作日计")
            days = EXTENSION_MAX_WORKDAYS
        if extension.notified is None:
            notes.append("延长答复期限未告知申请人，不予延长（条例第三十三条）")
        elif extension.notified > base_due:
            notes.append(
                f"延期告知（{zh_date(extension.notified)}）晚于原答复期限（{zh_date(base_due)}），不予延长"
            )
        else:
            extended, skipped = _count_from(cal, start, REPLY_WORKDAYS + days, excluded)
            if extended is None:
                return ReplyClock(
                    start, None, base_due, skipped, days, paused or "征求意见中", tuple(notes)
                )
            due, extra = extended, days
    return ReplyClock(start, due, base_due, skipped, extra, paused, tuple(notes))

"""``zwgk workdays``: working-day arithmetic (工作日计算) on the command line.

``add DATE N`` prints the N-th working day after DATE (DATE is day 0); ``between D1 D2`` prints the
number of working days after D1 up to and including D2. ``--calendar FILE`` (on the group or on a
command) names the office's override table; without it ``$ZWGK_CALENDAR`` is used, if set.
"""

from __future__ import annotations

import datetime as dt
import sys

import click

from zwgk.workdays import CalendarError, WorkCalendar, default_calendar

_CALENDAR_HELP = "工作日调整表（YAML），优先于 chinesecalendar；不指定时使用环境变量 ZWGK_CALENDAR"


def _fail(message: str) -> None:
    click.echo(f"错误：{message}", err=True)
    sys.exit(1)


def _day(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        _fail(f"“{text}” 不是日期，应写成 YYYY-MM-DD（如 2024-09-30）。")
        raise  # unreachable


def _calendar(ctx: click.Context, path: str | None) -> WorkCalendar:
    chosen = path or (ctx.obj or {}).get("calendar")
    try:
        return default_calendar(chosen)
    except CalendarError as exc:
        _fail(str(exc))
        raise  # unreachable


def _run(compute) -> None:
    try:
        click.echo(compute())
    except CalendarError as exc:
        _fail(str(exc))


calendar_option = click.option(
    "--calendar", "calendar_path", type=click.Path(dir_okay=False), help=_CALENDAR_HELP
)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@calendar_option
@click.pass_context
def workdays(ctx: click.Context, calendar_path: str | None) -> None:
    """工作日计算：给定日期为第 0 天，按法定节假日和调休上班计算。"""
    ctx.obj = {"calendar": calendar_path}


@workdays.command("add")
@click.argument("date")
@click.argument("n", type=int)
@calendar_option
@click.pass_context
def add_command(ctx: click.Context, date: str, n: int, calendar_path: str | None) -> None:
    """输出 DATE 之后第 N 个工作日（ISO 日期）。N 为负数时写在 -- 之后，表示之前第 N 个工作日。"""
    start = _day(date)
    cal = _calendar(ctx, calendar_path)
    _run(lambda: cal.add_workdays(start, n).isoformat())


@workdays.command("between")
@click.argument("d1")
@click.argument("d2")
@calendar_option
@click.pass_context
def between_command(ctx: click.Context, d1: str, d2: str, calendar_path: str | None) -> None:
    """输出 D1 之后到 D2（含）的工作日数；D2 早于 D1 时为负数。"""
    first, second = _day(d1), _day(d2)
    cal = _calendar(ctx, calendar_path)
    _run(lambda: cal.workdays_between(first, second))

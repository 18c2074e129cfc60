"""ECharts options for the site page (drawn by app.js from JSON, with the vendored ECharts)."""

from __future__ import annotations

import datetime as dt

RED, GREEN, AMBER, BLUE, GREY = "#b3241b", "#1e7b34", "#b26a00", "#1f5fbf", "#9aa0a6"


def gauge(title: str, value: float | None, danger: float, warn: float) -> dict:
    """A Lighthouse-like dial, 0–100; red below ``danger``, amber below ``warn``."""
    v = round(value, 2) if value is not None else 0
    color = GREY if value is None else RED if v < danger else AMBER if v < warn else GREEN
    return {
        "series": [
            {
                "type": "gauge",
                "startAngle": 90,
                "endAngle": -270,
                "min": 0,
                "max": 100,
                "pointer": {"show": False},
                "progress": {
                    "show": True,
                    "roundCap": True,
                    "itemStyle": {"color": color},
                    "width": 12,
                },
                "axisLine": {"lineStyle": {"width": 12}},
                "axisTick": {"show": False},
                "splitLine": {"show": False},
                "axisLabel": {"show": False},
                "title": {"offsetCenter": [0, "38%"], "fontSize": 13},
                "detail": {
                    "offsetCenter": [0, "-8%"],
                    "fontSize": 24,
                    "color": color,
                    "formatter": "{value}%" if value is not None else "—",
                },
                "data": [{"value": v, "name": title}],
            }
        ]
    }


def availability(days: list[tuple[dt.date, int, int]], veto_rate: float) -> dict:
    """Probes and failures per day, with the day's availability and the veto line."""
    labels = [d.strftime("%m-%d") for d, _, _ in days]
    ok = [n - f for _, n, f in days]
    failed = [f for _, _, f in days]
    rate = [round(100 * (n - f) / n, 2) if n else None for _, n, f in days]
    lowest = min((r for r in rate if r is not None), default=100.0)
    floor = 80 if lowest >= 80 else max(0, int(lowest // 10) * 10)  # a bad day stays in view
    return {
        "tooltip": {"trigger": "axis"},
        "legend": {"data": ["正常", "失败", "可用率"]},
        "grid": {"left": 50, "right": 50, "top": 40, "bottom": 30},
        "xAxis": {"type": "category", "data": labels},
        "yAxis": [
            {"type": "value", "name": "探测次数", "minInterval": 1},
            {"type": "value", "name": "可用率%", "min": floor, "max": 100},
        ],
        "series": [
            {
                "name": "正常",
                "type": "bar",
                "stack": "p",
                "data": ok,
                "itemStyle": {"color": GREEN},
            },
            {
                "name": "失败",
                "type": "bar",
                "stack": "p",
                "data": failed,
                "itemStyle": {"color": RED},
            },
            {
                "name": "可用率",
                "type": "line",
                "yAxisIndex": 1,
                "data": rate,
                "itemStyle": {"color": BLUE},
                "markLine": {
                    "symbol": "none",
                    "lineStyle": {"color": RED, "type": "dashed"},
                    "label": {"formatter": "否决线"},
                    "data": [{"yAxis": round(100 * (1 - veto_rate), 2)}],
                },
            },
        ],
    }


def column_dates(series: dict[str, list[tuple[dt.datetime, dt.date | None]]]) -> dict:
    """Each column's newest item date (y) as seen over time (x): a flat line is a column that
    is not being updated."""
    return {
        "tooltip": {"trigger": "axis"},
        "legend": {"type": "scroll", "top": 0},
        "grid": {"left": 80, "right": 30, "top": 50, "bottom": 30},
        "xAxis": {"type": "time", "axisLabel": {"formatter": "{MM}-{dd}", "hideOverlap": True}},
        "yAxis": {
            "type": "time",
            "name": "最新条目日期",
            "axisLabel": {"formatter": "{yyyy}-{MM}-{dd}", "hideOverlap": True},
        },
        "series": [
            {
                "name": name,
                "type": "line",
                "step": "end",
                "showSymbol": False,
                "data": [[at.isoformat(), d.isoformat() if d else None] for at, d in points],
            }
            for name, points in series.items()
        ],
    }


def runs(rows: list[tuple[str, int, int, int]]) -> dict:
    """Findings per run: new, still present, gone."""
    labels = [r[0] for r in rows]
    return {
        "tooltip": {"trigger": "axis"},
        "legend": {"data": ["新发现", "仍存在", "已消失"]},
        "grid": {"left": 50, "right": 20, "top": 40, "bottom": 30},
        "xAxis": {"type": "category", "data": labels},
        "yAxis": {"type": "value", "minInterval": 1},
        "series": [
            {
                "name": "新发现",
                "type": "bar",
                "stack": "f",
                "data": [r[1] for r in rows],
                "itemStyle": {"color": RED},
                "label": {"show": True},
            },
            {
                "name": "仍存在",
                "type": "bar",
                "stack": "f",
                "data": [r[2] for r in rows],
                "itemStyle": {"color": AMBER},
                "label": {"show": True},
            },
            {
                "name": "已消失",
                "type": "bar",
                "stack": "f",
                "data": [r[3] for r in rows],
                "itemStyle": {"color": GREEN},
                "label": {"show": True},
            },
        ],
    }

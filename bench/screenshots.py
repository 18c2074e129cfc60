"""Screenshots of the demo for docs/screenshots/: the ranking page, a unit's 评分表, the audit
trail and a register (日常工作记录).

Loads the demo (XX区2023, 45 units) into a temporary SQLite database, publishes the round, starts
the server on a free port of 127.0.0.1 and shoots full pages at 1440 px wide with Debian's
Chromium (``apt-get install chromium fonts-noto-cjk``; a CJK font is needed or the text is boxes).

    .venv/bin/python bench/screenshots.py [--out docs/screenshots] [--unit unit12]
"""

from __future__ import annotations

import argparse
import asyncio
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from web_load import PASSWORD, free_port, prepare, start_server, stop_server, wait_up

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = "/usr/bin/chromium"


def has_cjk_font() -> bool:
    try:
        out = subprocess.run(["fc-list", ":lang=zh"], capture_output=True, text=True).stdout
    except FileNotFoundError:
        return False
    return bool(out.strip())


def shoot(base: str, shots: list[tuple[str, str, Path]]) -> None:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        for username, path, out in shots:
            context = browser.new_context(
                viewport={"width": 1440, "height": 900}, locale="zh-CN", device_scale_factor=1
            )
            page = context.new_page()
            page.goto(base + "/login/")
            page.fill("#username", username)
            page.fill("#password", PASSWORD)
            page.click("button[type=submit]")
            page.wait_for_load_state()
            page.goto(base + path)
            charts = page.locator("[data-chart]").count()
            page.wait_for_function(
                "n => document.querySelectorAll('[data-chart][data-drawn] svg').length >= n",
                arg=charts,
            )
            page.wait_for_timeout(1200)  # ECharts' entry animation
            page.screenshot(path=str(out), full_page=True)
            print(f"{out}：{username} {path}")
            context.close()
        browser.close()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    ap.add_argument("--unit", default="unit12", help="the unit account whose 评分表 is shot")
    args = ap.parse_args()
    if not Path(CHROMIUM).exists():
        print(f"没有 {CHROMIUM}：请先 apt-get install -y chromium fonts-noto-cjk", file=sys.stderr)
        return 2
    if not has_cjk_font():
        print("没有中文字体：请先 apt-get install -y fonts-noto-cjk", file=sys.stderr)
        return 2
    args.out.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix="zwgk-shots-"))
    proc = None
    try:
        info = prepare(tmp)
        port = free_port()
        proc = start_server(argparse.Namespace(server="runserver"), tmp, port)
        base = f"http://127.0.0.1:{port}"
        asyncio.run(wait_up(base, proc))
        rid = info["round"]
        shoot(
            base,
            [
                ("kaohe", f"/r/{rid}/ranking/", args.out / "ranking.png"),
                (
                    args.unit,
                    f"/r/{rid}/sheet/{info['units'][args.unit]}/",
                    args.out / "score-sheet.png",
                ),
                ("kaohe", f"/r/{rid}/audit/", args.out / "audit.png"),
                ("pingfen", f"/r/{rid}/ledger/application/", args.out / "register.png"),
            ],
        )
        return 0
    finally:
        if proc is not None:
            stop_server(proc)
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())

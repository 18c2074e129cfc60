"""Optional headless rendering (浏览器渲染) of column list pages, for what the script readers in
``zwgk.inspect.cms`` cannot reach: an office switches it on for one unusual site (``settings:
{render: true}``) or one column (``render: true``).

Pages are rendered in Debian's Chromium (``/usr/bin/chromium``, the ``chromium`` setting) through
Playwright — never a browser Playwright downloads. One page at a time, at the site's rate, at most
``render_pages`` pages a site; images, fonts and media are not loaded (the list's markup is what
counts). When Playwright or Chromium is missing the crawl goes on without rendering and the report
says why.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import time
from typing import Any

from zwgk.inspect.config import Settings


def _playwright():
    """Playwright's entry point, or None when it is not installed. Imported when a site asks for
    rendering, not at start-up: importing it costs every inspection about half a second."""
    try:  # an optional dependency (pip install 'zwgk[render]' or the dev extras)
        from playwright.async_api import async_playwright
    except ImportError:  # pragma: no cover - depends on the installation
        return None
    return async_playwright


_SKIP_TYPES = {"image", "font", "media"}


class Renderer:
    """Renders pages in one Chromium for the whole inspection; ``async with Renderer(settings)``."""

    def __init__(self, settings: Settings, enabled: bool = True):
        self.s = settings
        self.enabled = enabled
        self.error: str | None = None
        self._pw: Any = None
        self._browser: Any = None
        self._lock = asyncio.Lock()
        self._next = 0.0

    async def __aenter__(self) -> Renderer:
        if not self.enabled:
            return self
        async_playwright = _playwright()
        if async_playwright is None:
            self.error = "未安装 Playwright（pip install playwright），浏览器渲染未启用"
            return self
        if not os.path.exists(self.s.chromium):
            self.error = f"未找到 Chromium（{self.s.chromium}；Debian：apt-get install chromium），浏览器渲染未启用"
            return self
        try:
            self._pw = await async_playwright().start()
            self._browser = await self._pw.chromium.launch(
                executable_path=self.s.chromium, headless=True, args=["--no-sandbox"]
            )
        except Exception as exc:  # a broken browser must not stop the inspection
            self.error = f"Chromium 无法启动：{type(exc).__name__} {str(exc)[:200]}"
            await self.__aexit__()
        return self

    async def __aexit__(self, *exc: object) -> None:
        if self._browser is not None:
            await self._browser.close()
            self._browser = None
        if self._pw is not None:
            await self._pw.stop()
            self._pw = None

    async def render(self, url: str) -> tuple[str, float, str | None]:
        """(rendered HTML, seconds it took, error or None)."""
        if self._browser is None:
            return "", 0.0, self.error or "浏览器渲染未启用"
        async with self._lock:
            if self.s.rate > 0:
                wait = self._next - time.monotonic()
                if wait > 0:
                    await asyncio.sleep(wait)
                self._next = time.monotonic() + 1.0 / self.s.rate
            start = time.monotonic()
            context = await self._browser.new_context(user_agent=self.s.user_agent)
            try:
                page = await context.new_page()
                await page.route("**/*", _skip_heavy)
                await page.goto(url, wait_until="load", timeout=self.s.render_timeout * 1000)
                # a page that keeps polling: take what is there after 3 s
                with contextlib.suppress(Exception):
                    await page.wait_for_load_state("networkidle", timeout=3000)
                html = await page.content()
                return html, time.monotonic() - start, None
            except Exception as exc:
                return "", time.monotonic() - start, f"渲染失败：{type(exc).__name__}"
            finally:
                await context.close()


async def _skip_heavy(route: Any) -> None:
    if route.request.resource_type in _SKIP_TYPES:
        await route.abort()
    else:
        await route.continue_()

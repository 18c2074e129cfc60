"""Check a text (文稿检查): the inspector's privacy and wording checks, each problem with its
character offsets, for ``zwgk text check`` and the web app's 发布前检查.

The detectors are the inspector's own (``privacy_idcard.find_ids``, ``privacy_mobile.find_mobiles``,
``privacy_bankcard.find_cards``, ``wording.find``) with the catalogue's ids, severities and
thresholds; only the reporting differs: one ``TextFinding`` per place instead of one finding per
page, since a writer fixes places.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from zwgk.inspect.checks import content_common as cc
from zwgk.inspect.checks import wording
from zwgk.inspect.checks.privacy_bankcard import find_cards
from zwgk.inspect.checks.privacy_idcard import find_ids
from zwgk.inspect.checks.privacy_mobile import find_mobiles

Finder = Callable[[str, dt.date], list[tuple[int, int, str]]]
PRIVACY: tuple[tuple[str, str, Finder], ...] = (
    ("privacy-idcard", "身份证号码", lambda text, today: find_ids(text, today)),
    (
        "privacy-mobile",
        "手机号码",
        lambda text, _today: find_mobiles(
            text, cc.info("privacy-mobile").thresholds.get("skip_public_contacts", True)
        ),
    ),
    ("privacy-bankcard", "银行卡号", lambda text, _today: find_cards(text)),
)


@dataclass(frozen=True)
class Options:
    """An office's additions: protected words and its own wrong → right pairs."""

    protected: tuple[str, ...] = ()
    typos: tuple[tuple[str, str], ...] = ()
    serious: tuple[tuple[str, str], ...] = ()
    today: dt.date | None = None


# What to do with each finding of a draft: nothing is deducted before publishing, so a draft's
# finding says how sure the check is and what is needed, not the inspection's 单项否决/扣分/提示.
ACTION_ZH = {
    "privacy-idcard": "须遮挡",
    "privacy-bankcard": "须遮挡",
    "privacy-mobile": "请核对能否公开",
    "wording-serious": "严重错误，须改正",
    "wording-typo": "错误，请改正",
    "wording-suspect": "疑似，请核对",
}
SEVERITY_ACTION = {"veto": "须改正", "deduction": "请改正", "warning": "请核对"}


@dataclass(frozen=True)
class TextFinding:
    """One problem at one place: ``text[start:end]`` is ``wrong``; ``line`` is 1-based (only
    when lines are checked one by one, offsets then count within the line)."""

    check: str
    severity: str
    message: str
    wrong: str
    suggested: str | None
    start: int
    end: int
    line: int | None = None
    data: dict[str, Any] = field(default_factory=dict, compare=False)

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "check": self.check,
            "severity": self.severity,
            "message": self.message,
            "wrong": self.wrong,
            "suggested": self.suggested,
            "start": self.start,
            "end": self.end,
        }
        if self.line is not None:
            out["line"] = self.line
        return out

    @property
    def action(self) -> str:
        """What the writer of the draft should do (处理), in Chinese."""
        return ACTION_ZH.get(self.check) or SEVERITY_ACTION.get(self.severity, "请核对")


def _privacy(text: str, today: dt.date) -> list[TextFinding]:
    out = []
    for check_id, what, finder in PRIVACY:
        severity = cc.info(check_id).severity.value
        for start, end, number in finder(text, today):
            out.append(
                TextFinding(
                    check_id,
                    severity,
                    f"未遮挡的{what}，发布前应遮挡（如 {cc.mask_number(number)}）",
                    text[start:end],
                    cc.mask_number(number),
                    start,
                    end,
                )
            )
    return out


def _wording(text: str, options: Options) -> list[TextFinding]:
    settings = wording.Settings(
        protected=tuple(sorted(set(options.protected))),
        serious=tuple(sorted(set(options.serious))),
        typos=tuple(sorted(set(options.typos))),
    )
    out = []
    for h in wording.find(text, settings):
        out.append(
            TextFinding(
                h.check,
                cc.info(h.check).severity.value,
                f"疑似{wording.WHAT[h.check]}：“{h.wrong}”应为“{h.right}”",
                h.wrong,
                h.right,
                h.start,
                h.end,
                data={"category": h.category, "source": h.source},
            )
        )
    return out


def check_text(text: str, options: Options = Options()) -> list[TextFinding]:
    """Every privacy and wording problem in ``text``, in text order."""
    today = options.today or dt.date.today()
    found = _privacy(text, today) + _wording(text, options)
    return sorted(found, key=lambda f: (f.start, f.end, f.check))


def check_lines(text: str, options: Options = Options()) -> list[TextFinding]:
    """Each line of ``text`` checked on its own; offsets within the line, ``line`` 1-based."""
    out = []
    for number, line in enumerate(text.splitlines(), start=1):
        for f in check_text(line, options):
            out.append(
                TextFinding(
                    f.check,
                    f.severity,
                    f.message,
                    f.wrong,
                    f.suggested,
                    f.start,
                    f.end,
                    number,
                    f.data,
                )
            )
    return out

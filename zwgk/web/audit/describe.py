"""The audit trail in words: who did what, as a Chinese sentence, and what changed, with labels.

An event stores machine values (codes, ISO dates) for integrity; this module is the one place
that turns them into what an office reads: people by name, status codes by their Chinese label
(read from the recorded model's own ``choices``), dates as dates, lists joined with 、.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.apps import apps
from django.utils import timezone

from zwgk.inspect.checks.catalogue import title_of
from zwgk.web.audit.models import Event

FIELD_NAMES = {
    "status": "状态",
    "section": "记录类型",
    "indicator": "指标",
    "item": "情形",
    "count": "次数",
    "missing": "缺项",
    "amount": "分值",
    "value": "数值",
    "note": "说明",
    "source": "来源",
    "date": "日期",
    "score": "自评分",
    "statement": "情况说明",
    "answer": "答复",
    "review": "审核意见",
    "text": "内容",
    "reason": "理由",
    "evidence_deadline": "自评与材料截止时间",
    "objection_deadline": "异议截止时间",
    "notice_title": "通知标题",
    "deadline": "期限",
    "file": "文件",
    "files": "文件",
    "name": "文件名",
    "units": "单位",
    "created": "条数",
    "role": "角色",
    "username": "账号",
    "address": "地址",
    "ip_address": "地址",
    "scheme": "方案",
    "evidence": "材料",
    "fact": "记录",
    # 网站监测
    "finding": "发现编号",
    "check": "检查项",
    "target": "计入",
    "sites": "网站",
    "key": "代号",
    "port": "端口",
    "epoch": "起始时间",
    "homepage": "首页",
    "accounts": "账号数",
    "dates": "日期",
}
ROLES = {"assessor": "考核小组", "leader": "领导组", "unit": "被考核单位"}
HIDDEN = {"sha256", "at"}  # kept for integrity, not worth a reader's time


def _check_title(check_id: str) -> str | None:
    title = title_of(check_id)
    return title if title != check_id else None


# Codes whose labels are not a model's choices: a member's role, an inspector check's id.
CODE_LABELS = {"role": ROLES.get, "check": _check_title}

# Kinds of events for the filter: action prefix → label.
KINDS = {
    "round": "轮次与状态",
    "units": "单位名单",
    "accounts": "账号",
    "member": "账号",
    "signin": "登录与锁定",
    "self": "自评与材料",
    "evidence": "自评与材料",
    "na": "不适用申请",
    "fact": "评分记录",
    "facts": "评分记录",
    "objection": "异议",
    "task": "整改",
    "ledger": "日常工作记录",
}


def kind_choices() -> list[tuple[str, str]]:
    seen: dict[str, str] = {}
    for prefix, label in KINDS.items():
        seen.setdefault(label, prefix)
    return [(label, label) for label in seen]


def prefixes_of(kind_label: str) -> list[str]:
    return [p for p, label in KINDS.items() if label == kind_label]


def person(user) -> str:
    """A person as the office knows them: their name, else their login name."""
    if user is None:
        return "系统"
    return user.get_full_name() or user.username


_choices: dict[tuple[str, str], dict[str, str]] = {}


def _labels(object_type: str, field: str) -> dict[str, str]:
    """The Chinese labels of a field's codes, from the recorded model's own choices."""
    key = (object_type, field)
    if key not in _choices:
        labels: dict[str, str] = {}
        names = {"indicator": "indicator_id", "item": "item_id"}
        for model in apps.get_models():
            if model._meta.model_name == object_type:
                try:
                    f = model._meta.get_field(names.get(field, field))
                except Exception:  # FieldDoesNotExist: a snapshot key of its own
                    break
                labels = {str(k): str(v) for k, v in (f.choices or [])}
                break
        _choices[key] = labels
    return _choices[key]


def value_text(object_type: str, field: str, value) -> str:
    if value is None or value == "" or value == []:
        return "（空）"
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, list):
        return "、".join(value_text(object_type, field, v) for v in value)
    if isinstance(value, dict):
        return "；".join(
            f"{FIELD_NAMES.get(k, k)} {value_text('', k, v)}" for k, v in value.items()
        )
    text = str(value)
    code_label = CODE_LABELS.get(field)
    label = code_label(text) if code_label else _labels(object_type, field).get(text)
    if label:
        return label
    if len(text) >= 16 and text[4:5] == "-" and text[10:11] == "T":
        try:
            when = dt.datetime.fromisoformat(text)
        except ValueError:
            return text
        if timezone.is_aware(when):
            when = timezone.localtime(when)
        return f"{when:%Y-%m-%d %H:%M}"
    return text


@dataclass(frozen=True)
class Change:
    field: str
    before: str
    after: str


def changes(event: Event) -> list[Change]:
    """What changed, field by field, in words (fields that did not change are left out)."""
    before = event.before if isinstance(event.before, dict) else {}
    after = event.after if isinstance(event.after, dict) else {}
    out = []
    for key in list(dict.fromkeys([*before, *after])):
        if key in HIDDEN:
            continue
        old, new = before.get(key), after.get(key)
        if key in before and key in after and old == new:
            continue
        out.append(
            Change(
                FIELD_NAMES.get(key, key),
                value_text(event.object_type, key, old) if key in before else "",
                value_text(event.object_type, key, new) if key in after else "",
            )
        )
    return out


def sentence(event: Event) -> str:
    """“王主任 将 区教育局 C1.1.2 的扣分记录由 待确认 改为 已确认”."""
    return f"{person(event.actor)} {event.summary}"


def changes_text(event: Event) -> str:
    parts = []
    for c in changes(event):
        if c.before and c.after:
            parts.append(f"{c.field}：{c.before} → {c.after}")
        else:
            parts.append(f"{c.field}：{c.after or c.before}")
    return "；".join(parts)

"""Forms of the monitor (Django forms: every field checked, errors in Chinese)."""

from __future__ import annotations

import datetime as dt
import re
from urllib.parse import urlsplit

from django import forms

from zwgk.inspect.config import COLUMN_TYPES, TYPE_WORDS, ConfigError, parse_config
from zwgk.web.monitor.models import MonitoredSite, NewMediaAccount

TYPE_CHOICES = [
    ("dynamic", "动态要闻类"),
    ("notice", "通知公告类"),
    ("policy", "政策文件类"),
    ("key_area", "重点领域（按季度）"),
    ("guide", "信息公开指南"),
    ("org_functions", "机构职能"),
    ("annual_report", "年报"),
    ("other", "其他"),
]
PLATFORMS = ["微信公众号", "微博", "抖音", "今日头条", "快手", "视频号", "客户端（App）", "其他"]
_SPLIT = re.compile(r"\s*[|｜]\s*")
_DATE_SPLIT = re.compile(r"[\s,;，；、]+")
MIN_DATE, MAX_DATE = dt.date(2000, 1, 1), dt.date(2100, 12, 31)


def parse_columns(text: str) -> list[dict]:
    """``名称 | 网址 | 类型 | 更新要求`` per line → the inspector's column list (checked by it)."""
    out = []
    for n, line in enumerate(text.splitlines(), 1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        parts = _SPLIT.split(line)
        if len(parts) < 2:
            raise forms.ValidationError(
                f"第 {n} 行：应写作“名称 | 网址 | 类型 | 更新要求”，类型和更新要求可省略"
            )
        name, url = parts[0], parts[1]
        if urlsplit(url).scheme not in ("http", "https"):
            raise forms.ValidationError(f"第 {n} 行：网址“{url[:80]}”须以 http:// 或 https:// 开头")
        col = {"name": name[:100], "url": url[:700]}
        if len(parts) > 2 and parts[2]:
            kind = TYPE_WORDS.get(parts[2], parts[2])
            if kind not in COLUMN_TYPES:
                raise forms.ValidationError(
                    f"第 {n} 行：不认识的栏目类型“{parts[2][:20]}”（可写 动态、通知公告、政策文件、重点领域、指南、机构职能、年报、其他）"
                )
            col["type"] = kind
        if len(parts) > 3 and parts[3]:
            col["update"] = parts[3][:20]
        try:
            parse_config({"sites": [{"homepage": url, "columns": [col]}]}, source=f"第 {n} 行")
        except ConfigError as exc:
            raise forms.ValidationError(str(exc)) from None
        out.append(col)
    return out


def columns_text(columns: list[dict]) -> str:
    lines = []
    for c in columns or []:
        parts = [c.get("name", ""), c.get("url", ""), c.get("type", ""), str(c.get("update", ""))]
        while parts and not parts[-1]:
            parts.pop()
        lines.append(" | ".join(parts))
    return "\n".join(lines)


class SiteForm(forms.Form):
    unit = forms.ModelChoiceField(label="单位", queryset=None, empty_label="请选择单位")
    name = forms.CharField(label="网站名称", max_length=100)
    homepage = forms.CharField(
        label="首页地址", max_length=500, help_text="例如 http://www.xx.gov.cn/"
    )
    site_code = forms.CharField(label="网站标识码", max_length=20, required=False)
    columns = forms.CharField(
        label="栏目（不填则自动识别）",
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text="每行一个：名称 | 网址 | 类型 | 更新要求，如“工作动态 | http://www.xx.gov.cn/gzdt/ | 动态 | 2周”。",
    )
    probe_minutes = forms.IntegerField(
        label="可用性探测间隔（分钟）", min_value=0, max_value=1440, initial=30,
        help_text="0 为不探测；国家规定每天不少于 20 次，即间隔不超过 72 分钟。",
    )  # fmt: skip
    freshness_daily = forms.BooleanField(
        label="每天检查首页和栏目更新", required=False, initial=True
    )
    freshness_from = forms.TimeField(label="每日检查时段起", initial="01:00")
    freshness_to = forms.TimeField(label="每日检查时段止", initial="06:00")
    crawl_days = forms.IntegerField(
        label="全面检查间隔（天）",
        min_value=0,
        max_value=366,
        initial=7,
        help_text="0 为不定时全面检查",
    )
    max_pages = forms.IntegerField(
        label="每次最多抓取页面数", min_value=10, max_value=200000, initial=20000
    )
    rate = forms.FloatField(label="每秒最多请求数", min_value=0.1, max_value=50, initial=5)
    robots = forms.BooleanField(label="遵守 robots.txt", required=False, initial=True)
    alert_emails = forms.CharField(
        label="告警邮箱（多个用逗号分隔）", max_length=500, required=False
    )
    active = forms.BooleanField(label="启用监测", required=False, initial=True)

    def __init__(self, *args, round=None, site: MonitoredSite | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.round, self.site = round, site
        self.fields["unit"].queryset = round.units.all()

    def clean_homepage(self) -> str:
        url = self.cleaned_data["homepage"].strip()
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise forms.ValidationError(
                "首页地址须以 http:// 或 https:// 开头，如 http://www.xx.gov.cn/"
            )
        if not parts.path:
            url += "/"
        others = MonitoredSite.objects.filter(round=self.round, homepage=url)
        if self.site is not None:
            others = others.exclude(pk=self.site.pk)
        if others.exists():
            raise forms.ValidationError("这个首页地址已经登记过了")
        return url

    def clean_site_code(self) -> str:
        code = self.cleaned_data["site_code"].strip()
        if code and not code.isalnum():
            raise forms.ValidationError("网站标识码只含字母和数字（一般为 10 位）")
        return code

    def clean_columns(self) -> list[dict]:
        return parse_columns(self.cleaned_data.get("columns") or "")

    def clean_alert_emails(self) -> str:
        text = self.cleaned_data["alert_emails"].strip()
        for a in [a for a in re.split(r"[\s,;，；、]+", text) if a]:
            try:
                forms.EmailField().clean(a)
            except forms.ValidationError:
                raise forms.ValidationError(f"“{a[:60]}”不是有效的邮箱地址") from None
        return text

    def apply(self, site: MonitoredSite) -> MonitoredSite:
        d = self.cleaned_data
        for f in ("unit", "name", "homepage", "site_code", "columns", "probe_minutes",
                  "freshness_daily", "freshness_from", "freshness_to", "crawl_days",
                  "alert_emails", "active"):  # fmt: skip
            setattr(site, f, d[f])
        options = dict(site.options or {})
        options.update(max_pages=d["max_pages"], rate=d["rate"], robots=d["robots"])
        site.options = options
        return site

    @staticmethod
    def initial_for(site: MonitoredSite) -> dict:
        o = site.options or {}
        return {
            "unit": site.unit_id, "name": site.name, "homepage": site.homepage,
            "site_code": site.site_code, "columns": columns_text(site.columns),
            "probe_minutes": site.probe_minutes, "freshness_daily": site.freshness_daily,
            "freshness_from": site.freshness_from, "freshness_to": site.freshness_to,
            "crawl_days": site.crawl_days, "max_pages": o.get("max_pages", 20000),
            "rate": o.get("rate", 5), "robots": o.get("robots", True),
            "alert_emails": site.alert_emails, "active": site.active,
        }  # fmt: skip


class DismissForm(forms.Form):
    reason = forms.CharField(
        label="排除理由", max_length=2000, widget=forms.Textarea(attrs={"rows": 2})
    )


class RequestForm(forms.Form):
    statement = forms.CharField(
        label="申请复核的理由", max_length=3000, widget=forms.Textarea(attrs={"rows": 3})
    )


class BindingForm(forms.Form):
    check_id = forms.ChoiceField(label="检查项")
    severity = forms.ChoiceField(
        label="仅限程度",
        required=False,
        choices=[("", "不限"), ("veto", "单项否决"), ("deduction", "扣分"), ("warning", "提示")],
    )
    target = forms.ChoiceField(label="计入")

    def __init__(self, *args, checks=(), targets=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["check_id"].choices = list(checks)
        self.fields["target"].choices = list(targets)


def parse_dates(text: str) -> list[dt.date]:
    """Dates separated by spaces, commas or 、: 2024-03-05, 2024/3/5 or 2024年3月5日."""
    out = []
    for raw in [t for t in _DATE_SPLIT.split(text or "") if t]:
        out.append(parse_date(raw))
    return out


_DATE = re.compile(r"^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$")


def parse_date(raw) -> dt.date:
    if isinstance(raw, dt.datetime):
        raw = raw.date()
    if isinstance(raw, dt.date):
        d = raw
    else:
        m = _DATE.match(re.split(r"[T ]", str(raw).strip(), maxsplit=1)[0])
        if not m:
            raise ValueError(f"“{str(raw)[:30]}”不是日期（应写作 2024-03-05）")
        try:
            d = dt.date(int(m[1]), int(m[2]), int(m[3]))
        except ValueError:
            raise ValueError(f"“{raw}”不是有效的日期") from None
    if not MIN_DATE <= d <= MAX_DATE:
        raise ValueError(f"日期 {d.isoformat()} 超出范围（2000 至 2100 年）")
    return d


class AccountForm(forms.ModelForm):
    platform = forms.ChoiceField(label="平台", choices=[(p, p) for p in PLATFORMS])

    class Meta:
        model = NewMediaAccount
        fields = [
            "unit", "platform", "name", "handle", "opened", "approval", "approval_ref", "closed",
            "checked_from", "checked_until", "note",
        ]  # fmt: skip
        widgets = {
            f: forms.DateInput(attrs={"type": "date"})
            for f in ("opened", "closed", "checked_from", "checked_until")
        }

    def __init__(self, *args, round=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.round = round
        self.fields["unit"].queryset = round.units.all()
        self.fields["unit"].label = "单位"  # the model's ForeignKey has no Chinese name
        self.fields["unit"].empty_label = "请选择单位"
        self.instance.round = round

    def clean(self):
        data = super().clean()
        for f in ("opened", "closed", "checked_from", "checked_until"):
            d = data.get(f)
            if d and not MIN_DATE <= d <= MAX_DATE:
                self.add_error(f, "日期超出范围（2000 至 2100 年）")
        start, end = data.get("checked_from"), data.get("checked_until")
        if start and end and end < start:
            self.add_error("checked_until", "核查截至日期早于起始日期")
        return data


class UpdatesForm(forms.Form):
    dates = forms.CharField(
        label="更新日期",
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="可一次填多个，用逗号、顿号或换行分隔，如 2024-03-05、2024-03-12",
    )

    def clean_dates(self) -> list[dt.date]:
        try:
            return parse_dates(self.cleaned_data["dates"])
        except ValueError as exc:
            raise forms.ValidationError(str(exc)) from None


class ImportForm(forms.Form):
    file = forms.FileField(label="月度检查表（.xlsx 或 .csv）")
    month = forms.CharField(
        label="表格所属月份",
        max_length=7,
        required=False,
        help_text="如 2024-03；填写后视为该月更新情况已全部登记",
    )

    def clean_month(self) -> tuple[dt.date, dt.date] | None:
        text = self.cleaned_data["month"].strip()
        if not text:
            return None
        m = re.match(r"^(\d{4})[-/.年](\d{1,2})月?$", text)
        if not m or not 1 <= int(m[2]) <= 12 or not 2000 <= int(m[1]) <= 2100:
            raise forms.ValidationError("月份应写作 2024-03")
        start = dt.date(int(m[1]), int(m[2]), 1)
        nxt = dt.date(start.year + (start.month == 12), start.month % 12 + 1, 1)
        return start, nxt - dt.timedelta(days=1)

"""The monitor's web test base: the web tests' round (mini scheme, a user of every role) with a
monitored site and a binding of the freshness and link checks to the scheme's S2.1 ``late``."""

from __future__ import annotations

from tests.web.base import BaseTestCase
from zwgk.web.monitor.models import Binding, MonitoredSite


class MonitorTestCase(BaseTestCase):
    def site(self, homepage: str, unit=None, **kw) -> MonitoredSite:
        fields = {
            "name": "甲镇人民政府网站",
            "probe_minutes": 30,
            "crawl_days": 7,
            "options": {"rate": 0, "concurrency": 8, "robots": False},
        }
        fields.update(kw)
        return MonitoredSite.objects.create(
            round=self.round, unit=unit or self.jia, homepage=homepage, **fields
        )

    def bind(
        self, check: str = "freshness", indicator: str = "S2.1", fault: str = "late"
    ) -> Binding:
        return Binding.objects.create(
            round=self.round, check_id=check, indicator_id=indicator, fault_id=fault
        )

"""The monitor in the web app, end to end without a broker: a site registered, its freshness pass
and full crawl run by the same task code the workers run, findings sorted new / still / gone,
confirmed into a pending fact with a saved copy, dismissed for good."""

from __future__ import annotations

import datetime as dt

from django.core import mail
from django.utils import timezone

from tests.monitor.base import MonitorTestCase
from tests.monitor.servers import SwitchSite, TinySite, Webhook
from zwgk.monitor.history import ProbeRecord
from zwgk.web.desk.models import Fact
from zwgk.web.desk.scoring import round_result
from zwgk.web.monitor import dispatch, jobs, services
from zwgk.web.monitor.models import Column, Finding, Probe, Run, RunFinding
from zwgk.web.portal.models import Evidence


class FlowTest(MonitorTestCase):
    def run_now(self, site, kind: str) -> Run:
        run = Run.objects.create(
            site=site, kind=kind, slot=timezone.now() + dt.timedelta(seconds=Run.objects.count())
        )
        assert jobs.execute(run.pk) == jobs.DONE
        run.refresh_from_db()
        return run

    def test_it_crawls_a_site_and_sorts_its_findings_into_new_still_and_gone(self):
        with TinySite() as tiny:
            site = self.site(tiny.base)
            first = self.run_now(site, Run.Kind.CRAWL)
            assert first.state == Run.State.DONE and first.summary["pages"] == 6
            crawl = Finding.objects.filter(site=site, source=Finding.Source.CRAWL)
            fresh = Finding.objects.filter(site=site, source=Finding.Source.FRESHNESS)
            assert crawl.filter(check_id__startswith="links-").exists()
            assert fresh.filter(check_id="freshness-column-stale").exists()
            # The monitor judges time rules from history, not the crawl's own snapshot.
            assert not crawl.filter(check_id__startswith="freshness-").exists()
            assert Column.objects.filter(
                site=site, is_homepage=True, last_read__isnull=False
            ).exists()
            n_new = RunFinding.objects.filter(run=first, status="new").count()
            assert n_new == crawl.count() + fresh.count()
            second = self.run_now(site, Run.Kind.CRAWL)
            assert not RunFinding.objects.filter(run=second).exists()  # nothing new, nothing gone
            summary = second.summary
            assert summary["still"] + summary["fresh_still"] == n_new
            assert summary["new"] == summary["gone"] == summary["fresh_new"] == 0
        # The site is gone: the next pass finds the homepage unreachable; content findings stay
        # (a crawl of nothing says nothing), freshness findings of unreadable columns are gone.
        third = self.run_now(site, Run.Kind.FRESHNESS)
        assert third.state == Run.State.DONE
        assert RunFinding.objects.filter(run=third, status="gone").exists()

    def test_it_confirms_a_finding_into_a_pending_fact_with_a_saved_copy_and_the_score_moves(self):
        self.bind("freshness-column-stale")
        with TinySite() as tiny:
            site = self.site(tiny.base)
            self.run_now(site, Run.Kind.FRESHNESS)
            f = Finding.objects.filter(site=site, check_id="freshness-column-stale").first()
            before = round_result(self.round)[0].unit("甲镇").total
            self.login(self.assessor)
            resp = self.client.post(self.url("monitor_confirm", finding_id=f.pk))
            assert resp.status_code == 302
        f.refresh_from_db()
        assert f.review == Finding.Review.CONFIRMED and f.fact is not None
        fact = f.fact
        assert (fact.status, fact.indicator_id, fact.item_id) == ("pending", "S2.1", "late")
        assert fact.date == timezone.localtime(f.first_seen).date()
        assert f.url in fact.note and "首次发现" in fact.note
        ev = fact.evidence
        assert ev is not None and ev.purpose == "finding" and ev.kind == "html" and ev.size > 100
        assert Evidence.objects.filter(unit=self.jia, purpose="finding").count() == 1
        # Pending: the score has not moved; the desk confirms it and it moves.
        self.round.refresh_from_db()
        assert round_result(self.round)[0].unit("甲镇").total == before
        self.client.post(self.url("fact_status", fact_id=fact.pk), {"status": "confirmed"})
        self.round.refresh_from_db()
        assert round_result(self.round)[0].unit("甲镇").total == before - 1
        # Confirming again makes no second fact.
        self.client.post(self.url("monitor_confirm", finding_id=f.pk))
        assert Fact.objects.filter(origin=f"监测:{f.pk}").count() == 1

    def test_it_says_so_when_the_page_cannot_be_copied_at_confirm_time(self):
        self.bind("freshness-column-stale")
        with TinySite() as tiny:
            site = self.site(tiny.base)
            self.run_now(site, Run.Kind.FRESHNESS)
        # The site is gone by the time the assessor confirms: the fact is made, without a copy.
        f = Finding.objects.filter(site=site, check_id="freshness-column-stale").first()
        self.login(self.assessor)
        resp = self.client.post(self.url("monitor_confirm", finding_id=f.pk), follow=True)
        f.refresh_from_db()
        assert f.fact is not None and f.fact.evidence is None and f.snapshot is None
        assert "未能保存页面副本：无法连接" in f.fact.note
        assert f"待确认记录#{f.fact.pk}没有页面副本" in resp.content.decode()

    def test_it_keeps_a_dismissed_finding_dismissed_on_later_runs(self):
        with TinySite() as tiny:
            site = self.site(tiny.base)
            self.run_now(site, Run.Kind.CRAWL)
            f = Finding.objects.filter(site=site, check_id="links-dead").first()
            self.login(self.assessor)
            resp = self.client.post(
                self.url("monitor_dismiss", finding_id=f.pk), {f"d{f.pk}-reason": ""}
            )
            f.refresh_from_db()
            assert f.review == Finding.Review.NEW  # no reason, no dismissal
            self.client.post(
                self.url("monitor_dismiss", finding_id=f.pk),
                {f"d{f.pk}-reason": "外部系统维护，已核实"},
            )
            f.refresh_from_db()
            assert f.review == Finding.Review.DISMISSED
            run = self.run_now(site, Run.Kind.CRAWL)
        f.refresh_from_db()
        assert f.review == Finding.Review.DISMISSED and f.present
        assert not RunFinding.objects.filter(run=run, finding=f).exists()
        resp = self.client.get(self.url("monitor_review"))
        assert resp.status_code == 200 and f'finding-{f.pk}"' not in resp.content.decode()

    def test_it_says_nothing_is_confirmed_without_a_binding(self):
        with TinySite() as tiny:
            site = self.site(tiny.base)
            self.run_now(site, Run.Kind.FRESHNESS)
        f = Finding.objects.filter(site=site).exclude(check_id__startswith="availability").first()
        self.login(self.assessor)
        resp = self.client.post(self.url("monitor_confirm", finding_id=f.pk), follow=True)
        assert "还没有对应的考核指标" in resp.content.decode()
        f.refresh_from_db()
        assert f.review == Finding.Review.NEW and f.fact is None
        # A target chosen on the review page works without a binding; a forged one is refused.
        resp = self.client.post(
            self.url("monitor_confirm", finding_id=f.pk), {"target": "findings|S9.9|x"}, follow=True
        )
        assert resp.status_code == 200
        f.refresh_from_db()
        assert f.fact is None
        self.client.post(
            self.url("monitor_confirm", finding_id=f.pk), {"target": "findings|S2.1|missed"}
        )
        f.refresh_from_db()
        assert (f.fact.indicator_id, f.fact.item_id) == ("S2.1", "missed")


class ScheduleTest(MonitorTestCase):
    """The dispatcher, a week of simulated clock, real probes of a real server."""

    def simulate(self, failures: int) -> tuple:
        with SwitchSite() as up, Webhook() as hook, self.settings(MONITOR_WEBHOOK_URL=hook.url):
            self.hook = hook
            site = self.site(
                up.base,
                probe_minutes=72,
                crawl_days=0,
                freshness_daily=False,
                alert_emails="ops@xx.gov.cn",
            )
            start = timezone.make_aware(dt.datetime(2024, 5, 6, 0, 0))
            sent = []

            class Local:
                def submit_probe(self, site_id, slot):
                    sent.append(slot)
                    up.mode = "down" if 20 < len(sent) <= 20 + failures else "up"
                    jobs.probe(site_id, slot, now=slot)

                def wake(self):
                    pass

            now = start
            with self.captureOnCommitCallbacks(execute=True):  # alerts go once stored
                while now < start + dt.timedelta(days=8):
                    dispatch.tick(now, Local())
                    now += dt.timedelta(minutes=12)
        return site, sent

    def test_it_vetoes_exactly_at_five_percent_of_a_week_of_scheduled_probes(self):
        site, sent = self.simulate(failures=7)
        per_day = {}
        for s in sent:
            day = timezone.localtime(s).date()
            per_day[day] = per_day.get(day, 0) + 1
        week = [dt.date(2024, 5, 6) + dt.timedelta(days=i) for i in range(7)]
        assert [per_day[d] for d in week] == [20] * 7  # 72 minutes: 20 probes every day
        veto = Finding.objects.get(site=site, check_id="availability-week")
        assert veto.severity == "veto" and veto.present
        assert veto.data["probes"] == 140 and veto.data["failed"] == 7
        assert veto.data["start"] == "2024-05-06" and veto.data["end"] == "2024-05-12"
        # Down and back: raised once and cleared once, by e-mail.
        down = Finding.objects.get(site=site, check_id="availability-down")
        assert not down.present
        subjects = [m.subject for m in mail.outbox]
        assert sum("网站监测告警" in s for s in subjects) == 2  # down, then the week veto
        assert sum("网站监测恢复" in s for s in subjects) == 1
        assert all(m.to == ["ops@xx.gov.cn"] for m in mail.outbox)
        # The same three went to the office's webhook, as JSON.
        posted = [(h["kind"], h["check"]) for h in self.hook.received]
        assert posted == [
            ("raised", "availability-down"),
            ("cleared", "availability-down"),
            ("raised", "availability-week"),
        ]
        assert self.hook.received[0]["unit"] == "甲镇" and self.hook.received[0]["site"]

    def test_it_does_not_veto_six_failures_in_a_week(self):
        site, _ = self.simulate(failures=6)
        assert not Finding.objects.filter(site=site, check_id="availability-week").exists()

    def test_it_dispatches_each_slot_once_however_often_it_ticks(self):
        with SwitchSite() as up:
            site = self.site(up.base, probe_minutes=30, crawl_days=7)
            now = timezone.now()
            calls = []

            class Local:
                def submit_probe(self, site_id, slot):
                    calls.append(slot)

                def wake(self):
                    calls.append("run")

            for _ in range(3):
                dispatch.tick(now, Local())
            assert calls.count("run") == 2  # the day's freshness pass and the first crawl
            assert len([c for c in calls if c != "run"]) == 1
            assert Run.objects.filter(site=site).count() == 2
            services.evaluate_availability(site)


class PruneTest(MonitorTestCase):
    def test_it_drops_probes_older_than_the_keeping_period_and_keeps_the_rest(self):
        site = self.site("http://www.jia.gov.cn/")
        now = timezone.now()
        for days in (500, 401, 399, 1):
            at = now - dt.timedelta(days=days)
            services.record_probe(site, at, ProbeRecord(at, True, 0.2, 200))
        with self.settings(MONITOR_KEEP_DAYS=400):
            dispatch._pruned.clear()
            assert dispatch.prune(now) == 2
            assert dispatch.prune(now + dt.timedelta(minutes=5)) == 0  # once an hour
        assert Probe.objects.filter(site=site).count() == 2

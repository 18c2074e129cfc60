"""No input gets a server error: out-of-range and malformed values posted to every form and import.

Every POST view (and the GET filters) receives, field by field, values an office or an attacker
might send: empty, words for numbers, 10^21, NaN, a date of year 1 or 10000, a NUL byte, 3,000
characters, ids that do not exist or do not fit a database integer. Every import receives a garbled
file and a table whose cells are out of range. The answer is never a 500 (the test client raises
the server's exception), and never shows a server path.
"""

from __future__ import annotations

import itertools

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from tests.web.base import PDF, BaseTestCase
from tests.web.test_round import xlsx
from zwgk.web.desk.models import Objection
from zwgk.web.portal.models import NARequest
from zwgk.web.rectify.models import Task
from zwgk.web.rounds.models import Round

BAD = [
    "",
    "abc",
    "-1",
    "1e21",
    "1" + "0" * 21,
    "NaN",
    "0001-01-01T00:00",
    "10000-01-01",
    "x\x00y",
    "长" * 3000,
]
HUGE_ID = 10**20

FIELDS = {
    "round_settings": ["evidence_deadline", "objection_deadline", "notice_title", "notice_text"],
    "member_add": ["username", "full_name", "role"],
    "indicator": ["score", "statement"],
    "na_request": ["reason"],
    "fact_add": [
        "section",
        "indicator",
        "item",
        "pick",
        "count",
        "missing",
        "amount",
        "value",
        "date",
        "status",
        "evidence",
        "source",
        "note",
    ],
    "fact_status": ["status", "reason"],
    "bulk": ["rule", "units", "count", "amount", "date", "status", "note"],
    "na_decide": ["decision", "answer"],
    "objection_answer": ["decision", "answer"],
    "objection_new": ["statement"],
    "tasks_create": ["deadline", "unit", "title", "detail"],
    "task_report": ["text"],
    "task_review": ["decision", "review"],
    "inspection_to_metric": ["indicator"],
    "round_transition": ["reason"],
}
BASE = {  # a valid-looking rest of the form, so each bad value is the one the view meets
    "fact_add": {"section": "findings", "indicator": "S2.1", "item": "late", "count": "1"},
    "bulk": {"rule": "findings|S2.1|late", "units": "1", "count": "1"},
    "tasks_create": {"deadline": "2025-01-31"},
    "objection_answer": {"decision": "upheld", "answer": "答复"},
    "task_review": {"decision": "return", "review": "理由"},
    "member_add": {"username": "newbie", "role": "assessor"},
    "round_settings": {"notice_title": "通知"},
}


class BadInputTestCase(BaseTestCase):
    def setUp(self) -> None:
        super().setUp()
        self.f = self.fact()
        self.na = NARequest.objects.create(
            round=self.round, unit=self.jia, indicator_id="S1.1", reason="无此项工作"
        )
        self.obj = Objection.objects.create(
            round=self.round, unit=self.jia, fact=self.f, statement="异议"
        )
        self.task = Task.objects.create(
            round=self.round, unit=self.jia, title="整改", deadline="2025-01-31"
        )
        self.kwargs = {
            "indicator": {"indicator_id": "S1.1"},
            "na_request": {"indicator_id": "S1.1"},
            "fact_add": {"unit_id": self.jia.pk},
            "fact_status": {"fact_id": self.f.pk},
            "na_decide": {"na_id": self.na.pk},
            "objection_answer": {"objection_id": self.obj.pk},
            "objection_new": {"fact_id": self.f.pk},
            "task_report": {"task_id": self.task.pk},
            "task_review": {"task_id": self.task.pk},
            "round_transition": {"action": "approve"},
        }
        self.who = {
            "indicator": self.unit_user,
            "na_request": self.unit_user,
            "objection_new": self.unit_user,
            "task_report": self.unit_user,
            "round_transition": self.leader,
        }

    def clean(self, response) -> None:
        body = response.content.decode("utf-8", "replace")
        self.assertLess(response.status_code, 500)
        for leak in ("/tmp/", "/work/", "Traceback", "site-packages"):
            self.assertNotIn(leak, body)

    def post_all(self, status: str) -> None:
        Round.objects.filter(pk=self.round.pk).update(status=status)
        for view, fields in FIELDS.items():
            self.client.force_login(self.who.get(view, self.admin))
            url = self.url(view, **self.kwargs.get(view, {}))
            for field, value in itertools.product(fields, BAD):
                with self.subTest(view=view, field=field, value=value[:20], status=status):
                    data = dict(BASE.get(view, {}))
                    data[field] = value
                    self.clean(self.client.post(url, data))

    def test_no_form_answers_with_a_server_error_while_open(self):
        self.post_all(Round.Status.OPEN)

    def test_no_form_answers_with_a_server_error_in_the_objection_window(self):
        self.post_all(Round.Status.PRELIMINARY)

    def test_every_register_form_refuses_bad_values_in_words(self):
        self.login(self.assessor)
        for name in ("application", "message", "policy", "opinion", "report", "inspection"):
            url = self.url("register", name=name)
            form = self.client.get(url).context["form"]
            for field, value in itertools.product(form.fields, BAD):
                with self.subTest(register=name, field=field, value=value[:20]):
                    self.clean(self.client.post(url, {"unit": self.jia.pk, field: value}))

    def test_ids_that_do_not_exist_or_do_not_fit_are_not_found(self):
        self.login(self.admin)
        r = f"/r/{self.round.pk}/"
        for path in [
            f"/r/{HUGE_ID}/",
            f"{r}desk/unit/{HUGE_ID}/",
            f"{r}sheet/{HUGE_ID}/",
            f"{r}history/{HUGE_ID}/",
            f"{r}evidence/{HUGE_ID}/",
            f"{r}facts/{HUGE_ID}/status/",
            f"{r}members/{HUGE_ID}/reset/",
            f"{r}ledger/message/{HUGE_ID}/",
            f"{r}ledger/message/123456/",
        ]:
            with self.subTest(path=path):
                self.assertEqual(self.client.get(path).status_code, 404)
                self.assertIn(self.client.post(path).status_code, (404, 405))
        for view, kw in [
            ("indicator", {"indicator_id": "NO-SUCH"}),
            ("fact_add", {"unit_id": self.jia.pk}),
        ]:
            with self.subTest(view=view):
                self.clean(self.client.post(self.url(view, **kw), {"indicator": "NO-SUCH-ID"}))

    def test_the_audit_filters_take_any_query(self):
        self.login(self.admin)
        for field, value in itertools.product(("unit", "person", "kind", "since", "until"), BAD):
            with self.subTest(field=field, value=value[:20]):
                self.clean(self.client.get(self.url("audit"), {field: value, "page": value}))
                self.clean(self.client.get(self.url("audit_xlsx"), {field: value}))

    def test_sign_in_takes_any_value(self):
        for value in BAD:
            with self.subTest(value=value[:20]):
                self.clean(self.client.post("/login/", {"username": value, "password": value}))
                self.clean(self.client.post("/login/", {"username": value}, REMOTE_ADDR="10.1.1.1"))


def table(*rows) -> SimpleUploadedFile:
    return SimpleUploadedFile("表.xlsx", xlsx([list(r) for r in rows]))


GARBLED = [
    SimpleUploadedFile("表.xlsx", b"PK\x03\x04garbage"),
    SimpleUploadedFile("表.csv", b"\xff\xfe\x00\x00\x00garbage\x00"),
    SimpleUploadedFile("表.xlsx", b""),
    SimpleUploadedFile("表.pdf", PDF),
    SimpleUploadedFile("表.yaml", b"facts: [: bad"),
]


class BadImportTestCase(BaseTestCase):
    def clean(self, response) -> None:
        BadInputTestCase.clean(self, response)

    def imports(self, view: str, user, tables, **kw) -> None:
        self.client.force_login(user)
        url = self.url(view, **kw)
        for i, upload in enumerate(GARBLED + tables):
            upload.seek(0)
            with self.subTest(view=view, file=i):
                self.clean(self.client.post(url, {"file": upload}, follow=True))

    def test_the_facts_import_refuses_out_of_range_values(self):
        head = ["类型", "单位", "指标", "情形", "次数", "日期", "分值"]
        rows = [
            ["扣分", "甲镇", "S2.1", "late", 10**21, "2024-03-05", ""],
            ["扣分", "甲镇", "S2.1", "late", "1", "0001-01-01", ""],
            ["扣分", "甲镇", "S2.1", "late", "1", "2024-13-45", ""],
            ["扣分", "甲镇", "NO-SUCH", "late", "1", "", ""],
            ["扣分", "甲镇", "S2.1", "late", "-3", "", "1e400"],
            ["扣分", "甲镇", "S2.1", "late", "NaN", "", "NaN"],
            ["外部计分", "甲镇", "S1.1", "", "", "", "1" + "0" * 30],
            ["外部计分", "甲镇", "S1.1", "", "", "", "Infinity"],
        ]
        self.imports("facts_import", self.assessor, [table(head, r) for r in rows])
        from zwgk.web.desk.models import Fact

        self.assertEqual(Fact.objects.count(), 0)

    def test_the_units_import_refuses_bad_rows(self):
        head = ["单位名称", "类别", "标签", "联系人", "联系电话"]
        rows = [
            ["", "A"],
            ["甲镇", "Z"],
            ["长" * 500, "A"],
            ["丁镇", ""],
            ["戊镇", "乡镇街道", "没有的标签"],
        ]
        self.imports("units_import", self.admin, [table(head, r) for r in rows])

    def test_every_register_import_refuses_bad_rows(self):
        for name in ("application", "message", "policy", "opinion", "report", "inspection"):
            self.client.force_login(self.assessor)
            form = self.client.get(self.url("register", name=name)).context["form"]
            labels = ["单位", "编号"] + [
                str(f.label) for n, f in form.fields.items() if n not in ("unit", "ref")
            ]
            tables = [
                table(labels, ["甲镇", "X-1", *[value] * (len(labels) - 2)])
                for value in ("0001-01-01", "1e21", "abc", "10000-01-01", "-1", "NaN")
            ]
            self.imports("register_import", self.assessor, tables, name=name)

    def test_a_scheme_upload_that_is_not_a_scheme_is_refused(self):
        self.client.force_login(self.admin)
        for i, upload in enumerate(GARBLED):
            upload.seek(0)
            for year in ("2024", "1", "99999999999999999999", "abc"):
                with self.subTest(file=i, year=year):
                    r = self.client.post(
                        reverse("round_new"),
                        {"year": year, "name": "新轮次", "scheme_file": upload},
                    )
                    self.clean(r)
                    upload.seek(0)

from django.urls import path, register_converter

from zwgk.web import errors
from zwgk.web.accounts import views as accounts
from zwgk.web.audit import views as audit
from zwgk.web.desk import views as desk
from zwgk.web.monitor import views as monitor
from zwgk.web.office import views as office
from zwgk.web.portal import views as portal
from zwgk.web.precheck import views as precheck
from zwgk.web.rectify import views as rectify
from zwgk.web.registers import views as registers
from zwgk.web.results import views as results


class IdConverter:
    """A database id: digits that fit the id column (longer ones are 404, not a server error)."""

    regex = "[0-9]{1,18}"

    def to_python(self, value: str) -> int:
        return int(value)

    def to_url(self, value: int) -> str:
        return str(value)


register_converter(IdConverter, "id")
R = "r/<id:round_id>/"

urlpatterns = [
    path("", accounts.home, name="home"),
    path("login/", accounts.login, name="login"),
    path("logout/", accounts.logout, name="logout"),
    path("password/", accounts.password, name="password"),
    path("signin/locks/", accounts.signin_locks, name="signin_locks"),
    path("rounds/new/", office.round_new, name="round_new"),
    path(R, office.round_home, name="round"),
    path(R + "settings/", office.round_settings, name="round_settings"),
    path(R + "do/<slug:action>/", office.round_transition, name="round_transition"),
    path(R + "units/", office.units, name="units"),
    path(R + "units/import/", office.units_import, name="units_import"),
    path(R + "units/blank.xlsx", office.units_blank, name="units_blank"),
    path(R + "units/accounts/", accounts.unit_accounts, name="unit_accounts"),
    path(R + "units/accounts.xlsx", accounts.accounts_xlsx, name="accounts_xlsx"),
    path(R + "members/add/", accounts.member_add, name="member_add"),
    path(R + "members/<id:user_id>/reset/", accounts.password_reset, name="password_reset"),
    path(R + "accounts/issued.xlsx", accounts.issued_xlsx, name="issued_xlsx"),
    path(R + "accounts/issued/clear/", accounts.issued_clear, name="issued_clear"),
    path(R + "portal/", portal.portal, name="portal"),
    path(R + "portal/<str:indicator_id>/", portal.indicator, name="indicator"),
    path(R + "portal/<str:indicator_id>/upload/", portal.upload, name="upload"),
    path(R + "portal/<str:indicator_id>/na/", portal.na_request, name="na_request"),
    path(R + "evidence/<id:evidence_id>/", portal.evidence_file, name="evidence_file"),
    path(R + "desk/", desk.desk, name="desk"),
    path(R + "desk/bulk/", desk.bulk, name="bulk"),
    path(R + "desk/import/", desk.facts_import, name="facts_import"),
    path(R + "desk/import/blank.xlsx", desk.facts_blank, name="facts_blank"),
    path(R + "desk/unit/<id:unit_id>/", desk.desk_unit, name="desk_unit"),
    path(R + "desk/unit/<id:unit_id>/score/", desk.desk_score, name="desk_score"),
    path(R + "desk/unit/<id:unit_id>/facts/", desk.fact_add, name="fact_add"),
    path(R + "facts/<id:fact_id>/status/", desk.fact_status, name="fact_status"),
    path(R + "na/<id:na_id>/", desk.na_decide, name="na_decide"),
    path(R + "objections/", desk.objections, name="objections"),
    path(
        R + "objections/<id:objection_id>/answer/", desk.objection_answer, name="objection_answer"
    ),
    path(R + "facts/<id:fact_id>/object/", results.objection_new, name="objection_new"),
    path(R + "ranking/", results.ranking, name="ranking"),
    path(R + "ranking.xlsx", results.ranking_xlsx, name="ranking_xlsx"),
    path(R + "bulletin.docx", results.bulletin_docx, name="bulletin_docx"),
    path(R + "sheet/<id:unit_id>/", results.sheet, name="sheet"),
    path(R + "sheet/<id:unit_id>.xlsx", results.sheet_xlsx, name="sheet_xlsx"),
    path(R + "tasks/", rectify.tasks, name="tasks"),
    path(R + "tasks/create/", rectify.tasks_create, name="tasks_create"),
    path(R + "tasks/<id:task_id>/report/", rectify.task_report, name="task_report"),
    path(R + "tasks/<id:task_id>/review/", rectify.task_review, name="task_review"),
    path(R + "ledger/", registers.due_week, name="due_week"),
    path(R + "ledger/sync/", registers.ledger_sync, name="ledger_sync"),
    path(
        R + "ledger/inspection/metric/", registers.inspection_to_metric, name="inspection_to_metric"
    ),
    path(R + "ledger/<slug:name>/", registers.register, name="register"),
    path(R + "ledger/<slug:name>/import/", registers.register_import, name="register_import"),
    path(R + "ledger/<slug:name>/<id:entry_id>/", registers.register_entry, name="register_entry"),
    path(R + "precheck/", precheck.precheck, name="precheck"),
    path(R + "precheck/words/", precheck.word_add, name="precheck_word_add"),
    path(
        R + "precheck/words/<id:word_id>/delete/",
        precheck.word_delete,
        name="precheck_word_delete",
    ),
    path(R + "audit/", audit.audit, name="audit"),
    path(R + "audit.xlsx", audit.audit_xlsx, name="audit_xlsx"),
    path(R + "monitor/", monitor.home, name="monitor"),
    path(R + "monitor/sites/new/", monitor.site_new, name="monitor_site_new"),
    path(R + "monitor/sites/<id:site_id>/", monitor.site_page, name="monitor_site"),
    path(R + "monitor/sites/<id:site_id>/edit/", monitor.site_edit, name="monitor_site_edit"),
    path(R + "monitor/sites/<id:site_id>/live/", monitor.site_live, name="monitor_site_live"),
    path(R + "monitor/sites/<id:site_id>/run/", monitor.site_run, name="monitor_site_run"),
    path(R + "monitor/runs/<id:run_id>/", monitor.run_page, name="monitor_run"),
    path(R + "monitor/review/", monitor.review, name="monitor_review"),
    path(R + "monitor/findings/<id:finding_id>/", monitor.finding_page, name="monitor_finding"),
    path(
        R + "monitor/findings/<id:finding_id>/confirm/",
        monitor.finding_confirm,
        name="monitor_confirm",
    ),
    path(
        R + "monitor/findings/<id:finding_id>/dismiss/",
        monitor.finding_dismiss,
        name="monitor_dismiss",
    ),
    path(
        R + "monitor/findings/<id:finding_id>/request/",
        monitor.finding_request,
        name="monitor_request",
    ),
    path(R + "monitor/snapshots/<id:snapshot_id>/", monitor.snapshot_file, name="monitor_snapshot"),
    path(R + "monitor/bindings/", monitor.bindings, name="monitor_bindings"),
    path(
        R + "monitor/bindings/<id:binding_id>/delete/",
        monitor.binding_delete,
        name="monitor_binding_delete",
    ),
    path(R + "monitor/newmedia/", monitor.newmedia_home, name="monitor_newmedia"),
    path(R + "monitor/newmedia/import/", monitor.newmedia_import, name="monitor_newmedia_import"),
    path(R + "monitor/newmedia/<id:account_id>/", monitor.newmedia_account, name="monitor_account"),
    path(R + "history/<id:unit_id>/", audit.history, name="history"),
]

handler404 = errors.not_found
handler403 = errors.forbidden
handler400 = errors.bad_request
handler500 = errors.server_error

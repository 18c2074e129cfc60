import inspect

import pytest
import yaml

from zwgk.inspect.checks import annual_report
from zwgk.inspect.checks import catalogue as cat
from zwgk.inspect.model import Severity
from zwgk.monitor import catalogue as monitor_catalogue


def content_region() -> list[dict]:
    text = cat.CATALOGUE.read_text(encoding="utf-8")
    start = text.index("# --- page-level content checks")
    end = text.index("# --- end of page-level content checks ---")
    return yaml.safe_load(text[start:end])


def test_every_catalogue_entry_names_a_module_that_declares_it():
    entries = yaml.safe_load(cat.CATALOGUE.read_text(encoding="utf-8"))
    for e in entries:
        assert set(e) == set(cat.FIELDS), e["id"]
        Severity(e["severity"])
    declared = {i for m in cat.modules() for i in cat.declared_ids(m)}
    declared |= {i for m in monitor_catalogue.modules() for i in cat.declared_ids(m)}
    assert declared == {e["id"] for e in entries}


def test_it_gives_every_page_check_the_same_entry_point_and_a_docstring():
    for m in cat.page_modules():
        assert list(inspect.signature(m.check_page).parameters) == ["page", "role", "ctx"]
        ids = cat.declared_ids(m)
        assert m.__doc__ and m.__doc__.startswith(ids[0].rsplit("-", 1)[0])
        assert all(i.split("-")[0] in ("privacy", "wording", "elements") for i in ids)
    assert {e["id"] for e in content_region()} == {
        i for m in cat.page_modules() for i in cat.declared_ids(m)
    }


def test_site_checks_read_their_thresholds_from_the_catalogue(monkeypatch):
    t = cat.thresholds("freshness-homepage")
    assert (t["veto_days"], t["warn_days"]) == (14, 10)
    fake = {**cat.catalogue()}
    fake["annual-report-missing"] = cat.CheckInfo(
        **{
            **fake["annual-report-missing"].__dict__,
            "thresholds": {"government_deadline": "02-28", "department_deadline": "01-15"},
        }
    )
    monkeypatch.setattr(cat, "catalogue", lambda: fake)
    assert str(annual_report.deadline(2025, "government")) == "2026-02-28"
    assert str(annual_report.deadline(2025, "department")) == "2026-01-15"


def test_a_missing_check_module_is_an_error(monkeypatch):
    fake = {**cat.catalogue()}
    fake["links-dead"] = cat.CheckInfo(
        **{**fake["links-dead"].__dict__, "module": "not_written_yet"}
    )
    monkeypatch.setattr(cat, "catalogue", lambda: fake)
    cat.modules.cache_clear()
    try:
        with pytest.raises(cat.CatalogueError, match="not_written_yet"):
            cat.modules()
    finally:
        cat.modules.cache_clear()


def test_an_id_the_module_does_not_declare_is_an_error(monkeypatch):
    fake = {**cat.catalogue()}
    fake["links-dead-typo"] = cat.CheckInfo(
        **{**fake["links-dead"].__dict__, "id": "links-dead-typo"}
    )
    monkeypatch.setattr(cat, "catalogue", lambda: fake)
    cat.modules.cache_clear()
    try:
        with pytest.raises(cat.CatalogueError, match="links-dead-typo"):
            cat.modules()
    finally:
        cat.modules.cache_clear()

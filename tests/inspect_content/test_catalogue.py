import inspect

import yaml

from zwgk.inspect.checks import content_common, elements, privacy, wording
from zwgk.inspect.model import Severity

MODULES = [m for family in (privacy, wording, elements) for m in family.CHECKS]


def content_region() -> list[dict]:
    text = content_common.CATALOGUE.read_text(encoding="utf-8")
    start = text.index("# --- page-level content checks")
    end = text.index("# --- end of page-level content checks ---")
    return yaml.safe_load(text[start:end])


def test_it_has_one_catalogue_entry_per_content_check_module():
    ids = [e["id"] for e in content_region()]
    assert sorted(ids) == sorted(m.CHECK_ID for m in MODULES)
    for e in content_region():
        assert set(e) == {"id", "title", "looks_at", "thresholds", "severity", "why"}
        Severity(e["severity"])


def test_it_gives_every_check_the_same_entry_point_and_a_docstring():
    for m in MODULES:
        assert list(inspect.signature(m.check_page).parameters) == ["page", "role", "ctx"]
        assert m.__doc__ and m.__doc__.startswith(m.CHECK_ID)
        assert m.CHECK_ID.split("-")[0] in ("privacy", "wording", "elements")

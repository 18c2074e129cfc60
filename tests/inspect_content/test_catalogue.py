import inspect

import yaml

from zwgk.inspect.checks import content_common, elements, privacy, wording
from zwgk.inspect.model import Severity

# A family lists its check modules in CHECKS; a module may own several ids (CHECK_IDS).
MODULES = [
    m for family in (privacy, wording, elements) for m in getattr(family, "CHECKS", [family])
]


def ids(m) -> list[str]:
    return list(getattr(m, "CHECK_IDS", [getattr(m, "CHECK_ID", "")]))


def content_region() -> list[dict]:
    text = content_common.CATALOGUE.read_text(encoding="utf-8")
    start = text.index("# --- page-level content checks")
    end = text.index("# --- end of page-level content checks ---")
    return yaml.safe_load(text[start:end])


def test_it_has_one_catalogue_entry_per_content_check_module():
    catalogued = [e["id"] for e in content_region()]
    assert sorted(catalogued) == sorted(i for m in MODULES for i in ids(m))
    for e in content_region():
        assert set(e) == {"id", "title", "looks_at", "thresholds", "severity", "why"}
        Severity(e["severity"])


def test_it_gives_every_check_the_same_entry_point_and_a_docstring():
    for m in MODULES:
        assert list(inspect.signature(m.check_page).parameters) == ["page", "role", "ctx"]
        assert m.__doc__ and m.__doc__.startswith(ids(m)[0])
        assert {i.split("-")[0] for i in ids(m)} <= {"privacy", "wording", "elements"}

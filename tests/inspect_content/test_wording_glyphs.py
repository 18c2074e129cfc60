"""Similar glyphs (issue 14): the pairs drawn from a font (王/工, 址/祉) that no confusion list
holds are in the typo model's similar-shape group, so a slip to one is reported."""

import pytest

from tools import build_typo_model as build
from zwgk.inspect.checks.wording import SERIOUS, TYPO, find
from zwgk.inspect.checks.wording_model import PENALTY_ORDER, model

SHAPE = PENALTY_ORDER[3]


def reported(text):
    return [(h.wrong, h.right) for h in find(text) if h.check in (TYPO, SERIOUS)]


def shipped_pairs():
    lines = build.GLYPHS.read_text(encoding="utf-8").splitlines()
    return {tuple(ln.split("\t")[:2]) for ln in lines if not ln.startswith("#")}


SLIPS = [
    ("请县市场监督管理局、县王商联按照职责分工抓好落实", "王", "工"),
    ("切实增进民生福址，不断满足人民群众对美好生活的向往", "址", "祉"),
    ("加强与行亚协会、商会的沟通联系", "亚", "业"),
    ("全国工商朕组织开展民营企业调研", "朕", "联"),
    ("沐阳县人民政府办公室关于印发工作要点的通知", "沐", "沭"),  # 沭阳县, 江苏
]


@pytest.mark.parametrize(("text", "wrong", "right"), SLIPS, ids=[w + r for _, w, r in SLIPS])
def test_it_reports_a_slip_to_a_character_of_similar_glyph(text, wrong, right):
    assert (wrong, right) in reported(text)
    assert model().confusion[wrong][right] == SHAPE
    assert (wrong, right) in shipped_pairs() or (right, wrong) in shipped_pairs()


def test_the_build_reuses_the_shipped_glyph_pairs_without_the_font(tmp_path, monkeypatch):
    before = build.GLYPHS.read_bytes()
    monkeypatch.setattr(build, "FONT", tmp_path / "missing.ttc")
    pairs = build.glyph_confusions({})
    assert "工" in pairs["王"] and "王" in pairs["工"]
    assert sum(map(len, pairs.values())) == 2 * len(shipped_pairs())
    assert build.GLYPHS.read_bytes() == before


@pytest.mark.skipif(not build.FONT.exists(), reason="Debian's fonts-wqy-microhei is not installed")
def test_it_draws_the_glyphs_and_keeps_only_the_close_pairs():
    pytest.importorskip("PIL")
    pytest.importorskip("numpy")
    pairs = build.render_glyph_pairs(list("王工己已朕联址祉"))
    assert {(a, b) for a, b, _ in pairs} == {("王", "工"), ("己", "已"), ("朕", "联"), ("址", "祉")}
    assert all(build.GLYPH_MIN_SIM <= v <= 1 for *_, v in pairs)

"""A two-character word written for a commoner word that sounds or looks like it, and the best
correction of each confusion group kept (issue 14):
意料器械 → 医疗器械. Both characters make a word, so neither the one-character rule nor the
pair rule (which only reads pairs in no word) suspects them; the window's gain decides."""

import subprocess
import sys

import pytest

from zwgk.inspect.checks import content_common as cc
from zwgk.inspect.checks.wording import SERIOUS, TYPO, Settings, find, tier
from zwgk.inspect.checks.wording_model import Suggestion


def reported(text):
    return [(h.wrong, h.right) for h in find(text) if h.check in (TYPO, SERIOUS)]


@pytest.mark.parametrize(
    ("text", "wrong", "right"),
    [
        ("加快发展意料器械产业，提高医疗服务水平", "意料", "医疗"),
        ("推动跨境电商浮华器建设", "浮华", "孵化"),
        ("建设金融信用欣喜基础数据库", "欣喜", "信息"),
        ("加强应急久远队伍建设", "久远", "救援"),
    ],
)
def test_a_word_written_for_a_commoner_word_that_sounds_alike_is_reported(text, wrong, right):
    assert (wrong, right) in reported(text)


@pytest.mark.parametrize(
    "text",
    ["鼓舞我们砥砺前行", "各族人民砥砺奋进", "企业享受政策红利", "新旧政策差异等所作的解释"],
)
def test_a_word_that_fits_its_context_is_left_alone(text):
    assert not reported(text)


def test_the_word_pair_threshold_is_read_from_the_catalogue():
    need = cc.info(TYPO).thresholds["min_gain_word_pair"]

    def sg(gain):
        return Suggestion(0, 2, "意料", "医疗", "word_pair", gain, True, char_gain=0.0)

    assert tier(sg(need)) == TYPO
    assert tier(sg(need - 0.5)) is None  # no please-look tier of its own


def test_ties_between_corrections_go_the_same_way_whatever_the_hash_seed():
    code = (
        "from zwgk.inspect.checks.wording_model import model;"
        "print([(s.start, s.right, s.rule) for s in model().suggestions("
        "'2022年以来,螅镇政府信息公开工作在县政府办的精心指导下认真围绕中心工作')])"
    )
    runs = {
        subprocess.run(
            [sys.executable, "-c", code],
            env={"PYTHONHASHSEED": seed},
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for seed in ("1", "2", "3")
    }
    assert len(runs) == 1


@pytest.mark.parametrize(
    ("text", "wrong", "right"),
    [("全面推行排舞许可制度", "舞", "污"), ("做好行政应拆工作", "拆", "诉")],
)
def test_a_correction_that_reaches_its_groups_threshold_is_not_hidden_by_a_likelier_one(
    text, wrong, right
):
    # 排舞: 排列 (a character in no confusion group) gains more but reaches no tier; 排污
    # (another tone) gains less and reaches its own: the model keeps the best of each group.
    assert (wrong, right) in reported(text)


@pytest.mark.parametrize("text", ["本栏目暂无信息。", "暂无数据", "该栏目暂无内容"])
def test_it_asks_only_about_the_likeliest_correction_of_a_span(text):
    # 暂无 (every blank column of a real site says it): 暂 → 展 reaches the please-look
    # threshold of its group, but another correction of 暂 is likelier; a person is asked
    # about a span only when its likeliest correction is the one shown.
    assert find(text, Settings()) == []

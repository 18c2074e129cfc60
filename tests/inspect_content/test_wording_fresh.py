"""The sealed false-alarm set ``tools/corpus/fresh``: sourced, split as written, never trained on.

These tests never run the checker on the set (it is run once, by ``bench/typo_accuracy.py
--final``)."""

import re

from bench.typo_accuracy import fresh_sentences
from tools.build_typo_model import (
    FRESH,
    ROOT,
    corpus_documents,
    ecspell_split,
    fresh_documents,
    fresh_part,
    fresh_split,
    official_split,
)


def test_every_document_has_its_source_and_licence_note():
    files = sorted(FRESH.glob("*.txt"))
    assert len(files) == len(fresh_documents()) == 88
    for path in files:
        head = [ln for ln in path.read_text(encoding="utf-8").splitlines() if ln.startswith("#")]
        assert any(ln.startswith("# 来源: http") for ln in head), path.name
        assert any("著作权法》第五条" in ln for ln in head), path.name
        assert ".gov.cn" in next(ln for ln in head if ln.startswith("# 来源:")), path.name


def test_split_is_by_source_address_as_written():
    # SHA-1 of the address, first 8 hex digits mod 10: 0–1 tune, 2–9 sealed
    assert (
        fresh_part(
            "https://www.gz.gov.cn/zfjgzy/gzsrmzfbgt/zfxxgknb/bm/2023n/content/post_9469010.html"
        )
        == "sealed"
    )
    parts = fresh_split()
    assert len(parts["tune"]) == 13 and len(parts["sealed"]) == 75


def test_the_build_never_reads_the_set_and_no_measured_sentence_is_training_text():
    fresh = set(fresh_documents().values())
    assert not fresh & set(corpus_documents().values())
    split = ecspell_split(ROOT.parent / "shared")
    trained = re.sub(r"\s+", "", "\n".join([t for _, t in split["train"]] + official_split()["lm"]))
    sealed = fresh_sentences("sealed", split)
    assert len(sealed) >= 800  # 818 with ../shared (more without: less training text to drop)
    for s in sealed + fresh_sentences("tune", split):
        assert re.sub(r"\s+", "", s) not in trained, s

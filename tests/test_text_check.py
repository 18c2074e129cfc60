"""zwgk text check: the inspector's privacy and wording checks on a document, with offsets."""

import io
import json

import docx
import pytest
from click.testing import CliRunner

from zwgk.cli import main
from zwgk.devtools.attachments import minimal_pdf
from zwgk.text.check import Options, check_lines, check_text
from zwgk.text.document import DocumentError, kind_of, read_text

DRAFT = "联系人手机13812345678。\n做好防讯工作，数据残差不齐。\n其中中央专项资金已下达。\n"


def run(args, stdin=None):
    result = CliRunner().invoke(main, ["text", "check", *args], input=stdin)
    return result.exit_code, result.output


def test_it_reports_each_problem_with_its_offsets_as_json(tmp_path):
    path = tmp_path / "draft.txt"
    path.write_text(DRAFT, encoding="utf-8")
    code, out = run([str(path), "--format", "json"])
    found = json.loads(out)
    assert code == 1
    assert [(f["check"], f["wrong"], f["suggested"]) for f in found] == [
        ("privacy-mobile", "13812345678", "1381***5678"),
        ("wording-typo", "防讯", "防汛"),
        ("wording-typo", "残", "参"),
    ]
    for f in found:
        assert DRAFT[f["start"] : f["end"]] == f["wrong"]
        assert set(f) == {"check", "severity", "message", "wrong", "suggested", "start", "end"}
    assert [f["severity"] for f in found] == ["warning", "deduction", "deduction"]


def test_it_checks_each_line_of_a_text_file_with_line_numbers(tmp_path):
    path = tmp_path / "lines.txt"
    path.write_text(DRAFT, encoding="gb18030")
    code, out = run([str(path), "--lines", "--format", "json"])
    assert code == 1
    found = json.loads(out)
    assert [(f["line"], f["wrong"]) for f in found] == [(1, "13812345678"), (2, "防讯"), (2, "残")]
    lines = DRAFT.splitlines()
    for f in found:
        assert lines[f["line"] - 1][f["start"] : f["end"]] == f["wrong"]


def test_it_reads_standard_input_and_prints_text_by_default():
    code, out = run(["-"], stdin="严格落实审核审核制度。")
    assert code == 1
    assert "0-0" not in out and "wording-typo" in out and "“审核审核”应为“审核”" in out
    code, out = run(["-"], stdin="政务公开工作稳步推进。")
    assert (code, out.strip()) == (0, "未发现问题。")


def test_it_reads_word_pdf_and_html_drafts(tmp_path):
    d = docx.Document()
    d.add_paragraph("通过图标图解等形式解读政策。")
    buf = io.BytesIO()
    d.save(buf)
    (tmp_path / "a.docx").write_bytes(buf.getvalue())
    (tmp_path / "b.pdf").write_bytes(minimal_pdf(["Tel 13812345678"]))
    (tmp_path / "c.html").write_text(
        "<html><head><title>通知</title></head><body><p>申请行政法复议。</p></body></html>",
        encoding="utf-8",
    )
    got = {}
    for name in ("a.docx", "b.pdf", "c.html"):
        code, out = run([str(tmp_path / name), "--format", "json"])
        assert code == 1
        got[name] = [(f["check"], f["wrong"]) for f in json.loads(out)]
    assert got == {
        "a.docx": [("wording-typo", "标")],
        "b.pdf": [("privacy-mobile", "13812345678")],
        "c.html": [("wording-typo", "行政法复议")],
    }


def test_it_refuses_what_it_cannot_read_with_a_chinese_message(tmp_path):
    (tmp_path / "old.doc").write_bytes(b"\xd0\xcf\x11\xe0" + b"\x00" * 100)
    code, out = run([str(tmp_path / "old.doc")])
    assert code == 2 and "另存为 docx" in out
    (tmp_path / "fake.docx").write_bytes(b"PK\x03\x04 not a zip")
    code, out = run([str(tmp_path / "fake.docx")])
    assert code == 2 and "不是 Word" in out
    code, out = run([str(tmp_path / "missing.txt")])
    assert code != 0
    with pytest.raises(DocumentError, match="扫描件"):
        read_text(minimal_pdf([]), "scan.pdf")
    assert kind_of(b"<!DOCTYPE html><html>", "x") == "html"


def test_it_takes_an_offices_protected_words_and_own_pairs():
    text = "程序正档，张三丰出席"
    assert [f.wrong for f in check_text(text)] == ["档"]
    mine = Options(protected=("正档",), typos=(("张三丰", "张三峰"),))
    assert [(f.wrong, f.suggested) for f in check_text(text, mine)] == [("张三丰", "张三峰")]


def test_it_never_reports_an_empty_text():
    assert check_text("") == [] and check_lines("\n\n") == []

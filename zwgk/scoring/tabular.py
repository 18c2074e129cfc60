"""Reading rows from YAML, CSV or Excel files with their line numbers, for units and facts files.

This module only splits a file into :class:`Row` objects (fields as written, with the file, line
and column they came from); :mod:`zwgk.scoring.codec` reads the fields.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from openpyxl import load_workbook
from openpyxl.utils import get_column_letter

from zwgk.rubric.errors import FactsError, Problem
from zwgk.rubric.yamlsrc import LineDict, SourceError, check_size, load_path


@dataclass(slots=True)
class Row:
    """One record: its fields, the file and line it came from, and which list it was in."""

    fields: dict[str, Any]
    path: str
    line: int
    section: str
    ref: str = ""  # "file.yaml:12", shown in explanations
    columns: dict[str, str] = field(default_factory=dict)  # key -> the column as written


def read_source(path: str | Path) -> tuple[str, Any]:
    """Return ("yaml", data) or ("csv", rows) for a units or facts file; errors name the file."""
    p = Path(path)
    suffix = p.suffix.lower()
    if suffix in (".yaml", ".yml"):
        try:
            return "yaml", load_path(p)
        except SourceError as exc:
            raise FactsError([Problem(exc.path, exc.line, exc.message)]) from None
    if suffix in (".csv", ".tsv", ".txt"):
        try:
            check_size(p)
            raw = p.read_bytes()
        except SourceError as exc:
            raise FactsError([Problem(exc.path, exc.line, exc.message)]) from None
        except OSError as exc:
            raise FactsError(
                [Problem(str(p), None, f"无法读取文件：{exc.strerror or exc}")]
            ) from None
        text = None
        for encoding in ("utf-8-sig", "gb18030"):
            try:
                text = raw.decode(encoding)
                break
            except UnicodeDecodeError:
                continue
        if text is None:
            raise FactsError([Problem(str(p), None, "文件编码无法识别：请另存为 UTF-8 的 CSV")])
        delimiter = "\t" if suffix == ".tsv" else ","
        return "csv", list(csv.reader(io.StringIO(text), delimiter=delimiter))
    if suffix == ".xlsx":
        return "csv", _xlsx_rows(p)
    raise FactsError(
        [Problem(str(p), None, f"不支持的文件类型 “{suffix}”：请用 .yaml、.csv 或 .xlsx")]
    )


def _xlsx_text(value: Any) -> str:
    """A cell as the text Excel shows: dates as ISO dates, numbers without float noise."""
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float):
        return format(value, ".15g")  # 0.30000000000000004 → 0.3, 2.0 → 2
    return str(value)


def _xlsx_rows(p: Path) -> list[list[str]]:
    """The first worksheet as rows of text, like a CSV saved from Excel."""
    try:
        check_size(p)
        wb = load_workbook(p, read_only=True, data_only=True)
    except SourceError as exc:
        raise FactsError([Problem(exc.path, exc.line, exc.message)]) from None
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise FactsError(
            [Problem(str(p), None, f"不是有效的 Excel（.xlsx）文件：{exc.__class__.__name__}")]
        ) from None
    try:
        ws = wb.worksheets[0]
        out: list[list[str]] = []
        for values in ws.iter_rows(values_only=True):
            out.append([_xlsx_text(v) for v in values])
            if len(out) > 200_000:
                raise FactsError([Problem(str(p), None, "表格行数超过 200000 行")])
        return out
    finally:
        wb.close()


def yaml_rows(data: Any, path: str, sections: tuple[str, ...]) -> Iterator[Row]:
    """Rows from a YAML mapping of lists (``{findings: [...], ...}``)."""
    if data is None:
        return
    if not isinstance(data, LineDict):
        raise FactsError(
            [Problem(path, None, f"文件顶层应是键值映射，可用的键：{'、'.join(sections)}")]
        )
    name = Path(path).name
    problems = []
    for key in data:
        if key not in sections:
            problems.append(
                Problem(
                    path,
                    data.key_lines.get(key),
                    f"不认识的键 “{key}”；可用的键：{'、'.join(sections)}",
                )
            )
    if problems:
        raise FactsError(problems)
    for section in sections:
        items = data.get(section)
        if items is None:
            continue
        if not isinstance(items, list):
            raise FactsError([Problem(path, data.key_lines.get(section), f"“{section}” 应为列表")])
        for item in items:
            if not isinstance(item, LineDict):
                raise FactsError(
                    [
                        Problem(
                            path, data.key_lines.get(section), f"“{section}” 的每一项应为键值映射"
                        )
                    ]
                )
            fields = dict(item)
            yield Row(
                fields, path, item.line, section, f"{name}:{item.line}", {k: k for k in fields}
            )


def csv_rows(
    rows: list[list[str]], path: str, aliases: dict[str, str], section: str
) -> Iterator[Row]:
    """Rows from a CSV or Excel table whose header row names the columns (English or Chinese)."""
    if not rows:
        return
    written = [str(h).strip() for h in rows[0]]
    header = [aliases.get(h.lower(), aliases.get(h, h)) for h in written]
    unknown = [h for h in header if h and h not in aliases.values()]
    if unknown:
        known = "、".join(sorted(set(aliases.values())))
        raise FactsError(
            [Problem(path, 1, f"不认识的列名：{'、'.join(unknown)}；可用的列：{known}")]
        )
    labels = {
        h: f"{get_column_letter(i + 1)}列“{w}”"
        for i, (h, w) in enumerate(zip(header, written, strict=True))
        if h
    }
    name = Path(path).name
    for number, values in enumerate(rows[1:], start=2):
        cells = [v.strip() for v in values]
        if all(v == "" for v in cells):
            continue
        if len(cells) > len(header):
            extra = [v for v in cells[len(header) :] if v != ""]
            if extra:
                raise FactsError(
                    [
                        Problem(
                            path, number, f"这一行的列数（{len(values)}）多于表头（{len(header)}）"
                        )
                    ]
                )
        fields = {h: v for h, v in zip(header, cells, strict=False) if h and v != ""}
        yield Row(fields, path, number, section, f"{name}:{number}", dict(labels))

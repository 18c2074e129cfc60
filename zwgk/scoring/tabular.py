"""Reading rows from YAML or CSV files with their line numbers, for units and facts files."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

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


def _xlsx_rows(p: Path) -> list[list[str]]:
    """The first worksheet as rows of text, like a CSV saved from Excel (dates as ISO dates)."""
    import datetime as dt
    import zipfile

    from openpyxl import load_workbook

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
            row = []
            for v in values:
                if v is None:
                    row.append("")
                elif isinstance(v, dt.datetime):
                    row.append(v.date().isoformat() if v.time() == dt.time() else v.isoformat())
                elif isinstance(v, dt.date):
                    row.append(v.isoformat())
                elif isinstance(v, float) and v.is_integer():
                    row.append(str(int(v)))
                else:
                    row.append(str(v))
            out.append(row)
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
            yield Row(dict(item), path, item.line, section, f"{name}:{item.line}")


def csv_rows(
    rows: list[list[str]], path: str, aliases: dict[str, str], section: str
) -> Iterator[Row]:
    """Rows from a CSV table whose header row names the columns (English or Chinese names)."""
    if not rows:
        return
    header = [aliases.get(h.strip().lower(), aliases.get(h.strip(), h.strip())) for h in rows[0]]
    unknown = [h for h in header if h and h not in aliases.values()]
    if unknown:
        known = "、".join(sorted(set(aliases.values())))
        raise FactsError(
            [Problem(path, 1, f"不认识的列名：{'、'.join(unknown)}；可用的列：{known}")]
        )
    name = Path(path).name
    for number, values in enumerate(rows[1:], start=2):
        if not any(v.strip() for v in values):
            continue
        if len(values) > len(header):
            extra = [v for v in values[len(header) :] if v.strip()]
            if extra:
                raise FactsError(
                    [
                        Problem(
                            path, number, f"这一行的列数（{len(values)}）多于表头（{len(header)}）"
                        )
                    ]
                )
        fields = {h: v.strip() for h, v in zip(header, values, strict=False) if h and v.strip()}
        yield Row(fields, path, number, section, f"{name}:{number}")


def split_list(value: Any) -> list[str]:
    """A list from YAML, or from a CSV cell separated by 、 ; ， or |."""
    if value is None:
        return []
    if isinstance(value, list):
        return [str(v).strip() for v in value if str(v).strip()]
    text = str(value)
    for sep in ("；", ";", "，", ",", "|"):
        text = text.replace(sep, "、")
    return [t.strip() for t in text.split("、") if t.strip()]


def to_decimal(value: Any) -> Decimal:
    """A Decimal from YAML or CSV text; full-width digits are accepted. Raises ValueError."""
    if isinstance(value, bool):
        raise ValueError("应为数字")
    if isinstance(value, Decimal):
        result = value
    elif isinstance(value, int):
        result = Decimal(value)
    else:
        text = str(value).strip().translate(_FULL_WIDTH)
        try:
            result = Decimal(text)
        except InvalidOperation:
            raise ValueError(f"“{value}” 不是数字") from None
    if not result.is_finite():
        raise ValueError(f"“{value}” 不是有限数字")
    return result


def to_count(value: Any) -> int:
    """A positive whole count (次数)."""
    number = to_decimal(value)
    if number != number.to_integral_value() or number < 1:
        raise ValueError(f"次数应为正整数，而不是 “{value}”")
    return int(number)


_FULL_WIDTH = str.maketrans("０１２３４５６７８９．－＋", "0123456789.-+")

"""YAML reading that keeps line numbers, refuses duplicate keys and reads decimals exactly.

Every mapping read from a file becomes a :class:`LineDict`, a ``dict`` that remembers the line
of the mapping itself and of each of its keys, so that a validation error can point at the line
a person must fix. Numbers with a fraction are read as :class:`decimal.Decimal` straight from
their text, so ``0.5`` is never a binary float on the way in.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

import yaml


class SourceError(Exception):
    """A file that cannot be read as YAML at all, with the place and the reason."""

    def __init__(self, path: str, line: int | None, message: str):
        self.path = path
        self.line = line
        self.message = message
        where = f"{path}:{line}" if line else path
        super().__init__(f"{where}: {message}")


class LineDict(dict):
    """A mapping that knows where it came from: ``line`` and ``key_lines[key]`` (1-based)."""

    __slots__ = ("key_lines", "line")

    def __init__(self, *args: Any, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.line: int = 0
        self.key_lines: dict[str, int] = {}


_Base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml's parser when PyYAML has it


class _Loader(_Base):  # type: ignore[misc, valid-type]
    """SafeLoader with line-aware mappings, duplicate-key errors and Decimal floats."""


def _construct_mapping(loader: _Loader, node: yaml.MappingNode) -> LineDict:
    loader.flatten_mapping(node)
    result = LineDict()
    result.line = node.start_mark.line + 1
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if not isinstance(key, str | int | float | Decimal | bool):
            raise yaml.constructor.ConstructorError(
                None,
                None,
                "键必须是文字或数字 (a key must be text or a number)",
                key_node.start_mark,
            )
        if isinstance(key, Decimal | float):
            key = str(key)
        if key in result:
            raise yaml.constructor.ConstructorError(
                None,
                None,
                f"重复的键 “{key}”，第 {result.key_lines[key]} 行已有 (duplicate key)",
                key_node.start_mark,
            )
        result[key] = loader.construct_object(value_node, deep=True)
        result.key_lines[key] = key_node.start_mark.line + 1
    return result


def _construct_decimal(loader: _Loader, node: yaml.ScalarNode) -> Decimal | float:
    text = str(loader.construct_scalar(node)).replace("_", "")
    lowered = text.lower()
    if lowered in {".nan", ".inf", "+.inf", "-.inf"}:
        raise yaml.constructor.ConstructorError(
            None, None, f"不接受的数值 “{text}” (not a finite number)", node.start_mark
        )
    try:
        return Decimal(text)
    except InvalidOperation as exc:  # pragma: no cover - the resolver only sends numbers here
        raise yaml.constructor.ConstructorError(
            None, None, f"无法读取的数值 “{text}”", node.start_mark
        ) from exc


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
_Loader.add_constructor("tag:yaml.org,2002:float", _construct_decimal)


def loads(text: str, path: str = "<text>") -> Any:
    """Parse one YAML document; raise :class:`SourceError` naming the line on bad YAML."""
    try:
        return yaml.load(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        reason = exc.problem or exc.context or str(exc)
        raise SourceError(path, line, f"YAML 格式错误：{reason}") from exc
    except yaml.YAMLError as exc:
        raise SourceError(path, None, f"YAML 格式错误：{exc}") from exc


MAX_FILE_BYTES = 100 * 1024 * 1024  # a scheme, units or facts file larger than this is refused


def check_size(p: Path, limit: int = MAX_FILE_BYTES) -> None:
    """Refuse a file too large to be a scheme or facts file before reading it into memory."""
    try:
        size = p.stat().st_size
    except OSError as exc:
        raise SourceError(str(p), None, f"无法读取文件：{exc.strerror or exc}") from exc
    if size > limit:
        raise SourceError(
            str(p), None, f"文件过大（{_human(size)}，上限 {_human(limit)}）：请检查是否选错了文件"
        )


def _human(size: int) -> str:
    if size >= 1024 * 1024:
        return f"{size / 1024 / 1024:.0f} MB"
    return f"{size / 1024:.1f} KB"


def load_path(path: str | Path) -> Any:
    """Read a UTF-8 YAML file (a BOM is allowed); errors name the file."""
    p = Path(path)
    check_size(p)
    try:
        raw = p.read_bytes()
    except OSError as exc:
        raise SourceError(str(p), None, f"无法读取文件：{exc.strerror or exc}") from exc
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise SourceError(
            str(p), None, f"文件不是 UTF-8 编码（第 {exc.start} 字节）：请另存为 UTF-8"
        ) from exc
    return loads(text, str(p))

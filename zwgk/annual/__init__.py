"""年度报告: parse and check 政府信息公开工作年度报告 (annual reports on information disclosure)."""

from .checks import Options, check_report, check_reports
from .model import AnnualReport, Cell, CellKind, ReadError
from .readers import load_report, read_text

__all__ = [
    "AnnualReport",
    "Cell",
    "CellKind",
    "Options",
    "ReadError",
    "check_report",
    "check_reports",
    "load_report",
    "read_text",
]

"""zwgk — 政务公开工作考核: schemes, scoring, website inspection and reports."""

__version__ = "0.1.0"

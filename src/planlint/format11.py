"""The values format 1.1 adds, for the plan model (``planlint.model`` re-exports them).

Real plans say "april 2012", "2013-2016", "1 - 2 timer": a month or a year where a date of
something that happened is asked for, a period in years, a range of hours a week.  Each is a
small value with a parsing function the model's fields use as a ``BeforeValidator`` and the
JSON Schema describes (``planlint.schema``).  Format 1 values parse exactly as before.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from pydantic_core import PydanticCustomError

from .scalars import FIRST_DATE, LAST_DATE, parse_date_or, parse_number, parse_whole_number


_PARTIAL_DATE = re.compile(r"^(\d{4})(?:-(\d{2}))?$")


class _Value:
    """A value format 1.1 reads from a plan: equal when its parts are, and pydantic takes it as it is
    (the parsing function in front of it, a ``BeforeValidator``, has made it)."""

    __slots__ = ()

    def _parts(self) -> tuple[Any, ...]:
        raise NotImplementedError

    def __eq__(self, other: object) -> bool:
        return isinstance(other, type(self)) and self._parts() == other._parts()

    def __hash__(self) -> int:
        return hash(self._parts())

    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any, handler: Any) -> Any:
        from pydantic_core import core_schema

        return core_schema.is_instance_schema(cls)


class PartialDate(_Value):
    """A date known only to the month (``2012-04``) or the year (``2012``): format 1.1.

    Real plans say "april 2012"; a transcriber must not invent the day.  Rules
    compare conservatively: ``latest`` (the last day it can be) where the date
    must lie *before* something, ``earliest`` where it must lie *after*.  A full
    date stays a ``datetime.date`` and behaves exactly as in format 1.
    """

    __slots__ = ("earliest", "latest", "precision")

    def __init__(self, year: int, month: int | None = None):
        import calendar

        self.precision = "year" if month is None else "month"
        self.earliest = date(year, month or 1, 1)
        last_month = month or 12
        self.latest = date(year, last_month, calendar.monthrange(year, last_month)[1])

    @property
    def year(self) -> int:
        return self.earliest.year

    def isoformat(self) -> str:
        """As the plan wrote it: ``2012-04`` or ``2012``."""
        return self.earliest.isoformat()[: 7 if self.precision == "month" else 4]

    __str__ = isoformat

    def __repr__(self) -> str:
        return f"PartialDate({self.isoformat()!r})"

    def _parts(self) -> tuple[Any, ...]:
        return self.earliest, self.precision


def earliest(value: "date | PartialDate") -> date:
    """The first day a (partial) date can be: for "after X" comparisons."""
    return value.earliest if isinstance(value, PartialDate) else value


def latest(value: "date | PartialDate") -> date:
    """The last day a (partial) date can be: for "before X" comparisons."""
    return value.latest if isinstance(value, PartialDate) else value


def parse_partial_date(value: Any) -> "date | PartialDate":
    """A date of something that happened: ``2012-04-24``, or (1.1) ``2012-04`` or ``2012``."""
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    if isinstance(value, str):
        match = _PARTIAL_DATE.match(value)
        if match:
            year, month = int(match.group(1)), match.group(2)
            if FIRST_DATE.year <= year <= LAST_DATE.year and (month is None or 1 <= int(month) <= 12):
                return PartialDate(year, int(month) if month else None)
            raise PydanticCustomError("date_invalid", "no such date")
    return parse_date_or(value, "partial_date", "not a date, month or year")


def parse_period_start(value: Any) -> date:
    """``periode.start``: a date, or (1.1) a year meaning its first day."""
    year = _bare_year(value)
    return date(year, 1, 1) if year is not None else _period_date(value)


def parse_period_end(value: Any) -> date:
    """``periode.slut``: a date, or (1.1) a year meaning its last day."""
    year = _bare_year(value)
    return date(year, 12, 31) if year is not None else _period_date(value)


def _bare_year(value: Any) -> int | None:
    if isinstance(value, str) and len(value) == 4 and value.isascii() and value.isdigit():
        value = int(value)
    if isinstance(value, int) and not isinstance(value, bool) and FIRST_DATE.year <= value <= LAST_DATE.year:
        return value
    return None


def _period_date(value: Any) -> date:
    return parse_date_or(value, "date_or_year", "not a date or year")


class HourRange(_Value):
    """``timer_pr_uge: "1-2"`` (format 1.1): at least ``low``, at most ``high`` hours a week."""

    __slots__ = ("low", "high")

    def __init__(self, low: float | int, high: float | int):
        self.low, self.high = low, high

    def text(self, lang: str = "da") -> str:
        from .i18n import number

        def one(value: float | int) -> str:
            return number(value, lang, 0 if float(value).is_integer() else 1)

        return f"{one(self.low)}-{one(self.high)}"

    def __repr__(self) -> str:
        return f"HourRange({self.low!r}, {self.high!r})"

    def _parts(self) -> tuple[Any, ...]:
        return self.low, self.high


_HOUR_RANGE = re.compile(r"^\s*(\d+(?:[.,]\d+)?)\s*-\s*(\d+(?:[.,]\d+)?)\s*$")


def parse_hours(value: Any) -> "float | int | HourRange":
    """Hours a week: a number > 0, or (1.1) a range ``"1-2"`` with 0 < min <= max."""
    if isinstance(value, str):
        match = _HOUR_RANGE.match(value)
        if match:
            low, high = (float(g.replace(",", ".")) for g in match.groups())
            low, high = (int(v) if v.is_integer() else v for v in (low, high))
            if 0 < low <= high:
                return HourRange(low, high)
        raise PydanticCustomError("hours", "not hours")
    number = parse_number(value)
    if number <= 0:
        raise PydanticCustomError("hours", "not positive")
    return number


def upper_hours(value: "float | int | HourRange") -> float | int:
    """The hours a sum counts: the upper bound of a range."""
    return value.high if isinstance(value, HourRange) else value


def parse_version(value: Any) -> Any:
    """``version: 1`` or (1.1) ``version: 1.1`` / ``"1.1"``; 1.1 keys are accepted under either."""
    if isinstance(value, float) and value == 1.1 or value == "1.1":
        return "1.1"
    return parse_whole_number(value)

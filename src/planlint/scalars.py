"""The scalar values of format 1 a plan's fields parse (a number, a date, a whole number).

A leaf module: ``planlint.model`` and ``planlint.format11`` both build on it
(``model`` re-exports its names).
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from pydantic_core import PydanticCustomError


def parse_number(value: Any) -> float | int:
    """A finite int or float; booleans, strings, .nan and .inf are refused."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise PydanticCustomError("number", "not a number")
    if isinstance(value, float) and (value != value or value in (float("inf"), float("-inf"))):
        raise PydanticCustomError("number", "not a finite number")
    return value


_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")

#: Dates a plan can hold (and the years of ``hvornår``): a period ending 9999-12-31 would make
#: rules count thousands of years and date arithmetic overflow, so such a date never reaches them.
FIRST_DATE, LAST_DATE = date(1900, 1, 1), date(2200, 12, 31)


def parse_date(value: Any) -> date:
    """An ISO date ``2013-01-01`` from 1900 to 2200; ``2013-02-30`` and bare numbers are refused."""
    if isinstance(value, date):
        parsed = value
    elif isinstance(value, str) and _ISO_DATE.match(value):
        try:
            parsed = date.fromisoformat(value)
        except ValueError:
            raise PydanticCustomError("date_invalid", "no such date") from None
    else:
        raise PydanticCustomError("date", "not a date")
    if not FIRST_DATE <= parsed <= LAST_DATE:
        raise PydanticCustomError("date_range", "a date from 1900 to 2200")
    return parsed


def parse_date_or(value: Any, kind: str, message: str) -> date:
    """``parse_date``, with the error ``kind`` for a value that is no date at all.

    A date that does not exist or lies outside 1900-2200 keeps its own error:
    it says more than "a date or a year" would.
    """
    try:
        return parse_date(value)
    except PydanticCustomError as exc:
        if exc.type in ("date_invalid", "date_range"):
            raise
        raise PydanticCustomError(kind, message) from None


def parse_whole_number(value: Any) -> Any:
    """A count or the format version: no booleans or digit strings.

    pydantic's lax mode would read ``true`` as 1 and ``"400"`` as 400; the
    format (and its JSON Schema) says a number, so those are type errors.
    Floats go on to pydantic, which takes ``400.0`` and refuses ``400.5``.
    """
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise PydanticCustomError("int_type", "not a whole number")
    return value

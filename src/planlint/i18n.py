"""Numbers, money, shares and lists as Danish and English readers write them.

Danish: ``1.234.567 kr.``, ``22,4 %``, ``2014, 2015 og 2016``.
English: ``DKK 1,234,567``, ``22.4 %``, ``2014, 2015 and 2016``.
"""

from __future__ import annotations

from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal, localcontext
from fractions import Fraction
from typing import Iterable


def number(value: int | float | Fraction | Decimal, lang: str, decimals: int = 0) -> str:
    """A number with thousands separators and the language's decimal mark."""
    if isinstance(value, int) and decimals == 0:
        text = f"{value:,}"  # exact for any integer (Decimal's 28 digits are not)
    else:
        quantum = Decimal(1).scaleb(-decimals)
        with localcontext() as context:
            context.prec = 1000  # a float can have 309 digits before its point
            if isinstance(value, Fraction):
                value = Decimal(value.numerator) / Decimal(value.denominator)
            text = f"{Decimal(value).quantize(quantum, rounding=ROUND_HALF_UP):,.{decimals}f}"
    if lang == "en":
        return text
    return text.replace(",", "\0").replace(".", ",").replace("\0", ".")


def kr(amount: int | Fraction, lang: str) -> str:
    """Whole kroner: ``1.234.567 kr.`` / ``DKK 1,234,567``."""
    text = number(amount, lang)
    return f"DKK {text}" if lang == "en" else f"{text} kr."


def percent(share: Fraction | float, lang: str, decimals: int = 1, *, down: bool = False) -> str:
    """A share (0-1) as a percentage: ``22,4 %`` / ``22.4 %``.

    ``down=True`` truncates instead of rounding, so a share just below a
    threshold (24,99 %) is never shown as the threshold itself (25,0 %).
    """
    value = Decimal(share.numerator) / Decimal(share.denominator) if isinstance(share, Fraction) else Decimal(share)
    value *= 100
    quantum = Decimal(1).scaleb(-decimals)
    value = value.quantize(quantum, rounding=ROUND_DOWN if down else ROUND_HALF_UP)
    return f"{number(value, lang, decimals)} %"


def join(items: Iterable[object], lang: str, limit: int | None = None) -> str:
    """``a, b og c`` / ``a, b and c``; with ``limit`` and more items: ``a, b, c og 4 andre``."""
    words = [str(item) for item in items]
    if limit is not None and len(words) > limit:
        rest = len(words) - limit
        others = (f"{rest} other" + "s" * (rest != 1)) if lang == "en" else f"{rest} {'anden' if rest == 1 else 'andre'}"
        words = words[:limit] + [others]
    if len(words) <= 1:
        return "".join(words)
    conj = " and " if lang == "en" else " og "
    return ", ".join(words[:-1]) + conj + words[-1]

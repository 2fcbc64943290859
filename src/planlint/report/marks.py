"""Small rich pieces shared by the views: ticks, crosses, dashes and share bars.

Every mark carries its meaning in its character as well as its colour, so
the report reads the same without colour (NO_COLOR, a printout, a log).
"""

from __future__ import annotations

import math

from rich.console import Console, ConsoleOptions, RenderableType, RenderResult
from rich.measure import Measurement
from rich.text import Text

from ..i18n import number, percent
from .words import word

OK_STYLE = "green"
BAD_STYLE = "bold red"
WARN_STYLE = "yellow"
DIM = "dim"

BAR_WIDTH = 24  # 25 % is exactly 6 cells


def tick(label: str = "") -> Text:
    return Text.assemble(("✓", OK_STYLE), f" {label}" if label else "")


def cross(label: str = "") -> Text:
    return Text.assemble(("✗", BAD_STYLE), f" {label}" if label else "")


def dash(lang: str) -> Text:
    """A figure a plugin did not compute."""
    return Text(f"– {word('not_computed', lang)}", style=DIM)


def amount(value: int | None, lang: str) -> str:
    return "–" if value is None else number(value, lang)


def share(value: float | None, lang: str, *, line: float | None = None, floor: bool = True,
          sign: bool = True) -> str:
    """A share as ``29,6 %``; ``–`` when not computed.

    With a requirement ``line`` the rounding never crosses it: a local share of
    24,99 % against a floor of 25 % shows as ``24,99 %``, not ``25,0 %``
    (``floor=False`` for a ceiling such as LBF's 75 %).
    """
    if value is None:
        return "–"
    text = percent(value, lang)
    failing = line is not None and (value < line if floor else value > line)
    decimals = 1
    while failing and text == percent(line, lang, decimals) and decimals < 4:
        decimals += 1
        text = percent(value, lang, decimals, down=floor)
    return text if sign else text.removesuffix(" %")


def requirement(line: float | None, lang: str) -> str:
    """A requirement as the rules write it: ``25 %``, ``12,5 %``."""
    if line is None:
        return "–"
    whole = abs(line * 100 - round(line * 100)) < 1e-9
    return percent(line, lang, 0 if whole else 1)


def share_bar(value: float, line: float, passes: bool, width: int = BAR_WIDTH) -> Text:
    """``█████████┃█░░░░``: the share filled, the requirement as a ``┃`` between two cells.

    Drawn as text rather than with rich's ProgressBar because its filled and
    empty parts differ only by colour, and the bar must read without colour.
    The mark sits between cells, so a share just above the line shows a
    filled cell past it and a share just below an empty cell before it.
    """
    filled = min(width, max(0, math.floor(value * width + 0.5)))
    mark = min(width, max(0, math.floor(line * width + 0.5)))
    # rounding to whole cells must not move a share across the line
    if value < line:
        filled = min(filled, max(mark - 1, 0))
    elif filled < mark:
        filled = mark
    style = OK_STYLE if passes else BAD_STYLE
    bar = Text()
    for cell in range(width + 1):
        if cell == mark:
            bar.append("┃", style="bold")
        if cell < width:
            bar.append("█" if cell < filled else "░", style=style if cell < filled else DIM)
    return bar


class FitWidth:
    """The wide renderable when it fits the width, else the narrow one.

    E.g. the sources-by-year matrix needs about 100 columns for four years; on
    an 80-column terminal the same numbers are shown as two narrower tables.
    """

    def __init__(self, wide: RenderableType, narrow: RenderableType):
        self.wide, self.narrow = wide, narrow

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        # measured without the width limit: Measurement.get clamps the result to it
        unlimited = options.update(max_width=10_000)
        fits = Measurement.get(console, unlimited, self.wide).minimum <= options.max_width
        yield self.wide if fits else self.narrow

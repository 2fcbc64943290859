"""Spelling suggestions ("did you mean ..."): the closest of some candidates.

A leaf module: the validation of plans, the reference checks and plugins
(``planlint.closest``) ask the same question the same way.  It keeps no state
between calls; a caller that asks many questions prepares its candidates once
(``Candidates``).
"""

from __future__ import annotations

import bisect
import difflib
from typing import Iterable


def _fold(text: str) -> str:
    """Spelling-insensitive form for suggestions: ``indsatsomraader`` ~ ``indsatsområder``."""
    return text.lower().replace("å", "aa").replace("æ", "ae").replace("ø", "oe").replace("-", "_")


#: Most candidates ``closest`` compares a word with.  Suggesting costs time per
#: pair, and a hostile file can pair 10.000 unknown ids with 10.000 known ones.
MAX_SUGGESTION_CANDIDATES = 300


class Candidates:
    """The candidates of many ``closest`` questions, indexed by length once.

    A file can ask about 10.000 unknown ids among 10.000 known ones; filtering
    (or sorting) the known ones anew for each question made that quadratic.
    """

    def __init__(self, candidates: Iterable[str]):
        self.items = list(candidates)
        self._order = sorted(range(len(self.items)), key=lambda i: len(self.items[i]))
        self._lengths = [len(self.items[i]) for i in self._order]

    def __len__(self) -> int:
        return len(self.items)

    def of_length(self, low: float, high: float) -> list[str]:
        """The candidates with ``low <= len <= high``, in their original order."""
        first, last = bisect.bisect_left(self._lengths, low), bisect.bisect_right(self._lengths, high)
        if last - first > MAX_SUGGESTION_CANDIDATES:
            return self.items  # too many either way; spares sorting them
        return [self.items[i] for i in sorted(self._order[first:last])]


def closest(word: str, candidates: list[str] | Candidates) -> str | None:
    """The candidate closest to ``word``, or None when nothing is close (or too much to compare)."""
    target = _fold(str(word))
    if len(candidates) > MAX_SUGGESTION_CANDIDATES:
        # a match at cutoff 0.75 has a length within a factor 0.6..1.67 of the word's
        low, high = len(target) * 0.6, len(target) / 0.6
        if not isinstance(candidates, Candidates):
            candidates = Candidates(candidates)
        candidates = candidates.of_length(low, high)
        if len(candidates) > MAX_SUGGESTION_CANDIDATES:
            return None
    elif isinstance(candidates, Candidates):
        candidates = candidates.items
    folded = {_fold(c): c for c in candidates}
    match = difflib.get_close_matches(target, list(folded), n=1, cutoff=0.75)
    return folded[match[0]] if match else None


def sole_match(word: str, candidates: list[str]) -> bool:
    """Whether exactly one candidate is close to ``word`` (a fix must not have to choose)."""
    folded = {_fold(c) for c in candidates}
    return len(difflib.get_close_matches(_fold(word), list(folded), n=2, cutoff=0.75)) == 1

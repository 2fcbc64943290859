"""Suppression comments in a plan: ``# planlint: disable=CODE[,CODE...]``.

* at the end of the line a finding points at, it silences those codes there;
* alone on a line, it silences them on the line just below (that line only,
  like eslint's ``disable-next-line``: a suppression should sit next to what
  it excuses);
* ``# planlint: disable-file=CODE[,CODE...]`` anywhere silences them in the file.

Text after the codes is a free reason: ``# planlint: disable=LBF004 aftalt med LBF``.
A suppression that silences nothing is reported as PLN023 (info), so they do
not outlive the problem they excused: one finding per comment, quoting at most
a short excerpt of it and naming at most a few of its codes.  A code whose rule did not run (left out
by ``--select``/``ignore``) is not reported: nobody can tell whether it would
have silenced something.  Findings that mean the file was not checked
(``NOT_SUPPRESSIBLE``) cannot be silenced by a comment.  ``--no-suppress`` (``Settings.suppress``) turns all
of this off.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from .findings import Finding, Message
from .rule import Example, declare

PLN023 = declare(
    code="PLN023",
    severity="info",
    basis="format",
    title=("Undertrykkelse, der ikke bruges", "Suppression that is not used"),
    rationale=("'# planlint: disable=KODE' sidst på en linje (eller alene på linjen over) og "
               "'# planlint: disable-file=KODE' tavsgør fund. En undertrykkelse, der ikke tavsgør noget, "
               "fordi fundet er rettet, koden er forkert eller kommentaren ikke kan læses, skal fjernes, "
               "så den ikke skjuler et nyt fund senere. --no-suppress ser bort fra alle undertrykkelser.",
               "'# planlint: disable=CODE' at the end of a line (or alone on the line above) and "
               "'# planlint: disable-file=CODE' silence findings. A suppression that silences nothing, "
               "because the finding was fixed, the code is wrong or the comment cannot be read, should be "
               "removed so it does not hide a new finding later. --no-suppress ignores every suppression."),
    sources=(("planlint-readme", "Undertrykkelse"), ("ruff-rules", "RUF100 unused-noqa")),
    bad=Example(yaml="version: 1  # planlint: disable=PLN003\n", whole_file=True,
                note="Linje 1 har intet PLN003-fund."),
    good=Example(yaml="version: 1\nplanen: {}  # planlint: disable=PLN003\n", whole_file=True,
                 note="Den ukendte nøgle 'planen' giver PLN003, som kommentaren tavsgør."),
)

UNUSED = PLN023.code

#: Findings that mean the file was not (fully) checked: a syntax error, a file
#: that cannot be read, is no plan, or exceeds a limit, and a crash in
#: planlint on that file.  A comment in the file must not be able to turn
#: "not checked" into a pass; ``ignore`` in the configuration still can, on purpose.
NOT_SUPPRESSIBLE = frozenset({"PLN001", "PLN011", "PLN012", "PLN014", "PLN015", "PLN019"})

_MAYBE_DIRECTIVE = re.compile(r"#\s*planlint\s*:", re.IGNORECASE)
_DIRECTIVE = re.compile(r"#\s*planlint\s*:\s*(?P<rest>.*)$", re.IGNORECASE)
_ACTION = re.compile(r"(?P<action>disable-file|disable)\s*=\s*(?P<codes>[A-Za-z]+[0-9]{3}(?:\s*,\s*[A-Za-z]+[0-9]{3})*)",
                     re.IGNORECASE)


@dataclass
class Suppression:
    line: int  # where the comment is
    column: int
    text: str  # the comment, for messages
    codes: tuple[str, ...]  # empty: a directive planlint cannot read
    whole_file: bool = False
    target: int = 0  # the line it silences (line directives)
    used: set[str] = field(default_factory=set)

    def covers(self, finding: Finding) -> bool:
        if finding.code not in self.codes:
            return False
        return self.whole_file or finding.line == self.target


def find_suppressions(text: str) -> list[Suppression]:
    """Every ``# planlint:`` comment in the plan text, readable or not."""
    from .yamlparse import comments

    found = []
    for comment in comments(text):
        directive = _DIRECTIVE.match(comment.text)
        if directive is None:
            continue
        shown = comment.text.strip()
        action = _ACTION.match(directive.group("rest"))
        if action is None:
            found.append(Suppression(comment.line, comment.column, shown, ()))
            continue
        codes = tuple(dict.fromkeys(code.strip().upper() for code in action.group("codes").split(",")))
        whole_file = action.group("action").lower() == "disable-file"
        target = comment.line + 1 if comment.alone else comment.line
        found.append(Suppression(comment.line, comment.column, shown, codes, whole_file, target))
    return found


def apply_suppressions(findings: list[Finding], text: str, settings: Any, rules: dict[str, Any]) -> list[Finding]:
    """``findings`` without the suppressed ones, plus a PLN023 per unused code.

    ``findings`` are complete (severity, line); so are the PLN023 findings
    returned, which obey the configuration like every other finding.
    """
    # scanning for comments costs a tokenizer pass: only when a directive may be there
    suppressions = find_suppressions(text) if _MAYBE_DIRECTIVE.search(text) else []
    if not suppressions:
        return findings
    kept = _silence(findings, suppressions)
    if not settings.selects(UNUSED):
        return kept
    unused = _unused(suppressions, settings, rules)
    severity = settings.severity_of(UNUSED, rules[UNUSED].severity)
    unused = [finding.with_(severity=severity, plugin="core") for finding in unused]
    # "# planlint: disable=PLN023" may silence these too (its own use is not judged)
    return kept + _silence(unused, suppressions)


def _silence(findings: list[Finding], suppressions: list[Suppression]) -> list[Finding]:
    # indexed by target line and by code: a file can hold 20.000 comments and as many
    # findings, and comparing each finding with every comment took minutes
    by_line: dict[int, list[Suppression]] = {}
    by_code: dict[str, list[Suppression]] = {}
    for s in suppressions:
        if s.whole_file:
            for code in s.codes:
                by_code.setdefault(code, []).append(s)
        else:
            by_line.setdefault(s.target, []).append(s)
    kept = []
    for finding in findings:
        if finding.code in NOT_SUPPRESSIBLE:
            kept.append(finding)
            continue
        if finding.line is None:
            covering = []
        else:
            near = by_line.get(finding.line, []) + by_code.get(finding.code, [])
            covering = [s for s in near if s.covers(finding)]
        for suppression in covering:
            suppression.used.add(finding.code)
        if not covering:
            kept.append(finding)
    return kept


#: How much of a comment a PLN023 message quotes, and how many of its codes it names:
#: a comment listing 1.000 codes gives one short finding, not 1.000 copies of itself.
EXCERPT = 60
NAMED_CODES = 5


def _excerpt(text: str) -> str:
    return text if len(text) <= EXCERPT else text[:EXCERPT - 1] + "…"


def _codes(codes: list[str], lang: str) -> str:
    """``PLN009``, ``PLN009 og PLN010``, ``A, B, C, D, E og 995 andre``."""
    from .i18n import join

    if len(codes) <= NAMED_CODES:
        return join(codes, lang)
    rest = len(codes) - NAMED_CODES
    return ", ".join(codes[:NAMED_CODES]) + (f" and {rest} more" if lang == "en" else f" og {rest} andre")


def _unused(suppressions: list[Suppression], settings: Any, rules: dict[str, Any]) -> list[Finding]:
    """One PLN023 per comment that silences nothing (or not all it names), saying why for each code."""
    out = []
    for s in suppressions:
        shown = _excerpt(s.text)
        if not s.codes:
            out.append(_finding(
                s, f"Kommentaren '{shown}' kan planlint ikke læse, så den undertrykker intet; "
                   "skriv '# planlint: disable=KODE' eller '# planlint: disable-file=KODE' (fx COF001).",
                f"planlint cannot read the comment '{shown}', so it suppresses nothing; "
                "write '# planlint: disable=CODE' or '# planlint: disable-file=CODE' (e.g. COF001)."))
            continue
        fixed: list[str] = []
        unknown: list[str] = []
        idle: list[str] = []
        for code in s.codes:
            if code in s.used or code == UNUSED:
                continue
            if code in NOT_SUPPRESSIBLE:
                fixed.append(code)
            elif code not in rules:
                unknown.append(code)
            elif settings.selects(code):
                idle.append(code)
        da: list[str] = []
        en: list[str] = []
        if fixed:
            da.append(f"{_codes(fixed, 'da')} kan ikke undertrykkes med en kommentar: fundet betyder, at filen "
                      "ikke blev kontrolleret. Ret filen, eller brug 'ignore' i konfigurationen, hvis det er ment.")
            en.append(f"{_codes(fixed, 'en')} cannot be suppressed by a comment: the finding means the file was "
                      "not checked. Fix the file, or use 'ignore' in the configuration if that is meant.")
        if unknown:
            one = len(unknown) == 1
            da.append(f"{'Koden' if one else 'Koderne'} {_codes(unknown, 'da')} i '{shown}' findes ikke (intet "
                      f"installeret plugin har {'den' if one else 'dem'}); ret {'koden' if one else 'koderne'} "
                      f"eller fjern {'den' if one else 'dem'} fra kommentaren.")
            en.append(f"The code{'' if one else 's'} {_codes(unknown, 'en')} in '{shown}' "
                      f"{'does' if one else 'do'} not exist (no installed plugin declares "
                      f"{'it' if one else 'them'}); correct {'the code' if one else 'them'} or remove "
                      f"{'it' if one else 'them'} from the comment.")
        if idle:
            where_da = "i filen" if s.whole_file else f"på linje {s.target}"
            where_en = "in the file" if s.whole_file else f"on line {s.target}"
            listed_da, listed_en = _codes(idle, "da"), _codes(idle, "en")
            da.append(f"'{shown}' undertrykker intet: der er intet {listed_da.replace(' og ', '- og ')}-fund "
                      f"{where_da}. Fjern {listed_da} fra kommentaren.")
            en.append(f"'{shown}' suppresses nothing: there is no {listed_en.replace(' and ', ' or ')} finding "
                      f"{where_en}. Remove {listed_en} from the comment.")
        if da:
            out.append(_finding(s, " ".join(da), " ".join(en)))
    return out


def _finding(suppression: Suppression, da: str, en: str) -> Finding:
    return Finding(code=PLN023.code, message=Message(da, en), path=(), line=suppression.line, column=suppression.column)

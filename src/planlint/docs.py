"""Rule documentation from the rule metadata: ``planlint rules``, ``planlint explain``
and the rules reference ``docs/rules.md``.

Nothing here is written per rule: every text comes from the ``Rule`` objects the
plugins declare (title, rationale, source, examples, pulje), so a new rule is
documented the moment it is registered.  Regenerate the reference with::

    python -m planlint.docs > docs/rules.md
"""

from __future__ import annotations

import difflib
import json
import sys
from typing import TextIO

from .findings import Severity
from .rule import Example, Rule

REGENERATE = "python -m planlint.docs > docs/rules.md"

_SEVERITY_WORD = {
    "da": {Severity.ERROR: "fejl", Severity.WARNING: "advarsel", Severity.INFO: "info"},
    "en": {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "info"},
}
_HEADINGS = {
    "da": ("Kode", "Niveau", "Grundlag", "Plugin", "Pulje", "Ret", "Titel"),
    "en": ("Code", "Severity", "Basis", "Plugin", "Pulje", "Fix", "Title"),
}
#: the mark of a rule with a fix in the rule tables (as ruff marks fixable rules)
FIX_MARK = "[*]"
#: what each basis (``planlint.rule.BASES``) means, for ``explain`` and the reference
BASIS_MEANING = {
    "krav": ("LBF's krav (regulativ, vejledning, LBF's ansøgningssider)",
             "LBF's requirement (regulativ, vejledning, LBF's application pages)"),
    "anbefaling": ("en anbefaling fra LBF eller CFBU", "a recommendation of LBF or CFBU"),
    "erfaring": ("erfaring fra evalueringer og praksis", "a lesson from evaluations and practice"),
    "format": ("planfilen selv (syntaks, format, henvisninger, egne regnestykker) eller planlints kørsel",
               "the plan file itself (syntax, format, references, its own arithmetic) or planlint's run"),
}
#: where the source keys are described (relative to docs/rules.md)
SOURCES_DOC = "sources.md"


def _lang(lang: str | None) -> str:
    return "en" if lang == "en" else "da"


def all_rules() -> list[Rule]:
    """Every registered rule (core and plugins), sorted by code."""
    from .plugins import build_registry

    return sorted(build_registry().rules.values(), key=lambda r: r.code)


def pulje_text(rule: Rule, lang: str) -> str:
    """The funding rounds a rule applies to; ``alle``/``all`` when it applies to every round."""
    if not rule.pulje:
        return "alle" if _lang(lang) == "da" else "all"
    return ", ".join(rule.pulje)


def severity_word(rule: Rule, lang: str) -> str:
    return _SEVERITY_WORD[_lang(lang)][rule.severity]


def basis_meaning(rule: Rule, lang: str) -> str:
    da, en = BASIS_MEANING.get(rule.basis, (rule.basis, rule.basis))
    return en if _lang(lang) == "en" else da


def _row(rule: Rule, lang: str) -> tuple[str, ...]:
    return (rule.code, severity_word(rule, lang), rule.basis, rule.plugin, pulje_text(rule, lang),
            FIX_MARK if rule.fix else "", rule.title.get(lang))


# --- planlint rules -------------------------------------------------------------

def rules_json(rules: list[Rule], lang: str) -> str:
    """Machine-readable rule list; ``title``/``rationale`` in ``lang``, both in ``titles``."""
    items = [{
        "code": r.code,
        "severity": r.severity.value,
        "basis": r.basis,
        "plugin": r.plugin,
        "pulje": list(r.pulje),
        "title": r.title.get(lang),
        "titles": {"da": r.title.da, "en": r.title.en},
        "rationale": r.rationale.get(lang),
        "source": r.source,
        "fix": r.fix.get(lang) if r.fix else None,
        "sources": [{"key": key, "detail": detail} for key, detail in r.sources],
        "prequalification": r.prequalification,
    } for r in rules]
    return json.dumps({"version": 1, "rules": items}, ensure_ascii=False, indent=2) + "\n"


def rules_text(rules: list[Rule], lang: str) -> str:
    """One aligned line per rule (for pipes and grep)."""
    rows = [_HEADINGS[_lang(lang)]] + [_row(r, lang) for r in rules]
    last = len(rows[0]) - 1  # the title, not padded
    widths = [max(len(row[i]) for row in rows) for i in range(last)]
    lines = ["  ".join(cell.ljust(widths[i]) for i, cell in enumerate(row[:last])) + "  " + row[last] for row in rows]
    return "\n".join(line.rstrip() for line in lines) + "\n"


def write_rules_rich(rules: list[Rule], lang: str, stream: TextIO, color: bool) -> None:
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    from .escape import rich_text

    styles = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}
    table = Table(*_HEADINGS[_lang(lang)], box=None, header_style="bold", pad_edge=False)
    for rule in rules:
        # a third-party plugin's title is text, never markup
        code, severity, basis, plugin, pulje, fix, title = (rich_text(cell) for cell in _row(rule, lang))
        table.add_row(code, Text(severity.plain, style=styles[rule.severity]), basis, plugin, pulje, fix, title)
    Console(file=stream, force_terminal=color, no_color=not color, highlight=False, markup=False).print(table)


def rules_markdown(rules: list[Rule]) -> str:
    """``docs/rules.md``: the overview table and every rule in full (Danish, then English)."""
    out = [
        "# planlint: regler / rules",
        "",
        f"<!-- Genereret fra reglernes metadata; ret ikke i hånden. Opdatér med: {REGENERATE} -->",
        f"<!-- Generated from the rule metadata; do not edit. Regenerate with: {REGENERATE} -->",
        "",
        _BASIS_MD,
        "",
        "| Kode | Niveau | Grundlag | Plugin | Pulje | Titel | Title |",
        "|---|---|---|---|---|---|---|",
    ]
    for rule in rules:
        out.append(f"| [{rule.code}](#{rule.code.lower()}) | {rule.severity.value} | {rule.basis} | {rule.plugin} | "
                   f"{pulje_text(rule, 'da')} | {_cell(rule.title.da)} | {_cell(rule.title.en)} |")
    out += ["", _SUPPRESS_MD, ""]
    for rule in rules:
        out += [f"## {rule.code}", "", f"**{rule.title.da}** / *{rule.title.en}*", "",
                f"Niveau / severity: `{rule.severity.value}` · grundlag / basis: `{rule.basis}` "
                f"({basis_meaning(rule, 'da')} / *{basis_meaning(rule, 'en')}*) · plugin: `{rule.plugin}` · "
                f"pulje: {pulje_text(rule, 'da')}",
                "",
                rule.rationale.da, "", f"*{rule.rationale.en}*", "", f"Kilde / source: {_sources_md(rule)}", ""]
        if rule.fix:
            out += [f"Rettelse (`--fix`): {rule.fix.da} / *Fix (`--fix`): {rule.fix.en}*", ""]
        for label, example in (("Fejler / fails", rule.bad), ("Består / passes", rule.good)):
            if example is not None:
                out += [f"{label}:", "", "```yaml", _snippet(example), "```", ""]
    return "\n".join(out).rstrip("\n") + "\n"


def _sources_md(rule: Rule) -> str:
    """The rule's sources with each key linked to its entry in docs/sources.md."""
    if not rule.sources:
        return rule.source
    return "; ".join(f"[{key}]({SOURCES_DOC}#{key}), {detail}" for key, detail in rule.sources)


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


_BASIS_MD = (
    "Grundlag / basis: `krav` = " + BASIS_MEANING["krav"][0] + "; `anbefaling` = " + BASIS_MEANING["anbefaling"][0]
    + "; `erfaring` = " + BASIS_MEANING["erfaring"][0] + "; `format` = " + BASIS_MEANING["format"][0]
    + ". Kun `krav` og `format` er fejl som standard; `anbefaling` og `erfaring` er højst advarsler "
    "(en konfiguration kan skærpe dem). Kilderne er beskrevet i [sources.md](sources.md). / "
    "Only `krav` and `format` default to error; `anbefaling` and `erfaring` are at most warnings "
    "(configuration may raise them). The sources are described in [sources.md](sources.md)."
)

_SUPPRESS_MD = (
    "Et fund undertrykkes med `# planlint: disable=KODE` sidst på linjen (eller alene på linjen over), "
    "i hele filen med `# planlint: disable-file=KODE`, og i et projekt med `ignore: [KODE]` i "
    "`.planlint.yaml`. / Suppress a finding with `# planlint: disable=CODE` at the end of its line "
    "(or alone on the line above), in a whole file with `# planlint: disable-file=CODE`, and in a "
    "project with `ignore: [CODE]` in `.planlint.yaml`."
)


# --- planlint explain -------------------------------------------------------------

def _snippet(example: Example) -> str:
    from .examples import example_snippet

    lines = [f"# {example.note}"] if example.note else []
    shown = example_snippet(example)
    if shown:
        lines.append(shown)
    return "\n".join(lines) or "#"


def _indent(text: str, prefix: str = "    ") -> str:
    return "\n".join(prefix + line if line else line for line in text.splitlines())


def find_rule(code: str, rules: list[Rule]) -> Rule | None:
    wanted = code.strip().upper()
    return next((r for r in rules if r.code == wanted), None)


def nearest_codes(code: str, rules: list[Rule] | list[str], n: int = 3) -> list[str]:
    """The registered codes (of rules, or codes) closest to a mistyped one (``COF01`` -> ``COF001``)."""
    codes = [r if isinstance(r, str) else r.code for r in rules]
    wanted = code.strip().upper()
    # the prefix names the plugin; a typo is rarely in it, so stay within it when it exists
    prefix = wanted.rstrip("0123456789")
    pool = [c for c in codes if c.rstrip("0123456789") == prefix] or codes
    # a code cut short (PLN01) is completed first; then codes that look alike
    completed = [c for c in pool if wanted and c.startswith(wanted)]
    alike = difflib.get_close_matches(wanted, pool, n=n, cutoff=0.5)
    return list(dict.fromkeys(completed + alike))[:n]


def explain_text(rule: Rule, lang: str) -> str:
    """Everything about one rule, as ``planlint explain`` prints it."""
    da = _lang(lang) == "da"
    words = (("Niveau", "Pulje", "Kilde", "Fejler", "Består", "Sådan undertrykkes fundet", "Grundlag") if da else
             ("Severity", "Pulje", "Source", "Fails", "Passes", "How to suppress it", "Basis"))
    out = [
        f"{rule.code}: {rule.title.get(lang)}",
        f"{words[0]}: {severity_word(rule, lang)} · plugin: {rule.plugin} · {words[1]}: {pulje_text(rule, lang)}",
        f"{words[6]}: {rule.basis} ({basis_meaning(rule, lang)})",
        "",
        rule.rationale.get(lang),
        "",
        f"{words[2]}: {rule.source}",
    ]
    if rule.fix:
        out += ["", f"{'Rettelse' if da else 'Fix'} (planlint check --fix): {rule.fix.get(lang)}"]
    for label, example in ((words[3], rule.bad), (words[4], rule.good)):
        if example is not None:
            out += ["", f"{label}:", _indent(_snippet(example))]
    out += ["", f"{words[5]}:"]
    if da:
        out += [f"    på linjen:    ...  # planlint: disable={rule.code} begrundelse",
                f"    i hele filen: # planlint: disable-file={rule.code}",
                f"    i projektet:  ignore: [{rule.code}]   (i .planlint.yaml)"]
    else:
        out += [f"    on the line:  ...  # planlint: disable={rule.code} reason",
                f"    in the file:  # planlint: disable-file={rule.code}",
                f"    project-wide: ignore: [{rule.code}]   (in .planlint.yaml)"]
    return "\n".join(out) + "\n"


def explain(code: str, lang: str) -> str:
    """The text of ``planlint explain CODE``; a ``UsageError`` naming the nearest codes."""
    from .errors import UsageError

    rules = all_rules()
    rule = find_rule(code, rules)
    if rule is not None:
        return explain_text(rule, lang)
    near = nearest_codes(code, rules)
    if near:
        raise UsageError(f"Reglen '{code}' findes ikke; mente du {' eller '.join(near)}?",
                         f"The rule '{code}' does not exist; did you mean {' or '.join(near)}?")
    raise UsageError(f"Reglen '{code}' findes ikke; 'planlint rules' viser alle regler.",
                     f"The rule '{code}' does not exist; 'planlint rules' lists every rule.")


def run_rules(format: str, lang: str, stream: TextIO, color: bool) -> int:
    """The body of ``planlint rules``."""
    rules = all_rules()
    if format == "json":
        stream.write(rules_json(rules, lang))
    elif format == "markdown":
        stream.write(rules_markdown(rules))
    elif format == "rich":
        write_rules_rich(rules, lang, stream, color)
    else:
        stream.write(rules_text(rules, lang))
    return 0


def main(argv: list[str] | None = None) -> int:
    """``python -m planlint.docs``: print docs/rules.md."""
    sys.stdout.reconfigure(encoding="utf-8", newline="\n")  # type: ignore[union-attr]
    sys.stdout.write(rules_markdown(all_rules()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

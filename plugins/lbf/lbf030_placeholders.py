"""A plan that still holds what `planlint init` wrote for the author to replace is not a
finished plan. `init` writes a complete, valid skeleton, so without this rule a skeleton
would pass `planlint check` as if it were ready to send to Landsbyggefonden. Two things mark
what is not yet written: a value that is a whole `<placeholder>` in angle brackets (the
plan's name, the people who sign, the housing section, the area's purpose, the example
activity's name; no real plan text looks like that, so a placeholder the author writes in
the same style is found too), and a budget whose every line still holds the skeleton's example
amounts. One warning per part of the plan (`plan`, `underskrifter`, `budget`, ...) names the
first places; a warning, because the plan may be a draft that is still being written.

Dansk:
En plan, der stadig indeholder det, `planlint init` skrev til forfatteren at erstatte, er ikke
en færdig plan. `init` skriver et komplet, gyldigt skelet, så uden denne regel ville et skelet
komme igennem `planlint check`, som om det var klar til Landsbyggefonden. To ting viser, hvad
der endnu ikke er skrevet: en værdi, der er en hel `<pladsholder>` i vinkelparenteser (planens
navn, dem der skriver under, boligafdelingen, indsatsområdets formål, eksempelaktivitetens navn;
ingen rigtig plantekst ser sådan ud, så en pladsholder, forfatteren selv skriver på samme måde,
findes også), og et budget, hvor hver linje stadig har skelettets eksempelbeløb. Én advarsel pr.
del af planen (`plan`, `underskrifter`, `budget`, ...) nævner de første steder; en advarsel, fordi
planen kan være et udkast, der stadig skrives på.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from planlint import EXAMPLE_COSTS, EXAMPLE_SOURCES, PLACEHOLDER, Base, Budget, Example, format_path, join, rule

#: how many placeholders a message names before "and N more"
SHOWN = 3


def placeholders(node: Any, path: tuple) -> Iterator[tuple[tuple, str]]:
    """Every string of the plan that is a whole ``<placeholder>``, with its path, in plan order."""
    if isinstance(node, str):
        if PLACEHOLDER.match(node.strip()):
            yield path, node
    elif isinstance(node, Base):
        for name, finfo in type(node).model_fields.items():
            yield from placeholders(getattr(node, name), path + (finfo.alias,))
    elif isinstance(node, list):
        for index, item in enumerate(node):
            yield from placeholders(item, path + (index,))


def _constant_amounts(rows: list | None) -> list[int] | None:
    """Each line's amount when every line has one amount for all its years, else None."""
    found = []
    for row in rows or []:
        values = set((row.amounts or {}).values())
        if len(values) != 1:
            return None
        found.append(values.pop())
    return sorted(found)


def example_budget(budget: Budget | None) -> bool:
    """The budget is still the skeleton's: the example amounts on every line, nothing else."""
    return (budget is not None
            and _constant_amounts(budget.sources) == sorted(EXAMPLE_SOURCES.values())
            and _constant_amounts(budget.costs) == sorted(EXAMPLE_COSTS.values()))


def _listing(found: list[tuple[tuple, str]], lang: str) -> str:
    shown = found if len(found) <= SHOWN + 1 else found[:SHOWN]  # never "and 1 more"
    items = [f"`{text}` ({format_path(path)})" for path, text in shown]
    if len(shown) < len(found):
        items.append(f"{len(found) - len(shown)} {'more' if lang == 'en' else 'andre'}")
    return join(items, lang)


@rule(
    code="LBF030",
    severity="warning",
    basis="format",
    title=("Planen indeholder pladsholdere fra planlint init", "The plan still holds placeholders from planlint init"),
    sources=(
        ("planlint-format", "Conventions: Placeholders (planlint init's `<placeholders>` and example budget)"),
        ("lbf-ansoegning-2011-2014", "an application brings its own budget with a proposal for local "
         "co-financing"),
    ),
    bad=Example(at="plan", yaml="navn: <Helhedsplanens navn>"),
    good=Example(at="plan", yaml="navn: Sammen om Østbyen"),
)
def check(plan, ctx):
    by_part: dict[str, list[tuple[tuple, str]]] = {}
    for path, text in placeholders(plan, ()):
        by_part.setdefault(str(path[0]), []).append((path, text))
    for part, found in by_part.items():
        first = found[0][0]
        if len(found) == 1:
            da_tail, en_tail = "er en pladsholder", "is a placeholder"
        else:
            da_tail, en_tail = "er pladsholdere", "are placeholders"
        yield ctx.finding(first,
                          da=f"Udfyld `{part}`: {_listing(found, 'da')} {da_tail} fra `planlint init`. "
                             "Skriv planens egne oplysninger i stedet.",
                          en=f"Fill in `{part}`: {_listing(found, 'en')} {en_tail} from `planlint init`. "
                             "Write the plan's own details instead.")
    if example_budget(plan.budget):
        yield ctx.finding(plan.budget, "finansiering",
                          da="Udfyld `budget`: finansieringen og udgifterne er stadig eksempelbeløbene fra "
                             "`planlint init`. Skriv planens egne beløb pr. år.",
                          en="Fill in `budget`: the financing and the costs are still the example amounts from "
                             "`planlint init`. Write the plan's own amounts per year.")

"""The budget's arithmetic, shared by every COF rule and by ``planlint_facts``.

Everything here is whole kroner (``int``) and exact shares (``Fraction``), so
a local share of exactly 25 % passes and 24,99 % fails, with no float
rounding in between.

Choices the spec leaves open (documented here once, used by every rule):

* A source's category follows its party's type (the plan format, "budget").  A source
  whose party is missing from ``parter`` (the core reports PLN009), or whose
  party has no type, is ``UNKNOWN``: it counts in the total but neither as
  LBF nor as local co-financing.  The local share can then only come out
  lower, never higher, so an unknown party never makes a plan pass.
* A budget that format errors left incomplete (a malformed amount, see
  ``Damage``) is not judged by the rules whose sums it changes, and a share
  that only fails because money from an unknown party is not counted as local
  is not reported (``undecided``): the core's PLN finding is the one finding.
* Amounts in years outside ``plan.periode`` are not counted anywhere (shares,
  sums, per-year figures; a stated total may also match the amounts as
  written, COF008); COF009 reports them.  When the
  period is unknown, every year written counts, since none can be ruled out.
"""

from __future__ import annotations

import weakref
from collections.abc import Iterable
from dataclasses import dataclass, field
from fractions import Fraction
from math import ceil, floor
from typing import Any, NamedTuple

from planlint import join, kr, percent

LBF = "lbf"
KOMMUNE = "kommune"
BOLIGORGANISATION = "boligorganisation"
ANDRE = "andre"
UNKNOWN = "ukendt"
LOCAL = (KOMMUNE, BOLIGORGANISATION, ANDRE)
CATEGORIES = (LBF, *LOCAL, UNKNOWN)

_CATEGORY_OF_TYPE = {
    "landsbyggefond": LBF,
    "kommune": KOMMUNE,
    "boligorganisation": BOLIGORGANISATION,
    "afdelingsbestyrelse": BOLIGORGANISATION,
}

#: how messages name a category: (Danish, English)
CATEGORY_WORDS = {
    LBF: ("Landsbyggefonden", "Landsbyggefonden (LBF)"),
    KOMMUNE: ("kommunen", "the municipality"),
    BOLIGORGANISATION: ("boligorganisationen", "the housing organisation"),
    ANDRE: ("andre parter", "other parties"),
    UNKNOWN: ("ukendte parter", "unknown parties"),
}


def category_of(plan: Any, party_id: str | None) -> str:
    """``lbf``, ``kommune``, ``boligorganisation``, ``andre`` or ``ukendt``."""
    party_type = plan.party_type(party_id) if party_id else None
    if party_type is None:
        return UNKNOWN
    return _CATEGORY_OF_TYPE.get(party_type, ANDRE)


def party_name(plan: Any, party_id: str | None) -> str:
    """The party's ``navn``, else its id, else ``?``."""
    party = plan.party(party_id) if party_id else None
    return (party.name if party is not None and party.name else None) or party_id or "?"


class Line(NamedTuple):  # never changed: a named tuple is ten times cheaper to create than a dataclass
    """One ``finansiering`` or ``udgifter`` entry, its years split by the period."""

    obj: Any  # planlint.model.Source or Cost
    counted: dict[int, int]  # years inside the period (or every year, period unknown)
    outside: dict[int, int]  # years outside the period: not counted
    category: str = ""  # sources only

    @property
    def total(self) -> int:
        return sum(self.counted.values())


@dataclass
class Money:
    """Kroner by category for the whole period or one year."""

    by_category: dict[str, int] = field(default_factory=lambda: dict.fromkeys(CATEGORIES, 0))

    @property
    def total(self) -> int:
        return sum(self.by_category.values())

    @property
    def lbf(self) -> int:
        return self.by_category[LBF]

    @property
    def local(self) -> int:
        return sum(self.by_category[c] for c in LOCAL)

    @property
    def unknown(self) -> int:
        return self.by_category[UNKNOWN]

    def __getitem__(self, category: str) -> int:
        return self.by_category[category]


class Verdict(NamedTuple):  # as Line
    """The co-financing test on one amount of money (the period or a year)."""

    local_share: Fraction
    lbf_share: Fraction
    passes: bool
    #: the smallest increase of local money (LBF unchanged) that passes;
    #: None when no increase can (a threshold of 100 % local, 0 % LBF)
    gap: int | None
    #: the smallest amount to move from LBF to local money, budget unchanged
    move: int


class Figures(NamedTuple):  # as Line
    """The budget in numbers: what the COF rules and the facts are made of."""

    years: list[int]  # the plan years; every year written when the period is unknown
    period_known: bool
    sources: list[Line]
    costs: list[Line]

    def financing(self, year: int | None = None) -> Money:
        money = Money()
        for line in self.sources:
            money.by_category[line.category] += line.total if year is None else line.counted.get(year, 0)
        return money

    def spending(self, year: int | None = None) -> int:
        if year is None:
            return sum(line.total for line in self.costs)
        return sum(line.counted.get(year, 0) for line in self.costs)

    @property
    def has_financing(self) -> bool:
        """True when the period holds financing worth more than 0 kr."""
        return self.financing().total > 0


#: The last plan's figures and damage: every COF rule asks for them, on the same
#: plan, one rule after the other.  One plan only (held until the next one
#: comes), so nothing grows with a run; the document is held weakly.
_LAST_FIGURES: tuple[Any, Any] = (None, None)
_LAST_DAMAGE: tuple[Any, Any, Any] = (None, None, None)


def figures(plan: Any) -> Figures | None:
    """The plan's budget figures, or None when it has no ``budget`` at all."""
    global _LAST_FIGURES
    if _LAST_FIGURES[0] is plan and plan is not None:
        return _LAST_FIGURES[1]
    result = _figures(plan)
    _LAST_FIGURES = (plan, result)
    return result


def _figures(plan: Any) -> Figures | None:
    budget = getattr(plan, "budget", None)
    if budget is None:
        return None
    plan_years = plan.period_years
    written: set[int] = set()
    # money still sought (1.1 ``status: søges``) is no financing yet: it counts in no share or sum
    granted = [s for s in budget.sources or [] if not s.sought]
    for obj in [*granted, *(budget.costs or [])]:
        written.update((obj.amounts or {}).keys())
    inside = set(plan_years) if plan_years else written

    def split(obj: Any, category: str = "") -> Line:
        amounts = obj.amounts or {}
        return Line(
            obj=obj,
            counted={y: a for y, a in amounts.items() if y in inside},
            outside={y: a for y, a in amounts.items() if y not in inside},
            category=category,
        )

    return Figures(
        years=sorted(plan_years or written),
        period_known=bool(plan_years),
        sources=[split(s, category_of(plan, s.party)) for s in granted],
        costs=[split(c) for c in budget.costs or []],
    )


class Damage(NamedTuple):  # as Line
    """Which of the budget's figures the core's format findings left incomplete.

    A malformed amount (PLN007), a year key that is no year, or a line that is
    no mapping is dropped from the model; the sums then lack money the plan
    wrote, and judging them would report one typo a second time as a wrong
    share or an unbalanced budget.  The COF rules do not judge such sums.
    """

    budget: bool = False  # ``budget`` was written but is not a mapping the model could keep
    financing: bool = False  # a financing line lost an amount (or the whole line)
    costs: bool = False  # a cost line lost an amount (or the whole line)


def damage(plan: Any, document: Any) -> Damage:
    """What format errors took out of the budget (see ``Damage``)."""
    global _LAST_DAMAGE
    last_plan, last_document, last = _LAST_DAMAGE
    if last_plan is plan and plan is not None and document is not None and last_document() is document:
        return last
    result = _damage(plan, document)
    try:
        _LAST_DAMAGE = (plan, weakref.ref(document), result)
    except TypeError:  # None, or a stand-in without weak references: not remembered
        _LAST_DAMAGE = (None, None, None)
    return result


def _damage(plan: Any, document: Any) -> Damage:
    if document is None:
        return Damage()
    budget = getattr(plan, "budget", None)
    if budget is None:
        return Damage(budget=document.wrote(("budget",)))

    def lost(key: str, lines: list[Any]) -> bool:
        node = document.node_at(("budget", key))
        if len(getattr(node, "items", None) or []) > len(lines):
            return True  # a line was dropped whole
        for line in lines:
            written = document.node_at(line.path_of("amounts"))
            pairs = getattr(written, "pairs", None)
            if pairs is not None:
                if len(pairs) > len(line.amounts or {}):
                    return True
            elif written is not None and document.wrote(line.path_of("amounts")):
                return True  # beløb: "2 mio." - no year map at all
        return False

    return Damage(financing=lost("finansiering", budget.sources or []),
                  costs=lost("udgifter", budget.costs or []))


def undecided(money: Money, cofinancing: Any) -> bool:
    """True when money from unknown parts (PLN009, or a party without a valid type) decides the verdict.

    The share fails as counted (unknown money is not local), but would pass if
    that money were local: the core's finding on the party is the one mistake,
    and fixing it may well make the plan pass.
    """
    if money.unknown <= 0:
        return False
    best = Money(dict(money.by_category))
    best.by_category[ANDRE] += best.by_category[UNKNOWN]
    best.by_category[UNKNOWN] = 0
    verdict = judge(best, cofinancing)
    return verdict is not None and verdict.passes


def judge(money: Money, cofinancing: Any) -> Verdict | None:
    """Local share >= ``local_min`` and LBF share <= ``lbf_max`` (None for 0 kr.)."""
    total, local, lbf = money.total, money.local, money.lbf
    if total <= 0:
        return None
    local_min: Fraction = cofinancing.local_min
    lbf_max: Fraction = cofinancing.lbf_max
    passes = local >= local_min * total and lbf <= lbf_max * total
    return Verdict(
        local_share=Fraction(local, total),
        lbf_share=Fraction(lbf, total),
        passes=passes,
        gap=_gap(total, local, lbf, local_min, lbf_max),
        move=max(0, ceil(local_min * total) - local, lbf - floor(lbf_max * total)),
    )


def _gap(total: int, local: int, lbf: int, local_min: Fraction, lbf_max: Fraction) -> int | None:
    """Smallest x >= 0 with (local+x)/(total+x) >= local_min and lbf/(total+x) <= lbf_max."""
    if local_min >= 1:
        for_local = 0 if local == total else None
    else:  # local + x >= local_min * (total + x)
        for_local = max(0, ceil((local_min * total - local) / (1 - local_min)))
    if lbf_max <= 0:
        for_lbf = 0 if lbf == 0 else None
    else:  # lbf <= lbf_max * (total + x)
        for_lbf = max(0, ceil(Fraction(lbf) / lbf_max - total))
    if for_local is None or for_lbf is None:
        return None
    return max(for_local, for_lbf)


def threshold(share: Fraction, lang: str) -> str:
    """A pack threshold as written: ``25 %``, ``12,5 %`` (no needless decimals)."""
    hundredths = share * 100
    decimals = 0 if hundredths.denominator == 1 else 1 if (hundredths * 10).denominator == 1 else 2
    return percent(share, lang, decimals)


def share_text(share: Fraction, lang: str, *, up: bool = False) -> str:
    """A computed share, truncated so 24,99 % never reads as 25,0 %.

    ``up=True`` rounds up instead, for a share above a maximum (75,01 % of
    LBF money must not read as 75,0 %).
    """
    if up:
        return percent(Fraction(ceil(share * 1000), 1000), lang)
    return percent(share, lang, down=True)


def years_text(years: Iterable[int], lang: str) -> str:
    return join(sorted(years), lang)


def describe_source(plan: Any, source: Any) -> tuple[str, str]:
    """``finansieringen fra Aarhus Kommune (naturalier)``, in Danish and English."""
    name = party_name(plan, source.party)
    if getattr(source, "in_kind", False):
        return f"naturaliebidraget fra {name}", f"the in-kind contribution from {name}"
    return f"finansieringen fra {name}", f"the financing from {name}"


def describe_cost(plan: Any, cost: Any) -> tuple[str, str]:
    """``udgiften til løn (A1 Fremskudt jobcenter)``, in Danish and English."""
    what = cost.category or "?"
    labels = {a.id: a.label for _, a in plan.activities() if a.id}
    detail = labels.get(cost.activity, cost.activity) if cost.activity else cost.note or cost.area
    suffix = f" ({detail})" if detail else ""
    return f"udgiften til {what}{suffix}", f"the cost line {what}{suffix}"


def shortfall(money: Money, verdict: Verdict, cofinancing: Any, lang: str, year: int | None = None) -> str:
    """What a failing verdict lacks, as a clause without a capital or a full stop.

    ``den lokale medfinansiering er 24,0 % (576.000 kr. af 2.400.000 kr.); der
    mangler 24.000 kr. for at nå 25 %`` (``i 2021`` after the subject for a year).
    """
    da = lang != "en"
    when = "" if year is None else (f" i {year}" if da else f" in {year}")
    if verdict.local_share < cofinancing.local_min:
        of = f"{kr(money.local, lang)}{' af ' if da else ' of '}{kr(money.total, lang)}"
        share = share_text(verdict.local_share, lang)
        state = (f"den lokale medfinansiering{when} er {share} ({of})" if da else
                 f"local co-financing{when} is {share} ({of})")
        goal = threshold(cofinancing.local_min, lang)
    else:  # only LBF's maximum fails (money from unknown parties, or a pack whose limits do not add up)
        of = f"{kr(money.lbf, lang)}{' af ' if da else ' of '}{kr(money.total, lang)}"
        share, maximum = share_text(verdict.lbf_share, lang, up=True), threshold(cofinancing.lbf_max, lang)
        state = (f"Landsbyggefondens andel{when} er {share} ({of}), mere end de tilladte {maximum}" if da else
                 f"Landsbyggefonden's share{when} is {share} ({of}), more than the allowed {maximum}")
        goal = threshold(1 - cofinancing.lbf_max, lang) + (" lokal andel" if da else " local share")
    # the shortfall at the same total budget: financing must equal costs, so
    # local money replaces LBF money (more local money alone would unbalance it)
    return (f"{state}; der mangler {kr(verdict.move, lang)} for at nå {goal}" if da else
            f"{state}; {kr(verdict.move, lang)} is missing to reach {goal}")


def capital(text: str) -> str:
    """The text with its first letter in upper case (``str.capitalize`` lowers the rest)."""
    return text[:1].upper() + text[1:]


def sentence(clause: str) -> str:
    """A clause as a sentence: first letter up, one full stop at the end (``kr.`` has one)."""
    return capital(clause) + ("" if clause.endswith(".") else ".")


def shortfall_hint(verdict: Verdict, lang: str) -> str:
    """How to close the gap: move money from LBF, or add local money (and costs)."""
    move = kr(verdict.move, lang)
    if verdict.gap is None or verdict.gap == verdict.move:
        return (f"Flyt mindst {move} fra Landsbyggefonden til lokal medfinansiering." if lang != "en" else
                f"Move at least {move} from Landsbyggefonden to local co-financing.")
    gap = kr(verdict.gap, lang)
    if lang == "en":
        return (f"Replace {move} of Landsbyggefonden's money with local money (municipality, housing organisation "
                f"or others) with the budget unchanged, or add at least {gap} of local money and as much to the costs.")
    return (f"Erstat {move} af Landsbyggefondens midler med lokale midler (kommune, boligorganisation eller andre) "
            f"ved uændret budget, eller tilfør mindst {gap} lokale midler og lige så meget til udgifterne.")


def unknown_note(figs: Figures, money: Money, lang: str) -> str:
    """A sentence on money from parties not in ``parter`` (not counted as local), or ''."""
    if money.unknown <= 0:
        return ""
    ids = sorted({line.obj.party or "?" for line in figs.sources if line.category == UNKNOWN})
    names = join([f"'{i}'" for i in ids], lang)
    if lang == "en":
        return (f" {kr(money.unknown, lang)} from {names}, which is not a party with a type in parter, "
                f"is not counted as local co-financing.")
    return (f" {kr(money.unknown, lang)} fra {names}, der ikke er en part med en type i parter, "
            f"er ikke regnet med som lokal medfinansiering.")


def _share(part: int, whole: int) -> float:
    return float(Fraction(part, whole)) if whole > 0 else 0.0


def facts(plan: Any, pack: Any) -> dict[str, Any]:
    """``{"cofinancing": ...}`` for ``planlint report``, from the rules' own figures.

    None when there is no budget or no financing in the period (COF011).
    Shares are floats for display (0.0 when there is no money to share); the
    rules judge with the exact fractions above.  A source whose party is
    unknown has the category ``ukendt``.  ``local_min_share``,
    ``lbf_max_share`` and ``gap_kr`` are None when the pulje has no rule pack.
    """
    figs = figures(plan)
    if figs is None or not figs.has_financing:
        return {"cofinancing": None}  # COF011: the co-financing cannot be computed
    money = figs.financing()
    total = money.total
    cof = pack.cofinancing if pack is not None else None
    verdict = judge(money, cof) if cof is not None else None  # total > 0 here: a verdict with any pack
    gap = None if verdict is None else 0 if verdict.passes else verdict.move
    years = {}
    for year in figs.years:
        in_year = figs.financing(year)
        years[year] = {"total": in_year.total, "lbf": in_year.lbf, "local": in_year.local,
                       "local_share": _share(in_year.local, in_year.total)}
    return {"cofinancing": {
        "total": total,
        "lbf": money.lbf,
        "local": money.local,
        "kommune": money[KOMMUNE],
        "boligorganisation": money[BOLIGORGANISATION],
        "andre": money[ANDRE],
        "lbf_share": _share(money.lbf, total),
        "local_share": _share(money.local, total),
        "kommune_share": _share(money[KOMMUNE], total),
        "local_min_share": float(cof.local_min) if cof is not None else None,
        "lbf_max_share": float(cof.lbf_max) if cof is not None else None,
        "gap_kr": gap,
        "years": years,
        "sources": [_source_facts(plan, line, total) for line in figs.sources],
        "sought": [{"part": s.party, "navn": party_name(plan, s.party) if s.party else "?",
                    "total": s.total if s.amounts else None}
                   for s in (plan.budget.sources or []) if s.sought],
        "costs_total": figs.spending(),
        "costs_by_category": _costs_by(figs, lambda cost: cost.category or ""),
        "costs_by_area": _costs_by(figs, _area_finder(plan)),
        "costs_by_year": {year: figs.spending(year) for year in figs.years},
    }}


def _source_facts(plan: Any, line: Line, total: int) -> dict[str, Any]:
    source = line.obj
    return {
        "part": source.party,
        "navn": party_name(plan, source.party) if source.party else "?",
        "category": line.category,
        "type": source.type or "kontant",
        "amounts": dict(sorted(line.counted.items())),
        "total": line.total,
        "share": _share(line.total, total),
    }


def _costs_by(figs: Figures, key: Any) -> dict[str, int]:
    sums: dict[str, int] = {}
    for line in figs.costs:
        name = key(line.obj)
        sums[name] = sums.get(name, 0) + line.total
    return sums


def _area_finder(plan: Any) -> Any:
    """A cost's indsatsområde: its own, else its activity's, else ``""``."""
    area_of_activity = {a.id: area.id for area, a in plan.activities() if a.id and area.id}

    def area(cost: Any) -> str:
        return cost.area or area_of_activity.get(cost.activity) or ""

    return area

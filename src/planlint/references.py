"""References between ids, unique ids and years inside the period (PLN008-010, PLN016).

These are format rules (FORMAT.md "Conventions"), checked on the model once
it is built, because they relate one part of the plan to another.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Iterable, Iterator

from .findings import Finding, Message, format_path
from .model import Base, Plan

if TYPE_CHECKING:  # pragma: no cover
    from .validate import Candidates

_TYPE_DA = {"kommune": "en kommune", "boligorganisation": "en boligorganisation"}
_TYPE_EN = {"kommune": "a municipality (kommune)", "boligorganisation": "a housing organisation"}


def check_references(plan: Plan, damaged: set[str] = frozenset()) -> list[Finding]:  # type: ignore[assignment]
    """PLN008-010 and PLN016 for a (possibly partial) plan.

    ``damaged`` names top-level sections that had format errors: objects may
    be missing from them, so references into them are not reported.
    """
    findings: list[Finding] = []
    findings.extend(_duplicate_ids(plan))
    findings.extend(_party_references(plan, "parter" in damaged))
    findings.extend(_other_references(plan, damaged))
    findings.extend(_years_outside_period(plan))
    return findings


def _candidates(known: Iterable[str]) -> Candidates:
    """The known ids, prepared once for every unknown one's suggestion."""
    from .validate import Candidates  # validate imports this module

    return Candidates(sorted(k for k in known if k))


def _unknown(path: tuple, value: str, what_da: str, what_en: str, known: Candidates) -> Finding:
    from .validate import closest

    guess = closest(value, known)
    tip_da = f" Mente du '{guess}'?" if guess else ""
    tip_en = f" Did you mean '{guess}'?" if guess else ""
    return Finding("PLN009", Message(
        f"'{value}' henviser til {what_da}, der ikke findes.{tip_da}",
        f"'{value}' refers to {what_en} that does not exist.{tip_en}"), path)


def _duplicate_ids(plan: Plan) -> Iterator[Finding]:
    groups: list[tuple[str, str, list[Any], str]] = [
        ("parter", "part", list(plan.parties or []), "id"),
        ("samarbejdsaftaler", "samarbejdsaftale", list(plan.agreements or []), "id"),
        ("indsatsområder", "indsatsområde", list(plan.areas or []), "id"),
        ("aktiviteter", "aktivitet", [a for _, a in plan.activities()], "id"),
        ("afdelinger", "afdeling", list(plan.sections or []), "number"),
    ]
    for _, what, objects, attr in groups:
        first_seen: dict[str, Base] = {}
        for obj in objects:
            value = getattr(obj, attr)
            if value is None:
                continue
            if value in first_seen:
                first = first_seen[value].plan_path
                yield Finding("PLN010", Message(
                    f"Id'et '{value}' bruges af mere end én {what} (også i {format_path(first)}); id'er skal være entydige.",
                    f"The id '{value}' is used by more than one {what} (also in {format_path(first)}); ids must be unique."),
                    obj.path_of(attr))
            else:
                first_seen[value] = obj


def _party_references(plan: Plan, parties_damaged: bool) -> Iterator[Finding]:
    staff_roles = plan.staff_roles()
    known: list[Candidates] = []  # the party ids for suggestions, prepared at the first unknown one

    def check(owner: Base, key: str, value: Any, index: int | None = None, want: str | None = None) -> Iterator[Finding]:
        if not isinstance(value, str):
            return
        path = owner.path_of(key) + ((index,) if index is not None else ())
        party = plan.party(value)  # the first part with that id; a second is PLN010
        if party is None:
            if parties_damaged:
                return
            if not known:
                known.append(_candidates(p.id for p in plan.parties or [] if p.id))
            yield _unknown(path, value, "en part", "a party", known[0])
        elif want and party.type and party.type != want:
            yield Finding("PLN016", Message(
                f"'{value}' er af typen {party.type}, men her skal stå {_TYPE_DA[want]}.",
                f"'{value}' is of type {party.type}, but {_TYPE_EN[want]} belongs here."), path)

    meta = plan.plan
    if meta is not None:
        yield from check(meta, "municipality", meta.municipality, want="kommune")
        for i, org in enumerate(meta.housing_orgs or []):
            yield from check(meta, "housing_orgs", org, i, want="boligorganisation")
    for section in plan.sections or []:
        yield from check(section, "housing_org", section.housing_org, want="boligorganisation")
    org = plan.organisation
    if org is not None:
        for body in (org.board, org.follow_group):
            for member in (body.members or []) if body else []:
                yield from check(member, "party", member.party)
        if org.project_lead is not None:
            yield from check(org.project_lead, "party", org.project_lead.party)
        for staff in org.staff or []:
            yield from check(staff, "party", staff.party)
    for signature in plan.signatures or []:
        yield from check(signature, "party", signature.party)
    for agreement in plan.agreements or []:
        for i, party in enumerate(agreement.parties or []):
            yield from check(agreement, "parties", party, i)
    for party in plan.parties or []:
        yield from check(party, "parent", party.parent)  # 1.1 hører_under
    for _, activity in plan.activities():
        for i, party in enumerate(activity.partners or []):
            yield from check(activity, "partners", party, i)
    for anchor in _forankringer(plan):
        for key in ("parties", "either"):  # hos, and (1.1) hos_en_af
            for i, party in enumerate(getattr(anchor, key) or []):
                # the plan's own staff in ``hos`` is the forankring plugin's
                # finding (no anchoring at all), not a dangling reference
                if party not in staff_roles:
                    yield from check(anchor, key, party, i)
    if plan.budget is not None:
        for source in plan.budget.sources or []:
            yield from check(source, "party", source.party)


def _other_references(plan: Plan, damaged: set[str]) -> Iterator[Finding]:
    agreements = {a.id for a in plan.agreements or [] if a.id}
    activities = {a.id for _, a in plan.activities() if a.id}
    areas = {a.id for a in plan.areas or [] if a.id}
    if "samarbejdsaftaler" in damaged:
        agreements = _Anything()
    if "indsatsområder" in damaged:
        activities = areas = _Anything()
    known_agreements, known_activities, known_areas = (_candidates(ids) for ids in (agreements, activities, areas))
    for anchor in _forankringer(plan):
        if anchor.agreement is not None and anchor.agreement not in agreements:
            yield _unknown(anchor.path_of("agreement"), anchor.agreement, "en samarbejdsaftale", "a cooperation agreement", known_agreements)
    if plan.budget is None:
        return
    for source in plan.budget.sources or []:
        if source.agreement is not None and source.agreement not in agreements:
            yield _unknown(source.path_of("agreement"), source.agreement, "en samarbejdsaftale", "a cooperation agreement", known_agreements)
    for cost in plan.budget.costs or []:
        if cost.activity is not None and cost.activity not in activities:
            yield _unknown(cost.path_of("activity"), cost.activity, "en aktivitet", "an activity", known_activities)
        if cost.area is not None and cost.area not in areas:
            yield _unknown(cost.path_of("area"), cost.area, "et indsatsområde", "an intervention area", known_areas)


def _forankringer(plan: Plan) -> list[Any]:
    """Every forankring: each area's (format 1.1) and each activity's."""
    found = []
    for area in plan.areas or []:
        found.append(area.forankring)
        found.extend(activity.forankring for activity in area.activities or [])
    return [anchor for anchor in found if anchor is not None]


def _criteria(plan: Plan) -> list[Any]:
    """Every success criterion: of the plan's goals, areas (format 1.1) and activities."""
    holders: list[Any] = [*plan.goals()]
    for area in plan.areas or []:
        holders += [area, *(activity for activity in area.activities or [])]
    return [c for holder in holders if holder is not None for c in holder.criteria or [] if c is not None]


class _Anything(set):
    """Stands in for the ids of a damaged section: every id may exist there."""

    def __contains__(self, item: object) -> bool:
        return True


def _years_outside_period(plan: Plan) -> Iterator[Finding]:
    years = plan.period_years
    if not years:
        return
    first, last = years[0], years[-1]
    maps: list[tuple[Base, str, dict | None]] = []
    for criterion in _criteria(plan):
        maps.append((criterion, "targets", criterion.targets))
    if plan.budget is not None:
        maps.extend((s, "amounts", s.amounts) for s in plan.budget.sources or [])
        maps.extend((c, "amounts", c.amounts) for c in plan.budget.costs or [])
    for owner, name, year_map in maps:
        for year in year_map or {}:
            if not first <= year <= last:
                yield Finding("PLN008", Message(
                    f"Året {year} ligger uden for planperioden {first}-{last}.",
                    f"The year {year} lies outside the plan period {first}-{last}."),
                    owner.path_of(name) + (str(year),))

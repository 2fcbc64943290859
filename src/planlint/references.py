"""References between ids, unique ids and target years inside the period (PLN008-010, PLN016).

These are format rules (FORMAT.md "Conventions"), checked on the model once
it is built, because they relate one piece of the plan to another.
"""

from __future__ import annotations

from typing import Any, Iterable, Iterator

from .findings import Finding, format_path
from .model import Base, Plan
from .rule import FORMAT, Example, declare
from .suggestions import Candidates, closest

# --- the format rules between parts of the plan: raised here --------------------------

PLN008 = declare(
    code="PLN008",
    severity="error",
    basis="format",
    title=("År uden for planperioden", "Year outside the plan period"),
    rationale=("Hvert år i et årskort skal ligge inden for plan.periode; ellers tælles det med i en periode, "
               "planen ikke dækker. PLN008 gælder succeskriteriernes mål; et budgetbeløb uden for perioden er "
               "COF009's fund (ét fund pr. fejl), fordi det siger, hvilket beløb der udelades af andele og summer.",
               "Every year in a year map must lie inside plan.periode; otherwise it counts towards a period the "
               "plan does not cover. PLN008 covers the targets of success criteria; a budget amount outside the "
               "period is COF009's finding (one finding per mistake), because it says which amount is left out "
               "of the shares and sums."),
    sources=((FORMAT, "Conventions: \"Every year in a year map must lie inside plan.periode\""),),
    bad=Example(at="indsatsområder[0].aktiviteter[0].succeskriterier[0]",
                yaml="mål: {2021: 25, 2022: 30, 2023: 35, 2024: 40, 2025: 45}"),
    good=Example(at="indsatsområder[0].aktiviteter[0].succeskriterier[0]",
                 yaml="mål: {2021: 25, 2022: 30, 2023: 35, 2024: 40}"),
)


PLN009 = declare(
    code="PLN009",
    severity="error",
    basis="format",
    title=("Henvisning til et id, der ikke findes", "Reference to an id that does not exist"),
    rationale=("Parter, aftaler, aktiviteter og indsatsområder henvises til med id; et id, der ikke findes, "
               "er en stavefejl eller en glemt part.",
               "Parties, agreements, activities and areas are referred to by id; an id that does not exist is "
               "a typo or a forgotten party."),
    sources=((FORMAT, "Conventions: \"A reference to an id that does not exist is an error\""),),
    bad=Example(at="indsatsområder[0].aktiviteter[0]", yaml="samarbejdspartnere: [ek, ab, redbarnet]"),
    good=Example(at="indsatsområder[0].aktiviteter[0]", yaml="samarbejdspartnere: [ek, ab]"),
)


PLN010 = declare(
    code="PLN010",
    severity="error",
    basis="format",
    title=("Samme id to gange", "Duplicate id"),
    rationale=("Id'er skal være entydige i deres liste (aktivitets-id'er i hele planen), ellers er en henvisning tvetydig.",
               "Ids must be unique within their list (activity ids across the whole plan), or a reference is ambiguous."),
    sources=((FORMAT, "Conventions: \"an id (a string, unique within its list)\""),),
    bad=Example(at="parter[3]", yaml="id: bo"),
    good=Example(at="parter[3]", yaml="id: ab"),
)


PLN016 = declare(
    code="PLN016",
    severity="error",
    basis="format",
    title=("Henvisning til en part af forkert type", "Reference to a party of the wrong type"),
    rationale=("plan.kommune skal pege på en part af typen kommune, og boligorganisationer og afdelingers "
               "boligorganisation på parter af typen boligorganisation.",
               "plan.kommune must point at a party of type kommune, and boligorganisationer and an afdeling's "
               "boligorganisation at parties of type boligorganisation."),
    sources=((FORMAT, "plan and afdelinger"),),
    bad=Example(at="plan", yaml="kommune: bo"),
    good=Example(at="plan", yaml="kommune: ek"),
)


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
    return Candidates(sorted(k for k in known if k))


def _unknown(path: tuple, value: str, what_da: str, what_en: str, known: Candidates) -> Finding:
    guess = closest(value, known)
    tip_da = f" Mente du '{guess}'?" if guess else ""
    tip_en = f" Did you mean '{guess}'?" if guess else ""
    return PLN009.finding(
        path,
        da=f"'{value}' henviser til {what_da}, der ikke findes.{tip_da}",
        en=f"'{value}' refers to {what_en} that does not exist.{tip_en}")


def _duplicate_ids(plan: Plan) -> Iterator[Finding]:
    groups: list[tuple[str, str, list[Any], str]] = [  # what, in Danish and in English
        ("part", "party", list(plan.parties or []), "id"),
        ("samarbejdsaftale", "cooperation agreement", list(plan.agreements or []), "id"),
        ("indsatsområde", "intervention area", list(plan.areas or []), "id"),
        ("aktivitet", "activity", [a for _, a in plan.activities()], "id"),
        ("afdeling", "afdeling", list(plan.sections or []), "number"),
    ]
    for what, what_en, objects, attr in groups:
        first_seen: dict[str, Base] = {}
        for obj in objects:
            value = getattr(obj, attr)
            if value is None:
                continue
            if value in first_seen:
                first = first_seen[value].plan_path
                yield PLN010.finding(
                    obj.path_of(attr),
                    da=f"Id'et '{value}' bruges af mere end én {what} (også i {format_path(first)}); id'er skal være entydige.",
                    en=f"The id '{value}' is used by more than one {what_en} (also in {format_path(first)}); ids must be unique.")
            else:
                first_seen[value] = obj


#: A place that names a party: the object, its key, the id written there, its index in a
#: list (or None), and the party type that belongs there (or None for any type).
PartyMention = tuple[Base, str, Any, "int | None", "str | None"]


def _party_references(plan: Plan, parties_damaged: bool) -> Iterator[Finding]:
    """PLN009 for a party id that does not exist, PLN016 for a party of the wrong type."""
    known: list[Candidates] = []  # the party ids for suggestions, prepared at the first unknown one
    for owner, key, value, index, want in _party_mentions(plan):
        if not isinstance(value, str):
            continue
        path = owner.path_of(key) + ((index,) if index is not None else ())
        party = plan.party(value)  # the first party with that id; a second is PLN010
        if party is None:
            if parties_damaged:
                continue
            if not known:
                known.append(_candidates(p.id for p in plan.parties or [] if p.id))
            yield _unknown(path, value, "en part", "a party", known[0])
        elif want and party.type and party.type != want:
            yield PLN016.finding(
                path,
                da=f"'{value}' er af typen {party.type}, men her skal stå {_TYPE_DA[want]}.",
                en=f"'{value}' is of type {party.type}, but {_TYPE_EN[want]} belongs here.")


def _party_mentions(plan: Plan) -> Iterator[PartyMention]:
    """Every place in the plan that names a party by id, in the order of the file's sections."""
    meta = plan.plan
    if meta is not None:
        yield meta, "municipality", meta.municipality, None, "kommune"
        for i, org in enumerate(meta.housing_orgs or []):
            yield meta, "housing_orgs", org, i, "boligorganisation"
    for section in plan.sections or []:
        yield section, "housing_org", section.housing_org, None, "boligorganisation"
    org = plan.organisation
    if org is not None:
        for body in (org.board, org.follow_group):
            for member in (body.members or []) if body else []:
                yield member, "party", member.party, None, None
        if org.project_lead is not None:
            yield org.project_lead, "party", org.project_lead.party, None, None
        for staff in org.staff or []:
            yield staff, "party", staff.party, None, None
    for signature in plan.signatures or []:
        yield signature, "party", signature.party, None, None
    for agreement in plan.agreements or []:
        for i, party in enumerate(agreement.parties or []):
            yield agreement, "parties", party, i, None
    for party in plan.parties or []:
        yield party, "parent", party.parent, None, None  # 1.1 hører_under
    staff_roles = plan.staff_roles()
    for _, activity in plan.activities():
        for i, party in enumerate(activity.partners or []):
            yield activity, "partners", party, i, None
    for anchor in _forankringer(plan):
        for key in ("parties", "either"):  # hos, and (1.1) hos_en_af
            for i, party in enumerate(getattr(anchor, key) or []):
                # the plan's own staff in ``hos`` is the forankring plugin's
                # finding (no anchoring at all), not a dangling reference
                if party not in staff_roles:
                    yield anchor, key, party, i, None
    if plan.budget is not None:
        for source in plan.budget.sources or []:
            yield source, "party", source.party, None, None


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
    # budget amounts (finansiering, udgifter) are COF009's: one mistake, one finding, and that
    # finding names the amount and that it is left out of the shares and sums
    for criterion in _criteria(plan):
        maps.append((criterion, "targets", criterion.targets))
    for owner, name, year_map in maps:
        for year in year_map or {}:
            if not first <= year <= last:
                yield PLN008.finding(
                    owner.path_of(name) + (str(year),),
                    da=f"Året {year} ligger uden for planperioden {first}-{last}.",
                    en=f"The year {year} lies outside the plan period {first}-{last}.")

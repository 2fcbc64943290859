"""What the forankring rules share: who an anchor is, when a hand-over is, what commits it.

Every rule module and ``planlint_facts`` ask these questions through the
functions below, so the report's per-activity status and the findings can
never disagree.  All functions take partial plans: any field may be None.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import TYPE_CHECKING, Iterator, NamedTuple

if TYPE_CHECKING:  # pragma: no cover
    from planlint import Activity, Agreement, Area, Forankring, Party, Plan, PlanDocument, RulePack

    from .pack_section import ForankringTerms

#: the party type that needs no samarbejdsaftale to take an activity over:
#: the residents' own board is the plan's lasting owner by construction
RESIDENTS_BOARD = "afdelingsbestyrelse"

# --- who: the kinds of entry in ``forankring.hos`` ---------------------------

STAFF = "staff"        # a rolle of organisation.medarbejdere: the plan's own post
OWN_PLAN = "own_plan"  # a party that is the plan itself or its secretariat
PARTY = "party"        # a party that can outlive the plan
UNKNOWN = "unknown"    # no such party (the core reports PLN009)


# The records below are named tuples: immutable like a frozen dataclass, and
# about ten times cheaper to create at start-up (Python 3.11 compiles each of
# a dataclass's generated methods when the module is imported).


class Anchor(NamedTuple):
    """One entry of ``forankring.hos``, classified."""

    index: int
    value: str
    kind: str
    party: "Party | None" = None
    #: the key it stands under: ``hos``, or (1.1) ``hos_en_af`` (one of these takes over)
    key: str = "hos"

    @property
    def name(self) -> str:
        return (self.party.name if self.party and self.party.name else None) or self.value

    @property
    def is_residents_board(self) -> bool:
        return self.party is not None and self.party.type == RESIDENTS_BOARD


def terms(pack: "RulePack | None") -> "ForankringTerms | None":
    return pack.section("forankring") if pack is not None else None


def _matches(patterns: list[str], text: str) -> str | None:
    """The first pattern found in ``text`` (case-insensitive), or None."""
    for pattern in patterns:
        if re.search(pattern, text, re.IGNORECASE):
            return pattern
    return None


def _normal(text: str) -> str:
    return " ".join(text.split()).casefold()


def is_own_plan(plan: "Plan", party: "Party", pack: "RulePack | None") -> bool:
    """True for a party that *is* the plan: its secretariat, or a party named like the plan.

    A party counts when its type is one of the pack's ``own_plan_types``
    (``andet``, ``boligorganisation``: where a secretariat is listed) and its
    name matches one of ``own_plan_names`` ("Helhedsplanens sekretariat",
    "Det boligsociale sekretariat", "Projektsekretariatet"), or it is of type
    ``andet`` and bears the plan's own name.  A kommune, an association or an
    afdelingsbestyrelse is never the plan itself.
    """
    known = terms(pack)
    name = party.name or ""
    if not name.strip() or party.parent is not None:
        return False  # a unit of another party (1.1 hører_under) is that party's, not the plan's
    if party.type == "andet" and plan.meta.name and _normal(name) == _normal(plan.meta.name):
        return True
    if known is None or party.type not in known.own_plan_types:
        return False
    return _matches(known.own_plan_names, name) is not None


def anchors(plan: "Plan", forankring: "Forankring | None", pack: "RulePack | None") -> list[Anchor]:
    """The entries of ``hos`` with their kind (non-text entries are skipped)."""
    if forankring is None:
        return []
    roles = plan.staff_roles()
    found = []
    entries = [("hos", i, v) for i, v in enumerate(forankring.parties or [])]
    entries += [("hos_en_af", i, v) for i, v in enumerate(forankring.either or [])]
    for key, index, value in entries:
        if not isinstance(value, str):
            continue
        party = plan.party(value)
        # a rolle wins over a party with the same id, as in the core's PLN009 check:
        # "jobkonsulent" is the plan's post even when listed as a party too
        if value in roles:
            kind = STAFF
        elif party is None:
            kind = UNKNOWN
        elif is_own_plan(plan, party, pack):
            kind = OWN_PLAN
        else:
            kind = PARTY
        found.append(Anchor(index, value, kind, party, key))
    return found


def undecided(forankring: "Forankring | None") -> list[str]:
    """The candidates of ``hos_en_af`` when ``hos`` names nobody and more than one may take over."""
    if forankring is None or forankring.parties:
        return []
    either = [value for value in forankring.either or [] if isinstance(value, str)]
    return either if len(either) > 1 else []


# --- whose forankring: activities', and (1.1) areas' ---------------------------

def holders(plan: "Plan") -> Iterator[tuple["Activity | Area", "Forankring"]]:
    """Every forankring the plan writes, with its holder, in plan order.

    An area's forankring (1.1) stands for each of its activities without one
    of their own; it is judged once, here, at the area.
    """
    for area in plan.areas or []:
        if area.forankring is not None:
            yield area, area.forankring
        for activity in area.activities or []:
            if activity.forankring is not None:
                yield activity, activity.forankring


def named(holder: "Activity | Area", lang: str, lower: bool = False) -> str:
    """``Aktivitet 5.1.1 Forældre og læring`` / ``Indsatsområde io1 Beskæftigelse``."""
    kind = holder.kind[1] if lang == "en" else holder.kind[0]
    return f"{kind.lower() if lower else kind} {holder.label}"


def involved(holder: "Activity | Area") -> set:
    """Who helps carry the holder: its samarbejdspartnere and ansvarlig (an area: its activities')."""
    activities = getattr(holder, "activities", None)
    group = [a for a in activities or [] if a is not None] if activities is not None else [holder]
    return {p for a in group for p in [*(a.partners or []), a.responsible] if p is not None}


def own_organisations(plan: "Plan") -> set[str]:
    """The applicant's own boligorganisationer: plan.boligorganisationer and the afdelinger's owners."""
    owners = {section.housing_org for section in plan.sections or []}
    return {p for p in [*(plan.meta.housing_orgs or []), *owners] if isinstance(p, str)}


def is_own_organisation(plan: "Plan", party_id: str) -> bool:
    """The applicant's own boligorganisation, or (1.1) a unit of it (its driftsafdeling)."""
    return bool(own_organisations(plan) & set(plan.parent_chain(party_id)))


def committed_by_parent_signature(plan: "Plan", party_id: str) -> bool:
    """A unit (1.1 hører_under) whose parent signed the plan is committed by that signature."""
    signed = {s.party for s in plan.signatures or []}
    return bool(signed & set(plan.parent_chain(party_id)[1:]))


def lasting_anchors(plan: "Plan", forankring: "Forankring | None", pack: "RulePack | None") -> list[Anchor]:
    """The anchors that are real parties able to outlive the plan."""
    return [a for a in anchors(plan, forankring, pack) if a.kind == PARTY]


# --- how -------------------------------------------------------------------

def says(text: object) -> bool:
    """True for a text with content (blank strings say nothing)."""
    return isinstance(text, str) and bool(text.strip())


# --- when: a hand-over is a date or a bare year ------------------------------

def handover_span(value: object) -> tuple[date, date] | None:
    """The first and last day the hand-over can fall on.

    ``hvornår: 2016-06-30`` is that day; ``hvornår: 2016`` is any day of
    2016, and the rules give the plan the benefit of the doubt (a bare year
    is "after the period" only if all of it is, and so on).
    """
    if isinstance(value, date):
        return value, value
    if isinstance(value, int) and not isinstance(value, bool):
        try:
            return date(value, 1, 1), date(value, 12, 31)
        except ValueError:
            return None
    return None


def period_start(plan: "Plan") -> date | None:
    period = plan.meta.period
    return period.start if period is not None and isinstance(period.start, date) else None


def period_end(plan: "Plan") -> date | None:
    period = plan.meta.period
    return period.end if period is not None and isinstance(period.end, date) else None


def last_year_start(end: date) -> date:
    """The first day of the period's final twelve months (2024-01-01 for 2024-12-31)."""
    try:
        return end.replace(year=end.year - 1) + timedelta(days=1)
    except ValueError:  # 29 February
        return date(end.year - 1, 3, 1)


def when_text(value: object) -> str:
    return value.isoformat() if isinstance(value, date) else str(value)


# --- on what agreement ---------------------------------------------------------

NOT_SIGNED = "not_signed"    # the named aftale lists the party but is not signed
NOT_LISTED = "not_listed"    # the named aftale does not list the party
NO_AGREEMENT = "none"        # no signed aftale anywhere lists the party
AGREED = "agreed"            # committed only by an aftale with status indgået (1.1): info


class AgreementGap(NamedTuple):
    anchor: Anchor
    problem: str
    agreement: "Agreement | None" = None


def agreement_gaps(plan: "Plan", forankring: "Forankring | None", pack: "RulePack | None",
                   document: "PlanDocument | None" = None) -> Iterator[AgreementGap]:
    """Each lasting anchor (other than an afdelingsbestyrelse) its agreement does not commit.

    The forankring's own ``aftale`` is judged when it names an existing
    agreement: it must list the party and be signed.  Without ``aftale`` (or
    with an id that does not exist, which the core reports as PLN009) any
    signed samarbejdsaftale of the plan that lists the party commits it:
    the rule asks for "a signed aftale", not for the cross-reference.

    An agreement whose ``status`` or ``parter`` the file wrote but the format
    rejected (a PLN finding) cannot be judged; with ``document`` given, no gap
    is reported that such an agreement might close.
    """
    if forankring is None:
        return
    if document is not None and any(_damaged(a, document) for a in plan.agreements or []):
        named_id = forankring.agreement
        named_agreement = plan.agreement(named_id) if named_id else None
        if named_agreement is None or _damaged(named_agreement, document):
            return
    named = plan.agreement(forankring.agreement) if forankring.agreement else None
    signed_parties = {
        party
        for agreement in plan.agreements or []
        if agreement.signed
        for party in agreement.parties or []
    }
    agreed_parties = {
        party
        for agreement in plan.agreements or []
        if agreement.commits
        for party in agreement.parties or []
    }
    for anchor in lasting_anchors(plan, forankring, pack):
        if anchor.is_residents_board:
            continue
        if is_own_organisation(plan, anchor.value) or committed_by_parent_signature(plan, anchor.value):
            continue  # no aftale with itself: the applicant (and its units) signed the plan
        # a unit (1.1 hører_under) is committed by its parent's agreements too
        chain = set(plan.parent_chain(anchor.value))
        if named is not None:
            if not chain & set(named.parties or []):
                yield AgreementGap(anchor, NOT_LISTED, named)
            elif not named.commits:
                yield AgreementGap(anchor, NOT_SIGNED, named)
            elif not named.signed:
                yield AgreementGap(anchor, AGREED, named)
        elif not chain & signed_parties:
            agreed = next((a for a in plan.agreements or [] if a.commits and chain & set(a.parties or [])), None)
            yield AgreementGap(anchor, AGREED, agreed) if agreed is not None else AgreementGap(anchor, NO_AGREEMENT)


def _damaged(agreement: "Agreement", document: "PlanDocument") -> bool:
    return any(getattr(agreement, name) is None and document.wrote(agreement.path_of(name))
               for name in ("status", "parties"))


# --- conditions ----------------------------------------------------------------

def funding_conditions(forankring: "Forankring | None", pack: "RulePack | None") -> Iterator[tuple[int, str]]:
    """(index, text) of each ``betingelser`` entry that asks for more money."""
    known = terms(pack)
    if forankring is None or known is None:
        return
    for index, condition in enumerate(forankring.conditions or []):
        if says(condition) and _matches(known.funding_conditions, condition):
            yield index, condition.strip()


# --- the report's status -----------------------------------------------------------

def activity_key(activity: "Activity") -> str:
    from planlint import format_path

    return activity.id or format_path(activity.plan_path)


def status(plan: "Plan", activity: "Activity", pack: "RulePack | None",
           area: "Area | None" = None) -> dict[str, object]:
    """Who / how / when / agreement for one activity, as ``planlint report`` shows it.

    Without a forankring of its own, the activity has its area's (1.1)."""
    forankring = activity.forankring or (area.forankring if area is not None else None)
    who = bool(lasting_anchors(plan, forankring, pack))
    how = forankring is not None and says(forankring.how)
    when = forankring is not None and handover_span(forankring.when) is not None
    agreement = who and not any(gap.problem != AGREED for gap in agreement_gaps(plan, forankring, pack))
    return {
        "label": activity.label,
        "who": who,
        "how": how,
        "when": when,
        "agreement": agreement,
        "complete": who and how and when and agreement,
    }

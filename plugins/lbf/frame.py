"""What several LBF rules share: who must sign and sit on the board, how to name a party, where to point."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from planlint import Plan, Severity

#: The party type that is Landsbyggefonden itself; every other financing party is local co-financing
#: (the plan format, budget: "A source's category follows its part's type").
LBF_TYPE = "landsbyggefond"


def present_or_plan(ctx, key: str) -> tuple:
    """``(key,)`` when the plan writes the top-level ``key``, else ``("plan",)``.

    A missing top-level section has no line of its own; the issue asks for
    such findings at ``plan``, the plan's heading, rather than at line 1.
    """
    if ctx.document is not None and ctx.document.value_position((key,)) is not None:
        return (key,)
    return ("plan",)


def party_label(plan: Plan, party_id: str) -> str:
    """``Eksempel Kommune (ek)``, or just ``ek`` when the party has no name."""
    party = plan.party(party_id)
    return f"{party.name} ({party_id})" if party is not None and party.name else party_id


def known(plan: Plan, ids: Iterable[str | None]) -> Iterator[str]:
    """The ids that name an existing part, once each, in order.

    An id that names no party is already PLN009; repeating it here would
    report one typo twice.
    """
    seen: set[str] = set()
    for party_id in ids:
        if isinstance(party_id, str) and party_id not in seen and plan.party(party_id) is not None:
            seen.add(party_id)
            yield party_id


def responsible_housing_orgs(plan: Plan) -> list[str]:
    """plan.boligorganisationer and every boligorganisation that owns an afdeling."""
    owners = [section.housing_org for section in plan.sections or []]
    return list(known(plan, [*(plan.meta.housing_orgs or []), *owners]))


def responsible_parties(plan: Plan) -> list[str]:
    """The kommune and the responsible boligorganisationer: who signs and who leads."""
    return list(known(plan, [plan.meta.municipality, *responsible_housing_orgs(plan)]))


def board_party_ids(plan: Plan) -> set[str]:
    """The parties with a member in organisation.bestyrelse."""
    org = plan.organisation
    board = org.board if org is not None else None
    return {m.party for m in (board.members or []) if m.party} if board is not None else set()


def board_gaps(plan: Plan) -> list[str]:
    """The kommune and responsible boligorganisationer with no member on the board."""
    members = board_party_ids(plan)
    return [party_id for party_id in responsible_parties(plan) if party_id not in members]


#: rounds whose plans call the steering body a styregruppe (the boligsocial bestyrelse came in 2015-2018)
_STEERING_GROUP_ROUNDS = ("2006-2010", "2011-2014")


def body_words(plan: Plan) -> dict[str, str]:
    """How to name the steering body as the plan does.

    ``{"da": "styregruppen", "da_a": "en styregruppe", "en": "the steering group", "en_a": ...}``:
    the plan's own ``bestyrelse.navn`` when it has one (definite form), else the round's word.
    """
    if plan.pulje_name in _STEERING_GROUP_ROUNDS:
        words = {"da": "styregruppen", "da_a": "styregruppe", "en": "the steering group", "en_a": "steering group"}
    else:
        words = {"da": "den boligsociale bestyrelse", "da_a": "boligsocial bestyrelse",
                 "en": "the boligsocial board", "en_a": "boligsocial board"}
    org = plan.organisation
    name = org.board.name.strip() if org is not None and org.board is not None and org.board.name else ""
    if name:
        # "Styregruppen" -> "styregruppen"; an abbreviation ("BSB") keeps its capitals
        words["da"] = name[0].lower() + name[1:] if name[1:2].islower() else name
    return words


def has_board(plan: Plan) -> bool:
    org = plan.organisation
    return bool(org is not None and org.board is not None and org.board.members)


def matches(text: str | None, patterns: Iterable[str]) -> bool:
    """True when any pack pattern (case-insensitive regex) occurs in the text."""
    return bool(text) and any(re.search(p, text, re.IGNORECASE) for p in patterns)


def at_least_warning(severity: str) -> bool:
    return Severity.parse(severity).rank >= Severity.WARNING.rank

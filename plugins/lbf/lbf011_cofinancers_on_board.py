"""Co-financing partners who had no seat in the steering group did not deliver what they had
agreed, and nobody had the standing to ask them (Fra Hærværk til Netværk,
haervaerk-netvaerk-2012). LBF itself asks only for the top management of kommune and
boligorganisation in the bestyrelse; other parties "kan også være med"
(lbf-organisation-oekonomi). So a co-financer without a seat is a lesson from an evaluation
(basis erfaring), reported as info: consider giving every party that co-finances the plan (a
financing source whose part is not Landsbyggefonden) a member on the boligsocial bestyrelse. The kommune and the boligorganisationer are
LBF010's concern where the pack makes their seats a warning or an error, and are not repeated
here; without any board, LBF010 reports the missing board instead, except in a round with no
board requirement (2006-2010), where each co-financer without a seat is reported here.

Dansk:
Medfinansierende partnere uden plads i styregruppen leverede ikke det aftalte, og ingen havde
mandat til at kræve det (Fra Hærværk til Netværk, haervaerk-netvaerk-2012). LBF selv beder kun
om topledelsen fra kommune og boligorganisation i bestyrelsen; andre parter "kan også være med"
(lbf-organisation-oekonomi). En medfinansierende part uden plads er derfor en erfaring fra en
evaluering (grundlag erfaring) og meldes som info: overvej at give hver part, der medfinansierer
planen (en finansieringskilde, hvis part ikke er Landsbyggefonden), et medlem i den boligsociale
bestyrelse. Kommunen og boligorganisationerne er LBF010's sag, hvor regelpakken gør
deres pladser til en advarsel eller fejl; uden bestyrelse melder LBF010 den manglende bestyrelse,
undtagen i en pulje uden krav om bestyrelse (2006-2010), hvor hver medfinansierende part meldes her.
"""

from planlint import Example, kr, rule

from .frame import (LBF_TYPE, at_least_warning, board_gaps, board_party_ids, body_words, has_board, known, party_label,
                    present_or_plan)


def _cofinancing(plan) -> dict[str, int]:
    """Kroner per co-financing party (every non-LBF source with money), in plan order."""
    totals: dict[str, int] = {}
    for source in (plan.budget.sources or []) if plan.budget else []:
        if source.party and plan.party_type(source.party) not in (None, LBF_TYPE) and source.total > 0 \
                and not source.sought:  # money still applied for (1.1) co-finances nothing yet
            totals[source.party] = totals.get(source.party, 0) + source.total
    return {party_id: totals[party_id] for party_id in known(plan, totals)}


@rule(
    code="LBF011",
    severity="info",
    basis="erfaring",
    title=("En medfinansierende part sidder ikke i bestyrelsen", "A co-financing party has no seat on the board"),
    sources=(
        ("haervaerk-netvaerk-2012", "6.1 Det centrale samarbejde: BUF \"har haft svært at levere den "
         "medfinansiering, der var aftalt\""),
        ("lbf-organisation-oekonomi", "other parties \"kan også være med\" in the bestyrelse: a seat is "
         "not required"),
    ),
    bad=Example(at="budget.finansiering[2]", yaml="part: ab"),
    good=Example(at="budget.finansiering[2]", yaml="part: bo"),
)
def check(plan, ctx):
    board_rule = ctx.pack.board if ctx.pack is not None else None
    board_applies = board_rule is not None and board_rule.applies
    if has_board(plan):
        place = (plan.organisation.board, "medlemmer")
    elif board_rule is None or board_applies:
        return  # LBF010 reports the missing board (or no pack to judge by)
    else:  # a round without a board requirement (2006-2010): the co-financers still need their seats
        org = plan.organisation
        place = (present_or_plan(ctx, "organisation"),) if org is None else \
            (org.path_of("board"),) if org.board is None else (org.board.path_of("members"),)
    members = board_party_ids(plan)
    body = body_words(plan)  # "styregruppen" in plans before 2015, or the plan's own name for it
    covered = set(board_gaps(plan)) if board_applies and at_least_warning(board_rule.severity) else set()
    for party_id, amount in _cofinancing(plan).items():
        if party_id in members or party_id in covered:
            continue
        who = party_label(plan, party_id)
        yield ctx.finding(*place,
                          da=f"{who} medfinansierer planen med {kr(amount, 'da')}, men har intet medlem i "
                             f"{body['da']}. Overvej et medlem med `part: {party_id}`, så parten er med til "
                             "at styre og står til ansvar for sit bidrag (LBF kræver det ikke).",
                          en=f"{who} co-finances the plan with {kr(amount, 'en')} but has no member on "
                             f"{body['en']}. Consider a member with `part: {party_id}`, so the party helps steer the "
                             "plan and answers for its contribution (LBF does not require it).")

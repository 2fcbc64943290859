"""A boligsocial bestyrelse with the top management of the kommune and the boligorganisation
gives the plan one clear leadership ("entydig ledelse", introduced with the 2015-2018 funds,
build-2021-21; for 2019-2026 LBF's page "Organisation og økonomiske rammer",
lbf-organisation-oekonomi; basis krav). Before that a steering group was recommended: partners
without a seat failed to deliver what they had agreed (haervaerk-netvaerk-2012). The board must exist and have a member from the plan's kommune and from each
responsible boligorganisation. The level is the pack's `board.severity`; a round whose pack says
`board.applies: false` (2006-2010) has no such requirement.

Dansk:
En boligsocial bestyrelse med topledelsen fra kommune og boligorganisation giver planen en
entydig ledelse (indført med 2015-2018-midlerne, build-2021-21; for 2019-2026 LBF's side
"Organisation og økonomiske rammer", lbf-organisation-oekonomi; grundlag krav). Før da blev en styregruppe anbefalet: partnere uden plads
leverede ikke det aftalte (haervaerk-netvaerk-2012). Bestyrelsen skal findes og have et medlem fra
planens kommune og fra hver ansvarlig boligorganisation. Niveauet er regelpakkens
`board.severity`; en pulje, hvis regelpakke siger `board.applies: false` (2006-2010), har intet
sådant krav.
"""

from planlint import Example, rule

from .frame import board_gaps, body_words, has_board, party_label, present_or_plan


@rule(
    code="LBF010",
    severity="error",
    basis="krav",
    title=("Den boligsociale bestyrelse mangler eller er ufuldstændig",
           "The boligsocial board is missing or incomplete"),
    sources=(
        ("lbf-organisation-oekonomi", "the boligsocial bestyrelse with the top management of kommune and "
         "boligorganisation"),
        ("build-2021-21", "\"entydig ledelse\" from the 2015-18 funds"),
        ("haervaerk-netvaerk-2012", "6.1 Det centrale samarbejde: BUF \"har haft svært at levere den "
         "medfinansiering, der var aftalt\""),
    ),
    bad=Example(at="organisation.bestyrelse", yaml="medlemmer: [{navn: Direktør, part: bo, rolle: formand}]"),
    good=Example(at="organisation.bestyrelse", yaml="medlemmer: [{navn: Kommunaldirektør, part: ek, rolle: formand}, "
                                                     "{navn: Direktør, part: bo, rolle: medlem}]"),
)
def check(plan, ctx):
    if ctx.pack is None:
        return
    rule = ctx.pack.board
    if not rule.applies:
        return  # no board requirement in this round (the pack: board.applies false); LBF011 still asks for co-financers' seats
    demand_da = "LBF kræver" if rule.required else "LBF anbefaler"
    demand_en = "LBF requires" if rule.required else "LBF recommends"
    body = body_words(plan)  # "styregruppen" in plans before 2015, or the plan's own name for it
    if not has_board(plan):
        org = plan.organisation
        if org is None:
            place = present_or_plan(ctx, "organisation")
        elif org.board is None:
            place = org.path_of("board")
        else:
            place = org.board.path_of("members")
        yield ctx.finding(place, severity=rule.severity,
                          da=f"Planen har ingen {body['da_a']} med medlemmer; {demand_da} en i puljen "
                             f"{ctx.pack.pulje}. Tilføj `organisation.bestyrelse` med medlemmer fra kommunens og "
                             "boligorganisationernes topledelse.",
                          en=f"The plan has no {body['en_a']} with members; {demand_en} one in the pulje "
                             f"{ctx.pack.pulje}. Add `organisation.bestyrelse` with members from the top management of "
                             "the kommune and the housing organisations.")
        return
    for party_id in board_gaps(plan):
        who = party_label(plan, party_id)
        yield ctx.finding(plan.organisation.board, "medlemmer", severity=rule.severity,
                          da=f"{who} har intet medlem i {body['da']}; {demand_da} kommunens og "
                             f"boligorganisationernes topledelse dér. Tilføj et medlem med `part: {party_id}`.",
                          en=f"{who} has no member on {body['en']}; {demand_en} the top management of the "
                             f"kommune and housing organisations on it. Add a member with `part: {party_id}`.")

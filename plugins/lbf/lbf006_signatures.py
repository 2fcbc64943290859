"""LBF requires that the kommune and the responsible boligorganisationer all sign the plan:
"Det er et krav fra LBF, at den involverede kommune og de ansvarlige boligorganisationer begge
underskriver helhedsplanen" (003 l.2400-2404, also l.75-79). Responsible are the organisations
in plan.boligorganisationer and every boligorganisation that owns one of the plan's afdelinger.
A party id that names no party is the core's PLN009 and is not repeated here.

Dansk:
LBF kræver, at kommunen og de ansvarlige boligorganisationer alle underskriver planen: "Det er
et krav fra LBF, at den involverede kommune og de ansvarlige boligorganisationer begge
underskriver helhedsplanen" (003 l.2400-2404, også l.75-79). Ansvarlige er organisationerne i
plan.boligorganisationer og hver boligorganisation, der ejer en af planens afdelinger.
"""

from planlint import Example, rule

from .frame import party_label, present_or_plan, responsible_parties


@rule(
    code="LBF006",
    severity="error",
    title=("En underskrift mangler", "A signature is missing"),
    source="RULES.md, Plan frame: 003 l.2400-2404 (\"Det er et krav fra LBF, at den involverede kommune og de "
           "ansvarlige boligorganisationer begge underskriver helhedsplanen\"), also 003 l.75-79",
    bad=Example(yaml="underskrifter: [{part: ek, navn: Borgmesteren, dato: 2020-10-01}]"),
    good=Example(yaml="underskrifter: [{part: ek, navn: Borgmesteren, dato: 2020-10-01}, "
                      "{part: bo, navn: Direktøren, dato: 2020-10-02}]"),
)
def check(plan, ctx):
    signed = {signature.party for signature in plan.signatures or []}
    place = present_or_plan(ctx, "underskrifter")
    for party_id in responsible_parties(plan):
        if party_id in signed:
            continue
        who = party_label(plan, party_id)
        yield ctx.finding(place,
                          da=f"{who} har ikke underskrevet planen; LBF kræver underskrift fra kommunen og "
                             f"hver ansvarlig boligorganisation. Tilføj `{{part: {party_id}, navn: ..., dato: ...}}` "
                             "under `underskrifter`.",
                          en=f"{who} has not signed the plan; LBF requires the signature of the kommune "
                             f"and of every responsible housing organisation. Add `{{part: {party_id}, navn: ..., "
                             "dato: ...}` under `underskrifter`.")

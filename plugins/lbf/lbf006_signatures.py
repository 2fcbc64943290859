"""LBF requires that the kommune and the responsible boligorganisationer all sign the plan:
"Det er et krav fra LBF, at den involverede kommune og de ansvarlige boligorganisationer begge
underskriver helhedsplanen" (CFBU quoting LBF, cfbu-overblik-2006-2010; basis krav). Responsible are the organisations
in plan.boligorganisationer and every boligorganisation that owns one of the plan's afdelinger.
A party id that names no party is the core's PLN009 and is not repeated here.

Dansk:
LBF kræver, at kommunen og de ansvarlige boligorganisationer alle underskriver planen: "Det er
et krav fra LBF, at den involverede kommune og de ansvarlige boligorganisationer begge
underskriver helhedsplanen" (CFBU citerer LBF, cfbu-overblik-2006-2010; grundlag krav). Ansvarlige er organisationerne i
plan.boligorganisationer og hver boligorganisation, der ejer en af planens afdelinger.
"""

from planlint import Example, rule

from .frame import party_label, present_or_plan, responsible_parties


@rule(
    code="LBF006",
    severity="error",
    basis="krav",
    title=("En underskrift mangler", "A signature is missing"),
    sources=(
        ("cfbu-overblik-2006-2010", "Offentlig rammesætning – samarbejde mellem kommuner og "
         "boligorganisationer: \"Det er et krav fra LBF, at den involverede kommune og de ansvarlige "
         "boligorganisationer begge underskriver helhedsplanen\""),
        ("cfbu-overblik-2006-2010", "Indledning og fremgangsmåde: \"et krav fra LBF, at de berørte "
         "kommuner og boligorganisationerne sammen underskriver helhedsplanen\""),
    ),
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

"""Involving the residents in carrying out the plan is a condition of LBF's support: "en
betingelse, at boligområdets beboere inddrages i gennemførelsen af helhedsplanerne"
(cfbu-overblik-2006-2010; basis krav), and plans are drawn up by kommune, boligorganisation and
residents together (bag-facaderne-2014). A plan where no activity has a residents' party (an
afdelingsbestyrelse, volunteers, or a party named as a residents' body, per the pack's `governance`) as partner, responsible or
anchor gives the residents no role. Whether a party is the residents is read from names and
types, so the finding is a warning.

Dansk:
At inddrage beboerne i gennemførelsen er en betingelse for LBF's støtte: "en betingelse, at
boligområdets beboere inddrages i gennemførelsen af helhedsplanerne" (cfbu-overblik-2006-2010;
grundlag krav), og planerne udarbejdes af kommune, boligorganisation og beboere i fællesskab (bag-facaderne-2014). En plan, hvor
ingen aktivitet har en beboerpart (en afdelingsbestyrelse, frivillige eller en part med navn som
et beboerorgan, jf. regelpakkens `governance`) som samarbejdspartner, ansvarlig eller
forankringspart, giver ikke beboerne nogen rolle. Om en part er beboerne, læses af navne og
typer, så fundet er en advarsel.
"""

from planlint import Example, rule

from .frame import matches, present_or_plan


def _is_resident_party(plan, party_id, terms) -> bool:
    party = plan.party(party_id)
    return party is not None and (party.type in terms.resident_party_types or matches(party.name, terms.resident_names))


def _activity_parties(activity) -> list:
    anchor = activity.forankring
    return [*(activity.partners or []), *((anchor.parties or []) if anchor else []), activity.responsible]


@rule(
    code="LBF008",
    severity="warning",
    basis="krav",
    title=("Beboerne deltager ikke i nogen aktivitet", "Residents take part in no activity"),
    sources=(
        ("cfbu-overblik-2006-2010", "Indledning og fremgangsmåde: \"en betingelse, at boligområdets "
         "beboere inddrages i gennemførelsen af helhedsplanerne\""),
        ("bag-facaderne-2014", "indledning: helhedsplanerne \"udarbejdes af kommune, boligorganisation "
         "og beboere i fællesskab\""),
    ),
    bad=Example(at="indsatsområder[0].aktiviteter[0]", yaml="samarbejdspartnere: [ek]"),
    good=Example(at="indsatsområder[0].aktiviteter[0]", yaml="samarbejdspartnere: [ek, ab]"),
)
def check(plan, ctx):
    activities = [activity for _, activity in plan.activities()]
    if ctx.pack is None or not activities:
        return
    terms = ctx.pack.section("governance")
    if any(_is_resident_party(plan, p, terms) for a in activities for p in _activity_parties(a)):
        return
    yield ctx.finding(present_or_plan(ctx, "indsatsområder"),
                      da="Ingen aktivitet har beboerne med: ingen afdelingsbestyrelse, frivillige eller beboerforening "
                         "er samarbejdspartner, ansvarlig eller forankringspart. Tilføj fx afdelingsbestyrelsen som "
                         "part og i samarbejdspartnere på de aktiviteter, beboerne er med til at gennemføre.",
                      en="No activity involves the residents: no afdelingsbestyrelse, volunteers or residents' "
                         "association is a partner, responsible or anchor. Add e.g. the afdelingsbestyrelse as a "
                         "party and to samarbejdspartnere of the activities residents help carry out.")

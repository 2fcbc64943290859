"""Anchoring an activity in the plan's own staff, or in the plan itself, is no anchoring.

The plan's posts and its secretariat end with the plan. In Fra Hærværk til Netværk
the results faded within months of the staff leaving (haervaerk-netvaerk-2012); lasting
actors are afdelingsbestyrelser, the kommune and associations
(cfbu-overblik-2006-2010), and anchoring in the kommune is "mere robust"
(bag-facaderne-2014).

An entry of `hos` is the plan's own staff when it is a `rolle` of
`organisation.medarbejdere` (even if a party with that id exists too). It is the
plan itself when it is a party of a type the rule pack lists (`andet`,
`boligorganisation`) whose name matches the pack's names of a plan secretariat
("Helhedsplanens ...", "Det boligsociale sekretariat", "Projektsekretariatet"), or a
party of type `andet` that bears the plan's own name. A lesson from evaluations
(basis erfaring): warning.

Dansk:
At forankre en aktivitet i planens egne medarbejdere eller i planen selv er ingen
forankring. Planens stillinger og sekretariat ophører med planen. I Fra Hærværk til
Netværk forsvandt resultaterne få måneder efter, at medarbejderne gik
(haervaerk-netvaerk-2012); varige aktører er afdelingsbestyrelser, kommunen og foreninger
(cfbu-overblik-2006-2010), og forankring i kommunen er "mere robust"
(bag-facaderne-2014).

En værdi i `hos` er planens egne medarbejdere, når den er en `rolle` i
`organisation.medarbejdere` (også selvom en part har samme id). Den er planen selv,
når den er en part af en type, som regelpakken nævner (`andet`,
`boligorganisation`), og hvis navn svarer til regelpakkens navne på et
plansekretariat ("Helhedsplanens ...", "Det boligsociale sekretariat",
"Projektsekretariatet"), eller en part af typen `andet` med planens eget navn. En
erfaring fra evalueringer (grundlag erfaring): advarsel.
"""

from planlint import Example, rule

from .anchoring import OWN_PLAN, STAFF, anchors, holders, named


@rule(
    code="FOR005",
    severity="warning",
    basis="erfaring",
    title=("Forankret i planens egne medarbejdere", "Anchored in the plan's own staff"),
    sources=(
        ("haervaerk-netvaerk-2012", "8.1 Resultater i afdelingerne og forankringen heraf: \"de gode "
         "resultater ophører et par måneder efter endt indsats\""),
        ("cfbu-overblik-2006-2010", "Beboerdemokrati: \"de blivende aktører - nemlig "
         "afdelingsbestyrelserne\""),
        ("bag-facaderne-2014", "kap. 4 Beboernetværk, inddragelse og demokrati: \"en forankring i "
         "kommunen skaber et mere robust projekt\""),
    ),
    bad=Example(at="indsatsområder[0].aktiviteter[0].forankring", yaml="hos: [jobkonsulent]",
                note="jobkonsulent er en stilling i organisation.medarbejdere"),
    good=Example(at="indsatsområder[0].aktiviteter[0].forankring", yaml="hos: [ek]"),
)
def check(plan, ctx):
    for activity, forankring in holders(plan):
        for anchor in anchors(plan, forankring, ctx.pack):
            if anchor.kind == STAFF:
                what_da = f"'{anchor.value}' er en af planens egne stillinger (`organisation.medarbejdere`)"
                what_en = f"'{anchor.value}' is one of the plan's own posts (`organisation.medarbejdere`)"
            elif anchor.kind == OWN_PLAN:
                what_da = f"{anchor.name} er helhedsplanen selv"
                what_en = f"{anchor.name} is the plan itself"
            else:
                continue
            yield ctx.finding(
                forankring, anchor.key, anchor.index,
                da=f"{named(activity, 'da')}: {what_da} og ophører med planen, så det er ingen "
                   f"forankring; forankr aktiviteten hos en part, der består efter planperioden "
                   f"(fx kommunen, en forening eller afdelingsbestyrelsen).",
                en=f"{named(activity, 'en')}: {what_en} and ends with it, so this is no forankring; "
                   f"anchor the activity with a party that lasts beyond the plan period "
                   f"(e.g. the kommune, an association or the afdelingsbestyrelse).",
            )

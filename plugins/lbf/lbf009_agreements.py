"""From the 2011-2014 funds on, LBF requires cooperation agreements (samarbejdsaftaler) between
the parties; under 2006-2010 they were common but "ikke et formaliseret krav under 2006-2010
midlerne, som det er i LBF's nye midler (2011-2014)" (cfbu-overblik-2006-2010). From 2019 the
agreements describe "organisering, indsatser, mål og indikatorer" (lbf-boligsociale-indsatser).
Basis krav.
A plan with no samarbejdsaftaler gets the pack's `agreements.severity`: error where they are
required, info in 2006-2010 as a recommendation.

Dansk:
Fra 2011-2014-midlerne kræver LBF samarbejdsaftaler mellem parterne; under 2006-2010 var de
almindelige, men "ikke et formaliseret krav under 2006-2010 midlerne, som det er i LBF's nye midler
(2011-2014)" (cfbu-overblik-2006-2010). Fra 2019 beskriver aftalerne "organisering, indsatser, mål og
indikatorer" (lbf-boligsociale-indsatser). Grundlag krav. En plan uden samarbejdsaftaler får
regelpakkens `agreements.severity`: fejl, hvor de er et krav, info i 2006-2010 som en anbefaling.
"""

from planlint import Example, rule

from .frame import present_or_plan


@rule(
    code="LBF009",
    severity="error",
    basis="krav",
    title=("Planen har ingen samarbejdsaftaler", "The plan has no cooperation agreements"),
    sources=(
        ("cfbu-overblik-2006-2010", "Offentlig rammesætning: samarbejdsaftaler er \"ikke et formaliseret "
         "krav under 2006-2010 midlerne, som det er i LBF's nye midler (2011-2014)\""),
        ("lbf-boligsociale-indsatser", "samarbejdsaftalerne beskriver \"organisering, indsatser, mål og "
         "indikatorer\""),
    ),
    bad=Example(yaml="samarbejdsaftaler: []"),
    good=Example(yaml="samarbejdsaftaler: [{id: sa-job, parter: [ek, bo], emne: Jobcenter i området, "
                      "status: underskrevet, dato: 2020-10-01}]"),
)
def check(plan, ctx):
    if ctx.pack is None or plan.agreements:
        return
    rule = ctx.pack.agreements
    if rule.required:
        da = (f"Planen har ingen samarbejdsaftaler; LBF kræver dem i puljen {ctx.pack.pulje}. Tilføj under "
              "samarbejdsaftaler de aftaler, kommune, boligorganisation og partnere har indgået om indsatsen.")
        en = (f"The plan has no cooperation agreements; LBF requires them in the pulje {ctx.pack.pulje}. Add the "
              "agreements the kommune, housing organisation and partners made about the work under `samarbejdsaftaler`.")
    else:
        da = (f"Planen har ingen samarbejdsaftaler. De er ikke et krav i puljen {ctx.pack.pulje}, men en aftale "
              "forpligter parterne; tilføj dem under `samarbejdsaftaler`.")
        en = (f"The plan has no cooperation agreements. They are not required in the pulje {ctx.pack.pulje}, but an "
              "agreement commits the parties; add them under `samarbejdsaftaler`.")
    yield ctx.finding(present_or_plan(ctx, "samarbejdsaftaler"), da=da, en=en, severity=rule.severity)

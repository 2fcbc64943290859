"""From the 2011-2014 funds on, LBF requires cooperation agreements (samarbejdsaftaler) between
the parties; under 2006-2010 they were common but "ikke et formaliseret krav" (003 l.2404-2412).
From 2019 the agreements fix the organisation, activities, goals and indicators (lbf.dk 2023).
A plan with no samarbejdsaftaler gets the pack's `agreements.severity`: error where they are
required, info in 2006-2010 as a recommendation.

Dansk:
Fra 2011-2014-midlerne kræver LBF samarbejdsaftaler mellem parterne; under 2006-2010 var de
almindelige, men "ikke et formaliseret krav" (003 l.2404-2412). Fra 2019 fastlægger aftalerne
organisering, aktiviteter, mål og indikatorer (lbf.dk 2023). En plan uden samarbejdsaftaler får
regelpakkens `agreements.severity`: fejl, hvor de er et krav, info i 2006-2010 som en anbefaling.
"""

from planlint import Example, rule

from .frame import present_or_plan


@rule(
    code="LBF009",
    severity="error",
    title=("Planen har ingen samarbejdsaftaler", "The plan has no cooperation agreements"),
    source="RULES.md, The funding rounds (samarbejdsaftaler): 003 l.2404-2412; lbf.dk 2023; "
           "the requirement and severity are the pack's agreements",
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

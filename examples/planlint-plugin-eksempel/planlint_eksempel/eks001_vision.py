"""Our board reads the vision first: every plan states one.

Dansk:
Vores bestyrelse læser visionen først: hver plan skal have en.
"""

from planlint import Example, rule


@rule(
    code="EKS001",
    severity="warning",
    basis="anbefaling",
    title=("Planen har ingen vision", "The plan has no vision"),
    source="Boligorganisationen Eksempels husregler, § 1",
    bad=Example(at="plan", remove=("vision",)),
    good=Example(at="plan", yaml="vision: Et trygt og aktivt boligområde"),
)
def check(plan, ctx):
    if plan.plan is not None and not plan.plan.vision:
        yield ctx.finding(plan.plan, "vision",
                          da="Planen har ingen vision; skriv én sætning under plan.vision.",
                          en="The plan has no vision; write one sentence under plan.vision.")

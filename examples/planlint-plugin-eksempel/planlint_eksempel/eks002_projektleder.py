"""Someone must be accountable day to day: name the projektleder.

Dansk:
Nogen skal stå til ansvar i hverdagen: navngiv projektlederen.
"""

from planlint import Example, rule


@rule(
    code="EKS002",
    severity="info",
    basis="anbefaling",
    title=("Ingen projektleder", "No projektleder"),
    source="Boligorganisationen Eksempels husregler, § 2",
    bad=Example(at="organisation", remove=("projektleder",)),
    good=Example(at="organisation", yaml="projektleder: {navn: Mette Lund, part: bo}"),
)
def check(plan, ctx):
    organisation = plan.organisation
    if organisation is not None and organisation.project_lead is None:
        yield ctx.finding(organisation, "projektleder",
                          da="Organisationen nævner ingen projektleder; tilføj organisation.projektleder.",
                          en="The organisation names no projektleder; add organisation.projektleder.")

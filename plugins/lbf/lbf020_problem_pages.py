"""LBF asks for the description of the social challenges in a prækvalifikationsansøgning to be
short: at most 5 pages (lbf-ansoegning-2011-2014; basis krav). A longer description is not what
LBF asked for; shorten it, and leave the detail for the helhedsplan. The limit is the pack's
`prequalification.max_pages`; a round whose pack has none is not checked.

Dansk:
LBF beder om, at beskrivelsen af de sociale udfordringer i en prækvalifikationsansøgning er kort:
højst 5 sider (lbf-ansoegning-2011-2014; grundlag krav). En længere beskrivelse er ikke det, LBF
bad om; forkort den, og gem detaljerne til helhedsplanen. Grænsen er regelpakkens
`prequalification.max_pages`; en pulje uden en sådan grænse kontrolleres ikke.
"""

from planlint import Example, rule

from .prequalification import application


@rule(
    code="LBF020",
    severity="error",
    basis="krav",
    title=("Problembeskrivelsen er for lang", "The problem description is too long"),
    sources=(
        ("lbf-ansoegning-2011-2014", "the prækvalifikationsansøgning: a description of the social challenges "
         "of at most 5 pages"),
    ),
    bad=Example(yaml=application(pages=8), whole_file=True, note="En problembeskrivelse på 8 sider"),
    good=Example(yaml=application(pages=5), whole_file=True),
    prequalification=True,
)
def check(plan, ctx):
    section = plan.prequalification
    if plan.meta.effective_status != "prækvalifikation" or section is None or section.problem is None:
        return
    rules = ctx.pack.section("prequalification") if ctx.pack is not None else None
    limit = rules.max_pages if rules is not None else None
    pages = section.problem.pages
    if limit is None or pages is None or pages <= limit:
        return
    yield ctx.finding(section.problem, "sider",
                      da=f"Problembeskrivelsen er {pages} sider; LBF beder om højst {limit} sider i en "
                         "prækvalifikationsansøgning. Forkort den, og gem detaljerne til helhedsplanen.",
                      en=f"The problem description is {pages} pages; LBF asks for at most {limit} pages in a "
                         "prækvalifikationsansøgning. Shorten it and keep the detail for the helhedsplan.")

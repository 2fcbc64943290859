"""A plan that hands every activity over in its last year leaves forankring to the end.

Forankring is to be thought "fra start", inside every activity and not as a final
phase (haervaerk-netvaerk-2012; bag-facaderne-2014). When every hand-over the plan dates falls in
the final twelve months of the period, nothing is tried out with the new owners while
there is still time to adjust. The finding points at the earliest hand-over. A bare
year counts as in the last year only when the whole year is. A hand-over after the
period does not fall in its last year: it is FOR006's finding, and a plan with one
is not reported here. Info.

Dansk:
En plan, der overdrager alle aktiviteter i sit sidste år, gemmer forankringen til
sidst. Forankring skal tænkes "fra start", i hver aktivitet og ikke som en slutfase
(haervaerk-netvaerk-2012; bag-facaderne-2014). Når hver overdragelse, planen daterer, ligger i
periodens sidste tolv måneder, bliver intet afprøvet med de nye ejere, mens der endnu
er tid til at justere. Fundet peger på den tidligste overdragelse. Et årstal alene
tæller kun som i det sidste år, når hele året er det. En overdragelse efter perioden
ligger ikke i dens sidste år: den er FOR006's fund, og en plan med en sådan meldes
ikke her. Info.
"""

from planlint import Example, rule

from .anchoring import handover_span, holders, last_year_start, named, period_end, when_text


@rule(
    code="FOR007",
    severity="info",
    basis="erfaring",
    title=("Alle overdragelser ligger i planens sidste år", "Every hand-over falls in the plan's last year"),
    sources=(
        ("haervaerk-netvaerk-2012", "8.3 Metodeudvikling: \"tænke forankring ind i aktiviteter fra "
         "starten af indsatsen\""),
        ("bag-facaderne-2014", "kap. 1 Børn, unge og familier: \"Overvej gerne allerede fra begyndelsen, "
         "hvordan projektet kan forankres i området efter projektperioden\""),
    ),
    bad=Example(at="indsatsområder[0].aktiviteter[0].forankring", yaml="hvornår: 2024-06-30"),
    good=Example(at="indsatsområder[0].aktiviteter[0].forankring", yaml="hvornår: 2023-12-31"),
)
def check(plan, ctx):
    end = period_end(plan)
    if end is None:
        return
    handovers = []
    spans = []
    for activity, forankring in holders(plan):
        span = handover_span(forankring.when) if forankring is not None else None
        if span is not None:
            handovers.append((span[0], activity, forankring))
            spans.append(span)
    if not handovers:
        return
    if any(span[0] > end for span in spans):
        return  # a hand-over after the period (FOR006) does not fall in the last year
    first_day = last_year_start(end)
    earliest, activity, forankring = min(handovers, key=lambda item: item[0])
    if earliest < first_day:
        return
    when = when_text(forankring.when)
    count = len(handovers)
    all_da = "Planens eneste overdragelse ligger" if count == 1 else f"Alle planens {count} overdragelser ligger"
    all_en = "The plan's only hand-over falls" if count == 1 else f"All {count} of the plan's hand-overs fall"
    yield ctx.finding(
        forankring, "hvornår",
        da=f"{all_da} i planens sidste år (fra {first_day.isoformat()}); den tidligste er "
           f"{named(activity, 'da', lower=True)} ({when}). Overdrag nogle aktiviteter tidligere, så forankringen kan "
           f"afprøves, mens planens medarbejdere er der.",
        en=f"{all_en} in the plan's last year (from {first_day.isoformat()}); the earliest is "
           f"{named(activity, 'en', lower=True)} ({when}). Hand some activities over earlier so the forankring can be "
           f"tried out while the plan's staff are there.",
    )

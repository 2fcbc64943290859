"""An evaluation dated before the plan period starts evaluates nothing.

The mid-term and the final evaluation look at what the plan did (Rum for Liv: a yearly
evaluation in the steering group and an external mid-term and final evaluation), so
`evaluering.midtvejs` or `evaluering.slut` before `plan.periode.start` is almost always a
wrong year or a date copied from an earlier plan. The message gives the date and the
period. A final evaluation after the period is normal and not reported. Warning.

Dansk:
En evaluering dateret før planperiodens start evaluerer intet. Midtvejs- og
slutevalueringen ser på, hvad planen gjorde (Rum for Liv: en årlig evaluering i
styregruppen og en ekstern midtvejs- og slutevaluering), så `evaluering.midtvejs` eller
`evaluering.slut` før `plan.periode.start` er næsten altid et forkert år eller en dato
kopieret fra en tidligere plan. Meddelelsen nævner datoen og perioden. En slutevaluering
efter perioden er almindelig og meldes ikke. Advarsel.
"""

from datetime import date

from planlint import Example, rule

_WHICH = {"midtvejs": ("midtvejsevalueringen", "the mid-term evaluation"),
          "slut": ("slutevalueringen", "the final evaluation")}


@rule(
    code="LBF017",
    severity="warning",
    basis="erfaring",
    title=("Evalueringen ligger før planperioden", "The evaluation falls before the plan period"),
    sources=(
        ("rum-for-liv-2012", "7: a yearly evaluation in the steering group and a mid-term and final evaluation "
         "with external help, in the plan period"),
        ("planlint-format", "evaluering: midtvejs and slut"),
    ),
    bad=Example(at="evaluering", yaml="midtvejs: 2012-12-31", note="2012 for 2022: før perioden"),
    good=Example(at="evaluering", yaml="midtvejs: 2022-12-31"),
)
def check(plan, ctx):
    evaluation, period = plan.evaluation, plan.meta.period
    start = period.start if period is not None else None
    if evaluation is None or not isinstance(start, date):
        return
    end = period.end.isoformat() if isinstance(period.end, date) else "?"
    for key, when in (("midtvejs", evaluation.midterm), ("slut", evaluation.final)):
        if isinstance(when, date) and when < start:
            what_da, what_en = _WHICH[key]
            yield ctx.finding(
                evaluation, key,
                da=f"Datoen for {what_da} ({when.isoformat()}) ligger før planperioden "
                   f"({start.isoformat()} – {end}); ret `evaluering.{key}` til en dato i perioden.",
                en=f"The date of {what_en} ({when.isoformat()}) falls before the plan period "
                   f"({start.isoformat()} – {end}); correct `evaluering.{key}` to a date in the period.",
            )

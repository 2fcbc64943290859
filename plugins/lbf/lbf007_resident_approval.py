"""Residents approve the plan and the cost it puts on their afdeling, as part of the tenants'
democracy (003 l.2505-2513); Rum for Liv was voted at extraordinary afdelingsmøder (002
l.587-599); fsb's process has "Afdelingsmødet behandler forslag om boligsocial helhedsplan"
(004). An afdeling without `godkendt_afdelingsmøde` has not approved it. Once the plan is
submitted or approved (`plan.status` indsendt or godkendt) that is an error; in a draft it is a
warning, a reminder to hold the meeting.

Dansk:
Beboerne godkender planen og de merudgifter, den giver afdelingen, som en del af
beboerdemokratiet (003 l.2505-2513); Rum for Liv blev vedtaget på ekstraordinære afdelingsmøder
(002 l.587-599); i fsb's proces "behandler afdelingsmødet forslag om boligsocial helhedsplan"
(004). En afdeling uden `godkendt_afdelingsmøde` har ikke godkendt planen. Når planen er indsendt
eller godkendt, er det en fejl; i et udkast en advarsel, der minder om at holde mødet.
"""

from planlint import Example, rule

#: plan.status values (FORMAT.md) after which the afdelingsmøde must already have approved the plan
_SUBMITTED = ("indsendt", "godkendt")


@rule(
    code="LBF007",
    severity="error",
    title=("Afdelingsmødet har ikke godkendt planen", "The residents' meeting has not approved the plan"),
    source="RULES.md, Plan frame (Residents approve): 003 l.2505-2513; 002 l.587-599; 004",
    bad=Example(at="afdelinger[0]", remove=("godkendt_afdelingsmøde",)),
    good=Example(at="afdelinger[0]", yaml="godkendt_afdelingsmøde: 2020-09-15"),
)
def check(plan, ctx):
    submitted = plan.meta.effective_status in _SUBMITTED
    for section in plan.sections or []:
        if section.approved is not None or ctx.document.wrote(section.path_of("approved")):
            continue  # approved, or a malformed date the core reports (PLN005): one mistake, one finding
        name = " ".join(p for p in (section.number, section.name) if p) or "?"
        if submitted:
            da = (f"Afdeling {name} har ikke godkendt planen på et afdelingsmøde, men planen er "
                  f"{plan.meta.effective_status}. Skriv datoen for afdelingsmødets godkendelse i "
                  "`godkendt_afdelingsmøde`.")
            en = (f"Afdeling {name} has not approved the plan at an afdelingsmøde, yet the plan is "
                  f"{plan.meta.effective_status}. Write the date of the meeting's approval in `godkendt_afdelingsmøde`.")
        else:
            da = (f"Afdeling {name} har endnu ikke godkendt planen. Hold afdelingsmødet før planen indsendes, "
                  "og skriv datoen i `godkendt_afdelingsmøde`.")
            en = (f"Afdeling {name} has not approved the plan yet. Hold the afdelingsmøde before the plan is "
                  "submitted, and write its date in `godkendt_afdelingsmøde`.")
        yield ctx.finding(section, "`godkendt_afdelingsmøde`", da=da, en=en,
                          severity="error" if submitted else "warning")

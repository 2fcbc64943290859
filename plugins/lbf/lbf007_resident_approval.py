"""Residents approve the plan and the cost it puts on their afdeling, as part of the tenants'
democracy: "skal – som en del af det almene beboerdemokrati – godkende helhedsplanen og de
merudgifter, som helhedsplanen indebærer for boligafdelingen" (CFBU, cfbu-overblik-2006-2010);
Rum for Liv was voted at extraordinary afdelingsmøder (rum-for-liv-2012); fsb's process has
"Afdelingsmødet behandler forslag om boligsocial helhedsplan" (fsb-indsatser). None of LBF's own
pages quoted here states it as LBF's requirement, so the basis is anbefaling (CFBU's account of
the tenants' democracy) and the rule is at most a warning. An afdeling without
`godkendt_afdelingsmøde` has not approved it. Once the plan is submitted or approved
(`plan.status` indsendt or godkendt) that is a warning; in a draft it is info, a reminder to hold
the meeting.

Dansk:
Beboerne godkender planen og de merudgifter, den giver afdelingen, som en del af
beboerdemokratiet: "skal – som en del af det almene beboerdemokrati – godkende helhedsplanen og
de merudgifter, som helhedsplanen indebærer for boligafdelingen" (CFBU, cfbu-overblik-2006-2010);
Rum for Liv blev vedtaget på ekstraordinære afdelingsmøder (rum-for-liv-2012); i fsb's proces
"behandler afdelingsmødet forslag om boligsocial helhedsplan" (fsb-indsatser). Ingen af LBF's
egne sider, der citeres her, kalder det et krav fra LBF, så grundlaget er anbefaling (CFBU's
beskrivelse af beboerdemokratiet), og reglen er højst en advarsel. En afdeling uden
`godkendt_afdelingsmøde` har ikke godkendt planen. Når planen er indsendt eller godkendt, er det
en advarsel; i et udkast info, der minder om at holde mødet.
"""

from planlint import Example, rule

#: plan.status values (the plan format) after which the afdelingsmøde must already have approved the plan
_SUBMITTED = ("indsendt", "godkendt")


@rule(
    code="LBF007",
    severity="warning",
    basis="anbefaling",
    title=("Afdelingsmødet har ikke godkendt planen", "The residents' meeting has not approved the plan"),
    sources=(
        ("cfbu-overblik-2006-2010", "Civil rammesætning – empowerment og beboerinddragelse: beboerne "
         "\"skal – som en del af det almene beboerdemokrati – godkende helhedsplanen og de merudgifter, "
         "som helhedsplanen indebærer for boligafdelingen\""),
        ("fsb-indsatser", "the process of a boligsocial indsats: \"Afdelingsmødet behandler forslag om "
         "boligsocial helhedsplan\""),
        ("rum-for-liv-2012", "3.4 Det boligsociale arbejde: beboerne \"har stemt ja … på ekstraordinære "
         "afdelingsmøder\""),
    ),
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
        yield ctx.finding(section, "godkendt_afdelingsmøde", da=da, en=en,
                          severity="warning" if submitted else "info")

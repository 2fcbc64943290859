"""Every label the report shows, in Danish and English.

Kept in one table so a translator sees all of them together and a missing
language is a ``KeyError`` in the tests, not a half-translated page.
"""

from __future__ import annotations

from ..findings import Message

WORDS: dict[str, Message] = {
    # header
    "report": Message("Koordinatorrapport", "Coordinator's report"),
    "pulje": Message("Pulje", "Funding round"),
    "period": Message("Periode", "Period"),
    "kommune": Message("Kommune", "Municipality"),
    "housing_orgs": Message("Boligorganisationer", "Housing organisations"),
    "sections": Message("Afdelinger", "Housing sections"),
    "status": Message("Status", "Status"),
    "verdict": Message("Vurdering", "Verdict"),
    "tenancies": Message("lejemål", "tenancies"),
    "residents": Message("beboere", "residents"),
    "in_all": Message("i alt", "in all"),
    "udkast": Message("udkast", "draft"),
    "indsendt": Message("indsendt", "submitted"),
    "godkendt": Message("godkendt", "approved"),
    "prækvalifikation": Message("prækvalifikation", "pre-qualification"),
    "unknown": Message("ikke angivet", "not stated"),
    "not_computed": Message("ikke beregnet", "not computed"),
    "unreadable": Message("planen kunne ikke læses; se fundene nedenfor",
                          "the plan could not be read; see the findings below"),
    # financing
    "financing": Message("Finansiering", "Financing"),
    "source": Message("Kilde", "Source"),
    "total": Message("I alt", "Total"),
    "year": Message("År", "Year"),
    "share": Message("Andel", "Share"),
    "amounts_in": Message("beløb i kr.", "amounts in DKK"),
    "lbf": Message("Landsbyggefonden", "Landsbyggefonden"),
    "local": Message("Lokal medfinansiering", "Local co-financing"),
    "local_short": Message("Lokal", "Local"),
    "sought": Message("Søges (ikke regnet med)", "Applied for (not counted)"),
    "amount_unknown": Message("beløb ikke angivet", "amount not stated"),
    "source_text": Message("Planens ord", "The plan's words"),
    "local_evaluation": Message("Lokal evaluering", "Local evaluation"),
    "lbf_short": Message("LBF", "LBF"),
    "municipal": Message("Kommunal andel", "Municipal share"),
    "housing_org_share": Message("Boligorganisation", "Housing organisation"),
    "others": Message("Andre", "Others"),
    "local_share_per_year": Message("Lokal andel", "Local share"),
    "kontant": Message("kontant", "cash"),
    "naturalier": Message("naturalier", "in kind"),
    "lbf_max": Message("højst", "at most"),
    "local_min": Message("mindst", "at least"),
    "gap": Message("Mangler", "Short by"),
    "gap_text": Message("lokalt (ved uændret budget), før andelen når",
                        "locally (budget unchanged) before the share reaches"),
    "passes": Message("opfylder kravet", "meets the requirement"),
    "fails": Message("under kravet", "below the requirement"),
    "no_budget": Message(
        "Medfinansieringen kan ikke beregnes: planen har intet budget (budget.finansiering).",
        "The co-financing cannot be computed: the plan has no budget (budget.finansiering)."),
    "cof_not_computed": Message(
        "Medfinansieringen er ikke beregnet: co-financing-pluginet gav ingen tal for planen.",
        "The co-financing was not computed: the co-financing plugin gave no figures for the plan."),
    "costs_by_category": Message("Udgifter pr. kategori", "Costs by category"),
    "costs_by_area": Message("Udgifter pr. indsatsområde", "Costs by intervention area"),
    "category": Message("Kategori", "Category"),
    "area": Message("Indsatsområde", "Intervention area"),
    "no_area": Message("(fælles, intet indsatsområde)", "(shared, no intervention area)"),
    # activities
    "activities": Message("Aktiviteter", "Activities"),
    "activity": Message("Aktivitet", "Activity"),
    "criteria": Message("Succeskriterier", "Success criteria"),
    "forankring": Message("Forankring", "Forankring"),
    "main": Message("hovedaktivitet", "main activity"),
    "complete": Message("komplet", "complete"),
    "missing": Message("mangler", "missing"),
    "none": Message("ingen", "none"),
    "who": Message("hvem", "who"),
    "how": Message("hvordan", "how"),
    "when": Message("hvornår", "when"),
    "agreement": Message("aftale", "agreement"),
    "criteria_count": Message("kriterier", "criteria"),
    "fields": Message("felter", "fields"),
    "complete_of": Message("komplette", "complete"),
    # findings
    "findings": Message("Fund", "Findings"),
    "plugin": Message("Plugin", "Plugin"),
    "error": Message("Fejl", "Errors"),
    "warning": Message("Advarsler", "Warnings"),
    "info": Message("Info", "Info"),
    "top_findings": Message("Vigtigste fund", "Top findings"),
    "line": Message("Linje", "Line"),
    "code": Message("Kode", "Code"),
    "message": Message("Meddelelse", "Message"),
    "no_findings": Message("Ingen fund.", "No findings."),
    "more_findings": Message("flere fund: kør planlint check for alle", "more findings: run planlint check for all"),
    # portfolio
    "portfolio": Message("Portefølje", "Portfolio"),
    "plans": Message("planer", "plans"),
    "name": Message("Plan", "Plan"),
    "budget": Message("Budget\nkr.", "Budget\nDKK"),
    "lbf_pct": Message("LBF\n%", "LBF\n%"),
    "local_pct": Message("Lokal\n%", "Local\n%"),
    "kommune_pct": Message("Kom.\n%", "Mun.\n%"),
    "activities_short": Message("Akt.", "Act."),
    "criteria_pct": Message("Krit.\n%", "Crit.\n%"),
    "forankring_pct": Message("Fork.\n%", "Anch.\n%"),
    "errors_short": Message("Fejl", "Err."),
    "warnings_short": Message("Adv.", "Warn."),
    "totals": Message("I alt", "Total"),
    "loading": Message("Læser planer", "Loading plans"),
    "legend": Message(
        "Andele af budgettet. Krit./Fork.: andel af aktiviteterne med komplette succeskriterier / "
        "komplet forankring. – = ikke beregnet.",
        "Shares of the budget. Crit./Anch.: share of activities with complete success criteria / "
        "complete forankring. – = not computed."),
    "html_written": Message("Rapporten er skrevet til", "The report was written to"),
    # the HTML page (--html)
    "overview": Message("Overblik", "Overview"),
    "areas": Message("Indsatsområder", "Intervention areas"),
    "budget_kr": Message("Budget", "Budget"),
    "lbf_col": Message("LBF", "LBF"),
    "local_col": Message("Lokal", "Local"),
    "kommune_col": Message("Kommunal", "Municipal"),
    "warnings_col": Message("Advarsler", "Warnings"),
    "below": Message("under", "below"),
    "above": Message("over", "above"),
    "has_errors": Message("har fejl", "has errors"),
    "sort_hint": Message("Klik på en kolonneoverskrift for at sortere.", "Click a column heading to sort."),
    "funding_split": Message("Finansiering pr. plan", "Funding by plan"),
    "funding_split_one": Message("Finansieringens fordeling", "How the plan is funded"),
    "local_share_chart": Message("Lokal andel pr. år", "Local share per year"),
    "requirement": Message("krav", "requirement"),
    "back_to_portfolio": Message("Til porteføljen", "Back to the portfolio"),
    "made_by": Message("Lavet af", "Made by"),
    "severity": Message("Alvor", "Severity"),
    "occurrences": Message("fund", "findings"),
    "sev_error": Message("fejl", "error"),
    "sev_warning": Message("advarsel", "warning"),
    "sev_info": Message("info", "info"),
    "no_activities": Message("Ingen aktiviteter.", "No activities."),
    "shares": Message("Andele", "Shares"),
    "file": Message("Fil", "File"),
}

CATEGORY_NAMES: dict[str, Message] = {
    "lbf": Message("LBF", "LBF"),
    "kommune": Message("kommune", "municipality"),
    "boligorganisation": Message("boligorganisation", "housing organisation"),
    "andre": Message("andre", "others"),
}

COST_CATEGORIES: dict[str, Message] = {
    "løn": Message("Løn", "Salaries"),
    "aktiviteter": Message("Aktiviteter", "Activities"),
    "administration": Message("Administration", "Administration"),
    "evaluering": Message("Evaluering", "Evaluation"),
    "lokaler": Message("Lokaler", "Premises"),
    "kompetenceudvikling": Message("Kompetenceudvikling", "Skills development"),
    "andet": Message("Andet", "Other"),
}

#: The success plugin names missing parts of a criterion in Danish (its facts
#: are data, not messages); the ones FORMAT.md defines are translated here.
COMPONENTS: dict[str, str] = {
    "indikator": "indicator", "niveau": "level", "enhed": "unit", "baseline": "baseline", "mål": "targets",
    "mål for alle år": "targets for every year", "datakilde": "data source", "beskrivelse": "description",
}


def component(name: str, lang: str) -> str:
    return COMPONENTS.get(name, name) if lang == "en" else name


def word(key: str, lang: str) -> str:
    return WORDS[key].get(lang)


def verdict_text(verdict: str, errors: int, warnings: int, lang: str) -> str:
    """The one line a coordinator reads first."""
    if verdict == "errors":
        if lang == "en":
            return (f"Not ready to submit: {errors} error{'s' if errors != 1 else ''}, "
                    f"{warnings} warning{'s' if warnings != 1 else ''}")
        return f"Ikke klar til indsendelse: {errors} fejl, {warnings} advars{'ler' if warnings != 1 else 'el'}"
    if verdict == "warnings":
        if lang == "en":
            return f"Ready to submit, but read {warnings} warning{'s' if warnings != 1 else ''}"
        return f"Klar til indsendelse, men læs {warnings} advars{'ler' if warnings != 1 else 'el'}"
    if lang == "en":
        return "Ready to submit: no errors or warnings"
    return "Klar til indsendelse: ingen fejl eller advarsler"

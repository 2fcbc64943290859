"""The core's own rules (PLN): the file, the YAML, the format and the plugins.

The loader (``planlint.load``, ``planlint.validate``, ``planlint.references``)
and the plugin runner report these; this module only declares them, so that
``planlint rules`` and ``planlint explain`` document them like every other
rule.  It is registered with pluggy as the plugin ``core``.
"""

from __future__ import annotations

from .findings import Message, Severity
from .hookspecs import hookimpl
from .rule import Example, Rule, check_basis, check_sources, source_text

#: the plan format's reference (docs/format.md), a key of docs/sources.md
FORMAT = "planlint-format"


def _rule(code: str, severity: str, title: tuple[str, str], rationale: tuple[str, str],
          sources: tuple[tuple[str, str], ...], bad: Example | None, good: Example | None) -> Rule:
    # Every PLN rule is about the plan file itself or planlint's run: basis "format"
    # (docs/rules.md), which may default to error like an LBF requirement.
    level = Severity(severity)
    cited = check_sources(code, sources)
    check_basis(code, "format", level, built_in=True)
    return Rule(code=code, severity=level, title=Message(*title), rationale=Message(*rationale),
                source=source_text(cited), bad=bad, good=good, plugin="core", basis="format", sources=cited)


_NOT_RUNNABLE_GOOD = Example(note="Et plugin, der returnerer fund og ikke rejser undtagelser.", runnable=False)

RULES = [
    _rule("PLN001", "error", ("YAML-syntaksfejl", "YAML syntax error"),
          ("Filen kan ikke læses som YAML. Fejlen vises med parserens linje og kolonne; "
           "resten af planen kan ikke kontrolleres, før den er rettet.",
           "The file cannot be read as YAML. The error is shown at the parser's line and column; "
           "the rest of the plan cannot be checked until it is fixed."),
          ((FORMAT, "Conventions: YAML 1.2"), ("yaml-1-2", "chapter 6, syntax")),
          Example(yaml="version: 1\nplan:\n  navn: Planen\n   pulje: \"2019-2026\"\n", whole_file=True),
          Example(yaml="version: 1\nplan:\n  navn: Planen\n  pulje: \"2019-2026\"\n", whole_file=True,
                  runnable=False, note="Korrekt indrykning (planen er ellers ufuldstændig).")),
    _rule("PLN002", "error", ("Dobbelt nøgle", "Duplicate key"),
          ("En nøgle står to gange i samme mapping. YAML tillader det ikke, og man kan ikke vide, "
           "hvilken værdi der var ment; planlint bruger den første.",
           "A key appears twice in one mapping. YAML does not allow it and nobody can tell which value "
           "was meant; planlint uses the first."),
          ((FORMAT, "Conventions"), ("yaml-1-2", "\"mapping keys … be unique\"")),
          Example(yaml="version: 1\nplan:\n  navn: Planen\n  navn: Planen igen\n", whole_file=True),
          Example(yaml="version: 1\nplan:\n  navn: Planen\n", whole_file=True, runnable=False,
                  note="Hver nøgle én gang (planen er ellers ufuldstændig).")),
    _rule("PLN003", "error", ("Ukendt nøgle", "Unknown key"),
          ("En nøgle, som formatet ikke kender, er som regel en stavefejl; uden fundet ville "
           "værdien blive ignoreret uden at nogen opdagede det. Den nærmeste kendte nøgle foreslås.",
           "A key the format does not define is usually a typo; without this finding its value would be "
           "silently ignored. The closest defined key is suggested."),
          ((FORMAT, "Conventions: \"A key that this spec does not define is an error\""),),
          Example(at="indsatsområder[0].aktiviteter[0]", yaml="succeskriterer: []"),
          Example(at="indsatsområder[0].aktiviteter[0]", yaml="formål: Flere i job")),
    _rule("PLN004", "error", ("Påkrævet nøgle mangler", "Required key missing"),
          ("Nøgler markeret (R) i formatet skal være der og have en værdi.",
           "Keys marked (R) in the format must be present and have a value."),
          ((FORMAT, "the keys marked (R)"),),
          Example(at="indsatsområder[0].aktiviteter[0]", remove=("navn",)),
          Example(at="indsatsområder[0].aktiviteter[0]", yaml="navn: Fremskudt jobcenter")),
    _rule("PLN005", "error", ("Forkert type", "Wrong type"),
          ("En værdi har en anden type, end formatet kræver (tekst, tal, liste, mapping, dato, årstal), "
           "eller ligger uden for sine grænser. Datoer skal findes (2013-02-30 gør ikke).",
           "A value has another type than the format requires (text, number, list, mapping, date, year), "
           "or is out of its bounds. Dates must exist (2013-02-30 does not)."),
          ((FORMAT, "the type of each key"),),
          Example(at="organisation.medarbejdere[0]", yaml="timer_pr_uge: fuld tid"),
          Example(at="organisation.medarbejdere[0]", yaml="timer_pr_uge: 37")),
    _rule("PLN006", "error", ("Værdi uden for de tilladte", "Value not allowed"),
          ("Felter som pulje, type, niveau, kategori og status har en fast liste af værdier.",
           "Fields such as pulje, type, niveau, kategori and status have a fixed list of values."),
          ((FORMAT, "the allowed values of pulje, type, niveau, kategori and status"),),
          Example(at="parter[1]", yaml="type: komune"),
          Example(at="parter[1]", yaml="type: kommune")),
    _rule("PLN007", "error", ("Ugyldigt beløb", "Invalid amount"),
          ("Beløb er hele kroner: et ikke-negativt heltal eller cifre grupperet med punktum eller mellemrum, "
           "evt. med ' kr.'. Decimaler, negative tal, andre valutaer og fritekst kan ikke regnes med.",
           "Amounts are whole kroner: a non-negative integer, or digits grouped with dots or spaces, "
           "optionally ending in ' kr.'. Decimals, negative numbers, other currencies and free text cannot be summed."),
          ((FORMAT, "Conventions: amounts"),),
          Example(at="budget.finansiering[1]", yaml="beløb: {2021: 100000, 2022: 100000, 2023: 100000, 2024: 1 mio.}"),
          Example(at="budget.finansiering[1]", yaml="beløb: {2021: 100000, 2022: \"100.000 kr.\", 2023: 100000, 2024: 100000}")),
    _rule("PLN008", "error", ("År uden for planperioden", "Year outside the plan period"),
          ("Hvert år i et årskort (mål, beløb) skal ligge inden for plan.periode; ellers tælles det med i "
           "en periode, planen ikke dækker.",
           "Every year in a year map (targets, amounts) must lie inside plan.periode; otherwise it counts "
           "towards a period the plan does not cover."),
          ((FORMAT, "Conventions: \"Every year in a year map must lie inside plan.periode\""),),
          Example(at="indsatsområder[0].aktiviteter[0].succeskriterier[0]",
                  yaml="mål: {2021: 25, 2022: 30, 2023: 35, 2024: 40, 2025: 45}"),
          Example(at="indsatsområder[0].aktiviteter[0].succeskriterier[0]",
                  yaml="mål: {2021: 25, 2022: 30, 2023: 35, 2024: 40}")),
    _rule("PLN009", "error", ("Henvisning til et id, der ikke findes", "Reference to an id that does not exist"),
          ("Parter, aftaler, aktiviteter og indsatsområder henvises til med id; et id, der ikke findes, "
           "er en stavefejl eller en glemt part.",
           "Parties, agreements, activities and areas are referred to by id; an id that does not exist is "
           "a typo or a forgotten party."),
          ((FORMAT, "Conventions: \"A reference to an id that does not exist is an error\""),),
          Example(at="indsatsområder[0].aktiviteter[0]", yaml="samarbejdspartnere: [ek, ab, redbarnet]"),
          Example(at="indsatsområder[0].aktiviteter[0]", yaml="samarbejdspartnere: [ek, ab]")),
    _rule("PLN010", "error", ("Samme id to gange", "Duplicate id"),
          ("Id'er skal være entydige i deres liste (aktivitets-id'er i hele planen), ellers er en henvisning tvetydig.",
           "Ids must be unique within their list (activity ids across the whole plan), or a reference is ambiguous."),
          ((FORMAT, "Conventions: \"an id (a string, unique within its list)\""),),
          Example(at="parter[3]", yaml="id: bo"),
          Example(at="parter[3]", yaml="id: ab")),
    _rule("PLN011", "error", ("Filen kan ikke læses", "The file cannot be read"),
          ("Filen findes ikke længere, kan ikke åbnes, er binær eller er ikke UTF-8 (fx Latin-1 eller UTF-16). "
           "Planer skrives i UTF-8; et BOM er tilladt.",
           "The file is gone, cannot be opened, is binary or is not UTF-8 (e.g. Latin-1 or UTF-16). "
           "Plans are written in UTF-8; a BOM is allowed."),
          ((FORMAT, "Conventions: UTF-8"),),
          Example(note="En fil gemt som Latin-1 med æøå.", runnable=False),
          Example(note="Den samme fil gemt som UTF-8.", runnable=False)),
    _rule("PLN012", "error", ("Filen er ikke en plan", "The file is not a plan"),
          ("En plan er ét YAML-dokument, hvis top er en mapping med nøglerne version, plan, parter, ... "
           "En tom fil, en liste eller flere dokumenter er ikke en plan.",
           "A plan is one YAML document whose top is a mapping with the keys version, plan, parter, ... "
           "An empty file, a list or several documents is not a plan."),
          ((FORMAT, "Conventions: \"One document per file\""),),
          Example(yaml="- version: 1\n- plan: {}\n", whole_file=True),
          Example(yaml="version: 1\n", whole_file=True, runnable=False,
                  note="En mapping (planen er ellers ufuldstændig).")),
    _rule("PLN013", "error", ("YAML-tag er ikke tilladt", "YAML tag not allowed"),
          ("Tags som !!python/object kan få andre YAML-læsere til at køre kode. planlint opretter aldrig "
           "objekter fra tags; værdien ignoreres.",
           "Tags such as !!python/object can make other YAML readers run code. planlint never constructs "
           "objects from tags; the value is ignored."),
          (("yaml-1-2", "10.3 Core Schema"), (FORMAT, "Conventions: YAML 1.2")),
          # a whole file: an edit of the base plan goes through a YAML dump, which drops the tag
          Example(yaml="version: 1\nplan:\n  vision: !!python/object/apply:os.system [\"echo\"]\n", whole_file=True),
          Example(at="plan", yaml="vision: Et trygt boligområde")),
    _rule("PLN014", "error", ("Aliasser, der ikke kan foldes ud", "Aliases that cannot be expanded"),
          ("Ankre og aliasser (&navn, *navn) foldes ud, men et alias, der henviser til sig selv, eller "
           "aliasser, der vokser eksponentielt ('billion laughs'), afvises.",
           "Anchors and aliases (&name, *name) are expanded, but an alias that refers to itself, or aliases "
           "that grow exponentially ('billion laughs'), are refused."),
          (("yaml-1-2", "3.2.2.2 Anchors and Aliases"),),
          Example(yaml="version: 1\nplan: &p\n  navn: Planen\n  igen: *p\n", whole_file=True),
          Example(yaml="version: 1\n", whole_file=True, runnable=False, note="Ingen selvhenvisende aliasser.")),
    _rule("PLN015", "error", ("Filen overskrider en grænse", "The file exceeds a limit"),
          ("Filer over --max-file-size (5 MB), YAML indlejret mere end 100 niveauer og filer med mere end "
           "50.000 YAML-værdier afvises, og tal med mere end 100 cifre læses ikke, så planlint aldrig hænger "
           "eller løber tør for hukommelse i CI.",
           "Files over --max-file-size (5 MB), YAML nested more than 100 levels and files of more than "
           "50,000 YAML values are refused, and numbers of more than 100 digits are not read, so planlint "
           "never hangs or runs out of memory in CI."),
          (("planlint-readme", "Grænser / Limits"),),
          Example(yaml="version: 1\nplan: " + "[" * 150 + "]" * 150 + "\n", whole_file=True),
          Example(yaml="version: 1\n", whole_file=True, runnable=False, note="En plan med almindelig dybde.")),
    _rule("PLN016", "error", ("Henvisning til en part af forkert type", "Reference to a party of the wrong type"),
          ("plan.kommune skal pege på en part af typen kommune, og boligorganisationer og afdelingers "
           "boligorganisation på parter af typen boligorganisation.",
           "plan.kommune must point at a party of type kommune, and boligorganisationer and an afdeling's "
           "boligorganisation at parties of type boligorganisation."),
          ((FORMAT, "plan and afdelinger"),),
          Example(at="plan", yaml="kommune: bo"),
          Example(at="plan", yaml="kommune: ek")),
    _rule("PLN019", "error", ("planlint fejlede på denne fil", "planlint failed on this file"),
          ("En fejl i planlint selv stoppede kontrollen af én fil. Filen får dette fund i stedet for "
           "et traceback, og de andre filer i kørslen kontrolleres og rapporteres som normalt. "
           "Meld gerne fejlen med filen.",
           "A bug in planlint itself stopped the check of one file. The file gets this finding instead "
           "of a traceback, and the other files of the run are checked and reported as usual. "
           "Please report the bug with the file."),
          (("planlint-output", "exit statuses: \"A Python traceback is never the user interface\""),),
          Example(note="En fil, der udløser en fejl i planlint.", runnable=False),
          Example(note="En fil, planlint kan kontrollere.", runnable=False)),
    _rule("PLN020", "error", ("Et plugin fejlede", "A plugin failed"),
          ("Et plugin rejste en undtagelse. Kørslen fortsætter med de andre plugins, men dette plugins "
           "fund mangler; fejlen ligger i pluginet, ikke i planen.",
           "A plugin raised an exception. The run goes on with the other plugins, but this plugin's "
           "findings are missing; the fault is in the plugin, not in the plan."),
          (("planlint-output", "plugins: \"A plugin that raises must not take the run down\""),),
          Example(note="Et plugin, hvis check rejser ZeroDivisionError.", runnable=False), _NOT_RUNNABLE_GOOD),
    _rule("PLN021", "error", ("Et plugin brugte for lang tid", "A plugin took too long"),
          ("Hvert plugin har en tidsgrænse pr. plan (--plugin-timeout, 2 sekunder), så planlint aldrig hænger i CI.",
           "Each plugin has a time budget per plan (--plugin-timeout, 2 seconds), so planlint never hangs in CI."),
          (("planlint-readme", "Grænser / Limits"),),
          Example(note="Et plugin, der sover i 10 sekunder.", runnable=False), _NOT_RUNNABLE_GOOD),
    _rule("PLN022", "error", ("Et plugin returnerede noget ugyldigt", "A plugin returned something invalid"),
          ("Et plugin skal returnere planlint.findings.Finding-objekter med koder, det selv har oplyst.",
           "A plugin must return planlint.findings.Finding objects with codes it has declared."),
          (("planlint-architecture", "Writing a rule (the hook planlint_check)"),),
          Example(note="Et plugin, der returnerer en tekst i stedet for et fund.", runnable=False), _NOT_RUNNABLE_GOOD),
    _rule("PLN023", "info", ("Undertrykkelse, der ikke bruges", "Suppression that is not used"),
          ("'# planlint: disable=KODE' sidst på en linje (eller alene på linjen over) og "
           "'# planlint: disable-file=KODE' tavsgør fund. En undertrykkelse, der ikke tavsgør noget, "
           "fordi fundet er rettet, koden er forkert eller kommentaren ikke kan læses, skal fjernes, "
           "så den ikke skjuler et nyt fund senere. --no-suppress ser bort fra alle undertrykkelser.",
           "'# planlint: disable=CODE' at the end of a line (or alone on the line above) and "
           "'# planlint: disable-file=CODE' silence findings. A suppression that silences nothing, "
           "because the finding was fixed, the code is wrong or the comment cannot be read, should be "
           "removed so it does not hide a new finding later. --no-suppress ignores every suppression."),
          (("planlint-readme", "Undertrykkelse"), ("ruff-rules", "RUF100 unused-noqa")),
          Example(yaml="version: 1  # planlint: disable=PLN003\n", whole_file=True,
                  note="Linje 1 har intet PLN003-fund."),
          Example(yaml="version: 1\nplanen: {}  # planlint: disable=PLN003\n", whole_file=True,
                  note="Den ukendte nøgle 'planen' giver PLN003, som kommentaren tavsgør.")),
]


@hookimpl
def planlint_rules() -> list[Rule]:
    return RULES

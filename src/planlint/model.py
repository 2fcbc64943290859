"""The plan model: FORMAT.md version 1 as pydantic v2 models.

Names in code are English; the Danish keys of the format are the aliases,
and only the aliases are accepted in a plan.

Every field is optional *to pydantic*, and the keys FORMAT.md marks (R) carry
the ``REQUIRED`` marker instead.  That split is deliberate: a linter must go
on checking a plan that lacks a required key, so a missing ``navn`` on one
activity must not make the whole activity, its area and the plan unusable for
the other plugins.  ``Base`` records every missing required key while it
validates, the engine reports them, and the JSON Schema (``planlint schema``)
turns the markers back into ``required`` lists.

Every model instance remembers where it came from (``obj.plan_path``), so a
plugin reports a finding at ``activity`` or ``(activity, "forankring")`` and
never has to know list indices.
"""

# no "from __future__ import annotations": pydantic would evaluate ~170 string annotations at import

import functools
import re
from datetime import date
from typing import Annotated, Any, ClassVar, Iterator, Literal, Optional, Union

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PrivateAttr,
    StrictBool,
    ValidationInfo,
    model_validator,
)
from pydantic_core import PydanticCustomError

from .findings import PlanPath
from .scalars import (FIRST_DATE, LAST_DATE, parse_date, parse_date_or, parse_number,  # noqa: F401 - re-exported
                      parse_whole_number)
from .format11 import (  # noqa: F401 - the values format 1.1 adds; plugins import them from here
    HourRange,
    PartialDate,
    earliest,
    latest,
    parse_hours,
    parse_partial_date,
    parse_period_end,
    parse_period_start,
    parse_version,
    upper_hours,
)

class _Required:
    """Marker for keys FORMAT.md marks (R); see the module docstring."""

    def __repr__(self) -> str:
        return "REQUIRED"


REQUIRED = _Required()


def is_required(field_info: Any) -> bool:
    return any(m is REQUIRED for m in field_info.metadata)


@functools.cache
def _required_aliases(model: type) -> tuple[str, ...]:
    """The keys of a model marked (R), worked out once per class (validation asks per object)."""
    return tuple(finfo.alias for finfo in model.model_fields.values() if is_required(finfo))


# --- scalar types -------------------------------------------------------------

_GROUPED_AMOUNT = re.compile(r"^(\d{1,3}(?:([. ])\d{3})?(?:\2\d{3})*|\d+)( kr\.)?$")

#: The largest amount a plan can state (10 mia. kr.): a boligsocial plan's whole budget is tens of
#: millions.  Larger is a typo (or a hostile file), refused here so no rule or report sums it.
MAX_AMOUNT = 10_000_000_000


def parse_amount(value: Any) -> int:
    """Whole kroner: ``2250000``, ``"2.250.000 kr."``, ``"2 250 000"``; at most ``MAX_AMOUNT``."""
    if isinstance(value, bool) or value is None:
        raise PydanticCustomError("amount", "not an amount")
    amount = None
    if isinstance(value, int):
        if value < 0:
            raise PydanticCustomError("amount", "negative amount")
        amount = value
    elif isinstance(value, str):
        match = _GROUPED_AMOUNT.match(value.strip())
        if match:
            amount = int(re.sub(r"\D", "", match.group(1)))
    if amount is None:
        raise PydanticCustomError("amount", "not an amount")
    if amount > MAX_AMOUNT:
        raise PydanticCustomError("amount_too_large", "unrealistically large amount")
    return amount


def parse_date_or_year(value: Any) -> date | int:
    """A date, or a bare year (``2016``) where FORMAT.md says "date or year".

    A quoted year (``"2016"``) is a year too, as a quoted date is a date and a
    quoted year key of a year map is a year.
    """
    if isinstance(value, str) and len(value) == 4 and value.isascii() and value.isdigit():
        value = int(value)
    if isinstance(value, int) and not isinstance(value, bool):
        if FIRST_DATE.year <= value <= LAST_DATE.year:
            return value
        raise PydanticCustomError("date_or_year", "not a year")
    return parse_date_or(value, "date_or_year", "not a date or year")


def parse_year(value: Any) -> int:
    """A calendar year key of a year map (``2013``; ``"2013"`` is accepted too)."""
    if isinstance(value, str) and value.isdigit() and len(value) == 4:
        value = int(value)
    if isinstance(value, int) and not isinstance(value, bool) and 1000 <= value <= 9999:
        return value
    raise PydanticCustomError("year", "not a year")


Amount = Annotated[int, BeforeValidator(parse_amount)]
Number = Annotated[Union[int, float], BeforeValidator(parse_number)]
Date = Annotated[date, BeforeValidator(parse_date)]
DateOrYear = Annotated[Union[date, int], BeforeValidator(parse_date_or_year)]
Year = Annotated[int, BeforeValidator(parse_year)]
Count = Annotated[int, Field(ge=0), BeforeValidator(parse_whole_number)]
#: ``true``/``"yes"`` are not booleans to pydantic's lax mode here (YAML 1.2: ``yes`` is text)
Flag = StrictBool
Version = Annotated[Literal[1, "1.1"], BeforeValidator(parse_version)]
#: a date of something that happened: a full date, or (1.1) a month or a year
PastDate = Annotated[Union[date, PartialDate], BeforeValidator(parse_partial_date)]
PeriodStart = Annotated[date, BeforeValidator(parse_period_start)]
PeriodEnd = Annotated[date, BeforeValidator(parse_period_end)]
Hours = Annotated[Union[int, float, HourRange], BeforeValidator(parse_hours)]
Text = str
Id = str

Pulje = Literal["2006-2010", "2011-2014", "2015-2018", "2019-2026"]
PULJER: tuple[str, ...] = Pulje.__args__  # type: ignore[attr-defined]
PartyType = Literal[
    "landsbyggefond", "kommune", "boligorganisation", "afdelingsbestyrelse", "ngo", "forening",
    "frivillige", "virksomhed", "uddannelsesinstitution", "politi", "region", "stat", "fond", "andet",
]
PlanStatus = Literal["udkast", "indsendt", "godkendt", "prækvalifikation"]
#: the status of a prækvalifikationsansøgning: checked for what LBF asks of one, not as a full plan
PREQUALIFICATION = "prækvalifikation"
AgreementStatus = Literal["underskrevet", "indgået", "under_forhandling", "planlagt"]
#: what a samarbejdsaftale describes (LBF 2019-2026: "organisering, indsatser, mål og indikatorer")
AgreementTopic = Literal["organisering", "indsatser", "mål", "indikatorer"]
FundingStatus = Literal["bevilget", "søges"]
Level = Literal["aktivitet", "resultat", "effekt"]
SourceType = Literal["kontant", "naturalier"]
CostCategory = Literal[
    "løn", "aktiviteter", "administration", "evaluering", "lokaler", "kompetenceudvikling", "andet",
]

#: A year map: calendar year -> value (FORMAT.md "Conventions").
AmountsByYear = dict[Year, Amount]
NumbersByYear = dict[Year, Number]


def field(alias: str, description: str, *, required: bool = False, default: Any = None, **kw: Any) -> Any:
    """A model field with its Danish key and its Danish description (for the schema)."""
    return Field(default, alias=alias, description=description, **kw)


# --- the base model -----------------------------------------------------------

class Base(BaseModel):
    """A part of the plan that knows its place in the file."""

    # frozen: plugins share one plan object, so none may change what the next one sees;
    # defer_build: the validator comes from planlint.cache (a cold start pays no schema build)
    model_config = ConfigDict(extra="forbid", populate_by_name=False, frozen=True, defer_build=True)

    _plan_path: PlanPath = PrivateAttr(default=())

    @model_validator(mode="wrap")
    @classmethod
    def _remember_place(cls, data: Any, handler: Any, info: ValidationInfo) -> Any:
        if isinstance(data, dict) and info.context is not None:
            missing = info.context.setdefault("missing", [])
            path = getattr(data, "path", ())
            optional = cls._optional_here(data)
            for alias in _required_aliases(cls):
                if data.get(alias) is None and alias not in optional:
                    missing.append((path, alias, cls))
        obj = handler(data)
        path = getattr(data, "path", None)
        if path is not None:
            # private attributes through the dict: ``obj._plan_path`` goes through
            # pydantic's Python-level __getattr__/__setattr__, and rules ask for paths a lot
            obj.__pydantic_private__["_plan_path"] = path
        return obj

    @classmethod
    def _optional_here(cls, data: dict) -> tuple[str, ...]:
        """Required keys this mapping may leave out (a ``søges`` financing row's ``beløb``)."""
        return ()

    @property
    def plan_path(self) -> PlanPath:
        """Where this object stands in the plan, e.g. ``("budget", "finansiering", 0)``."""
        return self.__pydantic_private__["_plan_path"]  # type: ignore[index]

    def path_of(self, name: str) -> PlanPath:
        """The path of one of this object's fields, by its English name or Danish key."""
        finfo = type(self).model_fields.get(name)
        return self.plan_path + ((finfo.alias if finfo else name),)


def req(alias: str, description: str, **kw: Any) -> Any:
    return field(alias, description, required=True, **kw)


R = REQUIRED  # short for the annotations below


# --- the sections -------------------------------------------------------------

class Period(Base):
    start: Annotated[Optional[PeriodStart], R] = req(
        "start", "Planperiodens første dag (ISO-dato), eller et årstal (1.1: dets første dag).")
    end: Annotated[Optional[PeriodEnd], R] = req(
        "slut", "Planperiodens sidste dag (ISO-dato), eller et årstal (1.1: dets sidste dag).")

    def years(self) -> list[int]:
        """The calendar years the period touches (empty when a date is missing)."""
        if self.start is None or self.end is None or self.end < self.start:
            return []
        return list(range(self.start.year, self.end.year + 1))


class Party(Base):
    id: Annotated[Optional[Id], R] = req("id", "Partens id; andre dele af planen henviser til det.")
    name: Annotated[Optional[Text], R] = req("navn", "Partens navn.")
    type: Annotated[Optional[PartyType], R] = req("type", "Partens type, fx kommune eller ngo.")
    parent: Optional[Id] = field(
        "hører_under", "1.1: id på den part, som denne er en afdeling eller enhed af (fx driften).")


class Section(Base):
    number: Annotated[Optional[Text], R] = req("nummer", "Afdelingsnummer, fx \"463-0\" (tekst).")
    name: Annotated[Optional[Text], R] = req("navn", "Afdelingens navn.")
    housing_org: Annotated[Optional[Id], R] = req(
        "boligorganisation", "Id på den boligorganisation, der ejer afdelingen.")
    tenancies: Optional[Count] = field("lejemål", "Antal lejemål.")
    residents: Optional[Count] = field("beboere", "Antal beboere.")
    approved: Optional[PastDate] = field(
        "godkendt_afdelingsmøde",
        "Datoen (1.1: eller måned/år), hvor afdelingsmødet godkendte planen; mangler = ikke godkendt.")


class Member(Base):
    name: Optional[Text] = field("navn", "Medlemmets navn eller titel.")
    party: Optional[Id] = field("part", "Id på den part, medlemmet repræsenterer.")
    role: Optional[Text] = field("rolle", "Rolle i organet, fx formand eller medlem.")


class Body(Base):
    name: Optional[Text] = field("navn", "Organets navn.")
    members: Optional[list[Member]] = field("medlemmer", "Organets medlemmer.")


class ProjectLead(Base):
    name: Optional[Text] = field("navn", "Projektlederens navn.")
    party: Optional[Id] = field("part", "Id på projektlederens arbejdsgiver.")


class Staff(Base):
    role: Optional[Text] = field("rolle", "Stillingens navn; aktiviteter henviser til den.")
    hours_per_week: Optional[Annotated[Number, Field(gt=0)]] = field(
        "timer_pr_uge", "Stillingens timer pr. uge (> 0).")
    party: Optional[Id] = field("part", "Id på den part, der ansætter.")


class Organisation(Base):
    board: Optional[Body] = field("bestyrelse", "Den boligsociale bestyrelse / styregruppen.")
    follow_group: Optional[Body] = field("følgegruppe", "Følgegruppen.")
    project_lead: Optional[ProjectLead] = field("projektleder", "Projektlederen.")
    staff: Optional[list[Staff]] = field("medarbejdere", "Stillinger, som planen finansierer.")


class Signature(Base):
    party: Optional[Id] = field("part", "Id på den part, der har skrevet under.")
    name: Optional[Text] = field("navn", "Hvem der skrev under.")
    date: Optional[PastDate] = field("dato", "Underskriftens dato (1.1: eller måned/år).")


class Agreement(Base):
    id: Annotated[Optional[Id], R] = req("id", "Aftalens id.")
    parties: Annotated[Optional[Annotated[list[Id], Field(min_length=2)]], R] = req(
        "parter", "Id'er på aftalens parter (mindst to).")
    subject: Optional[Text] = field("emne", "Hvad aftalen handler om.")
    status: Optional[AgreementStatus] = field(
        "status",
        "underskrevet, indgået (1.1: aftalt, intet underskrevet dokument), under_forhandling eller planlagt.")
    date: Optional[PastDate] = field("dato", "Datoen, aftalen blev underskrevet (1.1: eller måned/år).")
    covers: Optional[list[AgreementTopic]] = field(
        "dækker", "Hvad aftalen beskriver: organisering, indsatser, mål og/eller indikatorer.")

    @property
    def signed(self) -> bool:
        return self.status == "underskrevet"

    @property
    def commits(self) -> bool:
        """Signed, or (1.1) ``indgået``: agreed without a signed document cited."""
        return self.status in ("underskrevet", "indgået")


class StaffResource(Base):
    role: Optional[Text] = field("rolle", "En stilling fra organisation.medarbejdere.")
    hours_per_week: Optional[Hours] = field(
        "timer_pr_uge", "Timer pr. uge, som aktiviteten bruger af stillingen (1.1: eller \"1-2\").")


class Baseline(Base):
    value: Optional[Number] = field("værdi", "Udgangsniveauet.")
    year: Optional[Year] = field("år", "Året, udgangsniveauet er målt.")
    source: Optional[Text] = field("kilde", "Hvor udgangsniveauet kommer fra.")


class Criterion(Base):
    description: Annotated[Optional[Text], R] = req(
        "beskrivelse", "Succeskriteriet, som det står i planen.")
    indicator: Optional[Text] = field("indikator", "Den målbare indikator.")
    level: Optional[Level] = field("niveau", "aktivitet (output), resultat (outcome) eller effekt (impact).")
    unit: Optional[Text] = field("enhed", "Enheden: personer, familier, procent, ...")
    baseline: Optional[Baseline] = field("baseline", "Udgangsniveauet: {værdi, år, kilde}.")
    targets: Optional[NumbersByYear] = field("mål", "Mål pr. planår: {2021: 25, 2022: 30}.")
    period_target: Optional[Number] = field("mål_periode", "1.1: ét mål for hele planperioden.")
    data_source: Optional[Text] = field("datakilde", "Hvordan det måles.")
    source_text: Optional[Text] = field("kildetekst", "1.1: planens egne ord (kontrolleres ikke).")


class Forankring(Base):
    parties: Optional[list[Id]] = field("hos", "Id'er på de parter, der overtager aktiviteten.")
    either: Optional[list[Id]] = field("hos_en_af", "1.1: én af disse parter overtager (endnu ikke afgjort).")
    how: Optional[Text] = field("hvordan", "Hvordan aktiviteten videreføres.")
    when: Optional[DateOrYear] = field("hvornår", "Dato eller år for overdragelsen.")
    agreement: Optional[Id] = field("aftale", "Id på samarbejdsaftalen, der forpligter parten.")
    conditions: Optional[list[Text]] = field("betingelser", "Betingelser, fx fortsat finansiering.")
    source_text: Optional[Text] = field("kildetekst", "1.1: planens egne ord (kontrolleres ikke).")


class Activity(Base):
    id: Annotated[Optional[Id], R] = req("id", "Aktivitetens id, entydigt i hele planen, fx \"5.1.1\".")
    name: Annotated[Optional[Text], R] = req("navn", "Aktivitetens navn.")
    main: Optional[Flag] = field("hovedaktivitet", "true for indsatsområdets hovedaktivitet.")
    purpose: Optional[Text] = field("formål", "Aktivitetens formål.")
    target_group: Optional[Text] = field("målgruppe", "Aktivitetens målgruppe.")
    responsible: Optional[Id] = field(
        "ansvarlig", "En rolle fra organisation.medarbejdere eller et part-id.")
    partners: Optional[list[Id]] = field("samarbejdspartnere", "Id'er på samarbejdspartnere.")
    staff: Optional[list[StaffResource]] = field("medarbejderressourcer", "Medarbejdertimer pr. rolle.")
    criteria: Optional[list[Criterion]] = field("succeskriterier", "Aktivitetens succeskriterier.")
    forankring: Optional[Forankring] = field("forankring", "Hvem, hvordan, hvornår og med hvilken aftale.")
    local_evaluation: Optional[Text] = field("lokal_evaluering", "1.1: hvordan aktiviteten evalueres lokalt.")
    source_text: Optional[Text] = field("kildetekst", "1.1: planens egne ord (kontrolleres ikke).")

    @property
    def label(self) -> str:
        """``5.1.3 Foreningsguider``: how messages name an activity."""
        return " ".join(part for part in (self.id, self.name) if part) or "?"

    #: how messages name this kind of criteria/forankring holder (da, en)
    kind: ClassVar[tuple[str, str]] = ("Aktivitet", "Activity")


class Area(Base):
    id: Annotated[Optional[Id], R] = req("id", "Indsatsområdets id.")
    name: Annotated[Optional[Text], R] = req("navn", "Indsatsområdets navn; skal høre til puljen.")
    purpose: Optional[Text] = field("formål", "Indsatsområdets formål.")
    activities: Annotated[Optional[Annotated[list[Activity], Field(min_length=1)]], R] = req(
        "aktiviteter", "Indsatsområdets aktiviteter (mindst én).")
    criteria: Optional[list[Criterion]] = field(
        "succeskriterier", "1.1: succeskriterier for hver aktivitet i området, der ingen har selv.")
    forankring: Optional[Forankring] = field(
        "forankring", "1.1: forankring for hver aktivitet i området, der ingen har selv.")
    source_text: Optional[Text] = field("kildetekst", "1.1: planens egne ord (kontrolleres ikke).")

    @property
    def label(self) -> str:
        """``io1 Beskæftigelse``: how messages name an area."""
        return " ".join(part for part in (self.id, self.name) if part) or "?"

    kind: ClassVar[tuple[str, str]] = ("Indsatsområde", "Area")


class Goal(Base):
    """One of ``plan.mål`` (1.1): an overall goal of the plan."""

    description: Annotated[Optional[Text], R] = req("beskrivelse", "Målet, som det står i planen.")
    criteria: Optional[list[Criterion]] = field("succeskriterier", "Målets succeskriterier.")
    source_text: Optional[Text] = field("kildetekst", "Planens egne ord (kontrolleres ikke).")

    @property
    def label(self) -> str:
        index = self.plan_path[-1] if self.plan_path and isinstance(self.plan_path[-1], int) else 0
        return str(index + 1)

    kind: ClassVar[tuple[str, str]] = ("Planens mål", "The plan's goal")


class PlanMeta(Base):
    name: Annotated[Optional[Text], R] = req("navn", "Helhedsplanens navn, fx \"Rum for Liv\".")
    pulje: Annotated[Optional[Pulje], R] = req(
        "pulje", "Landsbyggefondens pulje (støtteperiode); den vælger regelpakken.")
    municipality: Annotated[Optional[Id], R] = req(
        "kommune", "Id på beliggenhedskommunen i `parter` (type kommune).")
    housing_orgs: Annotated[Optional[list[Id]], R] = req(
        "boligorganisationer", "Id'er på de ansvarlige boligorganisationer i `parter`.")
    period: Annotated[Optional[Period], R] = req("periode", "Planperioden: {start: dato, slut: dato}.")
    vision: Optional[Text] = field("vision", "Helhedsplanens overordnede vision.")
    status: Optional[PlanStatus] = field(
        "status", "udkast, indsendt, godkendt eller prækvalifikation (standard: udkast).")
    goals: Optional[list[Goal]] = field("mål", "1.1: planens overordnede mål, hvert med sine succeskriterier.")
    source_text: Optional[Text] = field("kildetekst", "1.1: planens egne ord (kontrolleres ikke).")

    @property
    def effective_status(self) -> str:
        return self.status or "udkast"

    @property
    def is_prequalification(self) -> bool:
        """A prækvalifikationsansøgning, not a full plan (rules that need a full plan do not run)."""
        return self.status == PREQUALIFICATION


class Source(Base):
    party: Annotated[Optional[Id], R] = req("part", "Id på den part, pengene kommer fra.")
    type: Optional[SourceType] = field("type", "kontant eller naturalier (standard: kontant).")
    status: Optional[FundingStatus] = field(
        "status", "1.1: bevilget (standard) eller søges (endnu ikke sikret; beløb kan udelades).")
    amounts: Annotated[Optional[AmountsByYear], R] = req("beløb", "Beløb pr. år i hele kroner.")
    valuation: Optional[Text] = field("værdiansættelse", "Hvordan et naturaliebidrag er værdisat.")
    agreement: Optional[Id] = field("aftale", "Id på samarbejdsaftalen, der forpligter bidraget.")

    @classmethod
    def _optional_here(cls, data: dict) -> tuple[str, ...]:
        return ("beløb",) if data.get("status") == "søges" else ()

    @property
    def in_kind(self) -> bool:
        return self.type == "naturalier"

    @property
    def sought(self) -> bool:
        """Not yet secured (1.1 ``status: søges``): it counts in no share."""
        return self.status == "søges"

    @property
    def total(self) -> int:
        return sum((self.amounts or {}).values())


class Cost(Base):
    category: Annotated[Optional[CostCategory], R] = req("kategori", "Udgiftens kategori.")
    activity: Optional[Id] = field("aktivitet", "Id på aktiviteten, udgiften hører til.")
    area: Optional[Id] = field("indsatsområde", "Id på indsatsområdet, udgiften hører til.")
    amounts: Annotated[Optional[AmountsByYear], R] = req("beløb", "Beløb pr. år i hele kroner.")
    note: Optional[Text] = field("note", "Forklaring.")

    @property
    def total(self) -> int:
        return sum((self.amounts or {}).values())


class Totals(Base):
    total: Optional[Amount] = field("i_alt", "Budgettet i alt, som det står i ansøgningen.")
    lbf: Optional[Amount] = field("lbf", "Landsbyggefondens andel.")
    municipality: Optional[Amount] = field("kommune", "Kommunens andel.")
    housing_org: Optional[Amount] = field("boligorganisation", "Boligorganisationens andel.")
    others: Optional[Amount] = field("andre", "Andre parters andel.")


class Budget(Base):
    sources: Optional[list[Source]] = field("finansiering", "Hvor pengene kommer fra.")
    costs: Optional[list[Cost]] = field("udgifter", "Hvad pengene bruges til.")
    totals: Optional[Totals] = field("totaler", "Totaler, som de står andre steder i ansøgningen.")


class ProblemDescription(Base):
    pages: Annotated[Optional[Annotated[int, Field(ge=1), BeforeValidator(parse_whole_number)]], R] = req(
        "sider", "Problembeskrivelsens længde i sider (LBF: højst 5).")
    document: Optional[Text] = field("dokument", "Hvor beskrivelsen står (bilag, filnavn).")


class KeyFigure(Base):
    name: Annotated[Optional[Text], R] = req("navn", "Hvad nøgletallet er.")
    value: Annotated[Optional[Number], R] = req("værdi", "Nøgletallet.")
    unit: Optional[Text] = field("enhed", "personer, procent, kr., ...")
    year: Optional[Year] = field("år", "Året, tallet er opgjort.")
    source: Optional[Text] = field("kilde", "Hvor tallet kommer fra (KÅS-tal, driftsstøttesystemet, ...).")


class Recommendation(Base):
    party: Annotated[Optional[Id], R] = req("part", "Id på kommunen (type kommune), der anbefaler.")
    date: Annotated[Optional[Date], R] = req("dato", "Datoen for kommunens anbefaling.")


class Prequalification(Base):
    problem: Optional[ProblemDescription] = field(
        "problembeskrivelse", "Beskrivelsen af de sociale udfordringer: {sider: 4, dokument: ...}.")
    key_figures: Optional[list[KeyFigure]] = field("nøgletal", "Nøgletal for afdelingerne (KÅS-tal).")
    recommendation: Optional[Recommendation] = field(
        "kommunal_anbefaling", "Kommunens anbefaling: {part: kommune-id, dato: ...}.")


class Evaluation(Base):
    midterm: Optional[Date] = field("midtvejs", "Dato for midtvejsevalueringen.")
    final: Optional[Date] = field("slut", "Dato for slutevalueringen.")
    external: Optional[Flag] = field("ekstern", "true, når en ekstern evaluator bruges.")
    method: Optional[Text] = field("metode", "Evalueringsmetode.")


class Plan(Base):
    """A boligsocial helhedsplan (FORMAT.md version 1)."""

    _parties_by_id: dict[Any, Party] | None = PrivateAttr(default=None)
    _agreements_by_id: dict[Any, Agreement] | None = PrivateAttr(default=None)

    version: Annotated[Optional[Version], R] = req(
        "version", "Formatversion: 1 eller 1.1 (1.1's nøgler accepteres under begge).")
    plan: Annotated[Optional[PlanMeta], R] = req("plan", "Planens stamdata.")
    parties: Annotated[Optional[list[Party]], R] = req("parter", "Alle organisationer, planen nævner.")
    sections: Annotated[Optional[list[Section]], R] = req("afdelinger", "De boligafdelinger, planen dækker.")
    organisation: Optional[Organisation] = field("organisation", "Styring og medarbejdere.")
    signatures: Optional[list[Signature]] = field("underskrifter", "Underskrifter på planen.")
    agreements: Optional[list[Agreement]] = field("samarbejdsaftaler", "Samarbejdsaftaler.")
    areas: Annotated[Optional[list[Area]], R] = req("indsatsområder", "Indsatsområder med aktiviteter.")
    budget: Optional[Budget] = field("budget", "Finansiering og udgifter.")
    evaluation: Optional[Evaluation] = field("evaluering", "Evalueringsplan.")
    prequalification: Optional[Prequalification] = field(
        "prækvalifikation", "Prækvalifikationsansøgningens dele (når plan.status er prækvalifikation).")

    # --- conveniences for plugins ------------------------------------------

    @property
    def meta(self) -> PlanMeta:
        """``plan:`` (an empty one when the plan lacks it, so plugins need no None checks)."""
        return self.plan or PlanMeta()

    @property
    def pulje_name(self) -> str | None:
        return self.plan.pulje if self.plan else None

    @property
    def period_years(self) -> list[int]:
        period = self.meta.period
        return period.years() if period else []

    def party(self, party_id: str | None) -> Party | None:
        """The party with this id (the first, when ids repeat), or None."""
        private = self.__pydantic_private__  # see Base._remember_place
        by_id = private["_parties_by_id"]  # type: ignore[index]
        if by_id is None:  # built once: rules look parties up per reference
            by_id = private["_parties_by_id"] = {}  # type: ignore[index]
            for party in self.parties or []:
                if party.id is not None:  # a party without id is named by nothing
                    by_id.setdefault(party.id, party)
        return by_id.get(party_id)

    def party_type(self, party_id: str | None) -> str | None:
        party = self.party(party_id)
        return party.type if party else None

    def agreement(self, agreement_id: str | None) -> Agreement | None:
        """The samarbejdsaftale with this id (the first, when ids repeat), or None."""
        if self._agreements_by_id is None:
            self._agreements_by_id = {}
            for agreement in self.agreements or []:
                if agreement.id is not None:
                    self._agreements_by_id.setdefault(agreement.id, agreement)
        return self._agreements_by_id.get(agreement_id)

    def parent_chain(self, party_id: str | None) -> list[str]:
        """``party_id`` and the parties it is a unit of (1.1 ``hører_under``), nearest first."""
        chain: list[str] = []
        while isinstance(party_id, str) and party_id not in chain:
            chain.append(party_id)
            party = self.party(party_id)
            party_id = party.parent if party is not None else None
        return chain

    def goals(self) -> list[Goal]:
        """``plan.mål`` (1.1), or an empty list."""
        return [goal for goal in self.meta.goals or [] if goal is not None]

    def activities(self) -> Iterator[tuple[Area, Activity]]:
        """Every activity with its indsatsområde, in plan order."""
        for area in self.areas or []:
            for activity in area.activities or []:
                yield area, activity

    def staff_roles(self) -> set[str]:
        """The posts (``rolle``) of ``organisation.medarbejdere``."""
        org = self.organisation
        return {s.role for s in (org.staff if org and org.staff else []) if s.role}


def model_at(loc: tuple) -> type[Base] | None:
    """The model class that validates the mapping at a pydantic ``loc`` (or None)."""
    cls: Any = Plan
    for part in loc:
        if isinstance(part, int) or not (isinstance(cls, type) and issubclass(cls, Base)):
            continue
        found = None
        for finfo in cls.model_fields.values():
            if finfo.alias == part:
                found = _inner_model(finfo.annotation)
                break
        if found is None:
            return None
        cls = found
    return cls if isinstance(cls, type) and issubclass(cls, Base) else None


def _inner_model(annotation: Any) -> Any:
    """The model class inside ``Optional[list[Model]]`` and the like."""
    if isinstance(annotation, type) and issubclass(annotation, Base):
        return annotation
    for arg in getattr(annotation, "__args__", ()) or ():
        inner = _inner_model(arg)
        if inner is not None:
            return inner
    origin = getattr(annotation, "__origin__", None)
    if origin is not None and origin is not annotation:
        return _inner_model(origin)
    return None

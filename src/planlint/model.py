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

from __future__ import annotations

import re
from datetime import date
from typing import Annotated, Any, Iterator, Literal, Optional, Union

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

class _Required:
    """Marker for keys FORMAT.md marks (R); see the module docstring."""

    def __repr__(self) -> str:
        return "REQUIRED"


REQUIRED = _Required()


def is_required(field_info: Any) -> bool:
    return any(m is REQUIRED for m in field_info.metadata)


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


def parse_number(value: Any) -> float | int:
    """A finite int or float; booleans, strings, .nan and .inf are refused."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise PydanticCustomError("number", "not a number")
    if isinstance(value, float) and (value != value or value in (float("inf"), float("-inf"))):
        raise PydanticCustomError("number", "not a finite number")
    return value


_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")

#: Dates a plan can hold (and the years of ``hvornår``): a period ending 9999-12-31 would make
#: rules count thousands of years and date arithmetic overflow, so such a date never reaches them.
FIRST_DATE, LAST_DATE = date(1900, 1, 1), date(2200, 12, 31)


def parse_date(value: Any) -> date:
    """An ISO date ``2013-01-01`` from 1900 to 2200; ``2013-02-30`` and bare numbers are refused."""
    if isinstance(value, date):
        parsed = value
    elif isinstance(value, str) and _ISO_DATE.match(value):
        try:
            parsed = date.fromisoformat(value)
        except ValueError:
            raise PydanticCustomError("date_invalid", "no such date") from None
    else:
        raise PydanticCustomError("date", "not a date")
    if not FIRST_DATE <= parsed <= LAST_DATE:
        raise PydanticCustomError("date_range", "a date from 1900 to 2200")
    return parsed


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
    try:
        return parse_date(value)
    except PydanticCustomError as exc:
        if exc.type in ("date_invalid", "date_range"):
            raise
        raise PydanticCustomError("date_or_year", "not a date or year") from None


def parse_whole_number(value: Any) -> Any:
    """A count or the format version: no booleans or digit strings.

    pydantic's lax mode would read ``true`` as 1 and ``"400"`` as 400; the
    format (and its JSON Schema) says a number, so those are type errors.
    Floats go on to pydantic, which takes ``400.0`` and refuses ``400.5``.
    """
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise PydanticCustomError("int_type", "not a whole number")
    return value


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
Version = Annotated[Literal[1], BeforeValidator(parse_whole_number)]
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
AgreementStatus = Literal["underskrevet", "under_forhandling", "planlagt"]
#: what a samarbejdsaftale describes (LBF 2019-2026: "organisering, indsatser, mål og indikatorer")
AgreementTopic = Literal["organisering", "indsatser", "mål", "indikatorer"]
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

    # frozen: plugins share one plan object, so none may change what the next one sees
    model_config = ConfigDict(extra="forbid", populate_by_name=False, frozen=True)

    _plan_path: PlanPath = PrivateAttr(default=())

    @model_validator(mode="wrap")
    @classmethod
    def _remember_place(cls, data: Any, handler: Any, info: ValidationInfo) -> Any:
        if isinstance(data, dict) and info.context is not None:
            missing = info.context.setdefault("missing", [])
            path = getattr(data, "path", ())
            for name, finfo in cls.model_fields.items():
                if is_required(finfo) and data.get(finfo.alias) is None:
                    missing.append((path, finfo.alias, cls))
        obj = handler(data)
        path = getattr(data, "path", None)
        if path is not None:
            obj._plan_path = path
        return obj

    @property
    def plan_path(self) -> PlanPath:
        """Where this object stands in the plan, e.g. ``("budget", "finansiering", 0)``."""
        return self._plan_path

    def path_of(self, name: str) -> PlanPath:
        """The path of one of this object's fields, by its English name or Danish key."""
        finfo = type(self).model_fields.get(name)
        return self._plan_path + ((finfo.alias if finfo else name),)


def req(alias: str, description: str, **kw: Any) -> Any:
    return field(alias, description, required=True, **kw)


R = REQUIRED  # short for the annotations below


# --- the sections -------------------------------------------------------------

class Period(Base):
    start: Annotated[Optional[Date], R] = req("start", "Planperiodens første dag (ISO-dato).")
    end: Annotated[Optional[Date], R] = req("slut", "Planperiodens sidste dag (ISO-dato).")

    def years(self) -> list[int]:
        """The calendar years the period touches (empty when a date is missing)."""
        if self.start is None or self.end is None or self.end < self.start:
            return []
        return list(range(self.start.year, self.end.year + 1))


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

    @property
    def effective_status(self) -> str:
        return self.status or "udkast"

    @property
    def is_prequalification(self) -> bool:
        """A prækvalifikationsansøgning, not a full plan (rules that need a full plan do not run)."""
        return self.status == PREQUALIFICATION


class Party(Base):
    id: Annotated[Optional[Id], R] = req("id", "Partens id; andre dele af planen henviser til det.")
    name: Annotated[Optional[Text], R] = req("navn", "Partens navn.")
    type: Annotated[Optional[PartyType], R] = req("type", "Partens type, fx kommune eller ngo.")


class Section(Base):
    number: Annotated[Optional[Text], R] = req("nummer", "Afdelingsnummer, fx \"463-0\" (tekst).")
    name: Annotated[Optional[Text], R] = req("navn", "Afdelingens navn.")
    housing_org: Annotated[Optional[Id], R] = req(
        "boligorganisation", "Id på den boligorganisation, der ejer afdelingen.")
    tenancies: Optional[Count] = field("lejemål", "Antal lejemål.")
    residents: Optional[Count] = field("beboere", "Antal beboere.")
    approved: Optional[Date] = field(
        "godkendt_afdelingsmøde", "Datoen, hvor afdelingsmødet godkendte planen; mangler = ikke godkendt.")


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
    date: Optional[Date] = field("dato", "Underskriftens dato.")


class Agreement(Base):
    id: Annotated[Optional[Id], R] = req("id", "Aftalens id.")
    parties: Annotated[Optional[Annotated[list[Id], Field(min_length=2)]], R] = req(
        "parter", "Id'er på aftalens parter (mindst to).")
    subject: Optional[Text] = field("emne", "Hvad aftalen handler om.")
    status: Optional[AgreementStatus] = field("status", "underskrevet, under_forhandling eller planlagt.")
    date: Optional[Date] = field("dato", "Datoen, aftalen blev underskrevet.")
    covers: Optional[list[AgreementTopic]] = field(
        "dækker", "Hvad aftalen beskriver: organisering, indsatser, mål og/eller indikatorer.")

    @property
    def signed(self) -> bool:
        return self.status == "underskrevet"


class StaffResource(Base):
    role: Optional[Text] = field("rolle", "En stilling fra organisation.medarbejdere.")
    hours_per_week: Optional[Annotated[Number, Field(gt=0)]] = field(
        "timer_pr_uge", "Timer pr. uge, som aktiviteten bruger af stillingen.")


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
    data_source: Optional[Text] = field("datakilde", "Hvordan det måles.")


class Forankring(Base):
    parties: Optional[list[Id]] = field("hos", "Id'er på de parter, der overtager aktiviteten.")
    how: Optional[Text] = field("hvordan", "Hvordan aktiviteten videreføres.")
    when: Optional[DateOrYear] = field("hvornår", "Dato eller år for overdragelsen.")
    agreement: Optional[Id] = field("aftale", "Id på samarbejdsaftalen, der forpligter parten.")
    conditions: Optional[list[Text]] = field("betingelser", "Betingelser, fx fortsat finansiering.")


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

    @property
    def label(self) -> str:
        """``5.1.3 Foreningsguider``: how messages name an activity."""
        return " ".join(part for part in (self.id, self.name) if part) or "?"


class Area(Base):
    id: Annotated[Optional[Id], R] = req("id", "Indsatsområdets id.")
    name: Annotated[Optional[Text], R] = req("navn", "Indsatsområdets navn; skal høre til puljen.")
    purpose: Optional[Text] = field("formål", "Indsatsområdets formål.")
    activities: Annotated[Optional[Annotated[list[Activity], Field(min_length=1)]], R] = req(
        "aktiviteter", "Indsatsområdets aktiviteter (mindst én).")


class Source(Base):
    party: Annotated[Optional[Id], R] = req("part", "Id på den part, pengene kommer fra.")
    type: Optional[SourceType] = field("type", "kontant eller naturalier (standard: kontant).")
    amounts: Annotated[Optional[AmountsByYear], R] = req("beløb", "Beløb pr. år i hele kroner.")
    valuation: Optional[Text] = field("værdiansættelse", "Hvordan et naturaliebidrag er værdisat.")
    agreement: Optional[Id] = field("aftale", "Id på samarbejdsaftalen, der forpligter bidraget.")

    @property
    def in_kind(self) -> bool:
        return self.type == "naturalier"

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

    version: Annotated[Optional[Version], R] = req("version", "Formatversion; kun 1 findes.")
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
        if self._parties_by_id is None:  # built once: rules look parties up per reference
            self._parties_by_id = {}
            for party in self.parties or []:
                if party.id is not None:  # a party without id is named by nothing
                    self._parties_by_id.setdefault(party.id, party)
        return self._parties_by_id.get(party_id)

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

"""Find candidate figures (how many, of whom, did what, when, says who) in a document's text.

Pure and deterministic: regular expressions and the tables below, no network; never raises.
"""

from __future__ import annotations

import _sre as _sre_engine
import bisect
import calendar
import contextlib
import functools
import gc
import itertools
import re
import string
from collections import Counter
from dataclasses import dataclass, replace
from datetime import date, timedelta
from re import _compiler as _sre_compiler
from re import _constants as _sre
from re import _parser as _sre_parser

from tracker import places
from tracker.estimate import (
    FRACTION_WORDS,
    NUMBER_WORD_HINT,
    QUANTITY,
    QUANTITY_LOWER,
    SCALE_WORDS,
    WORD_NUMBER,
    Estimate,
    EstimateError,
    _set_at_once,
    estimate_from_match,
    number_groups,
    words_value,
)
from tracker.places import PLACE_WORDS
from tracker.terms import (
    LINKING_VERBS,
    NO_TERM,
    OBJECT_VERBS,
    POPULATION_TERMS,
    SHELTER_PLACES,
    TERMS,
    TOLL,
    VERBS,
)


@_set_at_once
@dataclass(frozen=True)
class Candidate:
    """One figure proposed by extraction, waiting for review."""

    span: str
    start: int
    end: int
    estimate: Estimate
    unit: str
    household_size: float | None
    population: str | None
    term: str
    measure: str
    period_text: str | None
    period_start: date | None
    period_end: date | None
    attributed_to: str | None
    sentence: str
    # Where: the most specific place the figure is about, as the document writes it; its country
    # and coordinates from the offline gazetteer (tracker.places); the readings of an ambiguous
    # name for the reviewer; a note when the place comes from the title or the dateline.
    location: str | None = None
    country_iso3: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    place_readings: tuple = ()
    place_note: str | None = None
    date_precision: str | None = None  # of period_start/period_end: day, week, month, year

    @property
    def place_options(self) -> tuple[str, ...]:
        """Other places the document names, nearest the figure first (its sentence's, the
        title's, the other figures' places, then the rest): for the reviewer to choose from where
        the location is not the one. Worked out when first read (tracker.actions and the CLI
        read them; most uses of extract() never do), from the document's places that extract()
        keeps beside its candidates."""
        state = self.__dict__
        found = state.get("_place_options")
        if found is None:
            index = state.get("_places")
            found = state["_place_options"] = index.options(self) if index is not None else ()
        return found


# --- Tables -------------------------------------------------------------------------------------

MONTHS: dict[str, int] = {name.lower(): i for i, name in enumerate(calendar.month_name) if name} | {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
WEEKDAYS: dict[str, int] = {name.lower(): i for i, name in enumerate(calendar.day_name)}

# Month names are matched capitalised only: "may" is a verb far more often than a month.
_MONTH = (
    r"(?-i:"
    + "|".join(
        sorted((m.capitalize() for m in MONTHS if len(m) > 3 or m == "may"), key=len, reverse=True)
        + [
            m.capitalize() + r"\.?"
            for m in MONTHS
            if len(m) <= 4 and m not in ("may", "june", "july")
        ]
    )
    + r")\b"
)
_WEEKDAY = r"(?-i:" + "|".join(d.capitalize() for d in WEEKDAYS) + r")"
_DAY = r"(?:[0-3]?\d)(?!\d)(?:st|nd|rd|th)?"
_YEAR = r"(?:1[89]\d\d|20\d\d)"

# Spans that look like numbers but are dates or phone numbers; quantities inside them are dropped.
NOT_A_FIGURE_SPANS: dict[str, str] = {
    "date": rf"\b{_DAY}(?:\s*[-–]\s*{_DAY})?\s+(?:of\s+)?{_MONTH}(?:,?\s+{_YEAR}\b)?"
    rf"|\b{_MONTH}\s+{_DAY}\b(?![,.]?\d)(?:\s*[-–]\s*{_DAY}\b)?(?:,?\s+{_YEAR}\b)?"
    rf"|\b{_MONTH}\s+{_YEAR}\b|\b\d{{1,2}}/\d{{1,2}}/\d{{2,4}}\b|\b{_YEAR}-\d\d-\d\d\b"
    rf"|\b{_MONTH}\s+{_DAY},{_YEAR}\b",  # ("August 1,2021": its space left out)
    "phone": r"\+\d[\d\s().-]{6,}\d|\(?\b\d{2,4}\)?[.-]\d{3,4}[.-]\d{3,4}\b",
    # "10.30" is a time, "2.11 million" a count.
    "time": r"\b\d{1,2}(?::\d\d(?!\d)|\.\d\d(?!\d)(?!\s*(?i:million|mn|m|billion|bn|lakh|crore)\b))"
    r"\s*(?:[ap]\.?m\.?\b|hrs\b|h\b)?"
    r"|\b\d{1,2}\s*[ap]\.m\.|\b\d{1,2}\s*[ap]m\b",
}

# A few words before a verb after a number, none of them "and", "with", "but" or a number ("31
# other people were still reported missing"): the start of several patterns after a number.
_WORDS_BEFORE_VERB = r"(?:(?!(?:and|with|but)\b)(?!\d)\w[\w’'-]*\s+)"

# ISO 4217 codes a sum of money is written after ("CHF 55 million", "SBD 885,000").
CURRENCY_CODES = (
    "USD EUR GBP CHF SYP IQD TRY PHP INR PKR NGN KES BDT IDR MXN BRL AUD CAD JPY CNY ZAR ETB NPR "
    "LKR FJD SBD VUV PGK WST TOP NZD SGD HKD MYR THB VND KRW RUB UAH EGP MAD GHS XOF XAF UGX TZS "
    "RWF MWK MZN ZMW SDG SSP LBP AFN MMK HTG COP PEN CLP ARS GTQ HNL MNT KZT UZS TJS KGS "
    # the rest of ISO 4217's ("LSL 4.07 million"), less the codes that are English words (ALL,
    # CUP, MOP, GEL, BAM, SOS, BOB: the patterns ignore case), funds and metals
    "AED AMD AOA AWG AZN BBD BHD BIF BMD BND BSD BTN BWP BYN BZD CDF CRC CVE CZK DJF DKK DOP DZD "
    "ERN FKP GIP GMD GNF GYD HUF ILS IRR ISK JMD JOD KHR KMF KPW KWD KYD LAK LRD LSL LYD MDL MGA "
    "MKD MRU MUR MVR NAD NIO NOK OMR PAB PLN PYG QAR RON RSD SAR SCR SEK SHP SLE SRD STN SVC SZL "
    "TMT TND TTD TWD UYU VED VES YER ZWG XCD XPF"
).split()

# Context that makes a number something other than a count of people: (before, after) patterns,
# anchored at the number (before ends at it, after starts at it). One row per kind of non-figure.
NOT_A_FIGURE_CONTEXT: dict[str, tuple[str | None, str | None]] = {
    "money": (
        # "¢1.6 million", "PHP 2.9 billion", "$FJD10.7 million, or over $US 5.3 million"
        # ("US$ 808,000/euro 640,000")
        # ("an ex-gratia of Rs five lakh each")
        # ("RMB 7M (US 843,000)")
        rf"(?:[$€£¥¢₵₦₹₱]|US\$|\$\s?(?:US|[A-Z]{{3}})|\(US|\b(?:{'|'.join(CURRENCY_CODES)}|euros?|Rs\.?|RMB))\s*$",
        # ("an appeal for 1 million Swiss francs")
        r"^\s*(?:of\s+)?(?:U\.?S\.?\s+|(?:Swiss|Canadian|Australian|Singapore|Hong\s+Kong|New\s+Zealand|"
        r"Fiji|Jamaican|Namibian|Egyptian|Sudanese|Lebanese|Syrian)\s+)?(?:dollars|euros?|pounds|USD|EUR|GBP|francs|lira|liras|"
        # "around 170 million Tala (US$ 70 million)"
        r"tala|kina|vatu|rupees|taka|naira|shillings|kwacha|rand|pesos|yuan|yen|rupiah|baht|riyals|"
        r"chf|reals|"
        r"dirhams|dinars|cedis|birr|leones|afghanis|tenge|hryvnias|rubles|roubles|reais|quetzales|"
        # ("property damage of at least 7.3 billion won")
        r"lempiras|gourdes|won)\b"
        r"|^[-‐](?:dollar|euro|pound)\b"  # "the billion-dollar project"
        # "in the hundreds of millions of dollars"
        r"|^\s*of\s+(?:thousands|millions|billions)\s+of\s+(?:US\s+)?(?:dollars|euros|pounds)\b",
    ),
    "percentage": (None, r"^\s*(?:%|per\s*cent\b|percent\b|percentage\b|pc\b)"),
    # "three quarters", "two-thirds": a share of a group (a fraction of a scale word is a count).
    "fraction": (None, rf"^\s*(?:-\s*)?(?:{'|'.join(FRACTION_WORDS)})\b"),
    "age": (
        # ("One lady of 68 was killed")
        r"\b(?:aged|ages?|age\s+of|between\s+the\s+ages\s+of|(?:lady|woman|man|boy|girl|child)\s+of)\s*$",
        r"^\s*[-‐]?\s*(?:years?|months?|weeks?|days?)[-‐\s]+old\b|^\s*years?\s+of\s+age\b",
    ),
    "duration": (
        None,
        r"^\s*[-‐]?\s*(?:of\s+)?(?:years?|months?|weeks?|days?|hours?|minutes?|"
        r"seconds?|nights?|decades?|centur(?:y|ies)|yrs?|hrs?|mins?)\b",
    ),
    "time": (r"\d[:.]$", r"^\s*(?:[ap]\.?m\.?(?!\w)|o['’]clock\b|GMT\b|UTC\b|:\d)"),
    "ordinal": (None, r"^(?:st|nd|rd|th)\b"),
    "measurement": (
        None,
        r"^\s*[-‐]?(?:kms?|kilomet(?:re|er)s?|miles?|met(?:re|er)s?|kgs?|kilos?|"
        r"kilograms?|tonnes?|tons?|litres?|liters?|MT|hectares?|ha|acres?|rai|sq|square|"
        r"mm|cm|millimet(?:re|er)s?|centimet(?:re|er)s?|degrees?|°|foot|feet|ft|Celsius|Fahrenheit|"
        r"mph|kph|kmph|kmh|knots|m3|m³|cubic)\b"
        # a length with its conversion: "the water was up to 3m (10ft) deep"
        r"|^\s*\(\s*\d[\d.,]*\s*(?:ft|feet|in|inches|m|metres|meters|km|miles)\)",
    ),
    # (a letter before a line's end is not glued to the number on the next line, where $ would
    # match before the line's break)
    "attached": (r"[A-Za-z][-‐]?(?!\n)$", r"^[A-Za-z]"),
    # a place's size: "the 80,000-populated capital city"; a force's: "the 8,500-strong rescue
    # service"
    "populated": (None, r"^[-‐](?:populated|strong)\b"),
    # a toll feared, not counted: "he had feared that the death toll might be as heavy as 1,000"
    # (but a toll that "may be greater than 170" is counted so: d065)
    "feared": (
        r"\b(?:might|could|may|would)\s+(?:be|reach|rise\s+to|climb\s+to)\s+"
        r"as\s+(?:high|heavy|many|much)\s+as\s+$",
        None,
    ),
    "label": (
        r"\b(?:No|Nos|number|nr|resolution|page|pp?|para(?:graph)?|section|article|art|"
        r"chapter|annex|table|figure|fig|phase|route|highway|road|version|vol(?:ume)?|"
        r"issue|level|grade|category|item|step|stage|round|tier|block|sector|zone|"
        r"flight|room|code|ID|ref)\.?\s*#?\s*$|#\s*$"
        # a telephone's number: "You may call 917 if you require assistance"
        r"|\b(?:call|dial|phone|text|ring)\s+$",
        None,
    ),
    # a household's size: "With an average Sudanese family comprising six members"
    # (or one family's members: "His wife and three children were rescued", "lives with his wife
    # and two children in Kaputa camp")
    "household_size": (
        r"\b(?:family|household)\s+(?:comprising|consisting\s+of)\s+$"
        r"|\b(?:his|her|their|my|our)\s+(?:wife|husband|spouse)\s+and\s+$",
        None,
    ),
    "ratio": (
        r"(?:\b(?:one|\d+)\s+in|\bper|\bout\s+of)\s*$",
        r"^\s*(?:people|persons|individuals)?\s*(?:per|each|a)\s+(?:household|family|"
        r"tent|room|square|km|100|1,000|10,000)\b|^\s*(?:out\s+of|in\s+(?:\d|every|ten))\b",
    ),
    "repeated_digits": (r"\d[\s-]$", r"^[\s-]\d"),
    # Things, not people: "1,000 blankets, 500 mattresses", "3,000 welcome meals".
    "objects": (
        # a key figure's label: "Houses damaged: 145", "Houses completely destroyed: 66"
        r"\b(?:houses|homes|buildings|shelters|dwellings|schools)\s+(?:(?:partially|completely|"
        r"totally|fully)\s+)?(?:damaged|destroyed):\s*$"
        # "Houses partially damaged totaled 4,019"
        r"|\b(?:damaged|destroyed)\s+(?:totaled|totalled|totals|totalling|totaling|numbered)\s+$"
        # bodies are not a toll: "they discovered the remains of two more people"
        r"|\b(?:remains|bodies)\s+of\s+(?:an?\s+)?(?:(?:further|other|more|additional)\s+)?$",
        # ("thousands in villages": people; "thousands of asylumseekers’ shelters": shelters)
        r"^\s*(?:of\s+[a-z-]+s[’']\s+|(?!(?:from|in|at|across|near)\s)[a-z-]+\s+)?"
        r"(?:blankets|mattress(?:es)?|meals|tents|kits|items|trucks|vehicles|(?:fire\s+)?engines|"
        # ("60,000 packets of instant noodles", "almost 100 tornadoes", "a 300-room shelter")
        r"packets|cartons|bottles|tornado(?:e)?s|twisters|-rooms?\b|rooms|hromadas|hamlets|names|"
        r"local\s+government\s+(?:units|areas)|lgas|purification\s+tablets|farmlands|colleges|"
        r"schools|classrooms|dormitories|shelters|houses|homes|buildings|latrines|toilets|wells|"
        r"rations|parcels|vouchers|doses|vaccines|beds|boats|containers|hospitals|clinics|"
        r"health\s+(?:facilities|centres|centers)|"
        # "evacuated to 405 temporary relief centres"
        r"(?:relief|evacuation)\s+(?:cent(?:er|re)s|camps|sites|shelters)|"
        # (people who deal in them are people: "killing about seven Fulani cattle rustlers")
        # ("253 small ruminants, 4,119 cattle heads and 500 chickens have been washed away")
        r"(?:small\s+)?(?:cattle|livestock|animals|donkeys|ruminants|chickens|goats|sheep|poultry|cows|"
        r"motorcycles|"
        r"camels)(?!\s+(?:rustlers|herders|herdsmen|thieves|traders|"
        r"farmers|owners|breeders))|"
        r"tonnes|metric|gallons|packages|sets|bags|sandbags|sheets|tarpaulins|jerrycans|villages|"
        # "hundreds of trees brought down"
        r"communities|neighbou?rhoods|aftershocks|earthquakes|quakes|tremors|airstrikes|sites|trees|"
        r"camps|cent(?:er|re)s|settlements|towns?\s+and\s+villages|towns|cities|municipalities|"
        r"communes|barangays|pets|dogs|"
        r"cats|"
        # ("some 4,500 vacant places in collective centres")
        r"granaries|bridges|roads|shops|stores|businesses|markets|kitchens|messages|locations|"
        r"places|spaces|tablets|quilts|gardens|facilities|properties|lanterns|tins|loaves|teams|"
        r"(?:shrimp\s+|fish\s+)?farms|"
        r"monasteries|pagodas|"
        r"(?:fish\s+)?(?:farming\s+)?cages|heads?\s+of\s+(?:livestock|cattle)|hectares|acres|flights|"
        r"shacks|huts|dwellings|habitations|residences|structures|coats|cases|nfi\s+kits|nfis|organi[sz]ations|"
        r"partners|rescues|operations|missions|infrastructures?|"
        # "384 burial permits had already been issued"
        r"(?:burial\s+|death\s+)?(?:permits|certificates)|countries|"
        r"agencies|ngos|signatures|incidents|investigations|sources|boreholes|pumps|calls|"
        # one of a thing: "houses 1,800 people with only one latrine for women"
        r"(?:latrine|toilet|tent|house|school|hospital|clinic|truck|vehicle|boat|bridge|shop|kitchen)"
        r"(?!\s+(?:patients|children|students|pupils|staff|workers|owners|residents|teachers|"
        r"people|drivers|employees))|"
        # "339 bus lines", "150 counties and districts", "Dozens of blazes", "125 aircraft"
        r"lines|routes|counties|districts|provinces|prefectures|townships|blazes|fires|wildfires|"
        r"aqueducts|showers|"
        r"aircraft|planes|helicopters|ships|vessels|"
        # the people an aid operation reaches or plans to: "(11,200 beneficiaries)"
        r"beneficiaries|"
        # killed and injured together: no term of the table (the dev set's convention)
        r"casualties|"
        # bodies recovered or found are not a toll (d055, d079, d091, d101's "remains")
        r"bod(?:y|ies)|remains)\b"
        # "10,100 private, public and religious buildings were burned or destroyed"
        r"|^\s*(?:[a-z-]+,\s+){1,3}(?:[a-z-]+\s+)?and\s+[a-z-]+\s+(?:buildings|houses|homes|"
        r"structures|shelters|schools)\b"
        # "25,437 homes have been destroyed and 12,202 damaged": people are not damaged
        # ("4,500 in cities have been destroyed")
        # ("Over 2,218 houses were totally destroyed with 3,743 others partially destroyed")
        r"|^\s*(?:in\s+[a-z]+(?:\s+[a-z]+)?\s+|others\s+)?(?:(?:were|was|have\s+been|had\s+been)\s+)?"
        r"(?:(?:partially|completely|totally|fully)\s+)?(?:damaged|destroyed)\b"
        # "119 homes were destroyed … and a little over 11-hundred suffered minor damage"
        r"|^\s*(?:suffered|sustained)\s+(?:[a-z]+\s+)?damage\b"
        # "8,600 homes, with approximately 1,500 of these totally destroyed"
        r"|^\s*of\s+(?:these|them|which)\s+(?:(?:partially|completely|totally|fully|badly|"
        r"severely)\s+)?(?:damaged|destroyed)\b"
        # "330 of the city's 339 bus lines": a part of things
        r"|^\s*of\s+(?:the|its|their|[a-z]+['’]s)\s+(?:[a-z]+['’]s\s+)?(?:\d[\d,]*\s+)?(?:[a-z-]+\s+)?"
        r"(?:lines|routes|houses|homes|buildings|schools|bridges|roads|shops|villages|towns)\b"
        # "1,020 households have been assessed as badly damaged": their houses
        r"|^\s*(?:households?|houses|homes|buildings|dwellings)\s+(?:(?:have|has)\s+been\s+"
        r"(?:assessed\s+as\s+)?|were\s+|are\s+)?(?:(?:partially|completely|totally|fully|badly|"
        r"severely)\s+)?(?:damaged|destroyed)\b",
    ),
    # People missing are no figure of the terms table: "nine people missing", "are still missing".
    "missing": (
        None,
        # ("102 others, including 22 army personnel, were missing")
        # ("while four fishermen and a toddler were missing")
        # ("Some 52 people in the district are still missing")
        # ("Forty people on the island are reported missing")
        rf"^\s*(?:{_WORDS_BEFORE_VERB}{{0,3}}?|\w+\s+(?:in|at|of|on)\s+the\s+\w+\s+|"
        r"\w+,\s*including\s+[^,;.]{1,40},\s*|"
        r"[a-z]+\s+and\s+(?:a|an|one)\s+[a-z]+\s+)"
        r"(?:(?:are|were|is|was|remain|remained|still|now|reported|"
        # ("A total of 76 people were Tuesday morning reported missing")
        r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day(?:\s+(?:morning|afternoon|evening|night))?|"
        r"listed\s+as|(?:believed|feared|thought|presumed|likely)\s+to\s+be|"
        r"(?:might|may|could)\s+have\s+been)\s+)*"
        r"(?:(?:newly\s+)?(?:found|confirmed|declared)\s+)?"
        # ('still counted eight people "missing"')
        # ("the condition of nine others is not known")
        r"[“\"]?(?:missing(?!,?\s+(?:and\s+)?(?:feared|presumed)\s+dead)|trapped|buried|unaccounted|"
        r"unknown|not\s+known|"
        r"under\s+the\s+(?:soil|rubble|debris|mud|ruins))\b",
    ),
    # "the number of people missing ranged from 231 to 1,700"
    "missing_before": (
        r"\bmissing\s+(?:(?:are|is|was|were|has|have)\s+)?(?:now\s+)?"
        r"(?:ranged|ranges|stood|stands|rose|risen|was|were|is|are)\s+(?:from\s+|at\s+|to\s+)?$"
        # "The total of those killed and missing are now 26,320": the dead and the missing as one
        r"|\b(?:dead|killed|deaths|died)\s+(?:and|or)\s+missing\s+(?:[a-z]+\s+){0,3}$"
        # "The number of unaccounted for people increased by 171 and currently stands at 870"
        r"|\bnumber\s+of\s+(?:unaccounted(?:\s+for)?|missing)\s+(?:people\s+|persons\s+)?[^.;:\d]{0,60}$"
        r"|\bnumber\s+of\s+(?:unaccounted(?:\s+for)?|missing)\s+(?:people\s+|persons\s+)?[^.;:]{0,30}"
        r"\d[\d,]*\s+and\s+[^.;:\d]{0,40}$"
        # "killing 7 people and missing 14 others"
        r"|\b(?:killing|killed|injuring|injured)\s+[^.;:]{0,40}\s+and\s+missing\s+$",
        None,
    ),
    # One family in a story, not a population: "a father of nine", "along with her three children".
    "family": (r"\b(?:(?:father|mother|parent|family)\s+of|her|his|my|our)\s+$", None),
    # Aid's reach, not people counted: "These supplies will be enough for 14,000 refugees"
    "enough_for": (r"\b(?:enough|sufficient)\s+for\s+$", None),
    # A place's population: "a city of about 1 million people", "the city of 20,000 people" (a
    # camp "home to 70,000 people" is not: that is who it hosts).
    "inhabitants": (
        # ("Mazatlán, a resort city of nearly 500,000")
        r"\b(?:a|the)\s+(?:(?:resort|port|coastal|border|mountain|small|large|big)\s+)?"
        r"(?:city|town|village|country|nation|capital|island)\s+of\s+"
        r"(?:(?:about|around|some|roughly|nearly|almost|over|more\s+than|an\s+estimated)\s+)?$"
        # ("the Miami metropolitan area of 6 million people")
        r"|\b(?:metropolitan|urban)\s+area\s+of\s+(?:(?:about|around|some|nearly|over)\s+)?$"
        # a profile's label: "• Total population: 120,000, of which 99% is Han"
        # ("• Child population (0-17): 26,600 (13,800 boys, 12,800 girls)")
        # ("Longmen Township (population: 20,000)"; not "Affected population: around 20,000")
        r"|(?:\b(?:total|child)\s+|\()population(?:\s*\([^)]{1,20}\))?:\s*$"
        # "These areas are inhabited by approximately 100,814,666 people"
        r"|\binhabited\s+by\s+$"
        # "The village constitutes about 80 households"
        r"|\b(?:village|town|city)\s+(?:constitutes|comprises|consists\s+of)\s+"
        r"(?:(?:about|around|some|roughly|nearly|almost|over|more\s+than)\s+)?$",
        None,
    ),
    # People without a service, not a population of the terms: "remained without power".
    "without_service": (
        # "power is out for tens of thousands"
        r"\b(?:power|electricity)\s+(?:is|was|remains|remained)\s+(?:still\s+)?out\s+for\s+$",
        rf"^\s*{_WORDS_BEFORE_VERB}{{0,3}}?(?:(?:are|were|is|was|remain|"
        r"remained|remaining|still|left|now)\s+)*without\s+(?:power|electricity|running\s+water|"
        r"(?:drinking\s+)?water|internet|phone|mobile|tele(?:phone|communications?)|communications?|"
        r"network)\b"
        # "About 2,400 households still face power outages"
        rf"|^\s*{_WORDS_BEFORE_VERB}{{0,3}}?(?:face|faced|facing|suffer|"
        r"suffered|suffering|experience|experienced|experiencing|hit\s+by)\s+(?:power|electricity|"
        r"water)\s+(?:supply\s+)?(?:outages?|cuts?|shortages?|disruptions?|interruptions?)\b",
    ),
    # People kept from home for a night, not people returned: "thousands of people who could not
    # return home last night" (stranded, no term of the table).
    "not_returned": (
        None,
        rf"^\s*{_WORDS_BEFORE_VERB}{{0,3}}?(?:could\s+not|couldn[’']t|"
        r"cannot|can\s+not|can[’']t|(?:were|are|was|is)\s+unable\s+to|unable\s+to)\s+"
        r"(?:return|go\s+back|get\s+(?:back\s+)?home)\b",
    ),
    # People given aid, not people displaced: "has assisted 5,000", "vaccinated 1,200 children".
    "aid": (
        # ("to support the Red Cross in assisting 61,000 people affected by Typhoon Xangsane")
        r"\b(?:assisted|served|supported|vaccinated|treated|fed|screened|benefitt?ing|benefitt?ed|"
        r"assist|assisting)"
        # "WFP has started distribution of food covering 150,000 people for two weeks"
        r"\s*$|\b(?:food|rations|assistance|aid|supplies)\s+(?:[\w-]+\s+){0,2}?covering\s+$"
        # "the distributions of essential household items reached 4,074 households"
        r"|\b(?:distributions?|items|kits|supplies|assistance|aid)\s+reached\s+$"
        # "An Emergency Health Kit to treat 10,000 people", "a DREF operation … to address the
        # urgent needs of 5,000 people", "to support the humanitarian interventions for 12,936"
        r"|\bto\s+(?:treat|feed)\s+$|\b(?:urgent|immediate|basic|humanitarian)\s+(?:[a-z]+\s+)?needs\s+of\s+$"
        # ("the delivery of immediate assistance for up to 5,000 people")
        r"|\bassistance\s+for\s+$"
        # ("to meet the immediate emergency needs of 70,700 migrants", "to provide support for
        # 700 families")
        r"|\binterventions\s+for\s+$|\bprovide\s+support\s+for\s+$",
        None,
    ),
    # People at risk of what has not happened: "112,500 children under five are at risk of
    # acute malnutrition".
    "at_risk": (
        None,
        rf"^\s*{_WORDS_BEFORE_VERB}{{0,4}}?(?:(?:are|were|is|was|remain|"
        r"still|now)\s+)*(?:at\s+(?:high\s+|greater\s+|serious\s+)?risk|threatened)\b",
    ),
    # A goal, not people counted: "has evacuated 4 lakh people against the target of 17 lakh".
    # (and what a site could hold: "a planned capacity of 130 households")
    # ("Number of people to be assisted: 3,525 (705 households)": an operation's plan)
    "target": (
        r"\b(?:target|goal|capacity)\s+(?:of\s+)?$|\bto\s+be\s+(?:assisted|reached|supported):\s*$",
        None,
    ),
    # A difference of two counts: "23,884 people displaced …, a decrease of 14,432 individuals"
    # ("8,708 (6,540 increase since the prior report) houses")
    "difference": (
        r"\b(?:decrease|increase|reduction)\s+of\s+$",
        r"^\s+(?:increase|decrease)\s+(?:since|from)\b",
    ),
    # ("The site in Maltam could host up to 100,000 people")
    "could_hold": (
        r"\b(?:could|can|would|will)\s+(?:host|hold|accommodate|house|shelter|take)\s+$"
        # ("2,000 tents …, each capable of sheltering up to 10 people")
        r"|\bcapable\s+of\s+(?:sheltering|housing|hosting|accommodating)\s+$",
        None,
    ),
    # The people a study heard, not a count of people: "interviews with 200 Rohingya people".
    "sample": (
        r"\b(?:interviews?|interviewed|surveyed|surveys?|sample|polled)\s+(?:with\s+|of\s+)?$",
        None,
    ),
    # Who took part in an event: "About 100 people joined the drill".
    "event": (
        None,
        rf"^\s*{_WORDS_BEFORE_VERB}{{0,2}}?(?:joined|took\s+part\s+in|participated\s+in|attended)"
        r"\s+(?:the|a|an)\s+(?:[a-z-]+\s+){0,2}?(?:drill|exercise|training|workshop|meeting|rally|"
        r"protest|march|session|ceremony|funeral|vigil|efforts|search|operation)s?\b"
        # people there, not what befell them: "About 200 people were nearby at the time of the
        # explosion", "around 500 people packed inside the small venue", "About 100 people also
        # were visiting the village for a women's group meeting"
        r"|^\s+(?:people\s+|persons\s+)?(?:(?:were|was|are|is)\s+(?:nearby|present|in\s+attendance)|"
        r"packed\s+(?:inside|into)|(?:were|are)\s+packed\s+(?:inside|into)|"
        r"(?:also\s+)?(?:were|are)\s+(?:also\s+)?visiting)\b"
        # protesters: "about 200 people marched along a roughhewn road … shouting"
        r"|^\s+(?:people\s+|persons\s+|residents\s+|survivors\s+)?(?:marched|protested|rallied)\b"
        # a ratio: "about 83 people use the same toilet and shower"
        r"|^\s+(?:people|persons|individuals|families|households)\s+(?:use|share)\s+(?:the\s+same|"
        r"one|a\s+single)\b",
    ),
}

# Head nouns of who is counted; `unit` is households for the second set.
PEOPLE_NOUNS = (
    "people",
    "persons",
    "individuals",
    "civilians",
    "IDPs",
    "refugees",
    "returnees",
    "children",
    "newborns",
    "babies",
    "infants",
    "women",
    "men",
    "girls",
    "boys",
    "fighters",
    "militants",
    "members",
    "terrorists",
    "jihadists",
    "migrants",
    "residents",
    "villagers",
    "detainees",
    "prisoners",
    "survivors",
    "arrivals",
    "Syrians",
    "Iraqis",
    # people of a faith or a people, where no nationality says who they are ("About 3,400
    # displaced Muslims are crowded into this camp")
    "Muslims",
    "Christians",
    "Hindus",
    "Yazidis",
    "Kurds",
    "foreigners",
    "nationals",
    "civilians",
    "persons",
    "inhabitants",
    "students",
    "patients",
    "casualties",
    "deaths",
    "fatalities",
    "soldiers",
    "insurgents",
    "fatality",
    "troops",
    "combatants",
    "asylum-seekers",
    "asylum seekers",
    "evacuees",
    "orphans",
    "minors",
    "adults",
    "elderly",
    "others",
    "workers",
    "victims",
    "cases",
    "lives",
    "firefighters",
    "tourists",
    "passengers",
    "pilgrims",
    "miners",
    "climbers",
    "fishermen",
    "officers",
    "policemen",
    "farmers",
    "motorists",
    "peacekeepers",
    "journalists",
)
# ("744 HHs", "272 heads of families or 828 people")
HOUSEHOLD_NOUNS = (
    "families", "households", "family", "household", "hhs", "hh", "heads of families",
    "heads of households", "heads of family", "heads of household",
)  # fmt: skip

# Appositions that describe the counted people rather than say what they did.
APPOSITION = (
    r",\s*(?:mostly|mainly|largely|primarily|predominantly|many|most|some|among them|"
    r"all|including|"
    # (where the place named before lies: "residents from Malinao town in Albay province, 330
    # kilometers south of Manila, moved to shelters")
    r"(?:about\s+|some\s+|around\s+)?\d+\s*(?:km|kilomet(?:re|er)s|miles)(?=\s))\b[^,;:]*(?:,|$)"
)

# Reporting verbs: "X said", "X caution that", "according to X".
REPORTING_VERBS = (
    "said",
    "says",
    "say",
    "told",
    "tells",
    "reported",
    "reports",
    "report",
    "added",
    "adds",
    "stated",
    "states",
    "estimated",
    "estimates",
    "estimate",
    "tweeted",
    "wrote",
    "writes",
    "announced",
    "announces",
    "caution",
    "cautions",
    "cautioned",
    "warned",
    "warns",
    "noted",
    "notes",
    "revealed",
    "reveals",
    "indicated",
    # "Calvimontes pointed out that in total there are 43 deaths"
    "pointed",
    "emphasized",
    "emphasised",
    "stressed",
    "indicates",
    "indicate",  # "Government sources indicate that 167 people were killed"
    "disclosed",
    "discloses",
    "confirmed",
    "confirms",
    "confirm",  # "Local crisis committees in southeast confirm some 11,280 people have fled"
    "claimed",
    "claims",
    "claim",  # "Media reports claim that as many as 5,600 people have been affected"
    "suggest",  # "Reports suggest that over 12,000 people have been directly affected"
    "suggests",
    "suggested",
    "indicating",  # "Reports are indicating that at least 500 families … were affected"
    "explained",
    "reporting",
    "saying",
    # "Hospital records 28 dead", "UNHCR recorded 20,000 arrivals"
    "recorded",
    "records",
    "documented",
    # "Officials from the national disaster agency had counted 210 dead", "the press service of
    # the Ministry of Emergencies informed about evacuation of 26,467 residents"
    "counted",
    "informed",
    # '"Another catastrophe: floods kill seven," headlined the Arabic-language daily al-Massae'
    "headlined",
    # "Official figures so far mention 45 dead"
    "mention",
    "mentions",
    "mentioned",
)
# Reporting verbs that are nouns or adjectives too ("received reports", "an estimated 160,000"),
# and the words before them that make them so.
REPORTING_NOUNS = frozenset(
    {
        "report",
        "reports",
        "reporting",
        "estimate",
        "estimates",
        "estimated",
        "claims",
        "claim",
        "notes",
        "records",
    }
)
# Findings that indicate, named by no one ("Most recent assessment from Mae La refugee camp",
# "Official statistics indicated that …").
_FINDINGS_SPEAK = re.compile(
    r"\s*(?:(?:[Tt]he|[Aa]n?|[Mm]ost|[Tt]he\s+most)\s+)?(?:(?:[Rr]ecent|[Ll]atest|[Ii]nitial|"
    r"[Pp]reliminary|[Rr]apid|[Ff]irst|[Nn]ew|[Oo]fficial)\s+)?(?:assessments?|surveys?|data|findings|"
    r"statistics)\b"
)
# A reporting verb right after a reporting noun ("estimates now indicate", "reports say").
_NOUN_THEN_VERB = re.compile(
    r"\s+(?:now\s+|also\s+)?(?:indicate|indicated|show|showed|suggest|suggested|say|said)\b"
)
_MEDIA_REPORT = re.compile(
    r"\s*-?\s*(?:(?:The|the|Local|local|National|national)\s+)?[Mm]edia\s+report"
)
_NOUN_BEFORE = re.compile(
    r"\b(?:the|a|an|received|receiving|these|those|such|media|news|latest|recent|earlier|"
    r"initial|unconfirmed|of|its|their|his|her|our|several|many|no)\s+$",
    re.IGNORECASE,
)
NOT_A_SOURCE = {
    "it",
    "he",
    "she",
    "they",
    "we",
    "i",
    "you",
    "this",
    "that",
    "which",
    "who",
    "what",
    "there",
    "one",
}


def _one_of(words) -> str:
    return "|".join(
        re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True)
    )


_NUMWORD = rf"(?:\d+|{WORD_NUMBER}|an?|few|several|couple\s+of)"

# Period patterns, in the order they are tried at one position; each resolves (with the
# reference date) to (start, end) or to unknown dates; period_text is kept either way.
PERIOD_PATTERNS: dict[str, str] = {
    "as_of": rf"\bas\s+(?:of|at)\s+(?P<as_of>{_DAY}\s+(?:of\s+)?{_MONTH}(?:,?\s+{_YEAR})?"
    rf"|{_MONTH}\s+{_DAY}(?:,?\s+{_YEAR})?|{_MONTH}(?:\s+{_YEAR})?|{_YEAR})",
    "as_of_weekday": rf"\bas\s+(?:of|at)\s+(?P<as_of_wd>{_WEEKDAY})",
    # "as of noon today", "as of 9.30 am yesterday": a count at that day
    "as_of_day": r"\bas\s+(?:of|at)\s+(?:(?:noon|midnight|\d{1,2}(?:[.:]\d\d)?\s*(?:am|pm|a\.m\.|"
    r"p\.m\.))\s+)?(?P<as_of_day>today|yesterday)\b",
    # "By the end of March, 9,000 people had returned": a count at the month's end
    "end_of": rf"\b(?:by|at)\s+the\s+end\s+of\s+(?P<end_of>{_MONTH}(?:\s+{_YEAR})?)",
    # "between 1 and 7 March": the days share the month.
    "between_days": rf"\b(?:between|from)\s+(?P<b1>{_DAY})\s+(?:and|to|until|till|[-–])\s+"
    rf"(?P<b2>{_DAY})\s+(?:of\s+)?(?P<bm>{_MONTH})(?:,?\s+(?P<by>{_YEAR}))?",
    "between_dates": rf"\b(?:between|from)\s+(?P<d1>{_DAY}\s+{_MONTH}(?:,?\s+{_YEAR})?|"
    rf"{_MONTH}\s+{_DAY}(?:,?\s+{_YEAR})?|{_MONTH}(?:\s+{_YEAR})?)\s+"
    rf"(?:and|to|until|till|[-–])\s+(?P<d2>{_DAY}\s+{_MONTH}(?:,?\s+{_YEAR})?|"
    rf"{_MONTH}\s+{_DAY}(?:,?\s+{_YEAR})?|{_MONTH}(?:\s+{_YEAR})?)",
    "day_range": rf"\b(?P<r1>{_DAY})\s*[-–]\s*(?P<r2>{_DAY})\s+(?:of\s+)?(?P<rm>{_MONTH})"
    rf"(?:,?\s+(?P<ry>{_YEAR}))?",
    "month_range": rf"\b(?P<m1>{_MONTH})(?:\s+(?P<y1>{_YEAR}))?\s*[-–]\s*(?P<m2>{_MONTH})"
    rf"(?:\s+(?P<y2>{_YEAR}))?",
    "since_date": rf"\bsince\s+(?:the\s+)?(?P<since>{_DAY}\s+(?:of\s+)?{_MONTH}(?:,?\s+{_YEAR})?"
    rf"|{_MONTH}\s+{_DAY}(?:,?\s+{_YEAR})?)",
    "since_month": rf"\bsince\s+(?:the\s+(?:beginning|start)\s+of\s+)?(?P<since_m>{_MONTH})"
    rf"(?:\s+(?P<since_y>{_YEAR}))?",
    "since_year": rf"\bsince\s+the\s+(?:beginning|start)\s+of\s+(?:the\s+year|this\s+year|"
    rf"(?P<since_year>{_YEAR}))\b",
    "since_weekday": rf"\bsince\s+(?:last\s+)?(?P<since_wd>{_WEEKDAY})(?:\s+(?:morning|"
    r"afternoon|evening|night))?",
    # "since the violence began on July 7": the event's date starts the period.
    "since_event_date": r"\bsince\s+(?:the\s+|a\s+|its\s+)?[^,;.()\d]{3,60}?\b(?:began|started|"
    rf"erupted|escalated|broke\s+out)\s+on\s+(?:the\s+)?(?P<since_ev>{_DAY}\s+(?:of\s+)?{_MONTH}"
    rf"(?:,?\s+{_YEAR})?|{_MONTH}\s+{_DAY}(?:,?\s+{_YEAR})?)",
    "since_other": r"\bsince\s+(?:early|mid|late)[\s-]+\w+|\bsince\s+(?:the\s+|a\s+|its\s+)?"
    r"[^,;.()\d]{3,60}?\b(?:began|begun|started|start|launched|beginning|"
    r"opened|erupted|escalated|onset|outbreak)\b|\bsince\s+(?:the\s+|a\s+)?"
    r"(?:beginning|start|onset|outbreak|launch|escalation)\b[^,;.()]{0,50}",
    "on_date": rf"\b(?:on|of)\s+(?:the\s+)?(?P<on>{_DAY}\s+(?:of\s+)?{_MONTH}(?:,?\s+{_YEAR})?"
    rf"|{_MONTH}\s+{_DAY}(?:,?\s+{_YEAR})?)",
    # ("The Government of Bolivia reported this Sunday that …", a Spanish "este domingo")
    "on_weekday": rf"\b(?:on|this)\s+(?P<on_wd>{_WEEKDAY})(?:\s+(?:and|to)\s+(?P<on_wd2>{_WEEKDAY}))?",
    # "last month" without "the" is the previous calendar month; "the last month" is 30 days.
    "last_unit": r"(?<!the\s)\blast\s+(?P<last_unit>month|year)\b",
    "past_units": rf"\b(?:the\s+)?(?:past|last|previous|preceding)\s+"
    rf"(?P<n>{_NUMWORD}\s+)?(?P<unit>hours?|days?|weeks?|months?|years?)\b",
    # ("in January this year", "floods in Nkhotakota late December, 2019": the month, as "in
    # early May" is; not "early" or "mid": "102,600 in early August" is a count at the report's day)
    "in_month": rf"\b(?:(?:in|during|throughout|for)\s+(?:late[\s-]+)?|late\s+)"
    rf"(?:the\s+month\s+of\s+)?(?P<in_m>{_MONTH})(?:,?\s+(?P<in_y>{_YEAR})|\s+this\s+year\b)?",
    "in_year": rf"\b(?:in|during|throughout)\s+(?P<in_year>{_YEAR})\b",
    # "So far this year, 12,000 people have arrived": from the year's first day
    "this_year": r"\bthis\s+year\b",
    "weekend": r"\b(?:over|during|at|on)\s+the\s+(?:past\s+|last\s+)?weekend\b",
    "relative_day": r"\b(?P<rel>last\s+night|yesterday|today|tonight|this\s+morning|"
    r"overnight)\b",
}
# Every period starts a word with the first three letters of one of these words (April, August,
# between, December, during, February, for, from, January, July, June, last, late, March, May,
# November, October, over, past, previous, preceding, September, since, yesterday) or as
# _PERIOD_WORD_STARTS says: checked once, before the alternatives. (Three letters, not two: "be"
# of "been", "de" of "deaths", "fr" of "from" before a word, and "ov" of "over" let a period be
# tried where none starts.)
_PERIOD_STARTS = (
    "apr aug bet dec dur feb for fro jan jul jun las lat mar may nov oct ove pas pre sep sin yes"
).split()
# The commonest words that start a period, and digits, start one only so: "as" and "on" before a
# space, "at the" and "by the" ("at the end of"), "in" before "late", "the month", a month or a
# year, "of" before a day ("of 5 March", "of April 7"), "the" before "past", "last", "previous" or
# "preceding", "this morning", "throughout", "today", "tonight", and a day before a dash ("1-7
# March"). "the", "of", "in", "to" and the digits of "5,000" are most of the words checked: a
# period is tried at a third fewer of them (and "in" and "of" are passed over at once where most
# of them are, before a word that starts no period: 1,421M → 1,416M instructions, cg3.sh).
_MONTH_FIRST_THREE = "|".join(sorted({m[:3] for m in MONTHS}))
_PERIOD_WORD_STARTS = (
    rf"as\s|on\s|at\s+the\s|by\s+the\s|in\s+(?:late|the\s+month|{_MONTH_FIRST_THREE}|1[89]|20)"
    rf"|of\s+(?:the\s|\d|{_MONTH_FIRST_THREE})|th(?:e\s+[lp]|is|ro)|to[dn]|{_DAY}\s*[-–]"
)
_WORD_START = r"\b"


def _prefix_tree(words, letter=re.escape) -> str:
    """A pattern of what starts with one of the words, for a lookahead, each letter read once
    ("at", "att", "acr" → a(?:t|cr)): the engine tries a letter once for all the words it starts.
    `letter` writes a letter (a class of its cases, say); a word that another starts is dropped."""
    if "" in words:
        return ""
    rests: dict[str, list[str]] = {}
    for word in sorted(set(words)):
        rests.setdefault(word[0], []).append(word[1:])
    alternatives = []
    for first, rest in rests.items():
        inner = _prefix_tree(rest, letter)
        alternatives.append(letter(first) + (f"(?:{inner})" if "|" in inner else inner))
    return "|".join(alternatives)


def _by_first_letter(words) -> str:
    """The words as alternatives grouped by their first letter ("The|This|To" → T(?:his|o|he)),
    the longest first: the engine reads each first letter once, not once per word."""
    groups: dict[str, list[str]] = {}
    for word in sorted(set(words), key=lambda w: (-len(w), w)):
        groups.setdefault(word[0], []).append(re.escape(word[1:]))
    return "|".join(f"{re.escape(first)}(?:{'|'.join(rest)})" for first, rest in groups.items())


def _starts_of(pattern: str, flags: int = 0, n: int = 4) -> set[str]:
    """The first n characters (fewer where the rest is unknown) of every text the pattern matches,
    read from its parse: "(?:fle(?:d|e)|escap)\\b" → fled, flee, esca. "" is among them where a match
    may start with what is not known letters (a class such as \\w, a case-changing group), and then
    any text may start a match. Zero-width checks (\\b, lookarounds) are passed over: they can only
    narrow what matches. For _prefix_tree, the quick check of a pattern's first letters."""
    return {text for text, _ in _heads(list(_sre_parser.parse(pattern, flags)), n)}


def _heads(items: list, n: int) -> set[tuple[str, bool]]:
    """(text, whole) of what the parsed items match: the first n characters or fewer; `whole`
    when the items matched exactly that text (what comes after them follows), else a start."""
    out = {("", True)}
    for op, av in items:
        step = _item_heads(op, av, n)
        longer = set()
        for text, whole in out:
            if not whole or len(text) >= n:
                longer.add((text, False))
                continue
            for more, more_whole in step:
                joined = text + more
                longer.add((joined[:n], more_whole and len(joined) <= n))
        out = longer
    return out


def _item_heads(op, av, n: int) -> set[tuple[str, bool]]:
    unknown = {("", False)}
    if op is _sre.LITERAL:
        return {(chr(av), True)}
    if op is _sre.IN:  # a class of letters, else unknown
        chars = set()
        for kind, value in av:
            if kind is _sre.LITERAL:
                chars.add(chr(value))
            elif kind is _sre.RANGE and value[1] - value[0] < 64:
                chars.update(map(chr, range(value[0], value[1] + 1)))
            else:
                return unknown
        return {(c, True) for c in chars}
    if op is _sre.BRANCH:
        return set().union(*(_heads(list(alternative), n) for alternative in av[1]))
    if op is _sre.SUBPATTERN:
        _, add_flags, del_flags, items = av
        return unknown if (add_flags | del_flags) & re.IGNORECASE else _heads(list(items), n)
    if op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT, _sre.POSSESSIVE_REPEAT):
        # Unrolled: n + 1 copies reach every start (copies that match nothing can be left out).
        least, most, items = av
        copies = min(most, n + 1)
        once = (_sre.SUBPATTERN, (None, 0, 0, items))
        maybe = (_sre.BRANCH, (None, [list(items), []]))
        return _heads([once] * min(least, copies) + [maybe] * (copies - min(least, copies)), n)
    if op in (_sre.AT, _sre.ASSERT, _sre.ASSERT_NOT):
        return {("", True)}
    return unknown


def _quick_check(pattern: str, flags: int = 0) -> str:
    """A lookahead that every match of the pattern passes, for before it: the first letter of one
    of its starts (a class, which the engine reads at once), then the first four letters (a tree,
    read letter by letter). Most words are left at the class; "" where any text may start one."""
    starts = _starts_of(pattern, flags)
    if "" in starts:
        return ""
    first = "".join(sorted({re.escape(s[0]) for s in starts}))
    return f"(?=[{first}])(?={_prefix_tree(starts)})"


def _named_alternatives(named: dict[str, str]) -> str:
    """Alternatives of a pattern that checks first that a word starts, each named by an empty group
    at its end (its match's `lastgroup`), not wrapped in one: the engine then skips an alternative
    by its first letter instead of entering its group to find out (twice as fast over sentences).
    An alternative's own leading \\b is dropped: a word starts there."""
    return "|".join(
        f"(?:{pattern.removeprefix(_WORD_START)})(?P<{name}>)" for name, pattern in named.items()
    )


def _class_end(pattern: str, at: int) -> int:
    """Where the character class that opens at `at` ("[") ends, past its "]"."""
    i = at + 1 + pattern.startswith("^", at + 1)
    i += pattern.startswith("]", i)
    while pattern[i] != "]":
        i += 2 if pattern[i] == "\\" else 1
    return i + 1


def _structure(pattern: str):
    """(index, character, depth) of each "(", ")" and "|" of a pattern's text outside its classes
    and escapes; depth counts the groups open around the character (a bracket's own not)."""
    depth = i = 0
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\":
            i += 2
            continue
        if ch == "[":
            i = _class_end(pattern, i)
            continue
        depth -= ch == ")"
        if ch in "()|":
            yield i, ch, depth
        depth += ch == "("
        i += 1


def _top_alternatives(pattern: str) -> list[str]:
    """The alternatives of a pattern's text at its top level: "a|(?:b|c)d|[|]" → a, (?:b|c)d, [|]."""
    cuts = [i for i, ch, depth in _structure(pattern) if ch == "|" and depth == 0]
    return [pattern[a + 1 : b] for a, b in zip([-1, *cuts], [*cuts, len(pattern)], strict=True)]


def _group_end(pattern: str) -> int:
    """Where the group the pattern's text opens with ends, past its ")"."""
    return next(i for i, ch, depth in _structure(pattern) if ch == ")" and depth == 0) + 1


def _letter_first(pattern: str, behind: tuple[str, ...] = ()) -> list[tuple[str, str]]:
    """The pattern as alternatives in its order, each (its first letter, the text after it), that
    match what it matches where a word starts, the first that matches as the pattern's own does:
    a leading group of alternatives is opened ("(?:are|is)\\s+x" → a re\\s+x, i s\\s+x), an
    optional one read with it, then without ("(?:still\\s+)?stay" → s till\\s+stay, s tay), a
    leading \\b dropped, and a leading lookbehind moved past the letter, which it then ends with
    ("(?<!who\\s)took" → t (?<!who\\st)ook). ValueError where an alternative cannot start so."""
    out = []
    for alternative in _top_alternatives(pattern):
        text = alternative.removeprefix(_WORD_START)
        if text.startswith(("(?<!", "(?<=")):
            end = _group_end(text)
            out += _letter_first(text[end:], (*behind, text[:end]))
        elif text.startswith("(?:"):
            end = _group_end(text)
            inner, rest = text[3 : end - 1], text[end:]
            if rest[:1] in ("*", "+", "{") or rest[:2] in ("??", "?+"):
                raise ValueError(f"no letter first: {alternative!r}")
            if rest[:1] == "?":  # greedy: with the group first, then without
                out += _letter_first(f"(?:{inner}){rest[1:]}", behind)
                out += _letter_first(rest[1:], behind)
            else:
                for part in _top_alternatives(inner):
                    out += _letter_first(part + rest, behind)
        elif text[:1].isascii() and text[:1].isalpha() and text[1:2] not in ("?", "*", "+", "{"):
            letter = text[0]
            out.append((letter, "".join(b[:-1] + letter + ")" for b in behind) + text[1:]))
        else:
            raise ValueError(f"no letter first: {alternative!r}")
    return out


# The cases of a lower-case letter that IGNORECASE reads as it (Unicode reads "ı" and "İ" as i,
# "ſ" as s, the Kelvin sign as k).
_CASES = {
    c: c + c.upper() + {"i": "İı", "s": "ſ", "k": "\u212a"}.get(c, "")
    for c in string.ascii_lowercase
}


def _in_each_case(rests: dict[str, str], capitals: bool = True) -> str:
    """Alternatives led by each case of a lower-case letter, as a letter alone, the lower cases
    first ({"i": "n", "a": "t"} → in|at|In|İn|ın|At): an alternative led by a letter is left
    after one comparison, where one led by a class of its cases ([iIİı]) is left after a look
    into the class (most words of a sentence pass a tree of a score of first letters: a tenth
    less time for place mentions, 1,375M → 1,358M instructions, cg.sh). Only one case of one
    letter matches a character: the order of the alternatives is the classes' own. Without
    `capitals`, the capitals in ASCII are left out: a lookahead that reads [A-Z] first
    (_MENTION_START) only went past them, one comparison each, at every word in lower case."""
    return "|".join(
        [c + rest for c, rest in rests.items()]
        + [
            case + rest
            for c, rest in rests.items()
            for case in _CASES[c][1:]
            if capitals or not case.isascii()
        ]
    )


def _cased_prefix_tree(words, capitals: bool = True) -> str:
    """_prefix_tree of lower-case words in any case: each letter a class of its cases, the first
    letter each case alone (_in_each_case)."""
    rests: dict[str, list[str]] = {}
    for word in sorted(set(words)):
        rests.setdefault(word[0], []).append(word[1:])
    trees = {}
    for first, rest in rests.items():
        inner = _prefix_tree(rest, letter=lambda c: f"[{_CASES[c]}]")
        trees[first] = f"(?:{inner})" if "|" in inner else inner
    return _in_each_case(trees, capitals)


def _any_case_by_first_letter(pattern: str) -> str:
    """The pattern read case-insensitively, its alternatives grouped by their first letter, each
    group led by one of its letter's cases ("in|into|at" → i(?i:n|nto)|a(?i:t)|I(?i:n|nto)|…,
    _in_each_case): the engine reads a letter at once and enters the one group it picks, where
    it entered each case-insensitive alternative in turn to find out (a letter read
    case-insensitively is no letter it can skip by). Cut by _letter_first, in order: the first
    that matches is the pattern's own. The pattern as it is, where it cannot be cut so."""
    groups: dict[str, list[str]] = {}
    try:
        for letter, rest in _letter_first(pattern):
            groups.setdefault(letter.lower(), []).append(rest)
    except ValueError:
        return f"(?i:{pattern})"
    return "(?:" + _in_each_case({c: f"(?i:{'|'.join(r)})" for c, r in groups.items()}) + ")"


def _named_by_first_letter(named: dict[str, str]) -> tuple[str, dict[str, str]]:
    """_named_alternatives of the patterns grouped by their first letter, each group led by its
    letter (a verb is tried where a word starts: its letter picks the one group the engine enters,
    where it entered every pattern that opens with a group, "(?:are|is|were|was)\\s+…", to find
    out, at every word the quick check lets through), and the name of each alternative's group →
    its pattern's name. Each pattern is cut into alternatives that start with a letter
    (_letter_first), in its order, and the groups keep the order of the patterns: the first that
    matches is the one the patterns in turn find first (only one group can start at a letter).
    The plain alternatives where a pattern cannot be cut so."""
    groups: dict[str, list[str]] = {}
    names: dict[str, str] = {}
    try:
        for name, pattern in named.items():
            for k, (letter, rest) in enumerate(_letter_first(pattern)):
                if not letter.islower():  # (read case-insensitively too: "A" and "a" are one)
                    raise ValueError(f"a capital first: {pattern!r}")
                groups.setdefault(letter, []).append(f"(?:{rest})(?P<{name}_{k}>)")
                names[f"{name}_{k}"] = name
    except ValueError:
        return _named_alternatives(named), {name: name for name in named}
    return "|".join(f"{letter}(?:{'|'.join(rest)})" for letter, rest in groups.items()), names


# --- Texts all in ASCII ---------------------------------------------------------------------------
# Most sentences are all in ASCII ("5,000 people have fled"), where a pattern compiled with re.ASCII
# reads every character as the pattern does (\w, \d and \b then look a character up in a table,
# where Unicode's look it up in its database, in a few calls: a tenth of a search's time), but for
# the four separators \x1c–\x1f, which Unicode's \s reads as space and re.ASCII's does not.


# The twins read as the patterns do the marks beyond ASCII that are no letter, digit or space and
# have no case too (quotes ’ “ ”, dashes – —, the bullet •, °, €): \w, \d, \s and \b read them
# alike in either, and so does IGNORECASE. A sentence whose only characters beyond ASCII are such marks ("Hurricane
# Matthew’s toll – 5,000 people …", nearly a tenth of the benchmark's sentences) is read by the
# twins too, where the patterns looked each of its characters up in Unicode's database.
_READ_ALIKE = "".join(
    c
    for c in map(chr, [*range(0xA1, 0xC0), *range(0x2010, 0x205F), *range(0x20A0, 0x20C1)])
    if not c.isalnum() and not c.isspace() and c.lower() == c == c.upper()
)
# (a character neither in ASCII nor one of those, or one of the separators)
_NOT_READ_ALIKE = re.compile(rf"[^\x00-\x1b\x20-\x7f{re.escape(_READ_ALIKE)}]")


def _plain_ascii(text: str) -> bool:
    """Whether the patterns' twins in ASCII (_in_ascii) read the text as the patterns do. (Each
    separator is looked for as plain text in a text all in ASCII: a character alone is found at
    once, where a class of them was read character by character.)"""
    if text.isascii():
        return (
            "\x1c" not in text and "\x1d" not in text and "\x1e" not in text and "\x1f" not in text
        )
    return _NOT_READ_ALIKE.search(text) is None


def _folds_into_ascii(items, ignoring_case: bool) -> bool:
    """Whether the parsed pattern reads a character other than ASCII case-insensitively, where it
    may be an ASCII letter ("ſ" read as s, the Kelvin sign as k): re.ASCII reads it as itself."""
    for op, av in items:
        if op is _sre.SUBPATTERN:
            _, add_flags, del_flags, sub = av
            ignore = (ignoring_case or add_flags & re.IGNORECASE) and not del_flags & re.IGNORECASE
            found = _folds_into_ascii(sub, bool(ignore))
        elif op is _sre.BRANCH:
            found = any(_folds_into_ascii(alternative, ignoring_case) for alternative in av[1])
        elif op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT, _sre.POSSESSIVE_REPEAT):
            found = _folds_into_ascii(av[2], ignoring_case)
        elif op in (_sre.ASSERT, _sre.ASSERT_NOT):
            found = _folds_into_ascii(av[1], ignoring_case)
        elif op is _sre.ATOMIC_GROUP:
            found = _folds_into_ascii(av, ignoring_case)
        elif op is _sre.GROUPREF_EXISTS:
            found = any(_folds_into_ascii(sub, ignoring_case) for sub in av[1:] if sub is not None)
        elif not ignoring_case:
            found = False
        elif op in (_sre.LITERAL, _sre.NOT_LITERAL):
            found = av > 127
        elif op is _sre.IN:
            found = any(
                (kind in (_sre.LITERAL, _sre.NOT_LITERAL) and value > 127)
                or (kind is _sre.RANGE and value[1] > 127)
                for kind, value in av
            )
        else:
            found = False
        if found:
            return True
    return False


# An optional group ("(?:the\s+)?", "(?P<cue>…)?") is compiled by re as a loop of at most one
# turn, whose every entry has the engine allocate (malloc) and free its counter; the same group
# as the first of two alternatives, the other empty ("(?:the\s+|)"), is tried in the same order,
# first the group and then nothing, and backtracked into alike, without the allocation. The
# twins in ASCII, read for most sentences, are compiled so (a mention is tried at every other
# word, each passing five optional groups: 1,355M → 1,329M instructions, cg.sh). The pattern's
# text and flags stay as written: what a test compiles of them with re is what it is checked by.
# (re's own parser and code generator, as in Python 3.11–3.13; the plain re.compile otherwise.)
def _rewritten(items: list, leaf) -> list:
    """Parsed items with `leaf(op, av, sub)` tried on each, inside any group, loop or lookaround:
    the items it returns stand for the item, None keeps it (its parts rewritten); `sub` rewrites
    a part the same way."""
    new = _sre_parser.SubPattern

    def sub(part):
        return new(part.state, _rewritten(part.data, leaf))

    out = []
    for op, av in items:
        if (replaced := leaf(op, av, sub)) is not None:
            out.extend(replaced)
            continue
        if op is _sre.BRANCH:
            av = (av[0], [sub(a) for a in av[1]])
        elif op is _sre.SUBPATTERN:
            av = (*av[:3], sub(av[3]))
        elif op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT, _sre.POSSESSIVE_REPEAT):
            av = (av[0], av[1], sub(av[2]))
        elif op in (_sre.ASSERT, _sre.ASSERT_NOT):
            av = (av[0], sub(av[1]))
        elif op is _sre.ATOMIC_GROUP:
            av = sub(av)
        elif op is _sre.GROUPREF_EXISTS:
            av = (av[0], sub(av[1]), av[2] and sub(av[2]))
        out.append((op, av))
    return out


def _optional_as_branch(items: list) -> list:
    """Parsed items with each optional group that is more than one character ((?:…)?) as the
    alternatives of the group and nothing ((?:…|)), inside any group, loop or lookaround."""

    def leaf(op, av, sub):
        if op is _sre.MAX_REPEAT and av[:2] == (0, 1) and not _sre_compiler._simple(av[2]):
            empty = _sre_parser.SubPattern(av[2].state, [])
            return [(_sre.BRANCH, (None, [sub(av[2]), empty]))]
        return None

    return _rewritten(items, leaf)


# In ASCII (re.ASCII) a class's \d, \w and \s are these characters and no others: written out,
# a class is one table of characters, read at once, where each category in it was a call of its
# own for every character tried (the twins in ASCII of the quantities, periods, verbs, places and
# spans are read for most sentences).
_ASCII_CATEGORIES = {
    _sre.CATEGORY_DIGIT: [(_sre.RANGE, (ord("0"), ord("9")))],
    _sre.CATEGORY_WORD: [
        (_sre.RANGE, (ord("a"), ord("z"))), (_sre.RANGE, (ord("A"), ord("Z"))),
        (_sre.RANGE, (ord("0"), ord("9"))), (_sre.LITERAL, ord("_")),
    ],
    _sre.CATEGORY_SPACE: [(_sre.RANGE, (ord("\t"), ord("\r"))), (_sre.LITERAL, ord(" "))],
}  # fmt: skip


def _ascii_classes(items: list) -> list:
    """Parsed items (of a pattern compiled with re.ASCII) with each class's \\d, \\w and \\s as the
    characters they stand for there (_ASCII_CATEGORIES), inside any group, loop or lookaround."""

    def leaf(op, av, sub):
        if op is not _sre.IN:
            return None
        return [(op, [item for kind, value in av for item in (
            _ASCII_CATEGORIES.get(value, [(kind, value)]) if kind is _sre.CATEGORY
            else [(kind, value)]
        )])]  # fmt: skip

    return _rewritten(items, leaf)


def _compiled(pattern: str, flags: int = 0) -> re.Pattern:
    """re.compile(pattern, flags) with its optional groups compiled as alternatives
    (_optional_as_branch): the same matches, found without an allocation per group tried; in
    ASCII, its classes' categories as the characters they stand for (_ascii_classes)."""
    if not hasattr(_sre_compiler, "_code") or not hasattr(_sre_engine, "compile"):
        return re.compile(pattern, flags)
    parsed = _sre_parser.parse(pattern, flags)
    parsed.data = _optional_as_branch(parsed.data)
    if flags & re.ASCII:
        parsed.data = _ascii_classes(parsed.data)
    names = [None] * parsed.state.groups
    for name, i in parsed.state.groupdict.items():
        names[i] = name
    return _sre_engine.compile(
        pattern, flags | parsed.state.flags, _sre_compiler._code(parsed, flags),
        parsed.state.groups - 1, parsed.state.groupdict, tuple(names),
    )  # fmt: skip


def _in_ascii(pattern: re.Pattern) -> re.Pattern:
    """The pattern's twin for texts _plain_ascii: the pattern compiled with re.ASCII (and its
    optional groups as alternatives, _compiled), which finds there what the pattern finds; the
    pattern itself where it reads a character other than ASCII case-insensitively
    (_folds_into_ascii)."""
    parsed = _sre_parser.parse(pattern.pattern, pattern.flags)
    if _folds_into_ascii(parsed, bool(pattern.flags & re.IGNORECASE)):
        return pattern
    return _compiled(pattern.pattern, (pattern.flags & ~re.UNICODE) | re.ASCII)


# The first letters of them all are checked first, as one class: the engine reads a class at once
# and the letters of a tree one by one (a tenth less time over the benchmark's sentences).
_PERIOD_FIRST = "".join(sorted({w[0] for w in _PERIOD_STARTS} | set("iot"))) + r"\d"
_PERIOD_QUICK = f"(?=[{_PERIOD_FIRST}])(?={_prefix_tree(_PERIOD_STARTS)}|{_PERIOD_WORD_STARTS})"

# (A word starts where a period does: \b, checked in place, where the lookbehind (?<!\w) was a
# pattern of its own entered at every character; what follows it starts with a word character,
# so either says the same. So for verbs, reporting verbs, number words and place mentions:
# 1,381M → 1,361M instructions with the quantities', cg.sh.)
PERIOD = re.compile(
    rf"\b{_PERIOD_QUICK}(?:"
    + _named_alternatives({f"p_{k}": v for k, v in PERIOD_PATTERNS.items()})
    + ")",
    re.IGNORECASE,
)

# Periods are looked for in lower-cased text with the same pattern, months and weekdays in lower
# case and without IGNORECASE (twice as fast); where a month or weekday found so is not written
# capitalised ("may", "MARCH") the sentence is read with PERIOD itself. Each period found is then
# matched again at its place in the sentence as written, which the resolution reads.
_PERIOD_LOWER = re.compile(
    PERIOD.pattern.replace(_MONTH, _MONTH.lower()).replace(_WEEKDAY, _WEEKDAY.lower())
)
_CALENDAR_WORDS = "|".join(MONTHS | WEEKDAYS)
# Tried only where a word starts with the first letters of one (a fifth of the time).
_CALENDAR_QUICK = _quick_check(_CALENDAR_WORDS, re.IGNORECASE)
_CALENDAR_WORD = re.compile(rf"\b{_CALENDAR_QUICK}(?:{_CALENDAR_WORDS})\b", re.IGNORECASE)
_CALENDAR_WORD_ASCII = _in_ascii(_CALENDAR_WORD)
_PERIOD_LOWER_ASCII = _in_ascii(_PERIOD_LOWER)


class _PeriodAsWritten:
    """A period found in the lower-cased sentence, its groups cut from the sentence as written:
    the match PERIOD makes there, where the sentence has no letter that IGNORECASE reads apart
    from its lower case (_FOLDED_APART) and the period's calendar words are capitalised (each
    step of the pattern then reads either text alike), without matching it again."""

    __slots__ = ("_match", "_sentence", "lastgroup")

    def __init__(self, match: re.Match, sentence: str):
        self._match, self._sentence, self.lastgroup = match, sentence, match.lastgroup

    def start(self, group: int | str = 0) -> int:
        return self._match.start(group)

    def end(self, group: int | str = 0) -> int:
        return self._match.end(group)

    def span(self, group: int | str = 0) -> tuple[int, int]:
        return self._match.span(group)

    def group(self, group: int | str = 0) -> str | None:
        start, end = self._match.span(group)
        return None if start < 0 else self._sentence[start:end]


# Every period holds a year or one of these words: a month's first three letters, the "day" of a
# weekday, "today" and "yesterday", or the words of a period that names none ("since the start of
# the offensive", "the past week", "last night"). A lower-cased sentence without any has none: it
# is not read (a third of the benchmark's sentences: 1,361M → 1,347M instructions, cg.sh).
_PERIOD_WORDS = (
    "day", "since", *sorted({m[:3] for m in MONTHS}), "last", "past", "previous", "preceding",
    "weekend", "tonight", "morning", "overnight",
)  # fmt: skip
_PERIOD_YEAR = re.compile(_YEAR)
# ("So far this\nyear": the words of "this year" with any space between, as the pattern reads them)
_THIS_YEAR = re.compile(r"this\s+year")


def _may_hold_a_period(lowered: str) -> bool:
    """False where _PERIOD_LOWER finds nothing in `lowered`: it holds no word nor year of one."""
    for word in _PERIOD_WORDS:
        if word in lowered:
            return True
    if "year" in lowered and _THIS_YEAR.search(lowered):
        return True
    return _PERIOD_YEAR.search(lowered) is not None


def _periods(sentence: str, lowered: str, plain: bool | None = None) -> list[re.Match]:
    """PERIOD.finditer(sentence), found faster (`lowered` is sentence.lower(); `plain`, whether
    it is _plain_ascii, where known)."""
    if len(lowered) == len(sentence):
        if not _may_hold_a_period(lowered):
            return []
        if plain is None:
            plain = _plain_ascii(sentence)
        found = list((_PERIOD_LOWER_ASCII if plain else _PERIOD_LOWER).finditer(lowered))
        calendar_words = (_CALENDAR_WORD_ASCII if plain else _CALENDAR_WORD).findall
        if all(
            w == w.capitalize() for p in found for w in calendar_words(sentence, p.start(), p.end())
        ):
            if sentence.isascii() or not _FOLDED_APART.search(sentence):
                return [_PeriodAsWritten(p, sentence) for p in found]
            return [PERIOD.match(sentence, p.start()) for p in found]
    return list(PERIOD.finditer(sentence))


# "the past N units": how many days each unit reaches back.
UNIT_DAYS: dict[str, int] = {"day": 1, "week": 7, "month": 30, "year": 365}
# relative day word → (days back to start, days back to end) from the reference date.
RELATIVE_DAYS: dict[str, tuple[int, int]] = {
    "last night": (1, 0),
    "overnight": (1, 0),
    "yesterday": (1, 1),
    "today": (0, 0),
    "tonight": (0, 0),
    "this morning": (0, 0),
}


# --- Compiled patterns (once, at import) ----------------------------------------------------------

# Each such span starts with a digit, "(", "+" or a month's capital: the engine skips the rest.
_MONTH_INITIALS = "".join(sorted({m[0].upper() for m in MONTHS}))
_NOT_SPANS = re.compile(
    rf"(?=[\d(+{_MONTH_INITIALS}])(?:"
    + "|".join(f"(?:{v})" for v in NOT_A_FIGURE_SPANS.values())
    + ")"
)
# Where the first such span may start: a digit, "(", "+" or the first three letters of a month
# ("Mar", not "More"), its first character read as one class, which the engine skips to; spans
# are looked for from there (the benchmark's sentences: a quarter of their text is passed over).
_MONTH_STARTS: dict[str, set[str]] = {}
for _month in MONTHS:
    _MONTH_STARTS.setdefault(_month[0].upper(), set()).add(_month[1:3])
_NOT_SPANS_FIRST = re.compile(
    rf"[\d(+{''.join(sorted(_MONTH_STARTS))}](?:(?<=[\d(+])|"
    + "|".join(f"(?<={c})(?:{'|'.join(sorted(r))})" for c, r in sorted(_MONTH_STARTS.items()))
    + ")"
)
# The spans themselves, found from there too: a pattern that starts with one class (the engine
# skips to its characters at once, where _NOT_SPANS, which starts with a lookahead, is tried at every
# character) and reads the span from its first character, in the group "span". A span that starts
# with a digit or a month starts a word (each such alternative opens with \b): the digits inside
# a number ("73,041") are passed over at once (1,338M → 1,330M instructions, cg.sh). A span that
# starts with a digit starts with one or two (a day, a time) or with three or four before ".", ")"
# or "-" (a telephone's, a year's): the thousands of "5,000" are passed over too (1,398M →
# 1,392M, cg3.sh).
_NOT_SPANS_AT = re.compile(
    rf"[\d(+{''.join(sorted(_MONTH_STARTS))}](?:(?<=[(+])|(?<!\w.)"
    r"(?:(?<=\d)(?=\d?(?!\d)|\d{2,3}[.)-])|"
    + "|".join(f"(?<={c})(?={'|'.join(sorted(r))})" for c, r in sorted(_MONTH_STARTS.items()))
    + rf"))(?<=(?=(?P<span>{_NOT_SPANS.pattern})).)"
)


_NOT_SPANS_AT_ASCII = _in_ascii(_NOT_SPANS_AT)


def _not_spans(sentence: str, plain: bool = False) -> list[tuple[int, int]]:
    """[m.span() for m in _NOT_SPANS.finditer(sentence)], faster (`plain`: _plain_ascii)."""
    spans = []
    pos = 0
    search = (_NOT_SPANS_AT_ASCII if plain else _NOT_SPANS_AT).search
    while (m := search(sentence, pos)) is not None:
        spans.append(m.span("span"))
        pos = spans[-1][1]
    return spans


_BEFORE = re.compile(
    "|".join(
        f"(?:{b})" for k, (b, _) in NOT_A_FIGURE_CONTEXT.items() if b and k != "missing_before"
    ),
    re.IGNORECASE,
)
# The same for lower-cased text (faster): the patterns hold no escape that lower case changes
# (\S, \D, \W, \B) and no group names, so their lower-cased text is the same pattern.
_BEFORE_LOWER = re.compile(_BEFORE.pattern.lower())
_BEFORE_LOWER_ASCII = _in_ascii(_BEFORE_LOWER)
# How far before a number its context is read ("between the ages of ", "resolution No. ").
BEFORE_REACH = 32
# The context after a number is anchored at it (every pattern starts with ^): matched, not searched.
# People missing are read apart, where the words "missing" or "trapped" are there at all: the
# words allowed before them make the pattern slow to try after every number.
_AFTER = re.compile(
    "|".join(
        f"(?:{a})"
        for k, (_, a) in NOT_A_FIGURE_CONTEXT.items()
        if a and k not in ("missing", "without_service", "at_risk", "not_returned", "event")
    ),
    re.IGNORECASE,
)
_MISSING_AFTER = re.compile(NOT_A_FIGURE_CONTEXT["missing"][1], re.IGNORECASE)
# So are people without power, where "without" is there at all.
_WITHOUT_AFTER = re.compile(NOT_A_FIGURE_CONTEXT["without_service"][1], re.IGNORECASE)
# And people at risk, where "risk" is there at all.
_AT_RISK_AFTER = re.compile(NOT_A_FIGURE_CONTEXT["at_risk"][1], re.IGNORECASE)
# And people at an event, or only there ("were nearby", "packed inside"), where one of the words
# those patterns need ("joined", "part", "attended", "nearby", "present", …) is there at all.
_EVENT_AFTER = re.compile(NOT_A_FIGURE_CONTEXT["event"][1], re.IGNORECASE)
# And people who could not go home, where "return" or "home" is there at all.
_NOT_RETURNED_AFTER = re.compile(NOT_A_FIGURE_CONTEXT["not_returned"][1], re.IGNORECASE)
_MISSING_BEFORE = re.compile(NOT_A_FIGURE_CONTEXT["missing_before"][0], re.IGNORECASE)
# People given aid, or signed up for it, named after the number: "20,800 people assisted with
# some form of humanitarian assistance", "3,400 residents have registered with FEMA for economic
# assistance".
_AIDED_AFTER = re.compile(
    rf"\s*{_WORDS_BEFORE_VERB}{{0,2}}?(?:(?:have|has|had)\s+been\s+|"
    r"were\s+|was\s+)?(?:assisted|supported|reached\s+with|provided\s+with\s+food)\b"
    # "15,600 people have already benefited from Red Crescent relief and rescue services"
    rf"|\s*{_WORDS_BEFORE_VERB}{{0,2}}?(?:have|has|had)\s+(?:already\s+)?benefit+ed\s+from\b"
    # ("Nearly 45,000 individuals have registered with Red Cross across the province")
    rf"|\s*{_WORDS_BEFORE_VERB}{{0,2}}?(?:have|has|had)\s+registered\s+with\s+(?:the\s+)?"
    r"(?:[A-Z][\w-]*\s+){0,2}(?:Red\s+Cross|Red\s+Crescent|FEMA)\b"
    rf"|\s*{_WORDS_BEFORE_VERB}{{0,2}}?(?:have|has|had)\s+registered\s+"
    r"(?:with\s+[^.;,]{1,40}?\s+)?for\s+(?:\w+\s+)?(?:assistance|aid|help|support)\b",
    re.IGNORECASE,
)
# Things, not people, after a number: a word before them maybe ("1,000 welcome meals"), then one
# of a hundred and fifty words, each tried with that word and again without it wherever a number
# is followed by words (most are followed by none of them). The first letters of those words are
# checked first, as one class, then a tree of their first four (_quick_check), in the lower-cased
# twin, read for most numbers: a quarter less time to match it after a number.
_OBJECTS_LEAD = r"^\s*(?:of\s+[a-z-]+s[’']\s+|(?!(?:from|in|at|across|near)\s)[a-z-]+\s+)?"
_OBJECTS_AFTER = NOT_A_FIGURE_CONTEXT["objects"][1]
_OBJECTS_CHECKED = _OBJECTS_AFTER
if _OBJECTS_AFTER.startswith(_OBJECTS_LEAD):
    _rest = _OBJECTS_AFTER.removeprefix(_OBJECTS_LEAD)  # the words, then the other alternatives
    _words = _rest.split(r"\b|^", 1)[0]
    _OBJECTS_CHECKED = _OBJECTS_LEAD + _quick_check(_words, re.IGNORECASE) + _rest
# The same for lower-cased text (twice as fast), where it finds the same: IGNORECASE reads "İ",
# "ı" and "ſ" as i and s, which lower case does not; every other letter it reads as its lower case.
_AFTER_LOWER = re.compile(_AFTER.pattern.replace(_OBJECTS_AFTER, _OBJECTS_CHECKED, 1).lower())
_FOLDED_APART = re.compile("[İıſ]")
_QUANTITY_ASCII = _in_ascii(QUANTITY_LOWER)
# What the context after a number starts with where a pattern of _AFTER may match (a letter glued
# to the number, a digit after a space or hyphen, the first letters of a unit, a share, a time,
# a price, of objects after up to one word): checked first, in one pass; most numbers are
# followed by none ("5,000 people fled"), and the patterns, tried one by one, then find nothing.
# A new pattern after a number needs its first words here (tests/test_extract.py checks).
_AFTER_WORD_STARTS = (
    "% - ‐ : ° a.m am p.m pm o' o’ gmt utc dollars euro pounds usd eur gbp francs lira per pc u.s. "
    "swiss canadian australian singapore hong new fiji jamaican namibian egyptian sudanese "
    "lebanese syrian chf reals "
    "tala kina vatu rupees taka naira shillings kwacha rand pesos yuan yen rupiah baht riyals "
    "dirhams dinars cedis birr leones afghanis tenge hryvnias rubles roubles reais quetzales "
    "lempiras gourdes won "
    "half halves third quarter fifth tenth year month week day hour minute second night decade "
    "centur yr hr min km kilomet mile met kg kilo ton litre liter mt hectare ha acre rai sq square "
    "mm cm mph m3 m³ cubic "
    "kph kmph kmh knot millim centim "
    "degree foot feet ft celsius fahrenheit out partially completely totally fully damaged destroyed "
    "suffered sustained others"
).split()
_OBJECT_WORDS = NOT_A_FIGURE_CONTEXT["objects"][1].lower()
_OBJECT_STARTS = _starts_of(
    _OBJECT_WORDS.removeprefix(
        r"^\s*(?:of\s+[a-z-]+s[’']\s+|(?!(?:from|in|at|across|near)\s)[a-z-]+\s+)?"
    ).split(r"\b|^", 1)[0],
    n=3,
)
# (The spaces before the words are read once for all of them: whether it matches is all that is
# asked, and \s*(?:A|B) matches where \s*A|\s*B does, where each read them again: 1,351M →
# 1,346M instructions, cg.sh.)
# (Its words are read possessively ([a-z-]++): a space or a comma follows each, which giving back
# a letter never finds; whatever follows a number that no pattern reads is left at once.)
_AFTER_MAY_SAY_NOT = re.compile(
    rf"[a-z]|[\s-]\d|\s*(?:{_prefix_tree(_AFTER_WORD_STARTS)}|(?:of|in|us)\s"
    r"|(?:people|persons|individuals)?\s*(?:per|each|a\s)"
    rf"|(?:[a-z-]++\s+)?(?:{_prefix_tree(_OBJECT_STARTS)})"
    r"|[a-z-]++,\s+(?:[a-z-]++,?\s+){0,3}and\s"  # "private, public and religious buildings"
    r"|\(\s*\d"  # "3m (10ft)"
    r"|(?:in\s+[a-z]++(?:\s+[a-z]++)?\s+)?(?:were|was|have\s+been|had\s+been)\s+(?:[a-z]++\s+)?"
    r"(?:damaged|destroyed))"
)


def _after_is_not_a_figure(
    after: str, rest: re.Pattern = _AFTER, rest_lower: re.Pattern = _AFTER_LOWER
) -> bool:
    """Whether the text right after a number says it counts no people (_AFTER; `rest`, in
    lower case `rest_lower`, the patterns other than those read apart here)."""
    if (
        "issing" in after
        or "rapped" in after
        or "uried" in after
        or "under" in after
        or "ccounted" in after
        or "known" in after
        or "ISSING" in after
        or "RAPPED" in after
    ) and _MISSING_AFTER.match(after):
        return True
    if (
        "without" in after
        or "WITHOUT" in after
        or "outage" in after
        or " cuts" in after
        or "ruption" in after
        or "shortage" in after
    ) and _WITHOUT_AFTER.match(after):
        return True
    if ("risk" in after or "RISK" in after or "threatened" in after) and _AT_RISK_AFTER.match(
        after
    ):
        return True
    if (
        "joined" in after
        or "part" in after
        or "attended" in after
        or "nearby" in after
        or "present" in after
        or "packed" in after
        or "attendance" in after
        or "visiting" in after
        or "marched" in after
        or "protested" in after
        or "rallied" in after
        or " use " in after
        or " share " in after
    ) and _EVENT_AFTER.match(after):
        return True
    if ("eturn" in after or "back" in after or "home" in after) and _NOT_RETURNED_AFTER.match(
        after
    ):
        return True
    if after.isascii() or not _FOLDED_APART.search(after):
        lowered = after.lower()
        return _AFTER_MAY_SAY_NOT.match(lowered) is not None and (
            rest_lower.match(lowered) is not None
        )
    return rest.match(after) is not None


_AFTER_VAGUE_OF = re.compile(r"^[\"”’')]*\s*of\s+")
# After "thousands of", only what is counted matters: a word is expected there.
_AFTER_OF = re.compile(
    "|".join(
        f"(?:{a})"
        for k, (_, a) in NOT_A_FIGURE_CONTEXT.items()
        if a and k not in ("attached", "ordinal")
    ),
    re.IGNORECASE,
)
# It is read as _after_is_not_a_figure reads _AFTER: the patterns that its plain checks let
# through apart, the quick check before the rest, in lower case (_AFTER_OF_REST), where every one
# of them was tried after every "thousands of" (a sixth of a million instructions each: 1,346M →
# 1,339M, cg.sh).
_AFTER_OF_REST = re.compile(
    "|".join(
        f"(?:{a})"
        for k, (_, a) in NOT_A_FIGURE_CONTEXT.items()
        if a
        and k
        not in (
            "attached",
            "ordinal",
            "missing",
            "without_service",
            "at_risk",
            "not_returned",
            "event",
        )
    ),
    re.IGNORECASE,
)
_AFTER_OF_REST_LOWER = re.compile(_AFTER_OF_REST.pattern.lower())
_PEOPLE = _one_of(PEOPLE_NOUNS)
_HOUSEHOLDS = _one_of(HOUSEHOLD_NOUNS)
# Who is counted: up to three modifier words, then a head noun, then "and (their) <noun>".
_POPULATION = re.compile(
    rf"[\"”’')]*\s*(?:of\s+(?:the\s+)?)?(?P<pop>(?:(?!(?:and|or|in|of|from|to|have|has|had|"
    rf"were|was|are|is|been|who|which|that|with)\b)(?!\d)[\w’'.-]+\s+){{0,3}}?"
    rf"(?P<head>{_PEOPLE}|{_HOUSEHOLDS})\b(?:\s+and\s+(?:their\s+|other\s+)?(?:[\w-]+\s+)?"
    rf"(?:{_PEOPLE}|{_HOUSEHOLDS}|family\s+members)\b)?)",
    re.IGNORECASE,
)
# The same in lower-cased text, without IGNORECASE (twice as fast; its words are in lower case but
# "IDPs"), where that reads the same: no letter that IGNORECASE folds apart from lower case.
_POPULATION_LOWER = re.compile(_POPULATION.pattern.replace(_PEOPLE, _PEOPLE.lower()))
_POPULATION_LOWER_ASCII = _in_ascii(_POPULATION_LOWER)
_HOUSEHOLD_HEAD = re.compile(rf"^(?:{_HOUSEHOLDS})$", re.IGNORECASE)
_HOUSEHOLD_SIZE = re.compile(
    r"(?P<size>\d+(?:\.\d+)?)\s+(?:people|persons|individuals|members)\s+(?:per|each|a|in\s+each)"
    r"\s+(?:household|family)|household\s+size\s+of\s+(?P<size2>\d+(?:\.\d+)?)",
    re.IGNORECASE,
)
_HOUSEHOLD_SIZE_ASCII = _in_ascii(_HOUSEHOLD_SIZE)
# The term and measure of each group a verb's match may end with (its `lastgroup`).
_VERB_GROUPS: dict[str, tuple[str, str]] = {}
# (the groups of the verbs that only link: "the number … stands at")
_LINKING_GROUPS: set[str] = set()


def _verb_pattern() -> re.Pattern:
    parts = {f"v{i}": pattern for i, pattern in enumerate(VERBS)}
    alternatives, names = _named_by_first_letter(parts)
    linking = f"v{list(VERBS).index(LINKING_VERBS)}"
    for group, name in names.items():
        _VERB_GROUPS[group] = VERBS[parts[name]]
        if name == linking:
            _LINKING_GROUPS.add(group)
    return re.compile(rf"\b(?=\w){_VERB_QUICK}(?:{alternatives})", re.IGNORECASE)


# A verb is tried only where a word starts with the first four letters of one: most words start
# none (a third less time to find verbs).
_VERB_QUICK = _quick_check("|".join(VERBS), re.IGNORECASE)


_VERB = _verb_pattern()
# The verbs are written in lower case: on lower-cased text the same pattern without IGNORECASE
# finds the same verbs, twice as fast (the engine skips alternatives by their first letter).
_VERB_LOWER = re.compile(_VERB.pattern)
_VERB_LOWER_ASCII = _in_ascii(_VERB_LOWER)
_OBJECT_VERB = re.compile(
    "|".join(f"(?P<o{i}>{p})" for i, p in enumerate(OBJECT_VERBS)), re.IGNORECASE
)
# Words between such a verb and its figure: "have evacuated (a further) 82,000".
_OBJECT_FILLERS = frozenset(
    "the a an another further additional total of some nearly almost over".split()
)
_OBJECT_VERB_VALUES = list(OBJECT_VERBS.values())
_POPULATION_TERM = re.compile(
    "|".join(f"(?P<t{i}>{p})" for i, p in enumerate(POPULATION_TERMS)), re.IGNORECASE
)
_POPULATION_TERM_ASCII = _in_ascii(_POPULATION_TERM)
_POPULATION_TERM_VALUES = list(POPULATION_TERMS.values())
_PER_DAY_AFTER = re.compile(r"\s+(?:per|a|each)\s+day\b")
_APPOSITION = re.compile(APPOSITION, re.IGNORECASE)
_APPOSITION_ASCII = _in_ascii(_APPOSITION)
_PARENS = re.compile(r"\([^()]*\)")
# A number in brackets after a word: "destroyed (7,488)", a part of the count before it.
_WORD_BRACKET_BEFORE = re.compile(r"\b[a-z]+\s*\($")
_NESTED = re.compile(
    r",\s*"
    + _any_case_by_first_letter(r"including|among\s+them|of\s+whom|of\s+which|mostly|mainly")
    + r"\s+(?:[\w’'-]+\s+){0,2}$"
    r"|\w--$",  # "four people--three men and one woman--were killed"
)
_NESTED_ASCII = _in_ascii(_NESTED)
# "28,501 people including 6,781 children have been evacuated": no comma after the people.
_PEOPLE_INCLUDING = re.compile(
    rf"\b(?:{'|'.join(PEOPLE_NOUNS)}|dead|killed|injured|wounded|displaced|evacuated|affected)"
    r"\s+including\s+$",
    re.IGNORECASE,
)
# ", where 1.2 million people were affected and 345,044 evacuated": the clause a place heads.
_WHERE_BEFORE = re.compile(r",\s+where\s+(?:[^;:.(),]|[.,](?=\d)){0,120}$", re.IGNORECASE)
# A small number is a count of people where a word of the terms follows it: "24 injured".
_TERM_RIGHT_AFTER = re.compile(
    r"\s*(?:\n\s*)?(?:[a-z]+ly\s+)?(?:(?:have|has|had)\s+been\s+|were\s+|was\s+)?(?:[a-z]+ly\s+)?"
    r"(?:injured|wounded|killed|dead|displaced|evacuated|arrested|detained|rescued|fatalities|"
    r"deaths|(?:suffered|sustained)\s+(?:[a-z-]+\s+){0,2}?(?:injuries|wounds|burns))\b",
    re.IGNORECASE,
)  # "one moderately injured", "At least 14 have been arrested", "44\nFatalities", "about 30
# suffered minor injuries"
# Between two counts of a list: their people's words and a comma or "and" ("women, ", "men and ").
# What joins counts of one clause that share its verb: the same count in brackets ("2,400
# families (14,400 people)"), "and" after a count's place ("… (14,400 people) in Hadramaut
# Governorate and 2,000 families").
_COUNTS_JOINED = re.compile(
    r"\s*\(\s*|\)?\s*(?:(?:in|at)\s+(?:the\s+)?(?:[A-Z][\w’'-]*\s+){1,3})?and\s+(?:some\s+|about\s+)?"
)
_LIST_SEPARATOR = re.compile(r"(?:\s+[A-Za-z’'-]+){0,3}?(?:\s*,\s*(?:and\s+)?|\s+and\s+)")
_LIST_GOES_ON = re.compile(r"[^;:()]*(?:,|\band|\bas\s+well\s+as)\s*$")
_OFFICE_IN = re.compile(r"\b(?:department|office|ministry|headquarters|agency|desk)\s+in\s", re.I)
_AND_SPEAKER = re.compile(
    r"\band\s+(?P<who>(?:[A-Za-z][\w’'.-]*\s+){1,5}?)(?:reported|said|says|told\s+\w+|added|"
    # ("There are still 55,000 refugees in Kosovo and local authorities estimate that some 40,000
    # are displaced in FYROM")
    r"confirmed|announced|estimated?|estimates)\s+(?:that\s+)?$"
)
_AND_SPEAKER_ASCII = _in_ascii(_AND_SPEAKER)
_DASH_ASIDE = re.compile(
    r"\s[–—]\s[^–—]{1,160}?\s[–—]\s|--[^–—-]{1,160}?--"
)  # ("people--three men--")
_CONTRAST = re.compile(r",?\s+(?:while|whereas)\s|;\s")


def _last_contrast(sentence: str, before: int) -> int | None:
    """Where the last clause of other people (_CONTRAST) before `before` starts, if any."""
    found = [m.end() for m in _CONTRAST.finditer(sentence, 0, before)]
    return found[-1] if found else None


# [,;:]|\s[-–—]\s, its first character read as one class: the engine skips to those at once
# instead of trying both alternatives at every character (clauses are split in two thirds of
# the time).
# (a comma right before a digit groups a number's thousands: "in more than 1,300 evacuation centers")
_CLAUSE_BREAK = re.compile(r"[,;:\s](?:(?<=\s)[-–—]\s|(?<=[;:])|(?<=,)(?!\d))")
_CLAUSE_BREAK_ASCII = _in_ascii(_CLAUSE_BREAK)


def _clauses(text: str, maxsplit: int = 0, plain: bool = False) -> list[str]:
    """_CLAUSE_BREAK.split(text, maxsplit); text without any of its marks (half the words around
    a figure) is one clause, found without the pattern. `plain`: the text is _plain_ascii."""
    if "," in text or ";" in text or ":" in text or "-" in text or "–" in text or "—" in text:
        return (_CLAUSE_BREAK_ASCII if plain else _CLAUSE_BREAK).split(text, maxsplit)
    return [text]


# ("a total of 668,974 families composed of 2,452,738 individuals were affected")
_OTHER_UNIT = re.compile(
    # ("57,015 persons belonging to 14,175 families have been affected")
    r"^\s*(?:from|in|,?\s*or|consisting\s+of|comprising|composed\s+of|made\s+up\s+of|"
    r"belonging\s+to)\s*$"
)
# Who is sheltered, and where, for a count that "remains" (_sentence_candidates).
_SHELTERED_PEOPLE = re.compile(r"\b(?:refugees|IDPs|arrivals|evacuees|asylum[\s-]seekers)\b")
_IN_SHELTER = re.compile(
    rf"[^,;.]{{0,40}}?\b(?:in|at|across)\s+(?:[\w’',-]+\s+){{0,3}}?{SHELTER_PLACES}\b",
    re.IGNORECASE,
)  # ("26,159 displaced persons across eight sites")
# Right after its people, where they are taken in: "… and 423 119 people inside 605 evacuation
# centres".
_IN_SHELTER_RIGHT_AFTER = re.compile(
    rf"\s+(?:in|inside|at|across)\s+(?:[\w’',-]+\s+){{0,3}}?{SHELTER_PLACES}\b", re.IGNORECASE
)
# The same count again: "and this number is expected to rise to 75,000".
_THIS_NUMBER = re.compile(
    r"\b(?:this|that|the)\s+(?:number|figure)\s+(?:is|was|could|may|might|will|would)\s+"
    r"(?:(?:expected|likely|set)\s+to\s+|)(?:rise|climb|grow|increase|reach)\s+(?:to\s+)?$"
)
# A table's label before the cell that holds a count ("Total Population Killed |\n30,000\n|").
_CELL_LABEL = re.compile(r"(?:^|\n)\s*(?P<label>[A-Z][^\n|]{2,60}?)\s*\|\s*\n\s*$")
_STUCK_AFTER = re.compile(r"[^,;.]{0,40}?\bstuck\b")
# (or a part of the count after it, in brackets: "(14,000 of 15,135) have returned")
_JOINED = re.compile(r"^\s*(?:(?:[A-Za-z’'()-]+\s+){0,6}?and|of)\s*$")
_AFFECTED_BY_THEN = re.compile(
    r"\s*affected\s+by\s+[^,;]{1,80}?\s(?=(?:have|has|had|were|was|are|is)\s)"
)
_WITH_OTHERS = re.compile(
    r"\s+with\s+(?:(?:another|some|about|over|at\s+least|more\s+than)\s+)?"
    r"(?:\d|(?:dozens|hundreds|thousands|tens|scores|millions|many|others)\b)",
    re.IGNORECASE,
)


def _words_at_a_word_start(words) -> str:
    """The words where a word starts, as alternatives grouped by their first letter, each checked
    after its letters to start a word (a lookbehind, (?<!\\w.{n}) after n letters, read only where
    they are): the pattern starts with a letter, one of a class the engine skips to at once, where
    \\b led it and the engine entered it at every character to check. \\b and a quick check of the
    first letters (_quick_check) where a word is not all in lower-case letters."""
    if not all(re.fullmatch("[a-z]+", word) for word in words):
        return rf"\b{_quick_check('|'.join(words))}(?:{'|'.join(words)})"
    groups: dict[str, list[str]] = {}
    for word in words:
        groups.setdefault(word[0], []).append(rf"{word[1:]}(?<!\w.{{{len(word)}}})")
    return "(?:" + "|".join(f"{c}(?:{'|'.join(rest)})" for c, rest in groups.items()) + ")"


# (looked for where a reporting verb's first letter is, "s" of "said", "t" of "told", not at every
# character of the sentence: 1,328M → 1,326M instructions, cg.sh)
_REPORTING = re.compile(rf"{_words_at_a_word_start(REPORTING_VERBS)}\b")
# A reporting verb holds one of these, itself or a verb it holds ("say" of "saying", "report" of
# "reported"): a sentence that holds none names no speaker by one, and is not searched for them
# (more than half of the benchmark's sentences: 1,347M → 1,338M instructions, cg.sh). The verbs
# whole, not their first four letters: "twee" of "between", "ment" of "government", "indi" of
# "individuals" and "coun" of "country" let a third of the sentences searched through to a search
# that found no verb. In the verbs' order, the most frequent first ("said", "report"): 1,322M →
# 1,313M instructions, cg.sh.
_REPORTING_STARTS = [
    verb for verb in REPORTING_VERBS if not any(t in verb for t in REPORTING_VERBS if t != verb)
]
# In a sentence all in ASCII, its words are looked up at once: _REPORTING finds a verb only as a
# whole word, a run of letters between characters that are none, and the sentence's bytes with
# every other character made a space split into those runs ("…,” said Adrian Edwards" → "said",
# "Adrian", "Edwards"). One pass over the sentence, where each of the verbs above was looked for
# in it in turn (37 passes in a sentence that holds none); "reporter" lets none through.
_LETTERS_ALONE = bytes(c if chr(c).isascii() and chr(c).isalpha() else 32 for c in range(256))
_REPORTING_WORDS = frozenset(verb.encode() for verb in REPORTING_VERBS)
# The source a sentence opens with: "Based on the assessment conducted by CoES and …, 170".
_BASED_ON = re.compile(r"Based\s+on\s+(?P<who>[^,;:]{0,40}?\b(?:by|from)\s+[^,;:()]{2,80}),")
_ACCORDING = re.compile(
    # (an initial's full stop kept: "according to U.S. Customs and Border Protection")
    r"\b(?:according\s+to|as\s+per)\s+(?P<who>(?:[^,;.:()\"“”]|(?<=\b[A-Z])\.(?=\s?[A-Z]))+"
    r"(?:\([^)]*\))?)",
    re.IGNORECASE,
)
_SOURCE_TRIM = re.compile(
    # ("said the prime minister, Ahmed Ouyahia, as the interior ministry reported a toll")
    r"^(?:[\"“”'’(]|and\b|but\b|while\b|with\b|also\b|even\b|then\b|meanwhile\b,?|the\b|a\b|an\b|"
    # ("In Mozambique the provincial government of Inhambane estimates that …")
    r"in\s+(?-i:[A-Z])[\w’'-]+(?:\s+(?-i:[A-Z])[\w’'-]+)?,?\s+(?=(?:the\s+)?(?-i:[a-z]))|"
    r"as\b|\s)+|"
    # ("The Tajik side unofficially reported")
    r"(?:\s+(?:also|now|still|additionally|separately|earlier|later|on\s+\w+day|in\s+a\s+\w+|that|"
    # ("The National Disaster Management Centre (DMC) yesterday announced")
    r"yesterday|today|"
    # ("Tharbaung and Maubin townships continue to report 1,079 people displaced")
    r"unofficially|officially|initially|previously|so\s+far|thus\s+far|continue[sd]?\s+to))+\s*$",
    re.IGNORECASE,
)
# The words after a speaker that _SOURCE_TRIM takes off, found from a space, which the engine skips
# to (its sub tries both alternatives at every character): (?:\s+X)+\s*$ as \s\s*X(?:\s+X)*\s*$.
_TRIM_START_OF, _, _TRIM_END_OF = _SOURCE_TRIM.pattern.rpartition(r"|(?:\s+")
assert _TRIM_START_OF.startswith("^") and _TRIM_END_OF.endswith(r")+\s*$"), _SOURCE_TRIM.pattern
_TRIM_WORDS = _TRIM_END_OF.removesuffix(r")+\s*$")
# (its words read by the class of their first letter's cases, then the words that start with it:
# _any_case_by_first_letter; only they are read case-insensitively)
_TRIM_WORDS_BY_LETTER = _any_case_by_first_letter(_TRIM_WORDS.removeprefix("(?:").removesuffix(")"))
_SOURCE_TRIM_END = re.compile(rf"\s\s*{_TRIM_WORDS_BY_LETTER}(?:\s+{_TRIM_WORDS_BY_LETTER})*\s*$")


def _trim_source(text: str) -> str:
    """_SOURCE_TRIM.sub("", text), faster (1% of extraction): its first alternative matches
    only at the start, the second only up to the end, so the text keeps what is between them."""
    lead = _SOURCE_TRIM.match(text)
    start = lead.end() if lead else 0
    tail = _SOURCE_TRIM_END.search(text, start)
    return text[start:] if tail is None else text[start : tail.start()] + text[tail.end() :]


_LIST_START = re.compile(r"^[\s(\[]*$")
_LIST_MARK_BEFORE = re.compile(r"(?<![\w(])\d\)\s?\S[^()]*[,;]\s+$")
_LIST_MARK = re.compile(r"^[.)\]]\s")
_FOOTNOTE = re.compile(r"^\d(?!\d)")
_YEAR_ONLY = re.compile(r"^(?:1[89]\d\d|20\d\d)$")
# A sentence without a digit or a number word holds no figure: a digit is looked for first (the
# engine scans for one character fast), the words only where there is none.
_DIGIT = re.compile(r"\d")
# A number word is tried only where a word starts with the first letters of one (half the time).
_NUMBER_WORD_QUICK = _quick_check(NUMBER_WORD_HINT, re.IGNORECASE)
_NUMBER_WORD = re.compile(rf"\b(?=\w){_NUMBER_WORD_QUICK}(?:{NUMBER_WORD_HINT})", re.IGNORECASE)
# In a text all in ASCII: its digits as the class of the ten, and the number words in lower case
# in the text put in lower case, read with re.ASCII (a class and a letter from a table, where \d
# and IGNORECASE look each character up in Unicode's database): _may_hold_a_figure.
_ASCII_DIGIT = re.compile("[0-9]")
_NUMBER_WORD_ASCII = re.compile(_NUMBER_WORD.pattern, re.ASCII)


def _may_hold_a_figure(text: str) -> bool:
    """Whether the text holds a digit or a number word (_DIGIT, _NUMBER_WORD); one that holds
    neither holds no figure."""
    if text.isascii():
        return (
            _ASCII_DIGIT.search(text) is not None
            or _NUMBER_WORD_ASCII.search(text.lower()) is not None
        )
    return _DIGIT.search(text) is not None or _NUMBER_WORD.search(text) is not None


# A sentence ends at "." "!" or "?" (more of them, closing quotes or brackets) before a space, at
# a blank line, or at a line break before what starts a line. The mark or line break is matched
# on its own first, which lets the engine leap from one to the next (three times as fast).
_SENTENCE_END = re.compile(
    r"[.!?\n](?:(?<=[.!?])[.!?]*[\"”’')\]]*\s+|(?<=\n)\s*\n|(?<=\n)(?=\s*[A-Z0-9\"“•*#-])"
    # a full stop glued to the next sentence, as pasted pages lose the space: "in northern
    # Tunisia over the last few days.Tunisia's Ministry of Interior said"
    # (or to a quotation: "damaged roads.\"We have 15 people dead")
    r"|(?<=[a-z]{3}\.)(?=[A-Z][a-z]{2}|[\"“][A-Z][a-z]))"
)
_DAY_NAME_NEXT = re.compile(rf"\s*{_WEEKDAY}\b|\s*(?:local|GMT|UTC|today|yesterday)\b")
_ABBREVIATIONS = {
    "approx",
    "no",
    "nos",
    "mr",
    "mrs",
    "ms",
    "dr",
    "st",
    "e.g",
    "i.e",
    "u.s",
    "u.n",
    "vs",
    "etc",
    "gov",
    "gen",
    "col",
    "lt",
    "sgt",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "fig",
    "p",
    "pp",
    "para",
    "art",
    "vol",
    "inc",
    "ltd",
    "co",
    "govt",
    "est",
    "prof",
    "sen",
    "rep",
    "maj",
    "capt",
    "cpt",
    "brig",
    "hon",
    "rev",
}
_LAST_WORD = re.compile(r"([\w.]+)[.!?]+[\"”’')\]]*\s+$")
_INITIALS = re.compile(r"(?:[A-Z]\.)+[A-Z]")
# A count with grouped digits opens a sentence after a full stop ("… (DROMIC 18 November). 66,165
# houses were damaged"); other digits after one do not ("No. 5", "approx. 300").
_COUNT_OPENS = re.compile(r"[1-9]\d{0,2}(?:,\d{3})+\s")


# --- Sentences ------------------------------------------------------------------------------------


# A line of two or more numbers alone, and the line of their labels after it ("2.1 million 1.4
# million 806,000 175,500" over "Affected people People need aid People are food-insecure People
# displaced"): each label starts with a capital after a word in lower case.
_ROW_NUMBER = r"\d[\d,.]*\d(?:\s+(?:million|thousand|billion))?|\d"
_NUMBERS_ROW = re.compile(
    rf"^[ \t]*(?:(?:{_ROW_NUMBER})[ \t]+)*(?:{_ROW_NUMBER})[ \t]*\n(?:[ \t]*\n){{0,3}}"
    r"(?P<labels>[A-Z][^\n\d]{3,200})$",
    re.MULTILINE,
)
_ROW_LABEL_START = re.compile(r"(?<=[a-z])\s+(?=[A-Z])")
# The line ends after which a row starts, found by one search (the engine skips from one line end
# to the next at once, where _NUMBERS_ROW was tried at every character: 1,407M → 1,393M
# instructions, cg.sh).
_NUMBERS_ROW_AFTER = re.compile(
    "\n(?=" + _NUMBERS_ROW.pattern.removeprefix("^") + ")", re.MULTILINE
)


def _numbers_rows(text: str):
    """_NUMBERS_ROW.finditer(text), each row matched at a line start _NUMBERS_ROW_AFTER finds."""
    m = _NUMBERS_ROW.match(text)
    pos = 0
    while True:
        if m is None:
            after = _NUMBERS_ROW_AFTER.search(text, pos)
            if after is None:
                return
            m = _NUMBERS_ROW.match(text, after.end())
        yield m
        pos = m.end()
        m = None


def _key_figure_rows(text: str) -> list[tuple[int, int, list[tuple[int, str, str]]]]:
    """(start, end, [(offset, number, label)]) of each row of key figures whose labels are as
    many as its numbers."""
    rows = []
    for m in _numbers_rows(text):
        line_end = text.index("\n", m.start())
        numbers = list(re.finditer(_ROW_NUMBER, text[m.start() : line_end]))
        # one number over one label: the label whole ("1,743" over "People in Evacuation Centers")
        labels = (
            _ROW_LABEL_START.split(m.group("labels").strip())
            if len(numbers) > 1
            else [m.group("labels").strip()]
        )
        if len(numbers) == len(labels):
            pairs = [
                (m.start() + n.start(), n.group(0), label)
                for n, label in zip(numbers, labels, strict=True)
            ]
            rows.append((m.start(), line_end, pairs))
    return rows


_DASH_DATELINE = re.compile(r"[A-Z][\w’'.,]*(?:\s[A-Z][\w’'.,]*){0,3}\s[—–-]\s")
# The words no sentence ends with, after which a line break only wraps the line.
_WRAPPED_AFTER = re.compile(r"(?<![^\s])(?:in|of|at|to|from|the|and|by|for|with|into|near)[ \t]*$")


def _wrapped(text: str, start: int, at: int) -> bool:
    """Whether the line break at `at` only wraps a sentence's line: after "in", "of", "the" …
    ("transit centre in\nDirkou"), or in a long line that ends a word in lower case before one
    more ("… at the Ras\nAdjir border crossing"); not a title's first line, nor before a story's
    dateline ("Kigali — Heavy rain …")."""
    if _WRAPPED_AFTER.search(text, max(start, at - 6), at):
        return True
    if not (text[at - 1 : at].isalpha() and text[at - 1].islower()):
        return False
    line = text.rfind("\n", 0, at)
    return (
        line >= 0
        and at - max(start, line + 1) >= 50
        and text[at + 1 : at + 2].isalpha()
        and not _DASH_DATELINE.match(text, at + 1)
    )


def _sentences(text: str):
    """(start, end) of each sentence; a full stop after an abbreviation or before a digit or a
    lower-case word does not end one."""
    start = 0
    for m in _SENTENCE_END.finditer(text):
        end = m.end()
        mark = m.group(0)
        if mark[0] in ".!?":
            following = text[end : end + 1]
            if (
                following
                and (
                    following.islower()
                    or (following.isdigit() and not _COUNT_OPENS.match(text, end, end + 12))
                )
                # (a paragraph's end ends it: "… have been affected.\n\n4 choses to retain")
                and "\n\n" not in mark
            ):
                continue
            back = m.start() - 12  # (the bound without max(), a call of the builtin)
            word = _LAST_WORD.search(text, back if back > start else start, end)
            if word and (
                word.group(1).lower().rstrip(".") in _ABBREVIATIONS
                # "Commissioner P.K. Mohapatra said" (initials hold a full stop; most words none)
                or ("." in word.group(1) and _INITIALS.fullmatch(word.group(1)))
                # "as of 9 a.m. Wednesday, according to …": a time of day before its day
                or (
                    word.group(1).lower() in ("a.m.", "p.m.", "a.m", "p.m")
                    and _DAY_NAME_NEXT.match(text, end)
                )
            ):
                continue
        elif mark == "\n" and _wrapped(text, start, m.start()):
            continue
        yield start, m.end()
        start = m.end()
    if start < len(text):
        yield start, len(text)


# --- Dates ----------------------------------------------------------------------------------------


# Compiled once: periods are resolved for most figures.
_DAY_WORD = re.compile(r"\b([0-3]?\d)(?:st|nd|rd|th)?\b")
_MONTH_WORD = re.compile(_MONTH)
_YEAR_WORD = re.compile(rf"\b{_YEAR}\b")


def _month_number(word: str) -> int:
    return MONTHS[word.lower().rstrip(".")]


def _with_year(month: int, day: int, year: str | None, ref: date | None) -> date | None:
    """A date; without a year, the latest one not after the reference date."""
    if year:
        return date(int(year), month, day)
    if ref is None:
        return None
    found = date(ref.year, month, day)
    return found if found <= ref else date(ref.year - 1, month, day)


# (a document dates many figures with the same few days: "as of 14 March", "since 1 March")
@functools.lru_cache(maxsize=4096)
def _parse_day(text: str, ref: date | None) -> date | None:
    """ "14 March", "March 14, 2019", "the 1 December" → a date."""
    day = _DAY_WORD.search(text)
    month = _MONTH_WORD.search(text)
    year = _YEAR_WORD.search(text)
    if not (day and month):
        return None
    return _with_year(
        _month_number(month.group(0)), int(day.group(1)), year.group(0) if year else None, ref
    )


@functools.lru_cache(maxsize=4096)
def _month_span(month_word: str, year: str | None, ref: date | None) -> tuple[date, date] | None:
    first = _with_year(_month_number(month_word), 1, year, ref)
    if first is None:
        return None
    last = calendar.monthrange(first.year, first.month)[1]
    return first, first.replace(day=last)


@functools.lru_cache(maxsize=4096)
def _parse_point(text: str, ref: date | None, end_of_month: bool) -> date | None:
    """A day, or a month (its first or last day)."""
    if _DAY_WORD.search(_YEAR_WORD.sub("", text)):
        return _parse_day(text, ref)
    month = _MONTH_WORD.search(text)
    year = _YEAR_WORD.search(text)
    if not month:
        return None
    span = _month_span(month.group(0), year.group(0) if year else None, ref)
    return None if span is None else span[1 if end_of_month else 0]


def _days_of_month(
    first: str, last: str, month_word: str, year: str | None, ref: date | None
) -> tuple[date | None, date | None]:
    """ "1–7 March", "between 1 and 7 March": the two days share the month and its year."""
    end = _with_year(_month_number(month_word), int(re.sub(r"\D", "", last)), year, ref)
    return (None if end is None else end.replace(day=int(re.sub(r"\D", "", first)))), end


def _weekday_on_or_before(name: str, ref: date) -> date:
    return ref - timedelta(days=(ref.weekday() - WEEKDAYS[name.lower()]) % 7)


def _resolve_period(m: re.Match, ref: date | None) -> tuple[date | None, date | None, bool]:
    """(start, end, is_a_day_or_as_of) for a PERIOD match, against the reference date."""
    kind = m.lastgroup or ""
    g = m.group
    try:
        if kind == "p_as_of":
            return None, _parse_point(g("as_of"), ref, end_of_month=True), True
        if kind == "p_end_of":
            return None, _parse_point(g("end_of"), ref, end_of_month=True), True
        if kind == "p_this_year":
            return (date(ref.year, 1, 1), ref, False) if ref is not None else (None, None, False)
        if kind == "p_as_of_day":
            back = 1 if g("as_of_day").lower() == "yesterday" else 0
            return None, (ref - timedelta(days=back) if ref else None), True
        if kind == "p_as_of_weekday":
            return None, (_weekday_on_or_before(g("as_of_wd"), ref) if ref else None), True
        if kind == "p_between_dates":
            end = _parse_point(g("d2"), ref, end_of_month=True)
            # The first end takes its year from the second: "December–January 2019".
            start = _parse_point(g("d1"), end or ref, end_of_month=False)
            return start, end, False
        if kind == "p_between_days":
            return (*_days_of_month(g("b1"), g("b2"), g("bm"), g("by"), ref), False)
        if kind == "p_weekend":
            if ref is None:
                return None, None, False
            sunday = _weekday_on_or_before("sunday", ref)
            return sunday - timedelta(days=1), sunday, False
        if kind == "p_since_year":
            if ref is None and not g("since_year"):
                return None, None, False
            year = int(g("since_year")) if g("since_year") else ref.year
            return date(year, 1, 1), ref, False
        if kind == "p_day_range":
            return (*_days_of_month(g("r1"), g("r2"), g("rm"), g("ry"), ref), False)
        if kind == "p_month_range":
            last = _month_span(g("m2"), g("y2"), ref)
            first = _month_span(g("m1"), g("y1") or (str(last[0].year) if last else None), ref)
            if first and last and first[0] > last[0] and not g("y1"):
                first = _month_span(g("m1"), str(last[0].year - 1), ref)
            return (first[0] if first else None), (last[1] if last else None), False
        if kind == "p_since_date":
            return _parse_day(g("since"), ref), ref, False
        if kind == "p_since_month":
            span = _month_span(g("since_m"), g("since_y"), ref)
            return (span[0] if span else None), ref, False
        if kind == "p_since_weekday":
            return (_weekday_on_or_before(g("since_wd"), ref) if ref else None), ref, False
        if kind == "p_since_event_date":
            return _parse_day(g("since_ev"), ref), ref, False
        if kind == "p_since_other":
            return None, ref, False
        if kind == "p_on_date":
            day = _parse_day(g("on"), ref)
            return day, day, True
        if kind == "p_on_weekday":
            if ref is None:
                return None, None, True
            # "On Friday and Saturday": the last day on or before the reference, the first before.
            end = _weekday_on_or_before(g("on_wd2") or g("on_wd"), ref)
            return _weekday_on_or_before(g("on_wd"), end), end, True
        if kind == "p_last_unit":
            if ref is None:
                return None, None, False
            if g("last_unit").lower() == "year":
                return date(ref.year - 1, 1, 1), date(ref.year - 1, 12, 31), False
            last = ref.replace(day=1) - timedelta(days=1)
            return last.replace(day=1), last, False
        if kind == "p_past_units":
            if ref is None:
                return None, None, False
            word = (g("n") or "one").strip()
            count = int(word) if word.isdigit() else words_value(word)
            if count is None:  # "the past few days": the length is not known
                return None, ref, False
            count = int(count)
            unit = g("unit").lower().rstrip("s")
            if unit == "hour":
                # Hours reach back to the calendar day they start on (72 hours → 3 days back).
                return ref - timedelta(days=-(-count // 24)), ref, False
            return ref - timedelta(days=count * UNIT_DAYS[unit] - 1), ref, False
        if kind == "p_in_month":
            span = _month_span(g("in_m"), g("in_y"), ref)
            return (span[0], span[1], False) if span else (None, None, False)
        if kind == "p_in_year":
            year = int(g("in_year"))
            return date(year, 1, 1), date(year, 12, 31), False
        if kind == "p_relative_day" and ref is not None:
            back_start, back_end = RELATIVE_DAYS[" ".join(g("rel").lower().split())]
            return ref - timedelta(days=back_start), ref - timedelta(days=back_end), True
    except (ValueError, OverflowError, KeyError):
        pass
    return None, None, False


# Periods given by month or year words are that exact; every other resolved period is in days.
PERIOD_PRECISION: dict[str, str] = {
    "p_last_unit": "month",
    "p_in_month": "month",
    "p_month_range": "month",
    "p_in_year": "year",
}


def resolve_period(
    words: str, published_on: date | None
) -> tuple[date | None, date | None, str | None]:
    """(start, end, date_precision) for period words ("in the past week"), against published_on.

    The form and extraction read period words by the same table. Never raises.
    """
    match = PERIOD.search(words or "")
    if match is None:
        return None, None, None
    start, end, _ = _resolve_period(match, published_on)
    if start is None and end is None:
        return None, None, None
    return start, end, _precision(match)


# --- One sentence ---------------------------------------------------------------------------------


@dataclass
class _Found:
    match: re.Match
    start: int
    end: int
    estimate: Estimate
    nested: bool
    population: str | None = None
    population_end: int = 0
    unit: str = "people"
    then: bool = False  # the later count of a change ("from 44 to 50"): the earlier's term


# A place's population, told of the place: "The impacted village is about 4,000 people".
# (?i:village|town|city), its first letters read as one class (no other letter reads as v, t or
# c when the case is ignored): the engine skips to them at once (twice as fast).
_PLACE_HAD_WORD = re.compile(
    r"[vVtTcC](?:(?<=[vV])(?i:illage)|(?<=[tT])(?i:own)|(?<=[cC])(?i:ity))"
)
_PLACE_HAD = re.compile(
    r"\b(?i:village|town|city)(?:\s+of\s+[A-Z][\w’'-]*(?:[\s-][A-Z][\w’'-]*){0,3})?"
    r"\s+(?:is|was|has|had)\s+(?:a\s+population\s+of\s+)?$"
)


def _place_had_last(text: str) -> bool:
    """False where _PLACE_HAD cannot end the text: its last word, after a space, is none of those
    the pattern ends with (most numbers follow another)."""
    words = text.rsplit(None, 1)
    return len(words) == 2 and words[1] in ("is", "was", "has", "had", "of")


_REACHED = re.compile(r"\b(?:reached|reaching|reaches|helped|helping)\s*$", re.IGNORECASE)
_MONEY_LAST = ("grant of ", "budget of ", "sum of ", "funding of ", "loan of ")
_MONEY_OF_BEFORE = re.compile(
    r"\b(?:disbursement|allocation|donation|grant|budget|sum|funding|payment|compensation|loan)\s+"
    r"of\s+$",
    re.IGNORECASE,
)
_REACHING_OUT_TO = re.compile(r"\breach(?:ing|ed|es)?\s+out\s+to\s+$", re.IGNORECASE)
_AID_REACHED_BEFORE = re.compile(
    r"\b(?:relief|aid|assistance|food|materials|supplies|items|kits)\s+(?:\w+\s+){0,2}?"
    r"(?:has|have|had)\s+(?:now\s+|already\s+)?reached\s*$",
    re.IGNORECASE,
)
_WITH_AID = re.compile(
    r"[^.;:]{0,60}?\bwith\s+(?:[\w-]+\s+){0,3}(?:aid|food|assistance|supplies|support|services|"
    r"cash|relief|water|kits|items|rations|vouchers|help)\b",
    re.IGNORECASE,
)


# "in affected villages": "affected" as the places' adjective.
_AFFECTED_PLACES = re.compile(
    r"affected\s+(?:villages|areas|districts|communities|regions|provinces|zones|municipalities|"
    r"counties|parts|localities|towns|neighbou?rhoods)\b"
)
# A participle of figures right after the counted people, and a "has" before them.
_PARTICIPLE_AFTER = re.compile(
    r"\s+(affected|displaced|killed|dead|injured|wounded|evacuated|homeless|without\s+shelter"
    # ("Teresopolis has more than 3,000 people who were made homeless by the slides")
    r"|(?:who|that)\s+(?:were|have\s+been|had\s+been)\s+(?:made\s+homeless|displaced|evacuated|"
    r"affected|injured|killed))\b"
)
_HAS_BEFORE = re.compile(r"\b(?:has|have|had)\s+(?:[\w-]+\s+){0,2}$")


_AN_ATTEMPT_TO = re.compile(
    r"(?:.*\s)?(?:struggl\w*|tr(?:y|ies|ied|ying)|attempt\w*|rac(?:e|es|ed|ing)|rush\w*|work\w*|"
    r"sought|seek\w*|scrambl\w*)(?:\s+\w+)?\s+to\s+\S+",
    re.IGNORECASE,
)


@functools.lru_cache(maxsize=8192)
def _object_verb(words: str) -> tuple[str, str] | None:
    """(term, measure) of a verb whose object is the figure, when the words before the figure
    end with one (and fillers: "have evacuated a further"); None otherwise."""
    tail = words.split()
    while tail:
        for n in (5, 4, 3, 2, 1):
            if len(tail) >= n:
                m = _OBJECT_VERB.fullmatch(" ".join(tail[-n:]))
                if m:
                    if _AN_ATTEMPT_TO.fullmatch(" ".join(tail[-n - 3 :])):
                        # "struggled overnight to save at least 35 people stranded by the high
                        # waters": what was tried, not done (but "managed to save 14 people")
                        return None
                    return _OBJECT_VERB_VALUES[int(m.lastgroup[1:])]
        if tail[-1].lower() not in _OBJECT_FILLERS:
            return None
        tail.pop()
    return None


# The last words of every context before a number that says it is no figure (NOT_A_FIGURE_CONTEXT):
# where the word before a number is none of them, the patterns need not be tried.
_BEFORE_LAST_WORDS = frozenset(
    """damaged: destroyed: aged age ages of no nos number nr resolution page p pp para
    paragraph section article art chapter annex table figure fig phase route highway road version
    vol volume issue level grade category item step stage round tier block sector zone flight
    room code id ref call dial phone text ring in per assisted served supported vaccinated treated fed screened benefiting
    assisting assist euro euros rmb us assisted: reached: supported:
    benefitting benefited benefitted interview population:
    interviews interviewed surveyed survey surveys sample polled with her his my our target
    goal covering as comprising host hold accommodate house shelter take reached totaled totalled
    totals totalling totaling numbered treat feed constitutes comprises sheltering housing hosting
    accommodating""".split()
) | {code.lower() for code in CURRENCY_CODES}


# The characters other than a space or a letter that a context pattern ends with ("$5", "No.5",
# "#5", "7:30", "3-4"): a number glued to another ("(5", "“5") is not tried.
_BEFORE_LAST_MARKS = frozenset("$€£¥¢₵₦₹₱#.:-‐")
# The marks a pattern ends with that may stand a space before the number.
_BEFORE_LAST_SIGNS = frozenset("$€£¥¢₵₦₹₱#.")
# Two last words a pattern ends with only after certain words: "one in 5", "2 in 3" (the ratio);
# "interviews with 30" (the sample). Where the word before is none of them, it is not tried.
_BEFORE_ONLY_AFTER = {
    "in": ("one",),  # or digits, checked apart
    "with": ("interview", "interviews", "interviewed", "surveyed", "survey", "surveys", "sample",
             "polled"),
    # "power is out for tens of thousands", "provide support for 700 families"
    "for": ("out", "enough", "sufficient", "interventions", "support", "assistance"),
    "and": ("wife", "husband", "spouse"),  # "His wife and three children were rescued"
    "as": ("heavy", "high", "many", "much"),  # "the toll might be as heavy as 1,000"
    "by": ("inhabited",),  # "These areas are inhabited by approximately 100,814,666 people"
}  # fmt: skip


_QUALIFIER_STARTS = ("at least ", "more than ", "over ", "about ", "some ", "nearly ", "almost ",
                     "around ", "approximately ", "up to ", "an estimated ")  # fmt: skip


def _before_may_say_not(sentence: str, reach: int, start: int) -> bool:
    """False where no context pattern can end at `start`: the number follows a space and the word
    before it is not one a pattern ends with, or a character no pattern ends with. True means:
    try the patterns."""
    if start == 0 or not sentence[start - 1].isspace():
        # glued to a letter or a mark a pattern ends with: let the patterns say
        return start > 0 and (
            sentence[start - 1].isalpha() or sentence[start - 1] in _BEFORE_LAST_MARKS
        )
    tail = sentence[reach:start].rstrip()
    if not tail:
        return False
    # "(CHF 55 million)", "(US$ 808,000/euro 640,000)"
    last = tail.rsplit(None, 1)[-1].rpartition("/")[2].lstrip('([“"')
    if not last:
        return False
    if last[-1] in _BEFORE_LAST_SIGNS or last[-1].isdigit() or last[0] == "$":
        return True  # "$ 5,000", "₦ 5,000": a sign a space apart ("$US 5.3 million")
    last = last.lower()
    if last in _BEFORE_ONLY_AFTER:
        words = tail.rsplit(None, 2)
        return len(words) > 1 and (
            words[-2].lower().endswith(_BEFORE_ONLY_AFTER[last]) or words[-2][-1].isdigit()
        )
    return last in _BEFORE_LAST_WORDS


# A name's word right before a number of one or two digits: "Humanity 1", "Line 5".
_NAME_BEFORE_NUMBER = re.compile(r"(?<![\w’'-])([A-Z][a-z]+) $")


def _named_number(sentence: str, start: int) -> bool:
    """Whether the digits at `start` are part of a name: after a capitalised word (not a
    month's) that itself follows a word in lower case or a comma ("the rescue ship Humanity 1",
    "On May 27, Humanity 1 rescued"; not a title's "Floods Kill 12"), and before no people."""
    if not sentence[start : start + 2].rstrip(" ").isdigit():
        return False
    name = _NAME_BEFORE_NUMBER.search(sentence, max(0, start - 20), start)
    if name is None or name.group(1).lower() in MONTHS:
        return False
    before = sentence[max(0, name.start() - 30) : name.start()].rstrip()
    if not before or not (before[-1] in ",;(" or before.rsplit(None, 1)[-1].islower()):
        return False
    after = sentence[start : start + 40].split()
    return len(after) < 2 or after[1].lower().strip(",.;:") not in _PEOPLE_WORDS


_PEOPLE_WORDS = frozenset(n.lower() for n in (*PEOPLE_NOUNS, *HOUSEHOLD_NOUNS))


# A count of things before "(and) another" or "a further" with no noun of its own: the same
# things, where what happened to them is what happens to things.
_ANOTHER_OF_THINGS = re.compile(
    r"\d[\d,]*\s+(?:[a-z]+\s+)?(?:houses|homes|buildings|structures|dwellings|shelters|schools|"
    r"roads|bridges)\b[^.;()\d]{0,60}\b(?:and|another|a\s+further)\s+$"
)
# ("and another 180 affected", "and 27,920 that were left inhabitable", "another dozen were only
# partially open")
_THINGS_VERB_AFTER = re.compile(
    r"\s+(?:that\s+)?(?:(?:are|were|was|is|have\s+been|has\s+been|had\s+been)\s+)?"
    r"(?:[a-z]+\s+){0,2}?(?:damaged|destroyed|swept\s+away|washed\s+away|flooded|collapsed|razed|"
    r"submerged|inundated|affected|(?:un)?inhabitable|closed|open)\b"
)


# What a place could hold, not who is there: "the capacity to house an additional 1,885 people".
_CAPACITY_BEFORE = re.compile(
    # ("Its initial capacity is 7,200 but the center currently hosts 16,697")
    r"\bcapacity\s+(?:to\s+(?:house|accommodate|host|shelter|hold|take\s+in|receive)\s+|for\s+|"
    r"(?:is|was)\s+)"
    r"(?:up\s+to\s+|about\s+|around\s+)?(?:an?\s+(?:additional|further|extra)\s+|another\s+)?$",
    re.IGNORECASE,
)


# Water that rose, or a depth, before a number glued to "m": "The water in my house rose to 3.5m".
_WATER_ROSE_BEFORE = re.compile(
    r"\b(?:water|waters|river|level|levels|flood|floods|depth|deep|high|height)\b[^.;:]{0,40}?"
    r"(?:rose|rising|risen|reached|reaching|of|to|at)\s+(?:about\s+|over\s+|nearly\s+)?$",
    re.IGNORECASE,
)
_PEOPLE_NEXT = re.compile(r"\s+(?:[\w-]+\s+){0,2}?(?:people|persons|residents|individuals)\b")


def _is_not_a_figure(
    sentence: str,
    lowered: str | None,
    m: re.Match,
    blocked: list[tuple[int, int]],
    text: str,
    offset: int,
    plain: bool = False,  # the sentence is _plain_ascii
) -> bool:
    start, end = m.span()
    # (a loop: any() would make and run a generator for every number)
    for b_start, b_end in blocked:
        if start < b_end and b_start < end:
            return True
    if end - start >= 7 and sentence[start] == "0" and sentence[start:end].isdigit():
        return True  # "contact a hotline number (0255101115)": a telephone's, no count
    if start > 1 and sentence[start - 1] in '="”' and "=" in sentence[start - 2 : start]:
        return True  # "[mappress mapid=”119″]": a web page's code, no count
    if (
        sentence[end - 1] == "m"
        and _WATER_ROSE_BEFORE.search(sentence, max(0, start - 50), start)
        and not _PEOPLE_NEXT.match(sentence, end)
    ):
        return True  # "The water in my house rose to 3.5m": metres, not millions
    if (
        sentence.endswith("from ", 0, start)
        and (end - start <= 2 or sentence[start].isalpha())  # (not "27,621 persons from 7,526
        # families": the same people, in households)
        and _FROM_FAMILIES_BEFORE.search(sentence, max(0, start - 30), start)
        and _HOUSEHOLD_AFTER.match(sentence, end)
    ):
        return True  # "with 17 from two families … confirmed drowned": the 17's families
    if (
        end - start <= 2
        and start > 2
        and sentence[start - 1] == " "
        and _named_number(sentence, start)
    ):
        return True  # "the rescue ship Humanity 1", "the subway tunnel of Line 5"
    after = sentence[end : end + 64]
    if (
        sentence.endswith(("another ", "further ", "and "), 0, start)
        and _THINGS_VERB_AFTER.match(after)  # (the shorter read first)
        and _ANOTHER_OF_THINGS.search(sentence, max(0, start - 90), start)
    ):
        # "205 buildings have collapsed and another 3,047 are damaged", "more than 100 houses
        # were seriously damaged and 42 were swept away": buildings
        return True
    # A digit right after the number is looked for first, as plain text: almost no number is
    # followed by one ("5,000 people fled"), and the match's groups are then not read for it.
    # (So are the words before a number that say it is none, "missing" and "population of", in the
    # whole sentence before its window: most sentences hold none. 1,351M → 1,337M instructions,
    # cg.sh.)
    if (
        after[:1].isdigit()
        and m.group("vague") is None
        and m.group("a2d") is not None
        and _FOOTNOTE.match(after)
    ):
        # "9,4541": a footnote marker glued to a grouped number; anything longer is not a number.
        if "," not in m.group("a2d") or not re.match(r"^\d(?:\W|$)", after):
            return True
        after = after[1:]
    # The context before is read in place: a word cut by a slice would start a word there.
    # (Here and below, where the last n characters before the number start is worked out
    # without max(0, start - n), a call of the builtin at every number for each window: the
    # windows that are read as text are cut from `head`, the sentence up to the number.)
    reach = start - BEFORE_REACH if start > BEFORE_REACH else 0
    head = sentence[:start]
    before = (
        # (not a dateline glued to the words of the count: "KUAKATA-At least 16 people died",
        # which are no code's "-19")
        not (sentence[start - 1 : start] in ("-", "‐") and sentence[start : start + 2].istitle())
        # (nor a year before a count's words: "In 2018 at least 14 people were killed", which are
        # no digits of one number spaced apart)
        and not (
            sentence[start - 2 : start - 1].isdigit()
            and sentence[start : start + 14].lower().startswith(_QUALIFIER_STARTS)
        )
        and _before_may_say_not(sentence, reach, start)
        and (
            (_BEFORE_LOWER_ASCII if plain else _BEFORE_LOWER).search(lowered, reach, start)
            if lowered is not None
            else _BEFORE.search(sentence, reach, start)
        )
    )
    if (
        before
        and _AIDED_WHO_ARE_DISPLACED.match(after)
        and _AIDED_LAST.search(sentence, reach, start)
    ):
        before = None  # "UNDP has supported almost 4000 people displaced by the eruption"
    if before or _after_is_not_a_figure(after):
        return True
    if "apacit" in head[-50:] and _CAPACITY_BEFORE.search(sentence, max(0, start - 50), start):
        return True  # "20 hotels … have the capacity to house an additional 1,885 people"
    if ("upee" in after or "ollar" in after or "eso" in after or "hilling" in after) and (
        _MONEY_OF_A_COUNTRY.match(after)
    ):
        return True  # "61 million Sri Lanka rupees", "5 billion Hong Kong dollars"
    if "fire" in after[:30] and _FIRES_AFTER.match(after):
        return True  # "by the 191 still active fires in Chile’s central-south region"
    if "institutions" in after and _INSTITUTIONS_AFTER.match(after):
        # "approximately 1,000 educational institutions" (looked for apart: a start "ins" in the
        # objects' quick check would let "inside" and "insurgents" through to the big pattern)
        return True
    if (
        "ssist" in after
        or "upport" in after
        or "egist" in after
        or "eached" in after
        or "enefit" in after
        or "rovided" in after
    ) and _AIDED_AFTER.match(sentence, end, end + 100):
        return True  # "20,800 people assisted with some form of humanitarian assistance"
    if (
        ("issing" in sentence or "ccounted" in sentence)  # (most sentences hold neither)
        and (
            sentence.find("issing", max(0, start - 110), start) >= 0
            or sentence.find("ccounted", max(0, start - 110), start) >= 0
        )
        and _MISSING_BEFORE.search(sentence, max(0, start - 110), start)
    ):
        return True  # "the number of people missing ranged from 231 to 1,700"
    if (
        _place_had_last(head[-60:])
        and _PLACE_HAD_WORD.search(sentence, max(0, start - 60), start)
        and _PLACE_HAD.search(sentence, max(0, start - 60), start)
    ):
        return True  # "The village of Sobanou-Dah had about 429 people before the attack"
    # The words are looked for first as plain text (no letter but their own reads as theirs when
    # the case is ignored): most numbers follow neither.
    just_before = head[-14:].lower()
    if (
        ("reach" in just_before or "help" in just_before)
        and _REACHED.search(sentence, max(0, start - 11), start)
        and (
            _WITH_AID.match(sentence, end, end + 100)
            or _AID_REACHED_BEFORE.search(sentence, max(0, start - 60), start)
        )
    ):
        # "WFP has reached more than 45,000 people in this area with food aid", "relief
        # materials had reached 315,000 of those displaced"
        return True
    if (
        just_before.endswith(" of ")
        and (
            "ment of" in just_before or "ion of" in just_before or just_before.endswith(_MONEY_LAST)
        )
    ) and _MONEY_OF_BEFORE.search(sentence, max(0, start - 40), start):
        # "the President of the Republic ordered the disbursement of 200 Million to help the
        # bereaved": money, its currency unsaid
        return True
    if "out to " in just_before and _REACHING_OUT_TO.search(sentence, max(0, start - 20), start):
        # "UNHCR … has started reaching out to tens of thousands of people who fled violence in
        # Dili": people an operation reaches
        return True
    if just_before.endswith(_GIVEN_TO_LAST) and (
        _GIVEN_TO_OR_FELT_BY_ASCII if plain else _GIVEN_TO_OR_FELT_BY
    ).search(sentence, max(0, start - 120), start):
        # "the distribution of plastic sheeting … to more than 10,000 refugees": people reached;
        # "The temblor was felt over 500 km away by at least 119 million people"; what a place
        # can hold, not who is there: "a new camp for 18,000 refugees".
        return True
    if (
        "home to" in just_before
        and _HOME_TO.match(sentence, max(0, start - 80), start)
        and _RESIDENTS_AFTER.match(after)
    ):
        return True  # "Acapulco, home to around 1 million people": a place's population
    if (
        just_before.endswith("with ")
        and _RESIDENTS_AFTER.match(after)
        and _PLACE_WITH.search(sentence, max(0, start - 70), start)
    ):
        return (
            True  # "Concepcion, the largest city near the epicenter with more than 200,000 people"
        )
    if (
        " of " in just_before
        and _RESIDENTS_AFTER.match(after)
        and _PLACE_OF_PEOPLE.search(sentence, max(0, start - 40), start)
    ):
        # "this poor Caribbean country of more than 11 million inhabitants", "the community of
        # some 2,500 people ever existed"
        return True
    if just_before.endswith((" nation of ", " country of ")):
        return True  # "the oil- and gas-rich nation of 19 million": its population
    if just_before.endswith(
        ("creased to ", "raised to ", "reduced to ")
    ) and _THINGS_CHANGED_TO.search(sentence, max(0, start - 80), start):
        return True  # "the shelter centres have been increased to 14,636"
    if sentence[end - 1 : end] == "m" and (
        after[:1] in ").;"
        or _METRES_AFTER.match(after)
        # ("swept more than 700m by floodwaters", "moved up to 300m, the controller said": a
        # hundred metres or more; not "2m, officials said", two million)
        or (_HUNDREDS_GLUED_M.search(sentence, start, end) and _BY_OR_PAUSE.match(after))
    ):
        # "The dam is about 50m from the dam that burst", "above flood stage (2.40m)", "buried
        # by mud as high as 1 to 4 m."
        return True
    if sentence[end - 1 : end] == "M" and (
        _QUAKE_AFTER.match(after) or _QUAKES_OF_BEFORE.search(sentence, max(0, start - 50), start)
    ):
        # "A 6.5 M Earthquake shook Sigli City", "21 aftershocks of more than 4 M": a magnitude,
        # not 6.5 million
        return True
    if after.startswith((" of it ", " of it,")):
        return True  # "19,130 houses were reportedly damaged where 17,673 of it are in Pidie Jaya"
    if ("kidnapped" in after or "abducted" in after or "taken by" in after) and _TAKEN_AFTER.match(
        sentence, end
    ):
        # "several dozen are reported kidnapped", "eight members of the indigenous community have
        # been taken by the rebels": people taken, whom no term counts
        return True
    if "identified" in after and _IDENTIFIED_AFTER.match(after):
        return True  # "the death toll is 103 people where 100 people have been identified"
    if (
        "population of" in sentence  # (most sentences name none)
        and sentence.find("population of", max(0, start - 40), start) >= 0
    ) and (
        (_OUT_OF_POPULATION_ASCII if plain else _OUT_OF_POPULATION).search(
            sentence, max(0, start - 50), start
        )
        or _PLACE_WITH_POPULATION.search(sentence, max(0, start - 110), start)
        or _OWN_POPULATION.search(sentence, max(0, start - 60), start)
    ):
        # "About 15,000 people have been affected, out of a total population of 179,000";
        # "Tacloban, the provincial capital of Leyte with a population of approximately 220,000"
        return True
    if (
        head[-16:].rstrip().lower().endswith(_LABEL_LAST)
        and _LABEL_OF_THINGS.search(sentence, max(0, start - 50), start)
        # (not a verb's people: "The camp shelters 12,000 displaced people")
        and not _PEOPLE_RIGHT_AFTER.match(after)
    ):
        return True  # a key figure's label: "Evacuation shelters 623", "Total damaged 8,600"
    if after.startswith(" of ") and sentence[start:end].lower() == "one":
        # "one of many locations where …", "one of the new arrivals, Leonard, 32, said": one
        # picked out of many, not a count
        return True
    if m.group("vague") is not None:
        # "thousands of dollars", "hundreds of years": look past the "of".
        of = _AFTER_VAGUE_OF.match(after)
        return bool(of) and _after_is_not_a_figure(
            after[of.end() :], _AFTER_OF_REST, _AFTER_OF_REST_LOWER
        )
    # List numbering: "1. Introduction", "2) Camps" at the start of a line (the mark after the
    # number is looked at first: most numbers have none, and the line need not be cut).
    if after[:1] not in ".)]" or _LIST_MARK.match(after) is None:
        return False
    line_start = text.rfind("\n", 0, offset + start) + 1
    if _LIST_START.match(text[line_start : offset + start]) is not None:
        return True
    # (or in a line's run of items: "1)2 Old Sites …, 2) 2 new sites …, 3) Communities hosting")
    return (
        after[:1] == ")" and _LIST_MARK_BEFORE.search(text, line_start, offset + start) is not None
    )


# People given aid who are said to be displaced: the displaced are counted.
_AIDED_WHO_ARE_DISPLACED = re.compile(
    r"\s+(?:people|persons|individuals|families|households)\s+(?:who\s+(?:were|have\s+been)\s+)?"
    r"(?:displaced|evacuated|uprooted)\b"
)
_AIDED_LAST = re.compile(r"\b(?:assisted|supported|served)\s*$")
_INSTITUTIONS_AFTER = re.compile(r"\s+(?:[a-z-]+\s+)?institutions\b")
_MONEY_OF_A_COUNTRY = re.compile(
    r"\s+(?:[A-Z][\w’'-]*\s+){1,2}(?:rupees|dollars|pesos|shillings)\b"
)
_TAKEN_AFTER = re.compile(
    r"\s+(?:[\w-]+\s+){0,6}?(?:(?:have|has|had)\s+been|were|was|are|is)\s+"
    r"(?:reported(?:ly)?\s+|also\s+)?"
    r"(?:kidnapped|abducted|taken\s+by\s+(?:the\s+)?(?:rebels|gunmen|militants|attackers|"
    r"armed\s+(?:men|groups?)))\b"
)
# The dead whose names are known, a part of a toll no term counts.
_IDENTIFIED_AFTER = re.compile(
    r"\s+(?:(?:people|persons|victims|bodies|of\s+them|of\s+the\s+(?:dead|victims|bodies))\s+)?"
    r"(?:(?:have|had)\s+been|were|was|are)\s+(?:already\s+|so\s+far\s+)?identified\b",
    re.IGNORECASE,
)
_QUAKES_OF_BEFORE = re.compile(
    r"\b(?:earthquakes?|quakes?|tremors?|aftershocks?|magnitude)\s+(?:of\s+)?"
    r"(?:(?:more\s+than|over|above|up\s+to|at\s+least|about|around)\s+)?$",
    re.IGNORECASE,
)
_QUAKE_AFTER = re.compile(
    r"\s*[-‐]?\s*(?:earthquakes?|quakes?|tremors?|aftershocks?)\b", re.IGNORECASE
)
# A whole number of a hundred or more glued to "m", and what may follow a length.
_HUNDREDS_GLUED_M = re.compile(r"(?<![\d.,])[1-9]\d{2,}m$")
_BY_OR_PAUSE = re.compile(r"\s*(?:,|by\b)")
_METRES_AFTER = re.compile(
    r"\s+(?:from|away|high|long|deep|wide|tall|above|below|of\s+water)\b", re.IGNORECASE
)
_OUT_OF_POPULATION = re.compile(
    r"(?:\bout\s+of\s+(?:a|the)\s+|\(\s*)(?:total\s+)?population\s+of\s+(?:about\s+|around\s+|"
    # ("the town of Titao (population of 155,000)")
    r"some\s+|roughly\s+|nearly\s+|almost\s+|over\s+|more\s+than\s+)?$",
    re.IGNORECASE,
)
_OUT_OF_POPULATION_ASCII = _in_ascii(_OUT_OF_POPULATION)
# The words of quantity a place's population may be given with, right before its number.
# ("a population of just over 100,000")
_POPULATION_QUALIFIER = (
    r"(?:just\s+)?(?:about\s+|around\s+|some\s+|roughly\s+|nearly\s+|almost\s+|over\s+|"
    r"more\s+than\s+|approximately\s+|an\s+estimated\s+|under\s+|less\s+than\s+)?"
)


def _population_spans(sentence: str, plain: bool = False) -> list[tuple[int, int]]:
    """The numbers that give a district's or a town's population ("the total population in Pidie
    District is around 425,974 while in Pidie Jaya District, it is 151,472"): a place's people,
    not those a disaster struck. (Looked for once in a sentence that names a population, not at
    each number: the benchmark's camps give theirs often. `plain`: the sentence is _plain_ascii.)"""
    found = (_POPULATION_IS_ASCII if plain else _POPULATION_IS).finditer(sentence)
    return [m.span(g) for m in found for g in ("n1", "n2") if m.group(g)]


# A district's or a town's population (not a camp's, whose people are those it hosts: "the total
# population of Al-Hole camp is almost 47,000"), and the next place's after it.
_POPULATION_UNITS = ("district", "province", "region", "state", "county", "municipality", "city",
                     "town", "country", "governorate", "department", "regency", "area")  # fmt: skip
_POPULATION_IS = re.compile(
    r"population\s+(?:in|of)\s+(?:the\s+)?[^,;.:()]{0,50}?\b(?:" + "|".join(_POPULATION_UNITS) + ")"
    r"(?:,\s+it)?\s+(?:is|was|stands\s+at|stood\s+at|at)\s+"  # ("estimates the population … at")
    rf"{_POPULATION_QUALIFIER}(?P<n1>\d[\d,.]*\d|\d)(?:\s+(?:while|and|whereas)\s+in\s+"
    rf"[^,;.:()]{{1,50}},\s+it\s+is\s+{_POPULATION_QUALIFIER}(?P<n2>\d[\d,.]*\d|\d))?",
    re.IGNORECASE,
)
_POPULATION_IS_ASCII = _in_ascii(_POPULATION_IS)
# Fires counted, not people: "by the 191 still active fires in Chile’s central-south region".
_FIRES_AFTER = re.compile(
    r"\s+(?:(?:still|active|new|separate|major|large|forest|wild|bush|brush)\s+){0,3}"
    r"(?:fires|wildfires|blazes|fire\s+(?:outbreaks|fronts|hotspots))\b"
)
# "more than half of the village's population of some 200 people fled Beloti"
_OWN_POPULATION = re.compile(
    r"(?:[a-z]['’]s|\bits|\btheir)\s+(?:total\s+|entire\s+|whole\s+)?population\s+of\s+"
    rf"{_POPULATION_QUALIFIER}$",
    re.IGNORECASE,
)
_PLACE_WITH = re.compile(
    # ("Danang, Vietnam’s fourth largest with about one million people")
    r"\b(?:(?:city|town|village|capital|island|municipality|largest|biggest)\b[^,;.()]{0,50}|"
    # ("Santa Fe province -- Argentina's third-largest, with some 2.9 million residents")
    r"(?:largest|biggest|populous),\s+)\bwith\s+$",
    re.IGNORECASE,
)
_PLACE_OF_PEOPLE = re.compile(
    r"\b(?:country|nation|city|town|village|island|capital|community)\s+of\s+"
    rf"{_POPULATION_QUALIFIER}$",
    re.IGNORECASE,
)
_PLACE_WITH_POPULATION = re.compile(
    # ("parts of the town Dorohoi (with a population of about 30,000 inhabitants)")
    r"(?:\b(?:city|town|capital|village|island|municipality|country)\b[^,;.()]{0,40}(?:\(\s*)?\bwith|"
    # "St. Vincent and the Grenadines, which has a population of …", "Vovchansk, which had a
    # population of almost 17,000 before the full-scale invasion"
    r",\s+(?:which\s+)?(?:has|had)|"  # ("Ning'er County, covering 3,670 square km, has a …")
    # "Fiji has a population of about 930,000", "it has a population of approximately 100,000",
    # "New Caledonia with a population of less than 300,000"
    r"\b(?:it\s+has|(?-i:[A-Z])[\w’'-]+\s+(?:has|with)))\s+a\s+"
    rf"(?:total\s+)?population\s+of\s+{_POPULATION_QUALIFIER}$",
    re.IGNORECASE,
)
# The last words of those labels, looked for as plain text first (few numbers follow one).
_LABEL_LAST = (
    "shelters", "centres", "centers", "homes", "houses", "buildings", "destroyed", "damaged",
    "water", "power", "electricity", "schools", "roads", "bridges", ")",
)  # fmt: skip
# A label of things on its own line, right before its number: "Evacuation shelters 623",
# "Homes Destroyed 1,484", "Households without tap water 98,400".
_LABEL_OF_THINGS = re.compile(
    r"(?:^|\n)[ \t•*-]*[A-Z][\w ]{0,40}?\b(?:[Ss]helters|[Cc]ent(?:re|er)s|[Hh]omes|[Hh]ouses|"
    r"[Bb]uildings|[Dd]estroyed|[Dd]amaged|[Ww]ater|[Pp]ower|[Ee]lectricity|[Ss]chools|[Rr]oads|"
    r"[Bb]ridges)\s*(?:\([\w ]+\))?[ \t]*$"
)
_PEOPLE_RIGHT_AFTER = re.compile(
    r"\s+(?:[a-z-]+\s+){0,2}(?:people|persons|individuals|families|households|residents|refugees|"
    r"IDPs|evacuees|displaced)\b"
)
_THINGS_CHANGED_TO = re.compile(
    r"\b(?:cent(?:re|er)s|shelters|camps|sites|houses|homes|schools|beds|tents)\s+(?:have|has|had)\s+"
    r"been\s+(?:increased|raised|reduced)\s+to\s+$",
    re.IGNORECASE,
)
# A place's population, not the people a camp hosts ("a camp home to 70,000 people" is hosted):
# "an enclave that is home to 2 million people", "The megapolis is home to 20 million people".
_HOME_TO = re.compile(
    r"(?:(?!\b(?:camps?|sites?|settlements?|shelters?|cent(?:re|er)s?|facilit(?:y|ies)|"
    r"schools?)\b)[^.;])*\bhome\s+to\s+$",
    re.IGNORECASE,
)
_RESIDENTS_AFTER = re.compile(r"\s+(?:people|residents|inhabitants|persons)\b", re.IGNORECASE)
_GIVEN_TO_LAST = (
    " to ", " by ", " for ", " host ", " house ", " accommodate ", " shelter ", " total of ",
)  # fmt: skip
# (its words read by the class of their first letter's cases, then the words that start with it:
# _any_case_by_first_letter, where each case-insensitive alternative was entered at every
# character of the 120 before the number: 1,384M → 1,381M instructions, cg.sh)
_GIVEN_TO_OR_FELT_BY = re.compile(
    r"\b"
    + _any_case_by_first_letter(
        r"distribut(?:ed|ing|ion|es?)\b[^.;:]{0,100}\bto|(?:assistance|relief|aid)\s+to|"
        # "has delivered food and hygiene kits to scores of displaced Palestinian families"
        r"deliver(?:ed|ing|ies|y|s)?\s+(?:[\w-]+\s+){0,6}?(?:items|food|assistance|aid|relief|"
        r"supplies|kits|cash|water)\s+to|"
        # ("UNHCR is ready to provide relief for 2,000 displaced persons in Gao")
        r"provid(?:ed|ing|es?)\s+(?:[\w-]+\s+){0,6}?(?:items|food|assistance|aid|relief|supplies|"
        r"kits|cash|water|rations)\s+(?:to|for)|"
        r"felt\b[^.;:]{0,60}\bby|"
        r"(?:camp|site|shelter|settlement|cent(?:re|er)|facility)s?\s+"
        r"(?:for|to\s+(?:host|house|accommodate|shelter))|"
        # shelter planned: "made plans to house a total of some 30,000 evacuees", "was being
        # prepared to accommodate 11,000 more", "will provide shelter for 20,000 evacuees"
        # ("100 UNHCR tents, each of which are designed to house at least five people")
        r"(?:plans?|prepared|preparing|ready|designed|built|able)\s+to\s+(?:host|house|accommodate|shelter)"
        r"(?:\s+a\s+total\s+of)?|provide\s+shelter\s+for"
    )
    + r"\s+$"
)
_GIVEN_TO_OR_FELT_BY_ASCII = _in_ascii(_GIVEN_TO_OR_FELT_BY)
# Words before a small number that make it a count of people: a toll ("death toll rises to
# 24"), or the parts of a count ("At least 9 fatalities …, including 3 in Narok, 2 in Siaya").
_TOLL_BEFORE = re.compile(rf"\b(?:{TOLL}|toll)\s*$", re.IGNORECASE)  # "Quake toll 300"
_KILLED_BEFORE = re.compile(r"\b(?:kills|kill|killed|killing)\s+$", re.IGNORECASE)
# ("the tremors killed three children and seriously injured 19")
_HURT_RIGHT_BEFORE = re.compile(
    r"\b(?:injur(?:ed|ing)|wound(?:ed|ing))\s+(?:at\s+least\s+|about\s+|some\s+|another\s+|"
    r"around\s+|nearly\s+)?$"
)
_KILLED_THEN = re.compile(
    r"\bkill(?:ed|ing|s)?\s+(?:[\d,]+|[a-z]+)(?:\s+[a-z]+){0,2}?,?\s+(?:and\s+)?"
    r"(?:(?:seriously|critically|severely|gravely)\s+)?(?:injured|wounded)\s+$"
)
_PARTS_OF = re.compile(
    r"\s*of\s+(?:those|the\s+(?:dead|victims|deaths|injured))\s+(?:who\s+)?[\w\s]{0,20},\s*$",
    re.IGNORECASE,
)
_CHANGED_UP = re.compile(
    r"\b(?:revised|raised|rose|risen|rises|climbed|jumped|went|gone|pushed|brought)\s+"
    r"(?:(?:the|its|their)\s+(?:death\s+)?(?:toll|figure|number|count)\s+|it\s+)?$",
    re.IGNORECASE,
)
_PASSED = re.compile(
    r"\b(?:pass(?:es|ed)?|surpass(?:es|ed)?|exceed(?:s|ed)?|top(?:s|ped)|"
    r"(?:jumped|rose|risen|climbed|gone|went)\s+past)\s+"  # "fatalities have jumped past 300"
    r"(?:the\s+)?$",  # ("will Tuesday pass the 50,000 mark")
    re.IGNORECASE,
)
_PASSED_ASCII = _in_ascii(_PASSED)
_WITH_BEFORE = re.compile(r"\bwith\s+(?:her|his|their|my|our)?\s*$", re.IGNORECASE)
_INCLUDING_BEFORE = re.compile(r"(?:,\s*|\s+[a-z]+\s+)including\s+$")
# "21 people were confirmed dead - at least 10 of whom were killed": a part of the count before.
_OF_WHOM_AFTER = re.compile(
    r"\s+of\s+(?:whom|them|which)\s+(?:were|was|had|have|are|died|remain|remained|remains|"
    # "Thirty people were hospitalized, three of them in serious condition"
    r"in\s+(?:a\s+)?(?:serious|critical|grave)\s+condition|seriously|critically|severely|badly)\b"
)
# People counted by the families they came from: "17 from two families" (the families no count).
_FROM_FAMILIES_AFTER = re.compile(r" from\s+(?:\w+\s+){1,2}famil(?:y|ies)\b")
_FROM_FAMILIES_BEFORE = re.compile(r"\b\d[\d,]*\s+(?:people\s+|persons\s+)?from\s+$")
_HOUSEHOLD_AFTER = re.compile(r"\s+famil(?:y|ies)\b")
# The words of a count's subject that say what happened to the people counted.
_HARMED = re.compile(r"\b(?:killed|dead|died|deaths|injured|wounded|victims)\b")
# "one died after a house collapsed": a small number whose verb of death (or of hurt: "one person
# was injured") follows at once.
_DIED_RIGHT_AFTER = re.compile(
    # also with its noun: "one patient died during the preparation for transport"
    # ("11 of them died as a result of the disaster", "six of his neighbours were killed")
    # ("one adult and two children were reportedly killed when their home collapsed")
    r"\s+(?:[a-z]+\s+(?:of\s+\d{1,3}\s+)?(?:and\s+[a-z]+\s+[a-z]+\s+)?|of\s+(?:them|whom|(?:his|her|their)\s+[a-z]+)\s+)?"
    # ("One man in Tajikistan died after jumping from his window")
    r"(?:in\s+[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)?\s+)?"
    # ("One person reportedly died in the flooding")
    r"(?:(?:has|have|had|reportedly|also)\s+)?(?:died|die|dying|perished|perishing|drowned|succumbed|"
    # ("one person was swept away by floods in Takilsa")
    # ("one person was injured and one person is still missing")
    r"(?:were|was)\s+(?:reportedly\s+|also\s+)?(?:killed|swept\s+away|found\s+dead|injured|"
    r"wounded)|killed|"
    r"been\s+killed)\b"
    # "One other person is also reported dead in the West Coast Region"
    r"|\s+(?:[a-z]+\s+){0,2}(?:is|was|are|were|has\s+been|have\s+been)\s+(?:also\s+)?"
    r"(?:reported|confirmed)\s+dead\b"
    # "Only one death has been reported in Tabasco so far"
    r"|\s+death\s+(?:has\s+been\s+|had\s+been\s+|was\s+)(?:reported|confirmed|recorded)\b"
)
_DEAD_OR_HURT_AFTER = re.compile(r"\s+(?:[a-z]+\s+)?(?:dead|injured|wounded|hurt)\b")
_DEATHS_OR_INJURIES_AFTER = re.compile(
    r"\s+(?:deaths?|fatalit(?:y|ies)|injur(?:y|ies))\b"
    # "Heavy flooding … claimed one life and displaced hundreds"
    r"|(?<=claimed one)\s+life\b|(?<=claimed at least one)\s+life\b"
)
_MORE_TERM_AFTER = re.compile(
    r"\s+more\s+(?:people\s+|persons\s+)?(?:(?:were|was|have\s+been|had\s+been)\s+)?"
    r"(?:injured|wounded|killed|dead|died|succumbed|displaced|evacuated)\b"
)
_TOLL_LABEL_BEFORE = re.compile(
    r"(?:^|\n)[ \t•*-]*[^\n]{0,40}\b(?:[Ff]atalities|[Dd]eaths|[Dd]ead|[Kk]illed|[Ii]njured|"
    r"[Dd]eath\s+toll:)[ \t]*$"  # "• The death toll: 32 (as of 9 p.m. – April 19)"
)
_DIED_BEFORE = re.compile(
    r"[^,;:.()]{0,40}\b(?:died|killed|dead|deaths)\b[^;:.()]{0,150},\s*(?:and\s+)?$"
)
# When a part of a count happened, right after it: "including six this weekend".
_WHEN_AFTER = re.compile(
    r"\s+(?:(?:this|last|on)\s+(?:weekend|week|month|(?-i:[A-Z][a-z]+day))|yesterday|today|overnight)\b"
)
_PART_AFTER = re.compile(r"\s+(?:each\s+)?(?:were\s+|was\s+)?(?:in|from|at|across)\s")
# The count before named its place, and the list goes on: "… dead in Honduras, five in Panama".
_PLACED_BEFORE = re.compile(
    r"[^,;:.()]{0,60}\b(?:in|from|at)\s+"
    rf"(?!(?:{'|'.join(m.capitalize() for m in MONTHS)}|{'|'.join(d.capitalize() for d in WEEKDAYS)})\b)"
    # ("eight in the Namangan Region (Uzbekistan) and seven in the Aksy District")
    r"(?:the\s+)?[A-Z][\w’'-]*(?:\s+(?:and\s+)?[A-Z][\w’'-]*){0,3}(?:\s+\([A-Z][\w’' -]*\))?"
    # ("seven people died in Tata province and two each in Tiznit and Errachidia")
    r"(?:\s+(?:province|district|region|state|county|governorate|department|municipality))?"
    r"\s*(?:[,;]\s*|\s+)"
    # "300 people died in Tamil Nadu followed by 81 in …", "285 … in Awaran and another 43 in Kech"
    r"(?:and\s+|followed\s+by\s+)?(?:another\s+)?$"
)


_NAME_WITH_BEFORE = re.compile(
    r"[^,;:.()]{0,40}[,;]\s*(?:and\s+)?[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,2}\s+with\s+$"
)
_FROM_ONE_BEFORE = re.compile(r"\b(?:from|of|in)\s+$")
_DEAD_INCLUDED_BEFORE = re.compile(
    r"\b(?:dead|deceased|victims|fatalities)\s+(?:also\s+)?includ(?:ed|e|es)\s+$", re.IGNORECASE
)
# (the hurt among them, whose own words give their term)
_NOT_DEAD_ENDS = ("injured", "wounded", "condition", "hospital", "hospitalized", "hospitalised")
_OF_THE_DEAD = re.compile(
    r"\s+of\s+(?:the|those)\s+(?:\d[\d,]*\s+)?(?:dead|deceased|victims|killed|people\s+killed|"
    r"injured|wounded)\b"
    # "20 of them remain in critical condition"
    r"|\s+of\s+them\s+(?:remain(?:s|ed)?|are|were)\s+(?:still\s+)?(?:in\s+(?:a\s+)?(?:critical|"
    r"serious)\s+condition|in\s+hospital|hospitali[sz]ed)\b",
    re.IGNORECASE,
)


def _after_an_aside(sentence: str, lowered: str, found: list, m_start: int, m_end: int) -> bool:
    """Whether a count after "and" follows an "including …" aside rather than going on with it:
    the whole before the aside has its verb, and the count has its own ("Four people died,
    including three children, and 30 people were injured")."""
    if " and " not in sentence[found[-1].end : m_start]:
        return False
    whole = next((g for g in reversed(found) if not g.nested), None)
    if whole is None:
        return False
    aside = lowered.rfind("including", whole.end, found[-1].start)
    if aside < 0 or not _VERB_LOWER.search(lowered, whole.end, aside):
        return False
    return bool(_VERB_LOWER.search(lowered, m_end, min(len(sentence), m_end + 60)))


# People and what happened to them, before the places their counts are listed under.
_PEOPLE_THEN_VERB = re.compile(
    r"\b(?:[Pp]eople|persons|individuals|families|households)\s+(?:were|have\s+been|had\s+been)\s+"
    r"(?:also\s+)?(?:displaced|evacuated|affected|killed|injured|relocated)\b"
)


_TOLL_ROSE_RIGHT_BEFORE = re.compile(
    r"\b(?:risen|rose|climbed|reached|jumped|increased|hit|st(?:ands|ood)\s+at)(?:\s+to)?\s+$"
)
# a toll that opens its clause, with no full stop nor semicolon between it and the count
_TOLL_SUBJECT = re.compile(
    r"(?:^|[.;:–—-]\s|,\s)(?:the\s+)?(?:death\s+)?toll\b[^.;]*$", re.IGNORECASE
)


def _small_count(
    sentence: str, m: re.Match, estimate: Estimate, found: list[_Found], parts: bool
) -> bool:
    """A small number that counts people by what comes before it: a toll, or a part of a count
    listed with its place."""
    if estimate.best is None or estimate.best >= 100:
        return False
    if _TOLL_BEFORE.search(sentence, max(0, m.start() - 110), m.start()):
        return True
    if (
        "toll" in sentence[: m.start()]
        and _TOLL_ROSE_RIGHT_BEFORE.search(sentence, max(0, m.start() - 20), m.start())
        and _TOLL_SUBJECT.search(sentence, max(0, m.start() - 250), m.start())
    ):
        # "The death toll from a powerful earthquake that severely damaged the northernmost Japan
        # prefecture of Hokkaido last week reached 41": a toll's verb, however far its subject
        return True
    if sentence[max(0, m.start() - 8) : m.start()].rstrip().lower().endswith(
        ("kills", "kill", "killed", "killing")
    ) and _KILLED_BEFORE.search(sentence, max(0, m.start() - 12), m.start()):
        # "Indonesia's Merapi volcano kills at least 28", "Mudslides and floods kill 15"
        return True
    if (
        found
        and sentence[max(0, m.start() - 9) : m.start()].rstrip().endswith(("injured", "wounded"))
        and _KILLED_THEN.search(sentence, max(0, m.start() - 60), m.start())
    ):
        return True  # "The disaster … killed 43, injured 11 and destroyed 13 houses"
    if "n" in sentence[max(0, m.start() - 22) : m.start()] and _HURT_RIGHT_BEFORE.search(
        sentence, max(0, m.start() - 22), m.start()
    ):
        # "which injured one IDP", "killing five people, including two doctors, and wounding at
        # least 70": the verb's object
        return True
    if _DIED_RIGHT_AFTER.match(sentence, m.end()):
        return True
    if sentence.startswith(" from ", m.end()) and _FROM_FAMILIES_AFTER.match(sentence, m.end()):
        return True  # "with 17 from two families … confirmed drowned in Fizagat"
    if (
        "number of" in sentence[max(0, m.start() - 200) : m.start()]
        and (rose := _NUMBER_ROSE_TO.search(sentence, max(0, m.start() - 200), m.start()))
        and _HARMED.search(rose.group("subject") or rose.group("swelled"))
    ):
        return True  # "brings the total number of people killed by wildfires this summer to 30"
    if _DEATHS_OR_INJURIES_AFTER.match(sentence, m.end()):
        return True  # "One death and five injuries have been recorded"
    if (sentence.endswith("left ", 0, m.start()) or not sentence[: m.start()].strip()) and (
        _DEAD_OR_HURT_AFTER.match(sentence, m.end())
    ):
        # "A cyclone … has left one person dead, five more missing"; a title's "One dead,
        # hundreds displaced by flooding in northern Ghana"
        return True
    if _TOLL_LABEL_BEFORE.search(sentence, max(0, m.start() - 50), m.start()):
        return (
            True  # a key figure's label: "Earthquake fatalities 48", "Disaster-related deaths 11"
        )
    if found and _OF_WHOM_AFTER.match(sentence, m.end()):
        return True
    if found and _MORE_TERM_AFTER.match(sentence, m.end()):
        return True  # "38 individuals lost their lives, and 85 more were wounded"
    if _OF_THE_DEAD.match(sentence, m.end()):
        return True  # "60 of the 200 dead are said to be children", "Five of the dead are …"
    if "nclude" in sentence[max(0, m.start() - 12) : m.start()] and _DEAD_INCLUDED_BEFORE.search(
        sentence, max(0, m.start() - 40), m.start()
    ):
        return True  # "The dead included one child"
    if found and _NAME_WITH_BEFORE.match(sentence, found[-1].end, m.start()):
        return True  # "Rutsiro with 26 dead, Nyabihu with 19"
    if (
        found
        and _WHEN_AFTER.match(sentence, m.end())
        and _INCLUDING_BEFORE.search(sentence, found[-1].end, m.start())
    ):
        return True  # "have killed at least 16 people …, including six this weekend"
    if (
        sentence.endswith("(", 0, m.start())
        and sentence.startswith(")", m.end())
        and _NAME_BEFORE_BRACKET.search(sentence, max(0, m.start() - 60), m.start())
        and _PEOPLE_THEN_VERB.search(sentence, 0, m.start())
    ):
        return True  # "People were also displaced in Bubanza (43), Musigati (25)": each place's
    if not _PART_AFTER.match(sentence, m.end()):
        return False
    if parts:
        return True
    if not found:
        return False
    if sentence.endswith("(", 0, m.start()) and m.start() - found[-1].end <= 40:
        return True  # "167 people were killed (78 in June and 89 in October)": its parts
    if sentence.endswith((": ", "; "), 0, m.start()) and m.start() - found[-1].end <= 40:
        # "A total of 9 deaths have been confirmed: 1 in Massinga, 2 in Inhambane city, …",
        # "two people have died; one in the Western and one in the Northern Division"
        return True
    if _INCLUDING_BEFORE.search(sentence, found[-1].end, m.start()):
        return True
    if _NESTED.search(sentence, found[-1].end, m.start()):
        return True  # "27 people lost their lives, of which 15 were from Sindh"
    if _PLACED_BEFORE.match(sentence, found[-1].end, m.start()):
        return True  # "14 people reported dead in Honduras, five in Panama, two in Nicaragua"
    if _DIED_BEFORE.match(sentence, found[0].end, m.start()):
        return True  # "at least 12 people died due to the storm, 72 from landslides, six from …"
    return found[-1].nested and bool(_LIST_GOES_ON.match(sentence, found[-1].end, m.start()))


def _small_or_year(m: re.Match, estimate: Estimate, has_population: bool) -> bool:
    """Years and small bare numbers count people only when a noun of people follows."""
    if has_population or m.group("vague") is not None:
        return False
    first, second = number_groups(m)
    digits, other = m.group(first + "d"), m.group(second + "d")
    if (
        digits
        and _YEAR_ONLY.match(digits)
        and not m.group(first + "s")
        and (m.group(second + "w") is None and (other is None or _YEAR_ONLY.match(other)))
    ):
        return True  # "in 2019", "from 2015 to 2019"
    words = m.group(first + "w") or ""
    value = max(v for v in (estimate.low, estimate.best, estimate.high) if v is not None)
    if words and value == 1:
        return True
    return value < 100 and not any(w in words.lower() for w in SCALE_WORDS)


# A word that opens a clause of its own between two verbs: "transported 500 people to safe areas
# after the flood and landslides affected the shrine".
_SUBORDINATE = re.compile(r"\b(?:after|before|when|because|until)\s")
# "and" before another subject starts another clause: "are staying in X and others are waiting".
_NEW_SUBJECT = re.compile(
    # "… and a truck driver struck by falling rocks": another person's verb
    r"\band\s+(?:others|they|some|many|most|the\s+rest|he|she|we|an?\s+[a-z]+(?:\s+[a-z]+)?\s*$|"
    # "At least 10 people have been confirmed dead and several others are still missing"
    r"(?:several|many|some|a\s+few|dozens\s+of|hundreds\s+of)\s+others\b)"
    # "five children have been reported dead and one is in critical condition", "one person was
    # injured and two people are still missing": another count's
    r"|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|dozens|hundreds|thousands)\b"
    # "were affected by the flooding and that there were an unknown number missing": another
    # thing said
    r"|\band\s+that\s"
    # "to shelter in schools and indoor stadiums on Sunday after they were evacuated": what
    # happened to them before, in a clause of its own
    r"|\b(?:after|before|when|because)\s+(?:they|he|she|we|it)\b"
    # "3,000 evacuees were in the arena and the exhibition hall was being prepared to …"
    r"|\band\s+the\s+(?:[a-z]+\s+){1,3}(?:was|were|is|are|has|have|had)\b"
    # "have been affected by floods and more destroyed villages are still being reported"
    r"|\band\s+more\s+(?:[a-z]+\s+){1,2}(?:was|were|is|are|has|have|had)\b"
    # "Three people lost their lives and the total number of affected people … is around 70,000"
    r"|\band\s+the\s+(?:total\s+)?number\s+of\b",
    re.I,
)


# "decided to remain close to the border … and to be able to return": a purpose, not a second act.
_INFINITIVE_END = re.compile(r"\bto\s+(?:be\s+able\s+to\s+)?$", re.IGNORECASE)


_AND = re.compile(r"\band\b")
_POSSESSIVE_BEFORE = re.compile(r"[A-Za-z]['’]s\s+$")
# Where people "sought refuge": a country (they fled theirs) or a shelter (they are there).
_REFUGE_IN_A_COUNTRY = re.compile(
    r"\b(?:sought|seeking|seek|seeks)\s+refuge\s+in\s+(?:neighbou?ring\s+)?(?:the\s+)?"
    r"(?P<place>[A-Z][\w’'-]*(?:\s+(?:of\s+)?[A-Z][\w’'-]*){0,3})"
)
# (a number's comma is no clause's: "there are more than 2,800 homes destroyed by the floods and
# 16,574 victims")
_THERE_ARE = re.compile(
    r"\b[Tt]here\s+(?:are|were|(?:could|may|might)\s+be|(?:are|were)\s+(?:estimated|believed|thought)"
    r"\s+to\s+be)\s+(?:now\s+|currently\s+|still\s+)?"
    # (not "there were reports that a further 1,500 people were displaced": what the reports say)
    r"(?!(?:also\s+)?(?:unconfirmed\s+)?(?:reports?|claims?|fears?)\b)(?:[^.;:,]|,(?=\d))*$"
)
# A count at a moment, not over a period: "At the end of 1998, about 280,000 people were
# internally displaced", "Some 60,000 Guineans were internally displaced at year's end".
_AT_AN_END = re.compile(
    rf"\b[Aa]t\s+(?:the\s+)?(?:end\s+of\s+(?:the\s+year|\d{{4}}|{_MONTH})|year[’']?s\s+end)\b"
)
# Where the displaced live now, in the same clause: "thousands of displaced Libyans are still
# living in abandoned construction sites" (not "… and the IDPs were living in …", a clause of
# its own; but "displaced and living in emergency shelters").
_LIVING_AFTER = re.compile(
    r"(?:(?!\sand\s(?!liv))[^,;.]){0,50}?\b(?:liv(?:e|es|ed|ing)|resid(?:e|es|ed|ing))\s+in\b"
)
# "They joined the more than 3.6 million people already displaced within the region"
_ALREADY_DISPLACED = re.compile(
    r"(?:\s+[\w-]+){0,3}?\s+(?:(?:are|were|was|is|been)\s+)?already\s+(?:internally\s+)?displaced\b"
)
_CURRENTLY_BEFORE = re.compile(r"\b(?:[Cc]urrently|[Aa]t\s+present|[Pp]resently),?\s+$")
_SHARE_OF_BEFORE = re.compile(
    r"\b(?:quarter|third|half|fifth|tenth|fraction|share|proportion|majority|most|\d+\s*(?:%|per\s*"
    r"cent|percent))\s+of\s+(?:the|these|those)\s+$",
    re.IGNORECASE,
)
_SITES_WHERE = re.compile(
    r"\b(?:sites?|camps?|shelters?|cent(?:re|er)s?|settlements?)\s+(?:in\s+which|where)\s+"
    r"(?:[\d,]+\s+[a-z]+\s+\()?$",  # (and the same count in brackets after its families)
    re.IGNORECASE,
)
_DEATH_NOUNS = frozenset({"lives", "life", "deaths", "fatalities", "fatality"})
_NUMBER_OF = re.compile(r"\b(?:number|total)\s+of\b", re.IGNORECASE)
# People who help, counted as the help given ("more than 45 thousand volunteers, 2000 emergency
# workers"), unless something happened to them ("two aid workers were killed").
_HELPERS = frozenset(
    {"volunteers", "workers", "staff", "personnel", "responders", "rescuers", "specialists",
     "experts", "officers", "troops", "firefighters", "medics", "doctors", "nurses", "soldiers",
     "police", "policemen", "employees", "spectators", "attendees"}
)  # fmt: skip
# The noun after a number: "2000 emergency workers", "thousands of military personnel".
_NOUN_AFTER = re.compile(
    r"\s+(?:of\s+)?([A-Za-z-]+)(?:\s+([A-Za-z]+))?(?:\s+([a-z]+))?(?:\s+([a-z]+))?\b"
)  # ("10,000 army and paramilitary personnel", "Around 450 Armed Forces personnel")


def _helpers(sentence: str, f: _Found) -> bool:
    # (sentence[: f.start][-60:]: the last 60 characters before the figure, where max(0, …) is a
    # call of the builtin, for every figure)
    if "personnel" in sentence[: f.start][-60:] and _HELPERS_NUMBER.search(
        sentence, max(0, f.start - 60), f.start
    ):
        return True  # "The number of personnel mobilized stands at 27,651"
    if "ed" in sentence[f.population_end : f.population_end + 40] and _DEPLOYED_AFTER.match(
        sentence, f.population_end
    ):
        return True  # "to reinforce the 110 already deployed to the islands"
    if f.population and any(w in _HELPERS for w in f.population.lower().split()):
        return True
    if (
        sentence.endswith(" and ", 0, f.start)
        and (not f.population or f.population.lower() == "men")
        and (helpers := _HELPERS_AND_BEFORE.search(sentence, max(0, f.start - 30), f.start))
        and helpers.group(1).lower() in _HELPERS
    ):
        return True  # "Four officers and 82 men … have been deployed": the men are helpers too
    if f.population and not sentence.startswith(" and ", f.population_end):
        return False
    noun = _NOUN_AFTER.match(sentence, f.end if not f.population else f.population_end + 4)
    # (with the people named after "and": "160 soldiers and firefighters")
    return noun is not None and any(w in _HELPERS for w in noun.groups())


_HELPERS_AND_BEFORE = re.compile(r"([A-Za-z]+)\s+and\s+$")
_HELPERS_NUMBER = re.compile(
    r"\bnumber\s+of\s+(?:[a-z]+\s+)?personnel\b[^,;.]{0,30}\b(?:stands|stood|is|was|reached|at)\s+$"
)
_DEPLOYED_AFTER = re.compile(
    r"\s+(?:(?:were|was|have\s+been|had\s+been|already|now)\s+)*(?:deployed|dispatched)\b"
)


# A headline's speaker after its colon: "Libya flood disaster displaced over 43,000 people: IOM".
_HEADLINE_SOURCE = re.compile(
    r":\s*(?P<who>(?:the\s+)?[A-Z][\w.&’'-]*(?:\s+[A-Z][\w.&’'-]*){0,3}|officials|police)\s*$"
)
# What a headline's end may name that is a kind of story, not who speaks.
_HEADLINE_KINDS = frozenset(
    """updates update live explainer analysis photos pictures video videos report reports
    timeline factbox""".split()
)
# A pronoun as the speaker: "…,” she said", "he added".
# \b(?:[Ss]?he\s+(?:said|…)|(?:said|says|added)\s+s?he)\b, its first letter read as one class,
# which the engine skips to, and then told apart by a look back (two and a half times as fast).
# ("He also said that 84 people were injured": an adverb between)
_PRONOUN_SAID = re.compile(
    r"[SsHha](?<!\w.)(?:(?<=[Ss])he\s+(?:(?:also|later|further|then)\s+)?"
    r"(?:said|says|added|told|noted|explained|continued|indicated|stated)"
    r"|(?<=[Hh])e\s+(?:(?:also|later|further|then)\s+)?"
    r"(?:said|says|added|told|noted|explained|continued|indicated|stated)"
    r"|(?<=s)a(?:id|ys)\s+s?he|(?<=a)dded\s+s?he)\b"
)


_IT_SAID = re.compile(r"(?:[,”\"]\s*)(?:it|they)\s+(?:said|says|added|adds|noted)\b")


def _may_say_a_pronoun_said(sentence: str) -> bool:
    """False where _PRONOUN_SAID finds nothing: the sentence holds none of its verbs ("he " is
    in most sentences, as "the ")."""
    return (
        "said" in sentence
        or "says" in sentence
        or "added" in sentence
        or "told" in sentence
        or "noted" in sentence
        or "explained" in sentence
        or "continued" in sentence
        # ("She indicated that there are about 12,000 displaced children")
        or "indicated" in sentence
        or "stated" in sentence
    )


_QUOTE_MARK = re.compile('["“”]')
_SOURCE_VERB_END = re.compile(r"\s+(?:has|have|had|is|are|was|were|also|now)(?:\s+(?:also|now))?$")
_DATA_WORDS = (
    # ("According to details provided by the NDMA")
    r"(?:figures|data|details|estimates|statistics|numbers|records|reports?|a\s+report|"
    r"(?:a\s+)?statements?|updates?|an\s+update)"
)
# ("according to a preliminary toll by officials": the officials)
_DATA_FROM = re.compile(
    rf"^\s*(?:the\s+|a\s+)?(?:(?:latest|new|most|recent|official|preliminary|initial)\s+)*"
    rf"(?:{_DATA_WORDS}|(?:death\s+)?toll|tally|count)\s+"
    r"(?:(?:released|published|compiled|collected|issued|given|provided|received)\s+)?(?:from|by|of)\s+",
    re.IGNORECASE,
)
_DATA_AFTER = re.compile(rf"(?:['’]s)?\s+(?:latest\s+|own\s+)?{_DATA_WORDS}\s*$", re.IGNORECASE)
_DAY_AND_MONTH_NAMES = frozenset(calendar.day_name) | frozenset(calendar.month_name[1:])
_UPDATE_OF_DAY = re.compile(r"\s+(?:of|on|dated)\s+\d{1,2}\s+\w+(?:\s+\d{4})?\s*$")
# Words of a body and its data, all in lower case: "government reports", "the latest government
# figures".
_SOURCE_DATA = re.compile(
    r"^(?:the\s+)?(?:(?:latest|new|recent|official|preliminary|initial)\s+)*(?:[a-z-]+\s+){1,2}"
    r"(?:reports|figures|statistics|data)$"
)
_MEDIA = frozenset(("media", "local media", "state media", "news", "press", "the media"))
_ADJECTIVES_ONLY = re.compile(
    r"^\s*(?:(?:the|official|latest|new|most|recent|preliminary|initial)\s*)*$", re.IGNORECASE
)
# A news agency's source: "204 people … have been evacuated …, Kazinform has learned from the
# Ministry of Emergencies."
_LEARNT_FROM = re.compile(
    r"\b(?:has|have|had)\s+(?:learned|learnt)\s+from\s+"
    r"(?P<who>(?:the\s+)?[A-Z][^,;.:()\"“”]{2,80})"
)
# Where the words of "according to X" stop naming X; the breaks before a speaker's name.
_RELEASED_BY = re.compile(
    r"(?:\b(?:figures|data|statistics|numbers|estimates|tallies)\s+(?:released|published|provided|"
    r"compiled|issued)"
    # "eleven deaths related to the storm have already been confirmed by the Chief of Staff of the
    # National Civil Protection (Estado Mayor Nacional de la Defensa Civil)"
    r"|\b(?:has|have|had)\s+(?:already\s+|now\s+)?been\s+(?:confirmed|reported|recorded))"
    r"\s+by\s+(?P<who>[^,;.:()\"“”]{3,80}?(?:\s+\([^()]{1,20}\))?)"
    r"(?=\s+(?:said|says|showed|shows|on|as|read)\b|\s*[,;.:(]|$)"
)
# "Interior Ministry official Jorge Gomes was quoted by the Associated Press as saying": Gomes.
_QUOTED_AS = re.compile(
    r"(?P<who>[^,;:\"“”]{3,80}?)\s+(?:was|were|is|has\s+been)\s+quoted\s+(?:by\s+[^,;]{1,60}?\s+)?"
    r"as\s+say(?:ing|s)\b"
    # "the Russian news agency RIA Novosti on Monday quoted Abror Mamatov, an official from
    # Uzbekistan’s Prosecutor-General’s Office, as saying"
    r"|\bquoted\s+(?P<quoted>[A-Z][^,;:\"“”]{2,60}?)(?:,\s+[^,;:\"“”]{3,90},)?\s+as\s+say(?:ing|s)\b"
)
# The source a report cites first: "Citing Uzbekistan’s authorities, media reports say …".
_CITING = re.compile(r"^\W*[Cc]iting\s+(?P<who>[^,;:\"“”]{3,80}),")
# A body that moved people, as the subject of its verb: "Cuban authorities ordered the
# evacuation of 50,000 people", "In Pinar del Río, the local civil defense council ordered …".
_AGENT = re.compile(
    r"(?:^|(?<=[,;•]\s)|(?<=\n))\s*(?P<who>(?:the\s+|[Tt]he\s+)?(?:[\w’'.-]+\s+){0,5}?"
    r"(?:authorities|government|council|agency|ministry|[A-Z]{3,}))\s+"
    r"(?:(?:has|have|had)\s+)?(?:(?:already|also|now)\s+)?"
    r"(?:evacuated|transferred|relocated|registered|ordered\s+(?:the\s+)?evacuation)\b"
)
# Its verbs, as written (the pattern reads them in lower case only): a sentence that holds none
# ("More than 1,000 people were killed") names no agent and is not searched, where the pattern was
# tried at every character of it (14 in 15 of the benchmark's sentences that reach it: 1,558M →
# 1,489M instructions, cg.sh).
_AGENT_VERBS = ("evacuated", "transferred", "relocated", "registered", "ordered")


def _may_name_an_agent(sentence: str) -> bool:
    """False where _AGENT finds nothing in the sentence: it holds none of its verbs."""
    for verb in _AGENT_VERBS:
        if verb in sentence:
            return True
    return False


# A key figure's source, on the line under it: "Source: Source: CDEMA Situation Report No.1".
_SOURCE_LINE = re.compile(
    r"[ \t]*\n?[ \t]*Source:[ \t]*(?:Source:[ \t]*)?(?P<who>[^\n]{2,80}?)[ \t]*(?=\n|$)"
)
_ACCORDING_END = re.compile(r"\s+(?:that|which|who|as|in|on|and\s+the)\s+")
# A summary's citation of its source and day: "(UN, 8 Dec 2014)", "(IFRC, 13 Feb 2015)" (its
# bracket left open at the end of the text: "(RNZ, 22 Dec 2016").
_CITATION = re.compile(
    rf"\((?P<who>[A-Z][A-Za-z]{{1,12}}(?:[/ ][A-Z][A-Za-z]{{1,12}}){{0,2}}),\s+[0-3]?\d\s+{_MONTH}\s+{_YEAR}"
    r"(?:\)|\s*\Z)"
)
# (and by its day in figures, of several reports the first: "(ACF 31/01/2019; UN News 01/02/2019)")
_CITED = re.compile(
    rf"\((?P<who>[A-Z]{{3,}}|[A-Z]{{2,}}\s+[A-Z][a-z]+)\s+(?:#\s?\d+|[0-3]?\d\s+{_MONTH}(?:\s+{_YEAR})?|"
    r"[0-3]\d/[01]\d/(?:19|20)\d\d(?:;[^()]{0,120})?)\)"
)
_SOURCE_NOTE = re.compile(r"\((?:data\s+)?sources?:\s*(?P<who>[^()]{1,80})\)", re.IGNORECASE)
_PUT_AT_WORDS = (
    r"(?:put|puts|putting)\s+the\s+(?:(?:official|death|casualty|overall|total)\s+){0,2}"
    r"(?:toll|number|figure|count)\s+(?:from\s+[^,;:]{1,60}?\s+)?at\b"
)
_PUT_AT = re.compile(rf"(?P<who>[^,;:]+?)\s+(?:has\s+|have\s+|had\s+)?{_PUT_AT_WORDS}")
# Its words are looked for first: the speaker before them is read from every position in turn,
# which takes long in a sentence that says "putting" but not "put the toll at".
_PUT_AT_WORDS_ALONE = re.compile(_PUT_AT_WORDS)
# (and a clause's first word: "… from late September when the national government reported")
_SPEAKER_BREAK = re.compile(r"[,;:\"“”]|\b(?:that|when|while|because|whereas)\b")
# (the twins in ASCII _speaker reads a sentence all in ASCII with, past its reporting verb)
_SPEAKER_BREAK_ASCII = _in_ascii(_SPEAKER_BREAK)
_NOUN_BEFORE_ASCII = _in_ascii(_NOUN_BEFORE)


# (also where they live: "more than 38,000 people living in villages across Karangasem were evacuated")
_PARTICIPLE = re.compile(
    r"(?:(?:displac|evacuat|uproot|affect)\w*\s+(?:by|from|in)|(?:living|residing)\s+in)\b", re.I
)
_FINITE = re.compile(r"(?:are|is|were|was)\b", re.IGNORECASE)
_FINITE_BEFORE = re.compile(r"\b(?:are|is|were|was)\s+(?:[a-z]+\s+){0,2}$", re.IGNORECASE)
_REGISTERED_IN_CAMPS = re.compile(
    rf"[^;.]{{0,30}}?\b(?:in|at|across)\s+(?:[\w’'-]+\s+){{0,2}}?{SHELTER_PLACES}\b", re.IGNORECASE
)
_IN_SHELTERS_AFTER = re.compile(
    # ("increased to 6,609 from 2,012 families in 50 centres")
    r"\s+(?:from\s+\d[\d,]*\s+(?:families|households)\s+)?(?:in|across|at)\s+"
    r"(?:(?:[\w(),-]+\s+){0,2}?(?:evacuation|relief)\s+(?:cent(?:re|er)s?|camps?|sites?|shelters?)"
    r"|\d[\d,]*\s+(?:cent(?:re|er)s|shelters))\b",
    re.IGNORECASE,
)
_IDPS = re.compile(r"\bIDPs?\b")
_SENT_BEFORE = re.compile(
    r"\b(?:sent|sending|sends|send|drove|driving|drives|drive)\s+"
    r"(?:(?:some|about|around|nearly|almost|over|more\s+than|an\s+estimated)\s+)?$",
    re.IGNORECASE,
)
_SENT_BEFORE_ASCII = _in_ascii(_SENT_BEFORE)
_DISASTERS_VICTIMS = re.compile(
    r"\b(?:flood|storm|cyclone|typhoon|hurricane|quake|earthquake|landslide|disaster|drought)"
    r"\s+victims\b",
    re.IGNORECASE,
)
# Places the text named before, named again: "from these settlements".
_THESE_PLACES = re.compile(
    r"\bthese\s+(?:settlements|villages|areas|districts|communities|towns|localities|places|"
    r"locations|sites|camps|provinces|regions|municipalities)\b"
)
# People "in a shelter" right after their count: there now.
_IN_A_SHELTER_AFTER = re.compile(
    r"\s+in\s+(?:an?\s+|the\s+|\d+\s+)?(?:(?:evacuation|relief|temporary|emergency)\s+)?"
    r"(?:shelters?|evacuation\s+cent(?:re|er)s?|relief\s+camps?)\b",
    re.IGNORECASE,
)
_NUMBER_ROSE_TO = re.compile(
    r"\bnumber\s+of\s+(?P<subject>[^;:.]{3,150}?)\s+(?:has\s+|have\s+|had\s+)?(?:now\s+)?"
    r"(?:reached|reaches|rise|rises|rose|risen|climbed|climbs|climb|increased|grown|grew|jumped|"
    # "The number of Togolese fleeing … has now passed 40,000"
    # ("helped swell the number of those stuck across the country to over 42,000")
    r"reduced|decreased|fallen|fell|dropped|declined|passed|surpassed|exceeded|topped|"
    # ("the total number of displaced persons stands at 6,113")
    r"stands\s+at|stood\s+at)(?:\s+to)?\s+$"
    # ("Wednesday’s toll brings the total number of people killed by wildfires this summer to 30")
    r"|\b(?:swell(?:ed|ing|s)?|br(?:ings|ought|inging))\s+the\s+(?:total\s+)?number\s+of\s+"
    r"(?P<swelled>[^;:.]{3,150}?)\s+to\s+$",
    re.IGNORECASE,
)
_NUMBER_ROSE_TO_ASCII = _in_ascii(_NUMBER_ROSE_TO)
# What the people counted are now, said right after them.
_STATE_AFTER = re.compile(
    r"(?:(?:\s+[a-z]+)?\s+(?:still|now)|[^,;.]{0,40}?\bwho\s+(?:are|were|remain)\s+(?:now\s+|still\s+)?)\s*"
    # "we have 25 people who were recovered dead"
    r"(homeless|stranded|stuck|(?:recovered|found|confirmed)\s+dead)\b(?!\s+by)",
    re.IGNORECASE,
)
_RELATIVE_BEFORE = re.compile(r"\b(?:who|that)\s+(?:(?:have|has|had)\s+)?(?:been\s+)?$", re.I)
# The main verb after a relative clause: "… have been offered", "… are now sheltering".
_MAIN_VERB_BEFORE = re.compile(
    r"[^\s,]\s+(?:have|has|had|are|is|were|was)\s+(?:now\s+|been\s+|also\s+){0,2}$", re.I
)


def _and_after(window: str, at: int) -> bool:
    """Whether "and" is written in the window after `at`: a verb after the first counts only
    where _AND finds it between them."""
    return window.find("and", at) >= 0


def _find_verb(
    window: str, last: bool, main: bool = True, plain: bool = False
) -> tuple[str, str, int, bool] | None:
    """(term, measure, position, whether it only links) of the first (or last) verb of figures
    in the window; of two verbs joined by "and" in one clause ("fled the town and surrendered")
    the second counts."""
    lowered = window.lower()
    # A lower-cased character that grows ("İ") would move the positions: read the text as is.
    same_length = len(lowered) == len(window)
    text, verbs = (
        (lowered, _VERB_LOWER_ASCII if plain else _VERB_LOWER) if same_length else (window, _VERB)
    )
    if last:
        # (the last verb: each searched for from the end of the one before, as below; 1,333M →
        # 1,327M instructions, cg.sh)
        hit = verbs.search(text)
        if hit is None:
            return None
        while (nxt := verbs.search(text, hit.end())) is not None:
            hit = nxt
    else:
        # The first verb, and each next one from where the one before ends, are searched for as
        # finditer finds them (a verb is never empty), without its scanner, made for each window
        # (most windows are read no further than their first verb: 1,337M → 1,333M instructions,
        # cg.sh).
        hit = verbs.search(text)
        if hit is None:
            return None
        if text.startswith("affected ", hit.start()) and _AFFECTED_PLACES.match(text, hit.start()):
            # "About 600 families in affected villages are living in tents": an adjective of
            # the places, the verb after it what is counted
            hit = verbs.search(text, hit.end()) or hit
        # A later verb counts only with "and" between (below): where none follows, the rest of
        # the window is not read for verbs (most windows: their first verb is their last).
        while _and_after(window, hit.end()) and (nxt := verbs.search(text, hit.end())) is not None:
            between = window[hit.end() : nxt.start()]
            if (
                _CLAUSE_BREAK.search(between)
                or not _AND.search(between)
                or _QUOTE_MARK.search(between)  # "“… evacuated” and “there is no …”": two quotes
                or _DIGIT.search(between)  # "20 deaths and 24 injured": the 24's verb
                or _NEW_SUBJECT.search(between)
                # "forced 10,000 people from their homes and killed three": a verb right before
                # the next count (where the window after a count ends) is that count's
                or window.endswith(" ", nxt.end(), nxt.end() + 1) and nxt.end() + 1 == len(window)
                # "transported 500 people to safe areas after the flood and landslides affected
                # the shrine": the verb of another clause
                or _SUBORDINATE.search(between)
                or _INFINITIVE_END.search(between)
                or text.startswith("in", nxt.start())  # "homeless and in need": the first
                # "forced to leave their villages and take refuge in the towns": people who
                # left, now somewhere; the count is of those who left ("are reportedly
                # displaced and living in public buildings": of the displaced)
                or (_VERB_GROUPS[nxt.lastgroup][0] == "hosted"
                    and (_VERB_GROUPS[hit.lastgroup][1] == "flow"
                         or _VERB_GROUPS[hit.lastgroup][0] == "displaced"))
            ):  # fmt: skip
                break
            hit = nxt
        if not window[: hit.start()].strip() and _PARTICIPLE.match(text, hit.start()):
            # "1,737,752 persons displaced by conflict are settled in 916 sites": the participle
            # says who they are, the verb after it what is counted.
            for later in verbs.finditer(text, hit.end()):
                if _FINITE.match(text, later.start()) or _FINITE_BEFORE.search(
                    text, max(0, later.start() - 30), later.start()
                ):
                    hit = later
                    break
        elif (
            main
            and ("who " in window or "that " in window)
            and _RELATIVE_BEFORE.search(window, max(0, hit.start() - 14), hit.start())
        ):
            # "Hundreds of people who fled the violence in Palma have been offered temporary
            # shelter": the relative clause says who they are, the main verb what is counted.
            for later in verbs.finditer(text, hit.end()):
                if _CLAUSE_BREAK.search(window, hit.end(), later.start()):
                    break
                if _MAIN_VERB_BEFORE.search(text, max(0, later.start() - 30), later.start()):
                    hit = later
                    break
    if (
        not last
        and hit.end() + 1 == len(window)
        and window.endswith(" ")
        and _RELATIVE_BEFORE.search(window, max(0, hit.start() - 14), hit.start())
    ):
        # "Some 7,000 rescuers dug through homes … of an earthquake that killed |at least 381":
        # a relative clause's verb right before the next count (where the window ends) is that
        # count's, not this one's
        return None
    term, measure = _VERB_GROUPS[hit.lastgroup]
    return term, measure, hit.start(), hit.lastgroup in _LINKING_GROUPS


def _verb_in(
    windows, clause_before: str, subject_before: str = "", plain: bool = False
) -> tuple[str, str, int, bool] | None:
    """The verb of the first window that has one; where it only links ("the number who have died
    … stands at"), the verb of its subject before it (in `subject_before`, the words of the
    sentence before the figure, when its subject is a number: "The total number of people who
    died in the earthquake, followed by a tsunami …, now stands at 1,234"). `plain`: the
    sentence the windows are cut from is _plain_ascii (and so are they)."""
    for window, last in windows:
        if not window or window.isspace():
            continue  # no verb there (a sixth of the windows)
        verb = _find_verb(window, last, plain=plain)
        if verb:
            if verb[3]:
                subject = _find_verb(
                    window[: verb[2]] if window is clause_before else clause_before,
                    True,
                    plain=plain,
                )
                if subject is None and _NUMBER_OF.search(subject_before):
                    head = subject_before
                    if window is clause_before and head.endswith(window):
                        head = head[: len(head) - len(window) + verb[2]]  # before the link
                    subject = _find_verb(head, True, plain=plain)
                verb = subject or verb
            return verb
    return None


_OPEN_QUOTES = ('"', "“")
_QUOTE_CLOSE = re.compile(r"[\"”],?\s")


_WHEN_FIRST = re.compile(
    r"(?:[Oo]n\s+)?(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|[Yy]esterday|[Tt]oday)\s+"
)
_DATE_FIRST = re.compile(
    rf"[Oo]n\s+(?:[0-3]?\d\s+(?:{_MONTH})|(?:{_MONTH})\s+[0-3]?\d)(?:,?\s+\d{{4}})?,?\s+",
    re.IGNORECASE,
)
_DATE_IN_BRACKETS = re.compile(
    rf"\s*\((?:(?:{_MONTH})\.?\s+[0-3]?\d|[0-3]?\d\s+(?:{_MONTH})\.?)\)", re.IGNORECASE
)


def _attribution(sentence: str) -> str | None:
    """Who the sentence says gave the figures: "according to X", "X said" or "said X"; a person
    named beside their job title is the person ("Mustefa Bali, the SDF spokesman, said" →
    "Mustefa Bali"; a title before the name is kept as written: "An SDF spokesman, Adnan
    Afrin"), never the title alone where the person is named."""
    who = None
    if "(" in sentence and (dated := _DATE_IN_BRACKETS.search(sentence)):
        # "The Armenian government on Thursday (Sep 28) announced": the day in brackets aside
        sentence = sentence[: dated.start()] + sentence[dated.end() :]
    if sentence[:1] in _OPEN_QUOTES or sentence.lstrip()[:1] in _OPEN_QUOTES:
        # '"Initial report says that … 100 people killed," OCHA`s Kunduz office said': who speaks
        # the quotation, not who speaks in it
        close = _QUOTE_CLOSE.search(sentence, sentence.index(sentence.lstrip()[:1]) + 1)
        if close is not None:
            who = _speaker(sentence[close.end() :])
    who = who or _speaker(sentence)
    if who and (when := _WHEN_FIRST.match(who)) and when.end() < len(who):
        who = who[when.end() :]  # "on Wednesday (Sep 27) Azerbaijan's health ministry announced"
    if who and who.endswith(".") and not _ABBREVIATION_END.search(who):
        return who[:-1]  # "…,” said Chief Minister Naveen Patnaik.": the sentence's full stop
    return who


_PASSIVE_BEFORE = re.compile(
    r"\b(?:has|have|had)\s+been\s+$|\b(?:was|were)\s+$|\b[Tt]here\s+(?:are|were|is|was)\s+$"
)


_LIVES_CLAIMED = re.compile(r"\s+(?:the\s+)?(?:[\w,.-]+\s+){0,3}?(?:life|lives|victims)\b")


# A count right after a verb: "floods claim at least 363".
_COUNT_NEXT = re.compile(
    r"\s+(?:at\s+least\s+|more\s+than\s+|over\s+|nearly\s+|almost\s+|some\s+|about\s+|around\s+)?"
    r"(?:\d|(?:dozens|scores|hundreds|thousands)\b)",
    re.IGNORECASE,
)


def _speaker(sentence: str) -> str | None:
    m = _SOURCE_NOTE.search(sentence) if "ource" in sentence else None
    if m:  # "(source: MoPH, OHCHR)", as situation reports cite
        return _clean_source(m.group("who"))
    m = _CITED.search(sentence) if "(" in sentence else None
    if m:  # "(NDRRMC #56)", "(DROMIC 18 November)": a report cited by its number or its day
        return m.group("who")
    m = _ACCORDING.search(sentence) if "ccording" in sentence or "s per " in sentence else None
    if m:
        who = _ACCORDING_END.split(m.group("who"))[0]
        # ("As per DMC’s update of 23 December": the update's day aside)
        who = _UPDATE_OF_DAY.sub("", who)
        # "according to (the latest) figures from IOM", "according to UNHCR data": who gave them.
        bare = _DATA_FROM.sub("", _DATA_AFTER.sub("", who))
        if bare.strip().lower() in _MEDIA or (
            bare != who
            and bare.islower()
            and not _ADJECTIVES_ONLY.match(bare)  # ("according to the official figures": no one)
            and _SOURCE_DATA.match(who.strip())
        ):
            # "according to media reports": the reports speak; so do "government reports" and
            # "the latest government figures", whose words before name no one
            return _clean_source(who)
        if not _ADJECTIVES_ONLY.match(bare):
            if (named := _clean_source(bare)) is not None:
                return named
        elif who.rstrip().endswith("reports"):
            return _clean_source(who)  # "according to official reports" names its source so
        # "According to an earlier toll, four people … had suffered burns …, authorities said":
        # the figures named no one; a verb after may
    m = _BASED_ON.match(sentence) if sentence.startswith("Based on ") else None
    if m and (named := _clean_source(m.group("who"))) is not None:
        # "Based on the assessment conducted by CoES and Tajikistan Red Crescent Society, 170
        # households were reported as affected": the assessment, as written
        return named
    m = _QUOTED_AS.search(sentence) if "quoted" in sentence else None
    if m and (who := _clean_source(m.group("who") or m.group("quoted"))):
        return who
    m = _CITING.match(sentence) if "iting " in sentence[:12] else None
    if m and (who := _clean_source(m.group("who"))):
        return who
    m = _RELEASED_BY.search(sentence) if " by " in sentence else None
    if m and (who := _clean_source(m.group("who"))):
        return who  # "provisional figures released by the food and disaster management ministry"
    m = _LEARNT_FROM.search(sentence) if "learn" in sentence else None
    if m and (who := _clean_source(m.group("who"))):
        return who  # "…, Kazinform has learned from the Ministry of Emergencies"
    m = (
        _PUT_AT.search(sentence)
        if " put" in sentence and _PUT_AT_WORDS_ALONE.search(sentence)
        else None
    )
    if (
        m
        and not _REPORTING.search(m.group("who"))  # "X said initial reports put …": X speaks
        and (who := _clean_source(_SPEAKER_BREAK.split(m.group("who"))[-1]))
    ):
        return who  # "Nepal police put the death toll at 1,910"
    if sentence.isascii():
        if _REPORTING_WORDS.isdisjoint(sentence.encode().translate(_LETTERS_ALONE).split()):
            return None  # no reporting verb
    else:
        for start in _REPORTING_STARTS:
            if start in sentence:
                break
        else:
            return None  # no reporting verb
    plain = _plain_ascii(sentence)
    for verb in _REPORTING.finditer(sentence):
        if (
            verb.group(0) in REPORTING_NOUNS
            and (_NOUN_BEFORE_ASCII if plain else _NOUN_BEFORE).search(
                sentence, max(0, verb.start() - 20), verb.start()
            )
            and not (
                verb.group(0) == "report"
                and _MEDIA_REPORT.fullmatch(sentence, 0, verb.end())
                and sentence[verb.end() : verb.end() + 1] in (",", " ")
            )  # (an ECHO flash's "Media report, as of 15 July, 15 fatalities": the media speak)
        ):
            continue  # "UNHCR received reports that", "an estimated": nobody speaks here
        if verb.group(0) in REPORTING_NOUNS and _NOUN_THEN_VERB.match(sentence, verb.end()):
            continue  # "Official estimates now indicate that": the estimates speak
        if sentence.startswith((" to be ", " to have "), verb.end()):
            continue  # "a young girl in Petrinja, reported to be 12 years old": hearsay of her
        if verb.group(0) == "states" and sentence.startswith(" of ", verb.end()):
            continue  # "states of emergency declared": the noun, nobody speaks
        if verb.group(0) in ("claimed", "claims", "claim") and (
            _LIVES_CLAIMED.match(sentence, verb.end()) or _COUNT_NEXT.match(sentence, verb.end())
        ):
            # "Heavy flooding … claimed one life", "Dominican floods claim at least 363": a toll,
            # not a claim made
            continue
        head = sentence[: verb.start()]
        if head.endswith((" of ", " a ", " the ", " an ")) and verb.group(0) == "reported":
            continue  # "a group of reported Syrian Ezidi refugees": said of them, by no one named
        if verb.group(0) in REPORTING_NOUNS and head.lstrip().startswith("Based on "):
            continue  # "Based on preliminary reports, 170 households were affected": no one
        if head.endswith(("been ", "was ", "were ", "are ", "is ")) and _PASSIVE_BEFORE.search(
            head
        ):
            # "Only one death has been reported in Tabasco", "In Abyan Governorate there are
            # reports of 160 displaced families": nobody named reports it
            continue
        if (
            head[:3].lower() == "as "
            and sentence.startswith(",", verb.end())
            and _REPORTING.search(sentence, verb.end())
        ):
            # "As RFE/RL’s Kazakh Service reported, Prime Minister Askar Mamin said …": the
            # relay; the speaker is who said it
            continue
        if verb.group(0).startswith(("indicat", "show")) and _FINDINGS_SPEAK.match(head):
            continue  # "Most recent assessment from Mae La refugee camp indicates that": no one
        told = verb.group(0) in ("told", "tells")  # "X told Reuters": Reuters listened
        inverted = (
            _SAID_AFTER.match(sentence, verb.end())
            if head.rstrip().endswith((",", ',"', ",”")) and not told
            else None
        )
        if inverted and (_DIGIT.search(head) or len(head.split()) >= 5):
            # "Two million have fled Ukraine, says the UN's refugee agency": the claim, then who.
            named = _SAID_NAME.match(sentence, verb.end())
            title = _clean_source(named.group("title") or "") if named else None
            if named and title and _is_name(named.group("name")):
                return named.group("name")  # "said Mustafa Bali, head of …": the person
            who = _clean_source(inverted.group("who"))
            if who and who.endswith(".") and who.count(".") == 1:
                who = who[:-1]  # the sentence's full stop, not an abbreviation's
            if who:
                return who
        parts = (_SPEAKER_BREAK_ASCII if plain else _SPEAKER_BREAK).split(head)
        segment, at = parts[-1].strip(), len(parts) - 1
        if not segment and len(parts) > 1:
            segment, at = parts[-2].strip(), len(parts) - 2  # "An SDF spokesman, Adnan Afrin, said"
            if at > 0 and segment[:6] == "as of " and _DIGIT.search(segment):
                # "Local media, as of 16 December early morning (UTC), reported": the day aside
                segment, at = parts[at - 1].strip(), at - 1
        elif segment.startswith(("which ", "who ")) and at > 0:
            # "The Kenya Red Cross, which is leading in the mission said": who the clause is of
            segment, at = parts[at - 1].strip(), at - 1
        if segment.startswith(("based in ", "headquartered in ")) and at > 0:
            # "the independent news website …, based in the Netherlands, said": who is based there
            segment, at = parts[at - 1].strip(), at - 1
        if at > 0 and segment[:2] in ("a ", "an") and _AN_ORGANISATION.match(segment):
            # "the Nigerian Red Cross, a Non-Governmental Organization in Bokkos disclosed": what
            # the speaker named before is
            before = parts[at - 1].strip()
            beside = _clean_source(before)
            if (
                beside
                and not _is_title(beside)
                # (not a place or a time: "In Geneva, a UN agency said")
                and before.split(" ", 1)[0].lower() not in _NOT_A_SPEAKERS_START
            ):
                return beside
        who = _clean_source(segment)
        if who is None and at > 0:
            # "Janan Sayeeq, a spokesman, told Reuters": a title in lower case beside a name.
            title = " ".join(_trim_source(segment).split())
            beside = _clean_source(parts[at - 1])
            if title and _is_title(title) and beside and _is_name(beside):
                return beside
        if who and at > 0:
            beside = _clean_source(parts[at - 1])
            if beside and _is_title(who) and _is_name(beside):
                return beside  # "Mustefa Bali, the SDF spokesman, said": the person
            if beside and _is_name(who) and _is_title(beside):
                return f"{beside}, {who}"  # as written: "An SDF spokesman, Adnan Afrin, said"
        if who and _is_title(who) and not told:  # ("a UN spokesperson told Al Jazeera")
            after = _SAID_NAME.match(sentence, verb.end())
            if after:
                return after.group("name")
        if who:
            return who
        after = _SAID_NAME.match(sentence, verb.end()) if not told else None
        if after:
            return after.group("name")  # "said Adrian Edwards, a spokesman for UNHCR"
        after = _SAID_TITLE_NAME.match(sentence, verb.end())
        if after:
            return after.group("who").rstrip(".")  # "said UNHCR spokesperson Melissa Fleming"
    return None


_NOT_A_SPEAKERS_START = frozenset(
    "in on at from for by during after before since across near meanwhile however also".split()
)
_AN_ORGANISATION = re.compile(
    r"an?\s+(?:[\w-]+\s+){0,3}?(?i:organi[sz]ation|NGO|charity|agency|association|society|"
    r"network|coalition|group|body)\b"
)


# Nouns of job titles: a speaker named by one alone is a role ("the SDF spokesman"); the person
# named beside it is the speaker.
TITLE_NOUNS = (
    "spokesman", "spokeswoman", "spokesperson", "official", "director", "head", "chief",
    "commander", "minister", "coordinator", "representative", "officer", "manager", "envoy",
    "president", "governor", "adviser", "advisor", "secretary", "researcher", "analyst",
    "mayor", "chairman", "leader", "administrator", "commissioner", "delegate", "superintendent",
    "inspector", "prefect", "deputy", "member",
)  # fmt: skip
_TITLE_QUICK = _quick_check("|".join(TITLE_NOUNS), re.IGNORECASE)
_TITLE_END = re.compile(rf"\b{_TITLE_QUICK}(?:{'|'.join(TITLE_NOUNS)})s?$", re.IGNORECASE)
# A title with its office after it: "director general of the State Emergency Management Agency",
# "deputy head of a committee formed by the residents".
# Before the title, its office's owner may be named: "WFP’s deputy regional director for Asia",
# "the Borno State Commissioner for Information".
_TITLE_OF = re.compile(
    rf"^(?:(?:the\s+)?[\w.-]+['’]s\s+|(?:the\s+)?(?:[A-Z][\w-]*\s+){{1,3}})?(?:[a-z][\w-]*\s+){{0,2}}"
    rf"(?i:{'|'.join(TITLE_NOUNS)})s?(?:[\s-]+general)?\s+(?:of|for|at)\s"
)
_TITLE_END_ASCII, _TITLE_OF_ASCII = _in_ascii(_TITLE_END), _in_ascii(_TITLE_OF)
_NAME = re.compile(r"^(?:[A-Z][\w’'.-]+)(?:\s+(?:al-|bin\s+|de\s+|van\s+)?[A-Z][\w’'.-]+){1,6}$")
# (and people a story quotes by what they are: "said resident Tomas Hinojo")
_SAID_TITLE_NAME = re.compile(
    rf"\s+(?P<who>(?:[A-Z][\w’'.-]*\s+){{0,4}}(?:{'|'.join(TITLE_NOUNS)}|resident|villager|"
    r"survivor|witness|eyewitness|farmer|fisherman|teacher|nurse|doctor|volunteer)\s+"
    r"[A-Z][\w’'.-]+(?:\s+[A-Z][\w’'.-]+){1,2})"
)
# A person's name after their title: "Cambodian Prime Minister Samdech Techo Hun Sen".
_TITLED_NAME = re.compile(
    rf"^(?:[A-Z][\w’'.-]*\s+){{0,4}}(?i:{'|'.join(TITLE_NOUNS)})\s+"
    r"[A-Z][\w’'.-]+(?:\s+[A-Z][\w’'.-]+){0,4}$"
)
_SAID_NAME = re.compile(
    r"\s+(?P<name>[A-Z][\w’'.-]+(?:\s+[A-Z][\w’'.-]+){1,3})(?:,\s*(?P<title>[^,.;]{3,80}))?"
)


_SAID_STOP = (
    r"(?:on|in|at|as|that|which|who|when|after|before|during|with|to|for|from|by|today|yesterday)"
)
# Who speaks after an inverted verb: "…, warned the UN refugee agency on Friday as it sought".
_SAID_AFTER = re.compile(
    # a title and the body it speaks for: "…,” said a spokesman for Funchal's civil protection
    # service."
    rf"\s+(?P<who>(?:a|an|the)\s+(?:[a-z-]+\s+){{0,2}}(?:{'|'.join(TITLE_NOUNS)})\s+(?:for|of|at)\s+"
    r"(?:the\s+)?[A-Z][^,.;:!?\n]{2,70}?"
    rf"|(?:the\s+)?[A-Z][\w’'.-]*(?:\s+(?!{_SAID_STOP}\b)[\w’'.-]+){{0,6}}?"
    # people of an office, unnamed: "…, said officials."
    r"|(?:local\s+|state\s+|government\s+)?(?:officials|authorities|police|rescuers|witnesses)"
    # "Floods kill 24 in Ghana, says relief agency"
    r"|(?:a\s+|the\s+)?(?:relief|aid|rescue|humanitarian|disaster)\s+"
    r"(?:agency|agencies|officials|group|groups))"
    rf"(?=\s*(?:[,.;:!?]|\s{_SAID_STOP}\b|$))"
)


@functools.lru_cache(maxsize=4096)
def _is_title(who: str) -> bool:
    if _plain_ascii(who):
        return bool(_TITLE_END_ASCII.search(who) or _TITLE_OF_ASCII.match(who))
    return bool(_TITLE_END.search(who) or _TITLE_OF.match(who))


def _is_name(who: str) -> bool:
    return bool(_NAME.match(who)) and not _is_title(who)


# Offices a report names without a proper name: "local officials said", "according to data from
# the local health department".
_OFFICE = re.compile(
    r"^(?:(?:[\w’'-]+\s+){0,5}(?:officials|authorities|services?|department|ministry|agency|office|"
    r"government|police|army|military|rescuers|firefighters|guards|media|broadcaster|radio|"
    r"television|release|statement|administration)"
    r"(?:\s+(?:in|of)\s+the\s+(?:country|region|area|province|state))?"  # "… in the country"
    r"|(?:[\w-]+\s+){1,2}(?:reports|figures)"  # "according to official reports"
    r"|(?:[\w-]+\s+){1,3}sources?)\.?$",  # "a security source told AFP"
    re.IGNORECASE,
)


_GLUED_SENTENCE_END = re.compile(r"(?<=[a-z]{2})\.(?=[A-Z][a-z])")
_ABBREVIATION_END = re.compile(r"(?:\b[A-Za-z]\.|\b(?:Co|Inc|Ltd|Corp|Jr|Sr|St|Bros|Dept|Gov)\.)$")


# Places named together under their plural word of place: no speaker.
_PLACES_ONLY = re.compile(
    r"^(?:[A-Z][\w’'-]+,?\s+)+and\s+(?:[A-Z][\w’'-]+\s+)+"
    r"(?:provinces|districts|regions|states|governorates|departments|municipalities|islands)$"
)


# A story's dateline and its dash, before the speaker: a news agency's name after the city
# ("MINA – "), the place alone ("Philippines – "), or the city, day and agency ("GAZA, Jan. 28
# (YPA) – ").
_DATELINE_DASH = re.compile(
    r"(?:[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,2}(?:,\s+|\s+(?=[–—-])))?"
    r"(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s+\d{4})?\s+)?(?:\([A-Za-z]{2,10}\)\s+)?[–—-]\s+(?=[A-Z])"
)


# The plural words of place after names listed together: "Tharbaung and Maubin townships".
_PLACES_OF_A_LIST = frozenset(
    "townships towns districts provinces regions states counties municipalities camps villages".split()
)


# (a document names the same few speakers again and again: "the UN said", "OCHA reported")
@functools.lru_cache(maxsize=4096)
def _clean_source(text: str) -> str | None:
    # (a list's bullet: "•", or a dash and its space, "- The Indonesian National Board …")
    text = text.strip().lstrip("•●▪‣·* \t")
    if text[:2] in ("- ", "– "):
        text = text[2:]
    if text[:1] in "aA" and _AN_OFFICIAL.match(text):
        return text  # "…, an official said": one of an office, unnamed, as written
    who = " ".join(_trim_source(text).split())
    if "." in who:
        # "Mohammad Masud Alam.Meanwhile": a sentence's end without its space
        who = _GLUED_SENTENCE_END.split(who, 1)[0]
    who = _trim_source(who).strip()
    if (" – " in who[:40] or " - " in who[:40] or " — " in who[:40]) and (
        dateline := _DATELINE_DASH.match(who)
    ):
        # "Jakarta, MINA – Indonesian National Search And Rescue …", "GAZA, Jan. 28 (YPA) – The
        # media office of …": the story's dateline, then the speaker
        who = who[dateline.end() :]
    who = _SOURCE_VERB_END.sub("", who)  # "HAC has (said)": the speaker, not its verb
    if who[:3] in ("On ", "on ") and (day := _DATE_FIRST.match(who)):
        who = who[day.end() :]  # "On 21 July 2022 Niger Civil Protection (reported)"
    words = who.split()
    if words and words[0] in ("In", "in") and len(words) > 1 and words[1][:1].isupper():
        # "In El Salvador Civil Protection (reported)": where the body speaks, then the body
        # (and no speaker where only the place is left: "In El Salvador, officials said")
        for n in range(min(len(words) - 1, 3), 0, -1):
            if _country_named(" ".join(words[1 : n + 1])):
                words = words[n + 1 :]
                who = " ".join(words)
                break
    if not words or who.lower() in NOT_A_SOURCE or _DIGIT.search(who):
        return None
    if len(words) > 9 and not (len(words) <= 18 and _BODY_WITH_ITS_ACRONYM.search(who)):
        # (a body's full name before its acronym may be long: "The media office of the United
        # Nations Relief and Works Agency for Palestine Refugees (UNRWA)")
        return None
    if _NUMBER_WORD.match(words[0]) and words[0].lower() not in ("a", "an"):
        # "Hundreds of people are (said)": people counted, not a speaker
        return None
    if words[0].lower() in NOT_A_SOURCE or "I" in words or who[:12].lower() == "according to":
        return None  # "all I can say to you is": the speaker of a quotation says "I"
    if words[-1] in _PLACES_OF_A_LIST and " and " in who:
        return None  # "Tharbaung and Maubin townships continue to report": places, not a speaker
    if len(words) > 1 and words[-1] in ("he", "she", "they", "we"):
        return None  # "a village beside Lake Van where he (said)": the pronoun speaks
    if _PLACES_ONLY.match(who):
        # "VRCS assessments conducted in Penama, Malampa and Torba provinces revealed": the last
        # words of the subject name the places assessed, not who speaks
        return None
    if (
        not any(w.lstrip("(")[:1].isupper() and w not in _DAY_AND_MONTH_NAMES for w in words)
        and not _OFFICE.match(who)
        and not _AN_OFFICES_TITLE.match(who)
    ):
        # A source is named: an organisation, a person, or an office ("US defense officials",
        # "local officials", "the emergency services", "the national disaster management agency
        # (BNGRC)", "the interior minister"), not a person alone ("a resident").
        return None
    return who


# A body's name, its words capitalised but for small ones, and its acronym in brackets.
_BODY_WITH_ITS_ACRONYM = re.compile(
    r"(?:\b[A-Z][\w’'-]*(?:\s+(?:of|for|and|the|on|in|de|du|des|la|et)\b)*\s+){3,}"
    r"\([A-Z][A-Za-z]{1,9}\)$"
)
# One person of an office the text does not name: "an official", "a spokesman".
_AN_OFFICIAL = re.compile(rf"^an?\s+(?:{'|'.join(TITLE_NOUNS)})$", re.IGNORECASE)


# A title with its office's words, where the text names no one: "the interior minister", "a fire
# department spokesperson" (not "its governor"; "a spokesman" alone is _AN_OFFICIAL's).
_AN_OFFICES_TITLE = re.compile(
    rf"^(?:(?:the|an?)\s+)?(?!(?:its|his|her|their|our)\s)(?:[a-z-]+\s+){{1,3}}"
    rf"(?:{'|'.join(TITLE_NOUNS)})$"
)


def _household_size(sentence: str, lowered: str | None = None, plain: bool = False) -> float | None:
    lowered = sentence.lower() if lowered is None else lowered
    if "household" not in lowered and "famil" not in lowered:
        return None  # the pattern needs one of them; most sentences have neither
    m = (_HOUSEHOLD_SIZE_ASCII if plain else _HOUSEHOLD_SIZE).search(sentence)
    if not m:
        return None
    return float(m.group("size") or m.group("size2"))


def _verb_before_aside(sentence: str, lowered: str, found: list, j: int) -> bool:
    """Whether the count a nested figure's aside belongs to has its verb before the aside ("over
    28,000 people have been affected by Fanele, including …")."""
    whole = next((g for g in reversed(found[:j]) if not g.nested), None)
    if whole is None or not sentence.startswith(", including", found[j].start - 12):
        return False
    return len(lowered) == len(sentence) and bool(
        _VERB_LOWER.search(lowered, whole.end, found[j].start)
    )


def _clause_end(sentence: str, at: int, lowered: str, verbs: bool = True) -> int:
    """Where the words from `at` stop being an aside: a clause break or a verb of figures ("five
    civilians, including three children were killed in …": the verb is the whole's), where
    `verbs` (the whole has none before the aside: "over 28,000 people have been affected,
    including nearly 3,000 people left homeless in Morondava": the aside's own)."""
    brk = _CLAUSE_BREAK.search(sentence, at)
    end = brk.start() if brk else len(sentence)
    if not verbs:
        return end
    verb = _VERB_LOWER.search(lowered, at, end) if len(lowered) == len(sentence) else None
    return verb.start() if verb else end


# A place's name, and a word of place, right before the bracket a figure opens.
_NAME_BEFORE_BRACKET = re.compile(
    # ("Davao del Norte (114,580)": with the small words inside a name)
    r"(?<![\w’'-])(?P<name>[A-Z][\w’'-]+(?:\s+(?:(?:del|de|la|el|al|da|do|di|du)\s+)?[A-Z][\w’'-]+){0,2})"
    r"(?P<word>\s+(?i:zones?|count(?:y|ies)|districts?|provinces?|regions?|states?))?\s*\($"
)


def _named_before_brackets(sentence: str, f: _Found) -> _Mention | None:
    """The place a figure in brackets is given for: "Kisumu (7,704)", "East Hararghe (210,000
    persons) and Dawa zones (188,000 persons)". Only a name the gazetteer knows."""
    bracket = sentence.rfind("(", max(0, f.start - 30), f.start)
    if bracket < 0 or (
        sentence[bracket + 1 : f.start].strip()
        # (after a count of something else: "Beira (14 centres, 9,437 individuals)")
        and not _OTHER_COUNT_FIRST.fullmatch(sentence, bracket + 1, f.start)
    ):
        return None
    m = _NAME_BEFORE_BRACKET.search(sentence, max(0, bracket - 60), bracket + 1)
    if m is None:
        return None
    resolved = _resolve_mention(m.group("name"), "", None)
    if resolved is None:
        if _COUNT_IN_BRACKETS_BEFORE.search(sentence, max(0, m.start() - 80), m.start()):
            # "displaced in Bubanza (43), Musigati (25)": a name the gazetteer lacks, listed after
            # another place and its count
            return _a_place_of_kind(m.start(), m.group("name"), "towns")
        return None
    written, readings = resolved
    if readings[0].kind == "country" and (
        before := _COUNT_IN_BRACKETS_BEFORE.search(sentence, max(0, m.start() - 80), m.start())
    ):
        # "Kwara (41,680) and Niger (51,719)": listed after a province of another country that
        # has a province of this name, that province (Nigeria's Niger State)
        readings = _listed_after(before.group("name"), readings)
    return _mention(m.start(), "at", written, readings, False)


def _listed_after(before: str, readings: tuple) -> tuple:
    """The readings of a country's name listed after a place `before`: the province of that
    name in the country of `before`, where `before` is a province of another country."""
    found = _resolve_mention(before, "", None)
    first = found[1][0] if found else None
    if first is None or first.kind != "province" or first.country_iso3 == readings[0].country_iso3:
        return readings
    province = _province_in(readings[1:], first.country_iso3)
    return (province,) if province is not None else readings


def _province_in(readings, code: str):
    """The reading that is a province of the country `code`, if any: the Niger State of "Niger"
    in Nigeria."""
    return next((r for r in readings if r.kind == "province" and r.country_iso3 == code), None)


# A place and its count in brackets, then the list goes on: "Bubanza (43), ", "Kwara (41,680) and ".
_COUNT_IN_BRACKETS_BEFORE = re.compile(
    r"(?P<name>[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)?)\s*\(\d[\d,.]*[^()]{0,20}\),?\s+(?:and\s+)?$"
)
_OTHER_COUNT_FIRST = re.compile(r"\s*\d[\d,]*\s+[a-z]+,\s*")
# A list of places and their counts: "in other departments is: La Libertad 476,584; Lambayeque:
# 156,569; and Ancash 151,894".
_NAME_RIGHT_BEFORE = re.compile(
    r"(?:^|[:;,]\s*|\band\s+)(?P<name>[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){0,2}):?\s+$"
)


def _last_word_is_lower(text: str) -> bool:
    """Whether the text's last word (what is after its last space, the text's end stripped)
    holds letters, all in lower case."""
    words = text.rsplit(None, 1)
    return bool(words) and words[-1].islower()


def _named_right_before(sentence: str, start: int) -> _Mention | None:
    """The place a count is listed under, written right before it. Only a name the gazetteer
    knows, or one a list of districts or sites names ("districts … were Rutsiro with 26 dead";
    "five sites …; Bulanazi 34 households, 170 people", the people's place the households')."""
    if sentence.startswith(" with ", start - 6):
        return _listed_with(sentence, start)
    if not sentence[start - 2 : start - 1].isalpha() and sentence[start - 2 : start] != ": ":
        if sentence[start - 2 : start] == ", " and (
            pair := _HOUSEHOLDS_BEFORE.search(sentence, max(0, start - 30), start)
        ):
            # "Bulanazi 34 households, 170 people": the people of the households' place
            return _named_right_before(sentence, pair.start())
        return None
    # The name's last word is in the last word before the count: where that is in lower case
    # ("than", "displaced"), no name is (most counts); the pattern is not tried.
    if _last_word_is_lower(sentence[:start][-40:]):  # (no max(0, …): a call of the builtin)
        return None
    m = _NAME_RIGHT_BEFORE.search(sentence, max(0, start - 40), start)
    if m is None or m.group("name").isupper() or m.group("name").split()[0] in NOT_A_PLACE_START:
        return None  # "DHAKA: Millions of people …" is a dateline
    if not sentence[: m.start("name")].strip() and m.group("name") in sentence[start:]:
        # "Ghana: Hundreds of Togolese Flee to Ghana": a title led by the place it names again,
        # not a count listed under it
        return None
    resolved = _resolve_mention(m.group("name"), "", None)
    if resolved is None:
        # "five sites with the following statistics …; Bulanazi 34 households": a name the
        # gazetteer lacks, in a list of places of a kind
        units = _LISTED_UNITS.search(sentence, 0, m.start())
        return (
            _a_place_of_kind(m.start("name"), m.group("name"), units.group("unit"))
            if units
            else None
        )
    written, readings = resolved
    return _mention(m.start("name"), "at", written, readings, False)


# A count of households and its comma, before the same count in people.
_HOUSEHOLDS_BEFORE = re.compile(r"(?<![\d,.])\d[\d,]*\s+(?:households|HHs?|families),\s$")
_NAME_WITH = re.compile(
    r"(?<![\w’'-])(?P<name>[A-Z][\w’'-]+(?:\s+(?:(?:el|al|de|du|da|la|of)\s+)?[A-Z][\w’'-]+){0,3})"
    r"\s+with\s+$"
)
_FOLLOWED_BY = re.compile(r"\b(?:followed\s+by|then|next\s+(?:is|came|comes))\b|,\s*$", re.I)
_LISTED_UNITS = re.compile(
    r"\b(?P<unit>districts|provinces|towns|villages|regions|counties|municipalities|states|"
    r"cities|communes|governorates|sites|camps)\b",
    re.IGNORECASE,
)


def _listed_with(sentence: str, start: int) -> _Mention | None:
    """A place of a list of places before "with" and a count: "The hardest-hit districts … were
    Rutsiro with 26 dead, Nyabihu with 19"."""
    m = _NAME_WITH.search(sentence, max(0, start - 60), start)
    if m is None or m.group("name").split()[0] in NOT_A_PLACE_START:
        return None
    name = m.group("name")
    resolved = _resolve_mention(name, "", None)
    if resolved is not None and resolved[0] == name and _FOLLOWED_BY.search(sentence, 0, m.start()):
        # "… in Jonglei, followed by Unity with 146,000, Northern Bahr el Ghazal with 47,000"
        return _mention(m.start("name"), "at", resolved[0], resolved[1], False)
    units = _LISTED_UNITS.search(sentence, 0, m.start())
    return _a_place_of_kind(m.start("name"), name, units.group("unit")) if units else None


def _a_place_of_kind(at: int, name: str, word: str) -> _Mention:
    """A name of a list of places of one kind ("districts"): the gazetteer's reading, or a place
    of that kind it lacks."""
    resolved = _resolve_mention(name, "", None)
    if resolved is not None:
        return _mention(at, "at", resolved[0], resolved[1], False)
    kind = places.WORD_KINDS.get(word.lower().removesuffix("s"), "district")
    return _Mention(at, "at", name, places.Place(name, None, None, None, kind, "document"), (),
                    False, False)  # fmt: skip


def _mentions_of_figure(
    sentence: str, lowered: str, mentions: list[_Mention], f: _Found, owned: tuple[int, int],
    contrasts: list[re.Match], clause: re.Match | None, asides: list[tuple[int, int]],
) -> tuple[list[_Mention], tuple[int, int]]:  # fmt: skip
    """The places a figure may be filed under, and the span of the sentence it owns."""
    named = (
        _named_before_brackets(sentence, f) if f.nested else _named_right_before(sentence, f.start)
    )
    if named is not None:  # "the counties of Tana River (3,864 displaced), Homa Bay (2,046)"
        return [named], owned
    # (the last 90 characters before the figure cut as the last of those up to it: max(0, …) is a
    # call of the builtin, for every figure)
    if "toll " in lowered[: f.start][-90:] and (
        toll := _TOLL_BEFORE.search(sentence, max(0, f.start - 90), f.start)
    ):
        # "The death toll in Himachal Pradesh … rose to 60 after a landslide in Shimla": the
        # toll's own place, not the place of what raised it.
        inside = [m for m in mentions if toll.start() < m.start < toll.end()]
        if inside:
            return inside, owned
    here = (
        _WHERE_BEFORE.search(sentence, max(0, f.start - 130), f.start)
        if mentions and "where" in lowered
        else None
    )
    if here and any(here.start() < m.start < f.start for m in mentions):
        here = None  # (a place of the clause's own before the figure)
    anchor = here and next((m for m in reversed(mentions) if m.start < here.start()), None)
    if anchor and anchor.start + len(anchor.written) + 25 >= here.start():
        # "…Sunamganj district, where about 300,000 residents were hit": that place.
        return [replace(anchor, role="at")], (0, len(sentence))
    if contrasts:  # the places of this clause first, where it names any
        late = next((c.start() for c in contrasts if c.start() >= f.end), len(sentence))
        early = clause.end() if clause is not None else 0
        # else those before it; a later clause's place is its own ("Thousands of people have
        # been evacuated from the affected areas; about 860 … in emergency shelters in Nassau")
        mentions = [m for m in mentions if early <= m.start < late] or [
            m for m in mentions if m.start < late
        ]
    if not f.nested and asides:
        # "3,314 displaced, including 1,398 following attacks in Pernier": Pernier is the
        # 1,398's place, not the whole's.
        mentions = [m for m in mentions if not any(a <= m.start < b for a, b in asides)]
    if ", which" in sentence and len(mentions) > 1:
        # "Libya's flood disaster, which killed thousands in the city of Derna, also displaced
        # more than 43,000 people": the relative clause's place is its own count's
        for which in _WHICH_CLAUSE.finditer(sentence):
            a, b = which.span()
            if not a <= f.start < b and _DIGIT_OR_COUNT.search(sentence, a, b):
                outside = [m for m in mentions if not a <= m.start < b]
                if outside:
                    mentions = outside
    if "that" in sentence and mentions:
        # "… had been forced out of their homes once during the period from 2-8 August, noting
        # that the city of Hudaydah recorded the largest displacement figures with 568 families
        # affected": the place of what is noted, with its own count, not the 596's
        for noted in _NOTED_CLAUSE.finditer(sentence):
            a, b = noted.span()
            if f.start < a and _DIGIT_OR_COUNT.search(sentence, a, b):
                mentions = [m for m in mentions if not a <= m.start < b]
    return mentions, owned


_NOTED_CLAUSE = re.compile(r",\s+(?:noting|adding|saying|stressing)\s+that\s+[^;]+")
_WHICH_CLAUSE = re.compile(r",\s+which\s+[^,;]{3,160},")
_DIGIT_OR_COUNT = re.compile(r"\d|\b(?:dozens|hundreds|thousands|scores|millions)\b", re.I)


_RESPECTIVELY_AFTER = re.compile(r"[\s,]*respectively\b")
_PLACES_JOINED = re.compile(r"(?:\s+(?:camps?|districts?|provinces?|regions?))?(?:,\s*|\s+and\s+)")


def _respectively(
    sentence: str, mentions: list[_Mention], found: list[_Found], i: int
) -> _Mention | None:
    """The place in the same rank of a list before counts given "respectively": "Nkhotakota and
    Mchinji camps are home to 181 and 220 households respectively" (220 is Mchinji's)."""
    first = i
    while first and _NUMBERS_JOINED.fullmatch(sentence, found[first - 1].end, found[first].start):
        first -= 1
    last = i
    while last + 1 < len(found) and _NUMBERS_JOINED.fullmatch(
        sentence, found[last].end, found[last + 1].start
    ):
        last += 1
    end = max(found[last].population_end, found[last].end)
    if first == last or not _RESPECTIVELY_AFTER.match(sentence, end):
        return None
    count = last - first + 1
    named = [m for m in _NAMES_OF_KIND.finditer(sentence, 0, found[first].start)
             if len(_NAME_IN_LIST.findall(m.group("names"))) == count]  # fmt: skip
    if named:
        # "Gayan and Barmal districts of Paktika": names before their plural word of place
        name = _NAME_IN_LIST.findall(named[-1].group("names"))[i - first]
        at = sentence.find(name, named[-1].start("names"))
        return _a_place_of_kind(at, name, named[-1].group("word"))
    before = [m for m in mentions if m.start < found[first].start]
    listed = before[-count:]
    if len(listed) != count or not all(
        _PLACES_JOINED.fullmatch(sentence, a.start + len(a.written), b.start)
        for a, b in itertools.pairwise(listed)
    ):
        return None
    return replace(listed[i - first], listed=False)


# Two counts, each in a place named before their shared plural word of place: "120 in the
# Eastern and 162 in the Central divisions".
_EACH_IN_THE = re.compile(
    r"(?P<n1>\d[\d,]*)\s+in\s+the\s+(?P<p1>[A-Z][\w’'-]+)\s+and\s+(?P<n2>\d[\d,]*)\s+in\s+the\s+"
    r"(?P<p2>[A-Z][\w’'-]+)\s+(?P<word>divisions|provinces|regions|districts|states|governorates|"
    r"departments|counties|municipalities)\b"
)
# Names of one kind listed before their plural word of place: "Gayan and Barmal districts".
_NAME_IN_LIST = re.compile(r"[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)?")
_NAMES_OF_KIND = re.compile(
    rf"(?P<names>{_NAME_IN_LIST.pattern}(?:,\s*{_NAME_IN_LIST.pattern})*,?\s+and\s+"
    rf"{_NAME_IN_LIST.pattern})\s+(?P<word>{'|'.join(sorted(_PLACES_OF_A_LIST))})\b"
)


# A count and more: "a further 180 or more injured" (at least 180).
_OR_MORE = re.compile(r" or more\b")
# Two counts of one noun: "home to 181 and 220 households respectively".
_NUMBERS_JOINED = re.compile(r"\s*(?:and|or|&)\s*")
_HOUSEHOLDS_BRACKET = re.compile(rf"\b(?:{_HOUSEHOLDS})\s*\(\s*$", re.IGNORECASE)


def _bracket_end(sentence: str, f: _Found) -> int:
    """Where the brackets close in which a figure gives the people of the households before them
    ("2,400 families (14,400 people)"); the sentence's end for any other figure (not a part in
    brackets: "mostly Central Africans (4,764) but also foreign nationals from Chad (3,424)")."""
    if not _HOUSEHOLDS_BRACKET.search(sentence, max(0, f.start - 20), f.start):
        return len(sentence)
    close = sentence.find(")", f.end)
    return close + 1 if close >= 0 else len(sentence)


# A bare count's place right after it, or the words that make it a part of the count before.
_PLACE_RIGHT_AFTER = re.compile(r"\s+(?:in|from|at)\s+(?:the\s+)?[A-Z]")
_ONE_PERSON_AFTER = re.compile(r"\s+(?:person|man|woman|child|boy|girl|individual)\b")
_PART_OF_THE_COUNT_BEFORE = re.compile(r"\b(?:of\s+which|of\s+whom|including)\s+$")


def _set_population(item: _Found, sentence: str, population: re.Match) -> None:
    # The match may be of the lower-cased sentence: the words are cut from the sentence itself.
    item.population = " ".join(sentence[population.start("pop") : population.end("pop")].split())
    item.population_end = population.end()
    if _HOUSEHOLD_HEAD.match(population.group("head")):
        item.unit = "households"


def _number_span(m: re.Match, g: str) -> tuple[int, int]:
    """Where one number of a QUANTITY match is written: its digits and scale, or its words."""
    parts = [m.span(k) for k in (g + "d", g + "s", g + "w") if m.group(k) is not None]
    return min(a for a, _ in parts), max(b for _, b in parts)


_DEATHS_BEFORE = re.compile(r"\b(?:deaths|dead|toll|fatalities|killed)\b")
# Words of change before "from A to B": the count went from A to B.
_CHANGE_BEFORE = re.compile(
    # (a speaker's change too: "raised the death toll from 44 to 50")
    r"\b(?:increas|ris|rose|grew|grow|climb|jump|soar|swell|swoll|drop|fell|fall|decreas|declin|"
    r"rais|revis|updat)"
    r"\w*\s+(?:\w+\s+){0,4}$",  # "has risen sharply since early June from 2,600 to 102,600"
    re.IGNORECASE,
)


# The Estimate of each quantity read, by its groups' words: a document writes the same numbers
# again and again ("5,000", "at least 20"), and each is worked out once. (QUANTITY and its twins
# number their groups alike; a number that is no count raises EstimateError each time.)
_ESTIMATES: dict[tuple, Estimate] = {}


def _estimate(m: re.Match) -> Estimate:
    """estimate_from_match(m), kept for the next quantity written alike."""
    key = (m.groups(), m.group(0))
    found = _ESTIMATES.get(key)
    if found is None:
        if len(_ESTIMATES) >= 4096:
            _ESTIMATES.clear()
        found = _ESTIMATES[key] = estimate_from_match(m)
    return found


# A count in square brackets: "1,500 families [9,000 people]".
_SQUARE_COUNT = re.compile(r"\[(\d[\d,.]*(?:\s+[a-z]+){0,2})\]")


def _sentence_candidates(
    text: str, offset: int, sentence: str, context: _Context
) -> list[Candidate]:
    blocked: list[tuple[int, int]] | None = None  # dates, phones, times: looked for when needed
    found: list[_Found] = []
    as_written = sentence
    if "[" in sentence:
        # "1,500 families [9,000 people] … have left their homes": a count in square brackets is
        # read as in round ones (the same length: every position stays)
        sentence = _SQUARE_COUNT.sub(r"(\1)", sentence)
    lowered = sentence.lower()
    # Read in lower case (fast) where that keeps every position; a match's groups are then in
    # lower case, so what a candidate quotes is cut from the sentence itself.
    same_length = len(lowered) == len(sentence)
    # (a sentence all in ASCII is read by the patterns' twins in ASCII, _in_ascii)
    plain = _plain_ascii(sentence)
    pattern, subject = (
        ((_QUANTITY_ASCII if plain else QUANTITY_LOWER), lowered)
        if same_length
        else (QUANTITY, sentence)
    )
    # Who is counted is read in lower case where that finds the same (its words are then cut from
    # the sentence as written).
    people, people_in = (
        ((_POPULATION_LOWER_ASCII if plain else _POPULATION_LOWER), lowered)
        if same_length and (sentence.isascii() or not _FOLDED_APART.search(sentence))
        else (_POPULATION, sentence)
    )
    pos = 0
    dropped = -1  # where the last number that is no figure ends
    parts_of_dropped = (0, 0)  # the brackets after it
    while (m := pattern.search(subject, pos)) is not None:
        m_start, m_end = m.span()  # (read once: a method call each time)
        pos = m_end
        if blocked is None:
            blocked = _not_spans(sentence, plain)
            if "opulation" in lowered:
                blocked += _population_spans(sentence, plain)
        # A quantity that starts inside a date and runs past it ("on July 7 to 5,015") is read
        # again from the end of the date.
        cut = 0
        for a, b in blocked:
            if a <= m_start < b < m_end:
                cut = b
                break
        if cut:
            pos = cut
            continue
        if parts_of_dropped[0] <= m_start < parts_of_dropped[1] and sentence.startswith(
            " in ", m_end
        ):
            continue  # "10,100 … buildings were burned or destroyed (4,800 in June and 5,300 in
            # October)": the parts in brackets of what is no figure
        if _is_not_a_figure(
            sentence, lowered if same_length else None, m, blocked, text, offset, plain
        ):
            dropped = m_end
            bracket = sentence.find("(", m_end, m_end + 80)
            if bracket > 0 and not _DIGIT.search(sentence, m_end, bracket):
                close = sentence.find(")", bracket)
                parts_of_dropped = (bracket, close if close > 0 else len(sentence))
            continue
        if (
            dropped > (found[-1].end if found else -1)
            and sentence[m_start - 1 : m_start] == "("
            and _WORD_BRACKET_BEFORE.search(sentence, max(0, m_start - 20), m_start)
        ):
            continue  # "17,100 houses have been destroyed (7,488), damaged (2,714)": houses too
        if m.group("from") is not None and _CHANGE_BEFORE.search(
            sentence, max(0, m_start - 60), m_start
        ):
            # "The number of injured people also increased from 2,059 to 2,421": a count before
            # and after, not a range.
            change_before = lowered[max(0, m_start - 60) : m_start]
            kept = len(found)
            for g in ("a3", "b3"):
                a, b = _number_span(m, g)
                one = pattern.fullmatch(subject, a, b)
                if one is not None:
                    with contextlib.suppress(EstimateError):
                        one_estimate = _estimate(one)
                        if one_estimate.best is not None and (
                            one_estimate.best >= 100 or _DEATHS_BEFORE.search(change_before)
                        ):  # (small counts of deaths too: "deaths there had risen from 15 to 16")
                            found.append(
                                _Found(one, a, b, one_estimate, False, population_end=b,
                                       then=len(found) > kept)
                            )  # fmt: skip
            if found and found[-1].end == m_end:
                population = people.match(people_in, m_end)
                if population:
                    _set_population(found[-1], sentence, population)
            continue
        try:
            estimate = _estimate(m)
        except EstimateError:
            continue  # above MAX_COUNT, a decimal count, a range that runs backwards: no figure
        if (
            estimate.qualifier == "exact"
            and sentence[m_start - 2 : m_start - 1] in ("s", "d", "S", "D", "t", "e")
            and (_PASSED_ASCII if plain else _PASSED).search(
                sentence, max(0, m_start - 20), m_start
            )
        ):
            # "deaths pass 500", "the toll topped 1,000": beyond it (the dev set: "passes 200")
            estimate = replace(estimate, high=None, qualifier="more_than")
        elif estimate.qualifier == "up_to" and _CHANGED_UP.search(
            sentence, max(0, m_start - 40), m_start
        ):
            # "The government later revised the death toll up to 254": to it, not at most it.
            estimate = replace(estimate, low=estimate.best, qualifier="exact")
        if (
            found
            and sentence[m_start - 2 : m_start] == " ("
            and found[-1].end == m_start - 2
            and sentence.startswith(")", m_end)
            and found[-1].estimate.best == estimate.best
            and not sentence[found[-1].start : found[-1].end][:1].isdigit()
        ):
            # "Six thousand (6,000) households": the number in words again in figures, one count
            continue
        population = people.match(people_in, m_end)
        if (
            population is not None
            and estimate.best is not None
            and estimate.best < 10
            and population.group("head").lower() == "children"
            and _WITH_BEFORE.search(sentence, max(0, m_start - 20), m_start)
        ):
            continue  # one family: "has spent days on the road with three children"
        if (
            population is not None
            and estimate.best == 1
            and population.group("head").lower() in ("family", "household")
            and _FROM_ONE_BEFORE.search(sentence, max(0, m_start - 6), m_start)
        ):
            continue  # "Five of the dead are from one family": who they are, not a count
        # "Of those who died, 11 were from Tafea island, eight from …": parts of a count.
        parts = m_start < 60 and _PARTS_OF.match(sentence, 0, m_start)
        if (
            _small_or_year(m, estimate, population is not None)
            and not _TERM_RIGHT_AFTER.match(sentence, m_end)
            and not _small_count(sentence, m, estimate, found, bool(parts))
        ):
            continue
        if (
            population is None
            and sentence.endswith(("in ", "In "), 0, m_start)
            and _YEAR_ONLY.match(sentence[m_start:m_end])
        ):
            continue  # "An eruption by La Soufrière in 1902 killed more than 1,000 people": a year
        # A figure in brackets or in an "including …" aside is nested in the one before it, whose
        # verb may come after it: "180,000 people, including 80,000 children, have been displaced".
        # (counted where the sentence holds an opening bracket at all: most hold none)
        depth = (
            sentence.count("(", 0, m_start) - sentence.count(")", 0, m_start)
            if "(" in sentence
            else 0
        )
        near = m_start - 40 if m_start > 40 else 0  # (max(0, …) is a call of the builtin)
        nested = (
            depth > 0
            or bool(parts)
            # inside an aside between dashes: "400 civilians – …, along with 12 aid workers –"
            or (found and sentence.count(" – ", found[-1].end, m_start) % 2 == 1)
            # (its every match holds a comma or "--": most windows before a number hold neither)
            or (
                (sentence.find(",", near, m_start) >= 0 or sentence.find("--", near, m_start) >= 0)
                and bool((_NESTED_ASCII if plain else _NESTED).search(sentence, near, m_start))
            )
            or (
                sentence.endswith("including ", 0, m_start)
                and bool(_PEOPLE_INCLUDING.search(sentence, max(0, m_start - 40), m_start))
            )
            # the list goes on: "including 1,398 in Pernier, 1,239 at Wharf de la Saline"
            or bool(
                found
                and found[-1].nested
                and _LIST_GOES_ON.match(sentence, found[-1].end, m_start)
                and not (_VERB_LOWER_ASCII if plain else _VERB_LOWER).search(
                    lowered, found[-1].end, m_start
                )
                and not _after_an_aside(sentence, lowered, found, m_start, m_end)
            )
        )
        if (
            estimate.qualifier == "exact"
            and sentence.startswith(" or ", m_end)
            and _OR_MORE.match(sentence, m_end)
        ):
            # "a further 180 or more injured": at least 180
            estimate = Estimate(estimate.best, estimate.best, None, "at_least")
        item = _Found(m, m_start, m_end, estimate, nested, population_end=m_end)
        if population:
            _set_population(item, sentence, population)
        found.append(item)
    if not found:
        return []
    for one, two in itertools.pairwise(found):
        if (
            one.population is None
            and two.population is not None
            and _NUMBERS_JOINED.fullmatch(sentence, one.end, two.start)
        ):
            one.population, one.unit = two.population, two.unit  # "181 and 220 households"
        elif (
            two.population is None
            and one.unit == "households"
            and sentence[two.start - 1 : two.start] != "("
            and two.start - one.end < 150
            and (
                _PLACE_RIGHT_AFTER.match(sentence, two.end)
                or (
                    _PART_OF_THE_COUNT_BEFORE.search(
                        sentence, max(one.end, two.start - 16), two.start
                    )
                    # (not one person: "314 households …, including one person killed")
                    and not _ONE_PERSON_AFTER.match(sentence, two.end)
                )
            )
        ):
            # "800 families in Rangamati and 500 in Bandarban", "12,583 families …, of which
            # 11,005 are hosted": the households counted before
            two.unit = "households"

    attributed_to = (
        _attribution(sentence)
        or context.quoted_speaker(offset, offset + len(sentence))
        or context.cited_after(offset + len(sentence))
        or context.source_line_after(offset + len(sentence))
    )
    if attributed_to is None and offset < 1_000:
        attributed_to = context.title_speaker(sentence)  # "… in Myanmar: UN"
    if (
        attributed_to is None
        and ("he " in sentence or "He " in sentence)
        and _may_say_a_pronoun_said(sentence)
    ):
        said = _PRONOUN_SAID.search(sentence)
        if said is not None:
            attributed_to = context.person_before(offset)  # "…,” she said": who she is
    if attributed_to is None and (
        sentence.startswith(("They said", "They say", "It said"))
        or (("it " in sentence or "they " in sentence) and _IT_SAID.search(sentence))
    ):
        # "Authorities put the official death toll … at 214 … They said 1.5 million Chileans
        # were affected", "So far, it adds, over 91,000 people have been registered", "…,” it
        # said": who "they" or "it" are, the sentence before's speaker
        attributed_to = context.speaker_before(offset)
    if (
        attributed_to is None
        and _may_name_an_agent(sentence)
        and (agent := _AGENT.search(sentence)) is not None
    ):
        # "Kyrgyz authorities have evacuated approximately 5,000 people", "UNHCR has
        # transferred about 1,036 people": the body that moved them counted them.
        attributed_to = agent.group("who")
    periods = _periods(sentence, lowered, plain)
    size = _household_size(sentence, lowered, plain)
    mentions = _place_mentions(sentence, learnt=context.learnt)
    if mentions and any(_generic(m.written) for m in mentions):
        mentions = [context.generic_in_country(m) for m in mentions]
    if mentions and context.datelines():
        # The dateline's place is the document's ("GOMA, Congo, March 20 (Reuters) -"), not one
        # the sentence names.
        mentions = [m for m in mentions if not context.in_dateline(offset + m.start)]
    if (
        mentions
        and attributed_to
        and sentence.lstrip().startswith("In ")
        and (briefing := _IN_PLACE_SPEAKER_SAID.match(sentence))
        and not (
            (first := mentions[0]).reading is not None
            and first.reading.kind == "country"
            and not any(m.start < briefing.end() for m in mentions[1:])
        )
    ):
        # "In Geneva, Switzerland, UN High Commissioner for Refugees spokesman Babar Baloch said
        # that more than 3,300 people had fled": where the speaker spoke (not a country alone,
        # whose own spokesman speaks of it: "In Poland, civil defense spokesman Captain Leszek
        # Korpus said 20,000 had been evacuated")
        mentions = [m for m in mentions if m.start >= briefing.end()]
    if mentions:
        context.figure_places[offset] = (offset + len(sentence), mentions)
    # The text each figure owns: from the figure before it up to the next figure that is not in
    # brackets after it. A period or a place there is the figure's, not its neighbours'.
    # ", while" and ";" start a clause of other people, place and speaker: it is the next figure's.
    contrasts = (
        list(_CONTRAST.finditer(sentence))
        if len(found) > 1 and (";" in sentence or "whe" in lowered or "whil" in lowered)
        else []
    )
    owned: list[tuple[int, int]] = []
    for i, f in enumerate(found):
        nxt = next((g.start for g in found[i + 1 :] if f.nested or not g.nested), len(sentence))
        if contrasts:
            nxt = next((c.start() for c in contrasts if f.end < c.start() < nxt), nxt)
        owned.append((found[i - 1].end if i else 0, nxt))
    # A nested figure's aside runs to the next figure or the end of its clause, or its closing
    # bracket: "An estimated 2,400 families (14,400 people) in Hadramaut Governorate" (the place
    # after it is the whole's too).
    asides = (
        [
            (
                g.start,
                min(
                    owned[j][1],
                    _clause_end(
                        sentence,
                        g.population_end,
                        lowered,
                        not _verb_before_aside(sentence, lowered, found, j),
                    ),
                    _bracket_end(sentence, g),
                ),
            )  # fmt: skip
            for j, g in enumerate(found)
            if g.nested
        ]
        if len(found) > 1
        else []
    )
    out: list[Candidate] = []
    previous: tuple[str | None, str, str] | None = None
    previous_unit = "people"
    nationwide: bool | None = None  # whether the sentence speaks of the whole country
    two_units: list[int] = []  # figures whose count the next figure gives in another unit
    placed: tuple[int, dict] | None = None  # the last figure's place fields, by its index
    stripped = sentence.strip()
    # Each period is resolved once, however many figures it dates (the periods are the
    # sentence's own, alive while it is read: their ids stay theirs).
    resolved: dict[int, tuple] = {}
    for i, f in enumerate(found):
        prev_end, nxt = owned[i]
        after = sentence[f.population_end : nxt]
        if i + 1 < len(found) and _OTHER_UNIT.match(after):
            two_units.append(i)
        before = sentence[prev_end : f.start]
        after_clean = (
            (_APPOSITION_ASCII if plain else _APPOSITION).sub(" ", after) if "," in after else after
        )
        after_clean = _PARENS.sub(" ", after_clean) if "(" in after_clean else after_clean
        if " – " in after_clean or " — " in after_clean or "--" in after_clean:
            # "more than 400 civilians – including women, …, along with 12 aid workers – have
            # been killed": the aside between dashes set apart, as brackets are
            after_clean = _DASH_ASIDE.sub(" ", after_clean)

        verb = None
        if "with" in after_clean and (others := _WITH_OTHERS.search(after_clean)):
            # "deaths pass 500 with hundreds still missing", "has risen to 148, with 59 people
            # still missing": those others' verb is theirs (and the clause after, cut from what
            # is left, holds no others)
            after_clean = after_clean[: others.start()]
        clause_after = _clauses(after_clean, maxsplit=1, plain=plain)[0]
        if clause_after[:12].lstrip().startswith("affected by") and (
            finite := _AFFECTED_BY_THEN.match(clause_after)
        ):
            # "41,418 victims affected by the floods in eight states have been evacuated": the
            # clause's own verb, not the words that say who they are
            clause_after = clause_after[finite.end() :]
        clause_before = _clauses(before, plain=plain)[-1]
        governing = _object_verb(" ".join(clause_before[-60:].split()[-7:]))
        if (
            governing is None
            and clause_before.endswith(" along with ")
            and (beside := _find_verb(clause_before[:-12], True, plain=plain))
        ):
            # "decided to leave their home along with dozens of other residents": what those
            # they went with did, they did
            governing = beside[:2]
        if (
            previous is not None
            and f.nested
            and sentence[: f.start].endswith("(")
            and sentence.startswith(")", f.population_end)
        ):
            # "affected 45,681 people (8,543 households) and caused the displacement of …": the
            # same count in another unit, in brackets, is the count's before it
            verb = (previous[1], previous[2], 0, False)
        elif (
            "toll" in clause_before
            and _TOLL_ROSE_RIGHT_BEFORE.search(sentence, max(0, f.start - 20), f.start)
            and _TOLL_SUBJECT.search(sentence, max(0, f.start - 250), f.start)
        ):
            verb = ("died", "flow", 0, False)  # (a toll "reached 41": not people who arrived)
        elif governing is not None:
            verb = (*governing, 0, False)
            if (
                governing == ("hosted", "stock")
                and (done := _PARTICIPLE_AFTER.match(sentence, f.population_end))
                and _HAS_BEFORE.search(clause_before[-40:])
            ):
                # "The department of Likouala has approximately 34,543 people affected": what
                # the participle after the people says happened to them, not people it holds
                verb = _find_verb(done.group(1), False, plain=plain) or verb
            if governing[0] == "arrived" and _REGISTERED_IN_CAMPS.match(sentence, f.population_end):
                if "regist" in clause_before[-40:]:
                    # "has registered about 80,000 IDPs across four camps": people in the camps
                    verb = ("hosted", "stock", 0, False)
        elif "number of" in lowered and (
            rose := (_NUMBER_ROSE_TO_ASCII if plain else _NUMBER_ROSE_TO).search(
                sentence, max(0, f.start - 200), f.start
            )
        ):
            # "The number of people temporarily living in shelters … has reached 80,826", "the
            # number of registered Ivorian refugees in Liberia rise to 22,000": the subject's
            # verb, else a count of people somewhere at a moment.
            subject = rose.group("subject") or rose.group("swelled")
            verb = _find_verb(subject, False, plain=plain)
            if verb is not None and verb[:2] == ("displaced", "flow"):
                # "the number of people displaced in Rakhine State has surpassed 115,000": how
                # many are displaced at that moment
                verb = ("displaced", "stock", *verb[2:])
            if verb is None and "IDP" in subject and _IDPS.search(subject):
                # "The total number of IDPs since the eruption of violence … has now reached
                # 700 000": people displaced, since then a flow (DESIGN: a cumulative flow)
                verb = ("displaced", "flow" if " since " in subject else "stock", 0, False)
            verb = verb or (
                # (a disaster's victims are the people it hit: "the number of flood victims
                # increased to 6,609")
                ("affected", "flow", 0, False)
                if "victims" in subject and _DISASTERS_VICTIMS.search(subject)
                else ("died", "flow", 0, False)
                if "victims" in subject  # "the total number of victims … climbs to"
                else ("hosted", "stock", 0, False)
            )
            if _IN_SHELTERS_AFTER.match(sentence, f.end):
                # "the number of internally displaced persons has reduced to 1,530 across six
                # evacuation centres": people where they are taken in
                verb = ("hosted", "stock", 0, False)
        # Nearest first: this clause after the figure, then its own words ("hundreds of
        # surrendering fighters"), this clause before it, then further away.
        own_words = sentence[f.end : f.population_end]
        noun = f.population
        if noun is None and i + 1 < len(found) and after.strip() == "and":
            noun = found[i + 1].population  # "with at least 238 and 500 deaths": both deaths
        if (
            (
                noun
                and (
                    noun.rsplit(None, 1)[-1] in _DEATH_NOUNS
                    or (" " in noun and noun.split(None, 1)[0].lower() in ("dead", "deceased"))
                )
            )
            or (
                noun is None
                and (
                    (  # "claimed one life"
                        sentence.startswith(" life", f.end)
                        and not sentence[f.end + 5 : f.end + 6].isalpha()
                    )
                    or (
                        (dead := _OF_THE_DEAD.match(sentence, f.end))
                        and not dead.group().rstrip().endswith(_NOT_DEAD_ENDS)
                    )
                )
            )
        ):
            # ("We have 29 dead people identified": the dead)
            # "has claimed an estimated 670 lives", "at least 5 confirmed deaths and the
            # evacuation of thousands", "we have one fatality": the noun says what is counted.
            verb = ("died", "flow", 0, False)
        if (
            (verb is None or verb[:2] == ("hosted", "stock"))
            and sentence.startswith(" dead", f.population_end)
            and f.population_end > f.end
        ):
            # "Hurricane Otto left ten people dead and directly affected more than 10,000": the
            # people's state right after them, not the verb of the count after (nor one that has
            # them: "We have 15 people dead and seven missing")
            verb = ("died", "flow", 0, False)
        if (
            verb is None
            and " of " in clause_before[-14:]
            and _SHARE_OF_BEFORE.search(sentence, max(0, f.start - 40), f.start)
        ):
            # "A quarter of the 400,000 ethnic Uzbeks who fled the violence earlier had streamed
            # across the border": the main verb is the share's; the count's is its own clause's
            verb = _find_verb(clause_after, False, main=False, plain=plain)
        if (
            verb is None
            and "toll" in lowered[: f.start][-110:]  # (no max(0, …): a call of the builtin)
            and _TOLL_BEFORE.search(sentence, max(0, f.start - 110), f.start)
        ):
            # "The death toll has risen to 662 while 82 persons remain missing": the toll's
            # count, whatever the clause after it says (also after two phrases of the toll's:
            # "The death toll in the Plateau Christmas Eve attack in Bokkos and Barkin-Ladi has
            # risen to 195 as the search for missing persons is still ongoing"; "The death toll in
            # floods which left thousands homeless in the Malian capital, Bamako, has risen to 34").
            verb = ("died", "flow", 0, False)
        if verb is None:
            if ", including" in after and i + 1 < len(found) and found[i + 1].nested:
                # "All 12,000 residents of Moria, including some 4,000 children, managed to
                # evacuate", "left 11,500 asylum seekers, including 2,200 women and 4,000
                # children, without adequate shelter": the verb after the parts, before the
                # count's own words ("residents") and the verb before it
                j = i + 1
                while j + 1 < len(found) and found[j + 1].nested:
                    j += 1
                rest = sentence[found[j].population_end : owned[j][1]].lstrip(" ,")
                verb = _verb_in(
                    ((clause_after, False), (_clauses(rest, maxsplit=1)[0], False)),
                    clause_before,
                    plain=plain,
                )
        if (
            verb is None
            and two_units
            and two_units[-1] == i
            and own_words
            and _OTHER_UNIT.match(clause_after)
            and _find_verb(own_words, False, plain=plain) is not None
        ):
            # "About 72,317 residents in 20,192 households were affected": the people's own word
            # ("residents") is no verb where the same count in households has one after it
            same_count = sentence[found[i + 1].population_end : owned[i + 1][1]]
            verb = _verb_in(((_clauses(same_count, maxsplit=1)[0], False),), clause_before,
                            plain=plain)  # fmt: skip
        if verb is None:
            windows = ((clause_after, False), (own_words, False), (clause_before, True))
            verb = _verb_in(windows, clause_before, sentence[: f.start], plain)
        if (
            verb is None
            and i + 1 < len(found)
            and (
                (two_units and two_units[-1] == i)
                or _JOINED.match(after)
                # ("19 adults and 24 children have sought refuge": its people's words run over
                # the next count's)
                or f.population_end > found[i + 1].start
            )
            # (not an aside's count and the next count outside it: "Four people died, including
            # three children, and about 30 suffered minor injuries")
            and not (f.nested and not found[i + 1].nested)
        ):
            # "39,054 people from 6,580 households have been displaced": one count in two units,
            # whose verb comes after the second; "nearly half a million Bangladeshis and
            # thousands of Rohingya refugees have lost their homes": two counts, one verb.
            same_count = sentence[found[i + 1].population_end : owned[i + 1][1]]
            if two_units and two_units[-1] == i:
                # "some 309 families, or about 1,500 people, have fled": the second set apart
                same_count = same_count.lstrip(" ,")
            windows = ((_clauses(same_count, maxsplit=1)[0], False),)
            verb = _verb_in(windows, clause_before, plain=plain)
        if (
            verb is None
            and i + 2 < len(found)
            and f.population is not None
            and _COUNTS_JOINED.fullmatch(sentence, f.population_end, found[i + 1].start)
        ):
            # "An estimated 2,400 families (14,400 people) in Hadramaut Governorate and 2,000
            # families (18,000 people) in Shabwah Governorate are reportedly displaced": counts
            # joined by "and", each with its place, and the verb after the last
            j = i + 1
            while j + 1 < len(found) and _COUNTS_JOINED.fullmatch(
                sentence, found[j].population_end, found[j + 1].start
            ):
                j += 1
            rest = sentence[found[j].population_end : owned[j][1]]
            verb = _verb_in(((_clauses(rest, maxsplit=1)[0], False),), clause_before, plain=plain)
        if (
            verb is None
            and f.population is not None
            and i + 1 < len(found)
            and after[:1] == ","
            and not (f.nested and not found[i + 1].nested)
        ):
            # "246 women, 522 men and 399 children have lost their lives": the list's verb,
            # after its last count.
            j = i
            while j + 1 < len(found) and _LIST_SEPARATOR.fullmatch(
                sentence, found[j].end, found[j + 1].start
            ):
                j += 1
            if j > i:
                rest = sentence[found[j].population_end : owned[j][1]]
                verb = _verb_in(
                    ((_clauses(rest, maxsplit=1)[0], False),), clause_before, plain=plain
                )
        if verb is None and f.nested and previous is not None:
            # "evacuation of 26,467 residents, including 5,976 children": the whole's verb.
            verb = (previous[1], previous[2], 0, False)
        if (
            previous is not None
            and i >= 2
            and (opening := sentence.rfind("(", found[i - 2].end, found[i - 1].start)) != -1
            and ")" not in sentence[opening : f.start]
            and (closing := sentence.find(")", f.end, f.end + 60)) != -1
            and _verb_in(((sentence[f.end : closing], False),), clause_before, plain=plain) is None
        ):
            # "39 people dead (35 in Elazig, 4 in Malatya Province) and more than 1,600 injured":
            # a part in brackets after the first is of the same whole (not the verb after them)
            verb = (previous[1], previous[2], 0, False)
        if verb is None and not (
            previous is not None and _LIST_GOES_ON.match(sentence, found[i - 1].end, f.start)
        ):
            # Further away, unless the figure goes on a list ("5.7 million in Ethiopia, 2.8
            # million in Kenya and 4.3 million in Somalia"), whose verb is the list's.
            verb = _verb_in(((after_clean, False), (before, True)), clause_before, plain=plain)
        if (
            verb is not None
            and (
                "strand" in after[:60]
                or "homeless" in after[:60]
                or " dead" in after[:60]
                or "stuck" in after[:60]
            )
            and (state := _STATE_AFTER.match(sentence, f.population_end))
        ):
            # "to evacuate 22,000 pilgrims still stranded", "how to shelter up to 5 million
            # residents in Sichuan Province who are now homeless": what the people are now.
            now = (
                ("displaced", "stock")
                if state.group(1) == "homeless"
                else ("died", "flow")
                if state.group(1).endswith("dead")
                else ("remain", "stock")
            )
            verb = (*now, 0, False)
        if (
            (verb is None or verb[0] != "hosted")
            and sentence.startswith(" in ", f.population_end)
            and _IN_A_SHELTER_AFTER.match(sentence, f.population_end)
        ):
            # "3 865 people displaced, 40 people in a shelter in San Cristobal": where they are
            # taken in, not the list's verb
            verb = ("hosted", "stock", 0, False)
        if (
            previous is not None
            and "number" in sentence[: f.start][-80:]  # (no max(0, …): a call of the builtin)
            and _THIS_NUMBER.search(sentence, max(0, f.start - 80), f.start)
        ):
            # "45,000 people are homeless, and this number is expected to rise to 75,000": the
            # same count later
            verb = (previous[1], previous[2], 0, False)
        if previous is not None and (f.then or (f.unit == "households" and i - 1 in two_units)):
            # "raised the toll from 44 to 50 and said", "accommodated 18,149 victims from 2,279
            # families from nine affected districts": the count before's term
            verb = (previous[1], previous[2], 0, False)
        population = f.population
        if population is None and previous is not None:
            population = previous[0]  # "…30,000 civilians…, 5,000 in the past week": same people
        if verb:
            term, measure = verb[0], verb[1]
        elif previous is not None:
            term, measure = previous[1], previous[2]
        elif _PER_DAY_AFTER.match(sentence, f.population_end):
            term, measure = "arrived", "flow"  # a rate: "an average of 550 refugees per day"
        elif (
            "|" in text[max(0, offset - 80) : offset]
            and (cell := _CELL_LABEL.search(text, max(0, offset - 80), offset)) is not None
            and (labelled := _find_verb(cell.group("label"), True)) is not None
        ):
            # a table's cell under its label: "Total Population Killed |\n30,000"
            term, measure = labelled[0], labelled[1]
        else:
            terms = _POPULATION_TERM_ASCII if plain else _POPULATION_TERM
            hint = terms.search(population or "") or terms.search(sentence)
            term, measure = (
                _POPULATION_TERM_VALUES[int(hint.lastgroup[1:])]
                if hint
                else ("affected", TERMS["affected"])
            )

        if (
            term == "hosted"
            and (
                (
                    f.population is not None
                    and f.population.rsplit(None, 1)[-1].lower() in ("residents", "inhabitants")
                )
                or sentence.startswith(" population", f.end)
            )
            and _POSSESSIVE_BEFORE.search(sentence, max(0, f.start - 4), f.start)
        ):
            # "Mayotte’s 320,000 residents had been ordered into lockdown", "almost a third of
            # the city's 90,000 population": its people
            continue
        if (
            term == "displaced"
            and measure == "flow"
            and verb is not None
            and f.start >= 9
            and _CURRENTLY_BEFORE.search(sentence, max(0, f.start - 24), f.start)
        ):
            measure = "stock"  # "Currently, nearly 303,000 people have been displaced": now
        if (
            term == "displaced"
            and measure == "flow"
            and "there " in sentence[max(0, f.start - 80) : f.start].lower()
            and _THERE_ARE.search(sentence, max(0, f.start - 80), f.start)
            # (not people newly displaced: "There were 126,000 newly displaced people in the
            # country between July 7 and Aug. 9")
            and "newly" not in sentence[f.end : f.end + 20]
        ):
            # "there are more displaced people outside the capital (78,000) than …", "There are
            # 78,000 displaced people": how many are displaced then
            measure = "stock"
        if (
            term == "displaced"
            and measure == "flow"
            and (
                ("end" in sentence and _AT_AN_END.search(sentence))
                or (governing is None and _LIVING_AFTER.match(after))
                or _ALREADY_DISPLACED.match(after)
            )
        ):
            measure = "stock"
        if (
            term in ("remain", "left")
            and population is not None
            and population.endswith("victims")
            and (
                _THERE_ARE.search(sentence, max(0, f.start - 80), f.start)
                or sentence.endswith("left ", 0, f.start)
            )
        ):
            # "there are 227 victims in Piura", "floods …, which have left thousands of victims":
            # the people the disaster hit (not people who stayed, or who left)
            term, measure = "affected", "flow"
        if (
            term == "hosted"
            and measure == "stock"
            and (_SENT_BEFORE_ASCII if plain else _SENT_BEFORE).search(
                sentence, max(0, f.start - 30), f.start
            )
        ):
            # "sending 81,925 people in all to relief centres": people moved there over the
            # period, evacuated (as people sent into shelters, terms.VERBS)
            term, measure = "evacuated", "flow"
        if (
            term == "hosted"
            and "refuge in " in sentence
            and (refuge := _REFUGE_IN_A_COUNTRY.search(sentence, f.end, f.end + 160)) is not None
            and _country_named(refuge.group("place")) is not None
        ):
            # "At least 35,000 people from Nigeria … have sought refuge in Cameroon": people who
            # fled their country (not people in the shelter or camp they sought refuge in)
            term, measure = "fled", "flow"
        if term == NO_TERM:
            if not _SITES_WHERE.search(sentence, max(0, f.start - 60), f.start):
                continue  # "hundreds of people … were still trapped": no figure of the table
            # "22 Resettlement Sites in which 10,405 families (53,742 persons) live": hosted there
            term, measure = "hosted", "stock"
        if (
            (
                (term == "remain" and _SHELTERED_PEOPLE.search(population or ""))
                or (
                    (
                        term == "remain"
                        or (
                            term == "displaced"
                            and (
                                "displaced" in (population or "")
                                # "with 33,407 families displaced in 20 evacuation centres"
                                or after.startswith(" displaced in ")
                            )
                        )
                    )
                    and _IN_SHELTER.match(after)
                )
                # "… and 423 119 people inside 605 evacuation centres": a count of a list with
                # no verb of its own, where they are taken in
                or (verb is None and _IN_SHELTER_RIGHT_AFTER.match(after))
            )
            and not ("stuck" in after[:50] and _STUCK_AFTER.match(after))
        ):
            # (not people stuck: "Tens of thousands of refugees and migrants are stuck in camps
            # and ports across Greece")
            # "There are now 25,000 Ivorian refugees in Liberia", "4,778 people are still in
            # 120 relief camps": people somewhere they were taken in are hosted there.
            term, measure = "hosted", "stock"
        period = _period_of(periods, f, owned, i)
        period_text, start, end, precision = None, None, context.ref, None
        if period is not None:
            known = resolved.get(id(period))
            if known is None:
                p_start, p_end, is_day = _resolve_period(period, context.ref)
                if (period.lastgroup or "").startswith(("p_since", "p_this_year")) and (
                    p_end == context.ref
                ):
                    # "As of 20 March, 5,000 have been displaced since January", "As of 1
                    # August, … so far this year": it ends then.
                    as_of = next((q for q in periods if q.lastgroup == "p_as_of"), None)
                    if as_of is not None:
                        p_end = _resolve_period(as_of, context.ref)[1] or p_end
                known = resolved[id(period)] = (p_start, p_end, is_day, _precision(period))
            p_start, p_end, is_day, kind = known
            if measure == "flow" or is_day or (kind in ("month", "year") and p_end is not None):
                # A stock "in December" is the count at the end of December.
                period_text = period.group(0).strip()
                start, end = (p_start, p_end) if measure == "flow" else (None, p_end)
                precision = kind
        if (
            measure == "flow"
            and (period is None or start == end)
            and end is not None
            and term in _EVENT_TERMS
            and (event := context.event_day()) is not None
            and event[0] <= end
            and (end - event[0]).days <= 366
        ):
            if (
                period is not None
                and offset + period.start() == event[2]
                and context.ref is not None
                and context.ref > end
            ):
                # "185,000 people are in need following Cyclone Kenneth, which hit Comoros on 25
                # April": the day is the disaster's; the count is of the statement's day
                end = context.ref
            start = event[0]  # "Cyclone Kenneth, which hit Comoros on 25 April": since that day
            period_text = period_text or event[1]  # the words that date it, for the reviewer
        if measure == "stock":
            start = None
        if start is None and end is None:
            precision = None
        elif precision is None:
            precision = "day"
        unit = f.unit
        if (
            f.population is None
            and previous is not None
            and previous_unit == "households"
            and term not in ("died", "killed", "injured", "detained", "missing")
            # (not people in brackets, "3,556 households (21,336)", nor before them, "over 2.9
            # million (29,04,964) people", nor "with a population of over 600,000")
            and sentence[f.start - 1 : f.start] != "("
            and not sentence.startswith((" (", "("), f.end)
            and "population" not in sentence[max(0, f.start - 30) : f.start]
        ):
            # "12,583 families were reported displaced …, of which 11,005 are hosted", "2,140
            # families … – including 1,132 from the town": the households of the count before
            unit = "households"
        previous = (population, term, measure)
        previous_unit = unit
        if term not in ("died", "killed", "injured", "detained") and _helpers(sentence, f):
            continue  # "2000 emergency workers": the help given, not people counted
        speaker = attributed_to
        clause = (
            next((c for c in reversed(contrasts) if c.end() <= f.start), None)
            if contrasts
            else None
        )
        if clause is not None:
            # "…, while authorities in Mozambique reported 20 deaths": that clause's speaker.
            speaker = _attribution(sentence[clause.end() :]) or attributed_to
        elif (
            len(found) == 1
            and ("whil" in lowered or "wherea" in lowered)
            and (own_clause := _last_contrast(sentence, f.start)) is not None
        ):
            # "Al-Massae and Akhbar al-Youm reported a woman and her child were killed …, while
            # Akhbar al-Youm said that it could only confirm that at least five people had been
            # killed": the speaker of the figure's own clause
            speaker = _attribution(sentence[own_clause:]) or attributed_to
        elif (
            i
            and " and " in before
            and (own := (_AND_SPEAKER_ASCII if plain else _AND_SPEAKER).search(before)) is not None
        ):
            # "… were being treated for injuries and local media reported some 40 of them were
            # in critical condition": the speaker of the figure's own clause
            speaker = _clean_source(own.group("who")) or attributed_to
        who = population or " ".join(sentence[f.end : f.end + 30].split())
        if nationwide is None:
            nationwide = (
                "countr" in lowered or "nation" in lowered or "across" in lowered
            ) and bool((_NATIONWIDE_ASCII if plain else _NATIONWIDE).search(lowered))
        mine, span = _mentions_of_figure(
            sentence, lowered, mentions, f, owned[i], contrasts, clause, asides
        )
        if "respectively" in lowered and (each := _respectively(sentence, mentions, found, i)):
            mine = [each]  # "Nkhotakota and Mchinji camps are home to 181 and 220 households
            # respectively": Mchinji's 220
        if sentence.startswith(" in the ", f.end) and (
            pair := _EACH_IN_THE.search(sentence, max(0, f.start - 60))
        ):
            # "120 in the Eastern and 162 in the Central divisions": the Eastern division's 120
            if f.start in (pair.start("n1"), pair.start("n2")):
                which = "p1" if f.start == pair.start("n1") else "p2"
                word = pair.group("word")
                name = f"{pair.group(which)} {word[:-1]}"
                mine = [_a_place_of_kind(pair.start(which), name, word)]
        if (
            mine
            and speaker
            and " in " in speaker
            and _OFFICE_IN.search(speaker)
            and (at := sentence.find(speaker)) >= 0
        ):
            # "The Civil Protection department in Rome indicated nearly 400 …": where an office
            # sits, not the figure's place ("authorities in Mozambique reported 20 deaths" are)
            mine = [m for m in mine if not at <= m.start < at + len(speaker)]
        if (
            i + 1 < len(found)
            and _JOINED.match(after)
            and not any(f.start <= m.start < owned[i][1] for m in mine)
            and any(found[i + 1].end <= m.start < owned[i + 1][1] for m in mine)
        ):
            # "59 deaths and more than 100 injured on the Kyrgyz side": the place after both.
            span = (found[i + 1].end, owned[i + 1][1])
        if (
            placed is not None
            and placed[0] == i - 1
            and sentence.startswith(" of ", f.end)
            and _OF_THEM.match(sentence, f.end)
            # (not where the part names its own: "at least 10 of whom were killed in the hard-hit
            # Western Division")
            and not any(f.end <= m.start < _part_ends(sentence, f.end, owned[i][1]) for m in mine)
        ):
            # "In Cochabamba 18,200 families were affected with at least 2,000 of them homeless,
            # and in Beni …": a part of the count before is of its place
            where = placed[1]
        elif (
            i + 1 < len(found)
            and mine
            and (
                (after.endswith(" with ") and after.rstrip()[:-4].rstrip().endswith(","))
                or (nationwide and _OF_THEM.match(sentence, found[i + 1].end))
            )
            and all(m.start >= found[i + 1].start for m in mine)
        ):
            # "The reignited dispute is reported to have killed dozens, with around 150 injured
            # arriving in Congo-Brazzaville", "An estimated 36 000 people have been evacuated
            # country-wide, ca. 20 000 of them in Veracruz": the place the next count names is
            # its own
            where = _place_for([], f, span, term, measure, who, context, nationwide)
        else:
            where = _place_for(mine, f, span, term, measure, who, context, nationwide)
        if (
            nationwide
            and (where.get("place_note") or "").startswith(_FROM_AN_EARLIER_SENTENCE)
            and (code := where.get("country_iso3")) in _countries()
        ):
            # "… in the Central Division …. A total of 2,327 people are currently being housed at
            # 119 evacuation centres around the country": the country's count, not the place's
            where = _the_country(code, _ACROSS_FROM_EARLIER)
        placed = (i, where)
        out.append(
            Candidate(
                span=sentence[f.start : f.end],
                start=offset + f.start,
                end=offset + f.end,
                estimate=f.estimate,
                unit=unit,
                household_size=size if unit == "households" else None,
                population=population,
                term=term,
                measure=measure,
                period_text=period_text,
                period_start=start,
                period_end=end,
                attributed_to=speaker,
                sentence=stripped if as_written is sentence else as_written.strip(),
                date_precision=precision,
                **where,
            )
        )
    for i in two_units:
        # "55,095 people or 11,458 families have fled their homes in Marawi City since 23 May":
        # one count in two units, whose place and period are written after the second.
        other = out[i + 1]
        out[i] = replace(
            out[i],
            **{k: getattr(other, k) for k in _SHARED_BY_THE_SAME_COUNT},
        )
    if " each " in sentence:
        out = _each_in_places(out, sentence, offset)
    return out


# "three each were killed in Puri and Balasore districts", "two each in Tiznit and Errachidia":
# one count for each of the places listed after it.
_EACH_IN = re.compile(
    r"\s+each\s+(?:(?:were|was|have\s+been|had\s+been|are|is)\s+(?:[a-z]+\s+)?)?in\s+(?:the\s+)?"
)
_EACH_NAME = r"[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*"
_EACH_LIST = re.compile(rf"{_EACH_NAME}(?:,\s+{_EACH_NAME})*,?\s+and\s+{_EACH_NAME}")
_LIST_SPLIT = re.compile(r",\s+(?:and\s+)?|\s+and\s+")


def _each_in_places(out: list[Candidate], sentence: str, offset: int) -> list[Candidate]:
    """The candidates, each one followed by "each in A, B and C" made one for each place (its
    location as written, in the country the gazetteer reads it in, or the candidate's)."""
    result = []
    for c in out:
        each = _EACH_IN.match(sentence, c.end - offset)
        listed = _EACH_LIST.match(sentence, each.end()) if each else None
        if listed is None:
            result.append(c)
            continue
        for name in _LIST_SPLIT.split(listed.group(0)):
            readings = places.lookup(name)
            inside = [r for r in readings if r.country_iso3 == c.country_iso3] or readings[:1]
            reading = inside[0] if inside else None
            point = reading is not None and reading.kind != "country"
            result.append(
                replace(
                    c, location=name, country_iso3=reading.country_iso3 if reading else c.country_iso3,
                    latitude=reading.latitude if point else None,
                    longitude=reading.longitude if point else None, place_readings=(),
                    place_note=f"“{c.span} each” in several places: one of them",
                )
            )  # fmt: skip
    return result


_OF_THEM = re.compile(r" of (?:them|those|whom)\b")


def _part_ends(sentence: str, start: int, end: int) -> int:
    """Where the clause of a part ("at least 2,000 of them homeless, and in Beni …") ends."""
    brk = _CLAUSE_BREAK.search(sentence, start, end)
    return brk.start() if brk else end


_SHARED_BY_THE_SAME_COUNT = (
    "period_text", "period_start", "period_end", "date_precision", "location", "country_iso3",
    "latitude", "longitude", "place_readings", "place_note",
)  # fmt: skip


def _period_of(periods: list[re.Match], f: _Found, owned: list[tuple[int, int]], i: int):
    """The period nearest a figure: in the text it owns after it, then before it, then the first
    of the sentence's periods that no later figure owns ("In the last week, around 71 families
    (approx. 174 …)"); "up from 10,000 in December" dates the 10,000, not the figure before."""
    if not periods:
        return None
    prev_end, nxt = owned[i]
    period = next((p for p in periods if p.start() >= f.end and p.end() <= nxt), None)
    if period is None:
        period = next(
            (p for p in reversed(periods) if p.start() >= prev_end and p.end() <= f.start), None
        )
    if period is None:
        # Not one that a later figure owns: "up from 10,000 in December" is the 10,000's.
        others = owned[i + 1 :]
        period = next(
            (p for p in periods if not any(a <= p.start() and p.end() <= b for a, b in others)),
            None,
        )
    return period


def _precision(period: re.Match) -> str:
    kind = period.lastgroup or ""
    if kind == "p_last_unit" and period.group("last_unit").lower() == "year":
        return "year"
    return PERIOD_PRECISION.get(kind, "day")


# --- Places ---------------------------------------------------------------------------------------

# Words before a place name and what they say of the figure's relation to it: where people left
# (origin), or where they are, went or were counted (at). Matched case-insensitively.
LOCATIVE_CUES: dict[str, str] = {
    r"(?:displaced|uprooted)\s+from": "displaced from",
    r"from|out\s+of|fled|flee|flees|fleeing|left|leaving|leave|escaped|escaping|vacated|"
    r"(?:evacuated|departed)\s+from|departed|"  # ("18,787 people departed Rukban")
    # "evacuated from their homes in Pailin province"
    r"from\s+(?:their|his|her)\s+homes?\s+in": "origin",
    r"to|into|towards?|reached|reaching|entered|entering|border\s+with|"
    # "forced to seek safety and security in Niger"
    r"(?:safety|refuge|sanctuary|asylum)(?:\s+and\s+security)?\s+in": "to",
    # "fleeing to Cameroon to escape violence in the Central African Republic"
    r"(?:violence|fighting|conflict|clashes|insecurity|hostilities|attacks|unrest|war)"
    r"(?:\s+(?:that|which)\s+(?:erupted|broke\s+out|began|started|flared(?:\s+up)?))?\s+in":
        "strife",
    # "from the slopes of Mount Merapi", "remote islands off Sumatra"
    r"in|at|inside|within|throughout|across|around|near|outside|through|off|above|"
    # ("parts of the town Dorohoi … got flooded")
    r"(?:slopes|foot|flanks)\s+of|town|village": "at",
    r"(?:town|city|village|camp|district|governorate|province|region|area|enclave|pocket|"
    r"country|countryside|outskirts|settlement|township|island|neighbourhood|neighborhood|state|"
    # ("in Uzbekistan’s autonomous republic of Karakalpakstan")
    # ("waited at the main port of Piraeus near Athens")
    # ("in the department of Quetzaltenango")
    r"territory|municipality|republic|port|department|prefecture|county|commune|canton|parish|"
    # ("In some localities of Telimele, a prefecture located in lower Guinea")
    r"locality|localities|centre|centres|center|centers|"
    # ("In the wilaya of Mila, 15 children died": Algeria's province)
    r"wilaya|"
    # ("The Departments of Durazno, Soriano and Treinta y Tres have been the most affected")
    r"departments|provinces|districts|regions|governorates|municipalities|counties|prefectures|"
    # ("heavy rain has devastated areas of Santa Catarina state")
    r"areas|parts)"
    r"\s+of":
        "of",
}  # fmt: skip
# Which places a figure is filed under, by its term: the first role that names one wins. People
# who fled, left or were evacuated are filed under the place they left ("fled Baghuz"; "fleeing
# the flare-up in South Sudan crossed into Uganda" → South Sudan), arrivals where they arrived,
# everyone else where they are ("" is a place named without a word of place before it). The
# place people went to counts for those others only when neither the sentence nor the document
# names another: "decided to remain close to the border … to return to Chad" is not about Chad.
ROLE_ORDER: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "from": (("origin", "displaced from", "strife", "at", ""), ("to",)),
    "arrived": (("to", "at", ""), ("origin", "displaced from", "strife")),
    # "displaced from southern Lebanon" (those very words), else where they are
    "displaced": (("displaced from", "at", "strife", "", "to"), ("origin",)),
    "flow": (("at", "strife", "", "to"), ("origin", "displaced from")),
    "stock": (("at", ""), ("to", "origin", "displaced from", "strife")),
}
# Terms whose figures are filed under the place people left ("fled Baghuz"); every other term is
# filed under where people are, went or were counted ("arrived at Al Hol camp").
FROM_PLACE_TERMS = frozenset({"fled", "left", "evacuated", "surrendered"})
# Words of direction before a place: "north-western Syria" is a region of Syria, without a point.
DIRECTION_WORDS = (
    r"(?:north|south|east|west|north[\s-]?east|north[\s-]?west|south[\s-]?east|south[\s-]?west)"
    r"(?:ern)?|central|upper|lower|rural|greater"
)
# Capitalised words that start no place name.
NOT_A_PLACE_START = (
    *(m.capitalize() for m in MONTHS if len(m) > 3), *(d.capitalize() for d in WEEKDAYS),
    # a month's short name and its full stop: "in Nov. 2020"
    "Jan", "Feb", "Apr", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
    "The", "This", "That", "These", "Those", "It", "He", "She", "They", "We", "I", "A", "An",
    "IS", "ISIS", "ISIL", "UN", "US", "SDF", "Total", "All", "Some", "Many", "Most", "Last",
    # words that open a sentence before a name: "For Brazil, which battles flooding …"
    "For", "But", "And", "After", "Before", "With", "When", "While", "Since", "Although",
    "Despite", "Meanwhile", "Like", "Unlike", "Both", "Even", "Yet", "So", "Then", "Also",
    "Other",  # "Other camps in Jordan include Zaatari Camp": no camp's name
    # a count opens a sentence: "Five community members lost their lives"
    "One", "Two", "Three", "Four", "Five", "Six", "Seven", "Eight", "Nine", "Ten", "Eleven",
    "Twelve", "Twenty", "Thirty", "Forty", "Fifty", "Hundreds", "Thousands", "Dozens", "Scores",
    # words that open a headline or end a ministry's name, and are small towns' names elsewhere:
    # "Rain slows Brazil mudslide rescue effort" (not Rain, Bavaria), "the Ministry of Interior
    # and Justice" (not Justice, Illinois)
    "Rain", "Justice",
    # "Colombia: Mission reports high possibility of new large-scale displacement": a UN
    # mission, not Mission, Texas
    "Mission",
)  # fmt: skip
# A word of direction alone names no place ("Hurricane Otto Strikes Northern Costa Rica",
# "Costa Rica’s North"): a country's part, not the provinces several countries call so.
_BARE_DIRECTION = re.compile(rf"(?i:{DIRECTION_WORDS})")


def _direction_alone(text: str, m: re.Match, name: str) -> bool:
    """Whether a mention's name is a word of direction alone, not one of a list of them before
    their word of place ("in Central, Western and Eastern divisions")."""
    return (
        # (its first letter in every case that IGNORECASE reads, _DIRECTION_FIRST, looked at
        # first: most names start none)
        name[:1] in _DIRECTION_FIRST
        # (and its possessive: "the North's official KCNA news agency" in a story of Korea)
        and _BARE_DIRECTION.fullmatch(_owner(name)) is not None
        and not _LIST_NEXT.match(text, m.end())
        and not text.endswith((", ", " and "), 0, m.start("name"))
    )


# The articles that are also English words only with their hyphen ("Deir ez-Zor", "Ras
# as-Sukhnah"; not "Mosul as Fighting Intensifies", "made it as far as Marib city").
_ARTICLE = r"(?:[Aa]l|[Ee]l|ad|ar|ash|az|ez|es)[-\s]|(?:as|at|an)-"
_JOINING_ARTICLE = _ARTICLE
_CAPITALISED = r"[A-Z][\w’'ʿ.]*[\w]"
# A name starts with an article or a capital: checked before the words that start none, which
# most words (in lower case) would otherwise be tried against one by one.
_PLACE_NAME = (
    rf"(?=[A-Z]|{_ARTICLE})(?!(?:{_by_first_letter(NOT_A_PLACE_START)})\b)(?:{_ARTICLE})?"
    rf"(?:(?:Ste?|Mt)\.(?=[^\S\n]+[A-Z])|{_CAPITALISED})"
    rf"(?:(?:[^\S\n]+(?:\n[^\S\n]*)?|\n[^\S\n]*|-)(?:{_JOINING_ARTICLE}|of\s+(?:the\s+)?|d(?:e|u|es|el|a|o|os|as)\s+(?:la\s+)?|[dl]['’]|(?<=-)e\s+|(?<=-)(?:e|au|aux|en|sur|sous|et|la|le|les|de|du|des|di|upon|on)-)?(?!Sub-){_CAPITALISED}){{0,3}}"
)  # "Côte d’Ivoire": an elided article; "Sarpol-e Zahab": a Persian "-e" between names;
# "St. Lucia", "Mt. Merapi": an abbreviation's full stop;
# "Port-au-Prince", "Croix-des-Bouquets", "Stratford-upon-Avon", "Qala-e-Zal": a word joined by
# hyphens; a
# name runs on over one line's end ("North\nKivu" in a PDF's text), never over a blank line;
# "Sub-" starts the word of place after a name ("Serasan Sub-district"), not a name's word
_PLACE_WORDS = "|".join(
    re.escape(w).replace(r"\ ", r"\s+") for w in sorted(PLACE_WORDS, key=len, reverse=True)
)


def _alternatives(pattern: str) -> list[str]:
    """The top-level alternatives of a pattern: "a|(?:b|c)d" → a, (?:b|c)d."""
    parts, depth, start = [], 0, 0
    for i, ch in enumerate(pattern):
        depth += (ch == "(") - (ch == ")")
        if ch == "|" and depth == 0:
            parts.append(pattern[start:i])
            start = i + 1
    return [*parts, pattern[start:]]


def _starts(pattern: str) -> set[str]:
    """The first letters, up to three, of every word a pattern of words starts with: "fled|out\\s+
    of|(?:evacuated|departed)\\s+from" → fle, out, eva, dep. A letter made optional ("towards?")
    ends them; "" where the pattern starts otherwise (then anything may start it)."""
    out = set()
    for alt in _alternatives(pattern):
        group = re.match(r"\(\?:([a-z|]+)\)", alt)
        letters = group.group(1) if group else re.match(r"(?:[a-z](?![?*{]))*", alt).group(0)
        out |= {word[:3] for word in letters.split("|")}
    return out


# The letters that start a word of direction, in each of their cases ("northern", "Upper"):
# checked before the words, which are read case-insensitively.
_DIRECTION_FIRST = "".join(
    _CASES[c] for c in sorted({w[0] for w in re.findall("[a-z]+", DIRECTION_WORDS)})
)
# The cues' first letters, each a class of its cases ("fle" → f[lL][eE], F[lL][eE]: the first
# each case alone, _cased_prefix_tree), checked before the cues: the engine leaves such an
# alternative at its first letter, where it tries every case-insensitive cue at every word to
# find out. Most words start no cue and are given up at once (an eighth less time for the
# pattern; read as a tree of letters, another eighth).
_CUE_START = _cased_prefix_tree(set().union(*map(_starts, LOCATIVE_CUES)))
# The first three letters of the words of place, each a class of its cases: checked after every
# name before the words, which are read case-insensitively one by one (most names have none).
_PLACE_WORD_START = _cased_prefix_tree(
    {start.lower() for start in _starts_of(_PLACE_WORDS, re.IGNORECASE, 3)}
)
# What a mention's first word starts with: a capital, or in lower case a cue's first letters
# ("in", "fled"), a direction's ("northern") or an article ("al-Raqqa"), each letter a class of
# its cases (the cased tree of _CUE_START). Checked before the six words' lookahead, which most
# lower-case words passed only to start none of them ("people have fled their homes": "people",
# "have", "their" are read up to "Syria" for nothing): half the words of a sentence are given up
# at once (1,329M → 1,322M instructions, cg.sh). Its capitals in ASCII are [A-Z] alone, the tree
# without them (1,334M → 1,329M).
_DIRECTION_LETTERS = {w[:3] for w in re.findall("[a-z]+", DIRECTION_WORDS) if len(w) > 3}
_MENTION_START = rf"[A-Z]|{_cased_prefix_tree(_DIRECTION_LETTERS.union(*map(_starts, LOCATIVE_CUES)), capitals=False)}|{_ARTICLE}"
# A mention starts a word (a name inside a word, "DF" of "SDF", is none).
# Whatever it starts with, a mention reaches a capital within six lower-case words (cue, "the",
# direction, article): a position where none follows is given up at once. The words are read
# possessively: going back over them never finds a capital that reading on did not (a third less
# time per sentence). Its cues ("in", "fled", "the town of") and words of place ("camp",
# "province") are read by the class of their first letter's cases, then the words that start
# with it (_any_case_by_first_letter; a tenth less time: 1,450M → 1,421M instructions, cg.sh);
# so are its words of direction ("northern"; 1,361M → 1,356M). It starts with a letter in ASCII
# (its cue's, direction's or name's, and one the six words' lookahead reads), looked at first:
# \b holds at every word's end too ("people| fled", "Syria|’s"), where the lookahead entered its
# loop of words to find none (1,334M → 1,328M instructions, cg.sh).
_PLACE_MENTION = re.compile(
    rf"\b(?=[A-Za-z])(?={_MENTION_START})(?=(?:[a-z’'ʿ-]++\s++|[a-z]++-){{0,6}}+[A-Z])(?:(?={_CUE_START})\b(?P<cue>{_any_case_by_first_letter('|'.join(LOCATIVE_CUES))})"
    rf"\s+(?:the\s+)?(?:neighbou?ring\s+|[a-z]+-(?:hit|affected|torn|ravaged|stricken|held|controlled)\s+|(?:city|town|village)\s+(?=[A-Z]))?)?(?:(?=[{_DIRECTION_FIRST}])(?P<dir>{_any_case_by_first_letter(DIRECTION_WORDS)}(?:,?\s+(?i:and)\s+{_any_case_by_first_letter(DIRECTION_WORDS)})?)\s+)?"
    rf"(?P<name>{_PLACE_NAME})(?:['’]s\b)?(?P<word>\s+(?={_PLACE_WORD_START}){_any_case_by_first_letter(_PLACE_WORDS)}\b)?"
)
_PLACE_MENTION_ASCII = _in_ascii(_PLACE_MENTION)
_CUE_ROLES = list(LOCATIVE_CUES.values())
_CAPITAL = re.compile("[A-Z]")
_NAME_RUN = re.compile(r"[\w’'ʿ.-]*")  # (with a word joined by a hyphen: "Serasan Sub-district")
# What a mention may go on with past the last capital's word: a space and a word of place.
_PLACE_WORD_NEXT = re.compile(rf"\s+(?={_PLACE_WORD_START})")


_PARTS_AFTER_COUNTRY = re.compile(
    rf"\s+(?:(?:{DIRECTION_WORDS})\s+)?(?P<names>[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)?"
    r"(?:(?:,\s+|,?\s+and\s+)[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)?)+)\s+(?:provinces|regions|states|"
    r"districts|governorates|departments|counties|prefectures)\b"
)
_NAME_IN_LIST = re.compile(r"[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)?")
_NAME_AFTER_OF = re.compile(r" of (?:the )?([A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)?)")
_DOTTED_INITIALS = re.compile(r"(?:[A-Z]\.)+[A-Z]")


def _mention_matches(text: str):
    """_PLACE_MENTION.finditer(text), read only up to the end of the word of the last capital: no
    mention starts after it (each reaches a capital), none ends its name past it, and the one
    that reaches it is matched again in the whole text, for what follows its name ("camp"),
    where a word of place may follow (most sentences go on otherwise). A third of the
    benchmark's sentences is past it."""
    last = _CAPITAL.search(text[::-1])
    if last is None:
        return
    end = _NAME_RUN.match(text, len(text) - last.start()).end()
    mentions = _PLACE_MENTION_ASCII if _plain_ascii(text) else _PLACE_MENTION
    for m in mentions.finditer(text, 0, end):
        if m.end() == end and _PLACE_WORD_NEXT.match(text, end):
            yield mentions.match(text, m.start())
        else:
            yield m


# A verb of war right after a country's name: the country is who acts, not a place.
_ACTS_AFTER = re.compile(r"\s+(?:has\s+|had\s+)?(?:invaded|attacked|annexed|bombed|shelled)\b")
# A direction joined to the name by a hyphen: "North-West Department".
_DIRECTION_HYPHEN_BEFORE = re.compile(
    r"(?<![\w-])(?:North|South|East|West|Central|Upper|Lower|Far|Mid)-$"
)


def _from_its_direction(text: str, m: re.Match) -> re.Match | None:
    """A mention that starts right after a direction and its hyphen, read again from the
    direction ("Impacted North-West Department, Haiti": not "West Department", Cameroon's);
    None where it cannot be."""
    at = m.start()
    direction = _DIRECTION_HYPHEN_BEFORE.search(text, max(0, at - 12), at)
    if direction is None:
        return m
    mentions = _PLACE_MENTION_ASCII if _plain_ascii(text) else _PLACE_MENTION
    whole = mentions.match(text, direction.start())
    return whole if whole is not None and whole.end() >= m.end() else None


class _read_once:  # noqa: N801 - named as the decorator it stands for
    """functools.cached_property without its lock (Python 3.11 takes one at each first read, a
    microsecond, for every place mention): the value is worked out at the first read and kept in
    the instance's dict, where later reads find it before this descriptor."""

    def __init__(self, func):
        self.func, self.name = func, func.__name__

    def __get__(self, instance, owner=None):
        if instance is None:
            return self
        value = instance.__dict__[self.name] = self.func(instance)
        return value


@_set_at_once
@dataclass(frozen=True)
class _Mention:
    start: int
    role: str  # origin, at, or "" (no cue: the title, a dateline)
    written: str  # the location as the document writes it
    reading: object | None  # the tracker.places.Place read, None when ambiguous
    readings: tuple  # every reading of an ambiguous name
    regional: bool  # a direction word before it: a region of the place, without a point
    listed: bool = False  # the first of several places named together ("Zambézia, Nampula and …")
    # named as where the place before it lies ("Gangapur village of Banke district"): a figure of
    # both is the one before's
    within: bool = False

    @_read_once
    def rank(self) -> int:
        reading = self.reading or (self.readings[0] if self.readings else None)
        return reading.rank if reading is not None else 9


# A building named for a place is not that place: "the Connaught hospital", "Regent School".
_FACILITY_WORDS = (
    "hospital|mortuary|school|university|college|stadium|church|mosque|hotel|prison|clinic"
)
_FACILITY_AFTER = re.compile(rf"\s+(?i:{_FACILITY_WORDS})s?\b")
# (their first letters, looked at before the pattern: most words start none)
_FACILITY_FIRST = frozenset(
    c for word in _FACILITY_WORDS.split("|") for c in (word[0], word[0].upper())
)


# A place's people, after its name (and possessive): "Arys’ population", "about 2,000 Gizo
# residents were left homeless".
_PEOPLE_OF_PLACE = re.compile(
    r"(?:['’]s?)?\s+(?:entire\s+|whole\s+)?(?:population|residents|inhabitants|villagers)\b"
)
# A place's people counted right after its name: "70 Chaiten| residents", "Some 250 Kessab|
# families".
_PEOPLE_COUNTED_OF_PLACE = re.compile(r"\s+(?:residents|inhabitants|villagers|families)\b")
# A count right before a name: "70 |Chaiten residents", "thousands of |Kefalonia residents".
_COUNT_RIGHT_BEFORE = re.compile(
    r"(?:\d|\b(?:dozens|hundreds|thousands))[\d,.]*\s+(?:of\s+)?(?:the\s+)?$", re.IGNORECASE
)
# A person of a country ("a New Zealand man who drowned trying to save his mother"): the
# country's name says whose nation, not where the figure is (but "19,000 Niger nationals have
# become displaced inside their own country": a people's own country is theirs).
# Regions written by their numbers before a name in their list: "the Regions I, II, III, |CAR".
_NUMBERED_REGIONS_BEFORE = re.compile(
    r"\bRegions?\s+(?:[IVX]+|\d+)(?:,\s*[\w-]+)*,?\s+(?:and\s+)?$"
)
# The rest of a list of villages a country's name starts: "Angola|, Shibale and Shitukhumi villages".
_VILLAGES_LISTED = re.compile(
    r"(?:,\s*[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)?)*,?\s+and\s+[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)?"
    r"\s+(?:villages|hamlets|settlements)\b"
)
_NATIONAL_AFTER = re.compile(
    r"\s+(?:man|woman|boy|girl|national|citizen|tourist|climber|hiker|mountaineer|journalist"
    r"|aid\s+worker|couple"
    # (or of its envoy: "with the participation of the UK ambassador", in a report of Madagascar)
    r"|ambassadors?|embassy|envoys?|consul|consulate)\b"
)
_HISTORY_AFTER = re.compile(r"\s+(?:(?:recorded|recent|modern|living)\s+)?history\b")


# "in an unnamed Paiporta nursing home": a place's name before what is there, after "in a(n)".
_IN_A_BEFORE = re.compile(r"\b(?:in|at)\s+an?\s+(?:[a-z-]+\s+)?$")
_LOWER_WORD_NEXT = re.compile(r"\s+[a-z]")


# "Telimele, a prefecture located in lower Guinea": where the place named before lies.
_LOCATED_IN_BEFORE = re.compile(
    r", an?\s+(?:[a-z-]+\s+){0,2}(?:prefecture|province|district|town|city|village|region|"
    r"department|municipality|county|commune|locality|settlement|community)\s+"
    r"(?:located|situated)\s+in\s+(?:the\s+)?$"
)


_AGENT_BY_BEFORE = re.compile(
    r"\b(?:fired|launched|carried\s+out|conducted|shelled|bombed|attacked|targeted|struck|"
    r"invaded|occupied|seized|captured)\s+by\s+(?:the\s+)?$"
)


# After a place that opens a paragraph: the place it lies in, then a colon ("… community in Tebi
# LLG: This community was affected").
_HEADING_PLACE_AFTER = re.compile(
    r"(?:,?\s+(?:in|of)\s+[^:.;\n]{1,60}?|,\s+[^:.;\n]{1,40}?)?\s*:(?!\d)"
)


# The short names of months that are towns' names too, read as months next to a day or a year.
_MONTHS_THAT_NAME_TOWNS = frozenset({"Mar", "Jun", "Jul"})
_DAY_BEFORE = re.compile(r"\d\s*$")
_YEAR_AFTER = re.compile(r"\.?\s+\d{4}\b")


def _place_mentions(
    text: str, need_cue: bool = True, learnt: dict[str, tuple[str, str]] | None = None
) -> list[_Mention]:
    """Places the text names, with the gazetteer's readings. In a sentence a name counts after a
    word of place ("in", "from", "fled", "the town of") or before one ("camp", "province"), and a
    country's name anywhere; in a title or a dateline any name counts.

    A name the gazetteer does not know is still a place where the text says so: before a word of
    place ("Pagiarinya settlement"), after "the village of" ("Habila"), after a word of direction
    ("northeastern Mindanao"), or once the document has said so (`learnt`, which this fills:
    "Um Shalaya camp" and later "living in Um Shalaya"). It has no coordinates; its country is
    settled by the figure's context (_place_for)."""
    out = []
    if text.isupper() and " " in text and len(titled := text.title()) == len(text):
        # a line in capitals, as key figures are written: "2.2K MIGRANTS AND ASYLUM SEEKERS
        # STRANDED IN MATAMOROS", read as its words ("In Matamoros")
        text = titled
    donors = "overnments of" in text
    for m in _mention_matches(text):
        m_start, m_end = m.span()  # (read once: a method call each time)
        if text.find("\n\n", m_start, m_end) >= 0:
            continue  # "floods in the north\n\nHeavy rainfall …": no name runs over a paragraph
        if m_start > 1 and text[m_start - 1] == "-":
            if (m := _from_its_direction(text, m)) is None:
                continue
            m_start, m_end = m.span()
        if (
            out
            and ("’s " in out[-1].written or "'s " in out[-1].written)
            and m.start("name") < out[-1].start + len(out[-1].written)
        ):
            continue  # (the words of a country's part: "Cuba's |South Coast")
        part_at = None  # (where a possessive's place starts: "Indonesia's |Merapi")
        if donors and _GOVERNMENTS_OF.search(text, max(0, m_start - 80), m_start):
            continue
        if text.startswith(" the ", m_end) and text[m_end + 5 : m_end + 6].isupper():
            continue  # "according to Save the Children": part of a longer name
        before = max(0, m_start - 20)
        if text.find("ased in ", before, m_start + 9) >= 0 and _BASED_IN_BEFORE.search(
            text, before, m.start("name")
        ):
            # "the independent news website …, based in the Netherlands, said": where a body is,
            # not where its figures are
            continue
        if text.endswith(" by ", 0, m_start) and _AGENT_BY_BEFORE.search(
            text, max(0, m_start - 30), m_start
        ):
            continue  # "ordnance believed to have been fired by Israel": who fired, not where
        if text.startswith(" coast", m_end) and _KIND_OF_AFTER.match(text, m_end):
            continue  # "killed in the Gulf coast state of Tabasco": the place is Tabasco
        if text.startswith((" time", " Time"), m_end) and not text[m_end + 5 : m_end + 6].isalpha():
            continue  # "rose to 96 yesterday [Macau time]": a clock's time, not a place
        if (
            text[m_end + 1 : m_end + 2] in _FACILITY_FIRST
            and _FACILITY_AFTER.match(text, m_end)
            and not m.group(0).endswith(("'s", "’s"))
        ):
            # "taken to the Connaught hospital mortuary": a building's name ("Yellowknife's
            # hospital" is the town's)
            continue
        if m.group(0).endswith(("'s", "’s")) and _HISTORY_AFTER.match(text, m_end):
            continue  # "the largest fire evacuation in Alberta’s history": no place of the event
        if (
            out
            and out[-1].start >= m_start - 80
            and (
                (
                    "of" in text[:m_start][-4:]  # (no max(0, …): a call of the builtin)
                    and _DIRECTION_OF_BEFORE.search(text, max(0, m_start - 30), m_start)
                )
                or (
                    # "In Kumanovo, northeast from Skopje, over 200 households were flooded"
                    text.startswith(("from ", "From "), m_start)
                    and _DIRECTION_BEFORE.search(text, max(0, m_start - 20), m_start)
                )
                or (
                    "capital" in text[:m_start][-25:]
                    and _CAPITAL_OF_BEFORE.search(text, max(0, m_start - 40), m_start)
                )
                or (
                    "ted in" in text[:m_start][-12:]
                    and _LOCATED_IN_BEFORE.search(text, max(0, m_start - 60), m_start)
                )
            )
        ):
            # "Puebla, a town southeast of Mexico City": where the place named before lies
            continue
        cue = m.group("cue")
        role = _cue_role(cue) if cue else ""
        word = m.group("word") or ""
        if (
            not role
            and word
            and ":" in text[m_end : m_end + 64]
            and not text[:m_start].strip()
            and _HEADING_PLACE_AFTER.match(text, m_end)
        ):
            # "Pari Andawale community in Tebi LLG: This community was affected by conflict":
            # a paragraph led by its place, the place of its counts
            role = "at"
        name = m.group("name")
        if name in _MONTHS_THAT_NAME_TOWNS and (
            _DAY_BEFORE.search(text, max(0, m_start - 8), m.start("name"))
            or _YEAR_AFTER.match(text, m.end("name"))
        ):
            continue  # "mission to Central Katanga, 15-18 Mar 2006": a month, not Mary, Turkmenistan
        direction = m.group("dir")
        if (
            not word
            and name.endswith(("’s", "'s"))
            and (parts := _PARTS_AFTER_COUNTRY.match(text, m.end("name")))
            and (owner := _country_named(name[:-2])) is not None
        ):
            # "rivers in Armenia’s northern Lori and Tavush provinces": the provinces, of that
            # country, as places named together
            code = owner[1][0].country_iso3
            named = list(_NAME_IN_LIST.finditer(parts.group("names")))
            for i, one in enumerate(named):
                found = _resolve_mention(one.group(0), "", None)
                inside = tuple(r for r in found[1] if r.country_iso3 == code) if found else ()
                if inside:
                    out.append(_mention(parts.start("names") + one.start(), role or "at",
                                        found[0], inside, False, i == 0))  # fmt: skip
            if out and out[-1].start >= parts.start("names"):
                continue
        if (
            not role
            and need_cue
            and not direction
            and " a" in text[:m_start][-24:]  # (no max(0, …): a call of the builtin)
            and _IN_A_BEFORE.search(text, max(0, m_start - 24), m_start)
            and _LOWER_WORD_NEXT.match(text, m.end("name"))
            and _resolve_mention(name, "", None) is not None
        ):
            # "Five people died in an unnamed Paiporta nursing home": a place the gazetteer
            # knows, before what is there
            role = "at"
        if not word and not direction and _direction_alone(text, m, name):
            continue
        if need_cue and not role and not word and (apposed := _apposed_kind(text, m_end)):
            # "Puebla, a town southeast of Mexico City, saw 11 deaths": a name the words after it
            # say is a place
            found = _resolve_mention(_owner(name), "", None)
            start = m.start("dir" if direction else "name")
            if found is not None:
                out.append(_mention(start, "", found[0], found[1], False))
            elif name.split()[0].lower() not in NOT_AN_UNKNOWN_PLACE:
                out.append(_unknown_mention(start, "", name, None, apposed))
            continue
        if (
            need_cue
            and not role
            and not word
            and text.startswith(("’", "'", " "), m.end("name"))
            and m.start("name") > 0  # (not a sentence's first word: "Many residents fled")
            and _PEOPLE_OF_PLACE.match(text, m.end("name"))
            and (found := _resolve_mention(name, "", None)) is not None
        ):
            # "the evacuation of Arys’ population of 45,000": a place's people say it is a place
            out.append(_mention(m.start("name"), "", found[0], found[1], False))
            continue
        if (
            need_cue
            and not role
            and not word
            and text.startswith(" ", m.end("name"))
            and _COUNT_RIGHT_BEFORE.search(text, max(0, m_start - 20), m_start)
            and _PEOPLE_COUNTED_OF_PLACE.match(text, m.end("name"))
            and len(name.split()) <= 2
            and all(w[:1].isupper() and w[1:].islower() for w in name.split())
            and name.split()[0].lower() not in NOT_AN_UNKNOWN_PLACE
            and name.lower() not in places.demonyms()
            and _resolve_mention(name, "", None) is None
        ):
            # "70 Chaiten residents refuse to leave", "thousands of Kefalonia residents": people
            # counted right before a name are its people, a place the gazetteer lacks
            out.append(_unknown_mention(m.start("name"), "", name, None, "town"))
            continue
        if (
            out
            and name.isupper()
            and text.startswith(")", m.end("name"))
            and text.endswith(f"{out[-1].written} (", 0, m.start("name"))
        ):
            # "Cordillera Administrative Region (CAR)": the short name of the place before (not
            # the Central African Republic), which the document goes on to use
            if learnt is not None and len(learnt) < 10_000:
                learnt.setdefault(places.key(name), (out[-1].written, "alias"))
            continue
        if (
            name.isupper()
            and text.startswith(")", m.end("name"))
            and text.endswith(" (", 0, m.start("name"))
            and _initials_before(text, m.start("name") - 2, name)
        ):
            continue  # "Kenya Initial Rapid Assessment (KIRA)": the words' short name, no place
        if need_cue and not role and not word and not _ends_with_place_word(name):
            # A capitalised word alone is a place only when it is a country's name.
            regional = False
            mention = _country_named(f"{direction} {name}") if direction else None
            if (
                mention is None
                and direction
                and direction[0].isupper()
                and (province := _province_named(f"{direction} {name}", words=True))
            ):
                # "Papua New Guinea’s mountainous Southern Highlands", "West Azerbaijan governor":
                # a province's name that starts with a direction (not a part of a country)
                mention = province
            if mention is None:
                mention = _country_named(name)
                regional = bool(direction)  # "northern Syria": a region of the country
            possessive = _possessive(name) if mention is None else None
            if possessive:
                mention = _country_named(possessive.group(1))  # "Mozambique's Pemba Camp"
                part = _resolve_mention(possessive.group(2), "", None) if mention else None
                if part is not None:
                    code = mention[1][0].country_iso3
                    inside = tuple(r for r in part[1] if r.kind != "country"
                                   and r.country_iso3 == code)  # fmt: skip
                    if inside:
                        # "Indonesia's Merapi volcano kills at least 28": the place of the
                        # country, where the gazetteer knows one there by the words after
                        mention = (part[0], inside)
                        part_at = m.start("name") + possessive.start(2)
            elif (
                mention is None
                and name.lower() not in places.demonyms()  # "the Somali shopkeeper"
                and (
                    province := _province_named(
                        _owner(name), words=_of_the_place_before(text, m.start("name"), out)
                    )
                )
                is not None
            ):
                # "The KwaZulu-Natal … department has confirmed", "districts of Paktika": a
                # province's name is as plain a place as a country's.
                mention, regional = province, bool(direction)
            elif mention is None and (part := _country_or_its_part(text, m, name)):
                mention, regional = part[:2], part[2]  # "Malawi's government said"
                if part[3]:
                    part_at = m.start("name") + part[3]  # (a title's last word)
            elif mention is None and " " in name:
                # "the Ministry of Emergencies of the Republic of Kazakhstan", "IOM Yemen DTM":
                # an organisation's name that holds its country's.
                if (within := _country_within(name)) is not None:
                    written, readings = within
                    start = m.start("name") + name.rindex(written)
                    out.append(_mention(start, "", written, readings, False))
                continue
            if mention is not None and _NATIONAL_AFTER.match(text, m_end):
                continue  # "a New Zealand man who drowned": whose nation, not where
            if mention is not None and _ACTS_AFTER.match(text, m_end):
                continue  # "since Russia invaded in February": who acts, not where people are
            if (
                mention is not None
                and text.startswith(",", m_end)
                and _VILLAGES_LISTED.match(text, m_end)
            ):
                continue  # "flooding Angola, Shibale and Shitukhumi villages": a village's name
            if mention is not None and text.endswith(("bordering ", " borders "), 0, m_start):
                continue  # "in the north of the province, bordering Tajikistan": its neighbour
            if mention is not None:
                written = f"{direction} {mention[0]}" if regional and direction else mention[0]
                at = m.start("dir" if direction else "name")
                if (
                    not regional
                    and text.endswith((" of ", " of the "), 0, at)
                    and (part := _PART_OF_BEFORE.search(text, max(0, at - 40), at))
                ):
                    # "in the northwestern part of Nigeria", "on the west coast of Yemen", "in the
                    # west of Fiji": a part of the country, as written
                    words = part.group("alone") or f"{part.group('dir')} {part.group('part')}"
                    the = "the " if text.endswith(" of the ", 0, at) else ""
                    written, at, regional = (f"{words} of {the}{written}", part.start(), True)
                out.append(_mention(at, "", written, mention[1], regional,
                                    bool(_LIST_NEXT.match(text, m_end))))  # fmt: skip
            continue
        if role == "of":
            role = _role_before(text, m_start)
        if (
            role == "origin"
            and "eport" in text[:m_start][-50:]  # (no max(0, …): a call of the builtin)
            and _REPORTS_FROM_BEFORE.search(text, max(0, m.start("name") - 60), m.start("name"))
        ):
            role = "at"  # "Reports from northwest district of Magu said": where the news is of
        mention = None
        if direction and direction[0].isupper():
            # A capitalised direction may be part of the name: "South Sudan", "North Kivu".
            mention = _resolve_mention(f"{direction} {name}", word, None)
            direction = None if mention else direction
        if (
            mention is None
            and word
            and name.endswith(("’s", "'s"))
            and text.startswith(" of ", m_end)
            and (after := _NAME_AFTER_OF.match(text, m_end)) is not None
            and (owner := _country_named(name[:-2])) is not None
        ):
            # "on Indonesia’s island of Sulawesi": the island, in that country (not "Indonesia
            # island")
            code = owner[1][0].country_iso3
            found = _resolve_mention(after.group(1), "", None)
            inside = tuple(r for r in found[1] if r.country_iso3 == code) if found else ()
            kind = places.WORD_KINDS.get(" ".join(word.lower().split()), "area")
            out.append(
                _mention(after.start(1), role or "at", found[0], inside, False)
                if inside
                else _unknown_mention(after.start(1), role or "at", after.group(1), code, kind)
            )
            continue
        if (
            mention is None
            and name.endswith(("’s", "'s"))
            and " " not in name
            and not ((part := _country_or_its_part(text, m, name)) and part[2])
        ):
            # "in Peru’s southern desert": the name before its possessive, not a "Perus" (a
            # country's part keeps its words: "in Turkey’s southeast region")
            mention = _resolve_mention(name[:-2], word, direction)
        if mention is None and learnt and name.isupper():
            # "7 from KP", the document having written "Khyber Pakhtunkhwa (KP)" before; "eight in
            # CAR" after "Cordillera Administrative Region (CAR)": not the Central African Republic
            alias = learnt.get(places.key(name))
            if alias is not None and alias[1] == "alias":
                mention = _resolve_mention(alias[0], "", None)
                mention = (name, mention[1]) if mention is not None else None
        if mention is None:
            mention = _resolve_mention(name, word, direction)
        possessive = _possessive(name) if mention is None else None
        owner_name = possessive.group(1) if possessive else ""
        if possessive and direction and _country_named(f"{direction} {owner_name}"):
            # "forced from South Sudan’s Rubkona County": South Sudan's, not a region of Sudan
            owner_name, direction = f"{direction} {owner_name}", None
        if possessive:
            # "Sudan’s West Darfur province": the place after a country's name and its "’s" (a
            # direction before is the country's: "northern Ethiopia’s Tigray region").
            mention = (
                _resolve_mention(possessive.group(2), word, None)
                if word or not _BARE_DIRECTION.fullmatch(possessive.group(2))
                else None
            )
            if (
                mention is not None
                and _generic(mention[0])
                and (owner := _country_named(owner_name))
            ):
                # "governor of Rwanda’s Western Province": the owner's, not Sri Lanka's
                code = owner[1][0].country_iso3
                inside = tuple(r for r in mention[1] if r.country_iso3 == code)
                if inside:
                    mention = (mention[0], inside)
                elif all(r.kind == "province" for r in mention[1]):
                    mention = (mention[0], (places.Place(mention[0], code, None, None, "province",
                                                         "document"),))  # fmt: skip
            if mention is None and possessive.group(2).split()[0].lower() not in _BODY_WORDS:
                # (not "a tweet from Syria’s International Red Cross": a body's, not a place)
                owner = _resolve_mention(owner_name, "", None)
                mention = owner if owner and owner[1][0].kind == "country" else None
                if mention is not None and word:
                    # "western Ethiopias Assosa region": a place of that country the gazetteer
                    # lacks, said so by its word of place
                    written = f"{possessive.group(2)} {' '.join(word.split())}"
                    kind = places.WORD_KINDS.get(" ".join(word.lower().split()), "area")
                    place = places.Place(written, mention[1][0].country_iso3, None, None, kind,
                                         "document")  # fmt: skip
                    out.append(_Mention(m.start("name") + possessive.start(2), role, written,
                                        place, (), False, bool(_LIST_NEXT.match(text, m_end))))  # fmt: skip
                    continue
        elif mention is None and (part := _country_or_its_part(text, m, name)) and part[2]:
            mention = part[:2]  # "in Turkey’s southeast region"
            if part[3]:
                part_at = m.start("name") + part[3]  # (a title's last word)
        if mention is None and role and " " in name:
            # "In El Salvador Civil Protection reported 15 people injured": the country the cue
            # names, before the body that speaks there
            mention = _country_before_a_body(name)
        if mention is None and not need_cue:
            # A title names its country among other words: "Humanitarian Bulletin Philippines"
            # ("Storm in Northern Greece Rises to Seven": with its direction).
            mention = _country_in(name)
            if mention is not None and direction and name.startswith(mention[0]):
                mention = (f"{direction} {mention[0]}", mention[1])
        if mention is None and role and (core := _without_words_around(name)) is not None:
            # "… Feared Dead in Fresh Bududa Mudslide": the place among a title's words ("… in
            # Northern Greece Rises to Seven": with its direction)
            mention = _resolve_mention(core, "", direction) if core else None
        unknown = (
            _unknown_place(text, m, role, direction, learnt, title=not need_cue)
            if mention is None
            else None
        )
        if mention is None and unknown is None:
            if (
                not need_cue
                and (cued := _TITLE_CUE.search(name))
                and not _BARE_DIRECTION.fullmatch(name[cued.end() :].strip())
                and name[cued.end() :].split()[0] not in _DISASTER_WORDS  # ("Toll From Storm")
            ):
                start = m.start("name") + cued.end()
                more = _TITLE_WORDS_ON.match(text, m_end)  # "… In Solomon| Islands"
                out.append(
                    _title_cued(start, cued, name[cued.end() :], more.group() if more else "")
                )
            continue
        if mention is not None and not word and _direction_alone(text, m, mention[0]):
            continue  # "… Strikes Northern Costa Rica": a direction of the country after it
        if role and _not_the_figures_place(text, m_start):
            continue  # "60 kilometres from El Geneina", "told a news briefing in Geneva"
        if (
            role == "to"
            and cue[:1] in "bB"
            and _NEAR_BEFORE.search(text, max(0, m_start - 20), m_start)
        ):
            continue  # "in the region near the border with Turkey": the other side of it
        start = m.start("name") if not direction else m.start("dir")
        if part_at is not None:
            start = part_at
        listed = bool(_LIST_NEXT.match(text, m_end))
        if mention is not None:
            written, readings = mention
            out.append(_mention(start, role, written, readings, bool(direction), listed))
            if learnt is not None and text.startswith(" (", m_end):
                # "Khyber Pakhtunkhwa (KP)": the short name the document goes on to use
                short = _SHORT_NAME.match(text, m_end)
                if short is not None and len(learnt) < 10_000:
                    learnt.setdefault(places.key(short.group(1)), (written, "alias"))
        else:
            written, place = unknown
            out.append(_Mention(start, role, written, place, (), bool(direction), listed))
        if word and text.startswith(" of ", m_end) and (inner := _unit_of(text, m, out[-1])):
            out.append(inner)  # "the East Java district of Lumajang": Lumajang, in East Java
    if "CAR" in text and "Region" in text:
        # "affected in the Regions I, II, III, CALABARZON, V and CAR": the Philippines' Cordillera
        # Administrative Region, listed with the regions numbered before it, not the Central
        # African Republic
        out = [replace(m, reading=places.Place("CAR", "PHL", None, None, "region", "document"),
                       readings=()) if m.written == "CAR"
               and _NUMBERED_REGIONS_BEFORE.search(text, max(0, m.start - 80), m.start) else m
               for m in out]  # fmt: skip
    if any(len(m.written) <= 5 and m.written.isupper() for m in out):
        # an agency's letters before a verb ("NEMA orders Evacuation of Communities") are not the
        # town the gazetteer spells so (Néma, Mauritania)
        out = [m for m in out if not (
            len(m.written) <= 5 and m.written.isupper() and m.reading is not None
            and m.reading.kind in ("town", "city") and _LOWER_WORD_NEXT.match(text, m.start + len(m.written))
        )]  # fmt: skip
    if "." in text:
        # an abbreviation's last full stop, which a name's words leave out: "N.S. wildfires"
        out = [replace(m, written=m.written + ".") if _DOTTED_INITIALS.fullmatch(m.written)
               and text.startswith(".", m.start + len(m.written)) else m for m in out]  # fmt: skip
    if out and ("S. " in text or "N. " in text or "E. " in text or "W. " in text):
        out = [_with_its_initial(text, m) for m in out]
    if len(out) > 1:
        out = _in_the_wider(text, out)
        if any(m.reading is None and m.readings for m in out):
            out = _settled_by_neighbours(out)
        if any(m.reading is not None and m.reading.kind == "country" for m in out):
            out = _provinces_listed(text, out)
        out = _roles_down_a_list(out)
    if " side" in text or "authorities" in text:
        out = sorted([*out, *_sides(text)], key=lambda m: m.start)
    if _UNIT_WORD.search(text):
        out = _with_more(out, _of_a_people(text), prefer=True)
    if "apital" in text:
        out = _with_more(out, _capitals(text), prefer=True, longer=False)
    if " the most " in text or " the worst" in text:
        out = _with_more(out, _worst_hit(text))
    if out and " and " in text:
        out = _names_joined_by_and(text, out)
    if " and " in text and _and_a_name_then_a_plural_word(text):
        out = _lists_before_a_plural_word(text, out)
    if (need_cue and ("slide" in text or "quake" in text or "slip" in text)) or (
        "massacre" in text
    ):
        # ("Ogossagou massacre: Mali President vows …", a title: where the massacre was)
        out = _with_more(out, _named_disasters(text))
    if len(out) > 1 and ("'s " in text or "’s " in text or "‘s " in text):
        out = _owned_by_country(text, out)
    if len(out) > 1 and (" in " in text or ", " in text):
        out = _placed_in_country(text, out)
    if len(out) > 1 and (" in " in text or " of " in text):
        out = _within_the_one_before(text, out)
    if ", near " in text and out:
        out = _a_town_near(text, out)
    return out


# "in Ahmadpur Sharqia, near Bahawalpur": a name the gazetteer lacks, placed by the town it is near.
_NAME_BEFORE_NEAR = re.compile(
    r"\b(?:in|at|from)\s+(?P<name>[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){0,3}),\s+near\s+$"
)


def _a_town_near(text: str, out: list[_Mention]) -> list[_Mention]:
    """A place the gazetteer lacks, named before a known one it is "near" ("an oil tanker burst
    into flames in Ahmadpur Sharqia, near Bahawalpur"): the place of the sentence's counts, in the
    known place's country; the known place says where it is."""
    result = []
    for m in out:
        found = (
            _NAME_BEFORE_NEAR.search(text, max(0, m.start - 60), m.start)
            if m.reading is not None and m.reading.kind in ("town", "city", "district")
            else None
        )
        if (
            found is not None
            and not any(o.start == found.start("name") for o in out)
            and found.group("name").split()[0] not in NOT_A_PLACE_START
            and _resolve_mention(found.group("name"), "", None) is None
        ):
            result.append(_unknown_mention(found.start("name"), m.role or "at", found.group("name"),
                                           m.reading.country_iso3, "town"))  # fmt: skip
            m = replace(m, within=True)
        result.append(m)
    return result


_PLACE_WORD_AFTER = re.compile(rf"\s+(?i:{_PLACE_WORDS})\b")


def _within_the_one_before(text: str, mentions: list[_Mention]) -> list[_Mention]:
    """Places named right after another as where it lies ("In the village of Kuma in Kumamoto",
    "Gangapur village of Banke district", "Barhoum in Msila province"), marked so."""
    out = list(mentions)
    for i in range(1, len(out)):
        before, m = mentions[i - 1], mentions[i]
        if not 4 <= m.start - before.start - len(before.written) <= 8:
            continue  # (most places are not named right after another: not sliced)
        gap = text[before.start + len(before.written) : m.start]
        if (
            (
                gap in (" in ", " in the ")
                # ("Gangapur village of Banke district"; not "the Georgia town of Gori")
                or (
                    gap == " of "
                    and (
                        _ENDS_WITH_PLACE_WORD.search(m.written)
                        or _PLACE_WORD_AFTER.match(text, m.start + len(m.written))
                    )
                )
            )
            and not before.listed
            and not text.startswith(", where", m.start + len(m.written))
        ):
            # (but "the Bayrakli neighborhood in Izmir, where … causing at least 24 deaths in the
            # city": the wider place the clause goes on from)
            # (where people went, the place it lies in too: "crossed to Yamba village in eastern
            # Cameroon")
            role = before.role if before.role == "to" and m.role == "at" else m.role
            out[i] = replace(m, within=True, role=role)
    return out


# News "from" a place: of what happened there, not of people who left it.
_REPORTS_FROM_BEFORE = re.compile(
    r"\b[Rr]eports?\s+from\s+(?:the\s+)?(?:[a-z-]+\s+){0,2}(?:[a-z]+\s+of\s+(?:the\s+)?)?$"
)
_NEIGHBOURING = ("neighbouring ", "neighboring ")
_LINK_WORDS = frozenset("of and for the on in de".split())


def _initials_before(text: str, end: int, short: str) -> bool:
    """Whether `short` is made of the first letters of the capitalised words that end at `end`
    ("Inter Agency Kenya Initial Rapid Assessment" before "KIRA"; linking words skipped)."""
    words = [w for w in text[max(0, end - 120) : end].split() if w.lower() not in _LINK_WORDS]
    initials = "".join(w[0] for w in words[-len(short) :] if w[:1].isupper())
    return len(short) > 1 and initials == short


def _roles_down_a_list(mentions: list[_Mention]) -> list[_Mention]:
    """The places of a list after its first take the role of the first's cue: "claimed to be
    from Egypt, Sudan, Syria, and Tunisia" names four places people came from."""
    out = mentions
    for i in range(1, len(out)):
        before, place = out[i - 1], out[i]
        if place.role == "" and before.listed and before.role in ("origin", "displaced from", "to"):
            out = out if out is not mentions else list(mentions)
            out[i] = replace(place, role=before.role)
    return out


def _placed_in_country(text: str, mentions: list[_Mention]) -> list[_Mention]:
    """A place named right before "in" and a country, or before its province, which the
    gazetteer reads in another country, is a place of that country it lacks: "the town of Ask
    in Norway" is not Ask, Poland; "Abala, Tillaberi region" is not Abala, Ethiopia."""
    out = list(mentions)
    for i in range(len(out) - 1):
        place, country = out[i], out[i + 1]
        if (
            country.reading is not None
            and place.reading is not None
            and place.reading.kind in ("town", "city")
            and place.reading.source == "geonames"
            and place.reading.country_iso3 != country.reading.country_iso3
            and (between := text[place.start + len(place.written) : country.start])
            in (" in ", ", ", " of ")
            and (
                country.reading.kind == "country"
                if between == " in "
                else country.reading.kind == "province" and country.reading.source == "pycountry"
                if between == ", "
                # "the Karo district of North Sumatra" is not Kāro, India
                else country.reading.kind in ("country", "province")
                and _ends_with_place_word(place.written)
            )
        ):
            reading = places.Place(place.written, country.reading.country_iso3, None, None,
                                   "town", "document")  # fmt: skip
            out[i] = replace(place, reading=reading, readings=())
            for j in range(i + 1, len(out)):
                # (and where the text names it again: "Merek sub-district, Karo district")
                if out[j].reading == place.reading and out[j].written == place.written:
                    out[j] = replace(out[j], reading=reading, readings=())
    return out


# Between a country's possessive and its place, a word or two that say what the place is like:
# "Russia's |southern |Krasnodar region", "Zimbabwe’s |remote |Binga District".
_OWNERS_GAP = re.compile(r"['’‘]s (?:[a-z]+ ){0,2}")


def _owned_by_country(text: str, mentions: list[_Mention]) -> list[_Mention]:
    """A place named after its country's possessive takes the country's word of place, and the
    country is left out: "flash floods in Russia's southern Krasnodar region" are of the
    region."""
    out = list(mentions)
    for i in range(len(out) - 1, 0, -1):
        owner, part = out[i - 1], out[i]
        if (
            part.role == ""
            and owner.role
            and owner.reading is not None
            and owner.reading.kind == "country"
            and _OWNERS_GAP.fullmatch(text, owner.start + len(owner.written), part.start)
        ):
            reading, code = part.reading, owner.reading.country_iso3
            if reading is None and (inside := [r for r in part.readings if r.country_iso3 == code]):
                reading = inside[0]
            elif reading is None or reading.country_iso3 not in (None, code):
                if reading is None or reading.kind == "country" or reading.source != "geonames":
                    continue
                # "Zimbabwe’s remote Binga District" is not Binga, DR Congo: a place of the
                # country that owns it, which the gazetteer lacks
                reading = places.Place(part.written, code, None, None, reading.kind, "document")
            if (
                reading is not None
                and reading.country_iso3 is None
                and reading.source == "document"
            ):
                # ("Senegal's southern Casamance region", which the gazetteer lacks: Senegal's)
                reading = replace(reading, country_iso3=owner.reading.country_iso3)
            out[i - 1 : i + 1] = [replace(part, role=owner.role, reading=reading)]
    return out


def _with_more(
    out: list[_Mention], more: list[_Mention], prefer: bool = False, longer: bool = True
) -> list[_Mention]:
    """The mentions with more found another way, in order; a place found twice is kept once (the
    one found the other way where `prefer`d, and where its name is `longer`: "the Argentine city
    of Bahía Blanca", not Brazil's Bahia; "Mozambique's Capital", Maputo)."""
    if prefer and more:
        found = {m.start: m for m in more}
        out = [
            m
            if m.start not in found or (longer and len(found[m.start].written) <= len(m.written))
            else found.pop(m.start)
            for m in out
        ]
        more = list(found.values())
    seen = {m.start for m in out}
    more = [m for m in more if m.start not in seen]
    return sorted([*out, *more], key=lambda m: m.start) if more else out


def _unknown_mention(start: int, role: str, name: str, country: str | None, kind: str) -> _Mention:
    """A place the document names that the gazetteer lacks (no coordinates)."""
    place = places.Place(name, country, None, None, kind, "document")
    return _Mention(start, role, name, place, (), False, False)


# A disaster named for its place: "14 deaths were due to the Aranayaka landslide".
_NAMED_DISASTER = re.compile(
    r"(?:\bthe\s+|^)(?P<name>[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)?)\s+(?:landslides?|landslip|mudslides?|"
    r"earthquakes?|quakes?|massacre)\b"
)


def _named_disasters(text: str) -> list[_Mention]:
    out = []
    for m in _NAMED_DISASTER.finditer(text):
        name = m.group("name")
        first = name.split()[0]
        if first in NOT_A_PLACE_START or first.lower() in NOT_AN_UNKNOWN_PLACE:
            continue
        if first.title() in _TITLE_ADJECTIVES:
            continue  # "Powerful earthquake strikes …": what the quake was, not where
        if name.lower() in places.demonyms() or first.lower() in places.demonyms():
            continue
        found = _resolve_mention(name, "", None)
        if found is not None:
            out.append(_mention(m.start("name"), "at", found[0], found[1], False))
        elif len(name) > 3 and not name.isupper():
            out.append(_unknown_mention(m.start("name"), "at", name, None, "town"))
    return out


# A title's capitalised words run into its place: "Deadly Mudslide Hits Hanang".
# Words of where a disaster struck, read in titles only (as cues of every sentence's places their
# first letters would make the cue pattern's quick check match most words).
_STRUCK_WORDS = r"Hits?|Strikes?|Struck|Slams?|Batters?|Lashes|Ravages?"
_TITLE_CUE_WORDS = rf"{_STRUCK_WORDS}|In|At|Near|From|Flee|Flees|Fled"
# The last of them in a title's run of capitalised words.
_TITLE_CUE = re.compile(
    rf"\s(?P<cue>{_TITLE_CUE_WORDS})\s+(?=[A-Z])(?!.*\s(?:{_TITLE_CUE_WORDS})\s)"
)
_STRUCK = re.compile(_STRUCK_WORDS)


# The capitalised words around a place's name in a title: "Fresh Bududa Mudslide".
_TITLE_ADJECTIVES = frozenset(
    "Fresh New Deadly Massive Major Latest Huge Fatal Devastating Killer Another Second Heavy "
    "Severe Powerful".split()
)
# Words of a title-cased headline that end the name before them ("… in Artigas After River …").
_TITLE_LINKS = frozenset(
    "After Amid Following Despite Since Due Over As While Before During Leaves Kills Kill Hits "
    "Hit Displaces Forces Prompts Sparks Triggers Causes Affects Rises Climbs Reaches Jumps Tops "
    "Soars Grows Increases Stands".split()
)
_DISASTER_WORDS = frozenset(
    "Mudslide Mudslides Landslide Landslides Flood Floods Flooding Flash Earthquake Earthquakes "
    "Quake Quakes Cyclone Storm Storms Fire Fires Wildfire Wildfires Attack Attacks Clashes "
    "Violence Fighting Explosion Blast Tsunami Eruption Disaster Tragedy Rain Rains".split()
)


def _without_words_around(name: str) -> str | None:
    """A name without the title's words before it (_TITLE_ADJECTIVES) and the disaster's after
    it (_DISASTER_WORDS): "Fresh Bududa Mudslide" → "Bududa"; None where it has neither."""
    words = name.split()
    first, last = 0, len(words)
    while first < last and words[first] in _TITLE_ADJECTIVES:
        first += 1
    if cut := next((i for i in range(first + 1, last) if words[i] in _TITLE_LINKS), None):
        last = cut  # "Evacuations in Artigas After River Overflows": the name ends at "After"
    while last > first and words[last - 1] in _DISASTER_WORDS:
        last -= 1
    return " ".join(words[first:last]) if (first, last) != (0, len(words)) else None


# The capitalised words a title's run goes on with past the longest name a mention reads.
_TITLE_WORDS_ON = re.compile(r"(?: [A-Z][\w’'-]*)+")


def _title_cued(start: int, cued: re.Match, name: str, more: str = "") -> _Mention:
    """The place after a title's capitalised cue, known or not (its country from the title),
    with the title's words after it where the gazetteer knows them together: "… On Higher Ground
    In Solomon Islands"."""
    cue = cued.group("cue")
    role = "strife" if _STRUCK.fullmatch(cue) else _cue_role(cue.lower())
    found = (more and _resolve_mention(name + more, "", None)) or _resolve_mention(name, "", None)
    if found is not None:
        return _mention(start, role, found[0], found[1], False)
    return _unknown_mention(start, role, name, None, "town")


# "the Syrian town of Baghuz", "Greek island Rhodes": a place in the country its people's word names.
_UNIT_WORDS = ("town", "city", "village", "island", "province", "region", "state", "district",
               "capital", "port", "governorate")  # fmt: skip
_UNIT_WORD = re.compile(rf" (?:{'|'.join(_UNIT_WORDS)}) ")
# (its capital first, as one class, which the engine skips to; a word starts there where no word
# character is before it: \b[A-Z], where the pattern was tried at every character)
_OF_A_PEOPLE = re.compile(
    rf"(?P<people>[A-Z](?<!\w.)[a-z]+)\s+(?P<word>{'|'.join(_UNIT_WORDS)})\s+(?:of\s+)?"
    r"(?P<name>[A-Z][\w’'-]*(?:[ -][A-Z][\w’'-]*){0,2})"
)


# A country's capital: "in Cameroon’s capital Yaounde", "to the Republic of Macedonia’s capital
# Skopje", "in the capital of Conakry", "by flooding in the capital Ouagadougou", "hospitals in the
# capital, Algiers", "Explosion in Guinea's Capital Kills At Least 13".
# (after "in" or "to" only: not "mayor of Mayotte’s capital Mamoudzou", "south of the capital
# Lilongwe")
_COUNTRYS_CAPITAL = re.compile(
    # ("as the worst floods in years battered DR Congo's capital Kinshasa")
    r"\b(?:[Ii]n|to|hit|hits|struck|strikes|battered|batters|lashed|lashes|ravaged|flooded|"
    r"inundated)\s+(?:(?:the\s+)?(?P<owner>[A-Z][\w’'-]+(?:\s+(?:of\s+)?[A-Z][\w’'-]+){0,2})['’]s"
    r"\s+[Cc]apital(?:\s+city)?(?:,?\s+(?P<name>[A-Z][\w’'-]*(?:[ -][A-Z][\w’'-]*){0,2}))?"
    # ("in the economic capital Abidjan")
    # ("in the Malian capital, Bamako")
    r"|the\s+(?:economic\s+|commercial\s+|political\s+|administrative\s+|[A-Z][a-z]+an\s+)?"
    r"capital(?:\s+of|,)?\s+"
    r"(?P<city>[A-Z][\w’'-]*(?:[ -][A-Z][\w’'-]*){0,2}))"
)


# A place named as the worst hit, before the count it has: "Maradi is the most affected region,
# with 270,505 people affected"; "Segamat remained the worst hit, as the number of flood victims
# increased to 6,609".
_THE_WORST_HIT = re.compile(
    r"(?<![\w’'-])(?P<name>[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){0,2})\s+(?:is|was|remains|remained)\s+"
    r"the\s+(?:most|worst)[\s-](?:affected|hit)\b"
)


def _worst_hit(text: str) -> list[_Mention]:
    out = []
    for m in _THE_WORST_HIT.finditer(text):
        name = m.group("name")
        if name.split()[0] in NOT_A_PLACE_START or name.lower() in places.demonym_words():
            continue
        found = _resolve_mention(name, "", None)
        readings = tuple(r for r in found[1] if r.kind != "country") if found else ()
        if readings:  # (only a place the gazetteer knows: not "Agriculture is the most hit")
            out.append(_mention(m.start("name"), "at", found[0], readings, False))
    return out


# The rest of a name joined by "and": "Jammu| and Kashmir", "Sistan| and Baluchestan province".
_AND_THE_REST = re.compile(
    r"\s+and\s+(?P<rest>[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)?)"
    r"(?P<word>\s+(?i:province|region|state|territory))?\b"
)


_FIRST_AND_BEFORE = re.compile(r"(?<![\w’'-])([A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)?)\s+and\s+$")


def _names_joined_by_and(text: str, mentions: list[_Mention]) -> list[_Mention]:
    """A place whose name holds "and", read as one place where the gazetteer knows the whole
    name ("Jammu and Kashmir", "Sistan and Baluchestan province", "Trinidad and Tobago"), not as
    two places named together."""
    out = []
    skip_to = -1
    firsts = places.gazetteer().and_firsts
    for m in mentions:
        if m.start < skip_to:
            continue
        rest = None
        # (" and " after the name, or inside it before its word of place: looked for as text)
        if not m.regional and text.find(" and ", m.start, m.start + len(m.written) + 5) >= 0:
            bare = places._without_place_word(m.written)
            if text.startswith(" and ", m.start + len(bare)) and places.key(bare) in firsts:
                rest = _AND_THE_REST.match(text, m.start + len(bare))
        if rest is not None:
            whole = f"{bare} and {rest.group('rest')}"
            readings = tuple(r for r in places.lookup(whole) if r.kind != "city")
            if readings:
                m = _mention(m.start, m.role, whole + (rest.group("word") or ""), readings, False)
                skip_to = rest.end()
        elif (
            text.endswith(" and ", 0, m.start)
            and (first := _FIRST_AND_BEFORE.search(text, max(0, m.start - 40), m.start))
            and places.key(first.group(1)) in firsts
        ):
            # (its first part not read as a place: "in Sistan and |Baluchestan province")
            readings = tuple(r for r in places.lookup(f"{first.group(1)} and {m.written}")
                             if r.kind != "city")  # fmt: skip
            if readings and (not out or out[-1].start < first.start()):
                written = f"{first.group(1)} and {m.written}"
                m = _mention(first.start(1), m.role, written, readings, False)
        out.append(m)
    return out


def _capitals(text: str) -> list[_Mention]:
    out = []
    for m in _COUNTRYS_CAPITAL.finditer(text):
        if _not_the_figures_place(text, m.start()):
            continue
        owner = _country_named(m.group("owner")) if m.group("owner") else None
        code = owner[1][0].country_iso3 if owner else None
        name = m.group("name") or m.group("city")
        found = _resolve_mention(name, "", None) if name else None
        readings = tuple(
            r for r in (found[1] if found else ()) if r.kind not in ("country", "province")
            and (code is None or r.country_iso3 == code)
        )  # fmt: skip
        if readings:
            at = m.start("name" if m.group("name") else "city")
            # (its own word before: "left thousands homeless in the Malian capital, Bamako" is
            # of people in Bamako, not people who left it)
            cue = m.group(0)[:3].lower()
            role = "at" if cue == "in " else "to" if cue == "to " else _role_before(text, m.start())
            if cue == "in " and _role_before(text, m.start() + 3) == "strife":
                role = "strife"  # "to escape fighting in the Chadian capital of N'Djamena"
            out.append(_mention(at, role, found[0], readings, False))
        elif code is not None:
            # "Guinea's Capital Kills …": the capital the country has
            capital = places.capitals().get(code)
            found = _resolve_mention(capital, "", None) if capital else None
            readings = tuple(r for r in found[1] if r.country_iso3 == code) if found else ()
            if readings:
                at = m.start("owner")
                out.append(_mention(at, _role_before(text, at), capital, readings, False))
    return out


def _role_before(text: str, at: int) -> str:
    """The role the words before a place say ("departed from the border village of Arara",
    "fled the Syrian town of Baghuz": origin); "at" where they say none."""
    before = _ROLE_BEFORE.search(text, max(0, at - 60), at)
    role = _CUE_ROLES[int(before.lastgroup[1:])] if before else "at"
    return "at" if role == "of" else role


def _of_a_people(text: str) -> list[_Mention]:
    out = []
    for m in _OF_A_PEOPLE.finditer(text):
        if _not_the_figures_place(text, m.start()):
            continue
        code = places.demonyms().get(m.group("people").lower())
        if code is None or code not in _countries():
            continue
        role = _role_before(text, m.start())
        name = m.group("name")
        found = _resolve_mention(name, "", None)
        readings = tuple(r for r in found[1] if r.country_iso3 == code) if found else ()
        if readings:
            out.append(_mention(m.start("name"), role, found[0], readings, False))
        else:
            kind = places.WORD_KINDS.get(m.group("word"), "town")
            out.append(_unknown_mention(m.start("name"), role, name, code, kind))
    return out


# "59 deaths … on the Kyrgyz side": a side of a border is the country its people's word names;
# "Kyrgyz authorities have evacuated approximately 5,000 people": so are its authorities.
_SIDE = re.compile(
    r"\b(?i:on)\s+the\s+(?P<people>[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)\s+side\b"
    r"|(?<![\w’'-]\s)\b(?P<own>[A-Z][a-z]+)\s+authorities\b"
    # (and a side that speaks: "The Tajik side unofficially reported more than 150 wounded")
    r"|\b[Tt]he\s+(?P<side>[A-Z][a-z]+)\s+side\s+(?:\w+ly\s+)?(?:said|says|reported|reports)\b"
)


def _sides(text: str) -> list[_Mention]:
    out = []
    for m in _SIDE.finditer(text):
        people = m.group("people") or m.group("own") or m.group("side")
        code = places.demonyms().get(people.lower())
        country = _countries().get(code) if code else None
        found = _country_named(country.name) if country is not None else None
        if found is not None:
            at = m.start(next(g for g in ("people", "own", "side") if m.group(g)))
            out.append(_mention(at, "at" if m.group("people") else "", found[0], found[1], False))
    return out


_CUE_PATTERNS = [re.compile(c, re.IGNORECASE) for c in LOCATIVE_CUES]


@functools.lru_cache(maxsize=256)
def _cue_role(cue: str) -> str:
    """The role of a cue's words ("fled" → origin, "the village of" → of)."""
    pairs = zip(_CUE_PATTERNS, _CUE_ROLES, strict=True)
    return next((r for p, r in pairs if p.fullmatch(cue)), "")


@functools.lru_cache(maxsize=4096)
def _country_named(name: str):
    """(written, readings) of a country's name, else None ("Lebanon receives …")."""
    found = _resolve_mention(name, "", None)
    return found if found is not None and found[1][0].kind == "country" else None


def _of_the_place_before(text: str, at: int, out: list[_Mention]) -> bool:
    """Whether the name at `at` says where the place named just before it lies: "Nowshera
    district of Khyber Pakhtunkhwa", "Nowshera district, Khyber Pakhtunkhwa"."""
    if not out or not text.endswith((" of ", ", "), 0, at):
        return False
    before = out[-1]
    return _JOINS_A_PLACE.fullmatch(text, before.start + len(before.written), at) is not None


@functools.lru_cache(maxsize=4096)
def _province_named(name: str, words: bool = False):
    """(written, readings) of a province's name that no other place of another country shares
    ("KwaZulu-Natal", "Paktika"), else None: a first-level unit of ISO 3166-2. A name of several
    words only with `words` (a direction and a name: "Southern Highlands")."""
    if len(name) < 5 or (" " in name.strip() and not words):
        return None
    found = _resolve_mention(name, "", None)
    if found is None or found[0] != name:
        return None
    first = found[1][0]
    if first.kind != "province" or first.source not in ("pycountry", "curated"):
        return None
    return found if len({r.country_iso3 for r in found[1]}) == 1 else None


_POSSESSIVE = re.compile(r"^(.+?)['’]s\s+(.+)$")
_POSSESSIVE_BARE = re.compile(r"^(.+?)s\s+([A-Z].*)$")


@functools.lru_cache(maxsize=4096)
def _possessive(name: str) -> re.Match | None:
    """A name after its owner's possessive: "Sudan’s West Darfur", and a country's written
    without its apostrophe, as some pages print it ("In South Sudans Unity state")."""
    if name.isalnum():
        return None  # one word ("Syria", "In": half the names): no space for either pattern
    # (its apostrophe looked for first: most names of several words have none)
    found = _POSSESSIVE.match(name) if "'" in name or "’" in name else None
    if found is None and (bare := _POSSESSIVE_BARE.match(name)) and _country_named(bare.group(1)):
        return bare
    return found


def _owner(name: str) -> str:
    """A name without its "’s": "Kerala’s" → "Kerala"."""
    return name[:-2] if name.endswith(("’s", "'s")) else name


def _country_or_its_part(text: str, m: re.Match, name: str) -> tuple[str, tuple, bool, int] | None:
    """For a country's name and its "’s" (`name`, matched by `m`): the part of it written after
    ("Turkey’s southeast region", regional), else the country ("Malawi's government"); and where
    in the name the country's starts (a title's last word)."""
    if not name.endswith(("'s", "’s")):
        return None
    at = 0
    owner = _country_named(name[:-2])
    if owner is None and " " in name:
        # a title's run of capitals: "Hurricane Paloma Hits Cuba's South Coast"
        at = name.rindex(" ") + 1
        name = name[at:]
        owner = _country_named(name[:-2])
    if owner is None:
        return None
    region = _REGION_OF.match(text, m.end())
    return (f"{name}{region.group(0)}", owner[1], True, at) if region else (*owner, False, at)


_PART_OF_BEFORE = re.compile(
    rf"\b(?:(?<=\bthe\s)(?P<alone>north|south|east|west|centre|center)|(?P<dir>{DIRECTION_WORDS})"
    rf"\s+(?P<part>part|coast))\s+of\s+(?:the\s+)?$",
    re.IGNORECASE,
)
# After a country's "’s", a part of it: "Turkey’s southeast region", "Chad's eastern border areas".
_REGION_OF = re.compile(
    rf"\s+(?:{DIRECTION_WORDS})\s+(?:regions?|provinces?|parts?|border(?:\s+areas?)?|coast)\b",
    re.IGNORECASE,
)
# A word of place before "X of" says the role of the place that follows ("fled the town of").
# (The cues' quick check of first letters first, as in _PLACE_MENTION: a seventh of the time.)
_ROLE_BEFORE = re.compile(
    rf"\b(?={_CUE_START})(?i:{'|'.join(f'(?P<c{i}>{c})' for i, c in enumerate(LOCATIVE_CUES))})\s+"
    r"(?:the\s+|a\s+|an\s+)?(?:[a-z’'-]+\s+){0,2}$"
)
# A place named for a distance or for where a statement was made is not where the figure is:
# "60 kilometres from El Geneina", "told a news briefing in Geneva", "said in Geneva", "told IRIN
# in the Tajik capital Dushanbe".
_DISTANCE_WORDS = (
    "km", "kms", "kilometres", "kilometers", "kilometre", "kilometer", "miles", "mile",
)  # fmt: skip
_VENUE_WORDS = ("briefing", "conference", "press", "reporters", "journalists", "speaking",
                "statement", "interview")  # fmt: skip
_SAID_WORDS = ("said", "says", "told")
_NOT_THE_FIGURES_PLACE = re.compile(
    rf"\b(?:{'|'.join(_DISTANCE_WORDS)})\s+(?:(?:north|south|east|west)\w*\s+)?$|"
    rf"\b(?:{'|'.join(_VENUE_WORDS)})\b(?:\s+[\w’'-]+){{0,2}},?\s*$|"  # "told journalists, in Jos,"
    rf"\b(?:{'|'.join(_SAID_WORDS)})\s*$|\btold\s+(?:the\s+)?[\w.-]+(?:\s+(?:in|at)(?:\s+the)?)?\s*$|"
    # "settled in 916 sites across the country (this excludes sites in SNNPR, …)": left out
    r"\bexclud(?:es|ed|ing|e)\s+(?:[\w-]+\s+){0,3}?(?:(?:in|from)\s+(?:the\s+)?)?$",
    re.IGNORECASE,
)
# "injuring more than 800 in the region near the border with Turkey": the other side of it.
_NEAR_BEFORE = re.compile(r"\b(?:near|along|close\s+to)\s+(?:the\s+)?$", re.IGNORECASE)
# One of those words is looked for first, as plain text (faster than the pattern; and than these
# words as one pattern, whose first letters are common: 1,329M → 1,326M instructions, cg.sh).
_NOT_THE_FIGURES_STARTS = ("km", "kilomet", "mile", "exclud", *_VENUE_WORDS, *_SAID_WORDS)
# Where a body is: "the independent news website …, based in the Netherlands, said".
_BASED_IN_BEFORE = re.compile(r"\b(?:[Bb]ased|[Hh]eadquartered)\s+in\s+(?:the\s+)?$")
# "With support from the Governments of Australia, New Zealand and the United States": donors,
# named with or without a word of place before each, not where people are.
_GOVERNMENTS_OF = re.compile(r"\b[Gg]overnments\s+of\s+[\w’' ,-]*$")


# A sentence led by where a spokesperson spoke: "In Geneva, Switzerland, UN … spokesman Babar
# Baloch said that …" (up to the verb).
_IN_PLACE_SPEAKER_SAID = re.compile(
    r"\s*In\s+[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,2},\s+(?:[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,2},\s+)?"
    r"[^,.;:\d]{0,80}?\bspokes(?:man|woman|person)\b[^,.;:\d]{0,60}?\s(?:said|told|says)\b"
)  # (not "In San Salvador, authorities reported 61 dead": their count of the place)


def _not_the_figures_place(text: str, at: int) -> bool:
    window = text[:at][-60:].lower()  # (no max(0, …): a call of the builtin)
    for word in _NOT_THE_FIGURES_STARTS:
        if word in window:
            return bool(_NOT_THE_FIGURES_PLACE.search(window))
    return False


# Words that follow a sentence's first "In" as no place does ("In Addition, …", "In Total, …").
_IN_WORDS_FIRST = frozenset(
    """addition total response summary brief general particular contrast practice short
    conclusion fact turn return sum comparison parallel light spite view case order effect
    reality theory principle recent past future all most some many other others this that these
    those which each both""".split()
)
# Capitalised words that begin no unknown place: organisations, offices, peoples' words.
NOT_AN_UNKNOWN_PLACE = frozenset(
    """refugee refugees idp idps humanitarian government governments national emergency reception
    transit collection registration health food border regional international red cross crescent relief
    protection transitional security united office agency mission council camp camps new old
    north south east west central upper lower greater way ministry islamic state army forces by
    per each every foreign interior defence defense civil public social finance natural disaster
    calamity floods flood flooding storms storm rains fighting clashes attacks shelters shelter
    centres centers hospitals schools local community communities""".split()
)


# The words before "Department" or "Office" that name what an office does.
_OFFICE_NAME_WORDS = frozenset(
    """welfare health police fire education agriculture planning works water forestry
    meteorological meteorology management information immigration transport relief disaster
    emergency rescue revenue irrigation environment""".split()
)


# The first words of a body's name: "Syria’s International Red Cross", "Chad’s National Army".
_BODY_WORDS = frozenset(
    """international red national ministry army government humanitarian health office agency
    mission council forces security emergency relief food interior defence defense""".split()
)


# A figure right before "in X": "677 in Drouillard", "1,500 people in Kentzou".
_MOVED_BEFORE = re.compile(r"\b(?:arrived|fled|evacuated|relocated|returned|moved)\s+$")
_FIGURE_RIGHT_BEFORE = re.compile(
    r"(?:\d|\b(?:dozens|hundreds|thousands|millions|two|three|four|five|six|seven|eight|nine|ten|"
    r"eleven|twelve))[\d,.]*\s+(?:[a-z-]+\s+){0,2}$",  # "four people died in Mangan"
    re.IGNORECASE,
)
# People counted right before where they are from: "2,000 residents from".
_PEOPLE_RIGHT_BEFORE = re.compile(
    r"\d[\d,.]*\s+(?:residents|villagers|people|persons|families|households|inhabitants)\s+$"
)
_IN_KNOWN_PLACE = re.compile(
    r"(?:,\s+|\s+\((?!(?:North|South|East|West|Central|Upper|Lower)|[A-Z]+\))"
    r"(?=[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)?\)))([A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)?)\b"
)  # ("Bint Jbeil, Nabatieh"; "Milak (Nimroz)": a province's own name alone in brackets, not a
# short name "(INGD)" or a direction's "(Western Province)")
# (or in one the gazetteer lacks, that its word of place says is one; or "in" one: "in Barhoum
# in Msila province", "at Schuckmannsburg in the north-east Caprivi region")
_IN_A_NAMED_UNIT = re.compile(
    r"(?:,\s+|\s+in\s+(?:the\s+)?(?:(?i:north|south|east|west|central)[\w-]*\s+)?)"
    r"[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)?\s+(?:Local\s+Government\s+Area|LGA|[Dd]istrict|"
    r"[Pp]rovince|[Cc]ounty|[Mm]unicipality|[Dd]epartment|[Rr]egency|[Gg]overnorate|[Pp]refecture|"
    r"[Rr]egion|[Ss]tate)\b"
)


# Regions of several countries, as places are written ("in Central America", "in the West
# African region").
_ACROSS_COUNTRIES = frozenset(
    places.key(name)
    for name in (
        "Central America", "Latin America", "South America", "West Africa", "East Africa",
        "Southern Africa", "North Africa", "Central Africa", "Horn of Africa", "Sahel",
        "Southeast Asia", "South-East Asia", "South Asia", "Central Asia", "Middle East",
        "Caribbean", "Balkans", "Lake Chad Basin", "West African region", "East African region",
        "Great Lakes region", "Sahel region", "Caribbean region",
    )
)  # fmt: skip


# The words of a world region's people, which say of which region a country is.
_REGIONS_ADJECTIVES = frozenset(
    "asian african american european caribbean andean himalayan balkan arab nordic baltic".split()
)
# (their last words, looked at first: few unknown places end with one)
_ACROSS_LAST_WORDS = frozenset(
    "america africa sahel asia east caribbean balkans basin region".split()
)


_COUNT_AFTER_COMMA = re.compile(
    r",\s+(?:(?:at\s+least|some|about|around|nearly|almost|over|more\s+than|a\s+total\s+of)\s+)?"
    r"\d"
)
_CLAUSE_LED_BEFORE = re.compile(r"(?:^|\n|[,;]\s+|[.:]\s+)$")


# Title-cased words after a cue that are no place: "… Kills at Least 50".
_NOT_A_TITLES_PLACE = frozenset(
    "least most last first large once home times risk night dawn sea war peace noon midnight "
    "home school work hospital camps camp border".split()
)


def _unknown_place(
    text: str, m: re.Match, role: str, direction: str | None,
    learnt: dict[str, tuple[str, str]] | None, title: bool = False,
) -> tuple[str, object] | None:  # fmt: skip
    """A place the gazetteer does not know, where the text says it is one: (written, Place)."""
    name, word = m.group("name"), (m.group("word") or "").strip()
    if not word and name.endswith(("'s", "’s")):
        full = f"{direction} {name[:-2]}" if direction else name[:-2]
        if places.key(full) in places.NOT_PLACES:
            return None  # "in Africa's most developed country": a continent
        readings = places.lookup(full)
        if (
            readings
            and readings[0].kind == "country"
            and not any(r.kind == "country" for r in readings[1:])
        ):
            return full, readings[0]  # "spread through South Africa's slums": the country
    whole = " ".join(w for w in (direction, name, " ".join(word.split())) if w)
    if not word and whole.endswith(("’s", "'s")):
        whole = whole[:-2]  # "in Central Asia’s densely populated Ferghana Valley"
    if whole.rsplit(None, 1)[-1].lower() in _ACROSS_LAST_WORDS and (
        places.key(whole) in _ACROSS_COUNTRIES
        # ("floods hit large areas of the eastern Balkans": a part of one, as written)
        or (direction and places.key(whole.split(None, 1)[1]) in _ACROSS_COUNTRIES)
    ):
        # "Tropical Storm Nate has killed at least 22 people in Central America": a region of
        # several countries, none of which the count is filed under (nor where people come from:
        # "hundreds more people, many from the Middle East and Africa, had reached Greek islands")
        if role == "origin":
            return None
        return whole, places.Place(whole, None, None, None, "world region", "document")
    words = name.split()
    first = words[0].lower()
    if words[-1].lower() in _REGIONS_ADJECTIVES:
        return None  # "struck the Central Asian state", "the North African country": a country
    if (
        first in NOT_AN_UNKNOWN_PLACE
        # "Kelantan Welfare Department director Nik Omar": an office, not a department of France's
        or any(w.lower() in _OFFICE_NAME_WORDS for w in words[1:])
        or (name.isupper() and len(name) <= 6)
        or name.lower() in places.demonym_words()
        or first in places.demonym_words()
        or any(c.isdigit() for c in name)
        or name in _DAY_AND_MONTH_NAMES  # "In May, as many as six people were killed"
        or (first in TITLE_NOUNS and len(words) > 2 and words[1] == "of")  # "Governor of Gulf …"
    ):
        return None
    k = places.key(name)
    if k in places.NOT_PLACES:
        return None  # "in Asia": a continent, which no figure is filed under
    country = None
    ends = _ENDS_WITH_PLACE_WORD.search(name) if not word and not name.isalnum() else None
    if word:
        kind = places.WORD_KINDS.get(" ".join(word.lower().split()), "area")
        written = f"{name} {' '.join(word.split())}"
    elif ends and len(words) > 1:  # "the Sula Valley", "Kakuma Camp"
        kind = places.WORD_KINDS.get(" ".join(ends.group(0).lower().split()), "area")
        written = name
    elif m.group("cue") and m.group("cue").lower().split()[0] in _OF_KINDS:
        kind, written = _OF_KINDS[m.group("cue").lower().split()[0]], name
    elif direction and role:
        kind, written = "region", name
    elif learnt is not None and k in learnt and role:
        kind, written = learnt[k][1], name
    elif role == "strife" or (
        role == "at" and _FIGURE_RIGHT_BEFORE.search(text, max(0, m.start() - 40), m.start())
    ):
        kind, written = "town", name  # "fighting in Pernier"; "677 in Drouillard"
    elif (
        role == "origin"
        and m.group("cue") == "from"
        and len(words) <= 3
        and all(w[:1].isupper() and w[1:].islower() for w in words)
        and _PEOPLE_RIGHT_BEFORE.search(text, max(0, m.start() - 40), m.start())
    ):
        kind, written = "town", name  # "2,000 residents from Lay Kaw Kaw … fled"
    elif (
        role
        and len(words) <= 3
        and m.group("cue") in ("in", "to", "into")
        and _MOVED_BEFORE.search(text, max(0, m.start() - 16), m.start())
        and all(w[:1].isupper() and w[1:].islower() for w in words)
    ):
        # "165 Guayabero indigenous had arrived in Puerto Elvira", "Thousands fled to
        # Chiaquelane": where people moved, a place (whose country the document settles)
        kind, written = "town", name
    elif (
        m.group("cue") == "In"
        and text.startswith(",", m.end())
        and (m.start() == 0 or text[m.start() - 1] == "\n")
        and len(words) <= 2
        and first not in _IN_WORDS_FIRST  # "In Addition, …"
    ):
        # "In Alaibri, 2,000 persons have been isolated by flood": a sentence led by its place
        kind, written = "town", name
    elif (
        m.group("cue") in ("in", "In")
        and len(words) <= 2
        and first not in _IN_WORDS_FIRST
        and _COUNT_AFTER_COMMA.match(text, m.end())
        and _CLAUSE_LED_BEFORE.search(text, max(0, m.start() - 12), m.start())
    ):
        # "Meanwhile, in the neighboring Rukum West, 38 individuals lost their lives": a clause
        # led by its place and its count
        kind, written = "town", name
    elif (
        role == "at"
        and len(words) <= 2
        and m.group("cue") in ("in", "In")
        and _DISASTER_IN.search(text, max(0, m.start("cue") - 30), m.start("cue"))
        and not places.lookup(words[0])  # (a title's "Mudflows in Kyrgyzstan Lead to …")
    ):
        kind, written = "area", name  # "landslides and flash floods in Swat have claimed 11 lives"
    elif (
        m.group("cue")
        and m.group("cue").lower() == "around"
        and text.endswith(("area ", "areas "), 0, m.start("cue"))
    ):
        kind, written = "town", name  # "Meanwhile, in the area around Walia, more than 60,000 …"
    elif role and (apposed := _apposed_kind(text, m.end())):
        kind, written = apposed, name  # "in Dogonu Koyu, a village beside Lake Van"
    elif (
        title
        and role in ("origin", "at")
        and m.group("cue")
        and m.group("cue").islower()
        and len(words) == 1
        and "-" not in name
        and first not in _IN_WORDS_FIRST
        and first not in _NOT_A_TITLES_PLACE
        and name not in _DISASTER_WORDS
    ):
        kind, written = "town", name  # a headline's "Stranded tourists choppered out of Kaikoura"
    elif (
        role
        and (beside := _IN_KNOWN_PLACE.match(text, m.end()))
        and (readings := places.lookup(beside.group(1)))
    ):
        # "in Bint Jbeil, Nabatieh": a place in a known one, of its country where it has one.
        kind, written = "town", name
        countries = {r.country_iso3 for r in readings}
        country = countries.pop() if len(countries) == 1 else None
    elif role and len(words) <= 2 and _IN_A_NAMED_UNIT.match(text, m.end()):
        kind, written = "town", name  # "killed yesterday in Yelwata, Guma Local Government Area"
    else:
        return None
    if learnt is not None and len(learnt) < 10_000:
        learnt.setdefault(k, (written, kind))
    written = f"{direction} {written}" if direction else written
    return written, places.Place(written, country, None, None, kind, "document")


# A disaster's words right before "in" and a place's name: "flash floods in Swat".
_DISASTER_IN = re.compile(
    r"\b(?:floods?|flooding|flash\s+floods?|landslides?|landslips?|mudslides?|mudflows?|rains|"
    r"rainfall|downpours?|storms?|earthquakes?|quakes?|wildfires?|fires?|blaze|explosions?|"
    r"blasts?)\s+$",
    re.IGNORECASE,
)

_OF_KINDS = {w: places.WORD_KINDS.get(w, "area") for w in
             ("town", "city", "village", "camp", "district", "governorate", "province", "region",
              "area", "enclave", "pocket", "country", "countryside", "outskirts", "settlement",
              "township", "island", "state", "territory", "municipality")} | dict.fromkeys(
    # ("displacement centres of Metuge": the district the centres are in)
    ("centre", "centres", "center", "centers", "locality", "localities"), "town")  # fmt: skip


# "the Recife region …, capital of the state of Pernambuco": what the place named before is
_CAPITAL_OF_BEFORE = re.compile(
    r",\s+(?:the\s+)?capital\s+of\s+(?:the\s+)?(?:(?:state|province|region)\s+of\s+)?$",
    re.IGNORECASE,
)
_LAST_OF_A_LIST = re.compile(r"\)\s+and\s+(?:the\s+)?(?:[a-z]+\s+){0,3}$")
_DIRECTION_BEFORE = re.compile(
    r",\s+(?:\d+\s*(?:km|kilometres|kilometers|miles)\s+)?(?:north|south|east|west)"
    r"(?:[\s-]?(?:east|west))?\s+$",
    re.IGNORECASE,
)
_DIRECTION_OF_BEFORE = re.compile(
    r"\b(?:north|south|east|west)(?:[\s-]?(?:east|west))?(?:ern)?\s+of\s+(?:the\s+)?$",
    re.IGNORECASE,
)
# A name set beside a word of place: "Puebla, a town southeast of Mexico City" (not "a city
# official").
_APPOSED = re.compile(
    r",\s+(?:a|an)\s+(?:[a-z-]+\s+){0,2}?(?P<kind>town|city|village|district|province|region|"
    r"state|county|island|municipality|suburb|neighbou?rhood|camp|settlement)\b"
    r"(?!\s+(?:officials?|council|residents?|dwellers?|mayor|hall|authorit|government|"
    r"administrat|police|leaders?|chief|spokes|elders?))"
)


def _apposed_kind(text: str, end: int) -> str | None:
    """The kind of place the words right after a name say it is (_APPOSED), else None."""
    if not text.startswith(", a", end):
        return None
    m = _APPOSED.match(text, end)
    return places.WORD_KINDS.get(m.group("kind"), "area") if m else None


# The words that open an office's name after its province's ("KwaZulu-Natal Department of …",
# "The Bicol Regional Police Office"), or a part of the province ("Westmoreland Eastern", a
# constituency of the parish).
_OFFICE_WORDS = _BODY_WORDS | frozenset(
    """department departments directorate commission authority administration committee bureau
    police disaster fire provincial regional north south east west northern southern eastern
    western central""".split()
)


def _country_code(name: str) -> str | None:
    named = _country_named(name)
    return named[1][0].country_iso3 if named is not None else None


_COUNTRYS_BODY = re.compile(
    r"\b(?P<country>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)\s+(?:Red\s+Cross|Red\s+Crescent|Police|"
    r"Army|Defen[cs]e\s+Forces?|Meteorological|Government|Navy|Air\s+Force)\b"
)


def _country_of_bodies(text: str) -> str | None:
    """The one country of the bodies a story names in its first 5,000 characters, where it names
    its country only there: "the Fiji Red Cross", "the Fiji Police Force"; or by its province's
    bodies: "The Khyber Pakhtunkhwa Provincial Disaster Management Authority (PDMA) reported that
    more than 24,000 families have already left Bajaur"."""
    bodies = {c for body in _COUNTRYS_BODY.finditer(text, 0, 5_000)
              if (c := _country_code(body.group("country")))}  # fmt: skip
    if not bodies:
        bodies = {found[1][0].country_iso3 for body in _PROVINCES_BODY.finditer(text, 0, 5_000)
                  if (found := _province_named(body.group("province"), words=True))}  # fmt: skip
    return bodies.pop() if len(bodies) == 1 else None


_PROVINCES_BODY = re.compile(
    r"\b(?P<province>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)\s+(?:Provincial|State)\s+(?:Disaster|"
    r"Emergency|Government)\b"
)


@functools.lru_cache(maxsize=4096)
def _country_within(name: str):
    """The country an organisation's name holds: after its last "of" ("the Ministry of
    Emergencies of the Republic of Kazakhstan"), or after an agency's initials ("IOM Yemen DTM",
    "UNHCR Syria"); or the province it opens with ("KwaZulu-Natal Department")."""
    if " of " in name and (found := _country_named(name.rsplit(" of ", 1)[1].removeprefix("the "))):
        return found
    first, _, rest = name.partition(" ")
    if (province := _province_named(first)) is not None and rest.split(" ", 1)[
        0
    ].lower() in _OFFICE_WORDS:
        # "The KwaZulu-Natal Department of …": the province's own office ("Borno State
        # Commissioner" is a person's office, named for the state: not where a figure is; "Donga
        # Mantung", a division of Cameroon, is no office of Benin's Donga)
        return province
    if not (first.isupper() and 2 <= len(first) <= 6 and first.isalpha()):
        return None
    words = rest.split()
    for n in range(min(len(words), 4), 0, -1):
        if found := _country_named(" ".join(words[:n])):
            return found
    return None


@functools.lru_cache(maxsize=4096)
def _country_before_a_body(name: str):
    """A country's name that opens a longer name, before the words of a body or an office ("El
    Salvador Civil Protection", "Honduras Red Cross"), as (written, readings)."""
    words = name.split()
    for n in range(min(len(words) - 1, 3), 0, -1):
        if words[n].lower() in _OFFICE_WORDS or words[n].lower() == "civil":
            return _country_named(" ".join(words[:n]))
    return None


def _country_in(name: str):
    """A country named by some of the words of a longer name, as (written, readings)."""
    words = name.split()
    for n in range(len(words) - 1, 0, -1):
        for i in range(len(words) - n + 1):
            part = " ".join(words[i : i + n])
            readings = places.lookup(part)
            if readings and readings[0].kind == "country":
                return part, tuple(readings)
    return None


_ENDS_WITH_PLACE_WORD = re.compile(rf"\s{_any_case_by_first_letter(_PLACE_WORDS)}$")


@functools.lru_cache(maxsize=4096)
def _ends_with_place_word(name: str) -> bool:
    """Whether _ENDS_WITH_PLACE_WORD finds a word of place at the name's end ("Kakuma Camp"); a
    name of one word, letters and digits alone ("Syria", "In": half the names a sentence's
    capitals give), has no space before one and is not searched."""
    return not name.isalnum() and _ENDS_WITH_PLACE_WORD.search(name) is not None


# More names follow, joined by "and": "in Zambézia, Nampula and Niassa provinces" ("Aleppo,
# Syria" is one place, written with its country).
_KIND_OF_AFTER = re.compile(
    r"\s+coast(?:al)?\s+(?:state|province|region|city|town|district)\s+of\s"
)
_LIST_NEXT = re.compile(
    # (a first name of several words joined by a small word: "Gracias a Dios, Colón, …")
    r"(?:\s+(?:a|de|del|y)\s+[A-Z][\w’'-]*)?"
    # (names of several words joined by "of the", and a short name in brackets after one:
    # "Cameroon, Democratic Republic of the Congo (DRC), and Chad")
    r"(?:\s+\([A-Z]{2,6}\))?"
    r"(?:,\s*[A-Z][\w’'-]*(?:\s+(?:of\s+(?:the\s+)?)?[A-Z][\w’'-]*)*(?:\s+\([A-Z]{2,6}\))?)*"
    r",?\s+and\s+(?:the\s+)?[A-Z]"
)


@functools.cache
def _countries() -> dict:
    return places.gazetteer().countries()


# The name of a unit after a wider place's name and the unit's word: "the East Java district of
# Lumajang", "the Indian state of Kerala".
_UNIT_OF = re.compile(r" of (?P<name>[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)?)")
_UNIT_WORDS = frozenset(("district", "regency", "province", "county", "prefecture", "state",
                         "municipality", "region", "governorate", "department", "town", "city",
                         "village"))  # fmt: skip


def _unit_of(text: str, m: re.Match, wider: _Mention) -> _Mention | None:
    """The unit named after "of" when a place's name and a word of unit come before it (its
    mention, in the same role), else None."""
    word = " ".join(m.group("word").lower().split())
    unit = _UNIT_OF.match(text, m.end())
    if (
        word not in _UNIT_WORDS
        or unit is None
        or places.key(unit.group("name")) in places.NOT_PLACES
    ):
        return None
    name = unit.group("name")
    found = _resolve_mention(name, "", None)
    if found is not None:
        inner = _mention(unit.start("name"), wider.role, found[0], found[1], False)
        reading = inner.reading
        if reading is None or (reading.kind != "country" and reading.rank < wider.rank):
            return inner
        return None
    if name.split()[0].lower() in NOT_AN_UNKNOWN_PLACE or wider.reading is None:
        return None
    kind = places.WORD_KINDS.get(word, "district")
    return _unknown_mention(unit.start("name"), wider.role, name, wider.reading.country_iso3, kind)


# Documents name the same few places again and again; the gazetteer does not change in a process.
@functools.lru_cache(maxsize=4096)
def _resolve_mention(name: str, word: str, direction: str | None):
    words = re.split(r"(?<=\w)(\s+|-)(?=\S)", name)
    # The longest run of the name's words that the gazetteer knows: "Baghuz Tuesday" → Baghuz.
    for n in range(len(words), 0, -2):
        part = "".join(words[:n])
        full = part + word if n == len(words) else part
        readings = places.lookup(full)
        if (
            readings
            and full.endswith(("'s", "’s"))
            and (owner := places.lookup(full[:-2]))
            and owner[0].kind == "country"
        ):
            readings = []  # "Cuba's South Coast": Cuba's, not the Spanish town of Cubas
        if not readings and full.endswith(("'s", "’s")):
            # "in Yellowknife's hospital": Yellowknife
            readings = places.lookup(full[:-2])
            if readings and readings[0].kind == "country":
                readings = []  # "Turkey’s southeast region": the country's part (_place_mentions)
            full = full[:-2] if readings else full
        if readings:
            if (
                n < len(words)
                and words[n + 1].lower() not in _DROPPABLE
                # (a country and an agency's letters after it: "… displaced over 15,000 people
                # in Tajikistan OCHA", a photo's credit)
                and not (readings[0].kind == "country" and words[n + 1].isupper())
            ):
                # "Wadi Baggar camp", "the village of Wadi Baggar": not the town of Wadi; the
                # whole name, which the gazetteer lacks, is the place.
                return None
            if readings[0].kind == "country" and _UNIT_AFTER.search(full):
                # "Niger State" is Nigeria's, not the country Niger
                readings = [r for r in readings if r.kind == "province"] or readings
            written = " ".join(w for w in (direction, full.strip()) if w)
            return written, tuple(readings)
    return None


_UNIT_AFTER = re.compile(r"\s(?i:state|province|region|governorate|department)$")


# Capitalised words that may follow a place's name without being part of it ("Baghuz Tuesday",
# "Maiduguri Flood - Displaced Persons Return Home", "Sudan Situation Report").
_DROPPABLE = (
    frozenset(MONTHS)
    | frozenset(WEEKDAYS)
    | frozenset(
        """flood floods flooding earthquake earthquakes quake landslide landslides attack attacks
        crisis clashes fighting offensive siege violence drought emergency response situation
        update displacement""".split()
    )
)


def _mention(
    start: int, role: str, written: str, readings: tuple, regional: bool, listed: bool = False
) -> _Mention:
    first = readings[0]
    settled = (
        first.source == "curated"
        or (first.kind == "country" and (len(readings) == 1 or readings[1].kind != "country"))
        or len({r.country_iso3 for r in readings}) == 1
    )
    if "\n" in written:
        written = written.replace("\n", " ")  # "Ras\nAdjir" wrapped in a PDF's line (same length)
    return _Mention(start, role, written, first if settled else None,
                    () if settled else readings[:6], regional, listed)  # fmt: skip


def _longer_name_before(mention: _Mention, reading, context: _Context):
    """The reading of a place of the document's opening whose name starts with the mention's and
    lies in another country than the mention's own reading ("Tula de Allende" for "Tula"), if any."""
    start = mention.written + " "
    for m in context.head_mentions():
        if (
            m.reading is not None
            and m.written.startswith(start)
            and m.reading.kind in ("city", "town")
            and m.reading.country_iso3 != reading.country_iso3
        ):
            return m.reading
    return None


def _named_around(reading, mention: _Mention, mentions: list[_Mention], context: _Context) -> set:
    """The countries a reading of a small town is checked against: for another place's other
    name, those the sentence or else the document names; for a town of its very name, those the
    document names or its title implies, where the sentence names none."""
    if not _same_name(reading.name, _bare_name(mention)):  # ("eastern Aleppo" is Aleppo's name)
        # (of the countries the sentence names, or of its provinces: "In South Sudans Unity
        # state, Yida settlement has received …")
        return (
            context.countries_named(mentions)
            or _countries_of_provinces(mentions)
            or context.implied_countries()
        )
    if reading.population >= 100_000 or _a_province_too(reading):
        # (nor a province's name: Cambodia's Pailin, in a story that names Thailand only as
        # where the water came from)
        return set()
    # ("three people were killed near Dabaa on the Desert Highway, one of Jordan’s three main
    # arteries" in a story of Jordan alone: the country the sentence names, not El Dabaa, Egypt;
    # not beside a place of its own country: "… in Kakching district of Manipur")
    if not context.countries_named(mentions):
        implied = context.implied_countries()
        if reading.country_iso3 not in implied and reading.country_iso3 in _countries_of_provinces(
            context.head_mentions()
        ):
            # ("displaced in Rutshuru" in a flash update on "Rutshuru territory in North Kivu
            # province" that names Uganda alone, as where people fled: a province of the town's
            # own country, named in the document, says where the town is)
            return set()
        return implied
    named = context.countries_named([m for m in mentions if m.role != "to"])  # ("fled into …")
    if named and named == context.document_countries() and not any(
        m.reading is not None and m.reading.country_iso3 == reading.country_iso3
        for m in mentions if m is not mention
    ):  # fmt: skip
        return named
    return set()


def _a_province_too(reading) -> bool:
    """Whether a town's name is also the name of a province of its country (ISO 3166-2)."""
    return any(r.kind == "province" and r.source == "pycountry"
               and r.country_iso3 == reading.country_iso3
               for r in places.lookup(reading.name))  # fmt: skip


def _countries_of_provinces(mentions: list[_Mention]) -> set[str]:
    """The countries of the provinces (ISO 3166-2 units, whose names are their country's alone)
    among the mentions."""
    return {m.reading.country_iso3 for m in mentions if m.reading is not None
            and m.reading.kind == "province" and m.reading.source == "pycountry"}  # fmt: skip


def _same_name(name: str, written: str) -> bool:
    """Whether a place's name is the one written (a word of place after it aside: "Cross River
    state"), not another name of it ("Tanna" for Thāne)."""
    # (the whole name: "Highland", a town of the United States, is not "Highlands region")
    a, b = places.key(name), places.key(written)
    if a == b:
        return True
    bare_a, bare_b = places._without_place_word(name), places._without_place_word(written)
    return (
        places.key(bare_a) == places.key(bare_b)
        or a == places.key(bare_b)
        or b == places.key(bare_a)
    )


_FROM_RIGHT_AFTER = re.compile(r"\s+(?:(?:were|was|are|is)\s+)?from\s+(?:the\s+)?")
_FROM_STARTS = (" from ", " were from ", " was from ", " are from ", " is from ")


# A place that labels the figure right after it, in a list of places and their counts: "Kuala
# Krai had 5,200 evacuees; Gua Musang, 5,150; …; Jeli, 1,430 and Pasir Puteh, 192", "followed
# by Kota Baru, with 24,034 evacuees".
_LABEL_BEFORE = re.compile(
    r"(?:^|(?<=[;:]\s)|(?<=\band\s)|(?<=\bby\s))"
    r"(?P<name>[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){0,2})(?:,\s+(?:with\s+)?|\s+had\s+)$"
)


def _labelled_by_place(f: _Found, context: _Context) -> _Mention | None:
    """The place that labels a figure in a list of places and their counts, else None."""
    at = context.offset + f.start
    start = max(context.offset, at - 40)
    window = context.text[start:at]
    # ("^": where the sentence starts; every match ends with a comma or "had": most windows hold
    # neither)
    label = _LABEL_BEFORE.search(window) if "," in window or "had" in window else None
    if label is None or (label.start() == 0 and start != context.offset):
        return None
    named = _place_mentions(label.group("name"), need_cue=False)
    if len(named) != 1 or named[0].written != label.group("name"):
        return None
    if named[0].reading is None and not named[0].readings:
        return None
    return replace(named[0], start=start + label.start("name") - context.offset)


def _from_right_after(mentions: list[_Mention], f: _Found, context: _Context) -> _Mention | None:
    """The place named by "from" right after a figure of people who did not leave ("15 were from
    Sindh"), else None."""
    at = context.offset + f.end
    right = (
        _FROM_RIGHT_AFTER.match(context.text, at)
        if context.text.startswith(_FROM_STARTS, at)
        else None
    )
    if right is None:
        return None
    start = right.end() - context.offset
    return next((m for m in mentions if m.start == start), None)


_DIRECTION_FIRST_WORDS = re.compile(
    rf"(?:{DIRECTION_WORDS})(?:,?\s+and\s+(?:{DIRECTION_WORDS}))?\s+(?=\S)"
)


def _without_direction(mention: _Mention) -> str:
    """A town's or a district's name without the word of direction before it ("southwestern
    Kisoro district" is Kisoro district); a country's or a province's region keeps it ("northern
    Iraq"), and so does a city's part ("the rebel-held eastern Aleppo")."""
    reading = mention.reading
    if reading is None or reading.kind not in ("town", "city", "district", "camp"):
        return mention.written
    if reading.kind == "city" and not _ends_with_place_word(mention.written):
        return mention.written
    direction = _DIRECTION_FIRST_WORDS.match(mention.written)
    return mention.written[direction.end() :] if direction else mention.written


# A count of the whole province: "close to 900,000 affected throughout the province".
_PROVINCEWIDE = re.compile(
    r"\b(?:across|throughout|all\s+over)\s+the\s+province\b|\bprovince-?wide\b"
)
# A count of the whole country: "across the country, nearly 59,000 people have been affected".
_NATIONWIDE = re.compile(
    r"\b(?:across|throughout|all\s+over|around|in)\s+the\s+(?:country|nation)\b|\bnationwide\b|\bcountry-?wide\b"
    # "more than 700,000 people are displaced in this poor Caribbean country"
    r"|\bin\s+this\s+(?!neighbou?ring\b|other\b|host\b)(?:[\w-]+\s+){0,3}?country\b"
    # "in 1,921 barangays in almost 200 municipalities across five regions"
    r"|\bacross\s+(?:\w+\s+)?(?:regions|provinces|states|districts|departments)\b"
    # "in the crisis-hit South American nation"
    r"|\bin\s+the\s+(?!neighbou?ring\b|other\b|host\b)(?:[\w-]+\s+){1,3}?nation\b(?![’'])"
)
_NATIONWIDE_ASCII = _in_ascii(_NATIONWIDE)


_CLAUSE_MARK = re.compile(r"[,;:()]")
# A total of everyone counted, before its figure: "the total number of displaced persons stands at".
_TOTAL_OF_ALL = re.compile(r"\b[Tt]he\s+(?:overall\s+)?total\s+number\s+of\b")
_NAME_IN_BEFORE = re.compile(
    r"(?P<name>(?-i:[A-Z])[\w’'-]+(?:\s+(?-i:[A-Z])[\w’'-]+)?)\s+in\s+(?:the\s+)?$"
)


# The bracket a count opens after a place: "Bokang Village (|606 people)", "8 in Nhamatanda
# (hosting |5,060 individuals)".
_BRACKET_BEFORE_COUNT = re.compile(r" \((?:hosting\s+|with\s+)?$")


def _countries_together(mentions: list[_Mention], context: _Context | str) -> bool:
    """Whether a sentence's (or a title's) places are two countries or more named together and
    nothing else ("Ecuador, Peru authorities", "in Malawi and Mozambique")."""
    if any(m.reading is None or m.reading.kind != "country" for m in mentions):
        return False
    if len({m.reading.country_iso3 for m in mentions}) < 2:
        return False
    ordered = sorted(mentions, key=lambda m: m.start)
    for a, b in itertools.pairwise(ordered):
        if isinstance(context, str):
            gap = context[a.start + len(a.written) : b.start]
        else:
            gap = context.text[context.offset + a.start + len(a.written) : context.offset + b.start]
        if gap not in (", ", " and ", ", and ", " or ", " and neighboring ", " and neighbouring "):
            return False  # ("killed in Bangladesh and neighboring India": both)
    return True


def _in_brackets_after(
    mention: _Mention, mentions: list[_Mention], context: _Context
) -> _Mention | None:
    """The place in brackets right after a place, within it: "338 households … heavily affected
    in Khatlon province (Khuroson district)", else None."""
    end = mention.start + len(mention.written)
    if mention.reading is None or not context.text.startswith(" (", context.offset + end):
        return None
    inside = next((m for m in mentions if m.start == end + 2), None)
    if (
        inside is None
        or inside.reading is None
        or inside.rank >= mention.rank
        or not context.text.startswith(")", context.offset + inside.start + len(inside.written))
        or inside.reading.country_iso3 not in (None, mention.reading.country_iso3)
    ):
        return None
    return inside


# A title's place of the event it names: "… death toll from Kerman attacks", "Philippines
# Zamboanga siege survivors …".
_TITLE_EVENT = re.compile(
    r"(?P<name>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)\s+(?i:massacre|attacks?|siege|floods?|flooding|"
    r"earthquakes?|quake|fire|blasts?|explosions?|landslides?|mudslides?|clashes|violence|"
    r"bombings?)\b"
)
_EVENT_PLACE_KINDS = frozenset({"city", "town", "village", "district", "province", "camp"})


def _with_the_events_place(title: str, mentions: list[_Mention]) -> list[_Mention]:
    """A title's mentions with the place of the event it names read as where the event struck
    (role "strife"), also where a country's name ran on into it ("Philippines Zamboanga")."""
    if not _TITLE_EVENT.search(title):
        return mentions
    out = list(mentions)
    for event in _TITLE_EVENT.finditer(title):
        name = event.group("name")
        words = name.split()
        if len(words) == 2 and _country_named(words[0]) is not None:
            name = words[1]  # ("Philippines Zamboanga siege": the country, then the city)
        start = event.start("name") + event.group("name").rindex(name)
        found = _resolve_mention(name, "", None)
        if found is None or len({r.country_iso3 for r in found[1]}) > 1:
            continue  # (a name of several countries' places: "Tripoli Clashes")
        if found[1][0].kind not in _EVENT_PLACE_KINDS:
            continue  # (a river's, a volcano's or a dam's: "Koshi flood", "Tokwe Mukosi Floods")
        same = next((i for i, m in enumerate(out) if m.start == start), None)
        if same is not None:
            out[same] = replace(out[same], role="strife")
        elif not any(m.start <= start < m.start + len(m.written) and m.reading is not None
                     and m.reading.kind != "country" for m in out):  # fmt: skip
            out.append(_mention(start, "strife", found[0], found[1], False))
    return sorted(out, key=lambda m: m.start)


def _named_before_in(
    mention: _Mention, mentions: list[_Mention], context: _Context
) -> _Mention | None:
    """The place of a cue named right before this one and "in" ("in the Maqbnah district in Taiz
    city"), where the gazetteer lacks it or knows it as a finer place; else None."""
    at = context.offset + mention.start
    for m in mentions:
        if m.role != "at" or m.start >= mention.start:
            continue
        end = context.offset + m.start + len(m.written)
        if context.text[end:at] not in (" in ", " in the "):
            continue
        inner = m.reading
        wider = mention.reading or (mention.readings or (None,))[0]
        if inner is None or wider is None:
            return None
        if inner.source == "document" and inner.country_iso3 is None:
            return m
        if inner.rank < wider.rank and inner.country_iso3 == wider.country_iso3:
            return m
    return None


def _named_in(mention: _Mention, context: _Context) -> _Mention | None:
    """The place named right before a wider one and "in": "floods … that hit Erbil in the
    Kurdistan region" (its word before, "hit", is no cue of place), else None."""
    at = context.offset + mention.start
    if not context.text.endswith((" in ", " in the "), 0, at):
        return None
    named = _NAME_IN_BEFORE.search(context.text, max(context.offset, at - 40), at)
    if named is None:
        return None
    found = _place_mentions(named.group("name"), need_cue=False)
    if len(found) != 1 or found[0].reading is None or found[0].written != named.group("name"):
        return None
    inner, wider = found[0].reading, mention.reading or (mention.readings or (None,))[0]
    if (
        wider is None
        or inner.rank >= wider.rank
        or wider.country_iso3 not in (None, inner.country_iso3)
    ):
        return None
    return replace(found[0], start=named.start("name") - context.offset, role="at")


# A part of a count before it: "about half of the 33,000 people displaced … were in Mogadishu".
_A_PART_OF_BEFORE = re.compile(
    r"\b(?:half|a\s+third|a\s+quarter|(?:two|three)[\s-]thirds|(?:a\s+)?(?:large\s+|small\s+)?part|"
    r"a\s+(?:large\s+|small\s+)?(?:majority|minority)|most)\s+of\s+the\s+$",
    re.IGNORECASE,
)
# (where the part is, not where all came from or went: "A quarter of the 400,000 ethnic Uzbeks
# who fled the violence earlier had streamed across the border into Uzbekistan")
_WHERE_A_PART_IS = re.compile(
    r"\b(?:were|was|are|is|remain(?:s|ed)?|live[sd]?|living|stay(?:s|ed|ing)?|shelter(?:s|ed|ing))"
    r"\s+(?:now\s+|still\s+|currently\s+)?(?:in|at)\s+(?:the\s+)?(?:[\w’'-]+\s+){0,4}?$"
)
_MOSTLY_IN = re.compile(
    r",\s+(?:mainly|mostly|largely|chiefly|primarily|particularly|especially|most\s+of\s+(?:whom|them)|"
    # ("5,796 households … have been displaced, with most IDPs in Monze (Western Province), …")
    r"with\s+(?:most|the\s+majority)(?:\s+of)?(?:\s+(?:the|them|whom))?(?:\s+[\w-]+){0,2}?)"
    r"\s+(?:in|on|at)\s+"
    # ("have arrived in Chad, mainly in the border village of Sourou")
    r"(?:the\s+)?(?:[a-z-]+\s+){0,2}?(?:(?:village|town|city|district|province|region|camp|area)\s+"
    r"of\s+)?$"
)
_HOST_SUBJECT = re.compile(
    r"(?:^|(?<=[,;]\s)|(?<=\n))(?P<name>[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){0,2}"
    rf"(?:\s+(?i:{_PLACE_WORDS}))?)\s+"
    r"(?:(?:still|now|currently|also|already)\s+)?(?:hosts|hosted|is\s+hosting|has\s+hosted|"
    # "Yida settlement has received more than 3,200 arrivals"
    r"(?:has\s+|have\s+)?received|receives)\s+"
    r"(?:(?:an\s+estimated|some|about|around|over|more\s+than|nearly|almost)\s+)?$"
)
_PLACE_RIGHT_AFTER = re.compile(
    r"\s+(?:(?:were|was|are|is)\s+)?(?:(?:died|killed|perished|drowned|lost\s+their\s+lives)\s+)?"
    r"(?:in|at)\s+(?:the\s+)?"  # "… and three persons lost their lives in Gangtok"
)


def _owns_a_body(mention: _Mention, context: _Context) -> bool:
    """Whether a country is named only as the owner of a body: "Cuba’s Ministry of Health"."""
    if mention.reading is None or mention.reading.kind != "country" or mention.role:
        return False
    end = context.offset + mention.start + len(mention.written)
    found = _OWNER_OF_A_BODY.match(context.text, end)
    return found is not None and found.group(1).lower() in _BODY_WORDS


_OWNER_OF_A_BODY = re.compile(r"['’]s\s+([A-Za-z]+)")


_SEVERAL_COUNTRIES = "several countries named together: no one place"
# A place named as the owner of a service that speaks: "the Cundinamarca fire department".
_A_GOVERNMENT_AFTER = re.compile(r"\s+(?:city\s+|provincial\s+|local\s+)?government\b")
_BODY_AFTER = re.compile(
    r"\s+(?:fire\s+(?:department|brigade|service)|police|civil\s+(?:defen[cs]e|protection)|"
    r"disaster\s+(?:management|agency|office)|health\s+(?:department|ministry|office))\b",
    re.IGNORECASE,
)
# A count's parts listed after a colon: "…: five in Valencia, four in …", "…: 1 in Massinga, …"
_PARTS_LISTED_AFTER = re.compile(r"[^.:;]{0,60}:\s*$")
_OVER_THE_COUNTRIES = re.compile(
    r"(?:\s+[\w-]+){0,3}\s+(?:across|in)\s+(?:both|the\s+two|all\s+(?:three|four|five|the))\s+"
    r"(?:\w+\s+)?countries\b"
)


def _place_for(
    mentions: list[_Mention], f: _Found, owned: tuple[int, int], term: str, measure: str,
    population: str | None, context: _Context, nationwide: bool = False, mostly: bool = True,
) -> dict:  # fmt: skip
    """The location fields of a candidate: the place its sentence names for it, else the place of
    the document's heading, title or dateline (and the note says so)."""
    order = ROLE_ORDER[
        "from"
        if term in FROM_PLACE_TERMS
        else term
        if term in ("arrived", "displaced") and measure == "flow"
        else measure
    ]
    if " countries" in (
        after := context.text[context.offset + f.end : context.offset + owned[1]]
    ) and (_OVER_THE_COUNTRIES.match(after)):
        return {"place_note": _SEVERAL_COUNTRIES}  # "15 fatalities across both countries"
    if (
        mentions
        and context.text.endswith(" of the ", 0, at := context.offset + f.start)
        and _A_PART_OF_BEFORE.search(context.text, max(0, at - 30), at)
        and (
            part := next(
                (
                    m
                    for m in mentions
                    if m.start > f.end
                    and m.reading is not None
                    and m.reading.country_iso3 in _countries()
                    and m.written.lower() not in places.demonyms()
                ),
                None,
            )
        )
        and not any(m.start < f.start for m in mentions)
        and _WHERE_A_PART_IS.search(
            context.text, context.offset + f.end, context.offset + part.start
        )
    ):
        # "about half of the 33,000 people displaced by the conflict since late February were in
        # the Somali capital of Mogadishu": where a part is, the whole is in its country
        code = part.reading.country_iso3
        return _the_country(code, f"a part of them in “{part.written}”: its country")
    if "ly " in after or "most " in after or "majority" in after:
        # "Four deaths have already occurred on Peruvian territory, mainly in the Piura area":
        # where most of them were is not the place of the whole count
        most = next((m for m in mentions if m.start > f.end and _MOSTLY_IN.search(
            context.text, context.offset + f.end, context.offset + m.start)), None)  # fmt: skip
        if most is not None and mostly:
            # (and the places named after it, which say where that place is)
            rest = [m for m in mentions if m.start < most.start]
            if not rest:
                # nothing else placing it: the country of that place
                found = _place_for(mentions, f, owned, term, measure, population, context,
                                   nationwide, mostly=False)  # fmt: skip
                code = found.get("country_iso3")
                if code not in _countries():
                    return found
                return _the_country(code, f"most of them in “{most.written}”: its country")
            mentions = rest
    if any(
        m.role == "" and m.reading is not None and m.reading.kind == "country" for m in mentions
    ):
        # "Cuba’s Ministry of Health reported that 121 people were injured": whose ministry
        # speaks, not where the people were (the place the document gives them is), where the
        # sentence names no other place (whose country it may still give: "Azerbaijan's health
        # ministry announced … during the offensive in Nagorno-Karabakh")
        if all(_owns_a_body(m, context) for m in mentions):
            found = _place_for([], f, owned, term, measure, population, context, nationwide,
                               mostly)  # fmt: skip
            if found.get("location") and found.get("country_iso3") in {
                m.reading.country_iso3 for m in mentions if m.reading is not None
            }:
                # (else the country, where the document gives no place, or one in another
                # country: "Uzbekistan’s Emergency Situations Ministry said 86 people were
                # treated" under "KAN, Kyrgyzstan —")
                return found
    if len(mentions) > 1 and any(
        not m.role and _BODY_AFTER.match(context.text, context.offset + m.start + len(m.written))
        for m in mentions
    ):
        # "Alvaro Farfan, the Cundinamarca fire department delegate, confirmed … at least six
        # dead … in the town of Quetame": whose department speaks, not where the dead were
        mentions = [m for m in mentions if m.role or not _BODY_AFTER.match(
            context.text, context.offset + m.start + len(m.written))]  # fmt: skip
    owned_mentions = [m for m in mentions if owned[0] <= m.start < owned[1]]
    if not owned_mentions and ":" in after and _PARTS_LISTED_AFTER.match(after):
        # "Thirteen people died: five in Valencia, four in Murcia …": the total is no part's; the
        # one country of the parts' places, where they have one
        codes = None
        for m in mentions:
            if m.start >= owned[1]:
                readings = (m.reading,) if m.reading is not None else m.readings
                of_m = {r.country_iso3 for r in readings} - {None}
                if of_m:  # (a place the gazetteer lacks says nothing of its country)
                    codes = of_m if codes is None else codes & of_m
        if codes and len(codes) == 1 and (code := codes.pop()) in _countries():
            found = _place_for([], f, owned, term, measure, population, context, nationwide,
                               mostly)  # fmt: skip
            if found.get("country_iso3") == code:
                return found  # (the province an earlier sentence names: "… districts in Inhambane")
            return _the_country(code, "the one country of the places of its parts")
        mentions = [m for m in mentions if m.start < owned[1]]
    mine = owned_mentions or mentions
    note = None
    away = term in FROM_PLACE_TERMS or (term == "displaced" and measure == "flow")
    # ("over 170 000 Burkinabe citizens are internally displaced": within their country)
    # ("4,171 Guatemalans deported from the United States": people sent back to their country)
    demonym = _demonym(population) if (away or term == "displaced") and population else None
    if term == "returned" and population and (people := _demonym(population)):
        # ("4,171 Guatemalans deported from the United States": sent back to their country;
        # not "Uzbek refugees" going back to Kyrgyzstan, a people's word before who they are)
        words = population.removeprefix("of ").split()
        while len(words) > 1 and words[0].islower():
            words = words[1:]  # ("13,993 undocumented Afghans returned from Iran")
        demonym = (
            people
            if words[0] == people[1]
            and (len(words) == 1 or words[1].lower() not in _WHO_AFTER_A_PEOPLE)
            else None
        )
    if demonym and not _pick(mine, order[0][:4], f.end):
        # "thousands of Venezuelans crossing": people who fled left the country their name says;
        # "240,000 Afghans have been internally displaced": within it.
        code, word = demonym
        if code in _countries():
            country = _countries()[code]
            return {"location": country.name, "country_iso3": code,
                    "place_note": f"the country that “{word}” names"}  # fmt: skip
    mention = _first_of_its_list(_pick(mine, order[0], f.end), mine, context)
    if len(mentions) > 1 and (
        bracket := _BRACKET_BEFORE_COUNT.search(
            context.text, max(0, context.offset + f.start - 12), context.offset + f.start
        )
    ):
        # "in Konga Village (1,219 people), Bokang Village (606 people), and Hokeng Village (647
        # people)", "8 in Nhamatanda (hosting 5,060 individuals)": a count in brackets right
        # after a place is that place's
        before = bracket.start() - context.offset
        named = next((m for m in mentions if m.start + len(m.written) == before
                      and (m.reading is not None or m.readings)), None)  # fmt: skip
        if named is not None and named.role in (*order[0], "at", ""):
            mention = named
    if (
        mention is not None
        and len(mine) > 1
        and mention.reading is not None
        and mention.reading.kind == "country"
        and _countries_together(mine, context)
    ):
        # "Ecuador, Peru authorities assess damage after earthquake that killed at least 15": a
        # count across countries is none's
        if not away and mine[0].role == "origin" and _countries_together(mine, context):
            # "Six of the dead were tourists: two each from Russia, the Czech Republic and
            # Romania": where they came from, not where they died (the document's place is)
            return _place_for([], f, owned, term, measure, population, context, nationwide,
                              mostly)  # fmt: skip
        return {"place_note": _SEVERAL_COUNTRIES}
    if mention is not None and mention.role == "at" and len(mine) > 1:
        mention = _in_brackets_after(mention, mine, context) or mention
    if (
        mention is not None
        and mention.role == "at"
        and mention.start > f.end
        and (inner := _named_in(mention, context))
    ):
        mention = inner
    if (
        mention is not None
        and mention.role == "at"
        and len(mine) > 1
        and "where" not in context.text[context.offset + mention.start : context.offset + f.start]
    ):
        # "floods in the Maqbnah district in Taiz city killed 15": the place named in the other
        # (not "the Bayrakli neighborhood in Izmir, where … an earthquake … causing 24 deaths")
        mention = _named_before_in(mention, mine, context) or mention
    before = (
        context.text[context.offset : context.offset + f.start]
        if term in ("hosted", "arrived")
        else ""
    )
    if (term == "hosted" and " host" in before) or (term == "arrived" and " receiv" in before):
        # "Kukes still hosts some 100,000 of the 395,600 refugees in Albania": the host named
        # as the subject, right before its verb and the figure; "Yida settlement has received
        # more than 3,200 arrivals".
        host = _HOST_SUBJECT.search(before)
        named = _place_mentions(host.group("name"), need_cue=False) if host else []
        if named and (named[0].reading is not None or named[0].readings):
            mention = replace(named[0], start=host.start("name"))
    if mention is not None and mention.start < f.start and len(mine) > 1:
        # "671 were in Yangon, …, since 1991, when 143,000 people died in Bangladesh": the place in
        # the figure's own clause, not one a clause before it names; "57 in Okayama and 26 in
        # Ehime": the place right after the figure.
        sentence = context.text[context.offset : context.offset + owned[1]]
        right = _PLACE_RIGHT_AFTER.match(sentence, f.population_end)
        if right is not None:
            after = next((m for m in mine if m.start == right.end() and m.role in order[0]), None)
            if after is not None:
                mention = after
        elif _CLAUSE_MARK.search(sentence, mention.start, f.start):
            later = [m for m in mine if m.start >= f.end and m.role in order[0]
                     and not _CLAUSE_MARK.search(sentence, f.end, m.start)]  # fmt: skip
            if later:
                mention = later[0]
    if (
        not away
        and term not in ("hosted", "arrived", "remain")
        and (right := _from_right_after(mine, f, context)) is not None
    ):
        # "of which 15 were from Sindh, 7 from KP, 4 from Balochistan": where the dead were
        mention = right
    elif context.text.endswith((", ", " had ", " with "), 0, context.offset + f.start) and (
        (labelled := _labelled_by_place(f, context)) is not None
    ):
        mention = labelled
    after_at = (context.offset + f.end, context.offset + owned[1])  # (the figure's words after it)
    if (
        context.text.find("province", *after_at) >= 0
        and _PROVINCEWIDE.search(context.text, *after_at)
        and len(
            provinces := {
                _name_key(m): m
                for m in (*context.title_mentions(), *context.head_mentions())
                if m.reading is not None and m.reading.kind == "province"
            }  # fmt: skip
        )
        == 1
    ):
        # "… displaced or stranded by flooding in Badin, …, with close to 900,000 affected
        # throughout the province" under "Thousands left homeless in flood-stricken Sindh":
        # the one province the document names
        mention, note = next(iter(provinces.values())), "the province the document names"
    if mention is None:
        # (people who left, of whom the sentence names only where they went: "had also crossed
        # into Russia" after "displaced inside Ukraine")
        went = away and all(m.role == "to" for m in mine)
        # (not for a total the sentence gives of everyone: "In the City of Mercedes, … flood
        # waters have been slower to recede. … the total number of displaced persons stands at
        # 6,113")
        total = (
            not mine
            # (every match holds "total": most sentences before a figure do not)
            and context.text.find("total", context.offset, context.offset + f.start) >= 0
            and _TOTAL_OF_ALL.search(context.text, context.offset, context.offset + f.start)
        )
        mention, note = context.document_place(
            order[0] + order[1],
            f.start + context.offset,
            order[0] if (not mine or went) and not total else None,
        )
        if (
            not mine
            and "these " in (own := context.text[context.offset : context.offset + owned[1]])
            and _THESE_PLACES.search(own)
            and (
                earlier := context.earlier_place(
                    order[0] + order[1], f.start + context.offset, 0, paragraphs=2
                )
            )  # fmt: skip
        ):
            # "… in the territory of Vakhdat … suffered." then "More than 100 households from
            # these settlements were temporarily evacuated": the places the text named before
            mention, note = earlier
        if nationwide and (
            mention is None
            or (mention.reading is not None and mention.reading.kind == "world region")
        ):
            # "Though more than 140,000 people have evacuated across the nation" after "A state
            # of emergency has been declared in eight regions of Paraguay": the country named
            # last, in this paragraph or the one before
            earlier = context.earlier_place(order[0] + order[1], f.start + context.offset, 0,
                                            paragraphs=2)  # fmt: skip
            code = earlier[0].reading.country_iso3 if earlier and earlier[0].reading else None
            if code in _countries():
                return _the_country(code, _ACROSS_FROM_EARLIER)
        if mention is None and nationwide:
            # "Across the country, nearly 59,000 …" under "… in Malawi and Mozambique": the
            # country the title names first
            mention = next((m for m in context.title_mentions() if m.reading is not None
                            and m.reading.kind == "country"), None)  # fmt: skip
            note = "the title's first country: “across the country”" if mention else None
            code = context.country_of_places() if mention is None else None
            if code in _countries():
                # "affected by the prevailing adverse weather conditions in the country", in a
                # story that never writes "Sri Lanka" but whose places (Galle district,
                # Trincomalee) all lie there
                return _the_country(
                    code,
                    "a count across the whole country: the one country of the places the document "
                    "names",
                )
        if mention is None and went and mine:
            # "more than 85,000 people have fled into neighbouring Chad" a paragraph after
            # "clashes that erupted in Cameroon's Far North region": the place the paragraph
            # before names, not where they went
            earlier = context.earlier_place(order[0], f.start + context.offset, 0, paragraphs=3)
            mention, note = earlier if earlier is not None else (None, None)
        # (not where people who left went: "relocated from urban areas to Lovua settlement")
        after = [m for m in owned_mentions if m.start > f.start and not (away and m.role == "to")]
        own = _pick(after, order[1], f.end) if mention is not None and after else None
        if own is not None and _wider_than(mention, own):
            # "Of those who died, 11 were from Tafea": the sentence's place in the title's country.
            mention, note = own, None
        elif (
            nationwide
            and mention is not None
            and mention.reading is not None
            and mention.reading.kind != "country"
            and mention.reading.country_iso3 in _countries()
        ):
            # "246 women … have lost their lives to the floods across the country" in a report
            # titled "Highest Number Of Deaths In Sindh": Pakistan's count, not Sindh's.
            country = _countries()[mention.reading.country_iso3]
            return {"location": country.name, "country_iso3": country.country_iso3,
                    "place_note": "the country of the document's place: “across the country”"}  # fmt: skip
    if mention is None:
        mention = _first_of_its_list(_pick(mine, order[1], f.end), mine, context)
        if mention is None:
            found = context.documents_place()
            if (
                population
                and not away
                and ("location" not in found or _people_of_its_country(population, found))
            ):
                # "Earthquake Directly Affects Over 12,000 Afghans", nothing else placing it:
                # the country the people's word names
                code, word = _demonym(population) or (None, None)
                if code in _countries():
                    return _the_country(code, f"the country that “{word}” names")
            return found
    if mention.listed and mention.reading is not None and mention.reading.kind == "country":
        others = [m for m in mine if m.start > mention.start and m.reading is not None]
        if others and others[0].reading.kind == "country":
            if (mention.role == "origin" or mine[0].role == "origin") and not away:
                # "This group, which included two women and 117 minors, claimed to be from
                # Egypt, Sudan, Syria, and Tunisia": where they came from is not where they are
                # counted (the document's place is)
                return context.documents_place()
            # "the death toll in Malawi and Mozambique": a count across countries is none's
            # (the countries as written are its place)
            return {"place_note": _SEVERAL_COUNTRIES}
    if mention.listed:
        # "in Nord Kivu and Ituri provinces in eastern DRC": the wider place named beside them.
        wider = _wider_beside(mention, mine)
        if wider:
            mention = min(wider, key=lambda m: abs(m.start - mention.start))
        # (else "in Nampula and Zambezia provinces" are the places as written, in their one
        # country: _filed_together below)
    if (
        mention.reading is not None
        and mention.reading.kind == "country"
        and not mention.regional
        and (title := context.title_text())
        and context.text.startswith(title, context.offset)
    ):
        # "Uganda: 10 Dead, Scores Missing As Floods Hit Eastern Uganda", "Weather chaos in
        # Italy: Five dead, one missing, thousands evacuated in Emilia-Romagna region": a
        # headline's counts are of the one place below its country that it names
        code = mention.reading.country_iso3
        finer = {_name_key(m): m for m in (*mentions, *_place_mentions(title))
                 if m.reading is not None
                 and m.reading.country_iso3 == code and (m.regional or m.reading.kind != "country")
                 and (m.regional or m.role or _ends_with_place_word(m.written))}  # fmt: skip
        # (a place its cue, direction or word of place says is one: not the people of "Kachin
        # rebels")
        if len(finer) == 1:
            mention = next(iter(finer.values()))
    reading = mention.reading
    readings = mention.readings
    if reading is None and readings:
        # Of an ambiguous name, the reading in a country the sentence or title names (or the
        # country of the provinces the document names: "in Sofala province: … Buzi (10 …)").
        # (the provinces' before the document's countries, where they settle it: "the Darien
        # border area" in a story that names Chiriquí, and the United States as where migrants
        # go on to)
        for countries in (
            lambda: context.countries_named(mentions),
            lambda: _countries_of_provinces(context.head_mentions()),
            context.document_countries,
            # (the country of the other places it names: "Tripoli" beside "Tajoura, Tarhouna and
            # Bani Walid" in a flash update that names no country)
            context.places_countries,
        ):
            named = countries()
            inside = [r for r in readings if r.country_iso3 in named]
            if len({r.country_iso3 for r in inside}) == 1:
                reading, readings = inside[0], ()
                break
    if (
        reading is not None
        and reading.kind in ("city", "town")
        and reading.country_iso3 not in context.document_countries()
        and (longer := _longer_name_before(mention, reading, context)) is not None
    ):
        # "the public hospital in the town of Tula" under a caption's "Tula de Allende, Hidalgo
        # state, Mexico" is not Tula, Russia: the short name of a place the document named
        point = longer.latitude is not None
        # (a longer name the gazetteer also lacks: "Lushan County of Ya’an City", its country
        # as for any such place)
        country = longer.country_iso3 or _country_of_unknown(
            mention, [m for m in mentions if m is not mention], term, population, context
        )
        return {"location": mention.written, "country_iso3": country,
                "latitude": longer.latitude if point else None,
                "longitude": longer.longitude if point else None,
                "place_note": f"“{mention.written}” read as “{longer.name}”, named before"}  # fmt: skip
    if (
        all(r.kind in ("city", "town") for r in ((reading,) if reading else readings))
        and (beside := _IN_KNOWN_PLACE.match(
            context.text, context.offset + mention.start + len(mention.written)))
        and beside.group(1).split()[0] not in _DAY_AND_MONTH_NAMES
        # (a country's name is the country: "Chittagong, Bangladesh" is not in Yerevan's
        # Malatia-Sebastia, which geonames also calls "Bangladesh")
        and (around := places.lookup(beside.group(1)))
        and around[0].kind != "country"
    ) and len(
        codes := {r.country_iso3 for r in around if r.kind != "country"}
    ) == 1 and (code := next(iter(codes))) in _countries():  # fmt: skip
        # "Fourteen people were injured in Mpanda, Bubanza": a town of the province named after
        # it (Burundi's Mpanda, not Tanzania's)
        note = f"“{mention.written}” read in {_countries()[code].name}, of the place named after it"
        options = (reading,) if reading is not None else tuple(readings)
        inside = [r for r in (*options, *places.lookup(mention.written)) if r.country_iso3 == code]
        if inside and (reading is None or reading.country_iso3 != code):
            return {"location": mention.written, "country_iso3": code,
                    "latitude": inside[0].latitude, "longitude": inside[0].longitude,
                    "place_note": note}  # fmt: skip
        if (
            not inside
            and reading is not None
            and reading.kind in ("city", "town")
            and reading.population < 100_000
        ):
            return {"location": mention.written, "country_iso3": code, "place_note": note}
    around = (
        _named_around(reading, mention, mentions, context)
        if reading is not None and reading.source == "geonames"
        else set()
    )
    if (
        len(around) == 1
        and reading.country_iso3 not in around
        and (code := next(iter(around))) in _countries()
    ):
        # "five from Tanna" in a story of Vanuatu is not Thāne, India, which geonames also calls
        # "Tanna"; "Laurel town" in a story of Batangas is not one of the United States' small
        # Laurels: a name read only as another place's other name, or as a small town, outside
        # the one country the document names, is a place of that country the gazetteer lacks.
        note = (
            f"“{mention.written}” read in {_countries()[code].name}, the country the document names"
        )
        return {"location": mention.written, "country_iso3": code, "place_note": note}
    if (
        len(around) > 1
        and reading.country_iso3 not in around
        and not _same_name(reading.name, _bare_name(mention))
    ):
        # "Yida settlement" in a story of Sudan, Ethiopia and South Sudan is not Jeddah, which
        # geonames also calls "Yida": a place of theirs the gazetteer lacks.
        others = [m for m in mentions if m.written != mention.written]
        country = _country_of_unknown(mention, others, term, population, context)
        return {"location": mention.written, "country_iso3": country, "place_note": note}
    if (
        reading is not None
        and reading.kind == "town"
        and reading.source == "geonames"
        and reading.country_iso3 not in context.countries_named(mentions)
        and reading.country_iso3 not in context.document_countries()
    ):
        # "the border village of Arara" in a story of Sudan and Chad is not Arara, Brazil, a
        # small town the document's countries do not hold: a place of theirs the gazetteer lacks.
        implied = context.implied_countries()
        country = (
            next(iter(implied))
            if len(implied) == 1
            else _country_of_unknown(mention, mentions, term, population, context)
        )
        if country is None and reading.country_iso3 not in implied:
            # "the village of Nura" in a story that opens "Rescuers raced to reach a remote
            # village in Kyrgyzstan" and names China and Tajikistan later (not Nura, Kazakhstan):
            # the country the story names first
            country = context.first_country()
        return {"location": mention.written, "country_iso3": country, "place_note": note}
    if (
        reading is None
        and (
            all(r.kind == "town" and r.source == "geonames" for r in readings)
            # (or a name its word of place says is a district, not a city: "Nawa district" in a
            # flash update of southern Afghanistan is not Naha, Japan)
            or _ends_with_place_word(mention.written)
            and not mention.written.lower().endswith((" city", " town"))
        )
        and len(named := context.document_countries()) == 1
        and (code := next(iter(named))) in _countries()
        and code not in {r.country_iso3 for r in readings}
    ):
        # "Two children and an elderly man died in Good Hope" in a story of Dominica is neither
        # Good Hope, California, nor Good Hope, Botswana: small towns elsewhere of that name
        note = (
            f"“{mention.written}” read in {_countries()[code].name}, the country the document names"
        )
        return {"location": mention.written, "country_iso3": code, "place_note": note}
    if reading is None:
        options = "; ".join(r.label() for r in readings)
        note = f"“{mention.written}” may be {options}: choose one"
        return {"location": mention.written, "place_readings": readings, "place_note": note}
    if reading.source == "document" and reading.kind == "world region":
        return {"location": mention.written, "place_note": _REGION_OF_SEVERAL}
    if reading.source == "document":
        country = (
            reading.country_iso3
            # ("the southern Philippine island": the country its people's word names)
            or (_demonym(mention.written) or (None,))[0]
            or _country_of_unknown(mention, mentions, term, population, context)
        )
        if mention.listed and country in _countries():
            # "in Northern Mindanao and the Autonomous Region in Muslim Mindanao": the country's.
            return _filed_together(mention, country, context, mentions)
        written = _without_direction(mention) if mention.regional else mention.written
        return {"location": written, "country_iso3": country, "place_note": note}
    if mention.listed and reading.kind != "country" and reading.country_iso3 in _countries():
        return _filed_together(mention, reading.country_iso3, context, mentions)
    point = not mention.regional and reading.latitude is not None
    if reading.kind == "country" and mention.written.lower() in places.demonyms():
        # "Thai-Cambodian Border Clashes …": the country a people's word names, by its name
        mention = replace(mention, written=reading.name)
    return {
        "location": _without_direction(mention) if mention.regional else mention.written,
        "country_iso3": reading.country_iso3,
        "latitude": reading.latitude if point else None,
        "longitude": reading.longitude if point else None, "place_note": note,
    }  # fmt: skip


_ACROSS_FROM_EARLIER = (
    "a count across the whole country: the country of the place an earlier sentence names"
)


def _the_country(code: str, note: str) -> dict:
    """The location fields of a count filed under a whole country, the note saying why."""
    return {"location": _countries()[code].name, "country_iso3": code, "place_note": note}


def _filed_together(
    mention: _Mention, country: str, context: _Context, mentions: list[_Mention] = ()
) -> dict:
    """A figure over several places named together, from the first: the places as written, in
    their one country ("Slavyansk and Kramatorsk"); else the country's, without a point, or the
    province's the title names in that country ("Far North Region Situation Report": the floods
    "in the departments of Mayo-Danay and Logone and Chari")."""
    if (written := _written_list(mention, mentions, context)) is not None:
        # (of the names read one way: "Logo" beside "Guma" is Nigeria's, whatever else it names)
        codes = {m.reading.country_iso3 for m in written[1] if m.reading is not None} - {None}
        named = context.document_countries()
        if (
            codes <= {country}
            and len(named) == 1
            and country not in named
            and (last := places.lookup(_bare_last(written[0])))
            and last[0].country_iso3 in named
        ):
            # "displaced across the Cordillera and Ilocos Regions" in a flash update titled
            # "Philippines: …": the Philippines' regions (Paraguay has a Cordillera too)
            country = last[0].country_iso3
            codes = {country}
        if codes <= {country}:
            return {"location": written[0], "country_iso3": country,
                    "place_note": f"several places named together: “{written[0]}”"}  # fmt: skip
    named = [m.written for m in context.title_mentions()
             if m.reading is not None and m.reading.kind == "province"
             and m.reading.country_iso3 == country]  # fmt: skip
    if len(named) == 1:
        note = f"several places named from “{mention.written}”: filed under the title's place"
        return {"location": named[0], "country_iso3": country, "place_note": note}
    note = f"several places named from “{mention.written}”: filed under the country"
    return _the_country(country, note)


# A name that many countries give a part of theirs: "Western Province", "Central Region".
_GENERIC_NAME = re.compile(
    rf"(?:{DIRECTION_WORDS})(?:[\s-]+(?:{DIRECTION_WORDS}))?\s+(?:{_PLACE_WORDS})",
    re.IGNORECASE,
)
_GENERIC_NAME_ASCII = _in_ascii(_GENERIC_NAME)


# The first four letters of every word of direction (DIRECTION_WORDS).
_DIRECTION_STARTS = frozenset(
    ("nort", "sout", "east", "west", "cent", "uppe", "lowe", "rura", "grea")
)


@functools.lru_cache(maxsize=4096)
def _generic(written: str) -> bool:
    """Whether a name is one that many countries give a part of theirs (_GENERIC_NAME); its
    first letters are looked at first."""
    if written[:4].lower() not in _DIRECTION_STARTS:
        return False
    return (_GENERIC_NAME_ASCII if _plain_ascii(written) else _GENERIC_NAME).fullmatch(
        written
    ) is not None


_ONE_COUNTRY = "the one country the document names"
# The notes that say where a place came from, which later steps read back.
_REGION_OF_SEVERAL = "a region of several countries"
_FROM_THE_TITLE = "place from the document's title"
_FROM_AN_EARLIER_SENTENCE = "place from an earlier sentence"


def _the_documents_place(context: _Context) -> dict:
    """For a figure nothing places: the place the document names most ("Herat", named in the
    title and three times after), else the country the document names, when it names one only
    ("… heavy monsoon rain and strong winds across Sri Lanka" above "A total of 84,943 persons")."""
    named = context.document_countries()
    city = context.city_dateline() if not named else None
    main = context.main_place()
    if main is not None and (
        not named
        or named == {main.reading.country_iso3}
        or main.reading.country_iso3 is None
        or context._main_count >= 3
    ):
        # (of a place the gazetteer lacks, the country of a known place right beside it:
        # "Kerala’s hilly Wayanad district")
        beside = [m.reading.country_iso3 for m in context.head_mentions() if m.reading is not None
                  and m.reading.source != "document" and abs(m.start - main.start) <= 30]  # fmt: skip
        country = (
            main.reading.country_iso3
            or (beside[0] if beside else None)
            or (next(iter(named)) if len(named) == 1 else None)
            or (city[1] if city else None)
            or context.country_of_places()
            or _country_of_bodies(context.text)
        )
        if (
            len(named) == 1
            and country not in named
            and main.reading.source == "geonames"
            and not _same_name(main.reading.name, _bare_name(main))
        ):
            # "Moria" in a report of Greece is not Jerusalem, which geonames also calls so: a
            # place of the one country the document names
            country = next(iter(named))
        return {"location": main.written, "country_iso3": country,
                "place_note": "the place the document names most"}  # fmt: skip
    note = _ONE_COUNTRY
    if len(named) <= 1 and (lede := context.lede_place()) is not None:
        # "Following heavy rains … in Kalehe Territory in South-Kivu province, the … rivers
        # overflowed": the place the document's first paragraph names, in its one country
        return {"location": lede.written, "country_iso3": lede.reading.country_iso3,
                "place_note": "the place the document's first paragraph names"}  # fmt: skip
    if len(named) > 1:
        top = context.country_named_most()
        if top is None:
            return {}
        named, note = {top}, "the country the document names most"
    if city is not None:
        # "PESHAWAR: The Provincial Disaster Management Authority of Khyber Pakhtunkhwa …", a
        # story that names no country: the country of its dateline's city (the desk's city
        # itself is not the figure's place)
        named, note = {city[1]}, f"the country of the dateline “{city[0]}”"
    if len(named) != 1:
        return {}
    if note == _ONE_COUNTRY and (other := _country_of_most_places(context, next(iter(named)))):
        named, note = {other}, _OF_MOST_PLACES
    country = _countries().get(next(iter(named)))
    if country is None:
        return {}
    return {"location": country.name, "country_iso3": country.country_iso3, "place_note": note}


_OF_MOST_PLACES = "the country of most places the document names"


def _country_of_most_places(context: _Context, named: str) -> str | None:
    """The country most of the document's places lie in, where that is not the one country it
    names, which it names only beside a place of its own and far fewer times ("Typhoon Jangmi …
    southwest of Okinawa, Japan" in a story of Seoul, Gyeonggi, Jangsu and South Jeolla)."""
    counts: dict[str, int] = {}
    times_named = 0
    for m in context.head_mentions():
        if m.reading is None or not m.reading.country_iso3:
            continue
        if m.reading.kind == "country":
            times_named += m.reading.country_iso3 == named
        else:
            counts[m.reading.country_iso3] = counts.get(m.reading.country_iso3, 0) + 1
    if not counts or times_named > 1:  # (a country named again and again is the document's)
        return None
    top = max(counts, key=counts.get)
    if top == named or counts[top] < 4 or counts[top] < 3 * counts.get(named, 0):
        return None
    return top if top in _countries() else None


# A name in a list of places, its words joined by small words or none: "Logone et Chari",
# "Gracias a Dios", "Islas de la Bahía".
_LISTED_NAME = (
    r"(?:the\s+)?[A-Z][\w’'-]*(?:\s+(?:(?:et|a|de|del|de\s+la|du|des|of|wa|y)\s+)?[A-Z][\w’'-]*)*"
)
# Places named together, as written, from the first: "Slavyansk and Kramatorsk", "Herrera, Los
# Santos and Veraguas", "Dakar and Kaolack regions" (their plural word of place kept).
_WRITTEN_LIST = re.compile(
    # (a short name in brackets after a name: "West Nusa Tenggara (NTB) and Bali")
    rf"{_LISTED_NAME}(?:\s+\([A-Z]{{2,6}}\))?(?:,\s*{_LISTED_NAME}(?:\s+\([A-Z]{{2,6}}\))?)*"
    rf",?\s+and\s+{_LISTED_NAME}"
    r"(?:\s+(?i:provinces|districts|regions|states|divisions|prefectures|counties|governorates|"
    r"departments|municipalities|local\s+government\s+areas|territories|zones|"
    # (the last name's own: "The city of Paoua and Poumadji village")
    r"village|town|city|camp|district|province|region|county|municipality|island))?\b"
)

# Places named together before their plural word of place, where the gazetteer lacks the names
# or the list is not read from its first ("at least 25,000 from Al Mukha and Dhubab districts",
# "the attacks on Dong and Lawaru villages", "in Fukuoka and Ōita Prefectures").
_PLURAL_PLACE_WORDS = {
    "districts": "district", "villages": "town", "towns": "town", "provinces": "province",
    "regions": "region", "states": "province", "governorates": "province",
    "departments": "province", "counties": "district", "prefectures": "province",
    "municipalities": "district", "territories": "district", "communes": "district",
    "townships": "district", "local government areas": "district", "lgas": "district",
    "sub-districts": "district", "neighbourhoods": "area", "neighborhoods": "area",
}  # fmt: skip


# Between two places listed together, a count of the first in brackets aside: "Kwara (41,680) and".
_LISTED_GAP = re.compile(r"(?:\s*\([^()]{0,40}\))?(?:,|,?\s+and)\s+")


def _provinces_listed(text: str, out: list[_Mention]) -> list[_Mention]:
    """A country's name listed beside provinces of another country that has a province of that
    name is that province: "Affected states include … Kwara (41,680) and Niger (51,719)" is
    Nigeria's Niger State, not the Niger; "shelters in Georgia and South Carolina", the state."""
    for i, m in enumerate(out):
        if m.reading is None or m.reading.kind != "country":
            continue
        beside = _a_province_listed_beside(text, out, i)
        if beside is None:
            continue
        province = _province_in(places.lookup(m.written), beside.reading.country_iso3)
        if province is not None:
            out[i] = replace(m, reading=province, readings=())
    return out


def _a_province_listed_beside(text: str, out: list[_Mention], i: int) -> _Mention | None:
    """The mention listed right before or after out[i] that is a province of another country
    than out[i]'s reading, if any."""
    m = out[i]
    pairs = []
    if i > 0:
        pairs.append((out[i - 1], out[i - 1].start + len(out[i - 1].written), m.start))
    if i + 1 < len(out):
        pairs.append((out[i + 1], m.start + len(m.written), out[i + 1].start))
    for other, end, start in pairs:
        if (
            other.reading is not None
            and other.reading.kind == "province"
            and other.reading.country_iso3 != m.reading.country_iso3
            and _LISTED_GAP.fullmatch(text, end, start)
        ):
            return other
    return None


_INITIAL_DIRECTIONS = {"N": "North", "S": "South", "E": "East", "W": "West"}


def _with_its_initial(text: str, m: _Mention) -> _Mention:
    """A name after a direction's initial, read with the direction where the gazetteer knows the
    whole as a country or a province: "floods in S. Sudan" are South Sudan's."""
    at = m.start
    if (
        at < 3
        or text[at - 2 : at] != ". "
        or (direction := _INITIAL_DIRECTIONS.get(text[at - 3])) is None
        or (at > 3 and text[at - 4].isalnum())
    ):
        return m
    readings = places.lookup(f"{direction} {m.written}")
    if not readings or readings[0].kind not in ("country", "province"):
        return m
    # (written out, as the series of the place's other figures write it)
    return _mention(at - 3, m.role, f"{direction} {m.written}", tuple(readings), False)


def _and_a_name_then_a_plural_word(text: str) -> bool:
    """Whether a capitalised name follows an "and", and a plural word of place soon after it
    (looked for as text first: most sentences with "and" join no names)."""
    at = text.find(" and ")
    while at >= 0:
        after = at + (9 if text.startswith("the ", at + 5) else 5)
        if text[after : after + 1].isupper() and _PLURAL_WORD_NEAR.search(text, after, after + 80):
            return True
        at = text.find(" and ", at + 5)
    return False


# (the last words of the plural words of place, looked for before the whole list is)
_PLURAL_WORD_NEAR = re.compile(
    r"(?i:" + "|".join(sorted({w.rsplit(None, 1)[-1] for w in _PLURAL_PLACE_WORDS})) + r")\b"
)
_WORDS_RIGHT_BEFORE = re.compile(r"(?:[a-z’'],?|,)\s+(?:the\s+)?\Z")
_MONTH_FIRSTS = frozenset(m[:3] for m in MONTHS)
_LIST_BEFORE_PLURAL_WORD = re.compile(
    rf"(?P<names>{_LISTED_NAME}(?:,\s*{_LISTED_NAME})*,?\s+and\s+{_LISTED_NAME})"
    r"\s+(?P<word>(?i:" + "|".join(w.replace(" ", r"\s+") for w in _PLURAL_PLACE_WORDS) + r"))\b"
)


def _lists_before_a_plural_word(text: str, out: list[_Mention]) -> list[_Mention]:
    """The mentions, with each list of places before a plural word of place read as one place,
    as written ("Al Mukha and Dhubab districts"), where no mention already starts it as a list
    (the list of a first name the gazetteer knows is read from it: _filed_together). Its country
    is the one of the names the gazetteer knows, else the figure's context settles it."""
    for m in _LIST_BEFORE_PLURAL_WORD.finditer(text):
        start, end = m.start("names"), m.end()
        if text.startswith(("The ", "the "), start):
            start += 4
        inside = [x for x in out if start <= x.start < end]
        if (
            any(x.listed or x.start + len(x.written) > m.start("word") for x in inside)
            or any(x.start < start < x.start + len(x.written) for x in out)
            # (named after words of the sentence, not at its start, "Residents of Sala, …
            # villages", nor as the parts of the place before them, "Likouala (Bétou, Epéna and
            # Dongou districts)")
            or not _WORDS_RIGHT_BEFORE.search(text, max(0, start - 20), start)
            or text[start : start + 3].lower() in _MONTH_FIRSTS
            # ("support from the Governments of Australia, New Zealand and the United States")
            or text[start : text.find(" ", start)].lower() in NOT_AN_UNKNOWN_PLACE
            or _not_the_figures_place(text, start)
        ):
            continue
        codes = {x.reading.country_iso3 for x in inside if x.reading is not None}
        kind = _PLURAL_PLACE_WORDS[" ".join(m.group("word").lower().split())]
        written = " ".join(text[start:end].split())
        role = inside[0].role if inside else _role_before(text, start)
        place = places.Place(written, codes.pop() if len(codes) == 1 else None, None, None, kind,
                             "document")  # fmt: skip
        out = [x for x in out if x not in inside]
        out = sorted([*out, _Mention(start, role, written, place, (), False, False)],
                     key=lambda x: x.start)  # fmt: skip
    return out


# The names listed before the one the gazetteer read first: "in Suceava, Iasi, |Neamt, and Bacau".
_NAMES_LISTED_BEFORE = re.compile(rf"(?<![\w’',])\s*\b(?:{_LISTED_NAME},\s*)+\Z")


def _bare_last(written: str) -> str:
    """The last name of places written together, without its word of place: "the Cordillera and
    Ilocos Regions" → "Ilocos"."""
    last = written.rsplit(" and ", 1)[-1].rsplit(", ", 1)[-1].removeprefix("the ")
    return _LISTS_PLACE_WORD.sub("", last)


_LISTS_PLACE_WORD = re.compile(
    r"\s+(?i:regions?|provinces?|districts?|states?|governorates?|departments?|counties)$"
)


def _written_list(
    mention: _Mention, mentions: list[_Mention], context: _Context, offset: int | None = None
) -> tuple[str, list[_Mention]] | None:
    """Places named together from `mention` on, as written, and the mentions among them: None
    unless the list's first and last names are places read. (`offset`: of the sentence the
    mentions are in, where it is not the figure's.)"""
    offset = context.offset if offset is None else offset
    at = context.text.find(mention.written, offset + mention.start)  # (after "Sudans ")
    if at < 0:
        # (a province's name led by a direction, its mention at the name after it: "West |Nusa
        # Tenggara (NTB) and Bali")
        at = context.text.find(mention.written, max(offset, offset + mention.start - 12))
        if at < 0:
            return None
    # (from the list's first name, where the gazetteer read a later one first: "in Suceava, Iasi,
    # Neamt, and Bacau")
    if earlier := _NAMES_LISTED_BEFORE.search(context.text, offset, at):
        at = earlier.start()
    found = _WRITTEN_LIST.match(context.text, at)
    if found is None or "’s " in found.group(0) or "'s " in found.group(0):
        return None  # (not "Sudan’s South Kordofan and Blue Nile states")
    if found.group(0).startswith("The ") or not _OFFICE_NAME_WORDS.isdisjoint(
        found.group(0).lower().split()
    ):
        return None  # "The Department of Social Welfare and Development": a body
    start, end = found.start() - offset, found.end() - offset
    inside = [m for m in mentions if start <= m.start < end]
    written = " ".join(found.group(0).split())
    last = written.rsplit(" and ", 1)[-1]
    if not (
        any(last.startswith(m.written) for m in inside[1:])
        or places.lookup(last.removeprefix("the "))
        # (before the list's plural word of place: "… Sinoe, and Grand Bassa Counties")
        or places.lookup(_bare_last(written))
        or not last[-1].isupper()
        and last.rsplit(" ", 1)[-1].islower()  # "… provinces"
        or len(last.split()) <= 2
        and last.split()[0] not in NOT_A_PLACE_START
        and last.split()[0].lower() not in NOT_AN_UNKNOWN_PLACE  # "Zamzam and Um Kadadah"
    ):
        return None
    return written, inside


_MOST_BEFORE = re.compile(r"\b(?:[Mm]ost|mainly|mostly|largely|chiefly|worst)\b")


def _listed_as_written(
    mention: _Mention, mentions: list[_Mention], context: _Context, offset: int
) -> _Mention | None:
    """A mention of the places named together from `mention` on, as written, where they all lie
    in one country (a place the gazetteer lacks, without a point)."""
    if mention.reading is None or mention.reading.kind == "country":
        return None
    written = _written_list(mention, mentions, context, offset)
    if written is None:
        return None
    codes = {m.reading.country_iso3 for m in written[1] if m.reading is not None} - {None}
    if len(codes) != 1:
        return None
    place = places.Place(written[0], codes.pop(), None, None, "area", "document")
    return replace(mention, written=written[0], reading=place, readings=(), listed=False)


def _list_readings(inside: list[_Mention]) -> list:
    return [m.reading or m.readings[0] for m in inside if m.reading is not None or m.readings]


def _wider_beside(mention: _Mention, mentions: list[_Mention]) -> list[_Mention]:
    """The countries and regions named beside a place named with others, which hold them all."""
    return [m for m in mentions if m is not mention and not m.listed and m.reading is not None
            and (m.reading.kind == "country" or m.regional)]  # fmt: skip


def _wider_than(mention: _Mention, other: _Mention) -> bool:
    """Whether a title's place is a country, or a region of one, that another place lies in; or
    a region of several countries ("Central America - Hurricane JULIA"), around any other
    place."""
    reading = mention.reading
    if reading is not None and reading.kind == "world region":
        return bool(other.reading or other.readings)
    inner = other.reading or (other.readings[0] if other.readings else None)
    if inner is not None and inner.source == "document" and inner.country_iso3 is None:
        # a place the gazetteer lacks ("the Marshes neighborhood", "the sector known as Canaán"):
        # in the title's country, or town ("… Flooding in Colón After Heavy Rains")
        return reading is not None
    if (
        reading is None
        and inner is not None
        and mention.readings
        and all(r.kind == "country" for r in mention.readings)
    ):
        # "Congo's worst floods kills over 120" over Kinshasa: a name two countries share is the
        # one the place lies in
        return inner.country_iso3 in {r.country_iso3 for r in mention.readings}
    if reading is None or not (reading.kind in ("country", "province") or mention.regional):
        return False
    return (
        inner is not None
        and inner.country_iso3 == reading.country_iso3
        and (reading.kind != "province" or places.KIND_RANK.get(inner.kind, 4) < 3)
    )


_SHORT_NAME = re.compile(r" \(([A-Z]{2,6})\)")
_IN_BETWEEN = re.compile(r"\s+in\s+(?:the\s+)?|\s*,\s*(?:in\s+(?:the\s+)?)?")


def _settled_by_neighbours(mentions: list[_Mention]) -> list[_Mention]:
    """A name two countries share read in the country of another place its text names: "GOMA,
    Congo" is the DR Congo ("Brazzaville, Congo" the Republic of the Congo)."""
    known = {m.reading.country_iso3 for m in mentions if m.reading is not None}
    out = []
    for m in mentions:
        if m.reading is None and m.readings and all(r.kind == "country" for r in m.readings):
            inside = [r for r in m.readings if r.country_iso3 in known]
            if len(inside) == 1:
                m = replace(m, reading=inside[0], readings=())
        out.append(m)
    return out


def _in_the_wider(text: str, mentions: list[_Mention]) -> list[_Mention]:
    """A place named with no word before it, then "in" the country or region around it, is where
    that word puts both: "mudslides that hit Bududa District in Eastern Uganda" (Bududa)."""
    if all(m.role for m in mentions):
        return mentions  # no place named without a word before it
    out = list(mentions)
    for k in range(len(out) - 1):
        a, b = out[k], out[k + 1]
        if (
            a.role == ""
            and b.role == "at"
            and _IN_BETWEEN.fullmatch(text, a.start + len(a.written), b.start)
        ):
            if _wider_than(b, a):
                out[k] = replace(a, role="at")
            elif (
                a.reading is None
                and a.readings
                and b.reading is not None
                and b.reading.kind == "country"
                and _ends_with_place_word(a.written)
            ):
                # "on Santa Cruz Island, in the eastern Solomons": a place of that country the
                # gazetteer lacks (not Santa Cruz, Bolivia)
                place = places.Place(a.written, b.reading.country_iso3, None, None,
                                     a.readings[0].kind, "document")  # fmt: skip
                out[k] = replace(a, role="at", reading=place, readings=())
    return out


def _first_of_its_list(
    mention: _Mention | None, mentions: list[_Mention], context: _Context
) -> _Mention | None:
    """The first of the places named together with `mention`, where it is the last of them:
    "assessments from Morobe, Madang and Eastern Highlands indicated 21 total deaths" are of the
    three, not of the nearest (the list, as written, is the count's place: _filed_together)."""
    if mention is None or mention.listed:
        return mention
    first = next((m for m in mentions if m.listed and m.role == mention.role
                  and m.start < mention.start), None)  # fmt: skip
    if first is None:
        return mention
    together = _WRITTEN_LIST.match(context.text, context.offset + first.start)
    end = context.offset + mention.start + len(mention.written)
    return first if together is not None and together.end() >= end else mention


def _pick(mentions: list[_Mention], roles: tuple[str, ...], near: int) -> _Mention | None:
    """Of the mentions in these roles, the one of the first role; then the most specific place;
    then the nearest to the figure."""
    eligible = [m for m in mentions if m.role in roles]
    if len(eligible) < 2:
        return eligible[0] if eligible else None  # most sentences: one place or none
    return min(eligible, key=lambda m: (roles.index(m.role), m.within, m.rank, abs(m.start - near)))


# The nouns a people's word goes before, where it says who they are, not where they belong:
# "Uzbek refugees" of Kyrgyzstan.
_WHO_AFTER_A_PEOPLE = frozenset({"refugees", "migrants", "asylum-seekers", "asylum", "returnees",
                                 "deportees", "people", "families", "households", "residents",
                                 "workers", "villagers", "civilians", "children"})  # fmt: skip


def _people_of_its_country(population: str, found: dict) -> bool:
    """Whether the counted are the people of the whole country a place below it is in ("more than
    100 million Chinese have been affected" in a report from Anhui): the country, not the place."""
    code = found.get("country_iso3")
    if code not in _countries() or found["location"] == _countries()[code].name:
        return False
    people = _demonym(population)
    return (
        people is not None
        and people[0] == code
        and (population.removeprefix("of ").startswith(people[1]))
    )


def _demonym_country(population: str) -> str | None:
    """The country a word of the population names: "Sudanese refugees" → SDN."""
    found = _demonym(population)
    return found[0] if found else None


@functools.lru_cache(maxsize=4096)
def _demonym(population: str) -> tuple[str, str] | None:
    """The country a word of the population names and that word as written: "Sudanese refugees"
    → (SDN, "Sudanese")."""
    if population.islower():
        return None  # a people's name is capitalised
    written = [w.strip(',.;:()"“”') for w in population.split()]
    words = [w.lower() for w in written]
    if "ethnic" in words:
        return None  # "400,000 ethnic Uzbeks who fled" Kyrgyzstan: a people, not a country's
    for n in (2, 1):
        for i in range(len(words) - n + 1):
            name = " ".join(words[i : i + n])
            code = places.demonyms().get(name) or places.demonyms().get(name.removesuffix("s"))
            if code:
                return code, " ".join(written[i : i + n])
    return None


_JOINS_A_PLACE = re.compile(r"[\s,]*(?:(?:in|of|near)\s+)?(?:the\s+)?")


_ACROSS_A_BORDER = ("border with ", "border with the ", "bordering ", "borders with ")


# What people do across a border: in a story of several countries, a place the gazetteer lacks
# is not placed by the one country of the places it knows (the camp across the border).
_ACROSS_BORDERS_TERMS = frozenset(
    {*FROM_PLACE_TERMS, "displaced", "hosted", "arrived", "remain", "returned"}
)


def _country_of_unknown(
    mention: _Mention, mentions: list[_Mention], term: str, population: str | None,
    context: _Context,
) -> str | None:  # fmt: skip
    """The country of a place the gazetteer does not know: of the known place written right
    after it ("Habila in Sudan", "Pagiarinya settlement in Adjumani District"); the one country
    the sentence names; for people who fled to a place the sentence names, the country their name
    says ("Sudanese refugees … into Chad"); the country of the document's heading, title or
    dateline, or the one country it names; for people who fled, the country their name says;
    else none (the reviewer says)."""
    end = mention.start + len(mention.written)
    for m in mentions:
        if (
            end <= m.start <= end + 30
            # (joined to it, not the next of a list: "to Tall Refaat sub-district, 15,500 to
            # Nabul town")
            and _JOINS_A_PLACE.fullmatch(
                context.text, context.offset + end, context.offset + m.start
            )
        ):
            if m.reading is not None and m.reading.country_iso3:
                return m.reading.country_iso3
            # (through a place it also lacks: "Jalozai camp near Nowshera district of Khyber
            # Pakhtunkhwa")
            end = m.start + len(m.written)
    # For people who fled, the country they went to is not the country of the place they left.
    # People hosted or arrived somewhere came from the country a sentence names for them: "17,000
    # people live at Choucha camp, 10,000 from Bangladesh" (a camp in Tunisia).
    skip = (
        ("to",)
        if term in FROM_PLACE_TERMS
        else ("origin",)
        if term in ("hosted", "arrived", "remain")
        else ()
    )
    # (not the country across a border: "at Schuckmannsburg in the north-east Caprivi region, on
    # the border with Zambia" is in Namibia)
    named = {m.reading.country_iso3 for m in mentions if m.role not in skip
             and m.reading is not None and m.reading.source != "document" and m.reading.country_iso3
             and not context.text.endswith(_ACROSS_A_BORDER, 0, context.offset + m.start)}  # fmt: skip
    if len(named) == 1:
        return named.pop()
    went = any(m.role == "to" for m in mentions)
    if term in FROM_PLACE_TERMS and population and went and (code := _demonym_country(population)):
        # "Some 18,000 Sudanese have crossed into Chad to escape fighting in the Jebel Marra
        # region": the country they left, not the one they went to
        return code
    place, _ = context.document_place(("at", "", "to", "origin"), mention.start + context.offset)
    if place is not None and place.reading is not None and place.reading.source != "document":
        return place.reading.country_iso3
    named = (
        context.countries_named([])
        or context.document_countries()
        # "… floods in Mokwa Local Government Area …" of a story that names "Niger State" and
        # no country: the provinces' one country
        or _countries_of_provinces(context.head_mentions())
        # (or of towns written as their districts': "in Badulla District", Sri Lanka's)
        or {m.reading.country_iso3 for m in context.head_mentions() if m.reading is not None
            and m.reading.source == "geonames" and m.written.endswith((" District", " district"))}
    )  # fmt: skip
    if len(named) == 1:
        # "Ethiopia: … Landslide in Gofa Zone"; "… in Kulsary town …, the Republic of Kazakhstan".
        return next(iter(named))
    if not named:
        # a story that names its country only in its bodies' names: "… in the Western Division"
        # beside "the Fiji Red Cross" and "the Fiji Police Force"
        if (code := _country_of_bodies(context.text)) is not None:
            return code
    main = context.main_place()
    if (
        main is not None
        and main.reading is not None
        and (country := main.reading.country_iso3)
        and (not named or country in named)
    ):
        # the country of the place the document names most, where the document names it:
        # "the Dubrocq neighborhood" in a story of "the Cuban city of Matanzas" that names Cuba
        # and the countries that sent aid (not where it names others only: a place the gazetteer
        # lacks in "Kyrgyzstan" is not of the Kazakh town named most)
        return country
    if len(codes := context.places_countries()) == 1 and (
        not named or codes <= named and term not in _ACROSS_BORDERS_TERMS
    ):
        # "the situation in Ein El Hilweh" in a report that names no country, and of the places
        # the gazetteer knows only Beirut: Lebanon; "Van Chan district" in a story of a typhoon
        # that names four countries, all its places Vietnam's
        return next(iter(codes))
    if term in FROM_PLACE_TERMS and population:
        # "Over 20,000 Palestinian civilians have fled Nahr al-Bared" in a story of northern
        # Lebanon: the people's name says the country only where nothing else does
        return _demonym_country(population)
    return None


# --- The document: dateline, title ---------------------------------------------------------------

# News agencies and wires whose datelines open a story: "BAGHUZ, Syria, March 22 (Reuters) -".
AGENCIES = (
    "Reuters", "AFP", "AP", "Associated Press", "Anadolu", "Anadolu Agency", "Xinhua", "dpa",
    "EFE", "ANI", "PTI", "IANS", "UPI", "Bloomberg", "IRIN", "The New Humanitarian", "AA",
    "Rudaw", "Kurdistan 24", "SANA", "TASS", "Interfax", "KUNA", "WAFA", "APA", "Sputnik",
    "RIA Novosti", "Kyodo", "Yonhap", "Bernama", "Antara", "PNA", "NNA", "IRNA", "MENA", "CNN",
    "BBC", "Al Jazeera", "UNHCR", "IOM", "OCHA", "UNICEF", "WFP", "WHO", "UNRWA", "ICRC", "IFRC",
    "MSF", "NRC", "UN News", "UN News Centre", "UN", "NYTimes", "New York Times", "NYT",
)  # fmt: skip
# How far back in its paragraph a figure whose sentence names no place looks for a place.
_EARLIER_REACH = 1_500
_EARLIER_SENTENCES = 6

_DATELINE = re.compile(
    rf"^[ \t]*(?:(?P<place>[A-Z][A-Za-z’'. -]{{1,40}}?)(?:,\s*(?P<region>[A-Z][A-Za-z. ]{{1,30}}?))?"
    rf",?\s+)?(?:(?P<month>{_MONTH})\.?\s+(?P<day>[0-3]?\d)(?:,?\s+(?P<year>{_YEAR}))?\s*"
    # (or the day first: "RAS AJDIR, 14 March 2011 (IRIN) -")
    rf"|(?P<dday>[0-3]?\d)\s+(?P<dmonth>{_MONTH})\.?(?:,?\s+(?P<dyear>{_YEAR}))?\s*)?"
    # (a local station's letters before a wire's: "EASTERN KENTUCKY (WKYT/AP) -")
    rf"\((?:[A-Z]{{2,6}}/)?(?P<agency>{'|'.join(map(re.escape, AGENCIES))})\)\s*(?:[-–—]|(?=[A-Z“\"]))",
    re.MULTILINE,
)


# A dateline without an agency, its city in capitals and its country after: "MANILA, Philippines
# – At least 55,095 people …". The country is the document's place (the city may be the desk's).
# The agency in brackets that every dateline holds: no line after the last one starts a dateline
# (most documents have none; trying each line costs 3% of extraction over the benchmark's text).
_AGENCY_BRACKET = re.compile(
    rf"\((?:[A-Z]{{2,6}}/)?(?P<agency>{'|'.join(map(re.escape, AGENCIES))})\)"
)
_PLAIN_DATELINE = re.compile(
    r"^[ \t]*(?P<city>[A-Z][A-Z’'.]+(?:[ -][A-Z][A-Z’'.]+){0,2}),\s*(?P<place>[A-Z][A-Za-z. ]{1,30}?)"
    r"\s*[-–—:]\s+(?=[A-Z“\"])",  # "AAB BAREEK, Afghanistan: Aid groups …"
    re.MULTILINE,
)
# Its country in brackets after the city, with the day: "URI (India), Oct 8: More than 300 …".
_BRACKET_DATELINE = re.compile(
    r"^[ \t]*[A-Z][A-Z’'.]+(?:[ -][A-Z][A-Z’'.]+){0,2}\s*\((?P<place>[A-Z][A-Za-z. ]{1,30}?)\),?"
    rf"\s*(?:(?:{_MONTH})\.?\s+[0-3]?\d\s*)?[-–—:]\s+(?=[A-Z“\"])",
    re.MULTILINE,
)
# The city alone in capitals, at the text's start: "PESHAWAR: The Provincial Disaster Management
# Authority …" (a city the gazetteer knows: not "UPDATE:").
_CITY_DATELINE = re.compile(
    r"[ \t]*(?P<place>[A-Z][A-Z’'.]+(?:[ -][A-Z][A-Z’'.]+){0,2})\s*(?:[-–—:]|\(\w+\)\s*[-–—:])"
    r"\s+(?=[A-Z“\"])"
)
# (or written as a name, before a dash: "Blantyre — Department of Disaster Management Affairs …")
_NAMED_CITY_DATELINE = re.compile(
    r"[ \t]*(?P<place>[A-Z][a-z’'.]+(?: [A-Z][a-z’'.]+)?) [–—] (?=[A-Z“\"])"
)
_LINE_END = re.compile(r"\n")


def _a_city(name: str) -> str | None:
    """The country of the city or town the gazetteer knows by a name (a dateline's, in
    capitals); None where it knows none, or several in different countries."""
    towns = [r for r in places.lookup(name) if r.kind in ("city", "town")]
    codes = {r.country_iso3 for r in towns}
    if len(codes) > 1:
        # (a city far larger than any other of its name: "Blantyre", Malawi's, not Scotland's)
        first, *others = sorted(towns, key=lambda r: -r.population)
        if all(
            first.population >= 10 * r.population
            for r in others
            if r.country_iso3 != first.country_iso3
        ):
            return first.country_iso3
    return codes.pop() if len(codes) == 1 else None


def _at_line_starts(pattern: re.Pattern, text: str, until: int | None = None):
    """pattern.finditer(text) for a pattern that matches only where a line starts (a multi-line "^"
    first) and never matches nothing: tried at the line starts alone, where finditer tries a "^"
    at every character (the benchmark's datelines: a tenth less time, 0.5% of extraction's
    instructions); with `until`, at the lines that start by then only."""
    until = len(text) if until is None else until
    if until < 0:
        return
    end = 0
    for at in (0, *(m.end() for m in _LINE_END.finditer(text, 0, until))):
        if at >= end and (m := pattern.match(text, at)) is not None:
            end = m.end()
            yield m


# Both are tried at every line start. Their words are read possessively: what follows a heading's
# words (a colon, a line end) is no word character, so giving some back never finds a heading that
# reading on did not, and a line of prose is left at once (three times as fast).
# A paragraph led by a place and a colon: "Beledweyne: More than 10,000 people …".
_LEAD_HEADING = re.compile(
    r"^[ \t#*•-]*+(?P<h>[A-Z][\w’'.-]*+(?:[ \t]++[\w’'.-]++){0,3}+)[ \t]*:[ \t]+(?=\S)",
    re.MULTILINE,
)
# A line that is a heading: a few capitalised words alone, without a sentence's end.
_HEADING = re.compile(
    r"^[ \t#*]*+(?P<h>[A-Z][\w’'.-]*+(?:[ \t]++[\w’'.-]++){0,4}+)[ \t]*:?[ \t]*$", re.MULTILINE
)
# The line ends after which either matches, found by one search (the engine skips from one line
# end to the next at once, where a match was tried after each line end; headings are rare).
# A line where either matches starts with a capital's word and four words more at most, then a
# colon or its end: that is read first, each word as what is no space nor colon, one class the
# engine reads at once (where a word character is a call per character for a text not in
# ASCII); a line of prose is left after its sixth word, without reading it twice.
_HEADING_SHAPE = r"[ \t#*•-]*+[A-Z][^\s:]*+(?:[ \t]++[^\s:]++){0,4}+[ \t]*(?::|$)"
_HEADING_AFTER = re.compile(
    f"\n(?={_HEADING_SHAPE})(?="
    + "|".join(
        p.pattern.removeprefix("^").replace("(?P<h>", "(?:") for p in (_HEADING, _LEAD_HEADING)
    )
    + ")",
    re.MULTILINE,
)


def _heading_lines(text: str) -> list[re.Match]:
    """_HEADING, else _LEAD_HEADING, matched at each line start where one matches."""
    found = []
    for at in (0, *(m.end() for m in _HEADING_AFTER.finditer(text))):
        if at < len(text) and text[at] not in "\n\r":
            m = _HEADING.match(text, at) or _LEAD_HEADING.match(text, at)
            if m:
                found.append(m)
    return found


@dataclass
class _Dateline:
    start: int
    place: str | None
    day: date | None
    text: str


# Verbs of a disaster striking: the day after them is the day the tolls start.
_EVENT_VERB = re.compile(
    r"\b(?:struck|hit|made\s+landfall|erupted|collapsed|burst|slammed\s+into|battered|pounded|"
    r"swept\s+(?:through|across|over)|rattled|triggered|broke\s+out|"
    # "The most powerful storm in the country's recorded history barrelled into Fiji's main island
    # … late on Saturday"
    r"barrell?ed\s+into|tore\s+(?:through|into)|ripped\s+through|lashed|ravaged|devastated|"
    # "On 5 November 2021, a fire incident occurred", "A colonial-era dam gave way … on Sunday"
    r"(?:incident|explosion|fire|blast|earthquake|quake|landslide|accident|eruption)\s+occurred|"
    r"exploded|gave\s+way|(?:was|were)\s+subjected\s+to)\b"
    # a disaster named with its day: "In the aftermath of a strong earthquake Wednesday morning"
    r"|\b(?:earthquake|quake|explosion|blast|landslide|mudslide|eruption|flash\s+floods?)"
    rf"(?=\s+(?:on\s+|early\s+|late\s+)?(?:{_WEEKDAY}\b|{_DAY}\s+{_MONTH}\b|{_MONTH}\s+{_DAY}\b))"
)
# Days a disaster's verb is dated by that the periods of figures do not read: a weekday without
# "on" ("were killed Tuesday when a powerful quake hit"), the first of two days ("landslide
# incidents on 21 and 22 July 2024"), the night before ("struck … the previous night").
_EVENT_DAYS = re.compile(
    rf"\b(?P<wd>{_WEEKDAY})\b(?![’']s)|\bon\s+(?P<d1>{_DAY})\s+and\s+{_DAY}\s+(?P<m>{_MONTH})"
    rf"(?:,?\s+(?P<y>{_YEAR}))?|\bthe\s+previous\s+night\b"
)


def _one_day(period, ref: date | None) -> date | None:
    """The day a period names when it names one ("on 25 April", "on Tuesday"; "last night" is
    the day before, not also its morning), else None."""
    start, end, is_day = _resolve_period(period, ref)
    if period.lastgroup == "p_relative_day" and "night" in period.group(0):
        end = start
    return start if is_day and start is not None and start == end else None


def _event_day_of(m: re.Match, ref: date | None) -> date | None:
    if ref is None:
        return None
    try:
        if m.group("wd"):
            return _weekday_on_or_before(m.group("wd"), ref)
        if m.group("d1"):
            return _with_year(_month_number(m.group("m")), int(m.group("d1")), m.group("y"), ref)
    except ValueError:
        return None
    return ref - timedelta(days=1)  # "the previous night"


# The terms of the counts a disaster causes, which start on its day (evacuations may come before it).
_EVENT_TERMS = frozenset({"died", "killed", "injured", "affected", "displaced"})


# A report's heading that ends with its period in brackets and a full stop ("Far North Region
# Situation Report (August 1-31, 2022).") ends no sentence.
_DATED_HEADING = re.compile(r"(?i:report|update|bulletin)\s*(?:no\.?\s*\d+\s*)?\([^()]*\d{4}\)\.$")


class _Context:
    """What the whole document says that a sentence may need: the statement date of its
    dateline, the place of its title or dateline; found once, when first needed."""

    def __init__(self, text: str, published_on: date | None, title: str | None):
        self.text, self.published_on, self.title = text, published_on, title
        self.ref = published_on
        self.offset = 0  # where the sentence being read starts in the text
        self.learnt: dict[str, tuple[str, str]] = {}  # places the document said are places
        self._datelines: list[_Dateline] | None = None
        self._headings: list[tuple[int, _Mention, str]] | None = None
        self._heading_starts: list[int] = []
        self._title_mentions: list[_Mention] | None = None
        self._head_mentions: list[_Mention] | None = None
        self._document_countries: set[str] | None = None
        self._main_place: _Mention | None = None
        self._main_count = 0
        self._country_named_most: str | None | bool = False  # False: not looked for yet
        self._lede_place: _Mention | None | bool = False  # False: not looked for yet
        self._documents_place: dict | None = None
        self._title: str | None = None  # the title, or "" when the document has none
        self._named_countries: set[str] | None = None
        self._places_countries: set[str] | None = None
        self.spans: list[tuple[int, int]] = []  # the sentences: (start, end)
        self._sentence_places: dict[int, list[_Mention]] = {}
        # the places named in each sentence read for figures: its start → (its end, places)
        self.figure_places: dict[int, tuple[int, list[_Mention]]] = {}
        self._event_day: tuple[date, str, int] | None | bool = False  # False: not looked for yet
        self._citations: list[tuple[int, int, str]] | None = None

    def source_line_after(self, end: int) -> str | None:
        """Who the line under a key figure cites: "800 Persons evacuated" over "Source: CDEMA
        Situation Report No.1", as OCHA's flash updates print their key figures."""
        if "Source:" not in self.text[end : end + 16]:
            return None
        found = _SOURCE_LINE.match(self.text, end)
        return found.group("who") if found else None

    def cited_after(self, end: int) -> str | None:
        """Who the citation that closes a stretch of a summary cites, for a sentence that ends
        at `end` before it in the same paragraph: "An estimated 1,000 people have been evacuated
        … (UN, 8 Dec 2014)", as disaster pages cite their sources."""
        if self._citations is None:
            self._citations = (
                [(m.start(), m.end(), m.group("who")) for m in _CITATION.finditer(self.text)]
                if ", " in self.text and "(" in self.text
                else []
            )
        if not self._citations:
            return None
        at = bisect.bisect_left(self._citations, (end,))
        if at == len(self._citations):
            return None
        start, _, who = self._citations[at]
        return who if "\n" not in self.text[end:start] else None

    def event_day(self) -> tuple[date, str, int] | None:
        """The day the disaster struck, as the document's opening dates it ("Cyclone Kenneth,
        which hit Comoros on 25 April"; "Merapi first erupted on Tuesday"), with the words that
        say so and where its date starts: the start of the tolls and counts it caused that date
        none of their own."""
        if self._event_day is False:
            days: list[tuple[date, str, int]] = []
            head = self.text[:5_000]
            for m in _EVENT_VERB.finditer(head):
                a = max(head.rfind(". ", 0, m.start()), head.rfind("\n", 0, m.start())) + 1
                ends = [i for i in (head.find(". ", m.end()), head.find("\n", m.end())) if i != -1]
                sentence = head[a : min(ends, default=len(head))]
                verb_start, verb_end = m.start() - a, m.end() - a
                ref = self.ref or self.published_on
                dates = [(p, _one_day) for p in _periods(sentence, sentence.lower())]
                dates += [(d, _event_day_of) for d in _EVENT_DAYS.finditer(sentence)]
                for period, day_of in dates:
                    if not (
                        0 <= period.start() - verb_end <= 130
                        or 0 <= verb_start - period.end() <= 90
                    ):
                        continue  # a date near the verb: "hit Comoros on 25 April"
                    start = day_of(period, ref)
                    if start is not None:
                        words = sentence[
                            min(verb_start, period.start()) : max(verb_end, period.end())
                        ]
                        days.append((start, " ".join(words.split()), a + period.start()))
            # the first of them: "the first quake struck on Thursday … the second on Saturday"
            self._event_day = min(days, default=None)
        return self._event_day

    def at(self, offset: int) -> None:
        """Dates resolve against the dateline before `offset`, if any, else publication."""
        self.offset = offset
        lines = self.datelines()
        line = next((d for d in reversed(lines) if d.start <= offset), None) if lines else None
        self.ref = line.day if line is not None and line.day else self.published_on

    def datelines(self) -> list[_Dateline]:
        if self._datelines is None:
            self._datelines = []
            head = self.text if len(self.text) < 200_000 else self.text[:200_000]
            last = max((m.start() for m in _AGENCY_BRACKET.finditer(head)), default=-1)
            for m in _at_line_starts(_DATELINE, head, last):
                day = None
                month, number = (
                    m.group("month") or m.group("dmonth"),
                    m.group("day") or m.group("dday"),
                )
                if month and number:
                    try:
                        day = _with_year(_month_number(month), int(number),
                                         m.group("year") or m.group("dyear"), self.published_on)  # fmt: skip
                    except ValueError:
                        day = None
                place = m.group("place")
                if place and m.group("region"):
                    place = f"{place.strip()}, {m.group('region').strip()}"
                self._datelines.append(_Dateline(m.start(), place, day, m.group(0).strip()))
            plain = _PLAIN_DATELINE.search(head, 0, 5_000)
            if plain is None and "(" in head[:5_000]:
                plain = _BRACKET_DATELINE.search(head, 0, 5_000)
            if plain:
                # the city with its country where the story names the city again: where it
                # happened, not only where it was written
                city, place = plain.groupdict().get("city"), plain.group("place")
                if city and _written_again(city, head, plain.end()):
                    place = f"{city}, {place}"
                self._datelines.append(
                    _Dateline(plain.start(), place, None, plain.group(0).strip())
                )
        return self._datelines

    def city_dateline(self) -> tuple[str, str] | None:
        """A dateline of a city alone, at the text's start ("PESHAWAR: The Provincial …"), and the
        country the gazetteer knows it in: (the dateline, the country's code), else None."""
        city = _CITY_DATELINE.match(self.text) or _NAMED_CITY_DATELINE.match(self.text)
        code = _a_city(city["place"]) if city is not None else None
        return (city.group(0).strip(), code) if code is not None else None

    def title_text(self) -> str | None:
        if self._title is None:
            self._title = self.title or ""
            text = self.text
            at = len(text) - len(text.lstrip()) if text[:1].isspace() else 0
            first = text[at : at + 300].split("\n", 1)[0].strip()
            # The first line is a title when it is short and ends no sentence.
            if not self.title and first and len(first) <= 200:
                ends = re.search(r"[.!?:][\"”’)]?$", first) and not _DATED_HEADING.search(first)
                self._title = "" if ends else first
        return self._title or None

    def title_mentions(self) -> list[_Mention]:
        if self._title_mentions is None:
            title = self.title_text()
            self._title_mentions = (
                _with_the_events_place(
                    title, _place_mentions(title, need_cue=False, learnt=self.learnt)
                )
                if title
                else []
            )
        return self._title_mentions

    def in_dateline(self, offset: int) -> bool:
        return any(d.start <= offset < d.start + len(d.text) for d in self.datelines())

    def title_speaker(self, sentence: str) -> str | None:
        """Who a headline names after its colon, for the headline's own figures ("800,000
        people affected by Cyclone Mocha in Myanmar: UN")."""
        title = self.title_text()
        if not title or ":" not in title or sentence.strip().split("\n", 1)[0].strip() != title:
            return None
        m = _HEADLINE_SOURCE.search(title)
        if m is None or places.lookup(m.group("who")):
            return None  # "…: Kenya" names a place, not who speaks
        if m.group("who").lower().removeprefix("the ") in _HEADLINE_KINDS:
            return None  # "…, government buildings inundated: Updates" names a kind of story
        return m.group("who")

    def person_before(self, start: int) -> str | None:
        """The person last named as a speaker before `start`, in the same stretch of text
        ("…, Anthea Webb, WFP’s deputy regional director, told reporters. … she said")."""
        window = self.text[max(0, start - 3_000) : start]
        spans = list(_sentences(window))
        for a, b in reversed(spans[-12:]):
            who = _attribution(window[a:b])
            name = who.split(",")[0].strip() if who is not None else ""
            if _OFFICE.match(name):
                continue  # "Authorities said", "the Defense Ministry said": nobody "he" is
            if _is_name(name) or (name[:1].isupper() and " " not in name):  # "Boian said"
                return who
            if _TITLED_NAME.match(name):
                return who  # "Cambodian Prime Minister Samdech Techo Hun Sen said"
            if who is not None and "," in who and _is_name(who.split(",")[-1].strip()):
                return who  # "An SDF spokesman, Adnan Afrin"
        return None

    def speaker_before(self, start: int) -> str | None:
        """The speaker of the sentence right before `start`, in the same paragraph."""
        para = self.text.rfind("\n", 0, start) + 1
        window = self.text[max(para, start - 1_000) : start]
        spans = list(_sentences(window))
        return _attribution(window[spans[-1][0] : spans[-1][1]]) if spans else None

    def quoted_speaker(self, start: int, end: int) -> str | None:
        """Who speaks a quotation that the sentence at start:end is part of, named after the
        quotation closes ("We still have 8,000 new arrivals. … stretched," Fleming said)."""
        floor = start - 2_000 if start > 2_000 else 0  # (max(0, …) is a call of the builtin)
        para = self.text.rfind("\n", floor, start) + 1 or floor
        prefix = self.text[para:end]
        if prefix.count("“") > prefix.count("”"):
            close = self.text.find("”", end - 1)
        elif prefix.count('"') % 2:
            close = self.text.find('"', end - 1)
        elif prefix.rstrip().endswith(("”", '"')) and prefix.rstrip()[:-1].rstrip().endswith(
            (".", "!", "?")
        ):
            close = para + len(prefix.rstrip()) - 1  # the sentence closes the quotation
        else:
            return None
        if close == -1 or close - end > 1_500 or "\n" in self.text[end:close]:
            return None
        tail = self.text[close + 1 : close + 200].split("\n", 1)[0]  # (not the next paragraph's)
        stop = re.search(r"[.!?](?:\s|$)", tail)
        tail = tail[: stop.start() + 1] if stop else tail
        said = _REPORTING.search(tail)
        if said is None or len(tail[: said.start()].split()) > 6:
            return self._speaker_of_the_quotation_before(para, start)
        return _attribution(tail)

    def _speaker_of_the_quotation_before(self, para: int, start: int) -> str | None:
        """Who spoke the quotation right before the one that holds `start`, in its paragraph:
        '"The whole facade … is totally broken," said resident Tomas Hinojo. "… Three of the
        victims killed are my neighbors."' (a quotation that goes on after its speaker)."""
        opening = max(self.text.rfind('"', para, start), self.text.rfind("“", para, start))
        before = self.text[para:opening].rstrip()
        if opening <= para or not before.endswith("."):
            return None
        last = max(before.rfind('"'), before.rfind("”"))
        if last == -1 or not _REPORTING.search(before, last):
            return None  # the words before are no quotation and its speaker
        spans = list(_sentences(before))
        return _attribution(before[spans[-1][0] : spans[-1][1]]) if spans else None

    def headings(self) -> list[tuple[int, _Mention, str]]:
        """Lines that are a place's name alone ("Jordan", "North Kivu:"), the heading of a
        section of a situation report: (offset, place, line)."""
        if self._headings is None:
            self._headings = []
            head = self.text if len(self.text) < 2_000_000 else self.text[:2_000_000]
            # Each line is tried where it starts (a multi-line "^" is tried at every character).
            for m in _heading_lines(head):
                line = m.group("h").strip()
                if line.isupper() and len(line) > 3:
                    continue  # "PESHAWAR:" opens a story: a dateline, not a section's heading
                found = _resolve_mention(line, "", None)
                if found is None:
                    continue
                written, readings = found
                mention = _mention(m.start("h"), "", written, readings, False)
                if mention.reading is not None:
                    self._headings.append((m.start("h"), mention, line))
            self._heading_starts = [h[0] for h in self._headings]
        return self._headings

    def document_place(
        self, roles: tuple[str, ...], offset: int, earlier_roles: tuple[str, ...] | None = None
    ) -> tuple[_Mention | None, str | None]:
        """The place a figure at `offset` is about when its sentence names none: the heading of
        its section, else the document's title (by the roles wanted: "Thousands flee to Uganda
        after South Sudan flare-up" gives people who fled South Sudan), else its dateline."""
        headings = self.headings()
        at = bisect.bisect_right(self._heading_starts, offset) if headings else 0
        heading = headings[at - 1] if at else None
        title = self.title_text()
        mentions = self.title_mentions()
        mention = _pick(mentions, roles, 0)
        if (
            mention is not None
            and mention.reading is not None
            and mention.reading.kind == "country"
            and (
                (
                    mention.listed
                    and any(
                        m.start > mention.start
                        and m.reading is not None
                        and m.reading.kind == "country"
                        for m in mentions
                    )  # fmt: skip
                )
                # ("Ecuador, Peru authorities assess damage after earthquake …")
                or (len(mentions) > 1 and _countries_together(mentions, title))
            )
        ):
            mention = None  # "Bosnia and Serbia floods: …": a count across countries is none's
        if (
            mention is not None
            and mention.start == 0
            and title.startswith((":", " – ", " - "), len(mention.written))
            and mention.reading is not None
            and mention.reading.kind == "country"
        ):
            # "Somalia: Thousands flee from conflict-hit Las Anod to Ethiopia": a title led by its
            # country names the town after it (not where people went; "Niger – Forced displacement
            # and insecurity increase in Tillabéri region")
            inside = [m for m in mentions if m.role != "to" and m.reading is not None
                      and m.reading.kind != "country"
                      and m.reading.country_iso3 == mention.reading.country_iso3]  # fmt: skip
            if inside:
                mention = inside[0]
        if heading is not None and title != heading[2]:
            # A title led by its country ("Nigeria: Maiduguri Flood - …") names the town after
            # it; a region of the country ("Lebanon: … hostilities in south Lebanon") keeps it.
            in_title = bool(title) and self.text.startswith(title, heading[0])
            below = (
                # "Niger" over the title "Niger – … in Tillabéri region": the heading of the
                # whole page, its country, above the title's place in it
                mention is not None
                and heading[1].reading.kind == "country"
                and mention.reading is not None
                and mention.reading.kind != "country"
                and mention.reading.country_iso3 == heading[1].reading.country_iso3
                and self.text.startswith(title, heading[0] + len(heading[2]) + 1)
            )
            if not below and (not in_title or mention is None or mention.regional):
                earlier = (
                    self.earlier_place(earlier_roles, offset, heading[0])
                    if earlier_roles and heading[1].reading.kind == "country"
                    else None
                )
                if earlier is not None and _wider_than(heading[1], earlier[0]):
                    # "Papua New Guinea" over "Pari Andawale community in Tebi LLG: … an
                    # estimated 1,200 displaced": the place the paragraph names, inside it
                    return earlier
                return heading[1], f"place from the heading “{heading[2]}”"
        earlier = (
            self.earlier_place(earlier_roles, offset, heading[0] if heading else 0)
            if earlier_roles
            else None
        )
        if earlier is not None and (mention is None or _wider_than(mention, earlier[0])):
            # "… arrived in Mocoa on Sunday. Officials … had counted 210 dead": the place the
            # paragraph last named, when the title names none or only the country around it.
            return earlier
        if mention is not None:
            dateline = self._dateline_place() if mention.rank == 4 else None
            if (
                dateline is not None
                and dateline[0].rank < 4
                and dateline[0].reading is not None
                and mention.reading is not None
                and dateline[0].reading.country_iso3 == mention.reading.country_iso3
                and places.key(places.capitals().get(mention.reading.country_iso3, ""))
                != places.key(dateline[0].written)
            ):
                # "Venezuela landslide leaves 25 dead" over "LAS TEJERIAS, Venezuela (AFP) —":
                # the town of the title's country the dateline names (not its capital, where a
                # news desk is: "ALGIERS, Algeria (AP)")
                return dateline
            return mention, f"{_FROM_THE_TITLE}: “{self.title_text()}”"
        return self._dateline_place() or (None, None)

    def _dateline_place(self) -> tuple[_Mention, str] | None:
        """The place of the document's dateline, where it is not the desk's."""
        for line in self.datelines():
            if line.place:
                placed = _place_mentions(line.place.title(), need_cue=False)
                if placed:
                    mention = min(placed, key=lambda m: m.rank)
                    if self._a_desk(mention):
                        continue
                    country = max(placed, key=lambda m: m.rank)
                    if mention.rank == 4 and "," in line.place:
                        # a town the gazetteer lacks, before its country, that the story names
                        # again: "AAB BAREEK, Afghanistan:" and "Much of Aab Bareek village"
                        town = line.place.split(",")[0].strip()
                        if written := _written_again(town, self.text, line.start + 1):
                            place = _unknown_mention(0, "", written, mention.reading.country_iso3,
                                                     "town")  # fmt: skip
                            return place, f"place from the dateline “{line.text}”"
                    if country.rank == 4 and not self._named_after(mention, line):
                        # "PAKSONG, Laos (NYTimes) -" over a dam's collapse elsewhere in Laos:
                        # a city the story does not name again is where it was written.
                        mention = country
                    elif (
                        mention.rank < 4
                        and (
                            capital := next(
                                (
                                    r
                                    for r in (
                                        (mention.reading,) if mention.reading else mention.readings
                                    )
                                    if r.country_iso3 in (self._named_countries or ())
                                    and r.kind == "city"
                                ),
                                None,
                            )
                        )  # fmt: skip
                        and (code := capital.country_iso3) in _countries()
                        and places.key(places.capitals().get(code, ""))
                        == places.key(mention.written)
                        and (named := _country_named(_countries()[code].name)) is not None
                    ):
                        # "San Salvador, Nov. 1 (EFE) – … Tropical Storm Pilar in El Salvador left
                        # 3 dead": a capital's dateline is the desk's, the story the country's
                        lede = self.lede_place()
                        if (
                            lede is not None
                            and lede.reading.country_iso3 == code
                            and not self.title_mentions()
                        ):
                            # "JAKARTA - … Mount Sinabung in the Karo district of North Sumatra
                            # has erupted again", under no title that names a place: the place
                            # the story's first paragraph names
                            return lede, "the place the document's first paragraph names"
                        mention = _mention(0, "", named[0], named[1], False)
                    return mention, f"place from the dateline “{line.text}”"
        return None

    def earlier_place(
        self, roles: tuple[str, ...], offset: int, floor: int, paragraphs: int = 1
    ) -> tuple[_Mention, str] | None:
        """The place the nearest earlier sentence of the figure's paragraph (or of its last
        `paragraphs`) names (after `floor`, a section's heading), for a figure whose sentence
        names none."""
        at = bisect.bisect_right(self.spans, (offset, len(self.text))) - 1
        opening = self.text.rfind("\n", 0, offset) + 1
        for _ in range(paragraphs - 1):
            end = opening - 1  # the line break before this paragraph, and blank lines before it
            while end > 0 and self.text[end - 1] == "\n":
                end -= 1
            opening = self.text.rfind("\n", 0, end) + 1 if end > 0 else 0
        reach = max(floor, offset - _EARLIER_REACH, opening)
        inside = None  # the one country of several places a later sentence named together
        first = at - _EARLIER_SENTENCES  # (the bounds without max(), a call of the builtin)
        for start, end in reversed(self.spans[first if first > 0 else 0 : at if at > 0 else 0]):
            if end <= reach or start + len(self.text[start:end].rstrip()) <= reach:
                break  # (a sentence's span runs on over the blank line and the bullet after it)
            mentions = self._sentence_places.get(start)
            if mentions is None:
                mentions = _place_mentions(self.text[start:end], learnt=self.learnt)
                mentions = [m for m in mentions if not self.in_dateline(start + m.start)]
                self._sentence_places[start] = mentions
            mention = _pick(mentions, roles, len(mentions) and mentions[-1].start)
            if mention is None:
                continue
            if (
                mention.reading is not None
                and mention.reading.kind == "world region"
                and (
                    found := next(
                        (
                            m
                            for m in mentions
                            if m.reading is not None and m.reading.kind != "world region"
                        ),
                        None,
                    )
                )
            ):
                # "The typhoon, which wreaked havoc across South-East Asia, slammed into central
                # Vietnam": the place inside the region, of the counts after it
                mention = found
            if inside is not None:
                if mention.reading is None or mention.reading.country_iso3 != inside:
                    return None
                if mention.reading.kind != "country":
                    return None
                # "In Honduras, the rains have caused flooding … Most damage has been reported in
                # Francisco Morazán, Valle, and Choluteca departments …": the country around them
                line = " ".join(self.text[start:end].split())
                line = line if len(line) <= 80 else line[:77] + "…"
                return mention, f"{_FROM_AN_EARLIER_SENTENCE}: “{line}”"
            if self.text.endswith(_NEIGHBOURING, 0, start + mention.start):
                # "The rains also affected neighbouring Maniema": a place beside the story's, not
                # the place of the counts after it
                return None
            several = (
                sum(m.rank == mention.rank and m.role in roles for m in mentions) > 1
                and len({_name_key(m) for m in mentions if m.rank == mention.rank}) > 1
            )  # "190 deaths in Rieti province and 57 … in Ascoli Piceno": none of them
            wider = _wider_beside(mention, mentions) if mention.listed and not several else []
            if (
                mention.listed
                and not wider
                and inside is None
                # (not where most of something was: "Most damage has been reported in Francisco
                # Morazán, Valle, and Choluteca departments", the country's counts after it)
                and not _MOST_BEFORE.search(self.text, start, start + mention.start)
                and (listed := _listed_as_written(mention, mentions, self, start)) is not None
            ):
                # "More than 150 people were hospitalized in Skopje, Kocani, and nearby towns.
                # … 20 of them …": the places as written, in their one country
                line = " ".join(self.text[start:end].split())
                line = line if len(line) <= 80 else line[:77] + "…"
                return listed, f"{_FROM_AN_EARLIER_SENTENCE}: “{line}”"
            if several or (mention.listed and not wider):
                # several places named together: none of them, but the country an earlier
                # sentence names where they all are
                codes = {m.reading.country_iso3 if m.reading is not None else None
                         for m in mentions if m.role in roles}  # fmt: skip
                if len(codes) != 1 or None in codes:
                    return None
                inside = codes.pop()
                continue
            if mention.listed:
                mention = wider[0]
            if mention.reading is None and not mention.readings:
                return None
            if _LAST_OF_A_LIST.search(self.text, max(start, start + mention.start - 50),
                                      start + mention.start):  # fmt: skip
                # "coastal departments (Tumbes, Piura, …) and the mountainous department of
                # Cajamarca": the last of several places
                return None
            line = " ".join(self.text[start:end].split())
            line = line if len(line) <= 80 else line[:77] + "…"
            return mention, f"{_FROM_AN_EARLIER_SENTENCE}: “{line}”"
        return None

    def _named_after(self, mention: _Mention, line: _Dateline) -> bool:
        """Whether the document names a dateline's place again after the dateline."""
        after = line.start + len(line.text)
        word = mention.written.split(",")[0].strip()
        return re.search(rf"\b{re.escape(word)}\b", self.text[after:], re.IGNORECASE) is not None

    def _a_desk(self, mention: _Mention) -> bool:
        """A dateline that names where the story was written, not what it is about: its country
        is not named in the document, which names others ("GENEVA, August 3 (UNHCR)" over a
        story about Syria; "MOSCOW (Sputnik) -" over one about Mozambique)."""
        readings = [mention.reading] if mention.reading is not None else mention.readings
        countries = {r.country_iso3 for r in readings if r.country_iso3}
        if not countries:
            return False
        if self._named_countries is None:
            found = [m for m in self.head_mentions() if m.reading is not None
                     and m.reading.country_iso3 and not self.in_dateline(m.start)]  # fmt: skip
            found += [m for m in self.title_mentions() if m.reading is not None]
            self._named_countries = {m.reading.country_iso3 for m in found}
        named = self._named_countries
        return bool(named) and not countries & named

    def countries_named(self, mentions: list[_Mention]) -> set[str]:
        named = set()
        for m in [*mentions, *self.title_mentions()]:
            if m.reading is not None and m.reading.kind == "country":
                named.add(m.reading.country_iso3)
        return named

    def generic_in_country(self, mention: _Mention) -> _Mention:
        """A name many countries give a part of theirs ("the Western Province"), read in the one
        country the title names, else the document: the gazetteer knows only some of them (Sri
        Lanka's, not Rwanda's)."""
        reading = mention.reading
        if reading is None or reading.kind == "country" or not _generic(mention.written):
            return mention
        named = self.countries_named([]) or self.document_countries()
        if reading.country_iso3 in named or not named:
            return mention
        code = next(iter(named))
        if len(named) > 1:
            # (of several, the one whose part the gazetteer knows by that name: "Northern region"
            # in a story of Ghana and Burkina Faso is Ghana's, not Malawi's)
            bare = places._without_place_word(mention.written)
            codes = {r.country_iso3 for r in places.lookup(bare) if r.kind == reading.kind} & named
            if len(codes) != 1:
                return mention
            code = codes.pop()
        place = places.Place(mention.written, code, None, None, reading.kind, "document")
        return replace(mention, reading=place, readings=())

    def documents_place(self) -> dict:
        """The location fields of a figure nothing places (_the_documents_place), found once:
        they depend on the document alone."""
        if self._documents_place is None:
            self._documents_place = _the_documents_place(self)
        return dict(self._documents_place)

    def lede_place(self) -> _Mention | None:
        """The one place below a country that the document's first paragraph (its first line
        of 100 characters or more) names, in the one country the document names; None where it
        names none or several."""
        if self._lede_place is False:
            self._lede_place = self._find_lede_place()
        return self._lede_place

    def _find_lede_place(self) -> _Mention | None:
        # (the country of its places where it names none: "Tragedy has again struck Kasese
        # District as flash floods …", a story that never writes Uganda but in "Uganda Red Cross")
        named = self.document_countries() or self.places_countries()
        if len(named) != 1:
            return None
        start = 0
        for line in self.text[:3_000].split("\n"):
            if len(line) >= 100:
                break
            start += len(line) + 1
        else:
            return None
        end = start + len(line)
        inside = [m for m in self.head_mentions() if start <= m.start < end and m.reading is not None
                  and m.reading.kind != "country" and m.reading.country_iso3 in named]  # fmt: skip
        if any(m.listed or self.text.endswith((", ", " and "), 0, m.start) for m in inside):
            # "a State of Emergency in the provinces of Puerto Plata, La Vega, Espaillat and María
            # Trinidad Sánchez": several places, not the one the story is about
            return None
        if len({_name_key(m) for m in inside}) == 1:
            return inside[0]
        # "The city of Uvira, centre of the eponymous territory, in South Kivu province of the
        # Democratic Republic of the Congo": the one finest of the places, the others wider
        finest = min(m.rank for m in inside) if inside else None
        fine = [m for m in inside if m.rank == finest]
        return fine[0] if fine and len({_name_key(m) for m in fine}) == 1 else None

    def head_mentions(self) -> list[_Mention]:
        """The places the document's opening (its first 5,000 characters) names."""
        if self._head_mentions is None:
            self._head_mentions = _place_mentions(self.text[:5_000], learnt=self.learnt)
        return self._head_mentions

    def implied_countries(self) -> set[str]:
        """The countries the document names (document_countries), else the one country of the
        places its title names ("… Batangas residents evacuated …": the Philippines)."""
        named = self.document_countries()
        if named:
            return named
        found = {m.reading.country_iso3 for m in self.title_mentions()
                 if m.reading is not None and m.reading.country_iso3}  # fmt: skip
        return found if len(found) == 1 else set()

    def country_of_places(self) -> str | None:
        """The one country of every place the gazetteer knows in the document's opening
        ("Benue State", "Makurdi": Nigeria, for "Yelwata" in a story that never writes it);
        None where they are of several or none."""
        codes = {m.reading.country_iso3 for m in self.head_mentions()
                 if m.reading is not None and m.reading.source != "document"}  # fmt: skip
        return codes.pop() if len(codes) == 1 else None

    def document_countries(self) -> set[str]:
        """The countries the title and the document's opening (its first 5,000 characters)
        name as countries."""
        if self._document_countries is None:
            found = self.head_mentions() + self.title_mentions()
            in_head = len(self.head_mentions())
            # (not a country beside the story's: "parts of neighbouring Rwanda")
            self._document_countries = {
                m.reading.country_iso3 for j, m in enumerate(found)
                if m.reading is not None and m.reading.kind == "country"
                and not (j < in_head and self.text.endswith(_NEIGHBOURING, 0, m.start))
            }  # fmt: skip
            # The place below a country it names most, when it names one more than any other
            # (an ambiguous name read in the country the document names: "Petrópolis", Brazil).
            counts: dict[tuple[str, str], list[_Mention]] = {}
            # (the title's come after the head's: their offsets are the title's)
            for j, m in enumerate(found):
                if m.listed:
                    continue
                if not m.role and _A_GOVERNMENT_AFTER.match(self.text, m.start + len(m.written)):
                    continue  # "The Seoul city government also provided …": a body's owner
                if j < in_head and self.text.endswith((", ", " and "), 0, m.start):
                    # "the provinces of Puerto Plata, La Vega, Espaillat and María Trinidad
                    # Sánchez": one of several places, named in every list, is no main place
                    continue
                if m.reading is None and m.readings:
                    inside = [r for r in m.readings if r.country_iso3 in self._document_countries]
                    if len({r.country_iso3 for r in inside}) != 1:
                        continue
                    m = replace(m, reading=inside[0], readings=())
                if m.reading is not None and m.reading.kind != "country":
                    # "Kulsary town" and "Kulsary" are one place named twice ("Rio de Janeiro
                    # state" and "Rio de Janeiro city" are two)
                    counts.setdefault((_name_key(m), m.reading.kind), []).append(m)
            # How often each is named: where it is cued as a place, or anywhere by its name
            # ("Chennai was hit by heaviest rainfall", "many in Chennai say")
            head = self.text[:5_000]
            # (not as a body's owner: "The Seoul city government also provided …")
            owner = _A_GOVERNMENT_AFTER.pattern
            times = {
                k: max(
                    len(named),
                    len(re.findall(rf"\b{re.escape(_bare_name(named[0]))}\b(?!{owner})", head)),
                )
                for k, named in counts.items()
            }
            most = max(times.values(), default=0)
            # (as written most fully: "Ishikawa Prefecture" over a dateline's "Ishikawa Pref.")
            top = [max(counts[k], key=lambda m: len(m.written)) for k, n in times.items()
                   if n == most]  # fmt: skip
            if most >= 2 and len(top) > 1:
                # A town named as often as its province ("Damboa", "Borno"): the town, the more
                # specific place, when the others are wider places of the same country.
                finest = min(m.rank for m in top)
                fine = [m for m in top if m.rank == finest]
                same = {m.reading.country_iso3 for m in top}
                top = fine if len(fine) == 1 and len(same) == 1 else top
            if most >= 2 and len(top) == 1:
                # (a place the document names often but neither its title nor its first
                # paragraph does is not what it is about: "Disaster authorities in the
                # Philippines report …" above a typhoon's landfalls "near Tiwi, Albay")
                lede = self.text.find("\n", 40)
                lede = len(self.text) if lede == -1 else lede
                name = _name_key(top[0])
                if (
                    not self._document_countries
                    # (named three times in the one country the document names, its first line
                    # naming no country: "Kulob", under the heading "Mudslides and floods kill
                    # 15, dozens missing in the south" and a photo's caption of "Tajikistan")
                    or (
                        most >= 3
                        and self._document_countries == {top[0].reading.country_iso3}
                        and not any(
                            m.start < lede and m.reading is not None and m.reading.kind == "country"
                            for m in self.head_mentions()
                        )
                    )  # fmt: skip
                    or any(
                        (m.start < lede or m in self.title_mentions()) and _name_key(m) == name
                        for m in found
                    )
                ):
                    self._main_place = top[0]
                    self._main_count = most
        return self._document_countries

    def places_countries(self) -> set[str]:
        """The countries of the places below a country that the document's opening names and
        the gazetteer reads one way, else of the peoples it names ("according to the Libyan
        Ministry of Health")."""
        if self._places_countries is None:
            self._places_countries = {m.reading.country_iso3 for m in self.head_mentions()
                                      if m.reading is not None and m.reading.kind != "country"
                                      and m.reading.country_iso3}  # fmt: skip
            if not self._places_countries:
                peoples = places.demonyms()
                words = set(re.findall(r"\b[A-Z][a-z]+\b", self.text[:5_000]))
                self._places_countries = {peoples[w.lower()] for w in words
                                          if w.lower() in peoples}  # fmt: skip
        return self._places_countries

    def first_country(self) -> str | None:
        """The country the document's opening names first (as a country), else None."""
        return next((m.reading.country_iso3 for m in self.head_mentions()
                     if m.reading is not None and m.reading.kind == "country"), None)  # fmt: skip

    def country_named_most(self) -> str | None:
        """The country the document's opening names most, three times at least and more than
        twice as often as any other ("Slovenia" five times, "near the border with Austria"
        once), else None."""
        if self._country_named_most is False:
            times = Counter(m.reading.country_iso3 for m in self.head_mentions()
                            if m.reading is not None and m.reading.kind == "country")  # fmt: skip
            (top, n), *rest = times.most_common() or [(None, 0)]
            self._country_named_most = None if n < 3 or (rest and n < 2 * rest[0][1]) else top
        return self._country_named_most

    def main_place(self) -> _Mention | None:
        """The place below a country that the title and the document's opening name most
        (twice at least, and more than any other)."""
        self.document_countries()
        return self._main_place


def _written_again(name: str, text: str, after: int) -> str | None:
    """How the text writes a dateline's name in capitals ("AAB BAREEK") again after `after`, not
    in capitals ("Aab Bareek"), else None."""
    again = re.search(rf"\b{re.escape(name)}\b", text[after:], re.IGNORECASE)
    return again.group(0) if again and not again.group(0).isupper() else None


def _bare_name(mention: _Mention) -> str:
    """A place's name as written without a word of place after it ("Kulsary town" is Kulsary) or
    a word of direction before ("eastern Aleppo" is Aleppo)."""
    direction = _DIRECTION_FIRST_WORDS.match(mention.written) if mention.regional else None
    written = mention.written[direction.end() :] if direction else mention.written
    return places._without_place_word(written)


def _name_key(mention: _Mention) -> str:
    """A place's name, to count how often a document names it (_bare_name)."""
    return places.key(_bare_name(mention))


_THESE_BEFORE = re.compile(r"\b(?:these|those)\s+$", re.IGNORECASE)
_THESE_REACH = 30


def _as_named_before(candidate: Candidate, before: list[Candidate], text: str) -> Candidate:
    """A count written again after "these" is the count written before it, with its term and
    measure: "the number of people displaced … has surpassed 115,000 … Notwithstanding these
    115,000 people, there are also many others"."""
    if not _THESE_BEFORE.search(text, max(0, candidate.start - 8), candidate.start):
        return candidate
    # (of the last few counts only: one written again refers back a paragraph or two)
    same = next((c for c in reversed(before[-_THESE_REACH:]) if c.span == candidate.span
                 or c.span.endswith(f" {candidate.span}")), None)  # fmt: skip
    if same is None:
        return candidate
    return replace(candidate, term=same.term, measure=same.measure)


_PARTS_OF_THOSE = re.compile(r"\s*(?:Of|Among)\s+(?:them|these),")


# --- Public API -----------------------------------------------------------------------------------


def _without_collection(func):
    """The function run with the cyclic garbage collector paused, as it was before once it returns:
    extraction makes hundreds of thousands of short-lived objects (matches, tuples, candidates)
    and no cycles to speak of, and the collector's young-generation passes over them are time
    spent finding nothing (a thirtieth of extract()'s time on the benchmark's text)."""

    @functools.wraps(func)
    def paused(*args, **kwargs):
        if not gc.isenabled():
            return func(*args, **kwargs)
        gc.disable()
        try:
            return func(*args, **kwargs)
        finally:
            gc.enable()

    return paused


# An HTML tag: "<img src=… width="320" …/>", "</a>" (not "<5" nor "a < b").
_MARKUP = re.compile(r"<(?:[A-Za-z][\w-]*(?:\s[^<>]{0,2000})?/?|/[A-Za-z][\w-]*\s*)>")


@_without_collection
def extract(
    text: str, published_on: date | None = None, title: str | None = None
) -> list[Candidate]:
    """Candidate figures in plain text, in order; relative periods resolve against the statement
    date of a dateline ("March 22 (Reuters) -"), else published_on. `title` is the document's own
    title (else its first line, when short): it gives the place of figures whose sentence names
    none.

    Example: extract("Since Monday, 5,000 people have fled.", date(2019, 3, 22))
    """
    if not isinstance(text, str) or not text:
        return []
    if not isinstance(published_on, date):
        published_on = None
    if not isinstance(title, str):
        title = None
    context = _Context(text, published_on, title)
    out: list[Candidate] = []
    title_read = False
    context.spans = list(_sentences(text))
    if len(context.spans) > 1:
        # the places the opening says are places, learnt before its figures are read ("from
        # Zamzam camp near Al Fasher", then "more than 400,000 people have fled Zamzam")
        context.head_mentions()
    rows = _key_figure_rows(text) if "\n" in text else []
    none_before = False  # whether the last sentence with numbers gave no figure
    for start, end in context.spans:
        raw = text[start:end]
        if not _may_hold_a_figure(raw):
            continue
        if none_before and _PARTS_OF_THOSE.match(raw):
            # "244,620 households had no running water … Of them, 211,008 were in Hiroshima
            # Prefecture": the parts of what was no figure
            continue
        found_before = len(out)
        while rows and rows[0][0] < end:
            # A row of key figures over a row of their labels (a report's box, as a PDF's text
            # gives it): each number is read with its label, in place of the row.
            row_start, row_end, pairs = rows.pop(0)
            for at, number, label in pairs:
                with contextlib.suppress(Exception):
                    context.at(at)
                    out.extend(_sentence_candidates(text, at, f"{number} {label}", context))
            if row_start >= start:
                raw = text[start:row_start] + " " * (row_end - row_start) + text[row_end:end]
        if "<" in raw and ">" in raw:
            # markup a saved page left in its text ('<img src="…/97168118.jpg" width="320" …>'):
            # blanked, its numbers no figures (and the offsets kept)
            raw = _MARKUP.sub(lambda m: " " * len(m.group()), raw)
        if start < 2_000 and raw.strip() == context.title_text():
            if title_read:
                continue  # the title printed again as the page's heading states the same claim
            title_read = True
        # Keep offsets into `text`: the sentence is used as is, leading space included.
        try:
            context.at(start)
            found = _sentence_candidates(text, start, raw, context)
            if out and ("these " in raw or "those " in raw):
                found = [_as_named_before(c, out, text) for c in found]
            if out and found and raw.lstrip().startswith("These include "):
                # "… 59,245 people have been newly displaced … These include 53,100 in Timbuktu
                # region, 4,062 in Gao and 2,083 in Mopti": parts of the count before, with its
                # term, where their own words give none
                whole = out[-1]
                found = [replace(c, term=whole.term, measure=whole.measure)
                         if c.term == "affected" and whole.term != "affected" else c
                         for c in found]  # fmt: skip
            if " at " in raw:
                found = [_at_a_named_site(c, raw, start) for c in found]
            if " with " in raw:
                found = _counts_with(found, raw, start, text, out)
            out.extend(found)
        except Exception:  # noqa: BLE001 - extraction proposes; one odd sentence must not stop it
            if _STRICT:
                raise
            continue
        finally:
            none_before = len(out) == found_before
    if out and out[0].location is None and out[0].country_iso3 is None and context.spans:
        out = _title_placed_by_the_lead(out, context.spans[0][1])
    if title and (situation := _REFUGEE_SITUATION.match(title)):
        out = _fled_from_the_refugees_country(out, situation)
    out = [_in_its_own_case(c) if c.location and c.location.isupper() else c for c in out]
    return _with_place_options(_placed_as_before(out), context)


PLACE_OPTIONS = 8  # places offered to the reviewer beside a candidate's own


def _with_place_options(out: list[Candidate], context: _Context) -> list[Candidate]:
    """The candidates, each with the document's places to work out its place options from when
    they are read (Candidate.place_options)."""
    if out:
        index = _PlaceIndex(context, out)
        for c in out:
            # (set on the candidate just made, which nothing else holds yet; not a field: two
            # candidates are the same figure whatever else the document names)
            object.__setattr__(c, "_places", index)
    return out


class _PlaceIndex:
    """The places a document names, by where it names them, for its candidates' place options:
    those of a figure's own sentence, then the title's, then the places of the document's
    figures, then the other places its sentences and its opening name. Where the rules chose
    another place than the one a reviewer wants ("displaced to Tirinkot City" filed at the
    district they left), the right one is most often among these."""

    def __init__(self, context: _Context, candidates: list[Candidate]):
        # (kept as they are; the lists are made at the first reading of an option)
        self.context, self.candidates = context, tuple(candidates)
        self.figure_places = context.figure_places
        self.keys: dict[str, str] = {}  # (a name's key, worked out once: names come again)
        # the places after a sentence's own, the same for each of its figures
        self.after: dict[int, list[tuple[str, str]]] = {}

    @functools.cached_property
    def title(self) -> list[str]:
        return [m.written for m in self.context.title_mentions()]

    @functools.cached_property
    def starts(self) -> list[int]:
        return sorted(self.figure_places)

    @functools.cached_property
    def named(self) -> list[tuple[int, str]]:
        """The places the document's sentences and opening name, by where they name them."""
        context = self.context
        return sorted(
            [(start + m.start, m.written) for start, (_, ms) in self.figure_places.items()
             for m in ms]
            + [(start + m.start, m.written) for start, ms in context._sentence_places.items()
               for m in ms]
            + [(m.start, m.written) for m in context.head_mentions()]
        )  # fmt: skip

    @functools.cached_property
    def located(self) -> list[tuple[int, str]]:
        """The places of the document's figures, by where the figures are."""
        return sorted((c.start, c.location) for c in self.candidates if c.location)

    def as_listed(self, offset: int, m: _Mention) -> tuple[str, ...]:
        """A mention's name, and before it the places it is the first of, as written ("Isiolo
        and Laikipia districts", "Chaco, Corrientes, … and Entre Ríos"): annotators most often
        file a figure of several places under all of them."""
        text = self.context.text
        at = offset + m.start
        if (not m.listed and not text.startswith((", ", " and "), at + len(m.written))) or (
            text.endswith(", ", 0, at)  # (a list's later name: its first gives the list)
        ):
            return (m.written,)
        together = _WRITTEN_LIST.match(text, at)
        if together is None:
            return (m.written,)
        return (" ".join(together.group().split()), m.written)

    def key(self, name: str) -> str:
        found = self.keys.get(name)
        if found is None:
            found = self.keys[name] = places.key(name)
        return found

    def options(self, c: Candidate) -> tuple[str, ...]:
        own: list[str] = []
        anchor = c.start
        at = bisect.bisect_right(self.starts, c.start) - 1
        if at >= 0:
            offset = self.starts[at]
            end, mentions = self.figure_places[offset]
            if c.start < end:
                anchor = offset
                own = [
                    name
                    for m in sorted(mentions, key=lambda m: abs(offset + m.start - c.start))
                    for name in self.as_listed(offset, m)
                ]
        rest = self.after.get(anchor)
        if rest is None:
            rest, seen = [], set()
            # (each within its nearest 24: a long document names its main places thousands of
            # times over, and what is far is no help)
            near = (itertools.islice(_nearest(pairs, anchor), 24)
                    for pairs in (self.located, self.named))  # fmt: skip
            for names in (self.title, *near):
                for name in names:
                    k = self.key(name)
                    if k and k not in seen:
                        seen.add(k)
                        rest.append((name, k))
                        if len(rest) == PLACE_OPTIONS + 4:
                            break
                if len(rest) == PLACE_OPTIONS + 4:
                    break
            self.after[anchor] = rest
        seen = {self.key(c.location)} if c.location else set()
        options: list[str] = []
        for name, k in (*((name, self.key(name)) for name in own), *rest):
            if k and k not in seen:
                seen.add(k)
                options.append(name)
                if len(options) == PLACE_OPTIONS:
                    break
        return tuple(options)


def _nearest(pairs: list[tuple[int, str]], at: int):
    """The names of (position, name) pairs sorted by position, nearest `at` first."""
    right = bisect.bisect_left(pairs, (at, ""))
    left = right - 1
    while left >= 0 or right < len(pairs):
        if right >= len(pairs) or (left >= 0 and at - pairs[left][0] <= pairs[right][0] - at):
            yield pairs[left][1]
            left -= 1
        else:
            yield pairs[right][1]
            right += 1


def _in_its_own_case(c: Candidate) -> Candidate:
    """A place a heading or dateline writes in capitals ("HAITI: Hurricane …", "DAVAO CITY,
    Philippines"), as the gazetteer writes it ("Haiti", "Davao City"): the same series as the
    place written in any other sentence. An acronym, or a name the gazetteer writes otherwise
    ("TURKEY", Türkiye), stays as written."""
    written = c.location
    found = places.lookup(written) if len(written) > 3 else []
    if not found:
        return c
    name = found[0].name
    if places.key(name) == places.key(written):
        return replace(c, location=name)
    bare = places._without_place_word(written)
    if bare != written and places.key(name) == places.key(bare):
        return replace(c, location=name + written[len(bare) :].title())
    return c


# A UNHCR update's title names the refugees' country before the country it reports from: "Central
# African refugee situation: Democratic Republic of the Congo - May 2017".
_REFUGEE_SITUATION = re.compile(r"\s*(?P<who>[A-Z][\w’' -]{2,40}?)\s+[Rr]efugee\s+[Ss]ituation\b")


def _fled_from_the_refugees_country(out: list[Candidate], situation: re.Match) -> list[Candidate]:
    """People who fled or left, placed by a title of a refugee situation ("… reported around
    21,500 asylum seekers having crossed the border into DRC" under "Central African refugee
    situation: Democratic Republic of the Congo"): the country they fled, which the title names
    by its people (or its name), not the one it reports from."""
    who = situation.group("who")
    code = places.demonyms().get(who.lower())
    if code is None and (named := _country_named(who)) is not None:
        code = named[1][0].country_iso3
    if code not in _countries():
        return out
    return [
        replace(c, **_the_country(code, f"the country of the refugees the title names: “{who}”"),
                latitude=None, longitude=None, place_readings=())
        if c.term in FROM_PLACE_TERMS
        and (c.place_note or "").startswith(_FROM_THE_TITLE)
        and c.country_iso3 != code
        else c
        for c in out
    ]  # fmt: skip


# Tests set this to see what a sentence raised, which extract() otherwise passes over (a rule's
# slip, a name misspelt, would drop whole sentences without a word).
_STRICT = False


def _title_placed_by_the_lead(out: list[Candidate], title_end: int) -> list[Candidate]:
    """A count of the title over several countries takes the place of the same count the lead goes
    on to place: "More Floods in Haiti and Dominican Republic – 5 Dead, 3,000 Displaced" over "At
    least 5 people have died in Haiti, over 3,000 people have been displaced in the Dominican
    Republic" (the note says so)."""
    for i, c in enumerate(out):
        if c.start >= title_end:
            break
        if c.place_note != _SEVERAL_COUNTRIES:
            continue  # (a title no place is written in keeps none: "At least 200 killed …")
        same = next((d for d in out[i + 1 :] if d.start >= title_end
                     and d.start - title_end < _A_PAGE and d.term == c.term
                     and d.estimate.best == c.estimate.best), None)  # fmt: skip
        if same is not None and same.country_iso3 is not None:
            out[i] = _placed_as(c, same, f"the place the lead gives the same count: “{same.span}”")
    return out


def _placed_as_before(out: list[Candidate]) -> list[Candidate]:
    """A figure that nothing places (its sentence, the sentences before it in its paragraph, the
    document's heading, title, dateline and main place name none) takes the place of the figure
    before it, within a page of text: "AT LEAST 200 people have been killed after an arms dump
    exploded in Brazzaville …" then "Around 200 more were injured by the blasts which rocked the
    riverside capital" (the note says so, for the reviewer to confirm)."""
    last: Candidate | None = None
    places_of: dict[str, set] = {}  # the places of each sentence's figures
    for c in out:
        if c.location is not None or c.country_iso3 is not None:
            places_of.setdefault(c.sentence, set()).add((c.location, c.country_iso3))
    for i, c in enumerate(out):
        if (
            c.place_note == _ONE_COUNTRY
            and last is not None
            and last.country_iso3 == c.country_iso3
            and last.location != c.location
            and c.location is not None
            and last.location is not None
            and last.location.endswith(c.location)
            and _BARE_DIRECTION.fullmatch(last.location[: -len(c.location)].strip())
            and c.start - last.start < _A_PAGE
            and len(places_of[last.sentence]) == 1
        ):
            # "About 600 families … are living in tents" after "at least 900 houses were
            # destroyed in southern Kyrgyzstan", in a story that names Kyrgyzstan: the part of
            # the country the figure before is of
            out[i] = _placed_as(c, last, f"the place of the figure before: “{last.span}”")
        elif (c.location is not None or c.country_iso3 is not None) and not (
            # ("Flood waters devastate eastern Balkans" over "In neighbouring Romania, thousands
            # … Three women and a man drowned in their homes there": the country before, not the
            # title's region of several)
            c.country_iso3 is None
            and last is not None
            and (
                (c.place_note == _REGION_OF_SEVERAL and c.location not in c.sentence)
                or (c.place_note or "").startswith(_FROM_THE_TITLE)
            )
        ):
            last = c
        elif (
            last is not None
            # (not "several countries named together: no one place")
            and (
                c.place_note is None
                or c.place_note == _REGION_OF_SEVERAL
                or c.place_note.startswith(_FROM_THE_TITLE)
            )
            and not c.place_readings
            and c.start - last.start < _A_PAGE
            # (not one of several: "190 deaths in Rieti province and 57 deaths in Ascoli
            # Piceno province. At least 2,000 people have been left homeless.")
            and len(places_of[last.sentence]) == 1
        ):
            out[i] = _placed_as(c, last, f"the place of the figure before: “{last.span}”")
    return out


# "being housed at the Kwakwani Primary School", "hosted at Ngeya Girls Secondary School": the
# building people are sheltered in, by its name (and the word after it: "… School hostel").
# The words of building a shelter's name ends with, and the capitalised words before them.
_BUILDING_WORDS = "School|Church|Hall|Stadium|Gymnasium|Mosque|Cathedral|Temple|College|Academy"
_NAME_BEFORE = r"(?:[A-Z][\w'’.-]*\s+){1,5}"
_AT_A_NAMED_SITE = re.compile(
    r"\b(?:housed|hosted|accommodated|sheltered|sheltering|staying|lodged|camped)\s+at\s+(?:the\s+)?"
    rf"(?P<site>{_NAME_BEFORE}(?:{_BUILDING_WORDS}|Seminary)(?:\s+(?:hostel|grounds|compound|"
    r"building))?)\b"
)


def _at_a_named_site(candidate: Candidate, raw: str, start: int) -> Candidate:
    """A count of people hosted placed at the named building its clause says they are in (the
    first after the count: "12 persons … being housed at the Kwakwani Primary School, while six
    persons … at the Kwakwani Secondary School hostel")."""
    if candidate.term != "hosted":
        return candidate
    site = _AT_A_NAMED_SITE.search(raw, max(0, candidate.start - start))
    if site is None:
        return candidate
    return replace(candidate, location=site.group("site"), latitude=None, longitude=None,
                   place_note=f"the building the sentence names: “{site.group('site')}”")  # fmt: skip


# "Andrews Primary School with 183 evacuees, Saioni Church with 33 evacuees": a list of the
# centres people shelter in, each with its count.
_NAMED_SITE_WITH = re.compile(
    rf"(?P<site>{_NAME_BEFORE}(?:{_BUILDING_WORDS}|Gym|Office|Cent(?:re|er)|Chapel|Parish))"
    r"\s+with\s+$"
)
_CENTRE_NOTE = "the centre the sentence names: "
_FAMILIES_WITH = re.compile(r"\s+(?:families|households|HHs)\s+with\s+")
_SHELTERED_AFTER = re.compile(r"\s+(?:evacuees|displaced\s+(?:people|persons)|IDPs)\b")


def _counts_with(
    found: list[Candidate], raw: str, start: int, text: str, out: list[Candidate]
) -> list[Candidate]:
    """A sentence's candidates where "with" joins a count to what holds it: evacuees after their
    named centre, hosted there (in the country of the count before, where the centre has none:
    "… 312 individuals in the Western Division. They are Andrews Primary School with 183
    evacuees, …"), and people after their families, counted twice under the verb after them both
    ("132 families with 426 individuals have taken refuge in …")."""
    found = [_a_named_site_with(c, raw, start) for c in found]
    for i in range(len(found) - 1):
        a, b = found[i], found[i + 1]
        if (
            a.unit == "households"
            and b.unit == "people"
            and _FAMILIES_WITH.fullmatch(text, a.end, b.start)
        ):
            found[i] = replace(_placed_as(a, b, b.place_note), term=b.term, measure=b.measure,
                               period_start=b.period_start, period_end=b.period_end)  # fmt: skip
    if out and out[-1].country_iso3 is not None:
        found = [replace(c, country_iso3=out[-1].country_iso3)
                 if c.country_iso3 is None and c.place_note
                 and c.place_note.startswith(_CENTRE_NOTE) else c
                 for c in found]  # fmt: skip
    return found


def _a_named_site_with(candidate: Candidate, raw: str, start: int) -> Candidate:
    """A count of evacuees after a named centre and "with" hosted there."""
    at = candidate.start - start
    if not raw.endswith(" with ", 0, at) or not _SHELTERED_AFTER.match(raw, candidate.end - start):
        return candidate
    site = _NAMED_SITE_WITH.search(raw, max(0, at - 80), at)
    if site is None:
        return candidate
    return replace(candidate, term="hosted", measure="stock", location=site.group("site"),
                   latitude=None, longitude=None,
                   place_note=f"{_CENTRE_NOTE}“{site.group('site')}”")  # fmt: skip


def _placed_as(candidate: Candidate, other: Candidate, note: str) -> Candidate:
    """The candidate with the other's place (its location, country and point), and a note that
    says where the place came from."""
    return replace(
        candidate, location=other.location, country_iso3=other.country_iso3,
        latitude=other.latitude, longitude=other.longitude, place_note=note,
    )  # fmt: skip


_A_PAGE = 3_000  # characters

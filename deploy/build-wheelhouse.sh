#!/bin/sh
# Build a wheelhouse: every pinned dependency (requirements.lock) and zwgk itself as wheels, for a
# machine without internet:  pip install --no-index --find-links wheelhouse -r requirements.lock zwgk
# Run on a machine with internet and the same OS family and Python (3.11, x86_64 Linux).
#   sh deploy/build-wheelhouse.sh [OUTDIR]      (default: wheelhouse/)
set -eu
cd "$(dirname "$0")/.."
OUT="${1:-wheelhouse}"
PY="${PYTHON:-python3.11}"
mkdir -p "$OUT"
# pip wheel takes a published wheel where there is one and builds the rest (pure-Python sdists).
"$PY" -m pip wheel --disable-pip-version-check --no-deps -r requirements.lock -w "$OUT"
"$PY" -m pip wheel --disable-pip-version-check --no-deps . -w "$OUT"
cp requirements.lock "$OUT/"
# Check that the wheelhouse installs on its own, with no index, into a throwaway venv.
TMP="$(mktemp -d)"
"$PY" -m venv "$TMP/venv"
"$TMP/venv/bin/pip" install --quiet --no-index --find-links "$OUT" -r "$OUT/requirements.lock" zwgk
"$TMP/venv/bin/python" -c "import django, axes, openpyxl, docx, zwgk.scoring"
# ... and that the installed package runs on its own: database, demo round (seed scheme shipped inside), a score.
ZWGK_VAR_DIR="$TMP/var" "$TMP/venv/bin/python" -m zwgk.web migrate --noinput -v0
ZWGK_VAR_DIR="$TMP/var" "$TMP/venv/bin/python" -m zwgk.web demo >/dev/null
(cd "$TMP" && "$TMP/venv/bin/zwgk" scheme check "$TMP/venv/lib/python3.11/site-packages/zwgk/schemes/"*.yaml >/dev/null)
rm -rf "$TMP"
echo "wheelhouse: $OUT ($(ls "$OUT" | wc -l) files) installs with --no-index"

#!/usr/bin/env bash
# The CLI contract of the network directory (issue 6, docs/directory.md):
# `begleitbuch directory import STORE FILE` prints what was added, changed and
# removed, and exits non-zero with the store byte-for-byte unchanged on an
# invalid file; `begleitbuch directory export STORE FILE` writes a file that
# imports again without changes; `directory demo` is deterministic; the
# passphrase comes from --passphrase-file or stdin, never from argv.
#
# Usage: tests/interop/directory_cli.sh PATH/TO/begleitbuch
# Prints "ok - ..." / "not ok - ..." per case and "N passed, M failed" at the
# end; exits 1 if any case failed.
set -u

BB=${1:?usage: $0 PATH/TO/begleitbuch}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
EXAMPLE="$ROOT/docs/examples/directory.json"
for tool in "$BB" python3 sha256sum; do
  command -v "$tool" >/dev/null 2>&1 || { echo "missing tool: $tool" >&2; exit 2; }
done

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
passed=0
failed=0

check() {
  local desc=$1
  shift
  if "$@" >"$work/log" 2>&1; then
    echo "ok - $desc"
    passed=$((passed + 1))
  else
    echo "not ok - $desc"
    sed 's/^/#   /' "$work/log"
    failed=$((failed + 1))
  fi
}

PASS="Hauskatze Mondschein Zugvogel"
printf '%s\n' "$PASS" >"$work/pass"
S="$work/s.db"

# [SECTION] Cases

check "a new store" "$BB" init "$S" --passphrase-file "$work/pass"

first_import() {
  "$BB" directory import "$S" "$EXAMPLE" --passphrase-file "$work/pass" >"$work/out1" &&
    grep -q "^added partner ja-lindenau" "$work/out1" &&
    grep -q "^added offer fz-nord-elterncafe" "$work/out1" &&
    grep -q "^added fachkraft ief-horvath" "$work/out1" &&
    grep -q "^partners: 6 added, 0 changed, 0 removed, 0 conflicts" "$work/out1" &&
    grep -q "^offers: 7 added" "$work/out1"
}
check "import of the example prints every added partner, offer and Fachkraft" first_import

passphrase_from_stdin() {
  printf '%s\n' "$PASS" | "$BB" directory import "$S" "$EXAMPLE" >"$work/out2" &&
    grep -q "^unchanged: 15; stand 2026-09-15 -> 2026-09-15" "$work/out2"
}
check "the same file again (passphrase on stdin) changes nothing" passphrase_from_stdin

update_import() {
  python3 - "$EXAMPLE" "$work/update.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
d["stand"] = "2026-12-01"
d["partners"][2]["phone"] = "01234 999999"          # hebammen-wiesengrund: changed
del d["partners"][4]                                  # schuldner-lindenau: removed (with its offer)
d["partners"].append({"id": "neu-kita", "name": "Kita Sonnenhain", "type": "kita"})
json.dump(d, open(sys.argv[2], "w", encoding="utf-8"), ensure_ascii=False, indent=1)
PY
  "$BB" directory import "$S" "$work/update.json" --passphrase-file "$work/pass" >"$work/out3" &&
    grep -q "^changed partner hebammen-wiesengrund.*(phone)" "$work/out3" &&
    grep -q "^removed partner schuldner-lindenau" "$work/out3" &&
    grep -q "^removed offer schuldner-familien" "$work/out3" &&
    grep -q "^added partner neu-kita" "$work/out3" &&
    grep -q "^partners: 1 added, 1 changed, 1 removed, 0 conflicts" "$work/out3"
}
check "an update prints added, changed (with the field) and removed entries" update_import

invalid_file() {
  before=$(sha256sum <"$S")
  sed 's/"type": "kita"/"type": "raumstation"/' "$work/update.json" >"$work/bad.json"
  ! "$BB" directory import "$S" "$work/bad.json" --passphrase-file "$work/pass" 2>"$work/err" &&
    grep -q "begleitbuch: error: invalid directory file" "$work/err" &&
    grep -q 'begleitbuch: hint: Im Netzwerkverzeichnis ist eine Angabe ungültig: partners\[5\] "neu-kita" / type' "$work/err" &&
    [ "$(sha256sum <"$S")" = "$before" ]
}
check "an invalid file: non-zero exit, the field named, the store byte-for-byte unchanged" invalid_file

broken_files() {
  before=$(sha256sum <"$S")
  head -c 3000 "$EXAMPLE" >"$work/cut.json"
  printf '{"format":"begleitbuch-directory","version":9}' >"$work/newer.json"
  printf '\xff\xfe{}' >"$work/utf16.json"
  for f in cut newer utf16; do
    "$BB" directory import "$S" "$work/$f.json" --passphrase-file "$work/pass" 2>>"$work/err2" && return 1
  done
  grep -q "neuere Version von Begleitbuch" "$work/err2" &&
    [ "$(sha256sum <"$S")" = "$before" ]
}
check "a truncated, a newer and a non-UTF-8 file are refused, store unchanged" broken_files

older_refused() {
  before=$(sha256sum <"$S")
  ! "$BB" directory import "$S" "$EXAMPLE" --passphrase-file "$work/pass" 2>"$work/err3" &&
    grep -q "älter als das bereits eingelesene" "$work/err3" &&
    [ "$(sha256sum <"$S")" = "$before" ]
}
check "a file with an older Stand is refused, store unchanged" older_refused

wrong_passphrase() {
  before=$(sha256sum <"$S")
  printf 'falsche Passphrase hier\n' >"$work/wrong"
  ! "$BB" directory import "$S" "$work/update.json" --passphrase-file "$work/wrong" 2>"$work/err4" &&
    grep -q "wrong passphrase" "$work/err4" &&
    [ "$(sha256sum <"$S")" = "$before" ]
}
check "a wrong passphrase: refused, store unchanged" wrong_passphrase

export_roundtrip() {
  "$BB" directory export "$S" "$work/export.json" --passphrase-file "$work/pass" >"$work/out5" &&
    grep -q '"format": "begleitbuch-directory"' "$work/export.json" &&
    grep -q '"stand": "2026-12-01"' "$work/export.json" &&
    ! grep -q "schuldner-lindenau" "$work/export.json" &&
    "$BB" init "$work/t.db" --passphrase-file "$work/pass" >/dev/null &&
    "$BB" directory import "$work/t.db" "$work/export.json" --passphrase-file "$work/pass" >/dev/null &&
    "$BB" directory export "$work/t.db" "$work/export2.json" --passphrase-file "$work/pass" >/dev/null &&
    cmp -s "$work/export.json" "$work/export2.json" &&
    "$BB" directory import "$S" "$work/export.json" --passphrase-file "$work/pass" | grep -q "^unchanged: 14;"
}
check "export writes the directory; importing it elsewhere and exporting again gives the same bytes" export_roundtrip

export_no_overwrite() {
  before=$(sha256sum <"$work/export.json")
  ! "$BB" directory export "$S" "$work/export.json" --passphrase-file "$work/pass" 2>/dev/null &&
    [ "$(sha256sum <"$work/export.json")" = "$before" ]
}
check "export never overwrites an existing file" export_no_overwrite

search_folding() {
  a=$("$BB" directory search "$S" "Krabbelgruppe" --passphrase-file "$work/pass" 2>/dev/null) &&
    b=$("$BB" directory search "$S" "KRÄBBELGRUPPE" --passphrase-file "$work/pass" 2>/dev/null) &&
    c=$("$BB" directory search "$S" --need schlafen --place birkenfeld --passphrase-file "$work/pass" 2>/dev/null) &&
    [ -n "$a" ] && [ "$a" = "$b" ] && echo "$c" | grep -q "Babysprechstunde"
}
check "offer search folds case and umlauts and filters by need and place" search_folding

demo_deterministic() {
  "$BB" directory demo "$work/d1.json" --partners 50 --offers 200 --seed 5 >/dev/null &&
    "$BB" directory demo "$work/d2.json" --partners 50 --offers 200 --seed 5 >/dev/null &&
    "$BB" directory demo "$work/d3.json" --partners 50 --offers 200 --seed 6 >/dev/null &&
    cmp -s "$work/d1.json" "$work/d2.json" && ! cmp -s "$work/d1.json" "$work/d3.json" &&
    "$BB" init "$work/u.db" --passphrase-file "$work/pass" >/dev/null &&
    "$BB" directory import "$work/u.db" "$work/d1.json" --passphrase-file "$work/pass" |
    grep -q "^offers: 200 added"
}
check "directory demo is deterministic from its seed and imports" demo_deterministic

no_passphrase_in_argv() {
  ! "$BB" directory import "$S" "$work/update.json" --passphrase "$PASS" </dev/null >/dev/null 2>&1
}
check "there is no --passphrase option (never argv)" no_passphrase_in_argv

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]

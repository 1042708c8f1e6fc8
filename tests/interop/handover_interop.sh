#!/usr/bin/env bash
# Interop of `begleitbuch handover` / `receive` with the reference age CLI:
# a handover file opens with `age -d -i` (and, made to a passphrase, with
# `age -d`), its plaintext is the JSON document (docs/handover.md); a file
# that `age -e` encrypted from a valid document is received; receiving twice
# changes nothing; a tampered file is refused with one error line and the
# store unchanged.
#
# Usage: tests/interop/handover_interop.sh PATH/TO/begleitbuch
# Prints "ok - ..." / "not ok - ..." per case and "N passed, M failed" at the
# end; exits 1 if any case failed.
set -u

BB=${1:?usage: $0 PATH/TO/begleitbuch}
AGE=${AGE:-age}
AGE_KEYGEN=${AGE_KEYGEN:-age-keygen}
for tool in "$BB" "$AGE" "$AGE_KEYGEN" python3 sha256sum; do
  command -v "$tool" >/dev/null 2>&1 || { echo "missing tool: $tool" >&2; exit 2; }
done

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
passed=0
failed=0

# age reads passphrases only from a terminal: run it under a pseudo-terminal.
cat >"$work/tty_run.py" <<'PY'
import os, pty, sys, select, time
passphrase = os.environ["TTY_PASSPHRASE"].encode() + b"\n"
pid, fd = pty.fork()
if pid == 0:
    os.execvp(sys.argv[1], sys.argv[1:])
seen = b""
deadline = time.time() + 120
status = None
while True:
    if time.time() > deadline:
        os.kill(pid, 9)
        sys.exit(124)
    r, _, _ = select.select([fd], [], [], 0.1)
    if fd in r:
        try:
            data = os.read(fd, 4096)
        except OSError:
            data = b""
        if not data:
            break
        seen += data
        while b"passphrase" in seen and b":" in seen.split(b"passphrase", 1)[1]:
            os.write(fd, passphrase)
            seen = seen.split(b"passphrase", 1)[1].split(b":", 1)[1]
    done, st = os.waitpid(pid, os.WNOHANG)
    if done:
        status = st
        break
if status is None:
    _, status = os.waitpid(pid, 0)
sys.exit(os.waitstatus_to_exitcode(status))
PY

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

STORE_PASS="Hauskatze Mondschein Zugvogel"
FILE_PASS="Übergabe Leuchtturm Apfelbaum"
printf '%s\n' "$STORE_PASS" >"$work/store.pass"
printf '%s\n' "$FILE_PASS" >"$work/file.pass"
"$AGE_KEYGEN" -o "$work/jugendamt.key" 2>/dev/null
JUGENDAMT=$(grep -o 'age1[a-z0-9]*' "$work/jugendamt.key" | head -1)
S=(--store-passphrase-file "$work/store.pass")

sender_store() {
  "$BB" init "$work/s.db" --passphrase-file "$work/store.pass" &&
    "$BB" demo "$work/s.db" --families 1 --seed 7 --contacts-per-family 3 --passphrase-file "$work/store.pass" &&
    "$BB" handover-consent "$work/s.db" --family 1 --sections stammdaten,kontakte "${S[@]}"
}
check "a store with one fictional family and a consent to hand over Stammdaten and Kontakte" sender_store

handover_key() {
  "$BB" handover "$work/s.db" --family 1 -r "$JUGENDAMT" -o "$work/h.age" "${S[@]}"
}
check "begleitbuch handover to the Jugendamt's age key" handover_key

age_reads_it() {
  "$AGE" -d -i "$work/jugendamt.key" -o "$work/doc.json" "$work/h.age" &&
    python3 - "$work/doc.json" <<'PYCHECK'
import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
assert d["format"] == "begleitbuch-handover" and d["version"] == 1, d.get("format")
assert [s["category"] for s in d["sections"]] == ["stammdaten", "kontakte"], d["sections"]
assert any(l["category"] == "kinderschutz" and l["reason"] for l in d["left_out"])
assert "Übergabe an die Kinder- und Jugendhilfe" in d["report"]
PYCHECK
}
check "age -d -i opens it; the JSON holds only the consented sections and says why the rest is left out" age_reads_it

receiver_store() {
  "$BB" init "$work/r.db" --passphrase-file "$work/store.pass" &&
    "$BB" init "$work/r2.db" --passphrase-file "$work/store.pass"
}
check "two empty receiving stores" receiver_store

receive_once() {
  "$BB" receive "$work/r.db" "$work/h.age" -i "$work/jugendamt.key" "${S[@]}" | grep -q '^imported: received case 1'
}
check "begleitbuch receive imports the handover" receive_once

receive_twice() {
  before=$(sha256sum <"$work/r.db") &&
    "$BB" receive "$work/r.db" "$work/h.age" -i "$work/jugendamt.key" "${S[@]}" | grep -q '^already received' &&
    [ "$(sha256sum <"$work/r.db")" = "$before" ]
}
check "receiving the same file again changes nothing (store hash equal)" receive_twice

receive_age_made() {
  "$AGE" -e -r "$JUGENDAMT" -o "$work/by_age.age" "$work/doc.json" &&
    "$BB" receive "$work/r2.db" "$work/by_age.age" -i "$work/jugendamt.key" "${S[@]}" | grep -q '^imported'
}
check "a file that age -e made from a valid document is received" receive_age_made

handover_passphrase() {
  "$BB" handover "$work/s.db" --family 1 --passphrase-file "$work/file.pass" --work-factor 12 -o "$work/p.age" \
    "${S[@]}" &&
    TTY_PASSPHRASE="$FILE_PASS" python3 "$work/tty_run.py" "$AGE" -d -o "$work/p.json" "$work/p.age" &&
    grep -q '"format": "begleitbuch-handover"' "$work/p.json"
}
check "a handover to a passphrase opens with age -d and the passphrase" handover_passphrase

tampered() {
  python3 -c 'import sys; b = bytearray(open(sys.argv[1], "rb").read()); b[-20] ^= 1; open(sys.argv[2], "wb").write(b)' \
    "$work/h.age" "$work/bad.age" &&
    before=$(sha256sum <"$work/r2.db") &&
    ! "$BB" receive "$work/r2.db" "$work/bad.age" -i "$work/jugendamt.key" "${S[@]}" >/dev/null 2>"$work/err" &&
    grep -q '^begleitbuch: error:' "$work/err" && grep -q 'Begleitbuch bleibt unverändert' "$work/err" &&
    [ "$(sha256sum <"$work/r2.db")" = "$before" ]
}
check "a tampered file is refused with a clear error and the store unchanged" tampered

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]

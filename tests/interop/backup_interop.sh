#!/usr/bin/env bash
# Interop of `begleitbuch backup` with the reference age CLI (/usr/bin/age):
# a backup opens with `age -d` via the passphrase path, and its recovery file
# via `age -d -i` with an age-keygen key; the plaintext is the JSON header line
# and an SQLite image; the restore of a backup works and a damaged one is
# refused with the target unchanged.
#
# age reads passphrases only from the terminal, so that case runs age under a
# pseudo-terminal (python3's pty module), as tests/interop/age_interop.sh does.
#
# Usage: tests/interop/backup_interop.sh PATH/TO/begleitbuch
# Prints "ok - ..." / "not ok - ..." per case and "N passed, M failed" at the
# end; exits 1 if any case failed.
set -u

BB=${1:?usage: $0 PATH/TO/begleitbuch}
AGE=${AGE:-age}
AGE_KEYGEN=${AGE_KEYGEN:-age-keygen}
for tool in "$BB" "$AGE" "$AGE_KEYGEN" python3 cmp; do
  command -v "$tool" >/dev/null 2>&1 || { echo "missing tool: $tool" >&2; exit 2; }
done

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
passed=0
failed=0

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
BACKUP_PASS="Sicherung Leuchtturm Apfelbaum"
printf '%s\n' "$STORE_PASS" >"$work/store.pass"
printf '%s\n' "$BACKUP_PASS" >"$work/backup.pass"
"$AGE_KEYGEN" -o "$work/leitung.key" 2>/dev/null
LEITUNG=$(grep -o 'age1[a-z0-9]*' "$work/leitung.key" | head -1)

# [SECTION] Cases

setup_store() {
  "$BB" init "$work/s.db" --passphrase-file "$work/store.pass" &&
    "$BB" keys create "$work/s.db" --label "Jugendamt Interop" --passphrase-file "$work/store.pass"
}
check "a store with a receiving key" setup_store

backup() {
  "$BB" backup "$work/s.db" -o "$work/b.age" --passphrase-file "$work/store.pass" \
    --backup-passphrase-file "$work/backup.pass" -r "$LEITUNG" --work-factor 12
}
check "begleitbuch backup with passphrase and recovery key" backup

age_passphrase() {
  TTY_PASSPHRASE="$BACKUP_PASS" python3 "$work/tty_run.py" "$AGE" -d -o "$work/plain1" "$work/b.age" &&
    head -1 "$work/plain1" | grep -q '"format":"begleitbuch-backup","version":1'
}
check "age -d opens the backup with the passphrase" age_passphrase

age_recovery() {
  "$AGE" -d -i "$work/leitung.key" -o "$work/plain2" "$work/b.age.recovery.age" &&
    head -1 "$work/plain2" | grep -q '"format":"begleitbuch-backup"'
}
check "age -d -i opens the recovery file with the Fachliche Leitung's key" age_recovery

image_is_sqlite() {
  tail -n +2 "$work/plain1" >"$work/image.sqlite" &&
    [ "$(head -c 15 "$work/image.sqlite")" = "SQLite format 3" ] &&
    size=$(head -1 "$work/plain1" | grep -o '"image_bytes":[0-9]*' | cut -d: -f2) &&
    [ "$(stat -c %s "$work/image.sqlite")" = "$size" ] &&
    tail -n +2 "$work/plain2" | cmp -s - "$work/image.sqlite"
}
check "after the header line both files hold the same SQLite image of image_bytes" image_is_sqlite

restore_from_age_written() {
  # A backup file that age itself encrypted (from the plaintext) restores too.
  "$AGE" -e -r "$LEITUNG" -o "$work/by_age.age" "$work/plain1" &&
    "$BB" restore "$work/r1.db" "$work/by_age.age" -i "$work/leitung.key" --passphrase-file "$work/store.pass" &&
    "$BB" keys list "$work/r1.db" --passphrase-file "$work/store.pass" | grep -q "Jugendamt Interop"
}
check "a backup age encrypted restores with begleitbuch restore -i" restore_from_age_written

restore_passphrase() {
  "$BB" restore "$work/r2.db" "$work/b.age" --backup-passphrase-file "$work/backup.pass" \
    --passphrase-file "$work/store.pass" &&
    "$BB" check "$work/r2.db" --passphrase-file "$work/store.pass"
}
check "begleitbuch restore with the backup passphrase" restore_passphrase

refuse_existing() {
  before=$(sha256sum <"$work/r2.db")
  ! "$BB" restore "$work/r2.db" "$work/b.age" --backup-passphrase-file "$work/backup.pass" \
    --passphrase-file "$work/store.pass" 2>"$work/err" &&
    [ "$(wc -l <"$work/err")" -ge 1 ] && grep -q "begleitbuch: error:" "$work/err" &&
    [ "$(sha256sum <"$work/r2.db")" = "$before" ]
}
check "restore onto an existing store without --replace is refused, store unchanged" refuse_existing

refuse_tampered() {
  cp "$work/b.age" "$work/bad.age" &&
    size=$(stat -c %s "$work/bad.age") &&
    printf '\x55' | dd of="$work/bad.age" bs=1 seek=$((size / 2)) conv=notrunc 2>/dev/null &&
    before=$(sha256sum <"$work/r2.db") &&
    ! "$BB" restore "$work/r2.db" "$work/bad.age" --backup-passphrase-file "$work/backup.pass" \
      --passphrase-file "$work/store.pass" --replace 2>/dev/null &&
    [ "$(sha256sum <"$work/r2.db")" = "$before" ]
}
check "a tampered backup is refused with --replace, store unchanged" refuse_tampered

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]

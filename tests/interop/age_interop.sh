#!/usr/bin/env bash
# Interop of `begleitbuch age` with the reference age CLI (age 1.1.1, /usr/bin/age),
# in both directions: files Begleitbuch writes open with `age -d`, and files
# `age -e` writes open with `begleitbuch age decrypt`. X25519 keys (from both
# age-keygen and `begleitbuch age keygen`), passphrases, binary and armored,
# empty, one-chunk, 64 KiB, 64 KiB + 1 and multi-chunk inputs, several recipients,
# plus a few files that must be refused.
#
# age reads passphrases only from the terminal (/dev/tty), so passphrase cases
# run age under a pseudo-terminal (python3's pty module) that answers its prompts.
#
# Usage: tests/interop/age_interop.sh PATH/TO/begleitbuch
# Prints "ok - ..." / "not ok - ..." per case and "N passed, M failed" at the end;
# exits 1 if any case failed.
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

# [SECTION] Helpers

# Runs "$@" under a pseudo-terminal and types $TTY_PASSPHRASE at each passphrase prompt.
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
        sys.stderr.write("tty_run: timeout\n")
        sys.exit(124)
    r, _, _ = select.select([fd], [], [], 0.1)
    if fd in r:
        try:
            data = os.read(fd, 4096)
        except OSError:
            data = b""
        if not data:
            break
        sys.stderr.buffer.write(data)
        seen += data
        # Answer each prompt once: "Enter passphrase...:" and "Confirm passphrase:".
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

# check DESCRIPTION COMMAND...: one "ok"/"not ok" line; the log of a failure follows as comments.
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

# check_fails DESCRIPTION COMMAND...: the command must exit non-zero.
check_fails() {
  local desc=$1
  shift
  if "$@" >"$work/log" 2>&1; then
    echo "not ok - $desc (succeeded, should fail)"
    failed=$((failed + 1))
  else
    echo "ok - $desc"
    passed=$((passed + 1))
  fi
}

age_tty() { TTY_PASSPHRASE=$PASSPHRASE python3 "$work/tty_run.py" "$@"; }

# same INPUT: $work/out holds the bytes of $work/INPUT. age creates its -o file only
# on the first write, so an empty plaintext leaves no file: that counts as empty.
same() {
  [ -e "$work/out" ] || : >"$work/out"
  cmp "$work/$1" "$work/out"
}

# [SECTION] Inputs and keys

head -c 0 /dev/null >"$work/empty"
printf 'Familie M., Hausbesuch am 3. März: alles gut.\n' >"$work/small"
head -c 65536 /dev/urandom >"$work/64k"
head -c 65537 /dev/urandom >"$work/64k+1"
head -c $((3 * 1024 * 1024 + 123)) /dev/urandom >"$work/multi"
inputs="empty small 64k 64k+1 multi"

PASSPHRASE='Kinderschutz ist Teamarbeit 2025!'
printf '%s\n' "$PASSPHRASE" >"$work/pass.txt"
printf 'not the passphrase\n' >"$work/wrong.txt"

"$AGE_KEYGEN" -o "$work/age-key.txt" 2>/dev/null
"$BB" age keygen -o "$work/bb-key.txt" 2>/dev/null
"$AGE_KEYGEN" -o "$work/other-key.txt" 2>/dev/null
age_pub=$("$AGE_KEYGEN" -y "$work/age-key.txt")
bb_pub=$(sed -n 's/^# public key: //p' "$work/bb-key.txt")
other_pub=$("$AGE_KEYGEN" -y "$work/other-key.txt")

check "age-keygen -y derives the public key written by begleitbuch age keygen" \
  test "$("$AGE_KEYGEN" -y "$work/bb-key.txt")" = "$bb_pub"

# [SECTION] begleitbuch encrypts, age decrypts

bb_to_age_x25519() {  # INPUT ARMOR KEYFILE PUB
  rm -f "$work/out" &&
  "$BB" age encrypt $2 -r "$4" -o "$work/f.age" "$work/$1" &&
    "$AGE" -d -i "$3" -o "$work/out" "$work/f.age" && same "$1"
}
for in in $inputs; do
  check "begleitbuch -> age: X25519, binary, $in" bb_to_age_x25519 "$in" "" "$work/age-key.txt" "$age_pub"
  check "begleitbuch -> age: X25519, armored, $in" bb_to_age_x25519 "$in" -a "$work/age-key.txt" "$age_pub"
done
check "begleitbuch -> age: key made by begleitbuch age keygen" \
  bb_to_age_x25519 small "" "$work/bb-key.txt" "$bb_pub"

bb_to_age_multi() {
  rm -f "$work/out" &&
  "$BB" age encrypt -r "$other_pub" -r "$bb_pub" -r "$age_pub" -o "$work/f.age" "$work/64k+1" &&
    "$AGE" -d -i "$work/age-key.txt" -o "$work/out" "$work/f.age" && same 64k+1 &&
    "$AGE" -d -i "$work/other-key.txt" -o "$work/out" "$work/f.age" && same 64k+1
}
check "begleitbuch -> age: three recipients, each key opens it" bb_to_age_multi

bb_to_age_pass() {  # INPUT ARMOR
  rm -f "$work/out" &&
  "$BB" age encrypt $2 -p --passphrase-file "$work/pass.txt" -o "$work/f.age" "$work/$1" &&
    age_tty "$AGE" -d -o "$work/out" "$work/f.age" && same "$1"
}
for in in empty 64k+1 multi; do
  check "begleitbuch -> age: passphrase, binary, $in" bb_to_age_pass "$in" ""
done
check "begleitbuch -> age: passphrase, armored, small" bb_to_age_pass small -a

check_fails "begleitbuch -> age: a file for another key does not open" \
  bash -c "'$BB' age encrypt -r '$other_pub' -o '$work/f.age' '$work/small' && '$AGE' -d -i '$work/age-key.txt' '$work/f.age'"

# [SECTION] age encrypts, begleitbuch decrypts

age_to_bb_x25519() {  # INPUT ARMOR KEYFILE PUB
  rm -f "$work/out" &&
  "$AGE" -e $2 -r "$4" -o "$work/f.age" "$work/$1" &&
    "$BB" age decrypt -i "$3" -o "$work/out" "$work/f.age" && same "$1"
}
for in in $inputs; do
  check "age -> begleitbuch: X25519, binary, $in" age_to_bb_x25519 "$in" "" "$work/bb-key.txt" "$bb_pub"
  check "age -> begleitbuch: X25519, armored, $in" age_to_bb_x25519 "$in" -a "$work/bb-key.txt" "$bb_pub"
done
check "age -> begleitbuch: key made by age-keygen" age_to_bb_x25519 small "" "$work/age-key.txt" "$age_pub"

age_to_bb_multi() {
  rm -f "$work/out" &&
  "$AGE" -e -r "$other_pub" -r "$age_pub" -r "$bb_pub" -o "$work/f.age" "$work/multi" &&
    "$BB" age decrypt -i "$work/bb-key.txt" -o "$work/out" "$work/f.age" && same multi &&
    "$BB" age decrypt -i "$work/other-key.txt" -o "$work/out" "$work/f.age" && same multi
}
check "age -> begleitbuch: three recipients, each key opens it" age_to_bb_multi

age_to_bb_two_keyfiles() {
  rm -f "$work/out" &&
  "$AGE" -e -a -r "$age_pub" -o "$work/f.age" "$work/small" &&
    "$BB" age decrypt -i "$work/other-key.txt" -i "$work/age-key.txt" -o "$work/out" "$work/f.age" &&
    same small
}
check "age -> begleitbuch: the second of two identity files matches" age_to_bb_two_keyfiles

age_to_bb_stdin() {
  rm -f "$work/out" &&
  "$AGE" -e -r "$bb_pub" "$work/64k" | "$BB" age decrypt -i "$work/bb-key.txt" >"$work/out" &&
    same 64k
}
check "age -> begleitbuch: through stdin and stdout" age_to_bb_stdin

age_to_bb_pass() {  # INPUT ARMOR
  rm -f "$work/out" &&
  age_tty "$AGE" -e $2 -p -o "$work/f.age" "$work/$1" &&
    "$BB" age decrypt --passphrase-file "$work/pass.txt" -o "$work/out" "$work/f.age" && same "$1"
}
for in in empty 64k+1 multi; do
  check "age -> begleitbuch: passphrase, binary, $in" age_to_bb_pass "$in" ""
done
check "age -> begleitbuch: passphrase, armored, small" age_to_bb_pass small -a

# [SECTION] Files that must be refused

"$AGE" -e -r "$bb_pub" -o "$work/good.age" "$work/multi"
rm -f "$work/out"
check_fails "age -> begleitbuch: a truncated file fails" \
  bash -c "head -c -100 '$work/good.age' | '$BB' age decrypt -i '$work/bb-key.txt' -o '$work/out'"
check "age -> begleitbuch: no output file is left behind after a failure" test ! -e "$work/out"
check_fails "age -> begleitbuch: a file with one flipped payload byte fails" \
  python3 -c "
import subprocess, sys
b = bytearray(open('$work/good.age', 'rb').read()); b[len(b) // 2] ^= 1
sys.exit(subprocess.run(['$BB', 'age', 'decrypt', '-i', '$work/bb-key.txt', '-o', '/dev/null'], input=bytes(b)).returncode)"
check_fails "age -> begleitbuch: the wrong key fails" \
  "$BB" age decrypt -i "$work/other-key.txt" -o "$work/out2" "$work/good.age"
age_tty "$AGE" -e -p -o "$work/pass.age" "$work/small" >/dev/null 2>&1
check_fails "age -> begleitbuch: the wrong passphrase fails" \
  "$BB" age decrypt --passphrase-file "$work/wrong.txt" -o "$work/out2" "$work/pass.age"

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ] || exit 1

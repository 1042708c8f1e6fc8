#!/usr/bin/env bash
# Builds the third-party static libraries for one target (native | wasm) into
# $BB_DEPS/<target>/<key>/, where <key> hashes the sources, the flags and the
# compiler version: an unchanged second run builds nothing. Prints the folder.
set -euo pipefail
source "$(dirname "$0")/common.sh"

target=${1:?usage: build-deps.sh native|wasm}
BUILD_DEPS_REVISION=3   # bump when this script changes what it produces

IMGUI_SRC="$BB_SOURCES/imgui-$IMGUI_VERSION"
SODIUM_SRC="$BB_SOURCES/libsodium-$SODIUM_VERSION"
SQLITE_SRC="$BB_SOURCES/sqlite3mc-$SQLITE3MC_VERSION"

# SQLite: FTS5 for search; batch-atomic writes for the IndexedDB VFS; temp files
# only in memory (never plaintext on disk); secure delete so deleted records are
# overwritten inside the (encrypted) file.
SQLITE_DEFS="-DSQLITE_DQS=0 -DSQLITE_DEFAULT_FOREIGN_KEYS=1 -DSQLITE_DEFAULT_MEMSTATUS=0
 -DSQLITE_ENABLE_FTS5 -DSQLITE_ENABLE_BATCH_ATOMIC_WRITE -DSQLITE_OMIT_LOAD_EXTENSION
 -DSQLITE_OMIT_DEPRECATED -DSQLITE_OMIT_SHARED_CACHE -DSQLITE_TEMP_STORE=3
 -DSQLITE_SECURE_DELETE -DSQLITE_LIKE_DOESNT_MATCH_BLOBS -DSQLITE_ENABLE_MATH_FUNCTIONS
 -DSQLITE_USE_URI=1 -DSQLITE_OMIT_DECLTYPE -DSQLITE_OMIT_PROGRESS_CALLBACK -DSQLITE_MAX_EXPR_DEPTH=0"
# The store uses AEGIS only (docs/store.md): the other ciphers of SQLite3MC would be
# dead weight in the download.
SQLITE_DEFS="$SQLITE_DEFS -DCODEC_TYPE=CODEC_TYPE_AEGIS -DHAVE_CIPHER_AES_128_CBC=0
 -DHAVE_CIPHER_AES_256_CBC=0 -DHAVE_CIPHER_CHACHA20=0 -DHAVE_CIPHER_SQLCIPHER=0
 -DHAVE_CIPHER_RC4=0 -DHAVE_CIPHER_ASCON128=0"
IMGUI_DEFS="-DIMGUI_DISABLE_OBSOLETE_FUNCTIONS -DIMGUI_DISABLE_OBSOLETE_KEYIO"

case "$target" in
  native)
    CC=${CC:-gcc}; CXX=${CXX:-g++}; AR=ar
    CFLAGS="-O2 -g -fPIC"; SQLITE_DEFS="$SQLITE_DEFS -DSQLITE_THREADSAFE=1"
    ;;
  wasm)
    CC=emcc; CXX=em++; AR=emar
    # Size first: every byte is downloaded on a tablet (bench/README.md).
    # libsodium keeps -O2: it is the hot path of handover and backup files, and small.
    CFLAGS="-Os"; SODIUM_CFLAGS="-O2"; SQLITE_DEFS="$SQLITE_DEFS -DSQLITE_THREADSAFE=0 -DSQLITE_OMIT_WAL"
    IMGUI_DEFS="$IMGUI_DEFS -DIMGUI_IMPL_OPENGL_ES3"
    ;;
  *) bb_die "unknown target $target" ;;
esac

compiler_id=$($CC --version 2>/dev/null | head -1)
key=$(printf '%s\n' "$BUILD_DEPS_REVISION" "$IMGUI_SHA256" "$SODIUM_SHA256" "$SQLITE3MC_SHA256" \
  "$CFLAGS" "${SODIUM_CFLAGS:-}" "$SQLITE_DEFS" "$IMGUI_DEFS" "$compiler_id" | sha256sum | cut -c1-16)
out="$BB_DEPS/$target/$key"
if [ -f "$out/.complete" ]; then echo "$out"; exit 0; fi

bb_log "building third-party libraries for $target (once; cached in $out)"
rm -rf "$out"; mkdir -p "$out/obj/sqlite" "$out/obj/imgui" "$out/obj/sodium" "$out/include/imgui" "$out/include/sqlite"
jobs=$(bb_nproc)

# SQLite3 Multiple Ciphers (one big file: start it first, it is the slowest).
$CC $CFLAGS $SQLITE_DEFS -w -c "$SQLITE_SRC/sqlite3.c" -o "$out/obj/sqlite/sqlite3.o" &
sqlite_pid=$!

# Dear ImGui core, std::string helpers and (web only) the OpenGL3 renderer.
imgui_files=(imgui.cpp imgui_draw.cpp imgui_tables.cpp imgui_widgets.cpp imgui_demo.cpp misc/cpp/imgui_stdlib.cpp)
[ "$target" = wasm ] && imgui_files+=(backends/imgui_impl_opengl3.cpp)
printf '%s\n' "${imgui_files[@]}" | xargs -P "$jobs" -I{} sh -c \
  'f={}; $0 $1 -std=c++17 $2 -I"$3" -c "$3/$f" -o "$4/$(basename "$f" .cpp).o"' \
  "$CXX" "$CFLAGS" "$IMGUI_DEFS" "$IMGUI_SRC" "$out/obj/imgui"
$AR rcs "$out/libimgui.a" "$out"/obj/imgui/*.o
cp "$IMGUI_SRC"/imgui.h "$IMGUI_SRC"/imconfig.h "$IMGUI_SRC"/imgui_internal.h \
   "$IMGUI_SRC"/imstb_*.h "$IMGUI_SRC"/misc/cpp/imgui_stdlib.h \
   "$IMGUI_SRC"/backends/imgui_impl_opengl3.h "$IMGUI_SRC"/backends/imgui_impl_opengl3_loader.h \
   "$out/include/imgui/"

# libsodium: the wasm build compiles it from source; native uses Debian's.
if [ "$target" = wasm ]; then
  (cd "$SODIUM_SRC/src/libsodium" && find . -name '*.c' | sort) | xargs -P "$jobs" -I{} sh -c \
    'f={}; o="$4/$(echo "$f" | tr / _ | sed "s/^\._//; s/\.c$/.o/")";
     $0 $1 -DCONFIGURED=1 -DSODIUM_STATIC=1 -DNATIVE_LITTLE_ENDIAN=1 -DHAVE_STDINT_H \
        -I"$3/include" -I"$3/include/sodium" -w -c "$3/$f" -o "$o"' \
    "$CC" "$SODIUM_CFLAGS" unused "$SODIUM_SRC/src/libsodium" "$out/obj/sodium"
  $AR rcs "$out/libsodium.a" "$out"/obj/sodium/*.o
  cp -r "$SODIUM_SRC/src/libsodium/include/sodium.h" "$SODIUM_SRC/src/libsodium/include/sodium" "$out/include/"
fi

wait $sqlite_pid
$AR rcs "$out/libsqlite3mc.a" "$out/obj/sqlite/sqlite3.o"
cp "$SQLITE_SRC/sqlite3.h" "$SQLITE_SRC/sqlite3ext.h" "$out/include/sqlite/"
rm -rf "$out/obj"
echo "$SQLITE_DEFS" >"$out/sqlite-defines.txt"
touch "$out/.complete"
echo "$out"

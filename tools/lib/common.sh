# Shared by the tools/ scripts: paths, pinned versions and small helpers.
# Sourced, never run. Everything downloaded or built from third-party sources
# lives in $BB_CACHE, outside the clone, so a fresh clone on the same machine
# reuses it and a new machine rebuilds it from nothing.

BB_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
BB_CACHE="${XDG_CACHE_HOME:-$HOME/.cache}/begleitbuch"
BB_DOWNLOADS="$BB_CACHE/downloads"
BB_SOURCES="$BB_CACHE/src"
BB_DEPS="$BB_CACHE/deps"

# Pinned third-party sources (name version file sha256).
IMGUI_VERSION="1.90.1"
IMGUI_DEBSRC="imgui=1.90.1+ds-1"
IMGUI_TARBALL="imgui_1.90.1+ds.orig.tar.xz"
IMGUI_SHA256="ecce377df0f90b292f15dcbd83d438bddc162b2388c881132bde18c787572a1c"

SODIUM_VERSION="1.0.18"
SODIUM_DEBSRC="libsodium=1.0.18-1+deb12u1"
SODIUM_TARBALL="libsodium_1.0.18.orig.tar.gz"
SODIUM_SHA256="d59323c6b712a1519a5daf710b68f5e7fde57040845ffec53850911f10a5d4f4"

SQLITE3MC_VERSION="2.3.5"            # SQLite 3.53.2
SQLITE3MC_NPM="better-sqlite3-multiple-ciphers@12.11.1"
SQLITE3MC_TARBALL="better-sqlite3-multiple-ciphers-12.11.1.tgz"
SQLITE3MC_SHA256="01388c78f46ce63c6aec021f67b364cc67bd637edba64f7add0c0230ce5f777a"

# Debian packages the project needs on this machine (bookworm).
BB_APT_PACKAGES=(
  emscripten cmake ninja-build g++ clang lld libclang-rt-14-dev
  libsodium-dev nlohmann-json3-dev doctest-dev
  fonts-dejavu-core fonts-open-sans fonts-fork-awesome
  chromium age dpkg-dev xz-utils nodejs
)

bb_log()  { printf 'begleitbuch: %s\n' "$*" >&2; }
bb_die()  { printf 'begleitbuch: error: %s\n' "$*" >&2; exit 1; }

bb_sha256_ok() { # file expected
  [ -f "$1" ] && [ "$(sha256sum "$1" | cut -d' ' -f1)" = "$2" ]
}

bb_nproc() { nproc 2>/dev/null || echo 2; }

# Debian's Emscripten needs Debian's node modules (acorn) for its JS optimizer.
export NODE_PATH="/usr/share/nodejs${NODE_PATH:+:$NODE_PATH}"

#!/usr/bin/env bash
# Sets up a Debian 12 machine to build forumkb, then configures and builds
# it with the release preset (build/bin/forumkb, plugins in
# build/lib/forumkb/plugins).
#
# Idempotent: packages already installed are skipped, `apt-get update` runs
# only when something is missing, and nothing is ever removed (no
# autoremove). Run as root, or as a user with sudo.
#
#   scripts/setup.sh            install what is missing, configure, build
#   scripts/setup.sh --no-build install only
set -euo pipefail

cd "$(dirname "$0")/.."

# Exactly what the build and the test suite need.
packages=(
  cmake ninja-build g++ pkg-config          # toolchain (CMake >= 3.25)
  libboost-dev libboost-program-options-dev # Spirit X3 headers, the CLI
  libicu-dev                                # text analysis
  libsqlite3-dev                            # the knowledge base (FTS5)
  libsimdjson-dev                           # JSON lines
  libfmt-dev                                # formatting
  libtbb-dev                                # the parallel pipeline
  libarchive-dev libzstd-dev                # compressed dumps and archives
  libxml2-dev                               # XML dumps
  libgtest-dev libgmock-dev                 # tests
  libbenchmark-dev                          # tests/bench
  python3                                   # seed scoring in .ci/run, tests/bench/gen_threads.py
  zstd p7zip-full                           # e2e ingest tests build .zst (--long=31) and .7z inputs
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if ((${#missing[@]})); then
  echo "setup: installing ${missing[*]}"
  sudo=""
  if [[ $(id -u) -ne 0 ]]; then sudo="sudo"; fi
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
else
  echo "setup: all ${#packages[@]} packages are installed"
fi

if [[ "${1:-}" == "--no-build" ]]; then exit 0; fi

jobs=$(nproc 2>/dev/null || echo 2)
cmake --preset release
cmake --build --preset release -j "$jobs"
echo "setup: built build/bin/forumkb"

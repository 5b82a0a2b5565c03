#!/usr/bin/env bash
# Sets up a Debian/Ubuntu machine for PeaceOps. Safe to run again: it only installs what is missing.
#
#   scripts/setup.sh run    libraries the window needs at run time (OpenGL, xkbcommon, zenity)
#   scripts/setup.sh test   what the tests need (only the Rust toolchain: no system packages)
#
# Building needs no system packages at all: the window loads its libraries at run time.
set -euo pipefail
cd "$(dirname "$0")/.."
what=${1:-run}

if ! command -v cargo >/dev/null 2>&1; then
  echo "setup: cargo is missing. Install Rust 1.95 or newer from https://rustup.rs and run this again." >&2
  exit 1
fi

case "$what" in
  test)
    echo "setup: the tests need only Rust ($(cargo --version))."
    exit 0
    ;;
  run) ;;
  *)
    echo "usage: scripts/setup.sh [run|test]" >&2
    exit 2
    ;;
esac

# The window: OpenGL through Mesa, keyboard maps, and zenity for file dialogs where no desktop
# portal is running (without either, PeaceOps asks for a path instead).
packages=(libgl1 libegl1 libgl1-mesa-dri libxkbcommon-x11-0 libxcursor1 libxrandr2 libxi6 zenity)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "setup: the window's libraries are installed."
  exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "setup: not a Debian/Ubuntu system; please install the equivalents of: ${missing[*]}" >&2
  exit 0
fi
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
echo "setup: installing ${missing[*]}"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"

#!/usr/bin/env bash
# Runs the built program from its folder with a bare environment: no project venv, no PYTHONPATH.
set -euo pipefail
cd "$(dirname "$0")/.."
binary=dist/mpg-desktop/mpg-desktop
test -x "$binary" || { echo "no build found; run make build first" >&2; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
run() { env -i HOME="$tmp" PATH=/usr/bin:/bin QT_QPA_PLATFORM=offscreen LANG=C.UTF-8 "$binary" "$@"; }
run --version
run self-test
run demo --store "$tmp/demo" --passphrase "demo met een lange zin"
MPG_PASSPHRASE="demo met een lange zin" env -i HOME="$tmp" PATH=/usr/bin:/bin MPG_PASSPHRASE="demo met een lange zin" "$binary" verify --store "$tmp/demo"
mkdir "$tmp/usb"
env -i HOME="$tmp" PATH=/usr/bin:/bin MPG_PASSPHRASE="demo met een lange zin" "$binary" backup --store "$tmp/demo" --to "$tmp/usb"
ls "$tmp/usb"/*.mpgbackup >/dev/null
echo "build-test: OK"

#!/usr/bin/env bash
# Builds the Debian package (target/debian/salgstrener_<version>-1_<arch>.deb) with cargo-deb and
# lists what it installs. Installs cargo-deb first when it is missing.
#
#   scripts/build-deb.sh
#   sudo apt install ./target/debian/salgstrener_*.deb
set -euo pipefail
cd "$(dirname "$0")/.."

if ! cargo deb --version >/dev/null 2>&1; then
    echo "installing cargo-deb (once) ..."
    cargo install cargo-deb --locked
fi

deb=$(cargo deb 2>&1 | tee /dev/stderr | tail -n 1)
if [[ ! -f "$deb" ]]; then
    echo "cargo deb did not report a package file" >&2
    exit 1
fi
echo
echo "package: $deb"
dpkg-deb --info "$deb" | sed -n '/Package:/,/Description:/p'
echo
echo "contents:"
dpkg-deb --contents "$deb"

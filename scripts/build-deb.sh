#!/usr/bin/env bash
# Builds the Linux package dist/gachi_<version>_<arch>.deb with dpkg-deb:
#   /usr/bin/gachi, the desktop entry (packaging/gachi.desktop) and the icon.
#
#   scripts/build-deb.sh            build it
#   scripts/build-deb.sh --test     … then `apt install` it, run `gachi --version`
#                                   and a plan, and remove it again (CI does this)
#
# dpkg-deb rather than cargo-deb: cargo-deb would have to be compiled on every
# clean CI machine (nothing is cached outside the clone), and the package is small.
# Run as root or with sudo for --test.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

test_it=""
case "${1:-}" in
--test) test_it=1 ;;
"") ;;
*)
    echo "usage: scripts/build-deb.sh [--test]" >&2
    exit 2
    ;;
esac

version=$(sed -n 's/^version = "\(.*\)"$/\1/p' Cargo.toml | head -n 1)
arch=$(dpkg --print-architecture)
deb=$root/dist/gachi_${version}_$arch.deb

echo "== release build (the machine's toolchain)"
cargo build --release --locked --bin gachi

stage=$root/target/deb/gachi_${version}_$arch
rm -rf "$stage"
install -D -m 0755 target/release/gachi "$stage/usr/bin/gachi"
strip --strip-unneeded "$stage/usr/bin/gachi"
install -D -m 0644 packaging/gachi.desktop "$stage/usr/share/applications/gachi.desktop"
install -D -m 0644 assets/icon.png "$stage/usr/share/icons/hicolor/256x256/apps/gachi.png"
doc=$stage/usr/share/doc/gachi
install -d "$doc"
{
    echo "Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/"
    echo "Upstream-Name: gachi"
    echo
    echo "Files: *"
    echo "Copyright: 2026 the Gachi authors"
    echo "License: MIT or Apache-2.0"
    echo " On Debian systems the Apache License 2.0 is in /usr/share/common-licenses/Apache-2.0."
    echo " The MIT licence:"
    sed -e 's/^$/./' -e 's/^/ /' packaging/LICENSE-MIT
    echo
    echo "Files: assets/fonts/*"
    echo "Copyright: NAVER Corporation (NanumSquare), built into /usr/bin/gachi"
    echo "License: OFL-1.1"
    sed -e 's/^$/./' -e 's/^/ /' assets/fonts/OFL.txt
} >"$doc/copyright"
python3 scripts/third-party-licences.py "$(rustc -vV | sed -n 's/^host: //p')" "$doc/THIRD-PARTY-LICENSES" >/dev/null
gzip -9n "$doc/THIRD-PARTY-LICENSES"

# Libraries the binary links to (dpkg-shlibdeps), and those winit and glutin open
# at run time (X11 or Wayland, OpenGL through EGL or GLX, keyboard layouts).
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/debian"
printf 'Source: gachi\n\nPackage: gachi\nArchitecture: any\n' >"$tmp/debian/control"
shlibs=$(cd "$tmp" && dpkg-shlibdeps -O "$stage/usr/bin/gachi" 2>/dev/null | sed -n 's/^shlibs:Depends=//p')
runtime="libgl1, libegl1, libxkbcommon0, libxkbcommon-x11-0, libx11-6, libx11-xcb1, libxcursor1, libxrandr2, libxi6, libwayland-client0, libwayland-egl1"

install -d "$stage/DEBIAN"
cat >"$stage/DEBIAN/control" <<CONTROL
Package: gachi
Version: $version
Architecture: $arch
Maintainer: the Gachi authors <gachi@localhost>
Installed-Size: $(du -ks "$stage/usr" | cut -f1)
Depends: ${shlibs:+$shlibs, }$runtime
Recommends: xdg-desktop-portal
Section: misc
Priority: optional
Description: pathway planner through Korean SME support programmes (같이)
 Gachi loads a catalogue of Korean MOTIE (산업부) and MSS (중기부) support
 programmes, asks about a firm, and shows a dated chain of programmes with
 every step explained. The plan is exported as JSON. Desktop app and command
 line (gachi plan, report, ics, diff, check-catalogue).
CONTROL

mkdir -p dist
dpkg-deb --root-owner-group --build "$stage" "$deb" >/dev/null
echo "== wrote ${deb#"$root"/} ($(du -h "$deb" | cut -f1))"
dpkg-deb --info "$deb" | sed -n 's/^ Depends:/   depends:/p'

if [ -n "$test_it" ]; then
    sudo=""
    [ "$(id -u)" -eq 0 ] || sudo=sudo
    was_installed=$(dpkg-query -W -f='${Status}' gachi 2>/dev/null | grep -c "ok installed" || true)
    echo "== apt install ./${deb#"$root"/}"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "$deb" >/dev/null
    echo "   $(command -v gachi): $(/usr/bin/gachi --version)"
    test -f /usr/share/applications/gachi.desktop
    test -f /usr/share/icons/hicolor/256x256/apps/gachi.png
    python3 -c 'import json,sys; json.dump(json.load(open(sys.argv[1],encoding="utf-8"))["profile"], open(sys.argv[2],"w",encoding="utf-8"), ensure_ascii=False)' \
        data/cases/a-root-micro-casting.json "$tmp/firm.json"
    /usr/bin/gachi plan --profile "$tmp/firm.json" --as-of 2026-12 --out "$tmp/plan.json"
    python3 -c 'import json,sys; p=json.load(open(sys.argv[1],encoding="utf-8")); assert p["format"]=="gachi-plan/1", p["format"]; print("   plan:", len(p["steps"]), "steps")' "$tmp/plan.json"
    if [ "$was_installed" = 0 ]; then
        DEBIAN_FRONTEND=noninteractive $sudo apt-get remove -y -qq gachi >/dev/null
        echo "   removed again"
    fi
fi

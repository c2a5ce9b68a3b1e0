#!/usr/bin/env bash
# Cross-builds the Windows app on Debian 12 (bookworm) and writes
#   dist/gachi-<version>-windows-x86_64.zip   (gachi.exe, licences, 읽어보기.txt)
#
#   scripts/build-windows.sh              install what is missing, build, zip
#   scripts/build-windows.sh --smoke      … then test the exe under wine: the plan of
#                                         every data/cases profile equals the Linux
#                                         binary's, Hangul folders, and the window
#                                         opens under Xvfb (screenshot in target-win/smoke/)
#   scripts/build-windows.sh --smoke-cli  … the same without the window (what CI runs)
#
# How: Debian's rustc-web/cargo-web (Rust ≥ 1.95, installed as /usr/bin/rustc and
# /usr/bin/cargo) build the standard library for x86_64-pc-windows-gnu from
# rust-web-src (-Z build-std, allowed by RUSTC_BOOTSTRAP=1 for this build only) and
# link with MinGW. /usr/bin goes first on PATH for the build only; the machine's own
# toolchain (rustup, ~/.cargo/bin) stays the default everywhere else. About 12–14
# minutes clean on two cores; incremental after that (target-win/ is kept).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

smoke=""
for arg in "$@"; do
    case "$arg" in
    --smoke) smoke=full ;;
    --smoke-cli) smoke=cli ;;
    -h | --help)
        sed -n '2,17p' "$0" | sed 's/^# \{0,1\}//'
        exit 0
        ;;
    *)
        echo "unknown option: $arg (try --help)" >&2
        exit 2
        ;;
    esac
done

target=x86_64-pc-windows-gnu
target_dir=$root/target-win
version=$(sed -n 's/^version = "\(.*\)"$/\1/p' Cargo.toml | head -n 1)
name=gachi-$version-windows-x86_64
zip=$root/dist/$name.zip

# --- what the build needs (Debian packages) -------------------------------
need=(rustc-web cargo-web rust-web-src gcc-mingw-w64-x86-64 python3)
# shellcheck source=scripts/apt-need.sh
. "$root/scripts/apt-need.sh"
apt_need "${need[@]}"

# --- the build ------------------------------------------------------------
echo "== cross-build gachi $version for $target (Debian's $(/usr/bin/rustc --version))"
start=$(date +%s)
(
    # Debian's toolchain for this build only; nothing a rustup proxy or an outer
    # cargo may have set leaks in.
    unset RUSTC RUSTDOC RUSTC_WRAPPER RUSTUP_TOOLCHAIN RUSTFLAGS CARGO_BUILD_TARGET
    export PATH=/usr/bin:$PATH
    export RUSTC_BOOTSTRAP=1
    export CARGO_TARGET_DIR=$target_dir
    export CARGO_TARGET_X86_64_PC_WINDOWS_GNU_LINKER=x86_64-w64-mingw32-gcc
    cargo build --release --locked --bin gachi \
        -Z build-std=std,panic_abort --target "$target"
)
exe=$target_dir/$target/release/gachi.exe
echo "   built $exe ($(du -h "$exe" | cut -f1)) in $(($(date +%s) - start)) s"

# --- the zip --------------------------------------------------------------
stage=$target_dir/dist-stage/$name
rm -rf "$stage"
mkdir -p "$stage" "$root/dist"
cp "$exe" "$stage/gachi.exe"
cp packaging/읽어보기.txt "$stage/읽어보기.txt"
cp packaging/LICENSE-MIT "$stage/LICENSE-MIT.txt"
cp packaging/LICENSE-APACHE "$stage/LICENSE-APACHE.txt"
cp assets/fonts/OFL.txt "$stage/OFL-NanumSquare.txt"
python3 scripts/third-party-licences.py "$target" "$stage/THIRD-PARTY-LICENSES.txt" | sed 's/^/   licences of /'
# Windows' Notepad reads CRLF text best.
for f in "$stage"/*.txt; do sed -i 's/\r\{0,1\}$/\r/' "$f"; done
rm -f "$zip"
# Python's zipfile marks non-ASCII names as UTF-8 (flag bit 11), which Windows'
# "Extract All" reads; Info-ZIP's zip does not, and 읽어보기.txt would arrive garbled.
# Only the expected files ship; above all never the test-only bcryptprimitives shim.
python3 - "$stage" "$zip" <<'PY'
import os, sys, zipfile
stage, out = sys.argv[1], sys.argv[2]
expected = {"gachi.exe", "읽어보기.txt", "LICENSE-MIT.txt", "LICENSE-APACHE.txt", "OFL-NanumSquare.txt",
            "THIRD-PARTY-LICENSES.txt"}
names = set(os.listdir(stage))
if names != expected:
    sys.exit(f"error: the zip would hold {sorted(names)}, expected {sorted(expected)}")
with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
    for name in sorted(names):
        z.write(os.path.join(stage, name), name)
with zipfile.ZipFile(out) as z:
    for i in z.infolist():
        if not i.filename.isascii() and not i.flag_bits & 0x800:
            sys.exit(f"error: {i.filename} is not marked UTF-8 in the zip")
        if "bcrypt" in i.filename.lower() or i.filename.lower().endswith(".dll"):
            sys.exit(f"error: {i.filename} must never ship")
PY
got=$(python3 -c 'import sys,zipfile; print(" ".join(zipfile.ZipFile(sys.argv[1]).namelist()))' "$zip")
echo "== wrote ${zip#"$root"/} ($(du -h "$zip" | cut -f1)): $got"

if [ -n "$smoke" ]; then
    scripts/windows-smoke.sh "$exe" "$smoke"
fi

#!/usr/bin/env bash
# Tests a cross-built gachi.exe under wine (Debian's wine 8):
#   1. for every data/cases profile, `gachi.exe plan --profile P --as-of 2026-12`
#      equals the Linux binary's plan (the JSON, apart from `generated_by`), through
#      --out and through standard output (console attach of the GUI-subsystem exe);
#   2. `--version`, and exit code 2 with a message for a missing file;
#   3. Hangul: a profile in `C:\고객 자료\` is read, the plan is written beside it as
#      계획.json, and read back (report and diff), under a Windows user named 김철수;
#   4. (full only) the window opens under Xvfb: screenshot target-win/smoke/gui.png;
#      clicks (xdotool) make a new client, which the app saves as
#      %APPDATA%\gachi\data\clients\새_고객.json and lists again (gui-clients.png);
#      then a normal close, after which the app's state (app.ron) is in
#      %APPDATA%\gachi\data (C:\users\김철수\AppData\Roaming\gachi\data).
#
#   scripts/windows-smoke.sh EXE [full|cli]      (scripts/build-windows.sh --smoke calls it)
#
# Wine 8 lacks bcryptprimitives.dll (ProcessPrng); a test-only shim built from
# packaging/test-shim/ goes beside a COPY of the exe in target-win/smoke/bin,
# never beside the exe that is zipped.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
exe=$(realpath "$1")
mode=${2:-full}
as_of=2026-12

need=(wine wine64 gcc-mingw-w64-x86-64 python3)
[ "$mode" = full ] && need+=(xvfb imagemagick libgl1-mesa-dri x11-utils xdotool)
# shellcheck source=scripts/apt-need.sh
. "$root/scripts/apt-need.sh"
apt_need "${need[@]}"

work=$root/target-win/smoke
if [ -d "$work/wineprefix" ]; then
    WINEPREFIX=$work/wineprefix wineserver -k 2>/dev/null || true
fi
rm -rf "$work"
mkdir -p "$work/bin" "$work/cases" "$work/linux" "$work/win"

echo "== Linux binary to compare with (the machine's toolchain)"
cargo build --release --locked --bin gachi
linux=$root/target/release/gachi

echo "== test copy of the exe with the test-only bcryptprimitives.dll shim"
cp "$exe" "$work/bin/gachi.exe"
x86_64-w64-mingw32-gcc -shared -O2 -s -o "$work/bin/bcryptprimitives.dll" \
    packaging/test-shim/bcryptprimitives.c -ladvapi32

# A prefix of our own, for a Windows user with a Hangul name (the AppData path
# then has Hangul in it, as for many Korean users). UTF-8 so Hangul arguments
# reach the exe intact.
export WINEPREFIX=$work/wineprefix WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml=" LC_ALL=C.UTF-8
export USER=김철수
winuser_dir="$WINEPREFIX/drive_c/users/$USER"
echo "== wine prefix ($(wine --version))"
start=$(date +%s)
wineboot --init >/dev/null 2>&1
echo "   ready in $(($(date +%s) - start)) s"
trap 'wineserver -k 2>/dev/null || true' EXIT
win() { (cd "$work" && wine bin/gachi.exe "$@"); }

# 1. Every case profile: the same plan as on Linux.
echo "== plans of data/cases, Windows exe vs Linux binary (as of $as_of)"
failed=0
for case in data/cases/*.json; do
    n=$(basename "$case" .json)
    python3 -c 'import json,sys; json.dump(json.load(open(sys.argv[1],encoding="utf-8"))["profile"], open(sys.argv[2],"w",encoding="utf-8"), ensure_ascii=False, indent=2)' \
        "$case" "$work/cases/$n.json"
    "$linux" plan --profile "$work/cases/$n.json" --as-of "$as_of" --out "$work/linux/$n.json"
    win plan --profile "cases\\$n.json" --as-of "$as_of" --out "win\\$n.json"
    if python3 scripts/same-plan.py "$work/linux/$n.json" "$work/win/$n.json"; then
        echo "   same: $n"
    else
        failed=1
    fi
done
check() { # check DESCRIPTION COMMAND…: runs the command, says "ok" or counts a failure
    local what=$1
    shift
    if "$@"; then echo "   ok: $what"; else echo "   FAILED: $what" >&2; failed=1; fi
}
n=$(basename "$(ls data/cases/*.json | head -n 1)" .json)
win plan --profile "cases\\$n.json" --as-of "$as_of" >"$work/win/stdout.json"
check "the same plan on standard output ($n)" \
    python3 scripts/same-plan.py "$work/linux/$n.json" "$work/win/stdout.json"

# 2. Version and a bad path.
v=$(win --version | tr -d '\r')
check "--version prints '$v'" \
    test "$v" = "gachi $(sed -n 's/^version = "\(.*\)"$/\1/p' Cargo.toml | head -n 1)"
set +e
err=$(win plan --profile 'C:\없는 폴더\없음.json' 2>&1 >/dev/null)
code=$?
set -e
err=$(tr -d '\r' <<<"$err")
check "a missing profile: exit code 2 (got $code) and a message naming it: $err" \
    test "$code" = 2 -a -n "$(grep -F '없음.json' <<<"$err")"

# 3. Hangul folder and file names.
echo "== Hangul folder: C:\\고객 자료\\"
hdir="$WINEPREFIX/drive_c/고객 자료"
mkdir -p "$hdir"
cp "$work/cases/$n.json" "$hdir/대성주물.json"
win plan --profile 'C:\고객 자료\대성주물.json' --as-of "$as_of" --out 'C:\고객 자료\계획.json'
check "plan read from 대성주물.json and written to 계획.json, the same as on Linux" \
    python3 scripts/same-plan.py "$work/linux/$n.json" "$hdir/계획.json"
win report --plan 'C:\고객 자료\계획.json' --out 'C:\고객 자료\보고서.html'
firm=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1],encoding="utf-8"))["name"])' "$hdir/대성주물.json")
check "계획.json read back: 보고서.html names the firm ($firm)" grep -qF "$firm" "$hdir/보고서.html"
check "계획.json read back: diff with itself" win diff 'C:\고객 자료\계획.json' 'C:\고객 자료\계획.json'
echo "   in C:\\고객 자료: $(ls "$hdir" | tr '\n' ' ')"

# 4. The window.
if [ "$mode" = full ]; then
    echo "== window under Xvfb"
    disp=:$((90 + RANDOM % 9))
    Xvfb "$disp" -screen 0 1400x900x24 -nolisten tcp >/dev/null 2>&1 &
    xvfb=$!
    trap 'wineserver -k 2>/dev/null || true; kill $xvfb 2>/dev/null || true' EXIT
    sleep 2
    (cd "$work" && DISPLAY=$disp wine bin/gachi.exe >"$work/gui.log" 2>&1) &
    app=$!
    shown=""
    for _ in $(seq 1 60); do
        sleep 1
        if DISPLAY=$disp xwininfo -root -tree 2>/dev/null | grep -q '같이'; then
            shown=1
            break
        fi
    done
    sleep 5 # the first frames
    DISPLAY=$disp import -window root "$work/gui.png"
    echo "   screenshot: ${work#"$root"/}/gui.png (window titled 같이 found: ${shown:-no})"
    [ -n "$shown" ] || failed=1
    # The app saves a client in its own workspace, under the Hangul user name:
    # 고객 (top bar) → 새 고객 → 고객 again, which lists the folder anew. The
    # positions are those of the 1400×900 screen above (wine puts the window at 4,22).
    click() { DISPLAY=$disp xdotool mousemove "$1" "$2" click 1 && sleep 3; }
    click 185 34
    click 42 128
    click 185 34
    DISPLAY=$disp import -window root "$work/gui-clients.png"
    client="$winuser_dir/AppData/Roaming/gachi/data/clients/새_고객.json"
    check "the app saved a client: C:\\users\\$USER\\…\\gachi\\data\\clients\\새_고객.json (screenshot ${work#"$root"/}/gui-clients.png lists it)" \
        python3 -c 'import json,sys; p=json.load(open(sys.argv[1],encoding="utf-8")); assert p["format"]=="gachi-profile/1" and p["name"]=="새 고객", p' "$client"
    # Close it as a user would (WM_CLOSE), so the app saves its state.
    (cd "$work" && DISPLAY=$disp wine taskkill /im gachi.exe >/dev/null 2>&1) || true
    for _ in $(seq 1 30); do
        kill -0 "$app" 2>/dev/null || break
        sleep 1
    done
    data="$winuser_dir/AppData/Roaming/gachi/data"
    if ls "$data"/* >/dev/null 2>&1; then
        echo "   app state saved in C:\\users\\$USER\\AppData\\Roaming\\gachi\\data: $(ls "$data" | tr '\n' ' ')"
    else
        echo "error: nothing saved in $data" >&2
        find "$winuser_dir/AppData" -maxdepth 3 >&2 || true
        failed=1
    fi
fi

if [ "$failed" != 0 ]; then
    echo "windows smoke test: FAILED" >&2
    exit 1
fi
echo "windows smoke test: passed"

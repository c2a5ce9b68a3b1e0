#!/usr/bin/env bash
# Renders a Gachi report (the self-contained HTML file written by `report_html`,
# see docs/report.md) to an A4 PDF with headless Chromium, and page 1 of the PDF to
# a PNG for a quick look.
#
# Usage:
#   scripts/print-report.sh REPORT.html [OUT.pdf]
#
#   OUT.pdf defaults to REPORT.pdf beside the report; the preview is OUT-page1.png.
#
# Needs (Debian/Ubuntu package names):
#   chromium       the browser that prints (or set CHROMIUM=/path/to/chrome)
#   poppler-utils  pdftoppm and pdfinfo, for the PNG preview and the page count
#                  (optional: without them only the PDF is made)
#   fonts-nanum or fonts-noto-cjk
#                  a Korean font; without one, Hangul prints as empty boxes
#
# The report loads nothing from the network, and Chromium runs with a throwaway
# profile and its background networking, updates and sync switched off.
# Exit codes: 0 done, 2 bad arguments or missing report, 1 printing failed.
set -euo pipefail

usage() {
    sed -n '2,20p' "$0" | sed 's/^# \{0,1\}//'
}

if [[ $# -lt 1 || $# -gt 2 || "$1" == "-h" || "$1" == "--help" ]]; then
    usage
    [[ $# -ge 1 && ( "$1" == "-h" || "$1" == "--help" ) ]] && exit 0
    exit 2
fi

report=$1
if [[ ! -f "$report" ]]; then
    echo "print-report: $report: no such file" >&2
    exit 2
fi
case "$report" in
    *.html | *.htm) ;;
    *)
        echo "print-report: $report: expected the report's .html file (make it from a plan first, see docs/report.md)" >&2
        exit 2
        ;;
esac

out=${2:-"${report%.*}.pdf"}
preview="${out%.pdf}-page1"

browser=${CHROMIUM:-}
if [[ -z "$browser" ]]; then
    for b in chromium chromium-browser google-chrome google-chrome-stable; do
        if command -v "$b" >/dev/null 2>&1; then
            browser=$b
            break
        fi
    done
fi
if [[ -z "$browser" ]]; then
    echo "print-report: no Chromium found; install it (apt-get install chromium) or set CHROMIUM" >&2
    exit 1
fi

if command -v fc-list >/dev/null 2>&1 && ! fc-list :lang=ko 2>/dev/null | grep -q .; then
    echo "print-report: warning: no Korean font installed (apt-get install fonts-nanum); Hangul will not print" >&2
fi

abs=$(cd "$(dirname "$report")" && pwd)/$(basename "$report")
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT

# --no-pdf-header-footer (new Chromium) and --print-to-pdf-no-header (old) drop the
# date/URL header and footer the browser would otherwise add; unknown switches are
# ignored. The page size and margins come from the report's own @page rule.
if ! timeout 180 "$browser" \
    --headless \
    --no-sandbox \
    --disable-gpu \
    --no-first-run \
    --disable-background-networking \
    --disable-component-update \
    --disable-sync \
    --disable-extensions \
    --no-pdf-header-footer \
    --print-to-pdf-no-header \
    --user-data-dir="$profile" \
    --print-to-pdf="$out" \
    "file://$abs" >"$profile/chromium.log" 2>&1; then
    echo "print-report: Chromium failed:" >&2
    tail -n 20 "$profile/chromium.log" >&2
    exit 1
fi
if [[ ! -s "$out" ]]; then
    echo "print-report: Chromium wrote no PDF:" >&2
    tail -n 20 "$profile/chromium.log" >&2
    exit 1
fi

pages=""
if command -v pdfinfo >/dev/null 2>&1; then
    pages=$(pdfinfo "$out" 2>/dev/null | awk '/^Pages:/ {print $2}')
fi
echo "PDF: $out${pages:+ ($pages pages)}"

if command -v pdftoppm >/dev/null 2>&1; then
    pdftoppm -png -r 90 -f 1 -l 1 -singlefile "$out" "$preview"
    echo "page 1: $preview.png"
else
    echo "print-report: pdftoppm not found (apt-get install poppler-utils); no preview made" >&2
fi

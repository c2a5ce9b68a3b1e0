#!/bin/sh
# The whole screenshot matrix of issue 13: every screen at 1024×700, 1280×800 and
# 1920×1080, in Korean and English, into docs/screenshots/matrix/. The what-if
# panel is opened with a click on its button (WHATIF_X/Y: where the button is at
# each size; see the pathway shot of that size if the toolbar moves).
set -eu
cd "$(dirname "$0")/../.."
mkdir -p docs/screenshots/matrix
for size in 1024x700 1280x800 1920x1080; do
  W=${size%x*}; H=${size#*x}
  for lang in Ko En; do
    l=$(echo $lang | tr KE ke)
    for screen in Start Questions Results Clients Catalogue; do
      s=$(echo $screen | tr SQRCA sqrca)
      docs/screenshots/take.sh "$W" "$H" "matrix/$s-$l-$W" "$lang" "$screen"
    done
  done
done

#!/usr/bin/env bash
# Re-copy the KaTeX assets that `derive --format html` inlines into every page (package data under
# derive/render/katex/), from the version pinned in tools/katex/package-lock.json:
#
#     npm ci --prefix tools/katex --no-audit --no-fund && tools/katex/vendor.sh
#
# Copies katex.min.js, katex.min.css, KaTeX's LICENSE and the woff2 fonts (the page drops the woff and
# ttf alternatives). Run it after bumping KaTeX in package.json / package-lock.json, then commit the result.
set -euo pipefail
cd "$(dirname "$0")/../.."

src=tools/katex/node_modules/katex
dest=derive/render/katex
if [[ ! -f "$src/dist/katex.min.js" ]]; then
  echo "vendor.sh: error: $src is missing; run: npm ci --prefix tools/katex --no-audit --no-fund" >&2
  exit 1
fi

rm -rf "$dest"
mkdir -p "$dest/fonts"
cp "$src/dist/katex.min.js" "$src/dist/katex.min.css" "$src/LICENSE" "$dest/"
cp "$src"/dist/fonts/*.woff2 "$dest/fonts/"
version=$(node -p "require('./$src/package.json').version")
echo "$version" > "$dest/VERSION"
echo "vendored KaTeX $version into $dest ($(ls "$dest/fonts" | wc -l) fonts)"

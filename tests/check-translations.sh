#!/bin/sh
# Fails when a translatable string in the sources has no Swedish translation
# (or only a fuzzy one) in po/sv.po.
set -eu
cd "$1"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
xgettext --from-code=UTF-8 --add-comments --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 \
  --files-from=po/POTFILES.in --directory=. -o "$tmp/styrkort.pot"
msgmerge --quiet --no-fuzzy-matching po/sv.po "$tmp/styrkort.pot" -o "$tmp/sv.po"
stats=$(LC_ALL=C msgfmt --check --statistics -o /dev/null "$tmp/sv.po" 2>&1)
echo "$stats"
case "$stats" in
  *untranslated*|*fuzzy*)
    msgattrib --untranslated "$tmp/sv.po" | grep '^msgid' | head -20
    exit 1 ;;
esac

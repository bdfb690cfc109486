#!/bin/sh
# Export times of the T2 workbook, and LibreOffice opening the same
# workbooks in the same run (a real spreadsheet as the yardstick), as a ratio.
set -eu
bench=${1:-build/tests/bench/bench-workbook}
folder=$(mktemp -d)
trap 'rm -rf "$folder"' EXIT
"$bench" "$folder" | tee "$folder/times.txt"
for name in demo large; do
  start=$(date +%s%N)
  soffice --headless --convert-to csv --outdir "$folder/csv" "$folder/bench-$name.xlsx" >/dev/null 2>&1
  end=$(date +%s%N)
  lo_ms=$(( (end - start) / 1000000 ))
  ours=$(grep -E "^$( [ $name = demo ] && echo 'demo district' || echo '30 units' )" "$folder/times.txt" | awk '{print $(NF-1)}')
  awk -v n="$name" -v lo="$lo_ms" -v ours="$ours" \
    'BEGIN { printf "%-30s LibreOffice opens it in %d ms; export/LibreOffice = %.3f\n", n, lo, ours / lo }'
done

#!/usr/bin/env bash
# Runs each fuzz target (libFuzzer + AddressSanitizer) for a set time: ingest, quotes, template,
# manifest, jsonl.
# Usage: scripts/fuzz.sh SECONDS [TARGET...]. Seed corpora come from seeds/, ReportTemplates/ and
# the regression inputs in Fuzz/regressions/; findings are written to .build-fuzz/findings/.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-600}
shift || true
targets=("$@")
[[ ${#targets[@]} -eq 0 ]] && targets=(ingest quotes template manifest jsonl)
binary=.build-fuzz/debug/BriefingFuzz
[[ -x $binary ]] || { echo "build first: make fuzz" >&2; exit 1; }
mkdir -p .build-fuzz/findings
for target in "${targets[@]}"; do
  corpus=.build-fuzz/corpus-$target
  mkdir -p "$corpus"
  case $target in
    template) cp ReportTemplates/*.yaml "$corpus"/ ;;
    manifest) printf 'document_id,published,source,title,url\na,2016-02-29,AP,"A ""quoted"", title",https://x\nb,2016,,,\n' > "$corpus"/manifest.csv ;;
    jsonl) printf '{"id": "a", "text": "Zhao said: \\"We oppose it.\\"", "published": "2016-02-29"}\n{"text": "caf\\u00e9 \\ud83d\\ude00", "id": 7, "x": [1, {"y": null}],}\nnot json\n' > "$corpus"/feed.jsonl ;;
    *) cp seeds/*.txt "$corpus"/ ;;
  esac
  if [[ -d Fuzz/regressions/$target ]]; then cp Fuzz/regressions/$target/* "$corpus"/ 2>/dev/null || true; fi
  echo "== $target: ${seconds}s"
  BRIEFING_FUZZ_TARGET=$target ASAN_OPTIONS=symbolize=0:detect_leaks=0 "$binary" "$corpus" \
    -max_total_time="$seconds" -max_len=65536 -timeout=10 -rss_limit_mb=4096 \
    -artifact_prefix=.build-fuzz/findings/$target- -print_final_stats=1 2>&1 \
    | grep -E "^#[0-9]+.*(DONE|pulse)|stat::number_of_executed_units|stat::peak_rss|cov:|ERROR|SUMMARY|Test unit written" | tail -6
done

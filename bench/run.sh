#!/usr/bin/env bash
# The performance benchmark of brochure. Measures, for the brochure in brochure-content/:
#   - cold command-line builds (./brochure build: whole process, JVM start included), median of
#     several runs, with hyperfine;
#   - peak resident memory of a cold build (/usr/bin/time);
#   - the first builds of one process (how much the second gains from the first);
#   - warm in-process builds after warm-up, as average time and throughput (JMH);
#   - the output size of each profile.
# and writes the figures, the machine and these commands to docs/performance.md.
# Usage: bench/run.sh            (about 2 minutes on 2 cores)
#        RUNS=5 bench/run.sh     (fewer cold runs)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${RUNS:-10}
out=target/bench
mkdir -p "$out"

echo "== building" >&2
mvn -B -q -DskipTests package
mvn -B -q -Pbench -DskipTests test-compile dependency:build-classpath \
    -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
java=$(BROCHURE_PRINT_JAVA=1 ./brochure)
cp="target/test-classes:target/classes:$(cat target/bench.classpath)"
./brochure build -o "$out/warmup.pdf" >/dev/null 2>&1   # lets the launcher prepare its start-up cache

echo "== cold command-line builds ($runs runs)" >&2
hyperfine --style basic --warmup 2 --runs "$runs" --export-json "$out/cold.json" \
    "./brochure build -o $out/cold.pdf" >&2
cold_median=$(python3 -c "import json;print('%.3f' % json.load(open('$out/cold.json'))['results'][0]['median'])")
cold_mean=$(python3 -c "import json;r=json.load(open('$out/cold.json'))['results'][0];print('%.3f ± %.3f' % (r['mean'], r['stddev']))")

echo "== cold command-line builds with no image cache (a machine's first build)" >&2
hyperfine --style basic --warmup 1 --runs 3 --export-json "$out/cold-nocache.json" \
    "BROCHURE_CACHE=off ./brochure build -o $out/cold-nocache.pdf" >&2
nocache_median=$(python3 -c "import json;print('%.3f' % json.load(open('$out/cold-nocache.json'))['results'][0]['median'])")

echo "== peak memory" >&2
rss=0
for _ in 1 2 3; do
    /usr/bin/time -o "$out/rss.txt" -f "%M" ./brochure build -o "$out/rss.pdf" >/dev/null 2>&1
    kb=$(tail -n 1 "$out/rss.txt")
    [ "$kb" -gt "$rss" ] && rss=$kb
done

echo "== first builds of one process" >&2
"$java" -Djava.awt.headless=true -cp "$cp" dev.brochure.bench.FirstBuilds 5 | tee "$out/first.txt" >&2

echo "== warm in-process builds (JMH)" >&2
"$java" -cp "$cp" org.openjdk.jmh.Main BuildBenchmark -rf json -rff "$out/jmh.json" > "$out/jmh.txt"
warm=$(python3 - "$out/jmh.json" <<'PY'
import json, sys
rows = json.load(open(sys.argv[1]))
for r in rows:
    m = r["primaryMetric"]
    if r["mode"] == "sample":
        p = m["scorePercentiles"]
        print("sample|median %.0f ms (p90 %.0f ms, mean %.0f ms)" % (p["50.0"], p["90.0"], m["score"]))
    elif r["mode"] == "thrpt":
        # JMH reports operations per millisecond here; builds per second reads better.
        print("thrpt|%.1f ± %.1f builds/s" % (m["score"] * 1000, m["scoreError"] * 1000))
PY
)
warm_avg=$(echo "$warm" | sed -n 's/^sample|//p')
warm_thrpt=$(echo "$warm" | sed -n 's/^thrpt|//p')

echo "== output size per profile" >&2
sizes=""
for profile in screen print email; do
    ./brochure build --profile "$profile" -o "$out/$profile.pdf" >/dev/null 2>&1
    sizes="$sizes| \`$profile\` | $(stat -c %s "$out/$profile.pdf") bytes ($(python3 -c "print('%.2f MB' % ($(stat -c %s "$out/$profile.pdf")/1e6))")) |
"
done

cpu=$(lscpu | sed -n 's/^Model name: *//p' | head -n 1)
mem=$(free -h | awk '/^Mem:/ {print $2}')
jdk=$("$java" -version 2>&1 | head -n 1)
pages=$(python3 -c "import re;print(len(re.findall(rb'/Type\s*/Page[^s]', open('$out/cold.pdf','rb').read())))")

python3 - "$out" <<PY
import re, sys
doc = open("docs/performance.md").read() if __import__("os").path.exists("docs/performance.md") else ""
start, end = "<!-- bench:start -->", "<!-- bench:end -->"
block = f"""{start}
Measured with \`bench/run.sh\` on $(date -u +%Y-%m-%d): $(nproc) cores ($cpu), $mem RAM, $jdk.
The brochure: \`brochure-content/\`, $pages pages.

| figure | value |
|---|---|
| cold \`./brochure build\`, median of $runs (JVM start included) | **$cold_median s** (mean $cold_mean s) |
| cold build with no image cache (\`BROCHURE_CACHE=off\`: every photo resampled), median of 3 | $nocache_median s |
| peak resident memory of a cold build | **$((rss / 1024)) MB** |
| warm in-process build (JMH sample time, after warm-up) | **$warm_avg** |
| throughput of repeated in-process builds (JMH) | **$warm_thrpt** |

First builds of one process (\`dev.brochure.bench.FirstBuilds\`):

\`\`\`
$(cat "$out/first.txt")
\`\`\`

| profile | size |
|---|---|
$sizes{end}"""
if start in doc:
    doc = doc[:doc.index(start)] + block + doc[doc.index(end) + len(end):]
else:
    doc = doc + "\n" + block + "\n"
open("docs/performance.md", "w").write(doc)
PY
echo "== written to docs/performance.md" >&2

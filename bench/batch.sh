#!/bin/sh
# Throughput and memory of `brochure batch` on the OPTML brochure (screen profile): builds the
# jar, generates recipients (every fourth without a note), and runs the batch for 100 and for
# 1,000 of them into fresh folders under /usr/bin/time -v, then runs the 1,000 again (a re-run,
# which should build nothing). Prints one line per run and, unless NO_RECORD is set, rewrites
# the "Batch" figures in docs/performance.md. Takes a few minutes on 2 cores.
#
#   bench/batch.sh               # 100 and 1000 copies
#   COUNTS="100 1000 3000" bench/batch.sh
set -eu

here=$(CDPATH= cd -- "$(dirname -- "$0")/.." && pwd)
cd "$here"
counts=${COUNTS:-"100 1000"}
work=$(mktemp -d "${TMPDIR:-/tmp}/brochure-batch-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT

if [ ! -x /usr/bin/time ]; then
    echo "bench/batch.sh needs /usr/bin/time (apt-get install time)" >&2
    exit 1
fi
./brochure --version >/dev/null   # builds target/brochure.jar (and its start-up cache) if needed
# On JDK 25 and later the launcher trains its start-up cache in the background once per jar (it
# leaves target/brochure.aot.tried when it starts); wait for the cache, so the runs measured neither
# compete with the training nor go without the cache. (The training's last step runs in a child JVM
# whose command line names no training file, so waiting for the file is what works.)
i=0
while [ -f target/brochure.aot.tried ] && [ ! -f target/brochure.aot ] && [ "$i" -lt 180 ]; do
    sleep 1
    i=$((i + 1))
done

# Recipients like the example file's, numbered so every name and file is different.
recipients() {
    awk -v n="$1" 'BEGIN {
        print "id,first_name,last_name,email,programme,deadline,advisor,note"
        split("Ada Alan Grace Katherine Edsger Barbara Donald Frances John Radia", first, " ")
        split("Lovelace Turing Hopper Johnson Dijkstra Liskov Knuth Allen Backus Perlman", last, " ")
        split("PhD in Computer Science|MS in Computer Science|PhD in Electrical Engineering", prog, "|")
        for (i = 1; i <= n; i++) {
            f = first[i % 10 + 1]; l = last[int(i / 10) % 10 + 1]
            note = (i % 4 == 0) ? "" : "\"Your application " i " stood out, " f ". We would love to talk about optimization for trustworthy AI with you.\""
            printf "A%05d,%s,%s,%s.%d@example.org,%s,\"December %d, 2025\",Dr. Sijia Liu,%s\n", i, f, l, tolower(f), i, prog[i % 3 + 1], i % 28 + 1, note
        }
    }'
}

load() {
    cut -d ' ' -f 1-3 /proc/loadavg 2>/dev/null || uptime | sed 's/.*load average[s]*: //'
}

results="$work/results.txt"
: > "$results"
for n in $counts; do
    recipients "$n" > "$work/r$n.csv"
    out="$work/out$n"
    before=$(load)
    /usr/bin/time -v -o "$work/time$n.txt" ./brochure batch --recipients "$work/r$n.csv" --out "$out" \
        --progress lines > "$work/log$n.txt" 2>&1
    summary=$(grep '^batch: .* built' "$work/log$n.txt" | tail -n 1)
    rss=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$work/time$n.txt")
    cpu=$(sed -n 's/.*Percent of CPU this job got: //p' "$work/time$n.txt")
    wall=$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$work/time$n.txt")
    user=$(sed -n 's/.*User time (seconds): //p' "$work/time$n.txt")
    sys=$(sed -n 's/.*System time (seconds): //p' "$work/time$n.txt")
    # Processor time per copy (JVM start, JIT and GC included): what the copies cost whatever
    # else runs on the machine. N cores at full use make at most N * 1000 / this copies a second.
    per=$(awk -v u="$user" -v s="$sys" -v n="$n" 'BEGIN { printf "%.1f", (u + s) * 1000 / n }')
    pdfs=$(find "$out" -name '*.pdf' | wc -l | tr -d ' ')
    echo "$n copies: $summary; process $wall wall, $cpu CPU (${user} s user + ${sys} s system: $per ms per copy), peak RSS $((rss / 1024)) MB; $pdfs PDFs; load before: $before" \
        | tee -a "$results"
done
last=$(echo "$counts" | awk '{print $NF}')
/usr/bin/time -v -o "$work/again.txt" ./brochure batch --recipients "$work/r$last.csv" --out "$work/out$last" \
    --progress lines > "$work/again.log" 2>&1
echo "re-run of $last: $(grep '^batch: .* built' "$work/again.log" | tail -n 1); process $(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$work/again.txt") wall" \
    | tee -a "$results"

if [ -z "${NO_RECORD:-}" ]; then
    machine="$(nproc) cores ($(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -n 1)), $(free -h | awk '/^Mem:/ {print $2}') RAM"
    {
        echo "<!-- batch:start -->"
        echo "Measured with \`bench/batch.sh\` on $(date -u +%Y-%m-%d): $machine; \`./brochure batch\` (screen profile, --jobs = cores)."
        echo
        echo '```'
        cat "$results"
        echo '```'
        echo "<!-- batch:end -->"
    } > "$work/block.md"
    awk -v block="$work/block.md" '
        /<!-- batch:start -->/ { while ((getline line < block) > 0) print line; skip = 1; next }
        /<!-- batch:end -->/ { skip = 0; next }
        !skip { print }
    ' docs/performance.md > "$work/performance.md"
    cp "$work/performance.md" docs/performance.md
    echo "recorded in docs/performance.md"
fi

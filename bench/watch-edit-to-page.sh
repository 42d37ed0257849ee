#!/bin/sh
# Times `brochure watch` from an edit to the page in headless Chromium (docs/performance.md,
# "Watch: edit to page"): runs ReleaseJarIT's watch test ROUNDS times (default 3) for each jar
# given (default target/brochure.jar; another, say the jar of an older commit, to compare),
# alternating the jars, and prints per run the three edit-to-page times, their median and
# watch's own build times (the first is watch's first build, then one per edit).
set -eu
cd "$(dirname "$0")/.."
rounds=${ROUNDS:-3}
[ $# -gt 0 ] || set -- target/brochure.jar
[ -f target/brochure.jar ] || mvn -B -q -o package -DskipTests -Dfuzz.skip
report=target/failsafe-reports/dev.brochure.e2e.ReleaseJarIT-output.txt
i=0
while [ "$i" -lt "$rounds" ]; do
    i=$((i + 1))
    for jar in "$@"; do
        load=$(cut -d' ' -f1 /proc/loadavg)
        mvn -B -q -o validate test-compile failsafe:integration-test -Dfuzz.skip -Dbrochure.jar="$(readlink -f "$jar")" \
            '-Dit.test=ReleaseJarIT#initBuildThenWatch*' >/dev/null 2>&1 || true
        echo "$jar (load $load): $(grep -h 'edit to page' "$report" | sed 's/.*Chromium //; s/; watch printed://')" \
            "builds: $(grep -h '^wrote' "$report" | sed 's/.*in //' | tr '\n' ' ')"
    done
done

#!/usr/bin/env bash
# Checks that the jars are reproducible: clones this repository's HEAD twice, into two different
# temporary folders, builds each with
#     mvn -B -q -o package -DskipTests -Dfuzz.skip
# and compares the SHA-256 of target/brochure.jar (the runnable, shaded jar) and of
# target/brochure-0.1.0.jar. Prints the sums; exits 1 if they differ. Only committed work is built.
# Usage: bench/reproducible-jar.sh         (two offline builds, about a minute on 2 cores)
#        MVN_FLAGS= bench/reproducible-jar.sh   (allow Maven to download what it lacks)
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)
commit=$(git rev-parse HEAD)
flags=${MVN_FLAGS--o}
if [ -n "$(git status --porcelain --untracked-files=no)" ]; then
    echo "note: uncommitted changes are not part of the check (it builds $commit)" >&2
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Two clones at different paths and depths, made at different times: nothing of either may show.
dirs=("$work/a/brochure" "$work/second clone/deeper/brochure")
for dir in "${dirs[@]}"; do
    mkdir -p "$(dirname "$dir")"
    git clone -q --no-hardlinks "$repo" "$dir"
    git -C "$dir" -c advice.detachedHead=false checkout -q "$commit"
    echo "== building $commit in $dir" >&2
    (cd "$dir" && mvn -B -q $flags package -DskipTests -Dfuzz.skip)
    sleep 2 # a later clock for the second build
done

status=0
for jar in brochure.jar brochure-0.1.0.jar; do
    one=$(sha256sum "${dirs[0]}/target/$jar" | cut -d' ' -f1)
    two=$(sha256sum "${dirs[1]}/target/$jar" | cut -d' ' -f1)
    if [ "$one" = "$two" ]; then
        echo "$jar: identical, sha256 $one"
    else
        echo "$jar: DIFFERENT: $one against $two"
        status=1
    fi
done
exit $status

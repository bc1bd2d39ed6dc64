#!/usr/bin/env bash
# Scan-speed benchmark: apisec full scan vs. "parse every file with JavaParser", each in its own JVM.
#
#   bench/run.sh [files] [threads]      generate (once) a synthetic tree of <files> Java files (default 15000)
#                                       under bench/work/ and compare on <threads> threads (default 2)
#   bench/run.sh --scan <dir> [threads] the same comparison on any existing source tree
#
# Environment: RUNS (measured rounds, default 3), WARMUP (warm-up runs inside each JVM, default 1),
# SEED (generator seed, default 42), HEAP (-Xmx of every measuring JVM, default 1g),
# REBUILD=1 (re-install the main reactor even when its jars are already in the local repository).
# See docs/performance.md.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

runs="${RUNS:-3}"
warmup="${WARMUP:-1}"
seed="${SEED:-42}"
heap="${HEAP:-1g}"

mode=generated
if [[ "${1:-}" == "--scan" ]]; then
  mode=existing
  [[ $# -ge 2 ]] || { echo "usage: bench/run.sh --scan <dir> [threads]" >&2; exit 2; }
  target="$(cd "$2" && pwd)"
  threads="${3:-2}"
else
  files="${1:-15000}"
  threads="${2:-2}"
fi

# 1. build: the main reactor's jars (once), then the benchmark's runnable jar
version="$(sed -n 's:.*<version>\(.*\)</version>.*:\1:p' pom.xml | head -1)"
m2="${MAVEN_REPO_LOCAL:-$HOME/.m2/repository}/dev/apisec"
if [[ "${REBUILD:-0}" == 1 || ! -f "$m2/analyzer-core/$version/analyzer-core-$version.jar" \
      || ! -f "$m2/rules/$version/rules-$version.jar" ]]; then
  echo "== mvn install -DskipTests (main reactor)"
  mvn -B -q install -DskipTests
fi
echo "== mvn -f bench/pom.xml package"
mvn -B -q -f bench/pom.xml package -DskipTests
jar="$root/bench/target/apisec-bench.jar"

# 2. the tree
if [[ "$mode" == generated ]]; then
  target="$root/bench/work/tree-$files-seed$seed"
  echo "== tree: $target"
  # regenerated only when missing or written by another generator version, file count or seed
  java -jar "$jar" generate "$target" --files "$files" --seed "$seed" --reuse true
fi

# 3. measure: baseline and scan alternate, each measurement in its own JVM with -Xmx$heap
echo "== machine: $(nproc) cores, $(uptime | sed 's/.*load average/load average/')"
java -version 2>&1 | head -1
echo "== commit $(git rev-parse --short HEAD 2>/dev/null || echo unknown)$(git diff --quiet HEAD 2>/dev/null || echo ' (+ uncommitted changes)')"
java "-Xmx$heap" -jar "$jar" compare "$target" --threads "$threads" --runs "$runs" --warmup "$warmup"
echo "== load after: $(uptime | sed 's/.*load average/load average/')"

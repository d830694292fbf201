#!/bin/sh
# Runs Plauder's load scenarios against the packaged jar and the bare relay, and writes the
# results to server/target/load/results-<time>.{md,jsonl} (see docs/benchmarks.md).
#   server/src/test/resources/load/benchmarks.sh --quick          # every scenario, tiny sizes, ~5 min
#   server/src/test/resources/load/benchmarks.sh                  # the issue's sizes, ~45 min
#   server/src/test/resources/load/benchmarks.sh --scenarios messages --message-rates 300 --targets plauder
set -eu
cd "$(dirname "$0")/../../../../.."
command="$0 $*"
mvn -B -q package -DskipTests
mvn -B -q -pl server dependency:build-classpath -Dmdep.outputFile=target/load-classpath.txt
# 6 GB: the coordinator seeds the export scenario's store in its own heap (1.6 GB for a million messages).
exec java -Xmx6g -Dload.command="$command" \
  -cp "server/target/test-classes:server/target/classes:$(cat server/target/load-classpath.txt)" \
  org.plauder.load.LoadMain "$@"

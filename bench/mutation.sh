#!/usr/bin/env bash
# The gate's mutation score (issue 10): every broken variant the document gives, each in front of a fresh
# reference server, the gate run against it. Writes docs/mutation.md.
#   bash bench/mutation.sh                   (the whole set: about 10 minutes on 2 cores)
#   bash bench/mutation.sh --sample 50 --seed 7   (a seeded sample)
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q install -DskipTests
mvn -B -q -pl contract-tests exec:java -Dexec.classpathScope=test \
  -Dexec.mainClass=io.hakit.contract.mutation.MutationHarness -Dkit.root="$PWD" -Dexec.args="$*"

#!/usr/bin/env bash
# Runs the inference-classifier demo on the CPU with its bundled tiny model, against Azurite:
#   demo-apps/inference-classifier/run.sh
# then, in another shell:
#   curl -s -XPOST localhost:8080/api/classify -H 'Content-Type: application/json' \
#        -d '{"id":"r-1","features":[0.5,-1,2,0,1.5,-0.5,0.25,3]}'
#   curl -s localhost:8080/actuator/health/inference
# and for the queue path, put {"id":..., "features":[8 floats]} (Base64) on the 'readings' queue and
# read the result from 'classifications' (see the README's inference section).
# DJL never reaches the network: offline mode, natives from the bundled pytorch-native-cpu jar,
# extracted under demo-apps/inference-classifier/.funcboot/djl-cache. The first build needs the
# DJL jars in the local Maven repository (MVN_ARGS="-B -q" downloads them once).
set -euo pipefail

cd "$(dirname "$0")/../.."
: "${MVN_ARGS:=-B -q -o}"
: "${SKIP_BUILD:=false}"

scripts/services.sh start azurite
if [ "$SKIP_BUILD" != true ]; then
  # shellcheck disable=SC2086
  ./mvnw $MVN_ARGS package -DskipTests -pl demo-apps/inference-classifier -am
fi
cd demo-apps/inference-classifier
cache="$PWD/.funcboot/djl-cache"
exec java -Dai.djl.offline=true -DDJL_CACHE_DIR="$cache" -DENGINE_CACHE_DIR="$cache" \
  -jar target/funcboot-demo-inference-classifier-0.1.0-SNAPSHOT-exec.jar "$@"

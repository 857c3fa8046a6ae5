#!/usr/bin/env bash
# The inference benchmark on a CUDA machine: the same harness as `benchmarks/run.sh inference`,
# built with the CUDA natives (Maven profile `cuda`: ai.djl.pytorch:pytorch-native-cu128 2.7.1
# instead of pytorch-native-cpu) and run with device `gpu`, which fails loudly rather than falling
# back to the CPU when PyTorch sees no GPU. Prints nvidia-smi and the device that ran the model.
#
# Needs: Linux x86_64, an NVIDIA driver able to run CUDA 12.8 (R570 or newer), Java 17.
#   benchmarks/gpu/run.sh            build (downloads the CUDA natives once: several GB) and run
#   benchmarks/gpu/run.sh build      only build, e.g. on a machine with Maven Central access
#   benchmarks/gpu/run.sh run        only run the jar built before (no network needed: DJL is offline)
# Also measures the CPU in the same run (CPU_BASELINE=false to skip), so GPU/CPU ratios are printed.
# Tunables are benchmarks/run.sh's INFERENCE_* variables (batch size, delay, concurrency, durations).
set -euo pipefail

cd "$(dirname "$0")/../.."
what="${1:-all}"
case "$what" in
  all|build|run) ;;
  *) echo "usage: $0 [all|build|run]" >&2; exit 2 ;;
esac
: "${CPU_BASELINE:=true}"
: "${MVN_ARGS:=-B -q}"
export INFERENCE_BATCH_SIZE="${INFERENCE_BATCH_SIZE:-8}"

if [ "$what" != run ]; then
  if [ -x ./mvnw ]; then mvn=./mvnw; else mvn=mvn; fi
  echo "Building with the CUDA natives: $mvn $MVN_ARGS -Pcuda package -DskipTests -pl benchmarks -am"
  # shellcheck disable=SC2086
  "$mvn" $MVN_ARGS -Pcuda package -DskipTests -pl benchmarks -am
  unzip -l benchmarks/target/funcboot-benchmarks.jar | grep -q 'pytorch-native-cu128' \
    || { echo "The jar lacks pytorch-native-cu128; was the cuda profile applied?" >&2; exit 1; }
fi
[ "$what" = build ] && exit 0

echo "== GPU =="
if command -v nvidia-smi >/dev/null 2>&1; then
  nvidia-smi --query-gpu=index,name,driver_version,memory.total --format=csv
else
  echo "nvidia-smi not found: this machine shows no NVIDIA GPU; device 'gpu' will fail with the reason" >&2
fi

out=benchmarks/target/bench
mkdir -p "$out"
# device gpu: the model fails to load (and the benchmark exits) if PyTorch sees no GPU
SKIP_BUILD=true INFERENCE_DEVICE=gpu benchmarks/run.sh inference | tee "$out/gpu-run.txt"
if [ "$CPU_BASELINE" = true ]; then
  SKIP_BUILD=true INFERENCE_DEVICE=cpu benchmarks/run.sh inference | tee "$out/cpu-run.txt"
fi

echo
echo "== Which device ran it =="
grep -h '^device:' "$out/gpu-run.txt" | sed 's/^/gpu run: /'
[ "$CPU_BASELINE" = true ] && grep -h '^device:' "$out/cpu-run.txt" | sed 's/^/cpu run: /'
if [ "$CPU_BASELINE" = true ]; then
  echo "== GPU / CPU, batched side, same machine =="
  paste <(grep '^inference throughput' "$out/gpu-run.txt" | awk '{print $3, $4}') \
        <(grep '^inference throughput' "$out/cpu-run.txt" | awk '{print $4}') |
    awk '{ g=$2; c=$3; sub("/s","",g); sub("/s","",c); if (c > 0) printf "%s: gpu %s/s, cpu %s/s, ratio %.2fx\n", $1, g, c, g/c }'
fi

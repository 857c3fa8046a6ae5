#!/usr/bin/env bash
# Runs Funcboot's benchmarks, each against a baseline measured in the same run:
#   http     the same function bean behind a Funcboot HTTP trigger and a plain @RestController,
#            load from a second JVM over loopback (throughput and p99 ratios)
#   startup  JVM start to first HTTP response, a Funcboot app versus a plain one (median ratio)
#   durable  the durable engine in one JVM on three stores side by side (in memory, the baseline;
#            H2 in a file; PostgreSQL), figures against the published Durable Functions targets
#   queue    a no-op Storage queue function through Funcboot versus the raw Azure SDK consuming
#            the same Azurite, alternating sides (messages/s ratio)
#   inference  one model served twice in one JVM, the dynamic batcher on and off, at concurrency 1, 8
#            and 32 (throughput ratio and p95 against max batch delay + 1.2 x single-request latency)
#   faststart  process start to first response of the order-intake demo: plain jar, CDS, Spring AOT,
#            AOT + CDS (median ratios to the plain jar)
#   kafka    a no-op function fed by Kafka through Funcboot versus a raw KafkaConsumer draining the
#            same broker (embedded KRaft unless KAFKA_BROKERS is set), msgs/s and ratio
#   rabbit   the same against RabbitMQ on 127.0.0.1:5672 (scripts/services.sh start rabbitmq)
# Usage: benchmarks/run.sh [all|http|startup|durable|queue|kafka|rabbit|inference|faststart]     (see benchmarks/README.md)
# A MISS is reported, never turned into a failing exit status.
set -euo pipefail

cd "$(dirname "$0")/.."
what="${1:-all}"
case "$what" in
  all|http|startup|durable|queue|kafka|rabbit|inference|faststart) ;;
  *) echo "usage: $0 [all|http|startup|durable|queue|kafka|rabbit|inference|faststart]" >&2; exit 2 ;;
esac

: "${HTTP_CONNECTIONS:=16}"      # concurrent keep-alive connections
: "${HTTP_WARMUP:=20s}"          # split over every side, not measured
: "${HTTP_DURATION:=10s}"        # one measured run of one side
: "${HTTP_ROUNDS:=3}"            # measured runs per side, alternating sides
: "${HTTP_KEYED:=true}"          # also measure the function-key variant
: "${HTTP_SIZED:=true}"          # also measure a controller answering with Content-Length
: "${STARTUP_RUNS:=5}"           # measured starts per side, alternating sides
: "${STARTUP_WARMUP_RUNS:=1}"    # starts per side before measuring (page cache, CDS)
: "${SERVER_JAVA_OPTS:=}"        # JVM options of the HTTP server
: "${LOADGEN_JAVA_OPTS:=}"       # JVM options of the load generator and the start-up harness
: "${STARTUP_JAVA_OPTS:=}"       # JVM options of both start-up applications
: "${DURABLE_STORES:=memory,h2,postgres}"  # stores measured, in order; memory is the baseline
: "${DURABLE_ROUNDS:=5}"         # measured rounds per store (every scenario once per round)
: "${DURABLE_WARMUP_ROUNDS:=1}"  # rounds per store before measuring, not counted
: "${DURABLE_SEQUENTIAL:=200}"   # activities of the sequential orchestration
: "${DURABLE_PARALLEL:=1000}"    # activities of the fan-out/fan-in orchestration
: "${DURABLE_EVENTS:=500}"       # external events one orchestration waits for in turn
: "${DURABLE_CITIES:=500}"       # HelloCities5 orchestrations started together
: "${DURABLE_ORCHESTRATION_THREADS:=2}"  # worker threads running orchestration steps
: "${DURABLE_ACTIVITY_THREADS:=4}"       # worker threads running activities
: "${DURABLE_PG_URL:=jdbc:postgresql://127.0.0.1:5432/test}"  # a fresh schema is created and dropped
: "${DURABLE_PG_USER:=postgres}"
: "${DURABLE_JAVA_OPTS:=}"       # JVM options of the durable benchmark
: "${QUEUE_MESSAGES:=3000}"      # messages per side and round (queue benchmark)
: "${QUEUE_ROUNDS:=3}"           # measured rounds per side, alternating sides
: "${QUEUE_WARMUP_ROUNDS:=1}"    # rounds per side before measuring
: "${QUEUE_JAVA_OPTS:=}"         # JVM options of the queue benchmark
: "${INFERENCE_MODEL:=classpath:models/mlp.pt}"  # the bundled 256-512-512-16 MLP (TorchScript)
: "${INFERENCE_INPUT_SHAPE:=256}"          # one request's shape
: "${INFERENCE_CONCURRENCY:=1,8,32}"       # closed-loop client threads, one run each
: "${INFERENCE_BATCH_SIZE:=8}"             # batched side (the default of a model); the unbatched side uses 1
: "${INFERENCE_MAX_BATCH_DELAY:=2ms}"
: "${INFERENCE_WORKERS:=1}"                # predictors per side
: "${INFERENCE_DEVICE:=auto}"              # auto|cpu|gpu|gpu:N (benchmarks/gpu/run.sh sets gpu)
: "${INFERENCE_WARMUP:=3s}"                # split over the concurrencies, not measured
: "${INFERENCE_DURATION:=5s}"              # one measured run of one side at one concurrency
: "${INFERENCE_ROUNDS:=3}"                 # measured runs per side and concurrency, alternating sides
: "${INFERENCE_JAVA_OPTS:=}"               # JVM options of the inference benchmark
: "${FASTSTART_RUNS:=5}"          # measured starts per variant, alternating variants
: "${FASTSTART_WARMUP_RUNS:=1}"   # starts per variant before measuring
: "${BROKER_MESSAGES:=auto}"    # messages per side per round; auto: kafka 1000000 (a round of about a second), rabbit 300000
: "${BROKER_ROUNDS:=5}"          # measured rounds per broker, alternating which side drains first
: "${BROKER_WARMUP_ROUNDS:=auto}" # rounds per broker before measuring; auto: kafka 6, rabbit 1
: "${BROKER_BATCH_SIZE:=500}"    # Kafka max.poll.records / RabbitMQ prefetch, both sides
: "${KAFKA_BROKERS:=}"           # bootstrap servers; empty starts a KRaft broker (see KAFKA_BROKER_JVM)
: "${KAFKA_BROKER_JVM:=own}"      # own: the broker runs in a JVM of its own; same: in the benchmark's JVM
: "${KAFKA_BROKER_JAVA_OPTS:=}"   # JVM options of the broker's own JVM
: "${BROKER_JAVA_OPTS:=}"        # JVM options of the broker benchmark
: "${SKIP_BUILD:=false}"         # reuse benchmarks/target/funcboot-benchmarks.jar
: "${MVN_ARGS:=-B -q -o}"        # drop -o when the local repository lacks dependencies

out=benchmarks/target/bench
jar=benchmarks/target/funcboot-benchmarks.jar
results="$out/results.tsv"

if [ "$SKIP_BUILD" != "true" ]; then
  if [ -x ./mvnw ]; then mvn=./mvnw; else mvn=mvn; fi
  echo "Building: $mvn $MVN_ARGS package -DskipTests -pl benchmarks -am"
  # Spring Boot's repackage leaves a jar that is already repackaged as it is: when only a module the
  # benchmarks depend on changed, the old jar (with the old module inside) would be measured
  rm -f "$jar" "$jar.original"
  # shellcheck disable=SC2086
  "$mvn" $MVN_ARGS package -DskipTests -pl benchmarks -am
fi
[ -f "$jar" ] || { echo "$jar is missing; run without SKIP_BUILD=true" >&2; exit 1; }

mkdir -p "$out"
rm -f "$results"
exec > >(tee "$out/last-run.txt") 2>&1

echo "== Machine =="
echo "date:    $(date -u +%Y-%m-%dT%H:%M:%SZ)"
echo "commit:  $(git rev-parse --short HEAD 2>/dev/null || echo unknown)$(git diff --quiet 2>/dev/null || echo ' (modified)')"
echo "cpus:    $(nproc) ($(grep -m1 'model name' /proc/cpuinfo 2>/dev/null | cut -d: -f2- | sed 's/^ *//' || echo unknown))"
echo "memory:  $(awk '/MemTotal/ {printf "%.1f GiB", $2/1048576}' /proc/meminfo 2>/dev/null || echo unknown)"
echo "os:      $(uname -srm)"
echo "load:    $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown) (1/5/15 min averages before the run; other work skews absolute numbers more than ratios)"
java -version 2>&1 | sed 's/^/java:    /'
echo "Server and load generator share these CPUs; both sides of every ratio are measured the same way."

server_pid=""
stop_server() {
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
    kill "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  server_pid=""
}
trap stop_server EXIT

run_http() {
  local port_file="$out/http-port"
  rm -f "$port_file"
  # shellcheck disable=SC2086
  java $SERVER_JAVA_OPTS -Dloader.main=dev.funcboot.benchmarks.http.HttpOverheadApp -jar "$jar" \
    --server.port=0 --bench.port-file="$port_file" >"$out/http-server.log" 2>&1 &
  server_pid=$!
  local waited=0
  until [ -s "$port_file" ]; do
    if ! kill -0 "$server_pid" 2>/dev/null; then
      echo "The HTTP server exited before listening; last lines of $out/http-server.log:" >&2
      tail -n 30 "$out/http-server.log" >&2
      exit 1
    fi
    if [ "$waited" -ge 1200 ]; then
      echo "The HTTP server did not listen within 120 s; see $out/http-server.log" >&2
      exit 1
    fi
    sleep 0.1
    waited=$((waited + 1))
  done
  echo
  # shellcheck disable=SC2086
  java $LOADGEN_JAVA_OPTS -Dloader.main=dev.funcboot.benchmarks.http.LoadGenerator -jar "$jar" \
    --port-file "$port_file" --connections "$HTTP_CONNECTIONS" --warmup "$HTTP_WARMUP" \
    --duration "$HTTP_DURATION" --rounds "$HTTP_ROUNDS" --keyed "$HTTP_KEYED" --sized "$HTTP_SIZED" \
    --results "$results"
  stop_server
}

run_startup() {
  echo
  # shellcheck disable=SC2086
  java $LOADGEN_JAVA_OPTS -Dloader.main=dev.funcboot.benchmarks.startup.StartupBenchmark -jar "$jar" \
    --runs "$STARTUP_RUNS" --warmup-runs "$STARTUP_WARMUP_RUNS" --java-opts "$STARTUP_JAVA_OPTS" \
    --log-dir "$out/startup" --results "$results"
}

run_durable() {
  echo
  # shellcheck disable=SC2086
  java $DURABLE_JAVA_OPTS -Dloader.main=dev.funcboot.benchmarks.durable.DurableBenchmark -jar "$jar" \
    --stores "$DURABLE_STORES" --rounds "$DURABLE_ROUNDS" --warmup-rounds "$DURABLE_WARMUP_ROUNDS" \
    --sequential "$DURABLE_SEQUENTIAL" --parallel "$DURABLE_PARALLEL" --events "$DURABLE_EVENTS" \
    --cities "$DURABLE_CITIES" --orchestration-threads "$DURABLE_ORCHESTRATION_THREADS" \
    --activity-threads "$DURABLE_ACTIVITY_THREADS" --pg-url "$DURABLE_PG_URL" --pg-user "$DURABLE_PG_USER" \
    --results "$results"
}

run_queue() {
  echo
  scripts/services.sh start azurite
  # shellcheck disable=SC2086
  java $QUEUE_JAVA_OPTS -Dloader.main=dev.funcboot.benchmarks.queue.QueueBenchmark -jar "$jar" \
    --messages "$QUEUE_MESSAGES" --rounds "$QUEUE_ROUNDS" --warmup-rounds "$QUEUE_WARMUP_ROUNDS" \
    --results "$results"
}

run_inference() {
  echo
  # DJL stays offline; natives come from the bundled pytorch-native jar, extracted under target/
  # shellcheck disable=SC2086
  java $INFERENCE_JAVA_OPTS -Dai.djl.offline=true -DDJL_CACHE_DIR="$PWD/benchmarks/target/djl-cache" \
    -DENGINE_CACHE_DIR="$PWD/benchmarks/target/djl-cache" \
    -Dloader.main=dev.funcboot.benchmarks.inference.InferenceBenchmark -jar "$jar" \
    --model "$INFERENCE_MODEL" --input-shape "$INFERENCE_INPUT_SHAPE" --concurrency "$INFERENCE_CONCURRENCY" \
    --batch-size "$INFERENCE_BATCH_SIZE" --max-batch-delay "$INFERENCE_MAX_BATCH_DELAY" \
    --workers "$INFERENCE_WORKERS" --device "$INFERENCE_DEVICE" --warmup "$INFERENCE_WARMUP" \
    --duration "$INFERENCE_DURATION" --rounds "$INFERENCE_ROUNDS" --results "$results"
}

run_faststart() {
  echo
  local dir="$out/faststart" demo=demo-apps/order-intake/target/funcboot-demo-order-intake-0.1.0-SNAPSHOT-exec.jar
  mkdir -p "$dir"
  if [ -x ./mvnw ]; then mvn=./mvnw; else mvn=mvn; fi
  # the same demo twice: as built, and with Spring AOT's build-time processing (-Paot)
  # shellcheck disable=SC2086
  "$mvn" $MVN_ARGS package -DskipTests -pl demo-apps/order-intake -am && cp "$demo" "$dir/order-intake.jar"
  # shellcheck disable=SC2086
  "$mvn" $MVN_ARGS package -DskipTests -Paot -pl demo-apps/order-intake -am && cp "$demo" "$dir/order-intake-aot.jar"
  scripts/services.sh start azurite
  java -Dloader.main=dev.funcboot.benchmarks.faststart.FastStartBenchmark -jar "$jar" \
    --jar "$dir/order-intake.jar" --aot-jar "$dir/order-intake-aot.jar" --work-dir "$dir" \
    --runs "$FASTSTART_RUNS" --warmup-runs "$FASTSTART_WARMUP_RUNS" --results "$results"
}

# A KRaft broker in a JVM of its own for the Kafka benchmark (unless KAFKA_BROKERS names one):
# its threads, garbage and JIT compilation stay out of the JVM whose consumers are measured.
start_kafka() {
  local ready="$out/kafka-broker.address"
  rm -f "$ready"
  # shellcheck disable=SC2086
  java $KAFKA_BROKER_JAVA_OPTS -Dloader.main=dev.funcboot.benchmarks.broker.KafkaBrokerMain -jar "$jar" "$ready" \
    > "$out/kafka-broker.log" 2>&1 &
  kafka_pid=$!
  trap 'if [ -n "${kafka_pid:-}" ]; then kill "$kafka_pid" 2>/dev/null || true; fi' EXIT
  for _ in $(seq 1 120); do
    if [ -s "$ready" ]; then KAFKA_BROKERS=$(cat "$ready"); echo "Kafka: a KRaft broker in its own JVM (pid $kafka_pid) at $KAFKA_BROKERS"; return 0; fi
    if ! kill -0 "$kafka_pid" 2>/dev/null; then echo "the Kafka broker did not start; see $out/kafka-broker.log" >&2; exit 1; fi
    sleep 0.5
  done
  echo "the Kafka broker did not start within 60 s; see $out/kafka-broker.log" >&2
  kill "$kafka_pid" 2>/dev/null
  exit 1
}

run_broker() {
  echo
  local extra=()
  local own_broker=false
  if [ "$1" = kafka ] && [ -z "$KAFKA_BROKERS" ] && [ "$KAFKA_BROKER_JVM" = own ]; then start_kafka; own_broker=true; fi
  if [ "$1" = kafka ] && [ -n "$KAFKA_BROKERS" ]; then extra=(--kafka-brokers "$KAFKA_BROKERS"); fi
  # Kafka's per-poll code (Spring Kafka's loop, Funcboot's poll handler) runs 2,000 times a round of
  # 1,000,000: C2 compiles it within some 6,000 to 10,000 polls, and until then its compiler thread takes a
  # core. Rounds of 300,000 (a third of a second) moved by 0.4 either way with one GC or compile.
  local warmup=$BROKER_WARMUP_ROUNDS messages=$BROKER_MESSAGES
  if [ "$warmup" = auto ]; then if [ "$1" = kafka ]; then warmup=6; else warmup=1; fi; fi
  if [ "$messages" = auto ]; then if [ "$1" = kafka ]; then messages=1000000; else messages=300000; fi; fi
  # shellcheck disable=SC2086
  java $BROKER_JAVA_OPTS -Dloader.main=dev.funcboot.benchmarks.broker.BrokerBenchmark -jar "$jar" \
    --broker "$1" --messages "$messages" --rounds "$BROKER_ROUNDS" --warmup-rounds "$warmup" \
    --batch-size "$BROKER_BATCH_SIZE" --results "$results" "${extra[@]}"
  if [ "$own_broker" = true ]; then kill "$kafka_pid"; wait "$kafka_pid" 2>/dev/null || true; kafka_pid=; KAFKA_BROKERS=; fi
}

started=$(date +%s)
if [ "$what" = all ] || [ "$what" = http ]; then run_http; fi
if [ "$what" = all ] || [ "$what" = startup ]; then run_startup; fi
if [ "$what" = all ] || [ "$what" = durable ]; then run_durable; fi
if [ "$what" = all ] || [ "$what" = queue ]; then run_queue; fi
if [ "$what" = all ] || [ "$what" = inference ]; then run_inference; fi
if [ "$what" = all ] || [ "$what" = faststart ]; then run_faststart; fi
if [ "$what" = all ] || [ "$what" = kafka ]; then run_broker kafka; fi
if [ "$what" = all ] || [ "$what" = rabbit ]; then run_broker rabbit; fi

echo
echo "== Results (ratio = Funcboot / baseline measured in the same run; durable rows: figure / published"
echo "   Durable Functions figure, target on the figure itself) =="
printf '%-34s %10s %10s %8s %9s  %s\n' metric funcboot baseline ratio target verdict
while IFS=$'\t' read -r metric funcboot plain ratio target verdict; do
  printf '%-34s %10s %10s %8s %9s  %s\n' "$metric" "$funcboot" "$plain" "$ratio" "$target" "$verdict"
done <"$results"
echo "(took $(( $(date +%s) - started )) s; output saved in $out/last-run.txt)"

#!/usr/bin/env bash
# Runs a demo on embedded defaults: builds the modules it needs, then `spring-boot:run`.
#   scripts/run-demo.sh                   order-intake on :8080 (HTTP API, keys, clean-up timer, H2 file,
#                                         Storage queues on Azurite, which it starts)
#   scripts/run-demo.sh order-approval    order-approval on :8081 (durable approval workflow, fan-out/fan-in)
#   scripts/run-demo.sh order-events      order-events on :8082 (HTTP -> RabbitMQ -> Kafka, batches counted;
#                                         starts RabbitMQ when missing, Kafka embedded unless configured)
# Stop with Ctrl-C. Extra arguments go to spring-boot:run.
set -euo pipefail
cd "$(dirname "$0")/.."
demo="${1:-order-intake}"
[ $# -gt 0 ] && shift
if [ ! -d "demo-apps/$demo" ]; then
  echo "unknown demo '$demo'; choose one of: $(ls demo-apps | tr '\n' ' ')" >&2
  exit 2
fi
case "$demo" in
  order-intake) scripts/services.sh start azurite ;;
  order-events)
    scripts/services.sh start rabbitmq
    # the local profile starts an embedded Kafka broker unless spring.cloud.stream.kafka.binder.brokers is set
    set -- -Dspring-boot.run.profiles=local "$@" ;;
esac
./mvnw -B -ntp -q install -DskipTests -pl "demo-apps/$demo" -am
exec ./mvnw -B -ntp -f "demo-apps/$demo/pom.xml" spring-boot:run "$@"

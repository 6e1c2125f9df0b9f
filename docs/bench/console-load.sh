#!/usr/bin/env bash
# Console query latency with many historic instances on the embedded H2 file.
# Usage (after mvn package): bash docs/bench/console-load.sh [instances]   (default 100000)
# Seeds completed instances of order-fulfillment straight into the engine's history tables
# (instance, 5 activity instances and 2 variables each), then times the console's calls.
set -euo pipefail
N=${1:-100000}
cd "$(dirname "$0")/../.."
JAR=engine/target/baton.jar
PORT=${PORT:-18585}
DATA=$(mktemp -d)
WORK=$(mktemp -d)
trap 'kill $(cat "$WORK/pid" 2>/dev/null) 2>/dev/null || true; rm -rf "$DATA" "$WORK"' EXIT

start() {
  java -Xmx1g -jar "$JAR" --server.port="$PORT" --BATON_DATA_DIR="$DATA" >>"$WORK/baton.log" 2>&1 &
  echo $! >"$WORK/pid"
  for _ in $(seq 120); do curl -sf "localhost:$PORT/actuator/health" >/dev/null && return; sleep 1; done
  echo "Baton did not start; see $WORK/baton.log" >&2; exit 1
}
stop() { kill "$(cat "$WORK/pid")"; wait "$(cat "$WORK/pid")" 2>/dev/null || true; }
api() { curl -sf -u demo:demo "localhost:$PORT$1"; }

start
DEF=$(api /api/definitions | python3 -c 'import json,sys; print(next(d["id"] for d in json.load(sys.stdin) if d["key"]=="order-fulfillment"))')
stop

unzip -q -o -j "$JAR" 'BOOT-INF/lib/h2-*.jar' -d "$WORK"
cat >"$WORK/seed.sql" <<SQL
INSERT INTO ACT_HI_PROCINST (ID_, PROC_INST_ID_, BUSINESS_KEY_, PROC_DEF_KEY_, PROC_DEF_ID_, START_TIME_, END_TIME_, DURATION_, START_ACT_ID_, END_ACT_ID_, ROOT_PROC_INST_ID_, STATE_)
  SELECT 'seed-'||X, 'seed-'||X, 'order-'||X, 'order-fulfillment', '$DEF',
         DATEADD('SECOND', -X, CURRENT_TIMESTAMP), DATEADD('MILLISECOND', 100 + MOD(X, 400), DATEADD('SECOND', -X, CURRENT_TIMESTAMP)),
         100 + MOD(X, 400), 'orderReceived', 'fulfilled', 'seed-'||X, 'COMPLETED'
  FROM SYSTEM_RANGE(1, $N);
INSERT INTO ACT_HI_ACTINST (ID_, PROC_DEF_KEY_, PROC_DEF_ID_, ROOT_PROC_INST_ID_, PROC_INST_ID_, EXECUTION_ID_, ACT_ID_, ACT_NAME_, ACT_TYPE_, START_TIME_, END_TIME_, DURATION_, ACT_INST_STATE_, SEQUENCE_COUNTER_)
  SELECT 'seed-'||X||'-'||A.ID, 'order-fulfillment', '$DEF', 'seed-'||X, 'seed-'||X, 'seed-'||X, A.ID, A.ID, A.T,
         DATEADD('SECOND', -X, CURRENT_TIMESTAMP), DATEADD('MILLISECOND', MOD(X * A.F, 97) + A.F, DATEADD('SECOND', -X, CURRENT_TIMESTAMP)),
         MOD(X * A.F, 97) + A.F, 1, A.S
  FROM SYSTEM_RANGE(1, $N)
  CROSS JOIN (VALUES ('orderReceived','startEvent',1,1), ('reserveInventory','serviceTask',20,2), ('chargePayment','serviceTask',40,3),
                     ('shipOrder','serviceTask',30,4), ('fulfilled','noneEndEvent',1,5)) AS A(ID, T, F, S);
INSERT INTO ACT_HI_VARINST (ID_, PROC_DEF_KEY_, PROC_DEF_ID_, ROOT_PROC_INST_ID_, PROC_INST_ID_, EXECUTION_ID_, ACT_INST_ID_, NAME_, VAR_TYPE_, REV_, LONG_, TEXT_, CREATE_TIME_, STATE_)
  SELECT 'seed-'||X||'-amount', 'order-fulfillment', '$DEF', 'seed-'||X, 'seed-'||X, 'seed-'||X, 'seed-'||X, 'amount', 'integer', 0, MOD(X, 5000), NULL, DATEADD('SECOND', -X, CURRENT_TIMESTAMP), 'CREATED'
  FROM SYSTEM_RANGE(1, $N);
INSERT INTO ACT_HI_VARINST (ID_, PROC_DEF_KEY_, PROC_DEF_ID_, ROOT_PROC_INST_ID_, PROC_INST_ID_, EXECUTION_ID_, ACT_INST_ID_, NAME_, VAR_TYPE_, REV_, LONG_, TEXT_, CREATE_TIME_, STATE_)
  SELECT 'seed-'||X||'-orderId', 'order-fulfillment', '$DEF', 'seed-'||X, 'seed-'||X, 'seed-'||X, 'seed-'||X, 'orderId', 'string', 0, NULL, 'order-'||X, DATEADD('SECOND', -X, CURRENT_TIMESTAMP), 'CREATED'
  FROM SYSTEM_RANGE(1, $N);
SQL
echo "seeding $N historic instances ($(date +%T))"
java -cp "$WORK"/h2-*.jar org.h2.tools.RunScript -url "jdbc:h2:file:$DATA/baton" -user sa -script "$WORK/seed.sql"
echo "seeded ($(date +%T))"
start

time_call() { # name path rounds
  local name=$1 path=$2 rounds=${3:-30} t=()
  api "$path" >/dev/null
  for _ in $(seq "$rounds"); do t+=("$(curl -s -o /dev/null -w '%{time_total}' -u demo:demo "localhost:$PORT$path")"); done
  printf '%s\n' "${t[@]}" | sort -n | awk -v n="$name" '{a[NR]=$1} END {printf "| %-38s | %7.1f | %7.1f |\n", n, a[int(NR*0.5)+0]*1000, a[int(NR*0.95)+0]*1000}'
}
# sanity: the API sees the seeded history
api "/api/instances?size=1" | python3 -c 'import json,sys; print("instances in the list:", json.load(sys.stdin)["total"])'
api "/api/definitions/$DEF/statistics" | python3 -c 'import json,sys; a={x["activityId"]:x for x in json.load(sys.stdin)["activities"]}["chargePayment"]; print("chargePayment passed:", a["passed"], "p50:", a["p50Millis"], "ms p95:", a["p95Millis"], "ms")'
echo "| call ($N historic instances) | p50 ms | p95 ms |"
echo "|---|---|---|"
time_call "instance list, first page" "/api/instances?size=50"
time_call "instance list, page 1000" "/api/instances?size=50&page=1000"
time_call "filter: business key exact" "/api/instances?businessKey=order-4242"
time_call "filter: business key prefix" "/api/instances?businessKeyPrefix=order-4242"
time_call "filter: state COMPLETED" "/api/instances?state=COMPLETED&size=50"
time_call "filter: variable amount = 4242" "/api/instances?variableName=amount&variableValue=4242"
time_call "filter: started in the last hour" "/api/instances?startedAfter=$(date -u -d '-1 hour' +%Y-%m-%dT%H:%M:%SZ)"
time_call "instance detail" "/api/instances/seed-4242/detail"
time_call "definition statistics (heatmap)" "/api/definitions/$DEF/statistics" 10
time_call "dashboard" "/api/dashboard" 10

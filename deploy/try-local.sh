#!/usr/bin/env bash
# Runs the single-node overlay on this machine, from the rendered manifests, with `podman kube play`
# (runc): the four images of ./publish-images.sh, a PostgreSQL (one database and one role per
# service) and a Redis (with a password) started here on the host, the Secrets the manifests expect.
# It waits until each service answers SERVING on grpc.health.v1 at its probe port (the mesh port),
# then renders a meeting report through Meetings, which draws on Treaty, Directory and
# TechnicalCooperation, checks that no section is missing, and checks that the partner keys of the
# mounted Secret are what the services accept. Everything it starts is removed at the end.
#
# podman has no cluster DNS and no Services: deploy/try-local (the single-node overlay plus
# hostAliases) gives every pod a fixed address on a podman network made here, and the Service
# names resolve to those addresses. PostgreSQL and Redis listen on that network's gateway.
#
# Options:
#   --publish         publish the images first (./publish-images.sh --no-run), even if archives exist
#   --measure SECONDS after the checks, drive a small load (h2load) at every service for SECONDS and
#                     report each one's memory (RSS) and CPU
#   --keep            leave everything running until Ctrl-C
# Needs (installed with apt-get when missing, as root): podman, runc, catatonit, redis-server,
# postgresql, nghttp2-client (for --measure); kubectl (1.27 or later) and Node.js (for buf).
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
SERVICES="directory treaty techcoop meetings"
PUBLISH=0
MEASURE=0
KEEP=0
while [[ $# -gt 0 ]]; do
  case "$1" in
    --publish) PUBLISH=1 ;;
    --measure) MEASURE="$2"; shift ;;
    --keep) KEEP=1 ;;
    *) echo "unknown option: $1" >&2; exit 2 ;;
  esac
  shift
done

# The addresses deploy/try-local/kustomization.yaml gives the pods.
NETWORK=tocmesh-local
SUBNET=10.89.201
GATEWAY="$SUBNET.1"
declare -A IP=([directory]="$SUBNET.11" [treaty]="$SUBNET.12" [techcoop]="$SUBNET.13" [meetings]="$SUBNET.14")
MESH_PORT=8082
GRPC_PORT=8080
JSON_PORT=8081

log() { printf '[%s] %s\n' "$(date -u +%H:%M:%S)" "$*"; }
now() { date +%s.%N; }
elapsed() { printf '%.1f' "$(echo "$(now) - $1" | bc)"; }
fail() { log "FAILED: $*"; exit 1; }
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
random_secret() { head -c 32 /dev/urandom | base64 -w0 | tr '+/' '-_' | tr -d '='; }
sha256() { printf %s "$1" | sha256sum | cut -d' ' -f1; }

# `need COMMAND:PACKAGE...`: installs the packages whose command is missing.
need() {
  local missing=()
  for pair in "$@"; do
    command -v "${pair%%:*}" >/dev/null || missing+=("${pair#*:}")
  done
  if [[ ${#missing[@]} -gt 0 ]]; then
    log "installing ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
}

[[ "$MEASURE" =~ ^[0-9]+$ ]] || { echo "--measure takes a number of seconds" >&2; exit 2; }
STARTED_ALL=$(now)
need podman:podman runc:runc catatonit:catatonit redis-server:redis-server bc:bc
if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  log "installing postgresql"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends postgresql >/dev/null
fi
[[ "$MEASURE" == 0 ]] || need h2load:nghttp2-client
command -v kubectl >/dev/null || fail "kubectl is needed (kubectl kustomize); install kubectl 1.27 or later"
PGBIN="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)"
BUF="$ROOT/.tools/buf/node_modules/.bin/buf"
if [[ ! -x "$BUF" ]]; then
  log "installing buf into .tools/buf"
  npm install --prefix "$ROOT/.tools/buf" --no-audit --no-fund --silent @bufbuild/buf@1.75.0
fi

WORK="$(mktemp -d /tmp/tocmesh-try-local.XXXXXX)"
PGROOT="$(mktemp -d /tmp/tocmesh-try-local-pg.XXXXXX)"
REDIS_PID=
PG_STARTED=0
KUBE_NETWORK_EXISTED=1
SECRETS=()
PLAYED=()
VOLUMES_BEFORE="$WORK/volumes-before"

as_postgres() {
  if [[ "$(id -u)" == 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi
}

cleanup() {
  local code=$?
  set +e
  log "cleaning up"
  for file in "${PLAYED[@]}"; do podman kube down "$file" >/dev/null 2>&1; done
  for secret in "${SECRETS[@]}"; do podman secret rm "$secret" >/dev/null 2>&1; done
  # The volumes podman made for the pods (the images' /data, the emptyDirs, the mounted Secrets).
  if [[ -f "$VOLUMES_BEFORE" ]]; then
    podman volume ls -q | sort | comm -13 "$VOLUMES_BEFORE" - | xargs -r podman volume rm --force >/dev/null 2>&1
  fi
  podman network rm --force "$NETWORK" >/dev/null 2>&1
  # kube play creates its default network even when told to use another one.
  [[ "$KUBE_NETWORK_EXISTED" == 1 ]] || podman network rm --force podman-default-kube-network >/dev/null 2>&1
  [[ -n "$REDIS_PID" ]] && kill "$REDIS_PID" 2>/dev/null && wait "$REDIS_PID" 2>/dev/null
  [[ "$PG_STARTED" == 1 ]] && as_postgres "$PGBIN/pg_ctl" -D "$PGROOT/data" -m fast stop >/dev/null 2>&1
  rm -rf "$WORK" "$PGROOT"
  exit "$code"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# --- podman with runc and the limits this shell has ------------------------------------------------
# crun cannot set its default limits where the process may not raise them (no CAP_SYS_RESOURCE, as in
# some sandboxes); runc with the shell's own limits works everywhere publish-images.sh runs.
export CONTAINERS_CONF="$WORK/containers.conf"
printf '[containers]\ndefault_ulimits = ["nofile=%s:%s", "nproc=4096:4096"]\n[engine]\nruntime = "runc"\n' \
  "$(ulimit -Hn)" "$(ulimit -Hn)" > "$CONTAINERS_CONF"
podman volume ls -q | sort > "$VOLUMES_BEFORE"
KUBE_NETWORK_EXISTED=0
podman network exists podman-default-kube-network && KUBE_NETWORK_EXISTED=1

# --- The rendered overlay, one file per service (its ConfigMap and its Deployment) -----------------
# Two changes for podman 4.3 (Debian 12), in these files only:
# - it publishes every containerPort on the host (later versions only with --publish-all), so the
#   four pods would fight over 8080-8082 of the host: the container ports, which Kubernetes only
#   documents, are left out. The services listen on them all the same;
# - it applies the pod's restart policy to init containers too, so under a Deployment's Always it
#   restarts the migration each time it exits: the pods restart OnFailure, and the migration runs
#   once, as under Kubernetes.
kubectl kustomize "$ROOT/deploy/try-local" > "$WORK/rendered.yaml"
python3 - "$WORK" $SERVICES <<'EOF'
import re, sys
work, services = sys.argv[1], sys.argv[2:]
docs = open(f'{work}/rendered.yaml').read().split('\n---\n')
def field(doc, pattern):
    m = re.search(pattern, doc, re.M)
    return m.group(1) if m else None
def for_podman(doc):
    kept, skipping = [], None
    for line in doc.split('\n'):
        if line == '    spec:':
            kept += [line, '      restartPolicy: OnFailure']
            continue
        if skipping is not None and (line.startswith(skipping + '- ') or line.startswith(skipping + '  ')):
            continue
        skipping = None
        m = re.match(r'^(\s*)ports:\s*$', line)
        if m:
            skipping = m.group(1)
            continue
        kept.append(line)
    return '\n'.join(kept)
for service in services:
    kept = []
    for doc in docs:
        kind, name = field(doc, r'^kind: (\S+)'), field(doc, r'^  name: (\S+)')
        if kind == 'Deployment' and name == service:
            kept.append(for_podman(doc.strip('\n')))
        elif kind == 'ConfigMap' and name.startswith(f'{service}-settings-'):
            kept.append(doc.strip('\n'))
    if len(kept) != 2 or 'restartPolicy: OnFailure' not in kept[-1] + kept[0]:
        sys.exit(f'{service}: expected its ConfigMap and Deployment in the rendered overlay, found {len(kept)} objects')
    open(f'{work}/{service}.yaml', 'w').write('\n---\n'.join(kept) + '\n')
EOF

# --- The images the overlay names -------------------------------------------------------------------
if [[ "$PUBLISH" == 1 ]]; then
  "$ROOT/publish-images.sh" --no-run --services "$SERVICES"
fi
for service in $SERVICES; do
  wanted="$(sed -n 's/^ *image: //p' "$WORK/$service.yaml" | sort -u)"
  [[ "$(wc -l <<< "$wanted")" == 1 ]] || fail "$service: more than one image in its Deployment: $wanted"
  archive="$ROOT/artifacts/images/$service.tar.gz"
  if [[ ! -f "$archive" ]]; then
    log "no $archive: publishing tocmesh/$service"
    "$ROOT/publish-images.sh" --no-run --services "$service"
  fi
  loaded="$(podman load --quiet --input "$archive" | sed -n 's/^Loaded image: //p' | tail -1)"
  [[ "$loaded" == "$wanted" || "$loaded" == "docker.io/$wanted" || "$loaded" == "localhost/$wanted" ]] \
    || fail "$archive holds $loaded but the overlay runs $wanted; publish again (--publish)"
  log "$service: image $loaded"
done

# --- The network, and the host's PostgreSQL and Redis on its gateway ---------------------------------
podman network rm --force "$NETWORK" >/dev/null 2>&1 || true
podman network create --subnet "$SUBNET.0/24" --gateway "$GATEWAY" "$NETWORK" >/dev/null
# The bridge (and its gateway address on the host) exists once a container has joined the network.
podman run --rm --network "$NETWORK" --entrypoint /usr/bin/dotnet "$(sed -n 's/^ *image: //p' "$WORK/directory.yaml" | head -1)" \
  --list-runtimes >/dev/null
ip -4 addr show | grep -q "inet $GATEWAY/" || fail "the network's gateway $GATEWAY is not on this host"

started=$(now)
PGPORT="$(free_port)"
PG_PASSWORD="$(random_secret)"
chown postgres:postgres "$PGROOT" 2>/dev/null || true
printf '%s\n' "$PG_PASSWORD" > "$PGROOT/password" && chmod 600 "$PGROOT/password"
chown postgres:postgres "$PGROOT/password" 2>/dev/null || true
as_postgres "$PGBIN/initdb" -D "$PGROOT/data" -U postgres --auth=scram-sha-256 --pwfile="$PGROOT/password" \
  --locale=C --encoding=UTF8 >/dev/null
echo "host all all $SUBNET.0/24 scram-sha-256" >> "$PGROOT/data/pg_hba.conf"
as_postgres "$PGBIN/pg_ctl" -D "$PGROOT/data" -l "$PGROOT/postgres.log" -w start \
  -o "-p $PGPORT -k $PGROOT -c listen_addresses='127.0.0.1,$GATEWAY' -c fsync=off" >/dev/null
PG_STARTED=1
declare -A DB_PASSWORD
for service in $SERVICES; do
  DB_PASSWORD[$service]="$(random_secret)"
  PGPASSWORD="$PG_PASSWORD" "$PGBIN/psql" -h 127.0.0.1 -p "$PGPORT" -U postgres -d postgres -v ON_ERROR_STOP=1 -q \
    -c "CREATE ROLE $service LOGIN PASSWORD '${DB_PASSWORD[$service]}'" \
    -c "CREATE DATABASE ${service}db OWNER $service TEMPLATE template0"
done
log "PostgreSQL $("$PGBIN/postgres" --version | awk '{print $3}') on $GATEWAY:$PGPORT, a database and a role per service ($(elapsed "$started") s)"

REDIS_PORT="$(free_port)"
REDIS_PASSWORD="$(random_secret)"
redis-server --port "$REDIS_PORT" --bind "127.0.0.1 $GATEWAY" --requirepass "$REDIS_PASSWORD" \
  --save "" --appendonly no > "$WORK/redis.log" 2>&1 &
REDIS_PID=$!
for _ in $(seq 1 50); do
  redis-cli -p "$REDIS_PORT" -a "$REDIS_PASSWORD" --no-auth-warning ping 2>/dev/null | grep -q PONG && break
  sleep 0.2
done
log "Redis $(redis-server --version | sed 's/.*v=\([^ ]*\).*/\1/') on $GATEWAY:$REDIS_PORT with a password"

# --- The Secrets the manifests name (docs/deploy.md, "Secrets") --------------------------------------
# podman reads a Secret behind an environment variable as a JSON object of base64 values, and one
# mounted as a volume as a Kubernetes Secret; podman 4.3 (Debian 12) writes that Secret's data to
# the volume as stored, without the base64 decoding Kubernetes (and later podman) does.
# `make_secret env|volume NAME KEY VALUE...`
VOLUME_DATA_RAW=0
[[ "$(podman version --format '{{.Client.Version}}' | awk -F. '{print ($1 * 100 + $2 <= 403)}')" == 1 ]] && VOLUME_DATA_RAW=1
make_secret() {
  local use="$1" name="$2"; shift 2
  podman secret rm "$name" >/dev/null 2>&1 || true
  python3 - "$use" "$name" "$VOLUME_DATA_RAW" "$@" <<'EOF' | podman secret create "$name" - >/dev/null
import base64, json, sys
use, name, raw, pairs = sys.argv[1], sys.argv[2], sys.argv[3] == '1', sys.argv[4:]
data = {pairs[i]: pairs[i + 1] if use == 'volume' and raw else base64.b64encode(pairs[i + 1].encode()).decode()
        for i in range(0, len(pairs), 2)}
print(json.dumps(data if use == 'env' else {'apiVersion': 'v1', 'kind': 'Secret', 'metadata': {'name': name}, 'data': data}))
EOF
  SECRETS+=("$name")
}
PARTNER_KEY="$(random_secret)"
service_keys=""
for service in $SERVICES; do
  make_secret env "$service-database" connection-string \
    "Host=$GATEWAY;Port=$PGPORT;Username=$service;Password=${DB_PASSWORD[$service]};Database=${service}db"
  if grep -q "name: $service-credential" "$WORK/$service.yaml"; then
    key="$(random_secret)"
    make_secret env "$service-credential" key "$key"
    service_keys+="{\"Agency\":\"service:$service\",\"Sha256\":\"$(sha256 "$key")\",\"Roles\":[\"service\"]},"
  fi
done
make_secret env tocmesh-redis connection-string "$GATEWAY:$REDIS_PORT,password=$REDIS_PASSWORD"
make_secret volume tocmesh-api-keys api-keys.json \
  "{\"Auth\":{\"ApiKeys\":[${service_keys%,}],\"IssuedKeys\":[{\"Agency\":\"Local partner\",\"Sha256\":\"$(sha256 "$PARTNER_KEY")\",\"Roles\":[\"partner\"]}]}}"

# --- The services, one kube play each, in the order the mesh starts them ---------------------------
# kube play returns once the pod's init container (the migration) has finished and the service's
# container started; then the service is SERVING when grpc.health.v1 says so on its probe port.
health() {
  "$BUF" curl --http2-prior-knowledge --protocol grpc "http://$1/grpc.health.v1.Health/Check" 2>/dev/null | tr -d ' \n' || true
}
container_of() { podman ps --filter "pod=$1-pod-0" --filter "name=-$1\$" --format '{{.Names}}' | head -1; }
pid_of() { podman inspect --format '{{.State.Pid}}' "$(container_of "$1")"; }
rss_mb() { awk '/^VmRSS/ {printf "%.0f", $2 / 1024}' "/proc/$1/status"; }
peak_mb() { awk '/^VmHWM/ {printf "%.0f", $2 / 1024}' "/proc/$1/status"; }
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
for service in $SERVICES; do
  started=$(now)
  PLAYED+=("$WORK/$service.yaml")
  podman kube play --network "$NETWORK" --ip "${IP[$service]}" "$WORK/$service.yaml" > "$WORK/$service.play.log" 2>&1 \
    || { cat "$WORK/$service.play.log"; fail "$service: podman kube play failed"; }
  played="$(elapsed "$started")"
  started=$(now)
  status=
  for _ in $(seq 1 600); do
    status="$(health "${IP[$service]}:$MESH_PORT")"
    [[ "$status" == *'"SERVING"'* ]] && break
    sleep 0.5
  done
  if [[ "$status" != *'"SERVING"'* ]]; then
    podman logs "$(container_of "$service")" 2>&1 | tail -30
    fail "$service: not SERVING on its probe port ($status)"
  fi
  log "$service: played on ${IP[$service]} with its migration in $played s; SERVING on :$MESH_PORT (grpc.health.v1, as its probes ask) $(elapsed "$started") s later"
  pid="$(pid_of "$service")"
  log "$service: $(echo "scale=1; $(cpu_ticks "$pid") / $(getconf CLK_TCK)" | bc) s of CPU to start, $(rss_mb "$pid") MiB resident"
done

# --- A meeting report across the mesh, over gRPC and JSON ---------------------------------------------
started=$(now)
complete_report() {
  python3 - "$1" <<'EOF'
import json, sys
report = json.load(open(sys.argv[1]))
sections = report.get('sections', [])
missing = [f"{s['id']} ({s.get('unavailableReason', '')})" for s in sections if not s.get('available')]
partial = report.get('partialSections', [])
print(f"  {len(sections)} sections: {', '.join(s['id'] for s in sections)}; {len(report.get('content', ''))} characters of markdown")
# Drawn from Treaty, Directory and TechnicalCooperation, each where the meeting heard the matter.
content = report.get('content', '')
for needed in ('Twenty-nine OAS member states had ratified', 'recorded in the Directory', 'needs raised in the meeting'):
    if needed not in content:
        sys.exit(f'  the report lacks "{needed}"')
if missing or partial:
    sys.exit(f'  unavailable: {missing}, partial: {partial}')
EOF
}
# Meetings gives each service it draws on 3 s (Meetings:Report:DependencyTimeout); the first calls of a cold
# mesh on a busy machine can take longer, and the report then says which sections are missing. A
# few tries, each reported.
for attempt in 1 2 3 4 5; do
  "$BUF" curl --http2-prior-knowledge --protocol grpc -d '{"meetingId":"gtdot-ii","format":"REPORT_FORMAT_MARKDOWN"}' \
    "http://${IP[meetings]}:$GRPC_PORT/tocmesh.meetings.v1.MeetingsService/RenderMeetingReport" > "$WORK/report.json" 2>&1 \
    || fail "RenderMeetingReport failed: $(cat "$WORK/report.json")"
  complete_report "$WORK/report.json" && break
  [[ "$attempt" == 5 ]] && fail "the meeting report is incomplete after $attempt tries"
  log "meetings: report $attempt incomplete; again in 5 s"
  sleep 5
done
log "meetings: report gtdot-ii rendered over gRPC with every section, Treaty, Directory and TechnicalCooperation answering (try $attempt, $(elapsed "$started") s)"
code="$(curl -s -o "$WORK/report-json.json" -w '%{http_code}' "http://${IP[meetings]}:$JSON_PORT/v1/meetings/gtdot-ii/report")"
[[ "$code" == 200 ]] || fail "the JSON report answered HTTP $code: $(head -c 300 "$WORK/report-json.json")"
complete_report "$WORK/report-json.json" || fail "the JSON meeting report is incomplete"
log "meetings: the same report over JSON on ${IP[meetings]}:$JSON_PORT (HTTP $code)"

# --- The keys of the mounted Secret -----------------------------------------------------------------
instruments="http://${IP[treaty]}:$GRPC_PORT/tocmesh.treaty.v1.TreatyService/ListInstruments"
"$BUF" curl --http2-prior-knowledge --protocol grpc -H "authorization: Bearer $PARTNER_KEY" -d '{}' "$instruments" >/dev/null \
  || fail "the partner key of tocmesh-api-keys was refused"
if "$BUF" curl --http2-prior-knowledge --protocol grpc -H "authorization: Bearer $(random_secret)" -d '{}' "$instruments" \
    > "$WORK/refused.txt" 2>&1; then
  fail "an unknown key was accepted"
fi
grep -q unauthenticated "$WORK/refused.txt" || fail "an unknown key was not refused as UNAUTHENTICATED: $(cat "$WORK/refused.txt")"
log "treaty: the partner key from the Secret is accepted, an unknown key is UNAUTHENTICATED"

# --- Memory and CPU under a small load (--measure) --------------------------------------------------
if [[ "$MEASURE" != 0 ]]; then
  # One gRPC frame each (uncompressed, 4-byte length, protobuf): list calls on three, the report on Meetings.
  printf '\x00\x00\x00\x00\x00' > "$WORK/empty.bin"
  printf '\x00\x00\x00\x00\x0a\x0a\x08gtdot-ii' > "$WORK/report.bin"
  declare -A CALL=([directory]=tocmesh.directory.v1.DirectoryService/ListMemberStates
    [treaty]=tocmesh.treaty.v1.TreatyService/ListInstruments
    [techcoop]=tocmesh.techcoop.v1.TechnicalCooperationService/ListCourses
    [meetings]=tocmesh.meetings.v1.MeetingsService/RenderMeetingReport)
  declare -A BODY=([directory]=empty.bin [treaty]=empty.bin [techcoop]=empty.bin [meetings]=report.bin)
  # h2load counts HTTP statuses, not gRPC ones: each call must answer OK before it is counted.
  for service in directory treaty techcoop; do
    "$BUF" curl --http2-prior-knowledge --protocol grpc -d '{}' "http://${IP[$service]}:$GRPC_PORT/${CALL[$service]}" >/dev/null \
      || fail "${CALL[$service]} does not answer OK"
  done
  declare -A PID RSS_IDLE TICKS
  for service in $SERVICES; do
    PID[$service]="$(pid_of "$service")"
    RSS_IDLE[$service]="$(rss_mb "${PID[$service]}")"
    TICKS[$service]="$(cpu_ticks "${PID[$service]}")"
  done
  log "load: 20 calls/s on each service's gRPC port for $MEASURE s (h2load, 2 connections each)"
  started=$(now)
  loads=()
  for service in $SERVICES; do
    h2load --rps 10 -c 2 -D "$MEASURE" -H 'content-type: application/grpc' -H 'te: trailers' \
      -d "$WORK/${BODY[$service]}" "http://${IP[$service]}:$GRPC_PORT/${CALL[$service]}" > "$WORK/$service.load.log" 2>&1 &
    loads+=($!)
  done
  wait "${loads[@]}"
  seconds="$(echo "$(now) - $started" | bc)"
  hz="$(getconf CLK_TCK)"
  printf '%-10s %11s %12s %12s %10s %s\n' service "RSS before" "RSS after" "peak RSS" "CPU (m)" "calls (2xx)"
  for service in $SERVICES; do
    cpu="$(echo "($(cpu_ticks "${PID[$service]}") - ${TICKS[$service]}) * 1000 / $hz / $seconds" | bc)"
    done_calls="$(sed -n 's/^status codes: \([0-9]*\) 2xx.*/\1/p' "$WORK/$service.load.log")"
    printf '%-10s %7s MiB %8s MiB %8s MiB %10s %s\n' "$service" "${RSS_IDLE[$service]}" "$(rss_mb "${PID[$service]}")" \
      "$(peak_mb "${PID[$service]}")" "$cpu" "$done_calls"
  done
fi

log "all four SERVING from the single-node manifests; report rendered; total $(elapsed "$STARTED_ALL") s"
if [[ "$KEEP" == 1 ]]; then
  log "running until Ctrl-C: meetings gRPC ${IP[meetings]}:$GRPC_PORT, JSON ${IP[meetings]}:$JSON_PORT"
  while true; do sleep 3600; done
fi

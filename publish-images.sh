#!/usr/bin/env bash
# Publishes each service as an OCI image archive without a Docker daemon:
#   dotnet publish -t:PublishContainer -p:ContainerArchiveOutputPath=artifacts/images/<service>.tar.gz
# then (unless --no-run) starts each image alone, with SQLite and no Redis, and checks its gRPC health.
#
# The base image: mcr.microsoft.com/dotnet/aspnet (the SDK's default) when that registry answers.
# Otherwise one is built here from Debian packages and the installed ASP.NET Core runtime, and served
# to the SDK by a registry on 127.0.0.1 (Debian's docker-registry); it is built once and kept in
# $TOCMESH_IMAGE_CACHE (default ~/.cache/tocmesh/images).
#
# Needs (installed with apt-get when missing, as root): docker-registry, umoci, skopeo, podman.
# Options: --no-run (publish only), --run-only (check the archives already published),
#          --services "treaty directory" (a subset), --base mcr|local.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")" && pwd)"
OUT="$ROOT/artifacts/images"
CACHE="${TOCMESH_IMAGE_CACHE:-$HOME/.cache/tocmesh/images}"
SERVICES="treaty directory techcoop meetings"
RUN=1
PUBLISH=1
BASE=auto
while [[ $# -gt 0 ]]; do
  case "$1" in
    --no-run) RUN=0 ;;
    --run-only) PUBLISH=0 ;;
    --services) SERVICES="$2"; shift ;;
    --base) BASE="$2"; shift ;;
    *) echo "unknown option: $1" >&2; exit 2 ;;
  esac
  shift
done

project_of() {
  case "$1" in
    treaty) echo src/Treaty ;;
    directory) echo src/Directory ;;
    techcoop) echo src/TechnicalCooperation ;;
    meetings) echo src/Meetings ;;
    *) echo "unknown service: $1" >&2; exit 2 ;;
  esac
}

log() { printf '[%s] %s\n' "$(date -u +%H:%M:%S)" "$*"; }
seconds_since() { echo $(( $(date +%s) - $1 )); }

need() {
  local missing=()
  for pair in "$@"; do
    command -v "${pair%%:*}" >/dev/null || missing+=("${pair#*:}")
  done
  if [[ ${#missing[@]} -gt 0 ]]; then
    log "installing ${missing[*]}"
    apt-get install -y --no-install-recommends "${missing[@]}" >/dev/null
  fi
}

RUNTIME_VERSION="$(dotnet --list-runtimes | awk '$1 == "Microsoft.AspNetCore.App" { print $2 }' | sort -V | tail -1)"
# Bump when the recipe of the local base image changes: a new tag is a new build.
BASE_RECIPE=1
BASE_REPOSITORY=tocmesh/aspnet
BASE_TAG="$RUNTIME_VERSION-bookworm-r$BASE_RECIPE"
REGISTRY_PID=
cleanup() { [[ -n "$REGISTRY_PID" ]] && kill "$REGISTRY_PID" 2>/dev/null || true; }
trap cleanup EXIT

# --- The local base image: Debian's runtime libraries, the .NET runtime, a non-root user ----------
build_base_rootfs() {
  local rootfs="$1" debs="$CACHE/debs"
  mkdir -p "$debs" "$rootfs"
  # What the .NET runtime needs on Linux with invariant globalization (no ICU): the runtime-deps set.
  (cd "$debs" && apt-get download libc6 libgcc-s1 libstdc++6 libssl3 zlib1g tzdata netbase >/dev/null 2>&1)
  for deb in "$debs"/*.deb; do dpkg-deb -x "$deb" "$rootfs"; done
  rm -rf "$rootfs"/usr/share/doc "$rootfs"/usr/share/man "$rootfs"/usr/share/info "$rootfs"/usr/share/lintian "$rootfs"/usr/share/locale

  local dotnet=/usr/share/dotnet fxr
  fxr="$(ls "$dotnet/host/fxr" | sort -V | tail -1)"
  mkdir -p "$rootfs/usr/share/dotnet/host/fxr" "$rootfs/usr/share/dotnet/shared" "$rootfs/usr/bin"
  cp -a "$dotnet/dotnet" "$dotnet/LICENSE.txt" "$dotnet/ThirdPartyNotices.txt" "$rootfs/usr/share/dotnet/"
  cp -a "$dotnet/host/fxr/$fxr" "$rootfs/usr/share/dotnet/host/fxr/"
  for framework in Microsoft.NETCore.App Microsoft.AspNetCore.App; do
    mkdir -p "$rootfs/usr/share/dotnet/shared/$framework"
    cp -a "$dotnet/shared/$framework/$RUNTIME_VERSION" "$rootfs/usr/share/dotnet/shared/$framework/"
  done
  ln -sf /usr/share/dotnet/dotnet "$rootfs/usr/bin/dotnet"

  mkdir -p "$rootfs/etc/ssl/certs" "$rootfs/tmp" "$rootfs/app" "$rootfs/data" "$rootfs/home/app"
  cp /etc/ssl/certs/ca-certificates.crt "$rootfs/etc/ssl/certs/"
  chmod 1777 "$rootfs/tmp"
  printf 'root:x:0:0:root:/root:/usr/sbin/nologin\napp:x:1654:1654::/home/app:/usr/sbin/nologin\n' > "$rootfs/etc/passwd"
  printf 'root:x:0:\napp:x:1654:\n' > "$rootfs/etc/group"
  printf 'passwd: files\ngroup: files\nhosts: files dns\n' > "$rootfs/etc/nsswitch.conf"
  chown 1654:1654 "$rootfs/data" "$rootfs/home/app"
}

build_base_image() {
  local work="$CACHE/base-build" started
  started=$(date +%s)
  rm -rf "$work" && mkdir -p "$work"
  log "building base image $BASE_REPOSITORY:$BASE_TAG from Debian packages and the installed runtime"
  build_base_rootfs "$work/rootfs"
  umoci init --layout "$work/oci"
  umoci new --image "$work/oci:$BASE_TAG"
  umoci unpack --image "$work/oci:$BASE_TAG" "$work/bundle" >/dev/null
  cp -a "$work/rootfs/." "$work/bundle/rootfs/"
  umoci repack --image "$work/oci:$BASE_TAG" "$work/bundle"
  umoci config --image "$work/oci:$BASE_TAG" --os linux --architecture amd64 \
    --config.user 1654 --config.workingdir /app --config.volume /data \
    --config.env PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
    --config.env APP_UID=1654 --config.env DOTNET_RUNNING_IN_CONTAINER=true \
    --config.env DOTNET_VERSION="$RUNTIME_VERSION" --config.env ASPNET_VERSION="$RUNTIME_VERSION" \
    --config.label org.opencontainers.image.title="TocMesh ASP.NET Core runtime (local)"
  # The SDK reads Docker v2 schema 2 manifests most reliably.
  skopeo copy --quiet --format v2s2 --dest-tls-verify=false \
    "oci:$work/oci:$BASE_TAG" "docker://$REGISTRY/$BASE_REPOSITORY:$BASE_TAG"
  rm -rf "$work"
  log "base image pushed in $(seconds_since "$started") s"
}

start_registry() {
  local port config="$CACHE/registry.yml"
  port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
  REGISTRY="127.0.0.1:$port"
  mkdir -p "$CACHE/registry"
  cat > "$config" <<EOF
version: 0.1
log:
  level: warn
storage:
  filesystem:
    rootdirectory: $CACHE/registry
http:
  addr: $REGISTRY
EOF
  docker-registry serve "$config" > "$CACHE/registry.log" 2>&1 &
  REGISTRY_PID=$!
  for _ in $(seq 1 50); do
    curl -fsS "http://$REGISTRY/v2/" >/dev/null 2>&1 && return 0
    sleep 0.2
  done
  echo "the local registry did not start; see $CACHE/registry.log" >&2
  exit 1
}

mcr_reachable() {
  local code
  code="$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 https://mcr.microsoft.com/v2/ || true)"
  [[ "$code" == 200 || "$code" == 401 ]]
}

mkdir -p "$OUT" "$CACHE"
BASE_ARGS=()
if [[ "$PUBLISH" == 0 ]]; then
  :
elif [[ "$BASE" == mcr || ( "$BASE" == auto && $(mcr_reachable && echo yes) == yes ) ]]; then
  log "base image: mcr.microsoft.com/dotnet/aspnet (the SDK's default)"
else
  need docker-registry:docker-registry umoci:umoci skopeo:skopeo
  start_registry
  if curl -fs -o /dev/null -H 'Accept: application/vnd.docker.distribution.manifest.v2+json' \
      "http://$REGISTRY/v2/$BASE_REPOSITORY/manifests/$BASE_TAG"; then
    log "base image $BASE_REPOSITORY:$BASE_TAG: cached"
  else
    build_base_image
  fi
  export DOTNET_CONTAINER_INSECURE_REGISTRIES="$REGISTRY"
  BASE_ARGS=("-p:ContainerBaseImage=$REGISTRY/$BASE_REPOSITORY:$BASE_TAG")
fi

# --- The service images --------------------------------------------------------------------------
# Each image is tagged with its service's version (the project's Version) and labelled with it and
# with the commit it was built from.
REVISION_ARGS=()
if revision="$(git -C "$ROOT" rev-parse HEAD 2>/dev/null)"; then
  git -C "$ROOT" diff --quiet HEAD -- 2>/dev/null || revision="$revision-dirty"
  REVISION_ARGS=("-p:TocMeshRevision=$revision")
fi
for service in $SERVICES; do
  [[ "$PUBLISH" == 1 ]] || break
  started=$(date +%s)
  log "publishing tocmesh/$service"
  dotnet publish "$ROOT/$(project_of "$service")" -c Release --os linux --arch x64 -t:PublishContainer \
    "${BASE_ARGS[@]}" "${REVISION_ARGS[@]}" -p:ContainerArchiveOutputPath="$OUT/$service.tar.gz" -nologo -v q
  log "tocmesh/$service: $(du -h "$OUT/$service.tar.gz" | cut -f1) in $(seconds_since "$started") s"
done

[[ "$RUN" == 1 ]] || exit 0

# --- Each image alone: SQLite in a fresh /data, no Redis, no other service -----------------------
need podman:podman
declare -A IMAGE
for service in $SERVICES; do
  # "Loaded image: docker.io/tocmesh/treaty:1.0.0" (the name the archive carries: the service's version).
  IMAGE[$service]="$(podman load --quiet --input "$OUT/$service.tar.gz" | sed -n 's/^Loaded image: //p' | tail -1)"
done
# Where the default runtime (crun) cannot start a container (no CAP_SYS_RESOURCE to raise limits,
# cgroups v1 with a v2 hierarchy mounted beside it, as in some sandboxes), use runc and the limits
# the shell already has.
RUN_FLAGS=()
if ! podman run --rm --network host --entrypoint /usr/bin/dotnet "${IMAGE[${SERVICES%% *}]}" --list-runtimes >/dev/null 2>&1; then
  need runc:runc
  RUN_FLAGS=(--runtime runc --ulimit "nofile=$(ulimit -Hn):$(ulimit -Hn)" --ulimit nproc=4096:4096)
  log "podman's default runtime cannot start containers here; using ${RUN_FLAGS[*]}"
fi
BUF="${BUF:-$ROOT/.tools/buf/node_modules/.bin/buf}"
[[ -x "$BUF" ]] || BUF=/work/main/.tools/buf/node_modules/.bin/buf
failed=0
for service in $SERVICES; do
  started=$(date +%s)
  name="tocmesh-$service-check"
  podman rm --force --ignore "$name" >/dev/null
  # Host networking on a free port: the sandbox this runs in may have no bridge network.
  port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
  podman run --detach --name "$name" "${RUN_FLAGS[@]}" --network host --volume "$name:/data:U" \
    -e "Kestrel__Endpoints__http__Url=http://127.0.0.1:$port" -e "Kestrel__Endpoints__rest__Url=http://127.0.0.1:0" \
    "${IMAGE[$service]}" >/dev/null
  status=
  for _ in $(seq 1 120); do
    status="$("$BUF" curl --http2-prior-knowledge --protocol grpc \
      "http://127.0.0.1:$port/grpc.health.v1.Health/Check" 2>/dev/null | tr -d ' \n' || true)"
    [[ "$status" == *'"SERVING"'* ]] && break
    sleep 0.5
  done
  if [[ "$status" == *'"SERVING"'* ]]; then
    log "${IMAGE[$service]}: SERVING $(seconds_since "$started") s after start ($(podman image inspect --format '{{.Size}}' "${IMAGE[$service]}" | numfmt --to=iec) unpacked, version label $(podman image inspect --format '{{index .Labels "org.opencontainers.image.version"}}' "${IMAGE[$service]}"))"
  else
    log "tocmesh/$service: not SERVING ($status); its log:"
    podman logs "$name" 2>&1 | tail -20
    failed=1
  fi
  podman rm --force "$name" >/dev/null
  podman volume rm --force "$name" >/dev/null
done
exit "$failed"

#!/usr/bin/env bash
# What can be checked of the container files on a machine without a Docker engine (docker/README.md):
#  1. nginx -t on docker/nginx.conf as it is, in a private mount namespace whose /etc/hosts names portal-1
#     and portal-2 and whose /etc/nginx/tls holds a throw-away certificate (needs root and unshare);
#  2. the image's start command run directly: the files laid out as docker/Dockerfile's COPY lines lay
#     them (under target/container-check/opt/portal), the Dockerfile's ENV, compose.yaml's environment, the
#     image's user id (10001) when run as root, then the image's HEALTHCHECK command until it passes.
# Deviations, all forced by "nothing leaves this machine": the listener binds 127.0.0.1 instead of 0.0.0.0,
# MariaDB on 127.0.0.1 stands in for the db service, and Zoho's real host names resolve to 127.0.0.1
# (-Djdk.net.hosts.file). Build first (mvn -DskipTests install). Stops everything it started.
#   docker/check-without-docker.sh    env: CHECK_DB_URL (default the local MariaDB database portal_test_container),
#                                          CHECK_DB_USER / CHECK_DB_PASSWORD (default portal_test)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
work="$root/target/container-check"
rm -rf "$work" && mkdir -p "$work"
say() { echo "[check] $*"; }

# --- 1. nginx -t on the unmodified file ---------------------------------------------------------------------
if [ "$(id -u)" = 0 ] && command -v unshare >/dev/null && [ -x /usr/sbin/nginx ]; then
  mkdir -p "$work/etc-nginx/tls"
  cp /etc/nginx/mime.types "$work/etc-nginx/"
  cp "$root/docker/nginx.conf" "$work/etc-nginx/nginx.conf"
  openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj /CN=portal.example.org \
    -keyout "$work/etc-nginx/tls/privkey.pem" -out "$work/etc-nginx/tls/fullchain.pem" 2>/dev/null
  printf '127.0.0.1 localhost\n127.0.0.2 portal-1\n127.0.0.3 portal-2\n' > "$work/hosts"
  unshare -m bash -c "mount --bind '$work/hosts' /etc/hosts && mount --bind '$work/etc-nginx' /etc/nginx \
    && /usr/sbin/nginx -t -c /etc/nginx/nginx.conf -e /dev/stderr"
  say "nginx -t: docker/nginx.conf is valid as it is"
else
  say "skipped nginx -t on the unmodified file (needs root, unshare and /usr/sbin/nginx)"
fi

# --- 2. the image's start command -------------------------------------------------------------------------------
image="$work/opt/portal"
mkdir -p "$image/runtime" "$image/wars" "$image/bin" "$image/etc/payara" "$work/var/lib/portal"
cp "$root/portal-web/target/payara/payara-micro.jar" "$root/portal-web/target/payara/flashlight-agent.jar" "$image/runtime/"
cp -r "$root/portal-web/target/payara/lib" "$image/runtime/lib"
cp "$root/portal-web/target/portal-web.war" "$root/crm-module/target/crm-module.war" \
   "$root/books-module/target/books-module.war" "$image/wars/"
cp "$root/bin/start-portal.sh" "$image/bin/"
cp "$root/docker/healthcheck.sh" "$image/bin/"
cp "$root/etc/payara/preboot.asadmin" "$image/etc/payara/"

# The Dockerfile's ENV block, with /opt/portal and /var/lib/portal under $work.
declare -A env
while IFS= read -r pair; do
  env["${pair%%=*}"]="${pair#*=}"
done < <(sed -n '/^ENV /,/^[^ ]/p' "$root/docker/Dockerfile" | grep -oE '[A-Z_]+=[^ \\]+')
for key in "${!env[@]}"; do
  env[$key]="${env[$key]//\/opt\/portal/$image}"
  env[$key]="${env[$key]//\/var\/lib\/portal/$work/var/lib/portal}"
done
[ "${env[PORTAL_MODE]}" = production ] || { echo "the image does not start in production mode" >&2; exit 1; }
env[PORTAL_BIND_ADDRESS]=127.0.0.1
port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
env[PORTAL_PORT]="$port"
mgmt_port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
env[PORTAL_MANAGEMENT_PORT]="$mgmt_port"

db_url="${CHECK_DB_URL:-jdbc:mysql://127.0.0.1:3306/portal_test_container?sslMode=DISABLED&connectionTimeZone=UTC&forceConnectionTimeZoneToSession=true&allowPublicKeyRetrieval=true}"
mysql --protocol=tcp -h127.0.0.1 -u"${CHECK_DB_USER:-portal_test}" -p"${CHECK_DB_PASSWORD:-portal_test}" \
  -e "DROP DATABASE IF EXISTS portal_test_container; CREATE DATABASE portal_test_container CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci" \
  2>/dev/null || say "(could not recreate portal_test_container; using CHECK_DB_URL as it is)"
# With -Djdk.net.hosts.file the JVM resolves only what the file lists: this machine's own name too
# (Payara Micro looks it up at boot).
cat > "$work/hosts" <<HOSTS
127.0.0.1 localhost $(hostname)
127.0.0.1 accounts.zoho.com www.zohoapis.com accounts.zoho.eu www.zohoapis.eu crm.zoho.com crm.zoho.eu
HOSTS
# compose.yaml's environment for the portal services, with values made up for this check.
compose_env=(
  PORTAL_BASE_URL=https://portal.example.org
  "PORTAL_DB_URL=$db_url" PORTAL_DB_USER="${CHECK_DB_USER:-portal_test}" PORTAL_DB_PASSWORD="${CHECK_DB_PASSWORD:-portal_test}"
  # MariaDB stands in for MySQL 8.4 here (MySQL is detected correctly and needs nothing).
  "PORTAL_DB_PRODUCT=MariaDB 10.11"
  "PORTAL_CRYPTO_KEYS=c1:$(head -c 32 /dev/urandom | base64)" PORTAL_CRYPTO_ACTIVE_KEY=c1
  "PORTAL_FACES_STATE_KEY=$(head -c 32 /dev/urandom | base64)"
  PORTAL_ADMINS=admin@zylkeracademy.com PORTAL_SIGN_IN_ALLOWED_DOMAINS=zylkeracademy.com ZOHO_CRM_ORG_ID=
  PORTAL_TRUSTED_PROXIES=127.0.0.1
  ZOHO_CLIENT_ID=1000.CONTAINERCHECK "ZOHO_CLIENT_SECRET=$(head -c 18 /dev/urandom | base64)"
  ZOHO_REDIRECT_URI=https://portal.example.org/oauth/callback ZOHO_DEFAULT_DC=com ZOHO_DCS=com,eu
  ZOHO_DC_COM_ACCOUNTS_URL=https://accounts.zoho.com ZOHO_DC_COM_API_URL=https://www.zohoapis.com
  ZOHO_DC_COM_CRM_URL=https://crm.zoho.com ZOHO_DC_EU_ACCOUNTS_URL=https://accounts.zoho.eu
  ZOHO_DC_EU_API_URL=https://www.zohoapis.eu ZOHO_DC_EU_CRM_URL=https://crm.zoho.eu
  "PORTAL_JAVA_OPTS=-Djdk.net.hosts.file=$work/hosts -Xmx768m"
)
args=()
for key in "${!env[@]}"; do args+=("$key=${env[$key]}"); done
user=()
if [ "$(id -u)" = 0 ] && command -v setpriv >/dev/null; then
  chown -R 10001:10001 "$work/var/lib/portal"
  chmod -R a+rX "$work"
  user=(setpriv --reuid=10001 --regid=10001 --clear-groups)
  say "running as uid 10001, the image's user"
fi
log="$work/portal.log"
say "starting: bash /opt/portal/bin/start-portal.sh (port $port, log $log)"
(cd "$work/var/lib/portal" && exec env -i PATH="$PATH" HOME=/tmp "${args[@]}" "${compose_env[@]}" \
   "${user[@]}" bash "$image/bin/start-portal.sh") > "$log" 2>&1 &
pid=$!
trap 'kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null || true' EXIT

for _ in $(seq 1 240); do
  kill -0 "$pid" 2>/dev/null || { echo "the portal exited; see $log" >&2; tail -30 "$log" >&2; exit 1; }
  if PORTAL_MANAGEMENT_PORT="$mgmt_port" bash "$image/bin/healthcheck.sh" /health/live 2>/dev/null; then break; fi
  sleep 1
done
PORTAL_MANAGEMENT_PORT="$mgmt_port" bash "$image/bin/healthcheck.sh" /health/live
say "HEALTHCHECK (healthcheck.sh /health/live): healthy"
code() { python3 - "$1" <<'PY'
import sys, urllib.request, urllib.error
try:
    print(urllib.request.urlopen(sys.argv[1], timeout=10).status)
except urllib.error.HTTPError as e:
    print(e.code)
PY
}
landing="$(code "http://127.0.0.1:$port/")"
sandbox="$(code "http://127.0.0.1:$port/zoho-sandbox/")"
public_health="$(code "http://127.0.0.1:$port/health/live")"
say "landing page: $landing; /zoho-sandbox/: $sandbox; /health/live on the public port: $public_health"
[ "$landing" = 200 ] && [ "$sandbox" = 404 ] && [ "$public_health" = 404 ]
# The subshell execs env, setpriv, bash and finally java: $pid is the server itself.
listeners="$(ss -ltnpH | grep "pid=$pid," || true)"
[ -n "$listeners" ] || { echo "no listener found for pid $pid" >&2; exit 1; }
echo "$listeners"
if echo "$listeners" | grep -vqE '127\.0\.0\.1|\[::1\]'; then echo "a listener beyond loopback" >&2; exit 1; fi
grep -q "production mode" "$log" && say "started in production mode; WARs from $image/wars"
say "all checks passed"

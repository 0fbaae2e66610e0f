#!/usr/bin/env bash
# Starts one Payara Micro with every WAR of the portal (and, in demo mode, the zoho-sandbox), on loopback
# unless told otherwise, from the modules' build output (target/) or from one folder of WARs (a container
# image). ./run.sh builds first; the tests call this script directly so that they start the portal exactly
# the way a person does; the container image runs it too (docker/Dockerfile).
#
# Environment (all optional):
#   PORTAL_PORT            HTTP port (default 8080)
#   PORTAL_BASE_URL        the public address (default http://localhost:PORT; production: https://…)
#   PORTAL_DATA_DIR        where the H2 database, the demo key file and Payara's work files live (default ./var)
#   PORTAL_DB_URL, PORTAL_DB_USER, PORTAL_DB_PASSWORD
#                          a MySQL datasource instead of the embedded H2 database
#   PORTAL_DB_PRODUCT      e.g. "MariaDB 10.11": tells Hibernate the database instead of letting it detect
#                          one (MariaDB through Connector/J reports itself as MySQL 5.5.5; STACK-NOTES);
#                          MySQL 8 is detected correctly and needs nothing
#   PORTAL_MODE            demo (default) or production; also read from -Dportal.mode=… in PORTAL_JAVA_OPTS
#   PORTAL_WITH_SANDBOX    deploy the zoho-sandbox too (demo default true; production never deploys it and
#                          refuses to start when it is asked to)
#   PORTAL_BIND_ADDRESS    the address the HTTP listener binds (default 127.0.0.1; a container: 0.0.0.0;
#                          demo mode refuses anything but loopback)
#   PORTAL_MANAGEMENT_PORT /health, /metrics and /openapi on a listener of their own, 404 on PORTAL_PORT
#                          (production default 9080; demo default none: they stay on PORTAL_PORT)
#   PORTAL_MANAGEMENT_ADDRESS  the address that listener binds (default 127.0.0.1; demo: loopback only)
#   PORTAL_WAR_DIR         one folder holding portal-web.war, crm-module.war, books-module.war (and
#                          zoho-sandbox.war in demo) instead of each module's target/ (a container image)
#   PORTAL_RUNTIME_DIR     the folder with payara-micro.jar and lib/ (the MySQL driver), default
#                          portal-web/target/payara (the build copies it there)
#   PORTAL_JAVA_OPTS       extra JVM options, e.g. -Dzoho.dc.com.accounts-url=… (split at spaces)
#   PORTAL_LOG_FORMAT      text (default) or json: JSON lines on the console (etc/payara/logging-json.properties)
#   PORTAL_PRINT_COMMAND   true: print the Payara Micro command line (one argument a line) and exit
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
port="${PORTAL_PORT:-8080}"
bind="${PORTAL_BIND_ADDRESS:-127.0.0.1}"
data="${PORTAL_DATA_DIR:-$root/var}"
mkdir -p "$data/tmp"
data="$(cd "$data" && pwd)"
runtime="${PORTAL_RUNTIME_DIR:-$root/portal-web/target/payara}"

# The mode as the portal will read it: a system property in PORTAL_JAVA_OPTS wins over the environment
# (MicroProfile Config's order), then the default (demo).
mode="${PORTAL_MODE:-demo}"
read -r -a java_opts <<< "${PORTAL_JAVA_OPTS:-}"
for opt in "${java_opts[@]}"; do
  case "$opt" in -Dportal.mode=*) mode="${opt#-Dportal.mode=}" ;; esac
done
mode="$(printf '%s' "$mode" | tr -d '[:space:]' | tr '[:upper:]' '[:lower:]')"
case "$mode" in
  demo) with_sandbox="${PORTAL_WITH_SANDBOX:-true}" ;;
  production)
    if [ "${PORTAL_WITH_SANDBOX:-false}" != "false" ]; then
      echo "production mode never deploys the zoho-sandbox: unset PORTAL_WITH_SANDBOX (or set it to false)" >&2
      exit 1
    fi
    with_sandbox=false ;;
  *) echo "PORTAL_MODE must be demo or production, not '$mode'" >&2; exit 1 ;;
esac
case "$bind" in
  *[!0-9a-fA-F.:]*|"") echo "PORTAL_BIND_ADDRESS must be an IP address, not '$bind'" >&2; exit 1 ;;
esac
# The demo (the sandbox and its control API, generated keys) never listens beyond loopback.
if [ "$mode" = demo ] && [ "$bind" != 127.0.0.1 ] && [ "$bind" != ::1 ]; then
  echo "demo mode listens on loopback only: PORTAL_BIND_ADDRESS=$bind needs PORTAL_MODE=production" >&2
  exit 1
fi

# The management endpoints (MicroProfile Health, Metrics, OpenAPI) on a listener of their own, never on the
# public one: production's default is 127.0.0.1:9080; demo keeps them on the HTTP port unless asked.
if [ "$mode" = production ]; then mgmt_port="${PORTAL_MANAGEMENT_PORT:-9080}"; else mgmt_port="${PORTAL_MANAGEMENT_PORT:-}"; fi
mgmt_bind="${PORTAL_MANAGEMENT_ADDRESS:-127.0.0.1}"
case "$mgmt_port" in
  "") ;;
  *[!0-9]*|0*|??????*) echo "PORTAL_MANAGEMENT_PORT must be a port number (1-65535), not '$mgmt_port'" >&2; exit 1 ;;
  *) if [ "$mgmt_port" -gt 65535 ]; then
       echo "PORTAL_MANAGEMENT_PORT must be a port number (1-65535), not '$mgmt_port'" >&2; exit 1
     elif [ "$mgmt_port" = "$port" ]; then
       echo "PORTAL_MANAGEMENT_PORT must differ from PORTAL_PORT ($port)" >&2; exit 1
     fi ;;
esac
case "$mgmt_bind" in
  *[!0-9a-fA-F.:]*|"") echo "PORTAL_MANAGEMENT_ADDRESS must be an IP address, not '$mgmt_bind'" >&2; exit 1 ;;
esac
if [ "$mode" = demo ] && [ "$mgmt_bind" != 127.0.0.1 ] && [ "$mgmt_bind" != ::1 ]; then
  echo "demo mode listens on loopback only: PORTAL_MANAGEMENT_ADDRESS=$mgmt_bind needs PORTAL_MODE=production" >&2
  exit 1
fi

# Where each WAR is read from: PORTAL_WAR_DIR/<name>.war, or the module's build output.
war_path() {
  if [ -n "${PORTAL_WAR_DIR:-}" ]; then echo "$PORTAL_WAR_DIR/$1.war"; else echo "$root/$1/target/$1.war"; fi
}
wars=(portal-web crm-module books-module)
[ "$with_sandbox" = "true" ] && wars+=(zoho-sandbox)
for war in "${wars[@]}"; do
  [ -f "$(war_path "$war")" ] || { echo "missing $(war_path "$war"): build first (./run.sh does)" >&2; exit 1; }
done
[ -f "$runtime/payara-micro.jar" ] || { echo "missing $runtime/payara-micro.jar: build first (./run.sh does)" >&2; exit 1; }

# asadmin property values escape \ : = with a backslash.
esc() { printf '%s' "$1" | sed -e 's/\\/\\\\/g' -e 's/:/\\:/g' -e 's/=/\\=/g'; }

postboot="$data/postboot.asadmin"
umask 077
if [ -n "${PORTAL_DB_URL:-}" ]; then
  props="url=$(esc "$PORTAL_DB_URL"):user=$(esc "${PORTAL_DB_USER:-portal}"):password=$(esc "${PORTAL_DB_PASSWORD:-}")"
  dsclass=com.mysql.cj.jdbc.MysqlDataSource
  echo "Database: MySQL at ${PORTAL_DB_URL%%\?*}"
else
  props="url=$(esc "jdbc:h2:file:$data/portal;MODE=MySQL;DATABASE_TO_LOWER=TRUE"):user=sa:password=sa"
  dsclass=org.h2.jdbcx.JdbcDataSource
  echo "Database: embedded H2 in $data"
fi
cat > "$postboot" <<ASADMIN
create-jdbc-connection-pool --datasourceclassname=$dsclass --restype=javax.sql.DataSource --steadypoolsize=2 --maxpoolsize=32 --isconnectvalidatereq=true --validationmethod=auto-commit --property=$props portalPool
create-jdbc-resource --connectionpoolid=portalPool jdbc/portal
set configs.config.server-config.monitoring-service.module-monitoring-levels.jdbc-connection-pool=HIGH
set-amx-enabled --enabled=true
ASADMIN
if [ -n "$mgmt_port" ]; then
  # A second virtual server with its own listener; the three endpoints move there (and answer 404 on the
  # HTTP port), while the WARs are deployed to the portal's virtual server only (below).
  cat >> "$postboot" <<ASADMIN
create-virtual-server --hosts=management management
create-http-listener --listenerport=$mgmt_port --listeneraddress=$mgmt_bind --defaultvs=management management-listener
set configs.config.server-config.http-service.virtual-server.management.network-listeners=management-listener
set configs.config.server-config.network-config.protocols.protocol.management-listener.http.xpowered-by=false
set configs.config.server-config.network-config.protocols.protocol.management-listener.http.server-header=false
set-metrics-configuration --virtualservers=management
set-microprofile-healthcheck-configuration --virtualservers=management
set-openapi-configuration --virtualservers=management
ASADMIN
fi
# Faces view state is encrypted with a key every node shares; demo generates one per data directory,
# production must bring its own (the portal refuses to start without it).
if [ -z "${PORTAL_FACES_STATE_KEY:-}" ] && [ "$mode" != "production" ]; then
  [ -s "$data/faces-state.key" ] || head -c 32 /dev/urandom | base64 > "$data/faces-state.key"
  PORTAL_FACES_STATE_KEY="$(cat "$data/faces-state.key")"
fi
[ -n "${PORTAL_FACES_STATE_KEY:-}" ] && export PORTAL_FACES_STATE_KEY
# The listeners bind PORTAL_BIND_ADDRESS; everything else in the preboot file (Hazelcast off) stays.
preboot="$data/preboot.asadmin"
sed -e "s/address=127\.0\.0\.1\$/address=$bind/" "$root/etc/payara/preboot.asadmin" > "$preboot"
umask 022

deploys=()
for war in "${wars[@]}"; do
  if [ -n "$mgmt_port" ]; then
    # Only on the portal's virtual server: a WAR deployed to the management one as well would start twice
    # (and Faces does not survive that).
    case "$(war_path "$war")" in
      *[[:space:]]*) echo "with a management listener (production, or PORTAL_MANAGEMENT_PORT) the WARs are deployed by a boot command, whose paths must not contain spaces: $(war_path "$war") (set PORTAL_WAR_DIR to a folder without)" >&2; exit 1 ;;
    esac
    printf 'deploy --virtualservers=server --name=%s %s\n' "$war" "$(war_path "$war")" >> "$postboot"
  else
    deploys+=(--deploy "$(war_path "$war")")
  fi
done

log_opts=()
case "${PORTAL_LOG_FORMAT:-text}" in
  text) ;;
  json) log_opts=(--logproperties "$root/etc/payara/logging-json.properties") ;;
  *) echo "PORTAL_LOG_FORMAT must be text or json, not '${PORTAL_LOG_FORMAT}'" >&2; exit 1 ;;
esac

db_product_opts=()
if [ -n "${PORTAL_DB_PRODUCT:-}" ]; then
  db_product_opts=(-Dhibernate.boot.allow_jdbc_metadata_access=false
                   "-Djakarta.persistence.database-product-name=${PORTAL_DB_PRODUCT% *}"
                   "-Djakarta.persistence.database-product-version=${PORTAL_DB_PRODUCT##* }")
fi

base_url="${PORTAL_BASE_URL:-http://localhost:$port}"
if [ "$bind" = "127.0.0.1" ]; then where="loopback only"; else where="listening on $bind"; fi
echo "Starting the portal ($mode mode) on http://localhost:$port/ ($where)${PORTAL_WAR_DIR:+, WARs from $PORTAL_WAR_DIR}"
if [ -n "$mgmt_port" ]; then
  case "$mgmt_bind" in *:*) mgmt_host="[$mgmt_bind]" ;; *) mgmt_host="$mgmt_bind" ;; esac
  echo "Health, metrics and OpenAPI on http://$mgmt_host:$mgmt_port/ only (PORTAL_MANAGEMENT_PORT, PORTAL_MANAGEMENT_ADDRESS)"
fi
# Payara's probe agent (beside payara-micro.jar, unpacked by the build): with it the pool's monitoring
# figures (portal_pool_* metrics) count; without it they stay 0 and the portal runs as before.
agent_opts=()
[ -f "$runtime/flashlight-agent.jar" ] && agent_opts=(-javaagent:"$runtime/flashlight-agent.jar")
cmd=(java -Xmx1g -XX:+UseSerialGC
  "${agent_opts[@]}"
  -Djava.io.tmpdir="$data/tmp"
  -Dh2.bindAddress=127.0.0.1
  -Dportal.base-url="$base_url"
  -Dportal.data-dir="$data"
  -Dsandbox.redirect-uris="$base_url/oauth/callback"
  "${db_product_opts[@]}"
  "${java_opts[@]}"
  -jar "$runtime/payara-micro.jar"
  --port "$port"
  --prebootcommandfile "$preboot"
  --postbootcommandfile "$postboot"
  --addlibs "$runtime/lib"
  --disablephonehome
  "${log_opts[@]}"
  "${deploys[@]}")
# PORTAL_PRINT_COMMAND=true: print the command (one argument a line) instead of running it.
if [ "${PORTAL_PRINT_COMMAND:-false}" = "true" ]; then
  printf '%s\n' "${cmd[@]}"
  exit 0
fi
exec "${cmd[@]}"

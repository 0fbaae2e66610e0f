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
  deploys+=(--deploy "$(war_path "$war")")
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

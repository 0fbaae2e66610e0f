#!/usr/bin/env bash
# Starts one Payara Micro with every WAR of the portal and the zoho-sandbox, on loopback only, from the
# modules' build output (target/). ./run.sh builds first; the browser tests call this script directly so that
# they start the portal exactly the way a person does.
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
#   PORTAL_WITH_SANDBOX    deploy the zoho-sandbox too (default true; production never deploys it)
#   PORTAL_JAVA_OPTS       extra JVM options, e.g. -Dzoho.dc.com.accounts-url=…
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
port="${PORTAL_PORT:-8080}"
data="${PORTAL_DATA_DIR:-$root/var}"
mkdir -p "$data/tmp"
data="$(cd "$data" && pwd)"
runtime="$root/portal-web/target/payara"

wars=(portal-web crm-module books-module)
[ "${PORTAL_WITH_SANDBOX:-true}" = "true" ] && wars+=(zoho-sandbox)
for war in "${wars[@]}"; do
  [ -f "$root/$war/target/$war.war" ] || { echo "missing $war/target/$war.war: build first (./run.sh does)" >&2; exit 1; }
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
ASADMIN
# Faces view state is encrypted with a key every node shares; demo generates one per data directory,
# production must bring its own (the portal refuses to start without it).
if [ -z "${PORTAL_FACES_STATE_KEY:-}" ] && [ "${PORTAL_MODE:-demo}" != "production" ]; then
  [ -s "$data/faces-state.key" ] || head -c 32 /dev/urandom | base64 > "$data/faces-state.key"
  PORTAL_FACES_STATE_KEY="$(cat "$data/faces-state.key")"
fi
[ -n "${PORTAL_FACES_STATE_KEY:-}" ] && export PORTAL_FACES_STATE_KEY
umask 022

deploys=(--deploy "$root/portal-web/target/portal-web.war"
         --deploy "$root/crm-module/target/crm-module.war"
         --deploy "$root/books-module/target/books-module.war")
if [ "${PORTAL_WITH_SANDBOX:-true}" = "true" ]; then
  deploys+=(--deploy "$root/zoho-sandbox/target/zoho-sandbox.war")
fi

db_product_opts=()
if [ -n "${PORTAL_DB_PRODUCT:-}" ]; then
  db_product_opts=(-Dhibernate.boot.allow_jdbc_metadata_access=false
                   "-Djakarta.persistence.database-product-name=${PORTAL_DB_PRODUCT% *}"
                   "-Djakarta.persistence.database-product-version=${PORTAL_DB_PRODUCT##* }")
fi

echo "Starting the portal on http://localhost:$port/ (loopback only)"
# shellcheck disable=SC2086
exec java -Xmx1g -XX:+UseSerialGC \
  -Djava.io.tmpdir="$data/tmp" \
  -Dh2.bindAddress=127.0.0.1 \
  -Dportal.base-url="${PORTAL_BASE_URL:-http://localhost:$port}" \
  -Dportal.data-dir="$data" \
  -Dsandbox.redirect-uris="http://localhost:$port/oauth/callback" \
  "${db_product_opts[@]}" \
  ${PORTAL_JAVA_OPTS:-} \
  -jar "$runtime/payara-micro.jar" \
  --port "$port" \
  --prebootcommandfile "$root/etc/payara/preboot.asadmin" \
  --postbootcommandfile "$postboot" \
  --addlibs "$runtime/lib" \
  --disablephonehome \
  "${deploys[@]}"

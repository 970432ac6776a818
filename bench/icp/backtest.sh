#!/usr/bin/env bash
# Backtest of an ICP version over 1,000,000 handed-off leads.
#
# Creates a database on a local PostgreSQL (default 127.0.0.1:5432, user postgres, trust auth), starts the packaged
# service against it so that Flyway creates the schema, creates an ICP with an active version 1 and a draft version 2
# (5 criteria) over the API, generates the leads with SQL generate_series (attributes and their copy as of the
# hand-off, the fit recorded at hand-off, outcomes in which partners and software companies win more, first touches),
# then:
#   1. with accord.evidence.sync-max-leads above the lead count, times POST .../versions/2/backtest answering 200
#      over the whole year (3 runs, after one warm-up; the median is the figure);
#   2. restarted with the default limit (50,000), times the same backtest as a job three times: 202, then GET on its
#      Location every 100 ms until it is done (the job poll interval is 200 ms here, so each figure includes up to
#      ~0.3 s of waiting); the first job runs on the just-started JVM.
# Stops the service at the end. Needs: psql, createdb/dropdb, curl, jq, a JDK, and `./mvnw -q package -DskipTests`.
#
#   LEADS=1000000          how many leads to generate
#   PGHOST/PGPORT/PGUSER   the PostgreSQL server (default 127.0.0.1 / 5432 / postgres)
#   KEEP_DATA=1            reuse the database of the previous run instead of generating it again
set -euo pipefail
cd "$(dirname "$0")/../.."

export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}"
db=accord_bench_backtest
leads="${LEADS:-1000000}"
port=8384
key=bench-admin-key-0123456789abcdef-backtest
log=/tmp/accord-bench-backtest.log
secrets_key=$(head -c 32 /dev/urandom | base64)
[ -f target/quarkus-app/quarkus-run.jar ] || { echo "run ./mvnw -q package -DskipTests first" >&2; exit 1; }

if [ "${KEEP_DATA:-0}" != 1 ]; then
  dropdb --if-exists "$db" && createdb "$db"
fi

pid=
stop() { if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; pid=; fi; }
trap stop EXIT
start() { # $1: accord.evidence.sync-max-leads
  ACCORD_DB_URL="postgresql://$PGHOST:$PGPORT/$db" QUARKUS_DATASOURCE_USERNAME="$PGUSER" ACCORD_RATE_LIMIT_ENABLED=false \
    QUARKUS_HTTP_PORT="$port" ACCORD_BOOTSTRAP_ADMIN_KEY="$key" ACCORD_EVIDENCE_SYNC_MAX_LEADS="$1" \
    ACCORD_SECRETS_KEY="$secrets_key" \
    ACCORD_EVIDENCE_JOB_POLL_INTERVAL=PT0.2S ACCORD_REPORTS_ROLLUP_INTERVAL=PT1H \
    java -jar target/quarkus-app/quarkus-run.jar >> "$log" 2>&1 &
  pid=$!
  for _ in $(seq 1 180); do
    curl -fs "localhost:$port/q/health/ready" > /dev/null && return 0
    kill -0 "$pid" 2>/dev/null || { echo "the service stopped; see $log" >&2; exit 1; }
    sleep 1
  done
  echo "the service did not start; see $log" >&2; exit 1
}
api() { curl -fsS -H "X-API-Key: $key" -H 'Content-Type: application/json' "$@"; }
q() { psql -X -q -v ON_ERROR_STOP=1 -d "$db" "$@"; }

: > "$log"
start $((leads + 1))

if [ "${KEEP_DATA:-0}" != 1 ]; then
  echo "creating the ICP and generating $leads leads…"
  crit='[{"attribute":"company.industry","operator":"in","values":["software","fintech"],"weight":30,"required":false},
         {"attribute":"company.employees","operator":"between","min":50,"max":5000,"weight":25,"required":false},
         {"attribute":"company.country","operator":"in","values":["DE","AT","CH","NL"],"weight":15,"required":false},
         {"attribute":"contact.title","operator":"contains_any","values":["cto","vp","head"],"weight":20,"required":false},
         {"attribute":"custom.channel","operator":"not_in","values":["purchased-list"],"weight":10,"required":true}]'
  tiers='[{"label":"A","minScore":80},{"label":"B","minScore":60},{"label":"C","minScore":0}]'
  api -o /dev/null -X POST "localhost:$port/api/v1/icps" -d '{"key":"bench-icp","name":"Bench ICP"}'
  api -o /dev/null -X POST "localhost:$port/api/v1/icps/bench-icp/versions" -d "{\"criteria\":$crit,\"tiers\":$tiers}"
  api -o /dev/null -X POST "localhost:$port/api/v1/icps/bench-icp/versions" \
    -d "{\"criteria\":$(echo "$crit" | sed 's/"weight":30/"weight":40/'),\"tiers\":$tiers}"
  gen=$SECONDS
  q -v n="$leads" <<'SQL'
set session_replication_role = replica;
-- A year of hand-offs up to now. Partners and software/fintech companies win more; 10 % of leads come from a
-- purchased list and are rejected more. The fit recorded at hand-off is version 1's tier, roughly.
insert into leads (id, source, external_id, status, company, contact, custom, handoff_company, handoff_contact,
                   handoff_custom, country, owner_id, fit_icp_key, fit_version,
                   fit_score, fit_tier, fit_qualified, handoff_id, handed_off_at, reject_reason, outcome, created_at,
                   updated_at, accepted_at, qualified_at, closed_at, rejected_at, first_touch_at)
select gen_random_uuid(), 'source-' || (n % 8), 'bt-' || n, status, company, contact, custom, company, contact, custom,
       country, 'rep-' || (n % 200), 'bench-icp', 1, score, case when score >= 80 then 'A' when score >= 60 then 'B' else 'C' end,
       true, gen_random_uuid(), handed_at,
       case when status = 'rejected' then (array['not_icp_fit', 'bad_contact_data', 'duplicate', 'no_budget', 'no_authority',
           'competitor', 'other'])[1 + (n % 7)] end,
       case when status in ('won', 'lost') then status end,
       handed_at, handed_at,
       case when status in ('accepted', 'qualified', 'won', 'lost') then handed_at + interval '1 day' end,
       case when status in ('qualified', 'won', 'lost') then handed_at + interval '5 days' end,
       case when status in ('won', 'lost') then handed_at + interval '20 days' end,
       case when status = 'rejected' then handed_at + interval '1 day' end,
       case when r_touch < 0.9 then handed_at + r_touch * interval '30 hours' end
from (
  select *,
         json_build_object('name', 'Bench Co ' || n, 'industry', industry, 'employees', employees, 'country', country)::text
             as company,
         json_build_object('name', 'Person ' || n, 'title', title)::text as contact,
         json_build_object('partner', partner, 'channel', channel, 'campaign', 'camp-' || (n % 20))::text as custom,
         case when r_out < p_reject then 'rejected' when r_out < p_reject + p_win then 'won'
                 when r_out < p_reject + p_win + 0.15 then 'lost' when r_out < p_reject + p_win + 0.35 then 'qualified'
                 when r_out < p_reject + p_win + 0.6 then 'accepted' else 'mql' end as status
  from (
    select *, 0.05 + 0.15 * partner::int + 0.08 * (industry in ('software', 'fintech'))::int as p_win,
           case when channel = 'purchased-list' then 0.4 else 0.12 end as p_reject
    from (
      select n, now() - random() * interval '365 days' as handed_at,
             (array['software', 'fintech', 'retail', 'manufacturing', 'health', 'education', 'logistics', 'media'])[1 + (n % 8)] as industry,
             (10 + (random() * 10000)::int) as employees,
             (array['DE', 'AT', 'CH', 'NL', 'FR', 'US', 'GB', 'PL'])[1 + ((n / 8) % 8)] as country,
             (array['CTO', 'VP Engineering', 'Head of IT', 'Developer', 'Analyst', 'CEO'])[1 + ((n / 64) % 6)] as title,
             random() < 0.2 as partner,
             case when random() < 0.1 then 'purchased-list' else 'inbound' end as channel,
             (random() * 100)::int as score,
             random() as r_out, random() as r_touch
      from generate_series(1, :n) n) base) p) staged;
reset session_replication_role;
vacuum analyze leads;
SQL
  echo "generated in $((SECONDS - gen)) s"
fi
q -Atc "select 'data: ' || count(*) || ' leads, ' || pg_size_pretty(pg_total_relation_size('leads')) from leads"

from=$(date -u -d '-367 days' +%Y-%m-%dT%H:%M:%SZ)
to=$(date -u -d '+1 day' +%Y-%m-%dT%H:%M:%SZ)
body="{\"from\":\"$from\",\"to\":\"$to\"}"

echo "1. in the request (sync-max-leads above $leads), one warm-up, then 3 runs:"
api -o /dev/null -X POST "localhost:$port/api/v1/icps/bench-icp/versions/2/backtest" -d "$body"
times=()
for i in 1 2 3; do
  read -r code t < <(curl -s -o /tmp/accord-bench-backtest.json -w '%{http_code} %{time_total}\n' -H "X-API-Key: $key" \
    -H 'Content-Type: application/json' -X POST "localhost:$port/api/v1/icps/bench-icp/versions/2/backtest" -d "$body")
  [ "$code" = 200 ] || { echo "HTTP $code" >&2; cat /tmp/accord-bench-backtest.json >&2; exit 1; }
  echo "   run $i: ${t} s ($(jq -r '.result.leads' /tmp/accord-bench-backtest.json) leads)"
  times+=("$t")
done
echo "   median: $(printf '%s\n' "${times[@]}" | sort -n | sed -n 2p) s"
jq -c '{tiers: [.result.candidate.tiers[] | {tier, leads, wonRate, lift}], top: .result.suggestions[0]}' \
  /tmp/accord-bench-backtest.json

stop
start 50000
echo "2. as a job (sync-max-leads 50,000): POST, then poll until done; the first job on the fresh JVM, then two more"
for i in 1 2 3; do
  t0=$(date +%s.%N)
  location=$(curl -s -D - -o /dev/null -H "X-API-Key: $key" -H 'Content-Type: application/json' -X POST \
    "localhost:$port/api/v1/icps/bench-icp/versions/2/backtest" -d "$body" | tr -d '\r' | awk -F': ' 'tolower($1) == "location" {print $2}')
  [ -n "$location" ] || { echo "no Location" >&2; exit 1; }
  while :; do
    status=$(api "$location" | jq -r .status)
    [ "$status" = done ] && break
    [ "$status" = failed ] && { echo "the job failed" >&2; exit 1; }
    sleep 0.1
  done
  echo "   job $i: 202 to done in $(echo "$(date +%s.%N) - $t0" | bc) s"
done

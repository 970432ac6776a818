#!/usr/bin/env bash
# Checks a finished fault run (bench/faults/run.sh) from its folder: loads the receiver, stream and load-probe logs
# into the run's database and compares them with the service's own tables. Prints the table; exits 1 on a failure.
#   bench/faults/check.sh target/faults/<run>
set -euo pipefail
out=$(cd "$1" && pwd)
cd "$(dirname "$0")/../.."
export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}"
set -a; . "$out/state.env"; set +a
q() { psql -X -q -v ON_ERROR_STOP=1 -d "$db" "$@"; }
port_of() { echo $((base_port + $1)); }
# --- Checks ------------------------------------------------------------------------------------------------------
q <<'SQL'
drop schema if exists faults cascade;
create schema faults;
create table faults.recv (ms bigint, webhook_id text, ok boolean, type text);
create table faults.sse (ms bigint, client text, kind text, seq bigint, port int, status int);
create table faults.load (ms bigint, port int, method text, route text, status int, what text, error text);
SQL
touch "$out/receiver.tsv"
q -c "\\copy faults.recv from '$out/receiver.tsv'"
for i in $(seq 1 "$replicas"); do touch "$out/sse-$i.tsv"; q -c "\\copy faults.sse from '$out/sse-$i.tsv'"; done
q -c "\\copy faults.load from '$out/load.tsv'"
grace_ms=$(( ${PG_GRACE:-5} * 1000 ))
r() { q -Atc "$1"; }
expected=$clocks
raised=$(r "select count(distinct subject) from alerts where kind = 'sla.breached' and subject in (select id::text from sla_clocks)")
lost=$((expected - raised))
doubled=$(r "select count(*) - count(distinct (subject, kind)) from alerts")
events=$(r "select count(*) from events")
deliveries_missing=$(r "select count(*) from events e where not exists (select 1 from webhook_deliveries d where d.event_seq = e.seq and d.status = 'delivered')")
recv_total=$(r "select count(*) from faults.recv")
recv_missing=$(r "select count(*) from events e where not exists (select 1 from faults.recv r where r.webhook_id = 'msg_' || e.seq)")
recv_dups=$(r "select count(*) - count(distinct webhook_id) from faults.recv")
recv_dup_ids=$(r "select count(*) from (select webhook_id from faults.recv group by 1 having count(*) > 1) x")
recv_bad=$(r "select count(*) from faults.recv where not ok")
recv_unknown=$(r "select count(*) from faults.recv r where not exists (select 1 from events e where 'msg_' || e.seq = r.webhook_id)")
pending=$(r "select count(*) from webhook_deliveries where status = 'pending'")
failed=$(r "select count(*) from webhook_deliveries where status in ('failed', 'cancelled')")
attempts_max=$(r "select coalesce(max(attempts), 0) from webhook_deliveries")
sse_rows=$(r "select string_agg(format('%s: %s events, %s missing, %s twice, %s connections (%s on another replica)',
    c.client, c.n, c.missing, c.dups, c.connects, c.away), E'\n' order by c.client) from (
  select f.client,
    (select count(*) from faults.sse s where s.client = f.client and s.kind = 'E') n,
    (select count(*) from events e where not exists (select 1 from faults.sse s where s.client = f.client and s.kind = 'E' and s.seq = e.seq)) missing,
    (select count(*) - count(distinct seq) from faults.sse s where s.client = f.client and s.kind = 'E') dups,
    (select count(*) from faults.sse s where s.client = f.client and s.kind = 'C' and s.status = 200) connects,
    (select count(*) from faults.sse s where s.client = f.client and s.kind = 'C' and s.status = 200
        and s.port <> $base_port + substr(f.client, 10)::int) away
  from (select distinct client from faults.sse) f) c")
sse_bad=$(r "select count(*) from (select distinct client from faults.sse) f where
    exists (select 1 from events e where not exists (select 1 from faults.sse s where s.client = f.client and s.kind = 'E' and s.seq = e.seq))
    or (select count(*) - count(distinct seq) from faults.sse s where s.client = f.client and s.kind = 'E') > 0")
sse_clients=$(r "select count(distinct client) from faults.sse")
load_total=$(r "select count(*) from faults.load")
load_ok=$(r "select count(*) from faults.load where status between 200 and 499")
load_5xx_outside=$(r "select count(*) from faults.load where status >= 500 and not (ms between $pg_down_ms and $pg_up_ms + $grace_ms)")
load_5xx_inside_bad=$(r "select count(*) from faults.load where status >= 500 and ms between $pg_down_ms and $pg_up_ms + $grace_ms and (status <> 503 or what <> 'urn:accord:problem:unavailable')")
load_503=$(r "select count(*) from faults.load where status = 503 and what = 'urn:accord:problem:unavailable'")
load_last_503=$(r "select coalesce(max(ms) - $pg_up_ms, 0) from faults.load where status = 503")
load_noanswer=$(r "select count(*) from faults.load where status = 0")
# In flight at SIGTERM: sent before it, to replica 2, and never answered.
load_cut_term=$(r "select count(*) from faults.load where status = 0 and error like 'cut%' and port = $(port_of 2)
    and ms between $term_at_ms - 30000 and $term_at_ms")
# Sent after SIGTERM on a kept-alive connection that the stopping server closed before reading it.
load_race_term=$(r "select count(*) from faults.load where status = 0 and error like 'cut%' and port = $(port_of 2)
    and ms > $term_at_ms and ms <= $term_end_ms")
load_term=$(r "select count(*) from faults.load where status > 0 and port = $(port_of 2) and ms between $term_at_ms and $term_end_ms")
load_4xx=$(r "select coalesce(string_agg(status || ' ' || what || ': ' || n, ', '), 'none') from (select status, what, count(*) n from faults.load where status between 400 and 499 group by 1, 2) x")
unstarted=$(cat "$out"/replica-*.log | grep -c 'Failed to start application' || true)
stuck=$(grep -c 'Shutting down with a webhook dispatch round still running' "$out"/replica-2.log || true)

fail=0
check() { # name, ok?, detail
  local mark=PASS; [ "$2" = 1 ] || { mark=FAIL; fail=1; }
  printf '%-4s  %-58s %s\n' "$mark" "$1" "$3"
}
echo
echo "== Fault run: $replicas replicas, $clocks clocks due over $spread s, receiver down $outage s, $kills kill -9, 1 SIGTERM, 1 PostgreSQL restart; $end_secs s from seeding to settled"
check "alerts: expected vs raised" "$( [ "$lost" = 0 ] && echo 1 || echo 0)" "$expected expected, $raised raised: $lost lost"
check "alerts doubled" "$( [ "$doubled" = 0 ] && echo 1 || echo 0)" "$doubled"
check "every event delivered (delivery log)" "$( [ "$deliveries_missing" = 0 ] && echo 1 || echo 0)" "$events events, $deliveries_missing without a delivered delivery (most attempts $attempts_max)"
check "every event received, stable webhook-id" "$( [ "$recv_missing" = 0 ] && [ "$recv_unknown" = 0 ] && echo 1 || echo 0)" "$recv_total requests, $recv_missing events never received, $recv_unknown unknown ids"
check "receiver: signatures valid" "$( [ "$recv_bad" = 0 ] && echo 1 || echo 0)" "$recv_bad bad"
printf '%-4s  %-58s %s\n' "INFO" "receiver-side duplicates (at least once)" "$recv_dups extra requests for $recv_dup_ids webhook-ids"
check "live streams: every event exactly once ($sse_clients followers)" "$( [ "$sse_bad" = 0 ] && [ "$sse_clients" = "$replicas" ] && echo 1 || echo 0)" ""
while IFS= read -r line; do printf '        %s\n' "$line"; done <<< "$sse_rows"
check "outbox empty at the end" "$( [ "$pending" = 0 ] && [ "$failed" = 0 ] && echo 1 || echo 0)" "$pending pending, $failed failed or cancelled"
check "no 5xx outside the PostgreSQL outage" "$( [ "$load_5xx_outside" = 0 ] && echo 1 || echo 0)" "$load_5xx_outside of $load_total requests"
check "during the outage only 503 problem documents" "$( [ "$load_5xx_inside_bad" = 0 ] && echo 1 || echo 0)" "$load_503 x 503 unavailable, $load_5xx_inside_bad other 5xx; last 503 $load_last_503 ms after PostgreSQL was back"
printf '%-4s  %-58s %s\n' "INFO" "load probe" "$load_ok answered 2xx-4xx, $load_noanswer unanswered (replica dead or starting); 4xx: $load_4xx"
check "SIGTERM: graceful exit, in-flight requests answered" "$( [ "$load_cut_term" = 0 ] && [ "$stuck" = 0 ] && [ "$term_hung" = no ] && (( $(echo "$term_secs < 25" | bc) )) && echo 1 || echo 0)" "exited in $term_secs s (status $term_rc, hung: $term_hung); $load_term answered while draining, $load_cut_term in flight cut"
printf '%-4s  %-58s %s\n' "INFO" "sent during the SIGTERM on a closing kept-alive connection" "$load_race_term (not read by the server; a client retries them)"
check "PostgreSQL restart: replica 3 unready, then ready unrestarted" "$( [ "$unready_seen" -gt 0 ] && [ -n "$ready_again_ms" ] && [ "$pid3_same" = yes ] && echo 1 || echo 0)" "unready polls $unready_seen, ready $(( ${ready_again_ms:-0} - pg_up_ms )) ms after PostgreSQL was back, same pid: $pid3_same"
printf '%-4s  %-58s %s\n' "INFO" "replica starts that failed (PostgreSQL down)" "$unstarted"
printf '%-4s  %-58s %s\n' "INFO" "final graceful stops that hung (ended by kill -9 after 30 s)" "${stop_hung:-?}"
q -Atc "select 'figures: lost=$lost doubled=$doubled receiver_dups=$recv_dups sse_dups=' ||
  (select count(*) - count(distinct (client, seq)) from faults.sse where kind = 'E') ||
  ' http_5xx_outside=$load_5xx_outside http_503_during=$load_503 kills=$kills sigterm_exit_s=$term_secs settle_s=$end_secs wall_s=${wall_secs:-?}'" | tee "$out/figures.txt"
echo "result: $([ "$fail" = 0 ] && echo PASS || echo FAIL) (logs in $out)"
exit "$fail"

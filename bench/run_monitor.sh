#!/usr/bin/env bash
# Plug monitor into the shared loopback benchmark (../shared/bench, "Adding a tool"), so one run
# measures monitor beside urlwatch and the stdlib floor on the same corpus.
#
#   bench/run_monitor.sh                 # monitor, urlwatch and the floor, N=2000, 3 reps, one table
#   PEERS= VARIANTS=plain REPS=1 bench/run_monitor.sh            # monitor alone, quick
#   N=10000 REPS=1 VARIANTS=plain UW_VARIANTS=css bench/run_monitor.sh
#
# Each repetition runs monitor (VARIANTS), then urlwatch (UW_VARIANTS, default "plain css") and
# the stdlib floor, on the same pristine corpus and server; then one table of medians
# (results.md) and the issue's bars as measured ratios (bars.md) land in RESULTS_DIR.
# nginx and GNU time are installed with apt-get when missing (root only).
#
# Variants: plain (one `page` source per article), css (the same with the article's body
# selector), discover (the list pages only: articles are found through them; in phase c the
# lists are unchanged, so nothing is refetched and the expected change count is 0).
# Politeness is opened wide for loopback and recorded with each run (see SETTINGS below).
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
SHARED=${BENCH_SHARED:-"$HERE/../../shared/bench"}

# The harness wants nginx (its pyserve fallback serves :8088 only) and GNU time; neither
# survives a fresh machine, so install them when missing.
if [ -z "${_MONITOR_BENCH_CHILD:-}" ]; then
  need=()
  command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || need+=(nginx)
  /usr/bin/time -v true >/dev/null 2>&1 || need+=(time)
  if [ ${#need[@]} -gt 0 ]; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
      echo "[bench] installing ${need[*]}" >&2
      apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >&2
    else
      echo "[bench] missing ${need[*]}: apt-get install -y ${need[*]} (as root)" >&2
    fi
  fi
fi

# One command, three tools: each repetition runs monitor, urlwatch and the floor back to back
# (this script calls itself for monitor), then everything is summarised in one table.
PEERS=${PEERS-"urlwatch floor"}
if [ -z "${_MONITOR_BENCH_CHILD:-}" ] && [ -n "$PEERS" ]; then
  REPS=${REPS:-3}
  # Raw runs and tool state (urlwatch's cache alone is 100+ MB) stay in /tmp; the summary
  # files are copied into bench/results/.
  OUT=${RESULTS_DIR:-"/tmp/bench-results/all-$(date +%Y%m%dT%H%M%S)"}
  SAVE=${SAVE_DIR:-"$HERE/results/$(date +%Y-%m-%dT%H%M)-n${N:-2000}-$(echo ${VARIANTS:-all} | tr ' ' '+')"}
  mkdir -p "$OUT" "$SAVE"
  started=0
  if ! "$SHARED/serve.sh" status >/dev/null 2>&1; then "$SHARED/serve.sh" start >&2; started=1; fi
  trap '[ "$started" = 1 ] && "$SHARED/serve.sh" stop >&2 || true' EXIT
  for rep in $(seq 1 "$REPS"); do
    _MONITOR_BENCH_CHILD=1 REPS=1 RESULTS_DIR="$OUT/monitor.r$rep" "$0"
    for peer in $PEERS; do
      case $peer in
        urlwatch) REPS=1 VARIANTS="${UW_VARIANTS:-plain css}" RESULTS_DIR="$OUT/urlwatch.r$rep" \
                    "$SHARED/run_urlwatch.sh" ;;
        floor) REPS=1 RESULTS_DIR="$OUT/floor.r$rep" "$SHARED/run_floor.sh" ;;
      esac
    done
  done
  cp "$OUT/monitor.r1/machine.json" "$OUT/machine.json"
  cat "$OUT"/*.r*/results.jsonl > "$OUT/results.jsonl"
  python3 "$SHARED/benchlib.py" summarize "$OUT/results.jsonl" --out "$OUT/results.md"
  lists=$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["lists"]))' \
    /tmp/bench-corpus/manifest.json)
  python3 "$HERE/compare.py" "$OUT/results.jsonl" --lists "$lists" --out "$OUT/bars.md"
  cp "$OUT/results.md" "$OUT/results.jsonl" "$OUT/bars.md" "$OUT/machine.json" "$SAVE/"
  cat "$OUT/results.md" "$OUT/bars.md"
  echo "[bench] one table: $SAVE/results.md; bars: $SAVE/bars.md (raw: $OUT)" >&2
  exit 0
fi

. "$SHARED/lib.sh"

ROOT="$(cd "$HERE/.." && pwd)"
PY=${MONITOR_PY:-"$ROOT/.venv/bin/python"}
VARIANTS=${VARIANTS:-"plain css discover"}
CONCURRENCY=${CONCURRENCY:-16}          # requests in flight across all hosts
PER_HOST=${PER_HOST:-16}                # the watchlist's maximum; all pages are on one host
DELAY=${DELAY:-0s}                      # polite default is 1s; loopback needs none
ROBOTS=${ROBOTS:-true}                  # kept on: one robots.txt request per pass (nginx: 404)
SETTINGS="{\"concurrency\": $CONCURRENCY, \"per_host_concurrency\": $PER_HOST, \"per_host_delay\": \"$DELAY\", \"robots\": $ROBOTS}"

# NATIVE=1 (the default): the reading modules (figures, pages) compiled by scripts/native (mypyc),
# built here unless they are the build of the sources; NATIVE=0: the sources, any build removed.
# The version says which was measured (0.1.0+native).
if [ "${NATIVE:-1}" = 1 ]; then
  bash "$ROOT/scripts/native" >&2  # (at once when the build is current)
else
  bash "$ROOT/scripts/native" --clean >&2
fi
VERSION=$(cd "$ROOT" && "$PY" -c 'import monitor, monitor.figures as f, monitor.pages as p
print(monitor.__version__ + ("+native" if f.NATIVE and p.NATIVE else ""))')
# Bytecode as an installed package has it (urlwatch's was compiled by pip): with
# PYTHONDONTWRITEBYTECODE set, an editable install would compile every module at each start.
"$PY" -m compileall -q "$ROOT/monitor" >/dev/null
bench_init monitor "$VERSION"
trap 'bench_stop_server' EXIT

# watchlist VARIANT OUT: the tool's input from the corpus manifest.
watchlist() {
  "$PY" - "$CORPUS/manifest.json" "$1" "$2" "$CONCURRENCY" "$PER_HOST" "$DELAY" "$ROBOTS" <<'PY'
import json, sys
manifest, variant, out, conc, per_host, delay, robots = sys.argv[1:]
m = json.load(open(manifest, encoding="utf-8"))
q = json.dumps  # JSON strings are valid YAML scalars, whatever they hold
lines = [
    "timezone: Asia/Shanghai",
    f"limits: {{concurrency: {conc}, robots: {robots}}}",
    f"defaults: {{per_host_concurrency: {per_host}, per_host_delay: {delay}, max_articles: 100}}",
    "sources:",
]
if variant == "discover":
    for k, lst in enumerate(m["lists"]):
        lines.append(f"  - {{id: list-{k}, url: {q(lst['url'])}, type: list}}")
else:
    for a in m["articles"]:
        body = f", body: {q(a['body_selector'])}" if variant == "css" else ""
        lines.append(f"  - {{id: a{a['id']}, url: {q(a['url'])}, type: page{body}}}")
# The corpus's sixteen indicators (make_corpus.py FACTS), so the first pass reads figures.
targets = [
    ("shenghuoquan", "一刻钟便民生活圈", "个"), ("tuowei", "普惠托位", "个"),
    ("baozufang", "保障性租赁住房", "套"), ("laojiu", "老旧小区综合整治", "个"),
    ("chongdian", "充电桩", "个"), ("koudai", "口袋公园", "处"), ("yanglao", "家庭照护床位", "张"),
    ("xuewei", "中小学学位", "个"), ("dianti", "加装电梯", "部"), ("xiaoxiang", "背街小巷", "条"),
    ("zhucan", "老年助餐点", "个"), ("jiuye", "城镇新增就业", "人"),
    ("guidao", "轨道交通运营里程", "公里"), ("jianshen", "全民健身场地设施", "处"),
    ("jiating", "家庭医生签约", "人"), ("gdp", "地区生产总值", "%"),
]
lines.append("targets:")
for ident, keyword, unit in targets:
    lines.append(f"  - {{id: {ident}, title: {q(keyword)}, keywords: [{q(keyword)}], unit: {q(unit)}}}")
open(out, "w", encoding="utf-8").write("\n".join(lines) + "\n")
PY
}

for rep in $(seq 1 "$REPS"); do
  for variant in $VARIANTS; do
    bench_reset_corpus
    W="$RESULTS_DIR/work/$variant.r$rep"
    rm -rf "$W"; mkdir -p "$W/home"
    watchlist "$variant" "$W/watchlist.yaml"
    (cd "$ROOT" && "$PY" -m monitor --watchlist "$W/watchlist.yaml" check >/dev/null)
    run() {  # run PHASE EXPECT_NEW EXPECT_CHANGED [MUTATIONS]
      # --all: every source is fetched each run whatever `every` says; --digest never: no mail.
      bench_run "$variant" "$1" "$rep" "$2" "$3" -- env HOME="$W/home" \
        XDG_CONFIG_HOME="$W/home/.config" XDG_CACHE_HOME="$W/home/.cache" \
        "$PY" -m monitor -q --watchlist "$W/watchlist.yaml" --state "$W/state" \
        run --all --digest never --summary-json "$W/summary.$1.json"
      local check
      check=$("$PY" "$SHARED/benchlib.py" summary-check --summary "$W/summary.$1.json" \
        --phase "$1" ${4:+--mutations "$4"})
      bench_extra "$("$PY" -c 'import json,sys; print(json.dumps({**json.loads(sys.argv[1]), **json.loads(sys.argv[2])}))' "$check" "$SETTINGS")"
      echo "   $variant $1 r$rep: $check" >&2
    }
    run a_first "$N" 0
    run b_unchanged 0 0
    bench_mutate 1
    if [ "$variant" = discover ]; then
      run c_mutated 0 0            # lists unchanged: known articles are not refetched
    else
      run c_mutated 0 "$MUTATED" "$CORPUS/mutations.json"
    fi
  done
done

bench_finish

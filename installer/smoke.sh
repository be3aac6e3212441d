#!/usr/bin/env bash
# Smoke-test a built bundle: the commands a branch uses first, and the GUI starting offscreen
# and closing cleanly. Usage: installer/smoke.sh [BUNDLE_DIR] (default dist/BranchDesk).
set -euo pipefail
BUNDLE="${1:-dist/BranchDesk}"
EXE="$BUNDLE/BranchDesk"
[ -x "$EXE" ] || EXE="$BUNDLE/BranchDesk.exe"
DATA="$(mktemp -d)"
OUT="$(mktemp -d)"
trap 'rm -rf "$DATA" "$OUT"' EXIT
step() { printf '  %-28s' "$1"; }

step "--version"
"$EXE" --version | grep -q "BranchDesk" && echo ok

step "branchdesk-cli --version"
CLI="$BUNDLE/branchdesk-cli"
[ -x "$CLI" ] || CLI="$BUNDLE/branchdesk-cli.exe"
"$CLI" --version | grep -q "BranchDesk" && echo ok

step "demo"
"$EXE" --data-dir "$DATA" demo > "$OUT/demo.txt" && echo ok

step "lookup --json"
"$EXE" --data-dir "$DATA" lookup --json "春江花月晓风苑3幢" > "$OUT/lookup.json"
python3 - "$OUT/lookup.json" <<'PY'
import json, sys
answer = json.load(open(sys.argv[1], encoding="utf-8"))
assert answer["couriers"], "the sample branch's lookup found no courier"
assert {"name", "employee_no", "phone", "segment_code", "score", "rule"} <= set(answer["couriers"][0])
PY
echo ok

step "lookup, traditional"  # OpenCC's dictionaries are in the bundle
"$EXE" --data-dir "$DATA" lookup --json "曉風苑3幢" > "$OUT/lookup-t.json"
python3 - "$OUT/lookup-t.json" <<'PY'
import json, sys
answer = json.load(open(sys.argv[1], encoding="utf-8"))
assert answer["couriers"], "曉風苑3幢 found no courier: traditional characters not converted"
PY
echo ok

step "print sheet"
"$EXE" --data-dir "$DATA" print sheet -o "$OUT/sheet.pdf" > /dev/null
head -c 5 "$OUT/sheet.pdf" | grep -q "%PDF-" && echo ok

step "GUI starts and closes"
# In Chinese, with the first-run questions answered, so nothing waits for a click.
printf '{"language": "zh_CN", "first_run_done": true}' > "$DATA/settings.json"
QT_QPA_PLATFORM=offscreen BRANCHDESK_SMOKE_QUIT_MS=4000 timeout 60 "$EXE" --data-dir "$DATA"
LOG="$DATA/logs/branchdesk.log"
grep -q "stopped (exit code 0)" "$LOG" && ! grep -q "Traceback" "$LOG" && echo ok

step "Qt's dialogs in Chinese"
grep -q "Qt's own translations (zh_CN) loaded" "$LOG" && echo ok

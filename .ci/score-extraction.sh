#!/usr/bin/env bash
# Extraction quality gate: strict F1 of `dondoc extract --json` on the shared corpus may only go up.
# Run from the repository root (CI runs it there); ../shared is the shared folder beside the clone.
set -euo pipefail
cd "$(dirname "$0")/.."
node ../shared/tools/score-extraction.mjs --corpus ../shared/corpus \
  --cmd 'npx --no-install dondoc extract --json {file}' --min-strict-f1 0.9849

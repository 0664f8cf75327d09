#!/usr/bin/env bash
# Clean every page in a folder (recursively) into another folder, in parallel.
# Usage: examples/clean_folder.sh IN_DIR OUT_DIR
set -euo pipefail
cleaner "${1:?input folder}" -o "${2:?output folder}" --jobs "$(nproc)"

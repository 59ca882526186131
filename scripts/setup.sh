#!/usr/bin/env bash
# Installs what PluginBot needs on a fresh machine and restores its packages. Safe to run again.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

say() { printf '[setup] %s\n' "$*" >&2; }

apt_install() {
  if ! command -v apt-get >/dev/null 2>&1; then
    say "apt-get is not available: install $* by hand"; return 1
  fi
  if [ "$(id -u)" -ne 0 ]; then
    say "installing $* needs root: run 'sudo $0'"; return 1
  fi
  if [ ! -f "$root/.tools/apt-updated" ]; then
    apt-get update -qq >&2 && mkdir -p "$root/.tools" && touch "$root/.tools/apt-updated"
  fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >&2
}

if ! command -v dotnet >/dev/null 2>&1; then
  say "the .NET SDK (10.0) is required: install dotnet-sdk-10.0 and run this again"; exit 1
fi
major="$(dotnet --version | cut -d. -f1)"
if [ "$major" -lt 10 ]; then
  say "the .NET SDK 10.0 or later is required; found $(dotnet --version)"; exit 1
fi

# Exchange data in New York time (SPY files) is converted with the system time zone database.
if [ ! -e /usr/share/zoneinfo/America/New_York ]; then
  say "installing tzdata"
  apt_install tzdata || say "warning: without tzdata, files in New York time (SPY) cannot be read; everything else works"
fi

# ONNX Runtime's C library for the ONNX experts (from the npm package onnxruntime-node, pinned by SHA-256).
"$root/scripts/setup-onnxruntime.sh"

# PyTorch and ONNX from Debian for the training pipeline (pluginbot train and its tests).
"$root/scripts/setup-training.sh"

say "restoring NuGet packages"
dotnet restore "$root/PluginBot.sln" --verbosity quiet >&2
say "ready"

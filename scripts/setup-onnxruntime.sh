#!/usr/bin/env bash
# Installs ONNX Runtime's C library (libonnxruntime.so.1) for the ONNX binding (engine/PluginBot.Onnx).
#
# The Microsoft.ML.OnnxRuntime NuGet packages are not served on our package mirror, but the npm package
# onnxruntime-node ships the same C library for linux-x64, so it is taken from there. The file is pinned by
# SHA-256: a different build (or a tampered download) is refused instead of being loaded into the engine.
# Safe to run again: it does nothing when the installed library already has the pinned hash.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

version="1.30.0"
expected_sha256="ffb75a925ba05e47b235bb66e3e3911714a80b328a9c9425539feb204aa32a23"
member="package/bin/napi-v6/linux/x64/libonnxruntime.so.1"
cache="$root/.tools/onnxruntime"
target_dir="$root/artifacts/native/onnxruntime"
target="$target_dir/libonnxruntime.so.1"

say() { printf '[setup-onnxruntime] %s\n' "$*" >&2; }
hash_of() { sha256sum "$1" | cut -d' ' -f1; }

if [ -f "$target" ] && [ "$(hash_of "$target")" = "$expected_sha256" ]; then
  say "ONNX Runtime $version already installed at $target"
  exit 0
fi

if [ "$(uname -s)-$(uname -m)" != "Linux-x86_64" ]; then
  say "only linux-x64 is scripted; install libonnxruntime.so.1 $version by hand and set PLUGINBOT_ONNXRUNTIME_PATH"
  exit 1
fi

if ! command -v npm >/dev/null 2>&1; then
  say "npm is required to fetch onnxruntime-node@$version (install the Debian package 'npm')"
  exit 1
fi

mkdir -p "$cache" "$target_dir"
archive="$cache/onnxruntime-node-$version.tgz"
if [ ! -f "$archive" ]; then
  say "downloading onnxruntime-node@$version with npm pack"
  # npm pack prints the file name it wrote; keep only that line.
  packed="$(cd "$cache" && npm pack "onnxruntime-node@$version" --silent | tail -n 1)"
  if [ "$cache/$packed" != "$archive" ]; then
    mv "$cache/$packed" "$archive"
  fi
fi

extract_dir="$cache/extract"
rm -rf "$extract_dir"
mkdir -p "$extract_dir"
tar -xzf "$archive" -C "$extract_dir" "$member"
actual_sha256="$(hash_of "$extract_dir/$member")"
if [ "$actual_sha256" != "$expected_sha256" ]; then
  say "refusing $member from $archive: sha256 $actual_sha256, expected $expected_sha256"
  say "delete $archive to download it again"
  rm -rf "$extract_dir"
  exit 1
fi

# Copy to a temporary name and rename, so a reader never sees a half-written library.
cp "$extract_dir/$member" "$target.partial"
mv -f "$target.partial" "$target"
rm -rf "$extract_dir"
say "installed ONNX Runtime $version at $target"

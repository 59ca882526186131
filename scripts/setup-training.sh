#!/usr/bin/env bash
# Installs what `pluginbot train` needs to train deep experts: PyTorch and ONNX from Debian (python3-torch 1.13,
# python3-onnx). Debian's packages are used because the NuGet mirror serves no TorchSharp and the system Python is
# the one `pluginbot train` calls (/usr/bin/python3, never a pyenv python on PATH that lacks torch).
# Idempotent: does nothing when /usr/bin/python3 already imports torch and onnx.
set -euo pipefail

PYTHON=/usr/bin/python3

if [ -x "$PYTHON" ] && "$PYTHON" -c "import torch, onnx" >/dev/null 2>&1; then
    echo "setup-training: torch and onnx already importable by $PYTHON"
    exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
    echo "setup-training: $PYTHON cannot import torch and onnx, and installing python3-torch and python3-onnx needs root." >&2
    echo "setup-training: run as root: apt-get install -y python3-torch python3-onnx python3-numpy" >&2
    exit 1
fi

export DEBIAN_FRONTEND=noninteractive
apt-get update
apt-get install -y --no-install-recommends python3 python3-numpy python3-torch python3-onnx

if ! "$PYTHON" -c "import torch, onnx" >/dev/null 2>&1; then
    echo "setup-training: python3-torch and python3-onnx were installed but $PYTHON still cannot import them." >&2
    exit 1
fi

echo "setup-training: torch $("$PYTHON" -c 'import torch; print(torch.__version__)') and onnx $("$PYTHON" -c 'import onnx; print(onnx.__version__)') ready"

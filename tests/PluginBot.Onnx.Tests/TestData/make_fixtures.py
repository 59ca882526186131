#!/usr/bin/env python3
"""Generates the ONNX fixtures of PluginBot.Onnx.Tests (run from this folder: python3 make_fixtures.py).

Every model is a small torch network with seeded random weights, exported with the registry's conventions:
input `features` ([batch, features] or [batch, sequence, features], batch dynamic), output `probabilities`
([batch, classes], softmax inside the graph). For each model the torch outputs for fixed seeded inputs are written
to <name>.expected.json, so the tests compare ONNX Runtime through our binding against torch, not against itself.
"""
import json

import torch
from torch import nn

FEATURES = 46  # the engine's "default" feature set


class Mlp(nn.Module):
    def __init__(self, inputs, hidden, classes):
        super().__init__()
        layers = []
        width = inputs
        for size in hidden:
            layers += [nn.Linear(width, size), nn.ReLU()]
            width = size
        layers.append(nn.Linear(width, classes))
        self.body = nn.Sequential(*layers)

    def forward(self, features):
        return torch.softmax(self.body(features), dim=1)


class Lstm(nn.Module):
    def __init__(self, inputs, hidden, classes):
        super().__init__()
        self.lstm = nn.LSTM(inputs, hidden, batch_first=True)
        self.head = nn.Linear(hidden, classes)

    def forward(self, features):
        _, (last_hidden, _) = self.lstm(features)
        return torch.softmax(self.head(last_hidden[-1]), dim=1)


def export(model, name, example_shape, batch):
    model.eval()
    example = torch.randn(*example_shape)
    torch.onnx.export(
        model, example, f"{name}.onnx", input_names=["features"], output_names=["probabilities"],
        dynamic_axes={"features": {0: "batch"}, "probabilities": {0: "batch"}}, opset_version=13)
    inputs = torch.randn(batch, *example_shape[1:])
    with torch.no_grad():
        outputs = model(inputs)
    with open(f"{name}.expected.json", "w") as file:
        json.dump({
            "inputShape": list(inputs.shape), "input": inputs.flatten().tolist(),
            "outputShape": list(outputs.shape), "output": outputs.flatten().tolist(),
        }, file)


def write_mlp_weights(model, name):
    """The weights of a one-hidden-layer MLP, so a test can compute the forward pass by hand."""
    hidden, _, output = model.body
    with open(f"{name}.weights.json", "w") as file:
        json.dump({
            "hiddenWeights": hidden.weight.tolist(), "hiddenBias": hidden.bias.tolist(),
            "outputWeights": output.weight.tolist(), "outputBias": output.bias.tolist(),
        }, file)


def main():
    torch.manual_seed(20240601)
    mlp = Mlp(FEATURES, [16], 2)
    export(mlp, "mlp", (1, FEATURES), batch=3)
    write_mlp_weights(mlp, "mlp")

    lstm = Lstm(FEATURES, 8, 2)
    export(lstm, "lstm", (1, 8, FEATURES), batch=2)

    regime = Mlp(FEATURES, [8], 4)
    export(regime, "regime", (1, FEATURES), batch=2)
    write_mlp_weights(regime, "regime")

    # A direction model that reads 10 features: serving it with the 46-feature set must be refused.
    export(Mlp(10, [4], 2), "narrow", (1, 10), batch=1)

    # The benchmark's shapes (46 -> 64 -> 64 -> 2 and an LSTM over 32 bars with 64 hidden units).
    export(Mlp(FEATURES, [64, 64], 2), "bench-mlp", (1, FEATURES), batch=1)
    export(Lstm(FEATURES, 64, 2), "bench-lstm", (1, 32, FEATURES), batch=1)

    # A corrupt model: the MLP cut in half, as a partial download or copy would leave it.
    with open("mlp.onnx", "rb") as file:
        data = file.read()
    with open("corrupt.onnx", "wb") as file:
        file.write(data[: len(data) // 2])


if __name__ == "__main__":
    main()

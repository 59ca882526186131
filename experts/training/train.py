"""PluginBot's thin trainer: trains one model per walk-forward fold plus a final model, exports the final one to ONNX.

Usage: /usr/bin/python3 train.py --manifest DIR/dataset.json --out DIR

Writes into --out: fold_K_train.f32 / fold_K_test.f32 (probabilities of each fold's model on its training and test
rows), final_train.f32 (the final model on every row), probe.f32 (the final model on the manifest's probe rows, for
parity checks against the engine's ONNX path), model.onnx, and prints a JSON summary on stdout. Metrics are computed
by the C# pipeline from these probabilities, so both sides score exactly the same numbers.
"""
import argparse
import json
import os
import sys
import time

import numpy as np
import torch
from torch import nn

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import dataset  # noqa: E402
import models  # noqa: E402

OPSET = 13


def seed_everything(seed):
    """Makes a run repeatable: same manifest and seed, same weights and the same probabilities."""
    torch.manual_seed(seed)
    np.random.seed(seed)
    torch.use_deterministic_algorithms(True)


def fit(training_set, rows, settings):
    """Trains a fresh model on the given row indices with mini-batch Adam and a seeded shuffle."""
    seed_everything(settings["seed"])
    inputs = torch.from_numpy(training_set.inputs[rows])
    labels = torch.from_numpy(training_set.labels[rows])
    flat = inputs.reshape(-1, training_set.feature_count)
    mean = flat.mean(dim=0)
    deviation = flat.std(dim=0, unbiased=False) if flat.shape[0] > 1 else torch.ones(training_set.feature_count)
    model = models.build(
        training_set.model_type, training_set.feature_count, training_set.class_count,
        settings["hiddenSize"], mean, deviation)
    # Weight decay keeps a tiny model on noisy returns from memorising its training rows.
    optimiser = torch.optim.Adam(model.parameters(), lr=settings["learningRate"], weight_decay=settings["weightDecay"])
    loss_function = nn.CrossEntropyLoss()
    generator = torch.Generator().manual_seed(settings["seed"])
    batch_size = settings["batchSize"]
    last_loss = float("nan")
    model.train()
    for _ in range(settings["epochs"]):
        order = torch.randperm(len(rows), generator=generator)
        for start in range(0, len(rows), batch_size):
            batch = order[start:start + batch_size]
            optimiser.zero_grad()
            loss = loss_function(model.logits(inputs[batch]), labels[batch])
            loss.backward()
            optimiser.step()
            last_loss = float(loss.item())
    model.eval()
    return model, last_loss


def predict(model, training_set, rows):
    with torch.no_grad():
        return model(torch.from_numpy(training_set.inputs[rows])).numpy().astype("<f4")


def model_input(training_set, rows):
    """What the ONNX graph takes: [batch, features] for mlp, [batch, sequence, features] for recurrent models."""
    window = torch.from_numpy(training_set.inputs[rows])
    return window[:, -1, :] if training_set.model_type == "mlp" else window


def export(model, training_set, path):
    example = model_input(training_set, np.arange(min(2, training_set.inputs.shape[0])))
    torch.onnx.export(
        model, example, path,
        input_names=["features"], output_names=["probabilities"],
        dynamic_axes={"features": {0: "batch"}, "probabilities": {0: "batch"}},
        opset_version=OPSET, do_constant_folding=True)


def run(manifest_path, output_directory):
    started = time.perf_counter()
    torch.set_num_threads(1)
    training_set = dataset.load(manifest_path)
    manifest = training_set.manifest
    settings = {key: manifest[key] for key in ("seed", "epochs", "hiddenSize", "learningRate", "batchSize", "weightDecay")}
    os.makedirs(output_directory, exist_ok=True)
    folds = []
    for index, fold in enumerate(manifest["folds"]):
        train_rows = np.asarray(fold["train"], dtype=np.int64)
        test_rows = np.asarray(fold["test"], dtype=np.int64)
        model, loss = fit(training_set, train_rows, settings)
        predict(model, training_set, train_rows).tofile(os.path.join(output_directory, f"fold_{index}_train.f32"))
        predict(model, training_set, test_rows).tofile(os.path.join(output_directory, f"fold_{index}_test.f32"))
        folds.append({"fold": index, "trainRows": int(train_rows.size), "testRows": int(test_rows.size), "finalLoss": loss})

    all_rows = np.arange(training_set.inputs.shape[0], dtype=np.int64)
    final_model, final_loss = fit(training_set, all_rows, settings)
    predict(final_model, training_set, all_rows).tofile(os.path.join(output_directory, "final_train.f32"))
    probe_rows = np.asarray(manifest["probeRows"], dtype=np.int64)
    predict(final_model, training_set, probe_rows).tofile(os.path.join(output_directory, "probe.f32"))
    export(final_model, training_set, os.path.join(output_directory, "model.onnx"))
    summary = {
        "modelType": training_set.model_type,
        "rows": int(all_rows.size),
        "folds": folds,
        "finalLoss": final_loss,
        "opset": OPSET,
        "torchVersion": torch.__version__,
        "seconds": round(time.perf_counter() - started, 3),
    }
    with open(os.path.join(output_directory, "training.json"), "w", encoding="utf-8") as handle:
        json.dump(summary, handle, indent=2)
    return summary


def main(arguments=None):
    parser = argparse.ArgumentParser(description="Train a PluginBot model from an exported training set")
    parser.add_argument("--manifest", required=True, help="dataset.json written by PluginBot.Models")
    parser.add_argument("--out", required=True, help="folder for probabilities, model.onnx and training.json")
    options = parser.parse_args(arguments)
    print(json.dumps(run(options.manifest, options.out)))
    return 0


if __name__ == "__main__":
    sys.exit(main())

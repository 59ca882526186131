"""Tiny end-to-end checks of the trainer on a synthetic, trivially separable set (runs in a few seconds).

Run: /usr/bin/python3 -m unittest discover -s experts/training -p "test_*.py"
"""
import json
import os
import sys
import tempfile
import unittest

import numpy as np
import onnx

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import train  # noqa: E402


def write_set(directory, model_type, sequence_length, class_count=2):
    """40 rows whose label is 1 exactly when the last step's first feature is positive; with four classes (the
    regime:N label's shape) the second feature's sign adds 2."""
    rows, features = 40, 3
    generator = np.random.default_rng(11)
    inputs = generator.normal(size=(rows, sequence_length, features)).astype("<f4")
    labels = (inputs[:, -1, 0] > 0).astype("<i4")
    if class_count == 4:
        labels = labels + 2 * (inputs[:, -1, 1] > 0).astype("<i4")
    inputs.tofile(os.path.join(directory, "inputs.f32"))
    labels.tofile(os.path.join(directory, "labels.i32"))
    manifest = {
        "format": 1, "inputs": "inputs.f32", "labels": "labels.i32", "rowCount": rows,
        "sequenceLength": sequence_length, "featureCount": features, "classCount": class_count, "modelType": model_type,
        "seed": 3, "epochs": 60, "hiddenSize": 8, "learningRate": 0.05, "batchSize": 16, "weightDecay": 0.0,
        "folds": [{"train": list(range(0, 30)), "test": list(range(30, 40))}], "probeRows": [0, 1, 2],
    }
    path = os.path.join(directory, "dataset.json")
    with open(path, "w", encoding="utf-8") as handle:
        json.dump(manifest, handle)
    return path, labels


class TrainTests(unittest.TestCase):
    def test_run_mlp_learns_separable_set_and_exports_named_onnx(self):
        with tempfile.TemporaryDirectory() as directory:
            manifest, labels = write_set(directory, "mlp", 1)
            out = os.path.join(directory, "out")
            train.run(manifest, out)
            probabilities = np.fromfile(os.path.join(out, "final_train.f32"), dtype="<f4").reshape(-1, 2)
            np.testing.assert_allclose(probabilities.sum(axis=1), 1.0, atol=1e-5)
            self.assertGreaterEqual(float((probabilities.argmax(axis=1) == labels).mean()), 0.9)
            graph = onnx.load(os.path.join(out, "model.onnx")).graph
            self.assertEqual(["features"], [value.name for value in graph.input])
            self.assertEqual(["probabilities"], [value.name for value in graph.output])
            self.assertEqual("batch", graph.input[0].type.tensor_type.shape.dim[0].dim_param)
            self.assertEqual(2, len(graph.input[0].type.tensor_type.shape.dim))

    def test_run_mlp_with_four_classes_exports_four_probability_columns(self):
        with tempfile.TemporaryDirectory() as directory:
            manifest, labels = write_set(directory, "mlp", 1, class_count=4)
            out = os.path.join(directory, "out")
            train.run(manifest, out)
            probabilities = np.fromfile(os.path.join(out, "final_train.f32"), dtype="<f4").reshape(-1, 4)
            np.testing.assert_allclose(probabilities.sum(axis=1), 1.0, atol=1e-5)
            self.assertGreaterEqual(float((probabilities.argmax(axis=1) == labels).mean()), 0.8)
            graph = onnx.load(os.path.join(out, "model.onnx")).graph
            self.assertEqual(4, graph.output[0].type.tensor_type.shape.dim[1].dim_value)

    def test_run_gru_twice_with_same_seed_gives_identical_probabilities(self):
        with tempfile.TemporaryDirectory() as directory:
            manifest, _ = write_set(directory, "gru", 4)
            first = train.run(manifest, os.path.join(directory, "first"))
            train.run(manifest, os.path.join(directory, "second"))
            one = np.fromfile(os.path.join(directory, "first", "probe.f32"), dtype="<f4")
            two = np.fromfile(os.path.join(directory, "second", "probe.f32"), dtype="<f4")
            np.testing.assert_array_equal(one, two)
            self.assertEqual(6, one.size)
            graph = onnx.load(os.path.join(directory, "first", "model.onnx")).graph
            self.assertEqual(3, len(graph.input[0].type.tensor_type.shape.dim))
            self.assertEqual(30, first["folds"][0]["trainRows"])


if __name__ == "__main__":
    unittest.main()

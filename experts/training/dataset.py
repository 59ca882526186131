"""Reads the training set that PluginBot.Models exports (dataset.json plus raw little-endian arrays).

The C# side owns every decision about rows, labels, regimes and walk-forward folds; this module only loads the
arrays so the Python side cannot drift from what the engine serves.
"""
import json
import os

import numpy as np


class TrainingSet:
    """Inputs shaped [rows, sequence, features] (float32), labels [rows] (int64) and the manifest's settings."""

    def __init__(self, manifest, inputs, labels):
        self.manifest = manifest
        self.inputs = inputs
        self.labels = labels

    @property
    def model_type(self):
        return self.manifest["modelType"]

    @property
    def class_count(self):
        return int(self.manifest["classCount"])

    @property
    def feature_count(self):
        return int(self.manifest["featureCount"])

    @property
    def sequence_length(self):
        return int(self.manifest["sequenceLength"])


def load(manifest_path):
    """Loads a manifest and its arrays, checking the array sizes against the declared shape."""
    with open(manifest_path, "r", encoding="utf-8") as handle:
        manifest = json.load(handle)
    directory = os.path.dirname(os.path.abspath(manifest_path))
    rows = int(manifest["rowCount"])
    shape = (rows, int(manifest["sequenceLength"]), int(manifest["featureCount"]))
    inputs = np.fromfile(os.path.join(directory, manifest["inputs"]), dtype="<f4")
    if inputs.size != shape[0] * shape[1] * shape[2]:
        raise ValueError(f"{manifest['inputs']}: expected {shape} float32 values, found {inputs.size}")
    labels = np.fromfile(os.path.join(directory, manifest["labels"]), dtype="<i4")
    if labels.size != rows:
        raise ValueError(f"{manifest['labels']}: expected {rows} labels, found {labels.size}")
    if not np.isfinite(inputs).all():
        raise ValueError(f"{manifest['inputs']}: inputs contain NaN or infinity; only ready feature vectors may be exported")
    return TrainingSet(manifest, inputs.reshape(shape), labels.astype(np.int64))

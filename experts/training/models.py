"""The network shapes PluginBot trains. Every model takes raw feature vectors and returns class probabilities.

Standardisation (training-row mean and deviation) and softmax live inside the module, so the exported ONNX graph
is fed exactly the vectors the engine's feature set writes and returns probabilities: nothing can be forgotten at
serving time.
"""
import torch
from torch import nn

MINIMUM_DEVIATION = 1e-6

# Standardised inputs are clipped to this many deviations: a feature that was nearly constant in the training rows
# would otherwise turn an ordinary later value into a huge input and an absurdly confident prediction.
CLIP = 5.0


class Standardised(nn.Module):
    """Wraps a network that returns logits: standardises inputs first, applies softmax last."""

    def __init__(self, network, mean, deviation, flatten):
        super().__init__()
        self.network = network
        self.flatten = flatten
        self.register_buffer("mean", torch.as_tensor(mean, dtype=torch.float32))
        self.register_buffer("deviation", torch.as_tensor(deviation, dtype=torch.float32).clamp_min(MINIMUM_DEVIATION))

    def logits(self, features):
        scaled = ((features - self.mean) / self.deviation).clamp(-CLIP, CLIP)
        if self.flatten:
            scaled = scaled[:, -1, :] if scaled.dim() == 3 else scaled
        return self.network(scaled)

    def forward(self, features):
        return torch.softmax(self.logits(features), dim=-1)


class Recurrent(nn.Module):
    """An LSTM or GRU over the window whose last hidden state feeds a linear layer."""

    def __init__(self, cell, feature_count, hidden_size, class_count):
        super().__init__()
        self.hidden_size = hidden_size
        self.is_lstm = cell is nn.LSTM
        self.cell = cell(feature_count, hidden_size, batch_first=True)
        self.head = nn.Linear(hidden_size, class_count)

    def forward(self, window):
        # The zero initial state is built from the input's batch size, not left to the exporter: otherwise the ONNX
        # graph bakes in the example's batch size and fails on any other batch.
        initial = window.new_zeros(1, window.shape[0], self.hidden_size)
        state = (initial, initial) if self.is_lstm else initial
        outputs, _ = self.cell(window, state)
        return self.head(outputs[:, -1, :])


def build(model_type, feature_count, class_count, hidden_size, mean, deviation):
    """Creates an untrained model; mean and deviation are per feature, from the training rows only."""
    if model_type == "mlp":
        network = nn.Sequential(
            nn.Linear(feature_count, hidden_size),
            nn.ReLU(),
            nn.Linear(hidden_size, class_count),
        )
        return Standardised(network, mean, deviation, flatten=True)
    if model_type == "lstm":
        return Standardised(Recurrent(nn.LSTM, feature_count, hidden_size, class_count), mean, deviation, flatten=False)
    if model_type == "gru":
        return Standardised(Recurrent(nn.GRU, feature_count, hidden_size, class_count), mean, deviation, flatten=False)
    raise ValueError(f"unknown model type '{model_type}': expected mlp, lstm or gru")

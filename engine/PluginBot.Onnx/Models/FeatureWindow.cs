namespace PluginBot.Onnx.Models;

/// <summary>
/// The last <see cref="Length"/> feature vectors of one symbol, for sequence models (LSTM/GRU) that read a window of
/// bars. A ring of fixed size: adding overwrites the oldest vector, and writing copies them out oldest first, so a
/// bar costs two span copies and no allocation. With a length of 1 it is simply the latest vector.
/// </summary>
public sealed class FeatureWindow
{
    private readonly float[] ring;
    private int next;

    /// <summary>Creates an empty window of <paramref name="length"/> vectors of <paramref name="featureCount"/> floats.</summary>
    public FeatureWindow(int length, int featureCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(length);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(featureCount);
        Length = length;
        FeatureCount = featureCount;
        ring = new float[length * featureCount];
    }

    /// <summary>How many vectors a full window holds.</summary>
    public int Length { get; }

    /// <summary>Floats per vector.</summary>
    public int FeatureCount { get; }

    /// <summary>How many vectors have been added, up to <see cref="Length"/>.</summary>
    public int Count { get; private set; }

    /// <summary>True once <see cref="Length"/> vectors have been added.</summary>
    public bool IsFull => Count == Length;

    /// <summary>The slot the next vector goes to, for writing it in place; call <see cref="Commit"/> after.</summary>
    public Span<float> NextSlot() => ring.AsSpan(next * FeatureCount, FeatureCount);

    /// <summary>Accepts the vector written into <see cref="NextSlot"/>.</summary>
    public void Commit()
    {
        next = (next + 1) % Length;
        Count = Math.Min(Count + 1, Length);
    }

    /// <summary>Copies the window into <paramref name="destination"/>, oldest vector first.</summary>
    /// <exception cref="InvalidOperationException">The window is not full yet.</exception>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is not exactly one window long.</exception>
    public void CopyTo(Span<float> destination)
    {
        if (!IsFull)
        {
            throw new InvalidOperationException($"The window holds {Count} of {Length} vectors; wait until it is full.");
        }

        if (destination.Length != ring.Length)
        {
            throw new ArgumentException($"The destination holds {destination.Length} floats; a window is {Length} × {FeatureCount} = {ring.Length}.", nameof(destination));
        }

        // Oldest vector is at 'next' (the slot about to be overwritten).
        var split = next * FeatureCount;
        ring.AsSpan(split).CopyTo(destination);
        ring.AsSpan(0, split).CopyTo(destination[(ring.Length - split)..]);
    }
}

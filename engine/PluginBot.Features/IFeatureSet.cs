using PluginBot.Sdk.Market;

namespace PluginBot.Features;

/// <summary>
/// A named, versioned set of features computed incrementally for one symbol at one interval. The engine feeds it
/// every closed bar in time order and copies the vector out for models; research tools write the same vectors to
/// CSV, so a model is trained on exactly what it is later served.
/// </summary>
/// <remarks>
/// <para>
/// Readiness is reported per feature, and a feature that is not ready yet is written as <see cref="float.NaN"/>.
/// NaN (rather than 0 or a separate mask argument) was chosen because it cannot be mistaken for a real value: a model
/// that forgets to check readiness propagates NaN visibly instead of learning from fake zeros, and the CSV writer
/// turns it into an empty cell. Once ready, a feature stays ready and is always finite.
/// </para>
/// <para>
/// No feature reads a bar after the one it is computed on: the vector after <see cref="Update"/> with bar t depends
/// only on bars up to and including t. Implementations allocate nothing per update after construction.
/// </para>
/// </remarks>
public interface IFeatureSet
{
    /// <summary>The names, order and parameters of the features, with their hash.</summary>
    FeatureSchema Schema { get; }

    /// <summary>How many floats a vector holds (the schema's feature count).</summary>
    int Count { get; }

    /// <summary>How many bars have been fed.</summary>
    long Samples { get; }

    /// <summary>True once every feature is ready, so a full vector can be served.</summary>
    bool IsReady { get; }

    /// <summary>True once the feature at <paramref name="index"/> (schema order) has a meaningful value.</summary>
    bool IsFeatureReady(int index);

    /// <summary>
    /// Feeds the next closed bar. Bars must belong to one symbol and one interval and arrive in strictly increasing
    /// start time; anything else is a wiring error and throws <see cref="InvalidOperationException"/>.
    /// </summary>
    void Update(in Bar bar);

    /// <summary>
    /// Copies the current vector into <paramref name="destination"/> in schema order, NaN where a feature is not ready.
    /// </summary>
    /// <returns>True when every feature is ready (the vector is complete); false while any is still warming up.</returns>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is shorter than <see cref="Count"/>.</exception>
    bool TryWrite(Span<float> destination);
}

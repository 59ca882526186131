using PluginBot.Features;
using PluginBot.Sdk.Market;

namespace PluginBot.Onnx.Models;

/// <summary>
/// What one symbol needs to feed a model: its own feature set (which holds that symbol's indicator state) and the
/// window of its last complete vectors. A vector joins the window only once every feature is ready, so a sequence
/// model never reads a warming-up NaN.
/// </summary>
public sealed class SymbolFeatureFeed
{
    private readonly IFeatureSet featureSet;
    private readonly FeatureWindow window;

    /// <summary>Creates a feed over <paramref name="featureSet"/> keeping <paramref name="sequenceLength"/> vectors.</summary>
    public SymbolFeatureFeed(IFeatureSet featureSet, int sequenceLength)
    {
        ArgumentNullException.ThrowIfNull(featureSet);
        this.featureSet = featureSet;
        window = new FeatureWindow(sequenceLength, featureSet.Count);
    }

    /// <summary>True once a full window of ready vectors is available.</summary>
    public bool IsReady => window.IsFull;

    /// <summary>Feeds the next closed bar; returns <see cref="IsReady"/>.</summary>
    public bool Update(in Bar bar)
    {
        featureSet.Update(in bar);
        if (featureSet.TryWrite(window.NextSlot()))
        {
            window.Commit();
        }

        return window.IsFull;
    }

    /// <summary>Writes the window, oldest vector first, as one model input row.</summary>
    public void CopyTo(Span<float> destination) => window.CopyTo(destination);
}

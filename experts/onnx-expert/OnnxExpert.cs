using System.Globalization;
using PluginBot.Onnx;
using PluginBot.Onnx.Models;
using PluginBot.Sdk.Configuration;
using PluginBot.Sdk.Market;
using PluginBot.Sdk.Plugins;
using PluginBot.Sdk.Signals;

namespace PluginBot.Experts.Onnx;

/// <summary>
/// An expert that serves a registered direction model (classes <c>down</c>/<c>up</c>, optionally <c>flat</c>).
/// Each bar updates that symbol's feature set; once the features (and, for sequence models, a full window of them)
/// are ready the model runs, and the expert takes the more probable of up and down when that probability reaches
/// <c>threshold</c>, with the probability as its confidence. Otherwise it abstains (<see cref="Signal.Hold"/>),
/// because a model that is not sure should not move capital.
/// </summary>
/// <remarks>
/// Everything that can be wrong with a model folder is checked in <see cref="Initialize"/>, so a bad model is
/// refused before its first bar instead of trading on misread features. Per bar the expert allocates nothing after
/// a symbol's first bar (its feature set is created then).
/// </remarks>
public sealed class OnnxExpert : IExpert, IDisposable
{
    private const double DefaultThreshold = 0.55;
    private SymbolStates<SymbolFeatureFeed>? feeds;
    private OnnxRuntime? runtime;
    private RegisteredModel? model;
    private double threshold = DefaultThreshold;
    private int horizonBars = 1;
    private int upIndex;
    private int downIndex;
    private bool disposed;

    /// <inheritdoc />
    public string Name => model is null ? "onnx-expert" : $"onnx-expert:{model.DisplayName}";

    /// <summary>The model being served, once initialised.</summary>
    public RegisteredModel? Model => model;

    /// <summary>The minimum probability of a side to take it.</summary>
    public double Threshold => threshold;

    /// <summary>How many bars a signal's horizon spans.</summary>
    public int HorizonBars => horizonBars;

    /// <inheritdoc />
    public void Initialize(IPluginContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        ObjectDisposedException.ThrowIf(disposed, this);
        var settings = context.Settings;
        settings.RejectUnknown("modelDirectory", "onnxRuntimePath", "threshold", "horizonBars");
        var directory = settings.GetPath("modelDirectory", string.Empty);
        if (string.IsNullOrWhiteSpace(directory))
        {
            throw new PluginSettingsException($"{settings.Path}.modelDirectory", "required: the registered model version folder to serve");
        }

        threshold = settings.GetDouble("threshold", DefaultThreshold, 0.5, 1);
        var runtimePath = settings.GetString("onnxRuntimePath", string.Empty);
        ReleaseModel();
        runtime = OnnxRuntime.Load(new OnnxRuntimeOptions(string.IsNullOrWhiteSpace(runtimePath) ? null : runtimePath));
        model = RegisteredModel.Open(runtime, directory);
        upIndex = model.Metadata.IndexOfClass("up");
        downIndex = model.Metadata.IndexOfClass("down");
        if (upIndex < 0 || downIndex < 0)
        {
            var classes = string.Join(", ", model.Metadata.Classes);
            ReleaseModel();
            throw new RegisteredModelException(Path.Combine(directory, RegisteredModel.MetadataFileName), $"classes [{classes}] lack 'up' or 'down'; onnx-expert serves direction models.");
        }

        var opened = model;
        feeds = new SymbolStates<SymbolFeatureFeed>(_ => opened.CreateFeed());
        horizonBars = settings.GetInt32("horizonBars", model.Metadata.LabelHorizonBars ?? 1, 1);
        context.Log.Information($"Serving {model.DisplayName} ({model.Metadata.ModelType}, {model.Session.InputShape}) with ONNX Runtime {runtime.Version}; threshold {threshold.ToString(CultureInfo.InvariantCulture)}, horizon {horizonBars} bars.");
    }

    /// <inheritdoc />
    public Signal Evaluate(in Bar bar)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        var served = model ?? throw new InvalidOperationException("onnx-expert was not initialised.");
        var feed = feeds!.For(bar.Symbol);

        if (!feed.Update(in bar))
        {
            return Signal.Hold;
        }

        var session = served.Session;
        feed.CopyTo(session.GetInput(1));
        var probabilities = session.Run(1);
        double up = probabilities[upIndex];
        double down = probabilities[downIndex];
        var horizon = bar.Interval.Duration * horizonBars;
        if (up >= down && up >= threshold)
        {
            return Signal.Long(Math.Clamp(up, 0, 1), horizon);
        }

        if (down > up && down >= threshold)
        {
            return Signal.Short(Math.Clamp(down, 0, 1), horizon);
        }

        return Signal.Hold;
    }

    /// <summary>Releases the model's session and the runtime's environment. Safe to call twice; later use throws <see cref="ObjectDisposedException"/>.</summary>
    public void Dispose()
    {
        disposed = true;
        ReleaseModel();
    }

    private void ReleaseModel()
    {
        model?.Dispose();
        runtime?.Dispose();
        model = null;
        runtime = null;
        feeds = null;
    }
}

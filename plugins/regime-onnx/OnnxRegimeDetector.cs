using PluginBot.Onnx;
using PluginBot.Onnx.Models;
using PluginBot.Sdk.Configuration;
using PluginBot.Sdk.Market;
using PluginBot.Sdk.Plugins;
using PluginBot.Sdk.Regimes;

namespace PluginBot.Plugins.RegimeOnnx;

/// <summary>
/// A learned regime detector: serves a registered regime model (trained by <c>pluginbot train --label regime:N</c>,
/// so its four output columns are the probabilities that the next N bars will be high-volatility, low-volatility,
/// trending or ranging) and reports them as the <see cref="RegimeEstimate"/> the committee gates experts with.
/// Where regime-rules describes the regime the last bars were in, this one predicts the regime the coming bars will
/// be in, which is what an expert chosen now has to trade through.
/// </summary>
/// <remarks>
/// The model folder is opened with <see cref="RegisteredModel.Open"/> (hash, feature schema and shapes checked, as
/// for the ONNX expert) and its classes are matched by name (<see cref="RegimeColumns"/>), all in
/// <see cref="Initialize"/>, so a wrong model is refused before its first bar. State is one feature feed per symbol;
/// until a symbol's features (and, for sequence models, a full window of them) are ready the estimate is uniform,
/// because no evidence is no preference. After a symbol's first bar an update allocates nothing.
/// </remarks>
public sealed class OnnxRegimeDetector : IRegimeDetector, IDisposable
{
    private SymbolStates<SymbolFeatureFeed>? feeds;
    private OnnxRuntime? runtime;
    private RegisteredModel? model;
    private RegimeColumns? columns;
    private bool disposed;

    /// <summary>The estimate reported while a symbol's features warm up.</summary>
    public static RegimeEstimate Uniform { get; } = new(1, 1, 1, 1);

    /// <summary>The model being served, once initialised.</summary>
    public RegisteredModel? Model => model;

    /// <summary>Which output column holds which regime, once initialised.</summary>
    public RegimeColumns? Columns => columns;

    /// <summary>How many symbols have state.</summary>
    public int SymbolCount => feeds?.Count ?? 0;

    /// <inheritdoc />
    public void Initialize(IPluginContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        ObjectDisposedException.ThrowIf(disposed, this);
        var settings = context.Settings;
        settings.RejectUnknown("modelDirectory", "onnxRuntimePath");
        var directory = settings.GetPath("modelDirectory", string.Empty);
        if (string.IsNullOrWhiteSpace(directory))
        {
            throw new PluginSettingsException($"{settings.Path}.modelDirectory", "required: the registered regime model version folder to serve");
        }

        var runtimePath = settings.GetPath("onnxRuntimePath", string.Empty);
        ReleaseModel();
        runtime = OnnxRuntime.Load(new OnnxRuntimeOptions(string.IsNullOrWhiteSpace(runtimePath) ? null : runtimePath));
        try
        {
            model = RegisteredModel.Open(runtime, directory);
            columns = RegimeColumns.FromMetadata(model.Metadata, Path.Combine(model.Directory, RegisteredModel.MetadataFileName));
        }
        catch
        {
            ReleaseModel();
            throw;
        }

        var served = model;
        feeds = new SymbolStates<SymbolFeatureFeed>(_ => served.CreateFeed());
        context.Log.Information($"Serving regime model {served.DisplayName} ({served.Metadata.ModelType}, {served.Session.InputShape}, label {served.Metadata.Label ?? "unknown"}) with ONNX Runtime {runtime.Version}.");
    }

    /// <inheritdoc />
    public RegimeEstimate Update(in Bar bar)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        if (model is not { } served || feeds is null || columns is null)
        {
            throw new InvalidOperationException("regime-onnx was not initialised.");
        }

        var feed = feeds.For(bar.Symbol);
        if (!feed.Update(in bar))
        {
            return Uniform;
        }

        var session = served.Session;
        feed.CopyTo(session.GetInput(1));
        return columns.Estimate(session.Run(1));
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
        columns = null;
        feeds = null;
    }
}

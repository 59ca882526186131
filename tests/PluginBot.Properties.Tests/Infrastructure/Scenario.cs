using System.Globalization;
using System.Text;
using PluginBot.Sdk.Market;

namespace PluginBot.Properties.Tests.Infrastructure;

/// <summary>
/// One generated event sequence and everything it runs under: price paths (with gaps and volumes), the expert
/// output script, the sizer, the risk layers (null when absent), the account and the costs. Typed values rather
/// than JSON, so the oracles in the properties read the same limits the layers are configured with.
/// </summary>
internal sealed record Scenario
{
    public static readonly DateTime Origin = new(2024, 3, 1, 0, 0, 0, DateTimeKind.Utc);

    public required int StartHour { get; init; }

    public required MarketPath[] Paths { get; init; }

    public required ScriptedSignal[] Script { get; init; }

    public required PluginChoice Sizer { get; init; }

    public decimal? PositionLimit { get; init; }

    public decimal? GrossLeverage { get; init; }

    public decimal? DailyLoss { get; init; }

    public DrawdownChoice? Drawdown { get; init; }

    public bool? KillSwitchEngaged { get; init; }

    /// <summary>How far the layer list is rotated, so layers are assessed in every order.</summary>
    public required int LayerRotation { get; init; }

    public required bool AllowShort { get; init; }

    public required decimal AccountLeverage { get; init; }

    public required int MakerBasisPoints { get; init; }

    public required int TakerBasisPoints { get; init; }

    /// <summary>Fixed slippage in basis points, or null for volume-share slippage with <see cref="VolumeImpactPercent"/>.</summary>
    public int? SlippageBasisPoints { get; init; }

    public required int VolumeImpactPercent { get; init; }

    public required decimal InitialCash { get; init; }

    public BarInterval Interval => BarInterval.OneHour;

    public DateTime Start => Origin.AddHours(StartHour);

    /// <summary>The risk layers in assessment order.</summary>
    public IReadOnlyList<PluginChoice> Layers
    {
        get
        {
            var layers = new List<PluginChoice>();
            if (PositionLimit is { } fraction)
            {
                layers.Add(new PluginChoice("risk-position-limit", Json($"{{ \"maximumFraction\": {fraction} }}")));
            }

            if (GrossLeverage is { } leverage)
            {
                layers.Add(new PluginChoice("risk-gross-leverage", Json($"{{ \"maximumLeverage\": {leverage} }}")));
            }

            if (DailyLoss is { } loss)
            {
                layers.Add(new PluginChoice("risk-daily-loss", Json($"{{ \"maximumDailyLoss\": {loss} }}")));
            }

            if (Drawdown is { } drawdown)
            {
                layers.Add(new PluginChoice("risk-drawdown", drawdown.Settings));
            }

            if (KillSwitchEngaged is { } engaged)
            {
                layers.Add(new PluginChoice("risk-kill-switch", engaged ? """{ "engaged": true }""" : "{}"));
            }

            if (layers.Count == 0)
            {
                return layers;
            }

            var shift = LayerRotation % layers.Count;
            return [.. layers.Skip(shift), .. layers.Take(shift)];
        }
    }

    /// <summary>All bars in feed order: by time, then by symbol (the order the engine expects ties in).</summary>
    public Bar[] Bars()
    {
        var perSymbol = Paths.Select(path => path.Bars(Start, Interval)).ToArray();
        var length = perSymbol.Max(bars => bars.Length);
        var merged = new List<Bar>(perSymbol.Sum(bars => bars.Length));
        for (var index = 0; index < length; index++)
        {
            foreach (var bars in perSymbol.OrderBy(bars => bars[0].Symbol, StringComparer.Ordinal))
            {
                if (index < bars.Length)
                {
                    merged.Add(bars[index]);
                }
            }
        }

        return [.. merged];
    }

    /// <summary>A readable dump, so a shrunk counterexample can be replayed by hand.</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"start {Start:O}, cash {InitialCash}, {(AllowShort ? $"margin ×{AccountLeverage}" : "cash account")}, ");
        text.Append(CultureInfo.InvariantCulture, $"fees {MakerBasisPoints}/{TakerBasisPoints} bp, slippage {(SlippageBasisPoints is { } fixedSlip ? $"{fixedSlip} bp" : $"volume share {VolumeImpactPercent} %")}\n");
        text.Append(CultureInfo.InvariantCulture, $"sizer {Sizer}\nlayers [{string.Join("; ", Layers)}]\n");
        text.Append(CultureInfo.InvariantCulture, $"script [{string.Join(", ", Script)}]\n");
        foreach (var bar in Bars())
        {
            text.Append(CultureInfo.InvariantCulture, $"  {bar.Symbol} {bar.StartTime:MM-dd HH:mm} O {bar.Open} H {bar.High} L {bar.Low} C {bar.Close} V {bar.Volume}\n");
        }

        return text.ToString();
    }

    private static string Json(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

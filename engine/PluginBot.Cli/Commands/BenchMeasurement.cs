namespace PluginBot.Cli.Commands;

/// <summary>One measured benchmark run.</summary>
internal sealed record BenchMeasurement(long Bars, double Seconds, long AllocatedBytes, int Orders, int Trades)
{
    /// <summary>
    /// What the order path costs: one order carries its request, id, state updates, fill, decision record and,
    /// every second order, a closed trade. Estimated by <see cref="SteadyStateBytesPerBar"/>'s complement.
    /// </summary>
    public double BytesPerOrder => Orders == 0 ? 0 : (double)AllocatedBytes / Orders;

    public double BarsPerSecond => Bars / Seconds;

    public double BytesPerBar => (double)AllocatedBytes / Bars;

    /// <summary>Allocation per bar once order events are taken out, measured separately by a run that never trades.</summary>
    public double SteadyStateBytesPerBar { get; init; } = double.NaN;
}

namespace PluginBot.Cli.Commands;

/// <summary>One measured benchmark run.</summary>
internal sealed record BenchMeasurement(long Bars, double Seconds, long AllocatedBytes, int Orders, int Trades)
{
    /// <summary>
    /// Allocation per order, attributing everything to orders: bars without an order allocate nothing (the
    /// engine tests assert it), while an order carries its request, id, state updates, fill, decision record
    /// and, every second order, a round-trip record — the audit trail, kept on purpose.
    /// </summary>
    public double BytesPerOrder => Orders == 0 ? 0 : (double)AllocatedBytes / Orders;

    public double BarsPerSecond => Bars / Seconds;

    public double BytesPerBar => (double)AllocatedBytes / Bars;
}

using PluginBot.Sdk.Market;

namespace PluginBot.Data;

/// <summary>One file layout's row parser: turns a data line into values and hands them to a <see cref="BarRowCollector"/>.</summary>
internal interface IBarRowParser
{
    /// <summary>The interval the rows themselves state (Binance close time), or null when the layout does not carry one.</summary>
    BarInterval? IntervalFromRows { get; }

    /// <summary>Parses one non-blank data line.</summary>
    void Parse(ReadOnlySpan<char> line, int lineNumber);
}

using PluginBot.Statistics;

namespace PluginBot.Statistics.Tests;

public sealed class ClosedTradeTests
{
    private static readonly DateTime Entry = new(2024, 3, 10, 9, 30, 0, DateTimeKind.Utc);

    [Fact]
    public void Duration_TradeHeldNinetyMinutes_IsExitMinusEntry()
    {
        var trade = Valid() with { ExitTime = Entry.AddMinutes(90) };

        Assert.Equal(TimeSpan.FromMinutes(90), trade.Duration);
    }

    [Fact]
    public void MaximumAdverseExcursion_Positive_IsRejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Valid() with { MaximumAdverseExcursion = 1m });
    }

    [Fact]
    public void MaximumFavorableExcursion_Negative_IsRejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Valid() with { MaximumFavorableExcursion = -1m });
    }

    [Fact]
    public void EndTradeDrawdown_Negative_IsRejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Valid() with { EndTradeDrawdown = -0.01m });
    }

    [Fact]
    public void Quantity_Zero_IsRejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Valid() with { Quantity = 0m });
    }

    [Fact]
    public void EntryTime_LocalKind_IsRejected()
    {
        Assert.Throws<ArgumentException>(() => Valid() with { EntryTime = new DateTime(2024, 3, 10, 9, 30, 0, DateTimeKind.Local) });
    }

    [Fact]
    public void Symbol_Blank_IsRejected()
    {
        Assert.Throws<ArgumentException>(() => Valid() with { Symbol = " " });
    }

    private static ClosedTrade Valid() => new()
    {
        Symbol = "ETHUSDT",
        EntryTime = Entry,
        ExitTime = Entry.AddHours(1),
        Direction = TradeDirection.Short,
        Quantity = 2m,
        EntryPrice = 3_000m,
        ExitPrice = 2_990m,
        ProfitLoss = 20m,
        TotalFees = 2.4m,
        MaximumAdverseExcursion = -8m,
        MaximumFavorableExcursion = 30m,
        EndTradeDrawdown = 10m,
    };
}

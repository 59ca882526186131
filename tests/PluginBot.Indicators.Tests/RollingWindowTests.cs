namespace PluginBot.Indicators.Tests;

public sealed class RollingWindowTests
{
    [Fact]
    public void Add_BeyondCapacity_EvictsOldestAndIndexesByAge()
    {
        var window = new RollingWindow<int>(3);

        Assert.False(window.Add(1, out _));
        Assert.False(window.Add(2, out _));
        Assert.False(window.IsFull);
        Assert.False(window.Add(3, out _));
        Assert.True(window.IsFull);
        Assert.Equal(3, window.Newest);
        Assert.Equal(1, window.Oldest);

        Assert.True(window.Add(4, out var evicted));
        Assert.Equal(1, evicted);
        Assert.True(window.Add(5, out evicted));
        Assert.Equal(2, evicted);

        Assert.Equal(3, window.Count);
        Assert.Equal(5, window[0]);
        Assert.Equal(4, window[1]);
        Assert.Equal(3, window[2]);
    }

    [Fact]
    public void Indexer_OlderThanCount_Throws()
    {
        var window = new RollingWindow<double>(4);
        window.Add(1.5);
        window.Add(2.5);

        Assert.Equal(1.5, window[1]);
        Assert.Throws<ArgumentOutOfRangeException>(() => window[2]);
        Assert.Throws<ArgumentOutOfRangeException>(() => window[-1]);
    }

    [Fact]
    public void Clear_AfterWrapping_StartsOverEmpty()
    {
        var window = new RollingWindow<string>(2);
        window.Add("a");
        window.Add("b");
        window.Add("c");

        window.Clear();

        Assert.Equal(0, window.Count);
        Assert.False(window.Add("d", out var evicted));
        Assert.Null(evicted);
        Assert.Equal("d", window.Newest);
        Assert.Equal("d", window.Oldest);
    }

    [Fact]
    public void Constructor_ZeroCapacity_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new RollingWindow<int>(0));
    }
}

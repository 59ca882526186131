namespace PluginBot.Features.Tests;

public sealed class RollingRangeTests
{
    public static TheoryData<string> Series() => ["random walk", "rising", "falling", "repeated values"];

    [Theory]
    [MemberData(nameof(Series))]
    public void Add_EveryValue_MinimumAndMaximumEqualABruteForceScanOfTheWindow(string shape)
    {
        const int period = 12;
        var range = new RollingRange(period);
        var values = new List<double>();
        var random = new Random(5);
        var level = 0.0;
        for (var step = 0; step < 2_000; step++)
        {
            level = shape switch
            {
                "rising" => step,
                "falling" => -step,
                "repeated values" => random.Next(0, 3),
                _ => level + random.NextDouble() - 0.5,
            };
            values.Add(level);
            range.Add(level);

            var window = values.TakeLast(period).ToArray();
            Assert.Equal(window.Length == period, range.IsFull);
            Assert.Equal(window.Min(), range.Minimum);
            Assert.Equal(window.Max(), range.Maximum);
        }
    }
}

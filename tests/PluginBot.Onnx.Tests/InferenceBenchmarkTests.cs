using PluginBot.Onnx.Benchmarking;
using PluginBot.Onnx.Tests.Infrastructure;

namespace PluginBot.Onnx.Tests;

[Collection(RuntimeCollection.Name)]
public sealed class InferenceBenchmarkTests(RuntimeFixture fixture)
{
    [Fact]
    public void Percentile_NearestRank_PicksTheValueAtTheRank()
    {
        long[] sorted = [10, 20, 30, 40, 50, 60, 70, 80, 90, 100];

        Assert.Equal(50, InferenceBenchmark.Percentile(sorted, 0.50));
        Assert.Equal(100, InferenceBenchmark.Percentile(sorted, 0.99));
        Assert.Equal(10, InferenceBenchmark.Percentile(sorted, 0.01));
    }

    [Fact]
    public void Measure_BenchmarkMlp_ReportsOrderedPercentilesAndNoAllocation()
    {
        var expected = ExpectedOutput.Read("bench-mlp");
        using var session = fixture.Runtime.CreateSession(TestFiles.Path("bench-mlp.onnx"));

        var measurement = InferenceBenchmark.Measure(session, expected.Input, warmUp: 50, iterations: 500);

        Assert.Equal(500, measurement.Iterations);
        Assert.True(measurement.MedianNanoseconds > 0);
        Assert.True(measurement.MedianNanoseconds <= measurement.Percentile99Nanoseconds);
        Assert.True(measurement.Percentile99Nanoseconds <= measurement.MaximumNanoseconds);
        Assert.Equal(0, measurement.BytesPerCall);
    }

    [Fact]
    public void Measure_InputOfWrongWidth_ThrowsShapeError()
    {
        using var session = fixture.Runtime.CreateSession(TestFiles.Path("bench-mlp.onnx"));

        Assert.Throws<OnnxShapeException>(() => InferenceBenchmark.Measure(session, new float[10], 1, 1));
    }
}

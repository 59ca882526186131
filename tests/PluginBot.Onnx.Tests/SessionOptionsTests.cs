using PluginBot.Onnx.Tests.Infrastructure;

namespace PluginBot.Onnx.Tests;

/// <summary>The runtime switches a session can be tuned with must change speed or memory only, never the result.</summary>
[Collection(RuntimeCollection.Name)]
public sealed class SessionOptionsTests(RuntimeFixture fixture)
{
    private const float Tolerance = 1e-5f;

    public static TheoryData<string> Tunings => ["denormals-as-zero", "no-spinning", "no-memory-pattern", "no-arena", "no-prepacking"];

    [Theory]
    [MemberData(nameof(Tunings))]
    public void Run_TunedSession_StillMatchesTorch(string tuning)
    {
        var expected = ExpectedOutput.Read("bench-lstm");
        var options = new OnnxSessionOptions { BatchSizes = [expected.BatchSize] };
        options = tuning switch
        {
            "denormals-as-zero" => options with { DenormalsAsZero = true },
            "no-spinning" => options with { AllowSpinning = false, IntraOpThreads = 2 },
            "no-memory-pattern" => options with { EnableMemoryPattern = false },
            "no-arena" => options with { EnableCpuMemoryArena = false },
            _ => options with { ConfigurationEntries = new Dictionary<string, string> { ["session.disable_prepacking"] = "1" } },
        };
        using var session = fixture.Runtime.CreateSession(TestFiles.Path("bench-lstm.onnx"), options);

        var output = session.Run(expected.Input, expected.BatchSize);

        for (var index = 0; index < output.Length; index++)
        {
            Assert.Equal(expected.Output[index], output[index], Tolerance);
        }
    }

    [Fact]
    public void CreateSession_ConfigurationEntryTheRuntimeRejects_SaysWhichSettingFailed()
    {
        var options = new OnnxSessionOptions { ConfigurationEntries = new Dictionary<string, string> { [string.Empty] = "1" } };

        var error = Assert.Throws<OnnxRuntimeException>(() => fixture.Runtime.CreateSession(TestFiles.Path("mlp.onnx"), options));

        Assert.Contains("session configuration entry", error.Message);
    }
}

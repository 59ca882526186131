using System.Text.Json;
using PluginBot.Onnx.Tests.Infrastructure;

namespace PluginBot.Onnx.Tests;

/// <summary>
/// A session prepared for one batch size fixes the model's symbolic batch dimension, so the runtime folds the shape
/// arithmetic a dynamic-batch export carries; the declared shape and the outputs must not change.
/// </summary>
[Collection(RuntimeCollection.Name)]
public sealed class BatchDimensionPinningTests(RuntimeFixture fixture)
{
    private const float Tolerance = 1e-5f;

    [Fact]
    public void CreateSession_OneBatchSize_FixesTheBatchDimensionAndKeepsTheDeclaredShape()
    {
        using var session = fixture.Runtime.CreateSession(TestFiles.Path("bench-lstm.onnx"));

        Assert.True(session.BatchDimensionFixed);
        Assert.Equal("[batch, 32, 46]", session.InputShape.ToString());
        Assert.Equal("[batch, 2]", session.OutputShape.ToString());
    }

    [Fact]
    public void CreateSession_SeveralBatchSizes_LeavesTheBatchDimensionDynamic()
    {
        using var session = fixture.Runtime.CreateSession(TestFiles.Path("lstm.onnx"), new OnnxSessionOptions { BatchSizes = [1, 2] });

        Assert.False(session.BatchDimensionFixed);
    }

    [Fact]
    public void CreateSession_FromBytesWithOneBatchSize_FixesTheBatchDimensionAndMatchesTorch()
    {
        var expected = ExpectedOutput.Read("lstm");
        using var session = fixture.Runtime.CreateSession(File.ReadAllBytes(TestFiles.Path("lstm.onnx")), "lstm in memory", new OnnxSessionOptions { BatchSizes = [expected.BatchSize] });

        var output = session.Run(expected.Input, expected.BatchSize);

        Assert.True(session.BatchDimensionFixed);
        for (var index = 0; index < output.Length; index++)
        {
            Assert.Equal(expected.Output[index], output[index], Tolerance);
        }
    }

    [Fact]
    public void Run_FixedBatch_NoLongerRunsTheInitialStateShapeNodes()
    {
        // torch exports an LSTM's zero initial state as Shape -> Gather -> Concat -> ConstantOfShape on the input; with
        // a dynamic batch the runtime runs that chain on every call, with a fixed batch it is folded away at load.
        var dynamicNodes = ProfiledNodeKinds(new OnnxSessionOptions { BatchSizes = [1, 2] });
        var fixedNodes = ProfiledNodeKinds(new OnnxSessionOptions { BatchSizes = [1] });

        Assert.Contains("ConstantOfShape", dynamicNodes);
        Assert.Contains("LSTM", dynamicNodes);
        Assert.DoesNotContain("ConstantOfShape", fixedNodes);
        Assert.DoesNotContain("Shape", fixedNodes);
        Assert.Contains("LSTM", fixedNodes);
    }

    /// <summary>Runs bench-lstm once with profiling on and returns the operator types the profile says were run.</summary>
    private HashSet<string> ProfiledNodeKinds(OnnxSessionOptions options)
    {
        var folder = Directory.CreateTempSubdirectory("pluginbot-profile-");
        try
        {
            using (var session = fixture.Runtime.CreateSession(TestFiles.Path("bench-lstm.onnx"), options with { ProfilingFilePrefix = Path.Combine(folder.FullName, "run") }))
            {
                session.Run(new float[session.InputRowLength], 1);
            }

            // The runtime writes the profile when the session is released.
            var file = Assert.Single(folder.GetFiles("run*.json"));
            using var profile = JsonDocument.Parse(File.ReadAllText(file.FullName));
            var kinds = new HashSet<string>(StringComparer.Ordinal);
            foreach (var entry in profile.RootElement.EnumerateArray())
            {
                if (entry.GetProperty("cat").GetString() == "Node" && entry.TryGetProperty("args", out var arguments) && arguments.TryGetProperty("op_name", out var kind))
                {
                    kinds.Add(kind.GetString() ?? string.Empty);
                }
            }

            return kinds;
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}

using PluginBot.Onnx.Tests.Infrastructure;

namespace PluginBot.Onnx.Tests;

[Collection(RuntimeCollection.Name)]
public sealed class OnnxSessionTests(RuntimeFixture fixture)
{
    private const float Tolerance = 1e-5f;

    [Theory]
    [InlineData("mlp")]
    [InlineData("lstm")]
    [InlineData("regime")]
    [InlineData("bench-mlp")]
    [InlineData("bench-lstm")]
    public void Run_FixtureInputs_MatchTorchOutputs(string model)
    {
        var expected = ExpectedOutput.Read(model);
        using var session = fixture.Runtime.CreateSession(TestFiles.Path(model + ".onnx"), new OnnxSessionOptions { BatchSizes = [expected.BatchSize] });

        var output = session.Run(expected.Input, expected.BatchSize);

        Assert.Equal(expected.Output.Length, output.Length);
        for (var index = 0; index < output.Length; index++)
        {
            Assert.True(Math.Abs(expected.Output[index] - output[index]) <= Tolerance, $"{model} output {index}: torch {expected.Output[index]}, runtime {output[index]}");
        }
    }

    [Fact]
    public void CreateSession_MlpModel_ReadsNamesAndShapesFromTheModel()
    {
        using var session = fixture.Runtime.CreateSession(TestFiles.Path("mlp.onnx"));

        Assert.Equal("features", session.InputName);
        Assert.Equal("probabilities", session.OutputName);
        Assert.Equal("[batch, 46]", session.InputShape.ToString());
        Assert.Equal("[batch, 2]", session.OutputShape.ToString());
        Assert.Equal(46, session.FeatureCount);
        Assert.Equal(1, session.SequenceLength);
        Assert.Equal(2, session.OutputRowLength);
    }

    [Fact]
    public void CreateSession_LstmModel_ReadsSequenceLength()
    {
        using var session = fixture.Runtime.CreateSession(TestFiles.Path("lstm.onnx"));

        Assert.Equal("[batch, 8, 46]", session.InputShape.ToString());
        Assert.Equal(8, session.SequenceLength);
        Assert.Equal(46, session.FeatureCount);
        Assert.Equal(8 * 46, session.InputRowLength);
    }

    [Fact]
    public void Run_BatchOfThree_EqualsThreeSingleRuns()
    {
        var expected = ExpectedOutput.Read("mlp");
        using var batched = fixture.Runtime.CreateSession(TestFiles.Path("mlp.onnx"), new OnnxSessionOptions { BatchSizes = [1, 3] });
        var together = batched.Run(expected.Input, 3).ToArray();

        for (var row = 0; row < 3; row++)
        {
            var alone = batched.Run(expected.Input.AsSpan(row * 46, 46), 1);
            Assert.Equal(together[row * 2], alone[0], Tolerance);
            Assert.Equal(together[(row * 2) + 1], alone[1], Tolerance);
        }
    }

    [Fact]
    public void Run_WritingIntoTheInputBuffer_GivesTheSameResultAsCopying()
    {
        var expected = ExpectedOutput.Read("lstm");
        using var session = fixture.Runtime.CreateSession(TestFiles.Path("lstm.onnx"), new OnnxSessionOptions { BatchSizes = [2] });

        expected.Input.CopyTo(session.GetInput(2));
        var output = session.Run(2);

        for (var index = 0; index < output.Length; index++)
        {
            Assert.Equal(expected.Output[index], output[index], Tolerance);
        }
    }

    [Theory]
    [InlineData(OnnxGraphOptimizationLevel.Disabled, 1, 1)]
    [InlineData(OnnxGraphOptimizationLevel.Basic, 2, 1)]
    [InlineData(OnnxGraphOptimizationLevel.All, 1, 2)]
    public void Run_AnyThreadingAndOptimisation_GivesTorchOutputs(OnnxGraphOptimizationLevel level, int intraOpThreads, int interOpThreads)
    {
        var expected = ExpectedOutput.Read("lstm");
        var options = new OnnxSessionOptions { OptimizationLevel = level, IntraOpThreads = intraOpThreads, InterOpThreads = interOpThreads, BatchSizes = [2] };
        using var session = fixture.Runtime.CreateSession(TestFiles.Path("lstm.onnx"), options);

        var output = session.Run(expected.Input, 2);

        for (var index = 0; index < output.Length; index++)
        {
            Assert.Equal(expected.Output[index], output[index], Tolerance);
        }
    }

    [Fact]
    public void Run_AfterWarmUp_AllocatesNoManagedMemory()
    {
        var expected = ExpectedOutput.Read("lstm");
        using var session = fixture.Runtime.CreateSession(TestFiles.Path("lstm.onnx"), new OnnxSessionOptions { BatchSizes = [1, 2] });
        var input = expected.Input.AsSpan(0, session.InputRowLength).ToArray();
        session.Run(input, 1);
        session.Run(2);

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var iteration = 0; iteration < 200; iteration++)
        {
            session.Run(input, 1);
            session.Run(2);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void RequireInputShape_FeatureCountDiffers_NamesBothShapes()
    {
        using var session = fixture.Runtime.CreateSession(TestFiles.Path("narrow.onnx"));

        var error = Assert.Throws<OnnxShapeException>(() => session.RequireInputShape(1, 46));

        Assert.Equal("[batch, 10]", error.Expected);
        Assert.Equal("[batch, 46]", error.Actual);
        Assert.Contains("narrow.onnx", error.Message);
    }

    [Fact]
    public void RequireInputShape_SequenceLengthDiffers_NamesBothShapes()
    {
        using var session = fixture.Runtime.CreateSession(TestFiles.Path("lstm.onnx"));

        var error = Assert.Throws<OnnxShapeException>(() => session.RequireInputShape(32, 46));

        Assert.Equal("[batch, 8, 46]", error.Expected);
        Assert.Equal("[batch, 32, 46]", error.Actual);
    }

    [Fact]
    public void RequireInputShape_MatchingShape_DoesNotThrow()
    {
        using var session = fixture.Runtime.CreateSession(TestFiles.Path("lstm.onnx"));

        session.RequireInputShape(8, 46);

        Assert.Equal(8, session.SequenceLength);
    }

    [Fact]
    public void Run_InputOfWrongLength_NamesExpectedShapeAndFloats()
    {
        using var session = fixture.Runtime.CreateSession(TestFiles.Path("mlp.onnx"));

        var error = Assert.Throws<OnnxShapeException>(() => session.Run(new float[45], 1));

        Assert.Equal("[1, 46] (46 floats)", error.Expected);
        Assert.Equal("45 floats", error.Actual);
    }

    [Fact]
    public void Run_BatchSizeNotPrepared_NamesThePreparedSizes()
    {
        using var session = fixture.Runtime.CreateSession(TestFiles.Path("mlp.onnx"), new OnnxSessionOptions { BatchSizes = [1, 4] });

        var error = Assert.Throws<OnnxShapeException>(() => session.Run(3));

        Assert.Equal("a batch size of 1 or 4", error.Expected);
        Assert.Equal("3", error.Actual);
    }

    [Fact]
    public void CreateSession_CorruptModel_NamesTheFile()
    {
        var path = TestFiles.Path("corrupt.onnx");

        var error = Assert.Throws<OnnxRuntimeException>(() => fixture.Runtime.CreateSession(path));

        Assert.Contains(path, error.Message);
        Assert.Equal(OnnxRuntimeErrorCode.InvalidProtobuf, error.ErrorCode);
    }

    [Fact]
    public void CreateSession_MissingModel_ThrowsFileNotFoundNamingThePath()
    {
        var path = TestFiles.Path("absent.onnx");

        var error = Assert.Throws<FileNotFoundException>(() => fixture.Runtime.CreateSession(path));

        Assert.Contains(path, error.Message);
    }

    [Fact]
    public void CreateSession_FromBytes_RunsLikeTheFile()
    {
        var expected = ExpectedOutput.Read("mlp");
        using var session = fixture.Runtime.CreateSession(File.ReadAllBytes(TestFiles.Path("mlp.onnx")), "mlp in memory", new OnnxSessionOptions { BatchSizes = [3] });

        var output = session.Run(expected.Input, 3);

        Assert.Equal(expected.Output[5], output[5], Tolerance);
    }

    [Fact]
    public void Dispose_Twice_DoesNotThrowAndLaterUseThrowsObjectDisposed()
    {
        var session = fixture.Runtime.CreateSession(TestFiles.Path("mlp.onnx"));
        session.Dispose();
        session.Dispose();

        Assert.Throws<ObjectDisposedException>(() => session.Run(1));
        Assert.Throws<ObjectDisposedException>(() => session.GetInput(1));
        Assert.Throws<ObjectDisposedException>(() => session.Run(new float[46], 1));
    }

    [Fact]
    public void CreateSession_CudaRequestedOnCpuOnlyBuild_SaysTheBuildIsCpuOnly()
    {
        var error = Assert.Throws<NotSupportedException>(() =>
            fixture.Runtime.CreateSession(TestFiles.Path("mlp.onnx"), new OnnxSessionOptions { ExecutionProvider = OnnxExecutionProvider.Cuda }));

        Assert.Contains("CUDA", error.Message);
        Assert.Contains("CPU-only", error.Message);
        Assert.Contains(fixture.Runtime.LibraryPath, error.Message);
    }
}

using PluginBot.Experts.Comparison;

namespace PluginBot.Experts.Tests.Comparison;

public sealed class TrafficSplitterTests
{
    [Theory]
    [InlineData("", 0xcbf29ce484222325UL)]
    [InlineData("a", 0xaf63dc4c8601ec8cUL)]
    [InlineData("foobar", 0x85944171f73967e8UL)]
    [InlineData("é€😀", 0x0a289ca40199fa06UL)]
    public void Fnv1a64_PublishedAndUtf8Vectors_Match(string text, ulong expected)
    {
        // "", "a" and "foobar" are FNV's published test vectors; the last pins the UTF-8 encoding of 2-, 3- and 4-byte characters.
        Assert.Equal(expected, StableHash.Fnv1a64(text));
    }

    [Fact]
    public void Fnv1a64_ContinuedHash_EqualsTheHashOfTheConcatenation()
    {
        Assert.Equal(StableHash.Fnv1a64("foobar"), StableHash.Fnv1a64("bar", StableHash.Fnv1a64("foo")));
    }

    [Fact]
    public void Assign_SameDecisionId_LandsInTheSameSetInEveryRun()
    {
        var splitter = new HashTrafficSplitter(0.3, "exp-1");

        // Pinned: these buckets were computed independently (Python) and must never change between processes,
        // machines or .NET versions, or a restarted session would move decisions between sets.
        Assert.Equal(0.3353376928825036, splitter.BucketOf("BTCUSDT|2024-01-01T00:00:00Z"), 1e-15);
        Assert.Equal(0.17533264255991432, splitter.BucketOf("ETHUSDT|2024-01-01T01:00:00Z"), 1e-15);
        Assert.Equal(ExpertSetRole.Control, splitter.Assign("BTCUSDT", "BTCUSDT|2024-01-01T00:00:00Z").Trading);
        Assert.Equal(ExpertSetRole.Candidate, splitter.Assign("ETHUSDT", "ETHUSDT|2024-01-01T01:00:00Z").Trading);
        Assert.Equal(splitter.Assign("X", "id-42"), new HashTrafficSplitter(0.3, "exp-1").Assign("X", "id-42"));
    }

    [Theory]
    [InlineData(0.3)]
    [InlineData(0.5)]
    [InlineData(0.05)]
    public void Assign_HundredThousandSequentialIds_SendsTheConfiguredShareToTheCandidate(double fraction)
    {
        var splitter = new HashTrafficSplitter(fraction, "exp-1");
        Span<char> buffer = stackalloc char[32];
        var candidates = 0;
        for (var index = 0; index < 100_000; index++)
        {
            "decision-".AsSpan().CopyTo(buffer);
            index.TryFormat(buffer[9..], out var written, provider: System.Globalization.CultureInfo.InvariantCulture);
            if (splitter.Assign("BTCUSDT", buffer[..(9 + written)]).Trading == ExpertSetRole.Candidate)
            {
                candidates++;
            }
        }

        // Binomial standard deviation √(p(1 − p) ÷ n) ≤ 0.0016; allow 4 of them.
        Assert.InRange(candidates / 100_000.0, fraction - 0.0064, fraction + 0.0064);
    }

    [Fact]
    public void Assign_DifferentSalts_SplitIndependently()
    {
        var first = new HashTrafficSplitter(0.5, "exp-1");
        var second = new HashTrafficSplitter(0.5, "exp-2");
        var agree = 0;
        for (var index = 0; index < 10_000; index++)
        {
            var id = $"decision-{index}";
            if (first.Assign("S", id).Trading == second.Assign("S", id).Trading)
            {
                agree++;
            }
        }

        // Independent halves agree about half the time; identical splits would agree always.
        Assert.InRange(agree, 4_700, 5_300);
    }

    [Fact]
    public void Assign_BySymbol_SendsListedSymbolsToTheCandidate()
    {
        var splitter = new SymbolTrafficSplitter(["ETHUSDT"]);

        Assert.Equal(new TrafficAssignment(ExpertSetRole.Candidate, null), splitter.Assign("ETHUSDT", "any"));
        Assert.Equal(new TrafficAssignment(ExpertSetRole.Control, null), splitter.Assign("BTCUSDT", "any"));
        Assert.Equal(ExpertSetRole.Control, splitter.Assign("ethusdt", "any").Trading);
    }

    [Fact]
    public void Assign_Shadow_ControlTradesAndCandidateAlwaysDecides()
    {
        var splitter = new ShadowTrafficSplitter();

        Assert.Equal(new TrafficAssignment(ExpertSetRole.Control, ExpertSetRole.Candidate), splitter.Assign("BTCUSDT", "decision-1"));
    }

    [Fact]
    public void Assign_ZeroAndFullFractions_AreAbsolute()
    {
        Assert.Equal(ExpertSetRole.Control, new HashTrafficSplitter(0).Assign("S", "a").Trading);
        Assert.Equal(ExpertSetRole.Candidate, new HashTrafficSplitter(1).Assign("S", "a").Trading);
    }
}

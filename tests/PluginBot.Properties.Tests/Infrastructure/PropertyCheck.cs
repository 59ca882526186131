using FsCheck;
using FsCheck.Fluent;
using Microsoft.FSharp.Core;

namespace PluginBot.Properties.Tests.Infrastructure;

/// <summary>
/// Runs a property over generated scenarios with a fixed seed, so every run of the suite checks the same sequences
/// and a failure reproduces; FsCheck shrinks a failing scenario and throws with the smallest one it found.
/// </summary>
internal static class PropertyCheck
{
    /// <summary>Sequences per property: issue 8 asks for at least 10,000.</summary>
    public const int Sequences = 10_000;

    /// <summary>Checks <paramref name="assertion"/> (which throws on a violation) on <paramref name="count"/> scenarios.</summary>
    public static void ForAll(RequiredLayer required, ulong seed, Action<ScenarioRun> assertion, int count = Sequences)
    {
        var config = Config.QuickThrowOnFailure
            .WithMaxTest(count)
            .WithQuietOnSuccess(true)
            // Gamma must be odd for FsCheck's splittable generator.
            .WithReplay(FSharpOption<Replay>.Some(new Replay(new Rnd(seed, 0x9E3779B97F4A7C15UL), FSharpOption<int>.None)));
        Prop.ForAll(ScenarioGenerator.Scenarios(required), scenario => assertion(ScenarioRun.Execute(scenario))).Check(config);
    }
}

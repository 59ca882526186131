namespace PluginBot.Indicators.Tests.Infrastructure;

/// <summary>
/// One expected column of a reference file and how to read the matching output from the indicator.
/// </summary>
/// <param name="Column">The expected column's header name (case-insensitive).</param>
/// <param name="Actual">Reads the indicator output to compare.</param>
/// <param name="Tolerance">Absolute tolerance, as in Lean's test for this indicator.</param>
/// <typeparam name="TIndicator">The indicator type.</typeparam>
internal sealed record Expectation<TIndicator>(string Column, Func<TIndicator, double> Actual, double Tolerance)
    where TIndicator : IIndicator
{
    /// <summary>Lean's default tolerance (CommonIndicatorTests and TestHelper).</summary>
    public const double LeanDefaultTolerance = 1e-3;

    /// <summary>
    /// When this output becomes comparable; null means <see cref="IIndicator.IsReady"/> (which the harness checks
    /// turns true exactly at WarmUpPeriod).
    /// </summary>
    public Func<TIndicator, bool>? IsComparable { get; init; }

    /// <summary>Turns the file's value into the quantity compared (e.g. the square root of a variance column).</summary>
    public Func<double, double>? TransformExpected { get; init; }

    /// <summary>A replacement for the numeric comparison (OBV is compared as formatted strings in Lean).</summary>
    public Func<double, double, bool>? Matches { get; init; }
}

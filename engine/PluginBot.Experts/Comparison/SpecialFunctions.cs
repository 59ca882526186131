namespace PluginBot.Experts.Comparison;

/// <summary>
/// The special functions behind the Student t distribution: the log-gamma function and the regularised incomplete
/// beta function I_x(a, b).
/// </summary>
/// <remarks>
/// ln Γ uses the Lanczos approximation (g = 7, nine coefficients), good to about 15 significant digits for x &gt; 0.
/// I_x(a, b) is evaluated by its continued fraction with the modified Lentz method, which converges quickly for
/// x &lt; (a + 1) ÷ (a + b + 2); above that the symmetry I_x(a, b) = 1 − I_{1−x}(b, a) is used.
/// </remarks>
public static class SpecialFunctions
{
    private const double LanczosG = 7;
    private const double Tiny = 1e-300;
    private const double Tolerance = 1e-15;
    private const int MaximumIterations = 1000;

    private static readonly double[] LanczosCoefficients =
    [
        0.99999999999980993,
        676.5203681218851,
        -1259.1392167224028,
        771.32342877765313,
        -176.61502916214059,
        12.507343278686905,
        -0.13857109526572012,
        9.9843695780195716e-6,
        1.5056327351493116e-7,
    ];

    /// <summary>ln Γ(x) for x &gt; 0.</summary>
    /// <exception cref="ArgumentOutOfRangeException">x is not positive.</exception>
    public static double LogGamma(double x)
    {
        if (!(x > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(x), x, "LogGamma is defined here for positive x only.");
        }

        if (x < 0.5)
        {
            // Reflection: Γ(x) Γ(1 − x) = π ÷ sin(πx); the series below is accurate for x ≥ 0.5.
            return Math.Log(Math.PI / Math.Sin(Math.PI * x)) - LogGamma(1 - x);
        }

        var shifted = x - 1;
        var sum = LanczosCoefficients[0];
        for (var index = 1; index < LanczosCoefficients.Length; index++)
        {
            sum += LanczosCoefficients[index] / (shifted + index);
        }

        var t = shifted + LanczosG + 0.5;
        return (0.5 * Math.Log(2 * Math.PI)) + ((shifted + 0.5) * Math.Log(t)) - t + Math.Log(sum);
    }

    /// <summary>The regularised incomplete beta function I_x(a, b) for a, b &gt; 0 and x in [0, 1].</summary>
    /// <exception cref="ArgumentOutOfRangeException">An argument is outside its domain.</exception>
    public static double RegularisedIncompleteBeta(double x, double a, double b)
    {
        if (!(a > 0) || !(b > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(a), "Both shape parameters must be positive.");
        }

        if (!(x >= 0 && x <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(x), x, "x must be between 0 and 1.");
        }

        if (x == 0 || x == 1)
        {
            return x;
        }

        // x^a (1 − x)^b ÷ (a B(a, b)), the factor in front of the continued fraction, computed in log space.
        var logFront = (a * Math.Log(x)) + (b * Math.Log(1 - x)) - (LogGamma(a) + LogGamma(b) - LogGamma(a + b));
        if (x < (a + 1) / (a + b + 2))
        {
            return Math.Exp(logFront) * ContinuedFraction(x, a, b) / a;
        }

        return 1 - (Math.Exp(logFront) * ContinuedFraction(1 - x, b, a) / b);
    }

    /// <summary>The continued fraction 1 ÷ (1 + d1 ÷ (1 + d2 ÷ (1 + …))) of I_x(a, b), by modified Lentz.</summary>
    private static double ContinuedFraction(double x, double a, double b)
    {
        var c = 1.0;
        var d = Guard(1 - ((a + b) * x / (a + 1)));
        d = 1 / d;
        var result = d;
        for (var m = 1; m <= MaximumIterations; m++)
        {
            // Even term d_2m, then odd term d_2m+1.
            var even = m * (b - m) * x / ((a + (2 * m) - 1) * (a + (2 * m)));
            d = 1 / Guard(1 + (even * d));
            c = Guard(1 + (even / c));
            result *= d * c;

            var odd = -(a + m) * (a + b + m) * x / ((a + (2 * m)) * (a + (2 * m) + 1));
            d = 1 / Guard(1 + (odd * d));
            c = Guard(1 + (odd / c));
            var step = d * c;
            result *= step;
            if (Math.Abs(step - 1) < Tolerance)
            {
                return result;
            }
        }

        throw new InvalidOperationException($"The incomplete beta continued fraction did not converge for x={x}, a={a}, b={b}.");
    }

    // Lentz's method divides by these terms; a term at exactly 0 is nudged to a tiny number instead.
    private static double Guard(double value) => Math.Abs(value) < Tiny ? Tiny : value;
}

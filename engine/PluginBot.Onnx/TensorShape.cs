using System.Globalization;

namespace PluginBot.Onnx;

/// <summary>
/// The shape of a model input or output as the model declares it; a dimension below zero is dynamic (ONNX Runtime
/// reports named dimensions such as "batch" as −1). Printed as "[batch, 32, 46]" in error messages.
/// </summary>
public sealed class TensorShape : IEquatable<TensorShape>
{
    private readonly long[] dimensions;

    /// <summary>Creates a shape; negative values mean dynamic.</summary>
    public TensorShape(IEnumerable<long> dimensions)
    {
        ArgumentNullException.ThrowIfNull(dimensions);
        this.dimensions = [.. dimensions];
    }

    /// <summary>The dimensions, −1 where dynamic.</summary>
    public IReadOnlyList<long> Dimensions => dimensions;

    /// <summary>How many dimensions there are.</summary>
    public int Rank => dimensions.Length;

    /// <summary>True when the dimension at <paramref name="index"/> is dynamic.</summary>
    public bool IsDynamic(int index) => dimensions[index] < 0;

    /// <inheritdoc />
    public bool Equals(TensorShape? other) => other is not null && dimensions.AsSpan().SequenceEqual(other.dimensions);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as TensorShape);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var dimension in dimensions)
        {
            hash.Add(dimension);
        }

        return hash.ToHashCode();
    }

    /// <summary>"[batch, 32, 46]": the first dynamic dimension reads "batch", any other "?".</summary>
    public override string ToString()
    {
        var parts = new string[dimensions.Length];
        for (var index = 0; index < dimensions.Length; index++)
        {
            parts[index] = dimensions[index] >= 0
                ? dimensions[index].ToString(CultureInfo.InvariantCulture)
                : index == 0 ? "batch" : "?";
        }

        return $"[{string.Join(", ", parts)}]";
    }
}

namespace PluginBot.Onnx;

/// <summary>
/// How much ONNX Runtime rewrites the graph when a session is created (<c>GraphOptimizationLevel</c>). Higher levels
/// cost more at load and usually less per inference; the default is <see cref="All"/> because sessions live long.
/// </summary>
public enum OnnxGraphOptimizationLevel
{
    /// <summary>Run the graph as exported (useful when comparing against the exporting framework).</summary>
    Disabled = 0,

    /// <summary>Semantics-preserving rewrites such as constant folding and redundant node removal.</summary>
    Basic = 1,

    /// <summary>Basic plus node fusions.</summary>
    Extended = 2,

    /// <summary>Everything, including layout optimisations.</summary>
    All = 99,
}

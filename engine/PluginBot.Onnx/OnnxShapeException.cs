namespace PluginBot.Onnx;

/// <summary>
/// Data of one shape was offered to a model that expects another (feature count different from the model's input
/// width, a different sequence length, a batch size the session was not prepared for). Both shapes are in the
/// message and in <see cref="Expected"/>/<see cref="Actual"/>, since "shape mismatch" alone sends people hunting.
/// </summary>
public sealed class OnnxShapeException : Exception
{
    /// <summary>Creates the exception; <paramref name="subject"/> names what was being matched, for example "input 'features'".</summary>
    public OnnxShapeException(string subject, string expected, string actual)
        : base($"The {subject} expects shape {expected} but was given {actual}.")
    {
        Expected = expected;
        Actual = actual;
    }

    /// <summary>The shape the model (or session) expects, for example "[batch, 46]".</summary>
    public string Expected { get; }

    /// <summary>The shape that was offered.</summary>
    public string Actual { get; }
}

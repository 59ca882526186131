namespace PluginBot.Server;

/// <summary>A request the API refuses with 400: which field is wrong and what was expected instead.</summary>
internal sealed class RequestProblem : Exception
{
    public RequestProblem(string field, string expected)
        : base($"The field '{field}' is invalid: expected {expected}.")
    {
        Field = field;
        Expected = expected;
    }

    public string Field { get; }

    public string Expected { get; }
}

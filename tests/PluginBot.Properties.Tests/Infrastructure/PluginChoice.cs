namespace PluginBot.Properties.Tests.Infrastructure;

/// <summary>A plugin id with its settings as a composition would write them.</summary>
internal sealed record PluginChoice(string Id, string Settings)
{
    /// <inheritdoc />
    public override string ToString() => $"{Id} {Settings}";
}

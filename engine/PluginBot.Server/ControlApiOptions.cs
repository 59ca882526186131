using System.Net;
using Microsoft.Extensions.Logging;

namespace PluginBot.Server;

/// <summary>How the control API listens and authenticates.</summary>
public sealed record ControlApiOptions
{
    /// <summary>The environment variable read for the token when <see cref="Token"/> is not set.</summary>
    public const string TokenEnvironmentVariable = "PLUGINBOT_API_TOKEN";

    /// <summary>The default port, also the CLI's default.</summary>
    public const int DefaultPort = 5317;

    /// <summary>Shortest token accepted: a short token can be guessed by anything that can reach the port.</summary>
    public const int MinimumTokenLength = 16;

    /// <summary>The address to bind; loopback by default because the API can move money.</summary>
    public IPAddress Address { get; init; } = IPAddress.Loopback;

    /// <summary>The port; 0 picks a free one, reported by <see cref="ControlApiServer.BaseAddress"/>.</summary>
    public int Port { get; init; } = DefaultPort;

    /// <summary>The bearer token clients must send; when null, <see cref="TokenEnvironmentVariable"/> is read.</summary>
    public string? Token { get; init; }

    /// <summary>Adds log providers; by default the server logs nothing. The token never reaches a log.</summary>
    public Action<ILoggingBuilder>? ConfigureLogging { get; init; }
}

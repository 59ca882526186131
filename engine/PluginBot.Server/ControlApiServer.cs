using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PluginBot.Server.Endpoints;

namespace PluginBot.Server;

/// <summary>
/// The control API of a running host on Kestrel: every route under <c>/api</c>, every request bearer-authenticated,
/// loopback-bound unless configured otherwise. Start it beside the host with <see cref="StartAsync"/> and dispose it
/// when the host stops.
/// </summary>
public sealed class ControlApiServer : IAsyncDisposable
{
    private readonly WebApplication application;

    private ControlApiServer(WebApplication application, Uri baseAddress)
    {
        this.application = application;
        BaseAddress = baseAddress;
    }

    /// <summary>Where the API listens, with the real port when port 0 was asked for, for example http://127.0.0.1:5317/.</summary>
    public Uri BaseAddress { get; }

    /// <summary>
    /// Starts listening. The token comes from <see cref="ControlApiOptions.Token"/> or else the
    /// <see cref="ControlApiOptions.TokenEnvironmentVariable"/> environment variable.
    /// </summary>
    /// <exception cref="ControlApiConfigurationException">No token, or one shorter than <see cref="ControlApiOptions.MinimumTokenLength"/>.</exception>
    public static async Task<ControlApiServer> StartAsync(IEngineControl engine, ControlApiOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(options);
        var token = ResolveToken(options.Token, Environment.GetEnvironmentVariable);
        if (options.Port is < 0 or > 65535)
        {
            throw new ControlApiConfigurationException($"The control API port must be from 0 (any free port) to 65535, not {options.Port}.");
        }

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [], ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        options.ConfigureLogging?.Invoke(builder.Logging);
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(options.Address, options.Port));
        builder.Services.AddSingleton(engine);
        builder.Services.ConfigureHttpJsonOptions(json => ControlApiJson.Configure(json.SerializerOptions));

        var application = builder.Build();
        var gate = new BearerTokenGate(token, application.Services.GetRequiredService<ILoggerFactory>().CreateLogger("PluginBot.Server.Authentication"));
        application.Use(gate.InvokeAsync);
        application.Use(ProblemMapping.InvokeAsync);
        var api = application.MapGroup("/api");
        StrategyEndpoints.Map(api);
        SplitEndpoints.Map(api);
        KillSwitchEndpoints.Map(api);

        await application.StartAsync(cancellationToken);
        var address = application.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new ControlApiServer(application, new Uri(address.EndsWith('/') ? address : address + "/"));
    }

    /// <summary>Stops listening and waits for requests in flight.</summary>
    public async ValueTask DisposeAsync()
    {
        await application.StopAsync();
        await application.DisposeAsync();
    }

    /// <summary>Picks the configured token, else the environment's; refuses to run open.</summary>
    internal static string ResolveToken(string? configured, Func<string, string?> environment)
    {
        var token = string.IsNullOrWhiteSpace(configured) ? environment(ControlApiOptions.TokenEnvironmentVariable) : configured;
        if (string.IsNullOrWhiteSpace(token))
        {
            throw new ControlApiConfigurationException(
                $"The control API refuses to start without a bearer token: set the {ControlApiOptions.TokenEnvironmentVariable} environment variable or the token in the host's configuration.");
        }

        token = token.Trim();
        if (token.Length < ControlApiOptions.MinimumTokenLength)
        {
            throw new ControlApiConfigurationException(
                $"The control API token is too short: use at least {ControlApiOptions.MinimumTokenLength} characters (for example `openssl rand -hex 32`).");
        }

        return token;
    }
}

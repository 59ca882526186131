using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Microsoft.Extensions.Logging;

namespace PluginBot.Server.Tests;

/// <summary>A real Kestrel control API on a free loopback port over a fresh in-memory engine, with an authorised client.</summary>
internal sealed class ServerSession : IAsyncDisposable
{
    public const string Token = "test-token-7f3c9a1e5b2d4068";

    private ServerSession(InMemoryEngineControl engine, ControlApiServer server, CapturingLoggerProvider logs)
    {
        Engine = engine;
        Server = server;
        Logs = logs;
        Client = new HttpClient { BaseAddress = server.BaseAddress };
        Client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token);
    }

    public InMemoryEngineControl Engine { get; }

    public ControlApiServer Server { get; }

    public CapturingLoggerProvider Logs { get; }

    public HttpClient Client { get; }

    public static async Task<ServerSession> StartAsync()
    {
        var engine = new InMemoryEngineControl();
        var logs = new CapturingLoggerProvider();
        var server = await ControlApiServer.StartAsync(engine, new ControlApiOptions
        {
            Port = 0,
            Token = Token,
            ConfigureLogging = logging =>
            {
                logging.SetMinimumLevel(LogLevel.Trace);
                logging.AddProvider(logs);
            },
        });
        return new ServerSession(engine, server, logs);
    }

    public Task<HttpResponseMessage> SendJsonAsync(HttpMethod method, string path, string json) =>
        Client.SendAsync(new HttpRequestMessage(method, path) { Content = new StringContent(json, Encoding.UTF8, "application/json") });

    public async Task<T> ReadAsync<T>(HttpResponseMessage response)
    {
        var value = await response.Content.ReadFromJsonAsync<T>(ControlApiJson.Options);
        return value ?? throw new InvalidOperationException("empty response body");
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Server.DisposeAsync();
    }
}

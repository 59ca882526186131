using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace PluginBot.Binance.FakeServer;

/// <summary>
/// A fake Binance exchange in-process on Kestrel (127.0.0.1, port 0): the REST endpoints and WebSocket streams the
/// adapter uses, with Binance's signature, timestamp and weight checks, a ledger that is the truth for tests, matching
/// driven by <see cref="SetPrice"/>, and fault injection (<see cref="Faults"/>, <see cref="Streams"/>).
/// </summary>
public sealed class FakeBinanceServer : IAsyncDisposable
{
    private readonly WebApplication application;
    private readonly FakeRestHandlers handlers;
    private readonly List<string> requestLog = [];

    private FakeBinanceServer(FakeServerOptions options, WebApplication application)
    {
        Options = options;
        this.application = application;
        Faults = new FakeFaults();
        Streams = new FakeStreamHub(Faults, options.Clock, options.ListenKeyLifetime);
        Ledger = new FakeExchangeLedger(options);
        Weights = new FakeWeightMeter(options);
        handlers = new FakeRestHandlers(options, Ledger, Streams);
        Ledger.OrderChanged += (order, trade, executionType) =>
        {
            var now = options.Clock.UtcNow.UtcDateTime;
            Streams.PublishUser(FakePayloads.OrderEvent(order, trade, executionType, options.Market, now));
            if (options.Market == BinanceMarket.UsdFutures && trade is not null)
            {
                Streams.PublishUser(FakePayloads.AccountUpdate(Ledger.Balances, Ledger.Positions, now));
            }
        };
    }

    /// <summary>The options the server runs with.</summary>
    public FakeServerOptions Options { get; }

    /// <summary>REST base address, http://127.0.0.1:port.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>WebSocket base address, ws://127.0.0.1:port.</summary>
    public Uri WebSocketAddress { get; private set; } = null!;

    /// <summary>Balances, positions, orders and trades: the truth.</summary>
    public FakeExchangeLedger Ledger { get; }

    /// <summary>Faults to inject into the next requests and events.</summary>
    public FakeFaults Faults { get; }

    /// <summary>Listen keys and WebSocket connections.</summary>
    public FakeStreamHub Streams { get; }

    /// <summary>Request-weight accounting, including the maximum weight ever used.</summary>
    public FakeWeightMeter Weights { get; }

    /// <summary>"METHOD /path STATUS" of every REST request, in arrival order.</summary>
    public IReadOnlyList<string> RequestLog
    {
        get
        {
            lock (requestLog)
            {
                return requestLog.ToArray();
            }
        }
    }

    /// <summary>Starts a server on a free loopback port.</summary>
    public static async Task<FakeBinanceServer> StartAsync(FakeServerOptions? options = null)
    {
        options ??= new FakeServerOptions();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var application = builder.Build();
        var server = new FakeBinanceServer(options, application);
        application.Use((context, next) =>
        {
            if (context.Features.Get<IHttpUpgradeFeature>() is { } upgrade)
            {
                context.Features.Set<IHttpUpgradeFeature>(new FakeUpgradeFeature(upgrade, context));
            }

            return next(context);
        });
        application.UseWebSockets();
        application.Run(server.HandleAsync);
        await application.StartAsync();
        var address = application.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.BaseAddress = new Uri(address);
        server.WebSocketAddress = new Uri(address.Replace("http://", "ws://", StringComparison.Ordinal));
        return server;
    }

    /// <summary>Sets the market price and fills what it reaches.</summary>
    public void SetPrice(string symbol, decimal price) => Ledger.SetPrice(symbol, price);

    /// <summary>Makes klines available to the klines endpoint.</summary>
    public void AddKlines(string symbol, string interval, IEnumerable<BinanceKline> klines) => handlers.AddKlines(symbol, interval, klines);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        Streams.DisconnectAll();
        await application.StopAsync();
        await application.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "/";
        if (context.WebSockets.IsWebSocketRequest)
        {
            await AcceptSocketAsync(context, path);
            return;
        }

        var query = FakeQuery.Parse(context.Request.QueryString.Value);
        var route = handlers.Route(context.Request.Method, path, query);
        if (route is null)
        {
            await WriteAsync(context, HttpStatusCode.NotFound, FakePayloads.Error(new FakeRejection(HttpStatusCode.NotFound, -1, $"No endpoint {context.Request.Method} {path}.")));
            return;
        }

        var (endpoint, handler) = route.Value;
        var refusal = Weights.Charge(endpoint.Weight(query), out var used);
        context.Response.Headers["X-MBX-USED-WEIGHT-1M"] = used.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (refusal is { } limited)
        {
            context.Response.Headers.RetryAfter = limited.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var message = limited.Status == HttpStatusCode.TooManyRequests
                ? "Too much request weight used; current limit is exceeded. Please use WebSocket Streams for live updates to avoid polling the API."
                : "Way too much request weight used; IP banned. Please use WebSocket Streams for live updates to avoid bans.";
            await WriteAsync(context, limited.Status, FakePayloads.Error(new FakeRejection(limited.Status, -1003, message)), endpoint);
            return;
        }

        var fault = Faults.Take(endpoint.ToString());
        if (fault is { Kind: FakeFaultKind.FailBeforeExecuting } before)
        {
            if (before.Status is HttpStatusCode.TooManyRequests or (HttpStatusCode)418)
            {
                context.Response.Headers.RetryAfter = "2";
                Weights.NoteRetryAfter(TimeSpan.FromSeconds(2));
            }

            await WriteAsync(context, before.Status, FakePayloads.Error(new FakeRejection(before.Status, -1000, "An unknown error occurred while processing the request.")), endpoint);
            return;
        }

        var rejection = handlers.Authenticate(endpoint, context.Request.Headers["X-MBX-APIKEY"].ToString(), query);
        var (status, body) = rejection is null ? handler() : (rejection.Status, FakePayloads.Error(rejection));
        if (fault is { Kind: FakeFaultKind.DropResponse })
        {
            Log(endpoint, "dropped");
            context.Abort();
            return;
        }

        if (fault is { Kind: FakeFaultKind.FailAfterExecuting } after)
        {
            await WriteAsync(context, after.Status, FakePayloads.Error(new FakeRejection(after.Status, -1000, "An unknown error occurred while processing the request.")), endpoint);
            return;
        }

        await WriteAsync(context, status, body, endpoint);
    }

    private async Task WriteAsync(HttpContext context, HttpStatusCode status, string body, FakeEndpoint? endpoint = null)
    {
        Log(endpoint, ((int)status).ToString(System.Globalization.CultureInfo.InvariantCulture));
        context.Response.StatusCode = (int)status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(body);
    }

    private void Log(FakeEndpoint? endpoint, string outcome)
    {
        lock (requestLog)
        {
            requestLog.Add($"{endpoint?.ToString() ?? "unknown"} {outcome}");
        }
    }

    private static FakeSilenceableStream? Transport(HttpContext context) =>
        context.Items.TryGetValue(FakeUpgradeFeature.StreamItem, out var stream) ? stream as FakeSilenceableStream : null;

    private async Task AcceptSocketAsync(HttpContext context, string path)
    {
        FakeSocketConnection? connection = null;
        var socketName = path.StartsWith("/ws/", StringComparison.Ordinal) ? path["/ws/".Length..] : null;
        if (socketName is not null && Streams.IsListenKey(socketName))
        {
            connection = new FakeSocketConnection(await context.WebSockets.AcceptWebSocketAsync(), Transport(context), socketName, [], combined: false);
        }
        else if (socketName is not null && socketName.Contains('@', StringComparison.Ordinal))
        {
            connection = new FakeSocketConnection(await context.WebSockets.AcceptWebSocketAsync(), Transport(context), null, [socketName], combined: false);
        }
        else if (path == "/stream")
        {
            var streams = context.Request.Query["streams"].ToString().Split('/', StringSplitOptions.RemoveEmptyEntries);
            connection = new FakeSocketConnection(await context.WebSockets.AcceptWebSocketAsync(), Transport(context), null, streams, combined: true);
        }

        if (connection is null)
        {
            // Binance closes a connection to an unknown or expired listen key; refusing the upgrade looks the same to a client.
            context.Response.StatusCode = (int)HttpStatusCode.BadRequest;
            return;
        }

        await Streams.RunAsync(connection, context.RequestAborted);
    }
}

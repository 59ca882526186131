using System.Net;
using System.Net.Http.Headers;

namespace PluginBot.Server.Tests;

public sealed class ControlApiAuthenticationTests
{
    public static TheoryData<string, string> Routes => new()
    {
        { "GET", "api/strategies" },
        { "GET", "api/strategies/alpha" },
        { "POST", "api/strategies/alpha/pause" },
        { "POST", "api/strategies/alpha/resume" },
        { "POST", "api/strategies/alpha/flatten" },
        { "POST", "api/strategies/alpha/swap" },
        { "GET", "api/strategies/alpha/positions" },
        { "GET", "api/strategies/alpha/orders" },
        { "GET", "api/strategies/alpha/pnl" },
        { "GET", "api/strategies/alpha/decisions" },
        { "GET", "api/strategies/alpha/ab" },
        { "PUT", "api/strategies/alpha/ab" },
        { "POST", "api/strategies/alpha/ab/promote" },
        { "POST", "api/strategies/alpha/ab/rollback" },
        { "GET", "api/plugins" },
        { "GET", "api/experts" },
        { "GET", "api/positions" },
        { "GET", "api/orders" },
        { "GET", "api/pnl" },
        { "GET", "api/kill-switch" },
        { "POST", "api/kill-switch/engage" },
        { "POST", "api/kill-switch/release" },
        { "GET", "api/no-such-route" },
    };

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task Request_WithoutToken_Is401WithBearerChallengeAndNoBody(string method, string path)
    {
        await using var session = await ServerSession.StartAsync();
        using var anonymous = new HttpClient { BaseAddress = session.Server.BaseAddress };

        using var response = await anonymous.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer", Assert.Single(response.Headers.WwwAuthenticate).Scheme);
        Assert.Empty(await response.Content.ReadAsStringAsync());
        Assert.Equal(Contracts.StrategyRunState.Running, (await session.Engine.GetStrategyAsync("alpha", CancellationToken.None)).State);
    }

    [Theory]
    [InlineData("Bearer test-token-7f3c9a1e5b2d4069")]
    [InlineData("Bearer test-token-7f3c9a1e5b2d4068-and-more")]
    [InlineData("Bearer ")]
    [InlineData("Basic dGVzdC10b2tlbi03ZjNjOWExZTViMmQ0MDY4")]
    [InlineData("test-token-7f3c9a1e5b2d4068")]
    public async Task Request_WithWrongCredentials_Is401AndChangesNothing(string authorization)
    {
        await using var session = await ServerSession.StartAsync();
        using var client = new HttpClient { BaseAddress = session.Server.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/strategies/alpha/pause");
        request.Headers.TryAddWithoutValidation("Authorization", authorization);

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer", Assert.Single(response.Headers.WwwAuthenticate).Scheme);
        Assert.Empty(await response.Content.ReadAsStringAsync());
        Assert.Equal(Contracts.StrategyRunState.Running, (await session.Engine.GetStrategyAsync("alpha", CancellationToken.None)).State);
    }

    [Fact]
    public async Task Request_WithTheToken_IsServed()
    {
        await using var session = await ServerSession.StartAsync();
        using var client = new HttpClient { BaseAddress = session.Server.BaseAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ServerSession.Token);

        using var response = await client.GetAsync("api/strategies");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Session_OfGoodAndRefusedRequests_NeverLogsATokenButLogsTheRefusals()
    {
        const string wrongToken = "wrong-token-0123456789abcdef";
        var session = await ServerSession.StartAsync();
        await using (session)
        {
            using var wrong = new HttpClient { BaseAddress = session.Server.BaseAddress };
            wrong.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", wrongToken);
            using var anonymous = new HttpClient { BaseAddress = session.Server.BaseAddress };
            (await session.Client.GetAsync("api/strategies")).Dispose();
            (await session.Client.PostAsync("api/strategies/alpha/pause", null)).Dispose();
            (await session.Client.GetAsync("api/strategies/nobody")).Dispose();
            (await session.SendJsonAsync(HttpMethod.Post, "api/strategies/alpha/swap", "{\"kind\":\"Nope\"}")).Dispose();
            (await session.Client.GetAsync("api/missing")).Dispose();
            (await wrong.GetAsync("api/strategies")).Dispose();
            (await wrong.PostAsync("api/kill-switch/engage", null)).Dispose();
            (await anonymous.GetAsync("api/pnl")).Dispose();
        }

        var logs = session.Logs.Entries;
        Assert.Contains(logs, entry => entry.Contains("Refused GET /api/strategies: the request carried a wrong bearer token", StringComparison.Ordinal));
        Assert.Contains(logs, entry => entry.Contains("Refused GET /api/pnl: the request carried no bearer token", StringComparison.Ordinal));
        Assert.Contains(logs, entry => entry.Contains("Request starting", StringComparison.Ordinal));
        Assert.DoesNotContain(logs, entry => entry.Contains(ServerSession.Token, StringComparison.Ordinal));
        Assert.DoesNotContain(logs, entry => entry.Contains(wrongToken, StringComparison.Ordinal));
    }

    [Fact]
    public void ResolveToken_NoneConfiguredOrInTheEnvironment_RefusesToStartNamingTheVariable()
    {
        var error = Assert.Throws<ControlApiConfigurationException>(() => ControlApiServer.ResolveToken(null, _ => null));

        Assert.Contains("PLUGINBOT_API_TOKEN", error.Message, StringComparison.Ordinal);
        Assert.Contains("refuses to start", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ResolveToken_OnlyInTheEnvironment_UsesTheEnvironment()
    {
        var token = ControlApiServer.ResolveToken(" ", name => name == "PLUGINBOT_API_TOKEN" ? "from-environment-123456" : null);

        Assert.Equal("from-environment-123456", token);
    }

    [Fact]
    public void ResolveToken_TooShort_IsRefused()
    {
        var error = Assert.Throws<ControlApiConfigurationException>(() => ControlApiServer.ResolveToken("short", _ => null));

        Assert.Contains("at least 16 characters", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartAsync_PortZero_ReportsTheLoopbackPortItBound()
    {
        await using var session = await ServerSession.StartAsync();

        Assert.Equal("127.0.0.1", session.Server.BaseAddress.Host);
        Assert.NotEqual(0, session.Server.BaseAddress.Port);
        Assert.Equal(HttpStatusCode.OK, (await session.Client.GetAsync("api/plugins")).StatusCode);
    }
}

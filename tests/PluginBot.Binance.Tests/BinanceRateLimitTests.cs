using System.Net;
using PluginBot.Binance.FakeServer;

namespace PluginBot.Binance.Tests;

/// <summary>Weight tracking, 429 and 418 against the fake server, on a virtual clock shared by both.</summary>
public sealed class BinanceRateLimitTests
{
    [Fact]
    public async Task ManyHeavyRequests_LimitBelowDemand_WaitsForNextMinuteAndNeverExceedsTheServerLimit()
    {
        await using var fixture = await FakeExchangeFixture.StartAsync(
            server: options => options with { WeightLimitPerMinute = 100 },
            client: options => options with { WeightLimitPerMinute = 100 });

        for (var index = 0; index < 30; index++)
        {
            await fixture.Client.GetBalancesAsync();
        }

        Assert.Equal(100, fixture.Server.Weights.MaximumUsedWeight);
        Assert.Equal(0, fixture.Server.Weights.Violations);
        // 30 × 20 = 600 weight is six minutes' worth: from 12:00:30, 30 s to the first boundary then four whole minutes.
        Assert.Equal(TimeSpan.FromSeconds(270), fixture.Clock.TotalDelayed);
    }

    [Fact]
    public async Task UsedWeightHeader_OtherClientOnSameIp_IsAdoptedAndRespected()
    {
        await using var fixture = await FakeExchangeFixture.StartAsync(
            server: options => options with { WeightLimitPerMinute = 100 },
            client: options => options with { WeightLimitPerMinute = 100 });
        using var otherClient = new BinanceRestClient(fixture.Client.Options with { Logger = null });
        for (var index = 0; index < 4; index++)
        {
            await otherClient.GetBalancesAsync();
        }

        await fixture.Client.GetServerTimeAsync();
        await fixture.Client.GetBalancesAsync();

        Assert.Equal(0, fixture.Server.Weights.Violations);
        Assert.True(fixture.Clock.TotalDelayed > TimeSpan.Zero);
    }

    [Fact]
    public async Task InjectedTooManyRequests_RetryAfterTwoSeconds_WaitsThenSucceedsWithoutSendingMeanwhile()
    {
        await using var fixture = await FakeExchangeFixture.StartAsync();
        fixture.Server.Faults.Schedule(FakeFaultKind.FailBeforeExecuting, 1, HttpStatusCode.TooManyRequests);

        var time = await fixture.Client.GetServerTimeAsync();

        Assert.Equal(FakeExchangeFixture.Start + TimeSpan.FromSeconds(2), time);
        Assert.Equal(0, fixture.Server.Weights.RequestsDuringRetryAfter);
        Assert.Equal(["GET /api/v3/time 429", "GET /api/v3/time 200"], fixture.Server.RequestLog);
    }

    [Fact]
    public async Task Banned418_ClientAboveServerLimit_StopsSendingUntilTheBanEnds()
    {
        await using var fixture = await FakeExchangeFixture.StartAsync(
            server: options => options with { WeightLimitPerMinute = 40, ViolationsBeforeBan = 1, BanDuration = TimeSpan.FromMinutes(3) },
            client: options => options with { WeightLimitPerMinute = 1000 });

        await fixture.Client.GetBalancesAsync();
        await fixture.Client.GetBalancesAsync();
        await fixture.Client.GetBalancesAsync();

        Assert.Equal(1, fixture.Server.Weights.BannedAnswers);
        Assert.Equal(0, fixture.Server.Weights.RequestsDuringRetryAfter);
        Assert.True(fixture.Client.RateLimiter.TotalWaited >= TimeSpan.FromMinutes(3));
        Assert.Contains(fixture.Logger.Lines, line => line.Contains("418", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ServerErrors_OnRepeatableRequest_AreRetried()
    {
        await using var fixture = await FakeExchangeFixture.StartAsync();
        fixture.Server.Faults.Schedule(FakeFaultKind.FailBeforeExecuting, 2, HttpStatusCode.ServiceUnavailable);

        await fixture.Client.GetServerTimeAsync();

        Assert.Equal(["GET /api/v3/time 503", "GET /api/v3/time 503", "GET /api/v3/time 200"], fixture.Server.RequestLog);
    }
}

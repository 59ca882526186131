using System.Net;
using System.Text.Json;
using PluginBot.Sdk.Orders;
using PluginBot.Server.Contracts;

namespace PluginBot.Server.Tests;

public sealed class ControlApiEndpointTests : IAsyncLifetime
{
    private ServerSession session = null!;

    public async Task InitializeAsync() => session = await ServerSession.StartAsync();

    public async Task DisposeAsync() => await session.DisposeAsync();

    [Fact]
    public async Task GetStrategies_ListsEachWithStateAndSlotVersions()
    {
        var strategies = await session.ReadAsync<List<StrategySummary>>(await session.Client.GetAsync("api/strategies"));

        Assert.Equal(["alpha", "beta"], strategies.Select(strategy => strategy.Name));
        Assert.Equal(new SlotVersion("risk[0]", "risk-drawdown", "2.0.0"), strategies[0].Slots[1]);
        Assert.Equal(StrategyRunState.Running, strategies[1].State);
    }

    [Fact]
    public async Task GetStrategies_WritesEnumsAsNamesInCamelCase()
    {
        var json = await session.Client.GetStringAsync("api/strategies/alpha");

        Assert.Contains("\"state\":\"Running\"", json, StringComparison.Ordinal);
        Assert.Contains("\"slots\":[{\"slot\":\"strategy\",\"plugin\":\"ema-cross\",\"version\":\"1.0.0\"}", json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetStrategy_Unknown_Is404ProblemNamingIt()
    {
        using var response = await session.Client.GetAsync("api/strategies/gamma/positions");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("gamma", problem.RootElement.GetProperty("strategy").GetString());
        Assert.Equal(404, problem.RootElement.GetProperty("status").GetInt32());
        Assert.Contains("'gamma'", problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PauseThenResume_ChangesTheListedState()
    {
        var paused = await session.ReadAsync<StrategySummary>(await session.Client.PostAsync("api/strategies/alpha/pause", null));
        var listedWhilePaused = await session.ReadAsync<StrategySummary>(await session.Client.GetAsync("api/strategies/alpha"));
        var resumed = await session.ReadAsync<StrategySummary>(await session.Client.PostAsync("api/strategies/alpha/resume", null));

        Assert.Equal(StrategyRunState.Paused, paused.State);
        Assert.Equal(StrategyRunState.Paused, listedWhilePaused.State);
        Assert.Equal(StrategyRunState.Running, resumed.State);
    }

    [Fact]
    public async Task Flatten_SendsOneClosingOrderPerPositionAndLeavesNoPosition()
    {
        var result = await session.ReadAsync<FlattenResult>(await session.Client.PostAsync("api/strategies/alpha/flatten", null));
        var positions = await session.ReadAsync<List<PositionSummary>>(await session.Client.GetAsync("api/strategies/alpha/positions"));
        var orders = await session.ReadAsync<List<OrderSummary>>(await session.Client.GetAsync("api/strategies/alpha/orders"));

        Assert.Equal(["alpha-00000002", "alpha-00000003"], result.ClientOrderIds);
        Assert.Empty(positions);
        Assert.Equal([(OrderSide.Sell, 0.5m, "BTCUSDT"), (OrderSide.Buy, 2m, "ETHUSDT")], orders.Skip(1).Select(order => (order.Side, order.Quantity, order.Symbol)));
    }

    [Fact]
    public async Task Swap_ValidPlugin_ReturnsTheRecordAndTheSlotRunsTheNewVersion()
    {
        using var response = await session.SendJsonAsync(HttpMethod.Post, "api/strategies/alpha/swap", """{"kind":"Plugin","slot":"risk[0]","target":"risk-drawdown@2.1.0"}""");
        var record = await session.ReadAsync<SwapResult>(response);
        var strategy = await session.ReadAsync<StrategySummary>(await session.Client.GetAsync("api/strategies/alpha"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(new SwapResult(InMemoryEngineControl.Now, "risk[0]", "2.0.0", "2.1.0", true, null, "state carried"), record);
        Assert.Contains(new SlotVersion("risk[0]", "risk-drawdown", "2.1.0"), strategy.Slots);
    }

    [Fact]
    public async Task Swap_WarmUpFails_Is422WithTheFailedRecord()
    {
        using var response = await session.SendJsonAsync(HttpMethod.Post, "api/strategies/alpha/swap", """{"kind":"plugin","slot":"risk[0]","target":"risk-broken@0.1.0"}""");
        var record = await session.ReadAsync<SwapResult>(response);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.False(record.Succeeded);
        Assert.Equal("warm-up threw DivideByZeroException", record.Error);
    }

    [Fact]
    public async Task Swap_UnknownSlot_Is409WithTheEnginesReason()
    {
        using var response = await session.SendJsonAsync(HttpMethod.Post, "api/strategies/alpha/swap", """{"kind":"Script","slot":"sizer","target":"scripts/a.cs"}""");

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("has no slot sizer", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"slot":"risk[0]","target":"x@1"}""", "kind", "one of Plugin, Script, ExpertSet")]
    [InlineData("""{"kind":"Gadget","slot":"risk[0]","target":"x@1"}""", "kind", "one of Plugin, Script, ExpertSet")]
    [InlineData("""{"kind":"2","slot":"risk[0]","target":"x@1"}""", "kind", "one of Plugin, Script, ExpertSet")]
    [InlineData("""{"kind":"Plugin","slot":"","target":"x@1"}""", "slot", "a non-empty string")]
    [InlineData("""{"kind":"Plugin","slot":"risk[0]","target":7}""", "target", "a non-empty string")]
    [InlineData("""[1,2]""", "(body)", "a JSON object")]
    [InlineData("""{"kind":""", "(body)", "a JSON object (the body is not valid JSON)")]
    public async Task Swap_BadBody_Is400NamingTheFieldAndWhatWasExpected(string body, string field, string expected)
    {
        using var response = await session.SendJsonAsync(HttpMethod.Post, "api/strategies/alpha/swap", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(field, problem.RootElement.GetProperty("field").GetString());
        Assert.Equal(expected, problem.RootElement.GetProperty("expected").GetString());
    }

    [Fact]
    public async Task Decisions_PagedAfterASequence_ReturnsTheNextPageAndWhereToContinue()
    {
        var first = await session.ReadAsync<DecisionPage>(await session.Client.GetAsync("api/strategies/alpha/decisions?limit=2"));
        var second = await session.ReadAsync<DecisionPage>(await session.Client.GetAsync($"api/strategies/alpha/decisions?after={first.NextAfter}&limit=2"));
        var empty = await session.ReadAsync<DecisionPage>(await session.Client.GetAsync("api/strategies/alpha/decisions?after=50"));

        Assert.Equal([10L, 20], first.Decisions.Select(decision => decision.Sequence));
        Assert.Equal(20, first.NextAfter);
        Assert.Equal([30L, 40], second.Decisions.Select(decision => decision.Sequence));
        Assert.Equal(3, second.Decisions[0].Record.GetProperty("index").GetInt32());
        Assert.Empty(empty.Decisions);
        Assert.Equal(50, empty.NextAfter);
    }

    [Theory]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=1001", "limit")]
    [InlineData("limit=ten", "limit")]
    [InlineData("after=-1", "after")]
    public async Task Decisions_BadPaging_Is400NamingTheParameter(string query, string field)
    {
        using var response = await session.Client.GetAsync("api/strategies/alpha/decisions?" + query);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(field, problem.RootElement.GetProperty("field").GetString());
    }

    [Fact]
    public async Task ProfitLoss_Report_SumsEveryStrategyIntoTheTotal()
    {
        var report = await session.ReadAsync<ProfitLossReport>(await session.Client.GetAsync("api/pnl"));
        var alpha = await session.ReadAsync<StrategyProfitLoss>(await session.Client.GetAsync("api/strategies/alpha/pnl"));

        Assert.Equal(["alpha", "beta"], report.Strategies.Select(entry => entry.Strategy));
        Assert.Equal(new ProfitLossTotal(100.5m, 700m, 30.25m, 5.5m, 15800.5m), report.Total);
        Assert.Equal(report.Strategies[0], alpha);
    }

    [Fact]
    public async Task PositionsAndOrders_AcrossStrategies_ListEveryStrategysEntries()
    {
        var positions = await session.ReadAsync<List<PositionSummary>>(await session.Client.GetAsync("api/positions"));
        var orders = await session.ReadAsync<List<OrderSummary>>(await session.Client.GetAsync("api/orders"));

        Assert.Equal([("alpha", "BTCUSDT", 0.5m), ("alpha", "ETHUSDT", -2m)], positions.Select(position => (position.Strategy, position.Symbol, position.Quantity)));
        var order = Assert.Single(orders);
        Assert.Equal(OrderStatus.Filled, order.Status);
        Assert.Equal(OrderType.Market, order.Type);
    }

    [Fact]
    public async Task PluginsAndExperts_AreListedWithTheirStates()
    {
        var plugins = await session.ReadAsync<List<PluginSummary>>(await session.Client.GetAsync("api/plugins"));
        var experts = await session.ReadAsync<List<ExpertSummary>>(await session.Client.GetAsync("api/experts"));

        Assert.Equal("threw InvalidOperationException in Assess", plugins.Single(plugin => plugin.State == "Faulted").Error);
        Assert.Equal(["set-a", "set-b"], experts.Select(expert => expert.ExpertSet));
    }

    [Fact]
    public async Task KillSwitch_EngageThenRelease_IsReportedEachTime()
    {
        var before = await session.ReadAsync<KillSwitchState>(await session.Client.GetAsync("api/kill-switch"));
        var engaged = await session.ReadAsync<KillSwitchState>(await session.SendJsonAsync(HttpMethod.Post, "api/kill-switch/engage", """{"reason":"exchange outage"}"""));
        var whileEngaged = await session.ReadAsync<KillSwitchState>(await session.Client.GetAsync("api/kill-switch"));
        var released = await session.ReadAsync<KillSwitchState>(await session.Client.PostAsync("api/kill-switch/release", null));

        Assert.False(before.Engaged);
        Assert.Equal(new KillSwitchState(true, "exchange outage", InMemoryEngineControl.Now), engaged);
        Assert.Equal(engaged, whileEngaged);
        Assert.False(released.Engaged);
    }

    [Fact]
    public async Task KillSwitch_EngageWithoutReason_Is400NamingReason()
    {
        using var response = await session.SendJsonAsync(HttpMethod.Post, "api/kill-switch/engage", "{}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("\"field\":\"reason\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Split_ConfigureReadPromote_EndsWithTheCandidateInProduction()
    {
        var configured = await session.ReadAsync<SplitStatus>(await session.SendJsonAsync(HttpMethod.Put, "api/strategies/alpha/ab",
            """{"mode":"HashPercentage","controlSet":"set-a","candidateSet":"set-b","candidatePercentage":25}"""));
        var read = await session.ReadAsync<SplitStatus>(await session.Client.GetAsync("api/strategies/alpha/ab"));
        var promoted = await session.ReadAsync<SplitStatus>(await session.Client.PostAsync("api/strategies/alpha/ab/promote", null));
        var strategy = await session.ReadAsync<StrategySummary>(await session.Client.GetAsync("api/strategies/alpha"));

        Assert.Equal(new SplitConfiguration(SplitMode.HashPercentage, "set-a", "set-b", null, 25m), configured.Configuration);
        Assert.Equal([SplitRole.Control, SplitRole.Candidate], read.Sets.Select(set => set.Role));
        Assert.Equal(-3.25m, read.Sets[1].RealizedProfitLoss);
        Assert.Null(promoted.Configuration);
        Assert.Contains(new SlotVersion("experts", "set-b", "promoted"), strategy.Slots);
    }

    [Fact]
    public async Task Split_Rollback_EndsTheSplitAndASecondRollbackIs409()
    {
        (await session.SendJsonAsync(HttpMethod.Put, "api/strategies/beta/ab", """{"mode":"Shadow","controlSet":"set-a","candidateSet":"set-b"}""")).Dispose();

        var rolledBack = await session.ReadAsync<SplitStatus>(await session.Client.PostAsync("api/strategies/beta/ab/rollback", null));
        using var again = await session.Client.PostAsync("api/strategies/beta/ab/rollback", null);

        Assert.Null(rolledBack.Configuration);
        Assert.Empty(rolledBack.Sets);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
    }

    [Theory]
    [InlineData("""{"mode":"BySymbol","controlSet":"a","candidateSet":"b"}""", "candidateSymbols")]
    [InlineData("""{"mode":"BySymbol","controlSet":"a","candidateSet":"b","candidateSymbols":["BTCUSDT",""]}""", "candidateSymbols")]
    [InlineData("""{"mode":"HashPercentage","controlSet":"a","candidateSet":"b","candidatePercentage":100}""", "candidatePercentage")]
    [InlineData("""{"mode":"HashPercentage","controlSet":"a","candidateSet":"b","candidatePercentage":"25"}""", "candidatePercentage")]
    [InlineData("""{"mode":"Shadow","controlSet":"a","candidateSet":"a"}""", "candidateSet")]
    [InlineData("""{"mode":"Shadow","controlSet":"a","candidateSet":"b","candidateSymbols":["X"]}""", "candidateSymbols")]
    [InlineData("""{"mode":"Sideways","controlSet":"a","candidateSet":"b"}""", "mode")]
    [InlineData("""{"mode":"Shadow","candidateSet":"b"}""", "controlSet")]
    public async Task Split_InvalidConfiguration_Is400NamingTheFieldAndKeepsTheOldSplit(string body, string field)
    {
        using var response = await session.SendJsonAsync(HttpMethod.Put, "api/strategies/alpha/ab", body);
        var split = await session.ReadAsync<SplitStatus>(await session.Client.GetAsync("api/strategies/alpha/ab"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(field, problem.RootElement.GetProperty("field").GetString());
        Assert.Null(split.Configuration);
    }

    [Fact]
    public async Task Split_BySymbolForAnUnknownStrategy_Is404()
    {
        using var response = await session.SendJsonAsync(HttpMethod.Put, "api/strategies/nobody/ab", """{"mode":"BySymbol","controlSet":"a","candidateSet":"b","candidateSymbols":["BTCUSDT"]}""");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("\"strategy\":\"nobody\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}

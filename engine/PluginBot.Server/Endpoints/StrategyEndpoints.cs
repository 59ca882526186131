using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using PluginBot.Server.Contracts;

namespace PluginBot.Server.Endpoints;

/// <summary>Strategies and what they hold: list, pause, resume, flatten, swap, positions, orders, P&amp;L and decisions.</summary>
internal static class StrategyEndpoints
{
    /// <summary>Upper bound of a decision page, so one request cannot make the host serialise its whole audit trail.</summary>
    public const int MaximumDecisionPage = 1000;

    private const int DefaultDecisionPage = 100;

    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/strategies", (IEngineControl engine, CancellationToken token) => engine.ListStrategiesAsync(token));
        api.MapGet("/strategies/{strategy}", (string strategy, IEngineControl engine, CancellationToken token) => engine.GetStrategyAsync(strategy, token));
        api.MapPost("/strategies/{strategy}/pause", (string strategy, IEngineControl engine, CancellationToken token) => engine.PauseAsync(strategy, token));
        api.MapPost("/strategies/{strategy}/resume", (string strategy, IEngineControl engine, CancellationToken token) => engine.ResumeAsync(strategy, token));
        api.MapPost("/strategies/{strategy}/flatten", (string strategy, IEngineControl engine, CancellationToken token) => engine.FlattenAsync(strategy, token));
        api.MapPost("/strategies/{strategy}/swap", SwapAsync);
        api.MapGet("/strategies/{strategy}/positions", (string strategy, IEngineControl engine, CancellationToken token) => engine.GetPositionsAsync(strategy, token));
        api.MapGet("/strategies/{strategy}/orders", (string strategy, IEngineControl engine, CancellationToken token) => engine.GetOrdersAsync(strategy, token));
        api.MapGet("/strategies/{strategy}/pnl", (string strategy, IEngineControl engine, CancellationToken token) => engine.GetProfitLossAsync(strategy, token));
        api.MapGet("/strategies/{strategy}/decisions", DecisionsAsync);
        api.MapGet("/plugins", (IEngineControl engine, CancellationToken token) => engine.ListPluginsAsync(token));
        api.MapGet("/experts", (IEngineControl engine, CancellationToken token) => engine.ListExpertsAsync(token));
        api.MapGet("/positions", AllPositionsAsync);
        api.MapGet("/orders", AllOrdersAsync);
        api.MapGet("/pnl", ProfitLossReportAsync);
    }

    private static async Task<IResult> SwapAsync(string strategy, HttpRequest request, IEngineControl engine, CancellationToken token)
    {
        var body = await JsonBody.ReadAsync(request, token);
        var swap = new SwapRequest(body.RequiredEnum<SwapKind>("kind"), body.RequiredString("slot"), body.RequiredString("target"));
        var result = await engine.SwapAsync(strategy, swap, token);

        // A failed warm-up is still a swap record, but not a success: 422 lets clients branch on the status alone.
        return result.Succeeded ? Results.Json(result, ControlApiJson.Options) : Results.Json(result, ControlApiJson.Options, statusCode: StatusCodes.Status422UnprocessableEntity);
    }

    private static async Task<DecisionPage> DecisionsAsync(string strategy, HttpRequest request, IEngineControl engine, CancellationToken token)
    {
        var after = ReadQuery(request, "after", 0L, 0L, long.MaxValue, "a whole number of at least 0");
        var limit = (int)ReadQuery(request, "limit", DefaultDecisionPage, 1, MaximumDecisionPage,
            string.Create(CultureInfo.InvariantCulture, $"a whole number from 1 to {MaximumDecisionPage}"));
        var decisions = await engine.GetDecisionsAsync(strategy, after, limit, token);
        return new DecisionPage(strategy, decisions, decisions.Count == 0 ? after : decisions[^1].Sequence);
    }

    private static async Task<IReadOnlyList<PositionSummary>> AllPositionsAsync(IEngineControl engine, CancellationToken token)
    {
        var positions = new List<PositionSummary>();
        foreach (var strategy in await engine.ListStrategiesAsync(token))
        {
            positions.AddRange(await engine.GetPositionsAsync(strategy.Name, token));
        }

        return positions;
    }

    private static async Task<IReadOnlyList<OrderSummary>> AllOrdersAsync(IEngineControl engine, CancellationToken token)
    {
        var orders = new List<OrderSummary>();
        foreach (var strategy in await engine.ListStrategiesAsync(token))
        {
            orders.AddRange(await engine.GetOrdersAsync(strategy.Name, token));
        }

        return orders;
    }

    private static async Task<ProfitLossReport> ProfitLossReportAsync(IEngineControl engine, CancellationToken token)
    {
        var perStrategy = new List<StrategyProfitLoss>();
        foreach (var strategy in await engine.ListStrategiesAsync(token))
        {
            perStrategy.Add(await engine.GetProfitLossAsync(strategy.Name, token));
        }

        var total = new ProfitLossTotal(
            perStrategy.Sum(entry => entry.Realized),
            perStrategy.Sum(entry => entry.Unrealized),
            perStrategy.Sum(entry => entry.Daily),
            perStrategy.Sum(entry => entry.Fees),
            perStrategy.Sum(entry => entry.Equity));
        return new ProfitLossReport(perStrategy, total);
    }

    private static long ReadQuery(HttpRequest request, string name, long fallback, long minimum, long maximum, string expected)
    {
        var text = request.Query[name].ToString();
        if (text.Length == 0)
        {
            return fallback;
        }

        if (!long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < minimum || value > maximum)
        {
            throw new RequestProblem(name, expected);
        }

        return value;
    }
}

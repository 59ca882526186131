using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using PluginBot.Server.Contracts;

namespace PluginBot.Server.Endpoints;

/// <summary>A/B splits of a strategy between expert sets: read, configure, promote the candidate, roll it back.</summary>
internal static class SplitEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/strategies/{strategy}/ab", (string strategy, IEngineControl engine, CancellationToken token) => engine.GetSplitAsync(strategy, token));
        api.MapPut("/strategies/{strategy}/ab", ConfigureAsync);
        api.MapPost("/strategies/{strategy}/ab/promote", (string strategy, IEngineControl engine, CancellationToken token) => engine.PromoteCandidateAsync(strategy, token));
        api.MapPost("/strategies/{strategy}/ab/rollback", (string strategy, IEngineControl engine, CancellationToken token) => engine.RollbackCandidateAsync(strategy, token));
    }

    private static async Task<SplitStatus> ConfigureAsync(string strategy, HttpRequest request, IEngineControl engine, CancellationToken token)
    {
        var body = await JsonBody.ReadAsync(request, token);
        return await engine.ConfigureSplitAsync(strategy, Read(body), token);
    }

    /// <summary>Checks every rule a split must satisfy before the host sees it, so the host never half-applies a bad one.</summary>
    internal static SplitConfiguration Read(JsonBody body)
    {
        var mode = body.RequiredEnum<SplitMode>("mode");
        var control = body.RequiredString("controlSet");
        var candidate = body.RequiredString("candidateSet");
        if (string.Equals(control, candidate, StringComparison.Ordinal))
        {
            throw new RequestProblem("candidateSet", "an expert set other than the control set");
        }

        var symbols = body.OptionalStringList("candidateSymbols");
        var percentage = body.OptionalDecimal("candidatePercentage");
        switch (mode)
        {
            case SplitMode.BySymbol when symbols is null || symbols.Count == 0:
                throw new RequestProblem("candidateSymbols", "at least one symbol for mode BySymbol");
            case SplitMode.BySymbol when percentage is not null:
                throw new RequestProblem("candidatePercentage", "no percentage for mode BySymbol");
            case SplitMode.HashPercentage when percentage is null or <= 0 or >= 100:
                throw new RequestProblem("candidatePercentage", "a number above 0 and below 100 for mode HashPercentage");
            case SplitMode.HashPercentage or SplitMode.Shadow when symbols is not null:
                throw new RequestProblem("candidateSymbols", string.Create(CultureInfo.InvariantCulture, $"no symbol list for mode {mode}"));
            case SplitMode.Shadow when percentage is not null:
                throw new RequestProblem("candidatePercentage", "no percentage for mode Shadow");
        }

        return new SplitConfiguration(mode, control, candidate, symbols, percentage);
    }
}

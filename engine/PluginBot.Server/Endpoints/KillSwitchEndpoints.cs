using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace PluginBot.Server.Endpoints;

/// <summary>The host-wide kill switch.</summary>
internal static class KillSwitchEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/kill-switch", (IEngineControl engine, CancellationToken token) => engine.GetKillSwitchAsync(token));
        api.MapPost("/kill-switch/engage", async (HttpRequest request, IEngineControl engine, CancellationToken token) =>
        {
            // A reason is required: whoever releases the switch later needs to know why it was pulled.
            var body = await JsonBody.ReadAsync(request, token);
            return await engine.EngageKillSwitchAsync(body.RequiredString("reason"), token);
        });
        api.MapPost("/kill-switch/release", (IEngineControl engine, CancellationToken token) => engine.ReleaseKillSwitchAsync(token));
    }
}

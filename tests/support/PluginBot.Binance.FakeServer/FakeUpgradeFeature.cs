using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace PluginBot.Binance.FakeServer;

/// <summary>
/// Sits in front of Kestrel's HTTP/1.1 upgrade so the WebSocket the middleware builds runs over a
/// <see cref="FakeSilenceableStream"/>; the stream is left in the request's items for the connection to find.
/// </summary>
internal sealed class FakeUpgradeFeature(IHttpUpgradeFeature inner, HttpContext context) : IHttpUpgradeFeature
{
    /// <summary>The key under which the upgraded stream is stored in <see cref="HttpContext.Items"/>.</summary>
    public const string StreamItem = "fake-binance-silenceable-stream";

    public bool IsUpgradableRequest => inner.IsUpgradableRequest;

    public async Task<Stream> UpgradeAsync()
    {
        var stream = new FakeSilenceableStream(await inner.UpgradeAsync());
        context.Items[StreamItem] = stream;
        return stream;
    }
}

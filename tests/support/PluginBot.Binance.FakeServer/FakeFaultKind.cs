namespace PluginBot.Binance.FakeServer;

/// <summary>What an injected HTTP fault does.</summary>
public enum FakeFaultKind
{
    /// <summary>Answer with the given status without executing the request (429, 418, 503 before processing).</summary>
    FailBeforeExecuting = 1,

    /// <summary>Execute the request, then answer with the given 5xx status: the client cannot know it happened.</summary>
    FailAfterExecuting = 2,

    /// <summary>Execute the request, then drop the connection without an answer: the client sees a transport failure.</summary>
    DropResponse = 3,
}

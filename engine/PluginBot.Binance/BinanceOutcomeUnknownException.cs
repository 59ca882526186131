namespace PluginBot.Binance;

/// <summary>
/// A state-changing request (new order, cancel) was sent but no answer came back: a timeout, a dropped connection or
/// a 5xx, which Binance documents as "execution status unknown". The order may or may not exist, so it must be looked
/// up by its client order id before anything is resent.
/// </summary>
public sealed class BinanceOutcomeUnknownException : Exception
{
    /// <summary>Creates the exception.</summary>
    public BinanceOutcomeUnknownException(string endpoint, Exception? innerException)
        : base($"Binance {endpoint}: no answer, the outcome is unknown ({innerException?.GetType().Name ?? "no response"})", innerException)
    {
        Endpoint = endpoint;
    }

    /// <summary>Method and path of the request.</summary>
    public string Endpoint { get; }
}

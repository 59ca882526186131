namespace PluginBot.Binance.Tests;

/// <summary>Polls a condition the streams make true from their own threads, failing with a message instead of hanging.</summary>
internal static class StreamWait
{
    public static async Task UntilAsync(Func<bool> condition, string what, int timeoutMilliseconds = 10000)
    {
        for (var waited = 0; !condition(); waited += 10)
        {
            if (waited > timeoutMilliseconds)
            {
                throw new TimeoutException($"timed out waiting for {what}");
            }

            await Task.Delay(10);
        }
    }
}

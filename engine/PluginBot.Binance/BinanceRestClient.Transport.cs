using System.Globalization;
using System.Net;
using System.Text.Json;

namespace PluginBot.Binance;

/// <summary>The transport: signing, the single in-flight request, limits, retries and error parsing.</summary>
public sealed partial class BinanceRestClient
{
    /// <summary>Sends one request to <paramref name="endpoint"/>; internal so tests can send an endpoint whose weight is deliberately wrong.</summary>
    internal async Task<JsonDocument> SendAsync(BinanceEndpoint endpoint, List<KeyValuePair<string, string>> parameters, bool repeatable, CancellationToken cancellationToken)
    {
        var resynchronized = false;
        for (var attempt = 1; ; attempt++)
        {
            HttpResponseMessage? response;
            string body;

            // One request at a time: a 429/418 answer then holds back every later request, including ones another
            // task (the user stream's listen key, a reconciliation) wanted to send while this one was in flight.
            await requestGate.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                var window = await RateLimiter.AcquireAsync(endpoint, cancellationToken).ConfigureAwait(false);
                using var request = BuildRequest(endpoint, parameters);
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                timeout.CancelAfter(options.RequestTimeout);
                try
                {
                    response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, timeout.Token).ConfigureAwait(false);
                    body = await response.Content.ReadAsStringAsync(timeout.Token).ConfigureAwait(false);
                }
                catch (Exception exception) when (exception is HttpRequestException or IOException || (exception is OperationCanceledException && !cancellationToken.IsCancellationRequested))
                {
                    if (!repeatable)
                    {
                        options.Logger?.Warning($"Binance {endpoint}: no answer ({exception.GetType().Name}); the outcome is unknown.");
                        throw new BinanceOutcomeUnknownException(endpoint.ToString(), exception);
                    }

                    if (attempt >= options.MaximumAttempts)
                    {
                        throw;
                    }

                    options.Logger?.Warning($"Binance {endpoint}: no answer ({exception.GetType().Name}), attempt {attempt} of {options.MaximumAttempts}; retrying.");
                    response = null;
                    body = string.Empty;
                }

                if (response is not null)
                {
                    RateLimiter.OnResponse(window, HeaderNumber(response, "X-MBX-USED-WEIGHT-1M"), HeaderNumber(response, "X-MBX-ORDER-COUNT-10S"));
                    if (response.StatusCode is HttpStatusCode.TooManyRequests or (HttpStatusCode)418)
                    {
                        RateLimiter.OnRetryAfter(TimeSpan.FromSeconds(HeaderNumber(response, "Retry-After") ?? 60), response.StatusCode != HttpStatusCode.TooManyRequests);
                    }
                }
            }
            finally
            {
                requestGate.Release();
            }

            if (response is null)
            {
                await options.Clock.DelayAsync(Backoff(attempt), cancellationToken).ConfigureAwait(false);
                continue;
            }

            using (response)
            {
                var status = (int)response.StatusCode;
                if (response.IsSuccessStatusCode)
                {
                    return JsonDocument.Parse(body);
                }

                if (response.StatusCode is HttpStatusCode.TooManyRequests or (HttpStatusCode)418)
                {
                    if (attempt < options.MaximumAttempts)
                    {
                        continue;
                    }

                    throw ParseError(response.StatusCode, body, endpoint);
                }

                if (status >= 500)
                {
                    if (!repeatable)
                    {
                        options.Logger?.Warning($"Binance {endpoint}: HTTP {status}; the outcome is unknown.");
                        throw new BinanceOutcomeUnknownException(endpoint.ToString(), ParseError(response.StatusCode, body, endpoint));
                    }

                    if (attempt < options.MaximumAttempts)
                    {
                        options.Logger?.Warning($"Binance {endpoint}: HTTP {status}, attempt {attempt} of {options.MaximumAttempts}; retrying.");
                        await options.Clock.DelayAsync(Backoff(attempt), cancellationToken).ConfigureAwait(false);
                        continue;
                    }
                }

                var error = ParseError(response.StatusCode, body, endpoint);
                if (error.Code == ClockErrorCode && !resynchronized && endpoint != Endpoints.ServerTime)
                {
                    // The request was refused, not executed, so resending after correcting the clock is safe.
                    resynchronized = true;
                    options.Logger?.Warning($"Binance {endpoint}: timestamp outside recvWindow; resynchronising the clock.");
                    await SynchronizeTimeAsync(cancellationToken).ConfigureAwait(false);
                    continue;
                }

                options.Logger?.Warning(error.Message);
                throw error;
            }
        }
    }

    private HttpRequestMessage BuildRequest(BinanceEndpoint endpoint, List<KeyValuePair<string, string>> parameters)
    {
        var query = BuildQuery(parameters);
        if (endpoint.Signed)
        {
            var credentials = options.Credentials ?? throw new InvalidOperationException($"{endpoint} needs API credentials; none were configured.");
            var timestamp = (options.Clock.UtcNow + RateLimiter.ServerOffset).ToUnixTimeMilliseconds();
            var signedPart = string.Create(CultureInfo.InvariantCulture, $"recvWindow={(long)options.ReceiveWindow.TotalMilliseconds}&timestamp={timestamp}");
            query = query.Length == 0 ? signedPart : $"{query}&{signedPart}";
            query = $"{query}&signature={BinanceRequestSigner.Sign(credentials.ApiSecret, query)}";
        }

        var builder = new UriBuilder(new Uri(options.BaseAddress, endpoint.Path)) { Query = query };
        var request = new HttpRequestMessage(endpoint.Method, builder.Uri);
        if (endpoint.NeedsApiKey)
        {
            var credentials = options.Credentials ?? throw new InvalidOperationException($"{endpoint} needs an API key; none was configured.");
            request.Headers.TryAddWithoutValidation("X-MBX-APIKEY", credentials.ApiKey);
        }

        return request;
    }

    private static TimeSpan Backoff(int attempt) => TimeSpan.FromMilliseconds(Math.Min(2000, 50 * (1 << Math.Min(attempt, 6))));

    private static int? HeaderNumber(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values)
        && int.TryParse(values.FirstOrDefault(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) ? number : null;

    private static BinanceApiException ParseError(HttpStatusCode status, string body, BinanceEndpoint endpoint)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("code", out var code)
                && document.RootElement.TryGetProperty("msg", out var message))
            {
                return new BinanceApiException(status, code.GetInt32(), message.GetString() ?? string.Empty, endpoint.ToString());
            }
        }
        catch (JsonException)
        {
            // Not JSON (a proxy's HTML page, an empty 5xx body): the status alone is reported below.
        }

        return new BinanceApiException(status, 0, $"HTTP {(int)status} without a Binance error body", endpoint.ToString());
    }
}

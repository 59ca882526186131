using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace PluginBot.Server;

/// <summary>
/// Lets a request through only with <c>Authorization: Bearer &lt;token&gt;</c>. Both tokens are hashed with SHA-256
/// and the digests compared in constant time, so neither the token's characters nor its length leak through timing.
/// A refusal is a bare 401 with <c>WWW-Authenticate: Bearer</c>: no body telling a caller what was wrong.
/// </summary>
internal sealed partial class BearerTokenGate
{
    private const string Scheme = "Bearer ";
    private readonly byte[] expectedDigest;
    private readonly ILogger logger;

    public BearerTokenGate(string token, ILogger logger)
    {
        expectedDigest = SHA256.HashData(Encoding.UTF8.GetBytes(token));
        this.logger = logger;
    }

    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var header = context.Request.Headers.Authorization.ToString();
        if (!header.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase))
        {
            Refuse(context, "no bearer token");
            return;
        }

        var offered = SHA256.HashData(Encoding.UTF8.GetBytes(header[Scheme.Length..].Trim()));
        if (!CryptographicOperations.FixedTimeEquals(offered, expectedDigest))
        {
            // The offered value is not logged: a near miss of the real token is a secret too.
            Refuse(context, "a wrong bearer token");
            return;
        }

        await next(context);
    }

    private void Refuse(HttpContext context, string problem)
    {
        LogRefused(logger, context.Request.Method, context.Request.Path.Value ?? "/", problem);
        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
        context.Response.Headers.WWWAuthenticate = "Bearer";
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused {Method} {Path}: the request carried {Problem}")]
    private static partial void LogRefused(ILogger logger, string method, string path, string problem);
}

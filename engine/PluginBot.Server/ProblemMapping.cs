using Microsoft.AspNetCore.Http;

namespace PluginBot.Server;

/// <summary>
/// Turns the exceptions of the control contract into RFC 7807 problem responses: 400 naming the field and what was
/// expected, 404 naming the unknown strategy, 409 with the host's reason. Anything else is a server fault and is left
/// to the host's 500 handling.
/// </summary>
internal static class ProblemMapping
{
    public static async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        IResult? problem;
        try
        {
            await next(context);
            return;
        }
        catch (RequestProblem exception)
        {
            problem = Results.Problem(
                title: "Invalid request",
                detail: exception.Message,
                statusCode: StatusCodes.Status400BadRequest,
                extensions: new Dictionary<string, object?> { ["field"] = exception.Field, ["expected"] = exception.Expected });
        }
        catch (StrategyNotFoundException exception)
        {
            problem = Results.Problem(
                title: "Unknown strategy",
                detail: exception.Message,
                statusCode: StatusCodes.Status404NotFound,
                extensions: new Dictionary<string, object?> { ["strategy"] = exception.Strategy });
        }
        catch (EngineControlException exception)
        {
            problem = Results.Problem(title: "Refused by the engine", detail: exception.Message, statusCode: StatusCodes.Status409Conflict);
        }

        await problem.ExecuteAsync(context);
    }
}

using System.CommandLine;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace PluginBot.Cli.Commands;

/// <summary>
/// <c>pluginbot status|swap|pause|resume|flatten|ab</c>: clients of a running host's control API. They speak plain
/// HTTP + JSON (no reference to the server assembly), so the CLI works against any host version that keeps the routes.
/// Register every command of <see cref="CreateAll"/> on the root command.
/// </summary>
internal static class ControlCommands
{
    /// <summary>Where <c>pluginbot run</c> serves the API unless told otherwise.</summary>
    public const string DefaultUrl = "http://127.0.0.1:5317";

    /// <summary>Read when --token is not given; the same variable the server reads.</summary>
    public const string TokenEnvironmentVariable = "PLUGINBOT_API_TOKEN";

    private const int FailureExitCode = 1;
    private const int BadInputExitCode = 2;

    /// <summary>Every control command, each a top-level command of <c>pluginbot</c>.</summary>
    public static IReadOnlyList<Command> CreateAll() =>
        [CreateStatus(), CreateSwap(), CreateStateChange("pause", "Stop a strategy from sending new orders"),
            CreateStateChange("resume", "Let a paused strategy trade again"), CreateFlatten(), CreateSplit()];

    private static Command CreateStatus()
    {
        var connection = new Connection();
        var strategy = new Argument<string?>("STRATEGY") { Description = "Show one strategy with its positions and orders", Arity = ArgumentArity.ZeroOrOne };
        var command = connection.AddTo(new Command("status", "Show the strategies of a running host, their P&L and the kill switch") { strategy });
        command.SetAction((parse, cancellation) => connection.RunAsync(parse, cancellation, async (client, output) =>
        {
            var name = parse.GetValue(strategy);
            if (name is not null)
            {
                var path = "api/strategies/" + Uri.EscapeDataString(name);
                var summary = await client.SendAsync(HttpMethod.Get, path, null, cancellation);
                var positions = await client.SendAsync(HttpMethod.Get, path + "/positions", null, cancellation);
                var orders = await client.SendAsync(HttpMethod.Get, path + "/orders", null, cancellation);
                var pnl = await client.SendAsync(HttpMethod.Get, path + "/pnl", null, cancellation);
                if (output.Json(new JsonObject { ["strategy"] = summary, ["pnl"] = pnl, ["positions"] = positions, ["orders"] = orders }))
                {
                    return 0;
                }

                output.Line($"{Text(summary, "name")}: {Text(summary, "state")}   {Versions(summary)}");
                output.Table(["REALIZED", "UNREALIZED", "DAILY", "FEES", "EQUITY"], [[Text(pnl, "realized"), Text(pnl, "unrealized"), Text(pnl, "daily"), Text(pnl, "fees"), Text(pnl, "equity")]]);
                output.Table(["SYMBOL", "QUANTITY", "AVERAGE", "MARKET", "UNREALIZED"], Items(positions).Select(position =>
                    new[] { Text(position, "symbol"), Text(position, "quantity"), Text(position, "averagePrice"), Text(position, "marketPrice"), Text(position, "unrealizedProfitLoss") }));
                output.Table(["ORDER", "SYMBOL", "SIDE", "TYPE", "QUANTITY", "FILLED", "STATUS"], Items(orders).Select(order =>
                    new[] { Text(order, "clientOrderId"), Text(order, "symbol"), Text(order, "side"), Text(order, "type"), Text(order, "quantity"), Text(order, "filledQuantity"), Text(order, "status") }));
                return 0;
            }

            var strategies = await client.SendAsync(HttpMethod.Get, "api/strategies", null, cancellation);
            var report = await client.SendAsync(HttpMethod.Get, "api/pnl", null, cancellation);
            var killSwitch = await client.SendAsync(HttpMethod.Get, "api/kill-switch", null, cancellation);
            if (output.Json(new JsonObject { ["strategies"] = strategies, ["pnl"] = report, ["killSwitch"] = killSwitch }))
            {
                return 0;
            }

            var profitByName = Items(report?["strategies"]).ToDictionary(entry => Text(entry, "strategy"), StringComparer.Ordinal);
            output.Table(["STRATEGY", "STATE", "REALIZED", "UNREALIZED", "DAILY", "EQUITY", "VERSIONS"], Items(strategies).Select(entry =>
            {
                var profit = profitByName.GetValueOrDefault(Text(entry, "name"));
                return new[] { Text(entry, "name"), Text(entry, "state"), Text(profit, "realized"), Text(profit, "unrealized"), Text(profit, "daily"), Text(profit, "equity"), Versions(entry) };
            }));
            var total = report?["total"];
            output.Line($"total: realized {Text(total, "realized")}, unrealized {Text(total, "unrealized")}, daily {Text(total, "daily")}, equity {Text(total, "equity")}");
            output.Line(killSwitch?["engaged"]?.GetValue<bool>() == true
                ? $"kill switch: ENGAGED since {Text(killSwitch, "since")} ({Text(killSwitch, "reason")})"
                : "kill switch: released");
            return 0;
        }));
        return command;
    }

    private static Command CreateSwap()
    {
        var connection = new Connection();
        var strategy = new Argument<string>("STRATEGY") { Description = "The strategy" };
        var slot = new Argument<string>("SLOT") { Description = "The slot to replace, for example risk[0] or strategy" };
        var target = new Argument<string>("TARGET") { Description = "plugin-id@version, a script file or an expert set, by --kind" };
        var kind = new Option<string>("--kind") { Description = "What to swap in", DefaultValueFactory = _ => "plugin" };
        kind.AcceptOnlyFromAmong("plugin", "script", "expert-set");
        var command = connection.AddTo(new Command("swap", "Hot-swap a plugin, script or expert set of a running strategy") { strategy, slot, target, kind });
        command.SetAction((parse, cancellation) => connection.RunAsync(parse, cancellation, async (client, output) =>
        {
            var body = new JsonObject
            {
                ["kind"] = parse.GetValue(kind) switch { "script" => "Script", "expert-set" => "ExpertSet", _ => "Plugin" },
                ["slot"] = parse.GetValue(slot),
                ["target"] = parse.GetValue(target),
            };
            var record = await client.SendAsync(HttpMethod.Post, StrategyPath(parse.GetValue(strategy)!, "swap"), body, cancellation, acceptUnprocessable: true);
            if (output.Json(record))
            {
                return record?["succeeded"]?.GetValue<bool>() == true ? 0 : FailureExitCode;
            }

            if (record?["succeeded"]?.GetValue<bool>() != true)
            {
                output.Error($"error: the swap of {Text(record, "slot")} to {Text(record, "toVersion")} failed: {Text(record, "error")}; {Text(record, "fromVersion")} keeps running");
                return FailureExitCode;
            }

            var note = record["note"] is null ? string.Empty : $" ({Text(record, "note")})";
            output.Line($"swapped {Text(record, "slot")}: {Text(record, "fromVersion")} -> {Text(record, "toVersion")}{note}");
            return 0;
        }));
        return command;
    }

    private static Command CreateStateChange(string verb, string description)
    {
        var connection = new Connection();
        var strategy = new Argument<string>("STRATEGY") { Description = "The strategy" };
        var command = connection.AddTo(new Command(verb, description) { strategy });
        command.SetAction((parse, cancellation) => connection.RunAsync(parse, cancellation, async (client, output) =>
        {
            var summary = await client.SendAsync(HttpMethod.Post, StrategyPath(parse.GetValue(strategy)!, verb), null, cancellation);
            if (!output.Json(summary))
            {
                output.Line($"{Text(summary, "name")}: {Text(summary, "state")}");
            }

            return 0;
        }));
        return command;
    }

    private static Command CreateFlatten()
    {
        var connection = new Connection();
        var strategy = new Argument<string>("STRATEGY") { Description = "The strategy" };
        var command = connection.AddTo(new Command("flatten", "Cancel a strategy's working orders and close its positions") { strategy });
        command.SetAction((parse, cancellation) => connection.RunAsync(parse, cancellation, async (client, output) =>
        {
            var result = await client.SendAsync(HttpMethod.Post, StrategyPath(parse.GetValue(strategy)!, "flatten"), null, cancellation);
            if (!output.Json(result))
            {
                var orders = Items(result?["clientOrderIds"]).Select(id => id!.GetValue<string>()).ToList();
                output.Line(orders.Count == 0
                    ? $"{Text(result, "strategy")}: already flat"
                    : $"{Text(result, "strategy")}: sent {orders.Count} closing order(s): {string.Join(", ", orders)}");
            }

            return 0;
        }));
        return command;
    }

    private static Command CreateSplit()
    {
        var show = SplitAction("show", "Show a strategy's A/B split and per-set statistics", HttpMethod.Get, string.Empty);
        var promote = SplitAction("promote", "Make the candidate set the only set", HttpMethod.Post, "/promote");
        var rollback = SplitAction("rollback", "Drop the candidate set; the control set keeps trading", HttpMethod.Post, "/rollback");

        var connection = new Connection();
        var strategy = new Argument<string>("STRATEGY") { Description = "The strategy" };
        var mode = new Option<string>("--mode") { Description = "by-symbol, hash or shadow", Required = true };
        mode.AcceptOnlyFromAmong("by-symbol", "hash", "shadow");
        var control = new Option<string>("--control") { Description = "The expert set in production", Required = true };
        var candidate = new Option<string>("--candidate") { Description = "The expert set under test", Required = true };
        var symbols = new Option<string?>("--symbols") { Description = "by-symbol: comma-separated symbols the candidate trades" };
        var percentage = new Option<decimal?>("--percentage") { Description = "hash: percentage of decisions the candidate trades, above 0 and below 100" };
        var configure = connection.AddTo(new Command("configure", "Start or change an A/B split") { strategy, mode, control, candidate, symbols, percentage });
        configure.SetAction((parse, cancellation) => connection.RunAsync(parse, cancellation, async (client, output) =>
        {
            var body = new JsonObject
            {
                ["mode"] = parse.GetValue(mode) switch { "by-symbol" => "BySymbol", "hash" => "HashPercentage", _ => "Shadow" },
                ["controlSet"] = parse.GetValue(control),
                ["candidateSet"] = parse.GetValue(candidate),
                ["candidatePercentage"] = parse.GetValue(percentage),
            };
            if (parse.GetValue(symbols) is { } list)
            {
                body["candidateSymbols"] = new JsonArray(list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(symbol => (JsonNode?)symbol).ToArray());
            }

            PrintSplit(output, await client.SendAsync(HttpMethod.Put, StrategyPath(parse.GetValue(strategy)!, "ab"), body, cancellation));
            return 0;
        }));
        return new Command("ab", "Work with a strategy's A/B split between expert sets") { show, configure, promote, rollback };
    }

    private static Command SplitAction(string name, string description, HttpMethod method, string suffix)
    {
        var connection = new Connection();
        var strategy = new Argument<string>("STRATEGY") { Description = "The strategy" };
        var command = connection.AddTo(new Command(name, description) { strategy });
        command.SetAction((parse, cancellation) => connection.RunAsync(parse, cancellation, async (client, output) =>
        {
            PrintSplit(output, await client.SendAsync(method, StrategyPath(parse.GetValue(strategy)!, "ab") + suffix, null, cancellation));
            return 0;
        }));
        return command;
    }

    private static void PrintSplit(Output output, JsonNode? status)
    {
        if (output.Json(status))
        {
            return;
        }

        var configuration = status?["configuration"];
        if (configuration is null)
        {
            output.Line($"{Text(status, "strategy")}: no A/B split");
            return;
        }

        var detail = Text(configuration, "mode") switch
        {
            "BySymbol" => " symbols " + string.Join(",", Items(configuration["candidateSymbols"]).Select(symbol => symbol!.GetValue<string>())),
            "HashPercentage" => $" {Text(configuration, "candidatePercentage")}% of decisions",
            _ => string.Empty,
        };
        output.Line($"{Text(status, "strategy")}: {Text(configuration, "mode")}{detail}, control {Text(configuration, "controlSet")}, candidate {Text(configuration, "candidateSet")}");
        output.Table(["SET", "ROLE", "DECISIONS", "TRADES", "WINS", "REALIZED"], Items(status?["sets"]).Select(set =>
            new[] { Text(set, "expertSet"), Text(set, "role"), Text(set, "decisions"), Text(set, "trades"), Text(set, "winningTrades"), Text(set, "realizedProfitLoss") }));
    }

    private static string StrategyPath(string strategy, string action) => $"api/strategies/{Uri.EscapeDataString(strategy)}/{action}";

    private static string Versions(JsonNode? strategy) =>
        string.Join(" ", Items(strategy?["slots"]).Select(slot => $"{Text(slot, "slot")}={Text(slot, "plugin")}@{Text(slot, "version")}"));

    private static IEnumerable<JsonNode?> Items(JsonNode? node) => node is JsonArray array ? array : [];

    private static string Text(JsonNode? node, string property) => node?[property] switch
    {
        null => "-",
        JsonValue value when value.TryGetValue<string>(out var text) => text,
        var other => other.ToJsonString(),
    };

    /// <summary>The options every control command shares, and the error handling around one command's requests.</summary>
    private sealed class Connection
    {
        private readonly Option<string> url = new("--url") { Description = "The control API of the running host", DefaultValueFactory = _ => DefaultUrl };
        private readonly Option<string?> token = new("--token") { Description = $"The API token (default: ${TokenEnvironmentVariable})" };
        private readonly Option<bool> json = new("--json") { Description = "Print the API's JSON instead of tables" };

        public Command AddTo(Command command)
        {
            command.Options.Add(url);
            command.Options.Add(token);
            command.Options.Add(json);
            return command;
        }

        public async Task<int> RunAsync(ParseResult parse, CancellationToken cancellation, Func<Client, Output, Task<int>> action)
        {
            var output = new Output(parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error, parse.GetValue(json));
            var secret = parse.GetValue(token) ?? Environment.GetEnvironmentVariable(TokenEnvironmentVariable);
            if (string.IsNullOrWhiteSpace(secret))
            {
                output.Error($"error: no API token: pass --token or set {TokenEnvironmentVariable}");
                return BadInputExitCode;
            }

            var address = parse.GetValue(url)!;
            if (!Uri.TryCreate(address.EndsWith('/') ? address : address + "/", UriKind.Absolute, out var baseAddress) || baseAddress.Scheme is not ("http" or "https"))
            {
                output.Error($"error: --url {address} is not an http(s) URL");
                return BadInputExitCode;
            }

            using var http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret.Trim());
            try
            {
                return await action(new Client(http), output);
            }
            catch (HttpRequestException exception) when (exception.InnerException is SocketException { SocketErrorCode: SocketError.ConnectionRefused })
            {
                output.Error($"error: cannot connect to the control API at {baseAddress} (connection refused): is `pluginbot run` running, and is --url right?");
            }
            catch (HttpRequestException exception)
            {
                output.Error($"error: the control API at {baseAddress} could not be reached: {exception.Message}");
            }
            catch (ApiFailure failure)
            {
                output.Error(failure.StatusCode == HttpStatusCode.Unauthorized
                    ? $"error: the control API at {baseAddress} refused the token (401 Unauthorized): pass the host's token with --token or {TokenEnvironmentVariable}"
                    : $"error: {failure.Message}");
            }

            return FailureExitCode;
        }
    }

    /// <summary>Sends one request and turns a refusal into an <see cref="ApiFailure"/> carrying the server's problem text.</summary>
    private sealed class Client(HttpClient http)
    {
        public async Task<JsonNode?> SendAsync(HttpMethod method, string path, JsonNode? body, CancellationToken cancellation, bool acceptUnprocessable = false)
        {
            using var request = new HttpRequestMessage(method, path);
            if (body is not null)
            {
                request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
            }

            using var response = await http.SendAsync(request, cancellation);
            var text = await response.Content.ReadAsStringAsync(cancellation);
            var node = text.Length == 0 ? null : JsonNode.Parse(text);
            if (response.IsSuccessStatusCode || (acceptUnprocessable && response.StatusCode == HttpStatusCode.UnprocessableEntity))
            {
                return node;
            }

            var status = string.Create(CultureInfo.InvariantCulture, $"{(int)response.StatusCode} {response.ReasonPhrase}");
            throw new ApiFailure(response.StatusCode, node?["detail"] is null ? $"the control API answered {status} to {method} /{path}" : $"{Text(node, "detail")} ({status})");
        }
    }

    private sealed class ApiFailure(HttpStatusCode statusCode, string message) : Exception(message)
    {
        public HttpStatusCode StatusCode { get; } = statusCode;
    }

    /// <summary>Where a command writes: aligned tables for people, the API's JSON with --json for scripts.</summary>
    private sealed class Output(TextWriter output, TextWriter error, bool json)
    {
        private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

        public bool Json(JsonNode? node)
        {
            if (json)
            {
                output.WriteLine(node?.ToJsonString(Indented) ?? "null");
            }

            return json;
        }

        public void Line(string text) => output.WriteLine(text);

        public void Error(string text) => error.WriteLine(text);

        public void Table(string[] headers, IEnumerable<string[]> rows)
        {
            var all = rows.Prepend(headers).ToList();
            if (all.Count == 1)
            {
                output.WriteLine($"({headers[0].ToLowerInvariant()}: none)");
                return;
            }

            var widths = headers.Select((_, column) => all.Max(row => row[column].Length)).ToArray();
            foreach (var row in all)
            {
                output.WriteLine(string.Join("  ", row.Select((cell, column) => column == row.Length - 1 ? cell : cell.PadRight(widths[column]))).TrimEnd());
            }
        }
    }
}

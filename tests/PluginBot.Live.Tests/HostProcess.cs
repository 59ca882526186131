using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using PluginBot.Server;

namespace PluginBot.Live.Tests;

/// <summary>A running <c>pluginbot run</c> process: its output lines, its control API and a hard kill.</summary>
internal sealed class HostProcess : IDisposable
{
    public const string Token = "integration-test-token-0123456789";
    private readonly Process process;
    private readonly ConcurrentQueue<string> lines = new();

    private HostProcess(Process process)
    {
        this.process = process;
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { lines.Enqueue(e.Data); } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lines.Enqueue("stderr: " + e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public HttpClient Api { get; private set; } = new();

    public IReadOnlyList<string> Lines => lines.ToArray();

    public int Id => process.Id;

    public static HostProcess Start(string workingDirectory, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "pluginbot.dll"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["PLUGINBOT_API_TOKEN"] = Token;
        start.Environment["COLUMNS"] = "160";
        return new HostProcess(Process.Start(start)!);
    }

    /// <summary>Waits for the line announcing the API and points <see cref="Api"/> at it, authenticated.</summary>
    public void WaitUntilListening(TimeSpan timeout)
    {
        var line = WaitForLine(text => text.StartsWith("pluginbot run: control API listening on ", StringComparison.Ordinal), timeout);
        var address = new Uri(line["pluginbot run: control API listening on ".Length..]);
        Api = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(60) };
        Api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token);
    }

    public string WaitForLine(Func<string, bool> match, TimeSpan timeout)
    {
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < timeout)
        {
            var found = lines.FirstOrDefault(match);
            if (found is not null)
            {
                return found;
            }

            if (process.HasExited && !lines.Any(match))
            {
                Thread.Sleep(200);
                throw new InvalidOperationException($"pluginbot exited with {process.ExitCode}:\n{string.Join('\n', lines)}");
            }

            Thread.Sleep(50);
        }

        throw new TimeoutException($"no matching line within {timeout}:\n{string.Join('\n', lines)}");
    }

    public T Get<T>(string path) => Send<T>(HttpMethod.Get, path, null);

    public T Post<T>(string path, object? body = null) => Send<T>(HttpMethod.Post, path, body);

    public T Put<T>(string path, object body) => Send<T>(HttpMethod.Put, path, body);

    public int WaitForExit(TimeSpan timeout)
    {
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"pluginbot did not exit within {timeout}:\n{string.Join('\n', lines)}");
        }

        process.WaitForExit();
        return process.ExitCode;
    }

    /// <summary>SIGKILL: no handler, no flush, no goodbye — what a power cut does to the process.</summary>
    public void KillHard()
    {
        process.Kill(entireProcessTree: true);
        process.WaitForExit();
    }

    public void Dispose()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }

        process.Dispose();
        Api.Dispose();
    }

    private T Send<T>(HttpMethod method, string path, object? body)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body, body.GetType(), options: ControlApiJson.Options);
        }

        using var response = Api.Send(request);
        var text = response.Content.ReadAsStringAsync().GetAwaiter().GetResult();
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"{method} {path}: {(int)response.StatusCode} {text}");
        }

        return JsonSerializer.Deserialize<T>(text, ControlApiJson.Options)!;
    }
}

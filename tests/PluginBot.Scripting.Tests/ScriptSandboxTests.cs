namespace PluginBot.Scripting.Tests;

public sealed class ScriptSandboxTests
{
    private const string Marker = "/*escape*/";

    /// <summary>
    /// Escape attempts: a case name, the script, the expected diagnostic id and the fully qualified symbol the message
    /// must name. The offending line carries <see cref="Marker"/>, so the expected line follows the source.
    /// </summary>
    public static TheoryData<string, string, string, string> EscapeAttempts => new()
    {
        { "file read", InBody("var text = System.IO.File.ReadAllText(\"secrets.txt\");"), ScriptDiagnosticIds.FileSystem, "System.IO.File" },
        { "global-qualified file", InBody("var exists = global::System.IO.File.Exists(\"/etc/passwd\");"), ScriptDiagnosticIds.FileSystem, "System.IO.File" },
        { "using alias", WithUsing("using Files = System.IO.File;", "Files.Delete(\"positions.db\");"), ScriptDiagnosticIds.FileSystem, "System.IO.File" },
        { "using static", WithUsing("using static System.IO.File;", "Delete(\"positions.db\");"), ScriptDiagnosticIds.FileSystem, "System.IO.File" },
        { "generic argument", InBody("var files = new List<System.IO.FileInfo>();"), ScriptDiagnosticIds.FileSystem, "System.IO.FileInfo" },
        { "lambda with full name", InBody("Func<string, bool> exists = path => global::System.IO.File.Exists(path);"), ScriptDiagnosticIds.FileSystem, "System.IO.File" },
        { "http client", InBody("using var client = new System.Net.Http.HttpClient();"), ScriptDiagnosticIds.Network, "System.Net.Http.HttpClient" },
        { "socket", InBody("var socket = new System.Net.Sockets.Socket(System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Tcp);"), ScriptDiagnosticIds.Network, "System.Net.Sockets.Socket" },
        { "process start", InBody("System.Diagnostics.Process.Start(\"sh\");"), ScriptDiagnosticIds.Processes, "System.Diagnostics.Process" },
        { "type get method", InBody("var method = typeof(string).GetMethod(\"Trim\");"), ScriptDiagnosticIds.Reflection, "System.Type.GetMethod" },
        { "type get type", InBody("var type = Type.GetType(\"System.IO.File\");"), ScriptDiagnosticIds.Reflection, "System.Type.GetType" },
        { "assembly load", InBody("var assembly = System.Reflection.Assembly.Load(\"Evil\");"), ScriptDiagnosticIds.Reflection, "System.Reflection.Assembly" },
        { "activator", InBody("var instance = Activator.CreateInstance(typeof(object));"), ScriptDiagnosticIds.Reflection, "System.Activator" },
        { "reflection extension method", WithUsing("using System.Reflection;", "var methods = typeof(string).GetRuntimeMethods();"), ScriptDiagnosticIds.Reflection, "System.Reflection.RuntimeReflectionExtensions" },
        { "var inferred from allowed member", InBody("var site = new InvalidOperationException().TargetSite;"), ScriptDiagnosticIds.Reflection, "System.Reflection.MethodBase" },
        { "delegate method", InBody("Func<int> one = () => 1; var method = one.Method;"), ScriptDiagnosticIds.Reflection, "System.Reflection.MethodInfo" },
        { "assembly load context", InBody("var context = new System.Runtime.Loader.AssemblyLoadContext(\"mine\");"), ScriptDiagnosticIds.Reflection, "System.Runtime.Loader.AssemblyLoadContext" },
        { "dll import", InMembers("[System.Runtime.InteropServices.DllImport(\"libc\")] private static extern int getpid();"), ScriptDiagnosticIds.NativeCode, "System.Runtime.InteropServices.DllImportAttribute" },
        { "extern method", InMembers("[System.Runtime.InteropServices.DllImport(\"libc\")] private static extern int getpid();"), ScriptDiagnosticIds.NativeCode, "extern" },
        { "marshal", InBody("var memory = System.Runtime.InteropServices.Marshal.AllocHGlobal(1024);"), ScriptDiagnosticIds.NativeCode, "System.Runtime.InteropServices.Marshal" },
        { "native library", InBody("var handle = System.Runtime.InteropServices.NativeLibrary.Load(\"libc.so.6\");"), ScriptDiagnosticIds.NativeCode, "System.Runtime.InteropServices.NativeLibrary" },
        { "unsafe cast", InBody("var text = System.Runtime.CompilerServices.Unsafe.As<string>(new object());"), ScriptDiagnosticIds.NativeCode, "System.Runtime.CompilerServices.Unsafe" },
        { "unsafe pointer", InMembers("private static unsafe int Read(int* pointer) => *pointer;"), ScriptDiagnosticIds.UnsafeCode, "unsafe" },
        { "pointer type", InMembers("private static unsafe int Read(int* pointer) => *pointer;"), ScriptDiagnosticIds.UnsafeCode, "int*" },
        { "thread", InBody("var thread = new System.Threading.Thread(() => { });"), ScriptDiagnosticIds.Threading, "System.Threading.Thread" },
        { "task run", InBody("System.Threading.Tasks.Task.Run(() => { });"), ScriptDiagnosticIds.Threading, "System.Threading.Tasks.Task" },
        { "async", InMembers("private async System.Threading.Tasks.Task WaitAsync() { await System.Threading.Tasks.Task.Yield(); }"), ScriptDiagnosticIds.Threading, "async" },
        { "thread pool", InBody("System.Threading.ThreadPool.QueueUserWorkItem(_ => { });"), ScriptDiagnosticIds.Threading, "System.Threading.ThreadPool" },
        { "lock", InBody("lock (this) { }"), ScriptDiagnosticIds.Threading, "lock" },
        { "environment variable", InBody("var key = Environment.GetEnvironmentVariable(\"API_KEY\");"), ScriptDiagnosticIds.Environment, "System.Environment" },
        { "environment exit", InBody("Environment.Exit(1);"), ScriptDiagnosticIds.Environment, "System.Environment" },
        { "app context switch", InBody("AppContext.SetSwitch(\"Switch\", true);"), ScriptDiagnosticIds.Environment, "System.AppContext" },
        { "dynamic", InBody("dynamic value = bar; var close = value.Close;"), ScriptDiagnosticIds.Dynamic, "dynamic" },
        { "garbage collector", InBody("GC.Collect();"), ScriptDiagnosticIds.Runtime, "System.GC" },
        { "app domain", InBody("var domain = AppDomain.CurrentDomain;"), ScriptDiagnosticIds.Runtime, "System.AppDomain" },
        { "console", InBody("Console.WriteLine(bar.Close);"), ScriptDiagnosticIds.Console, "System.Console" },
        { "date time now", InBody("var now = DateTime.Now;"), ScriptDiagnosticIds.WallClock, "System.DateTime.Now" },
        { "date time offset utc now", InBody("var now = DateTimeOffset.UtcNow;"), ScriptDiagnosticIds.WallClock, "System.DateTimeOffset.UtcNow" },
        { "stopwatch", InBody("var watch = System.Diagnostics.Stopwatch.StartNew();"), ScriptDiagnosticIds.WallClock, "System.Diagnostics.Stopwatch" },
        { "random", InBody("var random = new Random(42);"), ScriptDiagnosticIds.Randomness, "System.Random" },
        { "module initializer attribute", InMembers("[System.Runtime.CompilerServices.ModuleInitializer] internal static void RunAtLoad() { }"), ScriptDiagnosticIds.NotAllowed, "System.Runtime.CompilerServices.ModuleInitializerAttribute" },
        { "serializer off the allow-list", InBody("var json = System.Text.Json.JsonSerializer.Serialize(1);"), ScriptDiagnosticIds.NotAllowed, "System.Text.Json.JsonSerializer" },
        { "goto loop", InBody("again: goto again;"), ScriptDiagnosticIds.UnbudgetedCode, "goto" },
        { "closing its own budget", InBody("PluginBot.Scripting.Runtime.ScriptBudget.End();"), ScriptDiagnosticIds.UnbudgetedCode, "PluginBot.Scripting.Runtime.ScriptBudget.End" },
        { "finalizer", InMembers("~TestStrategy() { }"), ScriptDiagnosticIds.UnbudgetedCode, "finalizer ~TestStrategy" },
        { "script compiler itself", InBody("var compiler = new PluginBot.Scripting.ScriptCompiler();"), ScriptDiagnosticIds.NotAllowed, "PluginBot.Scripting.ScriptCompiler" },
    };

    [Theory]
    [MemberData(nameof(EscapeAttempts))]
    public void Compile_EscapeAttempt_IsRejectedNamingTheForbiddenSymbolOnItsLine(string caseName, string source, string expectedId, string expectedSymbol)
    {
        var result = TestScripts.Compile(source, "Escape");

        Assert.False(result.Success, caseName);
        Assert.Null(result.AssemblyBytes);
        var expectedLine = LineOf(source, Marker);
        Assert.True(
            result.Diagnostics.Any(diagnostic => diagnostic.Id == expectedId && diagnostic.Line == expectedLine
                && diagnostic.Message.StartsWith($"'{expectedSymbol}' is not", StringComparison.Ordinal)),
            $"{caseName}: expected {expectedId} naming '{expectedSymbol}' on line {expectedLine}, got:{Environment.NewLine}{result.FormatDiagnostics()}");
    }

    [Fact]
    public void Compile_FileAccess_MessageSaysWhyInCompilerFormat()
    {
        var source = InBody("var text = System.IO.File.ReadAllText(\"secrets.txt\");");

        var diagnostic = Assert.Single(TestScripts.Compile(source, "Escape").Diagnostics, diagnostic => diagnostic.Id.StartsWith("PBS", StringComparison.Ordinal));

        // Column 20 is where "System.IO.File" starts on the line (after 8 spaces of indentation and "var text = ").
        Assert.Equal(
            $"{TestScripts.PathFor("Escape")}:13:20: error PBS0001: 'System.IO.File' is not allowed in scripts: file system access; a script sees only the market data the engine hands it",
            diagnostic.ToString());
    }

    [Fact]
    public void Compile_AliasToForbiddenType_IsReportedAtTheAliasAndAtTheUse()
    {
        var source = WithUsing("using Files = System.IO.File;", "Files.Delete(\"positions.db\");");

        var lines = TestScripts.Compile(source, "Escape").Diagnostics.Where(diagnostic => diagnostic.Id == ScriptDiagnosticIds.FileSystem).Select(diagnostic => diagnostic.Line);

        Assert.Equal([1, LineOf(source, Marker)], lines);
    }

    [Fact]
    public void Compile_ScriptUsingOnlyAllowedApis_PassesTheSandbox()
    {
        var source = """
            using System.Globalization;
            using System.Text;
            using PluginBot.Scripting.Runtime;

            public sealed record Level(decimal Price, int Touches);

            public sealed class AllowedEverything : IStrategy
            {
                private readonly List<decimal> closes = [];
                private readonly Dictionary<string, int> counts = new();
                private IClock? clock;

                public void Initialize(IPluginContext context) => clock = context.Clock;

                public Signal OnBar(in Bar bar)
                {
                    ScriptBudget.Tick();
                    closes.Add(bar.Close);
                    counts[bar.Symbol] = counts.GetValueOrDefault(bar.Symbol) + 1;
                    var recent = closes.TakeLast(3).Select(close => (double)close).ToArray();
                    ReadOnlySpan<double> span = recent.AsSpan();
                    var (minimum, maximum) = (Math.Min(span[0], span[^1]), MathF.Max(1f, 2f));
                    var text = new StringBuilder().Append(bar.Close.ToString(CultureInfo.InvariantCulture)).Append($" {typeof(Bar).Name}").ToString();
                    var age = (clock?.UtcNow ?? bar.EndTime) - bar.StartTime;
                    var level = new Level(bar.Close, counts[bar.Symbol]) with { Touches = 2 };
                    var average = new SimpleMovingAverage(2);
                    average.Update(minimum);
                    return text.Length > 0 && age >= TimeSpan.Zero && level.Touches == 2 && maximum > 0 && bar.StartTime.DayOfWeek != DayOfWeek.Sunday
                        ? Signal.Long(Math.Clamp(average.Value / 100, 0, 1), TimeSpan.FromMinutes(5))
                        : Signal.Hold;
                }
            }
            """;

        var result = TestScripts.Compile(source, "Allowed");

        Assert.True(result.Success, result.FormatDiagnostics());
        Assert.DoesNotContain(result.Diagnostics, diagnostic => diagnostic.Id.StartsWith("PBS", StringComparison.Ordinal));
    }

    private static string InBody(string statement) => TestScripts.Strategy(statement + " " + Marker + Environment.NewLine + "        return Signal.Hold;");

    private static string InMembers(string member) => TestScripts.Strategy("return Signal.Hold;", "    " + member + " " + Marker);

    private static string WithUsing(string usingDirective, string statement) => usingDirective + Environment.NewLine + InBody(statement);

    private static int LineOf(string source, string text)
    {
        var lines = source.Split('\n');
        var index = Array.FindIndex(lines, line => line.Contains(text, StringComparison.Ordinal));
        Assert.True(index >= 0, $"marker {text} not found");
        return index + 1;
    }
}

namespace PluginBot.Scripting;

/// <summary>
/// The ids of the diagnostics the script compiler adds to the C# compiler's own. Each forbidden area has its own id so
/// a user (or a test) can tell at a glance why something was refused, and documentation can explain each one.
/// </summary>
public static class ScriptDiagnosticIds
{
    /// <summary>File system access (System.IO).</summary>
    public const string FileSystem = "PBS0001";

    /// <summary>Network access (System.Net).</summary>
    public const string Network = "PBS0002";

    /// <summary>Starting or inspecting processes, and other System.Diagnostics facilities.</summary>
    public const string Processes = "PBS0003";

    /// <summary>Reflection, dynamic loading and run-time code generation.</summary>
    public const string Reflection = "PBS0004";

    /// <summary>Native code: P/Invoke, extern methods, Marshal, native libraries, raw memory.</summary>
    public const string NativeCode = "PBS0005";

    /// <summary>Unsafe code: the unsafe keyword, pointers, fixed, function pointers.</summary>
    public const string UnsafeCode = "PBS0006";

    /// <summary>Threads, tasks, async/await, locks and timers.</summary>
    public const string Threading = "PBS0007";

    /// <summary>The process environment and AppContext.</summary>
    public const string Environment = "PBS0008";

    /// <summary>The dynamic type (late binding).</summary>
    public const string Dynamic = "PBS0009";

    /// <summary>The garbage collector and the AppDomain.</summary>
    public const string Runtime = "PBS0010";

    /// <summary>Console input and output.</summary>
    public const string Console = "PBS0011";

    /// <summary>Wall-clock time: scripts must take time from the injected clock.</summary>
    public const string WallClock = "PBS0012";

    /// <summary>Unseeded randomness.</summary>
    public const string Randomness = "PBS0013";

    /// <summary>Control flow the time budget cannot observe (goto) or code that runs outside any event (finalizers).</summary>
    public const string UnbudgetedCode = "PBS0014";

    /// <summary>A symbol that is not on the scripts allow-list and has no more specific rule.</summary>
    public const string NotAllowed = "PBS0099";

    /// <summary>The script declares no usable strategy class.</summary>
    public const string MissingEntryType = "PBS0100";

    /// <summary>The script declares more than one strategy class, so the host cannot tell which one to run.</summary>
    public const string AmbiguousEntryType = "PBS0101";
}

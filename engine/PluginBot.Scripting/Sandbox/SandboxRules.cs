namespace PluginBot.Scripting.Sandbox;

/// <summary>
/// The scripts allow-list and the specific reasons for the most likely escapes. Everything a script references is
/// judged by the type (or member) it resolves to, never by how it was spelled, so aliases, <c>global::</c> and fully
/// qualified names cannot get around it.
/// </summary>
/// <remarks>
/// The order of the checks matters: a forbidden type rule wins over an allowed namespace (System.Random lives in
/// System), an allowed namespace wins over a forbidden prefix (System.Diagnostics.CodeAnalysis attributes are fine,
/// the rest of System.Diagnostics is not), and anything left over gets the generic "not on the allow-list" rule.
/// </remarks>
internal static class SandboxRules
{
    public static readonly SandboxRule FileSystem = new(ScriptDiagnosticIds.FileSystem, "file system access; a script sees only the market data the engine hands it");
    public static readonly SandboxRule Network = new(ScriptDiagnosticIds.Network, "network access; market data and orders go through the engine");
    public static readonly SandboxRule Processes = new(ScriptDiagnosticIds.Processes, "process and diagnostics control (processes, debugger, tracing)");
    public static readonly SandboxRule Reflection = new(ScriptDiagnosticIds.Reflection, "reflection and dynamic loading could reach anything the sandbox forbids");
    public static readonly SandboxRule NativeCode = new(ScriptDiagnosticIds.NativeCode, "native code and raw memory (P/Invoke, Marshal, native libraries) escape the managed sandbox");
    public static readonly SandboxRule UnsafeCode = new(ScriptDiagnosticIds.UnsafeCode, "unsafe code and pointers can corrupt the engine's memory");
    public static readonly SandboxRule Threading = new(ScriptDiagnosticIds.Threading, "threads, tasks, async and locks; a script runs synchronously on its strategy's event thread");
    public static readonly SandboxRule Environment = new(ScriptDiagnosticIds.Environment, "the process environment and AppContext are process-wide; settings come from IPluginContext.Settings");
    public static readonly SandboxRule Dynamic = new(ScriptDiagnosticIds.Dynamic, "dynamic binds at run time, beyond the compile-time sandbox");
    public static readonly SandboxRule Runtime = new(ScriptDiagnosticIds.Runtime, "the garbage collector and the AppDomain are process-wide");
    public static readonly SandboxRule Console = new(ScriptDiagnosticIds.Console, "console input and output; log through IPluginContext.Log");
    public static readonly SandboxRule WallClock = new(ScriptDiagnosticIds.WallClock, "wall-clock time breaks backtests; time must come from the injected clock (IPluginContext.Clock)");
    public static readonly SandboxRule Randomness = new(ScriptDiagnosticIds.Randomness, "unseeded randomness makes runs irreproducible; derive decisions from the data");
    public static readonly SandboxRule UnbudgetedCode = new(ScriptDiagnosticIds.UnbudgetedCode, "the per-event time budget cannot observe it");
    public static readonly SandboxRule NotAllowed = new(ScriptDiagnosticIds.NotAllowed, null);

    /// <summary>Types forbidden wherever they live, keyed by namespace-qualified metadata name (nested types match their outer type).</summary>
    private static readonly Dictionary<string, SandboxRule> ForbiddenTypes = new(StringComparer.Ordinal)
    {
        ["System.Random"] = Randomness,
        ["System.Environment"] = Environment,
        ["System.AppContext"] = Environment,
        ["System.GC"] = Runtime,
        ["System.AppDomain"] = Runtime,
        ["System.Console"] = Console,
        ["System.Activator"] = Reflection,
        ["System.TimeProvider"] = WallClock,
        ["System.Diagnostics.Stopwatch"] = WallClock,
        ["System.Diagnostics.Process"] = Processes,
        ["System.Diagnostics.Debugger"] = Processes,
        ["System.Runtime.CompilerServices.Unsafe"] = NativeCode,
        ["System.Runtime.CompilerServices.RuntimeHelpers"] = Reflection,
    };

    /// <summary>Members forbidden on otherwise allowed types.</summary>
    private static readonly Dictionary<string, SandboxRule> ForbiddenMembers = new(StringComparer.Ordinal)
    {
        ["System.DateTime.Now"] = WallClock,
        ["System.DateTime.UtcNow"] = WallClock,
        ["System.DateTime.Today"] = WallClock,
        ["System.DateTimeOffset.Now"] = WallClock,
        ["System.DateTimeOffset.UtcNow"] = WallClock,

        // The engine opens and closes the budget; a script that could do so would switch off its own time limit.
        ["PluginBot.Scripting.Runtime.ScriptBudget.Begin"] = UnbudgetedCode,
        ["PluginBot.Scripting.Runtime.ScriptBudget.End"] = UnbudgetedCode,
    };

    /// <summary>
    /// What a script may do with a <see cref="Type"/> (which <c>typeof</c> and <c>GetType()</c> hand out): name it and
    /// compare it. Everything else on Type is the door to reflection.
    /// </summary>
    private static readonly HashSet<string> AllowedTypeMembers = new(StringComparer.Ordinal)
    {
        "Name", "FullName", "Namespace", "ToString", "Equals", "GetHashCode", "op_Equality", "op_Inequality",
    };

    /// <summary>Namespaces whose forbidden status is decided by prefix (the namespace itself and everything below it).</summary>
    private static readonly (string Prefix, SandboxRule Rule)[] ForbiddenNamespaces =
    [
        ("System.IO", FileSystem),
        ("System.Net", Network),
        ("System.Diagnostics", Processes),
        ("System.Reflection", Reflection),
        ("System.Runtime.Loader", Reflection),
        ("System.Linq.Expressions", Reflection),
        ("System.Runtime.InteropServices", NativeCode),
        ("System.Threading", Threading),
        ("System.Timers", Threading),
        ("Microsoft.CSharp", Dynamic),
    ];

    /// <summary>Namespaces allowed as a whole (exactly these, not their children).</summary>
    private static readonly HashSet<string> AllowedNamespaces = new(StringComparer.Ordinal)
    {
        "System.Collections.Generic",
        "System.Linq",
        "System.Numerics",
        "System.Diagnostics.CodeAnalysis",
        "PluginBot.Scripting.Runtime",
    };

    /// <summary>Namespace roots allowed with everything below them: the contracts scripts are written against.</summary>
    private static readonly string[] AllowedNamespaceRoots = ["PluginBot.Sdk", "PluginBot.Indicators"];

    /// <summary>Allowed types outside the allowed namespaces, by namespace-qualified name without generic arity.</summary>
    private static readonly HashSet<string> AllowedTypes = new(StringComparer.Ordinal)
    {
        "System.Object", "System.ValueType", "System.Void", "System.Enum", "System.String", "System.Boolean", "System.Char",
        "System.SByte", "System.Byte", "System.Int16", "System.UInt16", "System.Int32", "System.UInt32", "System.Int64",
        "System.UInt64", "System.Int128", "System.UInt128", "System.IntPtr", "System.UIntPtr", "System.Half", "System.Single",
        "System.Double", "System.Decimal", "System.DateTime", "System.DateTimeOffset", "System.DateTimeKind", "System.DayOfWeek",
        "System.DateOnly", "System.TimeOnly", "System.TimeSpan", "System.Guid", "System.Math", "System.MathF", "System.MidpointRounding",
        "System.Array", "System.ArraySegment", "System.Span", "System.ReadOnlySpan", "System.Memory", "System.ReadOnlyMemory",
        "System.MemoryExtensions", "System.Nullable", "System.Tuple", "System.ValueTuple", "System.Index", "System.Range",
        "System.Func", "System.Action", "System.Predicate", "System.Comparison", "System.Converter",
        "System.IComparable", "System.IEquatable", "System.IFormattable", "System.IFormatProvider", "System.IDisposable",
        "System.StringComparison", "System.StringComparer", "System.StringSplitOptions", "System.Convert", "System.BitConverter",
        "System.Type", "System.FlagsAttribute", "System.ObsoleteAttribute",
        "System.Exception", "System.SystemException", "System.ArgumentException", "System.ArgumentNullException",
        "System.ArgumentOutOfRangeException", "System.InvalidOperationException", "System.NotSupportedException",
        "System.NotImplementedException", "System.ArithmeticException", "System.OverflowException", "System.DivideByZeroException",
        "System.IndexOutOfRangeException", "System.FormatException", "System.NullReferenceException", "System.InvalidCastException",
        "System.ObjectDisposedException",
        "System.Collections.IEnumerable", "System.Collections.IEnumerator",
        "System.Text.StringBuilder",
        "System.Globalization.CultureInfo", "System.Globalization.NumberStyles", "System.Globalization.DateTimeStyles",
        "System.Globalization.NumberFormatInfo",
    };

    /// <summary>Member names allowed on types that are otherwise forbidden, because they only name things.</summary>
    private static readonly HashSet<string> AllowedMembersOfForbiddenTypes = new(StringComparer.Ordinal)
    {
        "System.Reflection.MemberInfo.Name",
    };

    /// <summary>The rule a member of a referenced (non-script) type breaks by itself, or null when only its type decides.</summary>
    /// <param name="containingTypeName">The namespace-qualified metadata name of the type declaring the member.</param>
    /// <param name="memberName">The member's metadata name.</param>
    /// <param name="allowedRegardlessOfType">True when the member is allowed even though its declaring type is not.</param>
    public static SandboxRule? ClassifyMember(string containingTypeName, string memberName, out bool allowedRegardlessOfType)
    {
        var fullName = containingTypeName + "." + memberName;
        allowedRegardlessOfType = AllowedMembersOfForbiddenTypes.Contains(fullName);
        if (ForbiddenMembers.TryGetValue(fullName, out var rule))
        {
            return rule;
        }

        return containingTypeName == "System.Type" && !AllowedTypeMembers.Contains(memberName) ? Reflection : null;
    }

    /// <summary>The rule a type (given as one nesting level's namespace-qualified name) breaks, or null when no type-specific rule applies.</summary>
    public static SandboxRule? ClassifyTypeName(string fullName) => ForbiddenTypes.GetValueOrDefault(fullName);

    /// <summary>
    /// The rule an outermost type breaks by its namespace and name, or null when it is allowed.
    /// </summary>
    /// <param name="namespaceName">The type's namespace ("" for the global namespace).</param>
    /// <param name="fullNameWithoutArity">Namespace-qualified name without the generic arity suffix.</param>
    public static SandboxRule? ClassifyByNamespace(string namespaceName, string fullNameWithoutArity)
    {
        if (AllowedNamespaces.Contains(namespaceName) || AllowedNamespaceRoots.Any(root => IsSameOrBelow(namespaceName, root)))
        {
            return null;
        }

        foreach (var (prefix, rule) in ForbiddenNamespaces)
        {
            if (IsSameOrBelow(namespaceName, prefix))
            {
                return rule;
            }
        }

        return AllowedTypes.Contains(fullNameWithoutArity) ? null : NotAllowed;
    }

    private static bool IsSameOrBelow(string namespaceName, string root) =>
        namespaceName.Length >= root.Length
        && namespaceName.StartsWith(root, StringComparison.Ordinal)
        && (namespaceName.Length == root.Length || namespaceName[root.Length] == '.');
}

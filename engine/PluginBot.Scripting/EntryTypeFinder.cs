using Microsoft.CodeAnalysis;

namespace PluginBot.Scripting;

/// <summary>
/// Finds the script's strategy class. A script file has exactly one, so the user never has to name it anywhere: the
/// public, non-abstract class implementing IStrategy with a public parameterless constructor (settings arrive through
/// Initialize, as for compiled plugins).
/// </summary>
internal static class EntryTypeFinder
{
    private const string StrategyInterfaceName = "PluginBot.Sdk.Plugins.IStrategy";

    /// <summary>Returns the entry type's metadata name, or null with a diagnostic saying what is missing or ambiguous.</summary>
    public static string? Find(Compilation compilation, string filePath, List<ScriptDiagnostic> diagnostics)
    {
        var strategyInterface = compilation.GetTypeByMetadataName(StrategyInterfaceName);
        if (strategyInterface is null)
        {
            diagnostics.Add(Diagnostic(filePath, 1, 1, ScriptDiagnosticIds.MissingEntryType, $"the SDK type {StrategyInterfaceName} could not be resolved"));
            return null;
        }

        var implementations = AllTypes(compilation.Assembly.GlobalNamespace)
            .Where(type => type.TypeKind == TypeKind.Class
                && type.AllInterfaces.Any(candidate => SymbolEqualityComparer.Default.Equals(candidate, strategyInterface)))
            .ToList();
        var usable = implementations.Where(IsUsable).ToList();
        if (usable.Count == 1)
        {
            return MetadataName(usable[0]);
        }

        if (usable.Count == 0)
        {
            var unusable = implementations.Count == 0
                ? string.Empty
                : $" ({string.Join(", ", implementations.Select(type => type.ToDisplayString()))} must be public, non-abstract, not nested in a non-public type and have a public parameterless constructor)";
            diagnostics.Add(Diagnostic(filePath, 1, 1, ScriptDiagnosticIds.MissingEntryType,
                $"the script declares no public non-abstract class implementing {StrategyInterfaceName} with a public parameterless constructor{unusable}"));
            return null;
        }

        var second = usable[1].Locations.FirstOrDefault(location => location.IsInSource)?.GetLineSpan().StartLinePosition;
        diagnostics.Add(Diagnostic(filePath, (second?.Line ?? 0) + 1, (second?.Character ?? 0) + 1, ScriptDiagnosticIds.AmbiguousEntryType,
            $"the script declares several strategy classes ({string.Join(", ", usable.Select(type => type.ToDisplayString()))}); a script must declare exactly one"));
        return null;
    }

    private static bool IsUsable(INamedTypeSymbol type)
    {
        for (var level = type; level is not null; level = level.ContainingType)
        {
            if (level.DeclaredAccessibility != Accessibility.Public)
            {
                return false;
            }
        }

        return !type.IsAbstract && !type.IsGenericType && !type.IsStatic
            && type.InstanceConstructors.Any(constructor => constructor.Parameters.Length == 0 && constructor.DeclaredAccessibility == Accessibility.Public);
    }

    private static IEnumerable<INamedTypeSymbol> AllTypes(INamespaceSymbol namespaceSymbol)
    {
        foreach (var member in namespaceSymbol.GetMembers())
        {
            if (member is INamespaceSymbol child)
            {
                foreach (var type in AllTypes(child))
                {
                    yield return type;
                }
            }
            else if (member is INamedTypeSymbol type)
            {
                foreach (var nested in WithNested(type))
                {
                    yield return nested;
                }
            }
        }
    }

    private static IEnumerable<INamedTypeSymbol> WithNested(INamedTypeSymbol type)
    {
        yield return type;
        foreach (var nested in type.GetTypeMembers().SelectMany(WithNested))
        {
            yield return nested;
        }
    }

    /// <summary>The name reflection finds the type by: "Namespace.Outer+Inner".</summary>
    private static string MetadataName(INamedTypeSymbol type)
    {
        var name = type.MetadataName;
        for (var containing = type.ContainingType; containing is not null; containing = containing.ContainingType)
        {
            name = containing.MetadataName + "+" + name;
        }

        return type.ContainingNamespace is { IsGlobalNamespace: false } ns ? ns.ToDisplayString() + "." + name : name;
    }

    private static ScriptDiagnostic Diagnostic(string filePath, int line, int column, string id, string message) =>
        new(filePath, line, column, id, ScriptDiagnostic.ErrorSeverity, message);
}

using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace PluginBot.Scripting.Sandbox;

/// <summary>
/// The compile-time sandbox: walks every node of a script's (original, uninstrumented) syntax tree, resolves what each
/// one refers to through the semantic model and reports whatever is not on the allow-list (see <see cref="SandboxRules"/>).
/// </summary>
/// <remarks>
/// Judging resolved symbols rather than text is what makes aliases, <c>using static</c>, <c>global::</c>, fully
/// qualified names, extension methods and attributes all go through the same check. Expression types and converted
/// types are checked as well, so a forbidden type cannot sneak in through <c>var</c> inference of an allowed member's
/// result or through an implicit conversion. Candidate symbols are checked too, so a call that fails overload
/// resolution still names the forbidden API it aimed at.
/// </remarks>
internal sealed class ScriptSandbox
{
    private static readonly SymbolDisplayFormat DisplayFormat = new(
        globalNamespaceStyle: SymbolDisplayGlobalNamespaceStyle.Omitted,
        typeQualificationStyle: SymbolDisplayTypeQualificationStyle.NameAndContainingTypesAndNamespaces,
        genericsOptions: SymbolDisplayGenericsOptions.IncludeTypeParameters);

    private readonly SemanticModel model;
    private readonly string filePath;
    private readonly IAssemblySymbol scriptAssembly;
    private readonly List<ScriptDiagnostic> diagnostics = [];
    private readonly HashSet<(int Line, string Id, string Name)> reported = [];

    private ScriptSandbox(SemanticModel model, string filePath)
    {
        this.model = model;
        this.filePath = filePath;
        scriptAssembly = model.Compilation.Assembly;
    }

    /// <summary>Checks the tree <paramref name="model"/> was built for; returns the violations in document order, one per line and symbol.</summary>
    public static IReadOnlyList<ScriptDiagnostic> Check(SemanticModel model, string filePath)
    {
        var sandbox = new ScriptSandbox(model, filePath);
        var root = model.SyntaxTree.GetRoot();
        foreach (var token in root.DescendantTokens())
        {
            sandbox.CheckToken(token);
        }

        foreach (var node in root.DescendantNodes())
        {
            sandbox.CheckNode(node);
        }

        return sandbox.diagnostics.OrderBy(diagnostic => diagnostic.Line).ThenBy(diagnostic => diagnostic.Column).ToList();
    }

    private void CheckToken(SyntaxToken token)
    {
        switch (token.Kind())
        {
            case SyntaxKind.UnsafeKeyword:
            case SyntaxKind.FixedKeyword:
                Report(token.GetLocation(), SandboxRules.UnsafeCode, token.Text);
                break;
            case SyntaxKind.ExternKeyword:
                Report(token.GetLocation(), SandboxRules.NativeCode, "extern");
                break;
            case SyntaxKind.AsyncKeyword:
            case SyntaxKind.AwaitKeyword:
            case SyntaxKind.LockKeyword:
                Report(token.GetLocation(), SandboxRules.Threading, token.Text);
                break;
            case SyntaxKind.GotoKeyword:
                // A backward goto is a loop without a loop body, where the budget check could not be planted.
                Report(token.GetLocation(), SandboxRules.UnbudgetedCode, "goto");
                break;
            case SyntaxKind.MinusGreaterThanToken:
                Report(token.GetLocation(), SandboxRules.UnsafeCode, "->");
                break;
        }
    }

    private void CheckNode(SyntaxNode node)
    {
        switch (node)
        {
            case DestructorDeclarationSyntax destructor:
                // Finalizers run on the garbage collector's thread, outside any event and its budget.
                Report(destructor.GetLocation(), SandboxRules.UnbudgetedCode, "finalizer ~" + destructor.Identifier.Text);
                return;
            case PointerTypeSyntax or FunctionPointerTypeSyntax:
                Report(node.GetLocation(), SandboxRules.UnsafeCode, node.ToString());
                return;
            case PrefixUnaryExpressionSyntax unary when unary.IsKind(SyntaxKind.AddressOfExpression):
                Report(node.GetLocation(), SandboxRules.UnsafeCode, "&" + unary.Operand);
                break;
        }

        if (node is not (ExpressionSyntax or AttributeSyntax or ConstructorInitializerSyntax or PrimaryConstructorBaseTypeSyntax))
        {
            return;
        }

        var location = node.GetLocation();
        var symbolInfo = model.GetSymbolInfo(node);
        CheckSymbol(symbolInfo.Symbol, location);
        foreach (var candidate in symbolInfo.CandidateSymbols)
        {
            CheckSymbol(candidate, location);
        }

        if (node is ExpressionSyntax expression)
        {
            var typeInfo = model.GetTypeInfo(expression);
            CheckType(typeInfo.Type, location);
            CheckType(typeInfo.ConvertedType, location);
            CheckSymbol(model.GetConversion(expression).MethodSymbol, location);
        }
    }

    private void CheckSymbol(ISymbol? symbol, Location location)
    {
        switch (symbol)
        {
            case null:
                return;
            case IAliasSymbol alias:
                CheckSymbol(alias.Target, location);
                return;
            case ITypeSymbol type:
                CheckType(type, location);
                return;
            case IMethodSymbol method:
                var definition = method.ReducedFrom ?? method;
                foreach (var typeArgument in method.TypeArguments)
                {
                    CheckType(typeArgument, location);
                }

                if (method.MethodKind is not (MethodKind.LocalFunction or MethodKind.AnonymousFunction))
                {
                    CheckMember(definition, location);
                }

                return;
            case IPropertySymbol or IFieldSymbol or IEventSymbol:
                CheckMember(symbol, location);
                return;
        }

        // Namespaces, locals, parameters, labels, range variables and type parameters are harmless by themselves:
        // whatever they are used for resolves to a type or member that is checked where it is used.
    }

    private void CheckMember(ISymbol member, Location location)
    {
        var containingType = member.ContainingType;
        if (containingType is null || IsScriptType(containingType))
        {
            return;
        }

        var definitionType = containingType.OriginalDefinition;
        var rule = SandboxRules.ClassifyMember(MetadataFullName(definitionType), member.MetadataName, out var allowedRegardlessOfType);
        if (rule is not null)
        {
            Report(location, rule, $"{DisplayName(definitionType)}.{member.Name}");
            return;
        }

        if (!allowedRegardlessOfType)
        {
            CheckType(containingType, location);
        }
    }

    private void CheckType(ITypeSymbol? type, Location location)
    {
        switch (type)
        {
            case null or IErrorTypeSymbol or ITypeParameterSymbol:
                return;
            case IDynamicTypeSymbol:
                Report(location, SandboxRules.Dynamic, "dynamic");
                return;
            case IPointerTypeSymbol or IFunctionPointerTypeSymbol:
                Report(location, SandboxRules.UnsafeCode, type.ToDisplayString());
                return;
            case IArrayTypeSymbol array:
                CheckType(array.ElementType, location);
                return;
            case INamedTypeSymbol named:
                CheckNamedType(named, location);
                return;
        }
    }

    private void CheckNamedType(INamedTypeSymbol type, Location location)
    {
        if (type.IsTupleType)
        {
            foreach (var element in type.TupleElements)
            {
                CheckType(element.Type, location);
            }

            return;
        }

        if (type.IsAnonymousType)
        {
            // Its property types are the types of the initializer expressions, which are checked where they are written.
            return;
        }

        for (var level = type; level is not null; level = level.ContainingType)
        {
            foreach (var typeArgument in level.TypeArguments)
            {
                CheckType(typeArgument, location);
            }
        }

        if (IsScriptType(type))
        {
            return;
        }

        for (var level = type.OriginalDefinition; level is not null; level = level.ContainingType)
        {
            var typeRule = SandboxRules.ClassifyTypeName(MetadataFullName(level));
            if (typeRule is not null)
            {
                Report(location, typeRule, DisplayName(level));
                return;
            }
        }

        var outermost = type.OriginalDefinition;
        while (outermost.ContainingType is not null)
        {
            outermost = outermost.ContainingType;
        }

        var namespaceName = NamespaceName(outermost);
        var fullNameWithoutArity = namespaceName.Length == 0 ? outermost.Name : namespaceName + "." + outermost.Name;
        var rule = SandboxRules.ClassifyByNamespace(namespaceName, fullNameWithoutArity);
        if (rule is not null)
        {
            Report(location, rule, DisplayName(type.OriginalDefinition));
        }
    }

    private bool IsScriptType(INamedTypeSymbol type) =>
        SymbolEqualityComparer.Default.Equals(type.OriginalDefinition.ContainingAssembly, scriptAssembly);

    private void Report(Location location, SandboxRule rule, string symbolName)
    {
        var position = location.GetLineSpan().StartLinePosition;
        var line = position.Line + 1;
        if (reported.Add((line, rule.Id, symbolName)))
        {
            diagnostics.Add(new ScriptDiagnostic(filePath, line, position.Character + 1, rule.Id, ScriptDiagnostic.ErrorSeverity, rule.FormatMessage(symbolName)));
        }
    }

    private static string NamespaceName(ITypeSymbol type) =>
        type.ContainingNamespace is { IsGlobalNamespace: false } containing ? containing.ToDisplayString() : string.Empty;

    /// <summary>"System.Collections.Generic.List`1": the name the rules are keyed by, unambiguous for generic arities.</summary>
    private static string MetadataFullName(INamedTypeSymbol type)
    {
        var name = type.MetadataName;
        for (var containing = type.ContainingType; containing is not null; containing = containing.ContainingType)
        {
            name = containing.MetadataName + "+" + name;
        }

        var namespaceName = NamespaceName(type);
        return namespaceName.Length == 0 ? name : namespaceName + "." + name;
    }

    /// <summary>"System.IO.File", "System.Threading.Tasks.Task&lt;TResult&gt;": how the user would write the symbol, fully qualified.</summary>
    private static string DisplayName(ITypeSymbol type) => type.ToDisplayString(DisplayFormat);
}

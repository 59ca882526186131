using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace PluginBot.Scripting.Instrumentation;

/// <summary>
/// Plants the time-budget check (<see cref="Runtime.ScriptBudget.Tick"/>) into a script before it is emitted: at the start
/// of every loop body and of every method, constructor, operator, accessor, local function, lambda and anonymous method
/// body, so no loop and no recursion can run without passing a check. Expression bodies are turned into block bodies
/// to get a place for the check, and types whose instance fields have initializers get a first initializer that checks,
/// because initializers run before the constructor body's check.
/// </summary>
/// <remarks>
/// Nothing added carries a line break, so every original token stays on its line: stack traces (through the PDB)
/// name the user's lines. Columns do shift, which is why user-facing diagnostics are always taken from the original
/// tree, never from this one. The rewriter reads the original tree's semantic model to know whether an expression body
/// returns a value (a void lambda's body becomes a statement, a value lambda's body a return).
/// </remarks>
internal sealed class BudgetInstrumenter : CSharpSyntaxRewriter
{
    private const string BudgetType = "global::PluginBot.Scripting.Runtime.ScriptBudget";
    private const string TickFieldName = "__pluginBotScriptBudgetTick";

    private readonly SemanticModel model;

    private BudgetInstrumenter(SemanticModel model)
    {
        this.model = model;
    }

    /// <summary>Returns the instrumented root of the tree <paramref name="model"/> was built for.</summary>
    public static SyntaxNode Instrument(SemanticModel model) => new BudgetInstrumenter(model).Visit(model.SyntaxTree.GetRoot());

    /// <inheritdoc />
    public override SyntaxNode? VisitBlock(BlockSyntax node)
    {
        var rewritten = (BlockSyntax)base.VisitBlock(node)!;
        var startsBody = node.Parent is BaseMethodDeclarationSyntax or AccessorDeclarationSyntax or LocalFunctionStatementSyntax
            or AnonymousFunctionExpressionSyntax;
        return startsBody ? PrependTick(rewritten) : rewritten;
    }

    /// <inheritdoc />
    public override SyntaxNode? VisitWhileStatement(WhileStatementSyntax node)
    {
        var rewritten = (WhileStatementSyntax)base.VisitWhileStatement(node)!;
        return rewritten.WithStatement(TickedLoopBody(rewritten.Statement));
    }

    /// <inheritdoc />
    public override SyntaxNode? VisitDoStatement(DoStatementSyntax node)
    {
        var rewritten = (DoStatementSyntax)base.VisitDoStatement(node)!;
        return rewritten.WithStatement(TickedLoopBody(rewritten.Statement));
    }

    /// <inheritdoc />
    public override SyntaxNode? VisitForStatement(ForStatementSyntax node)
    {
        var rewritten = (ForStatementSyntax)base.VisitForStatement(node)!;
        return rewritten.WithStatement(TickedLoopBody(rewritten.Statement));
    }

    /// <inheritdoc />
    public override SyntaxNode? VisitForEachStatement(ForEachStatementSyntax node)
    {
        var rewritten = (ForEachStatementSyntax)base.VisitForEachStatement(node)!;
        return rewritten.WithStatement(TickedLoopBody(rewritten.Statement));
    }

    /// <inheritdoc />
    public override SyntaxNode? VisitForEachVariableStatement(ForEachVariableStatementSyntax node)
    {
        var rewritten = (ForEachVariableStatementSyntax)base.VisitForEachVariableStatement(node)!;
        return rewritten.WithStatement(TickedLoopBody(rewritten.Statement));
    }

    /// <inheritdoc />
    public override SyntaxNode? VisitMethodDeclaration(MethodDeclarationSyntax node)
    {
        var returnsValue = ReturnsValue(model.GetDeclaredSymbol(node));
        return WithBlockBody((MethodDeclarationSyntax)base.VisitMethodDeclaration(node)!, returnsValue);
    }

    /// <inheritdoc />
    public override SyntaxNode? VisitLocalFunctionStatement(LocalFunctionStatementSyntax node)
    {
        var returnsValue = ReturnsValue(model.GetDeclaredSymbol(node));
        var rewritten = (LocalFunctionStatementSyntax)base.VisitLocalFunctionStatement(node)!;
        return rewritten.ExpressionBody is { } arrow && returnsValue is { } value
            ? rewritten.WithExpressionBody(null).WithSemicolonToken(default).WithBody(BlockFromArrow(arrow, rewritten.SemicolonToken, value))
            : rewritten;
    }

    /// <inheritdoc />
    public override SyntaxNode? VisitConstructorDeclaration(ConstructorDeclarationSyntax node)
    {
        return WithBlockBody((ConstructorDeclarationSyntax)base.VisitConstructorDeclaration(node)!, returnsValue: false);
    }

    /// <inheritdoc />
    public override SyntaxNode? VisitOperatorDeclaration(OperatorDeclarationSyntax node)
    {
        var returnsValue = ReturnsValue(model.GetDeclaredSymbol(node));
        return WithBlockBody((OperatorDeclarationSyntax)base.VisitOperatorDeclaration(node)!, returnsValue);
    }

    /// <inheritdoc />
    public override SyntaxNode? VisitConversionOperatorDeclaration(ConversionOperatorDeclarationSyntax node)
    {
        return WithBlockBody((ConversionOperatorDeclarationSyntax)base.VisitConversionOperatorDeclaration(node)!, returnsValue: true);
    }

    /// <inheritdoc />
    public override SyntaxNode? VisitAccessorDeclaration(AccessorDeclarationSyntax node)
    {
        var returnsValue = ReturnsValue(model.GetDeclaredSymbol(node));
        var rewritten = (AccessorDeclarationSyntax)base.VisitAccessorDeclaration(node)!;
        return rewritten.ExpressionBody is { } arrow && returnsValue is { } value
            ? rewritten.WithExpressionBody(null).WithSemicolonToken(default).WithBody(BlockFromArrow(arrow, rewritten.SemicolonToken, value))
            : rewritten;
    }

    // Methods, constructors and operators share one shape: an arrow body becomes a block that can hold the budget check.
    private static BaseMethodDeclarationSyntax WithBlockBody(BaseMethodDeclarationSyntax rewritten, bool? returnsValue) =>
        rewritten.ExpressionBody is { } arrow && returnsValue is { } value
            ? rewritten.WithExpressionBody(null).WithSemicolonToken(default).WithBody(BlockFromArrow(arrow, rewritten.SemicolonToken, value))
            : rewritten;

    /// <inheritdoc />
    public override SyntaxNode? VisitPropertyDeclaration(PropertyDeclarationSyntax node)
    {
        var rewritten = (PropertyDeclarationSyntax)base.VisitPropertyDeclaration(node)!;
        return rewritten.ExpressionBody is { } arrow
            ? rewritten.WithExpressionBody(null).WithSemicolonToken(default).WithAccessorList(GetterFromArrow(arrow, rewritten.SemicolonToken))
            : rewritten;
    }

    /// <inheritdoc />
    public override SyntaxNode? VisitIndexerDeclaration(IndexerDeclarationSyntax node)
    {
        var rewritten = (IndexerDeclarationSyntax)base.VisitIndexerDeclaration(node)!;
        return rewritten.ExpressionBody is { } arrow
            ? rewritten.WithExpressionBody(null).WithSemicolonToken(default).WithAccessorList(GetterFromArrow(arrow, rewritten.SemicolonToken))
            : rewritten;
    }

    /// <inheritdoc />
    public override SyntaxNode? VisitSimpleLambdaExpression(SimpleLambdaExpressionSyntax node)
    {
        var returnsValue = ReturnsValue(model.GetSymbolInfo(node).Symbol);
        var rewritten = (SimpleLambdaExpressionSyntax)base.VisitSimpleLambdaExpression(node)!;
        return rewritten.ExpressionBody is { } body && returnsValue is { } value
            ? rewritten.WithExpressionBody(null).WithBlock(BlockFromExpression(body, value))
            : rewritten;
    }

    /// <inheritdoc />
    public override SyntaxNode? VisitParenthesizedLambdaExpression(ParenthesizedLambdaExpressionSyntax node)
    {
        var returnsValue = ReturnsValue(model.GetSymbolInfo(node).Symbol);
        var rewritten = (ParenthesizedLambdaExpressionSyntax)base.VisitParenthesizedLambdaExpression(node)!;
        return rewritten.ExpressionBody is { } body && returnsValue is { } value
            ? rewritten.WithExpressionBody(null).WithBlock(BlockFromExpression(body, value))
            : rewritten;
    }

    /// <inheritdoc />
    public override SyntaxNode? VisitClassDeclaration(ClassDeclarationSyntax node) =>
        WithInitializerTick((TypeDeclarationSyntax)base.VisitClassDeclaration(node)!);

    /// <inheritdoc />
    public override SyntaxNode? VisitStructDeclaration(StructDeclarationSyntax node) =>
        WithInitializerTick((TypeDeclarationSyntax)base.VisitStructDeclaration(node)!);

    /// <inheritdoc />
    public override SyntaxNode? VisitRecordDeclaration(RecordDeclarationSyntax node) =>
        WithInitializerTick((TypeDeclarationSyntax)base.VisitRecordDeclaration(node)!);

    /// <summary>
    /// Adds a first instance field whose initializer checks the budget, when the type has instance initializers: they
    /// run in declaration order before any constructor body, so this check comes before any user initializer.
    /// </summary>
    private static TypeDeclarationSyntax WithInitializerTick(TypeDeclarationSyntax type)
    {
        var hasInstanceInitializer = type.Members.Any(member => member switch
        {
            FieldDeclarationSyntax field => !IsStatic(field.Modifiers) && !field.Modifiers.Any(SyntaxKind.ConstKeyword)
                && field.Declaration.Variables.Any(variable => variable.Initializer is not null),
            PropertyDeclarationSyntax property => !IsStatic(property.Modifiers) && property.Initializer is not null,
            _ => false,
        });
        if (!hasInstanceInitializer)
        {
            return type;
        }

        var field = (MemberDeclarationSyntax)SyntaxFactory.ParseMemberDeclaration(
            $"private readonly bool {TickFieldName} = {BudgetType}.TickInInitializer(); ")!;
        return type.WithMembers(type.Members.Insert(0, field));
    }

    private static bool IsStatic(SyntaxTokenList modifiers) => modifiers.Any(SyntaxKind.StaticKeyword);

    /// <summary>True/false when the symbol is a method returning a value or void; null when it could not be resolved (the body is then left alone).</summary>
    private static bool? ReturnsValue(ISymbol? symbol) => symbol is IMethodSymbol method ? !method.ReturnsVoid : null;

    private static StatementSyntax TickStatement() =>
        SyntaxFactory.ParseStatement($"{BudgetType}.Tick(); ");

    private static BlockSyntax PrependTick(BlockSyntax block) => block.WithStatements(block.Statements.Insert(0, TickStatement()));

    private static StatementSyntax TickedLoopBody(StatementSyntax body) => body is BlockSyntax block
        ? PrependTick(block)
        : SyntaxFactory.Block(TickStatement(), body);

    /// <summary>"=> expr;" becomes "{ Tick(); return expr; }" keeping the arrow's and semicolon's trivia, so no line moves.</summary>
    private static BlockSyntax BlockFromArrow(ArrowExpressionClauseSyntax arrow, SyntaxToken semicolon, bool returnsValue)
    {
        var block = BlockFromExpression(arrow.Expression, returnsValue);
        return block
            .WithOpenBraceToken(block.OpenBraceToken.WithLeadingTrivia(arrow.ArrowToken.LeadingTrivia).WithTrailingTrivia(arrow.ArrowToken.TrailingTrivia))
            .WithCloseBraceToken(block.CloseBraceToken.WithLeadingTrivia(semicolon.LeadingTrivia).WithTrailingTrivia(semicolon.TrailingTrivia));
    }

    private static AccessorListSyntax GetterFromArrow(ArrowExpressionClauseSyntax arrow, SyntaxToken semicolon)
    {
        var getter = SyntaxFactory.AccessorDeclaration(SyntaxKind.GetAccessorDeclaration, BlockFromExpression(arrow.Expression, returnsValue: true));
        return SyntaxFactory.AccessorList(
            SyntaxFactory.Token(arrow.ArrowToken.LeadingTrivia, SyntaxKind.OpenBraceToken, arrow.ArrowToken.TrailingTrivia),
            SyntaxFactory.SingletonList(getter),
            SyntaxFactory.Token(semicolon.LeadingTrivia, SyntaxKind.CloseBraceToken, semicolon.TrailingTrivia));
    }

    private static BlockSyntax BlockFromExpression(ExpressionSyntax expression, bool returnsValue)
    {
        StatementSyntax body = expression switch
        {
            ThrowExpressionSyntax thrown => SyntaxFactory.ThrowStatement(
                SyntaxFactory.Token(SyntaxFactory.TriviaList(), SyntaxKind.ThrowKeyword, SyntaxFactory.TriviaList(SyntaxFactory.Space)),
                thrown.Expression,
                SyntaxFactory.Token(SyntaxKind.SemicolonToken)),
            _ when returnsValue => SyntaxFactory.ReturnStatement(
                SyntaxFactory.Token(SyntaxFactory.TriviaList(), SyntaxKind.ReturnKeyword, SyntaxFactory.TriviaList(SyntaxFactory.Space)),
                expression,
                SyntaxFactory.Token(SyntaxKind.SemicolonToken)),
            _ => SyntaxFactory.ExpressionStatement(expression),
        };
        return SyntaxFactory.Block(TickStatement(), body);
    }
}

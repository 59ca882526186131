using System.Globalization;

namespace PluginBot.Hosting.Tests.Fixtures;

/// <summary>
/// Source text of the fixture plugins the tests share. Behaviour is deliberately visible from outside (a
/// confidence, a log line), so a test can tell which version of a plugin answered.
/// </summary>
public static class FixtureSources
{
    /// <summary>
    /// A strategy <c>{namespace}.{className}</c> that answers every bar with <c>Signal.Long(confidence)</c> and logs
    /// "ready {confidence}" when initialised.
    /// </summary>
    public static string ConstantLongStrategy(string namespaceName, string className, double confidence)
    {
        var value = confidence.ToString("R", CultureInfo.InvariantCulture);
        return $$"""
            using PluginBot.Sdk.Market;
            using PluginBot.Sdk.Plugins;
            using PluginBot.Sdk.Signals;

            namespace {{namespaceName}};

            public sealed class {{className}} : IStrategy
            {
                public void Initialize(IPluginContext context) => context.Log.Information("ready {{value}}");

                public Signal OnBar(in Bar bar) => Signal.Long({{value}});
            }
            """;
    }

    /// <summary>A strategy whose constructor throws InvalidOperationException("model file missing").</summary>
    public static string ThrowingConstructorStrategy(string namespaceName, string className) => $$"""
        using PluginBot.Sdk.Market;
        using PluginBot.Sdk.Plugins;
        using PluginBot.Sdk.Signals;

        namespace {{namespaceName}};

        public sealed class {{className}} : IStrategy
        {
            public {{className}}()
            {
                LoadModel();
            }

            public void Initialize(IPluginContext context)
            {
            }

            public Signal OnBar(in Bar bar) => Signal.Hold;

            private static void LoadModel() => throw new InvalidOperationException("model file missing");
        }
        """;

    /// <summary>
    /// A position sizer implementing the SDK's <c>IPositionSizer</c> instead of a strategy, for the "wrong interface" case.
    /// It always sizes zero.
    /// </summary>
    public static string PositionSizer(string namespaceName, string className) => $$"""
        using PluginBot.Sdk.Plugins;

        namespace {{namespaceName}};

        public sealed class {{className}} : IPositionSizer
        {
            public void Initialize(IPluginContext context)
            {
            }

            public SizingResult Size(in SizingRequest request) => SizingResult.None("fixture");
        }
        """;
}

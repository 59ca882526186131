namespace PluginBot.Cli;

/// <summary>Finds the repository's folders so the embedded defaults work from any working directory inside it.</summary>
internal static class RepositoryLayout
{
    /// <summary>The folder holding PluginBot.sln, searched upwards from the working directory and then from the executable.</summary>
    public static string? FindRoot()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "PluginBot.sln")))
                {
                    return directory.FullName;
                }
            }
        }

        return null;
    }

    /// <summary>The default strategy composition, strategies/ema-cross.json.</summary>
    public static string DefaultStrategy() =>
        FindRoot() is { } root
            ? Path.Combine(root, "strategies", "ema-cross.json")
            : throw new FileNotFoundException("No --strategy was given and the PluginBot repository (PluginBot.sln) was not found above the working directory to take strategies/ema-cross.json from.");

    /// <summary>The shipped Binance symbol properties, data/market/symbol-properties-binance.csv.</summary>
    public static string? BinanceSymbolProperties() =>
        FindRoot() is { } root && File.Exists(Path.Combine(root, "data", "market", "symbol-properties-binance.csv"))
            ? Path.Combine(root, "data", "market", "symbol-properties-binance.csv")
            : null;
}

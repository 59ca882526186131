using System.CommandLine;
using PluginBot.Cli.Commands;
using PluginBot.Data;
using PluginBot.Engine.Composition;
using PluginBot.Sdk.Configuration;

namespace PluginBot.Cli;

/// <summary>Entry point of the <c>pluginbot</c> command line.</summary>
internal static class Program
{
    /// <summary>Exit code for bad input (a file, option or setting), as opposed to 1 for an engine failure.</summary>
    private const int BadInputExitCode = 2;

    /// <summary>Exit code for a failure of the engine itself.</summary>
    private const int EngineFailureExitCode = 1;

    public static int Main(string[] args)
    {
        var root = new RootCommand("PluginBot: an engine for ML-driven trading strategies in which every part is a plugin.")
        {
            BacktestCommand.Create(),
            BenchCommand.Create(),
            FeaturesCommand.Create(),
            ScriptsCommand.Create(),
            PluginsCommand.Create(),
            WalkForwardCommand.Create(),
            ModelsCommand.Create(),
            TrainCommand.Create(),
            DataDownloadCommand.Create(),
            RunCommand.Create(),
        };
        foreach (var command in ControlCommands.CreateAll())
        {
            root.Subcommands.Add(command);
        }

        try
        {
            return root.Parse(args).Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
        }
        catch (Exception exception) when (IsBadInput(exception))
        {
            Console.Error.WriteLine($"error: {exception.Message}");
            return BadInputExitCode;
        }
        catch (Exception exception)
        {
            // Not the user's input: an engine failure, reported with its type and where it happened.
            Console.Error.WriteLine($"error: the engine failed: {exception}");
            return EngineFailureExitCode;
        }
    }

    private static bool IsBadInput(Exception exception) => exception is MarketDataFormatException
        or CompositionException
        or Engine.Scripting.ScriptCompilationException
        or PluginSettingsException
        or ArgumentException
        or FormatException
        or FileNotFoundException
        or DirectoryNotFoundException
        or KeyNotFoundException
        or Server.ControlApiConfigurationException
        or Persistence.TradingStoreException;
}

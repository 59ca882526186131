using System.CommandLine;
using PluginBot.Scripting;

namespace PluginBot.Cli.Commands;

/// <summary><c>pluginbot scripts check FILE</c>: compiles a script strategy and runs the sandbox, as a save would.</summary>
internal static class ScriptsCommand
{
    private const int InvalidExitCode = 2;

    public static Command Create()
    {
        var file = new Argument<string>("FILE") { Description = "A script strategy (.cs or .csx)" };
        var check = new Command("check", "Compile a script strategy and check it against the sandbox; prints every diagnostic as file:line:column") { file };
        check.SetAction(parse => Check(parse.GetValue(file)!, Console.Out, Console.Error));
        return new Command("scripts", "Work with C# script strategies") { check };
    }

    internal static int Check(string path, TextWriter output, TextWriter error)
    {
        if (!File.Exists(path))
        {
            error.WriteLine($"{path}: the script file does not exist");
            return InvalidExitCode;
        }

        var compilation = new ScriptCompiler().CompileFile(path);
        foreach (var diagnostic in compilation.Diagnostics)
        {
            (diagnostic.IsError ? error : output).WriteLine(diagnostic.ToString());
        }

        if (!compilation.Success)
        {
            return InvalidExitCode;
        }

        output.WriteLine($"ok: {path} compiles and passes the sandbox (strategy {compilation.EntryTypeName}, version {compilation.Version})");
        return 0;
    }
}

using PluginBot.Hosting.Manifest;
using PluginBot.Sdk.Plugins;

namespace PluginBot.Hosting.Tests.Manifest;

public sealed class AssemblySdkReferenceTests
{
    [Fact]
    public void Read_AssemblyCompiledAgainstTheSdk_ReturnsTheReferencedSdkVersion()
    {
        // PluginBot.Engine is compiled against the SDK exactly as a plugin is; the test output holds its DLL.
        var engine = Path.Combine(AppContext.BaseDirectory, "PluginBot.Engine.dll");

        Assert.Equal(new Version(1, 0, 0, 0), AssemblySdkReference.Read(engine));
    }

    [Fact]
    public void Read_AssemblyThatDoesNotReferenceTheSdk_ReturnsNull()
    {
        // The SDK does not reference itself.
        Assert.Null(AssemblySdkReference.Read(typeof(IPlugin).Assembly.Location));
    }

    [Fact]
    public void Read_FileThatIsNotAnAssembly_ThrowsBadImageFormat()
    {
        using var folder = new TemporaryPluginFolder().WithFile("Fake.dll", "not a portable executable, just text long enough to fill a DOS header");

        Assert.Throws<BadImageFormatException>(() => AssemblySdkReference.Read(Path.Combine(folder.Path, "Fake.dll")));
    }
}

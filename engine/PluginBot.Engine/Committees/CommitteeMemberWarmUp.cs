using PluginBot.Engine.Hosting;
using PluginBot.Sdk.Plugins;

namespace PluginBot.Engine.Committees;

/// <summary>
/// Take-over rules for committee members' slots: a replacement detector or expert is primed on the recent bars
/// before it answers, so a swapped-in version starts with warm indicators instead of abstaining for a warm-up period.
/// </summary>
public static class CommitteeMemberWarmUp
{
    /// <summary>Primes a replacement expert on <paramref name="history"/>; its views during warm-up are ignored.</summary>
    public static string? Expert(IExpert current, IExpert replacement, RecentBars history)
    {
        for (var index = 0; index < history.Count; index++)
        {
            replacement.Evaluate(in history[index]);
        }

        return $"warmed up on {history.Count} bars";
    }

    /// <summary>Primes a replacement regime detector on <paramref name="history"/>.</summary>
    public static string? Detector(IRegimeDetector current, IRegimeDetector replacement, RecentBars history)
    {
        for (var index = 0; index < history.Count; index++)
        {
            replacement.Update(in history[index]);
        }

        return $"warmed up on {history.Count} bars";
    }
}

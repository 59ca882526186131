namespace PluginBot.Engine.Exits;

/// <summary>
/// Flat over the weekend: at the first bar closing at or after <see cref="FlatDay"/> <see cref="FlatTime"/> (UTC)
/// every position is closed at market, and no position is opened again until <see cref="ResumeDay"/>
/// <see cref="ResumeTime"/>; otherwise the next signal would simply re-enter the risk the rule is meant to avoid.
/// </summary>
/// <param name="FlatDay">The UTC weekday the flat window starts.</param>
/// <param name="FlatTime">The UTC time of day it starts.</param>
/// <param name="ResumeDay">The UTC weekday trading resumes.</param>
/// <param name="ResumeTime">The UTC time of day trading resumes.</param>
public sealed record WeekendFlatPolicy(DayOfWeek FlatDay, TimeSpan FlatTime, DayOfWeek ResumeDay, TimeSpan ResumeTime)
{
    private const int MinutesPerDay = 24 * 60;

    /// <summary>True when <paramref name="time"/> (UTC) lies in the window from the flat time up to the resume time.</summary>
    public bool IsFlatWindow(DateTime time)
    {
        var now = MinuteOfWeek(time.DayOfWeek, time.TimeOfDay);
        var start = MinuteOfWeek(FlatDay, FlatTime);
        var end = MinuteOfWeek(ResumeDay, ResumeTime);
        // A window such as Friday 21:00 to Monday 00:00 wraps past the week's end (Monday 00:00 is minute 0).
        return start <= end ? now >= start && now < end : now >= start || now < end;
    }

    // Minutes since Monday 00:00: the trading week starts on Monday, DayOfWeek starts on Sunday.
    private static int MinuteOfWeek(DayOfWeek day, TimeSpan time) =>
        ((((int)day + 6) % 7) * MinutesPerDay) + (int)time.TotalMinutes;
}

namespace PluginBot.Data;

/// <summary>
/// Turns the wall-clock times of a bar file into UTC. Daylight-saving transitions are resolved by fixed rules so the
/// same file always yields the same bars:
/// <list type="bullet">
/// <item><description>
/// A time that does not exist (the hour skipped when clocks go forward, e.g. 2013-03-10 02:30 in New York) is read
/// with the standard-time offset in force before the jump, so 02:30 becomes 07:30 UTC, the instant a clock that had
/// not been moved forward would have shown 02:30 (03:30 EDT). A later row at 03:00-03:30 EDT is then not after it and
/// is reported as out of order, which is right: such a file mixes two clocks.
/// </description></item>
/// <item><description>
/// A time that exists twice (the hour repeated when clocks go back, e.g. 2013-11-03 01:30 in New York) is taken as
/// its first, daylight-time occurrence (05:30 UTC) unless that instant is not after the previous bar of the file, in
/// which case it is the second, standard-time occurrence (06:30 UTC). A file that lists the repeated hour twice, in
/// order, is therefore read without a false "timestamp not increasing" error.
/// </description></item>
/// </list>
/// </summary>
internal sealed class LocalTimeConverter
{
    private readonly TimeZoneInfo? zone;
    private DateTime cachedDate = DateTime.MinValue;
    private TimeSpan? cachedDayOffset;

    /// <summary>Creates a converter; a null or UTC zone makes conversion a relabelling of the kind only.</summary>
    public LocalTimeConverter(TimeZoneInfo? zone)
    {
        this.zone = zone is null || zone.Id == TimeZoneInfo.Utc.Id || zone.HasSameRules(TimeZoneInfo.Utc) ? null : zone;
    }

    /// <summary>Converts one local time; <paramref name="previousUtc"/> is the previous accepted bar's start, used only for repeated hours.</summary>
    public DateTime ToUtc(DateTime local, DateTime? previousUtc)
    {
        if (zone is null)
        {
            return DateTime.SpecifyKind(local, DateTimeKind.Utc);
        }

        // TimeZoneInfo lookups cost about a microsecond each; most days have one offset from midnight to midnight,
        // so it is looked up once per date and the per-row rules below run only on transition days.
        if (local.Date != cachedDate)
        {
            cachedDate = local.Date;
            var startOffset = zone.GetUtcOffset(cachedDate);
            var endOffset = zone.GetUtcOffset(cachedDate.AddDays(1).AddTicks(-1));
            cachedDayOffset = startOffset == endOffset && !zone.IsInvalidTime(cachedDate) && !zone.IsAmbiguousTime(cachedDate)
                ? startOffset
                : null;
        }

        if (cachedDayOffset is { } dayOffset)
        {
            return DateTime.SpecifyKind(local - dayOffset, DateTimeKind.Utc);
        }

        if (zone.IsAmbiguousTime(local))
        {
            var offsets = zone.GetAmbiguousTimeOffsets(local);
            var earliest = local - offsets.Max();
            var latest = local - offsets.Min();
            var chosen = previousUtc is { } previous && earliest <= previous ? latest : earliest;
            return DateTime.SpecifyKind(chosen, DateTimeKind.Utc);
        }

        // For an invalid (skipped) time GetUtcOffset returns the zone's standard offset, which is the rule documented above.
        var offset = zone.GetUtcOffset(local);
        return DateTime.SpecifyKind(local - offset, DateTimeKind.Utc);
    }

    /// <summary>
    /// Finds New York time by its IANA name, falling back to the Windows name, so "ET" files read the same on every
    /// operating system.
    /// </summary>
    public static TimeZoneInfo FindEasternTime()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
        }
        catch (TimeZoneNotFoundException)
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Eastern Standard Time");
        }
    }
}

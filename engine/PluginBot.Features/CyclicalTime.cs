namespace PluginBot.Features;

/// <summary>
/// Position of a bar's start time in the day and the week, each as a point on the unit circle (sine, cosine). A raw
/// hour would tell a model that 23:00 and 00:00 are far apart; on the circle they are neighbours.
/// </summary>
/// <remarks>
/// <para>The day angle is 2π · (time of day)/24 h, counting minutes and seconds, so intraday bars inside one hour
/// differ. The week angle is 2π · d/7 with Monday = 0 … Sunday = 6 (ISO order), by whole UTC days: the weekly effect
/// is about which day it is, and the day feature already carries the time within it.</para>
/// <para>Sine and cosine cost more than the rest of a bar's time features together, so bars starting on a whole
/// minute read a table of the 1,440 minutes computed once with the same formula (identical bits), and the week
/// angle is recomputed only when the date changes.</para>
/// </remarks>
internal sealed class CyclicalTime
{
    private const int MinutesPerDay = 24 * 60;
    private static readonly (double Sine, double Cosine)[] MinuteOfDay = CreateMinuteTable();
    private DateTime currentDate = DateTime.MinValue;

    public double HourSine { get; private set; }

    public double HourCosine { get; private set; }

    public double DaySine { get; private set; }

    public double DayCosine { get; private set; }

    public void Update(DateTime start)
    {
        var timeOfDay = start.TimeOfDay.Ticks;
        if (timeOfDay % TimeSpan.TicksPerMinute == 0)
        {
            (HourSine, HourCosine) = MinuteOfDay[timeOfDay / TimeSpan.TicksPerMinute];
        }
        else
        {
            (HourSine, HourCosine) = DayAngle(timeOfDay);
        }

        var date = start.Date;
        if (date != currentDate)
        {
            currentDate = date;
            var isoDay = ((int)start.DayOfWeek + 6) % 7;
            var weekAngle = 2 * Math.PI * isoDay / 7;
            DaySine = Math.Sin(weekAngle);
            DayCosine = Math.Cos(weekAngle);
        }
    }

    private static (double Sine, double Cosine) DayAngle(long timeOfDayTicks)
    {
        var angle = 2 * Math.PI * timeOfDayTicks / TimeSpan.TicksPerDay;
        return (Math.Sin(angle), Math.Cos(angle));
    }

    private static (double Sine, double Cosine)[] CreateMinuteTable()
    {
        var table = new (double Sine, double Cosine)[MinutesPerDay];
        for (var minute = 0; minute < MinutesPerDay; minute++)
        {
            table[minute] = DayAngle(minute * TimeSpan.TicksPerMinute);
        }

        return table;
    }
}

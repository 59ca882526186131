namespace PluginBot.Features;

/// <summary>
/// Position of a bar's start time in the day and the week, each as a point on the unit circle (sine, cosine). A raw
/// hour would tell a model that 23:00 and 00:00 are far apart; on the circle they are neighbours.
/// </summary>
/// <remarks>
/// The day angle is 2π · (time of day)/24 h, counting minutes and seconds, so intraday bars inside one hour differ.
/// The week angle is 2π · d/7 with Monday = 0 … Sunday = 6 (ISO order), by whole UTC days: the weekly effect is
/// about which day it is, and the day feature already carries the time within it.
/// </remarks>
internal sealed class CyclicalTime
{
    public double HourSine { get; private set; }

    public double HourCosine { get; private set; }

    public double DaySine { get; private set; }

    public double DayCosine { get; private set; }

    public void Update(DateTime start)
    {
        var dayAngle = 2 * Math.PI * start.TimeOfDay.Ticks / TimeSpan.TicksPerDay;
        HourSine = Math.Sin(dayAngle);
        HourCosine = Math.Cos(dayAngle);
        var isoDay = ((int)start.DayOfWeek + 6) % 7;
        var weekAngle = 2 * Math.PI * isoDay / 7;
        DaySine = Math.Sin(weekAngle);
        DayCosine = Math.Cos(weekAngle);
    }
}

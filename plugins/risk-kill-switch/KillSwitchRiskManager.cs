using PluginBot.Sdk.Plugins;

namespace PluginBot.Plugins.Risk.KillSwitch;

/// <summary>
/// A manual kill switch: while engaged, the layer is <see cref="RiskState.Halted"/> and vetoes every intent that
/// would open, grow or flip a position, naming the operator's reason; reductions still pass, so positions can be
/// closed by the strategy or by hand. It starts engaged when the setting <c>engaged</c> is true (a strategy deployed
/// switched off), and an operator, dashboard or API flips it at run time with <see cref="Engage"/> and
/// <see cref="Release"/> from any thread: the switch is one reference swapped atomically, so the engine's thread
/// sees either the old or the new state, never half of one.
/// Layers compose by the engine's rule: every layer assesses every intent and any veto stops it, so an engaged switch
/// blocks new entries whatever the other layers say.
/// </summary>
public sealed class KillSwitchRiskManager : IRiskManager, IManualSwitch
{
    /// <summary>The reason recorded when the switch is engaged by the settings rather than by an operator.</summary>
    public const string EngagedBySettingsReason = "engaged by the setting \"engaged\" in the strategy composition";

    // Null while released; otherwise why it was engaged. One reference, so state and reason change together.
    private string? engagedReason;

    /// <inheritdoc />
    public string Name => "risk-kill-switch";

    /// <summary>True while new entries are blocked.</summary>
    public bool IsEngaged => Volatile.Read(ref engagedReason) is not null;

    /// <summary>Why the switch is engaged, or null when it is released.</summary>
    public string? Reason => Volatile.Read(ref engagedReason);

    /// <inheritdoc />
    public RiskState State => IsEngaged ? RiskState.Halted : RiskState.Active;

    /// <inheritdoc />
    public void Initialize(IPluginContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Settings.RejectUnknown("engaged");
        if (context.Settings.GetBoolean("engaged", false))
        {
            Engage(EngagedBySettingsReason);
        }
    }

    /// <summary>Blocks new entries from the next assessment on, recording <paramref name="reason"/> with every veto.</summary>
    /// <param name="reason">Who engaged it and why; shown in the decision records.</param>
    public void Engage(string reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        Interlocked.Exchange(ref engagedReason, reason);
    }

    /// <summary>Lets new entries through again from the next assessment on.</summary>
    public void Release() => Interlocked.Exchange(ref engagedReason, null);

    /// <inheritdoc />
    public RiskAssessment Assess(in OrderIntent intent)
    {
        var reason = Volatile.Read(ref engagedReason);
        if (reason is null || intent.IsReducing)
        {
            return RiskAssessment.Approve();
        }

        return RiskAssessment.Veto($"the kill switch is engaged ({reason}); only reductions pass");
    }
}

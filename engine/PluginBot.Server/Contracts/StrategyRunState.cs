namespace PluginBot.Server.Contracts;

/// <summary>Whether a strategy acts on its signals. A paused strategy keeps its positions, orders and risk state.</summary>
public enum StrategyRunState
{
    /// <summary>Receiving events and acting on its decisions.</summary>
    Running = 1,

    /// <summary>Sends no new orders until resumed; fills of orders already working are still booked.</summary>
    Paused = 2,
}

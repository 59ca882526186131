using PluginBot.Sdk.Orders;

namespace PluginBot.Persistence.Storage;

/// <summary>
/// Rebuilds positions from fills with average-cost accounting: adding to a position moves the average entry price,
/// reducing it realises (exit − entry) × quantity, and crossing zero opens the remainder at the fill price.
/// </summary>
internal sealed class PositionCalculator
{
    private readonly Dictionary<string, State> states = new(StringComparer.Ordinal);
    private readonly List<string> order = [];

    public void Apply(Fill fill)
    {
        if (!states.TryGetValue(fill.Symbol, out var state))
        {
            state = new State();
            states.Add(fill.Symbol, state);
            order.Add(fill.Symbol);
        }

        state.Fees += fill.Fee;
        var change = fill.SignedQuantity;
        if (state.Quantity == 0 || Math.Sign(state.Quantity) == Math.Sign(change))
        {
            var newQuantity = state.Quantity + change;
            state.AveragePrice = ((state.AveragePrice * Math.Abs(state.Quantity)) + (fill.Price * fill.Quantity)) / Math.Abs(newQuantity);
            state.Quantity = newQuantity;
            return;
        }

        var closed = Math.Min(Math.Abs(change), Math.Abs(state.Quantity));
        state.Realized += (fill.Price - state.AveragePrice) * closed * Math.Sign(state.Quantity);
        state.Quantity += change;
        if (state.Quantity == 0)
        {
            state.AveragePrice = 0;
        }
        else if (Math.Sign(state.Quantity) == Math.Sign(change))
        {
            // Crossed zero: what is left was opened by this fill.
            state.AveragePrice = fill.Price;
        }
    }

    public decimal QuantityOf(string symbol) => states.TryGetValue(symbol, out var state) ? state.Quantity : 0m;

    public IReadOnlyList<RecomputedPosition> Positions() =>
        order.Select(symbol =>
        {
            var state = states[symbol];
            return new RecomputedPosition(symbol, state.Quantity, state.AveragePrice, state.Realized, state.Fees);
        }).ToList();

    private sealed class State
    {
        public decimal Quantity { get; set; }

        public decimal AveragePrice { get; set; }

        public decimal Realized { get; set; }

        public decimal Fees { get; set; }
    }
}

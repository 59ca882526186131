using System.Globalization;
using PluginBot.Persistence;
using PluginBot.Sdk.Orders;

// Usage: CrashWriter STORE STRATEGY
// Writes one batch per simulated order (reservation, submission, acknowledgement, fill, final state, snapshot,
// decision) forever and prints "committed N" after each commit, so the parent knows what must survive a SIGKILL.
if (args.Length != 2)
{
    Console.Error.WriteLine("usage: CrashWriter STORE STRATEGY");
    return 2;
}

var strategy = args[1];
using var store = TradingStore.Open(args[0]);
var restore = store.Load(strategy);
var position = restore.Positions.SingleOrDefault(candidate => candidate.Symbol == "BTCUSDT")?.Quantity ?? 0m;
var baseTime = new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ready {restore.NextOrderSequence}"));
Console.Out.Flush();
while (true)
{
    using var batch = store.BeginBatch();
    var sequence = batch.ReserveOrderSequence(strategy);
    var time = baseTime.AddMinutes(sequence);
    var id = string.Create(CultureInfo.InvariantCulture, $"{strategy}-{sequence:D8}");
    var side = sequence % 3 == 0 ? OrderSide.Sell : OrderSide.Buy;
    var quantity = 0.001m * ((sequence % 5) + 1);
    batch.RecordOrderSubmission(strategy, new OrderRequest(id, "BTCUSDT", side, OrderType.Market, quantity), time);
    batch.RecordOrderUpdate(new OrderUpdate(id, OrderStatus.Accepted, time, 0m));
    batch.RecordFill(new Fill(id, "BTCUSDT", side, quantity, 40000m + sequence, 0.01m, LiquidityRole.Taker, time, sequence));
    batch.RecordOrderUpdate(new OrderUpdate(id, OrderStatus.Filled, time, quantity));
    position += side == OrderSide.Buy ? quantity : -quantity;
    batch.RecordPositionSnapshot(strategy, new PositionSnapshot("BTCUSDT", position, 40000m, time));
    batch.RecordDecision(strategy, "BTCUSDT", time, string.Create(CultureInfo.InvariantCulture, $$"""{"clientOrderId":"{{id}}"}"""));
    batch.Commit();
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"committed {sequence}"));
    Console.Out.Flush();
}

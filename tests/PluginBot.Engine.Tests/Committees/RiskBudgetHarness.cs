using PluginBot.Engine.Accounting;
using PluginBot.Engine.Backtest;
using PluginBot.Engine.Clock;
using PluginBot.Engine.Committees;
using PluginBot.Engine.Exchange;
using PluginBot.Engine.Execution;
using PluginBot.Engine.Hosting;
using PluginBot.Experts.Committees;
using PluginBot.Experts.Ensembles;
using PluginBot.Experts.Routing;
using PluginBot.Sdk.Instruments;
using PluginBot.Sdk.Market;
using PluginBot.Sdk.Plugins;
using PluginBot.Sdk.Regimes;
using PluginBot.Sdk.Signals;

namespace PluginBot.Engine.Tests.Committees;

/// <summary>
/// An execution engine on a simulated exchange with 10,000 USDT, a sizer that always asks for 80 units (8,000 USDT at
/// the price of 100 every bar has), and a real two-expert committee ("alpha" with prior weight 3, "beta" with 1, no
/// detector) whose decisions give the shares the engine holds to the budgets: with both experts voting alike at the
/// same confidence the shares are 3/4 and 1/4.
/// </summary>
internal sealed class RiskBudgetHarness
{
    public const string Symbol = "BTCUSDT";
    public const decimal Price = 100m;

    /// <summary>Spot rules with 0.001 lots and a 10 USDT minimum order value.</summary>
    public static readonly InstrumentRules Rules = new(Symbol, "USDT", tickSize: 0.01m, lotSize: 0.001m, minimumQuantity: 0.001m, minimumNotional: 10m);

    private readonly ExpertCommittee committee;

    public RiskBudgetHarness(double? alphaBudget, double? betaBudget, decimal sizedQuantity = 80m, bool allowShort = false)
    {
        var instruments = new InstrumentCatalog([Rules]);
        Portfolio = new Portfolio(10_000m);
        var exchange = new SimulatedExchange(Clock, instruments, Portfolio, new SimulatedExchangeOptions { AllowShortSelling = allowShort });
        Execution = new ExecutionEngine(Clock, exchange, Portfolio, new TradeRecorder(), instruments,
            new PluginSlot<IPositionSizer>("sizer", new ConstantSizer(sizedQuantity), "test"), Array.Empty<PluginSlot<IRiskManager>>(),
            new ClientOrderIdGenerator("budget"), allowShort);
        string[] names = ["alpha", "beta"];
        var sets = new ExpertSets(names, Enum.GetValues<MarketRegime>().ToDictionary(regime => regime, _ => (IReadOnlyList<string>)names));
        committee = new ExpertCommittee(sets, _ => new WeightedVotingEnsemble([3.0, 1.0]));
        Attribution = new ExpertAttribution(Symbol, new ExpertRiskBudgets(names, [alphaBudget, betaBudget]));
        Execution.ExpertAttributionOf = symbol => symbol == Symbol ? Attribution : null;
    }

    public SimulatedClock Clock { get; } = new();

    public Portfolio Portfolio { get; }

    public ExecutionEngine Execution { get; }

    public ExpertAttribution Attribution { get; }

    public static Bar Bar => TestBarsAt(0);

    /// <summary>Lets the committee decide on the two experts' signals and keeps the shares, as the committee strategy does.</summary>
    public CommitteeDecision Decide(Signal alpha, Signal beta)
    {
        var decision = committee.Decide(Symbol, (double)Price, null, [alpha, beta]);
        Attribution.Update(decision);
        return decision;
    }

    /// <summary>Acts on the committee's signal at the close of the first bar.</summary>
    public DecisionRecord Act(Signal signal)
    {
        var bar = Bar;
        Clock.AdvanceTo(bar.EndTime);
        Portfolio.Mark(Symbol, Price);
        var before = Execution.Decisions.Count;
        Execution.OnSignal(in bar, signal);
        return Assert.Single(Execution.Decisions.Skip(before));
    }

    private static Bar TestBarsAt(int minute) => Infrastructure.TestBars.Flat(Symbol, minute, Price);

    private sealed class ConstantSizer(decimal quantity) : IPositionSizer
    {
        public void Initialize(IPluginContext context)
        {
        }

        public SizingResult Size(in SizingRequest request) => SizingResult.Of(quantity);
    }
}

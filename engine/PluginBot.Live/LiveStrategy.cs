using System.Text.Json;
using System.Text.Json.Serialization;
using PluginBot.Engine.Backtest;
using PluginBot.Engine.Composition;
using PluginBot.Engine.Exchange;
using PluginBot.Engine.Live;
using PluginBot.Engine.Scripting;
using PluginBot.Persistence;
using PluginBot.Scripting;
using PluginBot.Sdk.Instruments;

namespace PluginBot.Live;

/// <summary>
/// One strategy in the paper environment: the same session the backtest runs (one code path), fed by a replay feed
/// paced to the wall clock, with every order event made durable before it is acted on, and a cursor committed after
/// every bar. On start it resumes from the store: the bars up to the cursor only warm the strategy up, and the persisted
/// fills and order states are booked between the same warm-up bars they happened between (so positions, day-start
/// equity, risk layers and the exit plan end the warm-up as they were); then what was working goes back to the venue and
/// the replay continues after the cursor — so a crash loses no fill, sends no order twice and loosens no stop.
/// </summary>
public sealed class LiveStrategy : IDisposable
{
    private static readonly JsonSerializerOptions RecordJson = new() { Converters = { new JsonStringEnumConverter() } };
    private readonly TradingStore store;
    private readonly CancellationTokenSource stop = new();
    private readonly PacedReplayFeed feed;
    private readonly TaskCompletionSource<BacktestResult?> completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int decisionsPersisted;
    private int swapsPersisted;
    private Thread? thread;

    /// <summary>Builds the strategy's session (plugins constructed and settings checked here, before any bar).</summary>
    public LiveStrategy(HostStrategyConfiguration configuration, PluginCatalog catalog, TradingStore store, Func<BacktestDataSet, IInstrumentCatalog> instruments, TimeProvider time, ScriptCompiler? compiler = null)
    {
        Configuration = configuration;
        this.store = store;
        Composition = LoadComposition(configuration, catalog, compiler);
        var data = BacktestDataSet.Load(new BacktestDataRequest(configuration.DataFiles));
        var restore = store.Load(configuration.Name);
        var cursor = store.ReadCursor(configuration.Name);
        var paused = store.ReadSetting(PausedSettingKey(configuration.Name)) is not null;
        Resuming = cursor is not null;
        RestoredOrders = restore.Orders.Count;
        RestoredFills = restore.Fills.Count;
        feed = new PacedReplayFeed(data.CreateFeed(), configuration.Speed, time, Actions, stop.Token)
        {
            ResumeAfterBars = cursor?.BarsHandled ?? 0,
            WarmUpBar = bar => Session!.ReplayRestored(in bar),
            Resumed = Resume,
        };
        feed.Handled += Persist;
        var options = new BacktestOptions
        {
            InitialCash = configuration.Cash,
            Exchange = new SimulatedExchangeOptions
            {
                Fees = new FeeSchedule(configuration.FeeBasisPoints, configuration.FeeBasisPoints),
                Slippage = new FixedBasisPointsSlippage(configuration.SlippageBasisPoints),
            },
            Instruments = instruments(data),
            Interval = data.Interval,
            IsWarmingUp = () => feed!.IsWarmingUp,
            LastClientOrderSequence = LastSequence(restore, $"{configuration.Name}-", $"{configuration.Name}-exit-"),
            LastExitOrderSequence = LastSequence(restore, $"{configuration.Name}-exit-", null),
            WrapExchange = (inner, clock) => Adapter = new PersistingExchangeAdapter(inner, store, configuration.Name, clock) { BeforeSubmit = RecordNewDecisions },
        };
        Session = new BacktestSession(Composition, catalog, feed, options);
        // The previous run's orders are replayed with the warm-up bars they happened between (see Resume).
        Session.BeginRestore(restore.Orders.Select(o => new RestoredOrder(o.Request, o.SentTime, o.Updates, o.Fills)).ToList());
        feed.BetweenEvents = Session.ApplyPendingSwaps;
        Session.Paused = paused;
    }

    /// <summary>What the host was told to run.</summary>
    public HostStrategyConfiguration Configuration { get; }

    /// <summary>The strategy's name.</summary>
    public string Name => Configuration.Name;

    /// <summary>The composition it runs (for a script: the script with the built-in sizer).</summary>
    public StrategyComposition Composition { get; }

    /// <summary>The running session; touch its state only through <see cref="Actions"/> while it runs.</summary>
    public BacktestSession Session { get; }

    /// <summary>Work for the engine thread, run between two events.</summary>
    public EngineActionQueue Actions { get; } = new();

    /// <summary>The adapter recording order events (set when the session was built).</summary>
    public PersistingExchangeAdapter? Adapter { get; private set; }

    /// <summary>True when the store held a cursor for this strategy: the run resumes a previous one.</summary>
    public bool Resuming { get; }

    /// <summary>Orders found in the store at start.</summary>
    public int RestoredOrders { get; }

    /// <summary>Fills found in the store at start.</summary>
    public int RestoredFills { get; }

    /// <summary>The loaded script, when the strategy is one (for the reloader).</summary>
    public LoadedScript? Script { get; private set; }

    /// <summary>Completes with the session's result when the replay ends or the strategy is stopped, or with its failure.</summary>
    public Task<BacktestResult?> Completion => completion.Task;

    /// <summary>True once the engine thread has ended.</summary>
    public bool IsFinished => completion.Task.IsCompleted;

    /// <summary>Starts the engine thread.</summary>
    public void Start()
    {
        thread = new Thread(Run) { Name = $"engine:{Name}", IsBackground = true };
        thread.Start();
    }

    /// <summary>
    /// Runs <paramref name="work"/> on the engine thread between two events, or right here once the session has ended
    /// (nothing changes its state any more then).
    /// </summary>
    public Task<T> InvokeAsync<T>(Func<T> work) => Actions.InvokeAsync(work);

    /// <summary>Ends the feed: the session finishes the bar in hand and stops.</summary>
    public void Stop() => stop.Cancel();

    /// <inheritdoc />
    public void Dispose()
    {
        Stop();
        thread?.Join(TimeSpan.FromSeconds(10));
        stop.Dispose();
    }

    private void Run()
    {
        try
        {
            var result = Session.Run();
            Persist(null, 0);
            completion.SetResult(result);
        }
        catch (Exception exception)
        {
            completion.SetException(exception);
        }
        finally
        {
            // Requests that raced the end still get an answer: the queue runs them now and every later one inline.
            Actions.Close();
        }
    }

    // On the engine thread after each live bar: decisions, swaps and the cursor in one transaction, so a resumed run
    // starts exactly after the last bar whose consequences are all on disk.
    private void Persist(DateTime? handled, long barsHandled)
    {
        using var batch = store.BeginBatch();
        RecordNewDecisions(batch);
        var swaps = Session.SwapsFrom(swapsPersisted);
        foreach (var swap in swaps)
        {
            batch.RecordSwap(Name, swap.Time, JsonSerializer.Serialize(swap, RecordJson));
            if (swap.Succeeded)
            {
                // A refused swap left the old version running: only an applied one changes the version in use.
                var kind = ModelPromotionWatcher.IsModelVersion(swap.ToVersion) ? VersionKind.Model : VersionKind.Plugin;
                batch.RecordVersion(Name, new VersionChange(swap.Slot, kind, swap.ToVersion, swap.Time));
            }
        }

        swapsPersisted += swaps.Count;
        if (handled is { } time)
        {
            batch.RecordCursor(Name, time, barsHandled);
        }

        batch.Commit();
    }

    private void Persist(DateTime handled, long barsHandled) => Persist((DateTime?)handled, barsHandled);

    // Decision records not stored yet, into the caller's transaction (the bar's, or the order's that one of them sent).
    private void RecordNewDecisions(TradingStoreBatch batch)
    {
        var decisions = Session.DecisionsFrom(decisionsPersisted, int.MaxValue);
        foreach (var decision in decisions)
        {
            batch.RecordDecision(Name, decision.Symbol, decision.Time, JsonSerializer.Serialize(decision, RecordJson));
        }

        decisionsPersisted += decisions.Count;
    }

    /// <summary>The store key under which a pause of <paramref name="strategy"/> survives a restart.</summary>
    public static string PausedSettingKey(string strategy) => $"paused:{strategy}";

    private StrategyComposition LoadComposition(HostStrategyConfiguration configuration, PluginCatalog catalog, ScriptCompiler? compiler)
    {
        if (configuration.ScriptPath is { } script)
        {
            Script = ScriptCompositions.Register(compiler ?? new ScriptCompiler(), script, catalog, ScriptStrategy.DefaultBudget);
            return ScriptCompositions.For(script) with { Name = configuration.Name };
        }

        return StrategyCompositionLoader.Load(configuration.CompositionPath!) with { Name = configuration.Name };
    }

    // The highest sequence a stored order id with this prefix used ("name-00000042"), so a resumed run never reuses one.
    private static long LastSequence(StrategyRestore restore, string prefix, string? excludedPrefix)
    {
        var last = 0L;
        foreach (var order in restore.Orders)
        {
            var id = order.Request.ClientOrderId;
            if (!id.StartsWith(prefix, StringComparison.Ordinal) || (excludedPrefix is not null && id.StartsWith(excludedPrefix, StringComparison.Ordinal)))
            {
                continue;
            }

            if (long.TryParse(id.AsSpan(prefix.Length), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var sequence))
            {
                last = Math.Max(last, sequence);
            }
        }

        return last;
    }

    // On the engine thread just before the first live bar. The warm-up has replayed the previous run's fills and order
    // states bar by bar (positions, day-start equity, the exit manager's plan); now what is still working goes back to
    // the venue, and the state changes the restore decided (an order its fills cover, an exit order no longer needed)
    // are recorded (the store must agree with the engine).
    private void Resume()
    {
        var completed = Session.CompleteRestore();
        if (completed.Count == 0)
        {
            return;
        }

        using var batch = store.BeginBatch();
        foreach (var update in completed)
        {
            batch.RecordOrderUpdate(update);
        }

        batch.Commit();
    }
}

namespace PluginBot.Binance.FakeServer;

/// <summary>
/// The upgraded connection's byte stream with a switch that turns the server-to-client direction into a black hole:
/// once silenced, everything the server writes (data, and the pongs its WebSocket answers pings with) is dropped while
/// the TCP connection stays open. That is how a connection dies behind a NAT or a stalled proxy: no close, no error,
/// just nothing, which only the client's ping timeout can detect.
/// </summary>
internal sealed class FakeSilenceableStream(Stream inner) : Stream
{
    private volatile bool silenced;

    /// <summary>True once <see cref="Silence"/> ran.</summary>
    public bool IsSilenced => silenced;

    public override bool CanRead => inner.CanRead;

    public override bool CanSeek => false;

    public override bool CanWrite => inner.CanWrite;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    /// <summary>Drops every later write; reads go on, so the server still sees the client's pings and ignores them.</summary>
    public void Silence() => silenced = true;

    public override void Flush()
    {
        if (!silenced)
        {
            inner.Flush();
        }
    }

    public override Task FlushAsync(CancellationToken cancellationToken) => silenced ? Task.CompletedTask : inner.FlushAsync(cancellationToken);

    public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => inner.ReadAsync(buffer, cancellationToken);

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => inner.ReadAsync(buffer, offset, count, cancellationToken);

    public override void Write(byte[] buffer, int offset, int count)
    {
        if (!silenced)
        {
            inner.Write(buffer, offset, count);
        }
    }

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) =>
        silenced ? ValueTask.CompletedTask : inner.WriteAsync(buffer, cancellationToken);

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        silenced ? Task.CompletedTask : inner.WriteAsync(buffer, offset, count, cancellationToken);

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }

    public override ValueTask DisposeAsync() => inner.DisposeAsync();
}

using System.Runtime.InteropServices;

namespace PluginBot.Onnx.Native;

/// <summary>
/// A zeroed block of native memory that ONNX Runtime reads from and writes to: tensor data, and the name and value
/// arrays a run passes. Native rather than pinned managed memory, because tensors keep the address for the session's
/// whole life and the GC must never move or collect it; 64-byte aligned for the runtime's vector kernels.
/// </summary>
internal sealed unsafe class NativeBlock : SafeHandle
{
    public NativeBlock(nuint byteLength)
        : base(IntPtr.Zero, ownsHandle: true)
    {
        ArgumentOutOfRangeException.ThrowIfZero(byteLength);
        ByteLength = byteLength;
        var memory = NativeMemory.AlignedAlloc(byteLength, 64);
        NativeMemory.Clear(memory, byteLength);
        SetHandle((IntPtr)memory);
    }

    /// <summary>The block's size in bytes.</summary>
    public nuint ByteLength { get; }

    /// <summary>The block's address.</summary>
    public void* Pointer => (void*)handle;

    /// <inheritdoc />
    public override bool IsInvalid => handle == IntPtr.Zero;

    /// <summary>A block holding <paramref name="count"/> floats.</summary>
    public static NativeBlock ForFloats(int count) => new((nuint)count * sizeof(float));

    /// <summary>A block holding <paramref name="count"/> pointers.</summary>
    public static NativeBlock ForPointers(int count) => new((nuint)count * (nuint)sizeof(IntPtr));

    /// <summary>A NUL-terminated UTF-8 copy of <paramref name="text"/>, as the C API takes names.</summary>
    public static NativeBlock ForUtf8(string text)
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(text);
        var block = new NativeBlock((nuint)bytes.Length + 1);
        bytes.CopyTo(new Span<byte>(block.Pointer, bytes.Length));
        return block;
    }

    /// <inheritdoc />
    protected override bool ReleaseHandle()
    {
        NativeMemory.AlignedFree((void*)handle);
        return true;
    }
}

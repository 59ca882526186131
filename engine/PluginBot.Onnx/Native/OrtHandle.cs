using System.Runtime.InteropServices;

namespace PluginBot.Onnx.Native;

/// <summary>
/// Owns one ONNX Runtime object (environment, session options, session, memory info, tensor) and releases it with
/// its own <c>Release*</c> function exactly once, even when the owner is never disposed (the finalizer runs it) or is
/// disposed twice. An optional dependency (the environment under a session) is kept alive until this handle is
/// released, so native objects are always freed child first.
/// </summary>
internal sealed unsafe class OrtHandle : SafeHandle
{
    private readonly delegate* unmanaged<IntPtr, void> release;
    private readonly SafeHandle? dependency;

    private OrtHandle(IntPtr handle, delegate* unmanaged<IntPtr, void> release, SafeHandle? dependency)
        : base(IntPtr.Zero, ownsHandle: true)
    {
        this.release = release;
        this.dependency = dependency;
        SetHandle(handle);
    }

    /// <inheritdoc />
    public override bool IsInvalid => handle == IntPtr.Zero;

    /// <summary>Wraps <paramref name="handle"/>; when <paramref name="dependency"/> is given it stays alive until this is released.</summary>
    public static OrtHandle Create(IntPtr handle, delegate* unmanaged<IntPtr, void> release, SafeHandle? dependency = null)
    {
        var added = false;
        dependency?.DangerousAddRef(ref added);
        return new OrtHandle(handle, release, added ? dependency : null);
    }

    /// <inheritdoc />
    protected override bool ReleaseHandle()
    {
        release(handle);
        dependency?.DangerousRelease();
        return true;
    }
}

namespace PluginBot.Onnx.Native;

/// <summary>
/// The functions of ONNX Runtime's C API that the binding calls, read from the <c>OrtApi</c> table that
/// <c>OrtApiBase::GetApi</c> returns. The table is a C struct of function pointers whose order is fixed forever
/// (new functions are only ever appended), so each entry is read by its position in onnxruntime_c_api.h; the positions
/// used here all exist since API version 3, well below <see cref="RequestedVersion"/>.
/// </summary>
/// <remarks>
/// Functions returning <c>OrtStatus*</c> return null on success; a non-null status must be read and released
/// (see <see cref="Check"/>).
/// </remarks>
internal sealed unsafe class OrtApi
{
    /// <summary>
    /// The API version asked for: ONNX Runtime 1.17's. A library older than that returns no table, which is reported as
    /// too old; newer libraries serve older versions unchanged.
    /// </summary>
    public const uint RequestedVersion = 17;

    public readonly delegate* unmanaged<IntPtr, int> GetErrorCode;
    public readonly delegate* unmanaged<IntPtr, byte*> GetErrorMessage;
    public readonly delegate* unmanaged<int, byte*, IntPtr*, IntPtr> CreateEnv;
    public readonly delegate* unmanaged<IntPtr, byte*, IntPtr, IntPtr*, IntPtr> CreateSession;
    public readonly delegate* unmanaged<IntPtr, void*, nuint, IntPtr, IntPtr*, IntPtr> CreateSessionFromArray;
    public readonly delegate* unmanaged<IntPtr, IntPtr, IntPtr*, IntPtr*, nuint, IntPtr*, nuint, IntPtr*, IntPtr> Run;
    public readonly delegate* unmanaged<IntPtr*, IntPtr> CreateSessionOptions;
    public readonly delegate* unmanaged<IntPtr, int, IntPtr> SetSessionExecutionMode;
    public readonly delegate* unmanaged<IntPtr, byte*, IntPtr> EnableProfiling;
    public readonly delegate* unmanaged<IntPtr, IntPtr> EnableMemPattern;
    public readonly delegate* unmanaged<IntPtr, IntPtr> DisableMemPattern;
    public readonly delegate* unmanaged<IntPtr, IntPtr> EnableCpuMemArena;
    public readonly delegate* unmanaged<IntPtr, IntPtr> DisableCpuMemArena;
    public readonly delegate* unmanaged<IntPtr, int, IntPtr> SetSessionGraphOptimizationLevel;
    public readonly delegate* unmanaged<IntPtr, int, IntPtr> SetIntraOpNumThreads;
    public readonly delegate* unmanaged<IntPtr, int, IntPtr> SetInterOpNumThreads;
    public readonly delegate* unmanaged<IntPtr, nuint*, IntPtr> SessionGetInputCount;
    public readonly delegate* unmanaged<IntPtr, nuint*, IntPtr> SessionGetOutputCount;
    public readonly delegate* unmanaged<IntPtr, nuint, IntPtr*, IntPtr> SessionGetInputTypeInfo;
    public readonly delegate* unmanaged<IntPtr, nuint, IntPtr*, IntPtr> SessionGetOutputTypeInfo;
    public readonly delegate* unmanaged<IntPtr, nuint, IntPtr, byte**, IntPtr> SessionGetInputName;
    public readonly delegate* unmanaged<IntPtr, nuint, IntPtr, byte**, IntPtr> SessionGetOutputName;
    public readonly delegate* unmanaged<IntPtr, void*, nuint, long*, nuint, int, IntPtr*, IntPtr> CreateTensorWithDataAsOrtValue;
    public readonly delegate* unmanaged<IntPtr, IntPtr*, IntPtr> CastTypeInfoToTensorInfo;
    public readonly delegate* unmanaged<IntPtr, int*, IntPtr> GetOnnxTypeFromTypeInfo;
    public readonly delegate* unmanaged<IntPtr, int*, IntPtr> GetTensorElementType;
    public readonly delegate* unmanaged<IntPtr, nuint*, IntPtr> GetDimensionsCount;
    public readonly delegate* unmanaged<IntPtr, long*, nuint, IntPtr> GetDimensions;
    public readonly delegate* unmanaged<int, int, IntPtr*, IntPtr> CreateCpuMemoryInfo;
    public readonly delegate* unmanaged<IntPtr, void*, IntPtr> AllocatorFree;
    public readonly delegate* unmanaged<IntPtr*, IntPtr> GetAllocatorWithDefaultOptions;
    public readonly delegate* unmanaged<IntPtr, void> ReleaseEnv;
    public readonly delegate* unmanaged<IntPtr, void> ReleaseStatus;
    public readonly delegate* unmanaged<IntPtr, void> ReleaseMemoryInfo;
    public readonly delegate* unmanaged<IntPtr, void> ReleaseSession;
    public readonly delegate* unmanaged<IntPtr, void> ReleaseValue;
    public readonly delegate* unmanaged<IntPtr, void> ReleaseTypeInfo;
    public readonly delegate* unmanaged<IntPtr, void> ReleaseSessionOptions;
    public readonly delegate* unmanaged<byte***, int*, IntPtr> GetAvailableProviders;
    public readonly delegate* unmanaged<byte**, int, IntPtr> ReleaseAvailableProviders;
    public readonly delegate* unmanaged<IntPtr, byte*, byte*, IntPtr> AddSessionConfigEntry;
    public readonly delegate* unmanaged<IntPtr, byte*, long, IntPtr> AddFreeDimensionOverrideByName;
    public readonly delegate* unmanaged<IntPtr, byte**, nuint, IntPtr> GetSymbolicDimensions;

    /// <summary>Reads the entries from the table at <paramref name="table"/>.</summary>
    public OrtApi(IntPtr table)
    {
        var entries = (IntPtr*)table;
        GetErrorCode = (delegate* unmanaged<IntPtr, int>)entries[1];
        GetErrorMessage = (delegate* unmanaged<IntPtr, byte*>)entries[2];
        CreateEnv = (delegate* unmanaged<int, byte*, IntPtr*, IntPtr>)entries[3];
        CreateSession = (delegate* unmanaged<IntPtr, byte*, IntPtr, IntPtr*, IntPtr>)entries[7];
        CreateSessionFromArray = (delegate* unmanaged<IntPtr, void*, nuint, IntPtr, IntPtr*, IntPtr>)entries[8];
        Run = (delegate* unmanaged<IntPtr, IntPtr, IntPtr*, IntPtr*, nuint, IntPtr*, nuint, IntPtr*, IntPtr>)entries[9];
        CreateSessionOptions = (delegate* unmanaged<IntPtr*, IntPtr>)entries[10];
        SetSessionExecutionMode = (delegate* unmanaged<IntPtr, int, IntPtr>)entries[13];
        EnableProfiling = (delegate* unmanaged<IntPtr, byte*, IntPtr>)entries[14];
        EnableMemPattern = (delegate* unmanaged<IntPtr, IntPtr>)entries[16];
        DisableMemPattern = (delegate* unmanaged<IntPtr, IntPtr>)entries[17];
        EnableCpuMemArena = (delegate* unmanaged<IntPtr, IntPtr>)entries[18];
        DisableCpuMemArena = (delegate* unmanaged<IntPtr, IntPtr>)entries[19];
        SetSessionGraphOptimizationLevel = (delegate* unmanaged<IntPtr, int, IntPtr>)entries[23];
        SetIntraOpNumThreads = (delegate* unmanaged<IntPtr, int, IntPtr>)entries[24];
        SetInterOpNumThreads = (delegate* unmanaged<IntPtr, int, IntPtr>)entries[25];
        SessionGetInputCount = (delegate* unmanaged<IntPtr, nuint*, IntPtr>)entries[30];
        SessionGetOutputCount = (delegate* unmanaged<IntPtr, nuint*, IntPtr>)entries[31];
        SessionGetInputTypeInfo = (delegate* unmanaged<IntPtr, nuint, IntPtr*, IntPtr>)entries[33];
        SessionGetOutputTypeInfo = (delegate* unmanaged<IntPtr, nuint, IntPtr*, IntPtr>)entries[34];
        SessionGetInputName = (delegate* unmanaged<IntPtr, nuint, IntPtr, byte**, IntPtr>)entries[36];
        SessionGetOutputName = (delegate* unmanaged<IntPtr, nuint, IntPtr, byte**, IntPtr>)entries[37];
        CreateTensorWithDataAsOrtValue = (delegate* unmanaged<IntPtr, void*, nuint, long*, nuint, int, IntPtr*, IntPtr>)entries[49];
        CastTypeInfoToTensorInfo = (delegate* unmanaged<IntPtr, IntPtr*, IntPtr>)entries[55];
        GetOnnxTypeFromTypeInfo = (delegate* unmanaged<IntPtr, int*, IntPtr>)entries[56];
        GetTensorElementType = (delegate* unmanaged<IntPtr, int*, IntPtr>)entries[60];
        GetDimensionsCount = (delegate* unmanaged<IntPtr, nuint*, IntPtr>)entries[61];
        GetDimensions = (delegate* unmanaged<IntPtr, long*, nuint, IntPtr>)entries[62];
        CreateCpuMemoryInfo = (delegate* unmanaged<int, int, IntPtr*, IntPtr>)entries[69];
        AllocatorFree = (delegate* unmanaged<IntPtr, void*, IntPtr>)entries[76];
        GetAllocatorWithDefaultOptions = (delegate* unmanaged<IntPtr*, IntPtr>)entries[78];
        ReleaseEnv = (delegate* unmanaged<IntPtr, void>)entries[92];
        ReleaseStatus = (delegate* unmanaged<IntPtr, void>)entries[93];
        ReleaseMemoryInfo = (delegate* unmanaged<IntPtr, void>)entries[94];
        ReleaseSession = (delegate* unmanaged<IntPtr, void>)entries[95];
        ReleaseValue = (delegate* unmanaged<IntPtr, void>)entries[96];
        ReleaseTypeInfo = (delegate* unmanaged<IntPtr, void>)entries[98];
        ReleaseSessionOptions = (delegate* unmanaged<IntPtr, void>)entries[100];
        GetAvailableProviders = (delegate* unmanaged<byte***, int*, IntPtr>)entries[125];
        ReleaseAvailableProviders = (delegate* unmanaged<byte**, int, IntPtr>)entries[126];
        AddSessionConfigEntry = (delegate* unmanaged<IntPtr, byte*, byte*, IntPtr>)entries[130];
        AddFreeDimensionOverrideByName = (delegate* unmanaged<IntPtr, byte*, long, IntPtr>)entries[124];
        GetSymbolicDimensions = (delegate* unmanaged<IntPtr, byte**, nuint, IntPtr>)entries[63];
    }

    /// <summary>
    /// Turns a returned status into an exception naming what was being done; a null status (success) costs one
    /// comparison, so this sits on the inference path too.
    /// </summary>
    public void Check(IntPtr status, string operation)
    {
        if (status != IntPtr.Zero)
        {
            throw ToException(status, operation);
        }
    }

    /// <summary>Reads, releases and wraps a failed status.</summary>
    public OnnxRuntimeException ToException(IntPtr status, string operation)
    {
        var code = GetErrorCode(status);
        var message = System.Runtime.InteropServices.Marshal.PtrToStringUTF8((IntPtr)GetErrorMessage(status)) ?? "(no message)";
        ReleaseStatus(status);
        return new OnnxRuntimeException(operation, (OnnxRuntimeErrorCode)code, message);
    }
}

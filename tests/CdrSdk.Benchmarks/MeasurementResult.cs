namespace CdrSdk.Benchmarks;

/// <summary>
/// What one measured run reports. Beside the measuring process's own CPU a record: the emulator's and the database
/// server's (when one runs; from <c>/proc</c>, so null elsewhere), and the share of the machine's CPU time left idle.
/// </summary>
internal sealed record MeasurementResult(
    string Case,
    long Records,
    double Seconds,
    double RecordsPerSecond,
    double AllocatedBytesPerRecord,
    long PeakWorkingSetBytes,
    long ManagedHeapAfterBytes,
    int Gen0Collections,
    int Gen1Collections,
    int Gen2Collections,
    double CpuMicrosecondsPerRecord,
    long? Fingerprint,
    double JitMillisecondsMeasured = 0,
    int MethodsJittedMeasured = 0,
    double? ServerCpuMicrosecondsPerRecord = null,
    double? DatabaseCpuMicrosecondsPerRecord = null,
    double? MachineIdleShare = null);

namespace CdrSdk.Benchmarks;

/// <summary>What one measured run reports.</summary>
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
    int MethodsJittedMeasured = 0);

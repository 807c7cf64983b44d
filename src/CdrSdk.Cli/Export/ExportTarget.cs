namespace CdrSdk.Tool.Export;

/// <summary>Where an export reads from, decided before connecting (<see cref="ExportConnection.TargetOf"/>).</summary>
/// <param name="Emulated">The embedded emulator, started for this run.</param>
/// <param name="Name"><c>emulator</c>, or the provider's base address: part of the export's identity.</param>
/// <param name="DefaultKazooAccount">The Kazoo account used when none is given (the emulator's first account), if any.</param>
internal sealed record ExportTarget(bool Emulated, string Name, string? DefaultKazooAccount);

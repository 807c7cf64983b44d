namespace CdrSdk.Tsg;

/// <summary>A union member this SDK version does not know; every field is in <see cref="TsgCdr.AdditionalProperties"/>.</summary>
public sealed class TsgUnknownCdr : TsgCdr;

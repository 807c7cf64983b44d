using System.Text.Json;

namespace CdrSdk.Core.Json;

/// <summary>
/// A provider record that can write itself as the provider's JSON: its wire names, the fields this SDK does not map
/// kept as sent, nulls left out. Implemented by the SDK's provider record types behind
/// <see cref="CallRecord.TryWriteProviderRecordJson"/>.
/// </summary>
internal interface IWireJsonRecord
{
    /// <summary>Writes the record to <paramref name="writer"/>; <see langword="false"/> (nothing written) when its type has no contract here.</summary>
    bool TryWriteWireJson(Utf8JsonWriter writer);
}

using System.Text.Json.Serialization;
using CdrSdk.Core.Json;

namespace CdrSdk.Tsg.Api;

/// <summary><c>paginationInfo</c>.</summary>
internal sealed class TsgPaginationInfo
{
    public string? NextCursor { get; init; }

    [JsonConverter(typeof(FlexibleInt64Converter))]
    public long? Limit { get; init; }
}

using System.Text.Json.Serialization;

namespace CdrSdk.Paging;

/// <summary>Source-generated JSON for the paging layer's own token state.</summary>
[JsonSerializable(typeof(WindowPosition))]
internal sealed partial class PagingJsonContext : JsonSerializerContext;

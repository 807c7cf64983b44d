using System.Text.Json.Serialization;

namespace CdrSdk.Core.Http;

/// <summary>
/// The JSON context of the download client's Refit settings: downloads send no body and their CSV is never read as
/// JSON, so it describes nothing but a string (Refit's settings are built on a context, with reflection off).
/// </summary>
[JsonSerializable(typeof(string))]
internal sealed partial class DownloadJsonContext : JsonSerializerContext;

using System.Text.Json.Serialization;

namespace CdrSdk.Benchmarks;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(MeasurementResult))]
[JsonSerializable(typeof(List<MeasurementResult>))]
internal sealed partial class HarnessJson : JsonSerializerContext;

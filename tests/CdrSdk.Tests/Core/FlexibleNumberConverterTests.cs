using System.Text;
using System.Text.Json;
using CdrSdk.Core.Json;

namespace CdrSdk.Tests.Core;

/// <summary>The lenient number converters: the fast path from UTF-8 bytes and the string fallback agree.</summary>
public sealed class FlexibleNumberConverterTests
{
    [Theory]
    [InlineData("42", 42L)]
    [InlineData("\"42\"", 42L)]
    [InlineData("\"-7\"", -7L)]
    [InlineData("\"9223372036854775807\"", long.MaxValue)]
    [InlineData("\"42.9\"", 42L)]
    [InlineData("\" 42 \"", 42L)]
    [InlineData("\"\\u0034\\u0032\"", 42L)]
    [InlineData("\"\"", null)]
    [InlineData("\"x\"", null)]
    [InlineData("\"42x\"", null)]
    [InlineData("null", null)]
    [InlineData("true", 1L)]
    [InlineData("{\"a\":1}", null)]
    public void Integers_are_read_from_numbers_and_any_numeric_text(string json, long? expected) =>
        Assert.Equal(expected, Read(json, new FlexibleInt64Converter()));

    [Theory]
    [InlineData("0.0045", "0.0045")]
    [InlineData("\"0.0045\"", "0.0045")]
    [InlineData("\"-12.50\"", "-12.50")]
    [InlineData("\"1e3\"", "1000")]
    [InlineData("\" 2.5 \"", "2.5")]
    [InlineData("\"\"", null)]
    [InlineData("\"n/a\"", null)]
    public void Decimals_are_read_from_numbers_and_any_numeric_text(string json, string? expected) =>
        Assert.Equal(expected is null ? null : decimal.Parse(expected, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture), Read(json, new FlexibleDecimalConverter()));

    private static T? Read<T>(string json, System.Text.Json.Serialization.JsonConverter<T> converter)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
        reader.Read();
        var value = converter.Read(ref reader, typeof(T), JsonSerializerOptions.Default);
        Assert.False(reader.Read() && reader.TokenType is not (JsonTokenType.EndObject or JsonTokenType.EndArray), "the converter must consume its whole value");
        return value;
    }
}

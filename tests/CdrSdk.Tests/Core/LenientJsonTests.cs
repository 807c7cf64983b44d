using System.Text.Json;
using CdrSdk.Core.Json;

namespace CdrSdk.Tests.Core;

public sealed class LenientJsonTests
{
    private static JsonElement Json(string text) => JsonDocument.Parse(text).RootElement.Clone();

    [Theory]
    [InlineData("[\"a\",\"b\"]", "a|b")]
    [InlineData("[1, 22]", "1|22")]
    [InlineData("\"a, b\"", "a|b")]
    [InlineData("\"[\\\"x\\\", \\\"y\\\"]\"", "x|y")]
    [InlineData("\"[1234567890L, 9876543210L]\"", "1234567890|9876543210")]
    [InlineData("7", "7")]
    [InlineData("null", "")]
    [InlineData("\"\"", "")]
    public void String_lists_are_read_whatever_their_shape(string json, string expected)
    {
        Assert.Equal(expected, string.Join('|', LenientJson.AsStringList(Json(json))));
    }

    [Theory]
    [InlineData("\"2024-11-01T00:00:00+00:00\"", "2024-11-01T00:00:00+00:00")]
    [InlineData("\"2024-11-01T06:00:00-06:00\"", "2024-11-01T12:00:00+00:00")]
    [InlineData("\"2024-11-01T00:00:00\"", "2024-11-01T00:00:00+00:00")]
    [InlineData("\"2024-11-01 10:20:30Z\"", "2024-11-01T10:20:30+00:00")]
    [InlineData("1730419200", "2024-11-01T00:00:00+00:00")]
    public void Dates_with_or_without_an_offset_are_read_as_instants(string json, string expected)
    {
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), LenientJson.AsDateTimeOffset(Json(json)));
    }

    [Theory]
    [InlineData("\"\"")]
    [InlineData("\"not a date\"")]
    [InlineData("null")]
    [InlineData("{}")]
    public void Unreadable_dates_are_null(string json)
    {
        Assert.Null(LenientJson.AsDateTimeOffset(Json(json)));
    }

    [Theory]
    [InlineData("42", 42L)]
    [InlineData("\"42\"", 42L)]
    [InlineData("\"42.9\"", 42L)]
    [InlineData("4.2", 4L)]
    [InlineData("\"x\"", null)]
    [InlineData("true", null)]
    public void Integers_are_read_from_numbers_or_strings(string json, long? expected)
    {
        Assert.Equal(expected, LenientJson.AsInt64(Json(json)));
    }

    [Fact]
    public void Times_are_formatted_in_utc_with_an_explicit_offset()
    {
        Assert.Equal("2024-11-01T06:00:00+00:00", LenientJson.FormatIso8601(new DateTimeOffset(2024, 11, 1, 0, 0, 0, TimeSpan.FromHours(-6))));
        Assert.Equal("2024-11-01T00:00:00.25+00:00", LenientJson.FormatIso8601(new DateTimeOffset(2024, 11, 1, 0, 0, 0, 250, TimeSpan.Zero)));
    }
}

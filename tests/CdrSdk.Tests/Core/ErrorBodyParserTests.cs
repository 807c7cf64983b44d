using CdrSdk.Core.Http;

namespace CdrSdk.Tests.Core;

public sealed class ErrorBodyParserTests
{
    [Fact]
    public void Telnyx_errors_with_string_or_numeric_codes_and_sources()
    {
        var (errors, requestId) = ErrorBodyParser.Parse("""
            {"errors":[
              {"code":"10015","title":"Bad Request","detail":"end_time is invalid","source":{"pointer":"/end_time"}},
              {"code":10009,"title":"Authentication failed","detail":"bad key","source":{"parameter":"key"},"meta":{"url":"x"}}
            ],"meta":{"request_id":"req-1"}}
            """);

        Assert.Equal(2, errors.Count);
        Assert.Equal(new CdrApiError { Code = "10015", Title = "Bad Request", Detail = "end_time is invalid", Source = "/end_time" }, errors[0]);
        Assert.Equal("10009", errors[1].Code);
        Assert.Equal("key", errors[1].Source);
        Assert.Equal("req-1", requestId);
        Assert.Equal("[10015] Bad Request - end_time is invalid (at /end_time)", errors[0].ToString());
    }

    [Fact]
    public void GraphQL_errors_with_path_and_extension_code()
    {
        var (errors, _) = ErrorBodyParser.Parse("""{"errors":[{"message":"invalid type","path":["cdrRecords",0],"extensions":{"code":"BAD_USER_INPUT"}}],"data":null}""");

        var error = Assert.Single(errors);
        Assert.Equal("BAD_USER_INPUT", error.Code);
        Assert.Equal("invalid type", error.Title);
        Assert.Equal("cdrRecords.0", error.Source);
    }

    [Fact]
    public void Rails_style_field_errors_and_single_error_strings()
    {
        var (fieldErrors, _) = ErrorBodyParser.Parse("""{"errors":{"limit":["must be less than or equal to 1000","is invalid"]}}""");
        var (single, _) = ErrorBodyParser.Parse("""{"error":"Unauthorized"}""");

        Assert.Equal(2, fieldErrors.Count);
        Assert.All(fieldErrors, e => Assert.Equal("limit", e.Source));
        Assert.Equal("must be less than or equal to 1000", fieldErrors[0].Detail);
        Assert.Equal("Unauthorized", Assert.Single(single).Title);
    }

    [Fact]
    public void Kazoo_error_envelope_with_validation_data()
    {
        var (errors, requestId) = ErrorBodyParser.Parse("""
            {"status":"error","error":"400","message":"invalid data","request_id":"abc123",
             "data":{"created_from":{"date_range":{"message":"created_to is more than 2682000 seconds from created_from"}}}}
            """);

        var error = Assert.Single(errors);
        Assert.Equal("400", error.Code);
        Assert.Equal("invalid data", error.Title);
        Assert.Equal("created_from.date_range: created_to is more than 2682000 seconds from created_from", error.Detail);
        Assert.Equal("abc123", requestId);
    }

    [Theory]
    [InlineData("")]
    [InlineData("<html>Bad gateway</html>")]
    [InlineData("[1,2]")]
    [InlineData("{\"unrelated\":true}")]
    public void Bodies_without_errors_give_none(string body)
    {
        Assert.Empty(ErrorBodyParser.Parse(body).Errors);
    }
}

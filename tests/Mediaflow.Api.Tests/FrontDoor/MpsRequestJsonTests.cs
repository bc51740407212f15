using System.Text;
using System.Text.Json.Nodes;
using Mediaflow.Api.FrontDoor;
using Mediaflow.Domain.Errors;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace Mediaflow.Api.Tests.FrontDoor;

public sealed class MpsRequestJsonTests
{
    [Fact]
    public void FromQuery_FlattenedNestedArraysAndObjects_RebuildsTheTree()
    {
        var query = Query("ScheduleIds.0=1&ScheduleIds.1=2&ScheduleIds.10=3&Status=Enabled&Trigger.CosFileUploadTrigger.Formats.0=mp4&Trigger.Type=CosFileUpload");

        var json = JsonNode.Parse(MpsRequestJson.FromQuery(query).GetRawText());

        var expected = JsonNode.Parse("""
            {"ScheduleIds":["1","2","3"],"Status":"Enabled","Trigger":{"CosFileUploadTrigger":{"Formats":["mp4"]},"Type":"CosFileUpload"}}
            """);
        Assert.True(JsonNode.DeepEquals(expected, json), json?.ToJsonString());
    }

    [Fact]
    public void FromQuery_Empty_IsAnEmptyObject()
    {
        Assert.Equal("{}", MpsRequestJson.FromQuery(Query("")).GetRawText());
    }

    [Theory]
    [InlineData("A=1&A.B=2")]
    [InlineData("A..B=1")]
    public void FromQuery_ConflictingKeys_InvalidParameter(string query)
    {
        var refused = Assert.Throws<ApiException>(() => MpsRequestJson.FromQuery(Query(query)));
        Assert.Equal(ApiErrorCodes.InvalidParameter, refused.Code);
    }

    [Fact]
    public void FromBody_Empty_IsAnEmptyObject()
    {
        Assert.Equal("{}", MpsRequestJson.FromBody([]).GetRawText());
    }

    [Fact]
    public void FromBody_BigIntegers_KeptExactly()
    {
        var body = MpsRequestJson.FromBody(Encoding.UTF8.GetBytes("""{"ScheduleIds":[12345678901234567890]}"""));

        Assert.Equal("12345678901234567890", body.GetProperty("ScheduleIds")[0].GetRawText());
    }

    private static QueryCollection Query(string query) => new(QueryHelpers.ParseQuery(query));
}

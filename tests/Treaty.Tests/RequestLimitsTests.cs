using System.Net;
using Google.Rpc;
using Grpc.Core;
using TocMesh.ServiceDefaults.Errors;
using TocMesh.TestSupport;
using TocMesh.Treaty.V1;

namespace TocMesh.Treaty.Tests;

/// <summary>The bounds the contract declares, enforced before the handler; duplicates collapsed; reports capped.</summary>
public sealed class RequestLimitsTests(TreatyFixture fixture) : IClassFixture<TreatyFixture>
{
    private TreatyService.TreatyServiceClient Treaty => fixture.Host.Treaty();

    [Fact]
    public async Task A_comparison_of_200000_copies_of_one_state_is_refused_naming_state_codes()
    {
        var request = new GetLegislativeComparisonRequest();
        request.StateCodes.AddRange(Enumerable.Repeat("MEX", 200_000));

        var bad = await RpcAssert.InvalidArgumentAsync(() => Treaty.GetLegislativeComparisonAsync(request).ResponseAsync, "state_codes");

        Assert.Single(bad.FieldViolations);
    }

    [Fact]
    public async Task Repeated_states_and_topics_are_compared_once()
    {
        var request = new GetLegislativeComparisonRequest { Topics = { "witness-protection", "witness-protection" } };
        request.StateCodes.AddRange(Enumerable.Repeat("MEX", 30).Append("mex").Append("PER"));

        var comparison = await Treaty.GetLegislativeComparisonAsync(request);

        Assert.Equal(["MEX", "PER"], comparison.Rows.Select(r => r.StateCode));
        Assert.All(comparison.Rows, r => Assert.Single(r.Cells));
    }

    [Fact]
    public async Task Over_json_a_list_past_its_bound_is_400_naming_the_field()
    {
        var query = string.Join("&", Enumerable.Repeat("state_codes=MEX", 51));

        var response = await fixture.Host.CreateClient().GetAsync("/v1/legislativeComparison?" + query);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("state_codes", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_request_with_many_bad_entries_reports_the_first_ten_and_counts_the_rest()
    {
        var request = new GetLegislativeComparisonRequest();
        request.StateCodes.AddRange(Enumerable.Range(0, 40).Select(i => $"X{i:D2}"));

        var e = await RpcAssert.ThrowsAsync(StatusCode.InvalidArgument, () => Treaty.GetLegislativeComparisonAsync(request).ResponseAsync);

        Assert.Equal(ValidationException.MaxReported, e.GetRpcStatus()!.GetDetail<BadRequest>()!.FieldViolations.Count);
        Assert.Contains("40 fields are not valid", e.Status.Detail, StringComparison.Ordinal);
        Assert.EndsWith("and 30 more", e.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_string_past_its_bound_is_refused_before_the_handler()
    {
        var request = new GetStateStatusRequest { StateCode = new string('M', 65) };

        var bad = await RpcAssert.InvalidArgumentAsync(() => Treaty.GetStateStatusAsync(request).ResponseAsync, "state_code");

        Assert.Contains("64", Assert.Single(bad.FieldViolations).Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_body_that_is_not_a_message_is_invalid_argument_not_unknown()
    {
        var raw = fixture.Host.Client<RawClient>().Invoker;
        var bytes = Marshallers.Create<byte[]>(b => b, b => b);
        var method = new Method<byte[], byte[]>(MethodType.Unary, TreatyService.Descriptor.FullName, "GetStateStatus", bytes, bytes);

        var e = await RpcAssert.ThrowsAsync(StatusCode.InvalidArgument, () => raw.AsyncUnaryCall(method, null, default, [0xFF, 0xFF, 0xFF, 0xFF, 0x0F]).ResponseAsync);

        Assert.NotNull(e.GetRpcStatus()?.GetDetail<BadRequest>());
    }
}

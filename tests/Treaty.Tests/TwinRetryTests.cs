using Microsoft.Extensions.DependencyInjection;
using TocMesh.ServiceDefaults.Errors;
using TocMesh.ServiceDefaults.Persistence;
using TocMesh.Treaty.V1;

namespace TocMesh.Treaty.Tests;

/// <summary>
/// The request-id mechanism, where two retries of one create race: the one whose own rules refuse it
/// because its twin committed meanwhile answers with the twin's result, as a retry should.
/// </summary>
public sealed class TwinRetryTests
{
    [Fact]
    public async Task A_create_refused_by_a_rule_after_its_twin_committed_answers_with_the_twins_result()
    {
        using var host = new TreatyHost();
        await host.Treaty().ListInstrumentsAsync(new ListInstrumentsRequest());
        var key = new IdempotencyKey("OAS General Secretariat", "/tocmesh.treaty.v1.TreatyService/RecordTreatyAction", "twin-1", "fingerprint");

        using var scope = host.Services.CreateScope();
        var writes = scope.ServiceProvider.GetRequiredService<IdempotentWrites>();
        var answer = await writes.OnceAsync(key, RefusedAfterTheTwinCommitted, recorded => Task.FromResult("loaded " + recorded), CancellationToken.None);

        Assert.Equal("loaded treatyActions/twin", answer);

        // Without a twin's record the refusal stands.
        var other = key with { RequestId = "twin-2" };
        await Assert.ThrowsAsync<RuleViolationException>(() => writes.OnceAsync<string>(
            other, () => throw new RuleViolationException("ALREADY_CONSENTED", "DOM", "DOM had already consented."), Task.FromResult, CancellationToken.None));

        async Task<string> RefusedAfterTheTwinCommitted()
        {
            // The twin commits after this call checked for an earlier result...
            using var twin = host.Services.CreateScope();
            var twinWrites = twin.ServiceProvider.GetRequiredService<IdempotentWrites>();
            Assert.Null(await twinWrites.SaveChangesAsync(key, () => "treatyActions/twin", CancellationToken.None));
            // ...and this call's rule then sees the twin's record as a duplicate.
            throw new RuleViolationException("ALREADY_CONSENTED", "DOM", "DOM had already consented.");
        }
    }
}

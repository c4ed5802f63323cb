using Grpc.Core;
using Microsoft.AspNetCore.Http.Timeouts;
using TocMesh.Directory.V1;
using TocMesh.ServiceDefaults.Auth;
using TocMesh.ServiceDefaults.Contracts;
using TocMesh.ServiceDefaults.Errors;

namespace TocMesh.Directory.Grpc;

public sealed partial class DirectoryGrpcService
{
    public override async Task<GetContactHistoryResponse> GetContactHistory(GetContactHistoryRequest request, ServerCallContext context)
    {
        var revisions = await ContactReader.HistoryAsync(request.Name, context.CancellationToken);
        var caller = context.GetCaller();
        var response = new GetContactHistoryResponse();
        response.Revisions.AddRange(revisions.Select(r => r.ToMessage(caller.MayReadPersonalDataOf(r.StateCode))));
        return response;
    }

    public override async Task<GetDirectoryResponse> GetDirectory(GetDirectoryRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        var state = await OptionalStateAsync(request.StateCode, "state_code", violations, context.CancellationToken);
        var asOf = violations.Try(() => request.AsOf.ToAsOf("as_of", clock));
        var recordedAsOf = violations.Try(() => request.RecordedAsOf.ToDateOnlyOrNull("recorded_as_of")) ?? asOf;
        violations.ThrowIfAny();

        var snapshot = await ContactReader.DirectoryAsync(state, asOf, recordedAsOf, context.CancellationToken);
        var caller = context.GetCaller();
        var response = new GetDirectoryResponse { AsOf = asOf.ToProto(), RecordedAsOf = recordedAsOf.ToProto(), Sequence = snapshot.Sequence };
        response.Contacts.AddRange(snapshot.Contacts.Select(c => c.ToMessage(caller.MayReadPersonalDataOf(c.StateCode))));
        return response;
    }

    // A watch lasts as long as the watcher wants it: it ends when the call is cancelled.
    [DisableRequestTimeout]
    public override async Task WatchDirectory(WatchDirectoryRequest request, IServerStreamWriter<WatchDirectoryResponse> responseStream, ServerCallContext context)
    {
        var violations = new FieldViolations();
        violations.Check(request.AfterSequence >= 0, "after_sequence", "must not be negative");
        var state = await OptionalStateAsync(request.StateCode, "state_code", violations, context.CancellationToken);
        violations.ThrowIfAny();

        var http = context.GetHttpContext();
        using var slot = watchSlots.TryEnter(http.QuotaKey(), context.GetCaller().IsAnonymous)
            ?? throw new QuotaExceededException("the watchers of this replica or of this caller", TimeSpan.FromSeconds(5));
        try
        {
            // Headers first: the watcher knows its stream is established before any change arrives.
            await context.WriteResponseHeadersAsync([]);
            var caller = context.GetCaller();
            var settings = options.Value;
            var after = request.AfterSequence;
            var ct = context.CancellationToken;
            while (!ct.IsCancellationRequested)
            {
                // Taken before reading, so a change committed during the read still wakes us.
                var nextChange = changeSignal.NextChange;
                var batch = await ChangeLog.ReadAfterAsync(after, state, settings.WatchBatchSize, ct);
                foreach (var revision in batch)
                {
                    await responseStream.WriteAsync(revision.ToWatchResponse(caller.MayReadPersonalDataOf(revision.StateCode)), ct);
                    after = revision.Sequence;
                }

                if (batch.Count < settings.WatchBatchSize)
                {
                    // Woken by a write on any replica (over the replica bus), or after the poll interval.
                    try
                    {
                        await nextChange.WaitAsync(settings.WatchPollInterval, ct);
                    }
                    catch (TimeoutException)
                    {
                        // Nothing here; look again in the log.
                    }
                }
            }
        }
        catch (OperationCanceledException) when (context.CancellationToken.IsCancellationRequested)
        {
            // The watcher went away or its deadline passed: the stream simply ends.
        }
    }
}

using Grpc.Core;
using Microsoft.Extensions.Caching.Hybrid;
using Microsoft.Extensions.Options;
using TocMesh.Directory.Application;
using TocMesh.Directory.V1;
using TocMesh.MemberStates;
using TocMesh.ServiceDefaults.Caching;
using TocMesh.ServiceDefaults.Errors;
using TocMesh.ServiceDefaults.Persistence;

namespace TocMesh.Directory.Grpc;

/// <summary>
/// The Directory's contract: maps messages to the register, the contacts and the change requests.
/// One file per area: member states, contacts, change requests, history and watch, documents.
/// </summary>
[BindServiceMethod(typeof(WireBytesBinding<DirectoryService.DirectoryServiceBase>), nameof(WireBytesBinding<DirectoryService.DirectoryServiceBase>.BindService))]
public sealed partial class DirectoryGrpcService(
    Deferred<MemberStateCatalog> memberStateCatalog,
    MemberStateRegister register,
    Deferred<ContactReader> contactReaderOnUse,
    Deferred<ContactStore> contactStore,
    Deferred<ChangeRequestStore> changeRequestStore,
    Deferred<DirectoryChangeLog> directoryChangeLog,
    DirectoryChangeSignal changeSignal,
    WatchSlots watchSlots,
    IOptions<DirectoryOptions> options,
    HybridCache cache,
    TimeProvider clock) : DirectoryService.DirectoryServiceBase
{
    // Resolved on first use: a read answered from the cache touches none of them (Deferred<T>).
    private MemberStateCatalog MemberStates => memberStateCatalog.Value;

    private ContactReader ContactReader => contactReaderOnUse.Value;

    private ContactStore Contacts => contactStore.Value;

    private ChangeRequestStore ChangeRequests => changeRequestStore.Value;

    private DirectoryChangeLog ChangeLog => directoryChangeLog.Value;

    /// <summary>A state filter: empty means every state; otherwise a member state, or a violation of <paramref name="field"/>.</summary>
    private async Task<string?> OptionalStateAsync(string code, string field, FieldViolations violations, CancellationToken ct) =>
        string.IsNullOrWhiteSpace(code) ? null : await violations.TryAsync(() => register.EnsureMemberAsync(code, field, ct));
}

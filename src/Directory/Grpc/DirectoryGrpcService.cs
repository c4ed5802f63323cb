using Grpc.Core;
using Microsoft.Extensions.Caching.Hybrid;
using Microsoft.Extensions.Options;
using TocMesh.Directory.Application;
using TocMesh.Directory.V1;
using TocMesh.MemberStates;
using TocMesh.ServiceDefaults.Caching;
using TocMesh.ServiceDefaults.Errors;

namespace TocMesh.Directory.Grpc;

/// <summary>
/// The Directory's contract: maps messages to the register, the contacts and the change requests.
/// One file per area: member states, contacts, change requests, history and watch, documents.
/// </summary>
[BindServiceMethod(typeof(WireBytesBinding<DirectoryService.DirectoryServiceBase>), nameof(WireBytesBinding<DirectoryService.DirectoryServiceBase>.BindService))]
public sealed partial class DirectoryGrpcService(
    IServiceProvider call,
    MemberStateRegister register,
    DirectoryChangeSignal changeSignal,
    WatchSlots watchSlots,
    IOptions<DirectoryOptions> options,
    HybridCache cache,
    TimeProvider clock) : DirectoryService.DirectoryServiceBase
{
    // The stores, resolved from the call's scope on first use: a read answered from the cache
    // resolves none of them, so leases no database context.
    private MemberStateCatalog MemberStates => field ??= call.GetRequiredService<MemberStateCatalog>();

    private ContactReader ContactReader => field ??= call.GetRequiredService<ContactReader>();

    private ContactStore Contacts => field ??= call.GetRequiredService<ContactStore>();

    private ChangeRequestStore ChangeRequests => field ??= call.GetRequiredService<ChangeRequestStore>();

    private DirectoryChangeLog ChangeLog => field ??= call.GetRequiredService<DirectoryChangeLog>();

    /// <summary>A state filter: empty means every state; otherwise a member state, or a violation of <paramref name="field"/>.</summary>
    private async Task<string?> OptionalStateAsync(string code, string field, FieldViolations violations, CancellationToken ct) =>
        string.IsNullOrWhiteSpace(code) ? null : await violations.TryAsync(() => register.EnsureMemberAsync(code, field, ct));
}

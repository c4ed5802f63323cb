using Grpc.Core;

namespace TocMesh.TestSupport;

/// <summary>A client of no contract in particular: its invoker sends any method's bytes (see <see cref="GeneratedInput"/>).</summary>
public sealed class RawClient : ClientBase<RawClient>
{
    public RawClient(CallInvoker invoker) : base(invoker) { }

    private RawClient(ClientBaseConfiguration configuration) : base(configuration) { }

    public CallInvoker Invoker => CallInvoker;

    protected override RawClient NewInstance(ClientBaseConfiguration configuration) => new(configuration);
}

using System.Reflection;
using Google.Protobuf.Reflection;
using Grpc.Core;

namespace TocMesh.ServiceDefaults.Caching;

/// <summary>
/// Binds a service's methods as its generated code does, with one difference in the response
/// marshallers: a response whose bytes <see cref="WireBytes"/> holds (a response the cache shares)
/// is written as those bytes, not serialized again. Put on the service class:
/// <c>[BindServiceMethod(typeof(WireBytesBinding&lt;XService.XServiceBase&gt;), nameof(WireBytesBinding&lt;XService.XServiceBase&gt;.BindService))]</c>.
/// gRPC, JSON transcoding and reflection find the methods and the <see cref="Descriptor"/> here.
/// </summary>
public static class WireBytesBinding<TServiceBase> where TServiceBase : class
{
    /// <summary>The generated class of the service (<c>XService</c>, which nests <c>XServiceBase</c>).</summary>
    private static readonly Type Generated = typeof(TServiceBase).DeclaringType
        ?? throw new InvalidOperationException($"{typeof(TServiceBase)} is not a generated service base (nested in its service class).");

    private static readonly MethodInfo GeneratedBind = Generated.GetMethod("BindService", BindingFlags.Public | BindingFlags.Static, [typeof(ServiceBinderBase), typeof(TServiceBase)])
        ?? throw new InvalidOperationException($"{Generated} has no BindService(ServiceBinderBase, {typeof(TServiceBase).Name}).");

    /// <summary>The service's descriptor, where JSON transcoding and reflection look for it.</summary>
    public static ServiceDescriptor Descriptor { get; } =
        (ServiceDescriptor)(Generated.GetProperty("Descriptor", BindingFlags.Public | BindingFlags.Static)?.GetValue(null)
            ?? throw new InvalidOperationException($"{Generated} has no Descriptor."));

    /// <summary>
    /// Takes the generated base type, as the generated binding does: the server finds the
    /// implementation of each method as an override of that base's.
    /// </summary>
    public static void BindService(ServiceBinderBase binder, TServiceBase? service) =>
        GeneratedBind.Invoke(null, [new Rebinder(binder), service]);

    /// <summary>Hands each method on with its response marshaller wrapped.</summary>
    private sealed class Rebinder(ServiceBinderBase inner) : ServiceBinderBase
    {
        public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, UnaryServerMethod<TRequest, TResponse>? handler) =>
            inner.AddMethod(Rebind(method), handler);

        public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, ServerStreamingServerMethod<TRequest, TResponse>? handler) =>
            inner.AddMethod(Rebind(method), handler);

        public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, ClientStreamingServerMethod<TRequest, TResponse>? handler) =>
            inner.AddMethod(Rebind(method), handler);

        public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, DuplexStreamingServerMethod<TRequest, TResponse>? handler) =>
            inner.AddMethod(Rebind(method), handler);

        private static Method<TRequest, TResponse> Rebind<TRequest, TResponse>(Method<TRequest, TResponse> method)
            where TRequest : class
            where TResponse : class
        {
            var serialize = method.ResponseMarshaller.ContextualSerializer;
            var marshaller = Marshallers.Create<TResponse>(
                (response, context) =>
                {
                    if (response is Google.Protobuf.IMessage message && WireBytes.TryGet(message, out var bytes))
                    {
                        context.Complete(bytes);
                    }
                    else
                    {
                        serialize(response, context);
                    }
                },
                method.ResponseMarshaller.ContextualDeserializer);
            return new Method<TRequest, TResponse>(method.Type, method.ServiceName, method.Name, method.RequestMarshaller, marshaller);
        }
    }
}

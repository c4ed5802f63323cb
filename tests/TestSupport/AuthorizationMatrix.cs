using Google.Protobuf.Reflection;
using Grpc.Core;
using Xunit;

namespace TocMesh.TestSupport;

/// <summary>
/// The authorization matrix: every write method of a service × every kind of caller. The write
/// methods come from the service's descriptor, so a new write without a row in a service's matrix
/// fails that service's test. Each row writes for <see cref="State"/>: its editor is Mexico's key,
/// the other state's editor Peru's.
/// </summary>
public static class AuthorizationMatrix
{
    /// <summary>The state every row writes for.</summary>
    public const string State = "MEX";

    /// <summary>Methods named like this only read; every other method is a write and needs a row.</summary>
    public static readonly IReadOnlyList<string> ReadPrefixes =
        ["Get", "List", "Search", "Watch", "Render", "Export", "Parse", "Compare", "Recommend", "Suggest"];

    public static IReadOnlyList<string> WriteMethods(ServiceDescriptor service) =>
        [.. service.Methods.Select(m => m.Name).Where(name => !ReadPrefixes.Any(p => name.StartsWith(p, StringComparison.Ordinal))).Order(StringComparer.Ordinal)];

    /// <summary>One row per write method and caller.</summary>
    public static TheoryData<string, Writer> Cells(ServiceDescriptor service)
    {
        var data = new TheoryData<string, Writer>();
        foreach (var method in WriteMethods(service))
        {
            foreach (var writer in Enum.GetValues<Writer>())
            {
                data.Add(method, writer);
            }
        }

        return data;
    }

    public static string? Key(Writer writer) => writer switch
    {
        Writer.Anonymous => null,
        Writer.Partner => TestKeys.Partner,
        Writer.EditorOfTheState => TestKeys.MexicoEditor,
        Writer.EditorOfAnotherState => TestKeys.PeruEditor,
        Writer.Secretariat => TestKeys.Secretariat,
        Writer.Service => TestKeys.TreatyService,
        _ => throw new ArgumentOutOfRangeException(nameof(writer)),
    };

    public static StatusCode Expected(WriteRule rule, Writer writer) => writer switch
    {
        Writer.Anonymous => StatusCode.Unauthenticated,
        Writer.Secretariat => StatusCode.OK,
        Writer.EditorOfTheState when rule == WriteRule.StateEditorOrSecretariat => StatusCode.OK,
        _ => StatusCode.PermissionDenied,
    };

    /// <summary>
    /// Runs one cell: the write with <paramref name="writer"/>'s key must end as the matrix says. A
    /// refused write leaves <paramref name="snapshot"/> as it was; an allowed one changes it (unless
    /// the write, like a repeated import, has nothing left to change).
    /// </summary>
    public static async Task CheckAsync(
        WriteRule rule, Writer writer, Func<string?, Task> write, Func<Task<string>> snapshot, bool changesWhenAllowed = true)
    {
        var before = await snapshot();
        var expected = Expected(rule, writer);
        if (expected == StatusCode.OK)
        {
            try
            {
                await write(Key(writer));
            }
            catch (RpcException e)
            {
                Assert.Fail($"{writer} should have been allowed, but got {e.StatusCode}: {e.Status.Detail}");
            }

            if (changesWhenAllowed)
            {
                Assert.NotEqual(before, await snapshot());
            }
        }
        else
        {
            await RpcAssert.ThrowsAsync(expected, () => write(Key(writer)));
            Assert.Equal(before, await snapshot());
        }
    }
}

using Grpc.Core;
using TocMesh.Directory.V1;

namespace TocMesh.Directory.Tests;

/// <summary>Calls sent at once, to run a caller out of its quota: however slow the machine, a burst outpaces one refill per 100 ms.</summary>
internal static class Bursts
{
    /// <summary>Bursts of <paramref name="size"/> calls until one is refused: how many were answered before, and the refusal.</summary>
    public static async Task<(int Admitted, RpcException Refused)> UntilRefusedAsync(DirectoryService.DirectoryServiceClient directory, int size)
    {
        var admitted = 0;
        for (var burst = 0; burst < 20; burst++)
        {
            var outcomes = await SendAsync(directory, size);
            admitted += outcomes.Count(o => o is null);
            if (outcomes.FirstOrDefault(o => o is not null) is { } refused)
            {
                return (admitted, refused);
            }
        }

        throw new Xunit.Sdk.XunitException($"{20 * size} calls in bursts of {size}, none refused");
    }

    /// <summary><paramref name="size"/> calls sent at once: null for each answered call, else its failure.</summary>
    public static Task<RpcException?[]> SendAsync(DirectoryService.DirectoryServiceClient directory, int size) =>
        Task.WhenAll(Enumerable.Range(0, size).Select(async _ =>
        {
            try
            {
                await directory.GetMemberStateAsync(new GetMemberStateRequest { Code = "MEX" });
                return (RpcException?)null;
            }
            catch (RpcException e)
            {
                return e;
            }
        }));
}

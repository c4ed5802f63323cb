using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Grpc.Net.Client;
using TocMesh.Treaty.V1;

namespace TocMesh.Benchmarks;

/// <summary>An action the probes correct, and where its effect is read: the state's status for the instrument.</summary>
internal sealed record Probed(string Name, string State, string Instrument);

/// <summary>One Treaty process of the replica benchmark, and the two calls a probe makes on it.</summary>
internal sealed class TreatyReplica(RunningService running) : IDisposable
{
    private readonly GrpcChannel _channel = GrpcChannel.ForAddress(running.Url);

    public RunningService Running { get; } = running;

    public Metadata Headers { get; } = new() { { "authorization", "Bearer " + ReplicaBench.Key } };

    public TreatyService.TreatyServiceClient Client => new(_channel);

    /// <summary>The state's reservations to the instrument in its (cached) status: what a correction changes.</summary>
    public async Task<string> GetAsync(Probed action)
    {
        var status = await Client.GetStateStatusAsync(
            new GetStateStatusRequest { StateCode = action.State, AsOf = new Google.Type.Date { Year = 2020, Month = 1, Day = 1 } },
            Headers, DateTime.UtcNow.AddSeconds(5));
        return string.Join(",", status.Instruments.Where(i => i.InstrumentId == action.Instrument).SelectMany(i => i.Reservations));
    }

    public async Task<string> CorrectAsync(Probed action, string note)
    {
        await Client.CorrectTreatyActionAsync(new CorrectTreatyActionRequest
        {
            TreatyAction = new TreatyAction { Name = action.Name, Reservations = { note } },
            UpdateMask = new FieldMask { Paths = { "reservations" } },
            Reason = "coherence probe",
        }, Headers, DateTime.UtcNow.AddSeconds(10));
        return note;
    }

    public void Dispose() => _channel.Dispose();
}

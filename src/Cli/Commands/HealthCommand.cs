using System.CommandLine;
using Grpc.Core;
using Grpc.Health.V1;
using TocMesh.Cli.Hosting;
using TocMesh.Cli.Output;

namespace TocMesh.Cli.Commands;

/// <summary><c>health</c>: grpc.health.v1 Check on every service; a non-zero exit when any is not serving.</summary>
public static class HealthCommand
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    public static Command Create(CommandRunner runner)
    {
        var command = new Command("health", "Asks every service's grpc.health.v1 endpoint; exits non-zero when any is not SERVING.");
        runner.Action(command, async (session, ct) =>
        {
            var checks = await Task.WhenAll(TocMeshService.All.Select(service => CheckAsync(session, service, ct)));
            if (session.Json)
            {
                JsonOutput.WriteObject(session.Terminal.Output, checks);
            }
            else
            {
                var table = Tables.New("Service", "Address", "Status", "Detail");
                foreach (var check in checks)
                {
                    table.Row(check.Service, check.Address, check.Status, check.Detail);
                }

                session.Terminal.Console.Write(table);
            }

            return checks.All(c => c.Serving) ? ExitCodes.Ok : ExitCodes.ServiceError;
        });
        return command;
    }

    private static async Task<ServiceHealth> CheckAsync(Session session, TocMeshService service, CancellationToken ct)
    {
        var address = session.AddressOf(service).ToString();
        try
        {
            var client = new Health.HealthClient(session.Invoker(service));
            var response = await client.CheckAsync(new HealthCheckRequest(), deadline: DateTime.UtcNow.Add(Timeout), cancellationToken: ct);
            var status = response.Status switch
            {
                HealthCheckResponse.Types.ServingStatus.Serving => "SERVING",
                HealthCheckResponse.Types.ServingStatus.NotServing => "NOT_SERVING",
                HealthCheckResponse.Types.ServingStatus.ServiceUnknown => "SERVICE_UNKNOWN",
                _ => "UNKNOWN",
            };
            return new ServiceHealth(service.Name, address, status, "", response.Status == HealthCheckResponse.Types.ServingStatus.Serving);
        }
        catch (RpcException e) when (!ct.IsCancellationRequested)
        {
            var status = e.StatusCode is StatusCode.Unavailable or StatusCode.DeadlineExceeded ? "UNREACHABLE" : ErrorReport.StatusName(e.StatusCode);
            return new ServiceHealth(service.Name, address, status, $"{ErrorReport.StatusName(e.StatusCode)}: {e.Status.Detail}", false);
        }
    }

    public sealed record ServiceHealth(string Service, string Address, string Status, string Detail, bool Serving);
}

using System.Diagnostics;
using System.Globalization;
using Google.Protobuf;
using TocMesh.Directory.V1;
using TocMesh.ServiceDefaults.Contracts;
using TocMesh.ServiceDefaults.Errors;
using TocMesh.Treaty.V1;
using ProtoDate = Google.Type.Date;

namespace TocMesh.Benchmarks;

/// <summary>
/// What checking a request against its declared bounds costs per call (the step every method runs
/// before its handler), in process, on one core: prints microseconds per call; asserts nothing.
/// </summary>
public static class ValidationBench
{
    public static void Run()
    {
        var bounds = new RequestBounds();
        var flood = new GetLegislativeComparisonRequest();
        flood.StateCodes.AddRange(Enumerable.Repeat("MEX", 200_000));
        var cases = new (string Name, IMessage Request, int Calls)[]
        {
            ("ListMemberStates (page_size, as_of)", new ListMemberStatesRequest { PageSize = 100, AsOf = new ProtoDate { Year = 2009, Month = 10, Day = 7 } }, 20_000),
            ("GetLegislativeComparison, 35 states, 3 topics", Comparison(35), 5_000),
            ("RecordLegislation (a full record)", new RecordLegislationRequest
            {
                RequestId = "bench-1",
                Legislation = new Legislation { StateCode = "PER", Title = "Ley 30077", Summary = new string('s', 2000), Topics = { "witness-protection" }, InstrumentIds = { "untoc" } },
            }, 5_000),
            ("refused: 200,000 copies of one state", flood, 20),
        };

        Console.WriteLine("Request bounds (buf.validate via ProtoValidate), per call:");
        foreach (var (name, request, calls) in cases)
        {
            for (var i = 0; i < Math.Min(calls, 200); i++)
            {
                Check(bounds, request);
            }

            var watch = Stopwatch.StartNew();
            for (var i = 0; i < calls; i++)
            {
                Check(bounds, request);
            }

            var micros = watch.Elapsed.TotalMicroseconds / calls;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {name,-48} {micros,10:N1} µs ({request.CalculateSize():N0} bytes)"));
        }
    }

    private static GetLegislativeComparisonRequest Comparison(int states)
    {
        var request = new GetLegislativeComparisonRequest { Topics = { "witness-protection", "bank-secrecy", "asset-forfeiture" } };
        request.StateCodes.AddRange(Enumerable.Range(0, states).Select(i => $"S{i:D2}"));
        return request;
    }

    private static void Check(RequestBounds bounds, IMessage request)
    {
        try
        {
            bounds.Check(request);
        }
        catch (ValidationException)
        {
            // the refused case: its cost is the point
        }
    }
}

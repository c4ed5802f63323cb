using System.Globalization;
using CsvHelper.Configuration.Attributes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Hybrid;
using TocMesh.Directory.Domain;
using TocMesh.MemberStates;
using TocMesh.ServiceDefaults.Persistence;

namespace TocMesh.Directory.Data.Seeders;

/// <summary>
/// Loads the member-state register from the reference files shipped with the service
/// (member_states.csv, membership_periods.csv). Idempotent: existing states are updated, nothing is duplicated.
/// </summary>
public sealed partial class MemberStateSeeder(DirectoryDbContext db, HybridCache cache, ILogger<MemberStateSeeder> logger) : IDataSeeder
{
    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        var states = ReferenceFiles.Read<StateRow>("member_states.csv");
        var periods = ReferenceFiles.Read<PeriodRow>("membership_periods.csv");
        var existing = await db.MemberStates.Include(s => s.Periods).ToDictionaryAsync(s => s.Code, cancellationToken);

        var changed = 0;
        foreach (var row in states)
        {
            if (!existing.TryGetValue(row.Iso3, out var state))
            {
                state = new MemberState { Code = row.Iso3, Iso2 = row.Iso2, NameEn = row.NameEn, NameEs = row.NameEs };
                db.MemberStates.Add(state);
                existing[row.Iso3] = state;
                changed++;
            }
            else if (state.Iso2 != row.Iso2 || state.NameEn != row.NameEn || state.NameEs != row.NameEs)
            {
                (state.Iso2, state.NameEn, state.NameEs) = (row.Iso2, row.NameEn, row.NameEs);
                changed++;
            }
        }

        foreach (var row in periods)
        {
            if (!existing.TryGetValue(row.Iso3, out var state))
            {
                throw new InvalidDataException($"membership_periods.csv names {row.Iso3}, which member_states.csv does not list.");
            }

            var status = ParseStatus(row.Status);
            var from = DateOnly.ParseExact(row.From, "yyyy-MM-dd", CultureInfo.InvariantCulture);
            DateOnly? to = string.IsNullOrWhiteSpace(row.To) ? null : DateOnly.ParseExact(row.To, "yyyy-MM-dd", CultureInfo.InvariantCulture);
            var period = state.Periods.FirstOrDefault(p => p.From == from && p.Status == status);
            if (period is null)
            {
                state.Periods.Add(new MembershipPeriodRecord { StateCode = state.Code, Status = status, From = from, To = to, Basis = row.Basis });
                changed++;
            }
            else if (period.To != to || period.Basis != row.Basis)
            {
                (period.To, period.Basis) = (to, row.Basis);
                changed++;
            }
        }

        if (changed > 0)
        {
            await db.SaveChangesAsync(cancellationToken);
            await cache.RemoveByTagAsync(MemberStateRegister.CacheTag, cancellationToken);
        }

        LogImported(logger, states.Count, periods.Count, changed);
    }

    private static Participation ParseStatus(string status) => status switch
    {
        "not_participating" => Participation.NotParticipating,
        "suspended" => Participation.Suspended,
        "withdrawn" => Participation.Withdrawn,
        _ => throw new InvalidDataException($"membership_periods.csv: unknown status '{status}'."),
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "Member-state register: {States} states, {Periods} periods read; {Changed} changes applied")]
    private static partial void LogImported(ILogger logger, int states, int periods, int changed);

    private sealed class StateRow
    {
        [Name("iso3")] public string Iso3 { get; set; } = "";
        [Name("iso2")] public string Iso2 { get; set; } = "";
        [Name("name_en")] public string NameEn { get; set; } = "";
        [Name("name_es")] public string NameEs { get; set; } = "";
    }

    private sealed class PeriodRow
    {
        [Name("iso3")] public string Iso3 { get; set; } = "";
        [Name("status")] public string Status { get; set; } = "";
        [Name("from")] public string From { get; set; } = "";
        [Name("to")] public string To { get; set; } = "";
        [Name("basis")] public string Basis { get; set; } = "";
    }
}

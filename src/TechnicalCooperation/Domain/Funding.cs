namespace TocMesh.TechnicalCooperation.Domain;

/// <summary>One funding record: a budget line, a specific fund, or an unsuccessful attempt to obtain one.</summary>
public sealed class Funding
{
    public long Id { get; set; }

    public FundingSource Source { get; set; }

    /// <summary>Empty when the source does not name the donor; <see cref="DonorNote"/> then says what it does say.</summary>
    public string Donor { get; set; } = "";

    public string DonorNote { get; set; } = "";

    /// <summary>Empty for a budget line of the whole department (not earmarked).</summary>
    public string WorkArea { get; set; } = "";

    public string Recipient { get; set; } = "";

    /// <summary>Null when the amount was not stated: then <see cref="MinorUnits"/> is null too.</summary>
    public string? CurrencyCode { get; set; }

    public long? MinorUnits { get; set; }

    public FundingStatus Status { get; set; }

    public DateOnly? PeriodStart { get; set; }

    public DateOnly? PeriodEnd { get; set; }

    public DateOnly? ReportedOn { get; set; }

    public string SourceMeetingId { get; set; } = "";

    public string SourceDocument { get; set; } = "";

    public string Note { get; set; } = "";

    public string? RequestId { get; set; }

    public string Name => ResourceNames.Funding(Id);

    public Money? Amount => CurrencyCode is not null && MinorUnits is { } units ? new Money(CurrencyCode, units) : null;

    /// <summary>Pledged or received: funds exist (even when their amount is not stated).</summary>
    public bool IsFunds => Status is FundingStatus.Pledged or FundingStatus.Received;
}

using TocMesh.Treaty.Domain;

namespace TocMesh.Treaty.Application.ReferenceData;

/// <summary>One state on a published list of those that had ratified an instrument by a date.</summary>
internal sealed record ListedConsent(int Line, string State, Instrument Instrument, DateOnly AsOf, string AsOfText, string Source);

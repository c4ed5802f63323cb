using System.ComponentModel;

namespace TocMesh.Treaty.Domain;

/// <summary>Immutable once computed, so the in-process cache shares one instance.</summary>
[ImmutableObject(true)]
public sealed record RatificationReport(
    DateOnly AsOf, ReportScopeKind Scope, int StatesInScope, string ScopeDescription, string[] Excluded, Tally[] Tallies, string Paragraph);

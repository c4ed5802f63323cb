using System.ComponentModel;
using TocMesh.Treaty.Domain;

namespace TocMesh.Treaty.Application;

/// <summary>One state's standing on every instrument at the end of a day, with its statements made by then.</summary>
[ImmutableObject(true)]
public sealed record StateStatus(string StateCode, DateOnly AsOf, StateInstrumentLine[] Lines, StatusStatement[] Statements);

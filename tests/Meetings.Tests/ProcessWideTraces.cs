namespace TocMesh.Meetings.Tests;

/// <summary>
/// Tests that read every span a host exported. A tracer listens to its sources by name, so while
/// other tests' hosts run it also records their spans; these tests run alone, after the others.
/// </summary>
[CollectionDefinition(nameof(ProcessWideTraces), DisableParallelization = true)]
public sealed class ProcessWideTraces;

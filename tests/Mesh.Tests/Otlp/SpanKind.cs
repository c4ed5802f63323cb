namespace TocMesh.Mesh.Tests.Otlp;

/// <summary>OTLP's span kinds (<c>Span.SpanKind</c>).</summary>
public enum SpanKind
{
    Unspecified = 0,
    Internal = 1,
    Server = 2,
    Client = 3,
    Producer = 4,
    Consumer = 5,
}

namespace TocMesh.Meetings.Domain;

/// <summary>What a document holds whose content another service owns (the report asks that service).</summary>
public enum DocumentContent { None = 0, RatificationStatus = 1, PointsOfContact = 2, NeedsAssessment = 3, Toolkit = 4 }

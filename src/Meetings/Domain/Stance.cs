namespace TocMesh.Meetings.Domain;

/// <summary>How a speaker stood on the components of the work program it named (values match the contract's).</summary>
public enum Stance { None = 0, Emphasized = 1, Supported = 2, Commented = 3 }

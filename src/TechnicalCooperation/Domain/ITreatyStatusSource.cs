namespace TocMesh.TechnicalCooperation.Domain;

/// <summary>The Treaty service's record of a state's ratifications.</summary>
public interface ITreatyStatusSource
{
    /// <summary>Throws <c>DependencyUnavailableException</c> when the Treaty service cannot be reached.</summary>
    Task<IReadOnlyList<InstrumentStanding>> GetStateStatusAsync(string stateCode, DateOnly asOf, CancellationToken cancellationToken);
}

using TocMesh.MemberStates;
using TocMesh.ServiceDefaults.Errors;

namespace TocMesh.Directory.Application;

/// <summary>Contacts and change requests are recorded for member states the register has verified.</summary>
public static class VerifiedMembership
{
    /// <summary>
    /// The register's code for <paramref name="state"/>; when it is not a verified member, its
    /// problems are added to <paramref name="violations"/> (with every other problem of the request).
    /// </summary>
    public static async Task<string> CheckVerifiedMemberAsync(
        this MemberStateRegister register, string state, string field, FieldViolations violations, CancellationToken ct)
    {
        try
        {
            return await register.EnsureMemberAsync(state, field, ct, requireVerified: true);
        }
        catch (ValidationException e)
        {
            foreach (var v in e.Violations)
            {
                violations.Add(v.Field, v.Description);
            }

            return state;
        }
    }
}

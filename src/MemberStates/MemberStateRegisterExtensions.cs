using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using TocMesh.Directory.V1;
using TocMesh.ServiceDefaults.Clients;

namespace TocMesh.MemberStates;

public static class MemberStateRegisterExtensions
{
    /// <summary>
    /// Validates state codes against the Directory's register through one cached client
    /// (<see cref="MemberStateRegister"/>); used by every service but the Directory itself.
    /// </summary>
    public static IHostApplicationBuilder AddMemberStateRegister(this IHostApplicationBuilder builder)
    {
        builder.AddServiceClient<DirectoryService.DirectoryServiceClient>(MeshResources.Directory, TimeSpan.FromSeconds(3));
        builder.Services.AddSingleton<IMemberStateSource, DirectoryMemberStateSource>();
        builder.Services.AddSingleton<MemberStateRegister>();
        return builder;
    }
}

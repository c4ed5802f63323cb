using TocMesh.ServiceDefaults.MemberStates;

namespace TocMesh.Treaty;

public static class TreatyServiceInfo
{
    public const string Name = "treaty";
}

public static class Extensions
{
    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddMemberStateRegister();
        return builder;
    }
}

using TocMesh.ServiceDefaults.MemberStates;

namespace TocMesh.TechnicalCooperation;

public static class TechCoopServiceInfo
{
    public const string Name = "techcoop";
}

public static class Extensions
{
    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddMemberStateRegister();
        return builder;
    }
}

using TocMesh.ServiceDefaults.MemberStates;

namespace TocMesh.Meetings;

public static class MeetingsServiceInfo
{
    public const string Name = "meetings";
}

public static class Extensions
{
    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddMemberStateRegister();
        return builder;
    }
}

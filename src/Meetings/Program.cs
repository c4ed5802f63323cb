using TocMesh;
using TocMesh.Meetings;
using TocMesh.Meetings.Grpc;
using TocMesh.ServiceDefaults;
using TocMesh.ServiceDefaults.Persistence;

var builder = ServiceHost.CreateBuilder(args);
builder.AddServiceDefaults(MeshResources.Meetings);
builder.AddApplicationServices();
builder.AddGrpcServiceClass<MeetingsGrpcService>();

var app = builder.Build();
app.UseServiceDefaults();
app.MapGrpcService<MeetingsGrpcService>();
app.MapDefaultEndpoints();
app.RunOrMigrate(args);

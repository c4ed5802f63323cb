using TocMesh;
using TocMesh.Directory;
using TocMesh.Directory.Grpc;
using TocMesh.ServiceDefaults;
using TocMesh.ServiceDefaults.Persistence;

var builder = ServiceHost.CreateBuilder(args);
builder.AddServiceDefaults(MeshResources.Directory);
builder.AddApplicationServices();
builder.AddGrpcServiceClass<DirectoryGrpcService>();

var app = builder.Build();
app.UseServiceDefaults();
app.MapGrpcService<DirectoryGrpcService>();
app.MapDefaultEndpoints();
app.RunOrMigrate(args);


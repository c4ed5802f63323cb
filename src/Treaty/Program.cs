using TocMesh;
using TocMesh.ServiceDefaults;
using TocMesh.ServiceDefaults.Persistence;
using TocMesh.Treaty;
using TocMesh.Treaty.Grpc;

var builder = ServiceHost.CreateBuilder(args);
builder.AddServiceDefaults(MeshResources.Treaty);
builder.AddApplicationServices();
builder.AddGrpcServiceClass<TreatyGrpcService>();

var app = builder.Build();
app.UseServiceDefaults();
app.MapGrpcService<TreatyGrpcService>();
app.MapDefaultEndpoints();
app.RunOrMigrate(args);

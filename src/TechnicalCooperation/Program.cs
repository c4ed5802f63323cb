using TocMesh;
using TocMesh.ServiceDefaults;
using TocMesh.ServiceDefaults.Persistence;
using TocMesh.TechnicalCooperation;
using TocMesh.TechnicalCooperation.Grpc;

var builder = ServiceHost.CreateBuilder(args);
builder.AddServiceDefaults(MeshResources.TechnicalCooperation);
builder.AddApplicationServices();
builder.AddGrpcServiceClass<TechnicalCooperationGrpcService>();

var app = builder.Build();
app.UseServiceDefaults();
app.MapGrpcService<TechnicalCooperationGrpcService>();
app.MapDefaultEndpoints();
app.RunOrMigrate(args);

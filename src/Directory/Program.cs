using TocMesh.Directory;
using TocMesh.Directory.Grpc;
using TocMesh.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults(DirectoryServiceInfo.Name);
builder.AddApplicationServices();

var app = builder.Build();
app.UseServiceDefaults();
app.MapGrpcService<DirectoryGrpcService>();
app.MapDefaultEndpoints();
app.Run();


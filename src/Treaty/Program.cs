using TocMesh.Treaty;
using TocMesh.Treaty.Grpc;
using TocMesh.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults(TreatyServiceInfo.Name);
builder.AddApplicationServices();

var app = builder.Build();
app.UseServiceDefaults();
app.MapGrpcService<TreatyGrpcService>();
app.MapDefaultEndpoints();
app.Run();

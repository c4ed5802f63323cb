using TocMesh;
using TocMesh.AppHost;

var builder = DistributedApplication.CreateBuilder(args);

// Redis: a container where a container runtime answers, else the local redis-server, else none.
var cache = builder.AddTocMeshCache(MeshResources.Cache);

var directory = builder.AddProject<Projects.TocMesh_Directory>(MeshResources.Directory)
    .WithTocMeshDefaults(cache);

var treaty = builder.AddProject<Projects.TocMesh_Treaty>(MeshResources.Treaty)
    .WithTocMeshDefaults(cache)
    .WithReference(directory);

var techcoop = builder.AddProject<Projects.TocMesh_TechnicalCooperation>(MeshResources.TechnicalCooperation)
    .WithTocMeshDefaults(cache)
    .WithReference(directory)
    .WithReference(treaty);

builder.AddProject<Projects.TocMesh_Meetings>(MeshResources.Meetings)
    .WithTocMeshDefaults(cache)
    .WithReference(treaty)
    .WithReference(directory)
    .WithReference(techcoop);

// Database:Provider=postgres runs every service on one PostgreSQL (a database each); SQLite otherwise.
// Data:Folder=<folder> keeps everything the mesh writes there (an empty folder: an empty mesh).
builder.AddTocMeshDatabases();

// Each service that calls others does so with a key of its own, generated here; its callees know its hash.
builder.AddTocMeshServiceIdentities();

builder.Build().Run();

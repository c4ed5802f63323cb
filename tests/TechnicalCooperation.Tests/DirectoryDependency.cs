extern alias directory;

using TocMesh.TestSupport;
using DirectoryGrpcService = directory::TocMesh.Directory.Grpc.DirectoryGrpcService;

namespace TocMesh.TechnicalCooperation.Tests;

/// <summary>The Directory service, in-process, as the dependency of the service under test.</summary>
public sealed class DirectoryDependency(string? dataFolder = null) : ServiceHost<DirectoryGrpcService>(MeshResources.Directory, dataFolder);

extern alias directory;

using TocMesh.TestSupport;
using DirectoryGrpcService = directory::TocMesh.Directory.Grpc.DirectoryGrpcService;

namespace TocMesh.Cli.Tests;

/// <summary>The Directory in-process, for the CLI to call.</summary>
public sealed class DirectoryNode(string? dataFolder = null) : ServiceHost<DirectoryGrpcService>("directory", dataFolder);

using TocMesh.Cli;

return await TocMeshCli.RunAsync(args, CliContext.System());

using Microsoft.Extensions.Configuration;

namespace TocMesh.AppHost;

/// <summary>
/// Where the mesh keeps what it writes. <c>Data:Folder</c>, when set, holds all of it: each
/// service's SQLite database (<c>&lt;folder&gt;/&lt;service&gt;/&lt;service&gt;.db</c>), the working folders of the
/// local Redis and PostgreSQL, and the issued API keys; an empty folder starts an empty mesh.
/// Unset: <c>AppHost/data</c>, and each service's SQLite database in the service's own <c>data/</c> folder.
/// </summary>
public static class DataFolders
{
    public const string Setting = "Data:Folder";

    /// <summary>The folder <c>Data:Folder</c> names (made when missing), or null when it is not set.</summary>
    public static string? Configured(IDistributedApplicationBuilder builder)
    {
        if (builder.Configuration[Setting] is not { Length: > 0 } configured)
        {
            return null;
        }

        var folder = Path.GetFullPath(configured);
        System.IO.Directory.CreateDirectory(folder);
        return folder;
    }

    /// <summary>The AppHost's data folder: <c>Data:Folder</c>, else <c>AppHost/data</c>.</summary>
    public static string Root(IDistributedApplicationBuilder builder) =>
        Configured(builder) ?? Path.Combine(builder.AppHostDirectory, "data");

    /// <summary>A folder of its own for <paramref name="name"/> (a resource) in the data folder, made when missing.</summary>
    public static string For(IDistributedApplicationBuilder builder, string name)
    {
        var folder = Path.Combine(Root(builder), name);
        System.IO.Directory.CreateDirectory(folder);
        return folder;
    }
}

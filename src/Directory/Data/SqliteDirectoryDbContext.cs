using Microsoft.EntityFrameworkCore;

namespace TocMesh.Directory.Data;

/// <summary>The model on SQLite; its migrations are in Data/Migrations/Sqlite.</summary>
public sealed class SqliteDirectoryDbContext(DbContextOptions<SqliteDirectoryDbContext> options) : DirectoryDbContext(options);

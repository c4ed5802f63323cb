using Microsoft.EntityFrameworkCore;

namespace TocMesh.Directory.Data;

/// <summary>The model on PostgreSQL; its migrations are in Data/Migrations/Postgres.</summary>
public sealed class PostgresDirectoryDbContext(DbContextOptions<PostgresDirectoryDbContext> options) : DirectoryDbContext(options);

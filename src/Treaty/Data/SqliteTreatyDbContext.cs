using Microsoft.EntityFrameworkCore;

namespace TocMesh.Treaty.Data;

/// <summary>The model on SQLite; its migrations are in Data/Migrations/Sqlite.</summary>
public sealed class SqliteTreatyDbContext(DbContextOptions<SqliteTreatyDbContext> options) : TreatyDbContext(options);

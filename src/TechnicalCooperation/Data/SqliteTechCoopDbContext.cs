using Microsoft.EntityFrameworkCore;

namespace TocMesh.TechnicalCooperation.Data;

/// <summary>The model on SQLite; its migrations are in Data/Migrations/Sqlite.</summary>
public sealed class SqliteTechCoopDbContext(DbContextOptions<SqliteTechCoopDbContext> options) : TechCoopDbContext(options);

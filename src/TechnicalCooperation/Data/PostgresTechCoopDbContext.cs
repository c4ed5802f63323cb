using Microsoft.EntityFrameworkCore;

namespace TocMesh.TechnicalCooperation.Data;

/// <summary>The model on PostgreSQL; its migrations are in Data/Migrations/Postgres.</summary>
public sealed class PostgresTechCoopDbContext(DbContextOptions<PostgresTechCoopDbContext> options) : TechCoopDbContext(options);

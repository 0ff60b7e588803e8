using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace CreatorMeta.ServiceDefaults.Data;

public static class DatabaseExtensions
{
    /// <summary>
    /// The service's own PostgreSQL database from <c>ConnectionStrings:{service}_db</c>: a pooled DbContext, the data
    /// source for raw SQL, and a readiness health check.
    /// </summary>
    public static IHostApplicationBuilder AddServiceDatabase<TDb>(this IHostApplicationBuilder builder, string service)
        where TDb : DbContext
    {
        var dataSource = builder.AddServiceDataSource(service);
        builder.Services.AddDbContextPool<TDb>(options => options.UseNpgsql(dataSource));
        return builder;
    }

    /// <summary>The service's own PostgreSQL database as a plain Npgsql data source, with its readiness health check.</summary>
    public static NpgsqlDataSource AddServiceDataSource(this IHostApplicationBuilder builder, string service)
    {
        var name = ResourceNames.DatabaseOf(service);
        var connectionString = builder.Configuration.GetConnectionString(name)
            ?? throw new InvalidOperationException(
                $"ConnectionStrings:{name} (environment ConnectionStrings__{name}) must be the {service} service's PostgreSQL connection string.");
        var dataSourceBuilder = new NpgsqlDataSourceBuilder(connectionString);
        // The same few statements run on every request: preparing them once per connection saves PostgreSQL parsing
        // and planning each time (about as long as running the duplicate guard's query). A connection string that
        // sets its own Max Auto Prepare wins.
        if (dataSourceBuilder.ConnectionStringBuilder.MaxAutoPrepare == 0)
            dataSourceBuilder.ConnectionStringBuilder.MaxAutoPrepare = 64;
        var dataSource = dataSourceBuilder.Build();
        builder.Services.AddSingleton(dataSource);
        builder.Services.AddHealthChecks().Add(new HealthCheckRegistration(
            "database", _ => new DatabaseHealthCheck(dataSource), HealthStatus.Unhealthy, ["ready"], TimeSpan.FromSeconds(5)));
        return dataSource;
    }

    /// <summary>Brings the service's schema up to date before it takes traffic.</summary>
    public static Task MigrateDatabaseAsync(this WebApplication app, System.Reflection.Assembly migrations, params CodeMigration[] code) =>
        SqlMigrator.MigrateAsync(app.Services.GetRequiredService<NpgsqlDataSource>(), migrations, code, app.Lifetime.ApplicationStopping);

    private sealed class DatabaseHealthCheck(NpgsqlDataSource dataSource) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            try
            {
                await using var command = dataSource.CreateCommand("SELECT 1");
                await command.ExecuteScalarAsync(cancellationToken);
                return HealthCheckResult.Healthy();
            }
            catch (Exception e)
            {
                return HealthCheckResult.Unhealthy("PostgreSQL is unreachable.", e);
            }
        }
    }
}

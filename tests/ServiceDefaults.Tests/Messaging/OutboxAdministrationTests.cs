using System.Net;
using CreatorMeta.ServiceDefaults.Data;
using CreatorMeta.ServiceDefaults.Health;
using CreatorMeta.ServiceDefaults.Messaging;
using CreatorMeta.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CreatorMeta.ServiceDefaults.Tests.Messaging;

/// <summary>
/// The outbox administration routes and the parked-messages readiness check, over real HTTP on a fresh database with
/// the shared messaging schema, as a service maps them (services add their authorization on top).
/// </summary>
public sealed class OutboxAdministrationTests : IAsyncLifetime
{
    private WebApplication _app = null!;
    private string _database = null!;
    private HttpClient _client = null!;

    public sealed class OutboxOnlyDb(DbContextOptions<OutboxOnlyDb> options) : DbContext(options)
    {
        protected override void OnModelCreating(ModelBuilder model) => model.AddOutbox().UseSnakeCaseNames();
    }

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync("outbox_admin");
        await using (var dataSource = NpgsqlDataSource.Create(_database))
            await SqlMigrator.MigrateAsync(dataSource, typeof(OutboxOnlyDb).Assembly, []);
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.Services.AddDbContext<OutboxOnlyDb>(options => options.UseNpgsql(_database));
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddHealthChecks().AddParkedOutboxCheck<OutboxOnlyDb>();
        _app = builder.Build();
        _app.MapOutboxAdministration<OutboxOnlyDb>();
        _app.MapHealthEndpoints();
        await _app.StartAsync();
        var port = new Uri(_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()).Port;
        _client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _app.DisposeAsync();
    }

    private Task ParkedAsync(Guid id, string type, int minutesAgo) => TestDatabase.ExecuteAsync(_database, $"""
        INSERT INTO outbox_messages (id, message_type, body, occurred_at, next_attempt_at, attempts, last_error, parked_at)
        VALUES ('{id}', '{type}', '[]', now() - interval '1 day', now() - interval '1 day', 5,
                'FileNotFoundException: {type} is gone', now() - interval '{minutesAgo} minutes')
        """);

    private Task PendingAsync(Guid id) => TestDatabase.ExecuteAsync(_database, $"""
        INSERT INTO outbox_messages (id, message_type, body, occurred_at, next_attempt_at)
        VALUES ('{id}', 'CreatorMeta.Later.Event, CreatorMeta.Later', '[]', now(), now() + interval '1 hour')
        """);

    private async Task<System.Text.Json.JsonElement> OutboxHealthAsync() =>
        (await (await _client.GetAsync("/health")).JsonAsync(HttpStatusCode.OK)).GetProperty("checks").GetProperty("outbox");

    [Fact]
    public async Task Parked_messages_are_listed_newest_first_and_readiness_is_degraded_while_any_are()
    {
        var older = Guid.NewGuid();
        var newer = Guid.NewGuid();
        await ParkedAsync(older, "CreatorMeta.Gone.Older, CreatorMeta.Gone", minutesAgo: 60);
        await ParkedAsync(newer, "CreatorMeta.Gone.Newer, CreatorMeta.Gone", minutesAgo: 5);
        await PendingAsync(Guid.NewGuid());

        var parked = await (await _client.GetAsync("/admin/outbox/parked")).JsonAsync(HttpStatusCode.OK);
        var health = await OutboxHealthAsync();

        Assert.Equal(2, parked.GetProperty("total").GetInt32());
        Assert.Equal([newer.ToString(), older.ToString()], parked.GetProperty("messages").EnumerateArray().Select(m => m.Id()));
        var first = parked.GetProperty("messages")[0];
        Assert.Equal("CreatorMeta.Gone.Newer, CreatorMeta.Gone", first.GetProperty("messageType").GetString());
        Assert.Equal(5, first.GetProperty("attempts").GetInt32());
        Assert.Equal("FileNotFoundException: CreatorMeta.Gone.Newer, CreatorMeta.Gone is gone", first.GetProperty("lastError").GetString());
        Assert.True(first.GetProperty("parkedAt").GetDateTimeOffset() > first.GetProperty("occurredAt").GetDateTimeOffset());
        Assert.Equal("Degraded", health.GetProperty("status").GetString());
        Assert.Equal("2 outbox messages parked; see /admin/outbox/parked", health.GetProperty("description").GetString());
    }

    [Fact]
    public async Task A_redriven_message_is_due_again_with_a_fresh_count_and_only_a_parked_one_can_be_redriven()
    {
        var parked = Guid.NewGuid();
        var pending = Guid.NewGuid();
        await ParkedAsync(parked, "CreatorMeta.Gone.Event, CreatorMeta.Gone", minutesAgo: 1);
        await PendingAsync(pending);

        var redriven = await _client.PostAsync($"/admin/outbox/parked/{parked}/redrive", null);
        var again = await _client.PostAsync($"/admin/outbox/parked/{parked}/redrive", null);
        var notParked = await _client.PostAsync($"/admin/outbox/parked/{pending}/redrive", null);
        var unknown = await _client.PostAsync($"/admin/outbox/parked/{Guid.NewGuid()}/redrive", null);

        Assert.Equal(HttpStatusCode.NoContent, redriven.StatusCode);
        await again.ProblemAsync(HttpStatusCode.NotFound);
        await notParked.ProblemAsync(HttpStatusCode.NotFound);
        await unknown.ProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(1L, await TestDatabase.ScalarAsync<long>(_database, """
            SELECT count(*) FROM outbox_messages
            WHERE id = $1 AND parked_at IS NULL AND attempts = 0 AND next_attempt_at <= now() AND dispatched_at IS NULL
            """, parked));
        var list = await (await _client.GetAsync("/admin/outbox/parked")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(0, list.GetProperty("total").GetInt32());
        Assert.Equal("Healthy", (await OutboxHealthAsync()).GetProperty("status").GetString());
    }
}

using CreatorMeta.ServiceDefaults;

namespace CreatorMeta.Testing;

/// <summary>
/// The PostgreSQL server and RabbitMQ broker that ./test.sh starts for the whole run, passed as
/// ConnectionStrings__postgres and ConnectionStrings__messaging.
/// </summary>
public static class TestEnvironment
{
    public static string Postgres => Required($"ConnectionStrings__{ResourceNames.Postgres}");
    public static string Messaging => Required($"ConnectionStrings__{ResourceNames.Messaging}");
    public static string MessagingManagement => Required($"ConnectionStrings__{ResourceNames.Messaging}_management");

    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    private static string Required(string name) => Environment.GetEnvironmentVariable(name)
        ?? throw new InvalidOperationException($"{name} is not set: run the tests with ./test.sh, which starts PostgreSQL and RabbitMQ for them.");

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            if (File.Exists(Path.Combine(directory.FullName, "CreatorMeta.sln")))
                return directory.FullName;
        throw new InvalidOperationException("CreatorMeta.sln not found above the test binaries.");
    }

    /// <summary>A workspace id no other test uses, so each test owns its data.</summary>
    public static string NewWorkspace() => "ws-" + Guid.NewGuid().ToString("N")[..16];
}

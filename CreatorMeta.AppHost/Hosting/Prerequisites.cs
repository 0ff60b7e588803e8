namespace CreatorMeta.AppHost.Hosting;

/// <summary>Finds the server binaries the AppHost needs, or says in one sentence how to install them.</summary>
public static class Prerequisites
{
    public const string RabbitMqServer = "/usr/lib/rabbitmq/bin/rabbitmq-server";
    public const string RabbitMqCtl = "/usr/lib/rabbitmq/bin/rabbitmqctl";
    public const string Epmd = "/usr/bin/epmd";

    public static string PostgresBin()
    {
        var candidates = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':')
            .Concat(Directory.Exists("/usr/lib/postgresql")
                ? Directory.GetDirectories("/usr/lib/postgresql").OrderDescending().Select(d => Path.Combine(d, "bin"))
                : []);
        return candidates.FirstOrDefault(dir => File.Exists(Path.Combine(dir, "initdb")) && File.Exists(Path.Combine(dir, "pg_ctl")))
            ?? throw new PrerequisiteMissingException(
                "PostgreSQL server binaries (initdb, pg_ctl) were not found: install them with 'apt-get install -y postgresql' or pass ConnectionStrings__postgres.");
    }

    public static void RequireRabbitMq()
    {
        if (!File.Exists(RabbitMqServer))
            throw new PrerequisiteMissingException(
                "RabbitMQ is not installed: install it with 'apt-get install -y rabbitmq-server' (./run does this for you) or pass ConnectionStrings__messaging.");
    }
}

/// <summary>A missing tool or server; the message is the one sentence the user needs.</summary>
public sealed class PrerequisiteMissingException(string message) : Exception(message);

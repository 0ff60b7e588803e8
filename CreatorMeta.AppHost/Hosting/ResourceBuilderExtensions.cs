using Microsoft.Extensions.Configuration;

namespace CreatorMeta.AppHost.Hosting;

/// <summary>The resource-graph vocabulary of Aspire (AddPostgres, AddDatabase, AddRabbitMQ, AddProject, WithReference, WaitFor).</summary>
public static class ResourceBuilderExtensions
{
    /// <summary>A private PostgreSQL cluster, or the server in <c>ConnectionStrings__{name}</c> when that is set.</summary>
    public static ResourceBuilder<PostgresServerResource> AddPostgres(this DistributedApplicationBuilder builder, string name) =>
        builder.AddResource(new PostgresServerResource(name, builder.StateDirectory, builder.Configuration.GetConnectionString(name)));

    public static ResourceBuilder<PostgresDatabaseResource> AddDatabase(this ResourceBuilder<PostgresServerResource> server, string name) =>
        server.ApplicationBuilder.AddResource(new PostgresDatabaseResource(name, server.Resource));

    /// <summary>A private RabbitMQ node, or the broker in <c>ConnectionStrings__{name}</c> when that is set.</summary>
    public static ResourceBuilder<RabbitMQServerResource> AddRabbitMQ(this DistributedApplicationBuilder builder, string name) =>
        builder.AddResource(new RabbitMQServerResource(name, builder.StateDirectory, builder.Configuration.GetConnectionString(name)));

    /// <summary>A project of this solution, by its path from the repository root.</summary>
    public static ResourceBuilder<ProjectResource> AddProject(this DistributedApplicationBuilder builder, string name, string projectPath) =>
        builder.AddResource(new ProjectResource(name, builder.RepositoryRoot, projectPath));

    public static ResourceBuilder<ProjectResource> WithGrpcEndpoint(this ResourceBuilder<ProjectResource> project)
    {
        project.Resource.AddGrpcEndpoint();
        return project;
    }

    public static ResourceBuilder<ProjectResource> WithHttpPort(this ResourceBuilder<ProjectResource> project, int port)
    {
        project.Resource.SetHttpPort(port);
        return project;
    }

    public static ResourceBuilder<ProjectResource> WithReference<T>(this ResourceBuilder<ProjectResource> project, ResourceBuilder<T> reference)
        where T : Resource
    {
        if (reference.Resource is IResourceWithConnectionString withConnectionString)
            project.Resource.ConnectionStrings.Add(withConnectionString);
        if (reference.Resource is IResourceWithEndpoints withEndpoints)
            project.Resource.ServiceReferences.Add(withEndpoints);
        return project;
    }

    public static ResourceBuilder<ProjectResource> WaitFor<T>(this ResourceBuilder<ProjectResource> project, ResourceBuilder<T> dependency)
        where T : Resource
    {
        project.Resource.WaitsFor.Add(dependency.Resource);
        return project;
    }

    public static ResourceBuilder<ProjectResource> WithEnvironment(this ResourceBuilder<ProjectResource> project, string name, string value)
    {
        project.Resource.Environment[name] = value;
        return project;
    }
}

using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;

namespace CreatorMeta.ServiceDefaults.Messaging;

public static class MessagingExtensions
{
    /// <summary>
    /// MassTransit over RabbitMQ from <c>ConnectionStrings:messaging</c> (an amqp:// URI). Queues are named
    /// "{service}-{consumer}"; failed messages are retried in place, then parked in the queue's _error queue. Also the
    /// "Messaging" options (<paramref name="defaults"/> are the service's own, which configuration still overrides) and
    /// the pass that deletes outbox and inbox rows past their retention.
    /// </summary>
    public static IHostApplicationBuilder AddMessaging(this IHostApplicationBuilder builder, string service,
        Action<IBusRegistrationConfigurator>? consumers = null,
        Action<IBusRegistrationContext, IRabbitMqBusFactoryConfigurator>? endpoints = null,
        Action<MessagingOptions>? defaults = null)
    {
        var connectionString = builder.Configuration.GetConnectionString(ResourceNames.Messaging)
            ?? throw new InvalidOperationException(
                $"ConnectionStrings:{ResourceNames.Messaging} (environment ConnectionStrings__{ResourceNames.Messaging}) must be the broker's amqp:// URI.");
        var broker = new Uri(connectionString);
        var options = builder.Services.AddOptions<MessagingOptions>();
        if (defaults is not null)
            options.Configure(defaults);
        options.BindConfiguration(MessagingOptions.Section).ValidateDataAnnotations()
            .Validate(o => o.MaxRetryDelay >= o.RetryDelay, "Messaging:MaxRetryDelay must not be shorter than Messaging:RetryDelay.")
            .ValidateOnStart();
        builder.Services.AddHostedService<MessageRetention>();
        builder.Services.AddMassTransit(bus =>
        {
            bus.SetEndpointNameFormatter(new KebabCaseEndpointNameFormatter(service, false));
            consumers?.Invoke(bus);
            bus.UsingRabbitMq((context, rabbit) =>
            {
                rabbit.Host(broker, host =>
                {
                    var credentials = Uri.UnescapeDataString(broker.UserInfo).Split(':', 2);
                    host.Username(credentials.Length > 0 && credentials[0] != "" ? credentials[0] : "guest");
                    host.Password(credentials.Length > 1 ? credentials[1] : "guest");
                    // The outbox marks a row published only once the broker confirmed it (MassTransit's default, said outright).
                    host.PublisherConfirmation = true;
                });
                rabbit.UseMessageRetry(retry =>
                {
                    retry.Ignore<UnprocessableMessageException>();
                    retry.Exponential(5, TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(10), TimeSpan.FromMilliseconds(300));
                });
                if (context.GetRequiredService<Microsoft.Extensions.Options.IOptions<MessagingOptions>>().Value.ConcurrentMessageLimit is { } limit)
                {
                    rabbit.PrefetchCount = limit;
                    rabbit.ConcurrentMessageLimit = limit;
                }
                endpoints?.Invoke(context, rabbit);
                rabbit.ConfigureEndpoints(context);
            });
        });
        return builder;
    }

    /// <summary>
    /// Publishes what <see cref="OutboxExtensions.PublishOnSave{TEvent}"/> staged in <typeparamref name="TDb"/>, and
    /// reports readiness Degraded while any of it is parked. Needs <see cref="AddMessaging"/>.
    /// </summary>
    public static IHostApplicationBuilder AddOutboxDispatcher<TDb>(this IHostApplicationBuilder builder) where TDb : DbContext
    {
        builder.Services.AddHostedService<OutboxDispatcher<TDb>>();
        builder.Services.AddHealthChecks().AddParkedOutboxCheck<TDb>();
        return builder;
    }

    /// <summary>The readiness check behind <see cref="AddOutboxDispatcher{TDb}"/>: Degraded while outbox messages are parked.</summary>
    public static IHealthChecksBuilder AddParkedOutboxCheck<TDb>(this IHealthChecksBuilder checks) where TDb : DbContext =>
        checks.Add(new HealthCheckRegistration("outbox",
            services => new ParkedOutboxHealthCheck<TDb>(services.GetRequiredService<TDb>()),
            HealthStatus.Degraded, ["ready"], TimeSpan.FromSeconds(5)));
}

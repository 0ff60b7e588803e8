using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CreatorMeta.ServiceDefaults.Messaging;

public static class MessagingExtensions
{
    /// <summary>
    /// MassTransit over RabbitMQ from <c>ConnectionStrings:messaging</c> (an amqp:// URI). Queues are named
    /// "{service}-{consumer}"; failed messages are retried in place, then parked in the queue's _error queue.
    /// </summary>
    public static IHostApplicationBuilder AddMessaging(this IHostApplicationBuilder builder, string service,
        Action<IBusRegistrationConfigurator>? consumers = null,
        Action<IBusRegistrationContext, IRabbitMqBusFactoryConfigurator>? endpoints = null)
    {
        var connectionString = builder.Configuration.GetConnectionString(ResourceNames.Messaging)
            ?? throw new InvalidOperationException(
                $"ConnectionStrings:{ResourceNames.Messaging} (environment ConnectionStrings__{ResourceNames.Messaging}) must be the broker's amqp:// URI.");
        var broker = new Uri(connectionString);
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
                });
                rabbit.UseMessageRetry(retry =>
                {
                    retry.Ignore<UnprocessableMessageException>();
                    retry.Exponential(5, TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(10), TimeSpan.FromMilliseconds(300));
                });
                endpoints?.Invoke(context, rabbit);
                rabbit.ConfigureEndpoints(context);
            });
        });
        return builder;
    }

    /// <summary>Publishes what <see cref="OutboxExtensions.PublishOnSave{TEvent}"/> staged in <typeparamref name="TDb"/>.</summary>
    public static IHostApplicationBuilder AddOutboxDispatcher<TDb>(this IHostApplicationBuilder builder) where TDb : DbContext
    {
        builder.Services.AddHostedService<OutboxDispatcher<TDb>>();
        return builder;
    }
}

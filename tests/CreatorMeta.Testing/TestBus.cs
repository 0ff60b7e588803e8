using MassTransit;

namespace CreatorMeta.Testing;

/// <summary>A MassTransit bus on a service's virtual host: how a test sends events the way another service would.</summary>
public static class TestBus
{
    public static async Task<IBusControl> StartAsync(string messaging)
    {
        var bus = Bus.Factory.CreateUsingRabbitMq(rabbit => rabbit.Host(new Uri(messaging), host =>
        {
            host.Username("guest");
            host.Password("guest");
        }));
        await bus.StartAsync();
        return bus;
    }
}

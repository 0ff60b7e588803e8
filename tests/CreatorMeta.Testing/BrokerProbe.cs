using System.Text;
using System.Text.Json;
using RabbitMQ.Client;

namespace CreatorMeta.Testing;

/// <summary>
/// A plain AMQP client beside the services: it watches an exchange through its own temporary queue, or publishes
/// raw bytes as a connector in another language would. No MassTransit involved, so it sees exactly what is on the wire.
/// </summary>
public sealed class BrokerProbe : IAsyncDisposable
{
    private readonly IConnection _connection;
    private readonly IChannel _channel;
    private string? _queue;

    private BrokerProbe(IConnection connection, IChannel channel)
    {
        _connection = connection;
        _channel = channel;
    }

    /// <summary>Connects to <paramref name="broker"/>: the virtual host of the service under test (<see cref="ServiceHost.Messaging"/>).</summary>
    public static async Task<BrokerProbe> ConnectAsync(string broker)
    {
        var connection = await new ConnectionFactory { Uri = new Uri(broker) }.CreateConnectionAsync();
        return new BrokerProbe(connection, await connection.CreateChannelAsync());
    }

    /// <summary>Watches MassTransit's exchange for an event type ("Namespace:Type", fanout, durable).</summary>
    public async Task WatchEventAsync<TEvent>()
    {
        var exchange = $"{typeof(TEvent).Namespace}:{typeof(TEvent).Name}";
        await _channel.ExchangeDeclareAsync(exchange, ExchangeType.Fanout, durable: true, autoDelete: false);
        _queue = (await _channel.QueueDeclareAsync("", durable: false, exclusive: true, autoDelete: true)).QueueName;
        await _channel.QueueBindAsync(_queue, exchange, "");
    }

    /// <summary>Every message body received within the wait whose "message" matches; MassTransit wraps events in an envelope.</summary>
    public async Task<List<JsonElement>> ReceiveAsync(Func<JsonElement, bool> match, int expected, TimeSpan wait)
    {
        var found = new List<JsonElement>();
        var deadline = DateTime.UtcNow + wait;
        while (DateTime.UtcNow < deadline && found.Count < expected)
        {
            var result = await _channel.BasicGetAsync(_queue!, autoAck: true);
            if (result is null)
            {
                await Task.Delay(50);
                continue;
            }
            var envelope = JsonDocument.Parse(result.Body.ToArray()).RootElement;
            if (match(envelope.GetProperty("message")))
                found.Add(envelope);
        }
        return found;
    }

    /// <summary>
    /// Every message on the watched queue now, read until it is empty: for a test that knows everything was sent (a
    /// service's outbox marks a row published only once the broker has put it on every queue).
    /// </summary>
    public async Task<List<JsonElement>> DrainAsync()
    {
        var received = new List<JsonElement>();
        while (await _channel.BasicGetAsync(_queue!, autoAck: true) is { } result)
            received.Add(JsonDocument.Parse(result.Body.ToArray()).RootElement);
        return received;
    }

    /// <summary>
    /// Every message body received until one matches <paramref name="last"/> (which is included): the positive signal a
    /// test waits for before it asserts that something else did not arrive.
    /// </summary>
    public async Task<List<JsonElement>> ReceiveUntilAsync(Func<JsonElement, bool> last, TimeSpan wait)
    {
        var received = new List<JsonElement>();
        var deadline = DateTime.UtcNow + wait;
        while (DateTime.UtcNow < deadline)
        {
            var result = await _channel.BasicGetAsync(_queue!, autoAck: true);
            if (result is null)
            {
                await Task.Delay(50);
                continue;
            }
            var envelope = JsonDocument.Parse(result.Body.ToArray()).RootElement;
            received.Add(envelope);
            if (last(envelope.GetProperty("message")))
                return received;
        }
        throw new TimeoutException($"The awaited message did not arrive within {wait}.");
    }

    /// <summary>Publishes a body as-is with content type application/json, persistent, to a topic exchange.</summary>
    public async Task PublishRawJsonAsync(string exchange, string routingKey, string json)
    {
        await _channel.ExchangeDeclareAsync(exchange, ExchangeType.Topic, durable: true, autoDelete: false);
        var properties = new BasicProperties { ContentType = "application/json", DeliveryMode = DeliveryModes.Persistent };
        await _channel.BasicPublishAsync(exchange, routingKey, mandatory: false, properties, Encoding.UTF8.GetBytes(json));
    }

    /// <summary>Messages waiting in a queue; 0 for a queue not created yet (MassTransit makes _error queues on first use).</summary>
    public async Task<uint> MessageCountAsync(string queue)
    {
        // A failed passive declare closes its channel, so it gets one of its own.
        await using var channel = await _connection.CreateChannelAsync();
        try
        {
            return (await channel.QueueDeclarePassiveAsync(queue)).MessageCount;
        }
        catch (RabbitMQ.Client.Exceptions.OperationInterruptedException e) when (e.ShutdownReason?.ReplyCode == 404)
        {
            return 0;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _channel.DisposeAsync();
        await _connection.DisposeAsync();
    }
}

using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using Google.Protobuf;

namespace CreatorMeta.ServiceDefaults.Grpc;

/// <summary>
/// The parts of the gRPC-over-HTTP/2 wire format (grpc/doc/PROTOCOL-HTTP2.md) that both our server and client need:
/// length-prefixed message frames, the grpc-timeout header, and grpc-message percent-encoding.
/// </summary>
public static class GrpcWire
{
    public const string ContentType = "application/grpc";
    public const int MaxMessageBytes = 4 * 1024 * 1024;

    public static byte[] Frame(IMessage message)
    {
        var size = message.CalculateSize();
        var frame = new byte[5 + size];
        BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(1, 4), (uint)size);
        message.WriteTo(frame.AsSpan(5));
        return frame;
    }

    /// <summary>Reads exactly one uncompressed message frame; anything else is a protocol error the caller reports.</summary>
    public static T ReadSingleFrame<T>(ReadOnlySpan<byte> body, MessageParser<T> parser) where T : IMessage<T>
    {
        if (body.Length < 5)
            throw new GrpcException(GrpcStatusCode.Internal, "Message frame is missing or truncated.");
        if (body[0] != 0)
            throw new GrpcException(GrpcStatusCode.Unimplemented, "Compressed messages are not supported.");
        var length = BinaryPrimitives.ReadUInt32BigEndian(body.Slice(1, 4));
        if (length > MaxMessageBytes)
            throw new GrpcException(GrpcStatusCode.ResourceExhausted, $"Message of {length} bytes exceeds {MaxMessageBytes}.");
        if (body.Length != 5 + length)
            throw new GrpcException(GrpcStatusCode.Internal, "Expected exactly one message frame.");
        try
        {
            return parser.ParseFrom(body.Slice(5));
        }
        catch (InvalidProtocolBufferException e)
        {
            throw new GrpcException(GrpcStatusCode.Internal, $"Malformed message: {e.Message}");
        }
    }

    /// <summary>Parses "TimeoutValue TimeoutUnit" (at most 8 digits; H, M, S, m, u, n).</summary>
    public static TimeSpan? ParseTimeout(string? header)
    {
        if (string.IsNullOrEmpty(header) || header.Length < 2 || header.Length > 9)
            return null;
        if (!long.TryParse(header.AsSpan(0, header.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var value))
            return null;
        return header[^1] switch
        {
            'H' => TimeSpan.FromHours(value),
            'M' => TimeSpan.FromMinutes(value),
            'S' => TimeSpan.FromSeconds(value),
            'm' => TimeSpan.FromMilliseconds(value),
            'u' => TimeSpan.FromMicroseconds(value),
            'n' => TimeSpan.FromTicks(value / 100),
            _ => null,
        };
    }

    public static string FormatTimeout(TimeSpan timeout)
    {
        var ms = Math.Max(1, (long)Math.Ceiling(timeout.TotalMilliseconds));
        return ms < 100_000_000 ? $"{ms}m" : $"{Math.Min(99_999_999, (long)timeout.TotalSeconds)}S";
    }

    /// <summary>gRPC's own percent-encoding: only bytes outside printable ASCII, and '%', are escaped.</summary>
    public static string EncodeMessage(string message)
    {
        var builder = new StringBuilder();
        foreach (var b in Encoding.UTF8.GetBytes(message))
        {
            if (b is >= 0x20 and <= 0x7E && b != (byte)'%')
                builder.Append((char)b);
            else
                builder.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
        }
        return builder.ToString();
    }

    public static string DecodeMessage(string encoded)
    {
        if (!encoded.Contains('%'))
            return encoded;
        var bytes = new List<byte>(encoded.Length);
        for (var i = 0; i < encoded.Length; i++)
        {
            if (encoded[i] == '%' && i + 2 < encoded.Length
                && byte.TryParse(encoded.AsSpan(i + 1, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var b))
            {
                bytes.Add(b);
                i += 2;
            }
            else
            {
                bytes.Add((byte)encoded[i]);
            }
        }
        return Encoding.UTF8.GetString(bytes.ToArray());
    }
}

namespace CreatorMeta.ServiceDefaults.Grpc;

/// <summary>The standard gRPC status codes (grpc/doc/statuscodes.md); the numbers are the wire values.</summary>
public enum GrpcStatusCode
{
    Ok = 0,
    Cancelled = 1,
    Unknown = 2,
    InvalidArgument = 3,
    DeadlineExceeded = 4,
    NotFound = 5,
    AlreadyExists = 6,
    PermissionDenied = 7,
    ResourceExhausted = 8,
    FailedPrecondition = 9,
    Aborted = 10,
    OutOfRange = 11,
    Unimplemented = 12,
    Internal = 13,
    Unavailable = 14,
    DataLoss = 15,
    Unauthenticated = 16,
}

/// <summary>A call that ended with a non-OK status; thrown by handlers to answer with it, and by the client on receiving one.</summary>
public sealed class GrpcException(GrpcStatusCode status, string detail) : Exception($"{status}: {detail}")
{
    public GrpcStatusCode Status { get; } = status;
    public string Detail { get; } = detail;
}

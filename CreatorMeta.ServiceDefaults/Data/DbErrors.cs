using Microsoft.EntityFrameworkCore;

namespace CreatorMeta.ServiceDefaults.Data;

public static class DbErrors
{
    /// <summary>The save lost a race to a unique key: someone else stored the same thing first.</summary>
    public static bool IsUniqueViolation(this DbUpdateException e) =>
        e.InnerException is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation };
}

using Microsoft.EntityFrameworkCore;

namespace CreatorMeta.ServiceDefaults.Messaging;

public static class MessagingModel
{
    /// <summary>Maps the outbox table (created by messaging.sql, extended by messaging_parking.sql) into a service's DbContext.</summary>
    public static ModelBuilder AddOutbox(this ModelBuilder model)
    {
        model.Entity<OutboxMessage>(outbox =>
        {
            outbox.ToTable("outbox_messages");
            outbox.HasKey(m => m.Id);
            outbox.Property(m => m.Body).HasColumnType("jsonb");
        });
        return model;
    }
}

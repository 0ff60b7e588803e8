using CreatorMeta.Contracts;
using CreatorMeta.ServiceDefaults.Messaging;

namespace CreatorMeta.Hashtags.Messaging;

/// <summary>A message's platform and account in their one spelling, or the message is unprocessable.</summary>
internal static class Sent
{
    public static string Platform(string platform) => MessageFields.Required(Platforms.Normalize(platform), "platform", platform);

    public static string Account(string account) => MessageFields.Required(AccountHandles.Normalize(account), "account", account);
}

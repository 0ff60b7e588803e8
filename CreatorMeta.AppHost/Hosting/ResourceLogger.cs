namespace CreatorMeta.AppHost.Hosting;

/// <summary>Writes a resource's lines, each prefixed with the resource's name; to the console in its own colour by default.</summary>
public sealed class ResourceLogger(string name, int colour, Action<string>? sink = null)
{
    private static readonly Lock ConsoleLock = new();
    private readonly string _prefix = sink is null ? $"\u001b[{31 + colour % 6}m{name,-18}\u001b[0m| " : $"{name}| ";

    public void Line(string text)
    {
        if (sink is not null)
        {
            sink(_prefix + text);
            return;
        }
        lock (ConsoleLock)
            Console.Out.WriteLine(_prefix + text);
    }
}

namespace CreatorMeta.AppHost.Hosting;

/// <summary>Writes a resource's lines to the console, each prefixed with the resource's name in its own colour.</summary>
public sealed class ResourceLogger(string name, int colour)
{
    private static readonly Lock ConsoleLock = new();
    private readonly string _prefix = $"\u001b[{31 + colour % 6}m{name,-18}\u001b[0m| ";

    public void Line(string text)
    {
        lock (ConsoleLock)
            Console.Out.WriteLine(_prefix + text);
    }
}

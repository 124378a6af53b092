using System.Text.RegularExpressions;

namespace ProcedureAssistant.Api.Hosting;

/// <summary>
/// Hides the addresses of the service's own backends (a Qdrant URL, an embeddings endpoint) in text that anonymous
/// callers see: a 503 body or the readiness report. The logs keep them.
/// </summary>
internal static partial class InternalAddress
{
    public const string Placeholder = "[configured address]";

    public static string Hide(string text) => HostAndPort().Replace(Url().Replace(text, Placeholder), Placeholder);

    [GeneratedRegex(@"\b[a-zA-Z][a-zA-Z0-9+.\-]*://[^\s'""<>()]+", RegexOptions.CultureInvariant)]
    private static partial Regex Url();

    // What a socket error names without a scheme: "127.0.0.1:6333", "[::1]:6334", "qdrant.internal:6333", "localhost:6333".
    [GeneratedRegex(@"(\b\d{1,3}(\.\d{1,3}){3}(:\d{1,5})?\b|\[[0-9a-fA-F:.]+\](:\d{1,5})?|\b(localhost|[\w\-]+(\.[\w\-]+)+):\d{1,5}\b)", RegexOptions.CultureInvariant)]
    private static partial Regex HostAndPort();
}

using System.Text.RegularExpressions;

namespace ProcedureAssistant.Api.Hosting;

/// <summary>
/// Hides the addresses of the service's own backends (a Qdrant URL, an embeddings endpoint) in text that anonymous
/// callers see: a 503 body or the readiness report. The logs keep them.
/// </summary>
internal static partial class InternalAddress
{
    public const string Placeholder = "[configured address]";

    public static string Hide(string text) => Url().Replace(text, Placeholder);

    [GeneratedRegex(@"\b[a-zA-Z][a-zA-Z0-9+.\-]*://[^\s'""<>()]+", RegexOptions.CultureInvariant)]
    private static partial Regex Url();
}

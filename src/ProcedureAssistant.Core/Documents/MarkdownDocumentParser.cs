using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace ProcedureAssistant.Core.Documents;

/// <summary>Reads a corpus file: YAML front matter between <c>---</c> lines, then a Markdown body.</summary>
public sealed class MarkdownDocumentParser
{
    private readonly IDeserializer _yaml = new DeserializerBuilder()
        .WithNamingConvention(UnderscoredNamingConvention.Instance)
        .Build();

    /// <summary>Parses the file's bytes; <paramref name="sourcePath"/> names it in errors.</summary>
    /// <exception cref="DocumentParseException">The front matter is missing, malformed or incomplete.</exception>
    public CorpusDocument Parse(string sourcePath, byte[] content)
    {
        ArgumentNullException.ThrowIfNull(content);
        string text;
        try
        {
            text = new UTF8Encoding(false, true).GetString(content).TrimStart('\uFEFF');
        }
        catch (DecoderFallbackException ex)
        {
            throw new DocumentParseException(sourcePath, "the file is not valid UTF-8 text", ex);
        }

        text = text.Replace("\r\n", "\n", StringComparison.Ordinal).Normalize(NormalizationForm.FormC);
        if (!text.StartsWith("---\n", StringComparison.Ordinal))
        {
            throw new DocumentParseException(sourcePath, "no front matter: the file must start with a '---' line");
        }

        var end = text.IndexOf("\n---", 3, StringComparison.Ordinal);
        if (end < 0)
        {
            throw new DocumentParseException(sourcePath, "the front matter is not closed by a '---' line");
        }

        var yaml = text[4..(end + 1)];
        var bodyStart = text.IndexOf('\n', end + 4);
        var body = bodyStart < 0 ? string.Empty : text[(bodyStart + 1)..].Trim();

        FrontMatter front;
        try
        {
            front = _yaml.Deserialize<FrontMatter?>(yaml) ?? new FrontMatter();
        }
        catch (YamlException ex)
        {
            throw new DocumentParseException(sourcePath, $"the front matter is not valid YAML (line {ex.Start.Line}): {ex.InnerException?.Message ?? ex.Message}", ex);
        }

        return DocumentMarkup.Strip(new CorpusDocument
        {
            Id = Required(sourcePath, "id", front.Id),
            Type = ParseType(sourcePath, Required(sourcePath, "type", front.Type)),
            Title = Required(sourcePath, "title", front.Title),
            IsSummary = front.Summary ?? false,
            Number = Blank(front.Number),
            Code = Blank(front.Code),
            Issuer = Blank(front.Issuer),
            Field = Blank(front.Field),
            Levels = ProcedureLevels.ParseList(front.Level),
            Province = ProvinceKey.Of(front.Province),
            Authority = Blank(front.Authority),
            LegalBasis = front.LegalBasis ?? [],
            Issued = ParseDate(sourcePath, "issued", front.Issued),
            Effective = ParseDate(sourcePath, "effective", front.Effective),
            Expires = ParseDate(sourcePath, "expires", front.Expires),
            SupersededBy = Blank(front.SupersededBy),
            Source = Blank(front.Source),
            Sources = front.Sources ?? [],
            Aliases = front.Aliases ?? [],
            Body = body,
            SourcePath = sourcePath,
            ContentHash = Convert.ToHexStringLower(SHA256.HashData(content)),
        });
    }

    private static string Required(string sourcePath, string key, string? value) =>
        string.IsNullOrWhiteSpace(value)
            ? throw new DocumentParseException(sourcePath, $"the front matter has no '{key}'")
            : value.Trim();

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static DocumentType ParseType(string sourcePath, string value) => value.ToUpperInvariant() switch
    {
        "REGULATION" => DocumentType.Regulation,
        "PROCEDURE" => DocumentType.Procedure,
        "GUIDE" => DocumentType.Guide,
        _ => throw new DocumentParseException(sourcePath, $"'type: {value}' is not one of regulation, procedure, guide"),
    };

    private static DateOnly? ParseDate(string sourcePath, string key, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        return DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw new DocumentParseException(sourcePath, $"'{key}: {value}' is not a date written as YYYY-MM-DD");
    }

    // Front-matter keys as written in corpus files (snake_case); unknown keys are an error so typos surface.
    private sealed class FrontMatter
    {
        public string? Id { get; set; }
        public string? Type { get; set; }
        public string? Title { get; set; }
        public bool? Summary { get; set; }
        public string? Number { get; set; }
        public string? Code { get; set; }
        public string? Issuer { get; set; }
        public string? Field { get; set; }
        public string? Level { get; set; }
        public string? Province { get; set; }
        public string? Authority { get; set; }
        public List<string>? LegalBasis { get; set; }
        public string? Issued { get; set; }
        public string? Effective { get; set; }
        public string? Expires { get; set; }
        public string? SupersededBy { get; set; }
        public string? Source { get; set; }
        public List<string>? Sources { get; set; }
        public List<string>? Aliases { get; set; }
    }
}

using ProcedureAssistant.Core.Text;

namespace ProcedureAssistant.Core.Documents;

/// <summary>
/// A corpus document as plain text: what a parser read is stripped of markup (see <see cref="PlainText"/>) in every
/// field a reader sees, and its links kept only when they are http(s), so that nothing in the index can turn into a
/// live element or a script link on a page. A document without markup is returned as it is.
/// </summary>
internal static class DocumentMarkup
{
    public static CorpusDocument Strip(CorpusDocument document) => document with
    {
        Title = PlainText.Of(document.Title).Trim() is { Length: > 0 } title ? title : document.Id,
        Number = PlainText.OfOptional(document.Number),
        Code = PlainText.OfOptional(document.Code),
        Issuer = PlainText.OfOptional(document.Issuer),
        Field = PlainText.OfOptional(document.Field),
        Authority = PlainText.OfOptional(document.Authority),
        LegalBasis = Texts(document.LegalBasis),
        Source = PlainText.HttpUrl(document.Source),
        Sources = document.Sources.Select(PlainText.HttpUrl).OfType<string>().ToList(),
        Aliases = Texts(document.Aliases),
        Body = PlainText.Of(document.Body),
    };

    private static List<string> Texts(IEnumerable<string> values) => values.Select(PlainText.OfOptional).OfType<string>().ToList();
}

namespace ProcedureAssistant.Core.Text;

/// <summary>Cuts long passages for quotes and snippets without breaking a word.</summary>
public static class TextExcerpt
{
    /// <summary>The text, cut at a sentence or word boundary before the limit and marked with "…" when cut.</summary>
    public static string Shorten(string text, int maxCharacters)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length <= maxCharacters)
        {
            return text;
        }

        var cut = text.LastIndexOfAny(['.', ';', '\n'], maxCharacters - 1);
        if (cut < maxCharacters / 2)
        {
            cut = text.LastIndexOf(' ', maxCharacters - 1);
        }

        return text[..(cut > 0 ? cut + 1 : maxCharacters)].TrimEnd() + " …";
    }
}

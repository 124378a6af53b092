namespace ProcedureAssistant.Core.Text;

/// <summary>Cuts long passages for quotes and snippets without breaking a word.</summary>
public static class TextExcerpt
{
    /// <summary>
    /// The text, cut at a sentence or word boundary before the limit and marked with "…" when cut. With
    /// <paramref name="stretch"/>, a clause that runs past the limit and ends within that many characters after it is
    /// kept whole rather than cut at a word ("Phòng Kinh tế, Hạ …" loses the body it names).
    /// </summary>
    public static string Shorten(string text, int maxCharacters, int stretch = 0)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length <= maxCharacters)
        {
            return text;
        }

        var cut = text.LastIndexOfAny(['.', ';', '\n'], maxCharacters - 1);
        if (cut < maxCharacters / 2)
        {
            var clauseEnd = stretch > 0 ? ClauseEnd(text, maxCharacters) : -1;
            cut = clauseEnd >= 0 && clauseEnd < maxCharacters + stretch ? clauseEnd : text.LastIndexOf(' ', maxCharacters - 1);
        }

        var kept = text[..(cut > 0 ? cut + 1 : maxCharacters)].TrimEnd();
        return kept.Length >= text.TrimEnd().Length ? text : kept + " …";
    }

    // The first end of a clause at or after the position: a full stop before a space, a semicolon, a line end, the
    // text's end.
    private static int ClauseEnd(string text, int from)
    {
        for (var i = from; i < text.Length; i++)
        {
            if (text[i] is ';' or '\n' || (text[i] == '.' && i + 1 < text.Length && text[i + 1] == ' '))
            {
                return i;
            }
        }

        return text.Length - 1;
    }
}

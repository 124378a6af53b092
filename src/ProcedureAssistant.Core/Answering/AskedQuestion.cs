using ProcedureAssistant.Core.Text;

namespace ProcedureAssistant.Core.Answering;

/// <summary>A question as the steps after retrieval weigh it.</summary>
/// <param name="Asked">The question as typed.</param>
/// <param name="SearchText">The text searched: the question, or a follow-up behind its topic.</param>
/// <param name="IsFollowUp">Whether the question was searched behind an earlier topic.</param>
/// <param name="Terms">The folded topic terms of the search text, without field cues.</param>
/// <param name="OwnTerms">The folded topic terms of the question as typed, without field cues.</param>
/// <param name="Fields">The procedure fields asked for, in the order asked.</param>
internal sealed record AskedQuestion(string Asked, string SearchText, bool IsFollowUp, IReadOnlySet<string> Terms, IReadOnlySet<string> OwnTerms, IReadOnlyList<string> Fields)
{
    public static AskedQuestion Of(string asked, string searchText, bool isFollowUp, TextAnalyzer analyzer) =>
        new(asked, searchText, isFollowUp, TopicTerms(analyzer, searchText), TopicTerms(analyzer, asked), AskedFields.In(searchText));

    // Which field is asked ("mất bao lâu", "lệ phí") says nothing about which document answers.
    private static HashSet<string> TopicTerms(TextAnalyzer analyzer, string text)
    {
        var terms = DocumentCatalog.FoldedQueryTerms(analyzer, text);
        terms.ExceptWith(AskedFields.CueTerms(text));
        return terms;
    }
}

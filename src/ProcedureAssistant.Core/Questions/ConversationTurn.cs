using System.Text.RegularExpressions;

namespace ProcedureAssistant.Core.Questions;

/// <summary>What a conversation remembers of its last question, so that a follow-up can be read against it.</summary>
/// <param name="Topic">The name of what was answered (a document's title), or the question's own words when nothing was.</param>
/// <param name="Fields">The items the question asked for; a follow-up that names none asks for these again.</param>
/// <param name="DocumentId">The document answered from, or null.</param>
public sealed partial record ConversationTurn(string Topic, IReadOnlyList<AskedField> Fields, string? DocumentId = null)
{
    /// <summary>The service asked back which procedure the question's item is of: the next question answers that.</summary>
    public bool AskedWhichProcedure { get; init; }

    /// <summary>The procedures the service asked back between (their document ids): the next question is the reply.</summary>
    public IReadOnlyList<string> OptionsOffered { get; init; } = [];

    /// <summary>The question asked for the whole procedure ("làm thủ tục gì"): a reply to the service's question which one was meant asks it again.</summary>
    public bool AskedWholeProcedure { get; init; }

    /// <summary>The service said where places belong now (the commune mapping answered).</summary>
    public bool LookedUpPlaces { get; init; }

    /// <summary>The communes that lookup was about, as the question named them ("xã Quảng Long").</summary>
    public IReadOnlyList<string> PlacesLookedUp { get; init; } = [];

    /// <summary>
    /// The other procedures the answer named by title and code, for a paper or a step they give ("xem thủ tục “Cấp
    /// Giấy xác nhận tình trạng hôn nhân” (mã 1.004873)"): "giấy đó xin ở đâu" next is about the one named.
    /// </summary>
    public IReadOnlyList<string> ProceduresNamed { get; init; } = [];

    /// <summary>The titles of the procedures an answer's text names as a record does: “title” (mã code).</summary>
    public static IReadOnlyList<string> ProceduresNamedIn(string answer) =>
        [.. NamedProcedure().Matches(answer).Select(m => m.Groups[1].Value).Distinct(StringComparer.Ordinal)];

    [GeneratedRegex(@"“([^”]+)”\s*\(mã\s+[0-9]\.[0-9]{6}\)")]
    private static partial Regex NamedProcedure();
}

namespace ProcedureAssistant.Core.Questions;

/// <summary>What a conversation remembers of its last question, so that a follow-up can be read against it.</summary>
/// <param name="Topic">The name of what was answered (a document's title), or the question's own words when nothing was.</param>
/// <param name="Fields">The items the question asked for; a follow-up that names none asks for these again.</param>
/// <param name="DocumentId">The document answered from, or null.</param>
public sealed record ConversationTurn(string Topic, IReadOnlyList<AskedField> Fields, string? DocumentId = null)
{
    /// <summary>The service asked back which procedure the question's item is of: the next question answers that.</summary>
    public bool AskedWhichProcedure { get; init; }

    /// <summary>The service said where places belong now (the commune mapping answered).</summary>
    public bool LookedUpPlaces { get; init; }

    /// <summary>The communes that lookup was about, as the question named them ("xã Quảng Long").</summary>
    public IReadOnlyList<string> PlacesLookedUp { get; init; } = [];
}

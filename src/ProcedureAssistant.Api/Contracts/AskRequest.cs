using System.ComponentModel.DataAnnotations;

namespace ProcedureAssistant.Api.Contracts;

/// <summary>A question to answer.</summary>
/// <param name="Question">The question, in Vietnamese, with or without diacritics (at most 2,000 characters).</param>
/// <param name="Persona"><c>citizen</c> (default) or <c>official</c>.</param>
/// <param name="TopK">How many chunks to answer from (1–20; default from Retrieval:TopK).</param>
/// <param name="ConversationId">The id returned with the previous answer, so that a follow-up keeps its topic (no control characters).</param>
public sealed record AskRequest(
    [Required, StringLength(2000)] string? Question,
    [AllowedValues("citizen", "official", null)] string? Persona = null,
    [Range(1, 20)] int? TopK = null,
    [StringLength(100), RegularExpression(@"^[^\p{Cc}]*$", ErrorMessage = "The conversation id holds a control character.")] string? ConversationId = null);

using System.ComponentModel.DataAnnotations;

namespace ProcedureAssistant.Api.Contracts;

/// <summary>A question to answer.</summary>
/// <param name="Question">The question, in Vietnamese, with or without diacritics (at most 2,000 characters).</param>
/// <param name="Persona"><c>citizen</c> (default) or <c>official</c>.</param>
/// <param name="TopK">How many chunks to answer from (1–20; default from Retrieval:TopK).</param>
/// <param name="ConversationId">The id returned with the previous answer, so that a follow-up keeps its topic (no control characters).</param>
/// <param name="Province">
/// The province whose texts (with the national ones) the answer may cite, by key or name (<c>dak-lak</c>, "Đắk Lắk");
/// default: the deployment's (Corpus:Province). It must be the default or a province the index holds texts of.
/// </param>
public sealed record AskRequest(
    [Required, StringLength(2000)] string? Question,
    [AllowedValues("citizen", "official", null)] string? Persona = null,
    [Range(1, 20)] int? TopK = null,
    [StringLength(100), RegularExpression(@"^[^\p{Cc}]*$", ErrorMessage = "The conversation id holds a control character.")] string? ConversationId = null,
    [StringLength(100)] string? Province = null);

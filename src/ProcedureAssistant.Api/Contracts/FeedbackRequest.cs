using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace ProcedureAssistant.Api.Contracts;

/// <summary>A person's verdict on one answer, stored with the question, the answer, its citations and its decision rule.</summary>
/// <param name="Rating"><c>helpful</c> ("Hữu ích") or <c>wrong</c> ("Chưa đúng").</param>
/// <param name="Question">The question as asked.</param>
/// <param name="Answer">The answer as shown.</param>
/// <param name="DecisionRule">The <c>decision.rule</c> of the answer.</param>
/// <param name="Citations">The answer's citations.</param>
/// <param name="Reason">With <c>wrong</c> only: what is wrong.</param>
/// <param name="Comment">Free text.</param>
/// <param name="Persona"><c>citizen</c> or <c>official</c>: who the answer was written for.</param>
/// <param name="ConversationId">The answer's <c>conversationId</c>.</param>
public sealed record FeedbackRequest(
    [property: Description("helpful (\"Hữu ích\") or wrong (\"Chưa đúng\").")]
    [Required, AllowedValues("helpful", "wrong")] string? Rating,
    [property: Description("The question as asked (at most 2,000 characters).")]
    [Required, StringLength(2000)] string? Question,
    [property: Description("The answer as shown (at most 20,000 characters).")]
    [Required, StringLength(20000)] string? Answer,
    [property: Description("The decision.rule of the answer.")]
    [Required, StringLength(100)] string? DecisionRule,
    [property: Description("The answer's citations (at most 20).")]
    [MaxLength(20)] IReadOnlyList<FeedbackCitation>? Citations = null,
    [property: Description("With rating 'wrong' only: wrong-facts, incomplete, wrong-source, hard-to-read or other.")]
    [AllowedValues("wrong-facts", "incomplete", "wrong-source", "hard-to-read", "other", null)] string? Reason = null,
    [property: Description("Free text (at most 2,000 characters).")]
    [StringLength(2000)] string? Comment = null,
    [property: Description("citizen or official: who the answer was written for.")]
    [AllowedValues("citizen", "official", null)] string? Persona = null,
    [property: Description("The answer's conversationId.")]
    [StringLength(100)] string? ConversationId = null) : IValidatableObject
{
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Reason is not null && Rating != "wrong")
        {
            yield return new ValidationResult("A reason goes with the rating 'wrong' only.", [nameof(Reason)]);
        }
    }
}

/// <summary>One citation of the answer the feedback is about.</summary>
/// <param name="Index">Its number in the answer, from 1.</param>
/// <param name="DocumentId">The cited document.</param>
/// <param name="ChunkId">The cited passage.</param>
/// <param name="Title">The document's title as shown.</param>
public sealed record FeedbackCitation(
    [property: Description("Its number in the answer, from 1.")]
    [Range(1, 100)] int Index,
    [property: Description("The cited document's id.")]
    [Required, StringLength(200)] string? DocumentId,
    [property: Description("The cited passage's id.")]
    [StringLength(300)] string? ChunkId = null,
    [property: Description("The document's title as shown.")]
    [StringLength(500)] string? Title = null);

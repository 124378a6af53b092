using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace ProcedureAssistant.Api.Contracts;

/// <summary>
/// A question handed to a person at the commune's public-service centre ("Gửi câu hỏi cho cán bộ"). A name and a
/// phone number are taken only with <paramref name="Consent"/>; without it the person keeps the reference number.
/// </summary>
/// <param name="Question">The question for the officer.</param>
/// <param name="Conversation">The questions asked and answers shown before, oldest first.</param>
/// <param name="Consent">True when the person agrees that the name and phone are kept to call back.</param>
/// <param name="Name">With consent: how to address the person.</param>
/// <param name="Phone">With consent (then required): a Vietnamese phone number.</param>
/// <param name="Commune">The commune or ward the question is about.</param>
/// <param name="Persona"><c>citizen</c> or <c>official</c>.</param>
/// <param name="ConversationId">The conversation's id.</param>
public sealed record HandoffRequest(
    [property: Description("The question for the officer (at most 2,000 characters).")]
    [Required, StringLength(2000)] string? Question,
    [property: Description("The questions asked and answers shown before, oldest first (at most 20).")]
    [MaxLength(20)] IReadOnlyList<HandoffTurn>? Conversation = null,
    [property: Description("True when the person agrees that the name and phone are kept to call back; name and phone are refused without it.")]
    bool Consent = false,
    [property: Description("With consent: how to address the person.")]
    [StringLength(100)] string? Name = null,
    [property: Description("With consent (then required): a Vietnamese phone number, 0xxxxxxxxx or +84xxxxxxxxx; spaces, dots and dashes are ignored.")]
    [StringLength(20)] string? Phone = null,
    [property: Description("The commune or ward the question is about.")]
    [StringLength(200)] string? Commune = null,
    [property: Description("citizen or official.")]
    [AllowedValues("citizen", "official", null)] string? Persona = null,
    [property: Description("The conversation's id.")]
    [StringLength(100)] string? ConversationId = null) : IValidatableObject
{
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var hasName = !string.IsNullOrWhiteSpace(Name);
        var hasPhone = !string.IsNullOrWhiteSpace(Phone);
        if (!Consent && (hasName || hasPhone))
        {
            yield return new ValidationResult("A name or phone number is kept only with consent: set consent to true, or leave them out.", [nameof(Consent)]);
        }

        if (Consent && !hasPhone)
        {
            yield return new ValidationResult("With consent, give the phone number to call back on.", [nameof(Phone)]);
        }

        if (hasPhone && PhoneNumber.Normalize(Phone!) is null)
        {
            yield return new ValidationResult("Not a Vietnamese phone number: 10 or 11 digits starting with 0, or +84 and 9 or 10 digits.", [nameof(Phone)]);
        }
    }
}

/// <summary>One earlier question of the conversation and the answer shown.</summary>
public sealed record HandoffTurn(
    [property: Description("The question (at most 2,000 characters).")]
    [Required, StringLength(2000)] string? Question,
    [property: Description("The answer shown (at most 20,000 characters).")]
    [StringLength(20000)] string? Answer = null);

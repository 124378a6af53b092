namespace ProcedureAssistant.Core.Answering;

/// <summary>
/// A question that asks for a person's private data (a phone number, a home address, an identity number of a named
/// person or official; phrases in <c>question-forms.tsv</c>) is declined with the reason, whatever the texts hold.
/// </summary>
internal sealed class PersonalDataRule : AnswerRule
{
    public override string Name => "personal-data";

    public override string Reason => "The question asks for a person's private data, which the service does not give out.";

    internal override Reply? Decide(AnswerContext context) => context.Reading.AsksForPersonalData ? new PersonalDataReply() : null;
}

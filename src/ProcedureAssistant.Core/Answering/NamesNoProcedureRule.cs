using ProcedureAssistant.Core.Questions;

namespace ProcedureAssistant.Core.Answering;

/// <summary>
/// A question that opens a conversation asking for an item ("mất bao lâu?", "phí bao nhiêu vậy?") but names nothing it
/// is an item of: no procedure or text, no code or number, no word of a topic beyond the question words (a province
/// named, "lệ phí ở Đắk Lắk bao nhiêu", still leaves the procedure open). Any answer would be a guess at the procedure,
/// so the reply asks which one is meant; the next question, naming it, is read as its follow-up and gets the item
/// asked. Where to file is the exception: it has one answer for every procedure since 1 July 2025 (the commune's or the
/// province's service centre), which the texts state.
/// </summary>
internal sealed class NamesNoProcedureRule : AnswerRule
{
    public override string Name => "names-no-procedure";

    public override string Reason => "The question asks for an item of a procedure but names no procedure, text or topic.";

    internal override Reply? Decide(AnswerContext context)
    {
        var reading = context.Reading;
        var namesNothing = reading.Fields.Count > 0 && reading.Fields[0] != AskedField.Place && !reading.IsFollowUp && reading.NamedIdentifiers.Count == 0 &&
            reading.OwnTopicTerms.All(term => term.Split(' ').All(word => context.Cues.Forms.IsPhrase(QuestionForm.QuestionWord, word)));
        return namesNothing ? new AskWhichProcedureReply(reading.Fields[0]) : null;
    }
}

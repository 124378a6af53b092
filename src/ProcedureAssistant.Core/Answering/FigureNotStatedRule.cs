using ProcedureAssistant.Core.Questions;

namespace ProcedureAssistant.Core.Answering;

/// <summary>
/// All the question asks is a figure no one section of a record holds (an amount paid out, by when the person must
/// act, a fine), and the chosen record states none of them: the reply names what is not known, with the office and the
/// text the record rests on, and refers the person, rather than recite the record's other items. A question that also
/// asks an item the record states is answered, with the one line on what it does not say.
/// </summary>
internal sealed class FigureNotStatedRule : AnswerRule
{
    public override string Name => "figure-not-stated";

    public override string Reason => "What is asked is a sum, a deadline or a fine, and the chosen record states none of them.";

    internal override Reply? Decide(AnswerContext context)
    {
        var fields = context.Reading.Fields;
        return context.Record is { } record && fields.Count > 0 && fields.All(f => f is AskedField.Amount or AskedField.Deadline or AskedField.Penalty && !record.Gives(f))
            ? new ReferReply(string.Join(", ", fields.Select(AnswerComposer.Label)), record.Document, context.Reading.Place)
            : null;
    }
}

using ProcedureAssistant.Core.Documents;

namespace ProcedureAssistant.Core.Answering;

/// <summary>
/// The same procedure is held at several levels, the question names none, and a citizen asks, or an official who
/// speaks of the commune alone: a citizen files at the commune, so the commune-level record answers and the answer
/// says which level it is about. Another official is asked which level is meant (<see cref="AmbiguousProceduresRule"/>).
/// </summary>
internal sealed class CommuneLevelRule : AnswerRule
{
    public override string Name => "commune-level";

    public override string Reason => "The procedure exists at several levels and the question names none; a citizen is answered for the commune level.";

    internal override Reply? Decide(AnswerContext context)
    {
        // An official who speaks of the commune alone ("xã phải phê duyệt kế hoạch … trước ngày nào") means the
        // commune's record too; one who names no level, or several, is asked which.
        if (context.Reading.Level is not null || (context.Persona != Persona.Citizen && !context.Reading.SpeaksOfTheCommuneOnly))
        {
            return null;
        }

        var variants = ProcedureVariants.Of(context);
        var commune = variants.Records.FirstOrDefault(v => v.Document.Levels.Contains(ProcedureLevels.Commune));
        return variants.SameProcedure && commune is not null
            ? new AnswerReply(ProcedureVariants.ChoiceOf(commune, context))
            : null;
    }
}

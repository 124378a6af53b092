using ProcedureAssistant.Core.Documents;

namespace ProcedureAssistant.Core.Answering;

/// <summary>
/// The same procedure is held at several levels, the question names none, and a citizen asks: a citizen files at the
/// commune, so the commune-level record answers and the answer says which level it is about. An official is asked
/// which level is meant instead (<see cref="AmbiguousProceduresRule"/>).
/// </summary>
internal sealed class CommuneLevelRule : AnswerRule
{
    public override string Name => "commune-level";

    public override string Reason => "The procedure exists at several levels and the question names none; a citizen is answered for the commune level.";

    internal override Reply? Decide(AnswerContext context)
    {
        if (context.Persona != Persona.Citizen || context.Reading.Level is not null)
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

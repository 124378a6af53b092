namespace ProcedureAssistant.Core.Answering;

/// <summary>Who is asking: the answer's wording and emphasis follow.</summary>
public enum Persona
{
    /// <summary>A citizen filing a procedure: plain checklist.</summary>
    Citizen,

    /// <summary>A commune official: competence, legal basis, what changed.</summary>
    Official,
}

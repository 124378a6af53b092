namespace ProcedureAssistant.Core.Answering;

/// <summary>How an answer was produced.</summary>
public enum AnswerMode
{
    /// <summary>Composed offline from the retrieved texts.</summary>
    Extractive,

    /// <summary>Written by a chat model from the retrieved texts.</summary>
    Generative,
}

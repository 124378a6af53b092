namespace ProcedureAssistant.Core.Answering;

/// <summary>One statement of a text that something is not known.</summary>
/// <param name="Subject">What is not known: "Mức trợ cấp", "danh sách các nhiệm vụ này".</param>
/// <param name="Line">The whole line that states it, with whatever else the line says.</param>
internal sealed record DeclaredGap(string Subject, string Line);

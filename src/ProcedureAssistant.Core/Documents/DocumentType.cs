namespace ProcedureAssistant.Core.Documents;

/// <summary>What kind of text a corpus document is.</summary>
public enum DocumentType
{
    /// <summary>A legal text: law, resolution, decree, circular, decision.</summary>
    Regulation,

    /// <summary>One administrative procedure (thủ tục hành chính) record.</summary>
    Procedure,

    /// <summary>Practical context written for users (centres, channels, the province).</summary>
    Guide,
}

namespace ProcedureAssistant.Core.Documents;

/// <summary>A date of a legal text a question can ask: when it was signed, when it takes effect, when it ends.</summary>
public enum TextDate
{
    /// <summary>"ký ngày nào", "ban hành khi nào".</summary>
    Issued,

    /// <summary>"có hiệu lực từ ngày nào", "áp dụng từ hôm nào".</summary>
    InForce,

    /// <summary>"áp dụng đến bao giờ", "hết hiệu lực khi nào", "còn hiệu lực không".</summary>
    Ends,
}

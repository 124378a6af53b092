namespace ProcedureAssistant.Core.Questions;

/// <summary>An item of a procedure a question can ask for (data: <c>Text/Data/asked-fields.tsv</c>).</summary>
public enum AskedField
{
    /// <summary>The fee (lệ phí, "bao nhiêu tiền").</summary>
    Fee,

    /// <summary>The time limit ("mất bao lâu").</summary>
    Time,

    /// <summary>Where and how to file ("nộp ở đâu", "online").</summary>
    Place,

    /// <summary>The documents to bring ("cần giấy tờ gì").</summary>
    Documents,

    /// <summary>The competent body ("ai giải quyết", "thẩm quyền").</summary>
    Authority,

    /// <summary>The legal basis ("căn cứ", "nghị định nào").</summary>
    LegalBasis,

    /// <summary>The steps ("trình tự", "các bước").</summary>
    Steps,

    /// <summary>Who may apply and under which conditions.</summary>
    Conditions,

    /// <summary>What one receives.</summary>
    Result,

    /// <summary>An amount paid out or owed ("mức trợ cấp", "được bao nhiêu tiền"), not the procedure's fee.</summary>
    Amount,

    /// <summary>By when the person must act ("hạn chót", "phải đi gia hạn trước mấy ngày"), not how long the office takes.</summary>
    Deadline,

    /// <summary>A fine for not doing it ("mức phạt", "có bị phạt không"): no procedure record gives one but in words that say so.</summary>
    Penalty,

    /// <summary>The form to fill in ("đơn theo mẫu nào", "tờ khai mẫu gì"): a line of the record that names one, wherever it is.</summary>
    Form,
}

namespace ProcedureAssistant.Core.Documents.Catalogue;

/// <summary>One row of a catalogue record's legal basis (căn cứ pháp lý): the text's number and its title.</summary>
/// <param name="Number">"51/2019/QH14", "601/QĐ-BTC"; null when the row gives a title only.</param>
/// <param name="Title">"Luật Quản lý thuế"; null when the row gives a number only.</param>
internal sealed record LegalReference(string? Number, string? Title)
{
    /// <summary>"51/2019/QH14: Luật Quản lý thuế", or the title alone when it already names the number.</summary>
    public override string ToString() => (Number, Title) switch
    {
        (null, null) => string.Empty,
        (null, _) => Title!,
        (_, null) => Number!,
        _ when Title!.Contains(Number!, StringComparison.Ordinal) => Title,
        _ => $"{Number}: {Title}",
    };
}

namespace ProcedureAssistant.Core.Communes;

/// <summary>A commune named in a question ("xã Hòa Phú cũ"), with every commune the name can be.</summary>
/// <param name="Text">The words of the question that name it, kind word included ("xã Hòa Phú").</param>
/// <param name="MarkedOld">True when the question marks it as the old unit ("cũ", "trước đây", "trước sáp nhập").</param>
/// <param name="Candidates">The matching communes, old and new (see <see cref="CommuneDirectory.Find"/>).</param>
public sealed record CommuneMention(string Text, bool MarkedOld, IReadOnlyList<CommuneMatch> Candidates)
{
    /// <summary>Communes of the same name left out of <see cref="Candidates"/> because they lie outside the province asked for.</summary>
    public IReadOnlyList<CommuneMatch> Elsewhere { get; init; } = [];
}

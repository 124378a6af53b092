namespace ProcedureAssistant.Core.Communes;

/// <summary>The communes and provinces a free question names, in the order it names them.</summary>
/// <param name="Communes">Communes named with their kind word ("xã …", "phường …", "thị trấn …", "đặc khu …").</param>
/// <param name="Provinces">Provinces named, old or new.</param>
public sealed record QuestionPlaces(IReadOnlyList<CommuneMention> Communes, IReadOnlyList<ProvinceMention> Provinces)
{
    /// <summary>True when the question names no place the directory knows.</summary>
    public bool IsEmpty => Communes.Count == 0 && Provinces.Count == 0;
}

using ProcedureAssistant.Core.Questions;
using ProcedureAssistant.Core.Retrieval;
using ProcedureAssistant.Core.Text;

namespace ProcedureAssistant.Core.Answering;

/// <summary>
/// Fees and time limits are set by each province. Asked for a province no text mentions ("lệ phí … ở Nghệ An"), the
/// sources do not hold the figure even when a record gives the national rule: the reply says so and refers the person.
/// A former province counts as the one it is part of now ("Phú Yên cũ" is Đắk Lắk).
/// </summary>
internal sealed class PlaceNotCoveredRule : AnswerRule
{
    public override string Name => "place-not-covered";

    public override string Reason => "A fee or time limit is asked for a province no text covers.";

    internal override Reply? Decide(AnswerContext context)
    {
        var reading = context.Reading;
        var figure = reading.Fields.FirstOrDefault(f => f is AskedField.Fee or AskedField.Time or AskedField.Amount, (AskedField)(-1));
        if ((int)figure < 0 || reading.Place?.Province is not { } province || Mentioned(province, context.Statistics))
        {
            return null;
        }

        return new ReferReply($"{AnswerComposer.Label(figure)} ở {reading.Place.NamedProvince ?? province}", Place: reading.Place);
    }

    // Every syllable pair of the name (or its one syllable) is in some document.
    private static bool Mentioned(string province, DocumentStatistics statistics)
    {
        var syllables = TextAnalyzer.Syllables(province).Select(VietnameseText.Fold).ToList();
        return syllables.Count == 1 ? statistics.IsKnown(syllables[0]) : syllables.Zip(syllables.Skip(1), (a, b) => a + " " + b).All(statistics.IsKnown);
    }
}

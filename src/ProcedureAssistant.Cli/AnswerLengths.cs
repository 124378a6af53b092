using System.Globalization;
using ProcedureAssistant.Lab.Evaluation;

namespace ProcedureAssistant.Cli;

/// <summary>The length distribution of the answers that answer (refusals left out), overall and for citizens.</summary>
internal sealed record AnswerLengths(int Answers, double Median, double P90, int Max, double CitizenMedian)
{
    public static AnswerLengths From(IReadOnlyList<QaItemResult> results)
    {
        var answered = results.Where(r => !r.Abstained).Select(r => r.Answer.Length).Order().ToList();
        var citizen = results.Where(r => !r.Abstained && r.Item.Persona != "official").Select(r => r.Answer.Length).Order().ToList();
        return new AnswerLengths(answered.Count, Percentile(answered, 0.5), Percentile(answered, 0.9), answered.Count == 0 ? 0 : answered[^1], Percentile(citizen, 0.5));
    }

    public string Describe() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Answers} answers, median {Median:0}, 90th percentile {P90:0}, longest {Max}; citizens' median {CitizenMedian:0}");

    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"answerLength answers={Answers} median={Median:0} p90={P90:0} max={Max} citizenMedian={CitizenMedian:0}");

    private static double Percentile(List<int> sorted, double share)
    {
        if (sorted.Count == 0)
        {
            return double.NaN;
        }

        var at = share * (sorted.Count - 1);
        var low = (int)Math.Floor(at);
        var high = (int)Math.Ceiling(at);
        return sorted[low] + ((sorted[high] - sorted[low]) * (at - low));
    }
}

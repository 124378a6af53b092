using System.Security.Cryptography;
using System.Text;
using ProcedureAssistant.Core.Text;

namespace ProcedureAssistant.Core.Reranking;

/// <summary>How a <see cref="RerankerModel"/> was trained.</summary>
/// <param name="Trainer">The learner and its settings, as text.</param>
/// <param name="Datasets">Each training set's name and its number of questions.</param>
/// <param name="Questions">Fingerprints (<see cref="RerankerTraining.Fingerprint"/>) of every training question, sorted: a set to evaluate on is checked against them.</param>
public sealed record RerankerTraining(string Trainer, IReadOnlyList<RerankerDataset> Datasets, IReadOnlyList<string> Questions)
{
    /// <summary>How many of <paramref name="questions"/> the model was trained on (their figures would be contaminated).</summary>
    public int CountTrainedOn(IEnumerable<string> questions)
    {
        ArgumentNullException.ThrowIfNull(questions);
        var trained = Questions.ToHashSet(StringComparer.Ordinal);
        return questions.Count(q => trained.Contains(Fingerprint(q)));
    }

    /// <summary>
    /// The fingerprint of a question: 16 hex digits of the SHA-256 of its normalised, diacritic-free words, so that
    /// the same question typed with or without marks, in other case or spacing, has one fingerprint.
    /// </summary>
    public static string Fingerprint(string question)
    {
        ArgumentNullException.ThrowIfNull(question);
        var words = TextAnalyzer.Syllables(VietnameseText.Fold(question));
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes(string.Join(' ', words)));
        return Convert.ToHexStringLower(bytes)[..16];
    }
}
